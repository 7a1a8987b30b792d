"""The zip around the bag, opened defensively: nothing is extracted, nothing is trusted before
it is checked, and every read is bounded.

Before a single member is decompressed the central directory is checked: every name is a plain
relative path inside one base directory, none is a symlink, a duplicate, encrypted or compressed
with anything but deflate; the declared sizes stay under ``Limits``. Python's ``zipfile`` never
returns more than a member's declared size and checks its CRC at the end, so the declared sizes
bound the work even for a forged directory. Read errors of a damaged member become
``exchange_damaged`` naming the member.

The zip's own metadata (timestamps, attributes, comments) carries no meaning and is not signed;
it is checked for safety only. What matters — every byte of the bag — is covered by the manifests.
"""

from __future__ import annotations

import hashlib
import io
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from inspector.domain.errors import InspectorError
from inspector.exchange.errors import ExchangeTampered, ExchangeUnreadable, ExchangeUnsafe
from inspector.exchange.layout import is_base_name, unsafe_reason

CHUNK = 1 << 20
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a member first, or an empty archive
# What zipfile raises on a damaged archive or member, beyond BadZipFile.
ZIP_FAULTS = (zipfile.BadZipFile, zlib.error, EOFError, struct.error, NotImplementedError, UnicodeDecodeError,
              ValueError, OverflowError, RuntimeError)


@dataclass(frozen=True)
class Limits:
    """What a reader accepts before it decompresses anything (a zip bomb is refused unread)."""

    max_total_bytes: int = 4 << 30  # uncompressed; a month's photos are about 2 GB
    max_members: int = 50_000  # a month is ~3,000 photos with their print copies
    max_ratio: int = 200  # uncompressed / compressed per member; JSON lines reach ~10, photos ~1
    ratio_floor: int = 1 << 20  # smaller members cannot hurt whatever their ratio
    max_tag_file_bytes: int = 32 << 20  # bag-info, manifests and signature are read into memory
    max_record_line_bytes: int = 16 << 20  # one record; a line is read into memory to parse it


@dataclass(frozen=True)
class Archive:
    """An opened, checked zip: ``members`` maps bag-relative paths to their entries."""

    zip: zipfile.ZipFile
    base: str
    members: dict[str, zipfile.ZipInfo]
    file: str  # the name errors mention
    limits: Limits

    def close(self) -> None:
        self.zip.close()


def _open_zip(path: Path, file: str) -> zipfile.ZipFile:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InspectorError("file_missing", file=file) from None
    except OSError as error:
        raise InspectorError("file_unreadable", file=file, reason=error.strerror or str(error)) from None
    if size == 0:
        raise ExchangeUnreadable("exchange_empty", file=file)
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
        return zipfile.ZipFile(path, "r")
    except OSError as error:
        raise InspectorError("file_unreadable", file=file, reason=error.strerror or str(error)) from None
    except ZIP_FAULTS:
        # A zip's directory is at its end: a file that starts like a zip but has none was cut short.
        code = "exchange_truncated" if head in _ZIP_MAGIC else "exchange_not_a_zip"
        raise ExchangeUnreadable(code, file=file) from None


def _check_entry(entry: zipfile.ZipInfo, limits: Limits, file: str) -> None:
    name = entry.filename
    if unsafe_reason(name):
        raise ExchangeUnsafe("exchange_member_name_unsafe", file=file, member=name[:200], reason=unsafe_reason(name))
    mode = entry.external_attr >> 16
    if stat.S_ISLNK(mode) or entry.is_dir():
        code = "exchange_member_symlink" if stat.S_ISLNK(mode) else "exchange_member_unsupported"
        raise ExchangeUnsafe(code, file=file, member=name)
    if entry.flag_bits & 0x1 or entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ExchangeUnsafe("exchange_member_unsupported", file=file, member=name)
    if entry.file_size > limits.ratio_floor:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > limits.max_ratio:
            raise ExchangeUnsafe("exchange_compression_ratio", file=file, member=name, ratio=int(ratio),
                                 limit=limits.max_ratio)


def open_archive(path: Path, limits: Limits) -> Archive:
    """``path`` opened as a zip whose directory passed every check; the caller closes it."""
    file = path.name
    archive = _open_zip(path, file)
    try:
        entries = archive.infolist()
        if len(entries) > limits.max_members:
            raise ExchangeUnsafe("exchange_too_many_members", file=file, count=len(entries), limit=limits.max_members)
        total = 0
        seen: set[str] = set()
        for entry in entries:
            _check_entry(entry, limits, file)
            # Two entries of one name: which one a tool extracts differs between tools.
            if entry.filename in seen:
                raise ExchangeUnsafe("exchange_member_duplicate", file=file, member=entry.filename)
            seen.add(entry.filename)
            total += entry.file_size
            if total > limits.max_total_bytes:
                raise ExchangeUnsafe("exchange_too_large", file=file, limit_mb=limits.max_total_bytes >> 20)
        bases = {entry.filename.split("/", 1)[0] for entry in entries}
        if len(bases) != 1 or not all("/" in entry.filename for entry in entries):
            raise ExchangeUnreadable("exchange_not_a_bag", file=file)
        base = bases.pop()
        if not is_base_name(base):
            raise ExchangeUnsafe("exchange_member_name_unsafe", file=file, member=base, reason="base")
        members = {entry.filename[len(base) + 1:]: entry for entry in entries}
        return Archive(archive, base, members, file, limits)
    except BaseException:
        archive.close()
        raise


def read_small(archive: Archive, member: str, limit: int) -> bytes:
    """A tag file's bytes, refused unread when its declared size passes ``limit``."""
    entry = archive.members[member]
    if entry.file_size > limit:
        raise ExchangeUnsafe("exchange_tag_file_too_large", file=archive.file, member=member, limit_mb=limit >> 20)
    return b"".join(stream(archive, member))


def stream(archive: Archive, member: str) -> Iterator[bytes]:
    """The member's bytes in chunks, damage reported as ``exchange_damaged`` naming the member."""
    try:
        with archive.zip.open(archive.members[member]) as source:
            while chunk := source.read(CHUNK):
                yield chunk
    except ZIP_FAULTS:
        raise ExchangeUnreadable("exchange_damaged", file=archive.file, member=member) from None


class VerifiedStream(io.RawIOBase):
    """A member's bytes as a binary stream that checks their SHA-256 when the end is reached:
    reading to the end either returns every byte that was signed or raises ``exchange_tampered``."""

    def __init__(self, source: IO[bytes], sha256: str, *, file: str, member: str) -> None:
        super().__init__()
        self._source = source
        self._expected = sha256
        self._digest = hashlib.sha256()
        self._file, self._member = file, member
        self._checked = False

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        # Straight from the member, without RawIOBase's copy through a buffer of its own.
        try:
            chunk = self._source.read(-1 if size is None else size)
        except ZIP_FAULTS:
            raise ExchangeUnreadable("exchange_damaged", file=self._file, member=self._member) from None
        if chunk:
            self._digest.update(chunk)
        if (not chunk and size != 0) or size is None or size < 0:  # at the end: all was read
            self._check()
        return chunk

    def readinto(self, buffer: Any) -> int:
        chunk = self.read(len(buffer))
        memoryview(buffer)[:len(chunk)] = chunk
        return len(chunk)

    def _check(self) -> None:
        if not self._checked:
            self._checked = True
            if self._digest.hexdigest() != self._expected:
                raise ExchangeTampered("exchange_tampered", file=self._file, member=self._member)

    def close(self) -> None:
        self._source.close()
        super().close()
