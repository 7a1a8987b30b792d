"""The monthly report PDF drawn from a hand-made month: the bundled font embedded (and no other),
the key figures present as text, an empty month still rendering, the same report giving the same
bytes, the overdue notices and the appendix of subjects not inspected (capped, pointing to the
workbook for the rest), and the small wording helpers (changes, percent axis)."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import NoticeStatus
from inspector.domain.reports import (
    BeforeAfter,
    CoverageRow,
    FindingRow,
    ModeCount,
    MonthlyFacts,
    MonthlyReport,
    NoticeRow,
    ProblemRow,
    ScoreRow,
    TrendRow,
    UncoveredSubject,
    monthly_report,
)
from inspector.domain.templates import Severity, SubjectKind
from inspector.pdf.report_charts import percent_axis
from inspector.pdf.report_lists import OVERDUE_SHOWN, UNCOVERED_SHOWN, current_state
from inspector.pdf.report_pdf import (
    count_change,
    percent,
    rate_change,
    render_monthly_report,
)
from tests.notice_world import jpeg
from tests.pdf import needs_tools

CST = timezone(timedelta(hours=8))
POPPLER = needs_tools("pdftotext", "pdffonts")


def _score(id: int, code: str, name: str, inspections: int, rate: float) -> ScoreRow:
    return ScoreRow(id=id, code=code, name=name, inspections=inspections, score_sum=rate * 100 * inspections,
                    rate_sum=rate * inspections)


def november() -> MonthlyReport:
    trend = [TrendRow(unit_id=unit, unit_name=name, month=f"2026-{month:02d}", inspections=2,
                      rate_sum=2 * (0.86 + 0.01 * ((month + unit) % 9)))
             for unit, name in ((1, "第一公交总站"), (2, "第二公交总站"), (3, "洁美物业保洁公司"))
             for month in range(3, 12) if month != 7]
    return monthly_report(MonthlyFacts(
        month="2026-11", scope_name="全部单位", as_of=date(2026, 11, 30),
        generated_at=datetime(2026, 12, 1, 8, 30, tzinfo=CST),
        modes=(ModeCount(mode=InspectionMode.ONSITE, count=37), ModeCount(mode=InspectionMode.COVERT, count=9),
               ModeCount(mode=InspectionMode.WALKAROUND, count=4)),
        coverage=(CoverageRow(kind=SubjectKind.VEHICLE, covered=21, population=28),
                  CoverageRow(kind=SubjectKind.STAFF, covered=13, population=52)),
        items_checked=1280, items_passed=1184,
        findings=(FindingRow(template_code="T1", section_code="T1-1", section_title="车容车貌",
                             severity=Severity.GENERAL, count=17),
                  FindingRow(template_code="T1", section_code="T1-1", section_title="车容车貌",
                             severity=Severity.SERIOUS, count=6),
                  FindingRow(template_code="T2", section_code="T2-4", section_title="语言与服务态度",
                             severity=Severity.GENERAL, count=11)),
        notices=(NoticeRow(issued_on=date(2026, 11, 2), deadline=date(2026, 11, 6), status=NoticeStatus.CLOSED,
                           replied_on=date(2026, 11, 5), closed_on=date(2026, 11, 7), ended_on=date(2026, 11, 7)),
                 NoticeRow(issued_on=date(2026, 11, 3), deadline=date(2026, 11, 7), status=NoticeStatus.CLOSED,
                           replied_on=date(2026, 11, 10), closed_on=date(2026, 11, 12), ended_on=date(2026, 11, 12),
                           recurred=True),
                 NoticeRow(issued_on=date(2026, 11, 9), deadline=date(2026, 11, 13), status=NoticeStatus.ISSUED)),
        problems=(ProblemRow(item_code="T1-1.3", text="车窗玻璃洁净无污渍", count=9),
                  ProblemRow(item_code="T2-4.1", text="使用文明用语", count=5)),
        problems_last_month=(ProblemRow(item_code="T1-1.3", text="车窗玻璃洁净无污渍", count=4),
                             ProblemRow(item_code="T2-4.1", text="使用文明用语", count=8)),
        units=(_score(1, "D01", "第一公交总站", 12, 0.913), _score(2, "D02", "第二公交总站", 8, 0.955),
               _score(3, "C02", "洁美物业保洁公司", 5, 0.871)),
        units_last_month=(_score(1, "D01", "第一公交总站", 10, 0.88), _score(2, "D02", "第二公交总站", 6, 0.962),
                          _score(3, "C02", "洁美物业保洁公司", 4, 0.93)),
        staff=(_score(11, "BJ0059", "董杰", 2, 0.99), _score(12, "D30036", "吕军", 1, 0.88)),
        staff_last_month=(_score(11, "BJ0059", "董杰", 1, 0.97),),
        trend=tuple(trend),
    ))


def empty_month() -> MonthlyReport:
    return monthly_report(MonthlyFacts(month="2026-02", unit_id=4, scope_name="综合服务大厅", as_of=date(2026, 2, 28),
                                       generated_at=datetime(2026, 3, 2, 9, 0, tzinfo=CST)))


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _fonts(path: Path) -> list[str]:
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return listing.splitlines()[2:]


@POPPLER
def test_the_report_embeds_only_the_bundled_font_and_shows_the_figures(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(render_monthly_report(november()))
    rows = _fonts(target)
    assert rows and all("WenQuanYiMicroHei" in row and " yes yes " in row for row in rows), rows
    words = _pdf_text(target)
    flat = "".join(words.split())
    for expected in (
        "服务质量月度报告（2026年11月）", "统计范围：全部单位", "一、基本情况", "二、综合分析",
        "本月共检查50次，其中明查37次、暗访9次、走动式4次。", "74.0%",  # 37 of 50 on site
        "75.0%", "25.0%",  # coverage: 21 / 28 vehicles, 13 / 52 staff
        "共检查项目1280项", "合格1184项", "不合格96项", "项目合格率92.5%",
        "发现问题34项，其中一般问题28项、严重问题6项。", "T1-1车容车貌", "语言与服务态度",
        "下发通知单3份", "其中再次发生1份", "本月关闭2份", "按期关闭1份", "逾期未整改1份", "平均整改天数7.0天",
        "50.0%（1/2）",  # the on-time gauge
        "车窗玻璃洁净无污渍", "↑5", "使用文明用语", "↓3",  # 9 against 4, 5 against 8
        "第二公交总站", "95.5%", "96.2%", "↓0.7", "91.3%", "↑3.3", "87.1%", "↓5.9",
        "进步最大：第一公交总站（D01），平均得分率由88.0%变为91.3%，↑3.3个百分点。",
        "退步最大：洁美物业保洁公司（C02），平均得分率由93.0%变为87.1%，↓5.9个百分点。",
        "得分趋势", "2025-12", "2026-11", "人员排名", "BJ0059", "董杰", "99.0%", "↑2.0",
        "第1页/共", "服务质量月度报告2026-11全部单位",
    ):
        assert expected in flat, expected
    ranking = flat.index("单位排名")
    assert flat.index("第二公交总站", ranking) < flat.index("第一公交总站", ranking) < flat.index("洁美物业", ranking)


@POPPLER
def test_an_empty_unit_month_still_renders_with_its_scope(tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    target.write_bytes(render_monthly_report(empty_month()))
    assert all("WenQuanYiMicroHei" in row for row in _fonts(target))
    flat = "".join(_pdf_text(target).split())
    for expected in ("统计范围：综合服务大厅", "本月共检查0次", "项目合格率—", "本月无关闭的通知单", "本月未发现问题。",
                     "本月无已评分的检查。", "近十二个月无已评分的检查。", "本月无已评分的人员检查。",
                     "没有可比较的单位得分率变化"):
        assert expected in flat, expected


def test_the_same_report_gives_the_same_bytes() -> None:
    first = render_monthly_report(november())
    assert first.startswith(b"%PDF") and first == render_monthly_report(november())
    assert render_monthly_report(empty_month()) != first


def test_changes_are_written_with_arrows() -> None:
    assert "↑2" in count_change(2) and "↓1" in count_change(-1) and count_change(0) == "持平"
    assert "↑1.2" in rate_change(0.012) and "↓4.0" in rate_change(-0.04)
    assert rate_change(0.00001) == "持平" and rate_change(None) == "—"
    assert percent(0.875) == "87.5%" and percent(None) == "—"


def test_the_percent_axis_is_tight_above_ninety_and_wide_below() -> None:
    assert percent_axis([93.5, 99.0]) == (90, 100, 5)
    assert percent_axis([92.0, 99.0]) == (85, 100, 5)
    assert percent_axis([62.0]) == (55, 100, 10)
    assert percent_axis([10.0]) == (5, 100, 20)
    assert percent_axis([]) == (0, 100, 20)


@POPPLER
def test_a_long_staff_ranking_shows_the_best_and_the_worst_and_points_to_the_table(tmp_path: Path) -> None:
    staff = tuple(_score(100 + n, f"S{n:04d}", f"员工{n:04d}", 2, 0.999 - n * 0.001) for n in range(100))
    facts_report = november()
    long = monthly_report(MonthlyFacts(
        month="2026-11", scope_name="全部单位", as_of=date(2026, 11, 30),
        generated_at=datetime(2026, 12, 1, 8, 30, tzinfo=CST), staff=staff))
    assert len(long.staff_ranking) == 100 and facts_report.staff_ranking
    path = tmp_path / "long.pdf"
    path.write_bytes(render_monthly_report(long))
    text = _pdf_text(path)
    shown = [n for n in range(100) if f"员工{n:04d}" in text]
    assert shown == [*range(15), *range(85, 100)]
    assert "中间 70 人从略" in text and "人员排名" in text


@POPPLER
def test_typical_pairs_show_before_and_after_photos_side_by_side(tmp_path: Path) -> None:
    pairs = tuple(BeforeAfter(notice_number=f"ZG-2026-11-000{n}", item_code="N1-3", problem="灭火器在有效期内",
                              unit_name="第一公交总站", closed_on=date(2026, 11, 10 + n), before=f"{n}" * 64,
                              after=f"{n + 4}" * 64) for n in (2, 1))
    report = november().model_copy(update={"before_after": pairs})
    photos = {sha: jpeg(tmp_path, seed) for seed, sha in enumerate(
        (pairs[0].before, pairs[0].after, pairs[1].before, pairs[1].after))}
    path = tmp_path / "pairs.pdf"
    path.write_bytes(render_monthly_report(report, photos))
    flat = "".join(_pdf_text(path).split())
    section = flat.index("三、典型整改前后对比") + len("三、典型整改前后对比")
    assert flat.count("整改前", section) == flat.count("整改后", section) == 4  # heads and captions
    assert flat.index("ZG-2026-11-0002第一公交总站N1-3灭火器在有效期内2026年11月12日关闭", section) \
        < flat.index("ZG-2026-11-0001", section)
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert sum(1 for line in images.splitlines()[2:] if " jpeg " in line) == 4  # the JPEG files as they are
    # a pair whose photo has no file is left out; with none left, so is the section
    del photos[pairs[1].after]
    one = "".join(_pdf_text_of(render_monthly_report(report, photos), tmp_path).split())
    assert "ZG-2026-11-0002" in one and "ZG-2026-11-0001" not in one
    assert "典型整改前后对比" not in "".join(_pdf_text_of(render_monthly_report(report), tmp_path).split())


def _pdf_text_of(pdf: bytes, folder: Path) -> str:
    path = folder / "shown.pdf"
    path.write_bytes(pdf)
    return _pdf_text(path)


def _overdue_row(n: int, status: NoticeStatus = NoticeStatus.ISSUED, ended: date | None = None) -> NoticeRow:
    """Issued 10-01, deadline n days later: on 11-30 it is 60 − n days overdue, a lower n listed first."""
    issued = date(2026, 10, 1)
    return NoticeRow(number=f"ZG-2026-11-{n:04d}", unit_name="第二公交总站" if n % 2 else "第一公交总站",
                     issued_on=issued, deadline=issued + timedelta(days=n), status=status, ended_on=ended)


def _vehicle(n: int) -> UncoveredSubject:
    return UncoveredSubject(kind=SubjectKind.VEHICLE, code=f"1-{n:04d}", name=f"粤A{n:05d}", unit_name="第一公交总站")


def with_lists(overdue: int, vehicles: int) -> MonthlyReport:
    """November with ``overdue`` open notices past their deadline (one closed since, one reissued
    since) and ``vehicles`` buses, two staff members and a unit not inspected."""
    rows = [_overdue_row(n) for n in range(1, overdue + 1)]
    rows[:2] = [_overdue_row(1, NoticeStatus.CLOSED, date(2026, 12, 5)),
                _overdue_row(2, NoticeStatus.REISSUED, date(2026, 12, 2))][:overdue]
    uncovered = (*(_vehicle(n) for n in range(1, vehicles + 1)),
                 UncoveredSubject(kind=SubjectKind.STAFF, code="BJ0059", name="董杰", unit_name="第一公交总站"),
                 UncoveredSubject(kind=SubjectKind.STAFF, code="D30036", name="吕军", unit_name="第二公交总站"),
                 UncoveredSubject(kind=SubjectKind.UNIT, code="C02", name="洁美物业保洁公司",
                                  unit_name="洁美物业保洁公司"))
    coverage = (CoverageRow(kind=SubjectKind.VEHICLE, covered=3, population=3 + vehicles),
                CoverageRow(kind=SubjectKind.STAFF, covered=5, population=7),
                CoverageRow(kind=SubjectKind.UNIT, covered=2, population=3))
    return monthly_report(MonthlyFacts(
        month="2026-11", scope_name="全部单位", as_of=date(2026, 11, 30),
        generated_at=datetime(2026, 12, 6, 8, 30, tzinfo=CST), notices=tuple(rows), coverage=coverage,
        uncovered=uncovered))


def test_an_overdue_notice_says_what_became_of_it() -> None:
    report = with_lists(3, 0)
    assert [current_state(notice) for notice in report.overdue_notices] == [
        "已关闭（12-05）", "已重新下发（12-02）", "仍未关闭"]  # 59, 58 and 57 days overdue
    superseded = report.overdue_notices[0].model_copy(update={"status": NoticeStatus.SUPERSEDED})
    assert current_state(superseded) == "已更正重发（12-05）"


@POPPLER
def test_overdue_notices_and_the_subjects_left_are_listed(tmp_path: Path) -> None:
    report = with_lists(4, 5)
    flat = "".join(_pdf_text_of(render_monthly_report(report), tmp_path).split())
    # the coverage table's 未检 column and the target under it
    assert "对象类别已检查登记总数未检覆盖率" in flat and "车辆385" in flat and "人员572" in flat
    assert "目标覆盖率100%，尚有8个对象本月未检，名单见附表。" in flat
    # the overdue notices, the longest overdue first, days in the table, today's state
    table = flat.index("逾期未整改通知单（截至2026年11月30日，共4份）")
    assert table > flat.index("（五）整改通知")
    assert "通知单编号责任单位下发日期整改期限逾期天数目前" in flat
    assert ("ZG-2026-11-0001第二公交总站2026-10-012026-10-0259天已关闭（12-05）"
            "ZG-2026-11-0002第一公交总站2026-10-012026-10-0358天已重新下发（12-02）") in flat
    assert "ZG-2026-11-0004第一公交总站2026-10-012026-10-0556天仍未关闭" in flat
    assert "其余" not in flat
    # the appendix at the end, by kind; a unit is not written as its own unit
    appendix = flat.index("附表：本月未检对象")
    assert appendix > table and flat.index("车辆（5个）", appendix) < flat.index("人员（2个）", appendix) \
        < flat.index("单位（1个）", appendix)
    for entry in ("1-0001粤A00001（第一公交总站）", "1-0005粤A00005（第一公交总站）", "BJ0059董杰（第一公交总站）",
                  "D30036吕军（第二公交总站）"):
        assert entry in flat[appendix:], entry
    assert "C02洁美物业保洁公司" in flat[appendix:] and "C02洁美物业保洁公司（" not in flat[appendix:]


@POPPLER
def test_long_lists_are_capped_and_point_to_the_workbook(tmp_path: Path) -> None:
    report = with_lists(OVERDUE_SHOWN + 3, UNCOVERED_SHOWN + 7)
    flat = "".join(_pdf_text_of(render_monthly_report(report), tmp_path).split())
    shown = [n for n in range(1, OVERDUE_SHOWN + 4) if f"ZG-2026-11-{n:04d}" in flat]
    assert shown == list(range(1, OVERDUE_SHOWN + 1))  # the longest overdue ones
    assert "其余3份见月度报表（.xlsx）的“逾期通知单”表。" in flat
    appendix = flat[flat.index("附表：本月未检对象"):]
    assert f"车辆（{UNCOVERED_SHOWN + 7}个）" in appendix
    vehicles = [n for n in range(1, UNCOVERED_SHOWN + 8) if f"1-{n:04d}粤A{n:05d}" in appendix]
    assert vehicles == list(range(1, UNCOVERED_SHOWN + 1))
    assert "其余7个见月度报表（.xlsx）的“未检对象”表。" in appendix
    assert appendix.count("其余") == 1 and "BJ0059董杰" in appendix  # the short kinds are whole


@POPPLER
def test_nothing_left_shows_full_coverage_and_no_appendix_or_overdue_table(tmp_path: Path) -> None:
    report = monthly_report(MonthlyFacts(
        month="2026-11", scope_name="全部单位", as_of=date(2026, 11, 30),
        generated_at=datetime(2026, 12, 6, 8, 30, tzinfo=CST),
        coverage=(CoverageRow(kind=SubjectKind.VEHICLE, covered=3, population=3),)))
    flat = "".join(_pdf_text_of(render_monthly_report(report), tmp_path).split())
    assert "目标覆盖率100%，本月已实现全覆盖。" in flat
    assert "附表" not in flat and "逾期未整改通知单" not in flat and "其余" not in flat
    # a month with gaps in coverage but the list not given says so without pointing to an appendix
    gaps = "".join(_pdf_text_of(render_monthly_report(november()), tmp_path).split())
    assert "尚有46个对象本月未检。" in gaps and "附表" not in gaps
