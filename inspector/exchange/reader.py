"""Reading a verified exchange file: the ``ExchangeReader`` that ``open_exchange``
(``inspector.exchange.verify``) returns hands out the header, the records kind by kind, and the
photos by hash.

Reading again re-checks as it goes (a record line's hash, a photo's SHA-256 at its end), because
the file on disk could change between the check and the reading. Nothing is ever extracted under
a name from the archive: a photo is written where the caller says, through a temporary name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from inspector.domain.errors import NotFound
from inspector.domain.records import Record, RecordKind
from inspector.exchange.archive import CHUNK, ZIP_FAULTS, Archive, VerifiedStream
from inspector.exchange.errors import ExchangeCancelled, ExchangeRecordInvalid, ExchangeTampered, ExchangeUnreadable
from inspector.exchange.info import ExchangeInfo
from inspector.exchange.layout import PayloadFile, PhotoKind
from inspector.exchange.lines import parse_record_line
from inspector.exchange.signature import SignedBy


@dataclass(frozen=True)
class PhotoEntry:
    """One photo copy in the file: the original's hash, the copy's own hash, its extension and size."""

    sha256: str
    kind: PhotoKind
    extension: str
    content_sha256: str  # equals sha256 for an original; the print copy's own hash otherwise
    size: int


class ExchangeReader:
    """A verified exchange file, open for reading. Made by ``open_exchange``; close it (or use
    it in a ``with`` block) to release the file."""

    def __init__(self, archive: Archive, info: ExchangeInfo, signed_by: SignedBy,
                 payload: dict[str, tuple[PayloadFile, str]]) -> None:
        self._archive = archive
        self.info = info
        self.signed_by = signed_by
        self._payload = payload  # payload path → (meaning, sha256 from the manifest)
        self._photo_paths = {(meaning.photo, meaning.sha256): path for path, (meaning, _) in payload.items()
                             if meaning.photo is not None}

    def __enter__(self) -> ExchangeReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()

    def kinds(self) -> list[RecordKind]:
        """The kinds of record in the file, in the order of ``RecordKind``."""
        present = {meaning.kind for meaning, _ in self._payload.values() if meaning.kind is not None}
        return [kind for kind in RecordKind if kind in present]

    def records(self, kind: RecordKind) -> Iterator[Record]:
        """The records of ``kind``, read lazily in file order (none when the file has none)."""
        for path, (meaning, sha256) in self._payload.items():
            if meaning.kind is kind:
                yield from records_of(self._archive, path, kind, sha256)

    def photos(self, kind: PhotoKind = PhotoKind.ORIGINAL) -> list[PhotoEntry]:
        return [self._entry(path, meaning, sha256) for path, (meaning, sha256) in self._payload.items()
                if meaning.photo is kind]

    def photo(self, sha256: str, kind: PhotoKind = PhotoKind.ORIGINAL) -> PhotoEntry | None:
        path = self._photo_paths.get((kind, sha256))
        return None if path is None else self._entry(path, *self._payload[path])

    def open_photo(self, sha256: str, kind: PhotoKind = PhotoKind.ORIGINAL) -> VerifiedStream:
        """A binary stream of the photo copy that raises ``exchange_tampered`` at its end if the
        bytes read are not the bytes signed — hand it to the photo store's ``put_stream``."""
        entry = self._require(sha256, kind)
        path = self._photo_paths[(kind, sha256)]
        try:
            source = self._archive.zip.open(self._archive.members[path])
        except ZIP_FAULTS:
            raise ExchangeUnreadable("exchange_damaged", file=self._archive.file, member=path) from None
        return VerifiedStream(source, entry.content_sha256, file=self._archive.file, member=path)

    def copy_photo(self, sha256: str, destination: Path, kind: PhotoKind = PhotoKind.ORIGINAL, *,
                   cancelled: Callable[[], bool] | None = None) -> int:
        """Write the photo copy to ``destination`` (through a temporary name, checked before the
        rename); returns its size. On any failure nothing is left at ``destination``."""
        destination = Path(destination)
        self._require(sha256, kind)  # before a temporary file exists
        handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=destination.parent)
        temp = Path(name)
        try:
            with os.fdopen(handle, "wb") as target, self.open_photo(sha256, kind) as source:
                size = _copy(source, target, cancelled, self._archive.file)
                target.flush()
                os.fsync(target.fileno())
            os.replace(temp, destination)
            return size
        finally:
            temp.unlink(missing_ok=True)

    def _require(self, sha256: str, kind: PhotoKind) -> PhotoEntry:
        entry = self.photo(sha256, kind)
        if entry is None:
            raise NotFound("exchange_photo_not_in_file", file=self._archive.file, photo=sha256, copy=kind.value)
        return entry

    def _entry(self, path: str, meaning: PayloadFile, sha256: str) -> PhotoEntry:
        assert meaning.photo is not None
        return PhotoEntry(meaning.sha256, meaning.photo, meaning.extension, sha256,
                          self._archive.members[path].file_size)


def _copy(source: VerifiedStream, target: IO[bytes], cancelled: Callable[[], bool] | None, file: str) -> int:
    size = 0
    while chunk := source.read(CHUNK):
        if cancelled and cancelled():
            raise ExchangeCancelled("exchange_cancelled", file=file)
        target.write(chunk)
        size += len(chunk)
    return size


def records_of(archive: Archive, path: str, kind: RecordKind, sha256: str) -> Iterator[Record]:
    """Parse every line of the records member ``path``, then check the member's hash.

    A line that does not parse is reported as such only if the member is the one that was
    signed; if its bytes changed, "changed after signing" is the truth and the line is a symptom.
    """
    limit = archive.limits.max_record_line_bytes
    digest = hashlib.sha256()
    try:
        with archive.zip.open(archive.members[path]) as source:
            number = 0
            while line := source.readline(limit + 1):
                number += 1
                digest.update(line)
                try:
                    if len(line) > limit:
                        raise ExchangeRecordInvalid("exchange_record_too_long", file=archive.file, member=path,
                                                    line=number, limit_mb=limit >> 20)
                    record = parse_record_line(line, kind, file=archive.file, member=path, number=number)
                except ExchangeRecordInvalid:
                    while rest := source.read(CHUNK):
                        digest.update(rest)
                    if digest.hexdigest() != sha256:
                        raise ExchangeTampered("exchange_tampered", file=archive.file, member=path) from None
                    raise
                yield record
    except ZIP_FAULTS:
        raise ExchangeUnreadable("exchange_damaged", file=archive.file, member=path) from None
    if digest.hexdigest() != sha256:
        raise ExchangeTampered("exchange_tampered", file=archive.file, member=path)
