"""The monthly report's figures over a small hand-made month (November 2026), every figure
computed by hand in the comments next to its assertion."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import NoticeStatus
from inspector.domain.reports import (
    BeforeAfter,
    CoverageRow,
    FindingRow,
    ModeCount,
    MonthlyFacts,
    NoticeRow,
    ProblemRow,
    ScoreRow,
    TrendRow,
    UncoveredSubject,
    month_range,
    monthly_report,
    top_problems,
    trend_months,
    typical_pairs,
)
from inspector.domain.templates import Severity, SubjectKind

CST = timezone(timedelta(hours=8))
G, S = Severity.GENERAL, Severity.SERIOUS


def _notice(issued: str, deadline: str, status: NoticeStatus, *, replied: str | None = None,
            closed: str | None = None, ended: str | None = None, recurred: bool = False,
            number: str = "", unit: str = "一号总站") -> NoticeRow:
    def day(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    return NoticeRow(issued_on=day(issued), deadline=day(deadline), status=status, replied_on=day(replied),
                     closed_on=day(closed), ended_on=day(ended), recurred=recurred, number=number, unit_name=unit)


FACTS = MonthlyFacts(
    month="2026-11", scope_name="全部单位", as_of=date(2026, 11, 30),
    generated_at=datetime(2026, 12, 1, 9, 0, tzinfo=CST),
    modes=(ModeCount(mode=InspectionMode.ONSITE, count=3), ModeCount(mode=InspectionMode.COVERT, count=1)),
    coverage=(CoverageRow(kind=SubjectKind.VEHICLE, covered=2, population=4),
              CoverageRow(kind=SubjectKind.STAFF, covered=0, population=0)),
    items_checked=20, items_passed=17,
    findings=(
        FindingRow(template_code="T1", section_code="A", section_title="车身外观", severity=G, count=2),
        FindingRow(template_code="T1", section_code="A", section_title="车身外观", severity=G, count=1),  # v2
        FindingRow(template_code="T1", section_code="B", section_title="安全设施", severity=S, count=1),
        FindingRow(template_code="T1", section_code="B", section_title="安全设施", severity=G, count=1),
        FindingRow(template_code="T2", section_code="A", section_title="服务态度", severity=G, count=1),
    ),
    notices=(
        # a: issued and closed in the month, replied before the deadline; 11-02 → 11-12 = 10 days
        _notice("2026-11-02", "2026-11-09", NoticeStatus.CLOSED, replied="2026-11-08", closed="2026-11-12",
                ended="2026-11-12"),
        # b: issued in the month, recurring, still open past its deadline → overdue
        _notice("2026-11-10", "2026-11-17", NoticeStatus.ISSUED, recurred=True, number="ZG-2026-11-0002"),
        # c: issued in October, closed 11-05 without a reply, after its deadline; 10-20 → 11-05 = 16 days
        _notice("2026-10-20", "2026-10-27", NoticeStatus.CLOSED, closed="2026-11-05", ended="2026-11-05"),
        # d: issued in the month, deadline after the month → neither closed nor overdue
        _notice("2026-11-20", "2026-12-04", NoticeStatus.REPLIED, replied="2026-11-25"),
        # e: superseded the next day → not counted as issued
        _notice("2026-11-03", "2026-11-10", NoticeStatus.SUPERSEDED, ended="2026-11-04"),
        # f: issued in October, reissued only on 12-02 → was open and past its deadline on 11-30
        _notice("2026-10-01", "2026-10-15", NoticeStatus.REISSUED, ended="2026-12-02", number="ZG-2026-10-0001",
                unit="城北总站"),
    ),
    problems=(ProblemRow(item_code="T1-1", text="车身无划痕", count=3),
              ProblemRow(item_code="T1-2", text="车窗洁净", count=2),
              ProblemRow(item_code="T1-2", text="车窗洁净", count=1),  # the same item in another version
              ProblemRow(item_code="T1-3", text="灭火器有效", count=1)),
    problems_last_month=(ProblemRow(item_code="T1-1", text="车身无划痕", count=1),
                         ProblemRow(item_code="T1-4", text="安全锤齐全", count=5)),
    units=(ScoreRow(id=1, code="D01", name="一号总站", inspections=2, score_sum=180, rate_sum=1.8),
           ScoreRow(id=2, code="D02", name="二号总站", inspections=1, score_sum=4, rate_sum=0.8),  # five-point
           ScoreRow(id=3, code="D03", name="城北总站", inspections=2, score_sum=190, rate_sum=1.9)),
    units_last_month=(ScoreRow(id=1, code="D01", name="一号总站", inspections=1, score_sum=80, rate_sum=0.8),
                      ScoreRow(id=3, code="D03", name="城北总站", inspections=1, score_sum=97, rate_sum=0.97)),
    staff=(ScoreRow(id=8, code="S08", name="李四", inspections=1, score_sum=90, rate_sum=0.9),
           ScoreRow(id=9, code="S09", name="王五", inspections=1, score_sum=80, rate_sum=0.8),
           ScoreRow(id=7, code="S07", name="张三", inspections=1, score_sum=90, rate_sum=0.9)),
    uncovered=(UncoveredSubject(kind=SubjectKind.STAFF, code="S10", name="赵六", unit_name="一号总站"),
               UncoveredSubject(kind=SubjectKind.VEHICLE, code="2-0102", name="粤A00002", unit_name="城北总站"),
               UncoveredSubject(kind=SubjectKind.VEHICLE, code="1-0102", name="粤A00001", unit_name="一号总站")),
    trend=(TrendRow(unit_id=1, unit_name="一号总站", month="2026-11", inspections=2, rate_sum=1.8),
           TrendRow(unit_id=1, unit_name="一号总站", month="2026-10", inspections=1, rate_sum=0.8),
           TrendRow(unit_id=3, unit_name="城北总站", month="2026-11", inspections=2, rate_sum=1.9)),
)


@pytest.fixture(scope="module")
def report():
    return monthly_report(FACTS)


def test_period_and_basic_counts(report) -> None:
    assert (report.first_day, report.last_day, report.as_of) == (date(2026, 11, 1), date(2026, 11, 30),
                                                                date(2026, 11, 30))
    # every mode listed, walk-around 0; 3 + 1 = 4
    assert [(line.mode, line.count) for line in report.modes] == [
        (InspectionMode.ONSITE, 3), (InspectionMode.COVERT, 1), (InspectionMode.WALKAROUND, 0)]
    assert report.inspections_total == 4
    # vehicles 2 / 4 = 50 %; staff 0 / 0 has no rate
    assert [(line.kind, line.covered, line.population, line.rate) for line in report.coverage] == [
        (SubjectKind.VEHICLE, 2, 4, 0.5), (SubjectKind.STAFF, 0, 0, None)]
    # 17 / 20 = 85 %
    assert (report.items_checked, report.items_passed, report.pass_rate) == (20, 17, pytest.approx(0.85))


def test_findings_by_section(report) -> None:
    # T1/A: 2 + 1 general = 3; T1/B: 1 general + 1 serious = 2; T2/A: 1 general; most first
    assert [(s.template_code, s.section_code, s.section_title, s.general, s.serious, s.total)
            for s in report.sections] == [("T1", "A", "车身外观", 3, 0, 3), ("T1", "B", "安全设施", 1, 1, 2),
                                          ("T2", "A", "服务态度", 1, 0, 1)]
    assert (report.findings_total, report.serious_total) == (6, 1)  # 3 + 2 + 1; one serious


def test_notice_figures(report) -> None:
    figures = report.notices
    assert figures.issued == 3  # a, b, d (e was superseded; c and f were issued in October)
    assert figures.recurred == 1  # b
    assert figures.closed == 2  # a, c
    assert figures.closed_on_time == 1  # a (replied 11-08 ≤ 11-09); c closed 11-05 > 10-27
    assert figures.on_time_rate == pytest.approx(0.5)  # 1 / 2
    assert figures.overdue == 2  # b (open, deadline 11-17) and f (open until 12-02, deadline 10-15)
    assert figures.average_days_to_close == pytest.approx(13.0)  # (10 + 16) / 2


def test_overdue_notices_are_listed_longest_first(report) -> None:
    # f: deadline 10-15, 30 − 15 + 31 = 46 days on 11-30, reissued only on 12-02; b: 11-17 → 13 days
    assert [(n.number, n.unit_name, n.deadline, n.days_overdue, n.status, n.ended_on)
            for n in report.overdue_notices] == [
        ("ZG-2026-10-0001", "城北总站", date(2026, 10, 15), 46, NoticeStatus.REISSUED, date(2026, 12, 2)),
        ("ZG-2026-11-0002", "一号总站", date(2026, 11, 17), 13, NoticeStatus.ISSUED, None)]
    assert len(report.overdue_notices) == report.notices.overdue


def test_subjects_not_inspected_by_kind_unit_and_code(report) -> None:
    # vehicles before staff; 一号总站 before 城北总站 (code point order of 一 and 城)
    assert [(s.kind, s.code) for s in report.uncovered] == [
        (SubjectKind.VEHICLE, "1-0102"), (SubjectKind.VEHICLE, "2-0102"), (SubjectKind.STAFF, "S10")]


def test_top_problems_with_last_month(report) -> None:
    # T1-1: 3 (last month 1, +2); T1-2: 2 + 1 = 3 (0, +3), after T1-1 by code; T1-3: 1 (0, +1);
    # T1-4 failed only last month, so it is not among this month's problems
    assert [(p.rank, p.item_code, p.text, p.count, p.last_month, p.change) for p in report.top_problems] == [
        (1, "T1-1", "车身无划痕", 3, 1, 2), (2, "T1-2", "车窗洁净", 3, 0, 3), (3, "T1-3", "灭火器有效", 1, 0, 1)]


def test_top_problems_keep_only_the_limit() -> None:
    lines = top_problems(FACTS.problems, (), limit=2)
    assert [line.item_code for line in lines] == ["T1-1", "T1-2"]


def test_unit_ranking_improvers_and_staff_ties(report) -> None:
    # D03: 190 / 2 = 95, 1.9 / 2 = 0.95, last month 0.97 → −0.02
    # D01: 180 / 2 = 90, 1.8 / 2 = 0.90, last month 0.80 → +0.10
    # D02: 4 / 1 = 4 (five-point), 0.8 / 1 = 0.80, no last month
    ranked = [(u.rank, u.code, u.inspections, u.average_score, u.average_rate, u.last_month_rate)
              for u in report.unit_ranking]
    assert ranked == [(1, "D03", 2, 95, pytest.approx(0.95), pytest.approx(0.97)),
                      (2, "D01", 2, 90, pytest.approx(0.9), pytest.approx(0.8)),
                      (3, "D02", 1, 4, pytest.approx(0.8), None)]
    assert [u.change for u in report.unit_ranking] == [pytest.approx(-0.02), pytest.approx(0.1), None]
    assert (report.best_improver.code, report.worst_improver.code) == ("D01", "D03")
    # 张三 and 李四 both 90 / 0.9 → both rank 1 (by code S07 first), 王五 third
    assert [(s.rank, s.code) for s in report.staff_ranking] == [(1, "S07"), (1, "S08"), (3, "S09")]


def test_trend_over_twelve_months(report) -> None:
    assert report.trend_months[0] == "2025-12" and report.trend_months[-1] == "2026-11"
    assert len(report.trend_months) == 12
    first = report.trend[0]  # 一号总站 sorts before 城北总站
    assert first.unit_name == "一号总站"
    rates = {point.month: point.average_rate for point in first.points}
    assert rates["2026-10"] == pytest.approx(0.8)  # 0.8 / 1
    assert rates["2026-11"] == pytest.approx(0.9)  # 1.8 / 2
    assert rates["2026-09"] is None and first.points[8].inspections == 0
    assert [line.unit_name for line in report.trend] == ["一号总站", "城北总站"]


def test_empty_month_has_zeros_and_no_rates() -> None:
    empty = monthly_report(MonthlyFacts(month="2026-01", scope_name="一号总站", unit_id=1, as_of=date(2026, 1, 31),
                                        generated_at=datetime(2026, 2, 1, tzinfo=CST)))
    assert empty.inspections_total == 0 and empty.pass_rate is None
    assert empty.notices.on_time_rate is None and empty.notices.average_days_to_close is None
    assert empty.best_improver is None and empty.worst_improver is None
    assert empty.trend_months[0] == "2025-02"  # twelve months across the year boundary


@pytest.mark.parametrize("text", ["2026-1", "2026/11", "26-11", "2026-13", "abcd-ef"])
def test_month_format_is_checked(text: str) -> None:
    with pytest.raises(ValueError):
        month_range(text)


def test_month_range_and_trend_months() -> None:
    assert month_range("2026-12") == (date(2026, 12, 1), date(2027, 1, 1))
    assert trend_months("2026-03")[:2] == ("2025-04", "2025-05")


def _pair(number: str, item_code: str, closed_on: date) -> BeforeAfter:
    return BeforeAfter(notice_number=number, item_code=item_code, problem="灭火器在有效期内", unit_name="第一公交总站",
                       closed_on=closed_on, before="a" * 64, after="b" * 64)


def test_typical_pairs_are_the_four_most_recently_closed() -> None:
    rows = [_pair("ZG-2026-11-0001", "N1-3", date(2026, 11, 3)), _pair("ZG-2026-11-0004", "N1-7", date(2026, 11, 20)),
            _pair("ZG-2026-11-0004", "N1-3", date(2026, 11, 20)), _pair("ZG-2026-11-0002", "N1-3", date(2026, 11, 9)),
            _pair("ZG-2026-11-0003", "N1-3", date(2026, 11, 20))]
    # 11-20 first (notice 0004 before 0003, its items in code order), then 11-09; 11-03 is the fifth
    assert [(pair.notice_number[-4:], pair.item_code) for pair in typical_pairs(rows)] == [
        ("0004", "N1-3"), ("0004", "N1-7"), ("0003", "N1-3"), ("0002", "N1-3")]
    assert typical_pairs(rows, limit=1) == (rows[2],) and typical_pairs([]) == ()
    report = monthly_report(MonthlyFacts(month="2026-11", scope_name="全部单位", as_of=date(2026, 11, 30),
                                         generated_at=datetime(2026, 12, 1, 8, 0, tzinfo=CST), before_after=tuple(rows)))
    assert report.before_after == typical_pairs(rows)
