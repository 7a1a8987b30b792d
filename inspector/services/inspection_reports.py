"""The written inspection report (书面检查报告 / 《客服质量检查记录》): gathering one completed
inspection into an ``InspectionReport`` and writing one report, or the reports of many
inspections as one PDF, atomically.

Who may: whoever may see the inspection (``InspectionService.get``: a covert visit only its author,
the quality office and admins). A draft has no report yet: its answers may still change, so
``report`` refuses it and a list export leaves drafts out. A covert visit's report names no
inspector, as its notices do: the inspector's name is never filled in.

The report reuses what the notice uses: the annotated print copies of the photos (through
``NoticeDocuments.photo``), the place (``NoticeDocuments.place_of``), the organisation and logo
from the settings, and the notice's page frame with its QR + hash footer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.deadlines import next_working_day
from inspector.domain.errors import Conflict, ValidationError
from inspector.domain.inspection_query import InspectionFilter, InspectionSort, SortColumn
from inspector.domain.inspection_report import (
    Acknowledgement,
    InspectionReport,
    ReportItem,
    SectionScore,
    report_number,
)
from inspector.domain.inspections import Answer, AnswerResult, Inspection, InspectionMode, InspectionStatus
from inspector.domain.registry import RegistryKind
from inspector.domain.scoring import applicable_items
from inspector.domain.scoring import score as score_answers
from inspector.domain.templates import ResponseType, ScoringScheme, Severity, SubjectKind, TemplateItem, check_month
from inspector.domain.users import User
from inspector.services.inspection_query import InspectionQueryService
from inspector.services.inspections import InspectionService
from inspector.services.notice_documents import NoticeDocuments, month_bounds
from inspector.services.settings import SettingsService
from inspector.services.user_signatures import check_signature_png
from inspector.settings import AppSettings, ImmediateCheck
from inspector.storage import acknowledgements_repo, photos_repo, registry_repo, users_repo
from inspector.storage.files import write_atomic

SCHEME_TEXT = {ScoringScheme.DEDUCTION: "扣分制", ScoringScheme.WEIGHTED: "权重制", ScoringScheme.FIVE_POINT: "五分制"}
SUBJECT_TEXT = {SubjectKind.VEHICLE: "车辆", SubjectKind.STAFF: "人员", SubjectKind.LOCATION: "场所",
                SubjectKind.UNIT: "单位"}
EVIDENCE_TEXT = (("route", "线路"), ("fleet_no", "自编号"), ("staff_no", "工号"), ("ticket", "票据"),
                 ("remarks", "备注"))

# Progress of a many-report export: (done, total) → False to stop (nothing is written then).
Progress = Callable[[int, int], bool]


def render_reports(reports: Sequence[InspectionReport]) -> bytes:
    from inspector.pdf.inspection_report_pdf import render_inspection_reports  # ReportLab only when asked

    return render_inspection_reports(reports)


class ExportCancelled(Exception):
    """The user stopped a many-report export; no file was written."""


class InspectionReports:
    def __init__(self, inspections: InspectionService, query: InspectionQueryService,
                 documents: NoticeDocuments) -> None:
        self.inspections = inspections
        self.query = query
        self.documents = documents
        self.ctx = inspections.ctx

    # --- one report ------------------------------------------------------------------------
    def report(self, actor: User, inspection_id: int) -> InspectionReport:
        """What the report of ``inspection_id`` says; refused for a draft."""
        inspection = self.inspections.get(actor, inspection_id)
        if inspection.status is not InspectionStatus.COMPLETED:
            raise Conflict("inspection_report_draft", inspection=inspection_id)
        return self._report(inspection)

    def _report(self, inspection: Inspection) -> InspectionReport:
        db = self.ctx.db
        access = self.inspections.access
        template = access.template_of(inspection)
        body = template.body
        staff_role = access.staff_role_of(inspection)
        answers = {answer.item_code: answer for answer in inspection.answers}
        scored = score_answers(body, {code: answer.result for code, answer in answers.items()}, staff_role=staff_role)
        place = self.documents.place_of(inspection)
        walkaround = inspection.mode is InspectionMode.WALKAROUND
        # A walk-around records findings, not a checklist: only the items it answered, and no score.
        settings = SettingsService(self.ctx).get()
        check_on = self._immediate_check_day(inspection, settings)
        items = tuple(self._item(section.title_zh, item, answers.get(item.code), body.scheme, inspection, place,
                                 check_on)
                      for section, item in applicable_items(body, staff_role=staff_role)
                      if not walkaround or item.code in answers)
        sections = []
        for section in body.sections if not walkaround else ():
            for part, sub in [(section, False), *[(child, True) for child in section.sections]]:
                if part.code in scored.section_deductions:
                    sections.append(SectionScore(code=part.code, title=part.title_zh, sub=sub,
                                                 deducted=scored.section_deductions[part.code]))
        unit = registry_repo.get(db, RegistryKind.UNITS, inspection.unit_id) if inspection.unit_id else None
        covert = inspection.mode is InspectionMode.COVERT
        author = None if covert else users_repo.get(db, inspection.author_id)
        stored = acknowledgements_repo.get(db, inspection.id)
        if stored is not None and inspection.completed_at is not None and stored.signed_at < inspection.completed_at:
            stored = None  # it confirmed the result before a reopening: not this one
        evidence = inspection.evidence.model_dump()
        report = InspectionReport(
            inspection_id=inspection.id, number=report_number(inspection.id),
            organisation_name=settings.organisation_name, logo_path=self.documents.image_path(settings.logo_path),
            template_code=template.code, template_title=body.title_zh, template_version=template.version,
            effective_month=template.effective_month or "", scheme=SCHEME_TEXT[body.scheme], mode=inspection.mode,
            status=inspection.status, subject_kind=SUBJECT_TEXT[inspection.subject.kind],
            subject_label=inspection.subject.label, unit_name=unit.name if unit is not None else "", place=place,
            observed_at=inspection.observed_at, entered_at=inspection.entered_at,
            completed_at=inspection.completed_at,
            inspector_name=None if covert else (author.display_name if author is not None else ""),
            evidence=tuple((word, str(evidence[key]).strip()) for key, word in EVIDENCE_TEXT
                           if str(evidence.get(key) or "").strip()),
            items=items,
            # the score locked at completion (never recomputed); none for a walk-around
            score=None if walkaround else inspection.score, max_score=None if walkaround else inspection.max_score,
            percent=None if walkaround or inspection.score is None else round(scored.percent, 1),
            deducted=0.0 if walkaround else scored.deducted,
            veto_failed=not walkaround and inspection.veto_failed, veto_items=() if walkaround else scored.veto_items,
            sections=tuple(sections),
            acknowledgement=None if stored is None else Acknowledgement(
                signer_name=stored.signer_name, signed_at=stored.signed_at, signature_png=stored.signature_png),
            generated_on=self.ctx.clock().date(),
        )
        return report.model_copy(update={"content_sha256": report.content_hash()})

    @staticmethod
    def _immediate_check_day(inspection: Inspection, settings: AppSettings) -> date:
        """When a general problem put right at once (立即整改) is checked: the day of the visit, or
        the next working day (setting ``deadlines.immediate_check``)."""
        day = inspection.observed_at.date()
        if settings.deadlines.immediate_check is ImmediateCheck.NEXT_WORKING_DAY:
            day = next_working_day(day, settings.calendar.overrides())[0]
        return day

    def _item(self, section: str, item: TemplateItem, answer: Answer | None, scheme: ScoringScheme,
              inspection: Inspection, place: str, check_on: date) -> ReportItem:
        value = ""
        if answer is not None and answer.value is not None and str(answer.value).strip():
            value = f"{answer.value}{item.unit_of_measure}" if item.response is ResponseType.NUMERIC else str(answer.value)
        failed = answer is not None and answer.result is AnswerResult.FAIL
        photos = ()
        if failed and answer is not None:
            photos = tuple(self.documents.photo(photo_id, self._caption(photo_id, inspection, place, item.code))
                           for photo_id in answer.photo_ids)
        severity = (answer.severity or item.severity) if failed and answer is not None else None
        return ReportItem(
            code=item.code, text=item.text_zh, section=section, result=answer.result if answer else None,
            value=value, note=answer.note.strip() if answer else "",
            severity=severity,
            check_on=check_on if severity is Severity.GENERAL else None,
            veto=item.veto, deduct=0.0 if item.response is ResponseType.TEXT else
            (item.deduct if scheme is ScoringScheme.DEDUCTION else item.weight),
            photos=photos,
        )

    def _caption(self, photo_id: int, inspection: Inspection, place: str, item_code: str) -> str:
        photo = photos_repo.get(self.ctx.db, photo_id)
        taken = photo.taken_at if photo is not None and photo.taken_at is not None else inspection.observed_at
        return " · ".join(part for part in (taken.strftime("%Y-%m-%d %H:%M"), place, item_code) if part)

    # --- the on-site acknowledgement (现场确认) ----------------------------------------------
    def acknowledge(self, actor: User, inspection_id: int, signer_name: str,
                    signature_png: bytes | None = None) -> ChangeSet:
        """The inspected party's person confirms the completed inspection's result on site, with
        an optional drawn signature; a second acknowledgement replaces the first (audited). A
        covert visit has none: the visit is not made known on site."""
        inspection = self.inspections.get(actor, inspection_id)
        self.inspections.ensure_can_edit(actor, inspection)
        if inspection.mode is InspectionMode.COVERT:
            raise Conflict("acknowledgement_covert", inspection=inspection_id)
        if inspection.status is not InspectionStatus.COMPLETED:
            raise Conflict("inspection_report_draft", inspection=inspection_id)
        signer_name = signer_name.strip()
        if not signer_name:
            raise ValidationError("acknowledgement_signer_required", field="signer_name")
        if signature_png is not None:
            check_signature_png(signature_png)
        before = acknowledgements_repo.get(self.ctx.db, inspection_id)
        with self.ctx.mutation():
            acknowledgements_repo.put(self.ctx.db, acknowledgements_repo.StoredAcknowledgement(
                inspection_id=inspection_id, signer_name=signer_name, signed_at=self.ctx.clock(),
                signature_png=signature_png, recorded_by=actor.id))
            self.ctx.record(actor, "inspection.acknowledge", Entity.INSPECTION, inspection_id,
                            before=None if before is None else {"signer": before.signer_name},
                            after={"signer": signer_name, "signed": signature_png is not None})
        return ChangeSet.of(Entity.INSPECTION, inspection_id)

    # --- writing ---------------------------------------------------------------------------
    def export(self, actor: User, inspection_id: int, path: Path) -> InspectionReport:
        """Write the report of one inspection to ``path`` (temp file + rename)."""
        report = self.report(actor, inspection_id)
        write_atomic(Path(path), render_reports([report]))
        return report

    def export_many(self, actor: User, inspection_ids: Sequence[int], path: Path, *,
                    progress: Progress | None = None) -> list[InspectionReport]:
        """The reports of the completed inspections among ``inspection_ids`` (drafts left out), in
        that order, as one PDF at ``path``. ``progress(done, total)`` is called after each one is
        gathered; when it returns False the export stops and nothing is written
        (``ExportCancelled``). None completed: ``ValidationError("inspection_report_none")``."""
        chosen = [self.inspections.get(actor, inspection_id) for inspection_id in dict.fromkeys(inspection_ids)]
        completed = [inspection for inspection in chosen if inspection.status is InspectionStatus.COMPLETED]
        if not completed:
            raise ValidationError("inspection_report_none", count=len(chosen))
        reports = []
        for done, inspection in enumerate(completed, start=1):
            reports.append(self._report(inspection))
            if progress is not None and not progress(done, len(completed) + 1):
                raise ExportCancelled()
        data = render_reports(reports)
        if progress is not None and not progress(len(completed) + 1, len(completed) + 1):
            raise ExportCancelled()
        write_atomic(Path(path), data)
        return reports

    def month_ids(self, actor: User, month: str, unit_id: int | None = None) -> list[int]:
        """The completed inspections ``actor`` may see observed in ``month`` (YYYY-MM), oldest first."""
        try:
            first = date.fromisoformat(check_month(month.strip()) + "-01")
        except ValueError:
            raise ValidationError("invalid_value", field="--month", value=month) from None
        start, following = month_bounds(first)
        flt = InspectionFilter(date_from=start, date_to=following - timedelta(days=1), unit_id=unit_id,
                               status=InspectionStatus.COMPLETED)
        return self.query.ids(actor, flt, InspectionSort(column=SortColumn.OBSERVED_AT, descending=False))


