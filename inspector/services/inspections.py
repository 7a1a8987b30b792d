"""Inspection use cases: start one against a published template version, read and list what the
actor may see, and edit a draft's header.

Who sees what comes from ``domain.users``: covert visits only to their author, the quality office
and admins (``get`` checks ``can_view_inspection``; lists apply the same rule in SQL); a
supervisor edits only their own inspections (``ensure_can_edit``). Answers are checked against
the inspection's own template version, and ``score`` always uses that version, never a later
one, so a published score cannot move when next month's template comes out. For the same reason a
staff subject's role is fixed when the inspection starts: moving the driver to another role in
the registry later changes neither the items that apply nor the score.

``observed_at`` (when it happened) may lie in the past — a covert visit is often written up
afterwards — but never in the future. The service is the one front door to inspections: it
starts them and edits their header itself, and hands recording (answers and photos) to its
``InspectionRecorder`` and completion and reopening to its ``InspectionLifecycle``; all three
read through one ``InspectionAccess``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import Conflict, NotFound, ValidationError
from inspector.domain.inspections import (
    AnswerResult,
    DraftProgress,
    Evidence,
    check_evidence,
    Finding,
    Inspection,
    InspectionMode,
    InspectionStatus,
    RecordedAnswer,
    SubjectRef,
)
from inspector.domain.registry import RegistryKind, StaffRole
from inspector.domain.scoring import ScoreResult
from inspector.domain.scoring import score as score_answers
from inspector.domain.templates import Severity, SubjectKind, TemplateStatus, TemplateVersion
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.inspection_access import InspectionAccess, parse_enum
from inspector.services.inspections_lifecycle import CompletionProblem, InspectionLifecycle
from inspector.services.inspections_recording import InspectionRecorder
from inspector.storage import inspections_repo, registry_repo, templates_repo

REGISTRY_KINDS: dict[SubjectKind, RegistryKind] = {
    SubjectKind.VEHICLE: RegistryKind.VEHICLES,
    SubjectKind.STAFF: RegistryKind.STAFF,
    SubjectKind.LOCATION: RegistryKind.LOCATIONS,
    SubjectKind.UNIT: RegistryKind.UNITS,
}


def subject_label(kind: SubjectKind, record: Any) -> str:
    """What an inspection calls its subject, fixed when it starts: plate, 工号 name, code name, unit."""
    if kind is SubjectKind.VEHICLE:
        return str(record.plate)
    if kind is SubjectKind.STAFF:
        return f"{record.staff_no} {record.name}"
    if kind is SubjectKind.LOCATION:
        return f"{record.code} {record.name}"
    return str(record.name)


def _moment(value: datetime) -> str:
    """A stored time: local offset, whole seconds (a naive value is taken as local time)."""
    return value.astimezone().replace(microsecond=0).isoformat()


class InspectionService:
    def __init__(
        self, ctx: ServiceContext, access: InspectionAccess | None = None, *,
        recorder: InspectionRecorder | None = None, lifecycle: InspectionLifecycle | None = None,
    ) -> None:
        self.ctx = ctx
        self.access = access or InspectionAccess(ctx)
        self.recorder = recorder or InspectionRecorder(ctx, self.access)
        self.lifecycle = lifecycle or InspectionLifecycle(ctx, self.access)

    # --- reading -------------------------------------------------------------------------
    def get(self, actor: User, inspection_id: int) -> Inspection:
        """The inspection, once ``actor`` may see it (covert visits: author, office, admins)."""
        return self.access.visible(actor, inspection_id)

    def fetch(self, inspection_id: int) -> Inspection:
        """The inspection with no visibility check, for services that apply their own rule (a
        notice's follow-up acts on the covert visit it came from without showing it)."""
        return self.access.load(inspection_id)

    def list(
        self, actor: User, *, mode: InspectionMode | None = None, status: InspectionStatus | None = None,
        unit_id: int | None = None, limit: int = 200, offset: int = 0,
    ) -> list[Inspection]:
        """The inspections ``actor`` may see, newest observation first."""
        if not actor.active:
            return []
        return inspections_repo.list_visible(
            self.ctx.db, viewer_id=actor.id, sees_all_covert=actor.can(Permission.VIEW_ALL_COVERT),
            limit=limit, offset=offset, mode=mode, status=status, unit_id=unit_id,
        )

    def count(
        self, actor: User, *, mode: InspectionMode | None = None, status: InspectionStatus | None = None,
        unit_id: int | None = None,
    ) -> int:
        if not actor.active:
            return 0
        return inspections_repo.count_visible(
            self.ctx.db, viewer_id=actor.id, sees_all_covert=actor.can(Permission.VIEW_ALL_COVERT),
            mode=mode, status=status, unit_id=unit_id,
        )

    def in_progress(self, actor: User) -> list[DraftProgress]:
        """``actor``'s own drafts, the latest observed first, with how many of the items that
        apply to each are answered (what "继续检查 粤B·40514（已答 6/25）" offers at sign-in)."""
        if not (actor.active and actor.can(Permission.RECORD_INSPECTIONS)):
            return []
        drafts = [inspection for inspection in self.list(actor, status=InspectionStatus.DRAFT)
                  if inspection.author_id == actor.id]
        progress = []
        for inspection in drafts:
            codes = self.access.applicable_of(inspection)[1]
            progress.append(DraftProgress(
                inspection_id=inspection.id, subject=inspection.subject, mode=inspection.mode,
                observed_at=inspection.observed_at, total=len(codes),
                answered=sum(1 for answer in inspection.answers if answer.item_code in codes)))
        return progress

    def ensure_can_edit(self, actor: User, inspection: Inspection) -> None:
        """Raise unless ``actor`` records inspections and this one is theirs (or they are the office)."""
        self.access.ensure_can_edit(actor, inspection)

    # --- writing ---------------------------------------------------------------------------
    def start(
        self, actor: User, *, mode: InspectionMode, subject: SubjectRef, template_code: str | None = None,
        template_version_id: int | None = None, observed_at: datetime | None = None, unit_id: int | None = None,
        responsible_staff_id: int | None = None,
    ) -> tuple[Inspection, ChangeSet]:
        """A new draft on a registry record of the checklist's kind, against the version of the
        checklist in force in the month of ``observed_at`` (the latest published version whose
        effective month is not after it). Give the checklist by ``template_code`` and the service
        picks that version; a ``template_version_id`` must be that very version
        (``template_not_in_force`` otherwise), and ``no_checklist_for_month`` when no published
        version covers the month.

        ``unit_id`` defaults to the subject's unit (a unit subject is its own unit) and the
        responsible staff to the subject itself (staff) or the location's 责任人.
        """
        require(actor, Permission.RECORD_INSPECTIONS)
        mode = self._mode(mode)
        now = self.ctx.now_text()
        observed = self._observed(observed_at) if observed_at is not None else now
        template = self._template_for_month(template_code, template_version_id, observed[:7])
        if subject.kind is not template.body.subject:
            raise ValidationError("subject_kind_mismatch", field="subject", expected=template.body.subject.value,
                                  given=subject.kind.value, template=template.code)
        record = registry_repo.get(self.ctx.db, REGISTRY_KINDS[subject.kind], subject.id)
        if record is None:
            raise NotFound("subject_not_found", kind=subject.kind.value, id=subject.id)
        if not record.active:
            raise Conflict("subject_retired", kind=subject.kind.value, subject=subject_label(subject.kind, record))
        if unit_id is None:
            unit_id = record.id if subject.kind is SubjectKind.UNIT else record.unit_id
        if responsible_staff_id is None:
            responsible_staff_id = (record.id if subject.kind is SubjectKind.STAFF
                                    else getattr(record, "responsible_staff_id", None))
        self._check_exists(RegistryKind.UNITS, unit_id)
        self._check_exists(RegistryKind.STAFF, responsible_staff_id)
        fixed = SubjectRef(kind=subject.kind, id=subject.id, label=subject_label(subject.kind, record))
        staff_role = str(record.role) if subject.kind is SubjectKind.STAFF else None
        with self.ctx.mutation():
            inspection_id = inspections_repo.insert(
                self.ctx.db, template_version_id=template.id, mode=mode, subject=fixed, unit_id=unit_id,
                responsible_staff_id=responsible_staff_id, author_id=actor.id, observed_at=observed,
                entered_at=now, staff_role=staff_role,
            )
            self.ctx.record(actor, "inspection.start", Entity.INSPECTION, inspection_id, after={
                "template": template.code, "version": template.version, "mode": mode.value,
                "subject": fixed.model_dump(mode="json"), "unit_id": unit_id, "observed_at": observed,
            })
        return self.access.load(inspection_id), ChangeSet.of(Entity.INSPECTION, inspection_id)

    def update_header(
        self, actor: User, inspection_id: int, *, observed_at: datetime | None = None,
        responsible_staff_id: int | None = None, evidence: Evidence | None = None,
    ) -> tuple[Inspection, ChangeSet]:
        """Correct a draft's header; ``None`` leaves a field as it is."""
        before = self.access.load(inspection_id)
        self.ensure_can_edit(actor, before)
        if before.status is InspectionStatus.COMPLETED:
            raise Conflict("inspection_completed", inspection=inspection_id)
        self._check_exists(RegistryKind.STAFF, responsible_staff_id)
        old = self._header(before)
        new = dict(old)
        if observed_at is not None:
            new["observed_at"] = self._observed(observed_at)
            month = str(new["observed_at"])[:7]
            in_force = templates_repo.in_force(self.ctx.db, before.template_code, month)
            moved = month != str(old["observed_at"])[:7]
            if moved and (in_force is None or in_force.version != before.template_version):
                raise Conflict("observed_month_changes_checklist", inspection=inspection_id, month=month,
                               template=before.template_code, version=before.template_version)
        if responsible_staff_id is not None:
            new["responsible_staff_id"] = responsible_staff_id
        if evidence is not None:
            new["evidence"] = check_evidence(evidence).model_dump(mode="json")
        changed = sorted(key for key in new if new[key] != old[key])
        if not changed:
            return before, ChangeSet()
        with self.ctx.mutation():
            inspections_repo.update_header(
                self.ctx.db, inspection_id, observed_at=str(new["observed_at"]),
                responsible_staff_id=new["responsible_staff_id"], evidence=Evidence.model_validate(new["evidence"]),
            )
            self.ctx.record(actor, "inspection.update_header", Entity.INSPECTION, inspection_id,
                            before={key: old[key] for key in changed}, after={key: new[key] for key in changed})
        return self.access.load(inspection_id), ChangeSet.of(Entity.INSPECTION, inspection_id)

    def answer(
        self, actor: User, inspection_id: int, item_code: str, result: AnswerResult | str, *,
        value: float | str | None = None, note: str = "", severity: Severity | None = None,
        photo_ids: Sequence[int] = (),
    ) -> tuple[RecordedAnswer, ChangeSet]:
        """Record (or replace) the result of one item of a draft; ``value`` is a NUMERIC item's
        reading or a TEXT item's observation. The item must apply to this inspection's subject in
        the template version the inspection started on. ``photo_ids`` (rows made by
        ``PhotoService.ingest``) are attached in the same transaction as the answer. Returns the
        answer as stored with the draft's progress, not the whole draft (#18.2: its cost must not
        grow with the answers given; ``get`` reads the whole draft)."""
        return self.recorder.answer(actor, inspection_id, item_code, result, value=value, note=note,
                                    severity=severity, photo_ids=photo_ids)

    def add_photos(
        self, actor: User, inspection_id: int, item_code: str, photo_ids: Sequence[int]
    ) -> tuple[RecordedAnswer, ChangeSet]:
        """Attach more photos to an answered item of a draft (after the ones it has)."""
        return self.recorder.add_photos(actor, inspection_id, item_code, photo_ids)

    def remove_photo(
        self, actor: User, inspection_id: int, item_code: str, photo_id: int
    ) -> tuple[RecordedAnswer, ChangeSet]:
        """Take a photo off an answer of a draft (the photo row and file stay until cleaned)."""
        return self.recorder.remove_photo(actor, inspection_id, item_code, photo_id)

    def validate_for_completion(self, actor: User, inspection_id: int) -> list[CompletionProblem]:
        """What still stands between the inspection and its completion (empty: it can complete)."""
        return self.lifecycle.validate_for_completion(actor, inspection_id)

    def complete(self, actor: User, inspection_id: int) -> tuple[Inspection, ChangeSet]:
        """Lock a valid draft with its score and make its findings; refuses with
        ``ValidationError("inspection_incomplete", problems=…)`` listing every problem."""
        return self.lifecycle.complete(actor, inspection_id)

    def reopen(self, actor: User, inspection_id: int, reason: str) -> tuple[Inspection, ChangeSet]:
        """Back to draft (quality office only, audited with ``reason``); its findings are removed
        and made again by the next completion."""
        return self.lifecycle.reopen(actor, inspection_id, reason)

    def findings(self, actor: User, inspection_id: int) -> list[Finding]:
        """The findings completion made of the inspection's failed items."""
        return self.lifecycle.findings(actor, inspection_id)

    def score(self, actor: User, inspection_id: int) -> ScoreResult | None:
        """The inspection's score by its own template version (role-filtered for a staff subject);
        None for a walk-around, which records findings and is never scored (#13.4)."""
        inspection = self.get(actor, inspection_id)
        if not inspection.mode.scored:
            return None
        template = self.access.template_of(inspection)
        results = {answer.item_code: answer.result for answer in inspection.answers}
        return score_answers(template.body, results, staff_role=self.access.staff_role_of(inspection))

    # --- helpers ---------------------------------------------------------------------------
    def staff_role(self, actor: User, inspection_id: int) -> StaffRole | None:
        """The role that selects the inspection's role-specific sections (fixed at start)."""
        return self.access.staff_role_of(self.get(actor, inspection_id))

    def _observed(self, observed_at: datetime) -> str:
        """``observed_at`` as stored, refused when it lies in the future."""
        observed = _moment(observed_at)
        if datetime.fromisoformat(observed) > self.ctx.clock():
            raise ValidationError("observed_in_future", field="observed_at", value=observed)
        return observed

    @staticmethod
    def _mode(mode: InspectionMode | str) -> InspectionMode:
        return parse_enum(InspectionMode, mode, "mode")

    def _published_template(self, version_id: int) -> TemplateVersion:
        template = self.access.templates.by_id(version_id)
        if template is None:
            raise NotFound(entity="template_version", key=str(version_id))
        if template.status is not TemplateStatus.PUBLISHED:
            raise Conflict("template_not_published", template=template.code, version=template.version)
        return template

    def _template_for_month(self, code: str | None, version_id: int | None, month: str) -> TemplateVersion:
        """The version of the checklist in force in ``month`` (see ``start``)."""
        if (code is None) == (version_id is None):
            raise ValidationError("invalid_value", field="template", value=f"{code!r} / {version_id!r}")
        given = None
        if version_id is not None:
            given = self._published_template(version_id)
            code = given.code
        assert code is not None
        code = code.strip()
        in_force_id = templates_repo.in_force_id(self.ctx.db, code, month)
        in_force = None if in_force_id is None else self.access.templates.by_id(in_force_id)
        if in_force is None:
            if templates_repo.latest(self.ctx.db, code) is None:
                raise NotFound(entity="template", key=code)
            raise NotFound("no_checklist_for_month", template=code, month=month)
        if given is not None and given.id != in_force.id:
            raise Conflict("template_not_in_force", template=code, version=given.version,
                           effective=given.effective_month or "", month=month, in_force=in_force.version)
        return in_force

    def _check_exists(self, kind: RegistryKind, record_id: int | None) -> None:
        if record_id is not None and registry_repo.get(self.ctx.db, kind, record_id) is None:
            raise NotFound(entity=kind.value, key=str(record_id))

    @staticmethod
    def _header(inspection: Inspection) -> dict[str, Any]:
        return {
            "observed_at": _moment(inspection.observed_at),
            "responsible_staff_id": inspection.responsible_staff_id,
            "evidence": inspection.evidence.model_dump(mode="json"),
        }
