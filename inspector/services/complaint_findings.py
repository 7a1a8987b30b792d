"""A complaint found 有责 becomes a finding on the responsible unit, which the normal notice flow
(``NoticeService.drafts`` → ``issue`` → follow-up) then carries.

The finding is made the way every finding is made: a walk-around inspection (走动式管理: one
problem seen, one failed item) on the complaint's vehicle or staff member, answered *fail* on the
checklist item the office chooses, with the complaint's number and account as the note and the
investigation's photos as its evidence, then completed. The inspection's unit is the subject's
unit, so the notice goes to the depot the vehicle or the staff member belongs to.
"""

from __future__ import annotations

from inspector.domain.errors import NotFound, ValidationError
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef
from inspector.domain.templates import Severity, SubjectKind, TemplateStatus, TemplateVersion
from inspector.domain.users import User
from inspector.services.base import ServiceContext
from inspector.services.inspections import InspectionService
from inspector.storage import templates_repo

NOTE_HEAD = "投诉 {number}: "


class ComplaintFindings:
    def __init__(self, ctx: ServiceContext, inspections: InspectionService) -> None:
        self.ctx = ctx
        self.inspections = inspections

    def _in_force(self, kind: SubjectKind) -> list[TemplateVersion]:
        """The checklists of ``kind`` in force this month (#13.2), by code."""
        month = self.ctx.clock().strftime("%Y-%m")
        codes = sorted({version.code for version in templates_repo.list_versions(self.ctx.db)
                        if version.status is TemplateStatus.PUBLISHED and version.body.subject is kind})
        return [version for version in (templates_repo.in_force(self.ctx.db, code, month) for code in codes)
                if version is not None]

    def items(self, kind: SubjectKind) -> list[tuple[str, str, str]]:
        """(code, Chinese text, English text or "") of every item a finding on a subject of
        ``kind`` can be made on (the desktop app offers them as choices instead of asking for a
        code, in the display language)."""
        return [(item.code, item.text_zh, item.text_en) for version in self._in_force(kind)
                for _, item in version.body.iter_items()]

    def template_with(self, kind: SubjectKind, item_code: str) -> TemplateVersion:
        """The checklist of ``kind`` in force this month (#13.2) that has the item ``item_code``."""
        for version in self._in_force(kind):
            if any(item.code == item_code for _, item in version.body.iter_items()):
                return version
        raise NotFound("complaint_item_unknown", item=item_code, kind=kind.value)

    def make(self, actor: User, *, number: str, subject: SubjectRef, item_code: str, note: str,
             photo_ids: list[int], severity: Severity | None = None) -> list[int]:
        """Inside the caller's ``mutation()``: the walk-around inspection and its finding; the ids."""
        template = self.template_with(subject.kind, item_code)
        inspection, _ = self.inspections.start(actor, template_version_id=template.id,
                                               mode=InspectionMode.WALKAROUND, subject=subject)
        text = (NOTE_HEAD.format(number=number) + note)[:2000]
        self.inspections.answer(actor, inspection.id, item_code, AnswerResult.FAIL, note=text, photo_ids=photo_ids,
                                severity=severity)
        problems = self.inspections.validate_for_completion(actor, inspection.id)
        if problems:
            raise ValidationError("complaint_finding_incomplete", item=item_code, count=len(problems))
        self.inspections.complete(actor, inspection.id)
        return [finding.id for finding in self.inspections.findings(actor, inspection.id)]
