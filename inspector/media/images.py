"""Reading photos and making their upright derivatives: pure functions over paths and bytes.

JPEG, PNG and HEIC/HEIF (pillow-heif, registered once, when the first photo is opened). Every
failure becomes an ``InspectorError`` with a code and a specific ``reason`` so that the user
reads what is wrong with *that* file; nothing here writes files, so a refused photo leaves
nothing behind by construction.

Speed: for JPEGs, ``draft()`` asks libjpeg to decode at 1/2, 1/4 or 1/8 scale *before*
``ImageOps.exif_transpose`` loads the pixels (TECH-NOTES: a 12 MP → 1600 px copy drops from
≈265 ms to ≈110 ms). The draft box is proportional to the stored size, so it is valid whatever
the orientation. The copies are then made with cheap filters where they cost nothing visible
(``_shrunk``), and an embedded profile that already is sRGB is not applied: a 12 MP JPEG gives
its three copies in ≈95 ms instead of ≈155 ms. Checking a photo decodes it at 1/8 scale, which still reads every byte of
picture data, so a truncated file is found without paying for a full decode.
"""

from __future__ import annotations

import io
import math
import os
import re
import struct
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from inspector.domain.errors import InspectorError
from inspector.domain.photos import DERIVATIVE_SIDES, Derivative
from inspector.media import exif
from inspector.media.structure import DAMAGED, TRUNCATED, heif_damage, jpeg_damage

WORKING_SIDE = DERIVATIVE_SIDES[Derivative.WORKING]  # upright working copy shown on screen and annotated
PRINT_SIDE = DERIVATIVE_SIDES[Derivative.PRINT]  # upright copy embedded in PDFs
THUMB_SIDE = DERIVATIVE_SIDES[Derivative.THUMBNAIL]  # lists and editors

# 120 MP takes every phone and camera in normal modes (108 MP sensors included) and refuses
# crafted "decompression bombs" before a single pixel is decoded. Pillow's own check (which
# raises at twice its limit) is set to the same figure as a backstop for every Pillow user.
MAX_PIXELS = 120_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS



@lru_cache(maxsize=1)
def _register_heif() -> None:
    """Teach Pillow HEIC/HEIF, once, when the first photo is opened (not when the app starts).

    Decoding extra images inside a HEIF (thumbnails, depth maps, HDR gain maps) costs time and
    memory for nothing: only the primary image is used."""
    import pillow_heif

    pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)

# For file dialogs and drag-and-drop; the decision itself is made on the content, not the name.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif", ".hif")
ACCEPTED_FORMATS = ("JPEG", "PNG", "HEIF")
_SUFFIX_BY_MIME = {"image/jpeg": ".jpg", "image/png": ".png", "image/heic": ".heic", "image/heif": ".heif"}
# Pillow opens a JPEG carrying a second picture (MPF: Samsung, some Android phones) as "MPO".
_MIME_BY_FORMAT = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "HEIF": "image/heif"}
_RESIZABLE_MODES = ("RGB", "RGBA", "L", "LA", "CMYK")
# PNG needs no walk: Pillow checks its chunk CRCs and notices a missing end.
_STRUCTURE_CHECKS = {"JPEG": jpeg_damage, "MPO": jpeg_damage, "HEIF": heif_damage}
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}

# Reasons given with the two error codes (inspector.words.messages turns them into sentences).
UNREADABLE = "photo_unreadable"
UNSUPPORTED = "photo_unsupported"
REASON_EMPTY = "empty"
REASON_NOT_AN_IMAGE = "not_an_image"
REASON_TRUNCATED = TRUNCATED
REASON_DAMAGED = DAMAGED
REASON_FORMAT = "format"
REASON_TOO_LARGE = "too_large"
REASON_COLOR_MODE = "color_mode"

_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")  # Pillow: "Image size (N pixels) exceeds limit…"
# Errors Pillow and its plugins raise on bad data (PNG raises SyntaxError for a broken chunk).
_DECODE_ERRORS = (
    OSError, SyntaxError, ValueError, EOFError, RuntimeError, struct.error, zlib.error, IndexError,
)

K = TypeVar("K")


@dataclass(frozen=True)
class ImageInfo:
    """What a photo file holds. ``width`` and ``height`` are of the *upright* picture."""

    width: int
    height: int
    mime: str
    taken_at: datetime | None  # EXIF capture time; aware when the camera wrote its UTC offset
    latitude: float | None
    longitude: float | None
    orientation: int  # the EXIF orientation the file declares (1–8; 1 when absent or invalid)

    @property
    def suffix(self) -> str:
        """The file name ending that suits the content (``.jpg``, ``.png``, ``.heic``)."""
        return _SUFFIX_BY_MIME.get(self.mime, ".bin")


Source = str | os.PathLike[str] | bytes  # a file, or its bytes already read


def _error(code: str, name: str, reason: str, **extra: Any) -> InspectorError:
    return InspectorError(code, file=name, reason=reason, **extra)


def _too_large(name: str, pixels: int | re.Match[str] | None) -> InspectorError:
    if isinstance(pixels, re.Match):
        pixels = int(pixels[1])
    megapixels = round(pixels / 1_000_000) if pixels else "?"
    return _error(UNSUPPORTED, name, REASON_TOO_LARGE, megapixels=megapixels, limit=MAX_PIXELS // 1_000_000)


def _read_source(source: Source, name: str | None) -> tuple[bytes, str]:
    """The bytes to work on (read once: what is checked is what the caller stores) and the name
    to put in messages."""
    if isinstance(source, bytes):
        return source, name or "-"
    path = Path(source)
    label = name or str(path)
    try:
        return path.read_bytes(), label
    except FileNotFoundError:
        raise InspectorError("file_missing", file=label) from None
    except OSError as error:
        raise InspectorError("file_unreadable", file=label, reason=error.strerror or str(error)) from None


def _identify_failure(data: bytes, name: str) -> InspectorError:
    """Why bytes that Pillow will not open as JPEG/PNG/HEIF are refused."""
    head = data[:16]
    sniffed = (
        "JPEG" if head.startswith(b"\xff\xd8\xff")
        else "PNG" if head.startswith(b"\x89PNG\r\n\x1a\n")
        else "HEIF" if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS
        else None
    )
    if sniffed:  # one of ours, broken in its header: cut short, or damaged
        walk = _STRUCTURE_CHECKS.get(sniffed)
        return _error(UNREADABLE, name, (walk(data) if walk else None) or REASON_DAMAGED)
    _register_heif()
    try:
        # Header parsing only, never decoding: enough to name the format in the message.
        with Image.open(io.BytesIO(data)) as other:
            format_name = other.format or "?"
    except Exception:  # noqa: BLE001 - whatever the failure, it is not a picture we can name
        return _error(UNREADABLE, name, REASON_NOT_AN_IMAGE)
    return _error(UNSUPPORTED, name, REASON_FORMAT, format=format_name)


@contextmanager
def _opened(data: bytes, name: str) -> Iterator[Image.Image]:
    """The image opened lazily (header only), size- and structure-checked; failures InspectorError."""
    if not data:
        raise _error(UNREADABLE, name, REASON_EMPTY)
    _register_heif()
    try:
        image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except Image.DecompressionBombError as error:
        raise _too_large(name, _BOMB_PIXELS.search(str(error))) from None
    except UnidentifiedImageError:
        raise _identify_failure(data, name) from None
    except _DECODE_ERRORS:
        raise _error(UNREADABLE, name, REASON_DAMAGED) from None
    try:
        width, height = image.size
        if width <= 0 or height <= 0:
            raise _error(UNREADABLE, name, REASON_DAMAGED)
        if width * height > MAX_PIXELS:
            raise _too_large(name, width * height)
        walk = _STRUCTURE_CHECKS.get(image.format or "")
        damage = walk(data) if walk else None
        if damage:
            raise _error(UNREADABLE, name, damage)
        yield image
    finally:
        image.close()


def _load(image: Image.Image, name: str) -> None:
    """Decode the pixels; map the decoder's complaint to a reason."""
    try:
        image.load()
    except _DECODE_ERRORS as error:
        truncated = isinstance(error, EOFError) or "truncated" in str(error).lower()
        raise _error(UNREADABLE, name, REASON_TRUNCATED if truncated else REASON_DAMAGED) from None
    except MemoryError:
        raise _too_large(name, image.width * image.height) from None


def _draft(image: Image.Image, side: int) -> None:
    """Let libjpeg decode at a reduced scale, keeping at least ``side`` on the long edge."""
    width, height = image.size  # stored orientation: the box must be in it too
    ratio = side / max(width, height)
    if ratio < 1:
        image.draft("RGB", (max(1, math.ceil(width * ratio)), max(1, math.ceil(height * ratio))))


def _read(data: bytes, name: str, side: int | None) -> tuple[ImageInfo, Image.Image | None, bytes | None]:
    """Check and decode the photo once: its info, and (when ``side`` is given) the upright pixels
    decoded at no less than ``side`` on the long edge, with the ICC profile they carry."""
    with _opened(data, name) as image:
        width, height = image.size
        mime = image.get_format_mimetype() or ""
        if mime not in _SUFFIX_BY_MIME:  # image/mpo is a JPEG to everyone else
            mime = _MIME_BY_FORMAT.get(image.format or "", "image/jpeg")
        icc = image.info.get("icc_profile")
        _draft(image, side or 1)  # at worst 1/8 scale: every byte of picture data is still decoded
        _load(image, name)  # before reading metadata: a PNG may keep its EXIF after the pixels
        metadata = exif.read_exif(image)
        # pillow-heif has already turned HEIF pixels upright and reset the tag to 1; the value
        # the file declared is kept in info["original_orientation"].
        pixel_orientation = exif.orientation(metadata.get(exif.ORIENTATION))
        declared = exif.orientation(image.info.get("original_orientation") or pixel_orientation)
        latitude, longitude = exif.position(metadata)
        info = ImageInfo(
            width=height if pixel_orientation >= 5 else width,
            height=width if pixel_orientation >= 5 else height,
            mime=mime, taken_at=exif.taken_at(metadata), latitude=latitude, longitude=longitude,
            orientation=declared,
        )
        if side is None:
            return info, None, None
        try:
            upright = ImageOps.exif_transpose(image)
        except exif.METADATA_ERRORS:
            upright = image.copy()  # an unreadable orientation tag: keep the stored way up
    return info, upright, icc


def inspect_image(source: Source, *, name: str | None = None) -> ImageInfo:
    """Check that ``source`` (a path, or the bytes of a file) is a whole, usable photo and read
    what it holds. ``name`` is the file name used in error messages (default: the path).

    Raises ``file_missing``, ``file_unreadable``, ``photo_unreadable`` (reason ``empty``,
    ``not_an_image``, ``truncated``, ``damaged``) or ``photo_unsupported`` (reason ``format``
    with the format's name, ``too_large`` with megapixels and limit, ``color_mode``).
    """
    return _read(*_read_source(source, name), None)[0]


# --- derivatives ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@lru_cache(maxsize=16)
def _srgb_transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """The transform from the ``icc`` profile to sRGB, built once per profile; None when there is
    nothing to do (the profile already *is* sRGB, as most Android phones embed) or it is broken."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if mode == "RGB" and (profile.profile.profile_description or "").strip().lower().startswith("srgb"):
            return None
        return ImageCms.buildTransform(profile, _srgb(), mode, "RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError, AttributeError):
        return None  # a broken or mismatched profile: plain conversion below is still right enough


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Colours as the camera meant them (Display P3 on iPhones, CMYK proofs…), in sRGB."""
    if not icc or image.mode not in ("RGB", "CMYK"):
        return image
    transform = _srgb_transform(icc, image.mode)
    if transform is None:
        return image
    try:
        return transform.apply(image)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


def _flatten(image: Image.Image, name: str) -> Image.Image:
    """RGB, with any transparency composited on white and 16-bit grey scaled down."""
    if image.mode == "RGB":
        return image
    try:
        if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
            rgba = image.convert("RGBA")
            background = Image.new("RGB", rgba.size, "white")
            background.paste(rgba, mask=rgba.getchannel("A"))
            return background
        if image.mode.startswith("I;16") or image.mode in ("I", "F"):
            image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
        return image.convert("RGB")
    except ValueError:
        raise _error(UNSUPPORTED, name, REASON_COLOR_MODE, mode=image.mode) from None


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    # No EXIF is written: the pixels are upright, and an orientation tag would turn them again.
    # optimize=True (a second Huffman pass) makes a copy ≈13 % smaller but costs ≈4 ms on a
    # 1600 px copy: worth it only for the small copies that go into PDFs and lists.
    image.save(buffer, "JPEG", quality=quality, optimize=max(image.size) <= PRINT_SIDE)
    return buffer.getvalue()


def _shrunk(image: Image.Image, side: int) -> Image.Image:
    """``image`` no longer than ``side`` on its long edge (never enlarged; may be ``image`` itself).

    An integer reduction is a box average (``reducing_gap=1``: the same kind of scaling libjpeg's
    ``draft()`` already did), the remaining step of less than 2× a Hamming filter: as sharp to the
    eye as Lanczos at such a mild ratio, at half its cost (12 MP photo, 1/2-scale decode
    2000 → 1600 px: ≈24 ms against ≈55 ms).
    """
    width, height = image.size
    longest = max(width, height)
    if longest <= side:
        return image
    size = (side, max(1, round(height * side / width))) if width >= height else (
        max(1, round(width * side / height)), side)
    return image.resize(size, Image.Resampling.HAMMING, reducing_gap=1.0)


def upright_copies(data: bytes, name: str, sides: Mapping[K, int]) -> tuple[ImageInfo, dict[K, Image.Image]]:
    """The photo's info and upright sRGB RGB pictures, one per entry of ``sides`` (the long edge),
    from a single decode. Each is made from the smallest picture in hand at least twice its
    size (the decode itself for the big copies, an earlier copy for the thumbnail). Raises like
    ``inspect_image``; the caller may draw on the pictures (annotations) before encoding them.
    """
    if not sides or min(sides.values()) < 1:
        raise ValueError("sides must name at least one positive size")
    info, decoded, icc = _read(data, name, max(sides.values()))
    assert decoded is not None
    # Colour conversion costs per pixel: for the modes that resize well (Pillow premultiplies
    # alpha) it runs on each copy after resizing; palette and 16-bit images are flattened first.
    if decoded.mode not in _RESIZABLE_MODES:
        decoded, icc = _flatten(decoded, name), None
    made: list[Image.Image] = []  # sRGB copies already made, largest first
    out: dict[K, Image.Image] = {}
    for key, side in sorted(sides.items(), key=lambda entry: -entry[1]):
        source = next((copy for copy in reversed(made) if max(copy.size) >= 2 * side), None)
        if source is not None:
            picture = _shrunk(source, side)
        else:
            picture = _flatten(_to_srgb(_shrunk(decoded, side), icc), name)
        made.append(picture)
        out[key] = picture
    return info, out


def prepare_photo(
    source: Source, sides: Mapping[K, int], *, quality: int = 85, name: str | None = None
) -> tuple[ImageInfo, dict[K, bytes]]:
    """``inspect_image`` and upright sRGB JPEG copies (one per entry of ``sides``: the longest
    edge in pixels) from a single decode, at the scale the largest copy needs.

    Everything that can refuse the photo happens here, before the caller writes anything. A
    photo smaller than a side is not enlarged. Raises like ``inspect_image``.
    """
    data, label = _read_source(source, name)
    info, pictures = upright_copies(data, label, sides)
    return info, {key: _jpeg(picture, quality) for key, picture in pictures.items()}


def make_derivatives(
    source: Source, sides: Mapping[K, int], *, quality: int = 85, name: str | None = None
) -> dict[K, bytes]:
    """Upright sRGB JPEG copies of ``source``, one per entry of ``sides``; see ``prepare_photo``."""
    return prepare_photo(source, sides, quality=quality, name=name)[1]


def make_derivative(source: Source, max_side: int, *, quality: int = 85, name: str | None = None) -> bytes:
    """One upright sRGB JPEG copy of ``source`` whose longest edge is at most ``max_side``."""
    return make_derivatives(source, {0: max_side}, quality=quality, name=name)[0]
