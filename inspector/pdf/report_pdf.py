"""The monthly report (服务质量月度报告) as a PDF: ``render_monthly_report(report) -> bytes``.

A4 portrait in the notices' look (``layout``: fonts, footer with page count and QR code, table
styles). 一、基本情况: inspections by mode, coverage by kind (with what is left to reach 100 %),
items checked and the pass rate, findings by section and severity (table and bar chart), the
notices' figures with the on-time rate as a bar and the overdue notices listed. 二、综合分析: the
ten most frequent problems against last month, the unit ranking with its change, the best and
worst improvers, the units' score trend over twelve months, and last the staff ranking (the
longest table). 三、典型整改前后对比: up to four serious problems closed in the month, the
finding's photo (整改前) beside the follow-up's (整改后), drawn from the print-size files the
caller maps each photo hash to (``photos``; a pair without both files is left out). Last the
appendix of subjects not inspected (附表). The tables' helpers and the two long lists live in
``report_lists``. Covert inspections are only inside the counts and averages: no inspector is
named. The report's generation date is the PDF's creation date, so the same report always gives
the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from inspector.domain.notice_document import DocumentPhoto
from inspector.domain.reports import BeforeAfter, MonthlyReport, ScoreLine
from inspector.pdf.archive_pdf import MODE_TEXT, NONE
from inspector.pdf.layout import (
    ACCENT,
    ACCENT_HEX,
    FRAME_WIDTH,
    HEADER_FILL,
    RULE,
    Footer,
    cn_date,
    cn_datetime,
    render,
    styles,
    table_style,
    text,
)
from inspector.pdf.photos import side_by_side
from inspector.pdf.report_charts import on_time_gauge, sections_chart, trend_chart
from inspector.pdf.report_lists import (
    KIND_TEXT,
    cell,
    coloured,
    coverage_note,
    grid,
    head_cells,
    heading,
    overdue_part,
    subheading_style,
    uncovered_appendix,
)
from inspector.words.report_notes import INSPECTED_NOTE, REGISTERED_NOTE

TITLE = "服务质量月度报告"
COMPLAINTS_ROOM = 70 * mm  # the section's heading, its first lines and a few rows
IMPROVED_HEX = "#2e7d32"


def percent(value: float | None) -> str:
    """0.875 → ``87.5%``; ``—`` without a base."""
    return NONE if value is None else f"{value * 100:.1f}%"


def _number(value: float | None) -> str:
    if value is None:
        return NONE
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def count_change(change: int) -> str:
    """A problem's change against last month: ``↑2`` in red (more often), ``↓1`` in green, ``持平``."""
    if change > 0:
        return coloured(f"↑{change}", ACCENT_HEX)
    if change < 0:
        return coloured(f"↓{-change}", IMPROVED_HEX)
    return "持平"


def rate_change(change: float | None) -> str:
    """A change of average rate in percentage points: ``↑1.2`` green, ``↓4.0`` red, ``持平``, ``—``."""
    if change is None:
        return NONE
    points = round(change * 100, 1)
    if points > 0:
        return coloured(f"↑{points:.1f}", IMPROVED_HEX)
    if points < 0:
        return coloured(f"↓{-points:.1f}", ACCENT_HEX)
    return "持平"


# --- the head -----------------------------------------------------------------------------------

def head(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    year, month = report.month.split("-")
    scope = text(report.scope_name)
    return [
        Paragraph(f"{TITLE}（{year}年{int(month)}月）", style.title),
        Paragraph(f"统计范围：{scope}", style.body),
        Paragraph(f"统计期间：{cn_date(report.first_day)} 至 {cn_date(report.last_day)}；"
                  f"数据截至 {cn_date(report.as_of)}；生成时间 {cn_datetime(report.generated_at)}", style.note),
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=2 * mm, spaceAfter=2 * mm),
    ]


# --- 一、基本情况 ----------------------------------------------------------------------------------

def inspections_part(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    total = report.inspections_total
    modes = "、".join(f"{MODE_TEXT[line.mode]} {line.count} 次" for line in report.modes)
    story: list[Flowable] = [*heading("（一）检查情况", 2),
                             Paragraph(f"本月共检查 {total} 次，其中{modes}。", style.indented)]
    rows: list[list[object]] = [head_cells("检查方式", "次数", "占比")]
    for line in report.modes:
        rows.append([cell(MODE_TEXT[line.mode]), cell(str(line.count)),
                     cell(percent(line.count / total if total else None))])
    rows.append([cell("合计"), cell(str(total)), cell(percent(1.0) if total else NONE)])
    return story + [Spacer(1, 1.5 * mm), grid(rows, [40 * mm, 30 * mm, 30 * mm])]


def coverage_part(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = heading("（二）检查覆盖", 2)
    if not report.coverage:
        return story + [Paragraph("本月没有生效检查表所检查的在用对象。", style.indented),
                        Paragraph(REGISTERED_NOTE, style.note)]
    rows: list[list[object]] = [head_cells("对象类别", "已检查", "登记总数", "未检", "覆盖率")]
    for line in report.coverage:
        rows.append([cell(KIND_TEXT[line.kind]), cell(str(line.covered)), cell(str(line.population)),
                     cell(str(line.population - line.covered)), cell(percent(line.rate))])
    return story + [grid(rows, [40 * mm, 30 * mm, 30 * mm, 30 * mm, 30 * mm]), coverage_note(report),
                    Paragraph(INSPECTED_NOTE, style.note), Paragraph(REGISTERED_NOTE, style.note)]


def items_part(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    failed = report.items_checked - report.items_passed
    return [*heading("（三）检查项目", 2), Paragraph(
        f"共检查项目 {report.items_checked} 项（不适用项不计），合格 {report.items_passed} 项，"
        f"不合格 {failed} 项，项目合格率 {percent(report.pass_rate)}。", style.indented)]


def findings_part(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [*heading("（四）问题分布", 2), Paragraph(
        f"发现问题 {report.findings_total} 项，其中一般问题 {report.findings_total - report.serious_total} 项、"
        f"严重问题 {report.serious_total} 项。", style.indented)]
    if not report.sections:
        return story
    rows: list[list[object]] = [head_cells("检查表", "分项", "一般", "严重", "合计")]
    for line in report.sections:
        serious = coloured(str(line.serious), ACCENT_HEX) if line.serious else "0"
        rows.append([cell(text(line.template_code)), cell(f"{text(line.section_code)} {text(line.section_title)}",
                                                            False),
                     cell(str(line.general)), cell(serious), cell(str(line.total))])
    widths = [26 * mm, FRAME_WIDTH - 92 * mm, 22 * mm, 22 * mm, 22 * mm]
    return story + [Spacer(1, 1.5 * mm), grid(rows, widths), Spacer(1, 2 * mm),
                    KeepTogether([sections_chart(report.sections),
                                  Paragraph("各分项问题数（一般、严重叠加，按合计从多到少）", style.caption)])]


def notices_part(report: MonthlyReport) -> list[Flowable]:
    notices = report.notices
    days = NONE if notices.average_days_to_close is None else f"{notices.average_days_to_close:.1f} 天"
    pairs = [("下发通知单", f"{notices.issued} 份"), ("其中再次发生", f"{notices.recurred} 份"),
             ("本月关闭", f"{notices.closed} 份"), ("按期关闭", f"{notices.closed_on_time} 份"),
             ("逾期未整改", f"{notices.overdue} 份"), ("平均整改天数", days)]
    rows: list[list[object]] = []
    for start in range(0, len(pairs), 3):
        row: list[object] = []
        for label, value in pairs[start:start + 3]:
            row += [cell(label), cell(value)]
        rows.append(row)
    figures = Table(rows, colWidths=[FRAME_WIDTH / 6 + 4 * mm, FRAME_WIDTH / 6 - 4 * mm] * 3, hAlign="LEFT")
    figures.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *[("BACKGROUND", (column, 0), (column, -1), HEADER_FILL) for column in (0, 2, 4)],
        ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
    ]))
    note = Paragraph("按期关闭：本月关闭且在整改期限内回复（或关闭）的通知单；逾期未整改：截至数据日期已过期限仍未关闭。",
                     styles().note)
    title = Paragraph("（五）整改通知", subheading_style())
    return [KeepTogether([title, figures, Spacer(1, 2 * mm), on_time_gauge(notices), note]),
            *overdue_part(report)]


# --- 二、综合分析 ----------------------------------------------------------------------------------

def problems_part(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = heading("（一）共性问题（出现次数前十）", 2)
    if not report.top_problems:
        return story + [Paragraph("本月未发现问题。", style.indented)]
    rows: list[list[object]] = [head_cells("排名", "项目编号", "问题", "本月", "上月", "变化")]
    for line in report.top_problems:
        rows.append([cell(str(line.rank)), cell(text(line.item_code)), cell(text(line.text), False),
                     cell(str(line.count)), cell(str(line.last_month)), cell(count_change(line.change))])
    widths = [12 * mm, 24 * mm, FRAME_WIDTH - 96 * mm, 20 * mm, 20 * mm, 20 * mm]
    return story + [grid(rows, widths)]


def _ranking_table(lines: Sequence[ScoreLine], code_label: str, name_label: str) -> Table:
    rows: list[list[object]] = [head_cells("排名", code_label, name_label, "检查次数", "平均得分", "平均得分率",
                                      "上月得分率", "变化")]
    for line in lines:
        rows.append([cell(str(line.rank)), cell(text(line.code)), cell(text(line.name), False),
                     cell(str(line.inspections)), cell(_number(round(line.average_score, 1))),
                     cell(percent(line.average_rate)), cell(percent(line.last_month_rate)),
                     cell(rate_change(line.change))])
    widths = [11 * mm, 19 * mm, FRAME_WIDTH - 129 * mm, 18 * mm, 18 * mm, 21 * mm, 21 * mm, 21 * mm]
    return grid(rows, widths)


RATE_NOTE = "平均得分率 = 各次检查得分 ÷ 检查表满分的平均；排名按平均得分率，其次平均得分；变化以百分点计。"


def unit_ranking_part(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = heading("（二）单位排名", 2)
    if not report.unit_ranking:
        return story + [Paragraph("本月无已评分的检查。", style.indented)]
    return story + [_ranking_table(report.unit_ranking, "单位代码", "单位"), Paragraph(RATE_NOTE, style.note)]


def improvers_part(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = heading("（三）进步与退步", 2)
    sentences = []
    for label, line in (("进步最大", report.best_improver), ("退步最大", report.worst_improver)):
        if line is None:
            continue
        sentences.append(f"{label}：{text(line.name)}（{text(line.code)}），平均得分率由 {percent(line.last_month_rate)} "
                         f"变为 {percent(line.average_rate)}，{rate_change(line.change)} 个百分点。")
    if not sentences:
        sentences.append("与上月相比，没有可比较的单位得分率变化。")
    return story + [Paragraph(sentence, style.indented) for sentence in sentences]


def trend_part(report: MonthlyReport) -> list[Flowable]:
    style = styles()
    title = Paragraph("（四）得分趋势（近十二个月）", subheading_style())
    if not any(point.average_rate is not None for line in report.trend for point in line.points):
        return [title, Paragraph("近十二个月无已评分的检查。", style.indented)]
    return [KeepTogether([title, trend_chart(report.trend_months, report.trend),
                          Paragraph("各单位每月平均得分率（得分 ÷ 检查表满分）；无检查的月份不连线。", style.caption)])]


STAFF_SHOWN = 15  # the PDF names the best and the worst; the full ranking is the XLSX's 人员排名 sheet


def staff_ranking_part(report: MonthlyReport) -> list[Flowable]:
    """The staff ranking: everyone when short, else the first and last ``STAFF_SHOWN`` (a report a
    manager forwards stays a few pages even with thousands of staff)."""
    style = styles()
    story: list[Flowable] = heading("（五）人员排名", 2)
    ranking = report.staff_ranking
    if not ranking:
        return story + [Paragraph("本月无已评分的人员检查。", style.indented)]
    if len(ranking) <= 2 * STAFF_SHOWN:
        return story + [_ranking_table(ranking, "工号", "姓名"), Paragraph(RATE_NOTE, style.note)]
    left_out = len(ranking) - 2 * STAFF_SHOWN
    return story + [
        _ranking_table(ranking[:STAFF_SHOWN], "工号", "姓名"),
        Paragraph(f"……中间 {left_out} 人从略，完整排名见月度报表（.xlsx）的“人员排名”表。", style.note),
        _ranking_table(ranking[-STAFF_SHOWN:], "工号", "姓名"),
        Paragraph(RATE_NOTE, style.note),
    ]


# --- 三、典型整改前后对比 ------------------------------------------------------------------------

def _pair(pair: BeforeAfter, photos: Mapping[str, str | Path]) -> Flowable:
    style = styles()
    caption = Paragraph(f"{text(pair.notice_number)}　{text(pair.unit_name)}　{text(pair.item_code)} "
                        f"{text(pair.problem)}　{cn_date(pair.closed_on)}关闭", style.body)
    before = DocumentPhoto(path=str(photos[pair.before]), caption="", sha256=pair.before)
    after = DocumentPhoto(path=str(photos[pair.after]), caption="", sha256=pair.after)
    return KeepTogether([caption, Spacer(1, 1.5 * mm), side_by_side([before], [after]), Spacer(1, 5 * mm)])


def before_after_part(report: MonthlyReport, photos: Mapping[str, str | Path]) -> list[Flowable]:
    """The pairs whose two photos have files; nothing at all when none has."""
    pairs = [pair for pair in report.before_after if pair.before in photos and pair.after in photos]
    if not pairs:
        return []
    return [*heading("三、典型整改前后对比"),
            Paragraph("本月关闭的严重问题中，最近整改的几项：左为检查时照片，右为复查时照片。", styles().note),
            Spacer(1, 2 * mm), *[_pair(pair, photos) for pair in pairs]]


def remarks_part(report: MonthlyReport, number: str) -> list[Flowable]:
    """The quality office's analysis and suggestions, a paragraph per line; nothing when unwritten."""
    if not report.remarks:
        return []
    style = styles()
    paragraphs = [Paragraph(text(line), style.indented) for line in report.remarks.splitlines() if line.strip()]
    signed = "　".join(part for part in (report.remarks_by and f"撰写：{text(report.remarks_by)}",
                                        report.remarks_at and f"{cn_date(report.remarks_at.date())}") if part)
    return [*heading(f"{number}、分析意见与改进建议"), *paragraphs,
            *([Paragraph(signed, style.note)] if signed else [])]


def complaints_part(report: MonthlyReport, number: str) -> list[Flowable]:
    """投诉与旅客意见: the hotline's month (the 投诉月报's parts under level-2 headings)."""
    if report.complaints is None:
        return []
    from inspector.pdf.complaint_report_pdf import complaint_parts

    return [*heading(f"{number}、投诉与旅客意见", room=COMPLAINTS_ROOM), *complaint_parts(report.complaints, level=2)]


def report_story(report: MonthlyReport, photos: Mapping[str, str | Path] | None = None) -> list[Flowable]:
    style = styles()
    pairs = before_after_part(report, photos or {})
    return [
        *head(report),
        Paragraph("一、基本情况", style.heading),
        *inspections_part(report), *coverage_part(report), *items_part(report), *findings_part(report),
        *notices_part(report),
        *heading("二、综合分析"),
        *problems_part(report), *unit_ranking_part(report), *improvers_part(report), *trend_part(report),
        *staff_ranking_part(report),
        *pairs,
        *complaints_part(report, "四" if pairs else "三"),
        *remarks_part(report, ("五" if pairs else "四") if report.complaints else ("四" if pairs else "三")),
        *uncovered_appendix(report),
    ]


def render_monthly_report(report: MonthlyReport, photos: Mapping[str, str | Path] | None = None) -> bytes:
    """The report as PDF bytes; the same report (and photos) always gives the same bytes.
    ``photos`` maps the before/after pairs' photo hashes to print-size JPEG files."""
    scope = report.scope_name
    footer = Footer(label=f"{TITLE}　{report.month}　{scope}",
                    qr_payload=f"REPORT|{report.month}|{report.unit_id or 'all'}|{report.generated_at.isoformat()}")
    return render(report_story(report, photos), title=f"{TITLE} {report.month} {scope}", author=TITLE, footer=footer,
                  issued_on=report.generated_at.date())
