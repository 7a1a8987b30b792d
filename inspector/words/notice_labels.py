"""Words for notice statuses and flags (context "NoticeLabels"), shared by the notices page, the
error sentences and the command line; ``status_label`` / ``flag_label`` give them in the current
language."""

from __future__ import annotations

from inspector.domain.notices import NoticeFlag, NoticeStatus
from inspector.words.i18n import QT_TRANSLATE_NOOP, translate

STATUS_WORDS: dict[NoticeStatus, str] = {
    NoticeStatus.ISSUED: QT_TRANSLATE_NOOP("NoticeLabels", "Issued"),
    NoticeStatus.ACKNOWLEDGED: QT_TRANSLATE_NOOP("NoticeLabels", "Signed for"),
    NoticeStatus.REPLIED: QT_TRANSLATE_NOOP("NoticeLabels", "Replied"),
    NoticeStatus.CLOSED: QT_TRANSLATE_NOOP("NoticeLabels", "Closed"),
    NoticeStatus.REISSUED: QT_TRANSLATE_NOOP("NoticeLabels", "Reissued"),
    NoticeStatus.SUPERSEDED: QT_TRANSLATE_NOOP("NoticeLabels", "Superseded"),
}
FLAG_WORDS: dict[NoticeFlag, str] = {
    NoticeFlag.OVERDUE: QT_TRANSLATE_NOOP("NoticeLabels", "Overdue"),
    NoticeFlag.LATE: QT_TRANSLATE_NOOP("NoticeLabels", "Late"),
    NoticeFlag.UNFINISHED: QT_TRANSLATE_NOOP("NoticeLabels", "Unfinished"),
    NoticeFlag.RECURRED: QT_TRANSLATE_NOOP("NoticeLabels", "Recurred"),
}


def status_label(status: NoticeStatus) -> str:
    return translate("NoticeLabels", STATUS_WORDS[status])


def flag_label(flag: NoticeFlag) -> str:
    return translate("NoticeLabels", FLAG_WORDS[flag])
