"""Words of the complaints register: the error sentences (context "Errors", joined to
``inspector.words.messages.TEMPLATES``) and the names of channels, kinds, severities, behaviours,
statuses, results, opinions, steps and flags (context "Complaints").
"""

from __future__ import annotations

from enum import StrEnum

from inspector.domain.complaints import (
    Behaviour,
    Channel,
    ComplaintFlag,
    ComplaintKind,
    ComplaintSeverity,
    ComplaintStatus,
    EventKind,
    Liability,
    Opinion,
)
from inspector.words.i18n import QT_TRANSLATE_NOOP, translate

ERROR_SENTENCES: dict[str, str] = {
    "complaint_time_future": QT_TRANSLATE_NOOP(
        "Errors", "The time {value} given for {field} is in the future; nothing was saved."),
    "complaint_event_after_receipt": QT_TRANSLATE_NOOP(
        "Errors", "The event ({event}) cannot be later than when the complaint was received ({received})."),
    "complaint_order_no_required": QT_TRANSLATE_NOOP(
        "Errors", "A 12319 work order needs its order number."),
    "complaint_order_no_format": QT_TRANSLATE_NOOP(
        "Errors", "The work order number \"{value}\" may hold only letters, digits and dashes."),
    "complaint_severity_for_complaints": QT_TRANSLATE_NOOP(
        "Errors", "Only a complaint or a report has a severity and a behaviour, not a {kind}."),
    "complaint_behaviour_severity": QT_TRANSLATE_NOOP(
        "Errors", "The behaviour \"{behaviour}\" is not one of those the regulation lists for a {severity} complaint."),
    "complaint_what_required": QT_TRANSLATE_NOOP("Errors", "Say what happened."),
    "complaint_phone_format": QT_TRANSLATE_NOOP(
        "Errors", "The complainant's phone number may hold only digits, spaces, +, - and brackets (3–20)."),
    "complaint_vehicle_unknown": QT_TRANSLATE_NOOP(
        "Errors", "No vehicle has the plate or fleet number \"{key}\"; the closest are: {matches}. Nothing was saved."),
    "complaint_vehicle_unknown_none": QT_TRANSLATE_NOOP(
        "Errors", "No vehicle has the plate or fleet number \"{key}\", and none is close. Nothing was saved."),
    "complaint_staff_unknown": QT_TRANSLATE_NOOP(
        "Errors", "No staff member has the staff number \"{key}\"; the closest are: {matches}. Nothing was saved."),
    "complaint_staff_unknown_none": QT_TRANSLATE_NOOP(
        "Errors", "No staff member has the staff number \"{key}\", and none is close. Nothing was saved."),
    "complaint_investigation_empty": QT_TRANSLATE_NOOP(
        "Errors", "An investigation needs notes, the staff member's statement or a photo."),
    "complaint_measures_required": QT_TRANSLATE_NOOP("Errors", "The result needs the measures taken."),
    "complaint_extension_reason": QT_TRANSLATE_NOOP(
        "Errors", "An extension needs a written reason (the regulation: 需延长时间必须说明理由)."),
    "complaint_extension_earlier": QT_TRANSLATE_NOOP(
        "Errors", "An extension must end later than the present limit ({due})."),
    "complaint_closed": QT_TRANSLATE_NOOP("Errors", "The complaint is closed (销号); nothing more can be recorded."),
    "complaint_on_spot_enquiry_only": QT_TRANSLATE_NOOP(
        "Errors", "Only an enquiry can be answered on the spot and closed at once."),
    "complaint_investigation_after_result": QT_TRANSLATE_NOOP(
        "Errors", "The complaint is {complaint_status}: an investigation comes before the result."),
    "complaint_result_without_investigation": QT_TRANSLATE_NOOP(
        "Errors", "Record an investigation first: a result without investigation is not accepted. Nothing was saved."),
    "complaint_result_twice": QT_TRANSLATE_NOOP(
        "Errors", "The complaint is {complaint_status}; its result is already recorded."),
    "complaint_feedback_without_result": QT_TRANSLATE_NOOP(
        "Errors", "The complaint is {complaint_status}: feedback to the complainant needs the result first."),
    "complaint_close_without_feedback": QT_TRANSLATE_NOOP(
        "Errors", "The complaint is {complaint_status}: it closes only after the complainant's (basically) "
        "satisfied feedback. Nothing was saved."),
    "complaint_finding_not_liable": QT_TRANSLATE_NOOP(
        "Errors", "Only a complaint found 有责 (liable) can make a finding."),
    "complaint_finding_no_subject": QT_TRANSLATE_NOOP(
        "Errors", "Complaint {number} names no vehicle and no staff member to make a finding on."),
    "complaint_finding_incomplete": QT_TRANSLATE_NOOP(
        "Errors", "A finding on item {item} needs the photos the checklist asks for when it fails; add them to "
        "the investigation first. Nothing was saved."),
    "complaint_item_unknown": QT_TRANSLATE_NOOP(
        "Errors", "No published {kind} checklist has the item {item}."),
    "complaint_other_unit": QT_TRANSLATE_NOOP(
        "Errors", "Complaint {number} concerns another unit; a manager reads those of their own unit."),
    "complaint_unknown_step": QT_TRANSLATE_NOOP("Errors", "Unknown step {step}."),
}

_PAIRS: tuple[tuple[StrEnum, str], ...] = (
    (Channel.HOTLINE_12319, QT_TRANSLATE_NOOP("Complaints", "12319 work order")),
    (Channel.PHONE, QT_TRANSLATE_NOOP("Complaints", "Phone")),
    (Channel.LETTER, QT_TRANSLATE_NOOP("Complaints", "Letter")),
    (Channel.VISIT, QT_TRANSLATE_NOOP("Complaints", "Visit")),
    (Channel.WEBSITE, QT_TRANSLATE_NOOP("Complaints", "Website message")),
    (Channel.COMMENT_BOOK, QT_TRANSLATE_NOOP("Complaints", "Comment book")),
    (Channel.SURVEY, QT_TRANSLATE_NOOP("Complaints", "Survey form")),
    (ComplaintKind.ENQUIRY, QT_TRANSLATE_NOOP("Complaints", "Enquiry")),
    (ComplaintKind.COMPLAINT, QT_TRANSLATE_NOOP("Complaints", "Complaint")),
    (ComplaintKind.REPORT, QT_TRANSLATE_NOOP("Complaints", "Report")),
    (ComplaintKind.SUGGESTION, QT_TRANSLATE_NOOP("Complaints", "Suggestion")),
    (ComplaintSeverity.GENERAL, QT_TRANSLATE_NOOP("Complaints", "General complaint")),
    (ComplaintSeverity.SERIOUS, QT_TRANSLATE_NOOP("Complaints", "Serious complaint")),
    (Behaviour.NONSTANDARD, QT_TRANSLATE_NOOP("Complaints", "Non-standard service, careless work, a curt manner")),
    (Behaviour.INATTENTIVE, QT_TRANSLATE_NOOP(
        "Complaints", "Inattentive care, impatient answers, not listening to passengers")),
    (Behaviour.NO_APOLOGY, QT_TRANSLATE_NOOP("Complaints", "A mistake at work without an apology")),
    (Behaviour.RULES_NOT_FOLLOWED, QT_TRANSLATE_NOOP(
        "Complaints", "Fare or riding violations not handled by the rules")),
    (Behaviour.UNRELATED_WORK, QT_TRANSLATE_NOOP("Complaints", "Doing things unrelated to the work")),
    (Behaviour.DISCIPLINE, QT_TRANSLATE_NOOP(
        "Complaints", "A serious breach of service discipline or of duty causing a dispute")),
    (Behaviour.ABUSE, QT_TRANSLATE_NOOP("Complaints", "Discriminating against or abusing passengers")),
    (Behaviour.ESCALATION, QT_TRANSLATE_NOOP("Complaints", "Mishandling that escalated the conflict")),
    (Behaviour.PRESS, QT_TRANSLATE_NOOP("Complaints", "Justified press criticism with public effect")),
    (ComplaintStatus.RECEIVED, QT_TRANSLATE_NOOP("Complaints", "received")),
    (ComplaintStatus.INVESTIGATING, QT_TRANSLATE_NOOP("Complaints", "under investigation")),
    (ComplaintStatus.RESOLVED, QT_TRANSLATE_NOOP("Complaints", "resolved, not yet fed back")),
    (ComplaintStatus.ANSWERED, QT_TRANSLATE_NOOP("Complaints", "fed back")),
    (ComplaintStatus.CLOSED, QT_TRANSLATE_NOOP("Complaints", "closed")),
    (Liability.LIABLE, QT_TRANSLATE_NOOP("Complaints", "Liable")),
    (Liability.NOT_LIABLE, QT_TRANSLATE_NOOP("Complaints", "Not liable")),
    (Opinion.SATISFIED, QT_TRANSLATE_NOOP("Complaints", "Satisfied")),
    (Opinion.BASICALLY, QT_TRANSLATE_NOOP("Complaints", "Basically satisfied")),
    (Opinion.UNSATISFIED, QT_TRANSLATE_NOOP("Complaints", "Unsatisfied")),
    (EventKind.INTAKE, QT_TRANSLATE_NOOP("Complaints", "Intake")),
    (EventKind.ANSWERED_ON_SPOT, QT_TRANSLATE_NOOP("Complaints", "Answered on the spot")),
    (EventKind.INVESTIGATION, QT_TRANSLATE_NOOP("Complaints", "Investigation")),
    (EventKind.RESULT, QT_TRANSLATE_NOOP("Complaints", "Result")),
    (EventKind.FEEDBACK, QT_TRANSLATE_NOOP("Complaints", "Feedback")),
    (EventKind.EXTENSION, QT_TRANSLATE_NOOP("Complaints", "Extension")),
    (EventKind.FINDING, QT_TRANSLATE_NOOP("Complaints", "Finding made")),
    (EventKind.CLOSED, QT_TRANSLATE_NOOP("Complaints", "Closed")),
    (ComplaintFlag.OVERDUE, QT_TRANSLATE_NOOP("Complaints", "Overdue")),
    (ComplaintFlag.DUE_SOON, QT_TRANSLATE_NOOP("Complaints", "Due soon")),
    (ComplaintFlag.DEPARTMENT_OVERDUE, QT_TRANSLATE_NOOP("Complaints", "Department's feedback overdue")),
    (ComplaintFlag.LATE, QT_TRANSLATE_NOOP("Complaints", "Closed late")),
    (ComplaintFlag.REPORT_TO_LEADER, QT_TRANSLATE_NOOP("Complaints", "Report to the leader at once")),
    (ComplaintFlag.SECOND_REMEDY, QT_TRANSLATE_NOOP("Complaints", "Second remedy")),
)
_LABELS: dict[tuple[type, str], str] = {(type(code), code.value): text for code, text in _PAIRS}


def complaint_label(code: StrEnum) -> str:
    """The name of a channel, kind, severity, behaviour, status, result, opinion, step or flag, as
    a label or a table cell shows it (a status begins with a capital: "Under investigation")."""
    text = _LABELS.get((type(code), code.value))
    if not text:
        return code.value
    words = translate("Complaints", text)
    return words[:1].upper() + words[1:] if isinstance(code, ComplaintStatus) else words


def status_words(value: str) -> str:
    """A ``complaint_status`` parameter in words, as it stands inside a sentence ("… the case is
    under investigation"); an unknown value as it is."""
    if value in ComplaintStatus._value2member_map_:
        text = _LABELS[(ComplaintStatus, value)]
        return translate("Complaints", text)
    return value
