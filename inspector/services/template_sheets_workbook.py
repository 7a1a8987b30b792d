"""Opening a template workbook safely and reading its sheets as plain rows.

- **What the file is** is decided from its first bytes, not its name: an ``.xlsx`` / ``.xlsm``
  (a zip with ``xl/`` parts; an ``.xlsm``'s macros are never run, and ``Book.macros`` says it had
  some) is read by openpyxl, an Excel 97–2003 ``.xls`` (an OLE container) by xlrd
  (``xls_book``); an empty file, a PDF, a password-protected workbook, a zip that holds no
  workbook, text such as a CSV renamed ``.xlsx``, or anything else each give one specific
  problem instead of a traceback. Formula cells are read as their cached values, never evaluated.
- **Rows** are read with openpyxl's read-only mode (fast, little memory for a 10 000-row sheet).
- **Merged cells**: read-only mode cannot see merges, and loading the workbook a second time in
  normal mode costs seconds on big sheets. The merges are listed in the sheet's XML part after
  the cell data (``<mergeCell ref="A3:A7"/>``), so we scan that part's bytes: milliseconds.
- **Domain problems** (``validate_template``) are mapped back onto the sheet, row and column the
  reader took each value from.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.domain.errors import ImportRejected, InspectorError, RowProblem
from inspector.domain.templates import TemplateBody, validate_template
from inspector.services.template_sheets_format import cell_text, fold
from inspector.services.xls_book import OLE_SIGNATURE, XlsRefused, XlsSheet, open_xls

Row = tuple[Any, ...]

FORMAT_XLSX, FORMAT_XLS = "xlsx", "xls"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _file_problem(path: Path, code: str) -> ImportRejected:
    return ImportRejected(str(path), [RowProblem(0, "", code, {"file": path.name})])


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4:  # a character cut by the sample's end
                return True
    return False


def _sniff(path: Path) -> tuple[str, bool]:
    """(FORMAT_XLSX or FORMAT_XLS, whether it holds macros); refuse what is plainly not a workbook."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        raise InspectorError("file_missing", file=str(path)) from None
    except OSError as error:
        raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None
    if not head:
        raise _file_problem(path, "xlsx_empty_file")
    if head.startswith(b"%PDF"):
        raise _file_problem(path, "xlsx_is_pdf")
    if head.startswith(OLE_SIGNATURE):
        return FORMAT_XLS, False
    if head.startswith(_ZIP):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise _file_problem(path, "xlsx_damaged") from None
        if not any(name.startswith("xl/") for name in names):  # a .docx, a plain .zip…
            raise _file_problem(path, "xlsx_not_workbook")
        return FORMAT_XLSX, "xl/vbaProject.bin" in names
    raise _file_problem(path, "xlsx_is_text" if _looks_like_text(head) else "xlsx_unknown")


@dataclass
class Book:
    """An open workbook of either format: its sheets (openpyxl read-only ones or ``XlsSheet``)."""

    worksheets: list[Any]
    format: str
    macros: bool = False  # an .xlsm's VBA project, ignored


@contextmanager
def open_workbook(path: Path) -> Iterator[Book]:
    """The workbook at ``path`` (read-only); ``ImportRejected`` with one problem if it is not one."""
    kind, macros = _sniff(path)
    if kind == FORMAT_XLS:
        try:
            book = open_xls(path)
        except XlsRefused as refused:
            raise _file_problem(path, refused.code) from None
        except OSError as error:
            raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None
        yield Book(list(book.worksheets), FORMAT_XLS)
        return
    import openpyxl  # imported here: ~100 ms that the app's start-up should not pay
    from openpyxl.utils.exceptions import InvalidFileException

    damaged = (zipfile.BadZipFile, InvalidFileException, KeyError, IndexError, ValueError, TypeError,
               SyntaxError, EOFError, AttributeError)
    try:
        handle = path.open("rb")  # openpyxl judges a path by its suffix; a handle takes any name
    except OSError as error:
        raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None
    with handle:
        try:
            with warnings.catch_warnings():  # "extension not supported" notes about parts we never read
                warnings.simplefilter("ignore")
                workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True, keep_vba=False)
        except damaged:
            raise _file_problem(path, "xlsx_damaged") from None
        except OSError as error:
            raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None
        try:
            yield Book(list(workbook.worksheets), FORMAT_XLSX, macros)
        finally:
            workbook.close()


def find_sheet(workbook: Any, name: str) -> Any | None:
    """The worksheet called ``name`` (ignoring case and width), or None."""
    wanted = fold(name)
    return next((sheet for sheet in workbook.worksheets if fold(sheet.title) == wanted), None)


def sheet_rows(sheet: Any, path: Path, *, limit: int | None = None) -> list[Row]:
    """Every row of ``sheet`` (index + 1 = the row number), or the first ``limit`` rows."""
    if isinstance(sheet, XlsSheet):
        return list(sheet.rows[:limit])
    try:
        sheet.reset_dimensions()  # some writers store a wrong size; read what is really there
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return list(sheet.iter_rows(max_row=limit, values_only=True))
    except (zipfile.BadZipFile, KeyError, IndexError, ValueError, TypeError, SyntaxError, EOFError):
        raise _file_problem(path, "xlsx_damaged") from None


@dataclass(frozen=True)
class Merge:
    """One merged range: its text (``A3:A7``), first and last row, first and last column (1-based)."""

    ref: str
    min_row: int
    min_col: int
    max_row: int
    max_col: int


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def _letters(column: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def merged_ranges(sheet: Any, path: Path) -> list[Merge]:
    """The merged ranges of a read-only worksheet, from its XML part (see the module docstring)."""
    if isinstance(sheet, XlsSheet):
        return [Merge(f"{_letters(c1)}{r1}:{_letters(c2)}{r2}", r1, c1, r2, c2) for r1, c1, r2, c2 in sheet.merges]
    part = getattr(sheet, "_worksheet_path", None)
    if part is None:  # not a read-only sheet from openpyxl 3.1: ask a normal load instead
        import openpyxl

        full = openpyxl.load_workbook(path)[sheet.title]
        return [Merge(str(r), r.min_row, r.min_col, r.max_row, r.max_col) for r in full.merged_cells.ranges]
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        raise _file_problem(path, "xlsx_damaged") from None
    merges = []
    for first_col, first_row, last_col, last_row in _MERGE.findall(data):
        last_col, last_row = last_col or first_col, last_row or first_row
        ref = f"{first_col.decode()}{int(first_row)}:{last_col.decode()}{int(last_row)}"
        merges.append(Merge(ref, int(first_row), _column_number(first_col), int(last_row), _column_number(last_col)))
    return merges


def header_cells(row: Row) -> list[str]:
    return [cell_text(value) for value in row]


# --- domain problems back onto the sheet -----------------------------------------------------------
@dataclass
class Locations:
    """Where a reader took each value from, to place ``validate_template`` problems on cells.

    ``columns`` maps a body field (code, text, title, threshold, deduct, weight, critical, role,
    deduct_cap) to the header of ``sheet`` holding it; ``template_sheet``/``template_row`` and
    ``template_columns`` (code, title, base_score) place template-level problems.
    """

    sheet: str
    columns: dict[str, str] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)
    sections: dict[str, int] = field(default_factory=dict)
    template_sheet: str | None = None
    template_row: int = 0
    template_columns: dict[str, str] = field(default_factory=dict)


# The readers report duplicates themselves, naming the row that first used the code.
_READER_CHECKED = {"duplicate_section_code", "duplicate_item_code"}
_SECTION_CODES = {"section_title_empty", "section_too_deep", "roles_on_non_staff_template", "deduct_cap_out_of_range"}
# problem code → the body field whose cell it concerns (codes not listed name the row only)
_FIELD_OF = {
    "template_code_format": "code", "template_title_empty": "title", "base_score_out_of_range": "base_score",
    "item_code_format": "code", "item_text_empty": "text", "numeric_without_threshold": "threshold",
    "threshold_on_non_numeric": "threshold", "veto_on_text_item": "critical", "negative_deduction": "deduct",
    "deduction_exceeds_base": "deduct", "negative_weight": "weight", "section_title_empty": "title",
    "section_too_deep": "code", "roles_on_non_staff_template": "role", "deduct_cap_out_of_range": "deduct_cap",
}

# a text rule's field (domain.text) → the body field whose cell holds it
_TEXT_COLUMN_OF = {"title_zh": "title", "text_zh": "text"}


def domain_problems(body: TemplateBody, where: Locations) -> list[RowProblem]:
    """``validate_template(body)`` as row problems at the cells the values came from."""
    found = []
    for problem in validate_template(body):
        if problem.code in _READER_CHECKED:
            continue
        name = _FIELD_OF.get(problem.code, "") or _TEXT_COLUMN_OF.get(problem.field, "")
        template_level = problem.code.startswith(("template_code", "template_title", "base_score"))
        of_section = problem.code in _SECTION_CODES or (
            bool(problem.field) and problem.where in where.sections and problem.where not in where.items)
        rows = where.sections if of_section else where.items
        if not template_level and problem.where in rows:
            sheet, row, column = where.sheet, rows[problem.where], where.columns.get(name, "")
        elif template_level:
            sheet, row = where.template_sheet, where.template_row
            column = where.template_columns.get(name, "") if row else ""
        elif not problem.where:
            continue  # an empty name: the reader reported it as a missing value
        else:  # template_without_items, or a code the reader never saw
            sheet, row, column = where.sheet, 0, ""
        params: dict[str, str | int] = {"value": problem.where}
        if problem.field:  # a text rule (domain.text): which text, its limit, the character refused
            params.update(field=problem.field, limit=problem.limit, character=problem.detail)
        found.append(RowProblem(row, column, problem.code, params, sheet=sheet))
    return found


def merge_problems(first: list[RowProblem], more: list[RowProblem]) -> list[RowProblem]:
    """``first`` plus those of ``more`` at a cell ``first`` has not already explained."""
    taken = {(p.sheet, p.row, p.column) for p in first}
    return first + [p for p in more if (p.sheet, p.row, p.column) not in taken]
