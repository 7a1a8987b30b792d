"""A notice's record (整改档案) as a PDF: ``render_notice_record(doc) -> bytes``.

The notice's own pages come first, unchanged; then a summary (status, dates, 整改不及时), the
receipt (签收: who, when, the drawn signature), the unit's reply (整改回复: measures, preventive
measures, date, after-photos), every follow-up (复查: when, who, the result per problem) and
last the before/after pages: for each problem the notice's photo(s) beside the follow-up's
photo(s) from the same spot, captioned 整改前 / 整改后. A photo shown on the notice and again on
the comparison page is embedded once (images are named by their content: see ``photos``).

A covert notice's record names no person of the office: the follow-ups say 复查人：<the office>
as the notice says 签发 by the office — whoever followed up may be the one who made the visit.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from inspector.domain.notice_document import (
    FollowUpInfo,
    FollowUpItemInfo,
    NoticeDocument,
    NoticeRecordDocument,
    ReceiptInfo,
    ReplyInfo,
)
from inspector.domain.notices import FollowUpResult
from inspector.pdf.layout import (
    ACCENT_HEX,
    FRAME_WIDTH,
    GAP,
    HEADER_FILL,
    RESULT_TEXT,
    RULE,
    cn_date,
    cn_datetime,
    render,
    styles,
    table_style,
    text,
)
from inspector.pdf.notice_pdf import footer_for, notice_story
from inspector.pdf.photos import captioned, columns_for, photo_grid, side_by_side

LABEL_WIDTH = 26 * mm
SIGNATURE_BOX = (50 * mm, 18 * mm)
# 序号, 项目编号, 问题描述, 复查结果 — 说明 takes the rest
FOLLOWUP_COLUMNS = (12 * mm, 19 * mm, 75 * mm, 18 * mm)


class DrawnSignature(Flowable):
    """A signature drawn on the laptop (PNG with transparency), scaled into a box, kept in proportion."""

    def __init__(self, png: bytes, width: float, height: float) -> None:
        super().__init__()
        self.reader = ImageReader(io.BytesIO(png))
        pixel_width, pixel_height = self.reader.getSize()
        scale = min(width / pixel_width, height / pixel_height)
        self.width, self.height = pixel_width * scale, pixel_height * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


def _result(result: FollowUpResult) -> str:
    label = RESULT_TEXT[result]
    return label if result is FollowUpResult.PASS else f'<font color="{ACCENT_HEX}">{label}</font>'


def _grid(rows: list[list[object]], widths: list[float], *, head: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if head else 0, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
    ]
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    else:  # label columns shaded: 0 and, in the four-column summary, 2
        commands += [("BACKGROUND", (column, 0), (column, -1), HEADER_FILL) for column in range(0, len(widths), 2)]
    table.setStyle(table_style(commands))
    return table


def _pairs(rows: list[tuple[str, object]]) -> Table:
    """A two-column grid of label → value (value is markup or a flowable)."""
    style = styles()
    cells = [[Paragraph(label, style.cell_center),
              Paragraph(value, style.cell) if isinstance(value, str) else value] for label, value in rows]
    return _grid(cells, [LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH])


def summary(record: NoticeRecordDocument) -> list[Flowable]:
    style = styles()
    notice = record.notice
    status = text(record.status_text)
    if record.late:
        status += f'<font color="{ACCENT_HEX}">（整改不及时）</font>'
    closed = cn_date(record.closed_on) if record.closed_on else "—"
    value_width = (FRAME_WIDTH - 2 * LABEL_WIDTH) / 2

    def cell(markup: str, centred: bool = False) -> Paragraph:
        return Paragraph(markup, style.cell_center if centred else style.cell)

    rows = [
        ("通知编号", text(notice.number), "当前状态", status),
        ("被检查单位", text(notice.addressee_unit), "单位负责人", text(notice.addressee_head)),
        ("签发日期", cn_date(notice.issued_on), "整改期限", cn_date(notice.deadline)),
        ("计划复查", cn_date(notice.followup_date), "闭环日期", closed),
    ]
    table = _grid([[cell(a, True), cell(b), cell(c, True), cell(d)] for a, b, c, d in rows],
                  [LABEL_WIDTH, value_width, LABEL_WIDTH, value_width])
    return [Paragraph("整改档案", style.title), table]


def receipt_section(receipt: ReceiptInfo | None) -> list[Flowable]:
    style = styles()
    heading = Paragraph("一、签收", style.heading)
    if receipt is None:
        return [heading, Paragraph("尚未签收。", style.body)]
    signature: object = (DrawnSignature(receipt.signature_png, *SIGNATURE_BOX) if receipt.signature_png
                         else "（未留签名）")
    return [heading, _pairs([
        ("签收人", text(receipt.signer_name)),
        ("签收时间", cn_datetime(receipt.signed_at)),
        ("签名", signature),
    ])]


def reply_section(reply: ReplyInfo | None) -> list[Flowable]:
    style = styles()
    heading = Paragraph("二、整改回复", style.heading)
    if reply is None:
        return [heading, Paragraph("尚未回复。", style.body)]
    story: list[Flowable] = [heading, _pairs([
        ("回复人", text(reply.replied_by)),
        ("回复日期", cn_date(reply.replied_on)),
        ("整改措施", text(reply.measures)),
        ("预防措施", text(reply.preventive) or "—"),
    ])]
    if reply.photos:
        entries = [(photo, captioned(photo, f"回复照片 {index}")) for index, photo in enumerate(reply.photos, 1)]
        story += [Spacer(1, 3 * mm), photo_grid(entries, columns=columns_for(len(entries)))]
    return story


def followup_section(number: int, followup: FollowUpInfo, notice: NoticeDocument) -> list[Flowable]:
    style = styles()
    # Decided here too, not only by the service: a covert record must not print a name even if
    # the document it was given still carries one.
    checker = notice.organisation_name if notice.covert else followup.recorded_by
    head = [Paragraph(title, style.cell_head) for title in ("序号", "项目编号", "问题描述", "复查结果", "说明")]
    rows: list[list[object]] = [head] + [[
        Paragraph(str(item.index), style.cell_center),
        Paragraph(text(item.item_code), style.cell_center),
        Paragraph(text(item.problem), style.cell),
        Paragraph(_result(item.result), style.cell_center),
        Paragraph(text(item.note) or "—", style.cell),
    ] for item in followup.items]
    story: list[Flowable] = [
        Paragraph(f"第 {number} 次复查", style.heading),
        Paragraph(f"复查时间：{cn_datetime(followup.recorded_at)}{GAP}复查人：{text(checker)}"
                  f"{GAP}结论：{_result(followup.result)}", style.body),
        Spacer(1, 2 * mm),
        _grid(rows, [*FOLLOWUP_COLUMNS, FRAME_WIDTH - sum(FOLLOWUP_COLUMNS)], head=True),
    ]
    if followup.note:
        story.append(Paragraph(f"复查意见：{text(followup.note)}", style.indented))
    if followup.reissued_as:
        story.append(Paragraph(f'<font color="{ACCENT_HEX}">复查未通过，已重新下发通知 '
                               f"{text(followup.reissued_as)}</font>", style.body))
    return story


def _comparison(item: FollowUpItemInfo) -> Flowable:
    style = styles()
    title = Paragraph(f"问题 {item.index}{GAP}{text(item.item_code)}{GAP}{text(item.problem)}"
                      f"{GAP}复查结果：{_result(item.result)}", style.body)
    return KeepTogether([title, Spacer(1, 1.5 * mm), side_by_side(item.before, item.after), Spacer(1, 5 * mm)])


def comparison_pages(followups: tuple[FollowUpInfo, ...]) -> list[Flowable]:
    """四、整改前后对比: for every follow-up with photos, each problem's before and after."""
    style = styles()
    story: list[Flowable] = []
    for number, followup in enumerate(followups, start=1):
        items = [item for item in followup.items if item.before or item.after]
        if not items:
            continue
        story += [PageBreak() if not story else CondPageBreak(90 * mm),
                  Paragraph(f"四、整改前后对比（第 {number} 次复查，{cn_date(followup.recorded_at)}）", style.heading)]
        story += [_comparison(item) for item in items]
    return story


def record_story(record: NoticeRecordDocument) -> list[Flowable]:
    style = styles()
    story = notice_story(record.notice)
    story += [PageBreak(), *summary(record), *receipt_section(record.receipt), *reply_section(record.reply)]
    story.append(Paragraph("三、复查", style.heading))
    if not record.followups:
        story.append(Paragraph("尚未复查。", style.body))
    for number, followup in enumerate(record.followups, start=1):
        story += followup_section(number, followup, record.notice)
    story += comparison_pages(record.followups)
    return story


def _title(notice: NoticeDocument) -> str:
    return f"整改档案 {notice.number}"


def render_notice_record(doc: NoticeRecordDocument) -> bytes:
    """The record as PDF bytes: the notice's pages, then what followed; reproducible byte for byte."""
    notice = doc.notice
    return render(record_story(doc), title=_title(notice), author=notice.organisation_name,
                  footer=footer_for(notice, "整改档案"), issued_on=notice.issued_on)
