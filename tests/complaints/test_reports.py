"""The hotline weekly and monthly reports (F2·2 「公交12319服务热线管理办法」 十: 「安全服务监察部定期对
受理、回复及办理情况进行统计分析，对带共性的问题提出工作建议，以周报形式报公司领导作为决策参考，以月报
形式送相关职能部门和总站了解动态」), over a hand-built week whose every figure is known.

The limits: 「一般性投诉不超过48小时;重大投诉不超过72小时」 — case B closes 50 h after intake (late
against 48 h), case C, a major one, 51 h after (on time against 72 h), case D, major, 73 h after
(late against 72 h).
"""

from __future__ import annotations

import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.complaint_reports import week_range
from inspector.domain.errors import PermissionDenied, ValidationError
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from tests.complaints.world import NAME, PHONE, add_case, complaint_world
from tests.notice_world import CST
from tests.pdf import decompressed

SECOND_PHONE = "139 0000 1111"  # the same number as 13900001111, written with spaces
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=CST)  # Monday after week 47


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=CST)


def _close(context: AppContext, world, case, at: datetime, *, liable: bool = True,  # type: ignore[no-untyped-def]
           opinion: str = "satisfied") -> None:
    world.clock.now = at
    office = world.office
    context.complaints.investigate(office, case.id, notes="询问笔录：司机承认")
    context.complaints.resolve(office, case.id, liability="liable" if liable else "not_liable", measures="批评教育")
    context.complaints.feedback(office, case.id, opinion=opinion)
    context.complaints.close(office, case.id)


def _add(context: AppContext, world, at: datetime, **values: object):  # type: ignore[no-untyped-def]
    world.clock.now = at
    return add_case(context, world, received_at=at, event_at=None, **values)


@pytest.fixture
def week(context: AppContext, users: dict[Role, User], tmp_path: Path):  # type: ignore[no-untyped-def]
    """Week 2026-W47 (Mon 11-16 … Sun 11-22) with seven cases, one the Sunday before, one the
    Monday after; the clock then stands at Monday 11-23 10:00."""
    world = complaint_world(context, users, tmp_path)
    none = {"phone": "", "name": ""}
    h = _add(context, world, _at(15, 23, 30), phone=PHONE)  # last week, still open: the backlog
    a = _add(context, world, _at(16, 9), staff="D0123", phone=PHONE)
    b = _add(context, world, _at(16, 10), channel="phone", behaviour="inattentive", phone=PHONE)
    c = _add(context, world, _at(17, 9), channel="letter", vehicle="", staff="D0123", major=True, severity="serious",
             behaviour="abuse", phone=SECOND_PHONE)
    _close(context, world, a, _at(17, 9))  # 24 h: on time
    d = _add(context, world, _at(18, 9), channel="website", major=True, phone="13900001111")
    _close(context, world, b, _at(18, 12), liable=False)  # 50 h against 48 h: late
    _close(context, world, c, _at(19, 12))  # 51 h against 72 h: on time
    _add(context, world, _at(20, 10), channel="visit", kind="suggestion", severity=None, behaviour=None, vehicle="",
         what="建议增加夜班车", **none)  # open, due 11-22 10:00: overdue 24 h on Monday 10:00
    _close(context, world, d, _at(21, 10), liable=False, opinion="basically")  # 73 h against 72 h: late
    g = _add(context, world, _at(22, 9), **none)  # open, due 11-24 09:00: in time
    world.clock.now = _at(22, 10)
    context.complaints.investigate(world.office, g.id, notes="已联系总站")
    _add(context, world, _at(22, 20), channel="comment_book", kind="enquiry", severity=None, behaviour=None,
         vehicle="", what="首班车几点", answered="6:00", **none)  # answered on the spot: closed at once
    _add(context, world, _at(23, 0, 30), **none)  # next week
    world.clock.now = NOW
    return world, h


def _counts(lines) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {line.key: line.count for line in lines}


def test_every_count_of_the_week(context: AppContext, week) -> None:  # type: ignore[no-untyped-def]
    world, _ = week
    report = context.complaint_reports.weekly(world.office, "2026-W47")
    assert (report.first_day, report.last_day) == (date(2026, 11, 16), date(2026, 11, 22))
    assert (report.total, report.previous_total, report.major, report.urgent) == (7, 1, 2, 0)
    assert _counts(report.by_channel) == {"hotline_12319": 2, "phone": 1, "letter": 1, "visit": 1, "website": 1,
                                          "comment_book": 1, "survey": 0}
    assert _counts(report.by_kind) == {"enquiry": 1, "complaint": 5, "report": 0, "suggestion": 1}
    assert _counts(report.by_severity) == {"general": 4, "serious": 1}
    assert _counts(report.by_route) == {"8": 4}  # the bus's route; C was about a staff member alone
    assert [(line.key, line.name, line.count) for line in report.by_unit] == [("D01", "第一公交总站", 5)]
    assert [(line.key, line.name, line.count) for line in report.by_staff] == [("D0123", "李师傅", 2)]
    assert [(line.behaviour.value, line.count) for line in report.behaviours] == [
        ("nonstandard", 3), ("inattentive", 1), ("abuse", 1)]
    assert report.behaviours[0].suggestion and report.behaviours[2].severity.value == "serious"
    assert (report.liable, report.not_liable, report.satisfied, report.basically, report.unsatisfied) == (2, 2, 3, 1, 0)
    assert [(line.key, line.count) for line in report.repeat_staff] == [("D0123", 2)]
    assert [(person.masked_phone, person.count) for person in report.repeat_complainants] == [
        ("138****1234", 2), ("139****1111", 2)]


def test_on_time_and_late_against_48_and_72_hours(context: AppContext, week) -> None:  # type: ignore[no-untyped-def]
    """A (24 h) and the enquiry on time, B (50 h > 48 h) late; C major (51 h ≤ 72 h) on time, D
    major (73 h > 72 h) late; the suggestion open past its 48 h, G open within them."""
    world, _ = week
    report = context.complaint_reports.weekly(world.office, "2026-W47")
    ordinary, major, every = report.ordinary_limits, report.major_limits, report.limits
    assert (ordinary.closed_on_time, ordinary.closed_late, ordinary.open_in_time, ordinary.open_overdue) == (2, 1, 1, 1)
    assert (major.closed_on_time, major.closed_late, major.open_in_time, major.open_overdue) == (1, 1, 0, 0)
    assert (every.closed, every.closed_on_time, every.open_overdue) == (5, 3, 1)
    assert every.on_time_rate == pytest.approx(3 / 6)  # on time ÷ (closed + open overdue)
    assert ordinary.on_time_rate == pytest.approx(2 / 4) and major.on_time_rate == pytest.approx(1 / 2)
    assert (report.ordinary_hours, report.major_hours) == (48, 72)


def test_open_cases_are_listed_overdue_first_with_the_backlog(context: AppContext, week) -> None:  # type: ignore[no-untyped-def]
    world, backlog = week
    report = context.complaint_reports.weekly(world.office, "2026-W47")
    listed = [(case.number, case.hours_overdue) for case in report.open_cases]
    # H (received 11-15 23:30, due 11-17 23:30) 130 h late; the suggestion 24 h; G in time. The
    # case of 11-23 was received after the week and is not listed.
    assert listed[0] == (backlog.number, 130)
    assert [hours for _, hours in listed] == [130, 24, 0]


def test_the_month_counts_the_whole_month(context: AppContext, week) -> None:  # type: ignore[no-untyped-def]
    world, _ = week
    report = context.complaint_reports.monthly(world.office, "2026-11")
    assert (report.total, report.previous_total, report.period_text) == (9, 0, "2026年11月")
    assert len(report.open_cases) == 4  # H, the suggestion, G and the case of 11-23
    monthly = context.reports.monthly(world.office, "2026-11")  # the monthly report's complaints section
    assert monthly.complaints is not None and monthly.complaints.total == 9


def test_a_unit_scope_counts_only_its_cases(context: AppContext, week) -> None:  # type: ignore[no-untyped-def]
    world, _ = week
    report = context.complaint_reports.weekly(world.office, "2026-W47", world.unit_id)
    assert report.scope_name == "第一公交总站"
    assert report.total == 5  # the suggestion and the enquiry have no unit


def test_a_case_received_late_sunday_in_utc_falls_in_its_local_week(context: AppContext, week) -> None:  # type: ignore[no-untyped-def]
    """Stored times carry their own offset: 2026-11-22T16:30Z is Monday 00:30 in +08:00."""
    world, _ = week
    _add(context, world, datetime.fromisoformat("2026-11-22T16:30:00+00:00"), phone="")
    world.clock.now = NOW
    assert context.complaint_reports.weekly(world.office, "2026-W47").total == 7
    assert context.complaint_reports.weekly(world.office, "2026-W48").total == 2


@pytest.mark.parametrize("text", ["2026-W54", "2026-W00", "2026-47", "2026W47", "W47", "2026-W4", ""])
def test_a_bad_week_is_refused(context: AppContext, week, text: str) -> None:  # type: ignore[no-untyped-def]
    world, _ = week
    with pytest.raises(ValidationError) as raised:
        context.complaint_reports.weekly(world.office, text)
    assert raised.value.code == "report_week_format"


def test_week_53_exists_only_in_long_years() -> None:
    assert week_range("2026-W53") == (date(2026, 12, 28), date(2027, 1, 4))  # 2026 has 53 ISO weeks
    with pytest.raises(ValueError):
        week_range("2027-W53")


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-11", "2026-1", "november"])
def test_a_bad_month_is_refused(context: AppContext, week, text: str) -> None:  # type: ignore[no-untyped-def]
    world, _ = week
    with pytest.raises(ValidationError) as raised:
        context.complaint_reports.monthly(world.office, text)
    assert raised.value.code == "report_month_format"


def test_a_reader_without_reports_is_refused(context: AppContext, week, users: dict[Role, User]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        context.complaint_reports.weekly(users[Role.SUPERVISOR], "2026-W47")


# --- privacy: the raw bytes of every file -------------------------------------------------------------

FORBIDDEN = (PHONE, SECOND_PHONE, "13900001111", NAME, "0000 1111")


def _xlsx_text(path: Path) -> bytes:
    with zipfile.ZipFile(path) as book:
        return b"".join(book.read(name) for name in book.namelist())


def _pdf_text(path: Path) -> str:
    """pdftotext must be installed: the test fails, never skips, without it."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.parametrize("kind", ["weekly", "monthly-report"])
def test_no_complainant_in_the_files(context: AppContext, week, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    """「投诉人的姓名和电话」 stay in the office's register: the PDF (its text and its raw, inflated
    bytes) and the workbook (every part of the zip) carry the masked number, never the number."""
    world, _ = week
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    if kind == "weekly":
        for path in (pdf, xlsx):
            context.complaint_reports.export(world.office, "weekly", "2026-W47", None, path)
    else:
        context.reports.export_pdf(world.office, "2026-11", None, pdf)
        context.reports.export_xlsx(world.office, "2026-11", None, xlsx)
    shown = _pdf_text(pdf)
    raw = pdf.read_bytes() + decompressed(pdf.read_bytes())
    book = _xlsx_text(xlsx)
    assert "138****1234" in shown and b"138****1234" in book  # the masked number is there
    assert "李师傅" in shown  # the staff member complained about is named (repeat staff)
    for secret in FORBIDDEN:
        assert secret not in shown, secret
        assert secret not in shown.replace(" ", ""), secret
        assert secret.encode() not in raw, secret
        assert secret.encode("utf-16-be") not in raw, secret
        assert secret.encode() not in book, secret


def test_a_manager_gets_their_own_unit_only(context: AppContext, week, users: dict[Role, User]) -> None:  # type: ignore[no-untyped-def]
    """「经理只看本单位的投诉」: the weekly report of a manager is their unit's; another unit is refused,
    and the monthly report of every unit leaves the complaints out for them."""
    world, _ = week
    manager, _ = context.users.update(world.admin, world.manager.id, display_name="孙站长", role=Role.MANAGER,
                                      active=True, unit_id=world.unit_id)
    report = context.complaint_reports.weekly(manager, "2026-W47")
    assert (report.scope_name, report.total) == ("第一公交总站", 5)
    other, _ = context.registry.add(world.office, RegistryKind.UNITS, {"code": "D09", "name": "第九总站"})
    with pytest.raises(PermissionDenied):
        context.complaint_reports.weekly(manager, "2026-W47", other.id)
    assert context.reports.monthly(manager, "2026-11").complaints is None
    assert context.reports.monthly(manager, "2026-11", world.unit_id).complaints.total == 7
    assert context.reports.monthly(world.office, "2026-11").complaints.total == 9


def test_the_limits_printed_are_the_settings(context: AppContext, week) -> None:  # type: ignore[no-untyped-def]
    """The limits are settings: a 24 h limit set before intake makes a case closed after 30 h late."""
    world, _ = week
    limits = context.settings.get().complaints.model_copy(update={"ordinary_hours": 24})
    context.settings.update(world.office, complaints=limits)
    case = _add(context, world, datetime(2026, 11, 30, 9, 0, tzinfo=CST), phone="")
    _close(context, world, case, datetime(2026, 12, 1, 15, 0, tzinfo=CST))
    world.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=CST)
    report = context.complaint_reports.weekly(world.office, "2026-W49")
    assert report.ordinary_hours == 24
    assert (report.limits.closed_on_time, report.limits.closed_late) == (0, 1)
