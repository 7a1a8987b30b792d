"""``device`` and ``exchange export|import|status``: signed exchange files (.inspx) between the
laptops and the quality office (#20).

``exchange export -o FILE`` on a laptop writes what was recorded there and the office has not yet
acknowledged (``--all``: everything recorded there); at the office, ``--for USER`` writes what
that user's laptop needs. Signing asks for the acting user's password (the one that unlocks their
certificate's key; ``$INSPECTOR_PASSWORD``). ``exchange import FILE`` verifies the whole file
against the office CA before anything is merged; a freshly initialised data folder joins the
organisation with the first file the office made for its user.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession


def register(subparsers: argparse._SubParsersAction) -> None:
    device = subparsers.add_parser("device", help=command_help("device"))
    device.add_argument("--name", help="give this data folder a new name (the office names itself; a laptop "
                                       "defaults to its host name)")
    device.add_argument("--json", action="store_true", help="print JSON on stdout")
    device.set_defaults(handler=run_device)

    exchange = subparsers.add_parser("exchange", help=command_help("exchange"))
    actions = exchange.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write a signed exchange file")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.inspx")
    export.add_argument("--all", action="store_true", help="a laptop: everything recorded here, acknowledged or not")
    export.add_argument("--for", dest="for_user", metavar="USER", help="the office: the file for USER's laptop")
    export.add_argument("--json", action="store_true", help="print JSON on stdout")
    export.set_defaults(handler=run_export)
    incoming = actions.add_parser("import", help="verify an exchange file and merge what it holds")
    incoming.add_argument("file", type=Path, metavar="FILE.inspx")
    incoming.add_argument("--json", action="store_true", help="print JSON on stdout")
    incoming.set_defaults(handler=run_import)
    status = actions.add_parser("status", help="per peer: files sent and received, records waiting, lost files")
    status.add_argument("--json", action="store_true", help="print JSON on stdout")
    status.set_defaults(handler=run_status)


def run_device(session: CliSession) -> int:
    service = session.context.exchange
    info = service.rename(session.actor(), session.args.name) if session.args.name else service.device()
    if session.args.json:
        session.print_json(info.as_json())
        return 0
    print(f"device:       {info.device_id}")
    print(f"name:         {info.name}")
    print(f"role:         {info.side}")
    print(f"organisation: {info.organisation_name or '-'} ({info.organisation_id or 'not joined'})")
    return 0


def run_export(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    password = session.password_for(actor.username, prompt=f"Password of {actor.username} (unlocks the signing key): ")
    service = session.context.exchange
    if args.for_user:
        if args.all:
            from inspector.domain.errors import InspectorError

            raise InspectorError("exchange_all_is_for_laptops")
        result = service.export_for(actor, password, args.for_user, args.output)
    else:
        result = service.export_to_office(actor, password, args.output, everything=args.all)
    if args.json:
        session.print_json(result.as_json())
        return 0
    records = sum(result.counts.values())
    print(f"exchange file written: {result.path} (sequence {result.sequence}; {records} records, "
          f"{result.photos} photos)")
    return 0


def run_import(session: CliSession) -> int:
    actor = session.actor() if session.context.exchange.device().side != "unjoined" else None
    summary = session.context.exchange.import_file(actor, session.args.file)  # type: ignore[arg-type]
    if session.args.json:
        session.print_json(summary.as_json())
        return 0
    print(describe_summary(summary))
    return 0


def describe_summary(summary) -> str:  # type: ignore[no-untyped-def]
    if summary.repeated:
        return f"nothing new: {summary.file} (sequence {summary.sequence} from {summary.sender_name}) came in before"
    parts = [f"{count} {kind.replace('_', ' ')}{'s' if count != 1 else ''}" for kind, count in
             sorted(summary.new.items())]
    parts.append(f"{summary.photos_new} new photo file{'s' if summary.photos_new != 1 else ''}")  # the bytes
    present = sum(summary.present.values()) + summary.photos_present
    line = f"{', '.join(parts)}; {present} already present"
    if summary.joined:
        line += f"\njoined the organisation of {summary.sender_name}: sign in with the password the office gave you"
    if summary.gaps:
        line += f"\nwarning: files {', '.join(map(str, summary.gaps))} from {summary.sender_name} never arrived"
    return line


def run_status(session: CliSession) -> int:
    peers = session.context.exchange.status()
    if session.args.json:
        session.print_json({"peers": [peer.as_json() for peer in peers]})
        return 0
    if not peers:
        print("no exchange files sent or received yet")
    for peer in peers:
        missing = f"; missing files: {', '.join(map(str, peer.missing))}" if peer.missing else ""
        print(f"{peer.name} ({peer.peer}): sent #{peer.last_sent} ({peer.last_sent_at or 'never'}), "
              f"received #{peer.last_received} ({peer.last_received_at or 'never'}), "
              f"{peer.waiting} records waiting{missing}")
    return 0
