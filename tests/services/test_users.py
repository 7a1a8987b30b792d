"""Accounts and settings: first admin, sign-in, who may manage users, the last admin, passwords,
and who may change the application settings.
"""

from __future__ import annotations

import pytest

from inspector.context import AppContext
from inspector.domain.errors import AuthenticationFailed, Conflict, PermissionDenied, ValidationError
from inspector.domain.users import Role, User
from tests.conftest import PASSWORD


def _rows(context: AppContext, table: str) -> int:
    return int(context.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _stored_hash(context: AppContext, user_id: int) -> str:
    return context.db.execute("SELECT password_hash FROM users WHERE id = ?", [user_id]).fetchone()[0]


def test_first_admin_only_once(context: AppContext) -> None:
    assert context.users.needs_first_admin()
    admin, changes = context.users.create_first_admin("admin", "管理员", PASSWORD)
    assert admin.role is Role.ADMIN and admin.active
    assert not changes.empty
    assert not context.users.needs_first_admin()
    assert context.users.sole_admin() == admin
    with pytest.raises(Conflict) as raised:
        context.users.create_first_admin("admin2", "另一个", PASSWORD)
    assert raised.value.code == "admin_exists"
    assert _rows(context, "users") == 1


def test_password_is_stored_as_argon2_never_plain(context: AppContext, admin: User) -> None:
    stored = _stored_hash(context, admin.id)
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_authenticate_good_and_bad_password(context: AppContext, admin: User) -> None:
    assert context.users.authenticate("admin", PASSWORD) == admin
    assert context.users.authenticate("  ADMIN ", PASSWORD).id == admin.id  # names ignore case
    with pytest.raises(AuthenticationFailed):
        context.users.authenticate("admin", PASSWORD + "x")
    with pytest.raises(AuthenticationFailed):
        context.users.authenticate("nobody", PASSWORD)


def test_inactive_user_is_refused(context: AppContext, users: dict[Role, User]) -> None:
    supervisor = users[Role.SUPERVISOR]
    context.users.update(users[Role.ADMIN], supervisor.id, display_name="sup1", role=Role.SUPERVISOR,
                         active=False)
    with pytest.raises(AuthenticationFailed):
        context.users.authenticate("sup1", PASSWORD)


def test_supervisor_cannot_create_users_and_nothing_is_written(
    context: AppContext, users: dict[Role, User]
) -> None:
    before_users, before_audit = _rows(context, "users"), _rows(context, "audit_log")
    with pytest.raises(PermissionDenied) as raised:
        context.users.create(users[Role.SUPERVISOR], username="evil", display_name="Evil", role=Role.ADMIN,
                             password=PASSWORD)
    assert raised.value.params["permission"] == "manage_users"
    assert (_rows(context, "users"), _rows(context, "audit_log")) == (before_users, before_audit)


@pytest.mark.parametrize("role", [Role.QUALITY_OFFICE, Role.MANAGER])
def test_only_admins_manage_users(context: AppContext, users: dict[Role, User], role: Role) -> None:
    with pytest.raises(PermissionDenied):
        context.users.update(users[role], users[Role.SUPERVISOR].id, display_name="x", role=Role.ADMIN,
                             active=True)
    assert context.users.get(users[Role.SUPERVISOR].id).role is Role.SUPERVISOR


@pytest.mark.parametrize(("role", "active"), [(Role.SUPERVISOR, True), (Role.ADMIN, False)],
                         ids=["demote", "deactivate"])
def test_last_admin_cannot_be_demoted_or_deactivated(
    context: AppContext, admin: User, role: Role, active: bool
) -> None:
    with pytest.raises(Conflict) as raised:
        context.users.update(admin, admin.id, display_name="管理员", role=role, active=active)
    assert raised.value.code == "last_admin"
    assert context.users.get(admin.id).role is Role.ADMIN and context.users.get(admin.id).active


def test_an_admin_may_step_down_when_another_remains(context: AppContext, admin: User) -> None:
    other, _ = context.users.create(admin, username="admin2", display_name="二号", role=Role.ADMIN,
                                    password=PASSWORD)
    demoted, _ = context.users.update(other, admin.id, display_name="管理员", role=Role.QUALITY_OFFICE,
                                      active=True)
    assert demoted.role is Role.QUALITY_OFFICE
    with pytest.raises(Conflict):  # now admin2 is the last one
        context.users.update(other, other.id, display_name="二号", role=Role.ADMIN, active=False)


def test_password_too_short(context: AppContext, admin: User) -> None:
    with pytest.raises(ValidationError) as raised:
        context.users.create(admin, username="short", display_name="短", role=Role.SUPERVISOR, password="12345")
    assert raised.value.code == "password_too_short"
    assert context.users.list(admin) == [admin]
    with pytest.raises(ValidationError):
        context.users.change_password(admin, admin.id, "abc", current_password=PASSWORD)
    context.users.authenticate("admin", PASSWORD)  # unchanged


@pytest.mark.parametrize("username", ["a", "has space", "中文名"])
def test_username_format(context: AppContext, admin: User, username: str) -> None:
    with pytest.raises(ValidationError) as raised:
        context.users.create(admin, username=username, display_name="x", role=Role.SUPERVISOR, password=PASSWORD)
    assert raised.value.code == "username_format"


def test_username_taken_ignores_case(context: AppContext, admin: User) -> None:
    with pytest.raises(Conflict) as raised:
        context.users.create(admin, username="ADMIN", display_name="x", role=Role.SUPERVISOR, password=PASSWORD)
    assert raised.value.code == "username_taken"


def test_change_own_password_needs_the_current_one(context: AppContext, users: dict[Role, User]) -> None:
    supervisor = users[Role.SUPERVISOR]
    before = _stored_hash(context, supervisor.id)
    with pytest.raises(AuthenticationFailed):
        context.users.change_password(supervisor, supervisor.id, "brand-new-pass", current_password="wrong-one")
    with pytest.raises(AuthenticationFailed):
        context.users.change_password(supervisor, supervisor.id, "brand-new-pass")
    assert _stored_hash(context, supervisor.id) == before
    context.users.change_password(supervisor, supervisor.id, "brand-new-pass", current_password=PASSWORD)
    assert context.users.authenticate("sup1", "brand-new-pass").id == supervisor.id
    with pytest.raises(AuthenticationFailed):
        context.users.authenticate("sup1", PASSWORD)


def test_only_admins_reset_someone_elses_password(context: AppContext, users: dict[Role, User]) -> None:
    office, supervisor = users[Role.QUALITY_OFFICE], users[Role.SUPERVISOR]
    with pytest.raises(PermissionDenied):
        context.users.change_password(office, supervisor.id, "taken-over")
    context.users.authenticate("sup1", PASSWORD)
    context.users.change_password(users[Role.ADMIN], supervisor.id, "reset-by-admin")
    context.users.authenticate("sup1", "reset-by-admin")


def test_supervisor_cannot_update_settings(context: AppContext, users: dict[Role, User]) -> None:
    before_audit = _rows(context, "audit_log")
    with pytest.raises(PermissionDenied):
        context.settings.update(users[Role.SUPERVISOR], organisation_name="篡改")
    assert context.settings.get().organisation_name != "篡改"
    assert _rows(context, "audit_log") == before_audit


def test_quality_office_can_update_settings(context: AppContext, users: dict[Role, User]) -> None:
    settings, changes = context.settings.update(users[Role.QUALITY_OFFICE], organisation_name="某公司质量办",
                                                recurrence_window_days=30)
    assert settings.organisation_name == "某公司质量办"
    assert context.settings.get().recurrence_window_days == 30
    assert not changes.empty


def test_settings_are_validated(context: AppContext, users: dict[Role, User]) -> None:
    with pytest.raises(ValidationError) as raised:
        context.settings.update(users[Role.QUALITY_OFFICE], recurrence_window_days=0)
    assert raised.value.params["field"] == "recurrence_window_days"
    assert context.settings.get().recurrence_window_days == 90


@pytest.mark.parametrize("language", ["", "zh_CN", "en"])
def test_language_setter_accepts_known_languages(context: AppContext, language: str) -> None:
    context.settings.set_language(language)
    assert context.settings.get().language == language


@pytest.mark.parametrize("language", ["fr", "zh", "EN", "../x"])
def test_language_setter_refuses_others(context: AppContext, language: str) -> None:
    context.settings.set_language("en")
    with pytest.raises(ValidationError) as raised:
        context.settings.set_language(language)
    assert raised.value.params["field"] == "language"
    assert context.settings.get().language == "en"


def test_a_hash_made_with_other_parameters_is_made_again_at_sign_in(context: AppContext, admin: User) -> None:
    """Hashes from before the parameters changed (argon2-cffi's defaults: 64 MiB, t=3, p=4) still
    sign in, and are re-made with the current ones at once (the tests run a cheaper hasher)."""
    from argon2 import PasswordHasher

    from inspector.services import users as users_module
    from inspector.storage import users_repo
    from inspector.storage.transaction import write_transaction

    old = PasswordHasher().hash(PASSWORD)
    assert "m=65536,t=3,p=4" in old
    with write_transaction(context.db):
        users_repo.set_password_hash(context.db, admin.id, old)
    assert context.users.authenticate(admin.username, PASSWORD).id == admin.id
    renewed = users_repo.password_hash(context.db, admin.id)
    assert renewed != old and not users_module._HASHER.check_needs_rehash(renewed)
    assert context.users.authenticate(admin.username, PASSWORD).id == admin.id


def test_the_app_hashes_with_owasps_argon2id_parameters() -> None:
    """m=19 MiB, t=2, p=1 (OWASP Password Storage Cheat Sheet), as the module is shipped (the tests
    swap in a cheaper hasher, so the call is read from the source)."""
    import ast
    import inspect

    import inspector.services.users as users_module

    tree = ast.parse(inspect.getsource(users_module))
    calls = [node.value for node in tree.body if isinstance(node, ast.Assign)
             and any(isinstance(target, ast.Name) and target.id == "_HASHER" for target in node.targets)]
    assert len(calls) == 1 and isinstance(calls[0], ast.Call)
    keywords = {keyword.arg: ast.literal_eval(keyword.value) for keyword in calls[0].keywords}
    assert keywords == {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}
