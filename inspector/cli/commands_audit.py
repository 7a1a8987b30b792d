"""``audit head`` and ``audit checkpoint``: the chain's head, and a signed checkpoint of it that
the quality office keeps outside the database (``check --checkpoint FILE`` compares, #12.8)."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help=command_help("audit"))
    actions = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    head = actions.add_parser("head", help="print the audit chain's head (sha256:<hash>@<entry id>)")
    head.set_defaults(handler=run_head)
    checkpoint = actions.add_parser(
        "checkpoint", help="write the chain's head, signed with your key, to a file the office keeps elsewhere")
    checkpoint.add_argument("-o", "--output", type=Path, required=True, help="the checkpoint file to write")
    checkpoint.set_defaults(handler=run_checkpoint)


def run_head(session: CliSession) -> int:
    from inspector.services.audit_anchors import head_line

    print(head_line(session.context.services))
    return 0


def run_checkpoint(session: CliSession) -> int:
    from inspector.services.audit_anchors import AuditAnchors

    actor = session.actor()
    password = session.password_for(actor.username, prompt=f"Password of {actor.username} (unlocks the signing key): ")
    checkpoint = AuditAnchors(session.context.services).write_checkpoint(actor, password, session.args.output)
    print(f"checkpoint written: {session.args.output} ({checkpoint.head}, device {checkpoint.device})")
    print("keep it away from this machine; `inspector-cli check --checkpoint FILE` compares the chain with it")
    return 0
