"""Recording a draft: answers and the photos that back them, each committed the moment it is made.

An answer and the photos given with it are one transaction (with its audit entry): after a
crash either both are there or neither. Photos are ingested (files fsynced, ``photos`` row
committed) by ``PhotoService.ingest`` before they are attached here, so an attached photo always
has its file. ``InspectionRecorder`` owns these calls; ``InspectionService`` hands its
``answer``, ``add_photos`` and ``remove_photo`` to it.

One call costs the same at the last item of an 800-item checklist as at the first (#18.2): it
reads the inspection's row without its answers, the template version parsed once
(``PublishedTemplates``), the one answer it replaces; it writes that row and its photos, and
returns that answer as stored (``RecordedAnswer``) with the draft's progress from an indexed
count — never the whole draft. Whoever needs the whole draft reads it (``InspectionService.get``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import NotFound, ValidationError
from inspector.domain.inspections import (
    Answer,
    AnswerResult,
    InspectionHead,
    RecordedAnswer,
)
from inspector.domain.text import check_note
from inspector.domain.templates import Severity, TemplateItem
from inspector.domain.users import User
from inspector.services.base import ServiceContext
from inspector.services.inspection_access import InspectionAccess, item_value, parse_enum
from inspector.storage import inspections_repo, photos_repo


def answer_facts(answer: Answer) -> dict[str, Any]:
    """What the audit log keeps of an answer (everything but the time it was entered)."""
    return {"item": answer.item_code, "result": answer.result.value, "value": answer.value, "note": answer.note,
            "severity": answer.severity.value if answer.severity else None}


def _changes(inspection_id: int, photo_ids: Sequence[int]) -> ChangeSet:
    changes = ChangeSet.of(Entity.INSPECTION, inspection_id)
    return changes.merge(ChangeSet.of(Entity.PHOTO, *photo_ids)) if photo_ids else changes


class InspectionRecorder:
    """Answers and their photos on drafts; each call is one transaction with its audit entry."""

    def __init__(self, ctx: ServiceContext, access: InspectionAccess) -> None:
        self.ctx = ctx
        self.access = access

    def _photo_ids(self, photo_ids: Sequence[int]) -> list[int]:
        """``photo_ids`` without repeats, each one an existing photo row."""
        unique = list(dict.fromkeys(int(photo_id) for photo_id in photo_ids))
        found = photos_repo.get_many(self.ctx.db, unique)
        for photo_id in unique:
            if photo_id not in found:
                raise NotFound(entity="photo", key=str(photo_id))
        return unique

    def _applicable_item(self, inspection: InspectionHead, item_code: str) -> tuple[TemplateItem, int]:
        """The item, once it applies to the inspection; and how many items apply."""
        template, applicable = self.access.applicable_of(inspection)
        item = applicable.get(item_code)
        if item is None:
            if template.body.item(item_code) is None:
                raise NotFound("item_not_in_template", item=item_code, template=f"{template.code} v{template.version}")
            raise ValidationError("item_not_applicable", item=item_code, subject=inspection.subject.label)
        return item, len(applicable)

    def _total(self, inspection: InspectionHead) -> int:
        return len(self.access.applicable_of(inspection)[1])

    def _answered(self, inspection: InspectionHead, item_code: str) -> Answer:
        found = inspections_repo.get_answer(self.ctx.db, inspection.id, item_code)
        if found is None:
            raise ValidationError("item_not_answered", item=item_code, inspection=inspection.id)
        return found

    def _recorded(self, inspection_id: int, item_code: str, total: int) -> RecordedAnswer:
        """The answer as stored now, with the draft's progress (inside the caller's transaction
        when it wrote, so the figures are those of the commit)."""
        stored = inspections_repo.get_answer(self.ctx.db, inspection_id, item_code)
        assert stored is not None  # written just now, or read just now by the caller
        return RecordedAnswer(inspection_id=inspection_id, answer=stored, total=total,
                              answered=inspections_repo.answer_count(self.ctx.db, inspection_id))

    def answer(
        self, actor: User, inspection_id: int, item_code: str, result: AnswerResult | str, *,
        value: float | str | None = None, note: str = "", severity: Severity | str | None = None,
        photo_ids: Sequence[int] = (),
    ) -> tuple[RecordedAnswer, ChangeSet]:
        """Record (or replace) one item's result on a draft, with the photos given with it."""
        inspection = self.access.editable_head(actor, inspection_id)
        outcome = parse_enum(AnswerResult, result, "result")
        chosen = None if severity is None else parse_enum(Severity, severity, "severity")
        item, total = self._applicable_item(inspection, item_code)
        photos = self._photo_ids(photo_ids)
        new = Answer(item_code=item_code, result=outcome, value=item_value(item, value),
                     note=check_note(note.strip(), "note"),
                     severity=chosen, answered_at=datetime.fromisoformat(self.ctx.now_text()))
        previous = inspections_repo.get_answer(self.ctx.db, inspection_id, item_code)
        adding = [photo_id for photo_id in photos if previous is None or photo_id not in previous.photo_ids]
        if previous is not None and answer_facts(previous) == answer_facts(new) and not adding:
            return self._recorded(inspection_id, item_code, total), ChangeSet()
        after = answer_facts(new)
        if adding:
            after["photos_added"] = adding
        with self.ctx.mutation():
            inspections_repo.put_answer(self.ctx.db, inspection_id, new)
            for photo_id in adding:
                photos_repo.attach(self.ctx.db, inspection_id, item_code, photo_id)
            self.ctx.record(actor, "inspection.answer", Entity.INSPECTION, inspection_id,
                            before=None if previous is None else answer_facts(previous), after=after)
            recorded = self._recorded(inspection_id, item_code, total)
        return recorded, _changes(inspection_id, adding)

    def add_photos(
        self, actor: User, inspection_id: int, item_code: str, photo_ids: Sequence[int],
    ) -> tuple[RecordedAnswer, ChangeSet]:
        """Attach more photos to an answered item of a draft (after the ones it has)."""
        inspection = self.access.editable_head(actor, inspection_id)
        existing = self._answered(inspection, item_code)
        adding = [photo_id for photo_id in self._photo_ids(photo_ids) if photo_id not in existing.photo_ids]
        total = self._total(inspection)
        if not adding:
            return self._recorded(inspection_id, item_code, total), ChangeSet()
        with self.ctx.mutation():
            for photo_id in adding:
                photos_repo.attach(self.ctx.db, inspection_id, item_code, photo_id)
            self.ctx.record(actor, "inspection.photo_add", Entity.INSPECTION, inspection_id,
                            after={"item": item_code, "photos": adding})
            recorded = self._recorded(inspection_id, item_code, total)
        return recorded, _changes(inspection_id, adding)

    def remove_photo(
        self, actor: User, inspection_id: int, item_code: str, photo_id: int,
    ) -> tuple[RecordedAnswer, ChangeSet]:
        """Take a photo off an answer of a draft (the photo row and file stay until cleaned)."""
        inspection = self.access.editable_head(actor, inspection_id)
        if photo_id not in self._answered(inspection, item_code).photo_ids:
            raise NotFound("photo_not_attached", item=item_code, photo=photo_id)
        total = self._total(inspection)
        with self.ctx.mutation():
            photos_repo.detach(self.ctx.db, inspection_id, item_code, photo_id)
            self.ctx.record(actor, "inspection.photo_remove", Entity.INSPECTION, inspection_id,
                            before={"item": item_code, "photo": photo_id})
            recorded = self._recorded(inspection_id, item_code, total)
        return recorded, _changes(inspection_id, [photo_id])
