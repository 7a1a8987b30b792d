"""Enum labels stay distinct when two enums share a value (StrEnum members equal their value)."""

from __future__ import annotations

from inspector.domain.inspections import InspectionStatus
from inspector.domain.registry import RegistryKind, StaffRole
from inspector.domain.templates import SubjectKind, TemplateStatus
from inspector.domain.users import Role
from inspector.words.labels import label


def test_same_value_in_two_enums_keeps_two_labels() -> None:
    assert label(Role.MANAGER) == "Manager"
    assert label(StaffRole.MANAGER) == "Management staff"
    assert label(RegistryKind.STAFF) == "Staff"
    assert label(SubjectKind.STAFF) == "Staff member"
    assert label(TemplateStatus.DRAFT) == "Draft"
    assert label(InspectionStatus.DRAFT) == "In progress"
