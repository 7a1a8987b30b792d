"""The table of user accounts on the settings page (admins only): user name, display name,
translated role, active. Rows are the ``User`` records ``UserService.list`` returns; the model
never calls a service itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector.domain.users import User
from inspector.words.labels import label
from inspector.ui.models.records import RecordTableModel


class UsersModel(RecordTableModel):
    COL_USERNAME, COL_DISPLAY_NAME, COL_ROLE, COL_ACTIVE = range(4)

    def users(self) -> list[User]:
        return self.records()

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("UsersModel", "User name"),
            QCoreApplication.translate("UsersModel", "Display name"),
            QCoreApplication.translate("UsersModel", "Role"),
            QCoreApplication.translate("UsersModel", "Status"),
        ]

    def cell(self, user: User, column: int) -> str:
        if column == self.COL_USERNAME:
            return user.username
        if column == self.COL_DISPLAY_NAME:
            return user.display_name
        if column == self.COL_ROLE:
            return label(user.role)
        if user.active:
            return QCoreApplication.translate("UsersModel", "Active")
        return QCoreApplication.translate("UsersModel", "Inactive")
