"""``hub init|add-device|connect|status`` and ``sync``: the office hub on PostgreSQL (#15).

``hub init --dsn DSN`` (the office, with an administrator's DSN) creates or migrates the hub's
schema and gives the office's data folder its own role. ``hub add-device NAME --for USER`` (the
office) makes a laptop's role and prints the DSN, password included, that the laptop's ``hub
connect`` takes — once: the office keeps no copy. ``hub connect DSN`` keeps the DSN without its
password and the password in the keyring (or ``$INSPECTOR_HUB_PASSWORD``). ``sync`` pushes, then
pulls; ``hub status`` tells devices, last sync, records waiting and conflicts.
"""

from __future__ import annotations

import argparse
import os

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession

ENV_ADMIN_PASSWORD = "INSPECTOR_HUB_ADMIN_PASSWORD"


def register(subparsers: argparse._SubParsersAction) -> None:
    hub = subparsers.add_parser("hub", help=command_help("hub"))
    actions = hub.add_subparsers(dest="action", required=True, metavar="ACTION")
    init = actions.add_parser("init", help="the office: create or migrate the hub's schema (an administrator's DSN)")
    init.add_argument("--dsn", required=True, help="e.g. postgresql://postgres@office-server/inspector "
                                                   f"(its password in the DSN or ${ENV_ADMIN_PASSWORD})")
    init.add_argument("--json", action="store_true", help="print JSON on stdout")
    init.set_defaults(handler=run_init)
    add = actions.add_parser("add-device", help="the office: a login role for one laptop; prints what it needs")
    add.add_argument("name", help="the laptop's name, e.g. 张伟的笔记本")
    add.add_argument("--for", dest="for_user", required=True, metavar="USER", help="whose laptop it is")
    add.add_argument("--json", action="store_true", help="print JSON on stdout")
    add.set_defaults(handler=run_add_device)
    connect = actions.add_parser("connect", help="keep the hub's DSN (the password goes to the keyring)")
    connect.add_argument("dsn", metavar="DSN", help="as printed by `hub add-device` at the office")
    connect.add_argument("--json", action="store_true", help="print JSON on stdout")
    connect.set_defaults(handler=run_connect)
    status = actions.add_parser("status", help="devices, last sync, records waiting, conflicts")
    status.add_argument("--json", action="store_true", help="print JSON on stdout")
    status.set_defaults(handler=run_status)

    sync = subparsers.add_parser("sync", help=command_help("sync"))
    sync.add_argument("--json", action="store_true", help="print JSON on stdout")
    sync.set_defaults(handler=run_sync)


def run_init(session: CliSession) -> int:
    result = session.context.hub.init(session.actor(), session.args.dsn, os.environ.get(ENV_ADMIN_PASSWORD))
    if session.args.json:
        session.print_json(result.as_json())
        return 0
    if result.schema_before == result.schema_after:
        print(f"hub schema {result.schema_after} is current")
    else:
        print(f"hub schema {result.schema_before} → {result.schema_after}")
    print(f"this office syncs as {result.role} ({result.dsn}); its password is kept in {result.password_kept}")
    return 0


def run_add_device(session: CliSession) -> int:
    device = session.context.hub.add_device(session.actor(), session.args.name, session.args.for_user)
    if session.args.json:
        session.print_json(device.as_json())
        return 0
    print(f"device {device.name} for {device.user}: role {device.role}")
    print("on that laptop (after it joined with the office's exchange file for its user), run once:")
    print(f"  inspector-cli hub connect '{device.dsn}'")
    print("the password is shown only now; the laptop keeps it in its keyring")
    return 0


def run_connect(session: CliSession) -> int:
    password = None
    if "password" not in session.args.dsn:  # the DSN alone: the password from the environment or asked for
        import getpass
        import sys

        password = os.environ.get("INSPECTOR_HUB_PASSWORD")
        if password is None and sys.stdin is not None and sys.stdin.isatty():
            password = getpass.getpass("Password of the hub role: ")
    link = session.context.hub.connect(session.actor(), session.args.dsn, password)
    if session.args.json:
        session.print_json({"dsn": link.dsn, "role": link.role})
        return 0
    print(f"connected to the hub as {link.role} ({link.dsn}); run `inspector-cli sync` to sync")
    return 0


def run_sync(session: CliSession) -> int:
    result = session.context.hub.sync(session.actor())
    if session.args.json:
        session.print_json(result.as_json())
        return 0
    print(f"pushed: {_counts(result.pushed.sent)}; {result.pushed.already} already on the hub; "
          f"{result.pushed.blobs} files")
    print(f"pulled: {_counts(dict(result.pulled.received))}; {result.pulled.present} already here; "
          f"{result.pulled.files} files")
    conflicts = result.pushed.conflicts + result.pulled.conflicts
    for conflict in conflicts:
        print(f"conflict: {conflict['kind']} {conflict['record']} (from {conflict['origin']}) is on the hub with "
              "other content; kept aside, nothing overwritten")
    return 0


def _counts(counts: dict[str, int]) -> str:
    if not counts:
        return "nothing"
    return ", ".join(f"{count} {kind.replace('_', ' ')}{'s' if count != 1 else ''}"
                     for kind, count in sorted(counts.items()))


def run_status(session: CliSession) -> int:
    status = session.context.hub.status()
    if session.args.json:
        session.print_json(status.as_json())
        return 0
    if not status.configured:
        print("no hub configured (office: hub init --dsn DSN; laptop: hub connect DSN)")
        return 0
    state = "reachable" if status.reachable else f"offline ({status.reason})"
    print(f"hub: {status.dsn} as {status.role}: {state}")
    print(f"last sync: {status.last_sync_at or 'never'}; {status.waiting} records waiting to be pushed"
          + (f"; {status.to_pull} to pull" if status.to_pull is not None else ""))
    for device in status.devices:
        print(f"  {device['name']} ({device['side']}, {device['user'] or '-'}): last sync "
              f"{device['last_sync_at'] or 'never'}, pushed {device['last_pushed']}, pulled {device['last_pulled']}")
    print(f"conflicts: {len(status.conflicts)}")
    for conflict in status.conflicts:
        print(f"  {conflict['kind']} {conflict['record']} from {conflict['origin']} (found {conflict['found_at']})")
    return 0
