"""The passenger comment books (旅客意见簿, #16.3), from the regulation F2·1 (method 7):
「每日回收、整理、分析旅客意见簿信息……当天将对意见的解释和改进措施等反馈到意见簿上或提意见的旅客本人」."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.comment_books import EntryKind, EntryState, parse_entry
from inspector.domain.complaints import Channel, ComplaintStatus
from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from tests.complaints.world import complaint_world
from tests.notice_world import CST

TODAY = date(2026, 11, 16)


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path):  # type: ignore[no-untyped-def]
    found = complaint_world(context, users, tmp_path, now=datetime(2026, 11, 16, 18, 0, tzinfo=CST))
    context.registry.add(found.office, RegistryKind.VEHICLES,
                         {"plate": "粤A54321", "fleet_no": "1-0802", "route": "8", "unit_id": found.unit_id})
    return found


def _counts(context: AppContext) -> tuple[int, ...]:
    return tuple(context.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("comment_book_collections", "comment_book_entries", "complaints", "audit_log"))


def test_a_days_books_show_what_was_collected_and_which_buses_were_missed(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """「每日回收」: every bus's book every day; one not collected is listed, an empty book is not."""
    book, _ = context.comment_books.collect(world.office, vehicle="粤A12345", day=TODAY, entries=[
        ("praise", "司机李师傅耐心为老人指路"), ("opinion", "车内空调太冷"), ("complaint", "到站不停，甩站")])
    assert [entry.kind for entry in book.entries] == [EntryKind.PRAISE, EntryKind.OPINION, EntryKind.COMPLAINT]
    day = context.comment_books.day(world.office, TODAY)
    assert [c.plate for c in day.collected] == ["粤A·12345"]
    assert [bus.vehicle_label for bus in day.uncollected] == ["粤A·54321 (1-0802)"]
    assert day.entries == 3 and day.open == 2
    context.comment_books.collect(world.office, vehicle="1-0802", day=TODAY, entries=[])  # by 自编号, empty
    assert context.comment_books.day(world.office, TODAY).uncollected == ()
    # The next day nothing is collected yet: both buses are missing.
    assert len(context.comment_books.day(world.office, TODAY + timedelta(days=1)).uncollected) == 2


def test_an_opinion_is_answered_the_same_day_or_it_is_late(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """「当天将对意见的解释和改进措施等反馈到意见簿上或提意见的旅客本人」."""
    book, _ = context.comment_books.collect(world.office, vehicle="粤A12345", day=TODAY,
                                            entries=[("opinion", "车内空调太冷"), ("opinion", "报站声音太小")])
    first, second = book.entries
    assert first.state(TODAY) is EntryState.OPEN and not first.overdue(TODAY, world.clock.now)
    answered, _ = context.comment_books.reply(world.office, first.id, "已调高空调温度至26度，并向乘客说明")
    assert answered.state(TODAY) is EntryState.ANSWERED and answered.reply.startswith("已调高")
    world.clock.now += timedelta(hours=7)  # past midnight
    assert second.overdue(TODAY, world.clock.now)
    assert [b.id for b in context.comment_books.open(world.office)] == [book.id]
    late, _ = context.comment_books.reply(world.office, second.id, "已检修报站器")
    assert late.state(TODAY) is EntryState.ANSWERED_LATE
    assert context.comment_books.open(world.office) == []
    before = _counts(context)
    with pytest.raises(Conflict) as twice:
        context.comment_books.reply(world.office, first.id, "再答一次")
    assert twice.value.code == "comment_book_answered_already" and _counts(context) == before


def test_a_complaint_in_the_book_is_registered_in_the_complaints_register(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    book, _ = context.comment_books.collect(world.office, vehicle="粤A12345", day=TODAY,
                                            entries=[("complaint", "到站不停，甩站"), ("praise", "车厢干净")],
                                            collected_at=datetime(2026, 11, 16, 17, 40, tzinfo=CST))
    entry, changes = context.comment_books.register(world.office, book.entries[0].id)
    assert entry.state(TODAY) is EntryState.REGISTERED and entry.complaint_number == "TS-2026-11-0001"
    case = context.complaints.by_number(world.office, entry.complaint_number)
    assert case.intake.channel is Channel.COMMENT_BOOK and case.intake.what == "到站不停，甩站"
    assert case.intake.received_at == datetime(2026, 11, 16, 17, 40, tzinfo=CST)
    assert case.intake.unit_id == world.unit_id and case.status is ComplaintStatus.RECEIVED
    before = _counts(context)
    with pytest.raises(Conflict) as again:
        context.comment_books.register(world.office, book.entries[0].id)
    assert again.value.code == "comment_book_registered_already"
    with pytest.raises(Conflict) as praise:
        context.comment_books.register(world.office, book.entries[1].id)
    assert praise.value.code == "comment_book_praise_no_complaint"
    with pytest.raises(Conflict):
        context.comment_books.reply(world.office, book.entries[1].id, "谢谢")
    assert _counts(context) == before


def test_bad_input_is_refused_and_nothing_is_saved(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    before = _counts(context)
    cases = [
        (dict(vehicle="粤A12345", day=TODAY + timedelta(days=1), entries=[]), "comment_book_day_future"),
        (dict(vehicle="粤A12345", day=TODAY, entries=[("opinion", "  ")]), "comment_book_entry_empty"),
        (dict(vehicle="粤A12345", day=TODAY, entries=[("rumour", "x")]), "comment_book_entry_kind"),
        (dict(vehicle="粤A12345", day=TODAY, entries=[("opinion", "长" * 2001)]), "text_too_long"),
        (dict(vehicle="粤A12345", day=TODAY, entries=[],
              collected_at=datetime(2026, 11, 15, 20, 0, tzinfo=CST)), "comment_book_collected_at"),
    ]
    for values, code in cases:
        with pytest.raises(ValidationError) as refused:
            context.comment_books.collect(world.office, **values)
        assert refused.value.code == code, values
    with pytest.raises(NotFound) as unknown:
        context.comment_books.collect(world.office, vehicle="粤A12346", day=TODAY, entries=[])
    assert unknown.value.code == "complaint_vehicle_unknown" and "粤A·12345" in unknown.value.params["matches"]
    assert _counts(context) == before
    context.comment_books.collect(world.office, vehicle="粤A12345", day=TODAY, entries=[])
    with pytest.raises(Conflict) as twice:
        context.comment_books.collect(world.office, vehicle="粤A12345", day=TODAY, entries=[("opinion", "x")])
    assert twice.value.code == "comment_book_collected_already"


def test_who_may_enter_and_read_the_books(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    """The quality office enters them; a manager reads only their own unit's buses' books."""
    book, _ = context.comment_books.collect(world.office, vehicle="粤A12345", day=TODAY,
                                            entries=[("opinion", "车内空调太冷")])
    for user in (world.sup, world.manager):
        with pytest.raises(PermissionDenied):
            context.comment_books.collect(user, vehicle="粤A54321", day=TODAY, entries=[])
        with pytest.raises(PermissionDenied):
            context.comment_books.reply(user, book.entries[0].id, "已处理")
    assert [c.id for c in context.comment_books.day(world.sup, TODAY).collected] == [book.id]
    assert world.manager.unit_id is None
    day = context.comment_books.day(world.manager, TODAY)
    assert day.collected == () and day.uncollected == ()
    with pytest.raises(NotFound):
        context.comment_books.entry(world.manager, book.entries[0].id)
    theirs = world.manager.model_copy(update={"unit_id": world.unit_id})
    assert [c.id for c in context.comment_books.day(theirs, TODAY).collected] == [book.id]


def test_what_is_written_in_a_book_cannot_be_changed_afterwards(context: AppContext, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book, _ = context.comment_books.collect(world.office, vehicle="粤A12345", day=TODAY,
                                            entries=[("opinion", "车内空调太冷")])
    entry = book.entries[0]
    context.comment_books.reply(world.office, entry.id, "已调高温度")
    for sql in ("UPDATE comment_book_entries SET text = '车内很热' WHERE id = ?",
                "UPDATE comment_book_entries SET reply = '改写' WHERE id = ?",
                "DELETE FROM comment_book_entries WHERE id = ?"):
        with pytest.raises(sqlite3.IntegrityError):
            context.db.execute(sql, [entry.id])
    with pytest.raises(sqlite3.IntegrityError):
        context.db.execute("UPDATE comment_book_collections SET day = '2026-11-15' WHERE id = ?", [book.id])


def test_an_entry_on_the_command_line_names_its_kind_in_english_or_chinese() -> None:
    assert parse_entry("opinion:车内空调太冷") == (EntryKind.OPINION, "车内空调太冷")
    assert parse_entry("表扬：司机热情") == (EntryKind.PRAISE, "司机热情")
    assert parse_entry("投诉: 甩站") == (EntryKind.COMPLAINT, "甩站")
    for wrong in ("车内空调太冷", "rumour:x"):
        with pytest.raises(ValueError):
            parse_entry(wrong)
