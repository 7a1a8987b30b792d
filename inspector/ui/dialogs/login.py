"""The sign-in dialog: user name and password checked by ``UserService.authenticate``.

A wrong password keeps the dialog open with the reason under the fields (the service's
``AuthenticationFailed`` in words), so a supervisor simply tries again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from inspector.words import messages
from inspector.domain.errors import InspectorError
from inspector.domain.users import User
from inspector.services.users import UserService
from inspector.ui.forms.ui_login import Ui_LoginDialog


class LoginDialog(QDialog):
    """``ask()`` returns the signed-in ``User`` or None when cancelled."""

    def __init__(
        self, users: UserService, parent: QWidget | None = None, *, username: str = "", hint: str = ""
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.users = users
        self.user: User | None = None
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.ui.hint.setText(hint)
        self.ui.hint.setVisible(bool(hint))
        self.show_problem("")
        self.ui.username.setText(username)
        (self.ui.password if username else self.ui.username).setFocus()
        self.ui.buttons.accepted.connect(self.sign_in)
        self.ui.buttons.rejected.connect(self.reject)

    def show_problem(self, text: str) -> None:
        self.ui.error.setText(text)
        self.ui.error.setVisible(bool(text))

    def sign_in(self) -> None:
        """Check the credentials; accept on success, otherwise explain and stay open."""
        username = self.ui.username.text().strip()
        if not username:
            self.show_problem(self.tr("Enter your user name."))
            self.ui.username.setFocus()
            return
        try:
            self.user = self.users.authenticate(username, self.ui.password.text())
        except InspectorError as error:
            self.show_problem(messages.describe(error))
            self.ui.password.clear()
            self.ui.password.setFocus()
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, users: UserService, *, username: str = "", hint: str = ""
    ) -> User | None:
        """Show the dialog modally; the authenticated user, or None if the user cancelled."""
        dialog = cls(users, parent, username=username, hint=hint)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.user if accepted else None
