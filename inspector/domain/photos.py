"""Photos as evidence: content-addressed by SHA-256, the original kept byte for byte.

Derivatives (upright working copy, print copy, thumbnail) and annotations are described here;
the photo pipeline (inspections issue) produces them.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class Derivative(StrEnum):
    WORKING = "working"  # upright, ~1600 px, annotations burned in
    PRINT = "print"  # upright, ~1000 px, for PDFs
    THUMBNAIL = "thumb"  # 256 px


# The longest side, in pixels, of each copy made of an original photo.
DERIVATIVE_SIDES: dict[Derivative, int] = {
    Derivative.WORKING: 1600,  # upright working copy shown on screen and annotated
    Derivative.PRINT: 1000,  # upright copy embedded in PDFs
    Derivative.THUMBNAIL: 256,  # lists and editors
}


class AnnotationShape(StrEnum):
    ARROW = "arrow"
    ELLIPSE = "ellipse"
    RECTANGLE = "rectangle"
    TEXT = "text"


class Annotation(BaseModel):
    """A mark drawn on a photo, in fractions of the upright image's width and height."""

    model_config = ConfigDict(frozen=True)

    shape: AnnotationShape
    x1: float
    y1: float
    x2: float = 0.0
    y2: float = 0.0
    text: str = ""
    color: str = "#e53935"


class Photo(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    sha256: str
    original_name: str = ""
    mime: str = "image/jpeg"
    width: int = 0
    height: int = 0
    taken_at: datetime | None = None  # EXIF capture time
    latitude: float | None = None
    longitude: float | None = None
    added_at: datetime
    added_by: int
    annotations: tuple[Annotation, ...] = ()


def photo_relative_path(sha256: str, suffix: str) -> str:
    """Where an original lives inside the photo store: ``ab/abcdef….jpg`` (fan-out by prefix)."""
    if not SHA256_PATTERN.match(sha256):
        raise ValueError("sha256_format")
    return f"{sha256[:2]}/{sha256}{suffix}"
