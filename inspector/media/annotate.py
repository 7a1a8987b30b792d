"""Burning annotations (arrows, ellipses, rectangles, short text) into upright photo copies.

Pure Pillow functions: the original file is only read; the caller stores what comes back. Marks
are given in fractions of the upright picture (``Annotation.x1`` … ``y2`` in 0..1), so the same
data draws in the same place on the 1600 px working copy, the 1000 px print copy and on screen.
Sizes (stroke, arrow head, text) are proportional to the picture's long edge; the annotation
canvas in the UI uses the same functions so that what is drawn there is what gets burned in.

Legibility on any photo: every stroke is drawn over a darker, wider halo, and text sits on a box
whose shade (near-black or near-white) is whichever contrasts more with the text colour.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from PIL import Image, ImageColor, ImageDraw, ImageFont

from inspector.domain.photos import Annotation, AnnotationShape

# The upright decode, colour handling and JPEG encoding of the derivative pipeline, reused rather
# than repeated: an annotated copy must match its unannotated twin pixel for pixel outside the marks.
from inspector.media.images import _jpeg, _read_source, upright_copies

K = TypeVar("K")
DEFAULT_COLOR = "#e53935"
HALO = (0, 0, 0, 110)  # behind strokes: a light colour still reads on a white bus side
TEXT_BOX_DARK = (0, 0, 0, 170)
TEXT_BOX_LIGHT = (255, 255, 255, 200)


def stroke_width(width: int, height: int) -> int:
    """Line width in pixels for a picture of ``width`` × ``height`` (6 px on a 1600 px copy)."""
    return max(2, round(max(width, height) / 260))


def text_size(width: int, height: int) -> int:
    """Font size in pixels for text marks (≈ 1/28 of the long edge, 57 px on a 1600 px copy)."""
    return max(12, round(max(width, height) / 28))


def arrow_head(x1: float, y1: float, x2: float, y2: float, stroke: float) -> list[tuple[float, float]]:
    """The three corners of the head of an arrow from (x1, y1) pointing at (x2, y2)."""
    angle = math.atan2(y2 - y1, x2 - x1)
    length = stroke * 4.5
    spread = math.radians(28)
    return [
        (x2, y2),
        (x2 - length * math.cos(angle - spread), y2 - length * math.sin(angle - spread)),
        (x2 - length * math.cos(angle + spread), y2 - length * math.sin(angle + spread)),
    ]


def shaft_end(x1: float, y1: float, x2: float, y2: float, stroke: float) -> tuple[float, float]:
    """Where the shaft of an arrow stops: inside its head, so that the square end of a thick line
    does not poke through the tip."""
    length = math.hypot(x2 - x1, y2 - y1)
    back = min(length, stroke * 2.5) / length if length else 0.0
    return x2 - (x2 - x1) * back, y2 - (y2 - y1) * back


def halo_width(stroke: int) -> int:
    """The width of the darker band drawn under a stroke (centred on it)."""
    return stroke + max(2, stroke // 2) * 2


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_box_is_dark(color: str) -> bool:
    """Should text of ``color`` sit on a dark box (True) or a light one? The higher contrast wins."""
    lum = _luminance(parse_color(color))
    return (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05)


def parse_color(color: str) -> tuple[int, int, int]:
    """``#rrggbb`` (or any colour name Pillow knows) as RGB; the default red for anything else."""
    try:
        return ImageColor.getrgb(color)[:3]
    except ValueError:
        return ImageColor.getrgb(DEFAULT_COLOR)[:3]


@lru_cache(maxsize=16)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def _box(mark: Annotation, width: int, height: int) -> tuple[float, float, float, float]:
    xs = sorted((_clamp(mark.x1) * width, _clamp(mark.x2) * width))
    ys = sorted((_clamp(mark.y1) * height, _clamp(mark.y2) * height))
    return xs[0], ys[0], xs[1], ys[1]


def _draw_text(draw: ImageDraw.ImageDraw, mark: Annotation, size: tuple[int, int], font_path: Path,
               color: tuple[int, int, int, int]) -> None:
    text = " ".join(mark.text.split())  # one line: a label, not a paragraph
    if not text:
        return
    width, height = size
    font = _font(str(font_path), text_size(width, height))
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    pad = max(4, font.size // 5)
    box_w, box_h = right - left + 2 * pad, bottom - top + 2 * pad
    # (x1, y1) is the box's top-left corner, moved inwards when the label would leave the picture.
    x = min(max(0.0, _clamp(mark.x1) * width), max(0.0, width - box_w))
    y = min(max(0.0, _clamp(mark.y1) * height), max(0.0, height - box_h))
    shade = TEXT_BOX_DARK if text_box_is_dark(mark.color) else TEXT_BOX_LIGHT
    draw.rounded_rectangle((x, y, x + box_w, y + box_h), radius=pad, fill=shade)
    draw.text((x + pad - left, y + pad - top), text, font=font, fill=color)


def burn_in(image: Image.Image, annotations: Sequence[Annotation], *, font_path: Path) -> Image.Image:
    """A copy of ``image`` (RGB) with ``annotations`` drawn on it; ``image`` itself is untouched."""
    base = image.convert("RGBA") if image.mode != "RGBA" else image.copy()
    if not annotations:
        return base.convert("RGB")
    width, height = base.size
    stroke = stroke_width(width, height)
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for mark in annotations:
        color = (*parse_color(mark.color), 255)
        if mark.shape is AnnotationShape.TEXT:
            _draw_text(draw, mark, (width, height), font_path, color)
            continue
        halo = halo_width(stroke)
        if mark.shape is AnnotationShape.ARROW:
            x1, y1 = _clamp(mark.x1) * width, _clamp(mark.y1) * height
            x2, y2 = _clamp(mark.x2) * width, _clamp(mark.y2) * height
            head = arrow_head(x1, y1, x2, y2, stroke)
            shaft = (x1, y1, *shaft_end(x1, y1, x2, y2, stroke))
            draw.line(shaft, fill=HALO, width=halo)
            draw.line([*head, head[0], head[1]], fill=HALO, width=halo - stroke, joint="curve")
            draw.line(shaft, fill=color, width=stroke)
            draw.polygon(head, fill=color)
            continue
        box = _box(mark, width, height)
        # Pillow draws an outline inside its box: the halo's box is grown so it is centred on the stroke.
        grow = (halo - stroke) / 2
        halo_box = (box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow)
        outline = draw.ellipse if mark.shape is AnnotationShape.ELLIPSE else draw.rectangle
        outline(halo_box, outline=HALO, width=halo)
        outline(box, outline=color, width=stroke)
    return Image.alpha_composite(base, overlay).convert("RGB")


def annotated_derivatives(
    original: str | os.PathLike[str] | bytes, annotations: Sequence[Annotation], sides: Mapping[K, int],
    *, font_path: Path, quality: int = 85,
) -> dict[K, bytes]:
    """Upright sRGB JPEG copies of ``original`` (one per entry of ``sides``, its long edge) with
    ``annotations`` burned in, from a single decode. Each copy is resized from the clean picture
    and then drawn on, so strokes and text are sharp at every size. Raises like ``inspect_image``.
    """
    if not sides or min(sides.values()) < 1:
        raise ValueError("sides must name at least one positive size")
    data, label = _read_source(original, None)
    # The same copies as the unannotated ones (same decode, filters and sources), then the marks.
    _, pictures = upright_copies(data, label, sides)
    return {key: _jpeg(burn_in(picture, annotations, font_path=font_path), quality)
            for key, picture in pictures.items()}


def annotated_derivative(
    original_path: str | os.PathLike[str] | bytes, annotations: Sequence[Annotation], max_side: int,
    *, font_path: Path, quality: int = 85,
) -> bytes:
    """One upright JPEG copy of ``original_path`` no longer than ``max_side``, marks burned in."""
    return annotated_derivatives(original_path, annotations, {0: max_side}, font_path=font_path,
                                 quality=quality)[0]
