"""``report monthly YYYY-MM -o FILE.xlsx|FILE.pdf [--unit CODE]``: the monthly report (月度报告)
on the command line, through ``ReportService`` so the role check applies as in the desktop app.

The table (.xlsx) is written by ``services.report_sheets``; the report (.pdf) by
``inspector.pdf.report_pdf.render_monthly_report`` when that renderer is part of the install
(looked up at run time), else the command refuses with ``report_pdf_not_yet``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
from pathlib import Path

from inspector.cli.session import CliSession
from inspector.domain.errors import InspectorError, ValidationError
from inspector.domain.registry import RegistryKind
from inspector.services.report_sheets import write_monthly_xlsx
from inspector.storage.files import write_atomic

PDF_RENDERER = "inspector.pdf.report_pdf"


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser("report", help="monthly report (月度报告) and table (月度报表)")
    commands = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    monthly = commands.add_parser("monthly", help="the figures of one month as .xlsx (table) or .pdf (report)")
    monthly.add_argument("month", metavar="YYYY-MM")
    monthly.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|FILE.pdf")
    monthly.add_argument("--unit", metavar="CODE", help="only this unit (default: every unit)")
    monthly.set_defaults(handler=run_monthly)


def _pdf_renderer():
    """The PDF renderer's module, or None while it is not part of this install."""
    if importlib.util.find_spec(PDF_RENDERER) is None:
        return None
    return importlib.import_module(PDF_RENDERER)


def run_monthly(session: CliSession) -> int:
    args = session.args
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError("report_output_format", file=str(output))
    renderer = _pdf_renderer() if suffix == ".pdf" else None
    if suffix == ".pdf" and renderer is None:
        raise InspectorError("report_pdf_not_yet", file=str(output))
    if not output.parent.is_dir():
        raise InspectorError("file_unwritable", file=str(output), reason="no such folder")
    actor = session.actor()
    context = session.context
    unit_id = context.registry.find_by_key(actor, RegistryKind.UNITS, args.unit).id if args.unit else None
    report = context.reports.monthly(actor, args.month, unit_id)
    try:
        if renderer is not None:
            write_atomic(output, renderer.render_monthly_report(report))
        else:
            write_monthly_xlsx(report, output)
    except OSError as error:
        raise InspectorError("file_unwritable", file=str(output), reason=error.strerror or str(error)) from None
    print(f"wrote the monthly report {report.month} ({report.scope_name}) to {output}")
    return 0
