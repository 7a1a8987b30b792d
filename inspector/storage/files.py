"""Whole files written so that a crash never leaves half of one, and files read from outside with
a limit.

Writing: a temporary name in the same folder, fsync, ``os.replace`` into place, fsync of the
folder. Used for issued notice PDFs, their signed copies, exports (notices, reports, archives,
workbooks) and the exported CA certificate — every writer that renames over a target goes through
``write_atomic_with``. A target that exists and is not a regular file (``/dev/full``, a folder, a
FIFO) is refused before anything is written: renaming over it would replace the device node with
a PDF. A full disk, a read-only folder or a missing permission becomes a ``StorageProblem``
naming the target, and the temporary file is removed.

Reading (``read_limited``): only a regular file, refused above a size limit *before* a byte is
read — ``/dev/zero`` or a 4 GB sparse ".jpg" must never be pulled into memory.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from inspector.domain.errors import InspectorError, ValidationError
from inspector.storage.failures import storage_problem
from inspector.storage.photo_store import _ensure_dir, _fsync_dir


def check_target(path: Path) -> None:
    """Refuse ``path`` as a place to write a file when it exists and is not a regular file
    (a link to a regular file is fine: the link is replaced, its target never written)."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    if not stat.S_ISREG(info.st_mode):
        raise InspectorError("target_not_a_file", file=str(path))


def write_atomic_with(path: Path, produce: Callable[[Path], None], *, suffix: str = ".tmp") -> None:
    """Let ``produce(temporary)`` write the whole file, then move it to ``path`` atomically.

    ``suffix`` ends the temporary name (openpyxl insists on ``.xlsx``). Raises ``InspectorError``
    ``target_not_a_file`` or a ``StorageProblem`` (disk full, read-only, no permission); other
    ``OSError`` propagate. Nothing is left under either name when it fails.
    """
    path = Path(path)
    check_target(path)
    temporary: Path | None = None
    try:
        _ensure_dir(path.parent)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
        os.close(handle)
        temporary = Path(name)
        produce(temporary)
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
        temporary = None
        _fsync_dir(path.parent)
    except OSError as error:
        problem = storage_problem(error, file=path)
        if problem is None:
            raise
        raise problem from error
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` atomically; return its SHA-256 (hex)."""
    write_atomic_with(Path(path), lambda temporary: temporary.write_bytes(data))
    return hashlib.sha256(data).hexdigest()


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused when it is larger than ``limit`` bytes.

    Raises ``InspectorError``: ``file_missing``; ``file_not_regular`` for a device, a folder or a
    FIFO (opened without blocking, checked on the open descriptor, so nothing is swapped in
    between); ``file_too_large`` with the limit in MB; ``file_unreadable`` for other failures.
    """
    path = Path(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ValidationError("file_missing", file=str(path)) from None
    except IsADirectoryError:
        raise InspectorError("file_not_regular", file=str(path)) from None
    except OSError as error:
        raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise InspectorError("file_not_regular", file=str(path))
        if info.st_size > limit:
            raise InspectorError("file_too_large", file=str(path), size_mb=_megabytes(info.st_size),
                                 limit_mb=_megabytes(limit))
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as handle:
        try:
            data = handle.read(limit + 1)  # a file growing meanwhile is cut off here, then refused
        except OSError as error:
            raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None
    if len(data) > limit:
        raise InspectorError("file_too_large", file=str(path), size_mb=_megabytes(len(data)), limit_mb=_megabytes(limit))
    return data


def _megabytes(size: int) -> int | float:
    value = size / (1024 * 1024)
    return round(value) if value >= 10 else round(value, 1)
