"""RegistryService: add, edit, retire and reactivate; search by Chinese substrings; keys unique in
any spelling; references checked; roles enforced with nothing written; every change audited.
"""

from __future__ import annotations

import json

import pytest

from inspector.context import AppContext
from inspector.domain.audit import AuditRecord
from inspector.domain.changes import Entity
from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.registry import RegistryKind, StaffRole, UnitKind
from inspector.domain.users import Role, User
from inspector.words.messages import describe
from inspector.storage import audit_repo

UNITS = RegistryKind.UNITS
VEHICLES = RegistryKind.VEHICLES
STAFF = RegistryKind.STAFF
LOCATIONS = RegistryKind.LOCATIONS


def _rows(context: AppContext) -> dict[str, int]:
    tables = ("units", "vehicles", "staff", "locations", "audit_log")
    return {t: int(context.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


def _audit(context: AppContext) -> list[AuditRecord]:
    return list(audit_repo.iter_records(context.db))


@pytest.fixture
def depot(context: AppContext, admin: User):  # noqa: ANN201 - a Unit
    unit, _ = context.registry.add(admin, UNITS, {"code": "D1", "name": "一号总站", "head_name": "张三"})
    return unit


def test_add_normalises_and_returns_the_stored_record(context: AppContext, admin: User, depot) -> None:  # noqa: ANN001
    vehicle, changes = context.registry.add(
        admin, VEHICLES, {"plate": " 粤b 12345 ", "fleet_no": 1001, "route": "12路", "unit_id": depot.id})
    assert vehicle.plate == "粤B·12345"
    assert vehicle.fleet_no == "1001"
    assert vehicle.active is True
    assert changes.changed == {Entity.VEHICLE: frozenset({vehicle.id})}
    assert context.registry.get(admin, VEHICLES, vehicle.id) == vehicle
    assert context.registry.find_by_key(admin, VEHICLES, "粤B12345").id == vehicle.id
    assert context.registry.find_by_key(admin, VEHICLES, "1001").id == vehicle.id


def test_update_changes_only_what_differs_and_audits_before_and_after(
    context: AppContext, admin: User, depot  # noqa: ANN001
) -> None:
    updated, changes = context.registry.update(admin, UNITS, depot.id, {"head_name": "李四", "name": "一号总站"})
    assert updated.head_name == "李四"
    assert changes.changed == {Entity.UNIT: frozenset({depot.id})}
    last = _audit(context)[-1]
    assert (last.action, last.entity, last.entity_id) == ("units.update", "unit", depot.id)
    assert json.loads(last.before) == {"head_name": "张三"}
    assert json.loads(last.after) == {"head_name": "李四"}

    before = len(_audit(context))
    same, no_changes = context.registry.update(admin, UNITS, depot.id, {"head_name": "李四"})
    assert no_changes.empty and same == updated
    assert len(_audit(context)) == before


def test_retire_and_reactivate(context: AppContext, admin: User, depot) -> None:  # noqa: ANN001
    other, _ = context.registry.add(admin, UNITS, {"code": "D2", "name": "二号总站"})
    retired, _ = context.registry.set_active(admin, UNITS, depot.id, False)
    assert retired.active is False
    assert [u.code for u in context.registry.list(admin, UNITS)] == ["D2"]
    assert [u.code for u in context.registry.list(admin, UNITS, include_retired=True)] == ["D1", "D2"]
    assert _audit(context)[-1].action == "units.retire"

    with pytest.raises(Conflict) as refused:
        context.registry.add(admin, VEHICLES, {"plate": "粤B12345", "fleet_no": "1001", "unit_id": depot.id})
    assert refused.value.code == "unit_retired"
    assert describe(refused.value) == "The unit D1 is retired; reactivate it or choose another unit."

    back, _ = context.registry.set_active(admin, UNITS, depot.id, True)
    assert back.active is True
    entry = _audit(context)[-1]
    assert entry.action == "units.reactivate"
    today = context.services.clock().date().isoformat()
    assert (json.loads(entry.before), json.loads(entry.after)) == ({"active": False}, {"active": True, "on": today})
    assert other.active


def test_search_finds_chinese_substrings(context: AppContext, admin: User, depot) -> None:  # noqa: ANN001
    context.registry.add(admin, UNITS, {"code": "D2", "name": "二号总站"})
    context.registry.add(admin, UNITS, {"code": "C1", "name": "安保外委", "kind": UnitKind.CONTRACTOR})
    assert [u.code for u in context.registry.list(admin, UNITS, search="总站")] == ["D1", "D2"]
    assert [u.code for u in context.registry.list(admin, UNITS, search="一号")] == ["D1"]
    assert [u.code for u in context.registry.list(admin, UNITS, search="张三")] == ["D1"]
    assert context.registry.list(admin, UNITS, search="三号") == []


def test_the_same_plate_in_another_spelling_is_refused(context: AppContext, admin: User, depot) -> None:  # noqa: ANN001
    context.registry.add(admin, VEHICLES, {"plate": "粤B·12345", "fleet_no": "1001", "unit_id": depot.id})
    before = _rows(context)
    with pytest.raises(Conflict) as refused:
        context.registry.add(admin, VEHICLES, {"plate": "粤b 12345", "fleet_no": "1002", "unit_id": depot.id})
    assert refused.value.code == "duplicate_key"
    assert refused.value.params == {"kind": "vehicles", "field": "plate", "value": "粤B·12345"}
    assert describe(refused.value) == 'Vehicles: plate "粤B·12345" already exists'
    assert _rows(context) == before


def test_invalid_values_and_unknown_units_are_refused(context: AppContext, admin: User, depot) -> None:  # noqa: ANN001
    before = _rows(context)
    with pytest.raises(ValidationError) as bad_plate:
        context.registry.add(admin, VEHICLES, {"plate": "XX123", "fleet_no": "1001", "unit_id": depot.id})
    assert (bad_plate.value.code, bad_plate.value.params["field"]) == ("plate_format", "plate")
    with pytest.raises(NotFound) as unknown:
        context.registry.add(admin, STAFF, {"staff_no": "S1", "name": "王五", "role": StaffRole.DRIVER,
                                            "unit_id": depot.id + 99})
    assert unknown.value.params == {"entity": "units", "key": str(depot.id + 99)}
    assert _rows(context) == before


@pytest.mark.parametrize("attempt", ["add", "update", "retire"])
def test_a_supervisor_may_read_but_not_write(
    context: AppContext, users: dict[Role, User], depot, attempt: str  # noqa: ANN001
) -> None:
    supervisor = users[Role.SUPERVISOR]
    assert [u.code for u in context.registry.list(supervisor, UNITS)] == ["D1"]
    before = _rows(context)
    with pytest.raises(PermissionDenied) as refused:
        if attempt == "add":
            context.registry.add(supervisor, UNITS, {"code": "D9", "name": "九号总站"})
        elif attempt == "update":
            context.registry.update(supervisor, UNITS, depot.id, {"name": "改名"})
        else:
            context.registry.set_active(supervisor, UNITS, depot.id, False)
    assert refused.value.params["permission"] == "edit_registry"
    assert _rows(context) == before
    assert context.registry.get(supervisor, UNITS, depot.id) == depot


def test_the_quality_office_may_write(context: AppContext, users: dict[Role, User], depot) -> None:  # noqa: ANN001
    office = users[Role.QUALITY_OFFICE]
    location, _ = context.registry.add(office, LOCATIONS, {"code": "a-3f-wc-02", "name": "三楼卫生间",
                                                           "unit_id": depot.id, "area": "卫生间"})
    assert location.code == "A-3F-WC-02"
    entry = _audit(context)[-1]
    assert (entry.action, entry.actor, entry.entity_id) == ("locations.add", "qo1", location.id)
    assert json.loads(entry.after)["code"] == "A-3F-WC-02"
