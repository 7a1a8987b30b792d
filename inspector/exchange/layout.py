"""Where everything sits inside an exchange file, and which member names a reader accepts.

The names are fixed by this module alone so that the writer cannot produce what the reader
refuses. A member name is accepted only when it is a relative POSIX path of plain components —
no ``..``, no ``.``, no empty component, no backslash, no drive letter, no control character —
because the reader may hand a part of it to the file system (a photo's extension).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from inspector.domain.photos import SHA256_PATTERN
from inspector.domain.records import RecordKind

# The layout of the bag; a reader refuses a higher number (ExchangeTooNew).
FORMAT_VERSION = 1

BAGIT_TXT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAG_MANIFEST = "tagmanifest-sha256.txt"
# The CMS signature sits beside what it signs. It cannot list itself in the tag manifest, so it
# is the only member not covered by a manifest: it is covered by checking it.
SIGNATURE = "tagmanifest-sha256.txt.p7s"
TAG_FILES = (BAGIT_TXT, BAG_INFO, MANIFEST)  # what the tag manifest lists, in this order

PAYLOAD = "data"
RECORDS_DIR = f"{PAYLOAD}/records"
PHOTOS_DIR = f"{PAYLOAD}/photos"
PRINT_DIR = f"{PHOTOS_DIR}/print"
DOCUMENTS_DIR = f"{PAYLOAD}/documents"  # issued notices' PDFs and their signed copies
DOCUMENT_SUFFIX = ".pdf"
RECORDS_SUFFIX = ".jsonl"
PRINT_SUFFIX = ".jpg"

BAGIT_TXT_CONTENT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

_COMPONENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_EXTENSION = re.compile(r"^[a-z0-9]{1,8}$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_RECORDS = re.compile(rf"^{RECORDS_DIR}/([a-z_]+){re.escape(RECORDS_SUFFIX)}$")
_ORIGINAL = re.compile(rf"^{PHOTOS_DIR}/([0-9a-f]{{64}})\.([a-z0-9]{{1,8}})$")
_PRINT = re.compile(rf"^{PRINT_DIR}/([0-9a-f]{{64}}){re.escape(PRINT_SUFFIX)}$")
_DOCUMENT = re.compile(rf"^{DOCUMENTS_DIR}/([0-9a-f]{{64}}){re.escape(DOCUMENT_SUFFIX)}$")


class PhotoKind(StrEnum):
    """The copies of a photo that travel. Working copies and thumbnails are rebuilt on arrival."""

    ORIGINAL = "original"  # byte for byte, named by its own SHA-256
    PRINT = "print"  # the upright print-size JPEG, named by the SHA-256 of its original
    DOCUMENT = "document"  # a notice PDF as issued or signed, byte for byte, named by its SHA-256

    @property
    def self_named(self) -> bool:
        """Whether the file is named by the SHA-256 of its own bytes (checked on both sides)."""
        return self is not PhotoKind.PRINT


def unsafe_reason(name: str) -> str | None:
    """Why the member name ``name`` must not be accepted, or None when it is a plain relative path."""
    if not name:
        return "empty"
    if "\\" in name:
        return "backslash"
    if name.startswith("/"):
        return "absolute"
    if _DRIVE.match(name):
        return "drive"
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in name):
        return "control_character"
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "parent" if ".." in parts else "empty_component"
    return None


def base_name(sender_device: str, sequence: int) -> str:
    """The bag's base directory: the one entry an unzipped exchange file shows (RFC 8493 §4.2)."""
    return f"inspx-{sender_device[:8]}-{sequence:06d}"


def is_base_name(component: str) -> bool:
    return bool(_COMPONENT.match(component))


def records_path(kind: RecordKind) -> str:
    return f"{RECORDS_DIR}/{kind.value}{RECORDS_SUFFIX}"


def photo_path(sha256: str, kind: PhotoKind, extension: str = "jpg") -> str:
    if not SHA256_PATTERN.match(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    if kind is PhotoKind.PRINT:
        return f"{PRINT_DIR}/{sha256}{PRINT_SUFFIX}"
    if kind is PhotoKind.DOCUMENT:
        return f"{DOCUMENTS_DIR}/{sha256}{DOCUMENT_SUFFIX}"
    return f"{PHOTOS_DIR}/{sha256}.{normal_extension(extension)}"


def normal_extension(extension: str) -> str:
    """``.JPEG`` → ``jpg``; letters and digits only, since it becomes part of a file name."""
    extension = extension.lower().lstrip(".")
    extension = "jpg" if extension == "jpeg" else extension
    if not _EXTENSION.match(extension):
        raise ValueError(f"a photo extension is 1–8 letters or digits, not {extension!r}")
    return extension


@dataclass(frozen=True)
class PayloadFile:
    """What a payload path names: a kind's records, or one copy of one photo."""

    path: str
    kind: RecordKind | None = None
    photo: PhotoKind | None = None
    sha256: str = ""
    extension: str = ""


def parse_payload_path(path: str) -> PayloadFile | None:
    """The meaning of a payload path (relative to the bag), or None when this format has no such file."""
    if match := _RECORDS.match(path):
        try:
            return PayloadFile(path, kind=RecordKind(match.group(1)))
        except ValueError:
            return None
    if match := _ORIGINAL.match(path):
        return PayloadFile(path, photo=PhotoKind.ORIGINAL, sha256=match.group(1), extension=match.group(2))
    if match := _PRINT.match(path):
        return PayloadFile(path, photo=PhotoKind.PRINT, sha256=match.group(1), extension=PRINT_SUFFIX[1:])
    if match := _DOCUMENT.match(path):
        return PayloadFile(path, photo=PhotoKind.DOCUMENT, sha256=match.group(1), extension=DOCUMENT_SUFFIX[1:])
    return None
