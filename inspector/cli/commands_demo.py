"""``demo``: fill a data folder with realistic demo data (see ``inspector.demo.company``).

On a fresh data folder no account is needed: the ``admin`` account is created with the demo
password. On a folder that already has accounts the acting user must be an administrator.
``--inspections N`` (default 500, about ten seconds) also records N inspections with generated
evidence photos over the last six months; ``--inspections 0`` makes the registry and accounts only.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession
from inspector.demo.accounts import DEMO_PASSWORD

if TYPE_CHECKING:
    from inspector.demo.company import DemoSummary

DEFAULT_INSPECTIONS = 500


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help=command_help("demo"))
    demo.add_argument("--seed", type=int, default=7, help="random seed: the same seed gives the same data (default 7)")
    demo.add_argument("--inspections", type=int, default=DEFAULT_INSPECTIONS, metavar="N",
                      help=f"inspections with generated photos over the last six months (default {DEFAULT_INSPECTIONS})")
    demo.set_defaults(handler=run_demo)


def run_demo(session: CliSession) -> int:
    context = session.context
    actor = None if context.users.needs_first_admin() else session.actor()
    from inspector.demo.company import create_demo  # the builder drives every service: load it only now

    summary = create_demo(context, seed=session.args.seed, actor=actor,
                          inspections=max(0, session.args.inspections))
    for line in summary_lines(summary):
        print(line)
    return 0


def summary_lines(summary: DemoSummary) -> list[str]:
    lines = [
        f"demo data created (seed {summary.seed}): {summary.units} units, {summary.vehicles} vehicles, "
        f"{summary.staff} staff, {summary.locations} locations",
    ]
    recorded = summary.inspections
    if recorded is not None:
        lines.append(
            f"{recorded.inspections} inspections ({recorded.completed} completed, {recorded.covert} covert, "
            f"{recorded.walkaround} walk-around), {recorded.findings} findings, {recorded.photos} photos"
        )
    notices = summary.notices
    if notices is not None:
        states = ", ".join(f"{count} {status}" for status, count in sorted(notices.statuses.items()))
        lines.append(f"{notices.notices} rectification notices ({states or 'none'}), "
                     f"{notices.fixed_on_spot} walk-around findings fixed on the spot"
                     + (", one signed copy (local CA held by wangfang)" if notices.signed else ""))
    complaints = summary.complaints
    if complaints is not None:
        states = ", ".join(f"{count} {status}" for status, count in sorted(complaints.statuses.items()))
        lines.append(f"{complaints.complaints} complaints ({states or 'none'})")
    if summary.templates:
        lines.append(f"loaded {summary.templates} built-in template(s)")
    lines.append(f"accounts created: {', '.join(summary.users)}")
    lines.append(f"demo password (every account above): {DEMO_PASSWORD}")
    if not summary.admin_created:
        lines.append("existing accounts keep their own passwords")
    return lines
