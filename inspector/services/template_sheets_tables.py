"""The sheets of an XLSForm workbook as tables, and what reading them found.

``SheetTables`` owns the open workbook and everything the readers collect on the way: the
problems (each at its sheet, row and column), the summary lines (``mapped`` and ``skipped``, row
by row, also ``RowProblem`` records so that one sentence table words both), and the places each
value came from (``Locations``). ``table()`` finds a sheet by name (any case or width), maps its
header row and reports a missing required column once, not on every row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.domain.errors import RowProblem
from inspector.services.template_sheets_format import RowValues
from inspector.services.template_sheets_workbook import (
    Locations,
    Row,
    find_sheet,
    header_cells,
    merged_ranges,
    sheet_rows,
)


@dataclass
class Table:
    """One XLSForm sheet: header position and mapping, and the non-blank rows below it."""

    name: str
    header_row: int
    indexes: dict[str, int]
    headers: dict[str, str]
    rows: list[tuple[int, Row]]

    def column(self, key: str) -> str:
        return self.headers.get(key, key)


def map_header(cells: list[str], key_of: Callable[[str], str | None]) -> tuple[dict[str, int], dict[str, str]]:
    indexes: dict[str, int] = {}
    headers: dict[str, str] = {}
    for index, text in enumerate(cells):
        key = key_of(text) if text else None
        if key is not None and key not in indexes:
            indexes[key], headers[key] = index, text
    return indexes, headers


@dataclass
class SheetTables:
    workbook: Any
    path: Path
    where: Locations
    problems: list[RowProblem] = field(default_factory=list)
    mapped: list[RowProblem] = field(default_factory=list)
    skipped: list[RowProblem] = field(default_factory=list)
    unreadable: bool = False  # a sheet or column is missing: the body is too partial to judge

    def problem(self, sheet: str | None, row: int, column: str, code: str, /, **params: Any) -> None:
        self.problems.append(RowProblem(row, column, code, params, sheet=sheet))

    def note(self, sheet: str | None, row: int, column: str, code: str, /, **params: Any) -> None:
        """A summary line: what this row became."""
        self.mapped.append(RowProblem(row, column, code, params, sheet=sheet))

    def skip(self, sheet: str | None, row: int, column: str, code: str, /, **params: Any) -> None:
        """A summary line: this row was left out, and why."""
        self.skipped.append(RowProblem(row, column, code, params, sheet=sheet))

    def table(self, name: str, key_of: Callable[[str], str | None], required: tuple[str, ...], *,
              optional: bool = False) -> Table | None:
        """The sheet ``name`` as a table; None (and, unless ``optional``, a problem) when absent."""
        sheet = find_sheet(self.workbook, name)
        if sheet is None:
            if not optional:
                found = ", ".join(s.title for s in self.workbook.worksheets)
                self.problem(name, 0, "", "sheet_missing", sheet=name, found=found)
                self.unreadable = True
            return None
        rows = sheet_rows(sheet, self.path)
        filled = [(number, cells) for number, cells in enumerate(rows, start=1) if any(
            value is not None and str(value).strip() for value in cells)]
        if not filled:
            if not optional:
                self.problem(sheet.title, 0, "", "sheet_empty")
                self.unreadable = True
            return None
        header_row, header = filled[0][0], header_cells(filled[0][1])
        indexes, headers = map_header(header, key_of)
        for merge in merged_ranges(sheet, self.path):
            column = header[merge.min_col - 1] if merge.min_col <= len(header) else ""
            self.problem(sheet.title, merge.min_row, column or f"#{merge.min_col}", "merged_cells", range=merge.ref)
        missing = [key for key in required if key not in indexes]
        for key in missing:
            self.problem(sheet.title, header_row, key, "column_missing", expected=key)
        if missing:
            self.unreadable = True  # its rows would each repeat the same complaint
            return None
        return Table(sheet.title, header_row, indexes, headers, filled[1:])

    def values(self, table: Table, number: int, cells: Row) -> RowValues:
        return RowValues(table.name, number, cells, table.indexes, table.headers, self.problems)
