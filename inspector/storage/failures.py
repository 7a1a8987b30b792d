"""What SQLite and the operating system say about the disk, turned into coded errors.

A damaged database, a full disk, a read-only folder or a missing permission is the user's
situation, not a bug: the CLI's top level, the app's start and ``open_database`` ask
``storage_problem`` for the ``StorageProblem`` that names it. Everything else — a constraint, a
syntax error, a closed connection, an OSError of another kind — gets None, so that callers
re-raise it: a programming error must never be dressed up as a disk problem.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from inspector.domain.errors import StorageProblem

DAMAGED = "database_damaged"
DISK_FULL = "disk_full"
READ_ONLY = "read_only"
NO_PERMISSION = "no_permission"
CANNOT_OPEN = "database_cannot_open"
DISK_ERROR = "disk_error"

# SQLite's primary result codes (the low byte of ``sqlite_errorcode``), by what they mean here.
_SQLITE_CODES: dict[int, str] = {
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_NOTADB: DAMAGED,
    sqlite3.SQLITE_FULL: DISK_FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_PERM: NO_PERMISSION,
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: DISK_ERROR,
}
_OS_CODES: dict[int, str] = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
}


def storage_problem(error: BaseException, *, file: str | Path) -> StorageProblem | None:
    """The ``StorageProblem`` ``error`` stands for, or None when it is not a disk matter.

    ``file`` is named when the error itself names none (SQLite never does: it is the database).
    """
    if isinstance(error, sqlite3.DatabaseError):
        # Errors the sqlite3 module raises itself (closed database, wrong parameters) carry no
        # SQLite code: they are programming errors.
        code = getattr(error, "sqlite_errorcode", None)
        meaning = _SQLITE_CODES.get(code & 0xFF) if isinstance(code, int) else None
        if meaning is None:
            return None
        return StorageProblem(meaning, file=str(file), reason=str(error))
    if isinstance(error, OSError) and error.errno in _OS_CODES:
        named = error.filename if error.filename else file
        return StorageProblem(_OS_CODES[error.errno], file=str(named), reason=error.strerror or str(error))
    return None
