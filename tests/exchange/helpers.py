"""Helpers for the exchange format tests: an office CA with two users, a header, sample records
and photos, and ``forge`` — which rebuilds a file with changes and a fresh, *valid* signature, so
a test can show that a check other than the signature catches a faulty writer."""

from __future__ import annotations

import hashlib
import os
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from inspector.domain.records import Record, RecordKind, new_id
from inspector.exchange import ExchangeInfo, ExchangeWriter, PhotoKind, Signer
from inspector.exchange.layout import BAG_INFO, BAGIT_TXT, MANIFEST, SIGNATURE, TAG_MANIFEST
from inspector.exchange.manifests import render_manifest
from inspector.exchange.signature import sign_detached
from inspector.signing.pki import issue_certificate, make_ca

CA_PASSWORD = "ca-pass"
USER_PASSWORD = "user-pass"
SCHEMA = 7
LAPTOP = "0192f3a4-5b6c-7d8e-9f01-23456789abcd"
ORGANISATION = "0192f3a4-0000-7000-8000-000000000001"


@dataclass(frozen=True)
class Office:
    ca_pem: bytes
    ca_key_pem: bytes
    zhangwei: Signer
    lina: Signer


def _user(ca: bytes, ca_key: bytes, username: str, name: str) -> Signer:
    cert, key = issue_certificate(ca, ca_key, CA_PASSWORD, common_name=name, username=username,
                                  organisation="一公司", password=USER_PASSWORD)
    return Signer.from_pem(cert, key, USER_PASSWORD)


def make_office(ca_name: str, organisation: str) -> Office:
    ca, ca_key = make_ca(ca_name, organisation, CA_PASSWORD)
    return Office(ca, ca_key, _user(ca, ca_key, "zhangwei", "张伟"), _user(ca, ca_key, "lina", "李娜"))


def make_info(**changes: object) -> ExchangeInfo:
    fields: dict[str, object] = {
        "organisation_name": "一公司", "organisation_id": ORGANISATION, "sender_device": LAPTOP,
        "sender_name": "张伟的笔记本", "receiver": "office", "sequence": 12, "schema": SCHEMA,
        "acting_user": "zhangwei", "audit_head": "sha256:" + "c" * 64,
        "created": datetime(2026, 12, 5, 9, 30, tzinfo=UTC),
    }
    fields.update(changes)
    return ExchangeInfo.model_validate(fields)


def inspection(number: int, **body: object) -> Record:
    return Record(kind=RecordKind.INSPECTION, id=new_id(), origin=LAPTOP,
                  body={"number": number, "unit": "一车队", "answers": [{"item": "A1", "ok": True}], **body})


@dataclass
class Sample:
    """A small exchange file and what went into it."""

    path: Path
    inspections: list[Record]
    photo_records: list[Record]
    photos: dict[str, bytes]  # sha256 → original bytes
    prints: dict[str, bytes]  # original's sha256 → print copy bytes


def write_photo(folder: Path, data: bytes, suffix: str = ".jpg") -> tuple[str, Path]:
    sha256 = hashlib.sha256(data).hexdigest()
    path = folder / f"{sha256[:12]}{suffix}"
    path.write_bytes(data)
    return sha256, path


def build_sample(folder: Path, signer: Signer, *, info: ExchangeInfo | None = None, photos: int = 3) -> Sample:
    sources = folder / "store"
    sources.mkdir(parents=True, exist_ok=True)
    originals: dict[str, bytes] = {}
    prints: dict[str, bytes] = {}
    photo_records = []
    with ExchangeWriter(folder / "out" / "sample.inspx", info or make_info(), signer) as writer:
        inspections = [inspection(n) for n in range(1, 6)]
        writer.add_records(RecordKind.INSPECTION, inspections)
        for index in range(photos):
            data = os.urandom(50_000) + f"photo {index}".encode()
            sha256, path = write_photo(sources, data)
            print_data = b"\xff\xd8print" + data[:1000]
            _, print_path = write_photo(sources, print_data)
            writer.add_photo(sha256, path)
            writer.add_photo(sha256, print_path, PhotoKind.PRINT)
            originals[sha256], prints[sha256] = data, print_data
            photo_records.append(Record(kind=RecordKind.PHOTO, id=new_id(), origin=LAPTOP,
                                        body={"sha256": sha256, "inspection": inspections[0].id}))
        writer.add_records(RecordKind.PHOTO, photo_records)
    return Sample(writer.path, inspections, photo_records, originals, prints)


def members(path: Path) -> dict[str, bytes]:
    """Every member of the zip at ``path`` by its name inside the bag (base directory dropped)."""
    with zipfile.ZipFile(path) as archive:
        return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}


def base_of(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()[0].split("/", 1)[0]


def rezip(source: Path, target: Path, contents: dict[str, bytes], *, base: str | None = None,
          compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip at ``target`` holding ``contents`` (bag-relative names) under ``source``'s base directory."""
    base = base or base_of(source)
    with zipfile.ZipFile(target, "w", compression) as archive:
        for name, data in contents.items():
            archive.writestr(f"{base}/{name}", data)
    return target


def forge(source: Path, target: Path, signer: Signer, *,
          payload: Callable[[dict[str, bytes]], dict[str, bytes]] = lambda files: files,
          bag_info: Callable[[str], str] = lambda text: text, fix_oxum: bool = True) -> Path:
    """``source`` rebuilt with its payload and bag-info changed, manifests recomputed and signed
    anew by ``signer``: a file a faulty (or hostile but trusted) writer could produce."""
    files = members(source)
    data = payload({name: value for name, value in files.items() if name.startswith("data/")})
    manifest = render_manifest((name, hashlib.sha256(value).hexdigest()) for name, value in data.items())
    info_text = bag_info(files[BAG_INFO].decode("utf-8"))
    if fix_oxum:
        oxum = f"{sum(len(value) for value in data.values())}.{len(data)}"
        info_text = re.sub(r"Payload-Oxum: \S+", f"Payload-Oxum: {oxum}", info_text)
    tags = {BAGIT_TXT: files[BAGIT_TXT], BAG_INFO: info_text.encode("utf-8"), MANIFEST: manifest}
    tag_manifest = render_manifest((name, hashlib.sha256(value).hexdigest()) for name, value in tags.items())
    return rezip(source, target, {**data, **tags, TAG_MANIFEST: tag_manifest,
                                  SIGNATURE: sign_detached(tag_manifest, signer)})


def tree(folder: Path) -> set[tuple[str, int]]:
    """Every file under ``folder`` with its size: to show that a refusal wrote nothing."""
    return {(str(path.relative_to(folder)), path.stat().st_size) for path in folder.rglob("*") if path.is_file()}


@contextmanager
def nothing_written(folder: Path) -> Iterator[None]:
    """Fails if the block added or changed anything under ``folder`` or in the working folder."""
    before, cwd_before = tree(folder), set(os.listdir("."))
    yield
    assert tree(folder) == before
    assert set(os.listdir(".")) == cwd_before


def data_offset(path: Path, member: str) -> int:
    """Where the (packed) bytes of ``member`` start in the zip at ``path``: after its local header,
    whose extra field may differ from the central directory's."""
    with zipfile.ZipFile(path) as archive:
        entry = next(info for info in archive.infolist() if info.filename.endswith("/" + member))
    with path.open("rb") as handle:
        handle.seek(entry.header_offset + 26)
        name_length, extra_length = struct.unpack("<HH", handle.read(4))
    return entry.header_offset + 30 + name_length + extra_length


def set_encrypted_flag(path: Path, member: str) -> None:
    """Mark ``member`` as encrypted in both its local header and the central directory."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        entry = next(info for info in archive.infolist() if info.filename.endswith("/" + member))
    data[entry.header_offset + 6] |= 0x1
    name = entry.filename.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_length]) == name:
            data[at + 8] |= 0x1
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
