"""Burning annotations into photo copies: marks land where their fractions say (on non-square and
EXIF-rotated photos too), Chinese text renders, and the original file is never touched."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from inspector.domain.photos import Annotation, AnnotationShape
from inspector.media.annotate import (
    annotated_derivative,
    annotated_derivatives,
    burn_in,
    stroke_width,
)
from inspector.paths import font_path

GREY = (128, 128, 128)
RED = "#e53935"


def _grey(width: int = 800, height: int = 400) -> Image.Image:
    return Image.new("RGB", (width, height), GREY)


def _differs(pixel: tuple[int, ...], reference: tuple[int, int, int] = GREY, tolerance: int = 40) -> bool:
    return max(abs(a - b) for a, b in zip(pixel[:3], reference)) > tolerance


def _rect(x1: float, y1: float, x2: float, y2: float, color: str = RED) -> Annotation:
    return Annotation(shape=AnnotationShape.RECTANGLE, x1=x1, y1=y1, x2=x2, y2=y2, color=color)


def test_rectangle_edges_change_colour_and_the_inside_does_not() -> None:
    image = _grey()
    out = burn_in(image, [_rect(0.25, 0.25, 0.75, 0.75)], font_path=font_path())
    # Edges at x = 200 and 600, y = 100 and 300 on an 800 × 400 picture.
    for point in [(200, 200), (600, 200), (400, 100), (400, 300)]:
        assert _differs(out.getpixel(point)), point
        assert out.getpixel(point)[0] > 180  # red, not only the dark halo
    assert out.getpixel((400, 200)) == GREY  # the inside stays
    assert out.getpixel((50, 50)) == GREY
    assert image.getpixel((200, 200)) == GREY  # the input image is not drawn on


def test_coordinates_are_fractions_of_width_and_height_on_a_non_square_image() -> None:
    image = _grey(1000, 250)
    mark = _rect(0.1, 0.2, 0.3, 0.8, color="#ffff00")
    out = burn_in(image, [mark], font_path=font_path())
    assert _differs(out.getpixel((100, 125)))  # left edge at 0.1 × 1000
    assert _differs(out.getpixel((300, 125)))  # right edge at 0.3 × 1000
    assert _differs(out.getpixel((200, 50)))  # top edge at 0.2 × 250
    assert _differs(out.getpixel((200, 200)))  # bottom edge at 0.8 × 250
    assert not _differs(out.getpixel((200, 125)))  # the middle of the box
    # A transposed reading (fractions of the other edge) would have drawn at x = 0.2 × 1000.
    assert not _differs(out.getpixel((200, 150)))


def test_ellipse_and_arrow_draw_where_expected() -> None:
    marks = [
        Annotation(shape=AnnotationShape.ELLIPSE, x1=0.1, y1=0.1, x2=0.4, y2=0.9),
        Annotation(shape=AnnotationShape.ARROW, x1=0.6, y1=0.5, x2=0.9, y2=0.5, color="#ffffff"),
    ]
    out = burn_in(_grey(), marks, font_path=font_path())
    assert _differs(out.getpixel((80, 200)))  # the ellipse's left-most point
    assert not _differs(out.getpixel((200, 200)))  # its centre
    assert not _differs(out.getpixel((80, 40)))  # the corner of its box: outside the ellipse
    assert out.getpixel((600, 200))[:3] == (255, 255, 255)  # the shaft
    assert out.getpixel((714, 200))[:3] == (255, 255, 255)  # the head, just before the tip
    assert not _differs(out.getpixel((760, 200)))  # past the tip


def test_stroke_width_grows_with_the_picture() -> None:
    assert stroke_width(1600, 1200) > stroke_width(400, 300) >= 2


def test_chinese_text_renders_on_a_contrasting_box() -> None:
    white = Image.new("RGB", (600, 400), "white")
    mark = Annotation(shape=AnnotationShape.TEXT, x1=0.1, y1=0.1, text="划痕", color="#ffffff")
    out = burn_in(white, [mark], font_path=font_path())
    box = out.crop((60, 40, 200, 100))
    colours = box.getcolors(maxcolors=100_000)
    assert colours is not None
    dark = sum(count for count, rgb in colours if max(rgb) < 110)
    bright = sum(count for count, rgb in colours if min(rgb) > 245)
    # White text on white would vanish: it sits on a dark box, with white glyph strokes inside it.
    assert dark > 1000 and bright > 50
    missing_glyphs = burn_in(white, [mark.model_copy(update={"text": "□□"})], font_path=font_path())
    assert out.tobytes() != missing_glyphs.tobytes()  # real glyphs, not tofu boxes


def test_text_near_the_edge_stays_inside_the_picture() -> None:
    mark = Annotation(shape=AnnotationShape.TEXT, x1=0.98, y1=0.98, text="车门破损", color=RED)
    out = burn_in(_grey(), [mark], font_path=font_path())
    assert _differs(out.getpixel((795, 395)))
    assert not _differs(out.getpixel((5, 5)))


def _jpeg_file(folder: Path, image: Image.Image, **save: object) -> Path:
    path = folder / "photo.jpg"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, **save)
    path.write_bytes(buffer.getvalue())
    return path


def test_annotated_derivative_leaves_the_original_unchanged(tmp_path: Path) -> None:
    path = _jpeg_file(tmp_path, _grey(2400, 1200))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    data = annotated_derivative(path, [_rect(0.25, 0.25, 0.75, 0.75)], 1600, font_path=font_path())
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    with Image.open(io.BytesIO(data)) as copy:
        assert copy.format == "JPEG" and copy.size == (1600, 800)
        assert copy.convert("RGB").getpixel((400, 400))[0] > 180
        assert not _differs(copy.convert("RGB").getpixel((800, 400)), tolerance=12)


def test_marks_are_placed_on_the_upright_picture(tmp_path: Path) -> None:
    """Stored sideways with EXIF orientation 6: the fractions refer to the picture as shown."""
    upright = _grey(600, 900)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what a camera held upright writes
    exif = Image.Exif()
    exif[0x0112] = 6
    path = _jpeg_file(tmp_path, stored, exif=exif.tobytes())
    copies = annotated_derivatives(path, [_rect(0.0, 0.0, 0.5, 0.1)], {"working": 900, "print": 450},
                                   font_path=font_path())
    with Image.open(io.BytesIO(copies["working"])) as working:
        assert working.size == (600, 900)
        pixels = working.convert("RGB")
        assert pixels.getpixel((150, 90))[0] > 180  # bottom edge of the box at 0.1 × 900
        assert not _differs(pixels.getpixel((450, 90)), tolerance=12)
    with Image.open(io.BytesIO(copies["print"])) as printed:
        assert printed.size == (300, 450)
        assert printed.convert("RGB").getpixel((75, 45))[0] > 180


def test_no_sides_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        annotated_derivatives(_jpeg_file(tmp_path, _grey()), [], {}, font_path=font_path())


def test_without_marks_an_annotated_copy_is_the_plain_copy(tmp_path: Path) -> None:
    """Annotated copies come from the same decode, filters and sources as the plain ones."""
    from inspector.media.annotate import annotated_derivatives
    from inspector.media.images import make_derivatives

    photo = tmp_path / "plain.jpg"
    picture = Image.new("RGB", (2400, 1800), (30, 120, 200))
    for x in range(0, 2400, 150):
        picture.paste((240, 200, 40), (x, 0, x + 40, 1800))
    picture.save(photo, "JPEG", quality=90)
    sides = {"working": 1600, "print": 1000, "thumb": 256}
    assert annotated_derivatives(photo, (), sides, font_path=font_path()) == make_derivatives(photo, sides)
