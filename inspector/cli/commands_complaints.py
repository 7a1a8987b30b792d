"""``complaints add|list|show|investigate|resolve|feedback|extend|close``: the complaints register
(投诉与旅客意见) on the command line.

Everything goes through ``ComplaintService``: role checks, the procedure's order, the limits, the
audit trail and the masking of the complainant apply exactly as in the desktop app — the JSON of
a reader who is not the quality office never carries the complainant's name or phone. Photos
given to ``investigate`` are read and checked before anything is written.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector.cli.commands import command_help
from inspector.cli.commands_registry import print_table
from inspector.cli.session import CliSession
from inspector.domain.complaints import (
    Behaviour,
    Channel,
    Complaint,
    ComplaintFlag,
    ComplaintKind,
    ComplaintSeverity,
    ComplaintStatus,
    Liability,
    Opinion,
)
from inspector.domain.errors import ValidationError
from inspector.domain.registry import RegistryKind

LIST_COLUMNS = ("number", "received", "channel", "kind", "status", "due", "subject", "flags")


def register(subparsers: argparse._SubParsersAction) -> None:
    complaints = subparsers.add_parser("complaints", help=command_help("complaints"))
    commands = complaints.add_subparsers(dest="complaints_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", help="register a complaint, enquiry, report or suggestion (受理); prints its number")
    add.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    add.add_argument("--kind", required=True, choices=[k.value for k in ComplaintKind])
    add.add_argument("--order-no", default="", metavar="NO", help="the 12319 work order's number (required for it)")
    add.add_argument("--severity", choices=[s.value for s in ComplaintSeverity],
                     help="一般投诉 general (default for a complaint or report) or 严重投诉 serious")
    add.add_argument("--behaviour", choices=[b.value for b in Behaviour],
                     help="the regulation's behaviour (one of those listed for the severity)")
    add.add_argument("--major", action="store_true", help="重大: 72 hours, reported to the leader")
    add.add_argument("--urgent", action="store_true", help="urgent: reported to the leader at once")
    add.add_argument("--rural", action="store_true", help="a rural route: reply within 7 working days")
    add.add_argument("--received", required=True, metavar="ISO", help="when it was received, e.g. 2026-11-16T09:30")
    add.add_argument("--event-at", metavar="ISO", help="when the event happened")
    add.add_argument("--place", default="", metavar="T")
    add.add_argument("--route", default="", metavar="R", help="the route (default: the vehicle's)")
    add.add_argument("--vehicle", default="", metavar="PLATE", help="the plate (粤B·12345) or fleet number (自编号)")
    add.add_argument("--staff", default="", metavar="NO", help="the staff number (工号); both may be given")
    add.add_argument("--what", required=True, metavar="TEXT", help="what happened")
    add.add_argument("--name", default="", metavar="N", help="the complainant's name (seen by the quality office only)")
    add.add_argument("--phone", default="", metavar="P", help="the complainant's phone (seen by the quality office only)")
    add.add_argument("--answered", default="", metavar="TEXT",
                     help="an enquiry answered on the spot: the answer; the case closes at once")
    add.add_argument("--json", action="store_true", help="print JSON on stdout")
    add.set_defaults(handler=run_add)

    listing = commands.add_parser("list", help="cases newest first, with their flags")
    listing.add_argument("--overdue", action="store_true", help="only open cases past their limit")
    listing.add_argument("--flag", choices=[f.value for f in ComplaintFlag])
    listing.add_argument("--status", choices=[s.value for s in ComplaintStatus])
    listing.add_argument("--unit", metavar="CODE", help="only cases of this unit")
    listing.add_argument("--json", action="store_true", help="print JSON on stdout")
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", help="a case with its limits, flags and every step")
    show.add_argument("number", metavar="NUMBER")
    show.add_argument("--json", action="store_true", help="print JSON on stdout")
    show.set_defaults(handler=run_show)

    investigate = commands.add_parser("investigate", help="record an investigation (调查): notes, statement, photos")
    investigate.add_argument("number", metavar="NUMBER")
    investigate.add_argument("--notes", default="", metavar="T", help="interview notes (询问笔录)")
    investigate.add_argument("--statement", default="", metavar="T", help="the staff member's written statement")
    investigate.add_argument("--photo", action="append", default=[], type=Path, metavar="FILE",
                             help="a photo or a scan of a written record; repeat for several")
    investigate.set_defaults(handler=run_investigate)

    resolve = commands.add_parser("resolve", help="record the result (处理结果): liable or not, measures, apology")
    resolve.add_argument("number", metavar="NUMBER")
    resolve.add_argument("--liability", required=True, choices=[value.value for value in Liability])
    resolve.add_argument("--measures", required=True, metavar="T")
    resolve.add_argument("--apology", action="store_true", help="the staff member apologised to the passenger")
    resolve.add_argument("--finding", metavar="ITEM", help="liable only: make a finding on this checklist item "
                                                           "for the responsible unit (then: notices create)")
    resolve.set_defaults(handler=run_resolve)

    feedback = commands.add_parser("feedback", help="the result told to the complainant, and their opinion")
    feedback.add_argument("number", metavar="NUMBER")
    feedback.add_argument("--opinion", required=True, choices=[o.value for o in Opinion],
                          help="unsatisfied reopens the case for a second remedy (二次补救)")
    feedback.add_argument("--note", default="", metavar="T")
    feedback.set_defaults(handler=run_feedback)

    extend = commands.add_parser("extend", help="a later limit, with the written reason the regulation asks for")
    extend.add_argument("number", metavar="NUMBER")
    extend.add_argument("--until", required=True, metavar="ISO")
    extend.add_argument("--reason", required=True, metavar="T")
    extend.set_defaults(handler=run_extend)

    close = commands.add_parser("close", help="销号: close a case after the complainant's feedback")
    close.add_argument("number", metavar="NUMBER")
    close.add_argument("--note", default="", metavar="T")
    close.set_defaults(handler=run_close)


# --- shapes ---------------------------------------------------------------------------------

def complaint_row(session: CliSession, case: Complaint) -> dict[str, Any]:
    row = case.model_dump(mode="json", exclude={"events"})
    row["flags"] = sorted(flag.value for flag in session.context.complaints.flags(case))
    return row


def _when(text: str | None, field: str) -> datetime | None:
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("invalid_value", field=field, value=text) from None


def _case(session: CliSession, number: str) -> Complaint:
    return session.context.complaints.by_number(session.actor(), number)


# --- commands -------------------------------------------------------------------------------

def run_add(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    received = _when(args.received, "--received")
    assert received is not None
    case, _ = session.context.complaints.add(
        actor, channel=args.channel, kind=args.kind, received_at=received, what=args.what, order_no=args.order_no,
        severity=args.severity, behaviour=args.behaviour, major=args.major, urgent=args.urgent, rural=args.rural,
        event_at=_when(args.event_at, "--event-at"), place=args.place, route=args.route, vehicle=args.vehicle,
        staff=args.staff, name=args.name, phone=args.phone, answered=args.answered)
    if args.json:
        session.print_json(complaint_row(session, case))
        return 0
    print(case.number)
    return 0


def run_list(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    context = session.context
    flag = ComplaintFlag(args.flag) if args.flag else None
    if args.overdue:
        if flag not in (None, ComplaintFlag.OVERDUE):
            raise ValidationError("invalid_value", field="--overdue with --flag")
        flag = ComplaintFlag.OVERDUE
    unit_id = context.registry.find_by_key(actor, RegistryKind.UNITS, args.unit).id if args.unit else None
    statuses = [ComplaintStatus(args.status)] if args.status else []
    found = context.complaints.list(actor, statuses=statuses, flag=flag, unit_id=unit_id)
    if flag is ComplaintFlag.OVERDUE:
        found.sort(key=lambda case: (case.due_at, case.number))  # the longest overdue first
    rows = [complaint_row(session, case) for case in found]
    if args.json:
        session.print_json(rows)
        return 0
    print_table(LIST_COLUMNS, [{
        "number": case.number, "received": case.intake.received_at.isoformat(timespec="minutes"),
        "channel": case.intake.channel.value, "kind": case.intake.kind.value, "status": case.status.value,
        "due": case.due_at.isoformat(timespec="minutes"), "subject": case.vehicle_label or case.staff_label,
        "flags": ",".join(row["flags"]),
    } for case, row in zip(found, rows, strict=True)])
    return 0


def run_show(session: CliSession) -> int:
    args = session.args
    case = _case(session, args.number)
    detail = complaint_row(session, case)
    detail["events"] = [event.model_dump(mode="json") for event in case.events]
    if args.json:
        session.print_json(detail)
        return 0
    intake = case.intake
    print(f"complaint {case.number}: {case.status.value}" + (f" ({', '.join(detail['flags'])})" if detail["flags"]
                                                              else ""))
    print(f"{intake.channel.value} {intake.order_no}".rstrip() + f"; {intake.kind.value}"
          + (f", {intake.severity.value}" if intake.severity else "") + (", major" if intake.major else ""))
    print(f"received {intake.received_at.isoformat(timespec='minutes')}; due {case.due_at.isoformat(timespec='minutes')}"
          + (" (extended)" if case.extended else "") + (f"; round {case.round}" if case.round > 1 else ""))
    subject = case.vehicle_label or case.staff_label
    if subject:
        print(f"subject: {subject} ({case.unit_name})")
    print(f"what: {intake.what}")
    if intake.complainant_name or intake.complainant_phone:
        print(f"complainant: {intake.complainant_name} {intake.complainant_phone}".rstrip())
    for event in case.events:
        print(f"  {event.seq}. {event.at.isoformat(timespec='minutes')} {event.kind.value} by {event.by_name}")
    return 0


def _done(session: CliSession, case: Complaint) -> int:
    flags = sorted(flag.value for flag in session.context.complaints.flags(case))
    print(f"{case.number}: {case.status.value}" + (f" ({', '.join(flags)})" if flags else ""))
    return 0


def run_investigate(session: CliSession) -> int:
    from inspector.services.photos import EVIDENCE_DERIVATIVES, prepare_file

    args = session.args
    actor = session.actor()
    case = _case(session, args.number)
    limit = session.context.photos.limit_bytes()
    photos = [prepare_file(path, EVIDENCE_DERIVATIVES, limit_bytes=limit) for path in args.photo]
    updated, _ = session.context.complaints.investigate(actor, case.id, notes=args.notes, statement=args.statement,
                                                        photos=photos)
    return _done(session, updated)


def run_resolve(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    case = _case(session, args.number)
    updated, _ = session.context.complaints.resolve(actor, case.id, liability=args.liability, measures=args.measures,
                                                    apology=args.apology, finding_item=args.finding)
    if updated.finding_ids:
        print(f"findings: {', '.join(str(finding) for finding in updated.finding_ids)}")
    return _done(session, updated)


def run_feedback(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    case = _case(session, args.number)
    updated, _ = session.context.complaints.feedback(actor, case.id, opinion=args.opinion, note=args.note)
    return _done(session, updated)


def run_extend(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    case = _case(session, args.number)
    until = _when(args.until, "--until")
    assert until is not None
    updated, _ = session.context.complaints.extend(actor, case.id, due_at=until, reason=args.reason)
    return _done(session, updated)


def run_close(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    case = _case(session, args.number)
    updated, _ = session.context.complaints.close(actor, case.id, note=args.note)
    return _done(session, updated)
