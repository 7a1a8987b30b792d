"""The settings page: who may change what, accounts for admins, one's own password."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from inspector.context import AppContext
from inspector.domain.errors import AuthenticationFailed, Conflict, InspectorError, PermissionDenied
from inspector.domain.templates import Severity
from inspector.domain.users import Role, User
from inspector.ui.dialogs import errors
from inspector.ui.dialogs.password import PasswordChange, PasswordDialog
from inspector.ui.dialogs.user_edit import UserEditDialog, UserValues
from inspector.ui.models.users_model import UsersModel
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.uicontext import UiContext
from tests.conftest import PASSWORD


class ScriptedAsk:
    """Stands in for a dialog's ``ask``: returns the scripted answers in turn, records each call."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.calls: list[dict[str, Any]] = []

    def __call__(self, parent: Any, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        if not self.answers:
            raise AssertionError("the dialog was asked more often than scripted")
        return self.answers.pop(0)


class ShownErrors(list[InspectorError]):
    def __call__(self, parent: Any, error: InspectorError) -> None:
        self.append(error)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> ShownErrors:
    captured = ShownErrors()
    monkeypatch.setattr(errors, "show_error", captured)
    return captured


def make_page(qtbot: Any, ui: UiContext) -> SettingsPage:
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.show()
    return page


def usernames(model: UsersModel) -> list[str]:
    return [model.index(row, UsersModel.COL_USERNAME).data() for row in range(model.rowCount())]


def test_admin_adds_a_user_through_the_dialog(
    qtbot: Any, qtmodeltester: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, shown: ShownErrors,
) -> None:
    page = make_page(qtbot, sign_in(admin))
    assert page.users.isVisible()
    ask = ScriptedAsk(UserValues("zhangwei", "张伟", Role.SUPERVISOR, True, "secret-pass"))
    monkeypatch.setattr(UserEditDialog, "ask", ask)

    created = page.users.add_user()

    assert created is not None and created.username == "zhangwei"
    model = page.users.model
    assert "zhangwei" in usernames(model)
    row = model.row_of(created.id)
    assert model.index(row, UsersModel.COL_DISPLAY_NAME).data() == "张伟"
    assert model.index(row, UsersModel.COL_ROLE).data() == "Supervisor"
    assert model.index(row, UsersModel.COL_ACTIVE).data() == "Active"
    assert page.users.selected_user() == created
    assert context.users.authenticate("zhangwei", "secret-pass").id == created.id
    assert shown == []
    qtmodeltester.check(model)


def test_refused_user_is_asked_again_with_what_was_typed(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, shown: ShownErrors,
) -> None:
    page = make_page(qtbot, sign_in(users[Role.ADMIN]))
    taken = UserValues("sup1", "另一个", Role.SUPERVISOR, True, "secret-pass")
    ask = ScriptedAsk(taken, None)
    monkeypatch.setattr(UserEditDialog, "ask", ask)

    assert page.users.add_user() is None

    assert [type(e) for e in shown] == [Conflict] and shown[0].code == "username_taken"
    assert ask.calls[1]["initial"] == taken
    assert usernames(page.users.model).count("sup1") == 1


def test_admin_edits_a_role_and_the_table_follows(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, shown: ShownErrors,
) -> None:
    page = make_page(qtbot, sign_in(users[Role.ADMIN]))
    target = users[Role.SUPERVISOR]
    assert page.users.select_user(target.id)
    monkeypatch.setattr(UserEditDialog, "ask", ScriptedAsk(UserValues("sup1", "督导一", Role.MANAGER, False)))

    edited = page.users.edit_selected()

    assert edited is not None and edited.role is Role.MANAGER and not edited.active
    row = page.users.model.row_of(target.id)
    assert page.users.model.index(row, UsersModel.COL_ROLE).data() == "Manager"
    assert page.users.model.index(row, UsersModel.COL_ACTIVE).data() == "Inactive"
    assert shown == []


def test_admin_resets_another_users_password(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, shown: ShownErrors,
) -> None:
    page = make_page(qtbot, sign_in(users[Role.ADMIN]))
    page.users.select_user(users[Role.MANAGER].id)
    ask = ScriptedAsk(PasswordChange(new_password="fresh-start"))
    monkeypatch.setattr(PasswordDialog, "ask", ask)

    assert page.users.reset_password()

    assert ask.calls[0]["need_current"] is False
    assert context.users.authenticate("mgr1", "fresh-start").id == users[Role.MANAGER].id
    assert shown == []


def test_supervisor_sees_read_only_fields_and_no_accounts(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    page = make_page(qtbot, sign_in(users[Role.SUPERVISOR]))
    assert page.org_zh.isReadOnly() and not page.save_button.isVisible()
    assert page.read_only_note.isVisible()
    assert not page.users.isVisible()
    assert "sup1" in page.account_label.text()


def test_supervisors_save_is_refused_by_the_service_and_writes_nothing(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    shown: ShownErrors,
) -> None:
    before = context.settings.get()
    page = make_page(qtbot, sign_in(users[Role.SUPERVISOR]))
    page.org_zh.setText("篡改的名称")  # read-only in the UI; the service must refuse anyway
    page.days[Severity.GENERAL].setValue(30)

    assert page.save_settings() is None

    assert len(shown) == 1 and isinstance(shown[0], PermissionDenied)
    assert context.settings.get() == before
    assert page.org_zh.text() == before.organisation_name  # the fields show what is stored again


def test_quality_office_saves_the_organisation_and_deadlines(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    shown: ShownErrors,
) -> None:
    ui = sign_in(users[Role.QUALITY_OFFICE])
    page = make_page(qtbot, ui)
    page.org_zh.setText("公交集团服务质量办")
    page.org_en.setText("Bus Group Quality Office")
    page.days[Severity.SERIOUS].setValue(2)
    assert page.immediate_check.currentText() == "the same day"
    page.immediate_check.setCurrentIndex(page.immediate_check.findText("the next working day"))
    with qtbot.waitSignal(ui.hub.changed, timeout=1000):
        saved = page.save_settings()

    assert saved is not None and shown == []
    stored = context.settings.get()
    assert stored.organisation_name == "公交集团服务质量办"
    assert stored.organisation_name_en == "Bus Group Quality Office"
    assert stored.deadlines.serious == 2 and stored.deadlines.general == 5
    assert stored.deadlines.immediate_check == "next_working_day"
    assert page.saved_label.text() == "Saved."


def test_change_my_password(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, shown: ShownErrors,
) -> None:
    page = make_page(qtbot, sign_in(users[Role.SUPERVISOR]))
    monkeypatch.setattr(PasswordDialog, "ask", ScriptedAsk(
        PasswordChange(new_password="brand-new", current_password="wrong-one"),
        PasswordChange(new_password="brand-new", current_password=PASSWORD),
    ))

    assert not page.change_my_password()
    assert [type(e) for e in shown] == [AuthenticationFailed]
    assert context.users.authenticate("sup1", PASSWORD)  # unchanged

    assert page.change_my_password()
    assert context.users.authenticate("sup1", "brand-new").id == users[Role.SUPERVISOR].id


def test_language_choice_is_signalled(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    page = make_page(qtbot, sign_in(users[Role.MANAGER]))
    index = page.language.findData("zh_CN")
    with qtbot.waitSignal(page.language_chosen, timeout=1000) as blocker:
        page.language.activated.emit(index)
    assert blocker.args == ["zh_CN"]


def test_users_model_is_sound(qtmodeltester: Any, users: dict[Role, User], context: AppContext) -> None:
    model = UsersModel()
    model.set_rows(context.users.list(users[Role.ADMIN]))
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
