"""Translated display names for the domain's codes (roles, kinds, modes, severities…).

The domain speaks in codes; this is the one place that turns them into words a supervisor
reads. Context "Labels" in the .ts files. It lives outside ``ui`` because error sentences
(``messages``) and, later, PDFs need the same words.
"""

from __future__ import annotations

from enum import StrEnum

from inspector.domain.inspections import InspectionMode, InspectionStatus
from inspector.domain.registry import RegistryKind, StaffRole, UnitKind
from inspector.domain.templates import ScoringScheme, Severity, SubjectKind, TemplateStatus
from inspector.domain.users import Permission, Role
from inspector.words.i18n import QT_TRANSLATE_NOOP, translate

# Keyed by (enum type, value): StrEnum members equal their value, so RegistryKind.STAFF and
# SubjectKind.STAFF (both "staff"), Role.MANAGER and StaffRole.MANAGER, TemplateStatus.DRAFT and
# InspectionStatus.DRAFT would otherwise overwrite each other in one dict.
_PAIRS: tuple[tuple[StrEnum, str], ...] = (
    (Role.SUPERVISOR, QT_TRANSLATE_NOOP("Labels", "Supervisor")),
    (Role.QUALITY_OFFICE, QT_TRANSLATE_NOOP("Labels", "Quality office")),
    (Role.MANAGER, QT_TRANSLATE_NOOP("Labels", "Manager")),
    (Role.ADMIN, QT_TRANSLATE_NOOP("Labels", "Administrator")),
    (Permission.MANAGE_USERS, QT_TRANSLATE_NOOP("Labels", "manage user accounts")),
    (Permission.VIEW_REGISTRY, QT_TRANSLATE_NOOP("Labels", "view the registry")),
    (Permission.EDIT_REGISTRY, QT_TRANSLATE_NOOP("Labels", "edit the registry")),
    (Permission.VIEW_TEMPLATES, QT_TRANSLATE_NOOP("Labels", "view checklist templates")),
    (Permission.EDIT_TEMPLATES, QT_TRANSLATE_NOOP("Labels", "edit checklist templates")),
    (Permission.PUBLISH_TEMPLATES, QT_TRANSLATE_NOOP("Labels", "publish checklist templates")),
    (Permission.RECORD_INSPECTIONS, QT_TRANSLATE_NOOP("Labels", "record inspections")),
    (Permission.VIEW_ALL_COVERT, QT_TRANSLATE_NOOP("Labels", "see every covert inspection")),
    (Permission.EDIT_OTHERS_INSPECTIONS, QT_TRANSLATE_NOOP("Labels", "edit other supervisors' inspections")),
    (Permission.REOPEN_INSPECTIONS, QT_TRANSLATE_NOOP("Labels", "reopen completed inspections")),
    (Permission.ISSUE_NOTICES, QT_TRANSLATE_NOOP("Labels", "issue rectification notices")),
    (Permission.SIGN_NOTICES, QT_TRANSLATE_NOOP("Labels", "sign rectification notices")),
    (Permission.RECORD_FOLLOWUPS, QT_TRANSLATE_NOOP("Labels", "record follow-up checks")),
    (Permission.VIEW_REPORTS, QT_TRANSLATE_NOOP("Labels", "view reports")),
    (Permission.WRITE_REPORTS, QT_TRANSLATE_NOOP("Labels", "write the monthly report's analysis")),
    (Permission.EDIT_SETTINGS, QT_TRANSLATE_NOOP("Labels", "change the settings")),
    (Permission.VIEW_AUDIT, QT_TRANSLATE_NOOP("Labels", "read the audit trail")),
    (Permission.VIEW_COMPLAINTS, QT_TRANSLATE_NOOP("Labels", "read complaints")),
    (Permission.HANDLE_COMPLAINTS, QT_TRANSLATE_NOOP("Labels", "register and handle complaints")),
    (RegistryKind.UNITS, QT_TRANSLATE_NOOP("Labels", "Units")),
    (RegistryKind.VEHICLES, QT_TRANSLATE_NOOP("Labels", "Vehicles")),
    (RegistryKind.STAFF, QT_TRANSLATE_NOOP("Labels", "Staff")),
    (RegistryKind.LOCATIONS, QT_TRANSLATE_NOOP("Labels", "Locations")),
    (UnitKind.DEPOT, QT_TRANSLATE_NOOP("Labels", "Depot")),
    (UnitKind.CONTRACTOR, QT_TRANSLATE_NOOP("Labels", "Contractor")),
    (UnitKind.DEPARTMENT, QT_TRANSLATE_NOOP("Labels", "Department")),
    (UnitKind.SITE, QT_TRANSLATE_NOOP("Labels", "Site")),
    (StaffRole.DRIVER, QT_TRANSLATE_NOOP("Labels", "Driver")),
    (StaffRole.CONDUCTOR, QT_TRANSLATE_NOOP("Labels", "Conductor")),
    (StaffRole.GUARD, QT_TRANSLATE_NOOP("Labels", "Security guard")),
    (StaffRole.CCTV_OPERATOR, QT_TRANSLATE_NOOP("Labels", "CCTV operator")),
    (StaffRole.CLEANER, QT_TRANSLATE_NOOP("Labels", "Cleaner")),
    (StaffRole.RECEPTIONIST, QT_TRANSLATE_NOOP("Labels", "Receptionist")),
    (StaffRole.MAINTENANCE, QT_TRANSLATE_NOOP("Labels", "Maintenance")),
    (StaffRole.STATION_STAFF, QT_TRANSLATE_NOOP("Labels", "Station staff")),
    (StaffRole.MANAGER, QT_TRANSLATE_NOOP("Labels", "Management staff")),
    (InspectionMode.ONSITE, QT_TRANSLATE_NOOP("Labels", "On-site")),
    (InspectionMode.COVERT, QT_TRANSLATE_NOOP("Labels", "Covert")),
    (InspectionMode.WALKAROUND, QT_TRANSLATE_NOOP("Labels", "Walk-around")),
    (InspectionStatus.DRAFT, QT_TRANSLATE_NOOP("Labels", "In progress")),
    (InspectionStatus.COMPLETED, QT_TRANSLATE_NOOP("Labels", "Completed")),
    (Severity.GENERAL, QT_TRANSLATE_NOOP("Labels", "General")),
    (Severity.SERIOUS, QT_TRANSLATE_NOOP("Labels", "Serious")),
    (SubjectKind.VEHICLE, QT_TRANSLATE_NOOP("Labels", "Vehicle")),
    (SubjectKind.STAFF, QT_TRANSLATE_NOOP("Labels", "Staff member")),
    (SubjectKind.LOCATION, QT_TRANSLATE_NOOP("Labels", "Location")),
    (SubjectKind.UNIT, QT_TRANSLATE_NOOP("Labels", "Unit")),
    (TemplateStatus.DRAFT, QT_TRANSLATE_NOOP("Labels", "Draft")),
    (TemplateStatus.PUBLISHED, QT_TRANSLATE_NOOP("Labels", "Published")),
    (ScoringScheme.DEDUCTION, QT_TRANSLATE_NOOP("Labels", "Deduction from 100")),
    (ScoringScheme.WEIGHTED, QT_TRANSLATE_NOOP("Labels", "Weighted points")),
    (ScoringScheme.FIVE_POINT, QT_TRANSLATE_NOOP("Labels", "Five-point scale")),
)
_LABELS: dict[tuple[type, str], str] = {(type(code), code.value): text for code, text in _PAIRS}


def label(code: StrEnum) -> str:
    """The translated display name of a domain code (the raw value if none is defined)."""
    text = _LABELS.get((type(code), code.value))
    return translate("Labels", text) if text else str(code.value)


def choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(display name, member) pairs in declaration order, for combo boxes."""
    return [(label(member), member) for member in enum]


_ENTITY_WORDS: dict[str, str] = {
    "inspection": QT_TRANSLATE_NOOP("Labels", "inspection"),
    "template": QT_TRANSLATE_NOOP("Labels", "checklist template"),
    "template_version": QT_TRANSLATE_NOOP("Labels", "checklist template version"),
    "user": QT_TRANSLATE_NOOP("Labels", "user"),
    "notice": QT_TRANSLATE_NOOP("Labels", "rectification notice"),
    "photo": QT_TRANSLATE_NOOP("Labels", "photo"),
    "signature": QT_TRANSLATE_NOOP("Labels", "signature"),
    "complaint": QT_TRANSLATE_NOOP("Labels", "complaint"),
    "comment_book_entry": QT_TRANSLATE_NOOP("Labels", "comment book entry"),
}


def entity_label(code: str) -> str:
    """Words for an entity code in an error (``vehicles`` → 车辆, ``inspection`` → 检查)."""
    for enum in (RegistryKind, SubjectKind):
        if code in enum._value2member_map_:
            return label(enum(code))
    text = _ENTITY_WORDS.get(code)
    return translate("Labels", text) if text else code
