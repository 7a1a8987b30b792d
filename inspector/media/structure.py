"""Walks over a photo file's container structure that find damage the decoders hide.

JPEG: libjpeg treats damaged or missing entropy data as a *warning*: it fills the rest of the
picture with flat grey and carries on, and Pillow drops libjpeg's warnings. A photo with a block
of overwritten bytes (a bad sector, an interrupted copy) therefore decodes "successfully" with
its bottom rows grey and everything after the damage shifted. Walking the markers finds that damage
without decoding: segments must be well formed, entropy-coded data may only contain stuffed
``FF 00`` bytes and restart markers in their ``D0…D7`` order, and the image must end with EOI.

HEIF: a HEIC from a phone is a grid of tiles; libheif paints tiles whose data is missing in flat
green and reports success, so a half-copied file would "import". Its top-level boxes (ftyp, meta,
mdat…) state their sizes: a box reaching past the end of the file means the file was cut short.

Damage *inside* compressed data that keeps the structure intact (a few flipped bits) cannot be
found without decoding it, and decoders conceal it; the SHA-256 kept from import on is what
proves a stored photo unchanged afterwards.
"""

from __future__ import annotations

import struct

TRUNCATED = "truncated"
DAMAGED = "damaged"

_SOI, _EOI, _SOS, _DRI = 0xD8, 0xD9, 0xDA, 0xDD
_RST_FIRST, _RST_LAST = 0xD0, 0xD7
# Markers that may legitimately carry a length-prefixed segment in a JPEG file: SOFn, DHT, DAC,
# DQT, DNL, DRI, DHP, EXP, APPn, JPGn extensions and COM. Anything else (TEM, the reserved
# 0x02-0xBF range, a second SOI, a stray restart marker) means the bytes are not a JPEG any more.
_SEGMENT_MARKERS = frozenset(range(0xC0, 0xD0)) | frozenset(range(0xDB, 0xFF)) | {_SOS, _DRI}


def jpeg_damage(data: bytes) -> str | None:
    """``None`` for a structurally sound JPEG, else ``"truncated"`` or ``"damaged"``.

    Only the main image is walked (up to its EOI): anything after it (an MPF second image, a
    maker's trailer) is not part of the picture. Embedded thumbnails live inside APP segments
    and are skipped with them.
    """
    size = len(data)
    if not data.startswith(b"\xff\xd8"):
        return DAMAGED
    pos = 2
    restart_interval = 0
    while True:
        if pos >= size:
            return TRUNCATED
        if data[pos] != 0xFF:
            return DAMAGED  # bytes between segments where a marker must be
        while pos < size and data[pos] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos >= size:
            return TRUNCATED
        marker = data[pos]
        pos += 1
        if marker == _EOI:
            return None
        if marker not in _SEGMENT_MARKERS:
            return DAMAGED
        if pos + 2 > size:
            return TRUNCATED
        length = int.from_bytes(data[pos : pos + 2], "big")
        if length < 2:
            return DAMAGED
        if pos + length > size:
            return TRUNCATED
        if marker == _DRI:
            if length < 4:
                return DAMAGED
            restart_interval = int.from_bytes(data[pos + 2 : pos + 4], "big")
        pos += length
        if marker == _SOS:
            result = _skip_entropy_data(data, pos, restart_interval)
            if isinstance(result, str):
                return result
            pos = result


def _skip_entropy_data(data: bytes, pos: int, restart_interval: int) -> int | str:
    """The position of the marker that ends a scan's entropy-coded data, or the damage found."""
    size = len(data)
    expected_restart = 0
    while True:
        found = data.find(b"\xff", pos)
        if found < 0 or found + 1 >= size:
            return TRUNCATED
        follower = data[found + 1]
        if follower == 0x00:  # a stuffed FF data byte
            pos = found + 2
            continue
        if _RST_FIRST <= follower <= _RST_LAST:
            if restart_interval and follower - _RST_FIRST != expected_restart:
                return DAMAGED  # restart markers out of order: data was lost or overwritten
            expected_restart = (expected_restart + 1) % 8
            pos = found + 2
            continue
        return found  # the next marker (after any fill bytes): the marker loop checks it


def heif_damage(data: bytes) -> str | None:
    """``None`` when the ISO-BMFF boxes of a HEIF tile the file exactly, else the damage found."""
    size = len(data)
    pos = 0
    seen: set[bytes] = set()
    while pos < size:
        if pos + 8 > size:
            return TRUNCATED
        box_size, box_type = struct.unpack_from(">I4s", data, pos)
        header = 8
        if box_size == 1:  # 64-bit size follows the type
            if pos + 16 > size:
                return TRUNCATED
            (box_size,) = struct.unpack_from(">Q", data, pos + 8)
            header = 16
        elif box_size == 0:  # "extends to the end of the file": nothing left to check
            seen.add(box_type)
            break
        if box_size < header:
            return DAMAGED
        if not seen and box_type != b"ftyp":
            return DAMAGED
        if pos + box_size > size:
            return TRUNCATED
        seen.add(box_type)
        pos += box_size
    return None if b"meta" in seen else DAMAGED
