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


class NoticeItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    finding_id: int
    item_code: str
    problem: str
    measure: str = ""  # required measure (from the item's guidance, editable)
    severity: Severity = Severity.GENERAL


class Notice(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    number: str
    inspection_id: int
    unit_id: int
    addressee: str  # the unit's head
    status: NoticeStatus = NoticeStatus.ISSUED
    issued_at: datetime
    issued_by: int
    deadline: date
    followup_date: date
    items: tuple[NoticeItem, ...] = ()
    pdf_sha256: str | None = None
    supersedes_id: int | None = None
    covert: bool = False  # the inspector's identity is masked on what the unit receives

    def overdue(self, today: date) -> bool:
        return self.status in {NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED, NoticeStatus.REPLIED} and (
            today > self.deadline
        )


class FollowUp(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    notice_id: int
    result: FollowUpResult
    note: str = ""
    recorded_at: datetime
    recorded_by: int
    photo_ids: tuple[int, ...] = ()
