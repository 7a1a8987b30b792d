"""Demo data: realistic, deterministic for a seed, consistent, audited, and refused where it
would mix with real data or where the acting user is not an administrator."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from inspector.context import AppContext, open_context
from inspector.domain.changes import Entity
from inspector.domain.errors import Conflict, NotFound, PermissionDenied
from inspector.domain.registry import RegistryKind, StaffRole, UnitKind, normalize_plate
from inspector.domain.users import Role, User
from inspector.demo.company import DEMO_PASSWORD, DemoSummary, create_demo
from tests.conftest import PASSWORD


def _everything(context: AppContext, actor: User) -> dict[RegistryKind, list[dict[str, Any]]]:
    return {kind: [record.model_dump(mode="json") for record in context.registry.list(actor, kind)]
            for kind in RegistryKind}


@pytest.fixture
def demo(context: AppContext) -> tuple[DemoSummary, User]:
    summary = create_demo(context)
    return summary, context.users.authenticate("admin", DEMO_PASSWORD)


def test_fresh_folder_gets_admin_and_counts_in_range(context: AppContext, demo: tuple[DemoSummary, User]) -> None:
    summary, admin = demo
    assert summary.admin_created and admin.role is Role.ADMIN
    counts = context.registry.counts(admin)
    assert counts[RegistryKind.UNITS] == summary.units == 6
    assert 36 <= counts[RegistryKind.VEHICLES] == summary.vehicles <= 45
    assert 70 <= counts[RegistryKind.STAFF] == summary.staff <= 90
    assert counts[RegistryKind.LOCATIONS] == summary.locations == 30
    kinds = {unit.kind for unit in context.registry.list(admin, RegistryKind.UNITS)}
    assert kinds == {UnitKind.DEPOT, UnitKind.CONTRACTOR, UnitKind.SITE}


def test_every_role_signs_in_with_the_demo_password(context: AppContext, demo: tuple[DemoSummary, User]) -> None:
    summary, _ = demo
    assert summary.users == ("admin", "zhangwei", "lina", "wangfang", "liuyang")
    roles = {name: context.users.authenticate(name, DEMO_PASSWORD).role for name in summary.users}
    assert set(roles.values()) == set(Role)
    assert roles["zhangwei"] is roles["lina"] is Role.SUPERVISOR
    manager = context.users.by_username("liuyang")
    depot = context.registry.get(manager, RegistryKind.UNITS, manager.unit_id)
    assert depot.kind is UnitKind.DEPOT and depot.head_name == manager.display_name


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    dumps = []
    for folder, seed in [("a", 7), ("b", 7), ("c", 8)]:
        context = open_context(tmp_path / folder)
        try:
            create_demo(context, seed=seed)
            dumps.append(_everything(context, context.users.by_username("admin")))
        finally:
            context.close()
    assert dumps[0] == dumps[1]
    assert dumps[0][RegistryKind.VEHICLES] != dumps[2][RegistryKind.VEHICLES]
    assert dumps[0][RegistryKind.STAFF] != dumps[2][RegistryKind.STAFF]


def test_plates_and_fleet_numbers_are_valid(context: AppContext, demo: tuple[DemoSummary, User]) -> None:
    _, admin = demo
    vehicles = context.registry.list(admin, RegistryKind.VEHICLES)
    for vehicle in vehicles:
        assert normalize_plate(vehicle.plate) == vehicle.plate
        assert re.fullmatch(r"粤B·D?\d{5}", vehicle.plate), vehicle.plate
        assert re.fullmatch(r"\d[A-D]-\d{3}", vehicle.fleet_no), vehicle.fleet_no
        assert vehicle.route and vehicle.model
    new_energy = [v for v in vehicles if v.plate.startswith("粤B·D")]
    assert 0 < len(new_energy) < len(vehicles) / 2
    assert len({v.plate for v in vehicles}) == len({v.fleet_no for v in vehicles}) == len(vehicles)
    depots = {u.id for u in context.registry.list(admin, RegistryKind.UNITS) if u.kind is UnitKind.DEPOT}
    assert {v.unit_id for v in vehicles} == depots


def test_staff_have_unique_numbers_names_and_fitting_roles(
    context: AppContext, demo: tuple[DemoSummary, User]
) -> None:
    _, admin = demo
    units = {u.id: u for u in context.registry.list(admin, RegistryKind.UNITS)}
    staff = context.registry.list(admin, RegistryKind.STAFF)
    assert len({s.staff_no for s in staff}) == len({s.name for s in staff}) == len(staff)
    for person in staff:
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,3}", person.name), person.name
        assert re.fullmatch(r"1\d{10}", person.phone), person.phone
    roles_of = {code: {s.role for s in staff if units[s.unit_id].code == code} for code in ("D01", "C01", "C02", "S01")}
    assert StaffRole.DRIVER in roles_of["D01"] and StaffRole.CLEANER not in roles_of["D01"]
    assert roles_of["C01"] == {StaffRole.GUARD, StaffRole.CCTV_OPERATOR, StaffRole.MANAGER}
    assert roles_of["C02"] == {StaffRole.CLEANER, StaffRole.MANAGER}
    assert roles_of["S01"] == {StaffRole.RECEPTIONIST, StaffRole.MANAGER}
    drivers = [s for s in staff if s.role is StaffRole.DRIVER]
    assert len(drivers) > len(staff) / 3


def test_every_location_has_a_responsible_person_of_its_unit(
    context: AppContext, demo: tuple[DemoSummary, User]
) -> None:
    _, admin = demo
    fitting = {"卫生间": StaffRole.CLEANER, "监控室": StaffRole.CCTV_OPERATOR, "门岗": StaffRole.GUARD,
               "营业厅": StaffRole.RECEPTIONIST}
    locations = context.registry.list(admin, RegistryKind.LOCATIONS)
    assert {loc.area for loc in locations} >= {"卫生间", "会议室", "监控室", "候车区", "院落", "营业厅"}
    for location in locations:
        assert location.responsible_staff_id is not None, location.code
        person = context.registry.get(admin, RegistryKind.STAFF, location.responsible_staff_id)
        assert person.unit_id == location.unit_id, location.code
        if location.area in fitting:
            assert person.role is fitting[location.area], location.code
    assert len({loc.name for loc in locations}) == len(locations)
    assert context.registry.find_by_key(admin, RegistryKind.LOCATIONS, "A-3F-WC-02").area == "卫生间"


def test_everything_is_audited_and_the_chain_holds(context: AppContext, demo: tuple[DemoSummary, User]) -> None:
    summary, _ = demo
    report = context.integrity.check()
    assert report.ok, report.lines()
    written = summary.units + summary.vehicles + summary.staff + summary.locations + len(summary.users)
    assert report.audit_entries == written + summary.templates
    assert set(summary.changes.changed) == {Entity.USER, Entity.UNIT, Entity.VEHICLE, Entity.STAFF, Entity.LOCATION}
    assert len(summary.changes.changed[Entity.VEHICLE]) == summary.vehicles


def test_built_in_templates_are_loaded(context: AppContext, demo: tuple[DemoSummary, User]) -> None:
    summary, _ = demo
    assert summary.templates > 0
    assert context.templates.ensure_builtins() == []


def test_refused_on_a_registry_with_units_and_nothing_is_written(context: AppContext, admin: User) -> None:
    context.registry.add(admin, RegistryKind.UNITS, {"code": "X1", "name": "真实总站"})
    with pytest.raises(Conflict) as raised:
        create_demo(context, actor=admin)
    assert raised.value.code == "demo_needs_empty_registry"
    assert context.registry.counts(admin)[RegistryKind.UNITS] == 1
    with pytest.raises(NotFound):
        context.users.by_username("zhangwei")


def test_second_run_is_refused(context: AppContext, demo: tuple[DemoSummary, User]) -> None:
    _, admin = demo
    before = _everything(context, admin)
    with pytest.raises(Conflict):
        create_demo(context, actor=admin, seed=99)
    assert _everything(context, admin) == before


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.QUALITY_OFFICE, Role.MANAGER])
def test_only_an_admin_may_add_demo_data_to_a_folder_with_accounts(
    context: AppContext, users: dict[Role, User], role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        create_demo(context, actor=users[role])
    with pytest.raises(PermissionDenied) as raised:
        create_demo(context)
    assert raised.value.code == "demo_needs_admin"
    assert context.registry.counts(users[Role.ADMIN])[RegistryKind.UNITS] == 0


def test_admin_adds_demo_data_beside_existing_accounts(context: AppContext, users: dict[Role, User]) -> None:
    summary = create_demo(context, actor=users[Role.ADMIN])
    assert not summary.admin_created
    assert summary.users == ("zhangwei", "lina", "wangfang", "liuyang")
    assert context.users.authenticate("sup1", PASSWORD).role is Role.SUPERVISOR
    assert context.users.authenticate("lina", DEMO_PASSWORD).role is Role.SUPERVISOR
