"""The vehicle file (一车一档) and the staff file (个人服务质量档案) as a PDF:
``render_archive(archive) -> bytes``.

A4 portrait in the notices' look (``layout``): the organisation, the title and the subject's
facts; a summary line; 服务质量监督情况 — the regulation's 「是否有违章，是否有旅客投诉，旅客意见、
建议的处理结果情况」 answered from the inspections, notices and the complaints register (the complaints
listed without the complainant); the score over time as a line chart (``reportlab.graphics`` LinePlot, the
score as a percentage of each checklist's maximum); then tables of the inspections, of the
findings with the notices that carry them, of the notices with their flags, and of the
follow-ups. Covert inspections print 暗访 where the inspector's name would be. The file's date is
the PDF's creation date, so the same archive always gives the same bytes.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Paragraph,
    Spacer,
    Table,
)

from inspector.domain.archives import ArchiveInspection, ScorePoint, SubjectArchive
from inspector.domain.complaints import ComplaintKind, ComplaintSeverity, ComplaintStatus, Liability, Opinion
from inspector.domain.inspections import FindingStatus, InspectionMode
from inspector.domain.notices import FollowUpResult, NoticeStatus
from inspector.domain.templates import Severity, SubjectKind
from inspector.pdf.fonts import cjk_font
from inspector.pdf.layout import (
    ACCENT,
    ACCENT_HEX,
    FRAME_WIDTH,
    GREY,
    HEADER_FILL,
    INK,
    RESULT_TEXT,
    RULE,
    SEVERITY_TEXT,
    Footer,
    cn_date,
    render,
    styles,
    table_style,
    text,
)

MODE_TEXT = {InspectionMode.ONSITE: "明查", InspectionMode.COVERT: "暗访", InspectionMode.WALKAROUND: "走动式"}
FINDING_STATUS_TEXT = {
    FindingStatus.OPEN: "待整改", FindingStatus.FIXED_ON_SPOT: "当场整改", FindingStatus.NOTICED: "整改中",
    FindingStatus.CLOSED: "已整改",
}
NOTICE_STATUS_TEXT = {
    NoticeStatus.ISSUED: "已签发", NoticeStatus.ACKNOWLEDGED: "已签收", NoticeStatus.REPLIED: "已回复",
    NoticeStatus.CLOSED: "已闭环", NoticeStatus.REISSUED: "已重新下发", NoticeStatus.SUPERSEDED: "已作废",
}
TITLES = {SubjectKind.VEHICLE: "车辆服务质量档案", SubjectKind.STAFF: "个人服务质量档案"}
SHORT_TITLES = {SubjectKind.VEHICLE: "一车一档", SubjectKind.STAFF: "个人服务质量档案"}
LABEL_WIDTH = 22 * mm
CHART_HEIGHT = 62 * mm
HEADING_ROOM = 40 * mm  # a heading, the table's head and two rows
LINE_COLOUR = colors.HexColor("#1f4e8c")
NONE = "—"


def _short_date(value: date) -> str:
    return f"{value.year}-{value.month:02d}-{value.day:02d}"


def _number(value: float | None) -> str:
    if value is None:
        return NONE
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _red(markup: str) -> str:
    return f'<font color="{ACCENT_HEX}">{markup}</font>'


def _grid(rows: list[list[object]], widths: list[float]) -> Table:
    """A table with a shaded header row repeated on every page."""
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return table


def _head(*labels: str) -> list[object]:
    return [Paragraph(label, styles().cell_head) for label in labels]


def _heading(title: str) -> list[Flowable]:
    """A section heading that starts a new page only when less than a few rows' room is left (the
    shared heading style keeps with the whole next table, which would push a long table to the next
    page and leave the rest of this one blank)."""
    return [CondPageBreak(HEADING_ROOM), Paragraph(title, _section_style())]


@lru_cache(maxsize=1)
def _section_style() -> ParagraphStyle:
    return ParagraphStyle("archive_heading", parent=styles().heading, keepWithNext=0)


def _cell(markup: str, centred: bool = False) -> Paragraph:
    style = styles()
    return Paragraph(markup, style.cell_center if centred else style.cell)


# --- the head of the file -----------------------------------------------------------------------

def _facts(archive: SubjectArchive) -> list[tuple[str, str]]:
    subject = archive.subject
    unit = f"{subject.unit_name}（{subject.unit_code}）" if subject.unit_code else NONE
    state = "在用" if subject.active else "已停用"
    if subject.kind is SubjectKind.VEHICLE:
        return [("车牌号", subject.plate), ("自编号", subject.fleet_no), ("线路", subject.route or NONE),
                ("车型", subject.model or NONE), ("所属单位", unit), ("状态", state)]
    latest = _short_date(archive.inspections[-1].observed_at.date()) if archive.inspections else NONE
    return [("姓名", subject.name), ("工号", subject.staff_no), ("岗位", subject.role or NONE),
            ("最近检查", latest), ("所属单位", unit), ("状态", state)]


def head(archive: SubjectArchive) -> list[Flowable]:
    """Organisation, title, the facts in a label/value grid, the summary line."""
    style = styles()
    facts = _facts(archive)
    value_width = (FRAME_WIDTH - 3 * LABEL_WIDTH) / 3
    rows = []
    for start in range(0, len(facts), 3):
        row: list[object] = []
        for label, value in facts[start:start + 3]:
            row += [_cell(label, True), _cell(text(value))]
        rows.append(row)
    grid = Table(rows, colWidths=[LABEL_WIDTH, value_width] * 3, hAlign="LEFT")
    grid.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *[("BACKGROUND", (column, 0), (column, -1), HEADER_FILL) for column in (0, 2, 4)],
        ("TOPPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm),
    ]))
    story: list[Flowable] = []
    if archive.organisation_name:
        story.append(Paragraph(text(archive.organisation_name), style.organisation))
    story += [
        Paragraph(TITLES[archive.subject.kind], style.title),
        Paragraph(f"档案日期：{cn_date(archive.generated_on)}", style.small_right),
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=1 * mm, spaceAfter=4 * mm),
        grid,
        Spacer(1, 3 * mm),
        Paragraph(summary_line(archive), style.body),
    ]
    return story


def summary_line(archive: SubjectArchive) -> str:
    """检查 N 次（其中暗访 k 次），发现问题 M 项；整改通知单 K 份（已闭环 …）；平均得分率 …"""
    covert = sum(1 for inspection in archive.inspections if inspection.mode is InspectionMode.COVERT)
    notices = archive.notices
    closed = sum(1 for notice in notices if notice.closed)
    overdue = sum(1 for notice in notices if notice.overdue)
    late = sum(1 for notice in notices if notice.late)
    recurred = sum(1 for notice in notices if notice.recurred)
    average = archive.average_percent
    parts = [
        f"共检查 {len(archive.inspections)} 次" + (f"（其中暗访 {covert} 次）" if covert else ""),
        f"发现问题 {archive.finding_count} 项",
        f"整改通知单 {len(notices)} 份（已闭环 {closed}，逾期 {overdue}，整改不及时 {late}，再次发生 {recurred}）",
        f"平均得分率 {_number(average)}%" if average is not None else "暂无得分",
    ]
    return "，".join(parts[:2]) + "；" + "；".join(parts[2:]) + "。"


# --- the regulation's three questions ----------------------------------------------------------

SUPERVISION_QUESTIONS = ("是否有违章", "是否有旅客投诉", "处理结果情况")
NO_COMPLAINT_REGISTER = "旅客投诉登记尚未建立，暂无记录（启用后列入本档案）"


def supervision_answers(archive: SubjectArchive) -> list[tuple[str, str]]:
    """服务质量监督情况: 「是否有违章，是否有旅客投诉，旅客意见、建议的处理结果情况」 answered from the
    file's inspections and notices (markup)."""
    facts = archive.supervision()
    if not facts.inspections:
        violations = "暂无检查记录"
    elif facts.violations:
        serious = f"，其中{_red(f'严重 {facts.serious} 项')}" if facts.serious else ""
        violations = (f"有：检查 {facts.inspections} 次，其中 {facts.found_in} 次发现问题，共 {facts.violations} 项"
                      f"{serious}（见「问题记录」）")
    else:
        violations = f"无：{facts.inspections} 次检查均未发现问题"
    if facts.complaints is None:
        complaints = NO_COMPLAINT_REGISTER
    elif facts.complaints:
        liable = f"，其中{_red(f'有责 {facts.complaints_liable} 件')}" if facts.complaints_liable else ""
        complaints = (f"有：{facts.complaints} 件{liable}，已销号 {facts.complaints_closed} 件"
                      f"（见「旅客投诉」）")
    else:
        complaints = "无"
    parts = []
    if facts.notices:
        late = f"（其中整改不及时 {facts.notices_closed_late} 份）" if facts.notices_closed_late else ""
        overdue = f"（{_red(f'逾期 {facts.notices_overdue} 份')}）" if facts.notices_overdue else ""
        parts.append(f"整改通知单 {facts.notices} 份：已闭环 {facts.notices_closed} 份{late}，"
                     f"整改中 {facts.notices_open} 份{overdue}")
    if facts.fixed_on_spot:
        parts.append(f"当场整改 {facts.fixed_on_spot} 项")
    if facts.awaiting:
        parts.append(f"尚未处理 {facts.awaiting} 项")
    handled = "；".join(parts) if parts else ("无需处理" if not facts.violations else NONE)
    return list(zip(SUPERVISION_QUESTIONS, (violations, complaints, handled), strict=True))


def supervision_section(archive: SubjectArchive) -> list[Flowable]:
    rows = [[_cell(question, True), _cell(answer)] for question, answer in supervision_answers(archive)]
    table = Table(rows, colWidths=[32 * mm, FRAME_WIDTH - 32 * mm], hAlign="LEFT")
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return [*_heading("服务质量监督情况"), table]


# --- score over time ----------------------------------------------------------------------------

def _tick_steps(points: tuple[ScorePoint, ...], most: int = 6) -> list[int]:
    """Dates of the series to label on the time axis: the first and the last, and between them
    only dates at least a ``most``-th of the span apart, so that labels never overlap."""
    days = sorted({point.observed_on.toordinal() for point in points})
    gap = (days[-1] - days[0]) / most
    picked = [days[0]]
    for day in days[1:]:
        if day - picked[-1] >= gap:
            picked.append(day)
    if picked[-1] != days[-1]:
        if len(picked) > 1 and days[-1] - picked[-1] < gap:
            picked.pop()
        picked.append(days[-1])
    return picked


def score_range(points: tuple[ScorePoint, ...]) -> tuple[int, int, int]:
    """The score axis (lowest, highest, step) in percent: up to 100, down to at least five points below
    the lowest score rounded down to a ten, so that a series between 84 and 100 is not drawn as a flat
    line at the top."""
    lowest = min(point.percent for point in points)
    bottom = max(0, int((lowest - 5) // 10) * 10)
    span = 100 - bottom
    step = 5 if span <= 30 else 10 if span <= 60 else 20
    return bottom, 100, step


def score_chart(points: tuple[ScorePoint, ...]) -> Drawing:
    """The score (% of the maximum) against the inspection date; veto failures marked in red."""
    font = cjk_font()
    drawing = Drawing(FRAME_WIDTH, CHART_HEIGHT, initialFontName=font)
    plot = LinePlot()
    plot.x, plot.y = 14 * mm, 10 * mm
    plot.width, plot.height = FRAME_WIDTH - 20 * mm, CHART_HEIGHT - 16 * mm
    data = [(point.observed_on.toordinal(), point.percent) for point in points]
    plot.data = [data]
    plot.joinedLines = 1
    plot.lines[0].strokeColor = LINE_COLOUR
    plot.lines[0].strokeWidth = 1.4
    plot.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=LINE_COLOUR, strokeColor=LINE_COLOUR)
    steps = _tick_steps(points)
    first, last = steps[0], steps[-1]
    pad = max(1, (last - first) // 20)
    x_axis, y_axis = plot.xValueAxis, plot.yValueAxis
    x_axis.valueMin, x_axis.valueMax = first - pad, last + pad
    x_axis.valueSteps = steps
    x_axis.labelTextFormat = lambda value: _short_date(date.fromordinal(int(value)))
    x_axis.labels.fontName, x_axis.labels.fontSize = font, 7.5
    x_axis.labels.fillColor = INK
    y_axis.valueMin, y_axis.valueMax, y_axis.valueStep = score_range(points)
    y_axis.labelTextFormat = "%d%%"
    y_axis.labels.fontName, y_axis.labels.fontSize = font, 7.5
    y_axis.visibleGrid = 1
    y_axis.gridStrokeColor = colors.HexColor("#dddddd")
    y_axis.gridStrokeWidth = 0.4
    for axis in (x_axis, y_axis):
        axis.strokeColor = GREY
    drawing.add(plot)
    vetoed = [index for index, point in enumerate(points) if point.veto_failed]
    if vetoed:
        for index in vetoed:  # a red ring over the point: a veto item failed (一票否决)
            x = plot.x + plot.width * (data[index][0] - x_axis.valueMin) / (x_axis.valueMax - x_axis.valueMin)
            y = plot.y + plot.height * (data[index][1] - y_axis.valueMin) / (y_axis.valueMax - y_axis.valueMin)
            marker = makeMarker("Circle", size=8, strokeColor=ACCENT, strokeWidth=1.2, fillColor=None)
            marker.x, marker.y = x, y
            drawing.add(marker)
        drawing.add(String(plot.x + plot.width, CHART_HEIGHT - 4 * mm, "红圈：一票否决", fontName=font,
                           fontSize=7.5, fillColor=ACCENT, textAnchor="end"))
    return drawing


def chart_section(archive: SubjectArchive) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = _heading("得分趋势")
    if not archive.scores:
        return story + [Paragraph("暂无已评分的检查。", style.body)]
    return story + [score_chart(archive.scores),
                    Paragraph("得分率 = 得分 ÷ 检查表满分（各检查表满分不同，按百分比比较）", style.caption)]


# --- the tables ---------------------------------------------------------------------------------

def _score_text(inspection: ArchiveInspection) -> str:
    if not inspection.mode.scored:
        return "走动式，不计分"
    score = f"{_number(inspection.score)} / {_number(inspection.max_score)}"
    return score + ("<br/>" + _red("一票否决") if inspection.veto_failed else "")


def inspections_section(archive: SubjectArchive) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = _heading("检查记录")
    if not archive.inspections:
        return story + [Paragraph("暂无检查记录。", style.body)]
    rows: list[list[object]] = [_head("日期", "方式", "检查表", "得分", "得分率", "问题", "检查人")]
    for inspection in archive.inspections:
        percent = inspection.percent
        rows.append([
            _cell(_short_date(inspection.observed_at.date()), True),
            _cell(MODE_TEXT[inspection.mode], True),
            _cell(f"{text(inspection.template_title)}<br/>"
                  f'<font color="#666666" size="8">{text(inspection.template_code)} 第{inspection.template_version}版'
                  f"</font>"),
            _cell(_score_text(inspection), True),
            _cell(f"{_number(percent)}%" if percent is not None else NONE, True),
            _cell(str(len(inspection.findings)), True),
            _cell(text(inspection.inspector) if inspection.inspector is not None else "（暗访）", True),
        ])
    return story + [_grid(rows, [24 * mm, 14 * mm, 56 * mm, 24 * mm, 18 * mm, 12 * mm, 26 * mm])]


def findings_section(archive: SubjectArchive) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = _heading("问题记录")
    rows: list[list[object]] = [_head("日期", "项目编号", "问题", "程度", "状态", "整改通知单")]
    for inspection in archive.inspections:
        for finding in inspection.findings:
            problem = text(finding.item_text or finding.item_code)
            if finding.note:
                problem += f'<br/><font color="#666666" size="8">{text(finding.note)}</font>'
            severity = SEVERITY_TEXT[finding.severity]
            rows.append([
                _cell(_short_date(inspection.observed_at.date()), True),
                _cell(text(finding.item_code), True),
                _cell(problem),
                _cell(_red(severity) if finding.severity is Severity.SERIOUS else severity, True),
                _cell(FINDING_STATUS_TEXT[finding.status], True),
                _cell("<br/>".join(text(number) for number in finding.notice_numbers) or NONE, True),
            ])
    if len(rows) == 1:
        return story + [Paragraph("未发现问题。", style.body)]
    return story + [_grid(rows, [24 * mm, 20 * mm, 62 * mm, 12 * mm, 18 * mm, 38 * mm])]


def notices_section(archive: SubjectArchive) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = _heading("整改通知单")
    if not archive.notices:
        return story + [Paragraph("暂无整改通知单。", style.body)]
    rows: list[list[object]] = [_head("编号", "签发日期", "整改期限", "状态", "闭环日期", "标记")]
    for notice in archive.notices:
        marks = [word for flag, word in ((notice.overdue, "逾期"), (notice.late, "整改不及时"),
                                         (notice.recurred, "再次发生")) if flag]
        status = NOTICE_STATUS_TEXT[notice.status]
        if notice.successor_number:
            status += f'<br/><font size="8">→ {text(notice.successor_number)}</font>'
        rows.append([
            _cell(text(notice.number), True),
            _cell(_short_date(notice.issued_at.date()), True),
            _cell(_short_date(notice.deadline), True),
            _cell(status, True),
            _cell(_short_date(notice.closed_at.date()) if notice.closed_at else NONE, True),
            _cell(_red("、".join(marks)) if marks else NONE, True),
        ])
    return story + [_grid(rows, [38 * mm, 24 * mm, 24 * mm, 28 * mm, 24 * mm, 36 * mm])]


def followups_section(archive: SubjectArchive) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = _heading("复查记录")
    if not archive.followups:
        return story + [Paragraph("暂无复查记录。", style.body)]
    rows: list[list[object]] = [_head("日期", "整改通知单", "结果", "复查人", "说明")]
    for followup in archive.followups:
        result = RESULT_TEXT[followup.result]
        rows.append([
            _cell(_short_date(followup.recorded_at.date()), True),
            _cell(text(followup.notice_number), True),
            _cell(result if followup.result is FollowUpResult.PASS else _red(result), True),
            _cell(text(followup.recorded_by) if followup.recorded_by is not None else "（暗访）", True),
            _cell(text(followup.note) or NONE),
        ])
    return story + [_grid(rows, [24 * mm, 38 * mm, 18 * mm, 26 * mm, FRAME_WIDTH - 106 * mm])]


COMPLAINT_KIND_TEXT = {ComplaintKind.ENQUIRY: "咨询", ComplaintKind.COMPLAINT: "投诉", ComplaintKind.REPORT: "举报",
                       ComplaintKind.SUGGESTION: "建议"}
COMPLAINT_SEVERITY_TEXT = {ComplaintSeverity.GENERAL: "一般投诉", ComplaintSeverity.SERIOUS: "严重投诉"}
COMPLAINT_STATUS_TEXT = {ComplaintStatus.RECEIVED: "已受理", ComplaintStatus.INVESTIGATING: "调查中",
                         ComplaintStatus.RESOLVED: "已处理", ComplaintStatus.ANSWERED: "已反馈",
                         ComplaintStatus.CLOSED: "已销号"}
LIABILITY_TEXT = {Liability.LIABLE: "有责", Liability.NOT_LIABLE: "无责"}
OPINION_TEXT = {Opinion.SATISFIED: "满意", Opinion.BASICALLY: "基本满意", Opinion.UNSATISFIED: "不满意"}


def complaints_section(archive: SubjectArchive) -> list[Flowable]:
    """旅客投诉: every case about the subject, what happened and how it was handled (never who
    complained: the file goes to the units)."""
    if archive.complaints is None:
        return []
    style = styles()
    story: list[Flowable] = _heading("旅客投诉")
    if not archive.complaints:
        return story + [Paragraph("暂无投诉记录。", style.body)]
    rows: list[list[object]] = [_head("受理日期", "编号", "类别", "事情经过", "处理结果", "状态")]
    for case in archive.complaints:
        kind = COMPLAINT_KIND_TEXT[case.kind]
        if case.severity is not None:
            severity = COMPLAINT_SEVERITY_TEXT[case.severity]
            kind += "<br/>" + (_red(severity) if case.severity is ComplaintSeverity.SERIOUS else severity)
        if case.major:
            kind += "<br/>" + _red("重大")
        result = [LIABILITY_TEXT[case.liability]] if case.liability is not None else []
        if case.opinion is not None:
            result.append(f"反馈：{OPINION_TEXT[case.opinion]}")
        status = COMPLAINT_STATUS_TEXT[case.status]
        rows.append([
            _cell(_short_date(case.received_at.date()), True),
            _cell(text(case.number), True),
            _cell(kind, True),
            _cell(text(case.what)),
            _cell("<br/>".join(result) or NONE, True),
            _cell(status + ("<br/>" + _red("超时") if case.late else ""), True),
        ])
    return story + [_grid(rows, [22 * mm, 32 * mm, 20 * mm, FRAME_WIDTH - 112 * mm, 20 * mm, 18 * mm])]


def archive_story(archive: SubjectArchive) -> list[Flowable]:
    return [*head(archive), *supervision_section(archive), *chart_section(archive), *inspections_section(archive),
            *findings_section(archive), *notices_section(archive), *followups_section(archive),
            *complaints_section(archive)]


def render_archive(archive: SubjectArchive) -> bytes:
    """The file as PDF bytes; the same archive always gives the same bytes."""
    subject = archive.subject
    short = SHORT_TITLES[subject.kind]
    who = subject.plate if subject.kind is SubjectKind.VEHICLE else f"{subject.name} {subject.staff_no}"
    footer = Footer(label=f"{short}　{who}　{_short_date(archive.generated_on)}",
                    qr_payload=f"ARCHIVE|{subject.kind.value}|{subject.key}|{archive.generated_on.isoformat()}")
    return render(archive_story(archive), title=f"{TITLES[subject.kind]} {who}", author=archive.organisation_name,
                  footer=footer, issued_on=archive.generated_on)
