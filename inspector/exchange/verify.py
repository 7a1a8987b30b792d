"""``open_exchange``: every check an exchange file must pass before anything in it is used.

The order is the order of trust: the zip's directory (safe names, bounded sizes) before any byte
is decompressed; the signature over the tag manifest before anything the tag manifest says is
believed; the tag manifest before bag-info and the manifest; the manifest before the payload;
then every payload byte is hashed — every record line parsed with its hash checked, every
original's name compared with its hash — and the counts in bag-info compared with what was
found. A caller holding the returned reader holds a file that is whole, signed by a person the
office CA vouches for, and readable to the end. Nothing is written anywhere on the way.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from inspector.domain.records import RecordKind
from inspector.exchange.archive import Archive, Limits, open_archive, read_small, stream
from inspector.exchange.errors import (
    ExchangeCancelled, ExchangeSignatureInvalid, ExchangeTampered, ExchangeTooNew, ExchangeUnreadable,
    ExchangeUnsafe,
)
from inspector.exchange.info import ExchangeInfo, parse_bag_info
from inspector.exchange.layout import (
    BAG_INFO, BAGIT_TXT, BAGIT_TXT_CONTENT, MANIFEST, PAYLOAD, SIGNATURE, TAG_FILES, TAG_MANIFEST, PayloadFile,
    PhotoKind, parse_payload_path, records_path,
)
from inspector.exchange.manifests import parse_manifest
from inspector.exchange.reader import ExchangeReader, records_of
from inspector.exchange.signature import SignedBy, verify_detached

Payload = dict[str, tuple[PayloadFile, str]]  # payload path → (what it is, sha256 from the manifest)


def open_exchange(path: Path, trusted_ca_pem: bytes, *, newest_schema: int, limits: Limits | None = None,
                  now: datetime | None = None, progress: Callable[[float], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> ExchangeReader:
    """The exchange file at ``path``, verified against the office CA ``trusted_ca_pem``.

    ``newest_schema`` is the newest record schema this build reads; a file of a later schema is
    refused with its number. ``now`` (default: the clock) is when the signer's certificate must
    be valid. Raises an ``ExchangeRejected`` subclass naming the reason, or ``ExchangeCancelled``.
    """
    archive = open_archive(Path(path), limits or Limits())
    try:
        signed_by = _check_signature(archive, trusted_ca_pem, now)
        info, oxum = _check_tags(archive, signed_by, newest_schema)
        payload = _check_manifest(archive)
        _check_payload(archive, info, oxum, payload, progress, cancelled or (lambda: False))
    except BaseException:
        archive.close()
        raise
    return ExchangeReader(archive, info, signed_by, payload)


def _check_signature(archive: Archive, trusted_ca_pem: bytes, now: datetime | None) -> SignedBy:
    if BAGIT_TXT not in archive.members:
        raise ExchangeUnreadable("exchange_not_a_bag", file=archive.file)
    if SIGNATURE not in archive.members:
        raise ExchangeSignatureInvalid("exchange_unsigned", file=archive.file)
    if TAG_MANIFEST not in archive.members:
        raise ExchangeTampered("exchange_member_missing", file=archive.file, member=TAG_MANIFEST)
    limit = archive.limits.max_tag_file_bytes
    signature = read_small(archive, SIGNATURE, limit)
    tag_manifest = read_small(archive, TAG_MANIFEST, limit)
    return verify_detached(signature, tag_manifest, trusted_ca_pem, file=archive.file, now=now)


def _check_tags(archive: Archive, signed_by: SignedBy, newest_schema: int) -> tuple[ExchangeInfo, tuple[int, int]]:
    limit = archive.limits.max_tag_file_bytes
    listed = parse_manifest(read_small(archive, TAG_MANIFEST, limit), archive.file, TAG_MANIFEST)
    for name in listed:
        if name not in TAG_FILES:
            raise ExchangeTampered("exchange_member_unexpected", file=archive.file, member=name)
    tags: dict[str, bytes] = {}
    for name in TAG_FILES:
        if name not in listed or name not in archive.members:
            raise ExchangeTampered("exchange_member_missing", file=archive.file, member=name)
        tags[name] = read_small(archive, name, limit)
        if hashlib.sha256(tags[name]).hexdigest() != listed[name]:
            raise ExchangeTampered("exchange_tampered", file=archive.file, member=name)
    if tags[BAGIT_TXT] != BAGIT_TXT_CONTENT:
        raise ExchangeUnreadable("exchange_not_a_bag", file=archive.file)
    info, oxum = parse_bag_info(tags[BAG_INFO], archive.file)
    if info.schema_version > newest_schema:
        raise ExchangeTooNew("exchange_schema_too_new", file=archive.file, schema=info.schema_version,
                             newest=newest_schema)
    if signed_by.username != info.acting_user:
        # A colleague's valid certificate must not vouch for a file that names someone else.
        raise ExchangeSignatureInvalid("exchange_signer_mismatch", file=archive.file, signer=signed_by.username,
                                       user=info.acting_user)
    return info, oxum


def _check_manifest(archive: Archive) -> Payload:
    limit = archive.limits.max_tag_file_bytes
    listed = parse_manifest(read_small(archive, MANIFEST, limit), archive.file, MANIFEST)
    payload: Payload = {}
    copies: set[tuple[PhotoKind, str]] = set()
    for path, sha256 in listed.items():
        meaning = parse_payload_path(path)
        if meaning is None:
            raise ExchangeTampered("exchange_member_unexpected", file=archive.file, member=path)
        if path not in archive.members:
            raise ExchangeTampered("exchange_member_missing", file=archive.file, member=path)
        if meaning.photo is not None and meaning.photo.self_named and meaning.sha256 != sha256:
            # The writer names an original by its hash; another hash is another photo.
            raise ExchangeTampered("exchange_tampered", file=archive.file, member=path)
        if meaning.photo is not None:
            if (meaning.photo, meaning.sha256) in copies:  # one photo under two extensions
                raise ExchangeUnsafe("exchange_member_duplicate", file=archive.file, member=path)
            copies.add((meaning.photo, meaning.sha256))
        payload[path] = (meaning, sha256)
    known = {*TAG_FILES, TAG_MANIFEST, SIGNATURE, *payload}
    for member in archive.members:
        if member not in known:
            code = "exchange_member_unlisted" if member.startswith(f"{PAYLOAD}/") else "exchange_member_unexpected"
            raise ExchangeTampered(code, file=archive.file, member=member)
    return payload


def _check_payload(archive: Archive, info: ExchangeInfo, oxum: tuple[int, int], payload: Payload,
                   progress: Callable[[float], None] | None, cancelled: Callable[[], bool]) -> None:
    total = sum(archive.members[path].file_size for path in payload) or 1
    done = 0

    def advance(size: int) -> None:
        nonlocal done
        if cancelled():
            raise ExchangeCancelled("exchange_cancelled", file=archive.file)
        done += size
        if progress:
            progress(min(done / total, 1.0))

    records: Counter[RecordKind] = Counter()
    photos: Counter[PhotoKind] = Counter()
    for path, (meaning, sha256) in payload.items():
        if meaning.kind is not None:
            # Parsing every line (which re-checks the member's hash at its end) is the check.
            for _ in records_of(archive, path, meaning.kind, sha256):
                records[meaning.kind] += 1
            advance(archive.members[path].file_size)
            continue
        digest = hashlib.sha256()
        for chunk in stream(archive, path):
            digest.update(chunk)
            advance(len(chunk))
        if digest.hexdigest() != sha256:
            raise ExchangeTampered("exchange_tampered", file=archive.file, member=path)
        assert meaning.photo is not None
        photos[meaning.photo] += 1
    _check_counts(archive, info, oxum, payload, records, photos)


def _check_counts(archive: Archive, info: ExchangeInfo, oxum: tuple[int, int], payload: Payload,
                  records: Counter[RecordKind], photos: Counter[PhotoKind]) -> None:
    oxum_bytes, oxum_files = oxum
    size = sum(archive.members[path].file_size for path in payload)
    if (oxum_bytes, oxum_files) != (size, len(payload)):
        raise ExchangeTampered("exchange_count_mismatch", file=archive.file, member=BAG_INFO,
                               declared=f"{oxum_bytes}.{oxum_files}", found=f"{size}.{len(payload)}")
    present_kinds = {meaning.kind for meaning, _ in payload.values() if meaning.kind is not None}
    for kind in present_kinds | set(info.record_counts):
        if info.record_counts.get(kind, -1) != records.get(kind, 0) or kind not in present_kinds:
            raise ExchangeTampered("exchange_count_mismatch", file=archive.file, member=records_path(kind),
                                   declared=info.record_counts.get(kind, 0), found=records.get(kind, 0))
    for photo_kind in PhotoKind:
        if info.photo_counts.get(photo_kind, 0) != photos.get(photo_kind, 0):
            raise ExchangeTampered("exchange_count_mismatch", file=archive.file, member=BAG_INFO,
                                   declared=info.photo_counts.get(photo_kind, 0), found=photos.get(photo_kind, 0))
