"""The monthly report over a real database: a small November 2026 built through the services,
every figure computed by hand; the role check, the unit scope, and no inspector named."""

from __future__ import annotations

import dataclasses
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.changes import Entity
from inspector.domain.errors import NotFound, PermissionDenied, ValidationError
from inspector.domain.inspections import InspectionMode, SubjectRef
from inspector.domain.notices import FollowUpItemResult, FollowUpResult
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import SubjectKind
from inspector.domain.users import Role, User
from inspector.services.reports import REMARKS_LIMIT
from tests.notice_world import CST, NoticeWorld, completed_inspection, jpeg, make_world
from tests.pdf import have


@dataclasses.dataclass
class ReportMonth:
    world: NoticeWorld
    second_unit_id: int
    notice_number: str


def build_month(context: AppContext, users: dict[Role, User], folder: Path) -> ReportMonth:
    """Checklist N1 (deduction from 100: N1-1 −5, N1-2 −3, N1-3 −10 serious, N1-4 −5):

    - A  D01 bus 1, onsite, 2026-10-20, fails N1-1          → 95   (last month)
    - B  D01 bus 1, onsite, 2026-11-16, fails N1-1, N1-3    → 85   notice issued 11-16, closed 11-18
    - C  D01 bus 1, covert, 2026-11-10, fails N1-2          → 97
    - D  D02 bus 2, onsite, 2026-11-12, fails nothing       → 100
    """
    world = make_world(context, users, folder)
    office = world.office
    second, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D02", "name": "第二公交总站",
                                                                 "head_name": "钱立新"})
    bus, _ = context.registry.add(office, RegistryKind.VEHICLES,
                                  {"plate": "粤A67890", "fleet_no": "2-0101", "route": "12", "unit_id": second.id})
    other = dataclasses.replace(world, vehicle=SubjectRef(kind=SubjectKind.VEHICLE, id=bus.id))
    completed_inspection(context, world, fails=("N1-1",), seed=1, observed_at=datetime(2026, 10, 20, 9, 0, tzinfo=CST))
    b = completed_inspection(context, world, fails=("N1-1", "N1-3"), seed=2)
    completed_inspection(context, world, mode=InspectionMode.COVERT, fails=("N1-2",), seed=3,
                         observed_at=datetime(2026, 11, 10, 20, 0, tzinfo=CST))
    completed_inspection(context, other, fails=(), seed=4, observed_at=datetime(2026, 11, 12, 8, 0, tzinfo=CST))
    notice, _ = context.notices.issue(office, context.notices.drafts(office, b.id, every_open=True)[0])
    world.clock.now = datetime(2026, 11, 18, 10, 0, tzinfo=CST)
    context.followups.record_followup(world.sup, notice.id, [
        FollowUpItemResult(position=item.position, result=FollowUpResult.PASS)
        for item in context.notices.items(office, notice.id)])
    world.clock.now = datetime(2026, 12, 2, 9, 0, tzinfo=CST)  # the report is made after the month
    return ReportMonth(world=world, second_unit_id=second.id, notice_number=notice.number)


@pytest.fixture
def month(context: AppContext, users: dict[Role, User], tmp_path: Path) -> ReportMonth:
    return build_month(context, users, tmp_path)


def test_every_figure_of_the_month(context: AppContext, month: ReportMonth) -> None:
    report = context.reports.monthly(month.world.manager, "2026-11")
    assert (report.first_day, report.last_day, report.as_of) == (date(2026, 11, 1), date(2026, 11, 30),
                                                                date(2026, 11, 30))
    assert report.scope_name == "全部单位"
    # B and D onsite, C covert; A is October
    assert [(line.mode.value, line.count) for line in report.modes] == [("onsite", 2), ("covert", 1),
                                                                        ("walkaround", 0)]
    assert report.inspections_total == 3
    # both buses inspected in November: 2 / 2; the only checklist (N1) inspects vehicles, so no other
    # kind is a row (the units were a row of 0 / 2 before #13.5: no checklist inspects a unit)
    coverage = {line.kind.value: (line.covered, line.population, line.rate) for line in report.coverage}
    assert coverage == {"vehicle": (2, 2, 1.0)}
    # nothing is left to reach 100 %
    assert report.uncovered == ()
    # B 4 answered, 2 passed; C 4, 3; D 4, 4 → 12 checked, 9 passed, 75 %
    assert (report.items_checked, report.items_passed, report.pass_rate) == (12, 9, 0.75)
    # section A: N1-1 (B) and N1-2 (C), general; section B: N1-3 (B), serious
    assert [(s.template_code, s.section_code, s.section_title, s.general, s.serious, s.total)
            for s in report.sections] == [("N1", "A", "车身外观", 2, 0, 2), ("N1", "B", "安全设施", 0, 1, 1)]
    assert (report.findings_total, report.serious_total) == (3, 1)
    # one notice (B's), N1-1 recurred (A, 27 days earlier); closed 11-18, deadline 3 working days
    # after Monday 11-16 = 11-19 → on time; 11-16 → 11-18 = 2 days; nothing overdue
    figures = report.notices
    assert (figures.issued, figures.recurred, figures.closed, figures.closed_on_time) == (1, 1, 1, 1)
    assert (figures.on_time_rate, figures.overdue, figures.average_days_to_close) == (1.0, 0, 2.0)
    assert report.overdue_notices == ()
    # N1-1 once this month (B) and once last month (A); N1-2 and N1-3 once each, new
    assert [(p.rank, p.item_code, p.text, p.count, p.last_month, p.change) for p in report.top_problems] == [
        (1, "N1-1", "车身无明显划痕", 1, 1, 0), (2, "N1-2", "车窗玻璃洁净", 1, 0, 1),
        (3, "N1-3", "灭火器在有效期内", 1, 0, 1)]
    # D02: 100 / 1 → 1.00; D01: (85 + 97) / 2 = 91 → 0.91, last month 95 → 0.95, change −0.04
    assert [(u.rank, u.code, u.inspections, u.average_score, u.last_month_rate) for u in report.unit_ranking] == [
        (1, "D02", 1, 100, None), (2, "D01", 2, 91, pytest.approx(0.95))]
    assert report.unit_ranking[1].average_rate == pytest.approx(0.91)
    assert report.unit_ranking[1].change == pytest.approx(-0.04)
    assert report.best_improver is None and report.worst_improver.code == "D01"  # no unit rose
    assert report.staff_ranking == ()  # buses have no responsible staff member
    trend = {line.unit_name: {p.month: p.average_rate for p in line.points if p.inspections} for line in report.trend}
    assert trend == {"第一公交总站": {"2026-10": pytest.approx(0.95), "2026-11": pytest.approx(0.91)},
                     "第二公交总站": {"2026-11": 1.0}}


def test_an_open_notice_past_its_deadline_is_listed_as_overdue(
        context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    world = make_world(context, users, tmp_path)
    inspection = completed_inspection(context, world, fails=("N1-1",), seed=2)
    notice, _ = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    world.clock.now = datetime(2026, 12, 2, 9, 0, tzinfo=CST)
    report = context.reports.monthly(world.manager, "2026-11")
    # issued Monday 11-16, general problem: 5 working days → 11-23; open on 11-30 → 7 days overdue
    assert [(n.number, n.unit_name, n.deadline, n.days_overdue, n.status.value, n.ended_on)
            for n in report.overdue_notices] == [
        (notice.number, "第一公交总站", date(2026, 11, 23), 7, "issued", None)]
    assert report.notices.overdue == 1
    # the vehicle was inspected: nothing is left (no checklist inspects the unit itself)
    assert report.uncovered == ()


def test_one_unit_only(context: AppContext, month: ReportMonth) -> None:
    report = context.reports.monthly(month.world.office, "2026-11", month.second_unit_id)
    assert report.scope_name == "第二公交总站"
    # D alone: onsite 1; its one bus of 1 covered; 4 of 4 passed; no findings, no notices
    assert report.inspections_total == 1 and report.modes[0].count == 1
    assert [(line.kind.value, line.covered, line.population) for line in report.coverage][:1] == [("vehicle", 1, 1)]
    assert (report.items_checked, report.items_passed, report.findings_total) == (4, 4, 0)
    assert report.notices.issued == 0 and report.top_problems == ()
    assert [u.code for u in report.unit_ranking] == ["D02"]


def test_last_month_is_the_report_of_october(context: AppContext, month: ReportMonth) -> None:
    report = context.reports.monthly(month.world.admin, "2026-10")
    # only A: onsite, 4 answered, 3 passed; N1-1 once; D01 95
    assert report.inspections_total == 1 and (report.items_checked, report.items_passed) == (4, 3)
    assert [(p.item_code, p.count, p.last_month) for p in report.top_problems] == [("N1-1", 1, 0)]
    assert [(u.code, u.average_score) for u in report.unit_ranking] == [("D01", 95)]
    assert report.notices.issued == 0  # B's notice was issued in November


def test_covert_inspections_name_no_inspector(context: AppContext, month: ReportMonth) -> None:
    text = context.reports.monthly(month.world.office, "2026-11").model_dump_json()
    supervisor = month.world.sup
    assert supervisor.username not in text and supervisor.display_name not in text


def test_roles_and_bad_input(context: AppContext, month: ReportMonth) -> None:
    with pytest.raises(PermissionDenied):
        context.reports.monthly(month.world.sup, "2026-11")
    with pytest.raises(ValidationError):
        context.reports.monthly(month.world.office, "2026-13")
    with pytest.raises(NotFound):
        context.reports.monthly(month.world.office, "2026-11", 999)


def test_typical_before_after_pairs_are_closed_serious_problems_with_both_photos(
        context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    world = make_world(context, users, tmp_path)
    office = world.office
    inspection = completed_inspection(context, world, fails=("N1-1", "N1-3"), seed=2)
    notice, _ = context.notices.issue(office, context.notices.drafts(office, inspection.id, every_open=True)[0])
    items = context.notices.items(office, notice.id)
    after = {item.position: context.photos.ingest(world.sup, jpeg(tmp_path, 900 + item.position)) for item in items}
    world.clock.now = datetime(2026, 11, 18, 10, 0, tzinfo=CST)
    context.followups.record_followup(world.sup, notice.id, [
        FollowUpItemResult(position=item.position, result=FollowUpResult.PASS, photo_ids=(after[item.position].id,))
        for item in items])
    world.clock.now = datetime(2026, 12, 2, 9, 0, tzinfo=CST)

    report = context.reports.monthly(world.manager, "2026-11")
    serious = next(item for item in items if item.item_code == "N1-3")
    answer = next(answer for answer in inspection.answers if answer.item_code == "N1-3")
    before_sha = context.db.execute("SELECT sha256 FROM photos WHERE id = ?", [answer.photo_ids[0]]).fetchone()[0]
    assert [(pair.notice_number, pair.item_code, pair.problem, pair.unit_name, pair.closed_on, pair.after)
            for pair in report.before_after] == [
        (notice.number, "N1-3", serious.problem, "第一公交总站", date(2026, 11, 18), after[serious.position].sha256)]
    pair = report.before_after[0]
    assert pair.before == before_sha != pair.after
    # N1-1 is general: its follow-up photo makes no pair; another month or unit has none
    assert context.reports.monthly(world.manager, "2026-10").before_after == ()
    paths = context.reports.photo_paths(report)
    assert set(paths) == {pair.before, pair.after} and all(path.is_file() for path in paths.values())

    target = tmp_path / "report.pdf"
    context.reports.export_pdf(world.manager, "2026-11", None, target)
    if have("pdftotext"):
        shown = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert "三、典型整改前后对比" in shown and "整改前" in shown and "整改后" in shown
        assert notice.number in shown


def test_a_notice_closed_without_follow_up_photos_makes_no_pair(context: AppContext, month: ReportMonth) -> None:
    assert context.reports.monthly(month.world.manager, "2026-11").before_after == ()


def test_the_office_writes_the_analysis_of_a_month_and_scope(context: AppContext, month: ReportMonth) -> None:
    office, manager = month.world.office, month.world.manager
    text = "一、车容车貌问题集中在车身划痕，建议各总站加强日常检查。\n二、暗访发现的服务用语问题纳入月度培训。"
    changes = context.reports.save_remarks(office, "2026-11", None, f"  {text}\n")
    assert changes.touches(Entity.REPORT)
    report = context.reports.monthly(manager, "2026-11")
    assert (report.remarks, report.remarks_by) == (text, office.display_name)
    assert report.remarks_at == datetime(2026, 12, 2, 9, 0, tzinfo=CST)
    # another scope and another month have their own text
    assert context.reports.monthly(manager, "2026-11", month.second_unit_id).remarks == ""
    assert context.reports.monthly(manager, "2026-10").remarks == ""
    context.reports.save_remarks(office, "2026-11", month.second_unit_id, "第二公交总站全部合格。")
    assert context.reports.monthly(manager, "2026-11", month.second_unit_id).remarks == "第二公交总站全部合格。"
    assert context.reports.monthly(manager, "2026-11").remarks == text
    # blank removes it
    context.reports.save_remarks(office, "2026-11", None, "   ")
    assert context.reports.monthly(manager, "2026-11").remarks == ""


def test_the_analysis_is_the_quality_offices_and_bounded(context: AppContext, month: ReportMonth) -> None:
    office = month.world.office
    context.reports.save_remarks(office, "2026-11", None, "原文")
    for user in (month.world.manager, month.world.sup, month.world.admin):
        with pytest.raises(PermissionDenied):
            context.reports.save_remarks(user, "2026-11", None, "改写")
    with pytest.raises(ValidationError) as raised:
        context.reports.save_remarks(office, "2026-11", None, "长" * (REMARKS_LIMIT + 1))
    assert raised.value.code == "report_remarks_too_long"
    with pytest.raises(ValidationError):
        context.reports.save_remarks(office, "2026-13", None, "改写")
    with pytest.raises(NotFound):
        context.reports.save_remarks(office, "2026-11", 999, "改写")
    assert context.reports.monthly(office, "2026-11").remarks == "原文"  # nothing changed


def test_the_analysis_goes_into_the_table_and_the_report(context: AppContext, month: ReportMonth,
                                                         tmp_path: Path) -> None:
    import openpyxl

    office = month.world.office
    context.reports.save_remarks(office, "2026-11", None, "车身划痕反复出现。\n\n建议：每日出车前检查车身。")
    table = tmp_path / "table.xlsx"
    context.reports.export_xlsx(office, "2026-11", None, table)
    book = openpyxl.load_workbook(table)
    assert list(book["分析意见"].iter_rows(min_row=2, values_only=True)) == [
        (1, "车身划痕反复出现。"), (2, "建议：每日出车前检查车身。")]
    summary = {row[0].value: row[1].value for row in book["概况"].iter_rows(min_row=2)}
    assert summary["分析意见撰写人"] == office.display_name
    assert summary["分析意见撰写时间"] == datetime(2026, 12, 2, 9, 0)
    target = tmp_path / "report.pdf"
    context.reports.export_pdf(office, "2026-11", None, target)
    if have("pdftotext"):
        shown = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        # no before/after pairs this month: part three is the complaints, the analysis part four
        assert "三、投诉与旅客意见" in shown
        assert "四、分析意见与改进建议" in shown and "建议：每日出车前检查车身。" in shown
        assert f"撰写：{office.display_name}" in shown
