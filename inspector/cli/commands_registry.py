"""``registry import KIND FILE [--good-rows-only]``, ``registry list KIND [--search T] [--all]
[--json]``, ``registry retire KIND KEY [--on DATE]`` and ``registry reactivate KIND KEY [--on
DATE]``: the registry (units, vehicles, staff, locations) on the command line. The list shows each
record's first day in service and its retirement day (启用 / 停用); retiring never deletes.

An import with problems exits 2 through ``main`` (ImportRejected: one line per problem) and
writes nothing; ``--good-rows-only`` imports the rest and lists the skipped rows on stderr.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession
from inspector.domain.errors import ValidationError
from inspector.domain.registry import RegistryKind
from inspector.words.messages import describe_problem

KINDS = [kind.value for kind in RegistryKind]
# Table columns per kind (unit_id is shown as the unit's code).
TABLE_COLUMNS: dict[RegistryKind, tuple[str, ...]] = {
    RegistryKind.UNITS: ("id", "code", "name", "kind", "head_name", "head_phone", "active", "active_from",
                         "retired_on"),
    RegistryKind.VEHICLES: ("id", "plate", "fleet_no", "route", "unit", "model", "active", "active_from",
                            "retired_on"),
    RegistryKind.STAFF: ("id", "staff_no", "name", "role", "unit", "phone", "active", "active_from", "retired_on"),
    RegistryKind.LOCATIONS: ("id", "code", "name", "unit", "area", "responsible_staff_id", "active", "active_from",
                             "retired_on"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    registry = subparsers.add_parser("registry", help=command_help("registry"))
    commands = registry.add_subparsers(dest="registry_command", metavar="ACTION", required=True)

    load = commands.add_parser("import", help="import records from a .csv, .xlsx or .xls file (Chinese or English headers)")
    load.add_argument("kind", choices=KINDS, metavar="KIND", help="units, vehicles, staff or locations")
    load.add_argument("file", type=Path, metavar="FILE", help=".csv (UTF-8 or GBK), .xlsx, .xlsm or .xls")
    load.add_argument("--good-rows-only", action="store_true",
                      help="import the valid rows and list the others (default: any problem imports nothing)")
    load.set_defaults(handler=run_import)

    show = commands.add_parser("list", help="list records")
    show.add_argument("kind", choices=KINDS, metavar="KIND", help="units, vehicles, staff or locations")
    show.add_argument("--search", default="", metavar="TEXT", help="substring of code, name, plate, route…")
    show.add_argument("--all", action="store_true", help="include retired records")
    show.add_argument("--json", action="store_true", help="print JSON on stdout")
    show.set_defaults(handler=run_list)

    for action, verb in (("retire", "retire a record (kept, with its past months; never deleted)"),
                         ("reactivate", "put a retired record back in service")):
        change = commands.add_parser(action, help=verb)
        change.add_argument("kind", choices=KINDS, metavar="KIND", help="units, vehicles, staff or locations")
        change.add_argument("key", metavar="KEY", help="unit code, plate or fleet number, 工号, location code")
        change.add_argument("--on", default=None, metavar="DATE", help="the day, YYYY-MM-DD (default: today)")
        change.set_defaults(handler=run_set_active, active=action == "reactivate")


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


def run_set_active(session: CliSession) -> int:
    args = session.args
    kind = RegistryKind(args.kind)
    on = None
    if args.on is not None:
        try:
            on = date.fromisoformat(args.on.strip())
        except ValueError:
            raise ValidationError("invalid_value", field="--on", value=args.on) from None
    actor = session.actor()
    registry = session.context.registry
    record = registry.find_by_key(actor, kind, args.key)
    changed, changes = registry.set_active(actor, kind, record.id, args.active, on=on)
    day = changed.retired_on if not args.active else (on or session.context.services.clock().date())
    if changes.empty:
        print(f"{kind.value} {args.key} is already {'in service' if args.active else 'retired'}")
    elif args.active:
        print(f"{kind.value} {args.key} is back in service from {day.isoformat()}")
    else:
        print(f"{kind.value} {args.key} retired on {day.isoformat()}")
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
