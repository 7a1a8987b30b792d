"""The ``.inspx`` exchange file: records and photos carried between the quality office and the
laptops in the field, signed by the person who sends them. This docstring is the format's spec.

It is the file format only — build, sign, verify, read. What a user may send or must accept, and
how records reach the database, belong to the services; this package knows no SQL.

Container
    A zip (deflate for text, stored for photos, ZIP64 when large) holding one BagIt bag
    (RFC 8493, version 1.0) under a single base directory ``inspx-<device8>-<sequence>/``, so an
    unzipped file shows exactly one entry. No directory entries, no links, no other members.

Bag
    ``bagit.txt``
        ``BagIt-Version: 1.0`` / ``Tag-File-Character-Encoding: UTF-8``.
    ``bag-info.txt``
        ``Label: value`` lines, UTF-8, one line each: ``Source-Organization`` (organisation name),
        ``Inspector-Organization-Id``, ``Inspector-Sender-Device`` and ``Inspector-Sender-Name``,
        ``Inspector-Receiver`` (a device id, or ``office``), ``Inspector-Sequence`` (1, 2, 3… per
        sender; a gap is a lost file), ``Inspector-Format`` (this layout: 1),
        ``Inspector-Schema`` (the record schema), ``Inspector-Acting-User`` (whose certificate
        signs), ``Inspector-Audit-Head`` (the sender's audit chain head), ``Inspector-Created``
        (ISO 8601, UTC), ``Inspector-Records: <kind>=<n>`` and ``Inspector-Photos:
        original|print=<n>`` (one line per kind present), ``Bagging-Date``, ``Bag-Software-Agent``,
        ``Payload-Oxum`` (``<bytes>.<files>`` of the payload).
    ``manifest-sha256.txt``
        ``<sha256>  <path>`` for every payload file (sorted by path).
    ``tagmanifest-sha256.txt``
        The same for ``bagit.txt``, ``bag-info.txt`` and ``manifest-sha256.txt``.
    ``tagmanifest-sha256.txt.p7s``
        A DER CMS SignedData, detached, over the tag manifest's bytes: SHA-256, ECDSA P-256, the
        signer certificate inside, signed attributes contentType + signingTime + messageDigest.
        The signer certificate is the acting user's, issued directly by the office CA; its UID
        is the ``Inspector-Acting-User``. So the signature covers the tag manifest, which covers
        bag-info and the manifest, which covers every payload byte.

Payload (``data/``)
    ``records/<kind>.jsonl``
        One line per record of that ``RecordKind`` (``inspector.domain.records``): the canonical
        JSON (sorted keys, no whitespace, UTF-8 as is) of ``{"body", "id", "kind", "origin",
        "sha256"}``, where ``sha256`` is the SHA-256 of the same object's canonical form without
        it. ``id`` is a UUID v7; ``origin`` the device that created the record.
    ``photos/<sha256>.<ext>``
        An original, byte for byte, named by its own SHA-256 (``ext``: 1–8 lowercase letters or
        digits). A ``photo`` record's body names it by ``sha256``; the bytes may be absent when
        the receiver already holds them.
    ``photos/print/<sha256>.jpg``
        The print-size copy of the original ``<sha256>``. Working copies and thumbnails are
        rebuilt on arrival and never travel.

Reading
    ``open_exchange`` refuses, with a coded ``ExchangeRejected`` and before anything is used:
    an empty, non-zip, truncated or damaged file; unsafe member names (``..``, absolute,
    backslash, drive letter, control characters), symlinks, duplicates, encryption; more than
    the ``Limits`` (total size, member count, compression ratio — zip bombs); a missing, broken,
    untrusted, expired or mismatched signature; any byte that differs from the manifests; a
    member the manifests do not list; a newer format or schema; a record line that is not JSON,
    not a record, of another kind, not canonical or whose hash is wrong (naming member and line).
"""

from inspector.exchange.archive import Limits
from inspector.exchange.errors import (
    ExchangeCancelled, ExchangeInfoInvalid, ExchangeRecordInvalid, ExchangeRejected, ExchangeSignatureInvalid,
    ExchangeTampered, ExchangeTooNew, ExchangeUnreadable, ExchangeUnsafe, ExchangeWriteFailed,
)
from inspector.exchange.info import OFFICE, USER_PREFIX, ExchangeInfo
from inspector.exchange.layout import FORMAT_VERSION, PhotoKind
from inspector.exchange.reader import ExchangeReader, PhotoEntry
from inspector.exchange.signature import SignedBy, Signer
from inspector.exchange.verify import open_exchange
from inspector.exchange.writer import ExchangeWriter

__all__ = [
    "FORMAT_VERSION", "OFFICE", "USER_PREFIX", "ExchangeCancelled", "ExchangeInfo", "ExchangeInfoInvalid", "ExchangeReader",
    "ExchangeRecordInvalid", "ExchangeRejected", "ExchangeSignatureInvalid", "ExchangeTampered", "ExchangeTooNew",
    "ExchangeUnreadable", "ExchangeUnsafe", "ExchangeWriteFailed", "ExchangeWriter", "Limits", "PhotoEntry",
    "PhotoKind", "SignedBy", "Signer", "open_exchange",
]
