"""The photo file store: originals kept byte for byte, named by their SHA-256, and derivatives.

Layout under the data folder's ``photos/``::

    originals/ab/ab12…ef.jpg        the file as it came, never changed
    derived/<kind>/ab/ab12…ef.jpg   upright JPEG copies (working, print, thumb), rebuilt at will

Every write goes to a temporary ``*.tmp`` file in the destination's file system, is fsynced,
moved into place with ``os.replace`` and the folder is fsynced, so a file under its final name is
always whole: a crash leaves at most a ``*.tmp`` leftover or a photo no row refers to yet, both of
which ``inspector-cli check`` lists and ``check --clean`` removes. Content addressing makes a
second copy of the same bytes free: it is hashed, found, and the temporary file dropped.

No SQL here: which photos are *referenced* is the services' business.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from inspector.domain.photos import SHA256_PATTERN, Derivative, photo_relative_path

ORIGINALS = "originals"
DERIVED = "derived"
TEMP_SUFFIX = ".tmp"
DERIVATIVE_SUFFIX = ".jpg"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredFile:
    """An original in the store. ``existed``: the store already held these exact bytes."""

    sha256: str
    suffix: str
    size: int
    relative_path: str  # POSIX path inside the store, e.g. originals/ab/ab12…ef.jpg
    existed: bool


def _check_sha(sha256: str) -> str:
    if not SHA256_PATTERN.match(sha256):
        raise ValueError("sha256_format")
    return sha256


def _normal_suffix(suffix: str) -> str:
    suffix = suffix.lower()
    if suffix and not suffix.startswith("."):
        suffix = "." + suffix
    if suffix == ".jpeg":
        suffix = ".jpg"
    # The suffix becomes part of a file name: letters and digits only, or none at all.
    return suffix if suffix[1:].isascii() and suffix[1:].isalnum() and len(suffix) <= 6 else ""


def _fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry in ``folder`` durable (POSIX; Windows has no directory handles)."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _ensure_dir(folder: Path) -> None:
    """Create ``folder`` and its parents, fsyncing each parent that gained an entry."""
    missing = []
    probe = folder
    while not probe.is_dir():
        missing.append(probe)
        probe = probe.parent
    for created in reversed(missing):
        created.mkdir(exist_ok=True)
        _fsync_dir(created.parent)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class PhotoStore:
    """Content-addressed originals and their derivatives under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._unsynced: set[Path] | None = None  # inside ``batch``: folders whose new entries await an fsync

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Store many files at once (an exchange import): inside the block every file is still
        fsynced before its rename, but each folder that gained entries is fsynced once, when the
        block ends, rather than after every file — a month's import has ~3,000 files in ~500
        folders. Everything stored is durable when the block ends without an error; after an
        error the folders are not synced (the caller removes what it stored)."""
        if self._unsynced is not None:
            yield
            return
        self._unsynced = set()
        try:
            yield
            for folder in sorted(self._unsynced):
                _fsync_dir(folder)
        finally:
            self._unsynced = None

    def _sync_dir(self, folder: Path) -> None:
        if self._unsynced is None:
            _fsync_dir(folder)
        else:
            self._unsynced.add(folder)

    # --- writing ------------------------------------------------------------------------------

    def put_file(self, path: Path, *, suffix: str | None = None) -> StoredFile:
        """Store the file at ``path`` (its suffix, or ``suffix``, names the stored copy)."""
        path = Path(path)
        with path.open("rb") as source:
            return self.put_stream(source, suffix=path.suffix if suffix is None else suffix)

    def put_stream(self, source: BinaryIO, *, suffix: str) -> StoredFile:
        """Store everything ``source`` yields, hashing it on the way; atomic and deduplicated.

        If the copy fails part-way (a read error, a full disk) the temporary file is removed
        and the error propagates: nothing appears under a final name.
        """
        incoming = self.root / ORIGINALS
        _ensure_dir(incoming)
        digest = hashlib.sha256()
        size = 0
        temp = self._temp_in(incoming)
        try:
            with temp.open("wb") as target:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    target.write(chunk)
                    size += len(chunk)
                target.flush()
                os.fsync(target.fileno())
            sha256 = digest.hexdigest()
            existing = self.original_path(sha256)
            if existing is not None and sha256_of(existing) == sha256:
                temp.unlink()
                os.utime(existing)  # fresh again: the orphan grace period restarts
                return self._stored(existing, sha256, size, existed=True)
            final = incoming / photo_relative_path(sha256, _normal_suffix(suffix))
            if existing is not None and existing != final:
                existing.unlink()  # damaged bytes under another suffix: the good copy replaces them
            _ensure_dir(final.parent)
            os.replace(temp, final)
            self._sync_dir(final.parent)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return self._stored(final, sha256, size, existed=False)

    def put_derivative(self, sha256: str, kind: Derivative, data: bytes) -> Path:
        """Write (or replace) the ``kind`` copy of photo ``sha256`` atomically."""
        final = self._derivative_file(sha256, kind)
        _ensure_dir(final.parent)
        temp = self._temp_in(final.parent)
        try:
            with temp.open("wb") as target:
                target.write(data)
                target.flush()
                os.fsync(target.fileno())
            os.replace(temp, final)
            self._sync_dir(final.parent)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return final

    def _temp_in(self, folder: Path) -> Path:
        # Same folder as the destination: os.replace is atomic only within one file system.
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=".incoming-", suffix=TEMP_SUFFIX)
        os.close(descriptor)
        return Path(name)

    def _stored(self, path: Path, sha256: str, size: int, *, existed: bool) -> StoredFile:
        return StoredFile(sha256=sha256, suffix=path.suffix, size=size,
                          relative_path=path.relative_to(self.root).as_posix(), existed=existed)

    # --- reading ------------------------------------------------------------------------------

    def original_path(self, sha256: str) -> Path | None:
        """The stored original of ``sha256`` (whatever its suffix), or None."""
        _check_sha(sha256)
        folder = self.root / ORIGINALS / sha256[:2]
        if not folder.is_dir():
            return None
        for candidate in sorted(folder.glob(f"{sha256}*")):
            if candidate.is_file() and candidate.name.split(".", 1)[0] == sha256:
                return candidate
        return None

    def derivative_path(self, sha256: str, kind: Derivative) -> Path | None:
        path = self._derivative_file(sha256, kind)
        return path if path.is_file() else None

    def drop_derivative(self, sha256: str, kind: Derivative) -> None:
        """Remove the ``kind`` copy (a stale one: it is made again from the original when next
        asked for). The original is never removed here."""
        self._derivative_file(sha256, kind).unlink(missing_ok=True)

    def _derivative_file(self, sha256: str, kind: Derivative) -> Path:
        relative = photo_relative_path(_check_sha(sha256), DERIVATIVE_SUFFIX)
        return self.root / DERIVED / Derivative(kind).value / relative

    def verify(self, sha256: str) -> bool:
        """Is the original present and do its bytes still hash to its name?"""
        path = self.original_path(sha256)
        return path is not None and sha256_of(path) == sha256

    def iter_originals(self) -> Iterator[str]:
        """The SHA-256 of every original on disk."""
        yield from self._iter_hashes(self.root / ORIGINALS)

    def iter_derived(self) -> Iterator[str]:
        """The SHA-256 of every photo with at least one derivative on disk (deduplicated)."""
        seen: set[str] = set()
        for kind in Derivative:
            for sha256 in self._iter_hashes(self.root / DERIVED / kind.value):
                if sha256 not in seen:
                    seen.add(sha256)
                    yield sha256

    @staticmethod
    def _iter_hashes(folder: Path) -> Iterator[str]:
        if not folder.is_dir():
            return
        for prefix in sorted(folder.iterdir()):
            if not prefix.is_dir() or len(prefix.name) != 2:
                continue
            for entry in sorted(prefix.iterdir()):
                name = entry.name.split(".", 1)[0]
                if entry.is_file() and not entry.name.endswith(TEMP_SUFFIX) and SHA256_PATTERN.match(name):
                    yield name

    def age_seconds(self, sha256: str) -> float | None:
        """Seconds since the original was stored (or stored again), None when it is missing."""
        path = self.original_path(sha256)
        if path is None:
            paths = [p for kind in Derivative if (p := self.derivative_path(sha256, kind))]
            path = max(paths, key=lambda p: p.stat().st_mtime, default=None)
        return None if path is None else max(0.0, time.time() - path.stat().st_mtime)

    # --- clean-up -----------------------------------------------------------------------------

    def remove(self, sha256: str) -> list[Path]:
        """Delete the original and every derivative of ``sha256``; the paths removed.

        Only for clean-up of photos nothing refers to: the services decide that.
        """
        removed = []
        original = self.original_path(sha256)
        targets = [original] if original else []
        targets += [path for kind in Derivative if (path := self.derivative_path(sha256, kind))]
        for path in targets:
            path.unlink(missing_ok=True)
            _fsync_dir(path.parent)
            removed.append(path)
        return removed

    def temp_files(self, *, min_age: float = 0.0) -> list[Path]:
        """Leftover temporary files (a crash during a write), at least ``min_age`` seconds old."""
        if not self.root.is_dir():
            return []
        now = time.time()
        return sorted(path for path in self.root.rglob(f"*{TEMP_SUFFIX}")
                      if path.is_file() and now - path.stat().st_mtime >= min_age)

    def clean_temp_files(self, *, min_age: float = 0.0) -> list[Path]:
        """Delete leftover temporary files at least ``min_age`` seconds old; the paths removed."""
        removed = []
        for path in self.temp_files(min_age=min_age):
            path.unlink(missing_ok=True)
            removed.append(path)
        return removed
