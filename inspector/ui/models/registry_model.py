"""Table models for the registry screens: one ``QAbstractTableModel`` per kind (units, vehicles,
staff, locations) over the domain records the registry service returns.

Each model has column constants, ``ObjectRole`` (the record itself) and ``SortRole`` (a string
that sorts naturally: ``A-2F`` before ``A-10F``, ``粤B·00099`` before ``粤B·00100``), and one
``set_rows()`` entry point wrapped in a model reset. Unit and staff ids are shown as names through
a ``Names`` lookup the page builds once per reload; the models never call a service themselves.
Retired records stay visible when asked for, greyed and marked "Retired".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from inspector.domain.registry import Location, RegistryKind, Staff, Unit, Vehicle
from inspector.labels import label

ModelIndex = QModelIndex | QPersistentModelIndex
_DIGITS = re.compile(r"(\d+)")
_CONTEXT = "RegistryModel"
# Explicit context: self.tr() in a base class would take the subclass's name at run time.
_STATUS = {True: QT_TRANSLATE_NOOP("RegistryModel", "Active"), False: QT_TRANSLATE_NOOP("RegistryModel", "Retired")}


def natural_key(text: str) -> str:
    """A string that sorts like a person would: digit runs are zero-padded, case is folded."""
    return _DIGITS.sub(lambda m: m.group(1).rjust(12, "0"), text.casefold())


@dataclass(frozen=True)
class Names:
    """Display names for the ids a record points at, read once per page reload."""

    units: Mapping[int, str] = field(default_factory=dict)
    staff: Mapping[int, str] = field(default_factory=dict)

    def unit(self, unit_id: int | None) -> str:
        return self.units.get(unit_id, "") if unit_id is not None else ""

    def person(self, staff_id: int | None) -> str:
        return self.staff.get(staff_id, "") if staff_id is not None else ""


class RegistryModel(QAbstractTableModel):
    """The shared machinery; subclasses name their columns and say what each cell shows."""

    ObjectRole = Qt.ItemDataRole.UserRole + 1  # the domain record behind the row
    SortRole = Qt.ItemDataRole.UserRole + 2  # a naturally sorting string
    KIND: RegistryKind
    COL_STATUS: int

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._names = Names()

    # --- filling --------------------------------------------------------------------------
    def set_rows(self, records: Iterable[Any], names: Names | None = None) -> None:
        """Replace every row (and the id → name lookup used to show units and people)."""
        self.beginResetModel()
        self._rows = list(records)
        self._names = names or Names()
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._rows)

    def retranslate(self) -> None:
        """Tell the views that every header and cell text changed (after a language switch)."""
        columns = self.columnCount()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, columns - 1))

    def row_of(self, record_id: int) -> int:
        """The row showing the record with ``record_id``, or -1."""
        return next((row for row, record in enumerate(self._rows) if record.id == record_id), -1)

    # --- what subclasses provide -----------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, record: Any, column: int) -> str:
        raise NotImplementedError

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._status(record) if column == self.COL_STATUS else self.cell(record, column)
        if role == self.SortRole:
            if column == self.COL_STATUS:
                return "1" if record.active else "2"  # active first when sorted ascending
            return natural_key(self.cell(record, column))
        if role == self.ObjectRole:
            return record
        if role == Qt.ItemDataRole.ForegroundRole and not record.active:
            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    @staticmethod
    def _status(record: Any) -> str:
        return QCoreApplication.translate(_CONTEXT, _STATUS[bool(record.active)])


class UnitsModel(RegistryModel):
    KIND = RegistryKind.UNITS
    COL_CODE, COL_NAME, COL_KIND, COL_HEAD, COL_PHONE, COL_STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Type"), self.tr("Head"), self.tr("Phone"),
                self.tr("Status")]

    def cell(self, record: Unit, column: int) -> str:
        values = {self.COL_CODE: record.code, self.COL_NAME: record.name, self.COL_KIND: label(record.kind),
                  self.COL_HEAD: record.head_name, self.COL_PHONE: record.head_phone}
        return values.get(column, "")


class VehiclesModel(RegistryModel):
    KIND = RegistryKind.VEHICLES
    COL_PLATE, COL_FLEET_NO, COL_ROUTE, COL_UNIT, COL_MODEL, COL_STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Plate"), self.tr("Fleet no."), self.tr("Route"), self.tr("Unit"), self.tr("Model"),
                self.tr("Status")]

    def cell(self, record: Vehicle, column: int) -> str:
        values = {self.COL_PLATE: record.plate, self.COL_FLEET_NO: record.fleet_no, self.COL_ROUTE: record.route,
                  self.COL_UNIT: self._names.unit(record.unit_id), self.COL_MODEL: record.model}
        return values.get(column, "")


class StaffModel(RegistryModel):
    KIND = RegistryKind.STAFF
    COL_STAFF_NO, COL_NAME, COL_ROLE, COL_UNIT, COL_PHONE, COL_STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Staff no."), self.tr("Name"), self.tr("Role"), self.tr("Unit"), self.tr("Phone"),
                self.tr("Status")]

    def cell(self, record: Staff, column: int) -> str:
        values = {self.COL_STAFF_NO: record.staff_no, self.COL_NAME: record.name, self.COL_ROLE: label(record.role),
                  self.COL_UNIT: self._names.unit(record.unit_id), self.COL_PHONE: record.phone}
        return values.get(column, "")


class LocationsModel(RegistryModel):
    KIND = RegistryKind.LOCATIONS
    COL_CODE, COL_NAME, COL_AREA, COL_UNIT, COL_RESPONSIBLE, COL_STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Area"), self.tr("Unit"), self.tr("Responsible"),
                self.tr("Status")]

    def cell(self, record: Location, column: int) -> str:
        values = {self.COL_CODE: record.code, self.COL_NAME: record.name, self.COL_AREA: record.area,
                  self.COL_UNIT: self._names.unit(record.unit_id),
                  self.COL_RESPONSIBLE: self._names.person(record.responsible_staff_id)}
        return values.get(column, "")


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
