"""Coverage against the registry of that month (#13.5).

The regulation (F2·1, 管理办法 10): 「公司根据服务质量承诺每月4日、14日组织检查,不定期派员跟踪暗访和
旅客询问调查形式,检查覆盖率达到100%。」 and (12(3)) 「服务质量管理小组落实专人每天对车容、车貌以及
驾乘人员服务情况进行检查、登记,检查面达到100%。……每月考核一次,对驾乘人员和生产管理人员进行评比」.
A month's coverage is measured against the vehicles, staff and places that were there that month:
what was registered after it or retired before it was never there to inspect, and a record that
was there on any day of the month counts for it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.errors import ValidationError
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind, ServicePeriod
from inspector.domain.templates import (
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role, User
from inspector.storage import templates_repo
from inspector.storage.transaction import write_transaction
from tests.notice_world import BODY, CST, NoticeWorld, make_world

VEHICLES = RegistryKind.VEHICLES
STAFF_BODY = TemplateBody(
    code="N2", title_zh="着装仪容及服务行为检查表", subject=SubjectKind.STAFF,
    sections=(TemplateSection(code="A", title_zh="着装仪容", items=(
        TemplateItem(code="N2-1", text_zh="按规定着工作服", deduct=5),
        TemplateItem(code="N2-2", text_zh="佩戴工号牌", deduct=5),
    )),),
)


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    made = make_world(context, users, tmp_path, now=datetime(2026, 12, 7, 9, 0, tzinfo=CST))
    # the world's bus is in service since before the months these tests look at
    context.registry.update(made.office, VEHICLES, made.vehicle.id, {}, active_from=date(2026, 1, 1))
    context.registry.update(made.office, RegistryKind.UNITS, made.unit_id, {}, active_from=date(2026, 1, 1))
    return made


def publish(context: AppContext, body: TemplateBody, month: str) -> int:
    with write_transaction(context.db):
        return templates_repo.insert_version(
            context.db, body, version=1, status=TemplateStatus.PUBLISHED, effective_month=month, builtin=False,
            created_at="2026-01-01T10:00:00+08:00", published_at="2026-01-01T10:00:00+08:00")


def _bus(context: AppContext, world: NoticeWorld, plate: str, fleet_no: str, since: date | None,
         unit_id: int | None = None) -> int:
    bus, _ = context.registry.add(world.office, VEHICLES, {"plate": plate, "fleet_no": fleet_no,
                                                          "unit_id": unit_id or world.unit_id}, active_from=since)
    return bus.id


def _inspect(context: AppContext, world: NoticeWorld, subject: SubjectRef, observed: datetime, *,
             template_id: int | None = None, body: TemplateBody = BODY, responsible: int | None = None,
             mode: InspectionMode = InspectionMode.ONSITE, fail: str | None = None) -> None:
    extra = {"responsible_staff_id": responsible} if responsible is not None else {}
    inspection, _ = context.inspections.start(world.sup, template_version_id=template_id or world.template_id,
                                              mode=mode, subject=subject, observed_at=observed, **extra)
    for section in body.sections:
        for item in section.items:
            if item.code == fail:
                context.inspections.answer(world.sup, inspection.id, item.code, AnswerResult.FAIL)
            elif mode is not InspectionMode.WALKAROUND:
                context.inspections.answer(world.sup, inspection.id, item.code, AnswerResult.PASS)
    if mode is InspectionMode.WALKAROUND and fail is None:
        context.inspections.answer(world.sup, inspection.id, body.sections[0].items[0].code, AnswerResult.FAIL)
    context.inspections.complete(world.sup, inspection.id)


def _vehicles(context: AppContext, world: NoticeWorld, month: str, unit_id: int | None = None) -> tuple:
    report = context.reports.monthly(world.office, month, unit_id)
    line = next(line for line in report.coverage if line.kind is SubjectKind.VEHICLE)
    left = sorted(s.code for s in report.uncovered if s.kind is SubjectKind.VEHICLE)
    return line.covered, line.population, left


def test_a_vehicle_registered_after_the_month_is_not_in_its_not_inspected_list(
        context: AppContext, world: NoticeWorld) -> None:
    """「检查覆盖率达到100%」 is of the vehicles there that month: a bus registered on 12-06 could not
    have been inspected in November, so November's list of vehicles not inspected leaves it out;
    December's has it."""
    world.clock.now = datetime(2026, 12, 6, 10, 0, tzinfo=CST)
    _bus(context, world, "粤A20601", "1-2061", None)  # today, the default
    world.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=CST)
    assert context.registry.find_by_key(world.office, VEHICLES, "1-2061").active_from == date(2026, 12, 6)
    assert _vehicles(context, world, "2026-11") == (0, 1, ["1-0801"])
    assert _vehicles(context, world, "2026-12") == (0, 2, ["1-0801", "1-2061"])


def test_month_boundaries_registered_or_retired_mid_month_count_for_that_month(
        context: AppContext, world: NoticeWorld) -> None:
    """A record in service on any day of the month is one to inspect that month (「检查面达到100%」):
    registered on the month's last day or mid-month, retired on its first day or mid-month, it
    counts; registered on the next month's first day or retired on the day before the month, not."""
    office = world.office
    ids = {
        "in-1130": _bus(context, world, "粤A11301", "1-1130", date(2026, 11, 30)),
        "in-1115": _bus(context, world, "粤A11151", "1-1115", date(2026, 11, 15)),
        "out-1201": _bus(context, world, "粤A12011", "1-1201", date(2026, 12, 1)),
        "ret-1101": _bus(context, world, "粤A11011", "1-1101", date(2026, 1, 1)),
        "ret-1110": _bus(context, world, "粤A11101", "1-1110", date(2026, 1, 1)),
        "ret-1031": _bus(context, world, "粤A10311", "1-1031", date(2026, 1, 1)),
        "ret-1015": _bus(context, world, "粤A10151", "1-1015", date(2026, 1, 1)),
    }
    # one of them inspected on the day it is retired (before the retirement: a retired bus is not
    # offered for a new inspection): covered in November
    _inspect(context, world, SubjectRef(kind=SubjectKind.VEHICLE, id=ids["ret-1110"]),
             datetime(2026, 11, 10, 8, 0, tzinfo=CST))
    for key, day in (("ret-1101", date(2026, 11, 1)), ("ret-1110", date(2026, 11, 10)),
                     ("ret-1031", date(2026, 10, 31)), ("ret-1015", date(2026, 10, 15))):
        retired, _ = context.registry.set_active(office, VEHICLES, ids[key], False, on=day)
        assert (retired.active, retired.retired_on) == (False, day)
    assert _vehicles(context, world, "2026-11") == (1, 5, ["1-0801", "1-1101", "1-1115", "1-1130"])
    # October: what was in service then, the ones registered later not; retired 10-15 and 10-31 still in
    assert _vehicles(context, world, "2026-10") == (0, 5, ["1-0801", "1-1015", "1-1031", "1-1101", "1-1110"])
    assert _vehicles(context, world, "2026-12") == (0, 4, ["1-0801", "1-1115", "1-1130", "1-1201"])
    # retired is not deleted: the record is still there, with its day
    every = {v.fleet_no: v for v in context.registry.list(office, VEHICLES, include_retired=True)}
    assert every["1-1015"].retired_on == date(2026, 10, 15) and not every["1-1015"].active
    assert every["1-1015"].in_service(date(2026, 10, 1), date(2026, 10, 31))
    assert not every["1-1015"].in_service(date(2026, 11, 1), date(2026, 11, 30))


def test_a_transferred_vehicle_keeps_its_past_months_in_its_old_unit(
        context: AppContext, world: NoticeWorld) -> None:
    """「实行一车一档」: a bus moved to another depot keeps its history. Its months before the
    transfer stay with the old depot's coverage, the months after go to the new one; the month of
    the transfer counts it in both."""
    office = world.office
    second, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D02", "name": "第二公交总站"},
                                     active_from=date(2026, 1, 1))
    moved, _ = context.registry.update(office, VEHICLES, world.vehicle.id, {"unit_id": second.id},
                                       on=date(2026, 11, 15))
    assert moved.unit_id == second.id
    assert context.registry.history(office, VEHICLES, world.vehicle.id) == [
        ServicePeriod(unit_id=world.unit_id, since=date(2026, 1, 1), until=date(2026, 11, 14)),
        ServicePeriod(unit_id=second.id, since=date(2026, 11, 15), until=None)]
    assert _vehicles(context, world, "2026-10", world.unit_id) == (0, 1, ["1-0801"])
    assert _vehicles(context, world, "2026-10", second.id) == (0, 0, [])
    assert _vehicles(context, world, "2026-11", world.unit_id) == (0, 1, ["1-0801"])
    assert _vehicles(context, world, "2026-11", second.id) == (0, 1, ["1-0801"])
    assert _vehicles(context, world, "2026-12", world.unit_id) == (0, 0, [])
    assert _vehicles(context, world, "2026-12", second.id) == (0, 1, ["1-0801"])
    # the list names the unit the bus belonged to in the month
    october = context.reports.monthly(office, "2026-10")
    assert [(s.code, s.unit_name) for s in october.uncovered] == [("1-0801", "第一公交总站")]
    december = context.reports.monthly(office, "2026-12")
    assert [(s.code, s.unit_name) for s in december.uncovered] == [("1-0801", "第二公交总站")]


def test_a_kind_counts_only_where_a_checklist_in_force_inspects_it(
        context: AppContext, world: NoticeWorld) -> None:
    """The regulation's checks are of 「车容、车貌以及驾乘人员服务情况」: a kind is inspected where a
    checklist inspects it. No checklist inspects a unit as such, so the unit is no row (it was
    always 0 / 6); staff become a row from the month a staff checklist is in force."""
    context.registry.add(world.office, RegistryKind.STAFF, {"staff_no": "D0001", "name": "李明", "role": "driver",
                                                            "unit_id": world.unit_id}, active_from=date(2026, 1, 1))
    publish(context, STAFF_BODY, "2026-12")
    assert context.reports.inspected_kinds("2026-11") == ["vehicle"]
    assert context.reports.inspected_kinds("2026-12") == ["vehicle", "staff"]
    november = context.reports.monthly(world.office, "2026-11")
    assert [line.kind for line in november.coverage] == [SubjectKind.VEHICLE]
    assert {s.kind for s in november.uncovered} == {SubjectKind.VEHICLE}
    december = context.reports.monthly(world.office, "2026-12")
    assert [(line.kind, line.population) for line in december.coverage] == [
        (SubjectKind.VEHICLE, 1), (SubjectKind.STAFF, 1)]
    assert SubjectKind.UNIT not in {line.kind for line in december.coverage}


def test_the_staff_member_ranked_first_is_never_listed_as_not_inspected(
        context: AppContext, world: NoticeWorld) -> None:
    """「每月考核一次,对驾乘人员……进行评比」 and 「驾乘人员服务情况进行检查」: one meaning of
    inspected for both. The driver answering for the bus (责任人) is scored by the bus's inspection
    in the staff ranking, so he is inspected for the coverage too; a walk-around counts for the
    coverage but not in the ranking; the one nothing was about is listed."""
    office = world.office
    staff_template = publish(context, STAFF_BODY, "2026-01")

    def person(number: str, name: str) -> int:
        added, _ = context.registry.add(office, RegistryKind.STAFF, {"staff_no": number, "name": name,
                                                                    "role": "driver", "unit_id": world.unit_id},
                                        active_from=date(2026, 1, 1))
        return added.id

    driver, conductor, walked = person("D0001", "李明"), person("D0002", "王芳"), person("D0003", "赵强")
    person("D0004", "钱进")  # in service, and nothing of the month is about him
    _inspect(context, world, world.vehicle, datetime(2026, 11, 4, 9, 0, tzinfo=CST), responsible=driver)
    _inspect(context, world, SubjectRef(kind=SubjectKind.STAFF, id=conductor),
             datetime(2026, 11, 14, 9, 0, tzinfo=CST), template_id=staff_template, body=STAFF_BODY, fail="N2-1")
    _inspect(context, world, SubjectRef(kind=SubjectKind.STAFF, id=walked),
             datetime(2026, 11, 20, 9, 0, tzinfo=CST), template_id=staff_template, body=STAFF_BODY,
             mode=InspectionMode.WALKAROUND)
    report = context.reports.monthly(office, "2026-11")
    assert [(line.code, line.rank) for line in report.staff_ranking] == [("D0001", 1), ("D0002", 2)]
    left = [s.code for s in report.uncovered if s.kind is SubjectKind.STAFF]
    assert left == ["D0004"]
    assert not {line.code for line in report.staff_ranking} & set(left)
    staff = next(line for line in report.coverage if line.kind is SubjectKind.STAFF)
    assert (staff.covered, staff.population) == (3, 4)


def test_dates_that_contradict_the_history_are_refused_and_change_nothing(
        context: AppContext, world: NoticeWorld) -> None:
    """Retiring before the first day in service, on a day still to come, or reactivating before the
    retirement would make a month count a bus that was not there: refused with the record and the
    days named, the record as it was."""
    office = world.office
    bus = _bus(context, world, "粤A30001", "1-3001", date(2026, 11, 20))
    with pytest.raises(ValidationError) as early:
        context.registry.set_active(office, VEHICLES, bus, False, on=date(2026, 11, 19))
    assert early.value.code == "retired_before_active"
    assert early.value.params == {"record": "粤A·30001", "on": "2026-11-19", "since": "2026-11-20"}
    with pytest.raises(ValidationError) as future:
        context.registry.set_active(office, VEHICLES, bus, False, on=date(2026, 12, 8))
    assert future.value.code == "registry_date_future"
    record = context.registry.get(office, VEHICLES, bus)
    assert record.active and record.retired_on is None
    assert context.registry.history(office, VEHICLES, bus) == [
        ServicePeriod(unit_id=world.unit_id, since=date(2026, 11, 20), until=None)]
    context.registry.set_active(office, VEHICLES, bus, False, on=date(2026, 11, 30))
    with pytest.raises(ValidationError) as back:
        context.registry.set_active(office, VEHICLES, bus, True, on=date(2026, 11, 29))
    assert back.value.code == "reactivated_before_retired"
    back_again, _ = context.registry.set_active(office, VEHICLES, bus, True, on=date(2026, 12, 3))
    assert back_again.active and back_again.retired_on is None
    assert context.registry.history(office, VEHICLES, bus) == [
        ServicePeriod(unit_id=world.unit_id, since=date(2026, 11, 20), until=date(2026, 11, 30)),
        ServicePeriod(unit_id=world.unit_id, since=date(2026, 12, 3), until=None)]
    # December counts it (in service from 12-03); the gap of 12-01 and 12-02 does not matter
    assert "1-3001" in _vehicles(context, world, "2026-12")[2]
