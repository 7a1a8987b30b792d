"""Writing the monthly report as a workbook (月度报表): one sheet per section, Chinese headers,
typed cells — counts as integers, averages as numbers, rates as fractions with a ``%`` number
format, dates as dates — so a spreadsheet program can sum, sort and chart them. The two lists
the PDF caps are here in full: 逾期通知单 (every overdue notice) and 未检对象 (every subject not
inspected in the month).

The workbook goes to a temporary name in the target folder, then into place with
``os.replace`` (``storage.files.write_atomic_with``, as every export), so a crash never leaves
half a file and a device node at the target is refused, not replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import NoticeStatus
from inspector.domain.reports import MonthlyReport, OverdueNotice, ScoreLine
from inspector.domain.templates import SubjectKind
from inspector.services.sheet_cells import set_value
from inspector.storage.files import write_atomic_with
from inspector.words.report_notes import INSPECTED_NOTE, REGISTERED_NOTE

PERCENT = "0.0%"
CHANGE = "+0.0%;-0.0%;0.0%"
DECIMAL = "0.00"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"

MODE_NAMES = {InspectionMode.ONSITE: "明查", InspectionMode.COVERT: "暗访", InspectionMode.WALKAROUND: "走动式"}
KIND_NAMES = {SubjectKind.VEHICLE: "车辆", SubjectKind.STAFF: "人员", SubjectKind.LOCATION: "场所",
              SubjectKind.UNIT: "单位"}
ENDED_NAMES = {NoticeStatus.CLOSED: "已关闭", NoticeStatus.REISSUED: "已重新下发", NoticeStatus.SUPERSEDED: "已更正重发"}
STILL_OPEN = "仍未关闭"


class Pct(float):
    """A rate written as a number with the percent format."""


class Change(float):
    """A change of rate written with a sign and the percent format."""


def _cell_value(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, Change):
        return round(float(value), 6), CHANGE
    if isinstance(value, Pct):
        return round(float(value), 6), PERCENT
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), DATETIME  # .xlsx has no time zones: the local wall clock
    if isinstance(value, date):
        return value, DATE
    if isinstance(value, float):
        return round(value, 6), DECIMAL
    return value, None


def _pct(value: float | None) -> Pct | None:
    return None if value is None else Pct(value)


def _change(value: float | None) -> Change | None:
    return None if value is None else Change(value)


def _sheet(workbook: Any, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
           widths: Sequence[float]) -> None:
    from openpyxl.styles import Font, PatternFill

    sheet = workbook.create_sheet(title)
    sheet.append(list(headers))  # our own words
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row_index, row in enumerate(rows, start=2):
        for column_index, value in enumerate(row, start=1):
            written, number_format = _cell_value(value)
            cell = sheet.cell(row=row_index, column=column_index)
            set_value(cell, written)  # a name like "=HYPERLINK(…)" stays text
            if number_format:
                cell.number_format = number_format
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    sheet.freeze_panes = "A2"


def _current_state(notice: OverdueNotice) -> str:
    """仍未关闭 while open, else what ended it (its date is the next column)."""
    return STILL_OPEN if notice.ended_on is None else ENDED_NAMES.get(notice.status, "已结束")


def _summary_rows(report: MonthlyReport) -> list[list[Any]]:
    return [
        ["月份", report.month], ["范围", report.scope_name], ["统计起始日", report.first_day],
        ["统计截止日", report.last_day], ["数据截至", report.as_of], ["生成时间", report.generated_at],
        ["检查次数", report.inspections_total], ["检查项目数", report.items_checked],
        ["合格项目数", report.items_passed], ["项目合格率", _pct(report.pass_rate)],
        ["问题总数", report.findings_total], ["严重问题数", report.serious_total],
        ["分析意见撰写人", report.remarks_by or None], ["分析意见撰写时间", report.remarks_at],
        ["已检查口径", INSPECTED_NOTE], ["登记总数口径", REGISTERED_NOTE],
    ]


def _score_rows(lines: Sequence[ScoreLine]) -> list[list[Any]]:
    return [[line.rank, line.code, line.name, line.inspections, line.average_score, Pct(line.average_rate),
             _pct(line.last_month_rate), _change(line.change)] for line in lines]


def _improver_rows(report: MonthlyReport) -> list[list[Any]]:
    rows = []
    for label, line in (("进步最大", report.best_improver), ("退步最大", report.worst_improver)):
        if line is not None:
            rows.append([label, line.code, line.name, Pct(line.average_rate), _pct(line.last_month_rate),
                         _change(line.change)])
    return rows


def _fill(workbook: Any, report: MonthlyReport) -> None:
    total = report.inspections_total
    notices = report.notices
    _sheet(workbook, "概况", ["指标", "数值"], _summary_rows(report), [16, 22])
    _sheet(workbook, "检查方式", ["检查方式", "次数", "占比"],
           [[MODE_NAMES[line.mode], line.count, _pct(line.count / total if total else None)]
            for line in report.modes], [12, 10, 10])
    _sheet(workbook, "覆盖率", ["对象类别", "已检查", "登记总数", "未检", "覆盖率", "目标"],
           [[KIND_NAMES[line.kind], line.covered, line.population, line.population - line.covered, _pct(line.rate),
             Pct(1.0)] for line in report.coverage], [12, 10, 10, 10, 10, 10])
    _sheet(workbook, "未检对象", ["对象类别", "编号", "名称", "所属单位"],
           [[KIND_NAMES[subject.kind], subject.code, subject.name, subject.unit_name] for subject in report.uncovered],
           [10, 14, 24, 24])
    _sheet(workbook, "问题分布", ["检查表", "分项代码", "分项名称", "一般", "严重", "合计"],
           [[line.template_code, line.section_code, line.section_title, line.general, line.serious, line.total]
            for line in report.sections], [12, 10, 28, 8, 8, 8])
    _sheet(workbook, "整改通知", ["指标", "数值"], [
        ["下发通知单", notices.issued], ["其中再次发生", notices.recurred], ["本月关闭", notices.closed],
        ["按期关闭", notices.closed_on_time], ["按期率", _pct(notices.on_time_rate)], ["逾期未整改", notices.overdue],
        ["平均整改天数", notices.average_days_to_close],
    ], [16, 12])
    _sheet(workbook, "逾期通知单", ["编号", "责任单位", "下发日期", "整改期限", "逾期天数", "目前状态", "结束日期"],
           [[notice.number, notice.unit_name, notice.issued_on, notice.deadline, notice.days_overdue,
             _current_state(notice), notice.ended_on] for notice in report.overdue_notices],
           [18, 24, 12, 12, 10, 12, 12])
    _sheet(workbook, "共性问题", ["排名", "项目代码", "问题", "本月次数", "上月次数", "变化"],
           [[line.rank, line.item_code, line.text, line.count, line.last_month, line.change]
            for line in report.top_problems], [6, 12, 40, 10, 10, 8])
    score_headers = ["排名", "{}", "{}", "检查次数", "平均得分", "平均得分率", "上月得分率", "变化"]
    _sheet(workbook, "单位排名", [h.format("单位代码" if i == 1 else "单位") for i, h in enumerate(score_headers)],
           _score_rows(report.unit_ranking), [6, 12, 24, 10, 10, 12, 12, 10])
    _sheet(workbook, "人员排名", [h.format("工号" if i == 1 else "姓名") for i, h in enumerate(score_headers)],
           _score_rows(report.staff_ranking), [6, 12, 16, 10, 10, 12, 12, 10])
    _sheet(workbook, "进步情况", ["类别", "单位代码", "单位", "本月得分率", "上月得分率", "变化"],
           _improver_rows(report), [10, 12, 24, 12, 12, 10])
    _sheet(workbook, "得分趋势", ["单位", *report.trend_months],
           [[line.unit_name, *(_pct(point.average_rate) for point in line.points)] for line in report.trend],
           [24, *([10] * len(report.trend_months))])
    _sheet(workbook, "分析意见", ["段", "分析意见与改进建议"],
           [[index, line.strip()] for index, line in enumerate(
               (line for line in report.remarks.splitlines() if line.strip()), start=1)], [6, 100])


def write_monthly_xlsx(report: MonthlyReport, path: Path, more: Callable[[Any], None] | None = None) -> None:
    """Write ``report`` to ``path`` (.xlsx) atomically; raises ``OSError`` when it cannot.
    ``more`` adds sheets after the report's own (the complaints section's, from the service)."""
    import openpyxl  # imported here: ~100 ms that the app's start-up should not pay

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    _fill(workbook, report)
    if more is not None:
        more(workbook)
    write_atomic_with(Path(path), lambda temporary: workbook.save(temporary), suffix=".xlsx.tmp")
