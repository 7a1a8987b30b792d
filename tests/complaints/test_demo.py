"""The demo holds complaints in every state, each flag, a second remedy and an on-the-spot enquiry,
all audited; the complainants are masked for the demo's manager."""

from __future__ import annotations

from inspector.context import AppContext
from inspector.demo.company import DEMO_PASSWORD, create_demo
from inspector.domain.complaints import ComplaintFlag, ComplaintStatus, EventKind


def test_demo_complaints_in_every_state(context: AppContext) -> None:
    summary = create_demo(context, inspections=30)
    assert summary.complaints is not None and summary.complaints.complaints == 14
    office = context.users.authenticate("wangfang", DEMO_PASSWORD)
    cases = context.complaints.list(office)
    assert {case.status for case in cases} == set(ComplaintStatus)
    flags = set().union(*(context.complaints.flags(case) for case in cases))
    assert flags == set(ComplaintFlag)
    assert any(case.round == 2 for case in cases)
    assert any(case.intake.rural for case in cases) and any(case.extended for case in cases)
    detail = [context.complaints.get(office, case.id) for case in cases]
    assert any(EventKind.ANSWERED_ON_SPOT in {event.kind for event in case.events} for case in detail)
    assert context.integrity.check().ok
    manager = context.users.authenticate("liuyang", DEMO_PASSWORD)
    theirs = context.complaints.list(manager)
    assert 0 < len(theirs) < len(cases)
    for case in theirs:
        assert "****" in case.intake.complainant_phone or not case.intake.complainant_phone
        assert case.intake.unit_id == manager.unit_id


def test_demo_comment_books_hold_every_state_and_missed_buses(context: AppContext) -> None:
    """#16.3 in the demo: last week's books, an opinion answered late, one still open, a complaint
    registered from a book, and days with buses whose book was not collected."""
    from datetime import timedelta

    from inspector.domain.comment_books import EntryState

    create_demo(context, inspections=30)
    office = context.users.authenticate("wangfang", DEMO_PASSWORD)
    today = context.services.clock().date()
    days = [context.comment_books.day(office, today - timedelta(days=back)) for back in range(1, 8)]
    states = {entry.state(book.day) for day in days for book in day.collected for entry in book.entries}
    assert states == set(EntryState)
    assert all(day.collected for day in days) and any(day.uncollected for day in days)
    registered = [entry for day in days for book in day.collected for entry in book.entries
                  if entry.state(book.day) is EntryState.REGISTERED]
    case = context.complaints.by_number(office, registered[0].complaint_number)
    assert case.intake.channel.value == "comment_book"
    assert context.integrity.check().ok
