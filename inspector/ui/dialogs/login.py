"""The sign-in dialog: user name and password checked by ``UserService.authenticate``.

A wrong password keeps the dialog open with the reason under the fields (the service's
``AuthenticationFailed`` in words), so a supervisor simply tries again. After too many in a row
(``SignInWait``) the dialog counts the wait down with Sign in disabled.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from inspector.words import messages
from inspector.domain.errors import InspectorError, SignInWait
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
        self.sign_in_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._waiting = SignInWait(user="", seconds=0)
        self._left = 0
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
        except SignInWait as error:
            self.ui.password.clear()
            self._wait(error)
            return
        except InspectorError as error:
            self.show_problem(messages.describe(error))
            self.ui.password.clear()
            self.ui.password.setFocus()
            return
        self.accept()

    def _wait(self, error: SignInWait) -> None:
        """Too many wrong passwords: say how long to wait, counting down, with Sign in disabled."""
        self._waiting = error
        self._left = int(error.params.get("seconds", 1))
        self.sign_in_button.setEnabled(False)
        self._tick()
        self._countdown.start()

    def _tick(self) -> None:
        if self._left <= 0:
            self._countdown.stop()
            self.sign_in_button.setEnabled(True)
            self.show_problem(self.tr("You may try again now."))
            self.ui.password.setFocus()
            return
        self.show_problem(messages.describe(SignInWait(user=self._waiting.params.get("user", ""),
                                                        seconds=self._left)))
        self._left -= 1

    @classmethod
    def ask(
        cls, parent: QWidget | None, users: UserService, *, username: str = "", hint: str = ""
    ) -> User | None:
        """Show the dialog modally; the authenticated user, or None if the user cancelled."""
        dialog = cls(users, parent, username=username, hint=hint)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.user if accepted else None
