"""What a photo's EXIF says: orientation, capture time, position.

Metadata never decides whether a photo is usable: a malformed block, an unset camera clock
("0000:00:00 00:00:00") or a GPS receiver without a fix (0°, 0°) give "unknown", not an error.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from PIL import Image

ORIENTATION = 0x0112
_DATETIME = 0x0132
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED = 0x9003, 0x9004
_OFFSET_ORIGINAL, _OFFSET_DIGITIZED = 0x9011, 0x9012
_EXIF_DATETIME = re.compile(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")

# What a malformed metadata block may raise from Pillow's EXIF parser.
METADATA_ERRORS = (
    OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError, struct.error, ZeroDivisionError,
)


def read_exif(image: Image.Image) -> Image.Exif:
    """The image's EXIF (Pillow folds an XMP orientation into it), empty when unreadable."""
    try:
        return image.getexif()
    except METADATA_ERRORS:
        return Image.Exif()


def _ifd(exif: Image.Exif, tag: int) -> Mapping[int, Any]:
    try:
        return exif.get_ifd(tag)
    except METADATA_ERRORS:
        return {}


def orientation(value: Any) -> int:
    """An EXIF orientation value, or 1 (as stored) when absent or out of range."""
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value.replace("\x00", "").strip() if isinstance(value, str) else ""


def parse_datetime(value: Any, offset: Any = None) -> datetime | None:
    """``"2022:02:16 12:55:41"`` (+ ``"+01:00"``) → datetime; aware only when an offset is given."""
    match = _EXIF_DATETIME.match(_text(value))
    if not match:
        return None
    try:
        taken = datetime(*(int(part) for part in match.groups()))
    except ValueError:  # "0000:00:00 00:00:00" from cameras whose clock was never set
        return None
    zone = _OFFSET.match(_text(offset))
    if zone:
        minutes = int(zone[2]) * 60 + int(zone[3])
        if minutes < 24 * 60:
            taken = taken.replace(tzinfo=timezone(timedelta(minutes=-minutes if zone[1] == "-" else minutes)))
    return taken


def taken_at(exif: Image.Exif) -> datetime | None:
    """DateTimeOriginal, else DateTimeDigitized, else the main DateTime (some phones write only it)."""
    details = _ifd(exif, _EXIF_IFD)
    for tag, offset_tag in ((_DATETIME_ORIGINAL, _OFFSET_ORIGINAL), (_DATETIME_DIGITIZED, _OFFSET_DIGITIZED)):
        taken = parse_datetime(details.get(tag), details.get(offset_tag))
        if taken is not None:
            return taken
    return parse_datetime(exif.get(_DATETIME))


def _degrees(value: Any, ref: Any) -> float | None:
    try:
        parts = [float(part) for part in value] if isinstance(value, (tuple, list)) else [float(value)]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not 1 <= len(parts) <= 3 or not all(math.isfinite(part) for part in parts):
        return None
    parts += [0.0] * (3 - len(parts))
    degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    return -degrees if _text(ref).upper() in ("S", "W") else degrees


def position(exif: Image.Exif) -> tuple[float | None, float | None]:
    """(latitude, longitude) in signed decimal degrees, or (None, None)."""
    gps = _ifd(exif, _GPS_IFD)
    latitude, longitude = _degrees(gps.get(2), gps.get(1)), _degrees(gps.get(4), gps.get(3))
    if latitude is None or longitude is None:
        return None, None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or (latitude == 0 and longitude == 0):
        return None, None  # 0/0 is what receivers without a fix write
    return round(latitude, 7), round(longitude, 7)
