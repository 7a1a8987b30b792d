"""The passenger comment book on each bus (旅客意见簿): collected every day, each entry dealt with.

F2·1 (method 7): 「每日回收、整理、分析旅客意见簿信息……当天将对意见的解释和改进措施等反馈到意见簿上或提意见的
旅客本人」. So a book is collected from every bus every day (an empty book counts: it was
collected); praise is kept for the staff and vehicle files; an opinion is answered the same day —
the explanation or improvement written back into the book or told to the passenger — or, when it
is a grievance, registered as a complaint; a complaint written in the book is registered in the
complaints register (channel 旅客意见簿), whose procedure and limits then carry it.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class EntryKind(StrEnum):
    PRAISE = "praise"  # 表扬
    OPINION = "opinion"  # 意见、建议
    COMPLAINT = "complaint"  # 投诉


class EntryState(StrEnum):
    """Where one entry stands."""

    KEPT = "kept"  # praise: nothing to do
    OPEN = "open"  # an opinion not answered yet, a complaint not registered yet
    ANSWERED = "answered"  # answered on the day it was collected
    ANSWERED_LATE = "answered_late"  # answered, but after that day
    REGISTERED = "registered"  # registered as a complaint (the complaints register carries it)


class Entry(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    position: int
    kind: EntryKind
    text: str
    reply: str | None = None
    replied_at: datetime | None = None
    replied_by_name: str = ""
    complaint_number: str | None = None

    def state(self, day: date) -> EntryState:
        """Where it stands, ``day`` being the day its book was collected."""
        if self.complaint_number is not None:
            return EntryState.REGISTERED
        if self.kind is EntryKind.PRAISE:
            return EntryState.KEPT
        if self.replied_at is None:
            return EntryState.OPEN
        return EntryState.ANSWERED if self.replied_at.date() <= day else EntryState.ANSWERED_LATE

    def overdue(self, day: date, now: datetime) -> bool:
        """Open after the end of its day: 当天反馈 was missed (still to be done)."""
        return self.state(day) is EntryState.OPEN and now > reply_due(day, now)


class Collection(BaseModel):
    """One book collected from one bus on one day, with what passengers wrote in it."""

    model_config = ConfigDict(frozen=True)

    id: int
    vehicle_id: int
    plate: str
    vehicle_label: str
    unit_id: int
    unit_name: str = ""
    day: date
    collected_at: datetime
    collected_by_name: str = ""
    note: str = ""
    entries: tuple[Entry, ...] = ()

    def open_entries(self) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.state(self.day) is EntryState.OPEN)


class Uncollected(BaseModel):
    """An active bus whose book was not collected on the day."""

    model_config = ConfigDict(frozen=True)

    vehicle_id: int
    vehicle_label: str
    unit_id: int
    unit_name: str = ""


class DayOverview(BaseModel):
    """A day of comment books: what was collected, which buses were missed, what is still open."""

    model_config = ConfigDict(frozen=True)

    day: date
    collected: tuple[Collection, ...]
    uncollected: tuple[Uncollected, ...]

    @property
    def entries(self) -> int:
        return sum(len(collection.entries) for collection in self.collected)

    @property
    def open(self) -> int:
        return sum(len(collection.open_entries()) for collection in self.collected)


def reply_due(day: date, like: datetime) -> datetime:
    """The end of the collection day, in ``like``'s offset: 当天反馈."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=like.tzinfo)


def parse_entry(text: str) -> tuple[EntryKind, str]:
    """``KIND:TEXT`` as the command line gives an entry (``opinion:车内空调太冷``); the kind may be
    named in English or Chinese (表扬 / 意见 / 投诉). ``ValueError`` naming the problem."""
    head, sep, rest = text.partition(":")
    if not sep:
        head, sep, rest = text.partition("：")
    names = {"praise": EntryKind.PRAISE, "表扬": EntryKind.PRAISE, "opinion": EntryKind.OPINION,
             "意见": EntryKind.OPINION, "建议": EntryKind.OPINION, "complaint": EntryKind.COMPLAINT,
             "投诉": EntryKind.COMPLAINT}
    kind = names.get(head.strip().lower())
    if not sep or kind is None:
        raise ValueError(text)
    return kind, rest.strip()
