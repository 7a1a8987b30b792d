"""``notices create|export|list|show|ack|reply`` and ``followups record``: rectification notices
(整改通知单) on the command line.

Everything goes through ``NoticeService``, ``FollowUpService`` and ``NoticeFiles``, so role checks,
the audit trail and the stored-hash check of the issued PDF apply exactly as in the desktop app.
Photos given to ``reply`` and ``followups record`` are read and checked before anything is
written; the photos and the step they belong to are stored in one transaction. ``create`` issues
one notice per responsible unit, all or none.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.commands_registry import print_table
from inspector.cli.commands import command_help
from inspector.cli.session import CliSession
from inspector.domain.deadlines import MAX_WORKING_DAYS
from inspector.domain.errors import InspectorError, ValidationError
from inspector.domain.notices import (
    FollowUpItemResult,
    FollowUpResult,
    NoticeFlag,
    NoticeStatus,
    NoticeSummary,
)
from inspector.domain.registry import RegistryKind
from inspector.domain.users import User
from inspector.services.photos import EVIDENCE_DERIVATIVES, PreparedPhoto, prepare_file
from inspector.words.signatures import seal_notice

LIST_COLUMNS = ("number", "unit", "status", "deadline", "flags")
POSITIONAL_PHOTO = re.compile(r"^(\d+)=(.+)$")


def register(subparsers: argparse._SubParsersAction) -> None:
    notices = subparsers.add_parser("notices", help=command_help("notices"))
    commands = notices.add_subparsers(dest="notices_command", metavar="ACTION", required=True)

    create = commands.add_parser("create", help="issue notices (one per unit) from an inspection's open findings")
    create.add_argument("--inspection", type=int, required=True, metavar="ID")
    create.add_argument("--deadline-days", type=int, metavar="N",
                        help="working days to rectify (default: the strictest period among the problems)")
    create.add_argument("--finding", type=int, action="append", default=[], metavar="FID",
                        help="this finding, serious or general (repeat for several; default: the serious "
                             "open findings — general ones are put right at once, 立即整改)")
    create.add_argument("--every-open", action="store_true",
                        help="every open finding, the general ones too")
    create.add_argument("--json", action="store_true", help="print JSON on stdout")
    create.set_defaults(handler=run_create)

    export = commands.add_parser("export", help="write the issued PDF (or the record) to a file")
    export.add_argument("number", metavar="NUMBER")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    export.add_argument("--sign", action="store_true",
                        help="add your PAdES signature (password: as for signing in); a covert notice is signed "
                             "with the office seal certificate instead, never a personal one")
    export.add_argument("--record", action="store_true",
                        help="the record instead: notice, receipt, reply and follow-ups (整改档案)")
    export.set_defaults(handler=run_export)

    listing = commands.add_parser("list", help="notices newest first, with their flags")
    listing.add_argument("--overdue", action="store_true", help="only open notices past their deadline")
    listing.add_argument("--status", choices=[s.value for s in NoticeStatus])
    listing.add_argument("--unit", metavar="CODE", help="only notices to this unit")
    listing.add_argument("--flag", choices=[f.value for f in NoticeFlag])
    listing.add_argument("--json", action="store_true", help="print JSON on stdout")
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", help="a notice's problems, status, receipt, reply and follow-ups")
    show.add_argument("number", metavar="NUMBER")
    show.add_argument("--json", action="store_true", help="print JSON on stdout")
    show.set_defaults(handler=run_show)

    ack = commands.add_parser("ack", help="record the unit's receipt (签收)")
    ack.add_argument("number", metavar="NUMBER")
    ack.add_argument("--signer", required=True, metavar="NAME", help="who signed for the notice")
    ack.set_defaults(handler=run_ack)

    reply = commands.add_parser("reply", help="record the unit's written reply (整改回复)")
    reply.add_argument("number", metavar="NUMBER")
    reply.add_argument("--measures", required=True, metavar="T", help="the measures taken")
    reply.add_argument("--preventive", default="", metavar="T", help="measures against recurrence")
    reply.add_argument("--date", metavar="YYYY-MM-DD", help="date of the reply (default: today)")
    reply.add_argument("--by", required=True, metavar="NAME", help="who replied for the unit")
    reply.add_argument("--photo", action="append", default=[], type=Path, metavar="FILE",
                       help="a photo after rectification; repeat for several")
    reply.set_defaults(handler=run_reply)

    reissue = commands.add_parser("reissue", help="at the office: issue the new notice for the problems a "
                                                  "follow-up recorded on a laptop found not fixed")
    reissue.add_argument("number", metavar="NUMBER")
    reissue.add_argument("--deadline-days", type=int, metavar="N",
                         help="working days to rectify (default: the notice's own)")
    reissue.add_argument("--json", action="store_true", help="print JSON on stdout")
    reissue.set_defaults(handler=run_reissue)

    followups = subparsers.add_parser("followups", help=command_help("followups"))
    actions = followups.add_subparsers(dest="followups_command", metavar="ACTION", required=True)
    record = actions.add_parser("record", help="the follow-up's result: closes the notice or reissues it")
    record.add_argument("number", metavar="NUMBER")
    record.add_argument("--result", required=True, choices=[r.value for r in FollowUpResult],
                        help="the result of every problem (unless --item says otherwise)")
    record.add_argument("--item", action="append", default=[], metavar="POS=pass|fail",
                        help="the result of the problem at position POS; repeat for several")
    record.add_argument("--photo", action="append", default=[], metavar="[POS=]FILE",
                        help="a photo for every problem, or for the problem at POS; repeat for several")
    record.add_argument("--note", default="", metavar="T")
    record.add_argument("--deadline-days", type=int, metavar="N",
                        help="working days for the reissued notice (default: the notice's own)")
    record.set_defaults(handler=run_followup)


# --- shapes ---------------------------------------------------------------------------------

def notice_row(notice: NoticeSummary, today: date) -> dict[str, Any]:
    row = notice.model_dump(mode="json")
    row["flags"] = sorted(flag.value for flag in notice.flags(today))
    return row


def _notice(session: CliSession, actor: User, number: str) -> NoticeSummary:
    return session.context.notices.by_number(actor, number)


def _check_days(value: int | None) -> None:
    if value is not None and not 1 <= value <= MAX_WORKING_DAYS:
        raise ValidationError("working_days_range", value=value, maximum=MAX_WORKING_DAYS)


def _prepared(session: CliSession, paths: list[Path]) -> list[PreparedPhoto]:
    """Every photo read and checked (and its copies made) before the first write."""
    limit = session.context.photos.limit_bytes()
    return [prepare_file(path, EVIDENCE_DERIVATIVES, limit_bytes=limit) for path in paths]


# --- create and export ------------------------------------------------------------------------

def run_create(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    notices = session.context.notices
    _check_days(args.deadline_days)
    drafts = notices.drafts(actor, args.inspection, finding_ids=args.finding or None,
                            deadline_days=args.deadline_days, every_open=args.every_open)
    issued = []
    with session.context.services.mutation():  # one notice per unit: all of them or none
        for draft in drafts:
            issued.append(notices.issue(actor, draft)[0])
    if args.json:
        session.print_json([notice_row(notice, notices.today()) for notice in issued])
        return 0
    for notice in issued:
        print(notice.number)
    return 0


def run_export(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    files = session.context.notice_files
    if args.sign and args.record:
        raise ValidationError("notice_sign_record")
    notice = _notice(session, actor, args.number)
    output = Path(args.output)
    if not output.parent.is_dir():
        raise InspectorError("file_unwritable", file=str(output), reason="no such folder")
    try:
        if args.record:
            files.export_record(actor, notice.id, output)
        else:
            password = session.password_for(actor.username) if args.sign else None
            files.export(actor, notice.id, output, sign_password=password)
    except OSError as error:
        raise InspectorError("file_unwritable", file=str(output), reason=error.strerror or str(error)) from None
    what = "record of" if args.record else "signed" if args.sign else "notice"
    print(f"wrote {what} {notice.number} to {output}")
    if args.sign and notice.covert:
        print(seal_notice(files.signing_identity(actor, notice.id)))
    return 0


# --- list and show ------------------------------------------------------------------------------

def run_list(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    context = session.context
    flag = NoticeFlag(args.flag) if args.flag else None
    if args.overdue:
        if flag not in (None, NoticeFlag.OVERDUE):
            raise ValidationError("invalid_value", field="--overdue with --flag")
        flag = NoticeFlag.OVERDUE
    unit_id = context.registry.find_by_key(actor, RegistryKind.UNITS, args.unit).id if args.unit else None
    statuses = [NoticeStatus(args.status)] if args.status else []
    found = context.notices.list(actor, statuses=statuses, unit_id=unit_id, flag=flag)
    if flag is NoticeFlag.OVERDUE:
        found.sort(key=lambda notice: (notice.deadline, notice.number))  # the longest overdue first
    today = context.notices.today()
    rows = [notice_row(notice, today) for notice in found]
    if args.json:
        session.print_json(rows)
        return 0
    print_table(LIST_COLUMNS, [{
        "number": row["number"], "unit": row["addressee_unit"], "status": row["status"],
        "deadline": row["deadline"], "flags": ",".join(row["flags"]),
    } for row in rows])
    return 0


def _hashes(session: CliSession, photo_ids: tuple[int, ...]) -> list[str]:
    found = (session.context.photos.get(photo_id) for photo_id in photo_ids)
    return [photo.sha256 for photo in found if photo is not None]


def notice_detail(session: CliSession, actor: User, number: str) -> dict[str, Any]:
    """What ``show`` prints: the summary, the problems, receipt, reply, follow-ups, signed copies."""
    context = session.context
    notice = _notice(session, actor, number)
    detail = notice_row(notice, context.notices.today())
    detail["items"] = [item.model_dump(mode="json") for item in context.notices.items(actor, notice.id)]
    receipt = context.followups.receipt(actor, notice.id)
    detail["receipt"] = None if receipt is None else {
        "signer_name": receipt.signer_name, "signed_at": receipt.signed_at.isoformat(),
        "drawn_signature": receipt.signature_png is not None, "recorded_by": receipt.recorded_by,
    }
    reply = context.followups.reply(actor, notice.id)
    detail["reply"] = None if reply is None else {
        **reply.model_dump(mode="json", exclude={"notice_id", "photo_ids"}),
        "photos": _hashes(session, reply.photo_ids),
    }
    numbers: dict[int, str] = {}
    followups = []
    for followup in context.followups.followups(actor, notice.id):
        reissued = None
        if followup.reissued_notice_id is not None:
            reissued = numbers.setdefault(followup.reissued_notice_id,
                                          context.notices.get(actor, followup.reissued_notice_id).number)
        followups.append({
            "result": followup.result.value, "note": followup.note, "recorded_at": followup.recorded_at.isoformat(),
            "recorded_by": followup.recorded_by, "reissued_as": reissued,
            "items": [{"position": item.position, "result": item.result.value, "note": item.note,
                       "photos": _hashes(session, item.photo_ids)} for item in followup.items],
        })
    detail["followups"] = followups
    detail["signed_copies"] = [{key: copy[key] for key in ("signer_name", "signed_at", "pdf_path", "pdf_sha256")}
                               for copy in context.notice_files.signed_copies(actor, notice.id)]
    return detail


def run_show(session: CliSession) -> int:
    args = session.args
    detail = notice_detail(session, session.actor(), args.number)
    if args.json:
        session.print_json(detail)
        return 0
    print(f"notice {detail['number']}: {detail['status']}"
          + (f" ({', '.join(detail['flags'])})" if detail["flags"] else ""))
    print(f"to: {detail['addressee_unit']} {detail['addressee']}; inspection {detail['inspection_id']}")
    print(f"issued {detail['issued_at']}; deadline {detail['deadline']} ({detail['working_days']} working days),"
          f" follow-up {detail['followup_date']}")
    for key, label in (("supersedes_number", "supersedes"), ("reissue_of_number", "reissue of"),
                       ("successor_number", "followed by")):
        if detail[key]:
            print(f"{label}: {detail[key]}")
    print("problems:")
    for item in detail["items"]:
        print(f"  {item['position']}. {item['item_code']}  {item['severity']}"
              f"{'  recurred' if item['recurred'] else ''}  {item['problem']}")
    receipt, reply = detail["receipt"], detail["reply"]
    print(f"receipt: {receipt['signer_name']} at {receipt['signed_at']}" if receipt else "receipt: (none)")
    print(f"reply: {reply['replied_on']} by {reply['replied_by']}: {reply['measures']}" if reply else "reply: (none)")
    print("follow-ups:" if detail["followups"] else "follow-ups: (none)")
    for followup in detail["followups"]:
        results = " ".join(f"{item['position']}={item['result']}" for item in followup["items"])
        extra = f" → {followup['reissued_as']}" if followup["reissued_as"] else ""
        print(f"  {followup['recorded_at']}  {followup['result']}  {results}{extra}  {followup['note']}".rstrip())
    for copy in detail["signed_copies"]:
        print(f"signed copy: {copy['pdf_path']} by {copy['signer_name']} at {copy['signed_at']}")
    return 0


# --- receipt, reply, follow-up -----------------------------------------------------------------

def run_ack(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    notice = _notice(session, actor, args.number)
    session.context.followups.acknowledge(actor, notice.id, args.signer)
    print(f"acknowledged {notice.number}")
    return 0


def _date(text: str | None, today: date) -> date:
    if text is None:
        return today
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("invalid_value", field="--date", value=text) from None


def run_reply(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    context = session.context
    notice = _notice(session, actor, args.number)
    replied_on = _date(args.date, context.notices.today())
    prepared = _prepared(session, args.photo)
    with context.services.mutation():
        photo_ids = [context.photos.ingest(actor, photo).id for photo in prepared]
        context.followups.record_reply(actor, notice.id, measures=args.measures, replied_on=replied_on,
                                       replied_by=args.by, preventive=args.preventive, photo_ids=photo_ids)
    print(f"replied {notice.number}")
    return 0


def _item_results(texts: list[str]) -> dict[int, FollowUpResult]:
    results: dict[int, FollowUpResult] = {}
    for text in texts:
        position, _, value = text.partition("=")
        if not position.strip().isdigit() or value.strip() not in {r.value for r in FollowUpResult}:
            raise ValidationError("invalid_value", field="--item", value=text)
        results[int(position)] = FollowUpResult(value.strip())
    return results


def _photo_targets(texts: list[str]) -> list[tuple[int | None, Path]]:
    """``FILE`` (every problem) or ``POS=FILE`` (one problem); an existing file named ``1=x`` stays a file."""
    targets: list[tuple[int | None, Path]] = []
    for text in texts:
        match = POSITIONAL_PHOTO.match(text)
        if match and not Path(text).exists():
            targets.append((int(match.group(1)), Path(match.group(2))))
        else:
            targets.append((None, Path(text)))
    return targets


def run_followup(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    context = session.context
    notice = _notice(session, actor, args.number)
    _check_days(args.deadline_days)
    overrides = _item_results(args.item)
    targets = _photo_targets(args.photo)
    prepared = _prepared(session, [path for _, path in targets])
    positions = [item.position for item in context.notices.items(actor, notice.id)]
    positions += sorted(set(overrides) - set(positions))  # unknown positions: the service refuses them
    with context.services.mutation():
        photo_ids: dict[int, list[int]] = {position: [] for position in positions}
        for (position, _), photo in zip(targets, prepared):
            stored = context.photos.ingest(actor, photo).id
            for target in ([position] if position is not None else positions):
                photo_ids.setdefault(target, []).append(stored)
        results = [FollowUpItemResult(position=position, result=overrides.get(position, FollowUpResult(args.result)),
                                      photo_ids=tuple(photo_ids.get(position, ())))
                   for position in sorted(set(positions) | set(photo_ids))]
        _, successor, _ = context.followups.record_followup(actor, notice.id, results, note=args.note,
                                                            deadline_days=args.deadline_days)
    if successor is not None:
        print(f"reissued as {successor.number}")
    elif any(result.result is FollowUpResult.FAIL for result in results):
        print("recorded: not fixed; the quality office reissues the notice when this laptop's exchange file arrives")
    else:
        print("closed")
    return 0


def run_reissue(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    context = session.context
    notice = _notice(session, actor, args.number)
    _check_days(args.deadline_days)
    successor, _ = context.followups.reissue(actor, notice.id, deadline_days=args.deadline_days)
    if args.json:
        session.print_json(notice_row(successor, context.notices.today()))
    else:
        print(successor.number)
    return 0
