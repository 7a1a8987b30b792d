"""Whole files written so that a crash never leaves half of one: a temporary name in the same
folder, fsync, ``os.replace`` into place, fsync of the folder. Used for issued notice PDFs, their
signed copies and the exported CA certificate.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from inspector.storage.photo_store import _ensure_dir, _fsync_dir


def write_atomic(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` atomically; return its SHA-256 (hex)."""
    path = Path(path)
    _ensure_dir(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return hashlib.sha256(data).hexdigest()
