"""Who may read which complaint, and what of the complainant they see.

「热线值班人员受理……」: the quality office (安全服务监察部) handles complaints and alone sees the
complainant's name and phone; every other reader gets them masked (``138****1234``) here, in the
service, so no list, JSON or export made from a service's answer can carry them. A manager reads
the complaints of their own unit only.
"""

from __future__ import annotations

from inspector.domain.complaints import Complaint, mask_name, mask_phone
from inspector.domain.errors import NotFound, PermissionDenied
from inspector.domain.users import Permission, Role, User, require
from inspector.services.base import ServiceContext
from inspector.storage import complaints as complaints_repo


def sees_complainant(actor: User) -> bool:
    return actor.can(Permission.HANDLE_COMPLAINTS)


def may_read(actor: User, unit_id: int | None) -> bool:
    if not actor.can(Permission.VIEW_COMPLAINTS):
        return False
    if actor.role is Role.MANAGER:
        return actor.unit_id is not None and unit_id == actor.unit_id
    return True


class ComplaintAccess:
    """Loads cases as ``Complaint`` for one reader: visibility checked, complainant masked."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def build(self, actor: User, row: complaints_repo.Row, *, with_events: bool = True) -> Complaint:
        intake = row.intake
        if not sees_complainant(actor):
            intake = intake.model_copy(update={"complainant_name": mask_name(intake.complainant_name),
                                               "complainant_phone": mask_phone(intake.complainant_phone)})
        state = row.state
        return Complaint(
            id=row.id, number=row.number, intake=intake, taken_by=row.taken_by, taken_by_name=row.taken_by_name,
            vehicle_label=row.vehicle_label, staff_label=row.staff_label, unit_name=row.unit_name,
            status=state.status, round=state.round, due_at=state.due_at, department_due_at=state.department_due_at,
            extended=state.extended, liability=state.liability, opinion=state.opinion, result_at=state.result_at,
            closed_at=state.closed_at, finding_ids=complaints_repo.finding_ids(self.ctx.db, row.id),
            events=tuple(complaints_repo.events(self.ctx.db, row.id)) if with_events else (),
        )

    def row(self, complaint_id: int) -> complaints_repo.Row:
        found = complaints_repo.get(self.ctx.db, complaint_id)
        if found is None:
            raise NotFound("not_found", entity="complaint", key=str(complaint_id))
        return found

    def visible(self, actor: User, complaint_id: int) -> Complaint:
        if not actor.active:
            raise PermissionDenied("account_inactive", user=actor.username)
        require(actor, Permission.VIEW_COMPLAINTS)
        row = self.row(complaint_id)
        if not may_read(actor, row.intake.unit_id):
            raise PermissionDenied("complaint_other_unit", number=row.number, user=actor.username)
        return self.build(actor, row)

    def id_of(self, number: str) -> int:
        found = complaints_repo.id_by_number(self.ctx.db, number.strip().upper())
        if found is None:
            raise NotFound("not_found", entity="complaint", key=number)
        return found

    def listed(self, actor: User, rows: list[complaints_repo.Row]) -> list[Complaint]:
        if not (actor.active and actor.can(Permission.VIEW_COMPLAINTS)):
            return []
        return [self.build(actor, row, with_events=False) for row in rows if may_read(actor, row.intake.unit_id)]

