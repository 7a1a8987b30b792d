"""Page geometry, paragraph styles, Chinese wording helpers and the page frame every notice PDF
shares: A4 portrait, the footer (第 x 页 / 共 y 页, the notice number, a QR code) and byte-for-byte
reproducible output.

Reproducible: ReportLab runs with ``invariant=1`` (fixed document ID) and the creation date is
the notice's issue date, so the same document always gives the same bytes. ``useA85`` is turned
off here, before anything is drawn: ASCII85-encoding every embedded JPEG costs ≈0.1 s per photo
and makes the file a quarter larger for nothing (TECH-NOTES "Photos and PDF speed").
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)

from inspector.domain.notices import FollowUpResult
from inspector.domain.templates import Severity
from inspector.pdf.fonts import cjk_font

rl_config.useA85 = 0

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_SIDE = 18 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 28 * mm  # the footer (rule, page number, QR code) lives below the frame
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
QR_SIZE = 17 * mm
FOOTER_RULE_Y = 23 * mm

INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#666666")
RULE = colors.HexColor("#999999")
ACCENT_HEX = "#b71c1c"  # the letterhead's red, the 严重 / 再次发生 marks
ACCENT = colors.HexColor(ACCENT_HEX)
HEADER_FILL = colors.HexColor("#eeeeee")

GAP = "&nbsp;" * 4  # ReportLab folds runs of spaces (and U+3000) into one; these stay
SEVERITY_TEXT = {Severity.GENERAL: "一般", Severity.SERIOUS: "严重"}
RESULT_TEXT = {FollowUpResult.PASS: "通过", FollowUpResult.FAIL: "未通过"}


def cn_date(value: date | datetime) -> str:
    """``2026年11月03日``: the date as an official document writes it."""
    return f"{value.year}年{value.month:02d}月{value.day:02d}日"


def cn_datetime(value: datetime) -> str:
    """``2026年11月03日 09:40``."""
    return f"{cn_date(value)} {value.hour:02d}:{value.minute:02d}"


def text(value: str) -> str:
    """Plain text made safe for a ReportLab paragraph: markup escaped, line breaks kept."""
    return escape(value.strip()).replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of a notice; CJK line breaking everywhere."""

    organisation: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    indented: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    caption: ParagraphStyle
    small_right: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    font = cjk_font()

    def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK",
                              textColor=extra.pop("textColor", INK), **extra)

    return Styles(
        organisation=style("organisation", 15, 20, alignment=TA_CENTER, textColor=ACCENT),
        title=style("title", 26, 34, alignment=TA_CENTER, spaceBefore=2 * mm, spaceAfter=3 * mm),
        heading=style("heading", 13, 18, spaceBefore=4 * mm, spaceAfter=2 * mm, keepWithNext=1),
        body=style("body", 11, 19),
        indented=style("indented", 11, 19, firstLineIndent=22, spaceBefore=1 * mm),
        note=style("note", 9, 13, textColor=GREY, spaceBefore=1 * mm),
        cell=style("cell", 9.5, 13.5),
        cell_center=style("cell_center", 9.5, 13.5, alignment=TA_CENTER),
        cell_head=style("cell_head", 10, 14, alignment=TA_CENTER),
        caption=style("caption", 8, 10.5, alignment=TA_CENTER, textColor=GREY),
        small_right=style("small_right", 10, 14, alignment=TA_RIGHT),
    )


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup, style)


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cells use the CJK font: ReportLab's default (Helvetica) would otherwise be
    selected for every cell, even an empty one, and listed in the PDF as a font not embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), cjk_font()), *commands])


def qr_drawing(payload: str, size: float = QR_SIZE) -> Drawing:
    """The footer's QR code carrying ``payload`` (number and content hash), ``size`` points square.

    The widget is given its size directly: asking it for its bounds would build all its modules
    once more just to measure them (half the cost of drawing it).
    """
    widget = QrCodeWidget(payload, barLevel="M", barBorder=0, barWidth=size, barHeight=size)
    drawing = Drawing(size, size, initialFontName=cjk_font())  # else the renderer lists Helvetica in the PDF
    drawing.add(widget)
    return drawing


@dataclass(frozen=True)
class Footer:
    """What the bottom of every page shows."""

    label: str  # e.g. "整改通知单 ZG-2026-11-0001"
    qr_payload: str


class FooterSwitch(Flowable):
    """Placed in a story, it gives the page it lands on (and the following ones) another footer:
    one PDF holding several documents (the inspection reports of a month) shows each one's own
    label, QR code and page count. Takes no room."""

    def __init__(self, footer: Footer) -> None:
        super().__init__()
        self.footer = footer
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.current_footer = self.footer  # type: ignore[attr-defined]


def _page_canvas(footer: Footer, issued_on: date) -> type[Canvas]:
    """A canvas class that keeps its pages until ``save`` and then draws each footer with the page
    count known (the two-pass "numbered canvas"); the QR code is one form drawn on every page.
    Pages are counted per footer: a ``FooterSwitch`` starts a new document's count."""
    stamp = f"D:{issued_on.year:04d}{issued_on.month:02d}{issued_on.day:02d}000000+08'00'"

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: stamp)
            self._held_pages: list[dict[str, Any]] = []
            self.current_footer = footer

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            runs: list[list[int]] = []  # consecutive pages under one footer
            for index, state in enumerate(self._held_pages):
                if runs and self._held_pages[runs[-1][0]]["current_footer"] is state["current_footer"]:
                    runs[-1].append(index)
                else:
                    runs.append([index])
            forms: dict[int, str] = {}
            for run in runs:
                for number, index in enumerate(run, start=1):
                    self.__dict__.update(self._held_pages[index])
                    self._draw_footer(self.current_footer, number, len(run), forms)
                    Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, page_footer: Footer, number: int, total: int, forms: dict[int, str]) -> None:
            font = cjk_font()
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN_SIDE, FOOTER_RULE_Y, PAGE_WIDTH - MARGIN_SIDE, FOOTER_RULE_Y)
            self.setFillColor(GREY)
            self.setFont(font, 8.5)
            baseline = FOOTER_RULE_Y - 6 * mm
            self.drawString(MARGIN_SIDE, baseline, page_footer.label)
            self.drawCentredString(PAGE_WIDTH / 2, baseline, f"第 {number} 页 / 共 {total} 页")
            if id(page_footer) not in forms:
                forms[id(page_footer)] = "footer_qr" if not forms else f"footer_qr_{len(forms)}"
                self.beginForm(forms[id(page_footer)])
                renderPDF.draw(qr_drawing(page_footer.qr_payload), self, 0, 0)
                self.endForm()
            self.translate(PAGE_WIDTH - MARGIN_SIDE - QR_SIZE, FOOTER_RULE_Y - 2 * mm - QR_SIZE)
            self.doForm(forms[id(page_footer)])
            self.restoreState()

    return FooterCanvas


def render(story: Sequence[Flowable], *, title: str, author: str, footer: Footer, issued_on: date) -> bytes:
    """Lay ``story`` out on A4 pages with the footer; the same input gives the same bytes."""
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, title=title, author=author, subject=title,
        creator="Inspector 服务质量督查", lang="zh-CN", initialFontName=cjk_font(),
    )
    frame = Frame(MARGIN_SIDE, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.build(list(story), canvasmaker=_page_canvas(footer, issued_on))
    return buffer.getvalue()


