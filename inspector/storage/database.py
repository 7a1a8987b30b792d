"""Opening the database: pragmas, migrations with a backup first, refusal of newer files, checks.

Open order (Anki, Vorta): WAL and foreign keys; refuse a database carrying migrations this build
does not know (nothing touched); if migrations are pending on an existing file, back it up (SQLite's
backup API, into the data folder's ``backups/`` with its manifest, reason ``migration``); apply
with foreign keys off; then run ``foreign_key_check``.

Before SQLite sees the file, what lies at its path is looked at (``_check_file``): a folder, a
device, a link, a text file, a file cut short (shorter than its header says) or one emptied while
photos and notices lie beside it is refused as a ``StorageProblem`` naming the file — SQLite would
otherwise "open" some of them and write a fresh schema over the evidence. What SQLite or the
operating system reports later (malformed pages, a full disk, a read-only folder) becomes the same
kind of error through ``storage.failures``. A new database file is created readable by its owner
only (0600 on POSIX): it holds covert visits and password hashes.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from inspector import __version__
from inspector.domain.errors import DatabaseTooNew, InspectorError, StorageProblem
from inspector.paths import BACKUPS_FOLDER
from inspector.storage.failures import DAMAGED, storage_problem
from inspector.storage.migrations import MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
OWNER_ONLY = 0o600
# What beside an empty database file shows that it held data once (a 0-byte file alone is
# what a crash in the very first second of a new data folder leaves).
_DATA_BESIDE = ("photos", "notices", "certs", "letterhead", BACKUPS_FOLDER)


@dataclass(frozen=True)
class OpenResult:
    db: sqlite_utils.Database
    applied: tuple[str, ...]  # names of migrations applied by this open
    backup: Path | None  # the backup made before migrating, if any (in the backups folder)


SYNCHRONOUS = "FULL"


def _connect(path: Path) -> sqlite_utils.Database:
    """A connection that has written nothing yet (WAL is switched on by ``_use_wal``)."""
    conn = sqlite3.connect(str(path), timeout=10.0)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA busy_timeout=10000")
    return db


def _use_wal(db: sqlite_utils.Database) -> None:
    # Only after the too-new check: switching a rollback-journal file to WAL rewrites its header,
    # and a refused file must keep every byte.
    db.execute("PRAGMA journal_mode=WAL")
    # FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss (a laptop whose
    # battery dies), although the screen already said 已保存. FULL fsyncs the WAL at every commit;
    # bench/answers.py measures what that costs per recorded answer.
    db.execute(f"PRAGMA synchronous={SYNCHRONOUS}")


def _applied_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def known_migrations() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def schema_version(db: sqlite_utils.Database) -> int:
    """How many of this build's migrations the database carries."""
    return len(_applied_names(db))


def _backup(db: sqlite_utils.Database, path: Path) -> Path:
    """A consistent copy (SQLite's backup API) with its manifest in the data folder's backups,
    made before pending migrations touch an existing database. (Imported here: an open with no
    migration pending, every open but the first after an update, needs none of it.)"""
    from inspector.domain.backups import BackupReason
    from inspector.storage.backups import new_backup_path, write_backup

    created_at = datetime.now().astimezone().replace(microsecond=0)
    target = new_backup_path(path.parent / BACKUPS_FOLDER, created_at, BackupReason.MIGRATION)
    write_backup(db, target, reason=BackupReason.MIGRATION, created_at=created_at, app_version=__version__)
    return target


def _held_data(folder: Path, database: Path) -> bool:
    """Whether ``folder`` shows signs of a database that held data: stored files or backups."""
    for name in _DATA_BESIDE:
        child = folder / name
        if child.is_dir() and any(child.iterdir()):
            return True
    return any(folder.glob(f"{database.stem}.backup-*{database.suffix}"))  # backups of older builds


def _header_problem(path: Path, size: int) -> str | None:
    """Why the file at ``path`` (``size`` bytes, not empty) is no sound SQLite database (a reason
    code of ``words.messages.FILE_REASONS``), or None.

    The header's page count is trusted only when SQLite marked it valid (bytes 92–95 equal the
    change counter, bytes 24–27); then a file shorter than page size × page count was cut short.
    """
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return "not_a_database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] == header[92:96] and pages and size < page_size * pages:
        return "truncated"
    return None


def _check_file(path: Path) -> bool:
    """Refuse what must not be opened as the database at ``path``; whether a database exists.

    A link is refused, not followed: whoever put it there chose where our writes would land.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        raise StorageProblem("database_symlink", file=str(path), target=os.readlink(path))
    if not stat.S_ISREG(info.st_mode):
        raise StorageProblem("database_not_a_file", file=str(path))
    if info.st_size == 0:
        if _held_data(path.parent, path):
            raise StorageProblem(DAMAGED, file=str(path), reason="empty")
        return False
    reason = _header_problem(path, info.st_size)
    if reason:
        raise StorageProblem(DAMAGED, file=str(path), reason=reason)
    return True


def _create_private(path: Path) -> None:
    """Create the empty database file readable by its owner only (SQLite gives its -wal and -shm
    files the same mode)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    except FileExistsError:  # an empty file left by an earlier first start: tighten it
        os.chmod(path, OWNER_ONLY)
        return
    os.close(descriptor)


def open_database(path: Path, *, migrate: bool = True) -> OpenResult:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises ``StorageProblem`` for a damaged file, something else at its path, a read-only
    folder or a full disk; ``DatabaseTooNew`` for a file from a newer build.
    """
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise StorageProblem("data_dir_not_a_folder", file=str(path.parent)) from None
        existed = _check_file(path)
        if not existed:
            _create_private(path)
        return _open_checked(path, existed=existed, migrate=migrate)
    except (sqlite3.DatabaseError, OSError) as error:
        problem = storage_problem(error, file=path)
        if problem is None:
            raise
        raise problem from error


def _baseline(db: sqlite_utils.Database, applied: list[str]) -> None:
    """After migrations of a database that held data: one audit entry with the hash of every row,
    so that ``check`` can prove each row from then on (#12.8). A new database has none: its first
    entry carries the rows its migrations made (``audit_repo``)."""
    from inspector.storage import audit_repo
    from inspector.storage.transaction import write_transaction

    at = datetime.now().astimezone().replace(microsecond=0).isoformat()
    with write_transaction(db):
        audit_repo.baseline(db, at, reason=f"migrated to {applied[-1]}")


def _open_checked(path: Path, *, existed: bool, migrate: bool) -> OpenResult:
    db = _connect(path)
    try:
        applied = _applied_names(db)  # "file is not a database": storage_problem names it damaged
        unknown = [name for name in applied if name not in known_migrations()]
        if unknown:
            raise DatabaseTooNew(file=str(path), unknown=", ".join(unknown))
        _use_wal(db)
        pending = [m.name for m in MIGRATIONS.pending(db)]
        backup = None
        if pending and migrate:
            if existed and applied:
                backup = _backup(db, path)
            db.execute("PRAGMA foreign_keys=OFF")
            MIGRATIONS.apply(db)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise InspectorError("migration_foreign_keys", file=str(path), problems=len(problems))
            if existed and applied:
                _baseline(db, pending)
        db.execute("PRAGMA foreign_keys=ON")
        return OpenResult(db=db, applied=tuple(pending if migrate else ()), backup=backup)
    except BaseException:
        db.close()
        raise


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """SQLite's own integrity and foreign-key checks, as readable lines (empty when sound)."""
    lines = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    problems = [line for line in lines if line != "ok"]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} row {rowid} points at a missing {parent} row")
    return problems


def open_existing_database(path: Path) -> OpenResult:
    """Open the database at ``path`` as it is, for ``check``: never create, migrate or convert it.

    A missing, empty (0 bytes), non-SQLite or schema-less file, a link, a folder or a file cut
    short, or one whose schema is older or newer than this build's, is refused with a clear error
    and not touched — an emptied database given a fresh schema would "pass" while every notice PDF
    lies orphaned beside it (#12.9)."""
    if not path.exists() and not path.is_symlink():
        raise InspectorError("database_missing", file=str(path))
    try:
        if path.is_file() and not path.is_symlink() and path.stat().st_size == 0:
            raise InspectorError("database_empty", file=str(path))  # said so, whatever lies beside it
        if not _check_file(path):
            raise InspectorError("database_empty", file=str(path))
    except OSError as error:
        raise InspectorError("database_unreadable", file=str(path), reason=error.strerror or str(error)) from None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=10.0)  # rw: never create
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        db.execute("PRAGMA busy_timeout=10000")
        try:
            applied = _applied_names(db) if db["_sqlite_migrations"].exists() else []
        except sqlite3.DatabaseError as error:
            raise StorageProblem(DAMAGED, file=str(path), reason=str(error)) from None
        unknown = [name for name in applied if name not in known_migrations()]
        if unknown:
            raise DatabaseTooNew(file=str(path), unknown=", ".join(unknown))
        if not applied:
            raise InspectorError("database_empty", file=str(path))
        pending = [name for name in known_migrations() if name not in applied]
        if pending:
            raise InspectorError("database_needs_upgrade", file=str(path), pending=", ".join(pending))
        db.execute("PRAGMA foreign_keys=ON")
        return OpenResult(db=db, applied=(), backup=None)
    except BaseException:
        db.close()
        raise
