"""Recording a draft: answers and the photos that back them, each committed the moment it is made.

An answer and the photos given with it are one transaction (with its audit entry): after a
crash either both are there or neither. Photos are ingested (files fsynced, ``photos`` row
committed) by ``PhotoService.ingest`` before they are attached here, so an attached photo always
has its file. ``InspectionService`` exposes these as its ``answer``, ``add_photos`` and
``remove_photo`` methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import Conflict, NotFound, ValidationError
from inspector.domain.inspections import (
    Answer,
    AnswerResult,
    Inspection,
    InspectionStatus,
)
from inspector.domain.scoring import applicable_items
from inspector.domain.templates import Severity, TemplateItem
from inspector.domain.users import User
from inspector.storage import inspections_repo, photos_repo

if TYPE_CHECKING:
    from inspector.services.inspections import InspectionService


def answer_facts(answer: Answer) -> dict[str, Any]:
    """What the audit log keeps of an answer (everything but the time it was entered)."""
    return {"item": answer.item_code, "result": answer.result.value, "value": answer.value, "note": answer.note,
            "severity": answer.severity.value if answer.severity else None}


def editable_draft(service: InspectionService, actor: User, inspection_id: int) -> Inspection:
    """The inspection, once ``actor`` may edit it and it is still a draft."""
    inspection = service._get(inspection_id)
    service.ensure_can_edit(actor, inspection)
    if inspection.status is InspectionStatus.COMPLETED:
        raise Conflict("inspection_completed", inspection=inspection_id)
    return inspection


def _photo_ids(service: InspectionService, photo_ids: Sequence[int]) -> list[int]:
    """``photo_ids`` without repeats, each one an existing photo row."""
    unique = list(dict.fromkeys(int(photo_id) for photo_id in photo_ids))
    found = photos_repo.get_many(service.ctx.db, unique)
    for photo_id in unique:
        if photo_id not in found:
            raise NotFound(entity="photo", key=str(photo_id))
    return unique


def _applicable_item(service: InspectionService, inspection: Inspection, item_code: str) -> TemplateItem:
    template = service._template_of(inspection)
    applicable = {item.code: item for _, item in applicable_items(
        template.body, staff_role=service._staff_role(inspection))}
    item = applicable.get(item_code)
    if item is None:
        if template.body.item(item_code) is None:
            raise NotFound("item_not_in_template", item=item_code, template=f"{template.code} v{template.version}")
        raise ValidationError("item_not_applicable", item=item_code, subject=inspection.subject.label)
    return item


def answer(
    service: InspectionService, actor: User, inspection_id: int, item_code: str, result: AnswerResult | str, *,
    value: float | str | None = None, note: str = "", severity: Severity | str | None = None,
    photo_ids: Sequence[int] = (),
) -> tuple[Inspection, ChangeSet]:
    inspection = editable_draft(service, actor, inspection_id)
    outcome = service._enum(AnswerResult, result, "result")
    chosen = None if severity is None else service._enum(Severity, severity, "severity")
    item = _applicable_item(service, inspection, item_code)
    photos = _photo_ids(service, photo_ids)
    new = Answer(item_code=item_code, result=outcome, value=service._value(item, value), note=note.strip(),
                 severity=chosen, answered_at=datetime.fromisoformat(service.ctx.now_text()))
    previous = next((a for a in inspection.answers if a.item_code == item_code), None)
    adding = [photo_id for photo_id in photos if previous is None or photo_id not in previous.photo_ids]
    if previous is not None and answer_facts(previous) == answer_facts(new) and not adding:
        return inspection, ChangeSet()
    after = answer_facts(new)
    if adding:
        after["photos_added"] = adding
    with service.ctx.mutation():
        inspections_repo.put_answer(service.ctx.db, inspection_id, new)
        for photo_id in adding:
            photos_repo.attach(service.ctx.db, inspection_id, item_code, photo_id)
        service.ctx.record(actor, "inspection.answer", Entity.INSPECTION, inspection_id,
                           before=None if previous is None else answer_facts(previous), after=after)
    return service._get(inspection_id), _changes(inspection_id, adding)


def _changes(inspection_id: int, photo_ids: Sequence[int]) -> ChangeSet:
    changes = ChangeSet.of(Entity.INSPECTION, inspection_id)
    return changes.merge(ChangeSet.of(Entity.PHOTO, *photo_ids)) if photo_ids else changes


def _answered(inspection: Inspection, item_code: str) -> Answer:
    found = next((a for a in inspection.answers if a.item_code == item_code), None)
    if found is None:
        raise ValidationError("item_not_answered", item=item_code, inspection=inspection.id)
    return found


def add_photos(
    service: InspectionService, actor: User, inspection_id: int, item_code: str, photo_ids: Sequence[int],
) -> tuple[Inspection, ChangeSet]:
    inspection = editable_draft(service, actor, inspection_id)
    existing = _answered(inspection, item_code)
    adding = [photo_id for photo_id in _photo_ids(service, photo_ids) if photo_id not in existing.photo_ids]
    if not adding:
        return inspection, ChangeSet()
    with service.ctx.mutation():
        for photo_id in adding:
            photos_repo.attach(service.ctx.db, inspection_id, item_code, photo_id)
        service.ctx.record(actor, "inspection.photo_add", Entity.INSPECTION, inspection_id,
                           after={"item": item_code, "photos": adding})
    return service._get(inspection_id), _changes(inspection_id, adding)


def remove_photo(
    service: InspectionService, actor: User, inspection_id: int, item_code: str, photo_id: int,
) -> tuple[Inspection, ChangeSet]:
    inspection = editable_draft(service, actor, inspection_id)
    if photo_id not in _answered(inspection, item_code).photo_ids:
        raise NotFound("photo_not_attached", item=item_code, photo=photo_id)
    with service.ctx.mutation():
        photos_repo.detach(service.ctx.db, inspection_id, item_code, photo_id)
        service.ctx.record(actor, "inspection.photo_remove", Entity.INSPECTION, inspection_id,
                           before={"item": item_code, "photo": photo_id})
    return service._get(inspection_id), _changes(inspection_id, [photo_id])
