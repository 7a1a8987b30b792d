"""Made-up photos for demo data, tests and benchmarks: pure functions returning JPEG bytes.

``scene_photo`` draws a small picture of coloured shapes with a caption (the demo's evidence
photos: cheap to make, distinct per seed, readable in the viewer). ``camera_photo`` imitates a
phone camera's 12 MP frame — smooth lighting gradients, shapes, and sensor noise, so that the
JPEG is as large as a real one (a flat picture compresses to a fraction and would flatter any
ingest benchmark) — and can carry an EXIF orientation tag, as phones held upright write.
The same arguments always give the same bytes.
"""

from __future__ import annotations

import io
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from inspector.paths import font_path

EXIF_ORIENTATION = 0x0112
SCENE_SIZE = (800, 600)
CAMERA_SIZE = (4000, 3000)
_PALETTE = ((229, 57, 53), (30, 136, 229), (67, 160, 71), (251, 192, 45), (142, 36, 170), (0, 137, 123),
            (244, 81, 30), (84, 110, 122), (121, 85, 72), (63, 81, 181))


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The bundled CJK font (captions are Chinese), else Pillow's own when it is missing."""
    try:
        return ImageFont.truetype(str(font_path()), size)
    except OSError:
        return ImageFont.load_default(size)


def _shapes(draw: ImageDraw.ImageDraw, rng: random.Random, width: int, height: int, count: int) -> None:
    for _ in range(count):
        colour = rng.choice(_PALETTE)
        x1, y1 = rng.randrange(width), rng.randrange(height)
        x2 = min(width, x1 + rng.randrange(width // 10, width // 2))
        y2 = min(height, y1 + rng.randrange(height // 10, height // 2))
        kind = rng.randrange(3)
        if kind == 0:
            draw.rectangle((x1, y1, x2, y2), fill=colour)
        elif kind == 1:
            draw.ellipse((x1, y1, x2, y2), fill=colour)
        else:
            third = (rng.randrange(width), rng.randrange(height))
            draw.polygon([(x1, y1), (x2, y2), third], fill=colour)


def _jpeg(image: Image.Image, quality: int, orientation: int | None) -> bytes:
    buffer = io.BytesIO()
    exif = image.getexif()
    if orientation is not None:
        exif[EXIF_ORIENTATION] = orientation
    image.save(buffer, "JPEG", quality=quality, exif=exif.tobytes())
    return buffer.getvalue()


def scene_photo(seed: int, caption: str = "", *, size: tuple[int, int] = SCENE_SIZE, quality: int = 80) -> bytes:
    """A JPEG of coloured shapes on a soft background with ``caption`` on a dark band below."""
    rng = random.Random(seed)
    width, height = size
    top, bottom = rng.choice(_PALETTE), rng.choice(_PALETTE)
    background = Image.linear_gradient("L").resize(size)
    image = Image.composite(Image.new("RGB", size, tuple(c // 3 + 150 for c in top)),
                            Image.new("RGB", size, tuple(c // 3 + 90 for c in bottom)), background)
    draw = ImageDraw.Draw(image)
    _shapes(draw, rng, width, height, rng.randint(4, 9))
    if caption:
        band = max(28, height // 12)
        draw.rectangle((0, height - band, width, height), fill=(20, 20, 20))
        draw.text((12, height - band + band // 6), caption, fill=(255, 255, 255), font=_font(band * 2 // 3))
    return _jpeg(image, quality, None)


def camera_photo(
    seed: int, *, size: tuple[int, int] = CAMERA_SIZE, orientation: int | None = 6, quality: int = 92,
    noise: float = 40.0,
) -> bytes:
    """A phone-like JPEG: lit gradients, blurred shapes, fine sensor noise; EXIF ``orientation``.

    At 4000×3000 and the defaults it weighs about as much as a phone's photo (several MB).
    """
    rng = random.Random(seed)
    width, height = size
    light = Image.linear_gradient("L").rotate(rng.randrange(360)).resize(size)
    image = Image.merge("RGB", (
        light.point(lambda v: 60 + v * 0.6),
        light.point(lambda v: 50 + v * 0.55),
        light.transpose(Image.Transpose.FLIP_TOP_BOTTOM).point(lambda v: 40 + v * 0.5),
    ))
    draw = ImageDraw.Draw(image)
    _shapes(draw, rng, width, height, 14)
    image = image.filter(ImageFilter.GaussianBlur(3))
    grain = Image.effect_noise(size, noise)
    mixed = Image.merge("RGB", tuple(
        Image.blend(channel, grain.transpose(Image.Transpose.ROTATE_180) if index == 1 else grain, 0.18)
        for index, channel in enumerate(image.split())
    ))
    return _jpeg(mixed, quality, orientation)
