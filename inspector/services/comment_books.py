"""The passenger comment books (旅客意见簿): collect each bus's book every day, answer every opinion
the same day (当天反馈), register what is a complaint, and see which buses were missed.

The quality office does this work (「每日回收、整理、分析旅客意见簿信息」, F2·1), so writing needs
``HANDLE_COMPLAINTS``; reading follows the complaints register: a manager reads the books of
their own unit's buses. A complaint written in a book becomes a case of the complaints register
(channel 旅客意见簿, received when the book was collected) in the same transaction that links the
entry to it, so the register's procedure and limits carry it from there.
"""

from __future__ import annotations

from datetime import date, datetime

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.comment_books import Collection, DayOverview, Entry, EntryKind
from inspector.domain.complaints import Channel, ComplaintKind, ComplaintSeverity
from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.text import check_note
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.complaint_access import may_read
from inspector.services.complaints import ComplaintService
from inspector.storage import comment_books_repo

MAX_ENTRIES = 200  # one day's book; more is a typing mistake


class CommentBookService:
    def __init__(self, ctx: ServiceContext, complaints: ComplaintService) -> None:
        self.ctx = ctx
        self.complaints = complaints

    # --- reading ---------------------------------------------------------------------------
    def day(self, actor: User, day: date) -> DayOverview:
        """The books collected on ``day``, the buses whose book was not, what is still open."""
        require(actor, Permission.VIEW_COMPLAINTS)
        collected = tuple(self._readable(actor, comment_books_repo.on_day(self.ctx.db, day)))
        missed = tuple(bus for bus in comment_books_repo.uncollected(self.ctx.db, day) if may_read(actor, bus.unit_id))
        return DayOverview(day=day, collected=collected, uncollected=missed)

    def open(self, actor: User) -> list[Collection]:
        """Books with an opinion still to answer or a complaint still to register, oldest first."""
        require(actor, Permission.VIEW_COMPLAINTS)
        return self._readable(actor, comment_books_repo.with_open_entries(self.ctx.db))

    def of_vehicle(self, actor: User, vehicle_id: int) -> list[Collection]:
        require(actor, Permission.VIEW_COMPLAINTS)
        return self._readable(actor, comment_books_repo.of_vehicle(self.ctx.db, vehicle_id))

    def entry(self, actor: User, entry_id: int) -> tuple[Entry, Collection]:
        require(actor, Permission.VIEW_COMPLAINTS)
        found = comment_books_repo.entry(self.ctx.db, entry_id)
        book = comment_books_repo.collection(self.ctx.db, found[1]) if found else None
        if found is None or book is None or not may_read(actor, book.unit_id):
            raise NotFound("not_found", entity="comment_book_entry", key=str(entry_id))
        return found[0], book

    # --- writing ---------------------------------------------------------------------------
    def collect(self, actor: User, *, vehicle: str, day: date, entries: list[tuple[EntryKind | str, str]],
                note: str = "", collected_at: datetime | None = None) -> tuple[Collection, ChangeSet]:
        """回收: the book of ``vehicle`` for ``day`` with what passengers wrote (none: an empty book)."""
        require(actor, Permission.HANDLE_COMPLAINTS)
        now = self.ctx.clock()
        at = (collected_at.astimezone() if collected_at is not None else now).replace(microsecond=0)
        if day > now.date():
            raise ValidationError("comment_book_day_future", day=day.isoformat())
        if at > now or at.date() < day:
            raise ValidationError("comment_book_collected_at", day=day.isoformat(), at=at.isoformat())
        if len(entries) > MAX_ENTRIES:
            raise ValidationError("comment_book_too_many", count=len(entries), limit=MAX_ENTRIES)
        checked: list[tuple[EntryKind, str]] = []
        for position, (kind, text) in enumerate(entries, start=1):
            try:
                kind = EntryKind(kind)
            except ValueError:
                raise ValidationError("comment_book_entry_kind", position=position, value=str(kind)) from None
            text = check_note(text.strip(), f"entry {position}")
            if not text:
                raise ValidationError("comment_book_entry_empty", position=position)
            checked.append((kind, text))
        note = check_note(note.strip(), "note")
        bus = self.complaints.find_vehicle(actor, vehicle)
        with self.ctx.mutation():
            if comment_books_repo.collected(self.ctx.db, bus.id, day):
                raise Conflict("comment_book_collected_already", vehicle=bus.plate, day=day.isoformat())
            collection_id = comment_books_repo.insert_collection(
                self.ctx.db, vehicle_id=bus.id, day=day, collected_at=at.isoformat(), collected_by=actor.id,
                note=note, entries=checked)
            self.ctx.record(actor, "comment_book.collect", Entity.COMMENT_BOOK, collection_id, after={
                "vehicle": bus.id, "day": day.isoformat(), "entries": [kind.value for kind, _ in checked]})
        book = comment_books_repo.collection(self.ctx.db, collection_id)
        assert book is not None
        return book, ChangeSet.of(Entity.COMMENT_BOOK, collection_id)

    def reply(self, actor: User, entry_id: int, text: str) -> tuple[Entry, ChangeSet]:
        """当天反馈: the explanation or the improvement, written back into the book or told to the
        passenger. Once; praise takes none; a registered complaint is answered in the register."""
        require(actor, Permission.HANDLE_COMPLAINTS)
        text = check_note(text.strip(), "reply")
        if not text:
            raise ValidationError("comment_book_reply_empty")
        with self.ctx.mutation():
            entry, book = self.entry(actor, entry_id)
            self._still_open(entry, book, praise="comment_book_praise_no_reply")
            comment_books_repo.set_reply(self.ctx.db, entry_id, text, self.ctx.now_text(), actor.id)
            self.ctx.record(actor, "comment_book.reply", Entity.COMMENT_BOOK, book.id,
                            after={"entry": entry_id, "position": entry.position})
        return self.entry(actor, entry_id)[0], ChangeSet.of(Entity.COMMENT_BOOK, book.id)

    def register(self, actor: User, entry_id: int, *, severity: ComplaintSeverity | str | None = None,
                 staff: str = "") -> tuple[Entry, ChangeSet]:
        """A complaint (or a grievance in an opinion) registered in the complaints register."""
        require(actor, Permission.HANDLE_COMPLAINTS)
        with self.ctx.mutation():
            entry, book = self.entry(actor, entry_id)
            self._still_open(entry, book, praise="comment_book_praise_no_complaint")
            case, changes = self.complaints.add(
                actor, channel=Channel.COMMENT_BOOK, kind=ComplaintKind.COMPLAINT, received_at=book.collected_at,
                what=entry.text, severity=severity, vehicle=book.plate, staff=staff)
            comment_books_repo.set_complaint(self.ctx.db, entry_id, case.id)
            self.ctx.record(actor, "comment_book.register", Entity.COMMENT_BOOK, book.id,
                            after={"entry": entry_id, "complaint": case.number})
        return self.entry(actor, entry_id)[0], changes.merge(ChangeSet.of(Entity.COMMENT_BOOK, book.id))

    # --- helpers ---------------------------------------------------------------------------
    def _still_open(self, entry: Entry, book: Collection, *, praise: str) -> None:
        if entry.kind is EntryKind.PRAISE:
            raise Conflict(praise, position=entry.position)
        if entry.complaint_number is not None:
            raise Conflict("comment_book_registered_already", position=entry.position, number=entry.complaint_number)
        if entry.reply is not None:
            raise Conflict("comment_book_answered_already", position=entry.position, vehicle=book.vehicle_label)

    def _readable(self, actor: User, books: list[Collection]) -> list[Collection]:
        if not actor.active:
            raise PermissionDenied("account_inactive", user=actor.username)
        return [book for book in books if may_read(actor, book.unit_id)]
