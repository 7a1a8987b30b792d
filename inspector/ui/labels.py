"""Translated display names for the domain's codes (roles, kinds, modes, severities…).

The domain speaks in codes; this is the one place that turns them into words a supervisor
reads. Context "Labels" in the .ts files.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.domain.inspections import InspectionMode, InspectionStatus
from inspector.domain.registry import RegistryKind, StaffRole, UnitKind
from inspector.domain.templates import ScoringScheme, Severity, SubjectKind, TemplateStatus
from inspector.domain.users import Role

_LABELS: dict[StrEnum, str] = {
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    Role.QUALITY_OFFICE: QT_TRANSLATE_NOOP("Labels", "Quality office"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Labels", "Manager"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "Administrator"),
    RegistryKind.UNITS: QT_TRANSLATE_NOOP("Labels", "Units"),
    RegistryKind.VEHICLES: QT_TRANSLATE_NOOP("Labels", "Vehicles"),
    RegistryKind.STAFF: QT_TRANSLATE_NOOP("Labels", "Staff"),
    RegistryKind.LOCATIONS: QT_TRANSLATE_NOOP("Labels", "Locations"),
    UnitKind.DEPOT: QT_TRANSLATE_NOOP("Labels", "Depot"),
    UnitKind.CONTRACTOR: QT_TRANSLATE_NOOP("Labels", "Contractor"),
    UnitKind.DEPARTMENT: QT_TRANSLATE_NOOP("Labels", "Department"),
    UnitKind.SITE: QT_TRANSLATE_NOOP("Labels", "Site"),
    StaffRole.DRIVER: QT_TRANSLATE_NOOP("Labels", "Driver"),
    StaffRole.CONDUCTOR: QT_TRANSLATE_NOOP("Labels", "Conductor"),
    StaffRole.GUARD: QT_TRANSLATE_NOOP("Labels", "Security guard"),
    StaffRole.CCTV_OPERATOR: QT_TRANSLATE_NOOP("Labels", "CCTV operator"),
    StaffRole.CLEANER: QT_TRANSLATE_NOOP("Labels", "Cleaner"),
    StaffRole.RECEPTIONIST: QT_TRANSLATE_NOOP("Labels", "Receptionist"),
    StaffRole.MAINTENANCE: QT_TRANSLATE_NOOP("Labels", "Maintenance"),
    StaffRole.STATION_STAFF: QT_TRANSLATE_NOOP("Labels", "Station staff"),
    StaffRole.MANAGER: QT_TRANSLATE_NOOP("Labels", "Management staff"),
    InspectionMode.ONSITE: QT_TRANSLATE_NOOP("Labels", "On-site"),
    InspectionMode.COVERT: QT_TRANSLATE_NOOP("Labels", "Covert"),
    InspectionMode.WALKAROUND: QT_TRANSLATE_NOOP("Labels", "Walk-around"),
    InspectionStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "In progress"),
    InspectionStatus.COMPLETED: QT_TRANSLATE_NOOP("Labels", "Completed"),
    Severity.GENERAL: QT_TRANSLATE_NOOP("Labels", "General"),
    Severity.SERIOUS: QT_TRANSLATE_NOOP("Labels", "Serious"),
    SubjectKind.VEHICLE: QT_TRANSLATE_NOOP("Labels", "Vehicle"),
    SubjectKind.STAFF: QT_TRANSLATE_NOOP("Labels", "Staff member"),
    SubjectKind.LOCATION: QT_TRANSLATE_NOOP("Labels", "Location"),
    SubjectKind.UNIT: QT_TRANSLATE_NOOP("Labels", "Unit"),
    TemplateStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    TemplateStatus.PUBLISHED: QT_TRANSLATE_NOOP("Labels", "Published"),
    ScoringScheme.DEDUCTION: QT_TRANSLATE_NOOP("Labels", "Deduction from 100"),
    ScoringScheme.WEIGHTED: QT_TRANSLATE_NOOP("Labels", "Weighted points"),
    ScoringScheme.FIVE_POINT: QT_TRANSLATE_NOOP("Labels", "Five-point scale"),
}


def label(code: StrEnum) -> str:
    """The translated display name of a domain code (the raw value if none is defined)."""
    text = _LABELS.get(code)
    return QCoreApplication.translate("Labels", text) if text else str(code.value)


def choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(display name, member) pairs in declaration order, for combo boxes."""
    return [(label(member), member) for member in enum]
