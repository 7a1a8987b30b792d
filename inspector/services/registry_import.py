"""Registry import from CSV and XLSX: read the table, map its header, validate every row through
the domain models, and insert the good rows in one transaction with one audit entry.

Rules decided here:
- a natural key (unit code, plate, 自编号, 工号, location code) already in the database is an
  error: an import never updates an existing record;
- a key repeated inside the file is an error on every later row, naming the first row with it
  (the first keeps its own verdict, so ``good_rows_only`` may import it and skip the copies);
- fully empty rows are skipped; a title row above the header is tolerated;
- without ``good_rows_only`` any problem rejects the whole file and nothing is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import pydantic

from inspector.domain.changes import ChangeSet
from inspector.domain.errors import ImportRejected, InspectorError, RowProblem
from inspector.domain.registry import DATA_MODELS, RegistryKind, Unit
from inspector.domain.text import SHOWN_VALUE
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.registry import ENTITIES, UNIQUE_COLUMNS, parse_data
from inspector.services.registry_columns import (
    ACTIVE_FROM,
    CHOICES,
    COLUMNS,
    RESPONSIBLE_REF,
    UNIT_REF,
    HeaderMap,
    Table,
    choice_labels,
    map_header,
    parse_choice,
    parse_day,
    read_table,
)
from inspector.storage import registry_repo

__all__ = ["ImportPreview", "ImportResult", "ImportRow", "RegistryImporter", "Table", "read_table"]


@dataclass(frozen=True)
class ImportRow:
    """One valid row: its spreadsheet number, the validated data model (UnitData…) and its first
    day in service when the file gives one (else the import's day)."""

    row: int
    data: Any
    active_from: date | None = None


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do: the good rows, every problem, and the counts."""

    kind: RegistryKind
    file: str
    sheet: str | None
    rows: list[ImportRow]
    problems: list[RowProblem]
    data_rows: int  # non-empty rows below the header
    empty_rows: int

    @property
    def good(self) -> int:
        return len(self.rows)

    @property
    def bad_rows(self) -> int:
        return self.data_rows - len(self.rows)


@dataclass(frozen=True)
class ImportResult:
    kind: RegistryKind
    file: str
    sheet: str | None
    imported: int
    ids: list[int]
    skipped: list[RowProblem] = field(default_factory=list)  # problems of the rows left out
    skipped_rows: int = 0
    empty_rows: int = 0


# --- checking rows ------------------------------------------------------------------------------
def _key_adapter(kind: RegistryKind, column: str) -> pydantic.TypeAdapter[Any]:
    """Validates one key column alone, so that duplicates are found even in otherwise bad rows."""
    info = DATA_MODELS[kind].model_fields[column]
    return pydantic.TypeAdapter(Annotated[info.annotation, *info.metadata])


KEY_ADAPTERS = {kind: {c: _key_adapter(kind, c) for c in columns} for kind, columns in UNIQUE_COLUMNS.items()}
# Model fields filled from an import-only reference column.
REFERENCE_FIELDS = {"unit_id": UNIT_REF, "responsible_staff_id": RESPONSIBLE_REF}


class _Units:
    """Units by code (exact, then ignoring case) and by name, retired ones included."""

    def __init__(self, units: list[Unit]) -> None:
        self.by_code = {unit.code: unit for unit in units}
        self.by_name: dict[str, list[Unit]] = defaultdict(list)
        self.by_folded_code: dict[str, list[Unit]] = defaultdict(list)
        for unit in units:
            self.by_name[unit.name].append(unit)
            self.by_folded_code[unit.code.casefold()].append(unit)

    def resolve(self, text: str) -> tuple[int | None, str, dict[str, Any]]:
        """(unit id, "", {}) or (None, problem code, params)."""
        if text in self.by_code:
            matches = [self.by_code[text]]
        else:
            matches = self.by_name.get(text) or self.by_folded_code.get(text.casefold()) or []
        if not matches:
            return None, "unit_not_found", {"value": text}
        if len(matches) > 1:
            return None, "unit_ambiguous", {"value": text, "codes": ", ".join(u.code for u in matches)}
        unit = matches[0]
        if not unit.active:
            return None, "unit_retired", {"value": text, "unit": unit.code}
        return unit.id, "", {}


class _Checker:
    """Validates the rows of one table against the domain and the database (read once)."""

    def __init__(self, ctx: ServiceContext, kind: RegistryKind, header: HeaderMap) -> None:
        self.kind = kind
        self.header = header
        self.required = {c.field for c in COLUMNS[kind] if c.required}
        db = ctx.db
        units = registry_repo.search(db, RegistryKind.UNITS, include_retired=True) if UNIT_REF in header.indexes else []
        self.units = _Units(units)
        self.staff_ids = registry_repo.existing_keys(db, RegistryKind.STAFF, "staff_no") \
            if RESPONSIBLE_REF in header.indexes else {}
        self.existing = {c: registry_repo.existing_keys(db, kind, c) for c in UNIQUE_COLUMNS[kind]}
        self.seen: dict[str, dict[str, int]] = {c: {} for c in UNIQUE_COLUMNS[kind]}

    def check(self, number: int, cells: Cells) -> tuple[Any, date | None, list[RowProblem]]:
        """(data model or None, first day in service if given, problems) for one non-empty row."""
        values: dict[str, Any] = {}
        since: date | None = None
        problems: list[RowProblem] = []

        def problem(field_name: str, code: str, **params: Any) -> None:
            problems.append(RowProblem(number, self.header.header_of(field_name), code, params))

        for name, index in self.header.indexes.items():
            text = cells[index] if index < len(cells) else None
            if text is None:
                if name in self.required and name in (UNIT_REF, *CHOICES):
                    problem(name, "required")
                elif name in self.required:
                    values[name] = ""  # the domain says "required" in its own words
            elif name == UNIT_REF:
                unit_id, code, params = self.units.resolve(text)
                if code:
                    problem(name, code, **params)
                values["unit_id"] = unit_id
            elif name == ACTIVE_FROM:
                since = parse_day(text)
                if since is None:
                    problem(name, "date_format", value=text[:SHOWN_VALUE])
            elif name == RESPONSIBLE_REF:
                if text in self.staff_ids:
                    values["responsible_staff_id"] = self.staff_ids[text]
                else:
                    problem(name, "staff_not_found", value=text)
            elif name in CHOICES:
                parsed = parse_choice(name, text)
                if parsed is None:
                    problem(name, "enum", value=text, expected=choice_labels(name))
                values[name] = parsed
            else:
                values[name] = text
        flagged = {p.column for p in problems}
        data = None
        try:
            data = parse_data(self.kind, values)
        except pydantic.ValidationError as error:
            for detail in error.errors():
                name = str(detail["loc"][0]) if detail["loc"] else ""
                column = self.header.header_of(REFERENCE_FIELDS.get(name, name))
                if column in flagged:
                    continue  # already explained (unknown unit, unknown role…)
                flagged.add(column)
                given = detail.get("input")
                params = {k: v for k, v in (detail.get("ctx") or {}).items() if isinstance(v, (str, int, float))}
                params["value"] = given[:SHOWN_VALUE] if isinstance(given, str) else ""  # not 10 MB in a message
                problems.append(RowProblem(number, column, detail["type"], params))
        self._check_keys(number, cells, problem)
        return (data if not problems else None), since, problems

    def _check_keys(self, number: int, cells: Cells, problem: Callable[..., None]) -> None:
        for column, adapter in KEY_ADAPTERS[self.kind].items():
            index = self.header.indexes[column]
            text = cells[index] if index < len(cells) else None
            try:
                key = adapter.validate_python(text or "")
            except pydantic.ValidationError:
                continue  # reported by the model check
            if key in self.existing[column]:
                problem(column, "duplicate_key", kind=self.kind.value, field=column, value=key)
            elif key in self.seen[column]:
                problem(column, "duplicate_in_file", value=key, other_row=self.seen[column][key])
            else:
                self.seen[column][key] = number


# --- the use case -------------------------------------------------------------------------------
class RegistryImporter:
    """Preview and run imports of units, vehicles, staff and locations (needs EDIT_REGISTRY)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def preview(self, actor: User, kind: RegistryKind, path: Path | str) -> ImportPreview:
        """Read and check ``path`` without writing anything."""
        require(actor, Permission.EDIT_REGISTRY)
        return self._check(kind, Path(path), read_table(path, kind))

    def run(
        self, actor: User, kind: RegistryKind, path: Path | str, *, good_rows_only: bool = False
    ) -> tuple[ImportResult, ChangeSet]:
        """Import the file. Any problem raises ``ImportRejected`` and writes nothing, unless
        ``good_rows_only``: then the good rows go in and the result lists what was skipped."""
        require(actor, Permission.EDIT_REGISTRY)
        path = Path(path)
        table = read_table(path, kind)
        with self.ctx.mutation():  # checked inside the write lock: no one adds a key meanwhile
            preview = self._check(kind, path, table)
            if preview.problems and (not good_rows_only or not preview.rows):
                raise ImportRejected(str(path), preview.problems, preview.sheet)
            now = self.ctx.now_text()
            today = self.ctx.clock().date()
            ids = [registry_repo.insert(self.ctx.db, kind, row.data.model_dump(mode="json"), now,
                                        row.active_from or today)
                   for row in preview.rows]
            self.ctx.record(actor, f"{kind.value}.import", ENTITIES[kind], None, after={
                "file": path.name, "sheet": preview.sheet, "imported": len(ids),
                "skipped_rows": preview.bad_rows, "ids": ids,
            })
        result = ImportResult(kind, str(path), preview.sheet, len(ids), ids, preview.problems,
                              preview.bad_rows, preview.empty_rows)
        return result, ChangeSet.of(ENTITIES[kind], *ids)

    def _check(self, kind: RegistryKind, path: Path, table: Table) -> ImportPreview:
        filled = [(number, cells) for number, cells in table.rows if any(cells)]
        if not table.header or not filled:
            raise InspectorError("file_empty", file=str(path), sheet=table.sheet or "")
        # Trailing blank rows are not worth counting (spreadsheets often carry hundreds).
        last = filled[-1][0]
        empty = sum(1 for number, cells in table.rows if number < last and not any(cells))
        header = map_header(kind, table.header, row=table.header_row)
        if header.problems:
            return ImportPreview(kind, str(path), table.sheet, [], header.problems, len(filled), empty)
        checker = _Checker(self.ctx, kind, header)
        good: list[ImportRow] = []
        problems: list[RowProblem] = []
        for number, cells in filled:
            data, since, row_problems = checker.check(number, cells)
            problems += row_problems
            if data is not None:
                good.append(ImportRow(number, data, since))
        return ImportPreview(kind, str(path), table.sheet, good, problems, len(filled), empty)
