"""Photos on notice pages: each one scaled into a box keeping its proportions, grids of captioned
photos, and the 整改前 / 整改后 pairs of the record.

Every photo is handed to ReportLab as a JPEG *file path*: ReportLab then copies the JPEG into
the PDF as it is (no decoding, no re-encoding). A PIL image would be decoded and re-compressed
with Flate — ten times slower and eight times larger. ReportLab names each image after the
string it was given; the path given here names itself by the file's SHA-256, so a picture drawn
twice (the notice and the before/after page) is embedded once, and the PDF's bytes do not
depend on where the data folder lies. Only the header is read here (Pillow opens lazily) to learn the size; a
missing or unreadable file is an ``InspectorError`` naming the path, never a crash mid-layout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from inspector.domain.errors import InspectorError
from inspector.domain.notice_document import DocumentPhoto
from inspector.pdf.layout import FRAME_WIDTH, RULE, styles, table_style, text

PHOTO_FILE_MISSING = "photo_file_missing"
PHOTO_FILE_UNREADABLE = "photo_file_unreadable"
CELL_GAP = 3 * mm


def pixel_size(path: str) -> tuple[int, int]:
    """Width and height in pixels of the image at ``path`` (header only)."""
    file = Path(path)
    if not file.is_file():
        raise InspectorError(PHOTO_FILE_MISSING, path=str(file))
    try:
        with Image.open(file) as image:
            width, height = image.size
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError):
        raise InspectorError(PHOTO_FILE_UNREADABLE, path=str(file)) from None
    if width <= 0 or height <= 0:
        raise InspectorError(PHOTO_FILE_UNREADABLE, path=str(file))
    return width, height


class _ContentNamedPath(str):
    """A file path that ReportLab names after the file's content, not its location.

    ReportLab opens the file by the path itself but names (and de-duplicates) the embedded image
    by ``str(path)``: with the content's hash as that name, the PDF's bytes depend on the pictures,
    not on where the data folder lies, and the same picture at two paths is embedded once.
    """

    key: str

    def __str__(self) -> str:
        return self.key


def content_named(path: str) -> _ContentNamedPath:
    named = _ContentNamedPath(path)
    named.key = "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return named


class PhotoBox(Flowable):
    """An image drawn as large as fits ``width`` × ``height`` in proportion, centred in the box.

    Photos get a hairline frame; a logo or seal (``framed=False``) keeps its PNG transparency.
    """

    def __init__(self, path: str, width: float, height: float, *, framed: bool = True) -> None:
        super().__init__()
        self.path = str(path)
        self.pixels = pixel_size(self.path)
        self.source = content_named(self.path)
        self.width = width
        self.height = height
        self.framed = framed

    def drawn_size(self) -> tuple[float, float]:
        pixel_width, pixel_height = self.pixels
        scale = min(self.width / pixel_width, self.height / pixel_height)
        return pixel_width * scale, pixel_height * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        drawn_width, drawn_height = self.drawn_size()
        left, bottom = (self.width - drawn_width) / 2, (self.height - drawn_height) / 2
        if not self.framed:
            self.canv.drawImage(self.source, left, bottom, drawn_width, drawn_height, mask="auto")
            return
        self.canv.drawImage(self.source, left, bottom, drawn_width, drawn_height)
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.3)
        self.canv.rect(left, bottom, drawn_width, drawn_height, stroke=1, fill=0)


def photo_cell(photo: DocumentPhoto, caption: str, width: float, height: float) -> list[Flowable]:
    """A photo and its caption (``caption`` is markup) for one table cell."""
    return [PhotoBox(photo.path, width, height), Paragraph(caption, styles().caption)]


def photo_grid(entries: Sequence[tuple[DocumentPhoto, str]], *, columns: int,
               width: float = FRAME_WIDTH) -> Table:
    """``entries`` (photo, caption markup) in rows of ``columns``; photos in 4:3 boxes."""
    cell_width = (width - (columns - 1) * CELL_GAP) / columns
    box_height = cell_width * 0.75
    cells = [photo_cell(photo, caption, cell_width, box_height) for photo, caption in entries]
    rows = [cells[start:start + columns] for start in range(0, len(cells), columns)]
    rows[-1] = rows[-1] + [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[cell_width + CELL_GAP] * (columns - 1) + [cell_width], hAlign="LEFT")
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-2, -1), CELL_GAP),
        ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
    ]))
    return table


def columns_for(count: int) -> int:
    """Two photos a row while they are few (bigger, easier to read), three from seven on."""
    return 2 if count <= 6 else 3


def captioned(photo: DocumentPhoto, prefix: str) -> str:
    """Caption markup ``prefix · caption``; the dot only between two non-empty parts."""
    parts = [part for part in (prefix, text(photo.caption)) if part]
    return " · ".join(parts)


def side_by_side(before: Sequence[DocumentPhoto], after: Sequence[DocumentPhoto], *,
                 width: float = FRAME_WIDTH) -> Table:
    """整改前 photos on the left, 整改后 photos on the right, each side its photos stacked."""
    half = (width - CELL_GAP) / 2

    def column(photos: Sequence[DocumentPhoto], label: str) -> list[Flowable]:
        if not photos:
            return [Paragraph(f"{label}：无照片", styles().caption)]
        inner = half if len(photos) == 1 else (half - CELL_GAP) / 2
        if len(photos) == 1:
            return photo_cell(photos[0], captioned(photos[0], label), inner, inner * 0.75)
        return [photo_grid([(photo, captioned(photo, label)) for photo in photos], columns=2, width=half)]

    heads = [Paragraph("整改前", styles().cell_head), "", Paragraph("整改后", styles().cell_head)]
    table = Table([heads, [column(before, "整改前"), "", column(after, "整改后")]],
                  colWidths=[half, CELL_GAP, half], hAlign="LEFT")
    table.setStyle(table_style([
        ("LINEBELOW", (0, 0), (0, 0), 0.5, RULE),
        ("LINEBELOW", (2, 0), (2, 0), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1 * mm),
        ("TOPPADDING", (0, 1), (-1, 1), 1.5 * mm),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 0),
    ]))
    return table
