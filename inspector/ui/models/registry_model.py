"""Table models for the registry screens: one ``QAbstractTableModel`` per kind (units, vehicles,
staff, locations) over the domain records the registry service returns.

Each model has column constants, ``ObjectRole`` (the record itself) and ``SortRole`` (a string
that sorts naturally: ``A-2F`` before ``A-10F``, ``粤B·00099`` before ``粤B·00100``), and one
``set_rows()`` entry point wrapped in a model reset. Unit and staff ids are shown as names through
a ``Names`` lookup the page builds once per reload; the models never call a service themselves.
Retired records stay visible when asked for, greyed and marked "Retired". The last column, after
the status, is the record's time in service: its first day and, once retired, its retirement day
(``2026-03-01 – 2026-10-15``; no first day for a record older than the dates kept).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from inspector.domain.registry import Location, RegistryKind, Staff, Unit, Vehicle
from inspector.words.labels import label
from inspector.ui.models.records import RecordTableModel, natural_key  # natural_key: re-exported

_CONTEXT = "RegistryModel"
# Explicit context: self.tr() in a base class would take the subclass's name at run time.
_STATUS = {True: QT_TRANSLATE_NOOP("RegistryModel", "Active"), False: QT_TRANSLATE_NOOP("RegistryModel", "Retired")}
_SERVICE = QT_TRANSLATE_NOOP("RegistryModel", "In service")


def service_text(record: Any) -> str:
    """``2026-03-01 –`` in service since; ``2026-03-01 – 2026-10-15`` retired; blank before dates."""
    since = record.active_from.isoformat() if record.active_from else ""
    until = record.retired_on.isoformat() if record.retired_on else ""
    if not since and not until:
        return ""
    return f"{since} – {until}".strip()


@dataclass(frozen=True)
class Names:
    """Display names for the ids a record points at, read once per page reload."""

    units: Mapping[int, str] = field(default_factory=dict)
    staff: Mapping[int, str] = field(default_factory=dict)

    def unit(self, unit_id: int | None) -> str:
        return self.units.get(unit_id, "") if unit_id is not None else ""

    def person(self, staff_id: int | None) -> str:
        return self.staff.get(staff_id, "") if staff_id is not None else ""


class RegistryModel(RecordTableModel):
    """The registry's shared columns: subclasses name theirs; status is the last one."""

    KIND: RegistryKind
    COL_STATUS: int

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = Names()

    def set_rows(self, records: Iterable[Any], names: Names | None = None) -> None:
        """Replace every row (and the id → name lookup used to show units and people)."""
        self._names = names or Names()
        super().set_rows(records)

    @property
    def COL_SERVICE(self) -> int:  # noqa: N802 - a column constant like the others
        return self.COL_STATUS + 1

    def service_header(self) -> str:
        return QCoreApplication.translate(_CONTEXT, _SERVICE)

    def cell(self, record: Any, column: int) -> str:
        if column == self.COL_STATUS:
            return QCoreApplication.translate(_CONTEXT, _STATUS[bool(record.active)])
        if column == self.COL_SERVICE:
            return service_text(record)
        return self.values(record).get(column, "")

    def values(self, record: Any) -> dict[int, str]:
        """Column → text for every column but the status (subclasses must say)."""
        raise NotImplementedError(type(self).__name__)

    def sort_value(self, record: Any, column: int) -> Any:
        if column == self.COL_STATUS:
            return "1" if record.active else "2"  # active first when sorted ascending
        return super().sort_value(record, column)


class UnitsModel(RegistryModel):
    KIND = RegistryKind.UNITS
    COL_CODE, COL_NAME, COL_KIND, COL_HEAD, COL_PHONE, COL_STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Type"), self.tr("Head"), self.tr("Phone"),
                self.tr("Status"), self.service_header()]

    def values(self, record: Unit) -> dict[int, str]:
        return {self.COL_CODE: record.code, self.COL_NAME: record.name, self.COL_KIND: label(record.kind),
                self.COL_HEAD: record.head_name, self.COL_PHONE: record.head_phone}


class VehiclesModel(RegistryModel):
    KIND = RegistryKind.VEHICLES
    COL_PLATE, COL_FLEET_NO, COL_ROUTE, COL_UNIT, COL_MODEL, COL_STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Plate"), self.tr("Fleet no."), self.tr("Route"), self.tr("Unit"), self.tr("Model"),
                self.tr("Status"), self.service_header()]

    def values(self, record: Vehicle) -> dict[int, str]:
        return {self.COL_PLATE: record.plate, self.COL_FLEET_NO: record.fleet_no, self.COL_ROUTE: record.route,
                self.COL_UNIT: self._names.unit(record.unit_id), self.COL_MODEL: record.model}


class StaffModel(RegistryModel):
    KIND = RegistryKind.STAFF
    COL_STAFF_NO, COL_NAME, COL_ROLE, COL_UNIT, COL_PHONE, COL_STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Staff no."), self.tr("Name"), self.tr("Role"), self.tr("Unit"), self.tr("Phone"),
                self.tr("Status"), self.service_header()]

    def values(self, record: Staff) -> dict[int, str]:
        return {self.COL_STAFF_NO: record.staff_no, self.COL_NAME: record.name, self.COL_ROLE: label(record.role),
                self.COL_UNIT: self._names.unit(record.unit_id), self.COL_PHONE: record.phone}


class LocationsModel(RegistryModel):
    KIND = RegistryKind.LOCATIONS
    COL_CODE, COL_NAME, COL_AREA, COL_UNIT, COL_RESPONSIBLE, COL_STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Area"), self.tr("Unit"), self.tr("Responsible"),
                self.tr("Status"), self.service_header()]

    def values(self, record: Location) -> dict[int, str]:
        return {self.COL_CODE: record.code, self.COL_NAME: record.name, self.COL_AREA: record.area,
                self.COL_UNIT: self._names.unit(record.unit_id),
                self.COL_RESPONSIBLE: self._names.person(record.responsible_staff_id)}


MODELS: dict[RegistryKind, type[RegistryModel]] = {
    RegistryKind.UNITS: UnitsModel,
    RegistryKind.VEHICLES: VehiclesModel,
    RegistryKind.STAFF: StaffModel,
    RegistryKind.LOCATIONS: LocationsModel,
}


def staff_label(staff: Staff) -> str:
    """How a person is named wherever one is picked or shown: ``张伟 (D1001)``."""
    return f"{staff.name} ({staff.staff_no})"


def model_for(kind: RegistryKind, parent: QObject | None = None) -> RegistryModel:
    return MODELS[kind](parent)
