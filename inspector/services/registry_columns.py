"""How registry import files are read: CSV (UTF-8, UTF-8 with BOM, GB18030) and XLSX sheets
as text cells, which header means which field (English field names and the Chinese headers an
office writes), which columns each kind requires, and the Chinese words accepted for unit kinds
(类型) and staff roles (岗位).

The importer (``registry_import``) turns what these functions find into row problems.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any

from inspector.domain.errors import InspectorError, RowProblem
from inspector.domain.registry import RegistryKind, StaffRole, UnitKind
from inspector.domain.text import NOTE_LIMIT
from inspector.storage.files import read_limited

# Import-only fields: references resolved by the importer into ``unit_id`` and
# ``responsible_staff_id`` (the file names a unit code/name and a 工号, never a database id).
UNIT_REF = "unit"
RESPONSIBLE_REF = "responsible"
# Import-only, optional on every kind: the first day in service (empty: the day of the import).
ACTIVE_FROM = "active_from"


@dataclass(frozen=True)
class Column:
    """One importable column: the field it fills, the header shown when it is missing."""

    field: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


def _active_from() -> Column:
    return Column(ACTIVE_FROM, "启用日期", ("active_from", "启用日期", "启用时间", "登记日期", "投入使用日期",
                                          "入职日期", "since"))


def _unit_ref(required: bool = True) -> Column:
    return Column(UNIT_REF, "所属单位", ("unit", "unit_code", "unit_name", "所属单位", "单位", "单位编码",
                                        "单位名称", "所属单位编码"), required)


COLUMNS: dict[RegistryKind, tuple[Column, ...]] = {
    RegistryKind.UNITS: (
        Column("code", "单位编码", ("code", "unit_code", "编码", "单位编码", "代码"), True),
        Column("name", "单位名称", ("name", "unit_name", "名称", "单位名称", "单位"), True),
        Column("kind", "类型", ("kind", "type", "类型", "单位类型", "类别")),
        Column("head_name", "负责人", ("head_name", "head", "负责人", "负责人姓名")),
        Column("head_phone", "联系电话", ("head_phone", "phone", "电话", "联系电话", "负责人电话")),
        _active_from(),
    ),
    RegistryKind.VEHICLES: (
        Column("plate", "车牌", ("plate", "plate_no", "车牌", "车牌号", "车牌号码"), True),
        Column("fleet_no", "自编号", ("fleet_no", "自编号", "车号", "车辆自编号"), True),
        Column("route", "线路", ("route", "线路", "线路号", "营运线路")),
        _unit_ref(),
        Column("model", "车型", ("model", "车型", "车辆型号")),
        _active_from(),
    ),
    RegistryKind.STAFF: (
        Column("staff_no", "工号", ("staff_no", "工号", "员工编号", "员工工号"), True),
        Column("name", "姓名", ("name", "姓名", "名字"), True),
        Column("role", "岗位", ("role", "岗位", "角色", "工种", "职务"), True),
        _unit_ref(),
        Column("phone", "电话", ("phone", "电话", "联系电话", "手机", "手机号")),
        _active_from(),
    ),
    RegistryKind.LOCATIONS: (
        Column("code", "位置编码", ("code", "location_code", "编码", "位置编码", "点位编码"), True),
        Column("name", "位置名称", ("name", "location_name", "名称", "位置名称", "点位名称"), True),
        _unit_ref(),
        Column(RESPONSIBLE_REF, "责任人工号", ("responsible", "responsible_staff", "responsible_staff_no",
                                              "责任人", "责任人工号")),
        Column("area", "区域", ("area", "区域", "区域类型")),
        _active_from(),
    ),
}

# A workbook sheet named after the kind is read instead of the first sheet.
SHEET_NAMES: dict[RegistryKind, tuple[str, ...]] = {
    RegistryKind.UNITS: ("units", "单位"),
    RegistryKind.VEHICLES: ("vehicles", "车辆"),
    RegistryKind.STAFF: ("staff", "人员", "员工"),
    RegistryKind.LOCATIONS: ("locations", "位置", "点位"),
}

UNIT_KIND_WORDS: dict[str, UnitKind] = {
    "总站": UnitKind.DEPOT, "车队": UnitKind.DEPOT, "分公司": UnitKind.DEPOT,
    "外委单位": UnitKind.CONTRACTOR, "外委": UnitKind.CONTRACTOR, "外包单位": UnitKind.CONTRACTOR,
    "职能部门": UnitKind.DEPARTMENT, "部门": UnitKind.DEPARTMENT,
    "物业项目": UnitKind.SITE, "项目": UnitKind.SITE, "服务大厅": UnitKind.SITE,
}
STAFF_ROLE_WORDS: dict[str, StaffRole] = {
    "驾驶员": StaffRole.DRIVER, "司机": StaffRole.DRIVER,
    "乘务员": StaffRole.CONDUCTOR, "售票员": StaffRole.CONDUCTOR,
    "保安": StaffRole.GUARD, "保安员": StaffRole.GUARD, "门卫": StaffRole.GUARD,
    "监控值守": StaffRole.CCTV_OPERATOR, "监控员": StaffRole.CCTV_OPERATOR,
    "保洁": StaffRole.CLEANER, "保洁员": StaffRole.CLEANER,
    "接待": StaffRole.RECEPTIONIST, "前台": StaffRole.RECEPTIONIST, "收发": StaffRole.RECEPTIONIST,
    "会议服务": StaffRole.RECEPTIONIST,
    "维修": StaffRole.MAINTENANCE, "维修工": StaffRole.MAINTENANCE,
    "站务": StaffRole.STATION_STAFF, "站务员": StaffRole.STATION_STAFF, "调度": StaffRole.STATION_STAFF,
    "调度员": StaffRole.STATION_STAFF,
    "管理人员": StaffRole.MANAGER, "管理员": StaffRole.MANAGER,
}
CHOICES: dict[str, Mapping[str, StrEnum]] = {"kind": UNIT_KIND_WORDS, "role": STAFF_ROLE_WORDS}

_IGNORED = re.compile(r"[\s_\-*.:]+")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】")


def normalize_header(text: str) -> str:
    """``" 车牌号（必填）* "`` → ``车牌号``; ``"Fleet No"`` → ``fleetno`` (width, case, marks)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _IGNORED.sub("", _BRACKETED.sub("", folded))


_LOOKUP: dict[RegistryKind, dict[str, Column]] = {
    kind: {normalize_header(alias): column for column in columns for alias in (column.field, *column.aliases)}
    for kind, columns in COLUMNS.items()
}


@dataclass(frozen=True)
class HeaderMap:
    """Where each field is in the file (column index) and the header text the file uses for it."""

    indexes: dict[str, int]
    headers: dict[str, str]
    problems: list[RowProblem]

    def header_of(self, field: str) -> str:
        return self.headers.get(field, field)


def map_header(kind: RegistryKind, header: list[str | None], *, row: int = 1) -> HeaderMap:
    """Match header cells to fields. Unknown columns are ignored, but listed as ``column_unknown``
    when a required column is missing (the unknown one is probably its misspelling). When two
    headers name one field (单位编码 and 单位名称 both name the unit), the first one is read."""
    indexes: dict[str, int] = {}
    headers: dict[str, str] = {}
    unknown: list[str] = []
    problems: list[RowProblem] = []
    for index, cell in enumerate(header):
        text = (cell or "").strip()
        if not text:
            continue
        column = _LOOKUP[kind].get(normalize_header(text))
        if column is None:
            unknown.append(text)
        elif column.field not in indexes:
            indexes[column.field] = index
            headers[column.field] = text
    missing = [c for c in COLUMNS[kind] if c.required and c.field not in indexes]
    for column in missing:
        problems.append(RowProblem(row, column.label, "column_missing",
                                   {"expected": ", ".join(accepted_headers(column))}))
    if missing:
        expected = ", ".join(c.label for c in COLUMNS[kind])
        problems += [RowProblem(row, text, "column_unknown", {"expected": expected}) for text in unknown]
    return HeaderMap(indexes, headers, problems)


def accepted_headers(column: Column) -> list[str]:
    """The headers that name ``column``, Chinese first (for messages)."""
    names = [column.label, *column.aliases, column.field]
    chinese = [n for n in names if not n.isascii()]
    english = [n for n in names if n.isascii()]
    return list(dict.fromkeys(chinese + english))


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")


def parse_day(text: str) -> date | None:
    """``2026-12-06``, ``2026/12/6``, ``2026.12.06``, ``2026年12月6日`` (a time after it is ignored)
    → the date; None when it is not a date."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def parse_choice(field: str, text: str) -> str | None:
    """The enum value for a Chinese word or an enum value (any case) in ``field``; None if unknown."""
    words = CHOICES[field]
    folded = normalize_header(text)
    for word, value in words.items():
        if normalize_header(word) == folded:
            return value.value
    for value in set(words.values()):
        if normalize_header(value.value) == folded:
            return value.value
    return None


def choice_labels(field: str) -> str:
    """``总站, 外委单位 … (or depot, contractor …)`` for an ``enum`` problem."""
    words = CHOICES[field]
    first_word: dict[str, str] = {}
    for word, value in words.items():
        first_word.setdefault(value.value, word)
    return ", ".join(first_word.values()) + " (or " + ", ".join(first_word) + ")"


# --- reading files ------------------------------------------------------------------------------
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xls")  # .xls: Excel 97–2003, read with xlrd (services.xls_book)
# A registry of 10 000 rows is a few MB; a larger file is refused before it is read.
IMPORT_FILE_LIMIT = 50 * 1024 * 1024
# The CSV reader stops at a cell this long: far above any name or note (the rows are then judged
# by the text rules), far below what would take the machine's memory.
CSV_CELL_LIMIT = 8 * NOTE_LIMIT
HEADER_SEARCH_ROWS = 10  # a title row or two ("2025年车辆台账") may sit above the header

Cells = list[str | None]


@dataclass(frozen=True)
class Table:
    """A sheet as text cells: the header row and the data rows with their spreadsheet numbers."""

    sheet: str | None
    header: Cells
    header_row: int
    rows: list[tuple[int, Cells]]


def _cell_text(value: Any) -> str | None:
    """Every cell as stripped text (None when blank): 12.0 → "12", a date → "2025-03-01"."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    elif isinstance(value, (date, time)):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.strip()
    return text or None


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Chinese Excel's "CSV")."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _csv_rows(path: Path) -> list[Cells]:
    try:
        text = _decode(read_limited(path, IMPORT_FILE_LIMIT))
    except UnicodeDecodeError:
        raise InspectorError("file_unreadable", file=str(path), reason="text is neither UTF-8 nor GB18030") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Cells] = []
    limit = csv.field_size_limit(CSV_CELL_LIMIT)
    try:
        for row in reader:
            for value in row:
                if len(value) > CSV_CELL_LIMIT - 1:  # one under the reader's limit: stop here too
                    raise InspectorError("cell_too_long", file=str(path), row=reader.line_num, limit=CSV_CELL_LIMIT)
            rows.append([_cell_text(v) for v in row])
    except csv.Error as error:
        if "field larger than field limit" in str(error):  # a cell of megabytes (or an unclosed quote)
            raise InspectorError("cell_too_long", file=str(path), row=reader.line_num,
                                 limit=CSV_CELL_LIMIT) from None
        raise InspectorError("file_unreadable", file=str(path), reason=str(error)) from None
    finally:
        csv.field_size_limit(limit)
    return rows


def _pick_sheet(workbook: Any, kind: RegistryKind | None) -> Any:
    if kind is not None:
        wanted = {normalize_header(name) for name in SHEET_NAMES[kind]}
        for sheet in workbook.worksheets:
            if normalize_header(sheet.title) in wanted:
                return sheet
    return workbook.worksheets[0]


def _xls_rows(path: Path, kind: RegistryKind | None) -> tuple[str, list[Cells]]:
    """An Excel 97–2003 workbook's rows (formula cells as their cached values)."""
    from inspector.services.xls_book import XlsRefused, open_xls

    try:
        workbook = open_xls(path)
    except XlsRefused as refused:
        reason = "the workbook is protected by a password" if refused.code == "xls_encrypted" else \
            "not a valid .xls workbook"
        raise InspectorError("file_unreadable", file=str(path), reason=reason) from None
    sheet = _pick_sheet(workbook, kind)
    return sheet.title, [[_cell_text(v) for v in values] for values in sheet.rows]


def _xlsx_rows(path: Path, kind: RegistryKind | None) -> tuple[str, list[Cells]]:
    from inspector.services.xls_book import OLE_SIGNATURE

    with path.open("rb") as handle:
        if handle.read(len(OLE_SIGNATURE)) == OLE_SIGNATURE:  # an .xls, whatever its name says
            return _xls_rows(path, kind)
        handle.seek(0)
        return _openpyxl_rows(handle, path, kind)  # a handle: openpyxl judges a path by its suffix


def _openpyxl_rows(handle: Any, path: Path, kind: RegistryKind | None) -> tuple[str, list[Cells]]:
    import openpyxl  # imported here: ~100 ms that the app's start-up should not pay
    from openpyxl.utils.exceptions import InvalidFileException

    # openpyxl raises many types on damaged or foreign files; each one means "cannot read this".
    damaged = (zipfile.BadZipFile, InvalidFileException, KeyError, IndexError, ValueError, TypeError,
               SyntaxError, EOFError)
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except damaged:
        raise InspectorError("file_unreadable", file=str(path), reason="not a valid .xlsx workbook") from None
    try:
        sheet = _pick_sheet(workbook, kind)
        sheet.reset_dimensions()  # some writers store a wrong size; read what is really there
        # iter_rows yields absent rows as empty ones, so list index + 1 is the row number
        return sheet.title, [[_cell_text(v) for v in values] for values in sheet.iter_rows(values_only=True)]
    except damaged:
        raise InspectorError("file_unreadable", file=str(path), reason="the workbook is damaged") from None
    finally:
        workbook.close()


def _header_index(rows: list[Cells], kind: RegistryKind | None) -> int | None:
    """The first non-empty row, or (knowing the kind) the top row naming the most columns."""
    filled = [i for i, cells in enumerate(rows) if any(cells)][:HEADER_SEARCH_ROWS]
    if not filled:
        return None
    if kind is None:
        return filled[0]
    # max() keeps the earliest of equal rows, so a header that names nothing stays the first row
    return max(filled, key=lambda index: len(map_header(kind, rows[index]).indexes))


def read_table(path: Path | str, kind: RegistryKind | None = None) -> Table:
    """Read a .csv, .xlsx, .xlsm or .xls file (for ``kind``: its sheet if one is named after it, e.g. 车辆).

    Raises ``InspectorError`` ``file_missing``, ``unsupported_format`` or ``file_unreadable``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise InspectorError("unsupported_format", file=str(path), suffix=suffix or "(none)",
                             expected=", ".join(CSV_SUFFIXES[:1] + XLSX_SUFFIXES[:1]))
    if not path.exists():
        raise InspectorError("file_missing", file=str(path))
    try:
        if suffix in XLSX_SUFFIXES and path.is_file() and path.stat().st_size > IMPORT_FILE_LIMIT:
            raise InspectorError("file_too_large", file=str(path))  # worded below
        sheet, rows = (None, _csv_rows(path)) if suffix in CSV_SUFFIXES else _xlsx_rows(path, kind)
    except InspectorError as error:
        if error.code != "file_too_large":
            raise
        raise InspectorError("import_file_too_large", file=str(path),
                             size_mb=round(path.stat().st_size / 2**20), limit_mb=IMPORT_FILE_LIMIT // 2**20) from None
    except OSError as error:
        raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None
    index = _header_index(rows, kind)
    if index is None:
        return Table(sheet, [], 1, [])
    data = [(number, rows[number - 1]) for number in range(index + 2, len(rows) + 1)]
    return Table(sheet, rows[index], index + 1, data)
