"""Sentences for the error codes of rectification notices and follow-ups (context "Errors"),
merged into ``inspector.messages.TEMPLATES``; kept apart so that neither file grows too long."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

NOTICE_TEMPLATES: dict[str, str] = {
    "account_inactive": QT_TRANSLATE_NOOP("Errors", "The account \"{user}\" is switched off."),
    "finding_item_missing": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} is no longer in the inspection's checklist version; the finding cannot be printed."),
    "photo_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "Photo {photo} cannot be read from the photo store; run the integrity check."),
    "finding_not_in_inspection": QT_TRANSLATE_NOOP(
        "Errors", "Finding {finding} does not belong to inspection {inspection}."),
    "finding_already_noticed": QT_TRANSLATE_NOOP(
        "Errors", "Finding {finding} is already on a rectification notice."),
    "no_open_findings": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} has no open findings left to put on a notice."),
    "finding_without_unit": QT_TRANSLATE_NOOP(
        "Errors", "Finding {item} has no responsible unit; set the inspection's unit first."),
    "notice_not_open": QT_TRANSLATE_NOOP(
        "Errors", "Notice {notice} is {status} and can no longer be corrected."),
    "notice_status_wrong": QT_TRANSLATE_NOOP(
        "Errors", "Notice {notice} is {status}: this step does not apply to it any more."),
    "fix_on_spot_walkaround_only": QT_TRANSLATE_NOOP(
        "Errors", "Only walk-around findings can be closed as fixed on the spot ({item})."),
    "finding_not_open": QT_TRANSLATE_NOOP("Errors", "Finding {item} is already {status}."),
    "addressee_required": QT_TRANSLATE_NOOP(
        "Errors", "The notice needs its addressee: the unit and the name of its head."),
    "notice_item_text_required": QT_TRANSLATE_NOOP("Errors", "Problem {item} needs a description."),
    "receipt_signer_required": QT_TRANSLATE_NOOP("Errors", "Enter the name of the person who signs for the notice."),
    "reply_measures_required": QT_TRANSLATE_NOOP("Errors", "Enter the measures the unit has taken."),
    "reply_by_required": QT_TRANSLATE_NOOP("Errors", "Enter who replied for the unit."),
    "reply_date_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The reply date {date} must lie between the day of issue ({issued}) and today."),
    "followup_item_missing": QT_TRANSLATE_NOOP(
        "Errors", "Give a follow-up result for problem {position} ({item})."),
    "followup_item_unknown": QT_TRANSLATE_NOOP("Errors", "The notice has no problem number {position}."),
    "notice_pdf_missing": QT_TRANSLATE_NOOP(
        "Errors", "The PDF of notice {notice} is missing ({path}); run the integrity check."),
    "notice_pdf_changed": QT_TRANSLATE_NOOP(
        "Errors", "The PDF of notice {notice} was changed after issue ({path}); it is not used. Run the integrity check."),
}
