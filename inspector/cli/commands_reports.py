"""``report monthly YYYY-MM -o FILE.xlsx|FILE.pdf [--unit CODE]``: the monthly report (月度报告)
on the command line, through ``ReportService`` so the role check applies as in the desktop app.

The table (.xlsx) and the report (.pdf, with its before/after photo pairs) are written by
``ReportService.export_xlsx`` / ``export_pdf``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession
from inspector.domain.errors import InspectorError, ValidationError
from inspector.domain.registry import RegistryKind


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser("report", help=command_help("report"))
    commands = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    monthly = commands.add_parser("monthly", help="the figures of one month as .xlsx (table) or .pdf (report)")
    monthly.add_argument("month", metavar="YYYY-MM")
    monthly.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|FILE.pdf")
    monthly.add_argument("--unit", metavar="CODE", help="only this unit (default: every unit)")
    monthly.set_defaults(handler=run_monthly)
    weekly = commands.add_parser("weekly", help="the hotline weekly report (热线周报, to the leaders) as .pdf or .xlsx")
    weekly.add_argument("week", metavar="YYYY-Www", help="an ISO week, e.g. 2026-W49 (Monday to Sunday)")
    weekly.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx")
    weekly.add_argument("--unit", metavar="CODE", help="only this unit (default: every unit)")
    weekly.set_defaults(handler=run_complaints, period="weekly")
    complaints = commands.add_parser(
        "complaints", help="the complaints monthly report (投诉月报, to departments and depots) as .pdf or .xlsx")
    complaints.add_argument("month", metavar="YYYY-MM")
    complaints.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx")
    complaints.add_argument("--unit", metavar="CODE", help="only this unit (default: every unit)")
    complaints.set_defaults(handler=run_complaints, period="monthly")


def run_monthly(session: CliSession) -> int:
    args = session.args
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError("report_output_format", file=str(output))
    if not output.parent.is_dir():
        raise InspectorError("file_unwritable", file=str(output), reason="no such folder")
    actor = session.actor()
    context = session.context
    unit_id = context.registry.find_by_key(actor, RegistryKind.UNITS, args.unit).id if args.unit else None
    # The services write the files (the PDF with its before/after photos), atomically.
    if suffix == ".pdf":
        report = context.reports.export_pdf(actor, args.month, unit_id, output)
    else:
        report = context.reports.export_xlsx(actor, args.month, unit_id, output)
    print(f"wrote the monthly report {report.month} ({report.scope_name}) to {output}")
    return 0


def run_complaints(session: CliSession) -> int:
    """``report weekly`` and ``report complaints``: through ``ComplaintReports``, which checks the
    role, the period and the extension and writes the file atomically."""
    args = session.args
    output = Path(args.output)
    if output.suffix.lower() not in (".xlsx", ".pdf"):
        raise ValidationError("report_output_format", file=str(output))
    actor = session.actor()
    context = session.context
    unit_id = context.registry.find_by_key(actor, RegistryKind.UNITS, args.unit).id if args.unit else None
    label = args.week if args.period == "weekly" else args.month
    report = context.complaint_reports.export(actor, args.period, label, unit_id, output)
    print(f"wrote the {report.title} {report.label} ({report.scope_name}, {report.total} cases) to {output}")
    return 0
