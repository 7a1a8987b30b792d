"""Sign-in, first administrator, password and user dialogs, driven the way a user fills them in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from inspector.context import AppContext
from inspector.domain.errors import AuthenticationFailed
from inspector.domain.users import Role, User
from inspector.words.messages import describe
from inspector.ui.dialogs.first_admin import FirstAdminDialog
from inspector.ui.dialogs.login import LoginDialog
from inspector.ui.dialogs.password import PasswordChange, PasswordDialog
from inspector.ui.dialogs.user_edit import UserEditDialog, UserValues
from tests.conftest import PASSWORD


def ok(dialog: Any) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# --- sign in --------------------------------------------------------------------------------
def test_wrong_password_shows_why_and_keeps_the_dialog_open(qtbot: Any, context: AppContext, admin: User) -> None:
    dialog = LoginDialog(context.users)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.username.setText("admin")
    dialog.ui.password.setText("not-the-password")
    ok(dialog)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.user is None
    assert dialog.ui.error.isVisible()
    assert dialog.ui.error.text() == describe(AuthenticationFailed(user="admin"))
    assert dialog.ui.password.text() == ""  # ready for the next try


def test_too_many_wrong_passwords_show_the_wait_counting_down_with_sign_in_disabled(
    qtbot: Any, context: AppContext, admin: User,
) -> None:
    """#12.15: after three wrong passwords the dialog says how long to wait and counts it down;
    Sign in comes back when the wait is over, and then the right password signs in."""
    from datetime import timedelta

    now = [context.services.clock()]
    context.services.clock = lambda: now[0]
    dialog = LoginDialog(context.users, username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(3):
        dialog.ui.password.setText("not-the-password")
        ok(dialog)
    dialog.ui.password.setText(PASSWORD)
    ok(dialog)
    assert dialog.user is None and not dialog.sign_in_button.isEnabled()
    assert dialog.ui.error.text() == 'Too many wrong passwords for "admin" in a row: wait 5 s before trying again.'
    qtbot.waitUntil(lambda: "wait 4 s" in dialog.ui.error.text(), timeout=3000)
    now[0] += timedelta(seconds=5)
    qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=6000)
    assert dialog.ui.error.text() == "You may try again now."
    dialog.ui.password.setText(PASSWORD)
    ok(dialog)
    assert dialog.user is not None and dialog.user.username == "admin"


def test_right_password_returns_the_user(qtbot: Any, context: AppContext, admin: User) -> None:
    dialog = LoginDialog(context.users, username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.password.setText(PASSWORD)
    ok(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user == admin


def test_empty_user_name_is_explained(qtbot: Any, context: AppContext, admin: User) -> None:
    dialog = LoginDialog(context.users)
    qtbot.addWidget(dialog)
    dialog.show()
    ok(dialog)
    assert dialog.isVisible() and "user name" in dialog.ui.error.text()


def test_ask_returns_the_signed_in_user(qtbot: Any, context: AppContext, admin: User) -> None:
    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        assert dialog.ui.hint.text() == "try demo1234" and dialog.ui.username.text() == "admin"
        dialog.ui.password.setText(PASSWORD)
        ok(dialog)

    QTimer.singleShot(0, fill_in)
    assert LoginDialog.ask(None, context.users, username="admin", hint="try demo1234") == admin


def test_ask_returns_none_when_cancelled(qtbot: Any, context: AppContext, admin: User) -> None:
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert LoginDialog.ask(None, context.users) is None


# --- first administrator --------------------------------------------------------------------
def _first_admin(qtbot: Any, context: AppContext, password: str, confirm: str) -> FirstAdminDialog:
    dialog = FirstAdminDialog(context.users)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.displayName.setText("王主任")
    dialog.ui.password.setText(password)
    dialog.ui.confirm.setText(confirm)
    ok(dialog)
    return dialog


def test_first_admin_refuses_mismatching_passwords(qtbot: Any, context: AppContext) -> None:
    dialog = _first_admin(qtbot, context, "secret-one", "secret-two")
    assert dialog.isVisible() and dialog.user is None
    assert "not the same" in dialog.ui.error.text()
    assert context.users.needs_first_admin()


def test_first_admin_refuses_a_short_password(qtbot: Any, context: AppContext) -> None:
    dialog = _first_admin(qtbot, context, "abc", "abc")
    assert dialog.user is None and "at least 6" in dialog.ui.error.text()
    assert context.users.needs_first_admin()


def test_first_admin_shows_the_services_refusal(qtbot: Any, context: AppContext) -> None:
    dialog = FirstAdminDialog(context.users)
    qtbot.addWidget(dialog)
    dialog.ui.username.setText("has space")
    dialog.ui.displayName.setText("王主任")
    dialog.ui.password.setText("secret-pass")
    dialog.ui.confirm.setText("secret-pass")
    ok(dialog)
    assert dialog.user is None and "letters, digits" in dialog.ui.error.text()


def test_first_admin_creates_the_administrator(qtbot: Any, context: AppContext) -> None:
    dialog = _first_admin(qtbot, context, "secret-pass", "secret-pass")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.username == "admin" and dialog.user.role is Role.ADMIN
    assert context.users.authenticate("admin", "secret-pass") == dialog.user


# --- passwords ------------------------------------------------------------------------------
def test_own_password_needs_the_current_one(qtbot: Any) -> None:
    dialog = PasswordDialog(need_current=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.password.setText("new-secret")
    dialog.ui.confirm.setText("new-secret")
    ok(dialog)
    assert dialog.result_value is None and "current password" in dialog.ui.error.text()

    dialog.ui.current.setText("old-secret")
    ok(dialog)
    assert dialog.result_value == PasswordChange(new_password="new-secret", current_password="old-secret")


def test_reset_hides_the_current_password_and_checks_the_pair(qtbot: Any) -> None:
    dialog = PasswordDialog(need_current=False, account="林娜")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ui.current.isVisible()
    assert "林娜" in dialog.ui.heading.text()
    dialog.ui.password.setText("new-secret")
    dialog.ui.confirm.setText("new-secreT")
    ok(dialog)
    assert dialog.result_value is None and dialog.ui.error.isVisible()
    dialog.ui.confirm.setText("new-secret")
    ok(dialog)
    assert dialog.result_value == PasswordChange(new_password="new-secret")


# --- user accounts --------------------------------------------------------------------------
def test_adding_a_user_collects_every_field(qtbot: Any) -> None:
    dialog = UserEditDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.password.isVisible() and not dialog.ui.active.isVisible()
    dialog.ui.username.setText(" zhangwei ")
    dialog.ui.displayName.setText("张伟")
    dialog.ui.role.setCurrentIndex(dialog.ui.role.findData(Role.QUALITY_OFFICE))
    dialog.ui.password.setText("secret-pass")
    dialog.ui.confirm.setText("secret-pass")
    ok(dialog)
    assert dialog.values == UserValues("zhangwei", "张伟", Role.QUALITY_OFFICE, True, "secret-pass")


def test_editing_a_user_keeps_the_user_name_and_asks_no_password(qtbot: Any, users: dict[Role, User]) -> None:
    target = users[Role.SUPERVISOR]
    dialog = UserEditDialog(user=target)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.username.isReadOnly() and dialog.ui.username.text() == target.username
    assert not dialog.ui.password.isVisible() and dialog.ui.active.isVisible()
    assert dialog.ui.role.currentData() == Role.SUPERVISOR
    dialog.ui.active.setChecked(False)
    ok(dialog)
    assert dialog.values == UserValues(target.username, target.display_name, Role.SUPERVISOR, False, None)
