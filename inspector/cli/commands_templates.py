"""``templates list``, ``publish``, ``copy``, ``import`` and ``export``.

``import`` reads an XLSForm workbook (any form pyxform accepts) or an office checklist sheet,
as .xlsx, .xlsm or .xls, into a new draft version; ``--subject KIND`` gives the subject kind a
file does not name (exit 2 naming the option when it is needed and missing); ``--json`` prints
the import summary, row by row: what each row became (``mapped``) and what was skipped and why.
``export`` writes one version (default: the latest published, else the latest draft).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession
from inspector.domain.errors import InspectorError, RowProblem
from inspector.domain.templates import SubjectKind, TemplateVersion

LIST_COLUMNS = ("code", "version", "status", "effective_month", "item_count", "category", "title", "title_en")
LIST_HEADERS = ("CODE", "VERSION", "STATUS", "MONTH", "ITEMS", "CATEGORY", "TITLE", "TITLE (EN)")


def register(subparsers: argparse._SubParsersAction) -> None:
    templates = subparsers.add_parser("templates", help=command_help("templates"))
    actions = templates.add_subparsers(dest="templates_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="every template version")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=run_list)

    publish = actions.add_parser("publish", help="publish the latest draft of CODE for a month")
    publish.add_argument("code", metavar="CODE")
    publish.add_argument("--month", required=True, metavar="YYYY-MM", help="the month it takes effect")
    publish.set_defaults(handler=run_publish)

    copy = actions.add_parser("copy", help="start a draft for a month from the latest version of CODE")
    copy.add_argument("code", metavar="CODE")
    copy.add_argument("--month", required=True, metavar="YYYY-MM", help="the month the draft is for")
    copy.set_defaults(handler=run_copy)

    importing = actions.add_parser(
        "import", help="import a template workbook (XLSForm or office sheet; .xlsx, .xlsm, .xls) as a new draft")
    importing.add_argument("file", metavar="FILE", type=Path)
    importing.add_argument("--subject", choices=[kind.value for kind in SubjectKind], metavar="KIND",
                           help="what the checklist inspects (vehicle, staff, location, unit); needed when the "
                                "file does not say, and replaces what it says")
    importing.add_argument("--json", action="store_true", help="print the import summary as JSON")
    importing.set_defaults(handler=run_import)

    export = actions.add_parser("export", help="export a template version to an XLSForm-compatible .xlsx")
    export.add_argument("code", metavar="CODE")
    export.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", type=Path)
    export.add_argument("--version", type=int, metavar="N",
                        help="the version number (default: latest published, else latest draft)")
    export.set_defaults(handler=run_export)


def version_row(version: TemplateVersion) -> dict[str, Any]:
    """The ``templates list --json`` record of one version."""
    return {
        "id": version.id,
        "code": version.code,
        "title": version.body.title_zh,
        "title_en": version.body.title_en,
        "category": version.body.category,
        "version": version.version,
        "status": version.status.value,
        "effective_month": version.effective_month,
        "item_count": version.body.item_count,
        "builtin": version.builtin,
    }


def display_width(text: str) -> int:
    """Terminal columns of ``text``: CJK (wide and fullwidth) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def aligned_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns padded by display width, two spaces apart, no trailing blanks."""
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row)]
    lines = []
    for row in [list(headers), *rows]:
        cells = [cell + " " * (width - display_width(cell)) for cell, width in zip(row, widths)]
        lines.append("  ".join(cells).rstrip())
    return lines


def run_list(session: CliSession) -> int:
    versions = session.context.templates.list(session.actor())
    rows = [version_row(version) for version in versions]
    if session.args.json:
        session.print_json(rows)
        return 0
    cells = [["" if row[column] is None else str(row[column]) for column in LIST_COLUMNS] for row in rows]
    for line in aligned_table(LIST_HEADERS, cells):
        sys.stdout.write(line + "\n")
    return 0


def run_publish(session: CliSession) -> int:
    published, _ = session.context.templates.publish_latest_draft(
        session.actor(), session.args.code, session.args.month
    )
    print(f"published {published.code} version {published.version} for {published.effective_month}")
    return 0


def run_copy(session: CliSession) -> int:
    draft, _ = session.context.templates.copy_to_month(session.actor(), session.args.code, session.args.month)
    print(draft.version)
    return 0


def summary_row(line: RowProblem) -> dict[str, Any]:
    """One summary line as JSON: where, what (code and values) and the sentence."""
    from inspector.words.messages import (
        describe_problem,  # the sentences, only when one is said
    )

    return {"sheet": line.sheet, "row": line.row, "column": line.column, "code": line.code,
            "values": dict(line.params), "text": describe_problem(line)}


def run_import(session: CliSession) -> int:
    transfer = session.context.template_transfer
    actor = session.actor()
    args = session.args
    sheet = transfer.read_xlsx(actor, args.file)
    subject = SubjectKind(args.subject) if args.subject else None
    if subject is None and sheet.subject_missing:
        raise InspectorError("template_subject_option", file=args.file.name,
                             kinds=", ".join(kind.value for kind in SubjectKind))
    draft, _ = transfer.import_xlsx(actor, args.file, subject, sheet=sheet)
    if args.json:
        session.print_json({
            "code": draft.code, "version": draft.version, "status": draft.status.value,
            "items": draft.body.item_count, "sections": sum(1 for _ in draft.body.iter_sections()),
            "subject": draft.body.subject.value, "subject_given": subject is not None,
            "layout": sheet.layout, "format": sheet.format,
            "mapped": [summary_row(line) for line in sheet.mapped],
            "skipped": [summary_row(line) for line in sheet.skipped],
        })
        return 0
    print(f"imported {draft.code} version {draft.version} (draft, {draft.body.item_count} items)")
    if sheet.skipped:
        from inspector.words.messages import describe_problem

        print(f"{len(sheet.skipped)} row(s) skipped:")
        for line in sheet.skipped:
            print(f"  {describe_problem(line)}")
    return 0


def run_export(session: CliSession) -> int:
    transfer = session.context.template_transfer
    actor = session.actor()
    version = transfer.version_for_export(actor, session.args.code, session.args.version)
    path = transfer.export_xlsx(actor, version.id, session.args.output)
    print(f"exported {version.code} version {version.version} ({version.status.value}) to {path}")
    return 0
