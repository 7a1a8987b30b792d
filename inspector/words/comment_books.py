"""Words of the passenger comment books (旅客意见簿): the error sentences (context "Errors", joined
to ``inspector.words.messages.TEMPLATES``) and the names of entry kinds and states (context
"CommentBooks")."""

from __future__ import annotations

from inspector.domain.comment_books import EntryKind, EntryState
from inspector.words.i18n import QT_TRANSLATE_NOOP, translate

ERROR_SENTENCES: dict[str, str] = {
    "comment_book_day_future": QT_TRANSLATE_NOOP(
        "Errors", "The day {day} is in the future: a comment book is entered after it was collected."),
    "comment_book_collected_at": QT_TRANSLATE_NOOP(
        "Errors", "The book of {day} cannot have been collected at {at} (before that day, or in the future)."),
    "comment_book_too_many": QT_TRANSLATE_NOOP(
        "Errors", "{count} entries for one book is more than {limit}: check what was typed. Nothing was saved."),
    "comment_book_entry_kind": QT_TRANSLATE_NOOP(
        "Errors", "Entry {position}: \"{value}\" is not praise, an opinion or a complaint (praise:, opinion:,"
                  " complaint: or 表扬：, 意见：, 投诉：)."),
    "comment_book_entry_empty": QT_TRANSLATE_NOOP("Errors", "Entry {position} says nothing. Nothing was saved."),
    "comment_book_collected_already": QT_TRANSLATE_NOOP(
        "Errors", "The comment book of {vehicle} for {day} was collected already; add nothing twice."),
    "comment_book_reply_empty": QT_TRANSLATE_NOOP(
        "Errors", "Write the reply: the explanation or the improvement told to the passenger."),
    "comment_book_praise_no_reply": QT_TRANSLATE_NOOP(
        "Errors", "Entry {position} is praise: it needs no reply (it is kept for the staff and vehicle files)."),
    "comment_book_praise_no_complaint": QT_TRANSLATE_NOOP(
        "Errors", "Entry {position} is praise: it cannot be registered as a complaint."),
    "comment_book_registered_already": QT_TRANSLATE_NOOP(
        "Errors", "Entry {position} was registered as complaint {number} already: answer it in the register."),
    "comment_book_answered_already": QT_TRANSLATE_NOOP(
        "Errors", "Entry {position} in the book of {vehicle} was answered already; a reply is written once."),
}

_KINDS: dict[EntryKind, str] = {
    EntryKind.PRAISE: QT_TRANSLATE_NOOP("CommentBooks", "Praise"),
    EntryKind.OPINION: QT_TRANSLATE_NOOP("CommentBooks", "Opinion"),
    EntryKind.COMPLAINT: QT_TRANSLATE_NOOP("CommentBooks", "Complaint"),
}
_STATES: dict[EntryState, str] = {
    EntryState.KEPT: QT_TRANSLATE_NOOP("CommentBooks", "Kept"),
    EntryState.OPEN: QT_TRANSLATE_NOOP("CommentBooks", "To answer today"),
    EntryState.ANSWERED: QT_TRANSLATE_NOOP("CommentBooks", "Answered the same day"),
    EntryState.ANSWERED_LATE: QT_TRANSLATE_NOOP("CommentBooks", "Answered late"),
    EntryState.REGISTERED: QT_TRANSLATE_NOOP("CommentBooks", "Registered as a complaint"),
}


def kind_label(kind: EntryKind) -> str:
    return translate("CommentBooks", _KINDS[kind])


def state_label(state: EntryState) -> str:
    return translate("CommentBooks", _STATES[state])
