"""The permission matrix and the rules about who may see and edit which inspection."""

from __future__ import annotations

import pytest

from inspector.domain.errors import PermissionDenied, ValidationError
from inspector.domain.users import (
    Permission,
    Role,
    User,
    can_edit_inspection,
    can_view_inspection,
    check_password_strength,
    require,
)


def _user(role: Role, user_id: int = 1, *, active: bool = True) -> User:
    return User(id=user_id, username=f"u{user_id}", display_name=f"u{user_id}", role=role, active=active)


SUPERVISOR = _user(Role.SUPERVISOR, 1)
OTHER_SUPERVISOR = _user(Role.SUPERVISOR, 2)
OFFICE = _user(Role.QUALITY_OFFICE, 3)
MANAGER = _user(Role.MANAGER, 4)
ADMIN = _user(Role.ADMIN, 5)


@pytest.mark.parametrize(
    "permission", [Permission.PUBLISH_TEMPLATES, Permission.EDIT_REGISTRY, Permission.VIEW_ALL_COVERT,
                   Permission.MANAGE_USERS, Permission.EDIT_SETTINGS, Permission.EDIT_OTHERS_INSPECTIONS],
)
def test_supervisor_lacks_office_powers(permission: Permission) -> None:
    assert not SUPERVISOR.can(permission)
    with pytest.raises(PermissionDenied) as raised:
        require(SUPERVISOR, permission)
    assert raised.value.params == {"permission": permission.value, "role": "supervisor", "user": "u1"}


@pytest.mark.parametrize(
    "permission", [Permission.PUBLISH_TEMPLATES, Permission.EDIT_REGISTRY, Permission.VIEW_ALL_COVERT,
                   Permission.EDIT_OTHERS_INSPECTIONS, Permission.EDIT_SETTINGS, Permission.ISSUE_NOTICES],
)
def test_quality_office_has_them(permission: Permission) -> None:
    assert OFFICE.can(permission)
    require(OFFICE, permission)


def test_supervisor_records_inspections_and_followups() -> None:
    assert SUPERVISOR.can(Permission.RECORD_INSPECTIONS)
    assert SUPERVISOR.can(Permission.RECORD_FOLLOWUPS)
    assert SUPERVISOR.can(Permission.VIEW_REGISTRY)


def test_manager_signs_and_reads_reports_but_records_nothing() -> None:
    assert MANAGER.can(Permission.SIGN_NOTICES) and MANAGER.can(Permission.VIEW_REPORTS)
    assert not MANAGER.can(Permission.RECORD_INSPECTIONS)
    assert not MANAGER.can(Permission.VIEW_ALL_COVERT)


def test_only_admins_manage_users() -> None:
    assert [role for role in Role if _user(role).can(Permission.MANAGE_USERS)] == [Role.ADMIN]


def test_inactive_user_holds_no_permission() -> None:
    retired = _user(Role.QUALITY_OFFICE, active=False)
    assert not any(retired.can(permission) for permission in Permission)
    with pytest.raises(PermissionDenied):
        require(retired, Permission.VIEW_REGISTRY)


@pytest.mark.parametrize(
    ("viewer", "covert", "author_id", "expected"),
    [
        (SUPERVISOR, True, SUPERVISOR.id, True),  # own covert visit
        (SUPERVISOR, True, OTHER_SUPERVISOR.id, False),  # someone else's covert visit
        (SUPERVISOR, False, OTHER_SUPERVISOR.id, True),  # onsite inspections are open to all
        (MANAGER, True, SUPERVISOR.id, False),
        (MANAGER, False, SUPERVISOR.id, True),
        (OFFICE, True, SUPERVISOR.id, True),
        (ADMIN, True, SUPERVISOR.id, True),
        (_user(Role.SUPERVISOR, 1, active=False), False, 1, False),  # retired accounts see nothing
    ],
)
def test_can_view_inspection(viewer: User, covert: bool, author_id: int, expected: bool) -> None:
    assert can_view_inspection(viewer, covert=covert, author_id=author_id) is expected


@pytest.mark.parametrize(
    ("editor", "author_id", "expected"),
    [
        (SUPERVISOR, SUPERVISOR.id, True),
        (SUPERVISOR, OTHER_SUPERVISOR.id, False),
        (OFFICE, SUPERVISOR.id, True),
        (MANAGER, SUPERVISOR.id, False),
        (MANAGER, MANAGER.id, False),  # cannot record at all, even "own"
        (ADMIN, SUPERVISOR.id, False),  # admins see everything but do not write inspections
        (_user(Role.SUPERVISOR, 1, active=False), 1, False),
    ],
)
def test_can_edit_inspection(editor: User, author_id: int, expected: bool) -> None:
    assert can_edit_inspection(editor, author_id=author_id) is expected


def test_password_strength() -> None:
    check_password_strength("123456")
    with pytest.raises(ValidationError) as raised:
        check_password_strength("12345")
    assert raised.value.code == "password_too_short" and raised.value.params == {"minimum": 6}
