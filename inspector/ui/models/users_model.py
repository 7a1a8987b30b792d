"""The table of user accounts on the settings page (admins only): user name, display name,
translated role, active. Rows are the ``User`` records ``UserService.list`` returns; the model
never calls a service itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from inspector.domain.users import User
from inspector.labels import label

ModelIndex = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    COL_USERNAME, COL_DISPLAY_NAME, COL_ROLE, COL_ACTIVE = range(4)
    ObjectRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[User] = []

    def set_rows(self, users: Iterable[User]) -> None:
        self.beginResetModel()
        self._rows = list(users)
        self.endResetModel()

    def users(self) -> list[User]:
        return list(self._rows)

    def row_of(self, user_id: int) -> int:
        return next((row for row, user in enumerate(self._rows) if user.id == user_id), -1)

    def retranslate(self) -> None:
        """Tell the views that every header and cell text changed (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4 - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4 - 1))

    @staticmethod
    def headers() -> list[str]:
        return [
            QCoreApplication.translate("UsersModel", "User name"),
            QCoreApplication.translate("UsersModel", "Display name"),
            QCoreApplication.translate("UsersModel", "Role"),
            QCoreApplication.translate("UsersModel", "Status"),
        ]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self.headers()[section]
        return None

    def _cell(self, user: User, column: int) -> str:
        if column == self.COL_USERNAME:
            return user.username
        if column == self.COL_DISPLAY_NAME:
            return user.display_name
        if column == self.COL_ROLE:
            return label(user.role)
        if user.active:
            return QCoreApplication.translate("UsersModel", "Active")
        return QCoreApplication.translate("UsersModel", "Inactive")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < 4:
            return None
        user = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(user, index.column())
        if role == self.SortRole:
            return self._cell(user, index.column()).casefold()
        if role == self.ObjectRole:
            return user
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
