"""Adding a user account or editing one (display name, role, active) — admins only.

The dialog only collects values; the settings page hands them to ``UserService`` and, when the
service refuses (user name taken, last administrator…), shows why and asks again with the values
kept (``initial``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from inspector.domain.users import Role, User
from inspector.ui.dialogs.password import password_problem
from inspector.ui.forms.ui_user_edit import Ui_UserEditDialog
from inspector.words.labels import choices


@dataclass(frozen=True)
class UserValues:
    """What the dialog collected. ``password`` only when adding."""

    username: str
    display_name: str
    role: Role
    active: bool = True
    password: str | None = None


class UserEditDialog(QDialog):
    def __init__(
        self, parent: QWidget | None = None, *, user: User | None = None, initial: UserValues | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_UserEditDialog()
        self.ui.setupUi(self)
        self.adding = user is None
        self.values: UserValues | None = None
        for text, role in choices(Role):
            self.ui.role.addItem(text, role)
        fields = self.ui.fields
        fields.setRowVisible(self.ui.password, self.adding)
        fields.setRowVisible(self.ui.confirm, self.adding)
        fields.setRowVisible(self.ui.active, not self.adding)
        self.ui.username.setReadOnly(not self.adding)
        if self.adding:
            self.setWindowTitle(self.tr("Add user"))
            self.ui.heading.setText(self.tr("Add a user"))
            self.ui.intro.setText(self.tr(
                "The user name is what they type to sign in (letters, digits, dots, dashes); "
                "the display name appears on inspections and notices."
            ))
            self.ui.role.setCurrentIndex(self.ui.role.findData(Role.SUPERVISOR))
        else:
            assert user is not None
            self.setWindowTitle(self.tr("Edit user"))
            self.ui.heading.setText(self.tr("Edit {username}").format(username=user.username))
            self.ui.intro.setText(self.tr("An inactive user can no longer sign in; their records stay."))
            self._fill(UserValues(user.username, user.display_name, user.role, user.active))
        if initial is not None:
            self._fill(initial)
        self.show_problem("")
        (self.ui.username if self.adding else self.ui.displayName).setFocus()
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)

    def _fill(self, values: UserValues) -> None:
        self.ui.username.setText(values.username)
        self.ui.displayName.setText(values.display_name)
        self.ui.role.setCurrentIndex(self.ui.role.findData(values.role))
        self.ui.active.setChecked(values.active)
        if values.password is not None:
            self.ui.password.setText(values.password)
            self.ui.confirm.setText(values.password)

    def show_problem(self, text: str) -> None:
        self.ui.error.setText(text)
        self.ui.error.setVisible(bool(text))

    def submit(self) -> None:
        password: str | None = None
        if self.adding:
            problem = password_problem(self.ui.password.text(), self.ui.confirm.text())
            if problem:
                self.show_problem(problem)
                return
            password = self.ui.password.text()
        self.values = UserValues(
            username=self.ui.username.text().strip(),
            display_name=self.ui.displayName.text().strip(),
            role=Role(self.ui.role.currentData()),
            active=self.ui.active.isChecked(),
            password=password,
        )
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, user: User | None = None, initial: UserValues | None = None
    ) -> UserValues | None:
        """Values for a new user (``user`` None) or for ``user``; None if cancelled."""
        dialog = cls(parent, user=user, initial=initial)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values if accepted else None
