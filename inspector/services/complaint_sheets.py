"""The hotline reports as a workbook (投诉热线周报 / 月报 .xlsx), and ``add_complaint_sheets``, which
the monthly table (月度报表) uses for its complaints sheets.

One sheet per part, Chinese headers, typed cells (counts as integers, rates as fractions with a
``%`` format, times as times), every text through ``sheet_cells.set_value`` so a unit or staff
name that looks like a formula stays text. Nothing the PDF caps is capped here: every route,
unit, staff member and open case. The complainant's name and phone are never written — the
report does not hold them; repeat complainants appear by masked number only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspector.domain.complaint_reports import (
    KIND_ZH,
    SEVERITY_ZH,
    STATUS_ZH,
    ComplaintReport,
    LimitFigures,
)
from inspector.services.report_sheets import Pct, _pct, _sheet
from inspector.storage.files import write_atomic_with


def _limit_row(label: str, figures: LimitFigures) -> list[Any]:
    return [label, figures.closed_on_time, figures.closed_late, figures.open_in_time, figures.open_overdue,
            _pct(figures.on_time_rate)]


def _summary(report: ComplaintReport) -> list[list[Any]]:
    return [["报告", report.title], ["期间", report.label], ["范围", report.scope_name],
            ["统计起始日", report.first_day], ["统计截止日", report.last_day], ["生成时间", report.generated_at],
            ["受理件数", report.total], ["上期受理件数", report.previous_total], ["重大", report.major],
            ["紧急", report.urgent], ["有责", report.liable], ["无责", report.not_liable], ["满意", report.satisfied],
            ["基本满意", report.basically], ["不满意", report.unsatisfied],
            ["一般性投诉时限（小时）", report.ordinary_hours], ["重大投诉时限（小时）", report.major_hours],
            ["按时办结率", _pct(report.limits.on_time_rate)]]


def add_complaint_sheets(workbook: Any, report: ComplaintReport, prefix: str = "") -> None:
    """The report's sheets, each title after ``prefix`` (the monthly table uses ``投诉·``)."""
    total = report.total

    def share(count: int) -> Pct | None:
        return Pct(count / total) if total else None

    _sheet(workbook, f"{prefix}概况", ["指标", "数值"], _summary(report), [22, 24])
    dimensions: list[Sequence[Any]] = []
    for label, lines in (("受理渠道", report.by_channel), ("类别", report.by_kind), ("性质", report.by_severity),
                         ("线路", report.by_route), ("责任单位", report.by_unit)):
        dimensions += [[label, line.key, line.name, line.count, share(line.count)] for line in lines]
    _sheet(workbook, f"{prefix}分类统计", ["维度", "代码", "名称", "件数", "占比"], dimensions, [10, 16, 26, 8, 8])
    _sheet(workbook, f"{prefix}被投诉人员", ["工号", "姓名", "所属单位", "件数"],
           [[line.key, line.name, line.unit_name, line.count] for line in report.by_staff], [12, 12, 24, 8])
    _sheet(workbook, f"{prefix}办理时限", ["时限", "按时办结", "超时办结", "未结·在时限内", "逾期未结", "按时办结率"],
           [_limit_row(f"一般（{report.ordinary_hours} 小时）", report.ordinary_limits),
            _limit_row(f"重大（{report.major_hours} 小时）", report.major_limits), _limit_row("合计", report.limits)],
           [16, 10, 10, 14, 10, 12])
    _sheet(workbook, f"{prefix}未结案件", ["编号", "受理时间", "类别", "性质", "重大", "责任单位", "目前状态",
                                         "办结期限", "逾期小时"],
           [[case.number, case.received_at, KIND_ZH[case.kind], SEVERITY_ZH[case.severity] if case.severity else None,
             "是" if case.major else "否", case.unit_name, STATUS_ZH[case.status], case.due_at, case.hours_overdue]
            for case in report.open_cases], [18, 17, 8, 10, 6, 22, 12, 17, 10])
    _sheet(workbook, f"{prefix}共性问题", ["排名", "问题", "性质", "件数", "工作建议"],
           [[line.rank, line.name, SEVERITY_ZH[line.severity], line.count, line.suggestion]
            for line in report.behaviours], [6, 36, 10, 8, 70])
    _sheet(workbook, f"{prefix}重复投诉", ["类别", "来电号码（隐去中间四位）/ 工号", "姓名", "所属单位", "件数",
                                         "最近受理"],
           [*(["重复投诉人", person.masked_phone, None, None, person.count, person.last_received]
              for person in report.repeat_complainants),
            *(["重复被投诉人员", line.key, line.name, line.unit_name, line.count, None]
              for line in report.repeat_staff)], [14, 26, 12, 24, 8, 17])


def write_complaint_xlsx(report: ComplaintReport, path: Path) -> None:
    """Write ``report`` to ``path`` (.xlsx) atomically; raises ``OSError`` when it cannot."""
    import openpyxl  # imported here: the CLI's listing commands never load it

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    add_complaint_sheets(workbook, report)
    write_atomic_with(Path(path), lambda temporary: workbook.save(temporary), suffix=".xlsx.tmp")
