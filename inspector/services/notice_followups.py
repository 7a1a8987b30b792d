"""After a notice is issued: the unit's receipt (签收), its written reply (整改回复), and the
follow-up check (复查) that closes the notice or reissues the problems still not fixed.

Status: issued → acknowledged → replied → closed; a failed follow-up marks the notice reissued and
issues a new one (its ``reissue_of``) for the failed problems, with a new deadline counted from the
day of the follow-up. Every step is one transaction with its audit entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import Conflict, ValidationError
from inspector.domain.inspections import FindingStatus
from inspector.domain.notices import (
    FollowUpItemResult,
    FollowUpResult,
    NoticeDraft,
    NoticeStatus,
    NoticeSummary,
    Receipt,
    Reply,
    overall_result,
)
from inspector.domain.text import check_name, check_note
from inspector.domain.users import Permission, User, require
from inspector.services.notices import NoticeService
from inspector.services.user_signatures import check_signature_png
from inspector.storage import findings_repo, notices_repo, photos_repo
from inspector.storage.travel import ids as device_repo


class FollowUpService:
    def __init__(self, notices: NoticeService) -> None:
        self.notices = notices
        self.ctx = notices.ctx

    # --- receipt ----------------------------------------------------------------------------
    def acknowledge(self, actor: User, notice_id: int, signer_name: str,
                    signature_png: bytes | None = None) -> ChangeSet:
        """签收: the unit's person signs for the notice on this laptop."""
        require(actor, Permission.RECORD_FOLLOWUPS)
        notice = self._in_status(actor, notice_id, {NoticeStatus.ISSUED})
        signer_name = signer_name.strip()
        if not signer_name:
            raise ValidationError("receipt_signer_required", field="signer_name")
        check_name(signer_name, "signer_name")
        if signature_png is not None:
            check_signature_png(signature_png)
        at = self.ctx.now_text()
        with self.ctx.mutation():
            notices_repo.put_receipt(self.ctx.db, Receipt(
                notice_id=notice_id, signer_name=signer_name, signed_at=self.ctx.clock(),
                signature_png=signature_png, recorded_by=actor.id))
            notices_repo.set_status(self.ctx.db, notice_id, NoticeStatus.ACKNOWLEDGED, at, stamp="acknowledged_at")
            self.ctx.record(actor, "notice.acknowledge", Entity.NOTICE, notice_id,
                            after={"number": notice.number, "signer": signer_name,
                                   "signed": signature_png is not None})
        return ChangeSet.of(Entity.NOTICE, notice_id)

    # --- reply ------------------------------------------------------------------------------
    def record_reply(self, actor: User, notice_id: int, *, measures: str, replied_on: date, replied_by: str,
                     preventive: str = "", photo_ids: Sequence[int] = ()) -> ChangeSet:
        """The unit's written reply: measures taken, preventive measures, date, after-photos."""
        require(actor, Permission.RECORD_FOLLOWUPS)
        notice = self._in_status(actor, notice_id, {NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED})
        measures, replied_by = measures.strip(), replied_by.strip()
        if not measures:
            raise ValidationError("reply_measures_required", field="measures")
        if not replied_by:
            raise ValidationError("reply_by_required", field="replied_by")
        check_name(replied_by, "replied_by")
        measures = check_note(measures, "measures")
        preventive = check_note(preventive.strip(), "preventive")
        if replied_on < notice.issued_at.date() or replied_on > self.notices.today():
            raise ValidationError("reply_date_invalid", date=replied_on.isoformat(),
                                  issued=notice.issued_at.date().isoformat())
        photos = self._photos(photo_ids)
        at = self.ctx.now_text()
        with self.ctx.mutation():
            notices_repo.put_reply(self.ctx.db, Reply(
                notice_id=notice_id, measures=measures, preventive=preventive, replied_on=replied_on,
                replied_by=replied_by, recorded_at=self.ctx.clock(), recorded_by=actor.id, photo_ids=photos))
            notices_repo.set_status(self.ctx.db, notice_id, NoticeStatus.REPLIED, at, stamp="replied_at")
            self.ctx.record(actor, "notice.reply", Entity.NOTICE, notice_id, after={
                "number": notice.number, "replied_on": replied_on.isoformat(), "photos": list(photos)})
        return ChangeSet.of(Entity.NOTICE, notice_id)

    # --- follow-up -------------------------------------------------------------------------
    def record_followup(self, actor: User, notice_id: int, results: Sequence[FollowUpItemResult], *,
                        note: str = "", deadline_days: int | None = None,
                        signature_png: bytes | None = None) -> tuple[NoticeSummary, NoticeSummary | None, ChangeSet]:
        """复查: a result for every problem. All passed → closed. Any failed → this notice is marked
        reissued and a new one is issued for the failed problems. Returns (this notice, the new one
        or None, changes)."""
        require(actor, Permission.RECORD_FOLLOWUPS)
        notice = self._in_status(actor, notice_id, {NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED,
                                                    NoticeStatus.REPLIED})
        items = notices_repo.items(self.ctx.db, notice_id)
        by_position = {result.position: result for result in results}
        missing = [item for item in items if item.position not in by_position]
        if missing:
            raise ValidationError("followup_item_missing", item=missing[0].item_code, position=missing[0].position)
        extra = set(by_position) - {item.position for item in items}
        if extra:
            raise ValidationError("followup_item_unknown", position=min(extra))
        check_note(note.strip(), "note")
        checked = [by_position[item.position].model_copy(update={
            "note": check_note(by_position[item.position].note.strip(), "note"),
            "photo_ids": self._photos(by_position[item.position].photo_ids)}) for item in items]
        result = overall_result(checked)
        failed = [item for item, verdict in zip(items, checked) if verdict.result is FollowUpResult.FAIL]
        passed = [item for item, verdict in zip(items, checked) if verdict.result is FollowUpResult.PASS]
        draft = None
        # Notices and their numbers are the office's (one writer per record, #20): on a laptop a
        # failed follow-up is recorded and travels back; the office reissues (``reissue``).
        on_laptop = device_repo.device(self.ctx.db).office_device_id is not None
        if failed and not on_laptop:
            draft = self._reissue_draft(actor, notice, failed, deadline_days or notice.working_days)
        at = self.ctx.now_text()
        new_id = None
        with self.ctx.mutation():
            followup_id = notices_repo.insert_followup(
                self.ctx.db, notice_id=notice_id, result=result, note=note.strip(), recorded_at=at,
                recorded_by=actor.id, items=checked)
            notices_repo.set_finding_status(self.ctx.db, [item.finding_id for item in passed],
                                            FindingStatus.CLOSED.value)
            if not failed:
                notices_repo.set_status(self.ctx.db, notice_id, NoticeStatus.CLOSED, at, stamp="closed_at")
            elif draft is not None:
                new_id = self.notices.issue_in_transaction(actor, draft, signature_png=signature_png)
                notices_repo.link_reissue(self.ctx.db, followup_id, new_id)
                notices_repo.set_status(self.ctx.db, notice_id, NoticeStatus.REISSUED, at, successor_id=new_id)
            self.ctx.record(actor, "notice.followup", Entity.NOTICE, notice_id, after={
                "number": notice.number, "result": result.value,
                "items": {str(item.position): item.result.value for item in checked}, "reissued_as": new_id})
        changes = ChangeSet.of(Entity.NOTICE, notice_id, *([new_id] if new_id else []))
        changes = changes.merge(ChangeSet.of(Entity.FOLLOWUP, followup_id)).merge(
            ChangeSet.of(Entity.FINDING, *(item.finding_id for item in items)))
        successor = notices_repo.get(self.ctx.db, new_id) if new_id else None
        return notices_repo.get(self.ctx.db, notice_id), successor, changes

    def reissue(self, actor: User, notice_id: int, *, deadline_days: int | None = None,
                signature_png: bytes | None = None) -> tuple[NoticeSummary, ChangeSet]:
        """At the office: issue the new notice for the problems a follow-up recorded on a laptop
        found not fixed (the laptop records the failure, never a notice number of its own).
        ``notice_no_pending_reissue`` when the notice has no failed follow-up waiting."""
        require(actor, Permission.ISSUE_NOTICES)
        notice = self._in_status(actor, notice_id, {NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED,
                                                    NoticeStatus.REPLIED})
        pending = notices_repo.pending_reissue(self.ctx.db, notice_id)
        if pending is None:
            raise Conflict("notice_no_pending_reissue", notice=notice.number)
        followup_id, failed_positions = pending
        failed = [item for item in notices_repo.items(self.ctx.db, notice_id) if item.position in failed_positions]
        draft = self._reissue_draft(actor, notice, failed, deadline_days or notice.working_days)
        at = self.ctx.now_text()
        with self.ctx.mutation():
            new_id = self.notices.issue_in_transaction(actor, draft, signature_png=signature_png)
            notices_repo.link_reissue(self.ctx.db, followup_id, new_id)
            notices_repo.set_status(self.ctx.db, notice_id, NoticeStatus.REISSUED, at, successor_id=new_id)
            self.ctx.record(actor, "notice.reissue", Entity.NOTICE, notice_id, after={
                "number": notice.number, "followup": followup_id, "reissued_as": new_id})
        return notices_repo.get(self.ctx.db, new_id), ChangeSet.of(Entity.NOTICE, notice_id, new_id)

    def waiting_reissue(self, actor: User, notice_id: int) -> bool:
        """Whether a failed follow-up recorded on a laptop waits for the office to reissue."""
        notice = self.notices.get(actor, notice_id)
        return notice.status in (NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED, NoticeStatus.REPLIED) and \
            notices_repo.pending_reissue(self.ctx.db, notice_id) is not None

    def _reissue_draft(self, actor: User, notice: NoticeSummary, failed, working_days: int) -> NoticeDraft:  # type: ignore[no-untyped-def]
        # Not the visibility check: whoever follows up a covert notice never sees the visit itself.
        inspection = self.notices.inspections.fetch(notice.inspection_id)
        findings = {finding.id: finding for finding in findings_repo.list_for_inspection(self.ctx.db, inspection.id)}
        chosen = [findings[item.finding_id] for item in failed]
        printed = {item.finding_id: item for item in failed}
        items = tuple(item.model_copy(update={"problem": printed[item.finding_id].problem,
                                              "measure": printed[item.finding_id].measure})
                      for item in self.notices.documents.draft_items(inspection, chosen, self.notices.settings.get()))
        today = self.notices.today()
        draft = NoticeDraft(inspection_id=inspection.id, unit_id=notice.unit_id, addressee_unit=notice.addressee_unit,
                            addressee=notice.addressee, covert=notice.covert, items=items, working_days=working_days,
                            issued_on=today, deadline=today, followup_date=today, reissue_of_id=notice.id)
        return self.notices.with_deadline(draft, working_days)

    # --- reading ----------------------------------------------------------------------------
    def receipt(self, actor: User, notice_id: int) -> Receipt | None:
        self.notices.get(actor, notice_id)
        return notices_repo.receipt(self.ctx.db, notice_id)

    def reply(self, actor: User, notice_id: int) -> Reply | None:
        self.notices.get(actor, notice_id)
        return notices_repo.reply(self.ctx.db, notice_id)

    def followups(self, actor: User, notice_id: int):  # type: ignore[no-untyped-def]
        self.notices.get(actor, notice_id)
        return notices_repo.followups(self.ctx.db, notice_id)

    # --- helpers ----------------------------------------------------------------------------
    def _in_status(self, actor: User, notice_id: int, allowed: set[NoticeStatus]) -> NoticeSummary:
        notice = self.notices.get(actor, notice_id)
        if notice.status not in allowed:
            raise Conflict("notice_status_wrong", notice=notice.number, status=notice.status.value)
        return notice

    def _photos(self, photo_ids: Sequence[int]) -> tuple[int, ...]:
        ids = tuple(dict.fromkeys(int(photo_id) for photo_id in photo_ids))
        known = photos_repo.get_many(self.ctx.db, list(ids))
        for photo_id in ids:
            if photo_id not in known:
                raise ValidationError("photo_unavailable", photo=str(photo_id))
        return ids
