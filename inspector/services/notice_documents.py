"""Turning stored facts into what a notice says: draft items from an inspection's findings, the
``NoticeDocument`` that is printed, and the ``NoticeRecordDocument`` of what happened after.

Reads only (templates, registry, photos, users); the notices service decides and writes.

Covert visits (暗访): a notice that comes from one — issued, corrected or reissued after a failed
follow-up — names no person of the office. The inspector is left out, the issuer and every
follow-up checker are the office (``organisation_name``), and no drawn signature is kept.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from inspector.domain.errors import InspectorError, ValidationError
from inspector.domain.inspections import Finding, Inspection, InspectionMode
from inspector.domain.notice_document import (
    DocumentItem,
    DocumentPhoto,
    FollowUpInfo,
    FollowUpItemInfo,
    NoticeDocument,
    NoticeRecordDocument,
    ReceiptInfo,
    ReplyInfo,
)
from inspector.domain.notices import DraftItem, NoticeDraft, NoticeStatus, NoticeSummary
from inspector.domain.photos import Derivative
from inspector.domain.deadlines import rectification_days
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import Severity, TemplateBody, without_inferred_mark
from inspector.services.base import ServiceContext
from inspector.services.photos import PhotoService
from inspector.settings import AppSettings
from inspector.storage import notices_repo, photos_repo, registry_repo, templates_repo, users_repo

STATUS_TEXT = {  # printed on the record, always Chinese like the notice
    NoticeStatus.ISSUED: "已下发",
    NoticeStatus.ACKNOWLEDGED: "已签收",
    NoticeStatus.REPLIED: "已回复",
    NoticeStatus.CLOSED: "已闭环",
    NoticeStatus.REISSUED: "复查未通过，已重新下发",
    NoticeStatus.SUPERSEDED: "已被更正通知替代",
}


def _section_titles(body: TemplateBody) -> dict[str, str]:
    titles: dict[str, str] = {}

    def walk(sections) -> None:  # type: ignore[no-untyped-def]
        for section in sections:
            for item in section.items:
                titles[item.code] = section.title_zh
            walk(section.sections)

    walk(body.sections)
    return titles


class NoticeDocuments:
    def __init__(self, ctx: ServiceContext, photos: PhotoService) -> None:
        self.ctx = ctx
        self.photos = photos

    # --- drafts ---------------------------------------------------------------------------
    def body_of(self, inspection: Inspection) -> TemplateBody:
        version = templates_repo.get_version(self.ctx.db, inspection.template_version_id)
        if version is None:
            raise InspectorError("not_found", entity="template", key=str(inspection.template_version_id))
        return version.body

    def draft_items(self, inspection: Inspection, findings: list[Finding], settings: AppSettings) -> list[DraftItem]:
        body = self.body_of(inspection)
        sections = _section_titles(body)
        defaults = {Severity.GENERAL: settings.deadlines.general, Severity.SERIOUS: settings.deadlines.serious}
        window = timedelta(days=settings.recurrence_window_days)
        recurred = notices_repo.recurring_items(
            self.ctx.db, subject_kind=inspection.subject.kind.value, subject_id=inspection.subject.id,
            item_codes=[finding.item_code for finding in findings],
            since=(inspection.observed_at - window).isoformat(), before=inspection.observed_at.isoformat(),
            exclude_inspection=inspection.id,
        )
        items = []
        for finding in findings:
            item = body.item(finding.item_code)
            if item is None:
                raise ValidationError("finding_item_missing", item=finding.item_code)
            problem = item.text_zh if not finding.note.strip() else f"{item.text_zh}：{finding.note.strip()}"
            items.append(DraftItem(
                finding_id=finding.id, item_code=finding.item_code, section=sections.get(finding.item_code, ""),
                problem=problem, measure=item.shown_guidance_zh or f"按“{item.text_zh}”的标准整改到位。",
                severity=finding.severity,
                working_days=rectification_days(finding.severity, item.action_days, defaults),
                recurred=finding.item_code in recurred, photo_ids=finding.photo_ids,
            ))
        return items

    # --- the printed notice --------------------------------------------------------------
    def place_of(self, inspection: Inspection) -> str:
        """地点 on the notice: the route and the bus, or the place (and its area); for a member of
        staff, where they work (route, unit) — never the person, who is the subject, not a place."""
        route = inspection.evidence.route and f"{inspection.evidence.route}路"
        if inspection.subject.kind.value == "staff":
            staff = registry_repo.get(self.ctx.db, RegistryKind.STAFF, inspection.subject.id)
            unit = registry_repo.get(self.ctx.db, RegistryKind.UNITS, staff.unit_id) if staff is not None else None
            return " ".join(part for part in (route, unit.name if unit is not None else "") if part)
        parts = [route, inspection.subject.label]
        if inspection.subject.kind.value == "location":
            record = registry_repo.get(self.ctx.db, RegistryKind.LOCATIONS, inspection.subject.id)
            if record is not None and record.area:
                parts.append(record.area)
        return " ".join(part for part in parts if part)

    def photo(self, photo_id: int, caption: str) -> DocumentPhoto:
        photo = photos_repo.get(self.ctx.db, photo_id)
        if photo is None:
            raise InspectorError("photo_unavailable", photo=str(photo_id))
        path = self.photos.derivative_path(photo.sha256, Derivative.PRINT)
        if path is None:
            raise InspectorError("photo_unavailable", photo=photo.sha256[:12])
        return DocumentPhoto(path=str(path), caption=caption, sha256=photo.sha256)

    def _caption(self, photo_id: int, when: datetime, place: str, item_code: str) -> str:
        photo = photos_repo.get(self.ctx.db, photo_id)
        taken = photo.taken_at if photo is not None and photo.taken_at is not None else when
        return " · ".join(part for part in (taken.strftime("%Y-%m-%d %H:%M"), place, item_code) if part)

    def document(self, *, number: str, draft: NoticeDraft, inspection: Inspection, issuer_id: int,
                 settings: AppSettings, signature_png: bytes | None, supersedes_number: str | None,
                 reissue_of_number: str | None) -> NoticeDocument:
        issuer = users_repo.get(self.ctx.db, issuer_id)
        author = users_repo.get(self.ctx.db, inspection.author_id)
        # A reissue or correction of a covert notice stays covert whatever the draft says.
        covert = inspection.mode is InspectionMode.COVERT or draft.covert
        place = self.place_of(inspection)
        items = []
        for index, item in enumerate(draft.items, start=1):
            photos = tuple(
                self.photo(photo_id, self._caption(photo_id, inspection.observed_at, place, item.item_code))
                for photo_id in item.photo_ids
            )
            items.append(DocumentItem(index=index, item_code=item.item_code, section=item.section,
                                      problem=item.problem, measure=without_inferred_mark(item.measure),
                                      severity=item.severity, photos=photos, recurred=item.recurred))
        template = self.body_of(inspection)
        document = NoticeDocument(
            number=number, issued_on=draft.issued_on, organisation_name=settings.organisation_name,
            organisation_name_en=settings.organisation_name_en,
            logo_path=self._image(settings.logo_path), seal_path=self._image(settings.seal_path),
            addressee_unit=draft.addressee_unit, addressee_head=draft.addressee, covert=covert,
            observed_at=inspection.observed_at, place=place, subject_label=inspection.subject.label,
            template_title=template.title_zh,
            inspector_name=None if covert else (author.display_name if author else None),
            issuer_name=settings.organisation_name if covert else (issuer.display_name if issuer else ""),
            issuer_signature_png=None if covert else signature_png, items=tuple(items),
            working_days=draft.working_days, deadline=draft.deadline, followup_date=draft.followup_date,
            deadline_estimated=draft.deadline_estimated, supersedes_number=supersedes_number,
            reissue_of_number=reissue_of_number,
        )
        return document.model_copy(update={"content_sha256": document.content_hash()})

    def _image(self, stored: str) -> str | None:
        return self.image_path(stored)

    def image_path(self, stored: str) -> str | None:
        """The logo or seal file a setting names (relative: inside the data folder), None if absent."""
        if not stored:
            return None
        candidate = Path(stored)
        if not candidate.is_absolute():
            candidate = self.ctx.paths.root / candidate  # stored inside the data folder
        return str(candidate) if candidate.is_file() else None

    def stored_document(self, notice_id: int) -> NoticeDocument:
        """The notice as issued, with its photos' print copies found again by hash (the data
        folder may have moved since)."""
        text, _ = notices_repo.document_json(self.ctx.db, notice_id)
        document = NoticeDocument.model_validate_json(text)
        items = []
        for item in document.items:
            photos = tuple(photo.model_copy(update={"path": self._print_path(photo)}) for photo in item.photos)
            items.append(item.model_copy(update={"photos": photos}))
        return document.model_copy(update={"items": tuple(items)})

    def _print_path(self, photo: DocumentPhoto) -> str:
        path = self.photos.derivative_path(photo.sha256, Derivative.PRINT) if photo.sha256 else None
        return str(path) if path is not None else photo.path

    # --- the record ------------------------------------------------------------------------
    def record(self, summary: NoticeSummary) -> NoticeRecordDocument:
        notice = self.stored_document(summary.id)
        receipt = notices_repo.receipt(self.ctx.db, summary.id)
        reply = notices_repo.reply(self.ctx.db, summary.id)
        reply_info = None
        if reply is not None:
            reply_info = ReplyInfo(
                measures=reply.measures, preventive=reply.preventive, replied_on=reply.replied_on,
                replied_by=reply.replied_by,
                photos=tuple(self.photo(pid, f"{reply.replied_on.isoformat()} · 整改回复") for pid in reply.photo_ids),
            )
        by_index = {item.index: item for item in notice.items}
        followups = []
        for followup in notices_repo.followups(self.ctx.db, summary.id):
            recorder = users_repo.get(self.ctx.db, followup.recorded_by)
            successor = notices_repo.get(self.ctx.db, followup.reissued_notice_id) if followup.reissued_notice_id else None
            items = []
            for result in followup.items:
                printed = by_index.get(result.position)
                when = followup.recorded_at.strftime("%Y-%m-%d %H:%M")
                items.append(FollowUpItemInfo(
                    index=result.position, item_code=printed.item_code if printed else "",
                    problem=printed.problem if printed else "", result=result.result, note=result.note,
                    before=printed.photos if printed else (),
                    after=tuple(self.photo(pid, f"{when} · 复查 · {printed.item_code if printed else ''}")
                                for pid in result.photo_ids),
                ))
            checker = notice.organisation_name if notice.covert else (recorder.display_name if recorder else "")
            followups.append(FollowUpInfo(
                recorded_at=followup.recorded_at, recorded_by=checker,
                result=followup.result, note=followup.note, items=tuple(items),
                reissued_as=successor.number if successor else None,
            ))
        return NoticeRecordDocument(
            notice=notice, status_text=STATUS_TEXT[summary.status],
            receipt=ReceiptInfo(signer_name=receipt.signer_name, signed_at=receipt.signed_at,
                                signature_png=receipt.signature_png) if receipt else None,
            reply=reply_info, followups=tuple(followups),
            closed_on=summary.closed_at.date() if summary.closed_at else None, late=summary.late(),
        )


def month_bounds(day: date) -> tuple[date, date]:
    start = day.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end
