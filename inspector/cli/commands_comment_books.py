"""``comment-books collect|reply|register|day|open``: the passenger comment books (旅客意见簿) on the
command line — every bus's book collected every day, each opinion answered the same day, each
complaint registered in the complaints register. Everything goes through ``CommentBookService``.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from inspector.cli.commands import command_help
from inspector.cli.commands_registry import print_table
from inspector.cli.session import CliSession
from inspector.domain.comment_books import Collection, Entry, parse_entry
from inspector.domain.complaints import ComplaintSeverity
from inspector.domain.errors import ValidationError


def register(subparsers: argparse._SubParsersAction) -> None:
    books = subparsers.add_parser("comment-books", help=command_help("comment-books"))
    commands = books.add_subparsers(dest="comment_books_command", metavar="ACTION", required=True)

    collect = commands.add_parser("collect", help="enter a bus's book collected on a day (回收); none: an empty book")
    collect.add_argument("--vehicle", required=True, metavar="PLATE", help="the plate (粤B·12345) or 自编号")
    collect.add_argument("--day", required=True, metavar="YYYY-MM-DD", help="the day the book covers")
    collect.add_argument("--entry", action="append", default=[], metavar="KIND:TEXT",
                         help="what a passenger wrote: praise:…, opinion:… or complaint:… (表扬：/意见：/投诉：); repeat")
    collect.add_argument("--at", metavar="ISO", help="when it was collected (default: now)")
    collect.add_argument("--note", default="", metavar="T")
    collect.add_argument("--json", action="store_true", help="print JSON on stdout")
    collect.set_defaults(handler=run_collect)

    reply = commands.add_parser("reply", help="当天反馈: the explanation or improvement for an opinion")
    reply.add_argument("entry", type=int, metavar="ENTRY", help="the entry's id (comment-books day / open)")
    reply.add_argument("--text", required=True, metavar="T")
    reply.set_defaults(handler=run_reply)

    registered = commands.add_parser("register", help="register an entry as a case of the complaints register")
    registered.add_argument("entry", type=int, metavar="ENTRY")
    registered.add_argument("--severity", choices=[s.value for s in ComplaintSeverity])
    registered.add_argument("--staff", default="", metavar="NO", help="the staff member's 工号, if known")
    registered.set_defaults(handler=run_register)

    day = commands.add_parser("day", help="a day's books: collected, buses missed, what is still open")
    day.add_argument("day", nargs="?", metavar="YYYY-MM-DD", help="default: today")
    day.add_argument("--json", action="store_true", help="print JSON on stdout")
    day.set_defaults(handler=run_day)

    still_open = commands.add_parser("open", help="books with an opinion to answer or a complaint to register")
    still_open.add_argument("--json", action="store_true", help="print JSON on stdout")
    still_open.set_defaults(handler=run_open)


def _day(text: str | None, field: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("invalid_value", field=field, value=text) from None


def entry_row(entry: Entry, day: date, now: datetime) -> dict[str, Any]:
    row = entry.model_dump(mode="json")
    row["state"] = entry.state(day).value
    row["overdue"] = entry.overdue(day, now)
    return row


def book_row(book: Collection, now: datetime) -> dict[str, Any]:
    row = book.model_dump(mode="json", exclude={"entries"})
    row["entries"] = [entry_row(entry, book.day, now) for entry in book.entries]
    return row


def _print_books(books: list[Collection] | tuple[Collection, ...], now: datetime) -> None:
    print_table(("entry", "day", "vehicle", "kind", "state", "text"), [{
        "entry": str(entry.id), "day": book.day.isoformat(), "vehicle": book.vehicle_label, "kind": entry.kind.value,
        "state": entry.state(book.day).value + (" (overdue)" if entry.overdue(book.day, now) else ""),
        "text": entry.text if len(entry.text) <= 40 else entry.text[:39] + "…",
    } for book in books for entry in book.entries])


def run_collect(session: CliSession) -> int:
    args = session.args
    entries = []
    for position, text in enumerate(args.entry, start=1):
        try:
            entries.append(parse_entry(text))
        except ValueError:
            raise ValidationError("comment_book_entry_kind", position=position, value=text) from None
    at = None
    if args.at:
        try:
            at = datetime.fromisoformat(args.at.strip())
        except ValueError:
            raise ValidationError("invalid_value", field="--at", value=args.at) from None
    book, _ = session.context.comment_books.collect(session.actor(), vehicle=args.vehicle,
                                                    day=_day(args.day, "--day"),  # type: ignore[arg-type]
                                                    entries=entries, note=args.note, collected_at=at)
    if args.json:
        session.print_json(book_row(book, session.context.services.clock()))
        return 0
    print(f"comment book of {book.vehicle_label} for {book.day.isoformat()}: {len(book.entries)} entries")
    _print_books([book], session.context.services.clock())
    return 0


def run_reply(session: CliSession) -> int:
    entry, _ = session.context.comment_books.reply(session.actor(), session.args.entry, session.args.text)
    print(f"entry {entry.id} answered")
    return 0


def run_register(session: CliSession) -> int:
    args = session.args
    entry, _ = session.context.comment_books.register(session.actor(), args.entry, severity=args.severity,
                                                      staff=args.staff)
    print(entry.complaint_number)
    return 0


def run_day(session: CliSession) -> int:
    args = session.args
    now = session.context.services.clock()
    overview = session.context.comment_books.day(session.actor(), _day(args.day, "day") or now.date())
    if args.json:
        session.print_json({"day": overview.day.isoformat(), "entries": overview.entries, "open": overview.open,
                            "collected": [book_row(book, now) for book in overview.collected],
                            "uncollected": [bus.model_dump(mode="json") for bus in overview.uncollected]})
        return 0
    print(f"{overview.day.isoformat()}: {len(overview.collected)} books collected, {overview.entries} entries,"
          f" {overview.open} open; {len(overview.uncollected)} buses not collected")
    _print_books(overview.collected, now)
    if overview.uncollected:
        print("not collected: " + ", ".join(bus.vehicle_label for bus in overview.uncollected))
    return 0


def run_open(session: CliSession) -> int:
    now = session.context.services.clock()
    books = session.context.comment_books.open(session.actor())
    if session.args.json:
        session.print_json([book_row(book, now) for book in books])
        return 0
    _print_books(books, now)
    return 0
