"""Rectification notices (整改通知单): drafting from an inspection's findings, issuing (number,
deadline in working days, PDF written and hashed, all in one transaction), corrections, walk-around
findings fixed on the spot, and the lists and figures the tracking page and dashboard show.

After issue see ``notice_followups`` (receipt, reply, follow-up, reissue) and ``notice_files``
(the PDF, PAdES signing, export, the record).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

import sqlite_utils

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.deadlines import MAX_WORKING_DAYS, compute_deadline
from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.inspections import Finding, FindingStatus, Inspection, InspectionMode, InspectionStatus
from inspector.domain.notices import (
    OPEN_STATUSES,
    NoticeDashboard,
    NoticeDraft,
    NoticeFlag,
    NoticeItem,
    NoticeStatus,
    NoticeSummary,
    format_notice_number,
)
from inspector.domain.registry import RegistryKind
from inspector.domain.text import PROBLEM_LIMIT, check_name, check_note
from inspector.domain.templates import Severity
from inspector.domain.users import Permission, User, can_edit_inspection, require
from inspector.services.base import ServiceContext
from inspector.services.inspections import InspectionService
from inspector.services.notice_documents import NoticeDocuments, month_bounds
from inspector.services.settings import SettingsService
from inspector.storage import findings_repo, notices_repo, registry_repo
from inspector.storage.files import write_atomic


def render_notice(document):  # type: ignore[no-untyped-def]
    """ReportLab is imported on first use: the app starts without paying for it."""
    from inspector.pdf.notice_pdf import render_notice as render

    return render(document)


class SignatureSource(Protocol):
    def get(self, user_id: int) -> bytes | None: ...


class SerialSource(Protocol):
    def next(self, db: sqlite_utils.Database, year: int) -> int:
        """The next serial of ``year``, inside the caller's write transaction."""
        ...


class LocalSerials:
    """This database's own counter (no hub): gapless, a rolled-back issue gives its number back."""

    def next(self, db: sqlite_utils.Database, year: int) -> int:
        return notices_repo.next_serial(db, year)


class NoticeService:
    def __init__(self, ctx: ServiceContext, inspections: InspectionService, settings: SettingsService,
                 documents: NoticeDocuments, signatures: SignatureSource) -> None:
        self.ctx = ctx
        self.inspections = inspections
        self.settings = settings
        self.documents = documents
        self.signatures = signatures
        # Where serial numbers come from: this database's counter, or the office hub's when one is
        # configured (the composition root sets ``services.hub_serials.HubNoticeSerials``).
        self.serials: SerialSource = LocalSerials()

    def today(self) -> date:
        return self.ctx.clock().date()

    # --- reading ---------------------------------------------------------------------------
    def get(self, actor: User, notice_id: int) -> NoticeSummary:
        self._require_active(actor)
        found = notices_repo.get(self.ctx.db, notice_id)
        if found is None:
            raise NotFound("not_found", entity="notice", key=str(notice_id))
        return found

    def by_number(self, actor: User, number: str) -> NoticeSummary:
        self._require_active(actor)
        found = notices_repo.by_number(self.ctx.db, number.strip())
        if found is None:
            raise NotFound("not_found", entity="notice", key=number)
        return found

    def items(self, actor: User, notice_id: int) -> list[NoticeItem]:
        self.get(actor, notice_id)
        return notices_repo.items(self.ctx.db, notice_id)

    def list(self, actor: User, *, statuses: Sequence[NoticeStatus] = (), unit_id: int | None = None,
             inspection_id: int | None = None, flag: NoticeFlag | None = None, text: str = "",
             month: str | None = None, limit: int = 1000) -> list[NoticeSummary]:
        """Notices newest first; ``flag`` keeps only those that carry it today."""
        if not actor.active:
            return []
        issued_from = issued_to = None
        if month:
            start, end = month_bounds(date.fromisoformat(f"{month}-01"))
            issued_from, issued_to = start.isoformat(), end.isoformat()
        found = notices_repo.list_summaries(
            self.ctx.db, statuses=[status.value for status in statuses] or None, unit_id=unit_id,
            inspection_id=inspection_id, issued_from=issued_from, issued_to=issued_to, text=text.strip() or None,
            limit=limit,
        )
        if flag is not None:
            today = self.today()
            found = [notice for notice in found if flag in notice.flags(today)]
        return found

    def overdue(self, actor: User) -> list[NoticeSummary]:
        """Open notices past their deadline, the oldest deadline first (the start-up reminder)."""
        found = self.list(actor, statuses=sorted(OPEN_STATUSES), flag=NoticeFlag.OVERDUE)
        return sorted(found, key=lambda notice: (notice.deadline, notice.number))

    def overdue_to_act_on(self, actor: User) -> list[NoticeSummary]:
        """The overdue notices ``actor`` is the one to act on: every one for those who issue
        notices; for a supervisor, those on the inspections they recorded (their follow-up);
        none for who can do neither (a manager reads them on the notices page)."""
        if actor.can(Permission.ISSUE_NOTICES):
            return self.overdue(actor)
        if not actor.can(Permission.RECORD_FOLLOWUPS):
            return []
        return [notice for notice in self.overdue(actor)
                if self.inspections.fetch(notice.inspection_id).author_id == actor.id]

    def dashboard(self, actor: User) -> NoticeDashboard:
        today = self.today()
        week_end = today + timedelta(days=6 - today.weekday())
        month_start, month_end = month_bounds(today)
        open_notices = self.list(actor, statuses=sorted(OPEN_STATUSES))
        closed = [notice for notice in self.list(actor, statuses=[NoticeStatus.CLOSED])
                  if notice.closed_at and month_start <= notice.closed_at.date() < month_end]
        return NoticeDashboard(
            open=len(open_notices),
            due_this_week=sum(1 for notice in open_notices if today <= notice.deadline <= week_end),
            overdue=sum(1 for notice in open_notices if notice.overdue(today)),
            closed_this_month=len(closed),
            closed_on_time_this_month=sum(1 for notice in closed if not notice.late()),
        )

    # --- drafting -------------------------------------------------------------------------
    def drafts(self, actor: User, inspection_id: int, finding_ids: Sequence[int] | None = None,
               deadline_days: int | None = None, *, every_open: bool = False) -> list[NoticeDraft]:
        """One draft per responsible unit from the inspection's open findings.

        The regulation (5.3) gives a written notice for major problems only: 「针对重大问题和隐患,
        向责任单位负责人书面下发《客服质量整改通知单》」, while ordinary ones are 「责令责任单位立即
        整改」 on the spot. So by default a notice proposes the serious findings; the office may put
        any general one on it by choosing it (``finding_ids``), and ``every_open`` lists them all
        (the issuing dialog shows the general ones unticked). ``no_serious_findings`` when the
        inspection has only general ones and nothing was chosen."""
        require(actor, Permission.ISSUE_NOTICES)
        inspection = self.inspections.get(actor, inspection_id)
        if inspection.status is not InspectionStatus.COMPLETED:
            raise Conflict("inspection_not_completed", inspection=inspection_id)
        findings = findings_repo.list_for_inspection(self.ctx.db, inspection_id)
        on_notices = notices_repo.open_finding_ids_in_notices(self.ctx.db, [finding.id for finding in findings])
        if finding_ids is not None:
            wanted = set(finding_ids)
            unknown = wanted - {finding.id for finding in findings}
            if unknown:
                raise ValidationError("finding_not_in_inspection", inspection=inspection_id,
                                      finding=min(unknown))
            taken = wanted & on_notices
            if taken:
                raise Conflict("finding_already_noticed", finding=min(taken))
            findings = [finding for finding in findings if finding.id in wanted]
        findings = [finding for finding in findings
                    if finding.status is FindingStatus.OPEN and finding.id not in on_notices]
        if not findings:
            raise ValidationError("no_open_findings", inspection=inspection_id)
        if finding_ids is None and not every_open:
            general = len(findings)
            findings = [finding for finding in findings if finding.severity is Severity.SERIOUS]
            if not findings:
                raise ValidationError("no_serious_findings", inspection=inspection_id, general=general)
        settings = self.settings.get()
        by_unit: dict[int, list] = {}
        for finding in findings:
            unit_id = finding.unit_id or inspection.unit_id
            if unit_id is None:
                raise ValidationError("finding_without_unit", item=finding.item_code)
            by_unit.setdefault(unit_id, []).append(finding)
        drafts = []
        for unit_id, unit_findings in sorted(by_unit.items()):
            unit = registry_repo.get(self.ctx.db, RegistryKind.UNITS, unit_id)
            items = tuple(self.documents.draft_items(inspection, unit_findings, settings))
            days = deadline_days or min(item.working_days for item in items)
            drafts.append(self.with_deadline(NoticeDraft(
                inspection_id=inspection_id, unit_id=unit_id, addressee_unit=unit.name if unit else "",
                addressee=unit.head_name if unit else "", covert=inspection.mode is InspectionMode.COVERT,
                items=items, working_days=days, issued_on=self.today(), deadline=self.today(),
                followup_date=self.today(),
            ), days))
        return drafts

    def with_deadline(self, draft: NoticeDraft, working_days: int) -> NoticeDraft:
        """The draft with its deadline and follow-up date counted from today in working days."""
        if isinstance(working_days, bool) or not isinstance(working_days, int) or not (
                1 <= working_days <= MAX_WORKING_DAYS):
            raise ValidationError("working_days_range", value=working_days, maximum=MAX_WORKING_DAYS)
        today = self.today()
        deadline = compute_deadline(today, working_days, self.settings.get().calendar.overrides())
        return draft.model_copy(update={
            "working_days": working_days, "issued_on": today, "deadline": deadline.due,
            "followup_date": deadline.follow_up, "deadline_estimated": deadline.estimated,
        })

    def preview(self, actor: User, draft: NoticeDraft, signature_png: bytes | None = None) -> bytes:
        """The PDF as it would be issued now, numbered with the next free number (not reserved)."""
        require(actor, Permission.ISSUE_NOTICES)
        draft = self.with_deadline(self._checked(draft), draft.working_days)
        inspection = self.inspections.get(actor, draft.inspection_id)
        today = self.today()
        number = format_notice_number(today, notices_repo.peek_serial(self.ctx.db, today.year))
        document = self.documents.document(
            number=number, draft=draft, inspection=inspection, issuer_id=actor.id, settings=self.settings.get(),
            signature_png=self._signature(actor, signature_png), supersedes_number=self._number(draft.supersedes_id),
            reissue_of_number=self._number(draft.reissue_of_id))
        return render_notice(document)

    # --- issuing ----------------------------------------------------------------------------
    def issue(self, actor: User, draft: NoticeDraft, *, signature_png: bytes | None = None) -> tuple[NoticeSummary, ChangeSet]:
        """Give the draft its number, print it, store the PDF and its hash: one transaction."""
        require(actor, Permission.ISSUE_NOTICES)
        draft = self.with_deadline(self._checked(draft), draft.working_days)
        if draft.supersedes_id is not None:
            old = self.get(actor, draft.supersedes_id)
            if old.status not in OPEN_STATUSES:
                raise Conflict("notice_not_open", notice=old.number, status=old.status.value)
        with self.ctx.mutation():
            notice_id = self.issue_in_transaction(actor, draft, signature_png=signature_png)
            if draft.supersedes_id is not None:
                notices_repo.set_status(self.ctx.db, draft.supersedes_id, NoticeStatus.SUPERSEDED,
                                        self.ctx.now_text(), successor_id=notice_id)
                self.ctx.record(actor, "notice.supersede", Entity.NOTICE, draft.supersedes_id,
                                after={"successor": notice_id})
        changes = ChangeSet.of(Entity.NOTICE, notice_id, *([draft.supersedes_id] if draft.supersedes_id else []))
        changes = changes.merge(ChangeSet.of(Entity.FINDING, *(item.finding_id for item in draft.items)))
        return notices_repo.get(self.ctx.db, notice_id), changes

    def issue_in_transaction(self, actor: User, draft: NoticeDraft, *, signature_png: bytes | None = None) -> int:
        """Issue inside the caller's ``mutation()`` (also used by a failed follow-up's reissue).

        The caller has checked the actor's rights: the office may see every inspection, and the
        supervisor recording a failed follow-up reissues a notice without seeing a covert visit."""
        inspection = self.inspections.fetch(draft.inspection_id)
        serial = self.serials.next(self.ctx.db, draft.issued_on.year)
        number = format_notice_number(draft.issued_on, serial)
        document = self.documents.document(
            number=number, draft=draft, inspection=inspection, issuer_id=actor.id, settings=self.settings.get(),
            signature_png=self._signature(actor, signature_png), supersedes_number=self._number(draft.supersedes_id),
            reissue_of_number=self._number(draft.reissue_of_id))
        relative = f"notices/{number}.pdf"
        pdf_sha256 = write_atomic(self.ctx.paths.root / relative, render_notice(document))
        now = self.ctx.now_text()
        items = [NoticeItem(position=index, finding_id=item.finding_id, item_code=item.item_code,
                            problem=item.problem, measure=item.measure, severity=item.severity,
                            recurred=item.recurred) for index, item in enumerate(draft.items, start=1)]
        notice_id = notices_repo.insert(self.ctx.db, {
            "number": number, "year": draft.issued_on.year, "serial": serial, "inspection_id": draft.inspection_id,
            "unit_id": draft.unit_id, "addressee_unit": draft.addressee_unit, "addressee": draft.addressee,
            "covert": int(document.covert), "issued_at": now, "issued_by": actor.id,
            "working_days": draft.working_days, "deadline": draft.deadline.isoformat(),
            "followup_date": draft.followup_date.isoformat(), "deadline_estimated": int(draft.deadline_estimated),
            "content_sha256": document.content_sha256, "pdf_path": relative, "pdf_sha256": pdf_sha256,
            "supersedes_id": draft.supersedes_id, "reissue_of_id": draft.reissue_of_id,
            "document": document.model_dump_json(),
        }, items, now)
        notices_repo.set_finding_status(self.ctx.db, [item.finding_id for item in draft.items],
                                        FindingStatus.NOTICED.value)
        self.ctx.record(actor, "notice.issue", Entity.NOTICE, notice_id, after={
            "number": number, "inspection": draft.inspection_id, "unit": draft.unit_id,
            "findings": [item.finding_id for item in draft.items], "deadline": draft.deadline.isoformat(),
            "working_days": draft.working_days, "pdf_sha256": pdf_sha256,
            "content_sha256": document.content_sha256,
        })
        return notice_id

    def correction_draft(self, actor: User, notice_id: int) -> NoticeDraft:
        """A new draft carrying an open notice's content, to correct it (supersedes it when issued)."""
        require(actor, Permission.ISSUE_NOTICES)
        old = self.get(actor, notice_id)
        if old.status not in OPEN_STATUSES:
            raise Conflict("notice_not_open", notice=old.number, status=old.status.value)
        inspection = self.inspections.get(actor, old.inspection_id)
        findings = {finding.id: finding for finding in findings_repo.list_for_inspection(self.ctx.db, inspection.id)}
        chosen = [findings[item.finding_id] for item in notices_repo.items(self.ctx.db, notice_id)
                  if item.finding_id in findings]
        printed = {item.finding_id: item for item in notices_repo.items(self.ctx.db, notice_id)}
        items = tuple(item.model_copy(update={"measure": printed[item.finding_id].measure,
                                              "problem": printed[item.finding_id].problem})
                      for item in self.documents.draft_items(inspection, chosen, self.settings.get()))
        draft = NoticeDraft(inspection_id=inspection.id, unit_id=old.unit_id, addressee_unit=old.addressee_unit,
                            addressee=old.addressee, covert=old.covert, items=items, working_days=old.working_days,
                            issued_on=self.today(), deadline=old.deadline, followup_date=old.followup_date,
                            supersedes_id=notice_id)
        return self.with_deadline(draft, old.working_days)

    # --- walk-around: fixed on the spot -----------------------------------------------------
    def fix_on_spot(self, actor: User, finding_id: int, note: str = "") -> ChangeSet:
        """日清日结: a walk-around finding corrected while the supervisor was there; no notice."""
        finding = self._finding(actor, finding_id)
        if finding[1].mode is not InspectionMode.WALKAROUND:
            raise ValidationError("fix_on_spot_walkaround_only", item=finding[0].item_code)
        if finding[0].status is not FindingStatus.OPEN:
            raise Conflict("finding_not_open", item=finding[0].item_code, status=finding[0].status.value)
        note = check_note(note.strip(), "note")  # a note like any other: at most NOTE_LIMIT characters
        with self.ctx.mutation():
            notices_repo.set_finding_status(self.ctx.db, [finding_id], FindingStatus.FIXED_ON_SPOT.value)
            self.ctx.record(actor, "finding.fixed_on_spot", Entity.FINDING, finding_id, after={"note": note})
        return ChangeSet.of(Entity.FINDING, finding_id).merge(ChangeSet.of(Entity.INSPECTION, finding[1].id))

    # --- helpers ----------------------------------------------------------------------------
    def _finding(self, actor: User, finding_id: int) -> tuple[Finding, Inspection]:
        inspection_id = findings_repo.inspection_of(self.ctx.db, finding_id)
        if inspection_id is None:
            raise NotFound("not_found", entity="finding", key=str(finding_id))
        inspection: Inspection = self.inspections.get(actor, inspection_id)
        if not can_edit_inspection(actor, author_id=inspection.author_id):
            require(actor, Permission.ISSUE_NOTICES)
        finding = next(f for f in findings_repo.list_for_inspection(self.ctx.db, inspection_id) if f.id == finding_id)
        return finding, inspection

    def _checked(self, draft: NoticeDraft) -> NoticeDraft:
        if not draft.items:
            raise ValidationError("no_open_findings", inspection=draft.inspection_id)
        if not draft.addressee_unit.strip():
            raise ValidationError("addressee_required", field="addressee_unit")
        if not draft.addressee.strip():
            raise ValidationError("addressee_required", field="addressee")
        check_name(draft.addressee_unit.strip(), "addressee_unit")
        check_name(draft.addressee.strip(), "addressee")
        for item in draft.items:
            if not item.problem.strip():
                raise ValidationError("notice_item_text_required", item=item.item_code)
            check_note(item.problem, "problem", limit=PROBLEM_LIMIT)
            check_note(item.measure, "measure", limit=PROBLEM_LIMIT)
        if draft.reissue_of_id is None:
            taken = notices_repo.open_finding_ids_in_notices(
                self.ctx.db, [item.finding_id for item in draft.items])
            if draft.supersedes_id is not None:
                taken -= {item.finding_id for item in notices_repo.items(self.ctx.db, draft.supersedes_id)}
            if taken:
                raise Conflict("finding_already_noticed", finding=min(taken))
        return draft.model_copy(update={
            "addressee_unit": draft.addressee_unit.strip(), "addressee": draft.addressee.strip(),
            "items": tuple(item.model_copy(update={"problem": item.problem.strip(), "measure": item.measure.strip()})
                           for item in draft.items),
        })

    def _signature(self, actor: User, given: bytes | None) -> bytes | None:
        return given if given is not None else self.signatures.get(actor.id)

    def _number(self, notice_id: int | None) -> str | None:
        if notice_id is None:
            return None
        found = notices_repo.get(self.ctx.db, notice_id)
        return found.number if found else None

    @staticmethod
    def _require_active(actor: User) -> None:
        if not actor.active:
            raise PermissionDenied("account_inactive", user=actor.username)

    def pdf_file(self, actor: User, notice_id: int) -> Path:
        """The issued PDF as stored (read-only; check its hash before trusting it: ``notice_files``)."""
        self.get(actor, notice_id)
        _, relative = notices_repo.document_json(self.ctx.db, notice_id)
        return self.ctx.paths.root / relative
