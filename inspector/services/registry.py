"""The registry use cases: list, search, add, edit, retire and reactivate units, vehicles, staff
and locations. Everyone signed in may read; only roles with ``EDIT_REGISTRY`` may write.

Records are retired, never deleted: inspections and notices keep pointing at them. Each record
keeps when it was in service and in which unit (``registry_repo.periods``): adding starts it on
``active_from`` (today unless given), a change of unit is a transfer on a day (today unless
given), retiring ends it on a day, reactivating starts a new stretch. The monthly coverage counts
the records in service in the month, in the unit they belonged to then.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pydantic
from pydantic_core import PydanticCustomError

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import Conflict, NotFound, ValidationError
from inspector.domain.registry import DATA_MODELS, NATURAL_KEYS, RegistryKind, ServicePeriod, normalize_plate
from inspector.domain.text import SHOWN_VALUE
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.storage import registry_repo

ENTITIES: dict[RegistryKind, Entity] = {
    RegistryKind.UNITS: Entity.UNIT,
    RegistryKind.VEHICLES: Entity.VEHICLE,
    RegistryKind.STAFF: Entity.STAFF,
    RegistryKind.LOCATIONS: Entity.LOCATION,
}
UNIQUE_COLUMNS: dict[RegistryKind, tuple[str, ...]] = {
    RegistryKind.UNITS: ("code",),
    RegistryKind.VEHICLES: ("plate", "fleet_no"),
    RegistryKind.STAFF: ("staff_no",),
    RegistryKind.LOCATIONS: ("code",),
}


def validation_error(error: pydantic.ValidationError) -> ValidationError:
    """The first problem of a pydantic error as our ValidationError (code = pydantic type)."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    given = first.get("input", "")
    params = {"field": field, "value": given[:SHOWN_VALUE] if isinstance(given, str) else given}
    params.update({k: v for k, v in (first.get("ctx") or {}).items() if isinstance(v, (str, int, float))})
    return ValidationError(first["type"], **params)


def parse_data(kind: RegistryKind, values: dict[str, Any]) -> Any:
    """Validate raw values into the kind's data model (raises pydantic.ValidationError)."""
    return DATA_MODELS[kind].model_validate(values)


class RegistryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading -------------------------------------------------------------------------
    def list(
        self, actor: User, kind: RegistryKind, *, search: str = "", include_retired: bool = False,
        unit_id: int | None = None, limit: int | None = None,
    ) -> list[Any]:
        require(actor, Permission.VIEW_REGISTRY)
        return registry_repo.search(self.ctx.db, kind, text=search, include_retired=include_retired,
                                    unit_id=unit_id, limit=limit)

    def get(self, actor: User, kind: RegistryKind, record_id: int) -> Any:
        require(actor, Permission.VIEW_REGISTRY)
        return self._get(kind, record_id)

    def find_by_key(self, actor: User, kind: RegistryKind, key: str) -> Any:
        """By natural key (unit code, plate, 工号, location code); vehicles also by 自编号."""
        require(actor, Permission.VIEW_REGISTRY)
        key = key.strip()
        record = None
        if kind is RegistryKind.VEHICLES:
            try:
                record = registry_repo.find(self.ctx.db, kind, "plate", normalize_plate(key))
            except PydanticCustomError:
                record = None
            record = record or registry_repo.find(self.ctx.db, kind, "fleet_no", key)
        elif kind is RegistryKind.LOCATIONS:
            record = registry_repo.find(self.ctx.db, kind, "code", key.upper())
        else:
            record = registry_repo.find(self.ctx.db, kind, NATURAL_KEYS[kind], key)
        if record is None:
            raise NotFound(entity=kind.value, key=key)
        return record

    def counts(self, actor: User) -> dict[RegistryKind, int]:
        require(actor, Permission.VIEW_REGISTRY)
        return {kind: registry_repo.count(self.ctx.db, kind) for kind in RegistryKind}

    # --- writing ---------------------------------------------------------------------------
    def add(self, actor: User, kind: RegistryKind, values: dict[str, Any], *,
            active_from: date | None = None) -> tuple[Any, ChangeSet]:
        """A new record, in service from ``active_from`` (default: today)."""
        require(actor, Permission.EDIT_REGISTRY)
        data = self._validated(kind, values)
        self._check_references(kind, data)
        self._check_unique(kind, data, exclude_id=None)
        since = active_from or self.ctx.clock().date()
        with self.ctx.mutation():
            record_id = registry_repo.insert(self.ctx.db, kind, data.model_dump(mode="json"), self.ctx.now_text(),
                                             since)
            self.ctx.record(actor, f"{kind.value}.add", ENTITIES[kind], record_id,
                            after={**data.model_dump(mode="json"), "active_from": since.isoformat()})
        return self._get(kind, record_id), ChangeSet.of(ENTITIES[kind], record_id)

    def update(
        self, actor: User, kind: RegistryKind, record_id: int, values: dict[str, Any], *,
        on: date | None = None, active_from: date | None = None,
    ) -> tuple[Any, ChangeSet]:
        """Change the record's fields. A new unit is a transfer from ``on`` (default: today): the
        months before stay with the old unit. ``active_from`` corrects the first day in service."""
        require(actor, Permission.EDIT_REGISTRY)
        before = self._get(kind, record_id)
        merged = {**before.model_dump(include=set(DATA_MODELS[kind].model_fields)), **values}
        data = self._validated(kind, merged)
        self._check_references(kind, data)
        self._check_unique(kind, data, exclude_id=record_id)
        before_data = before.model_dump(mode="json", include=set(DATA_MODELS[kind].model_fields))
        after_data = data.model_dump(mode="json")
        changed = {k: v for k, v in after_data.items() if before_data.get(k) != v}
        new_start = active_from is not None and active_from != before.active_from
        if not changed and not new_start:
            return before, ChangeSet()
        moved_on = self._day_not_future(kind, before, on) if "unit_id" in changed else None
        if new_start:
            self._check_start(kind, before, record_id, active_from)
        with self.ctx.mutation():
            now = self.ctx.now_text()
            if changed:
                registry_repo.update(self.ctx.db, kind, record_id, changed, now)
            if moved_on is not None:
                registry_repo.move_unit(self.ctx.db, kind, record_id, changed["unit_id"], moved_on)
                changed = {**changed, "transferred_on": moved_on.isoformat()}
            if new_start:
                registry_repo.set_active_from(self.ctx.db, kind, record_id, active_from, now)
            old = {k: before_data[k] for k in changed if k in before_data}
            new = dict(changed)
            if new_start:
                old["active_from"] = before.active_from.isoformat() if before.active_from else None
                new["active_from"] = active_from.isoformat()
            self.ctx.record(actor, f"{kind.value}.update", ENTITIES[kind], record_id, before=old, after=new)
        return self._get(kind, record_id), ChangeSet.of(ENTITIES[kind], record_id)

    def set_active(
        self, actor: User, kind: RegistryKind, record_id: int, active: bool, *, on: date | None = None
    ) -> tuple[Any, ChangeSet]:
        """Retire (``active=False``) or reactivate a record on ``on`` (default: today). A retired
        record counts for the months up to its retirement day; reactivated, from ``on`` again."""
        require(actor, Permission.EDIT_REGISTRY)
        before = self._get(kind, record_id)
        if before.active == active:
            return before, ChangeSet()
        day = self._day_not_future(kind, before, on)
        if active:
            if before.retired_on is not None and day < before.retired_on:
                raise ValidationError("reactivated_before_retired", record=self._label(kind, before),
                                      on=day.isoformat(), retired_on=before.retired_on.isoformat())
        else:
            last = registry_repo.periods(self.ctx.db, kind, record_id)
            since = last[-1].since if last else before.active_from
            if since is not None and day < since:
                raise ValidationError("retired_before_active", record=self._label(kind, before),
                                      on=day.isoformat(), since=since.isoformat())
        with self.ctx.mutation():
            now = self.ctx.now_text()
            if active:
                unit_id = record_id if kind is RegistryKind.UNITS else before.unit_id
                registry_repo.reactivate(self.ctx.db, kind, record_id, unit_id, day, now)
            else:
                registry_repo.retire(self.ctx.db, kind, record_id, day, now)
            action = "reactivate" if active else "retire"
            self.ctx.record(actor, f"{kind.value}.{action}", ENTITIES[kind], record_id,
                            before={"active": before.active}, after={"active": active, "on": day.isoformat()})
        return self._get(kind, record_id), ChangeSet.of(ENTITIES[kind], record_id)

    def history(self, actor: User, kind: RegistryKind, record_id: int) -> list[ServicePeriod]:
        """The record's stretches in service (unit, first and last day), oldest first."""
        require(actor, Permission.VIEW_REGISTRY)
        self._get(kind, record_id)
        return registry_repo.periods(self.ctx.db, kind, record_id)

    # --- helpers shared with the importer ------------------------------------------------
    @staticmethod
    def _label(kind: RegistryKind, record: Any) -> str:
        return str(getattr(record, NATURAL_KEYS[kind]))

    def _day_not_future(self, kind: RegistryKind, record: Any, on: date | None) -> date:
        today = self.ctx.clock().date()
        day = on or today
        if day > today:
            raise ValidationError("registry_date_future", record=self._label(kind, record), on=day.isoformat())
        return day

    def _check_start(self, kind: RegistryKind, record: Any, record_id: int, active_from: date) -> None:
        stretches = registry_repo.periods(self.ctx.db, kind, record_id)
        first_until = stretches[0].until if stretches else record.retired_on
        if first_until is not None and active_from > first_until:
            raise ValidationError("active_from_after_service", record=self._label(kind, record),
                                  on=active_from.isoformat(), until=first_until.isoformat())

    def _get(self, kind: RegistryKind, record_id: int) -> Any:
        record = registry_repo.get(self.ctx.db, kind, record_id)
        if record is None:
            raise NotFound(entity=kind.value, key=str(record_id))
        return record

    def _validated(self, kind: RegistryKind, values: dict[str, Any]) -> Any:
        try:
            return parse_data(kind, values)
        except pydantic.ValidationError as error:
            raise validation_error(error) from None

    def _check_references(self, kind: RegistryKind, data: Any) -> None:
        unit_id = getattr(data, "unit_id", None)
        if unit_id is not None:
            unit = registry_repo.get(self.ctx.db, RegistryKind.UNITS, unit_id)
            if unit is None:
                raise NotFound(entity="units", key=str(unit_id))
            if not unit.active:
                raise Conflict("unit_retired", unit=unit.code)
        staff_id = getattr(data, "responsible_staff_id", None)
        if staff_id is not None and registry_repo.get(self.ctx.db, RegistryKind.STAFF, staff_id) is None:
            raise NotFound(entity="staff", key=str(staff_id))

    def _check_unique(self, kind: RegistryKind, data: Any, *, exclude_id: int | None) -> None:
        for column in UNIQUE_COLUMNS[kind]:
            value = getattr(data, column)
            existing = registry_repo.find(self.ctx.db, kind, column, value)
            if existing is not None and existing.id != exclude_id:
                raise Conflict("duplicate_key", kind=kind.value, field=column, value=value)
