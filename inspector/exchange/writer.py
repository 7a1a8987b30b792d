"""Writing an exchange file: records and photos streamed into a zip under a temporary name, then
the manifests, bag-info, tag manifest and signature, then one rename into place.

Nothing is held in memory but one chunk and the list of (path, hash) pairs for the manifest:
records are written line by line from the caller's iterable, photos copied in 1 MiB chunks while
their SHA-256 is computed (a stored photo whose bytes no longer match its name is refused rather
than sent). A failure, an exception in the ``with`` block, or ``cancelled()`` returning True
removes the temporary file: an exchange file under its final name is always whole and signed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from inspector import __version__
from inspector.domain.records import Record, RecordKind
from inspector.exchange.archive import CHUNK
from inspector.exchange.errors import ExchangeCancelled, ExchangeWriteFailed
from inspector.exchange.info import ExchangeInfo, render_bag_info
from inspector.exchange.layout import (
    BAG_INFO, BAGIT_TXT, BAGIT_TXT_CONTENT, MANIFEST, SIGNATURE, TAG_MANIFEST, PhotoKind, base_name, photo_path,
    records_path,
)
from inspector.exchange.lines import record_line
from inspector.exchange.manifests import render_manifest
from inspector.exchange.signature import Signer, sign_detached

_CHECK_EVERY = 256  # records between two looks at cancelled(): often enough, cheap enough
_TEXT_LEVEL = 6  # deflate for records and tag files; photos are JPEG/HEIC already and are stored


class ExchangeWriter:
    """Builds one ``.inspx`` file at ``path``. Use as a context manager::

        with ExchangeWriter(path, info, signer) as writer:
            writer.add_records(RecordKind.INSPECTION, inspections)
            writer.add_photo(sha256, store_path)
        # the file is at path now, signed; on an exception nothing is

    ``expected_bytes`` (the photos' and records' approximate size, when the caller knows it) lets
    ``progress(fraction)`` report how far the writing is; without it progress reports only 1.0.
    """

    def __init__(self, path: Path, info: ExchangeInfo, signer: Signer, *, expected_bytes: int = 0,
                 progress: Callable[[float], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.path = Path(path)
        self.info = info
        self._signer = signer
        self._expected = max(expected_bytes, 0)
        self._progress = progress
        self._cancelled = cancelled or (lambda: False)
        self._base = base_name(info.sender_device, info.sequence)
        self._entries: list[tuple[str, str]] = []  # (payload path, sha256)
        self._payload_bytes = 0
        self._written = 0  # bytes through the hooks, for progress
        self._records: dict[RecordKind, int] = {}
        self._photos: dict[tuple[str, PhotoKind], str] = {}  # (sha256, kind) → payload path
        self._temp: Path | None = None
        self._zip: zipfile.ZipFile | None = None

    def __enter__(self) -> ExchangeWriter:
        def start() -> None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Beside the target, so that the final rename stays on one file system.
            handle, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
            os.close(handle)
            self._temp = Path(name)
            self._zip = zipfile.ZipFile(self._temp, "w", allowZip64=True)

        self._guard(start)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    # -- payload ------------------------------------------------------------------------------

    def add_records(self, kind: RecordKind, records: Iterable[Record]) -> int:
        """Write every record of ``kind`` (each kind once per file); returns how many."""
        zip_file = self._open_zip()
        if kind in self._records:
            raise ValueError(f"records of kind {kind.value} were already added to this file")
        path = records_path(kind)
        digest, count, size = hashlib.sha256(), 0, 0

        def write(target: IO[bytes]) -> None:
            nonlocal count, size
            for record in records:
                if record.kind is not kind:
                    raise ValueError(f"a {record.kind.value} record among the {kind.value} records")
                line = record_line(record)
                target.write(line)
                digest.update(line)
                count, size = count + 1, size + len(line)
                if count % _CHECK_EVERY == 0:
                    self._advance(0)
            self._advance(size)

        self._guard(lambda: self._write_member(zip_file, path, zipfile.ZIP_DEFLATED, write))
        self._records[kind] = count
        self._add_entry(path, digest.hexdigest(), size)
        return count

    def add_photo(self, sha256: str, source: Path, kind: PhotoKind = PhotoKind.ORIGINAL) -> bool:
        """Copy the photo file ``source`` in as ``kind`` of the photo ``sha256`` (the original's
        hash for both copies). False when that copy is in the file already."""
        zip_file = self._open_zip()
        kind = PhotoKind(kind)
        if (sha256, kind) in self._photos:
            return False
        source = Path(source)
        path = photo_path(sha256, kind, source.suffix or "jpg")
        digest, size = hashlib.sha256(), 0

        def write(target: IO[bytes]) -> None:
            nonlocal size
            try:
                handle = source.open("rb")
            except FileNotFoundError:
                raise ExchangeWriteFailed("exchange_photo_source_missing", photo=sha256, path=str(source)) from None
            with handle:
                while chunk := handle.read(CHUNK):
                    target.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    self._advance(len(chunk))
            if kind.self_named and digest.hexdigest() != sha256:
                raise ExchangeWriteFailed("exchange_photo_source_changed", photo=sha256, path=str(source))

        self._guard(lambda: self._write_member(zip_file, path, zipfile.ZIP_STORED, write))
        self._photos[(sha256, kind)] = path
        self._add_entry(path, digest.hexdigest(), size)
        return True

    # -- finishing ----------------------------------------------------------------------------

    def close(self) -> Path:
        """Write the tag files and the signature, and move the file into place. Returns its path."""
        zip_file = self._open_zip()
        self._guard(lambda: self._finish(zip_file))
        return self.path

    def abort(self) -> None:
        """Drop everything written so far; no file is left, under any name."""
        if self._zip is not None:
            try:
                self._zip.close()
            except (OSError, ValueError, zipfile.BadZipFile):
                pass  # the file is deleted next; its end does not matter
            self._zip = None
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None

    def _finish(self, zip_file: zipfile.ZipFile) -> None:
        counted = self.info.model_copy(update={
            "record_counts": dict(self._records),
            "photo_counts": dict(Counter(kind for _, kind in self._photos)),
        })
        manifest = render_manifest(self._entries)
        bag_info = render_bag_info(counted, self._payload_bytes, len(self._entries), f"Inspector {__version__}")
        tag_files = {BAGIT_TXT: BAGIT_TXT_CONTENT, BAG_INFO: bag_info, MANIFEST: manifest}
        tag_manifest = render_manifest((name, hashlib.sha256(data).hexdigest()) for name, data in tag_files.items())
        signature = sign_detached(tag_manifest, self._signer)
        for name, data in [*tag_files.items(), (TAG_MANIFEST, tag_manifest), (SIGNATURE, signature)]:
            zip_file.writestr(self._zip_info(name, zipfile.ZIP_DEFLATED), data, compresslevel=_TEXT_LEVEL)
        zip_file.close()
        self._zip = None
        assert self._temp is not None
        with self._temp.open("rb+") as handle:
            os.fsync(handle.fileno())  # the rename must not outlive the bytes after a power cut
        os.replace(self._temp, self.path)
        self._temp = None
        self.info = counted
        if self._progress:
            self._progress(1.0)

    # -- helpers ------------------------------------------------------------------------------

    def _open_zip(self) -> zipfile.ZipFile:
        if self._zip is None:
            raise ValueError("the exchange writer is not open (use it in a with block)")
        return self._zip

    def _zip_info(self, name: str, compression: int) -> zipfile.ZipInfo:
        created: datetime = self.info.created
        entry = zipfile.ZipInfo(f"{self._base}/{name}", date_time=created.timetuple()[:6])
        entry.compress_type = compression
        entry.create_system = 3  # Unix, so that the mode below is read as a mode
        entry.external_attr = 0o100644 << 16  # a regular file, never a link
        return entry

    def _write_member(self, zip_file: zipfile.ZipFile, name: str, compression: int,
                      write: Callable[[IO[bytes]], None]) -> None:
        entry = self._zip_info(name, compression)
        with zip_file.open(entry, "w", force_zip64=True) as target:
            write(target)

    def _add_entry(self, path: str, sha256: str, size: int) -> None:
        self._entries.append((path, sha256))
        self._payload_bytes += size

    def _advance(self, size: int) -> None:
        if self._cancelled():
            raise ExchangeCancelled("exchange_cancelled", file=self.path.name)
        self._written += size
        if self._progress and self._expected:
            self._progress(min(self._written / self._expected, 0.99))

    def _guard(self, action: Callable[[], None]) -> None:
        """Run ``action``; on any failure remove the temporary file before the error goes on."""
        try:
            action()
        except OSError as error:
            self.abort()
            raise ExchangeWriteFailed("exchange_write_failed", file=self.path.name,
                                      reason=error.strerror or str(error)) from None
        except BaseException:
            self.abort()
            raise
