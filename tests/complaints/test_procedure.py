"""The complaint procedure and its limits, from the regulation (F2·2 「公交服务质量监督管理规范」,
F2·1 for rural routes; quotes in shared/research/seeds-digest.md §2.13)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.complaints import ComplaintFlag, ComplaintStatus, EventKind
from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.users import Role, User
from tests.complaints.world import NAME, PHONE, add_case, complaint_world
from tests.notice_world import CST


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path):  # type: ignore[no-untyped-def]
    return complaint_world(context, users, tmp_path)


def _rows(context: AppContext) -> tuple[int, int, int]:
    db = context.db
    return tuple(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[return-value]
                 for table in ("complaints", "complaint_events", "audit_log"))


def test_ordinary_complaint_has_48_hours(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """「一般性投诉不超过48小时」."""
    case = add_case(context, world)
    assert case.number == "TS-2026-11-0001"
    assert case.due_at == datetime(2026, 11, 18, 9, 30, tzinfo=CST)
    assert case.status is ComplaintStatus.RECEIVED
    world.clock.now += timedelta(hours=37)
    assert ComplaintFlag.DUE_SOON in context.complaints.flags(case)
    world.clock.now += timedelta(hours=11, minutes=1)
    assert ComplaintFlag.OVERDUE in context.complaints.flags(case)
    assert [c.number for c in context.complaints.list(world.office, flag=ComplaintFlag.OVERDUE)] == [case.number]


def test_major_complaint_72_hours_cross_a_weekend(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """「重大投诉不超过72小时」: the hours run over Saturday and Sunday (Friday 10:00 → Monday 10:00)."""
    world.clock.now = datetime(2026, 11, 20, 10, 0, tzinfo=CST)  # a Friday
    case = add_case(context, world, major=True, event_at=None)
    assert case.due_at == datetime(2026, 11, 23, 10, 0, tzinfo=CST)
    assert ComplaintFlag.REPORT_TO_LEADER in context.complaints.flags(case)  # 「凡受理重大事件……报告」
    world.clock.now = datetime(2026, 11, 23, 9, 59, tzinfo=CST)
    assert ComplaintFlag.OVERDUE not in context.complaints.flags(case)
    world.clock.now = datetime(2026, 11, 23, 10, 1, tzinfo=CST)
    assert ComplaintFlag.OVERDUE in context.complaints.flags(case)


def test_rural_route_seven_working_days_across_national_day(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """F2·1: 「在7个工作日内答复处理」. 2026-09-29 (Tue) + 7 working days skips the National Day holiday
    (10-01…10-07, chinese-calendar) and counts the make-up Saturday 10-10: due at the end of 10-14."""
    world.clock.now = datetime(2026, 9, 29, 10, 0, tzinfo=CST)
    case = add_case(context, world, rural=True, event_at=None)
    assert case.due_at == datetime(2026, 10, 14, 23, 59, 59, tzinfo=CST)
    world.clock.now = datetime(2026, 10, 14, 20, 0, tzinfo=CST)
    assert ComplaintFlag.DUE_SOON in context.complaints.flags(case)
    world.clock.now = datetime(2026, 10, 15, 0, 0, 1, tzinfo=CST)
    assert ComplaintFlag.OVERDUE in context.complaints.flags(case)


def test_department_feedback_within_24_hours(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """「相关部门及总站要在24小时内,将处置过程和结果……反馈给安全服务监察部」."""
    case = add_case(context, world)
    assert case.department_due_at == datetime(2026, 11, 17, 9, 30, tzinfo=CST)
    world.clock.now += timedelta(hours=24, minutes=1)
    assert ComplaintFlag.DEPARTMENT_OVERDUE in context.complaints.flags(case)
    context.complaints.investigate(world.office, case.id, notes="调取车载视频")
    resolved, _ = context.complaints.resolve(world.office, case.id, liability="not_liable", measures="解释说明")
    assert ComplaintFlag.DEPARTMENT_OVERDUE not in context.complaints.flags(resolved)


def test_limits_are_settings(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    limits = context.settings.get().complaints.model_copy(update={"ordinary_hours": 24})
    context.settings.update(world.office, complaints=limits)
    case = add_case(context, world)
    assert case.due_at == world.clock.now + timedelta(hours=24)


def test_extension_needs_a_written_reason(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """「无法结案或需延长时间必须说明理由」."""
    case = add_case(context, world, major=True)
    later = case.due_at + timedelta(hours=48)
    before = _rows(context)
    with pytest.raises(ValidationError) as refused:
        context.complaints.extend(world.office, case.id, due_at=later, reason="  ")
    assert refused.value.code == "complaint_extension_reason" and _rows(context) == before
    extended, _ = context.complaints.extend(world.office, case.id, due_at=later, reason="当事人休假，待返岗后询问")
    assert extended.due_at == later and extended.extended
    assert extended.events[-1].data["reason"] == "当事人休假，待返岗后询问"


def test_full_procedure_closes_with_audit_for_every_step(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    case = add_case(context, world)
    office = world.office
    context.complaints.investigate(office, case.id, notes="询问笔录：乘客称……", statement="本人当时未注意乘客")
    context.complaints.resolve(office, case.id, liability="liable", measures="批评教育，扣考核分", apology=True)
    context.complaints.feedback(office, case.id, opinion="satisfied", note="电话回访")
    closed, _ = context.complaints.close(office, case.id)
    assert closed.status is ComplaintStatus.CLOSED and closed.closed_at is not None
    assert [event.kind for event in closed.events] == [
        EventKind.INTAKE, EventKind.INVESTIGATION, EventKind.RESULT, EventKind.FEEDBACK, EventKind.CLOSED]
    actions = [row[0] for row in context.db.execute(
        "SELECT action FROM audit_log WHERE entity = 'complaint' AND entity_id = ? ORDER BY id", [case.id])]
    assert actions == ["complaint.add", "complaint.investigation", "complaint.result", "complaint.feedback",
                       "complaint.closed"]
    audit = b"".join(row[0].encode() for row in context.db.execute("SELECT after FROM audit_log"))
    assert PHONE.encode() not in audit and NAME.encode() not in audit


def test_unsatisfied_feedback_reopens_for_a_second_remedy(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """F1·1: 「对那些不满意事故处理结果的用户要采取“二次补救”措施」."""
    case = add_case(context, world)
    office = world.office
    context.complaints.investigate(office, case.id, notes="first")
    context.complaints.resolve(office, case.id, liability="not_liable", measures="解释")
    world.clock.now += timedelta(hours=10)
    reopened, _ = context.complaints.feedback(office, case.id, opinion="unsatisfied")
    assert reopened.status is ComplaintStatus.INVESTIGATING and reopened.round == 2
    assert reopened.due_at == world.clock.now + timedelta(hours=48)
    assert ComplaintFlag.SECOND_REMEDY in context.complaints.flags(reopened)
    with pytest.raises(Conflict) as refused:  # the new round needs its own investigation
        context.complaints.resolve(office, case.id, liability="liable", measures="再处理")
    assert refused.value.code == "complaint_result_without_investigation"
    with pytest.raises(Conflict):
        context.complaints.close(office, case.id)
    context.complaints.investigate(office, case.id, notes="second")
    context.complaints.resolve(office, case.id, liability="liable", measures="当面道歉", apology=True)
    context.complaints.feedback(office, case.id, opinion="basically")
    closed, _ = context.complaints.close(office, case.id)
    assert closed.status is ComplaintStatus.CLOSED and closed.round == 2


def test_enquiry_answered_on_the_spot_closes_at_once(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """「一般咨询由值班人员即时解答」."""
    case = add_case(context, world, kind="enquiry", severity=None, behaviour=None, channel="phone", order_no="",
                    vehicle="", answered="告知首末班时间")
    assert case.status is ComplaintStatus.CLOSED
    assert [event.kind for event in case.events] == [EventKind.INTAKE, EventKind.ANSWERED_ON_SPOT]
    with pytest.raises(Conflict):
        add_case(context, world, answered="不是咨询")


@pytest.mark.parametrize(("change", "code"), [
    ({"received_at": "future"}, "complaint_time_future"),
    ({"event_at": "future"}, "complaint_time_future"),
    ({"vehicle": "粤A12354"}, "complaint_vehicle_unknown"),
    ({"vehicle": "", "staff": "D0132"}, "complaint_staff_unknown"),
    ({"order_no": ""}, "complaint_order_no_required"),
    ({"behaviour": "abuse"}, "complaint_behaviour_severity"),
    ({"what": " "}, "complaint_what_required"),
    ({"phone": "call me"}, "complaint_phone_format"),
])
def test_bad_intake_saves_nothing(context: AppContext, world, change: dict, code: str) -> None:  # type: ignore[no-untyped-def]
    for key, value in change.items():
        if value == "future":
            change[key] = world.clock.now + timedelta(minutes=5)
    before = _rows(context)
    with pytest.raises((ValidationError, NotFound)) as refused:
        add_case(context, world, **change)
    assert refused.value.code == code
    assert _rows(context) == before


def test_unknown_plate_offers_the_closest(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound) as refused:
        add_case(context, world, vehicle="粤A12354")
    assert "粤A·12345" in refused.value.params["matches"] or "粤A12345" in refused.value.params["matches"]
    with pytest.raises(NotFound) as refused:
        add_case(context, world, vehicle="", staff="D0132")
    assert refused.value.params["matches"] == "D0123"


def test_out_of_order_steps_save_nothing(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    case = add_case(context, world)
    before = _rows(context)
    with pytest.raises(Conflict) as refused:
        context.complaints.resolve(world.office, case.id, liability="liable", measures="x")
    assert refused.value.code == "complaint_result_without_investigation"
    with pytest.raises(Conflict) as refused:
        context.complaints.close(world.office, case.id)
    assert refused.value.code == "complaint_close_without_feedback"
    with pytest.raises(Conflict) as refused:
        context.complaints.feedback(world.office, case.id, opinion="satisfied")
    assert refused.value.code == "complaint_feedback_without_result"
    assert _rows(context) == before
    assert context.complaints.get(world.office, case.id).status is ComplaintStatus.RECEIVED


def test_events_are_append_only(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    case = add_case(context, world)
    for statement in ("UPDATE complaint_events SET kind = 'closed'", "DELETE FROM complaint_events",
                      "UPDATE complaints SET what = 'x'"):
        with pytest.raises(sqlite3.DatabaseError):
            context.db.execute(statement)
    assert context.complaints.get(world.office, case.id).events[0].kind is EventKind.INTAKE


def test_only_the_office_handles_complaints(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    case = add_case(context, world)
    for who in (world.sup, world.manager, world.admin):
        with pytest.raises(PermissionDenied):
            context.complaints.investigate(who, case.id, notes="x")
        with pytest.raises(PermissionDenied):
            context.complaints.add(who, channel="phone", kind="suggestion", received_at=world.clock.now, what="x")


def test_a_manager_reads_only_their_units(context: AppContext, world, admin: User) -> None:  # type: ignore[no-untyped-def]
    from inspector.domain.registry import RegistryKind

    case = add_case(context, world)
    other, _ = context.registry.add(world.office, RegistryKind.UNITS, {"code": "D02", "name": "第二总站"})
    mine, _ = context.users.create(admin, username="mgrd01", display_name="赵", role=Role.MANAGER,
                                   password="secret-pass", unit_id=world.unit_id)
    theirs, _ = context.users.create(admin, username="mgrd02", display_name="钱", role=Role.MANAGER,
                                     password="secret-pass", unit_id=other.id)
    assert [c.number for c in context.complaints.list(mine)] == [case.number]
    assert context.complaints.list(theirs) == []
    with pytest.raises(PermissionDenied):
        context.complaints.get(theirs, case.id)
    seen = context.complaints.get(mine, case.id).intake
    assert (seen.complainant_phone, seen.complainant_name) == ("138****1234", "王**")


def test_a_limit_out_of_range_is_refused(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    limits = context.settings.get().complaints.model_dump()
    with pytest.raises(ValidationError) as refused:
        context.settings.update(world.office, complaints={**limits, "major_hours": 0})
    assert refused.value.code == "setting_invalid" and "major_hours" in refused.value.params["field"]
    with pytest.raises(PermissionDenied):
        context.settings.update(world.manager, complaints={**limits, "major_hours": 96})
    assert context.settings.get().complaints.major_hours == 72


def test_check_finds_a_state_edited_by_hand(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="x")
    report = context.integrity.check()
    assert report.ok and report.complaints_checked == 1
    context.db.execute("UPDATE complaint_state SET status = 'closed', closed_at = ? WHERE complaint_id = ?",
                       [world.clock.now.isoformat(), case.id])
    context.db.conn.commit()
    report = context.integrity.check()
    assert not report.ok
    assert report.complaints == [f"complaint {case.number}: where it stands (status, closed_at) is not what its"
                                 " steps say (was complaint_state edited by hand?)"]
    assert "complaints: 1 checked, CHANGED" in report.lines()
