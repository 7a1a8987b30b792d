"""``archive vehicle KEY -o FILE.pdf`` and ``archive staff KEY -o FILE.pdf``: the vehicle file
(一车一档) and the staff file (个人服务质量档案) as PDF.

Both go through ``ArchiveService``, which checks the role (VIEW_REPORTS), keeps covert
inspectors' names out and writes the file atomically: an error leaves nothing half-written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession
from inspector.domain.errors import InspectorError


def register(subparsers: argparse._SubParsersAction) -> None:
    archive = subparsers.add_parser("archive", help=command_help("archive"))
    kinds = archive.add_subparsers(dest="archive_command", metavar="KIND", required=True)
    vehicle = kinds.add_parser("vehicle", help="一车一档: every inspection, finding, notice and follow-up of a vehicle")
    vehicle.add_argument("key", metavar="KEY", help="the plate (粤B·12345) or the fleet number (自编号)")
    vehicle.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    vehicle.set_defaults(handler=run_vehicle)
    staff = kinds.add_parser("staff", help="个人服务质量档案: the same for one staff member")
    staff.add_argument("key", metavar="KEY", help="the staff number (工号)")
    staff.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    staff.set_defaults(handler=run_staff)


def _output(session: CliSession) -> Path:
    output = Path(session.args.output)
    if not output.parent.is_dir():
        raise InspectorError("file_unwritable", file=str(output), reason="no such folder")
    return output


def run_vehicle(session: CliSession) -> int:
    actor = session.actor()
    output = _output(session)
    try:
        archive = session.context.archives.export_vehicle(actor, session.args.key, output)
    except OSError as error:
        raise InspectorError("file_unwritable", file=str(output), reason=error.strerror or str(error)) from None
    print(f"wrote the file of {archive.subject.plate} to {output}"
          f" (inspections: {len(archive.inspections)}, notices: {len(archive.notices)})")
    return 0


def run_staff(session: CliSession) -> int:
    actor = session.actor()
    output = _output(session)
    try:
        archive = session.context.archives.export_staff(actor, session.args.key, output)
    except OSError as error:
        raise InspectorError("file_unwritable", file=str(output), reason=error.strerror or str(error)) from None
    print(f"wrote the file of {archive.subject.staff_no} to {output}"
          f" (inspections: {len(archive.inspections)}, notices: {len(archive.notices)})")
    return 0
