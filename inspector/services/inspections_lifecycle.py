"""Completing an inspection, reopening it, and the findings completion makes.

Completion checks the draft (``validate_for_completion``), stores the score by the inspection's
own template version and the staff role fixed at its start, and turns every failed applicable
item into a finding carrying the inspection's responsible unit and person and the answer's
severity (else the item's). A completed inspection is locked: the recording calls refuse it.

Reopening belongs to the quality office (``Permission.REOPEN_INSPECTIONS``) and is audited with
its reason. The findings of a reopened inspection are *removed*, and the next completion makes
them again from the corrected answers: a finding always matches the answers it came from. A
finding that has moved on (put on a rectification notice, closed) blocks the reopening instead
of being lost (``findings_in_use``). ``InspectionLifecycle`` owns these calls;
``InspectionService`` hands its ``complete``, ``reopen``, ``findings`` and
``validate_for_completion`` to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import Conflict, ValidationError
from inspector.domain.inspections import (
    AnswerResult,
    Finding,
    FindingStatus,
    Inspection,
    InspectionMode,
    InspectionStatus,
)
from inspector.domain.scoring import applicable_items, lacks_photos
from inspector.domain.scoring import score as score_answers
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.inspection_access import InspectionAccess
from inspector.storage import findings_repo, inspections_repo

UNANSWERED = "unanswered"  # an applicable item has no answer
PHOTOS_MISSING = "photos_missing"  # a failed item has fewer photos than its photos_on_fail
NO_FAILURE = "no_failure"  # a walk-around records a problem: it needs at least one failed answer
# Findings in these states were made by completion and nothing else refers to them yet.
_REMOVABLE = {FindingStatus.OPEN, FindingStatus.FIXED_ON_SPOT}


@dataclass(frozen=True)
class CompletionProblem:
    """Why a draft cannot be completed yet: a code above and the item concerned (None: the whole)."""

    code: str
    item_code: str | None = None


class InspectionLifecycle:
    """Completion, reopening and the findings they make or remove."""

    def __init__(self, ctx: ServiceContext, access: InspectionAccess) -> None:
        self.ctx = ctx
        self.access = access

    def problems_of(self, inspection: Inspection) -> list[CompletionProblem]:
        """Everything that stands between ``inspection`` and its completion, in template order.

        Every applicable item must be answered, except on a walk-around (a single problem seen while
        walking: it needs one failed answer and nothing else). A covert visit does not need the items
        that cannot be checked covertly. A failed item needs its ``photos_on_fail`` photos.
        """
        template = self.access.template_of(inspection)
        answers = {answer.item_code: answer for answer in inspection.answers}
        problems: list[CompletionProblem] = []
        walkaround = inspection.mode is InspectionMode.WALKAROUND
        for _, item in applicable_items(template.body, staff_role=self.access.staff_role_of(inspection)):
            given = answers.get(item.code)
            if given is None:
                if not walkaround and (item.covert or inspection.mode is not InspectionMode.COVERT):
                    problems.append(CompletionProblem(UNANSWERED, item.code))
            elif lacks_photos(item, given):
                problems.append(CompletionProblem(PHOTOS_MISSING, item.code))
        if walkaround and not any(a.result is AnswerResult.FAIL for a in inspection.answers):
            problems.append(CompletionProblem(NO_FAILURE))
        return problems

    def validate_for_completion(self, actor: User, inspection_id: int) -> list[CompletionProblem]:
        return self.problems_of(self.access.visible(actor, inspection_id))

    def complete(self, actor: User, inspection_id: int) -> tuple[Inspection, ChangeSet]:
        inspection = self.access.editable_draft(actor, inspection_id)
        problems = self.problems_of(inspection)
        if problems:
            raise ValidationError("inspection_incomplete", inspection=inspection_id, count=len(problems),
                                  problems=tuple(problems))
        template = self.access.template_of(inspection)
        staff_role = self.access.staff_role_of(inspection)
        results = {answer.item_code: answer.result for answer in inspection.answers}
        outcome = score_answers(template.body, results, staff_role=staff_role)
        # A walk-around is not scored (#13.4): no score, no maximum, so no average or ranking takes it.
        scored = inspection.mode.scored
        score = outcome.score if scored else None
        maximum = outcome.max_score if scored else None
        veto_failed = outcome.veto_failed and scored
        answers = {answer.item_code: answer for answer in inspection.answers}
        now = self.ctx.now_text()
        finding_ids: list[int] = []
        with self.ctx.mutation():
            inspections_repo.mark_completed(self.ctx.db, inspection_id, completed_at=now, score=score,
                                            max_score=maximum, veto_failed=veto_failed)
            for section, item in applicable_items(template.body, staff_role=staff_role):
                given = answers.get(item.code)
                if given is None or given.result is not AnswerResult.FAIL:
                    continue
                finding_ids.append(findings_repo.insert(
                    self.ctx.db, inspection_id=inspection_id, item_code=item.code, section_code=section.code,
                    severity=given.severity or item.severity, note=given.note, unit_id=inspection.unit_id,
                    responsible_staff_id=inspection.responsible_staff_id, created_at=now,
                ))
            self.ctx.record(actor, "inspection.complete", Entity.INSPECTION, inspection_id, after={
                "score": score, "max_score": maximum, "veto_failed": veto_failed,
                "findings": finding_ids,
            })
        changes = ChangeSet.of(Entity.INSPECTION, inspection_id)
        if finding_ids:
            changes = changes.merge(ChangeSet.of(Entity.FINDING, *finding_ids))
        return self.access.load(inspection_id), changes

    def reopen(self, actor: User, inspection_id: int, reason: str) -> tuple[Inspection, ChangeSet]:
        require(actor, Permission.REOPEN_INSPECTIONS)
        inspection = self.access.visible(actor, inspection_id)
        if inspection.status is not InspectionStatus.COMPLETED:
            raise Conflict("inspection_not_completed", inspection=inspection_id)
        reason = reason.strip()
        if not reason:
            raise ValidationError("reason_required", field="reason")
        findings = findings_repo.list_for_inspection(self.ctx.db, inspection_id)
        in_use = [finding.id for finding in findings if finding.status not in _REMOVABLE]
        if in_use:
            raise Conflict("findings_in_use", inspection=inspection_id, findings=len(in_use))
        with self.ctx.mutation():
            findings_repo.delete_for_inspection(self.ctx.db, inspection_id)
            inspections_repo.mark_reopened(self.ctx.db, inspection_id)
            self.ctx.record(actor, "inspection.reopen", Entity.INSPECTION, inspection_id, before={
                "score": inspection.score, "max_score": inspection.max_score,
                "completed_at": inspection.completed_at.isoformat() if inspection.completed_at else None,
                "findings": [finding.id for finding in findings],
            }, after={"reason": reason})
        changes = ChangeSet.of(Entity.INSPECTION, inspection_id)
        if findings:
            changes = changes.merge(ChangeSet.of(Entity.FINDING, *(finding.id for finding in findings)))
        return self.access.load(inspection_id), changes

    def findings(self, actor: User, inspection_id: int) -> list[Finding]:
        self.access.visible(actor, inspection_id)  # visibility: a covert visit's findings stay with it
        return findings_repo.list_for_inspection(self.ctx.db, inspection_id)
