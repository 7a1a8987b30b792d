"""First run on an empty data folder: create the administrator account.

The dialog checks the two passwords match and are long enough, then calls
``UserService.create_first_admin``; any refusal (bad user name, empty display name) is shown
under the fields and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from inspector.words import messages
from inspector.domain.errors import InspectorError
from inspector.domain.users import User
from inspector.services.users import UserService
from inspector.ui.dialogs.password import password_problem
from inspector.ui.forms.ui_first_admin import Ui_FirstAdminDialog


class FirstAdminDialog(QDialog):
    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstAdminDialog()
        self.ui.setupUi(self)
        self.users = users
        self.user: User | None = None
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set up account"))
        self.show_problem("")
        self.ui.displayName.setFocus()
        self.ui.buttons.accepted.connect(self.create)
        self.ui.buttons.rejected.connect(self.reject)

    def show_problem(self, text: str) -> None:
        self.ui.error.setText(text)
        self.ui.error.setVisible(bool(text))

    def create(self) -> None:
        problem = password_problem(self.ui.password.text(), self.ui.confirm.text())
        if problem:
            self.show_problem(problem)
            self.ui.password.setFocus()
            return
        try:
            self.user, _changes = self.users.create_first_admin(
                self.ui.username.text(), self.ui.displayName.text(), self.ui.password.text()
            )
        except InspectorError as error:
            self.show_problem(messages.describe(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, users: UserService) -> User | None:
        """The administrator just created, or None if the user cancelled."""
        dialog = cls(users, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.user if accepted else None
