"""Photo reading and derivatives: upright whatever the EXIF orientation, HEIC included, and every
broken file refused with a specific reason, quickly, without writing anything.

Two sources: small fixtures made here (the repository stands alone), and the shared corpus of
real camera photos (/work/shared/corpus/photos, or $INSPECTOR_PHOTO_CORPUS), walked file by file
when it is present.
"""

from __future__ import annotations

import functools
import io
import os
import struct
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image, ImageChops, ImageStat

from inspector.domain.errors import InspectorError
from inspector.media import images
from inspector.media.images import (
    SUPPORTED_SUFFIXES,
    ImageInfo,
    inspect_image,
    make_derivative,
    make_derivatives,
    prepare_photo,
)
from inspector.media.structure import heif_damage, jpeg_damage

pytestmark = pytest.mark.timeout(120)

CORPUS = Path(os.environ.get("INSPECTOR_PHOTO_CORPUS", "/work/shared/corpus/photos"))
CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() != ".md") if CORPUS.is_dir() \
    else []
# The one corpus file refused: a 16 KB block of its picture data is overwritten with FF bytes, so
# the decoder would paint the bottom grey and shift everything after the damage. The files under
# jpg/invalid/ carry no EXIF, only Adobe XMP (which trips EXIF readers); their pictures are whole
# and they import.
REFUSED = {"jpg/corrupted.jpg": ("photo_unreadable", "damaged")}
needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason="photo corpus not present")

T = Image.Transpose
# Stored pixels for each EXIF orientation: the inverse of what a viewer applies to show them.
STORE_AS = {1: None, 2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE,
            6: T.ROTATE_90, 7: T.TRANSVERSE, 8: T.ROTATE_270}
WRONG_WAYS = (T.FLIP_LEFT_RIGHT, T.FLIP_TOP_BOTTOM, T.ROTATE_180, T.ROTATE_90, T.ROTATE_270, T.TRANSPOSE,
              T.TRANSVERSE)


def _upright_scene(width: int = 1200, height: int = 800) -> Image.Image:
    """Red top-left, green top-right, blue bottom-left, white bottom-right: every turn or flip shows."""
    scene = Image.new("RGB", (width, height), "white")
    scene.paste((220, 30, 30), (0, 0, width // 2, height // 2))
    scene.paste((30, 200, 30), (width // 2, 0, width, height // 2))
    scene.paste((30, 30, 220), (0, height // 2, width // 2, height))
    return scene


def _jpeg_bytes(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, **options)
    return buffer.getvalue()


def _stored_with_orientation(scene: Image.Image, orientation: int, path: Path) -> Path:
    method = STORE_AS[orientation]
    stored = scene.transpose(method) if method is not None else scene
    exif = Image.Exif()
    exif[0x0112] = orientation
    path.write_bytes(_jpeg_bytes(stored, exif=exif))
    return path


def _gray(data: bytes, size: tuple[int, int]) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("L").resize(size, Image.Resampling.BOX)


def _mad(first: Image.Image, second: Image.Image) -> float:
    """Mean absolute difference of two same-size grey images, 0–255."""
    return ImageStat.Stat(ImageChops.difference(first, second)).mean[0]


def _assert_refused(source: Path | bytes, code: str, reason: str) -> InspectorError:
    for attempt in (lambda: inspect_image(source), lambda: make_derivative(source, 64)):
        with pytest.raises(InspectorError) as caught:
            attempt()
        assert (caught.value.code, caught.value.params.get("reason")) == (code, reason), caught.value.params
    return caught.value


# --- orientation -------------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_comes_out_upright(tmp_path: Path, orientation: int) -> None:
    scene = _upright_scene()
    path = _stored_with_orientation(scene, orientation, tmp_path / f"o{orientation}.jpg")
    info = inspect_image(path)
    assert (info.width, info.height, info.orientation) == (1200, 800, orientation)
    # 256 px from 1200 px: libjpeg drafts at 1/4 scale in the *stored* orientation first.
    thumb = Image.open(io.BytesIO(make_derivative(path, 256)))
    assert thumb.size == (256, 171) and thumb.mode == "RGB"
    assert thumb.getexif().get(0x0112) is None  # an orientation tag would turn it a second time
    expected = scene.resize(thumb.size)
    assert _mad(thumb.convert("L"), expected.convert("L")) < 8
    for corner, colour in (((20, 20), (220, 30, 30)), ((236, 20), (30, 200, 30)), ((20, 150), (30, 30, 220))):
        seen = thumb.getpixel(corner)
        assert all(abs(a - b) < 40 for a, b in zip(seen, colour, strict=True)), (corner, seen)


@needs_corpus
@pytest.mark.parametrize("kind", ["landscape", "portrait"])
def test_corpus_orientation_samples_all_end_the_same_way_up(kind: str) -> None:
    folder = CORPUS / "jpg" / "orientation"
    size = (16, 12) if kind == "landscape" else (12, 16)
    reference = _gray(make_derivative(folder / f"{kind}_1.jpg", 64), size)
    # The comparison can fail: every wrong turn or flip of the reference is far from it.
    assert min(_mad(reference.transpose(way).resize(size), reference) for way in WRONG_WAYS) > 20
    for orientation in range(1, 9):
        path = folder / f"{kind}_{orientation}.jpg"
        info = inspect_image(path)
        assert info.orientation == orientation
        assert (info.width > info.height) == (kind == "landscape")
        assert _mad(_gray(make_derivative(path, 64), size), reference) < 10, path.name


# --- the corpus, file by file ------------------------------------------------------------------


@functools.cache
def _prepared(path: Path) -> tuple[ImageInfo, dict[str, bytes]]:
    """One decode per corpus photo for the whole module (the HEICs take most of the time)."""
    return prepare_photo(path, {"big": 96, "small": 32})


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_corpus_file_imports_upright_or_is_refused(path: Path) -> None:
    relative = path.relative_to(CORPUS).as_posix()
    if relative in REFUSED:
        _assert_refused(path, *REFUSED[relative])
        return
    info, copies = _prepared(path)
    assert info.mime in ("image/jpeg", "image/heic", "image/heif", "image/png")
    assert info.width > 0 and info.height > 0 and 1 <= info.orientation <= 8
    assert (info.latitude is None) == (info.longitude is None)
    for name, side in (("big", 96), ("small", 32)):
        copy = Image.open(io.BytesIO(copies[name]))
        assert copy.format == "JPEG" and copy.mode == "RGB"
        assert max(copy.size) == min(side, max(info.width, info.height))
        # Upright: the copy has the shape of the upright picture, not of the stored pixels.
        assert abs(copy.width / copy.height - info.width / info.height) < 0.1 * info.width / info.height + 0.05


@needs_corpus
def test_corpus_metadata_is_read() -> None:
    iphone = _prepared(CORPUS / "heic" / "IMG_5195.HEIC")[0]
    assert iphone.mime == "image/heic" and (iphone.width, iphone.height) == (2566, 3313)
    assert iphone.taken_at == datetime(2021, 4, 11, 15, 47, 53, tzinfo=timezone(timedelta(hours=-5)))
    assert iphone.latitude == pytest.approx(39.0513, abs=1e-3)
    assert iphone.longitude == pytest.approx(-94.2888, abs=1e-3)  # west is negative
    turned = _prepared(CORPUS / "heic" / "mobile" / "iphone_13_pro_max.HEIC")[0]
    assert (turned.width, turned.height, turned.orientation) == (3024, 4032, 6)  # pillow-heif turned it
    nikon = inspect_image(CORPUS / "jpg" / "gps" / "DSCN0010.jpg")
    assert nikon.taken_at == datetime(2008, 10, 22, 16, 28, 39)
    assert (nikon.latitude, nikon.longitude) == (pytest.approx(43.4674, abs=1e-3), pytest.approx(11.8851, abs=1e-3))
    canon = inspect_image(CORPUS / "jpg" / "hdr" / "canon_hdr_NO.jpg")
    assert (canon.width, canon.height, canon.orientation) == (1536, 2048, 6)


# --- formats and colour ------------------------------------------------------------------------


def test_heic_made_here_reads_and_converts(tmp_path: Path) -> None:
    path = tmp_path / "phone.heic"
    heif = pillow_heif.from_pillow(_upright_scene(640, 480))
    heif.save(str(path), quality=80)
    info = inspect_image(path)
    assert (info.width, info.height, info.suffix) == (640, 480, ".heic")
    copy = Image.open(io.BytesIO(make_derivative(path, 64)))
    assert copy.size == (64, 48)
    assert _mad(copy.convert("L"), _upright_scene(64, 48).convert("L")) < 10


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P", "CMYK", "L", "I;16", "1"])
def test_every_colour_mode_becomes_rgb_on_white(tmp_path: Path, mode: str) -> None:
    base = Image.new("RGBA", (40, 30), (0, 0, 0, 0))  # transparent left half
    base.paste((200, 20, 20, 255), (20, 0, 40, 30))
    if mode == "P":
        image = base.convert("RGB").convert("P")
        image.info["transparency"] = image.getpixel((0, 0))
    elif mode == "I;16":
        image = Image.new("I;16", (40, 30), 65535)
    else:
        image = base if mode == "RGBA" else base.convert(mode)
    path = tmp_path / f"{mode.replace(';', '_')}.{'jpg' if mode == 'CMYK' else 'png'}"
    image.save(path)
    copy = Image.open(io.BytesIO(make_derivative(path, 40)))
    assert copy.mode == "RGB" and copy.size == (40, 30)
    if mode in ("RGBA", "LA", "P"):
        assert min(copy.getpixel((3, 15))) > 240  # transparency composited on white, not black
    if mode == "I;16":
        assert min(copy.getpixel((20, 15))) > 240  # 16-bit white stays white, scaled not clipped


def test_metadata_from_exif_written_here(tmp_path: Path) -> None:
    exif = Image.Exif()
    details = exif.get_ifd(0x8769)
    details[0x9003] = "2024:05:06 07:08:09"
    details[0x9011] = "+08:00"
    exif.get_ifd(0x8825).update({1: "S", 2: (33.0, 51.0, 36.0), 3: "E", 4: (151.0, 12.0, 36.0)})
    path = tmp_path / "exif.jpg"
    path.write_bytes(_jpeg_bytes(_upright_scene(80, 60), exif=exif))
    info = inspect_image(path)
    assert info.taken_at == datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone(timedelta(hours=8)))
    assert (info.latitude, info.longitude) == (pytest.approx(-33.86), pytest.approx(151.21))

    unset = Image.Exif()
    unset.get_ifd(0x8769)[0x9003] = "0000:00:00 00:00:00"  # a camera whose clock was never set
    unset.get_ifd(0x8825).update({1: "N", 2: (0.0, 0.0, 0.0), 3: "E", 4: (0.0, 0.0, 0.0)})  # no fix
    path.write_bytes(_jpeg_bytes(_upright_scene(80, 60), exif=unset))
    info = inspect_image(path)
    assert (info.taken_at, info.latitude, info.longitude) == (None, None, None)


def test_bytes_in_give_the_same_as_a_path(tmp_path: Path) -> None:
    path = _stored_with_orientation(_upright_scene(300, 200), 6, tmp_path / "six.jpg")
    assert inspect_image(path.read_bytes()) == inspect_image(path)
    assert make_derivatives(path.read_bytes(), {1: 50}) == make_derivatives(path, {1: 50})
    assert isinstance(inspect_image(path), ImageInfo) and ".heic" in SUPPORTED_SUFFIXES


def test_small_photos_are_not_enlarged(tmp_path: Path) -> None:
    path = tmp_path / "small.png"
    _upright_scene(120, 80).save(path)
    copies = make_derivatives(path, {1600: 1600, 64: 64})
    sizes = {side: Image.open(io.BytesIO(data)).size for side, data in copies.items()}
    assert sizes == {1600: (120, 80), 64: (64, 43)}


# --- broken files ------------------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_broken_files_are_refused_with_their_reason(tmp_path: Path) -> None:
    jpeg = _jpeg_bytes(_upright_scene(400, 300))
    png = io.BytesIO()
    _upright_scene(400, 300).save(png, "PNG")
    png_bytes = png.getvalue()
    heif_path = tmp_path / "whole.heic"
    pillow_heif.from_pillow(_upright_scene(256, 256)).save(str(heif_path), quality=60)
    heif = heif_path.read_bytes()
    gif = io.BytesIO()
    _upright_scene(40, 30).save(gif, "GIF")
    middle = len(jpeg) // 2
    cases = {
        "cut.jpg": (jpeg[: len(jpeg) * 2 // 3], "photo_unreadable", "truncated"),
        "overwritten.jpg": (jpeg[:middle] + b"\xff" * 512 + jpeg[middle + 512:], "photo_unreadable", "damaged"),
        "cut.png": (png_bytes[: len(png_bytes) // 2], "photo_unreadable", "truncated"),
        "crc.png": (png_bytes[:60] + bytes([png_bytes[60] ^ 0xFF]) + png_bytes[61:], "photo_unreadable", "damaged"),
        "cut.heic": (heif[: len(heif) * 3 // 4], "photo_unreadable", "truncated"),
        "header.jpg": (b"\xff\xd8\xff\xe0" + b"\x00" * 40, "photo_unreadable", "damaged"),
        "notes.jpg": ("巡检记录 not a photo\n".encode() * 20, "photo_unreadable", "not_an_image"),
        "empty.jpg": (b"", "photo_unreadable", "empty"),
        "animation.gif": (gif.getvalue(), "photo_unsupported", "format"),
    }
    for name, (data, code, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        error = _assert_refused(path, code, reason)
        assert error.params["file"] == str(path)
    assert _assert_refused(tmp_path / "animation.gif", "photo_unsupported", "format").params["format"] == "GIF"
    with pytest.raises(InspectorError) as caught:
        inspect_image(tmp_path / "absent.jpg")
    assert caught.value.code == "file_missing"


def test_decompression_bombs_are_refused_before_decoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 20000 × 20000 declared in the header, a few bytes of data: refused on the header alone.
    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 0, 0, 0, 0)
    bomb = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(b"\0" * 100))
            + _png_chunk(b"IEND", b""))
    path = tmp_path / "bomb.png"
    path.write_bytes(bomb)
    error = _assert_refused(path, "photo_unsupported", "too_large")
    assert (error.params["megapixels"], error.params["limit"]) == (400, 120)

    normal = tmp_path / "normal.jpg"
    normal.write_bytes(_jpeg_bytes(_upright_scene(200, 100)))
    monkeypatch.setattr(images, "MAX_PIXELS", 10_000)  # below Pillow's own limit: our check decides
    assert _assert_refused(normal, "photo_unsupported", "too_large").params["megapixels"] == 0


def test_jpeg_structure_walk() -> None:
    whole = _jpeg_bytes(_upright_scene(256, 256), restart_marker_blocks=4)
    assert whole.count(b"\xff\xd0") > 1
    assert jpeg_damage(whole) is None
    assert jpeg_damage(whole[:-2]) == "truncated"
    first = whole.index(b"\xff\xd0")
    second = whole.index(b"\xff\xd1")
    swapped = bytearray(whole)
    swapped[first + 1], swapped[second + 1] = 0xD1, 0xD0  # restart markers out of order: data lost
    assert jpeg_damage(bytes(swapped)) == "damaged"
    assert jpeg_damage(b"GIF89a") == "damaged"
    mpo = io.BytesIO()
    _upright_scene(64, 48).save(mpo, "MPO", save_all=True, append_images=[_upright_scene(64, 48)])
    assert jpeg_damage(mpo.getvalue()) is None and inspect_image(mpo.getvalue()).mime == "image/jpeg"


def test_heif_structure_walk(tmp_path: Path) -> None:
    path = tmp_path / "walk.heic"
    pillow_heif.from_pillow(_upright_scene(64, 64)).save(str(path), quality=50)
    whole = path.read_bytes()
    assert heif_damage(whole) is None
    assert heif_damage(whole[:-1]) == "truncated"
    assert heif_damage(b"\x00\x00\x00\x10mdat" + b"\x00" * 8) == "damaged"  # no ftyp first
