"""Choosing a password: one's own (current password required) or an admin's reset of another's.

``password_problem`` is the shared check of "typed twice, long enough" that the first-admin and
user dialogs use too; the service checks the length again whatever the dialog did.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from inspector.words import messages
from inspector.domain.errors import ValidationError
from inspector.domain.users import MIN_PASSWORD_LENGTH, check_password_strength
from inspector.ui.forms.ui_password import Ui_PasswordDialog


def password_problem(password: str, confirm: str) -> str:
    """Why this password pair cannot be used, in the user's language ("" when it can)."""
    if password != confirm:
        return QCoreApplication.translate("PasswordDialog", "The two passwords are not the same.")
    try:
        check_password_strength(password)
    except ValidationError as error:
        return messages.describe(error)
    return ""


@dataclass(frozen=True)
class PasswordChange:
    new_password: str
    current_password: str | None = None  # only when changing one's own password


class PasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, need_current: bool, account: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        self.need_current = need_current
        self.result_value: PasswordChange | None = None
        self.ui.fields.setRowVisible(self.ui.current, need_current)
        if need_current:
            intro = self.tr("Enter your current password, then the new one twice (at least {n} characters).")
        else:
            self.setWindowTitle(self.tr("Reset password"))
            self.ui.heading.setText(self.tr("Reset the password of {account}").format(account=account))
            intro = self.tr(
                "Choose a new password (at least {n} characters) and give it to its owner in person; "
                "they can change it afterwards under Settings."
            )
        self.ui.intro.setText(intro.format(n=MIN_PASSWORD_LENGTH))
        self.show_problem("")
        (self.ui.current if need_current else self.ui.password).setFocus()
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)

    def show_problem(self, text: str) -> None:
        self.ui.error.setText(text)
        self.ui.error.setVisible(bool(text))

    def submit(self) -> None:
        if self.need_current and not self.ui.current.text():
            self.show_problem(self.tr("Enter your current password."))
            return
        problem = password_problem(self.ui.password.text(), self.ui.confirm.text())
        if problem:
            self.show_problem(problem)
            return
        current = self.ui.current.text() if self.need_current else None
        self.result_value = PasswordChange(new_password=self.ui.password.text(), current_password=current)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, need_current: bool, account: str = "") -> PasswordChange | None:
        """The new password (and the current one when ``need_current``), or None if cancelled."""
        dialog = cls(parent, need_current=need_current, account=account)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.result_value if accepted else None
