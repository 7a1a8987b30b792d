"""The table of checklist template versions on the templates page: code, title in the display
language, version, translated status, effective month, number of items. Rows are the
``TemplateVersion`` records ``TemplateService.list`` returns; the model never calls a service.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from inspector.domain.templates import TemplateVersion
from inspector.labels import label
from inspector.ui.language import localized

ModelIndex = QModelIndex | QPersistentModelIndex


class TemplatesModel(QAbstractTableModel):
    COL_CODE, COL_TITLE, COL_VERSION, COL_STATUS, COL_MONTH, COL_ITEMS = range(6)
    COLUMNS = 6
    ObjectRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TemplateVersion] = []

    def set_rows(self, versions: Iterable[TemplateVersion]) -> None:
        self.beginResetModel()
        self._rows = list(versions)
        self.endResetModel()

    def versions(self) -> list[TemplateVersion]:
        return list(self._rows)

    def row_of(self, version_id: int) -> int:
        return next((row for row, version in enumerate(self._rows) if version.id == version_id), -1)

    def retranslate(self) -> None:
        """Tell the views that every header and cell text changed (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))

    @staticmethod
    def headers() -> list[str]:
        return [
            QCoreApplication.translate("TemplatesModel", "Code"),
            QCoreApplication.translate("TemplatesModel", "Title"),
            QCoreApplication.translate("TemplatesModel", "Version"),
            QCoreApplication.translate("TemplatesModel", "Status"),
            QCoreApplication.translate("TemplatesModel", "Effective month"),
            QCoreApplication.translate("TemplatesModel", "Items"),
        ]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (self.COL_VERSION, self.COL_ITEMS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # over right-aligned numbers
        return None

    def _cell(self, version: TemplateVersion, column: int) -> str:
        if column == self.COL_CODE:
            return version.code
        if column == self.COL_TITLE:
            return localized(version.body.title_zh, version.body.title_en)
        if column == self.COL_VERSION:
            return str(version.version)
        if column == self.COL_STATUS:
            return label(version.status)
        if column == self.COL_MONTH:
            return version.effective_month or "—"
        return str(version.body.item_count)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.COLUMNS:
            return None
        version = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(version, column)
        if role == self.SortRole:
            if column in (self.COL_VERSION, self.COL_ITEMS):
                return int(self._cell(version, column))
            return self._cell(version, column).casefold()
        if role == self.ObjectRole:
            return version
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COL_VERSION, self.COL_ITEMS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
