"""Rectification notices (整改通知单) and follow-ups (复查): shapes, numbering, status machine.

An issued notice is immutable: a correction is a new notice that supersedes the old one.
Numbers are gapless per year and never reused: ``ZG-2026-11-0001``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from inspector.domain.templates import Severity

NOTICE_PREFIX = "ZG"
NUMBER_PATTERN = re.compile(r"^([A-Z]{1,4})-(\d{4})-(\d{2})-(\d{4,})$")


class NoticeStatus(StrEnum):
    ISSUED = "issued"
    ACKNOWLEDGED = "acknowledged"  # 签收
    REPLIED = "replied"  # the unit's written reply
    CLOSED = "closed"  # verified at follow-up
    REISSUED = "reissued"  # follow-up failed: a new notice carries on
    SUPERSEDED = "superseded"  # corrected by a later notice


class FollowUpResult(StrEnum):
    PASS = "pass"
    FAIL = "fail"


# Which status may follow which. Overdue is not a state but a flag derived from the deadline.
TRANSITIONS: dict[NoticeStatus, frozenset[NoticeStatus]] = {
    NoticeStatus.ISSUED: frozenset(
        {NoticeStatus.ACKNOWLEDGED, NoticeStatus.REPLIED, NoticeStatus.CLOSED, NoticeStatus.REISSUED,
         NoticeStatus.SUPERSEDED}
    ),
    NoticeStatus.ACKNOWLEDGED: frozenset(
        {NoticeStatus.REPLIED, NoticeStatus.CLOSED, NoticeStatus.REISSUED, NoticeStatus.SUPERSEDED}
    ),
    NoticeStatus.REPLIED: frozenset({NoticeStatus.CLOSED, NoticeStatus.REISSUED, NoticeStatus.SUPERSEDED}),
    NoticeStatus.CLOSED: frozenset(),
    NoticeStatus.REISSUED: frozenset(),
    NoticeStatus.SUPERSEDED: frozenset(),
}


def can_transition(current: NoticeStatus, new: NoticeStatus) -> bool:
    return new in TRANSITIONS[current]


def format_notice_number(issued: date, serial: int, prefix: str = NOTICE_PREFIX) -> str:
    """``ZG-2026-11-0001``: year and month of issue, serial counted per year."""
    if serial < 1:
        raise ValueError("serial_must_be_positive")
    return f"{prefix}-{issued.year:04d}-{issued.month:02d}-{serial:04d}"


def parse_notice_number(number: str) -> tuple[str, int, int, int]:
    """``ZG-2026-11-0001`` → (prefix, year, month, serial); raises ValueError otherwise."""
    match = NUMBER_PATTERN.match(number.strip())
    if not match:
        raise ValueError("notice_number_format")
    return match.group(1), int(match.group(2)), int(match.group(3)), int(match.group(4))


OPEN_STATUSES = frozenset({NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED, NoticeStatus.REPLIED})


class NoticeFlag(StrEnum):
    """What the tracking page marks (the sources' own words)."""

    OVERDUE = "overdue"  # past the deadline and still open
    LATE = "late"  # 整改不及时: replied or closed after the deadline
    UNFINISHED = "unfinished"  # 未完成整改: a follow-up failed, or overdue and still open
    RECURRED = "recurred"  # 再次发生: same item and subject within the window


class DraftItem(BaseModel):
    """One problem as it will be printed; ``measure`` is editable before issue."""

    model_config = ConfigDict(frozen=True)

    finding_id: int
    item_code: str
    section: str = ""
    problem: str
    measure: str = ""
    severity: Severity = Severity.GENERAL
    working_days: int  # the item's own period (template item, else the severity default)
    recurred: bool = False
    photo_ids: tuple[int, ...] = ()


class NoticeDraft(BaseModel):
    """A notice about to be issued to one unit: what the create dialog shows and edits."""

    model_config = ConfigDict(frozen=True)

    inspection_id: int
    unit_id: int
    addressee_unit: str
    addressee: str  # the unit's head
    covert: bool = False
    items: tuple[DraftItem, ...]
    working_days: int  # the strictest (shortest) period among the items unless set by hand
    issued_on: date
    deadline: date
    followup_date: date
    deadline_estimated: bool = False
    supersedes_id: int | None = None
    reissue_of_id: int | None = None


class NoticeItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    position: int
    finding_id: int
    item_code: str
    problem: str
    measure: str = ""
    severity: Severity = Severity.GENERAL
    recurred: bool = False


class NoticeSummary(BaseModel):
    """A notice with where it stands: one row of the notices page."""

    model_config = ConfigDict(frozen=True)

    id: int
    number: str
    inspection_id: int
    unit_id: int
    addressee_unit: str
    addressee: str
    covert: bool = False
    issued_at: datetime
    issued_by: int
    issuer_name: str = ""
    working_days: int
    deadline: date
    followup_date: date
    deadline_estimated: bool = False
    status: NoticeStatus = NoticeStatus.ISSUED
    acknowledged_at: datetime | None = None
    replied_at: datetime | None = None
    closed_at: datetime | None = None
    successor_number: str | None = None
    supersedes_number: str | None = None
    reissue_of_number: str | None = None
    item_count: int = 0
    recurred: bool = False
    failed_followups: int = 0
    pdf_sha256: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def overdue(self, today: date) -> bool:
        return self.is_open and today > self.deadline

    def late(self) -> bool:
        """整改不及时: the reply (or, without one, the closing) came after the deadline."""
        answered = self.replied_at or self.closed_at
        return answered is not None and answered.date() > self.deadline

    def unfinished(self, today: date) -> bool:
        """未完成整改: a follow-up found it not done, or it is overdue and still open."""
        return self.failed_followups > 0 or self.status is NoticeStatus.REISSUED or self.overdue(today)

    def flags(self, today: date) -> frozenset[NoticeFlag]:
        found = set()
        if self.overdue(today):
            found.add(NoticeFlag.OVERDUE)
        if self.late():
            found.add(NoticeFlag.LATE)
        if self.unfinished(today):
            found.add(NoticeFlag.UNFINISHED)
        if self.recurred:
            found.add(NoticeFlag.RECURRED)
        return frozenset(found)


class FollowUpItemResult(BaseModel):
    """The follow-up's verdict on one problem of the notice (by its position)."""

    model_config = ConfigDict(frozen=True)

    position: int
    result: FollowUpResult
    note: str = ""
    photo_ids: tuple[int, ...] = ()


class FollowUp(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    notice_id: int
    result: FollowUpResult
    note: str = ""
    recorded_at: datetime
    recorded_by: int
    items: tuple[FollowUpItemResult, ...] = ()
    reissued_notice_id: int | None = None


class Receipt(BaseModel):
    model_config = ConfigDict(frozen=True, ser_json_bytes="base64", val_json_bytes="base64")

    notice_id: int
    signer_name: str
    signed_at: datetime
    signature_png: bytes | None = None
    recorded_by: int


class Reply(BaseModel):
    model_config = ConfigDict(frozen=True)

    notice_id: int
    measures: str
    preventive: str = ""
    replied_on: date
    replied_by: str
    recorded_at: datetime
    recorded_by: int
    photo_ids: tuple[int, ...] = ()


class NoticeDashboard(BaseModel):
    """The dashboard cards: due this week, overdue, closed on time this month."""

    model_config = ConfigDict(frozen=True)

    open: int = 0
    due_this_week: int = 0
    overdue: int = 0
    closed_this_month: int = 0
    closed_on_time_this_month: int = 0


def overall_result(items: tuple[FollowUpItemResult, ...] | list[FollowUpItemResult]) -> FollowUpResult:
    """A follow-up passes only when every problem passed."""
    return FollowUpResult.PASS if all(item.result is FollowUpResult.PASS for item in items) else FollowUpResult.FAIL
