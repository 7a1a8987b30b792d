"""The demo's written analysis (分析意见与改进建议) of last month's report, as the quality office
would write it: drawn from that month's own figures (top problems, the weakest unit, overdue
notices), so the demo's report PDF shows a realistic part three or four."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from inspector.domain.changes import ChangeSet
from inspector.domain.reports import MonthlyReport, shift_month

if TYPE_CHECKING:
    from inspector.context import AppContext

OFFICE = "wangfang"


def last_month(today: date) -> str:
    return shift_month(date(today.year, today.month, 1), -1).strftime("%Y-%m")


def analysis_text(report: MonthlyReport) -> str:
    """Three short paragraphs on what the month's figures say and what to do about them."""
    problems = "、".join(f"“{line.text}”（{line.count} 次）" for line in report.top_problems[:3])
    lines = [f"一、本月共检查 {report.inspections_total} 次，项目合格率 "
             f"{(report.pass_rate or 0) * 100:.1f}%。共性问题集中在{problems or '个别项目'}，"
             f"请各单位对照检查标准组织自查。"]
    if report.unit_ranking:
        weakest = report.unit_ranking[-1]
        lines.append(f"二、{weakest.name}平均得分率 {weakest.average_rate * 100:.1f}%，排名末位，"
                     f"请于下月 10 日前报送整改措施，质量办将安排暗访复核。")
    overdue = len(report.overdue_notices)
    lines.append(f"三、逾期未整改通知单 {overdue} 份，请责任单位负责人督促落实；"
                 f"建议将整改按期率纳入月度考核。" if overdue else
                 "三、本月整改通知单均在期限内办理，请继续保持日清日结。")
    return "\n".join(lines)


def add_report_remarks(context: AppContext) -> ChangeSet:
    """The office's analysis of last month for all units; call inside the demo's transaction."""
    office = context.users.by_username(OFFICE)
    if office is None:
        return ChangeSet()
    month = last_month(context.services.clock().date())
    report = context.reports.monthly(office, month)
    if not report.inspections_total:
        return ChangeSet()
    return context.reports.save_remarks(office, month, None, analysis_text(report))
