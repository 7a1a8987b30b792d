"""``registry import KIND FILE [--good-rows-only]`` and ``registry list KIND [--search T] [--all]
[--json]``: the registry (units, vehicles, staff, locations) on the command line.

An import with problems exits 2 through ``main`` (ImportRejected: one line per problem) and
writes nothing; ``--good-rows-only`` imports the rest and lists the skipped rows on stderr.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Any

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession
from inspector.domain.registry import RegistryKind
from inspector.words.messages import describe_problem

KINDS = [kind.value for kind in RegistryKind]
# Table columns per kind (unit_id is shown as the unit's code).
TABLE_COLUMNS: dict[RegistryKind, tuple[str, ...]] = {
    RegistryKind.UNITS: ("id", "code", "name", "kind", "head_name", "head_phone", "active"),
    RegistryKind.VEHICLES: ("id", "plate", "fleet_no", "route", "unit", "model", "active"),
    RegistryKind.STAFF: ("id", "staff_no", "name", "role", "unit", "phone", "active"),
    RegistryKind.LOCATIONS: ("id", "code", "name", "unit", "area", "responsible_staff_id", "active"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    registry = subparsers.add_parser("registry", help=command_help("registry"))
    commands = registry.add_subparsers(dest="registry_command", metavar="ACTION", required=True)

    load = commands.add_parser("import", help="import records from a .csv or .xlsx file (Chinese or English headers)")
    load.add_argument("kind", choices=KINDS, metavar="KIND", help="units, vehicles, staff or locations")
    load.add_argument("file", type=Path, metavar="FILE", help=".csv (UTF-8 or GBK) or .xlsx")
    load.add_argument("--good-rows-only", action="store_true",
                      help="import the valid rows and list the others (default: any problem imports nothing)")
    load.set_defaults(handler=run_import)

    show = commands.add_parser("list", help="list records")
    show.add_argument("kind", choices=KINDS, metavar="KIND", help="units, vehicles, staff or locations")
    show.add_argument("--search", default="", metavar="TEXT", help="substring of code, name, plate, route…")
    show.add_argument("--all", action="store_true", help="include retired records")
    show.add_argument("--json", action="store_true", help="print JSON on stdout")
    show.set_defaults(handler=run_list)


def run_import(session: CliSession) -> int:
    args = session.args
    kind = RegistryKind(args.kind)
    result, _ = session.context.registry_import.run(session.actor(), kind, args.file,
                                                    good_rows_only=args.good_rows_only)
    print(f"imported {result.imported} {kind.value}")
    if result.skipped:
        sys.stderr.write(f"skipped {result.skipped_rows} row(s) of {result.file}:\n")
        for problem in result.skipped:
            sys.stderr.write(f"  {describe_problem(problem)}\n")
    return 0


def run_list(session: CliSession) -> int:
    args = session.args
    kind = RegistryKind(args.kind)
    actor = session.actor()
    registry = session.context.registry
    records = registry.list(actor, kind, search=args.search, include_retired=args.all)
    unit_codes: dict[int, str] = {}
    if kind is not RegistryKind.UNITS:
        unit_codes = {u.id: u.code for u in registry.list(actor, RegistryKind.UNITS, include_retired=True)}
    rows = []
    for record in records:
        row = record.model_dump(mode="json")
        if "unit_id" in row:
            row["unit"] = unit_codes.get(row["unit_id"], "")
        rows.append(row)
    if args.json:
        session.print_json(rows)
    else:
        print_table(TABLE_COLUMNS[kind], rows)
    return 0


def _width(text: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def print_table(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    """An aligned plain-text table (Chinese counted double-width), or "(none)"."""
    if not rows:
        print("(none)")
        return
    cells = [list(columns)] + [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(_width(line[i]) for line in cells) for i in range(len(columns))]
    for line in cells:
        padded = [text + " " * (widths[i] - _width(text)) for i, text in enumerate(line)]
        print("  ".join(padded).rstrip())
