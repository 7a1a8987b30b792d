"""Loading an inspection for the use cases that act on it: the row itself, its own template
version, the staff role fixed at its start, and the two gates every use case passes — may the
actor *see* it (covert visits), may the actor *edit* it (their own draft).

``InspectionAccess`` owns these reads so that the inspection service, its recorder and its
lifecycle share one implementation instead of reaching into each other. It also holds the small
parsing rules the recording calls share (an enum from user input, an item's typed value).

Recording one answer must not cost more when many are given (#18.2): ``editable_head`` reads the
inspection's row without its answers, and the template version comes from ``PublishedTemplates``
(parsed once, kept while in use) with the items that apply to the inspection's staff role.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.inspections import Inspection, InspectionHead, InspectionStatus
from inspector.domain.registry import RegistryKind, StaffRole
from inspector.domain.templates import ResponseType, SubjectKind, TemplateItem, TemplateVersion
from inspector.domain.users import Permission, User, can_edit_inspection, can_view_inspection, require
from inspector.services.base import ServiceContext
from inspector.services.published_templates import PublishedTemplates
from inspector.storage import inspections_repo, registry_repo

E = TypeVar("E", bound=Enum)


def parse_enum(kind: type[E], value: object, field: str) -> E:
    """``value`` as a member of ``kind``, or ``invalid_value`` naming ``field``."""
    try:
        return kind(value)
    except ValueError:
        raise ValidationError("invalid_value", field=field, value=str(value)) from None


def item_value(item: TemplateItem, value: float | str | None) -> float | str | None:
    """A NUMERIC item's reading as a finite number, a TEXT item's observation as text; a
    PASS_FAIL item takes no value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if item.response is ResponseType.NUMERIC:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if isinstance(value, bool) or not math.isfinite(number):
            raise ValidationError("invalid_value", field="value", value=str(value), item=item.code)
        return number
    if item.response is ResponseType.TEXT:
        return str(value).strip()
    raise ValidationError("value_not_expected", item=item.code, value=str(value))


class InspectionAccess:
    """Reads one inspection and decides whether an actor may see or edit it."""

    def __init__(self, ctx: ServiceContext, templates: PublishedTemplates | None = None) -> None:
        self.ctx = ctx
        self.templates = templates or PublishedTemplates(ctx)

    def load(self, inspection_id: int) -> Inspection:
        """The inspection with no visibility check — for use cases that apply their own rule
        (a notice's follow-up reads the covert visit it came from without showing it)."""
        inspection = inspections_repo.get(self.ctx.db, inspection_id)
        if inspection is None:
            raise NotFound(entity="inspection", key=str(inspection_id))
        return inspection

    def visible(self, actor: User, inspection_id: int) -> Inspection:
        """The inspection, once ``actor`` may see it (covert visits: author, office, admins).

        A covert visit hidden from ``actor`` is refused exactly like an id that does not exist
        (same ``not_found`` code, same parameters): any other answer would let anyone probe ids
        and learn which of them are covert visits."""
        inspection = inspections_repo.get(self.ctx.db, inspection_id)
        if inspection is None or not can_view_inspection(actor, covert=inspection.covert,
                                                         author_id=inspection.author_id):
            raise NotFound(entity="inspection", key=str(inspection_id))
        return inspection

    def ensure_can_edit(self, actor: User, inspection: InspectionHead) -> None:
        """Raise unless ``actor`` records inspections and this one is theirs (or they are the office)."""
        require(actor, Permission.RECORD_INSPECTIONS)
        if not can_edit_inspection(actor, author_id=inspection.author_id):
            raise PermissionDenied("not_your_inspection", inspection=inspection.id, user=actor.username,
                                   role=actor.role.value)

    def editable_draft(self, actor: User, inspection_id: int) -> Inspection:
        """The inspection, once ``actor`` may edit it and it is still a draft."""
        inspection = self.load(inspection_id)
        self._ensure_editable_draft(actor, inspection)
        return inspection

    def editable_head(self, actor: User, inspection_id: int) -> InspectionHead:
        """``editable_draft`` without the answers: the same checks, the same refusals, one row read."""
        head = inspections_repo.head(self.ctx.db, inspection_id)
        if head is None:
            raise NotFound(entity="inspection", key=str(inspection_id))
        self._ensure_editable_draft(actor, head)
        return head

    def _ensure_editable_draft(self, actor: User, inspection: InspectionHead) -> None:
        self.ensure_can_edit(actor, inspection)
        if inspection.status is InspectionStatus.COMPLETED:
            raise Conflict("inspection_completed", inspection=inspection.id)

    def template_of(self, inspection: InspectionHead) -> TemplateVersion:
        """The template version the inspection started on (never a later one), parsed once."""
        return self.templates.version(inspection.template_version_id, code=inspection.template_code,
                                      version=inspection.template_version)

    def applicable_of(self, inspection: InspectionHead) -> tuple[TemplateVersion, Mapping[str, TemplateItem]]:
        """The inspection's template version and, by code in order, the items that apply to it
        (role-specific sections by the staff role fixed at its start)."""
        template = self.template_of(inspection)
        return template, self.templates.applicable(template, self.staff_role_of(inspection))

    def staff_role_of(self, inspection: InspectionHead) -> StaffRole | None:
        """The role that selects role-specific sections: the staff subject's as it was when the
        inspection started (a staff inspection of a database older than that falls back to the
        registry's current role); none for other subjects."""
        if inspection.subject.kind is not SubjectKind.STAFF:
            return None
        stored = inspections_repo.stored_staff_role(self.ctx.db, inspection.id)
        if stored is None:
            staff = registry_repo.get(self.ctx.db, RegistryKind.STAFF, inspection.subject.id)
            stored = None if staff is None else str(staff.role)
        return None if stored is None else StaffRole(stored)
