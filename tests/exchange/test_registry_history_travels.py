"""The office owns the registry, and its history travels with it (#13.5): a laptop that receives
a transferred, retired bus counts it for the same months and units as the office does.

「检查覆盖率达到100%」 is measured on every machine against the same registry of the month."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.context import AppContext, open_context
from inspector.domain.records import RecordKind
from inspector.domain.registry import RegistryKind, ServicePeriod
from inspector.domain.users import Role, User
from inspector.storage import registry_repo
from inspector.storage.travel.codec import Rejected
from inspector.storage.travel.ids import RecordIds
from inspector.storage.travel.registry import UNIT, VEHICLE
from inspector.storage.transaction import write_transaction
from tests.notice_world import CST, make_world


def test_a_vehicle_travels_with_its_stretches_in_service(context: AppContext, users: dict[Role, User],
                                                         tmp_path: Path) -> None:
    world = make_world(context, users, tmp_path, now=datetime(2026, 12, 7, 9, 0, tzinfo=CST))
    office = world.office
    second, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D02", "name": "第二公交总站"})
    context.registry.update(office, RegistryKind.VEHICLES, world.vehicle.id, {}, active_from=date(2026, 1, 1))
    context.registry.update(office, RegistryKind.VEHICLES, world.vehicle.id, {"unit_id": second.id},
                            on=date(2026, 11, 15))
    context.registry.set_active(office, RegistryKind.VEHICLES, world.vehicle.id, False, on=date(2026, 12, 2))
    sent = RecordIds(context.db, "office")
    units = {unit_id: UNIT.read(context.db, sent, unit_id) for unit_id in (world.unit_id, second.id)}
    body = VEHICLE.read(context.db, sent, world.vehicle.id)
    assert (body["active_from"], body["retired_on"]) == ("2026-01-01", "2026-12-02")
    assert body["periods"] == [
        {"unit": sent.gid(RecordKind.UNIT, world.unit_id), "since": "2026-01-01", "until": "2026-11-14"},
        {"unit": sent.gid(RecordKind.UNIT, second.id), "since": "2026-11-15", "until": "2026-12-02"}]

    laptop = open_context(tmp_path / "laptop")
    try:
        ids = RecordIds(laptop.db, "laptop")
        with write_transaction(laptop.db):
            local_units = {}
            for unit_id, unit_body in units.items():
                local_units[unit_id] = UNIT.insert(laptop.db, ids, unit_body, f"unit {unit_id}")
                ids.bind(RecordKind.UNIT, local_units[unit_id], sent.gid(RecordKind.UNIT, unit_id), "office")
            local = VEHICLE.insert(laptop.db, ids, body, "vehicle 粤A·12345")
        assert registry_repo.periods(laptop.db, RegistryKind.VEHICLES, local) == [
            ServicePeriod(unit_id=local_units[world.unit_id], since=date(2026, 1, 1), until=date(2026, 11, 14)),
            ServicePeriod(unit_id=local_units[second.id], since=date(2026, 11, 15), until=date(2026, 12, 2))]
        # a unit's own stretch names no unit: it is the unit itself
        assert registry_repo.periods(laptop.db, RegistryKind.UNITS, local_units[second.id])[0].unit_id == \
            local_units[second.id]
        # a period that ends before it begins is refused, naming the record
        broken = {**body, "plate": "粤A99999", "fleet_no": "9-9999",
                  "periods": [{"unit": body["periods"][0]["unit"], "since": "2026-11-15", "until": "2026-11-14"}]}
        with pytest.raises(Rejected) as refused, write_transaction(laptop.db):
            VEHICLE.insert(laptop.db, ids, broken, "vehicle 粤A·99999")
        assert refused.value.params["record"] == "vehicle 粤A·99999"
        assert laptop.db.execute("SELECT COUNT(*) FROM vehicles WHERE plate = '粤A·99999'").fetchone()[0] == 0
    finally:
        laptop.close()
