"""The complaints register (投诉与旅客意见): intake, investigation, result, feedback, closing.

Every step is checked (role, input, the procedure's order, see ``domain.complaints.apply_event``)
before anything is written, then appended as an event together with the case's new state, its
photos and its audit entry in one transaction. Readers get cases through ``ComplaintAccess``,
which masks the complainant for everyone but the quality office.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.complaints import (
    BEHAVIOURS,
    Behaviour,
    Channel,
    Complaint,
    ComplaintFlag,
    ComplaintKind,
    ComplaintLimits,
    ComplaintSeverity,
    ComplaintStatus,
    EventKind,
    Intake,
    Liability,
    Opinion,
    StepRefused,
    apply_event,
    format_complaint_number,
    initial_state,
)
from inspector.domain.errors import Conflict, NotFound, ValidationError
from inspector.domain.inspections import SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import Severity, SubjectKind
from inspector.domain.text import check_name, check_note
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.complaint_access import ComplaintAccess
from inspector.services.complaint_findings import ComplaintFindings
from inspector.services.photos import PhotoService, PreparedPhoto
from inspector.services.registry import RegistryService
from inspector.services.settings import SettingsService
from inspector.storage import complaints as complaints_repo

PHONE_PATTERN = re.compile(r"^[0-9+\-() ]{3,20}$")
ORDER_PATTERN = re.compile(r"^[0-9A-Za-z\-]{1,40}$")
MATCHES = 3


def _moment(value: datetime) -> datetime:
    """A stored time: its own offset (a naive value is taken as local time), whole seconds."""
    return (value if value.tzinfo is not None else value.astimezone()).replace(microsecond=0)


class ComplaintService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService, registry: RegistryService,
                 photos: PhotoService, findings: ComplaintFindings) -> None:
        self.ctx = ctx
        self.settings = settings
        self.registry = registry
        self.photos = photos
        self.findings = findings
        self.access = ComplaintAccess(ctx)

    def limits(self) -> ComplaintLimits:
        return self.settings.get().complaints

    def _overrides(self):  # type: ignore[no-untyped-def]
        return self.settings.get().calendar.overrides()

    # --- reading ---------------------------------------------------------------------------
    def get(self, actor: User, complaint_id: int) -> Complaint:
        return self.access.visible(actor, complaint_id)

    def by_number(self, actor: User, number: str) -> Complaint:
        return self.access.visible(actor, self.access.id_of(number))

    def list(self, actor: User, *, statuses: Sequence[ComplaintStatus] = (), flag: ComplaintFlag | None = None,
             unit_id: int | None = None, vehicle_id: int | None = None, staff_id: int | None = None,
             limit: int = 1000) -> list[Complaint]:
        """The cases ``actor`` may read, newest intake first; ``flag``: those carrying it now."""
        rows = complaints_repo.list_rows(self.ctx.db, statuses=[status.value for status in statuses] or None,
                                         unit_id=unit_id, vehicle_id=vehicle_id, staff_id=staff_id, limit=limit)
        found = self.access.listed(actor, rows)
        if flag is not None:
            now, limits = self.ctx.clock(), self.limits()
            found = [case for case in found if flag in case.flags(now, limits)]
        return found

    def flags(self, case: Complaint) -> frozenset[ComplaintFlag]:
        return case.flags(self.ctx.clock(), self.limits())

    def finding_items(self, actor: User, complaint_id: int) -> list[tuple[str, str, str]]:
        """(code, Chinese text, English text or "") of the checklist items a finding on this
        case's staff member (or else its vehicle) can be made on; none when the case names neither."""
        case = self.get(actor, complaint_id)
        if case.intake.staff_id is not None:
            return self.findings.items(SubjectKind.STAFF)
        if case.intake.vehicle_id is not None:
            return self.findings.items(SubjectKind.VEHICLE)
        return []

    # --- intake ----------------------------------------------------------------------------
    def add(self, actor: User, *, channel: Channel | str, kind: ComplaintKind | str, received_at: datetime,
            what: str, order_no: str = "", severity: ComplaintSeverity | str | None = None,
            behaviour: Behaviour | str | None = None, major: bool = False, urgent: bool = False,
            rural: bool = False, event_at: datetime | None = None, place: str = "", route: str = "",
            vehicle: str = "", staff: str = "", name: str = "", phone: str = "",
            answered: str = "") -> tuple[Complaint, ChangeSet]:
        """受理: register a case; ``answered`` (an enquiry only) answers it on the spot and closes it."""
        require(actor, Permission.HANDLE_COMPLAINTS)
        intake = self._intake(actor, channel=channel, kind=kind, received_at=received_at, what=what, order_no=order_no,
                              severity=severity, behaviour=behaviour, major=major, urgent=urgent, rural=rural,
                              event_at=event_at, place=place, route=route, vehicle=vehicle, staff=staff,
                              name=name, phone=phone)
        answer = check_note(answered.strip(), "answered")
        limits, overrides = self.limits(), self._overrides()
        state = initial_state(intake, limits, overrides)
        now = self.ctx.now_text()
        if answer:
            state = self._step(state, intake, EventKind.ANSWERED_ON_SPOT, self.ctx.clock(), {"answer": answer})
        with self.ctx.mutation():
            number = format_complaint_number(intake.received_at.date(),
                                             complaints_repo.next_serial(self.ctx.db, intake.received_at.year))
            complaint_id = complaints_repo.insert(self.ctx.db, number, intake, actor.id, now)
            complaints_repo.append_event(self.ctx.db, complaint_id, EventKind.INTAKE, now, actor.id, {})
            if answer:
                complaints_repo.append_event(self.ctx.db, complaint_id, EventKind.ANSWERED_ON_SPOT, now, actor.id,
                                             {"answer": answer})
            complaints_repo.write_state(self.ctx.db, complaint_id, state, now)
            # The audit entry names the case, never the complainant: the trail is read more widely.
            self.ctx.record(actor, "complaint.add", Entity.COMPLAINT, complaint_id, after={
                "number": number, "channel": intake.channel.value, "kind": intake.kind.value,
                "severity": intake.severity.value if intake.severity else None, "major": intake.major,
                "unit": intake.unit_id, "vehicle": intake.vehicle_id, "staff": intake.staff_id,
                "due_at": state.due_at.isoformat(), "answered_on_spot": bool(answer)})
        return self.get(actor, complaint_id), ChangeSet.of(Entity.COMPLAINT, complaint_id)

    def _intake(self, actor: User, *, channel: Channel | str, kind: ComplaintKind | str, received_at: datetime, what: str,
                order_no: str, severity: ComplaintSeverity | str | None, behaviour: Behaviour | str | None,
                major: bool, urgent: bool, rural: bool, event_at: datetime | None, place: str, route: str,
                vehicle: str, staff: str, name: str, phone: str) -> Intake:
        channel = _enum(Channel, channel, "channel")
        kind = _enum(ComplaintKind, kind, "kind")
        now = self.ctx.clock()
        received = _moment(received_at)
        if received > now:
            raise ValidationError("complaint_time_future", field="received_at", value=received.isoformat())
        event = _moment(event_at) if event_at is not None else None
        if event is not None and event > now:
            raise ValidationError("complaint_time_future", field="event_at", value=event.isoformat())
        if event is not None and event > received:
            raise ValidationError("complaint_event_after_receipt", event=event.isoformat(),
                                  received=received.isoformat())
        order_no = order_no.strip()
        if channel is Channel.HOTLINE_12319 and not order_no:
            raise ValidationError("complaint_order_no_required")
        if order_no and not ORDER_PATTERN.match(order_no):
            raise ValidationError("complaint_order_no_format", value=order_no)
        severity_value = _enum(ComplaintSeverity, severity, "severity") if severity else None
        behaviour_value = _enum(Behaviour, behaviour, "behaviour") if behaviour else None
        if kind in (ComplaintKind.COMPLAINT, ComplaintKind.REPORT):
            severity_value = severity_value or ComplaintSeverity.GENERAL
        elif severity_value is not None or behaviour_value is not None:
            raise ValidationError("complaint_severity_for_complaints", kind=kind.value)
        if behaviour_value is not None and severity_value is not None and \
                behaviour_value not in BEHAVIOURS[severity_value]:
            raise ValidationError("complaint_behaviour_severity", behaviour=behaviour_value.value,
                                  severity=severity_value.value)
        what = check_note(what.strip(), "what")
        if not what:
            raise ValidationError("complaint_what_required")
        phone = phone.strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise ValidationError("complaint_phone_format")  # the number itself is not repeated
        vehicle_id = staff_id = unit_id = None
        if vehicle.strip():
            record = self.find_vehicle(actor, vehicle)
            vehicle_id, unit_id = record.id, record.unit_id
            route = route.strip() or record.route
        if staff.strip():
            record = self.find_staff(actor, staff)
            staff_id = record.id
            unit_id = unit_id or record.unit_id
        return Intake(
            channel=channel, kind=kind, order_no=order_no, severity=severity_value, behaviour=behaviour_value,
            major=bool(major), urgent=bool(urgent), rural=bool(rural), received_at=received, event_at=event,
            place=check_name(place.strip(), "place"), route=check_name(route.strip(), "route"),
            vehicle_id=vehicle_id, staff_id=staff_id, unit_id=unit_id, what=what,
            complainant_name=check_name(name.strip(), "name"), complainant_phone=phone)

    def find_vehicle(self, actor: User, key: str) -> Any:
        """A vehicle by plate or 自编号; unknown: ``NotFound`` offering the closest matches."""
        try:
            return self.registry.find_by_key(actor, RegistryKind.VEHICLES, key)
        except NotFound:
            matches = _closest(key.strip(), complaints_repo.plates_and_fleet_numbers(self.ctx.db))
            raise NotFound("complaint_vehicle_unknown" if matches else "complaint_vehicle_unknown_none",
                           key=key.strip(), matches=matches) from None

    def find_staff(self, actor: User, key: str) -> Any:
        """A staff member by 工号; unknown: ``NotFound`` offering the closest matches."""
        try:
            return self.registry.find_by_key(actor, RegistryKind.STAFF, key)
        except NotFound:
            matches = _closest(key.strip(), complaints_repo.staff_numbers(self.ctx.db))
            raise NotFound("complaint_staff_unknown" if matches else "complaint_staff_unknown_none",
                           key=key.strip(), matches=matches) from None

    # --- the procedure ---------------------------------------------------------------------
    def investigate(self, actor: User, complaint_id: int, *, notes: str = "", statement: str = "",
                    photos: Sequence[PreparedPhoto] = ()) -> tuple[Complaint, ChangeSet]:
        """调查: interview notes (询问笔录), the staff member's written statement, photos (scans too)."""
        notes = check_note(notes.strip(), "notes")
        statement = check_note(statement.strip(), "statement")
        if not (notes or statement or photos):
            raise ValidationError("complaint_investigation_empty")
        data = {"notes": notes, "statement": statement, "photos": len(photos)}
        return self._append(actor, complaint_id, EventKind.INVESTIGATION, data, photos=photos)

    def resolve(self, actor: User, complaint_id: int, *, liability: Liability | str, measures: str,
                apology: bool = False, finding_item: str | None = None) -> tuple[Complaint, ChangeSet]:
        """处理结果: 有责/无责, the measures, whether the staff member apologised (「督促当事人当面向乘客
        赔礼道歉」). ``finding_item`` (有责 only): the checklist item a finding is made on."""
        liability = _enum(Liability, liability, "liability")
        measures = check_note(measures.strip(), "measures")
        if not measures:
            raise ValidationError("complaint_measures_required")
        if finding_item and liability is not Liability.LIABLE:
            raise ValidationError("complaint_finding_not_liable")
        data = {"liability": liability.value, "measures": measures, "apology": bool(apology)}
        return self._append(actor, complaint_id, EventKind.RESULT, data,
                            finding_item=finding_item.strip() if finding_item else None)

    def feedback(self, actor: User, complaint_id: int, *, opinion: Opinion | str,
                 note: str = "") -> tuple[Complaint, ChangeSet]:
        """反馈: the result told to the complainant and their opinion; 不满意 reopens (二次补救)."""
        opinion = _enum(Opinion, opinion, "opinion")
        data = {"opinion": opinion.value, "note": check_note(note.strip(), "note")}
        return self._append(actor, complaint_id, EventKind.FEEDBACK, data)

    def extend(self, actor: User, complaint_id: int, *, due_at: datetime, reason: str) -> tuple[Complaint, ChangeSet]:
        """「无法结案或需延长时间必须说明理由」: a later limit, with the written reason."""
        reason = check_note(reason.strip(), "reason")
        if not reason:
            raise ValidationError("complaint_extension_reason")
        return self._append(actor, complaint_id, EventKind.EXTENSION,
                            {"due_at": _moment(due_at).isoformat(), "reason": reason})

    def close(self, actor: User, complaint_id: int, *, note: str = "") -> tuple[Complaint, ChangeSet]:
        """销号: only after the complainant's (basically) satisfied feedback."""
        return self._append(actor, complaint_id, EventKind.CLOSED, {"note": check_note(note.strip(), "note")})

    def make_finding(self, actor: User, complaint_id: int, item_code: str) -> tuple[Complaint, ChangeSet]:
        """A finding on the responsible unit for a 有责 case (also after its result)."""
        return self._append(actor, complaint_id, EventKind.FINDING, {"item": item_code.strip()},
                            finding_item=item_code.strip())

    # --- helpers ---------------------------------------------------------------------------
    def _step(self, state, intake: Intake, kind: EventKind, at: datetime, data: dict):  # type: ignore[no-untyped-def]
        try:
            return apply_event(state, intake, kind, at, data, self.limits(), self._overrides())
        except StepRefused as refused:
            raise Conflict(refused.code, **refused.params) from None

    def _append(self, actor: User, complaint_id: int, kind: EventKind, data: dict[str, Any], *,
                photos: Sequence[PreparedPhoto] = (), finding_item: str | None = None) -> tuple[Complaint, ChangeSet]:
        """Check the step against the case as it stands and write it, all inside one write
        transaction (``BEGIN IMMEDIATE``: a second writer beside us waits, then sees our step)."""
        require(actor, Permission.HANDLE_COMPLAINTS)
        changes = ChangeSet.of(Entity.COMPLAINT, complaint_id)
        with self.ctx.mutation():
            row = self.access.row(complaint_id)
            at = self.ctx.clock()
            now = self.ctx.now_text()
            state = self._step(row.state, row.intake, kind, at, data)
            subject = self._subject(row) if finding_item else None
            if finding_item and kind is EventKind.RESULT:  # checked against the state after the result
                self._step(state, row.intake, EventKind.FINDING, at, {})
            photo_ids = [self.photos.ingest(actor, photo).id for photo in photos]
            made: list[int] = []
            if subject is not None and finding_item:
                known = complaints_repo.photo_ids(self.ctx.db, complaint_id) + photo_ids
                # A 严重投诉 or 重大 case is a major problem: its finding is serious and goes on a
                # notice by default (5.3); an ordinary one keeps the item's own severity.
                serious = row.intake.major or row.intake.severity is ComplaintSeverity.SERIOUS
                made = self.findings.make(actor, number=row.number, subject=subject, item_code=finding_item,
                                          note=row.intake.what, photo_ids=known,
                                          severity=Severity.SERIOUS if serious else None)
                for finding_id in made:
                    complaints_repo.add_finding(self.ctx.db, complaint_id, finding_id)
                changes = changes.merge(ChangeSet.of(Entity.FINDING, *made))
            if kind is EventKind.FINDING:
                data = {**data, "findings": made}
            seq = complaints_repo.append_event(self.ctx.db, complaint_id, kind, now, actor.id, data)
            complaints_repo.add_photos(self.ctx.db, complaint_id, seq, photo_ids)
            if made and kind is not EventKind.FINDING:
                complaints_repo.append_event(self.ctx.db, complaint_id, EventKind.FINDING, now, actor.id,
                                             {"item": finding_item, "findings": made})
            complaints_repo.write_state(self.ctx.db, complaint_id, state, now)
            self.ctx.record(actor, f"complaint.{kind.value}", Entity.COMPLAINT, complaint_id, before={
                "status": row.state.status.value}, after={
                "number": row.number, "status": state.status.value, "round": state.round, **_audited(data),
                "photos": photo_ids, **({"findings": made} if made else {})})
        return self.get(actor, complaint_id), changes

    def _subject(self, row: complaints_repo.Row) -> SubjectRef:
        if row.intake.staff_id is not None:
            return SubjectRef(kind=SubjectKind.STAFF, id=row.intake.staff_id)
        if row.intake.vehicle_id is not None:
            return SubjectRef(kind=SubjectKind.VEHICLE, id=row.intake.vehicle_id)
        raise ValidationError("complaint_finding_no_subject", number=row.number)


def _audited(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "photos"}


def _closest(key: str, candidates: list[str]) -> str:
    """Up to three registry keys that look like ``key`` (what the error offers), comma-separated."""
    upper = {candidate.upper(): candidate for candidate in candidates}
    found = difflib.get_close_matches(key.upper(), list(upper), n=MATCHES, cutoff=0.5)
    if not found:
        found = [value for value in upper if key.upper()[-3:] and value.endswith(key.upper()[-3:])][:MATCHES]
    return ", ".join(upper[value] for value in found)


def _enum(kind: type, value: object, field: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise ValidationError("invalid_value", field=field, value=str(value)) from None

