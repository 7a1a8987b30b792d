"""Issue #17: forms written by others import as checklist drafts, with a summary row by row; what
pyxform refuses we refuse at the same sheet, row and column; .xls and .xlsm read like .xlsx;
every export passes pyxform and ODK Validate and reads back identically.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inspector.context import AppContext
from inspector.domain.errors import ImportRejected, InspectorError
from inspector.domain.templates import (
    ResponseType,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role, User
from inspector.services.template_sheets_read import (
    LAYOUT_OFFICE,
    read_template_workbook,
)
from inspector.services.template_sheets_write import write_template_xlsx
from inspector.words.messages import ROW_TEMPLATES, describe, describe_problem
from tests.services.test_template_sheets import builtins, every_field_body
from tests.services.xlsform_forms import (
    KOBO_LIBRARY,
    NOTHING_TO_CHECK,
    ODK_SAMPLE,
    ONE_QUESTION,
    pyxform_convert,
    write_form,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "xlsform"


def _codes(lines: tuple[Any, ...]) -> list[tuple[int, str]]:
    return [(line.row, line.code) for line in lines]


def _worded(lines: tuple[Any, ...]) -> None:
    for line in lines:
        assert line.code in ROW_TEMPLATES, line
        assert "{" not in describe_problem(line), describe_problem(line)


# --- exports: pyxform + ODK Validate, then back identically ----------------------------------------
def digit_codes_body() -> TemplateBody:
    """Codes an office may have (a digit first) are no XML names: the export must still pass."""
    return TemplateBody(code="9T", title_zh="数字编码", subject=SubjectKind.VEHICLE, sections=(
        TemplateSection(code="1", title_zh="第一部分", items=(
            TemplateItem(code="1.1", text_zh="车身清洁", deduct=2, photos_on_fail=1),
            TemplateItem(code="1.2", text_zh="胎纹深度", response=ResponseType.NUMERIC, threshold=1.6,
                         photos_on_fail=2, veto=True),)),))


@pytest.mark.parametrize("name", ["T1", "T2", "T3", "every_field", "digit_codes"])
def test_every_export_passes_pyxform_and_odk_validate_and_reads_back(tmp_path: Path, name: str) -> None:
    body = {**builtins(), "every_field": every_field_body(), "digit_codes": digit_codes_body()}[name]
    path = tmp_path / f"{name}.xlsx"
    write_template_xlsx(body, path, version=2, effective_month="2025-07")
    pyxform_convert(path)
    read = read_template_workbook(path)
    assert read.body == body
    assert read.skipped == () and not read.subject_missing


def test_a_photo_required_item_asks_odk_for_the_photo_when_it_fails(tmp_path: Path) -> None:
    path = tmp_path / "digits.xlsx"
    write_template_xlsx(digit_codes_body(), path)
    rows = list(openpyxl.load_workbook(path)["survey"].iter_rows(values_only=True))
    header = rows[0]
    cell = {name: header.index(name) for name in ("type", "name", "relevant", "code", "photo_required")}
    images = [(row[cell["name"]], row[cell["relevant"]]) for row in rows if row[cell["type"]] == "image"]
    assert images == [("_1.1_photo1", "${_1.1} = 'fail'"), ("_1.2_photo1", "${_1.2} < 1.6"),
                      ("_1.2_photo2", "${_1.2} < 1.6")]
    item = next(row for row in rows if row[cell["name"]] == "_1.2")
    assert (item[cell["code"]], item[cell["photo_required"]]) == ("1.2", 2)
    from pyxform.xls2xform import convert

    xform = convert(xlsform=str(path), validate=False).xform
    binds = {match.group(1): match.group(0) for match in re.finditer(r'<bind nodeset="[^"]*/([^"/]+)"[^>]*>', xform)}
    assert 'relevant=" /data/_1/_1.1  = \'fail\'"' in binds["_1.1_photo1"] and 'type="binary"' in binds["_1.1_photo1"]
    assert 'relevant=" /data/_1/_1.2  &lt; 1.6"' in binds["_1.2_photo2"]


# --- forms written by others ----------------------------------------------------------------------
def test_an_odk_sample_form_imports_with_every_row_accounted_for(tmp_path: Path) -> None:
    path = write_form(tmp_path / "depot.xlsx", ODK_SAMPLE)
    pyxform_convert(path)
    read = read_template_workbook(path)
    body = read.body
    assert (body.code, body.title_zh, body.title_en, read.subject_missing) == (
        "depot_inspection", "Depot inspection", "Depot inspection", True)
    assert body.description_zh == "This form checks one bus depot."
    depot, vehicles = body.sections
    clean, lights = depot.items
    assert (clean.code, clean.text_zh, clean.guidance_en, clean.response, clean.photos_on_fail) == (
        "clean", "Is the floor clean?", "Look under the benches", ResponseType.PASS_FAIL, 1)
    assert lights.response is ResponseType.PASS_FAIL and "Good / Fair / Poor" in lights.guidance_zh
    assert [(item.code, item.response) for item in vehicles.items] == [
        ("tyres", ResponseType.PASS_FAIL), ("vehicle_notes", ResponseType.TEXT)]
    assert _codes(read.mapped) == [
        (5, "note_description"), (6, "mapped_section"), (2, "choices_mapped"), (7, "mapped_pass_fail"),
        (8, "photo_of_item"), (9, "item_choices_shown"), (13, "mapped_repeat"), (14, "mapped_pass_fail"),
        (15, "mapped_text")]
    assert _codes(read.skipped) == [
        (2, "skipped_metadata"), (3, "skipped_metadata"), (4, "skipped_metadata"), (10, "skipped_number"),
        (11, "skipped_type"), (17, "skipped_type"), (18, "skipped_multiple")]
    _worded(read.mapped + read.skipped)
    mapping = next(line for line in read.mapped if line.code == "choices_mapped")
    assert describe_problem(mapping) == 'sheet choices, row 2, column list_name: list "yes_no" answers pass/fail: ' \
                                        'Yes → pass, No → fail'


def test_a_kobo_library_block_imports_with_loose_questions_in_one_section(tmp_path: Path) -> None:
    path = write_form(tmp_path / "kobo_block.xlsx", KOBO_LIBRARY)
    pyxform_convert(path)
    read = read_template_workbook(path)
    (section,) = read.body.sections
    assert (read.body.code, read.body.title_zh, section.code, section.title_zh) == (
        "kobo_block", "Driver check", "kobo_block-0", "Driver check")
    uniform, belts, remarks = section.items
    assert (uniform.code, uniform.text_zh) == ("kobo_block-0.1", "Is the driver wearing the uniform?")
    assert (belts.code, belts.guidance_zh, remarks.response) == ("seat_belts", "All rows", ResponseType.TEXT)
    codes = {line.code: line.params for line in read.mapped}
    assert codes["code_generated"] == {"value": "is_the_driver_wearing_the_company_uniform",
                                       "code": "kobo_block-0.1"}
    assert codes["template_code_from_file"] == {"code": "kobo_block"}
    assert [line.params["value"] for line in read.mapped if line.code == "choices_mapped"] == ["yn", "ok_list"]
    assert _codes(read.skipped) == [(4, "skipped_type")]


def test_a_one_question_yes_no_form_without_settings_imports_with_the_subject_given(
        context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    path = write_form(tmp_path / "toilet.xlsx", ONE_QUESTION)
    pyxform_convert(path)
    office = users[Role.QUALITY_OFFICE]
    before = context.db.execute("SELECT count(*) FROM template_versions").fetchone()[0]
    with pytest.raises(InspectorError) as caught:
        context.template_transfer.import_xlsx(office, path)
    assert caught.value.code == "template_subject_missing"
    assert "toilet.xlsx" in describe(caught.value) and "location" in describe(caught.value)
    assert context.db.execute("SELECT count(*) FROM template_versions").fetchone()[0] == before
    draft, _ = context.template_transfer.import_xlsx(office, path, SubjectKind.LOCATION)
    assert (draft.code, draft.status, draft.body.subject, draft.body.title_zh) == (
        "toilet", TemplateStatus.DRAFT, SubjectKind.LOCATION, "toilet")
    (item,) = [item for _, item in draft.body.iter_items()]
    assert (item.code, item.text_zh, item.response) == ("q1", "Is the toilet clean?", ResponseType.PASS_FAIL)


def test_a_chinese_offices_xls_checklist_imports(context: AppContext, users: dict[Role, User]) -> None:
    path = FIXTURES / "车辆例检表.xls"
    read = read_template_workbook(path)
    assert (read.format, read.body.code, read.body.title_zh, read.effective_month, read.subject_missing) == (
        "xls", "CLLJ", "车辆例检表", "2025-07", True)
    body_side, inside = read.body.sections
    assert [(i.code, i.text_zh, i.deduct, i.photos_on_fail) for i in body_side.items] == [
        ("cheshen_qingjie", "车身清洁，无明显污渍", 2.0, 0), ("chechuang", "车窗玻璃完好", 3.0, 1)]
    assert body_side.items[0].guidance_zh == "目视检查车身四周"
    assert [(i.code, i.deduct) for i in inside.items] == [("miehuoqi", 5.0)]
    mapping = [line.params["mapping"] for line in read.mapped if line.code == "choices_mapped"]
    assert mapping == ["合格 → pass, 不合格 → fail, 不适用 → na", "是 → pass, 否 → fail"]
    assert _codes(read.skipped) == [(9, "skipped_type")]
    draft, _ = context.template_transfer.import_xlsx(users[Role.QUALITY_OFFICE], path, SubjectKind.VEHICLE)
    assert draft.body == read.body.model_copy(update={"subject": SubjectKind.VEHICLE})


def test_the_office_layout_reads_from_xls_too() -> None:
    read = read_template_workbook(FIXTURES / "站务检查.xls")
    assert (read.layout, read.format, read.body.code, read.body.title_zh) == (LAYOUT_OFFICE, "xls", "ZW1", "站务服务检查表")
    first, second = read.body.sections
    assert (first.title_zh, [i.text_zh for i in first.items], [i.deduct for i in first.items]) == (
        "环境", ["站台地面清洁", "候车椅完好"], [2.0, 1.0])  # the merged 分类 cell covers both rows
    assert [(i.text_zh, i.deduct) for i in second.items] == [("工作人员着装规范", 2.0)]  # =1+1, LibreOffice's value


def test_the_xls_fixtures_are_what_libreoffice_calc_writes() -> None:
    """The acceptance asks for a Chinese office's checklist saved as .xls by LibreOffice: the files are
    made by make_xls.py through LibreOffice, which signs its BIFF8 WRITEACCESS record "Calc"."""
    import xlrd

    for name in ("车辆例检表.xls", "站务检查.xls", "车辆台账.xls"):
        book = xlrd.open_workbook(str(FIXTURES / name))
        assert (book.biff_version, book.user_name.strip()) == (80, "Calc"), name


def test_an_xlsm_imports_with_its_macros_ignored_and_said(tmp_path: Path) -> None:
    plain = write_form(tmp_path / "plain.xlsx", ONE_QUESTION)
    path = tmp_path / "toilet.xlsm"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run")
    read = read_template_workbook(path)
    assert read.body.item_count == 1 and read.body.code == "toilet"
    assert "macros_ignored" in [line.code for line in read.mapped]


def test_formula_cells_are_read_as_their_cached_values(tmp_path: Path) -> None:
    path = tmp_path / "B1.xlsx"
    body = every_field_body()
    write_template_xlsx(body, path)
    workbook = openpyxl.load_workbook(path)
    survey = workbook["survey"]
    header = [cell.value for cell in survey[1]]
    survey.cell(row=3, column=header.index("deduct") + 1).value = "=1+2"
    workbook.save(path)
    patched = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb"<f>1\+2</f>(<v\s*/>|<v></v>)?", b"<f>1+2</f><v>7</v>", data)
                assert count == 1
            target.writestr(name, data)
    first = read_template_workbook(patched).body.sections[0].items[0]
    assert first.deduct == 7.0  # what the file cached, not 1+2 evaluated


# --- refusals -------------------------------------------------------------------------------------
def test_a_form_whose_questions_map_to_nothing_lists_the_skipped_rows(
        context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    path = write_form(tmp_path / "nothing.xlsx", NOTHING_TO_CHECK)
    pyxform_convert(path)
    before = context.db.execute("SELECT count(*) FROM template_versions").fetchone()[0]
    with pytest.raises(ImportRejected) as caught:
        context.template_transfer.import_xlsx(users[Role.ADMIN], path, SubjectKind.LOCATION)
    problems = caught.value.problems
    assert [(p.code, p.row) for p in problems] == [
        ("no_checklist_items", 0), ("skipped_type", 2), ("skipped_type", 3), ("skipped_note", 4)]
    assert describe_problem(problems[0]).startswith("sheet survey: no checklist items found")
    assert context.db.execute("SELECT count(*) FROM template_versions").fetchone()[0] == before


@pytest.mark.parametrize(("row", "column", "value", "code"), [
    (2, "name", "is clean", "name_invalid"),
    (2, "name", "2nd", "name_invalid"),
    (2, "type", "select_one colours", "choice_list_missing"),
    (2, "type", "checkbox", "type_unknown"),
])
def test_what_pyxform_refuses_we_refuse_at_the_same_cell(tmp_path: Path, row: int, column: str, value: str,
                                                        code: str) -> None:
    from pyxform.errors import PyXFormError

    form = {name: [list(r) for r in rows] for name, rows in ONE_QUESTION.items()}
    form["survey"][row - 1][form["survey"][0].index(column)] = value
    path = write_form(tmp_path / "toilet.xlsx", form)
    with pytest.raises(PyXFormError):
        from pyxform.xls2xform import convert

        convert(xlsform=str(path), validate=False)
    with pytest.raises(ImportRejected) as caught:
        read_template_workbook(path)
    assert (code, "survey", row, column) in [(p.code, p.sheet, p.row, p.column) for p in caught.value.problems]


YN = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
STRUCTURES: list[tuple[str, dict[str, list[list[Any]]], list[tuple[str, list[str]]], list[str]]] = [
    ("one name in two groups", {"survey": [
        ["type", "name", "label"], ["begin group", "g1", "G1"], ["select_one yn", "q1", "Q"], ["end group"],
        ["begin group", "g2", "G2"], ["select_one yn", "q1", "Q"], ["end group"]], "choices": YN},
     [("g1", ["q1"]), ("g2", ["g2.1"])], ["code_generated"]),
    ("groups three deep", {"survey": [
        ["type", "name", "label"], ["begin_group", "a", "A"], ["begin_group", "b", "B"], ["begin_group", "c", "C"],
        ["select_one yn", "deep", "Deep"], ["end_group"], ["select_one yn", "mid", "Mid"], ["end_group"], ["end_group"]],
        "choices": YN},
     [("a", [])], ["group_merged"]),
    ("a group of skipped rows and a long list", {"survey": [
        ["type", "name", "label"], ["begin group", "info", "Info"], ["date", "d", "Day"], ["end group"],
        ["select_one route", "route", "Route"], ["select_one yn or_other", "ok", "OK?"]],
        "choices": YN + [["route", f"r{n}", f"Route {n}"] for n in range(1, 12)]},
     [("toilet-0", ["ok"])], ["outside_group"]),
    ("a question with a hint and no label", {"survey": [
        ["type", "name", "label", "hint"], ["select_one yn", "h1", None, "Is the bin emptied?"]], "choices": YN},
     [("toilet-0", ["h1"])], ["mapped_pass_fail"]),
    ("a form in French only", {"survey": [
        ["type", "name", "label::Français (fr)"], ["select_one on", "propre", "Le sol est-il propre ?"]],
        "choices": [["list_name", "name", "label::Français (fr)"], ["on", "oui", "Oui"], ["on", "non", "Non"],
                    ["on", "na", "Sans objet"]]},
     [("toilet-0", ["propre"])], ["item_choices_shown"]),  # oui/non is no listed yes/no spelling: shown
]


@pytest.mark.parametrize(("form", "sections", "notes"), [case[1:] for case in STRUCTURES],
                         ids=[case[0] for case in STRUCTURES])
def test_structures_pyxform_accepts_import(tmp_path: Path, form: dict[str, list[list[Any]]],
                                           sections: list[tuple[str, list[str]]], notes: list[str]) -> None:
    path = write_form(tmp_path / "toilet.xlsx", form)
    pyxform_convert(path)
    read = read_template_workbook(path)
    assert [(s.code, [i.code for i in s.items]) for s in read.body.sections] == sections
    assert set(notes) <= {line.code for line in read.mapped}
    _worded(read.mapped + read.skipped)


def test_groups_three_deep_keep_every_question_in_the_sub_section(tmp_path: Path) -> None:
    path = write_form(tmp_path / "deep.xlsx", STRUCTURES[1][1])  # groups three deep
    (top,) = read_template_workbook(path).body.sections
    (sub,) = top.sections
    assert (sub.code, [i.code for i in sub.items]) == ("b", ["deep", "mid"])


@pytest.mark.parametrize(("header", "value"), [("calculation", "${q1} = 'yes'"), ("bind::calculate", "1 + 1"),
                                               ("calculate", "once(today())"), ("default", "today()")])
def test_a_calculate_row_pyxform_accepts_is_skipped_with_its_row(tmp_path: Path, header: str, value: str) -> None:
    from pyxform.xls2xform import convert

    survey = [["type", "name", "label", header], ["select_one yes_no", "q1", "Q", None], ["calculate", "c1", None, value]]
    path = write_form(tmp_path / "toilet.xlsx", {"survey": survey, "choices": ONE_QUESTION["choices"]})
    convert(xlsform=str(path), validate=False)  # pyxform accepts it
    read = read_template_workbook(path)
    assert read.body.item_count == 1 and (3, "skipped_type") in _codes(read.skipped)


def test_a_form_in_a_third_language_uses_its_text(tmp_path: Path) -> None:
    (item,) = [i for _, i in read_template_workbook(write_form(tmp_path / "fr.xlsx", STRUCTURES[-1][1])).body.iter_items()]
    assert item.text_zh == "Le sol est-il propre ?" and "Oui / Non / Sans objet" in item.guidance_zh


def test_the_office_layout_summary_names_the_row_of_every_item() -> None:
    read = read_template_workbook(FIXTURES / "站务检查.xls")
    assert [(line.row, line.code, line.params.get("code")) for line in read.mapped] == [
        (0, "office_layout", None), (4, "mapped_section", "ZW1-1"), (4, "mapped_pass_fail", "ZW1-1.1"),
        (5, "mapped_pass_fail", "ZW1-1.2"), (6, "mapped_section", "ZW1-2"), (6, "mapped_pass_fail", "ZW1-2.1")]
    _worded(read.mapped)


@pytest.mark.parametrize(("survey", "code", "row", "column"), [
    ([["type", "name", "label"], ["select_one yes_no", "q1", None]], "item_text_empty", 2, "label"),
    ([["type", "name", "label"], ["select_one yes_no", None, "Q"]], "required", 2, "name"),
    ([["type", "name", "label"], ["begin group", None, "G"], ["select_one yes_no", "q1", "Q"], ["end group"]],
     "required", 2, "name"),
    ([["type", "name", "label"], ["begin group", "g", "G"], ["select_one yes_no", "q1", "Q"]],
     "group_unclosed", 2, "type"),
    ([["type", "name", "label"], ["select_one yes_no", "q1", "Q"], ["end group"]], "group_end_without_begin", 3, "type"),
    ([["type", "name", "label"], ["select_one yes_no", "q1", "Q"], ["text", "q1", "Again"]], "duplicate_item_code", 3,
     "name"),
    ([["type", "name", "label"], ["select_one yes_no", "q1", "Q"], ["calculate", "c1", None]], "calculation_missing",
     3, "calculation"),
    ([["type", "name", "label", "calculation"], ["select_one yes_no", "q1", "Q", None], ["calculate", "c1", None, " "]],
     "calculation_missing", 3, "calculation"),
    ([["type", "name", "label", "default"], ["select_one yes_no", "q1", "Q", None], ["calculate", "c1", None, "5"]],
     "calculation_missing", 3, "calculation"),
], ids=["no label", "no name", "group without a name", "unclosed group", "end without begin", "name twice",
        "calculate without a calculation column", "calculate with an empty calculation", "calculate with a fixed default"])
def test_structures_pyxform_refuses_we_refuse_at_the_same_row(tmp_path: Path, survey: list[list[Any]], code: str,
                                                              row: int, column: str) -> None:
    from pyxform.errors import PyXFormError
    from pyxform.xls2xform import convert

    path = write_form(tmp_path / "toilet.xlsx", {"survey": survey, "choices": ONE_QUESTION["choices"]})
    with pytest.raises(PyXFormError):
        convert(xlsform=str(path), validate=False)
    with pytest.raises(ImportRejected) as caught:
        read_template_workbook(path)
    assert (code, "survey", row, column) in [(p.code, p.sheet, p.row, p.column) for p in caught.value.problems]
