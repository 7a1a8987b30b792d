"""The fixed parts of a notice's pages: the letterhead, the signature block with its seal, and
the reply form the unit fills in by hand.

The signature block is drawn directly on the canvas so that the seal (检查专用章) can sit over
the office's name the way a real stamp does, and the issuer's drawn signature over the line.
For a covert inspection the office signs: no person's name and no personal signature appear.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table

from inspector.domain.notice_document import NoticeDocument
from inspector.pdf.fonts import cjk_font
from inspector.pdf.layout import (
    ACCENT,
    FRAME_WIDTH,
    GAP,
    GREY,
    INK,
    RULE,
    cn_date,
    styles,
    table_style,
    text,
)
from inspector.pdf.photos import PhotoBox, content_named, pixel_size

LOGO_HEIGHT = 18 * mm
LOGO_MAX_WIDTH = 45 * mm
SEAL_SIZE = 36 * mm
SIGNATURE_HEIGHT = 14 * mm
SIGNATURE_MAX_WIDTH = 40 * mm


def letterhead(doc: NoticeDocument) -> list[Flowable]:
    """Logo and organisation name, the title 整改通知单, number and date, a thin rule."""
    style = styles()
    name = Paragraph(text(doc.organisation_name), style.organisation)
    if doc.logo_path:
        logo = PhotoBox(doc.logo_path, LOGO_MAX_WIDTH, LOGO_HEIGHT, framed=False)
        logo.width, logo.height = logo.drawn_size()  # flush left; the name stays centred on the page
        side = max(logo.width, 1 * mm)
        head = Table([[logo, name, ""]], colWidths=[side, FRAME_WIDTH - 2 * side, side],
                     rowHeights=[max(logo.height, 10 * mm)])
        head.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        top: Flowable = head
    else:
        top = name
    numbers = Table(
        [[Paragraph(f"编号：{text(doc.number)}", style.body),
          Paragraph(f"签发日期：{cn_date(doc.issued_on)}", style.small_right)]],
        colWidths=[FRAME_WIDTH / 2] * 2,
    )
    numbers.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm),
    ]))
    return [
        top,
        Paragraph("整改通知单", style.title),
        numbers,
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=0, spaceAfter=4 * mm),
    ]


def _signature_reader(png: bytes | None) -> ImageReader | None:
    return ImageReader(io.BytesIO(png)) if png else None


class SignatureBlock(Flowable):
    """签收人 / 签收日期 lines on the left; 签发人 (or the office), date and seal on the right."""

    def __init__(self, doc: NoticeDocument) -> None:
        super().__init__()
        self.doc = doc
        self.width = FRAME_WIDTH
        self.height = 48 * mm
        self.signature = None if doc.covert else _signature_reader(doc.issuer_signature_png)
        self.seal_pixels = pixel_size(doc.seal_path) if doc.seal_path else None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _blank(self, x: float, y: float, label: str, blank: str = "") -> None:
        canvas = self.canv
        canvas.setFont(cjk_font(), 11)
        canvas.setFillColor(INK)
        canvas.drawString(x, y, label)
        start = x + canvas.stringWidth(label, cjk_font(), 11) + 1 * mm
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.5)
        canvas.line(start, y - 1.5 * mm, x + 70 * mm, y - 1.5 * mm)
        if blank:
            canvas.drawString(start + 12 * mm, y, blank)

    def draw(self) -> None:
        canvas, doc, font = self.canv, self.doc, cjk_font()
        self._blank(0, 22 * mm, "签收人：")
        self._blank(0, 10 * mm, "签收日期：", "　　　　年　　月　　日")

        centre = self.width * 0.75
        name_y, date_y = 17 * mm, 9 * mm
        canvas.setFillColor(INK)
        if not doc.covert:
            label = f"签发人：{doc.issuer_name}"
            canvas.setFont(font, 11)
            left = centre - 30 * mm
            canvas.drawString(left, 41 * mm, label)
            if self.signature is not None:
                width, height = self.signature.getSize()
                scale = min(SIGNATURE_MAX_WIDTH / width, SIGNATURE_HEIGHT / height)
                x = left + canvas.stringWidth(label, font, 11) + 3 * mm
                canvas.drawImage(self.signature, x, 39.5 * mm - height * scale / 3, width * scale, height * scale,
                                 mask="auto")
        canvas.setFont(font, 12.5)
        canvas.drawCentredString(centre, name_y, doc.organisation_name)
        canvas.setFont(font, 11)
        canvas.drawCentredString(centre, date_y, cn_date(doc.issued_on))
        if self.seal_pixels is None:  # to be stamped by hand
            canvas.setFont(font, 8)
            canvas.setFillColor(GREY)
            canvas.drawCentredString(centre, name_y + 6 * mm, "（盖章）")
        elif doc.seal_path:
            width, height = self.seal_pixels
            scale = min(SEAL_SIZE / width, SEAL_SIZE / height)
            drawn_width, drawn_height = width * scale, height * scale
            canvas.drawImage(content_named(doc.seal_path), centre - drawn_width / 2,
                             name_y + 1 * mm - drawn_height / 2, drawn_width, drawn_height, mask="auto")


def reply_form(doc: NoticeDocument) -> list[Flowable]:
    """The page the unit fills in by hand and returns: measures, prevention, date, head's signature."""
    style = styles()
    intro = Paragraph(
        f"通知编号：{text(doc.number)}{GAP}被检查单位：{text(doc.addressee_unit)}", style.body)
    ask = Paragraph(
        f"请于 {cn_date(doc.deadline)} 前填写本页，由单位负责人签字后交回{text(doc.organisation_name)}。",
        style.note)
    label = style.cell_head
    rows = [
        [Paragraph("整改措施", label), ""],
        [Paragraph("预防措施", label), ""],
        [Paragraph("回复日期", label), Paragraph(f"{GAP * 4}年{GAP * 2}月{GAP * 2}日", style.body)],
        [Paragraph("单位负责人签字", label), ""],
    ]
    table = Table(rows, colWidths=[30 * mm, FRAME_WIDTH - 30 * mm],
                  rowHeights=[92 * mm, 62 * mm, 14 * mm, 20 * mm])
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
    ]))
    return [
        Paragraph("整改情况回复单", style.title),
        Paragraph("（由被检查单位填写）", style.caption),
        Spacer(1, 4 * mm),
        intro,
        ask,
        Spacer(1, 3 * mm),
        table,
    ]
