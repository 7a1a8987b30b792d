"""A hundred broken template files: each is refused through ``TemplateTransferService`` with the
specific problem at its sheet, row and column, and the database is left exactly as it was.

Every variant starts from one sound workbook (written by ``write_template_xlsx``) or one sound
office sheet and breaks one thing. The sound survey sheet is laid out as:

    row 1 header · 2 begin group B1-1 · 3–5 items B1-1.1–1.3 · 6 end group
    7 begin group B1-2 · 8 item B1-2.1 · 9 decimal B1-2.2 (threshold 1.6) · 10 text B1-2.3 · 11 end group
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inspector.context import AppContext
from inspector.domain.errors import ImportRejected, RowProblem
from inspector.domain.templates import (
    ResponseType,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)
from inspector.domain.users import Role, User
from inspector.words.messages import ROW_TEMPLATES, describe_problem
from inspector.services.template_sheets_write import write_template_xlsx
from tests.services.xlsform_forms import ole_container

LABEL = "label::中文 (zh)"
Mutation = Callable[[Any], None]


def base_body() -> TemplateBody:
    def items(section: int) -> tuple[TemplateItem, ...]:
        return tuple(TemplateItem(code=f"B1-{section}.{n}", text_zh=f"项目{section}.{n}", deduct=2) for n in (1, 2, 3))

    second = items(2)
    second = (second[0], second[1].model_copy(update={"response": ResponseType.NUMERIC, "threshold": 1.6}),
              second[2].model_copy(update={"response": ResponseType.TEXT}))
    return TemplateBody(code="B1", title_zh="测试模板", subject=SubjectKind.VEHICLE, sections=(
        TemplateSection(code="B1-1", title_zh="第一部分", deduct_cap=10, items=items(1)),
        TemplateSection(code="B1-2", title_zh="第二部分", items=second)))


# --- helpers that break a workbook --------------------------------------------------------------
def _column(sheet: Any, header: str) -> int:
    return [cell.value for cell in sheet[1]].index(header) + 1


def put(sheet_name: str, row: int, header: str, value: Any) -> Mutation:
    def mutate(workbook: Any) -> None:
        sheet = workbook[sheet_name]
        sheet.cell(row=row, column=_column(sheet, header)).value = value  # cell(value=None) would keep the old one
    return mutate


def drop_sheet(name: str) -> Mutation:
    return lambda workbook: workbook.remove(workbook[name])


def drop_column(sheet_name: str, *headers: str) -> Mutation:
    def mutate(workbook: Any) -> None:
        sheet = workbook[sheet_name]
        for header in headers:
            sheet.delete_cols(_column(sheet, header))
    return mutate


def drop_row(sheet_name: str, row: int) -> Mutation:
    return lambda workbook: workbook[sheet_name].delete_rows(row)


def insert_row(sheet_name: str, row: int, values: dict[str, Any]) -> Mutation:
    def mutate(workbook: Any) -> None:
        sheet = workbook[sheet_name]
        sheet.insert_rows(row)
        for header, value in values.items():
            sheet.cell(row=row, column=_column(sheet, header), value=value)
    return mutate


def merge(sheet_name: str, cells: str) -> Mutation:
    return lambda workbook: workbook[sheet_name].merge_cells(cells)


def both(*mutations: Mutation) -> Mutation:
    def mutate(workbook: Any) -> None:
        for mutation in mutations:
            mutation(workbook)
    return mutate


# --- helpers that write something that is not a workbook ----------------------------------------
def raw(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def junk_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("secret.bin", os.urandom(200))


def docx_like(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")


def truncated(path: Path) -> None:
    write_template_xlsx(base_body(), path)
    path.write_bytes(path.read_bytes()[:700])


def broken_workbook_xml(path: Path) -> None:
    write_template_xlsx(base_body(), path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            target.writestr(name, b"<workbook>not xml" if name == "xl/workbook.xml" else source.read(name))
    path.write_bytes(buffer.getvalue())


FILES: list[tuple[str, Callable[[Path], None], str]] = [
    ("csv renamed .xlsx", raw("分类,检查项目,扣分\n车身,车身清洁,2\n".encode()), "xlsx_is_text"),
    ("gb18030 csv", raw("分类,检查项目,扣分\n车身,车身清洁,2\n".encode("gb18030")), "xlsx_is_text"),
    ("html saved as xlsx", raw(b"<html><body><table><tr><td>1</td></tr></table></body></html>"), "xlsx_is_text"),
    ("pdf", raw(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"), "xlsx_is_pdf"),
    ("random bytes", raw(bytes(range(256)) * 8), "xlsx_unknown"),
    ("zero bytes", raw(b""), "xlsx_empty_file"),
    ("an OLE header and nothing else", raw(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504), "xlsx_damaged"),
    ("a password-protected xlsx", raw(ole_container("EncryptedPackage")), "xls_encrypted"),
    ("a Word .doc", raw(ole_container("WordDocument")), "xls_not_workbook"),
    ("password-protected junk zip", junk_zip, "xlsx_not_workbook"),
    ("a .docx", docx_like, "xlsx_not_workbook"),
    ("truncated xlsx", truncated, "xlsx_damaged"),
    ("workbook.xml is not xml", broken_workbook_xml, "xlsx_damaged"),
]

S, C, T = "survey", "choices", "settings"
# (id, mutation, code, sheet, row, column)
XLSFORM: list[tuple[str, Mutation, str, str | None, int, str]] = [
    # sheets and columns
    ("no choices sheet", drop_sheet(C), "sheet_missing", C, 0, ""),
    ("no survey sheet", drop_sheet(S), "layout_unknown", None, 0, ""),
    ("empty survey sheet", lambda wb: wb[S].delete_rows(1, 20), "sheet_empty", S, 0, ""),
    ("no type column", drop_column(S, "type"), "column_missing", S, 1, "type"),
    ("no name column", drop_column(S, "name"), "column_missing", S, 1, "name"),
    ("no label columns", drop_column(S, LABEL, "label::English (en)"), "column_missing", S, 1, "label"),
    ("no list_name column", drop_column(C, "list_name"), "column_missing", C, 1, "list_name"),
    ("no choice name column", drop_column(C, "name"), "column_missing", C, 1, "name"),
    # types
    # (geopoint, date, image, select_multiple… are XLSForm types: skipped and listed, tests/services/test_xlsform_import.py)
    *[(f"type {value}", put(S, 4, "type", value), "type_unknown", S, 4, "type") for value in (
        "geopoint3d", "select_one", "select_one a b", "checkbox", "begin section", "multiple choice")],
    ("select_multiple of an unknown list", put(S, 4, "type", "select_multiple colours"), "choice_list_missing",
     S, 4, "type"),
    ("end repeat closing a group", put(S, 6, "type", "end repeat"), "group_end_mismatch", S, 6, "type"),
    ("end group closing a repeat", put(S, 2, "type", "begin repeat"), "group_end_mismatch", S, 6, "type"),
    ("select_one naming two lists", put(S, 4, "type", "select_one pass_fail extra"), "type_unknown", S, 4, "type"),
    ("row with a name but no type", put(S, 4, "type", None), "required", S, 4, "type"),
    # structure
    ("unclosed group", drop_row(S, 11), "group_unclosed", S, 7, "type"),
    ("end group without begin", insert_row(S, 2, {"type": "end group"}), "group_end_without_begin", S, 2, "type"),
    ("duplicate item code", put(S, 4, "name", "B1-1.1"), "duplicate_item_code", S, 4, "name"),
    ("duplicate section code", put(S, 7, "name", "B1-1"), "duplicate_section_code", S, 7, "name"),
    ("duplicate group name", both(put(S, 7, "name", "B1-1"), put(S, 8, "name", "B1-1.1")), "duplicate_section_code",
     S, 7, "name"),
    ("empty item name", put(S, 4, "name", None), "required", S, 4, "name"),
    ("empty section name", put(S, 7, "name", "  "), "required", S, 7, "name"),
    ("a space in a name", put(S, 4, "name", "B1 1.2"), "name_invalid", S, 4, "name"),
    ("a name starting with a digit", put(S, 4, "name", "1.2"), "name_invalid", S, 4, "name"),
    ("a group name starting with a digit", put(S, 7, "name", "2"), "name_invalid", S, 7, "name"),
    ("our code column holding no code", put(S, 4, "code", "B1 x"), "item_code_format", S, 4, "code"),
    ("empty item label", put(S, 4, LABEL, None), "item_text_empty", S, 4, LABEL),
    ("blank item label", put(S, 5, LABEL, "   "), "item_text_empty", S, 5, LABEL),
    ("decimal without threshold", put(S, 9, "threshold", None), "numeric_without_threshold", S, 9, "threshold"),
    # numbers
    *[(f"text in {column}", put(S, row, column, "两分"), "float_parsing", S, row, column)
      for column, row in (("deduct", 3), ("weight", 3), ("deduct_cap", 2), ("threshold", 9))],
    *[(f"text in {column}", put(S, 3, column, "三"), "int_parsing", S, 3, column)
      for column in ("photo_required", "action_days")],
    ("fraction in action_days", put(S, 3, "action_days", 2.5), "int_parsing", S, 3, "action_days"),
    ("fraction in photo_required", put(S, 3, "photo_required", "1.5"), "int_parsing", S, 3, "photo_required"),
    ("nan deduct", put(S, 3, "deduct", "nan"), "float_parsing", S, 3, "deduct"),
    ("infinite weight", put(S, 3, "weight", "inf"), "float_parsing", S, 3, "weight"),
    ("text in base_score", put(T, 2, "base_score", "满分"), "float_parsing", T, 2, "base_score"),
    ("text in choice score", put(C, 2, "score", "high"), "float_parsing", C, 2, "score"),
    *[(f"negative {column}", put(S, row, column, -1), "number_too_small", S, row, column)
      for column, row in (("deduct", 3), ("weight", 4), ("deduct_cap", 2), ("photo_required", 5))],
    ("zero action_days", put(S, 3, "action_days", 0), "number_too_small", S, 3, "action_days"),
    ("negative base_score", put(T, 2, "base_score", -10), "number_too_small", T, 2, "base_score"),
    # words
    ("bad severity", put(S, 3, "severity", "critical"), "enum", S, 3, "severity"),
    ("bad origin", put(S, 3, "origin", "made up"), "enum", S, 3, "origin"),
    ("bad role", put(S, 2, "role", "driver pilot"), "enum", S, 2, "role"),
    ("bad subject", put(T, 2, "subject", "bus"), "enum", T, 2, "subject"),
    ("bad scheme", put(T, 2, "scheme", "percent"), "enum", T, 2, "scheme"),
    ("bad critical", put(S, 3, "critical", "maybe"), "yes_no_expected", S, 3, "critical"),
    ("bad covert", put(S, 4, "covert", "sometimes"), "yes_no_expected", S, 4, "covert"),
    ("bad choice flag", put(C, 3, "flag", "perhaps"), "yes_no_expected", C, 3, "flag"),
    ("photo_required as a word", put(S, 3, "photo_required", "some"), "int_parsing", S, 3, "photo_required"),
    # columns on the wrong rows
    ("deduct_cap on an item", put(S, 3, "deduct_cap", 5), "column_for_groups", S, 3, "deduct_cap"),
    ("role on an item", put(S, 3, "role", "driver"), "column_for_groups", S, 3, "role"),
    ("deduct on a group", put(S, 2, "deduct", 3), "column_for_items", S, 2, "deduct"),
    ("severity on a group", put(S, 7, "severity", "serious"), "column_for_items", S, 7, "severity"),
    # settings
    ("bad effective_month", put(T, 2, "effective_month", "2025-13"), "month_format", T, 2, "effective_month"),
    ("effective_month as words", put(T, 2, "effective_month", "七月"), "month_format", T, 2, "effective_month"),
    # choices
    ("select_one of an unknown list", put(S, 3, "type", "select_one yes_no"), "choice_list_missing", S, 3, "type"),
    ("a choice without a name", put(C, 3, "name", None), "required", C, 3, "name"),
    ("a choice without its list", put(C, 3, "list_name", None), "required", C, 3, "list_name"),
    ("choices list renamed", both(put(C, 2, "list_name", "pf"), put(C, 3, "list_name", "pf"),
                                  put(C, 4, "list_name", "pf")), "choice_list_missing", S, 3, "type"),
    ("duplicate choice", put(C, 4, "name", "pass"), "duplicate_in_file", C, 4, "name"),
    # merged cells
    ("merged names", merge(S, "B3:B4"), "merged_cells", S, 3, "name"),
    ("merged labels across columns", merge(S, "C4:D4"), "merged_cells", S, 4, LABEL),
    ("merged settings", merge(T, "A2:B2"), "merged_cells", T, 2, "form_title"),
    ("merged choices", merge(C, "A2:A4"), "merged_cells", C, 2, "list_name"),
]


def _office(rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "检查表"
        for row in rows:
            sheet.append(row)
        for cells in merges:
            sheet.merge_cells(cells)
        workbook.save(path)
    return write


HEADER = ["分类", "检查项目", "检查标准", "扣分", "严重程度", "一票否决", "拍照", "编码"]
GOOD = ["车身", "车身清洁", "无泥垢", 2, "一般", "否", 1, None]


def _office_with(row: int, column: str, value: Any) -> Callable[[Path], None]:
    bad = list(GOOD)
    bad[HEADER.index(column)] = value
    rows = [HEADER, GOOD, GOOD[:1] + ["车窗完好"] + GOOD[2:]]
    rows[row - 1] = bad
    return _office(rows)


# (id, writer, file name, code, sheet, row, column)
OFFICE: list[tuple[str, Callable[[Path], None], str, str, str | None, int, str]] = [
    ("office without the item column", _office([["分类", "检查标准", "扣分"], ["车身", "无泥垢", 2]]), "O1.xlsx",
     "column_missing", "检查表", 1, "检查项目"),
    ("office text in 扣分", _office_with(2, "扣分", "两分"), "O1.xlsx", "float_parsing", "检查表", 2, "扣分"),
    ("office negative 扣分", _office_with(3, "扣分", "-2"), "O1.xlsx", "number_too_small", "检查表", 3, "扣分"),
    ("office bad 严重程度", _office_with(2, "严重程度", "很严重"), "O1.xlsx", "enum", "检查表", 2, "严重程度"),
    ("office bad 一票否决", _office_with(3, "一票否决", "可能"), "O1.xlsx", "yes_no_expected", "检查表", 3, "一票否决"),
    ("office bad 拍照", _office_with(2, "拍照", "两张"), "O1.xlsx", "int_parsing", "检查表", 2, "拍照"),
    ("office duplicate 编码", _office([HEADER, GOOD[:-1] + ["A1"], GOOD[:-1] + ["A1"]]), "O1.xlsx",
     "duplicate_item_code", "检查表", 3, "编码"),
    ("office bad 编码", _office_with(2, "编码", "甲一"), "O1.xlsx", "item_code_format", "检查表", 2, "编码"),
    ("office standard without item", _office([HEADER, GOOD, ["车身", None, "无划痕", 2]]), "O1.xlsx",
     "item_text_empty", "检查表", 3, "检查项目"),
    ("office file name is not a code", _office([HEADER, GOOD]), "车容检查表.xlsx", "template_code_from_name",
     "检查表", 0, ""),
    ("office bad 检查对象", _office([["检查对象", "公交"], HEADER, GOOD]), "O1.xlsx", "enum", "检查表", 1, "检查对象"),
    ("office bad 编码 cell", _office([["编码：车容"], HEADER, GOOD]), "O1.xlsx", "template_code_format", "检查表", 1, "编码"),
    ("office header only", _office([HEADER]), "O1.xlsx", "template_without_items", "检查表", 0, ""),
    ("no template anywhere", _office([["姓名", "电话"], ["张三", "123"]]), "O1.xlsx", "layout_unknown", None, 0, ""),
]


# --- the checks -----------------------------------------------------------------------------------
def _snapshot(context: AppContext) -> tuple[list[tuple[Any, ...]], int]:
    db = context.db
    return (db.execute("SELECT * FROM template_versions ORDER BY id").fetchall(),
            db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


@pytest.fixture
def loaded(context: AppContext, users: dict[Role, User]) -> AppContext:
    context.templates.ensure_builtins()
    return context


def _refused(context: AppContext, actor: User, path: Path) -> list[RowProblem]:
    before = _snapshot(context)
    with pytest.raises(ImportRejected) as caught:
        context.template_transfer.import_xlsx(actor, path)
    assert _snapshot(context) == before, "a refused import changed the database"
    problems = caught.value.problems
    for problem in problems:  # every problem reads as a sentence, not a bare code
        assert problem.code in ROW_TEMPLATES, problem
        assert "{" not in describe_problem(problem), describe_problem(problem)
    return problems


def _expect(problems: list[RowProblem], code: str, sheet: str | None, row: int, column: str) -> None:
    found = [(p.code, p.sheet, p.row, p.column) for p in problems]
    assert (code, sheet, row, column) in found, found


def test_the_sound_files_import(loaded: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    path = tmp_path / "B1.xlsx"
    write_template_xlsx(base_body(), path)
    assert loaded.template_transfer.import_xlsx(users[Role.ADMIN], path)[0].body == base_body()
    office = tmp_path / "O1.xlsx"
    _office([HEADER, GOOD])(office)
    assert loaded.template_transfer.import_xlsx(users[Role.ADMIN], office)[0].body.item_count == 1


@pytest.mark.parametrize(("write", "code"), [(w, c) for _, w, c in FILES], ids=[n for n, _, _ in FILES])
def test_not_a_workbook(loaded: AppContext, users: dict[Role, User], tmp_path: Path,
                        write: Callable[[Path], None], code: str) -> None:
    path = tmp_path / "broken.xlsx"
    write(path)
    problems = _refused(loaded, users[Role.QUALITY_OFFICE], path)
    assert [(p.code, p.sheet, p.row, p.column) for p in problems] == [(code, None, 0, "")]


@pytest.mark.parametrize(("mutate", "code", "sheet", "row", "column"), [case[1:] for case in XLSFORM],
                         ids=[case[0] for case in XLSFORM])
def test_broken_xlsform(loaded: AppContext, users: dict[Role, User], tmp_path: Path, mutate: Mutation,
                        code: str, sheet: str | None, row: int, column: str) -> None:
    path = tmp_path / "B1.xlsx"
    write_template_xlsx(base_body(), path)
    workbook = openpyxl.load_workbook(path)
    mutate(workbook)
    workbook.save(path)
    _expect(_refused(loaded, users[Role.QUALITY_OFFICE], path), code, sheet, row, column)


@pytest.mark.parametrize(("write", "name", "code", "sheet", "row", "column"), [case[1:] for case in OFFICE],
                         ids=[case[0] for case in OFFICE])
def test_broken_office_sheet(loaded: AppContext, users: dict[Role, User], tmp_path: Path,
                             write: Callable[[Path], None], name: str, code: str, sheet: str | None,
                             row: int, column: str) -> None:
    path = tmp_path / name
    write(path)
    _expect(_refused(loaded, users[Role.QUALITY_OFFICE], path), code, sheet, row, column)


def test_there_are_a_hundred_variants() -> None:
    assert len(FILES) + len(XLSFORM) + len(OFFICE) >= 100


def test_every_problem_is_listed_at_once(loaded: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    path = tmp_path / "B1.xlsx"
    write_template_xlsx(base_body(), path)
    workbook = openpyxl.load_workbook(path)
    for mutation in (put(S, 3, "deduct", "x"), put(S, 4, "name", "B1-1.1"), put(S, 8, "type", "geopoint3d"),
                     put(T, 2, "subject", "bus"), put(C, 3, "flag", "?")):
        mutation(workbook)
    workbook.save(path)
    problems = _refused(loaded, users[Role.ADMIN], path)
    assert sorted((p.sheet or "", p.row, p.code) for p in problems) == [
        (C, 3, "yes_no_expected"), (T, 2, "enum"), (S, 3, "float_parsing"), (S, 4, "duplicate_item_code"),
        (S, 8, "type_unknown")]
    duplicate = next(p for p in problems if p.code == "duplicate_item_code")
    assert describe_problem(duplicate) == 'sheet survey, row 4, column name: item code "B1-1.1" is already used in row 3'


def _ten_thousand(path: Path) -> TemplateBody:
    body = TemplateBody(code="BIG", title_zh="万项", subject=SubjectKind.LOCATION, sections=tuple(
        TemplateSection(code=f"S{s}", title_zh=f"部分{s}", items=tuple(
            TemplateItem(code=f"S{s}.{i}", text_zh=f"项目{s}.{i}", deduct=1) for i in range(1, 101)))
        for s in range(1, 101)))
    write_template_xlsx(body, path)
    return body


def test_a_10000_row_sheet_imports_and_a_bad_cell_deep_inside_is_found(
    loaded: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    path = tmp_path / "BIG.xlsx"
    body = _ten_thousand(path)
    started = time.perf_counter()
    draft, _ = loaded.template_transfer.import_xlsx(users[Role.ADMIN], path)
    assert draft.body == body and draft.body.item_count == 10_000
    assert time.perf_counter() - started < 20  # measured ≈2 s; this only catches a pathological slowdown
    workbook = openpyxl.load_workbook(path)
    put(S, 9_500, "deduct", "很多")(workbook)
    workbook.save(path)
    _expect(_refused(loaded, users[Role.ADMIN], path), "float_parsing", S, 9_500, "deduct")


@pytest.mark.parametrize(("mutate", "expected"), [
    (drop_column(S, "type"), [("column_missing", S, 1, "type")]),
    (drop_column(S, LABEL, "label::English (en)"), [("column_missing", S, 1, "label")]),
    (both(put(C, 2, "list_name", "pf"), put(C, 3, "list_name", "pf"), put(C, 4, "list_name", "pf")),
     [("choice_list_missing", S, 3, "type")]),
], ids=["missing type column", "missing labels", "unknown list"])
def test_one_cause_is_reported_once_not_on_every_row(
    loaded: AppContext, users: dict[Role, User], tmp_path: Path, mutate: Mutation, expected: list[tuple[Any, ...]]
) -> None:
    path = tmp_path / "B1.xlsx"
    write_template_xlsx(base_body(), path)
    workbook = openpyxl.load_workbook(path)
    mutate(workbook)
    workbook.save(path)
    problems = _refused(loaded, users[Role.ADMIN], path)
    assert [(p.code, p.sheet, p.row, p.column) for p in problems] == expected


def test_a_bad_office_code_is_not_repeated_for_every_generated_item_code(
    loaded: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    path = tmp_path / "车容检查表.xlsx"
    _office([HEADER, GOOD, GOOD[:1] + ["车窗完好"] + GOOD[2:]])(path)
    problems = _refused(loaded, users[Role.ADMIN], path)
    assert [(p.code, p.sheet, p.row, p.column) for p in problems] == [("template_code_from_name", "检查表", 0, "")]
