"""The monthly report's figures (月度报告/月度报表) as pure functions of query rows.

``MonthlyFacts`` holds what the queries return for one month and scope (all units or one);
``monthly_report`` turns it into ``MonthlyReport``, every figure the PDF and the XLSX show.
Rates are fractions (0.875, shown as 87.5 %) and ``None`` where the base is zero. Covert
inspections appear only inside counts and averages: no row here names an inspector.

Notice figures follow the notices dashboard: *closed on time* means closed in the month and not
late (replied, or without a reply closed, on or before the deadline); *overdue* counts notices
whose deadline had passed on ``as_of`` (the month's last day, or today while the month runs)
and that were still open then; *average days to close* is in calendar days, issue to closing,
over the notices closed in the month.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from inspector.domain.complaint_reports import ComplaintReport
from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import NoticeStatus
from inspector.domain.report_facts import (
    BeforeAfter,
    CoverageRow,
    FindingRow,
    Frozen,
    ModeCount,
    MonthlyFacts,
    NoticeRow,
    ProblemRow,
    ScoreRow,
    TrendRow,
    UncoveredSubject,
)
from inspector.domain.templates import Severity, SubjectKind

TOP_PROBLEMS = 10
TREND_MONTHS = 12
BEFORE_AFTER_PAIRS = 4


# --- the report -----------------------------------------------------------------------------------

class CoverageLine(Frozen):
    kind: SubjectKind
    covered: int
    population: int
    rate: float | None


class SectionLine(Frozen):
    template_code: str
    section_code: str
    section_title: str
    section_title_en: str = ""  # the English UI shows it; the PDF and the workbook keep the Chinese
    general: int
    serious: int
    total: int


class NoticeFigures(Frozen):
    issued: int = 0
    recurred: int = 0  # issued in the month with at least one recurring problem
    closed: int = 0  # closed in the month
    closed_on_time: int = 0
    on_time_rate: float | None = None  # closed_on_time / closed
    overdue: int = 0
    average_days_to_close: float | None = None


class OverdueNotice(Frozen):
    """A notice that was open and past its deadline on the report's ``as_of`` day."""

    number: str
    unit_name: str
    issued_on: date
    deadline: date
    days_overdue: int  # calendar days from the deadline to ``as_of``
    status: NoticeStatus  # today's status
    ended_on: date | None = None  # when it stopped being open, if it has (after ``as_of``)


class ProblemLine(Frozen):
    rank: int
    item_code: str
    text: str  # Chinese, as the PDF and the table print it
    count: int
    last_month: int
    change: int  # count - last_month
    text_en: str = ""  # English, for the screen in English ("" when the template has none)


class ScoreLine(Frozen):
    rank: int
    id: int
    code: str
    name: str
    inspections: int
    average_score: float
    average_rate: float
    last_month_rate: float | None = None
    change: float | None = None  # average_rate - last_month_rate


class TrendPoint(Frozen):
    month: str
    inspections: int
    average_rate: float | None


class TrendLine(Frozen):
    unit_id: int
    unit_name: str
    points: tuple[TrendPoint, ...]


class MonthlyReport(Frozen):
    month: str
    unit_id: int | None
    scope_name: str
    first_day: date
    last_day: date
    as_of: date
    generated_at: datetime
    inspections_total: int
    modes: tuple[ModeCount, ...]  # every mode, in InspectionMode order, zeros included
    coverage: tuple[CoverageLine, ...]
    items_checked: int
    items_passed: int
    pass_rate: float | None
    findings_total: int
    serious_total: int
    sections: tuple[SectionLine, ...]
    notices: NoticeFigures
    top_problems: tuple[ProblemLine, ...]
    unit_ranking: tuple[ScoreLine, ...]
    staff_ranking: tuple[ScoreLine, ...]
    best_improver: ScoreLine | None
    worst_improver: ScoreLine | None
    trend_months: tuple[str, ...]
    trend: tuple[TrendLine, ...]
    before_after: tuple[BeforeAfter, ...] = ()  # typical pairs, the most recently closed first
    overdue_notices: tuple[OverdueNotice, ...] = ()  # the longest overdue first
    uncovered: tuple[UncoveredSubject, ...] = ()  # by kind, unit and code
    remarks: str = ""  # 分析意见与改进建议, written by the quality office
    remarks_by: str = ""
    remarks_at: datetime | None = None
    complaints: ComplaintReport | None = None  # 投诉与旅客意见: the month's hotline figures (F2·2 月报)


# --- pure functions ---------------------------------------------------------------------------

def month_range(month: str) -> tuple[date, date]:
    """``"2026-11"`` → (2026-11-01, 2026-12-01): the half-open month; ValueError when malformed."""
    year_text, _, month_text = month.partition("-")
    if len(year_text) != 4 or len(month_text) != 2 or not (year_text + month_text).isdigit():
        raise ValueError("month_format")
    first = date(int(year_text), int(month_text), 1)
    return first, shift_month(first, 1)


def shift_month(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def trend_months(month: str) -> tuple[str, ...]:
    first, _ = month_range(month)
    return tuple(shift_month(first, offset).strftime("%Y-%m") for offset in range(1 - TREND_MONTHS, 1))


def rate(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def mode_counts(rows: Iterable[ModeCount]) -> tuple[ModeCount, ...]:
    counts: dict[InspectionMode, int] = defaultdict(int)
    for row in rows:
        counts[row.mode] += row.count
    return tuple(ModeCount(mode=mode, count=counts[mode]) for mode in InspectionMode)


def coverage_lines(rows: Iterable[CoverageRow]) -> tuple[CoverageLine, ...]:
    return tuple(CoverageLine(kind=row.kind, covered=row.covered, population=row.population,
                              rate=rate(row.covered, row.population)) for row in rows)


def section_lines(rows: Iterable[FindingRow]) -> tuple[SectionLine, ...]:
    """Findings per (template, section), severities side by side; the most findings first."""
    counts: dict[tuple[str, str], dict[Severity, int]] = defaultdict(lambda: defaultdict(int))
    titles: dict[tuple[str, str], tuple[str, str]] = {}
    for row in rows:
        key = (row.template_code, row.section_code)
        counts[key][row.severity] += row.count
        titles.setdefault(key, (row.section_title, row.section_title_en))
    lines = [SectionLine(template_code=key[0], section_code=key[1], section_title=titles[key][0],
                         section_title_en=titles[key][1], general=found[Severity.GENERAL], serious=found[Severity.SERIOUS],
                         total=found[Severity.GENERAL] + found[Severity.SERIOUS])
             for key, found in counts.items()]
    return tuple(sorted(lines, key=lambda line: (-line.total, line.template_code, line.section_code)))


def _within(day: date | None, first: date, end: date) -> bool:
    return day is not None and first <= day < end


def _overdue_on(row: NoticeRow, as_of: date) -> bool:
    return row.issued_on <= as_of and row.deadline < as_of and (row.ended_on is None or row.ended_on > as_of)


def notice_figures(rows: Iterable[NoticeRow], first: date, end: date, as_of: date) -> NoticeFigures:
    rows = list(rows)
    issued = [row for row in rows if _within(row.issued_on, first, end) and row.status is not NoticeStatus.SUPERSEDED]
    closed = [row for row in rows if row.status is NoticeStatus.CLOSED and _within(row.closed_on, first, end)]
    on_time = [row for row in closed if (row.replied_on or row.closed_on) <= row.deadline]  # type: ignore[operator]
    overdue = [row for row in rows if _overdue_on(row, as_of)]
    days = [(row.closed_on - row.issued_on).days for row in closed]  # type: ignore[operator]
    return NoticeFigures(
        issued=len(issued), recurred=sum(1 for row in issued if row.recurred), closed=len(closed),
        closed_on_time=len(on_time), on_time_rate=rate(len(on_time), len(closed)), overdue=len(overdue),
        average_days_to_close=sum(days) / len(days) if days else None,
    )


def overdue_notices(rows: Iterable[NoticeRow], as_of: date) -> tuple[OverdueNotice, ...]:
    """The notices ``notice_figures`` counts as overdue, the longest overdue first, then by number."""
    lines = [OverdueNotice(number=row.number, unit_name=row.unit_name, issued_on=row.issued_on, deadline=row.deadline,
                           days_overdue=(as_of - row.deadline).days, status=row.status, ended_on=row.ended_on)
             for row in rows if _overdue_on(row, as_of)]
    return tuple(sorted(lines, key=lambda line: (-line.days_overdue, line.number)))


def uncovered_subjects(rows: Iterable[UncoveredSubject]) -> tuple[UncoveredSubject, ...]:
    """Subjects not inspected in the month: vehicles, staff, locations, units; then by unit and code."""
    order = {kind: index for index, kind in enumerate(SubjectKind)}
    return tuple(sorted(rows, key=lambda row: (order[row.kind], row.unit_name, row.code)))


def _problem_counts(rows: Iterable[ProblemRow]) -> tuple[dict[str, int], dict[str, tuple[str, str]]]:
    counts: dict[str, int] = defaultdict(int)
    texts: dict[str, tuple[str, str]] = {}
    for row in rows:
        counts[row.item_code] += row.count
        texts.setdefault(row.item_code, (row.text, row.text_en))
    return counts, texts


def top_problems(rows: Iterable[ProblemRow], last_month: Iterable[ProblemRow],
                 limit: int = TOP_PROBLEMS) -> tuple[ProblemLine, ...]:
    """The most frequent failed items (共性问题), most first, ties by item code."""
    counts, texts = _problem_counts(rows)
    before, _ = _problem_counts(last_month)
    ordered = sorted(counts, key=lambda code: (-counts[code], code))[:limit]
    return tuple(ProblemLine(rank=index, item_code=code, text=texts[code][0], text_en=texts[code][1],
                             count=counts[code], last_month=before.get(code, 0),
                             change=counts[code] - before.get(code, 0))
                 for index, code in enumerate(ordered, start=1))


def _ranks(values: Sequence[tuple[float, float]]) -> list[int]:
    """Competition ranks (1, 2, 2, 4) of already sorted (rate, score) pairs."""
    keys = [(round(rate_value, 9), round(score_value, 9)) for rate_value, score_value in values]  # float noise
    ranks: list[int] = []
    for index, key in enumerate(keys):
        ranks.append(ranks[-1] if index and key == keys[index - 1] else index + 1)
    return ranks


def ranking(rows: Iterable[ScoreRow], last_month: Iterable[ScoreRow]) -> tuple[ScoreLine, ...]:
    """Best average rate (score / max) first, then best average score, then code."""
    before = {row.id: row.rate_sum / row.inspections for row in last_month if row.inspections}
    scored = [row for row in rows if row.inspections]
    scored.sort(key=lambda row: (-round(row.rate_sum / row.inspections, 9), -round(row.score_sum / row.inspections, 9),
                                 row.code))
    ranks = _ranks([(row.rate_sum / row.inspections, row.score_sum / row.inspections) for row in scored])
    lines = []
    for position, row in zip(ranks, scored):
        average = row.rate_sum / row.inspections
        previous = before.get(row.id)
        lines.append(ScoreLine(rank=position, id=row.id, code=row.code, name=row.name, inspections=row.inspections,
                               average_score=row.score_sum / row.inspections, average_rate=average,
                               last_month_rate=previous, change=None if previous is None else average - previous))
    return tuple(lines)


def improvers(lines: Iterable[ScoreLine]) -> tuple[ScoreLine | None, ScoreLine | None]:
    """(best, worst): the largest rise and the largest fall of average rate against last month;
    None when no unit rose (or fell). Ties go to the first code."""
    compared = [line for line in lines if line.change is not None]
    rises = sorted((line for line in compared if line.change > 0), key=lambda line: (-line.change, line.code))
    falls = sorted((line for line in compared if line.change < 0), key=lambda line: (line.change, line.code))
    return (rises[0] if rises else None), (falls[0] if falls else None)


def trend_lines(rows: Iterable[TrendRow], months: Sequence[str]) -> tuple[TrendLine, ...]:
    cells: dict[int, dict[str, TrendRow]] = defaultdict(dict)
    names: dict[int, str] = {}
    for row in rows:
        cells[row.unit_id][row.month] = row
        names[row.unit_id] = row.unit_name
    lines = []
    for unit_id in sorted(cells, key=lambda key: (names[key], key)):
        points = []
        for month in months:
            found = cells[unit_id].get(month)
            count = found.inspections if found else 0
            points.append(TrendPoint(month=month, inspections=count,
                                     average_rate=rate(found.rate_sum, count) if found else None))
        lines.append(TrendLine(unit_id=unit_id, unit_name=names[unit_id], points=tuple(points)))
    return tuple(lines)


def typical_pairs(rows: Iterable[BeforeAfter], limit: int = BEFORE_AFTER_PAIRS) -> tuple[BeforeAfter, ...]:
    """At most ``limit`` pairs: the most recently closed notice first, then its items in code order."""
    by_item = sorted(rows, key=lambda row: row.item_code)
    return tuple(sorted(by_item, key=lambda row: (row.closed_on, row.notice_number), reverse=True)[:limit])


def monthly_report(facts: MonthlyFacts) -> MonthlyReport:
    first, end = month_range(facts.month)
    modes = mode_counts(facts.modes)
    sections = section_lines(facts.findings)
    units = ranking(facts.units, facts.units_last_month)
    best, worst = improvers(units)
    months = trend_months(facts.month)
    return MonthlyReport(
        month=facts.month, unit_id=facts.unit_id, scope_name=facts.scope_name, first_day=first,
        last_day=date.fromordinal(end.toordinal() - 1), as_of=facts.as_of, generated_at=facts.generated_at,
        inspections_total=sum(mode.count for mode in modes), modes=modes, coverage=coverage_lines(facts.coverage),
        items_checked=facts.items_checked, items_passed=facts.items_passed,
        pass_rate=rate(facts.items_passed, facts.items_checked),
        findings_total=sum(line.total for line in sections), serious_total=sum(line.serious for line in sections),
        sections=sections, notices=notice_figures(facts.notices, first, end, facts.as_of),
        top_problems=top_problems(facts.problems, facts.problems_last_month),
        unit_ranking=units, staff_ranking=ranking(facts.staff, facts.staff_last_month),
        best_improver=best, worst_improver=worst, trend_months=months, trend=trend_lines(facts.trend, months),
        before_after=typical_pairs(facts.before_after),
        overdue_notices=overdue_notices(facts.notices, facts.as_of), uncovered=uncovered_subjects(facts.uncovered),
        remarks=facts.remarks, remarks_by=facts.remarks_by, remarks_at=facts.remarks_at,
    )
