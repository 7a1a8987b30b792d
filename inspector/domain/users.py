"""Users, roles and the permission rules every service checks.

Roles are enforced in services (``require``), never only by hiding buttons. The rules about
*which* inspection a user may see or edit live here as pure functions so that services, list
queries and tests share one definition.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, field_validator

from inspector.domain.errors import PermissionDenied, ValidationError
from inspector.domain.text import check_name


class Role(StrEnum):
    SUPERVISOR = "supervisor"  # 督导员
    QUALITY_OFFICE = "quality_office"  # 质量办
    MANAGER = "manager"  # 负责人
    ADMIN = "admin"


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"
    VIEW_REGISTRY = "view_registry"
    EDIT_REGISTRY = "edit_registry"
    VIEW_TEMPLATES = "view_templates"
    EDIT_TEMPLATES = "edit_templates"
    PUBLISH_TEMPLATES = "publish_templates"
    RECORD_INSPECTIONS = "record_inspections"
    VIEW_ALL_COVERT = "view_all_covert"
    EDIT_OTHERS_INSPECTIONS = "edit_others_inspections"
    REOPEN_INSPECTIONS = "reopen_inspections"
    ISSUE_NOTICES = "issue_notices"
    SIGN_NOTICES = "sign_notices"
    RECORD_FOLLOWUPS = "record_followups"
    VIEW_REPORTS = "view_reports"
    WRITE_REPORTS = "write_reports"  # the analysis and suggestions of the monthly report
    EDIT_SETTINGS = "edit_settings"
    VIEW_AUDIT = "view_audit"
    VIEW_COMPLAINTS = "view_complaints"  # a manager: those of their own unit only
    HANDLE_COMPLAINTS = "handle_complaints"  # register and carry complaints; see the complainant


_ALL_VIEW = {Permission.VIEW_REGISTRY, Permission.VIEW_TEMPLATES, Permission.VIEW_COMPLAINTS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.SUPERVISOR: frozenset(_ALL_VIEW | {Permission.RECORD_INSPECTIONS, Permission.RECORD_FOLLOWUPS}),
    Role.QUALITY_OFFICE: frozenset(
        _ALL_VIEW
        | {
            Permission.EDIT_REGISTRY,
            Permission.EDIT_TEMPLATES,
            Permission.PUBLISH_TEMPLATES,
            Permission.RECORD_INSPECTIONS,
            Permission.VIEW_ALL_COVERT,
            Permission.EDIT_OTHERS_INSPECTIONS,
            Permission.REOPEN_INSPECTIONS,
            Permission.ISSUE_NOTICES,
            Permission.SIGN_NOTICES,
            Permission.RECORD_FOLLOWUPS,
            Permission.VIEW_REPORTS,
            Permission.WRITE_REPORTS,
            Permission.EDIT_SETTINGS,
            Permission.VIEW_AUDIT,
            Permission.HANDLE_COMPLAINTS,
        }
    ),
    Role.MANAGER: frozenset(_ALL_VIEW | {Permission.SIGN_NOTICES, Permission.VIEW_REPORTS}),
    Role.ADMIN: frozenset(
        _ALL_VIEW
        | {
            Permission.MANAGE_USERS,
            Permission.EDIT_REGISTRY,
            Permission.EDIT_TEMPLATES,
            Permission.VIEW_ALL_COVERT,
            Permission.EDIT_SETTINGS,
            Permission.VIEW_AUDIT,
            Permission.VIEW_REPORTS,
        }
    ),
}

USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")
MIN_PASSWORD_LENGTH = 6


class User(BaseModel):
    """A local account. The password hash never leaves storage and services."""

    model_config = ConfigDict(frozen=True)

    id: int
    username: str
    display_name: str
    role: Role
    active: bool = True
    unit_id: int | None = None
    created_at: datetime | None = None

    def can(self, permission: Permission) -> bool:
        return self.active and permission in ROLE_PERMISSIONS[self.role]


class NewUser(BaseModel):
    """What is needed to create an account (validated before anything is written)."""

    username: str
    display_name: str
    role: Role
    password: str
    unit_id: int | None = None

    @field_validator("username")
    @classmethod
    def _username(cls, value: str) -> str:
        value = value.strip()
        if not USERNAME_PATTERN.match(value):
            raise ValueError("username_format")
        return value

    @field_validator("display_name")
    @classmethod
    def _display_name(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("display_name_empty")
        return check_name(value, "display_name")  # its ValidationError passes through pydantic as it is


def check_password_strength(password: str) -> None:
    """Refuse passwords too short to protect signing keys and covert records."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password_too_short", minimum=MIN_PASSWORD_LENGTH)


def require(user: User, permission: Permission) -> None:
    """Raise PermissionDenied unless ``user`` holds ``permission``."""
    if not user.can(permission):
        raise PermissionDenied(permission=permission.value, role=user.role.value, user=user.username)


def can_view_inspection(user: User, *, covert: bool, author_id: int) -> bool:
    """Covert inspections are visible only to the quality office, admins and their author."""
    if not user.active:
        return False
    if not covert:
        return True
    return user.id == author_id or user.can(Permission.VIEW_ALL_COVERT)


def can_edit_inspection(user: User, *, author_id: int) -> bool:
    """A supervisor edits only their own inspections; the quality office may edit any."""
    if not user.can(Permission.RECORD_INSPECTIONS):
        return False
    return user.id == author_id or user.can(Permission.EDIT_OTHERS_INSPECTIONS)


# --- sign-in throttling (issue #12 point 15) ---------------------------------------------------
FREE_TRIES = 3  # wrong passwords in a row without a wait: typing slips
FIRST_WAIT_SECONDS = 5  # then 5 s, 10 s, 20 s … doubling with each further wrong password
LOCKOUT_AFTER = 10  # this many in a row lock the name for LOCKOUT_MINUTES (audited as a lockout)
LOCKOUT_MINUTES = 15


def sign_in_wait_seconds(failures: int) -> int:
    """How long the next try must wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_TRIES:
        return 0
    if failures >= LOCKOUT_AFTER:
        return LOCKOUT_MINUTES * 60
    return min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_TRIES), LOCKOUT_MINUTES * 60)
