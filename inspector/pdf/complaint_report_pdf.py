"""The hotline reports as PDF: ``render_complaint_report(report) -> bytes`` (投诉热线周报 / 月报),
and ``complaint_parts`` — the same parts under level-2 headings, which the monthly report
(服务质量月度报告) carries as its complaints section.

A4 portrait in the monthly report's look (``layout`` and ``report_lists``: the bundled CJK font,
footer with page count and QR code, shaded table heads). Parts: 受理概况 (channels beside kinds
and severities, results and satisfaction), 办理时限 (on time, late, open and overdue against each
case's limit), 分布情况 (routes, units, staff: the ten most),
共性问题与工作建议 (the regulation's behaviours, most first, with the office's suggestion),
重复投诉 (complainants by masked phone — a count, never the number — and staff complained about
more than once), and last, being the longest, 未办结案件 (every case still open, overdue first). No complainant's name or phone is ever drawn: the report does not hold them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from inspector.domain.complaint_reports import (
    KIND_ZH,
    SEVERITY_ZH,
    STATUS_ZH,
    TOP_LINES,
    ComplaintReport,
    CountLine,
    rate,
)
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
from inspector.pdf.report_lists import (
    HEADING_ROOM,
    cell,
    coloured,
    grid,
    head_cells,
    heading,
)

NONE = "—"
OPEN_SHOWN = 30
NUMBERS = "一二三四五六七八九十"
SUGGESTIONS_SHOWN = 3
GAP = 6 * mm  # between the two halves of a paired table


def percent(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.1f}%"


@lru_cache(maxsize=1)
def _part_style() -> ParagraphStyle:
    """The level-1 heading without ``keepWithNext``: that would glue a heading to a whole long
    table and push both to the next page; ``CondPageBreak`` already keeps a few rows' room."""
    return ParagraphStyle("complaint_part", parent=styles().heading, keepWithNext=0)


def _title(index: int, title: str, level: int) -> list[Flowable]:
    number = NUMBERS[index]
    if level == 1:
        return [CondPageBreak(HEADING_ROOM), Paragraph(f"{number}、{title}", _part_style())]
    return heading(f"（{number}）{title}", level)


def _short(moment) -> str:  # type: ignore[no-untyped-def]
    return f"{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"


def _pair(left_label: str, left: Sequence[CountLine], right_label: str, right: Sequence[CountLine],
          total: int) -> Table:
    """Two count tables side by side as ONE table (a gap column between them), so that it can
    split across pages, its head repeated, instead of jumping whole to the next page."""
    def half(lines: Sequence[CountLine], index: int) -> list[object]:
        if index >= len(lines):
            return ["", "", ""]
        line = lines[index]
        return [cell(text(line.name), False), cell(str(line.count)), cell(percent(rate(line.count, total)))]

    rows: list[list[object]] = [[*head_cells(left_label, "件数", "占比"), "", *head_cells(right_label, "件数", "占比")]]
    rows += [[*half(left, index), "", *half(right, index)] for index in range(max(len(left), len(right)))]
    side = (FRAME_WIDTH - GAP) / 2
    table = Table(rows, colWidths=[side - 36 * mm, 16 * mm, 20 * mm, GAP, side - 36 * mm, 16 * mm, 20 * mm],
                  repeatRows=1, hAlign="LEFT")
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1 * mm),
                             ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm)]
    for first, lines in ((0, left), (4, right)):
        last_row = len(lines)
        commands += [("GRID", (first, 0), (first + 2, last_row), 0.5, RULE),
                     ("BACKGROUND", (first, 0), (first + 2, 0), HEADER_FILL)]
    table.setStyle(table_style(commands))
    return table


def _span(report: ComplaintReport) -> tuple[str, str]:
    return ("本周", "上周") if report.period == "weekly" else ("本月", "上月")


def intake_part(report: ComplaintReport, index: int, level: int) -> list[Flowable]:
    style = styles()
    this, last = _span(report)
    change = report.total - report.previous_total
    trend = "持平" if change == 0 else (f"增加 {change} 件" if change > 0 else f"减少 {-change} 件")
    kinds = "、".join(f"{line.name} {line.count} 件" for line in report.by_kind)
    story = [*_title(index, "受理概况", level), Paragraph(
        f"{this}共受理 {report.total} 件（{last} {report.previous_total} 件，{trend}），其中{kinds}；"
        f"重大 {report.major} 件，紧急 {report.urgent} 件。", style.indented)]
    if not report.total:
        return story
    kinds_and_severity = (*report.by_kind, *report.by_severity)
    story += [Spacer(1, 1.5 * mm), _pair("受理渠道", report.by_channel, "类别与性质", kinds_and_severity, report.total),
              Paragraph(f"处理结果：有责 {report.liable} 件、无责 {report.not_liable} 件；投诉人意见：满意 "
                        f"{report.satisfied} 件、基本满意 {report.basically} 件、不满意 {report.unsatisfied} 件"
                        f"（不满意的已转二次补救）。", style.indented)]
    return story


def limits_part(report: ComplaintReport, index: int, level: int) -> list[Flowable]:
    style = styles()
    rows: list[list[object]] = [head_cells("时限", "按时办结", "超时办结", "未结·在时限内", "逾期未结", "按时办结率")]
    for label, figures in ((f"一般（{report.ordinary_hours} 小时）", report.ordinary_limits),
                           (f"重大（{report.major_hours} 小时）", report.major_limits), ("合计", report.limits)):
        late, overdue = str(figures.closed_late), str(figures.open_overdue)
        rows.append([cell(label), cell(str(figures.closed_on_time)),
                     cell(coloured(late, ACCENT_HEX) if figures.closed_late else late), cell(str(figures.open_in_time)),
                     cell(coloured(overdue, ACCENT_HEX) if figures.open_overdue else overdue),
                     cell(percent(figures.on_time_rate))])
    table = grid(rows, [34 * mm, 25 * mm, 25 * mm, 30 * mm, 25 * mm, FRAME_WIDTH - 139 * mm])
    note = Paragraph(f"时限按每件自身的办结期限计（一般性投诉 {report.ordinary_hours} 小时、重大投诉 "
                     f"{report.major_hours} 小时，乡村线路 7 个工作日，经说明理由延长的按延长后期限）；"
                     f"按时办结率 = 按时销号 ÷（已销号 + 逾期未结）；未结案件截至 {cn_datetime(report.as_of)}。",
                     style.note)
    return [KeepTogether([*_title(index, "办理时限", level), table, note])]


def open_part(report: ComplaintReport, index: int, level: int) -> list[Flowable]:
    """Last, being the longest: every case still open, the longest overdue first."""
    cases = report.open_cases
    if not cases:
        return [*_title(index, "未办结案件", level), Paragraph("目前没有未办结的案件。", styles().indented)]
    overdue = sum(1 for case in cases if case.hours_overdue)
    rows: list[list[object]] = [head_cells("编号", "受理时间", "类别", "责任单位", "目前状态", "办结期限", "逾期")]
    for case in cases[:OPEN_SHOWN]:
        kind = SEVERITY_ZH[case.severity] if case.severity else KIND_ZH[case.kind]
        if case.major:
            kind += "·重大"
        late = coloured(f"{case.hours_overdue} 小时", ACCENT_HEX) if case.hours_overdue else "未逾期"
        rows.append([cell(text(case.number)), cell(_short(case.received_at)), cell(kind), cell(text(case.unit_name),
                                                                                             False),
                     cell(STATUS_ZH[case.status]), cell(_short(case.due_at)), cell(late)])
    widths = [32 * mm, 23 * mm, 27 * mm, FRAME_WIDTH - 149 * mm, 25 * mm, 23 * mm, 19 * mm]
    note = "逾期最久的在前；含以前各期受理、至今未销号的案件。"
    if len(cases) > OPEN_SHOWN:
        note = f"其余 {len(cases) - OPEN_SHOWN} 件见报表（.xlsx）的“未结案件”表。" + note
    return [*_title(index, f"未办结案件（共 {len(cases)} 件，其中逾期 {overdue} 件）", level), grid(rows, widths),
            Paragraph(note, styles().note)]


def spread_part(report: ComplaintReport, index: int, level: int) -> list[Flowable]:
    style = styles()
    story = _title(index, "分布情况", level)
    if not report.total:
        return story + [Paragraph("本期无受理。", style.indented)]
    story.append(_pair("线路", report.by_route[:TOP_LINES], "责任单位", report.by_unit[:TOP_LINES], report.total))
    if report.by_staff:
        rows: list[list[object]] = [head_cells("工号", "姓名", "所属单位", "件数")]
        for line in report.by_staff[:TOP_LINES]:
            rows.append([cell(text(line.key)), cell(text(line.name)), cell(text(line.unit_name), False),
                         cell(str(line.count))])
        story += [Spacer(1, 2 * mm), Paragraph("被投诉人员", styles().body),
                  grid(rows, [30 * mm, 30 * mm, FRAME_WIDTH - 80 * mm, 20 * mm])]
    story.append(Paragraph(f"各表为件数最多的前 {TOP_LINES} 项，完整数据见报表（.xlsx）。", style.note))
    return story


def problems_part(report: ComplaintReport, index: int, level: int) -> list[Flowable]:
    style = styles()
    story = _title(index, "共性问题与工作建议", level)
    if not report.behaviours:
        return story + [Paragraph("本期投诉未涉及规定所列的服务行为。", style.indented)]
    rows: list[list[object]] = [head_cells("排名", "问题（按投诉定性标准）", "性质", "件数")]
    for line in report.behaviours:
        rows.append([cell(str(line.rank)), cell(text(line.name), False), cell(SEVERITY_ZH[line.severity]),
                     cell(str(line.count))])
    story += [grid(rows, [14 * mm, FRAME_WIDTH - 58 * mm, 24 * mm, 20 * mm]), Spacer(1, 2 * mm),
              Paragraph("工作建议：", style.body)]
    for number, line in enumerate(report.behaviours[:SUGGESTIONS_SHOWN], start=1):
        story.append(Paragraph(f"{number}. 针对“{text(line.name)}”（{line.count} 件）：{text(line.suggestion)}",
                               style.indented))
    return story


def repeats_part(report: ComplaintReport, index: int, level: int) -> list[Flowable]:
    style = styles()
    story = _title(index, "重复投诉", level)
    people = report.repeat_complainants
    staff = report.repeat_staff
    story.append(Paragraph(f"同一来电号码投诉 2 次及以上的 {len(people)} 人，共 {sum(p.count for p in people)} 件；"
                           f"被投诉 2 次及以上的人员 {len(staff)} 人。", style.indented))
    if people:
        rows: list[list[object]] = [head_cells("来电号码（隐去中间四位）", "件数", "最近受理")]
        for person in people[:TOP_LINES]:
            rows.append([cell(text(person.masked_phone)), cell(str(person.count)), cell(_short(person.last_received))])
        story += [Spacer(1, 1 * mm), grid(rows, [60 * mm, 20 * mm, 30 * mm])]
    if staff:
        rows = [head_cells("工号", "姓名", "所属单位", "被投诉次数")]
        for line in staff[:TOP_LINES]:
            rows.append([cell(text(line.key)), cell(text(line.name)), cell(text(line.unit_name), False),
                         cell(coloured(str(line.count), ACCENT_HEX))])
        story += [Spacer(1, 2 * mm), grid(rows, [30 * mm, 30 * mm, FRAME_WIDTH - 85 * mm, 25 * mm])]
    story.append(Paragraph("投诉人的姓名和完整电话只在质量办的登记中，本报告不载。", style.note))
    return story


PARTS = (intake_part, limits_part, spread_part, problems_part, repeats_part, open_part)


def complaint_parts(report: ComplaintReport, level: int = 2) -> list[Flowable]:
    """Every part of the report under numbered headings of ``level`` (1: 一、 2: （一）)."""
    story: list[Flowable] = []
    for index, part in enumerate(PARTS):
        story += part(report, index, level)
    return story


def head(report: ComplaintReport) -> list[Flowable]:
    style = styles()
    reader = "报公司领导" if report.period == "weekly" else "送相关职能部门和总站"
    return [
        Paragraph(f"{report.title}（{report.period_text}）", style.title),
        Paragraph(f"统计范围：{text(report.scope_name)}　　{reader}", style.body),
        Paragraph(f"统计期间：{cn_date(report.first_day)} 至 {cn_date(report.last_day)}（按受理时间）；"
                  f"生成时间 {cn_datetime(report.generated_at)}", style.note),
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=2 * mm, spaceAfter=2 * mm),
    ]


def render_complaint_report(report: ComplaintReport) -> bytes:
    """The report as PDF bytes; the same report always gives the same bytes."""
    footer = Footer(label=f"{report.title}　{report.label}　{report.scope_name}",
                    qr_payload=f"HOTLINE|{report.label}|{report.scope_name}|{report.generated_at.isoformat()}")
    return render([*head(report), *complaint_parts(report, level=1)], title=f"{report.title} {report.label}",
                  author=report.title, footer=footer, issued_on=report.generated_at.date())
