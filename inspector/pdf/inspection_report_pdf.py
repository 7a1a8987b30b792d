"""The written inspection report (书面检查报告 / 《客服质量检查记录》) as a PDF:
``render_inspection_reports(reports) -> bytes`` — one inspection, or many (a month, a filtered
list) one after another, each from a new page with its own footer and page count.

Built from the notice's parts: the page frame with its QR + hash footer (``layout.render``,
``FooterSwitch``), the styles and the bundled CJK font, the photo grid of annotated print copies
(``photos``), the logo box and the drawn-signature flowable of the record. Page order of one
report: head (organisation, title, number), the facts (checklist, version and month, subject,
unit, mode, observed / entered / completed times, inspector), the score with its breakdown (per
section, veto), every item with its result, value, note and severity, the failed items' photos,
and the inspected party's on-site acknowledgement.

A covert visit (暗访) names no inspector — the office stands where the name would be, as on its
notices and records — and has no acknowledgement block (the visit is not made known on site).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from inspector.domain.inspection_report import InspectionReport, ReportItem
from inspector.domain.inspections import AnswerResult, InspectionMode
from inspector.domain.templates import Severity
from inspector.pdf.blocks import LOGO_HEIGHT, LOGO_MAX_WIDTH
from inspector.pdf.layout import (
    ACCENT,
    ACCENT_HEX,
    FRAME_WIDTH,
    GAP,
    HEADER_FILL,
    RULE,
    SEVERITY_TEXT,
    Footer,
    FooterSwitch,
    cn_date,
    cn_datetime,
    render,
    styles,
    table_style,
    text,
)
from inspector.pdf.photos import PhotoBox, captioned, columns_for, photo_grid
from inspector.pdf.record_pdf import SIGNATURE_BOX, DrawnSignature

TITLE = "客服质量检查记录"
SUBTITLE = "（书面检查报告）"
MODE_TEXT = {InspectionMode.ONSITE: "明查", InspectionMode.COVERT: "暗访", InspectionMode.WALKAROUND: "走动式检查"}
RESULT_WORDS = {AnswerResult.PASS: "合格", AnswerResult.FAIL: "不合格", AnswerResult.NA: "不适用", None: "未检查"}
LABEL_WIDTH = 22 * mm
# 序号, 项目编号, 检查内容, 结果, 程度 — 说明 takes the rest
ITEM_COLUMNS = (11 * mm, 20 * mm, 66 * mm, 15 * mm, 11 * mm)
HEADING_ROOM = 40 * mm  # a heading, a table's head and two rows
NONE = "—"


def _red(markup: str) -> str:
    return f'<font color="{ACCENT_HEX}">{markup}</font>'


def _number(value: float | None) -> str:
    if value is None:
        return NONE
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _cell(markup: str, centred: bool = False) -> Paragraph:
    style = styles()
    return Paragraph(markup, style.cell_center if centred else style.cell)


@lru_cache(maxsize=1)
def _heading_style() -> ParagraphStyle:
    return ParagraphStyle("report_heading", parent=styles().heading, keepWithNext=0)


def heading(title: str) -> list[Flowable]:
    """A heading that moves to the next page only when less than a few rows' room is left (the
    shared heading style keeps with the whole next table and would leave most of a page blank)."""
    return [CondPageBreak(HEADING_ROOM), Paragraph(title, _heading_style())]


def inspector_text(report: InspectionReport) -> str:
    """检查人: the person for a visit made known; for a covert one the office, as its notices sign."""
    if report.covert or report.inspector_name is None:
        return report.organisation_name
    return report.inspector_name


def head(report: InspectionReport) -> list[Flowable]:
    style = styles()
    name = Paragraph(text(report.organisation_name), style.organisation)
    top: Flowable = name
    if report.logo_path:
        logo = PhotoBox(report.logo_path, LOGO_MAX_WIDTH, LOGO_HEIGHT, framed=False)
        logo.width, logo.height = logo.drawn_size()
        side = max(logo.width, 1 * mm)
        top = Table([[logo, name, ""]], colWidths=[side, FRAME_WIDTH - 2 * side, side],
                    rowHeights=[max(logo.height, 10 * mm)])
        top.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    numbers = Table([[Paragraph(f"编号：{text(report.number)}", style.body),
                      Paragraph(f"检查日期：{cn_date(report.observed_at)}", style.small_right)]],
                    colWidths=[FRAME_WIDTH / 2] * 2)
    numbers.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm),
    ]))
    return [top, Paragraph(TITLE, style.title), Paragraph(SUBTITLE, style.caption), numbers,
            HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=0, spaceAfter=4 * mm)]


def facts(report: InspectionReport) -> Table:
    """The label/value grid: two pairs a row."""
    version = f"{text(report.template_code)} 第 {report.template_version} 版"
    if report.effective_month:
        year, month = report.effective_month.split("-")
        version += f"（{year}年{int(month)}月起执行）"
    completed = cn_datetime(report.completed_at) if report.completed_at else NONE
    pairs = [
        ("检查表", text(report.template_title)), ("版本", version),
        ("检查对象", f"{text(report.subject_kind)}　{text(report.subject_label)}"),
        ("责任单位", text(report.unit_name) or NONE),
        ("检查方式", MODE_TEXT[report.mode]), ("评分方式", text(report.scheme) or NONE),
        ("检查时间", cn_datetime(report.observed_at)), ("录入时间", cn_datetime(report.entered_at)),
        ("地点", text(report.place) or NONE), ("完成时间", completed),
        ("检查人", text(inspector_text(report))),
    ]
    pairs += [(label, text(value)) for label, value in report.evidence]
    if len(pairs) % 2:
        pairs.append(("", ""))
    value_width = (FRAME_WIDTH - 2 * LABEL_WIDTH) / 2
    rows = [[_cell(a, True), _cell(b), _cell(c, True), _cell(d)]
            for (a, b), (c, d) in zip(pairs[0::2], pairs[1::2], strict=True)]
    grid = Table(rows, colWidths=[LABEL_WIDTH, value_width] * 2, hAlign="LEFT")
    grid.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL), ("BACKGROUND", (2, 0), (2, -1), HEADER_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return grid


def score_line(report: InspectionReport) -> str:
    counts = report.counts()
    parts = [f"合格 {counts[AnswerResult.PASS]} 项", f"不合格 {counts[AnswerResult.FAIL]} 项",
             f"不适用 {counts[AnswerResult.NA]} 项"]
    if counts[None]:
        parts.append(f"未检查 {counts[None]} 项")
    if report.mode is InspectionMode.WALKAROUND:
        return f"走动式检查记录发现的问题，不评分。<br/>发现问题 {counts[AnswerResult.FAIL]} 项。"
    if report.score is None:
        return "未评分。<br/>" + "，".join(parts) + "。"
    score = f"得分：{_number(report.score)} / {_number(report.max_score)}"
    if report.percent is not None:
        score += f"（得分率 {_number(report.percent)}%）"
    if report.veto_failed:
        score += GAP + _red("一票否决：" + "、".join(text(code) for code in report.veto_items) + "，本次检查记零分")
    return score + "<br/>" + "，".join(parts) + "。"


def score_section(report: InspectionReport) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [*heading("一、检查结果与得分"), Paragraph(score_line(report), style.body)]
    if not report.sections:
        return story
    loss = "扣分" if report.scheme == "扣分制" else "失分"
    rows: list[list[object]] = [[_cell("分项", True), _cell(loss, True)]]
    for section in report.sections:
        title = ("　　" if section.sub else "") + text(section.title)
        value = _number(section.deducted)
        rows.append([_cell(title), _cell(_red(value) if section.deducted else value, True)])
    rows.append([_cell("合计", True), _cell(_number(report.deducted), True)])
    table = Table(rows, colWidths=[FRAME_WIDTH - 30 * mm, 30 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm),
    ]))
    return story + [Spacer(1, 2 * mm), table]


def _result(item: ReportItem) -> str:
    word = RESULT_WORDS[item.result]
    return _red(word) if item.result is AnswerResult.FAIL else word


def _explanation(item: ReportItem) -> str:
    parts = []
    if item.value:
        parts.append(f"记录：{text(item.value)}")
    if item.note:
        parts.append(text(item.note))
    if item.photos:
        parts.append(f'<font color="#666666" size="8">照片 {len(item.photos)} 张，见附页</font>')
    return "<br/>".join(parts) or NONE


def items_section(report: InspectionReport) -> list[Flowable]:
    style = styles()
    head_row = [Paragraph(title, style.cell_head) for title in ("序号", "项目编号", "检查内容", "结果", "程度", "说明")]
    rows: list[list[object]] = [head_row]
    spans: list[tuple[object, ...]] = []
    section = None
    for index, item in enumerate(report.items, start=1):
        if item.section != section:
            section = item.section
            spans += [("SPAN", (0, len(rows)), (-1, len(rows))), ("BACKGROUND", (0, len(rows)), (-1, len(rows)),
                                                                 HEADER_FILL)]
            rows.append([_cell(text(section) or NONE), "", "", "", "", ""])
        content = text(item.text)
        if item.veto:
            content += f' <font size="8" color="{ACCENT_HEX}">【否决项】</font>'
        severity = NONE
        if item.severity is not None:
            severity = SEVERITY_TEXT[item.severity]
            severity = _red(severity) if item.severity is Severity.SERIOUS else severity
        rows.append([_cell(str(index), True), _cell(text(item.code), True), _cell(content), _cell(_result(item), True),
                     _cell(severity, True), _cell(_explanation(item))])
    widths = [*ITEM_COLUMNS, FRAME_WIDTH - sum(ITEM_COLUMNS)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        *spans,
    ]))
    title = "二、检查项目" if report.mode is not InspectionMode.WALKAROUND else "二、发现的问题"
    return [*heading(title), table]


def photo_section(report: InspectionReport) -> list[Flowable]:
    """附：问题照片 — the failed items' photos (print copies with their marks), captioned by item."""
    numbered = [(index, item) for index, item in enumerate(report.items, start=1) if item.photos]
    entries = [(photo, captioned(photo, f"第 {index} 项")) for index, item in numbered for photo in item.photos]
    if not entries:
        return []
    return [CondPageBreak(70 * mm), *heading("附：问题照片"), photo_grid(entries, columns=columns_for(len(entries)))]


def acknowledgement_section(report: InspectionReport) -> list[Flowable]:
    """三、被检查方确认 — the drawn signature when given on site; blank lines to sign on paper
    otherwise. None for a covert visit."""
    if report.covert:
        return []
    style = styles()
    ack = report.acknowledgement
    heading = Paragraph("三、被检查方确认", style.heading)
    sentence = Paragraph("以上检查情况属实。", style.indented)
    if ack is None:
        blanks = Paragraph(f"被检查方签字：{'_' * 18}{GAP}日期：{'_' * 14}", style.body)
        return [KeepTogether([heading, sentence, Spacer(1, 6 * mm), blanks])]
    signature: object = (DrawnSignature(ack.signature_png, *SIGNATURE_BOX) if ack.signature_png else
                         Paragraph("（未留签名）", style.cell))
    rows = [[_cell("确认人", True), _cell(text(ack.signer_name))],
            [_cell("确认时间", True), _cell(cn_datetime(ack.signed_at))],
            [_cell("签名", True), signature]]
    table = Table(rows, colWidths=[LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return [KeepTogether([heading, sentence, Spacer(1, 2 * mm), table])]


def footer_for(report: InspectionReport) -> Footer:
    return Footer(label=f"{TITLE}　{report.number}", qr_payload=report.qr_payload())


def report_story(report: InspectionReport) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [*head(report), facts(report), Spacer(1, 2 * mm)]
    story += score_section(report)
    story += items_section(report)
    story += acknowledgement_section(report)
    story += photo_section(report)
    story.append(Paragraph(f"内容校验码：sha256:{report.content_sha256}", style.note))
    return story


def render_inspection_reports(reports: Sequence[InspectionReport]) -> bytes:
    """The reports as one PDF, each from a new page with its own footer; the same reports give
    the same bytes."""
    if not reports:
        raise ValueError("no reports")
    story: list[Flowable] = []
    footers = [footer_for(report) for report in reports]
    for index, (report, footer) in enumerate(zip(reports, footers, strict=True)):
        if index:
            story += [PageBreak(), FooterSwitch(footer)]
        story += report_story(report)
    first = reports[0]
    if len(reports) == 1:
        title, author = f"{TITLE} {first.number}", first.organisation_name
    else:
        title, author = f"{TITLE}（{len(reports)} 份）", first.organisation_name
    return render(story, title=title, author=author, footer=footers[0],
                  issued_on=max(report.generated_on for report in reports))
