"""The machinery every list of domain records shares: one ``QAbstractTableModel`` base.

A subclass names its columns (``headers``) and says what each cell shows (``cell``); the base
provides ``ObjectRole`` (the record itself), ``SortRole`` (natural order: ``A-2F`` before
``A-10F``; numbers as numbers), right alignment for numeric columns, greyed inactive records,
``set_rows()`` wrapped in a model reset, ``row_of(id)`` and ``retranslate()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

ModelIndex = QModelIndex | QPersistentModelIndex
_DIGITS = re.compile(r"(\d+)")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def natural_key(text: str) -> str:
    """A string that sorts like a person would: digit runs are zero-padded, case is folded."""
    return _DIGITS.sub(lambda m: m.group(1).rjust(12, "0"), text.casefold())


class RecordTableModel(QAbstractTableModel):
    """Rows are frozen domain records with an ``id`` (and, where they can retire, ``active``)."""

    ObjectRole = Qt.ItemDataRole.UserRole + 1  # the domain record behind the row
    SortRole = Qt.ItemDataRole.UserRole + 2  # natural sort value
    NUMERIC_COLUMNS: frozenset[int] = frozenset()  # right-aligned, sorted as numbers

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # --- filling --------------------------------------------------------------------------
    def set_rows(self, records: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, record_id: int) -> int:
        """The row showing the record with ``record_id``, or -1."""
        return next((row for row, record in enumerate(self._rows) if record.id == record_id), -1)

    def retranslate(self) -> None:
        """Tell the views that every header and cell text changed (after a language switch)."""
        columns = self.columnCount()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, columns - 1))

    # --- what subclasses provide -----------------------------------------------------------
    def headers(self) -> list[str]:
        """Translated column titles (subclasses must say)."""
        raise NotImplementedError(type(self).__name__)

    def cell(self, record: Any, column: int) -> str:
        """The text of one cell (subclasses must say)."""
        raise NotImplementedError(type(self).__name__)

    def sort_value(self, record: Any, column: int) -> Any:
        text = self.cell(record, column)
        if column in self.NUMERIC_COLUMNS:
            try:
                return float(text)
            except ValueError:
                return float("-inf")
        return natural_key(text)

    @staticmethod
    def inactive(record: Any) -> bool:
        return not getattr(record, "active", True)

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC_COLUMNS:
            return _RIGHT  # over right-aligned numbers
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(record, column)
        if role == self.SortRole:
            return self.sort_value(record, column)
        if role == self.ObjectRole:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self.inactive(record):
            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
