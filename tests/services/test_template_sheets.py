"""Template spreadsheets: export → import gives the identical body (built-ins, every field, 2 000
items), the quality office's simple sheet and an ODK/Kobo form with our extra columns import
correctly, and the service makes new drafts without touching published versions.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from inspector.context import AppContext
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import ImportRejected, NotFound, PermissionDenied
from inspector.domain.registry import StaffRole
from inspector.domain.templates import (
    Origin,
    ResponseType,
    ScoringScheme,
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role, User
from inspector.words.messages import describe_import
from inspector.paths import resources_dir
from inspector.services.template_sheets_format import CHOICES, SETTINGS, SURVEY
from inspector.services.template_sheets_read import (
    LAYOUT_OFFICE,
    LAYOUT_XLSFORM,
    read_template_workbook,
    read_template_xlsx,
)
from inspector.services.template_sheets_write import write_template_xlsx
from inspector.services.templates import load_builtin_bodies


def builtins() -> dict[str, TemplateBody]:
    return {body.code: body for body in load_builtin_bodies(resources_dir() / "templates")}


def big_body(sections: int = 40, per_section: int = 50, code: str = "BIG") -> TemplateBody:
    return TemplateBody(code=code, title_zh="大模板", subject=SubjectKind.LOCATION, sections=tuple(
        TemplateSection(code=f"{code}-{s}", title_zh=f"第{s}部分", title_en=f"Part {s}", deduct_cap=20, items=tuple(
            TemplateItem(code=f"{code}-{s}.{i}", text_zh=f"检查项目{s}.{i}", text_en=f"Item {s}.{i}",
                         guidance_zh=f"标准{s}.{i}", deduct=float(i % 5 + 1), severity=Severity(
                             "serious" if i % 7 == 0 else "general"))
            for i in range(1, per_section + 1)))
        for s in range(1, sections + 1)))


def every_field_body() -> TemplateBody:
    """A body that sets every field away from its default, with nesting and all response types."""
    return TemplateBody(
        code="X-9.a_b", title_zh="全字段模板", title_en="All fields", category="custom", subject=SubjectKind.STAFF,
        scheme=ScoringScheme.WEIGHTED, base_score=80.5, description_zh="说明\n第二行", description_en="Notes",
        sections=(
            TemplateSection(code="S1", title_zh="第一部分", title_en="Part one",
                            roles=(StaffRole.DRIVER, StaffRole.CCTV_OPERATOR), deduct_cap=12.5, items=(
                TemplateItem(code="S1.1", text_zh="=1+1 不是公式", text_en="'quoted'", guidance_zh="  标准  ",
                             guidance_en="Guidance", severity=Severity.SERIOUS, deduct=2.25, weight=3.5, veto=True,
                             photos_on_fail=2, covert=False, action_days=7, origin=Origin.INFERRED,
                             source="F2·1 item 8", reference_photo="ab" * 32),
                TemplateItem(code="S1.2", text_zh="胎纹深度", response=ResponseType.NUMERIC, threshold=1.6,
                             unit_of_measure="mm", weight=0.0),
                TemplateItem(code="S1.3", text_zh="其他情况", response=ResponseType.TEXT, origin=Origin.ADAPTED),
            ), sections=(
                TemplateSection(code="S1-sub", title_zh="子部分", items=(
                    TemplateItem(code="S1-sub.1", text_zh="子项", threshold=None, deduct=0.0),)),
            )),
            TemplateSection(code="S2", title_zh="第二部分", items=(
                TemplateItem(code="S2.1", text_zh="负阈值", response=ResponseType.NUMERIC, threshold=-5.0),)),
        ),
    )


# --- round trips ------------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["T1", "T2", "T3"])
def test_builtin_templates_round_trip_identically(tmp_path: Path, code: str) -> None:
    body = builtins()[code]
    path = tmp_path / f"{code}.xlsx"
    write_template_xlsx(body, path, version=3, effective_month="2025-07")
    read = read_template_workbook(path)
    assert read.body == body
    assert (read.layout, read.sheet, read.effective_month) == (LAYOUT_XLSFORM, SURVEY, "2025-07")


def test_every_field_and_nesting_round_trip(tmp_path: Path) -> None:
    body = every_field_body()
    path = tmp_path / "all.xlsx"
    write_template_xlsx(body, path)
    assert read_template_xlsx(path) == body
    survey = openpyxl.load_workbook(path)[SURVEY]
    assert survey["C3"].data_type == "s" and survey["C3"].value == "=1+1 不是公式"  # text, not a formula


def test_2000_item_template_round_trips(tmp_path: Path) -> None:
    body = big_body()
    assert body.item_count == 2000
    path = tmp_path / "big.xlsx"
    write_template_xlsx(body, path)
    assert read_template_xlsx(path) == body


def test_the_workbook_is_xlsform_shaped_and_pleasant(tmp_path: Path) -> None:
    path = tmp_path / "T2.xlsx"
    write_template_xlsx(builtins()["T2"], path, version=4, effective_month="2025-08")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [SURVEY, CHOICES, SETTINGS]
    survey = workbook[SURVEY]
    header = [cell.value for cell in survey[1]]
    assert header[:7] == ["type", "name", "label::中文 (zh)", "label::English (en)", "hint::中文 (zh)",
                          "hint::English (en)", "required"]
    assert {"deduct", "weight", "deduct_cap", "critical", "photo_required", "covert", "severity", "action_days",
            "role"} <= set(header)
    assert survey.freeze_panes == "A2" and survey["A1"].font.bold
    assert survey.column_dimensions["C"].width >= 30
    assert [survey["A2"].value, survey["B2"].value] == ["begin group", "T2-1"]
    assert survey["A2"].fill.start_color.rgb.endswith("DDEBF7")
    assert survey["A3"].value == "select_one pass_fail"
    roles_column = header.index("role") + 1
    staff_rows = [row for row in survey.iter_rows(min_row=2, values_only=True) if row[1] == "T2-6"]
    assert staff_rows[0][roles_column - 1] == "driver conductor"
    choices = [row for row in workbook[CHOICES].iter_rows(min_row=2, values_only=True)]
    assert [(row[0], row[1], row[2]) for row in choices] == [
        ("pass_fail", "pass", "合格"), ("pass_fail", "fail", "不合格"), ("pass_fail", "na", "不适用")]
    settings = dict(zip([c.value for c in workbook[SETTINGS][1]], [c.value for c in workbook[SETTINGS][2]]))
    assert settings["form_id"] == "T2" and settings["version"] == "4" and settings["subject"] == "staff"
    assert settings["default_language"] == "中文 (zh)" and settings["effective_month"] == "2025-08"


def test_export_replaces_an_existing_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"old contents")
    write_template_xlsx(builtins()["T3"], path)
    assert read_template_xlsx(path) == builtins()["T3"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


# --- the quality office's simple sheet ---------------------------------------------------------
def _office_workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "检查表"
    sheet.append(["2025年7月公交车容车貌检查表"])
    sheet.append(["编码：BUS7", None, "检查对象", "车辆"])
    sheet.append(["序号", "分类", "检查项目", "检查标准（要求）", "扣分(分)", "严重程度", "一票否决"])
    sheet.append([1, "车身外观", "车身清洁", "无泥垢、无污渍", "2分", "一般", None])   # row 4
    sheet.append([2, None, "车窗完好", "无裂纹", 3, "严重", "是"])                   # row 5: same section
    sheet.append([None] * 7)                                                        # row 6: blank, skipped
    sheet.append(["二、车厢内部"])                                                    # row 7: a heading row
    sheet.append([3, None, "座椅整洁", "无污渍", "每处扣1分", None, None])
    sheet.append(["4.1", "车载设备", "灭火器在有效期内", None, 5, None, "√"])          # row 9: a dotted code
    sheet.append([5, None, "安全锤齐全", None, 5, None, None])                        # row 10
    sheet.merge_cells("B9:B10")  # the office merged the 分类 cell over its rows
    workbook.save(path)


def test_office_layout_imports_into_a_correct_template(tmp_path: Path) -> None:
    path = tmp_path / "车容检查.xlsx"
    _office_workbook(path)
    read = read_template_workbook(path)
    body = read.body
    assert (read.layout, read.sheet) == (LAYOUT_OFFICE, "检查表")
    assert (body.code, body.title_zh, body.subject, body.scheme) == (
        "BUS7", "2025年7月公交车容车貌检查表", SubjectKind.VEHICLE, ScoringScheme.DEDUCTION)
    assert [(s.code, s.title_zh) for s in body.sections] == [
        ("BUS7-1", "车身外观"), ("BUS7-2", "二、车厢内部"), ("BUS7-3", "车载设备")]
    items = [(i.code, i.text_zh, i.guidance_zh, i.deduct, i.severity, i.veto) for _, i in body.iter_items()]
    assert items == [
        ("BUS7-1.1", "车身清洁", "无泥垢、无污渍", 2.0, Severity.GENERAL, False),
        ("BUS7-1.2", "车窗完好", "无裂纹", 3.0, Severity.SERIOUS, True),
        ("BUS7-2.1", "座椅整洁", "无污渍", 1.0, Severity.GENERAL, False),
        ("BUS7-4.1", "灭火器在有效期内", "", 5.0, Severity.GENERAL, True),
        ("BUS7-3.2", "安全锤齐全", "", 5.0, Severity.GENERAL, False),
    ]


def test_office_layout_code_from_file_name_and_guessed_subject(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "服务规范"
    sheet.append(["类别", "检查内容", "标准", "分值"])
    sheet.append(["仪容仪表", "着装整洁", "按规定着工装", 2])
    sheet.append([None, "佩戴工牌", None, 1])
    path = tmp_path / "P2.xlsx"
    workbook.save(path)
    body = read_template_xlsx(path)
    assert (body.code, body.title_zh, body.subject) == ("P2", "服务规范", SubjectKind.STAFF)
    assert [(i.code, i.text_zh, i.guidance_zh, i.deduct) for _, i in body.iter_items()] == [
        ("P2-1.1", "着装整洁", "按规定着工装", 2.0), ("P2-1.2", "佩戴工牌", "", 1.0)]


def test_office_sheet_with_item_and_content_columns_reads_item_as_section(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["检查项目", "检查内容", "扣分"])
    sheet.append(["卫生间", "地面无积水", 2])
    sheet.append(["卫生间", "无异味", 2])
    sheet.append(["大厅", "座椅整洁", 1])
    path = tmp_path / "H1.xlsx"
    workbook.save(path)
    body = read_template_xlsx(path)
    assert [(s.title_zh, [i.text_zh for i in s.items]) for s in body.sections] == [
        ("卫生间", ["地面无积水", "无异味"]), ("大厅", ["座椅整洁"])]
    assert body.subject is SubjectKind.LOCATION


# --- a form written for ODK / Kobo with our extra columns --------------------------------------
def _kobo_workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)", "hint::English (en)", "required", "appearance",
                   "deduct", "critical", "severity", "action_days", "deduct_cap", "role", "photo_required",
                   "threshold", "calculation"])
    for row in (["start", "start"], ["end", "end"], ["deviceid", "deviceid"], ["today", "today"],
                ["note", "intro", "Check the staff member on duty"]):
        survey.append(row)
    survey.append(["begin_group", "uniform", "Uniform", None, None, "field-list", None, None, None, None, 10,
                   "driver conductor"])
    survey.append(["select_one pf", "badge", "Wears the badge", "Badge visible on the chest", "yes", None, 2])
    survey.append(["calculate", "calc1", *[None] * 12, "${temperature} * 2"])  # pyxform needs the calculation
    survey.append(["select_one pf", "smoking", "No smoking on duty", None, "yes", None, 5, "yes", "serious", 1,
                   None, None, "yes"])
    survey.append(["integer", "temperature", "Cabin temperature", None, None, None, None, None, None, None, None,
                   None, None, 18])
    survey.append(["end group"])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)", "score", "flag"])
    for row in (["pf", "pass", "Pass", 1, "no"], ["pf", "fail", "Fail", 0, "yes"], ["pf", "na", "N/A"],
                ["yn", "yes", "Yes"], ["yn", "maybe", "Maybe"]):  # an unused list is not checked
        choices.append(row)
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language", "subject", "style"])
    settings.append(["Staff check", "KOBO1", "2025070101", "English (en)", "staff", "pages"])
    workbook.save(path)


def test_odk_kobo_form_with_our_extra_columns_imports(tmp_path: Path) -> None:
    path = tmp_path / "kobo.xlsx"
    _kobo_workbook(path)
    body = read_template_xlsx(path)
    assert (body.code, body.title_zh, body.title_en, body.subject) == (
        "KOBO1", "Staff check", "Staff check", SubjectKind.STAFF)
    (section,) = body.sections
    assert (section.code, section.title_zh, section.roles, section.deduct_cap) == (
        "uniform", "Uniform", (StaffRole.DRIVER, StaffRole.CONDUCTOR), 10.0)
    badge, smoking, temperature = section.items
    assert (badge.text_zh, badge.text_en, badge.guidance_en, badge.deduct, badge.veto) == (
        "Wears the badge", "Wears the badge", "Badge visible on the chest", 2.0, False)
    assert (smoking.veto, smoking.severity, smoking.action_days, smoking.photos_on_fail, smoking.deduct) == (
        True, Severity.SERIOUS, 1, 1, 5.0)
    assert (temperature.response, temperature.threshold) == (ResponseType.NUMERIC, 18.0)


def test_blank_rows_in_the_middle_are_skipped(tmp_path: Path) -> None:
    body = builtins()["T1"]
    path = tmp_path / "gaps.xlsx"
    write_template_xlsx(body, path)
    workbook = openpyxl.load_workbook(path)
    for sheet_name, row in ((SURVEY, 5), (SURVEY, 12), (SURVEY, 12), (CHOICES, 3), (SETTINGS, 2)):
        workbook[sheet_name].insert_rows(row)
    workbook.save(path)
    assert read_template_xlsx(path) == body


# --- the service ---------------------------------------------------------------------------------
def _counts(context: AppContext) -> tuple[int, int]:
    return (context.db.execute("SELECT count(*) FROM template_versions").fetchone()[0],
            context.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


@pytest.fixture
def loaded(context: AppContext, users: dict[Role, User]) -> AppContext:
    context.templates.ensure_builtins()
    return context


def test_export_then_import_makes_the_next_draft_and_leaves_published_alone(
    loaded: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    office = users[Role.QUALITY_OFFICE]
    published = loaded.templates.latest_published(office, "T1")
    path = loaded.template_transfer.export_xlsx(users[Role.SUPERVISOR], published.id, tmp_path / "T1.xlsx")
    versions, audits = _counts(loaded)
    draft, changes = loaded.template_transfer.import_xlsx(office, path)
    assert (draft.code, draft.version, draft.status, draft.builtin) == ("T1", 2, TemplateStatus.DRAFT, False)
    assert draft.body == published.body and draft.effective_month == published.effective_month
    assert changes == ChangeSet.of(Entity.TEMPLATE, draft.id)
    assert _counts(loaded) == (versions + 1, audits + 1)
    entry = loaded.db.execute("SELECT action, actor, after FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert entry[0] == "template.import" and entry[1] == office.username and '"file":"T1.xlsx"' in entry[2]
    assert loaded.templates.get(office, published.id) == published
    again, _ = loaded.template_transfer.import_xlsx(office, path)
    assert again.version == 3


def test_a_new_code_becomes_version_1_draft(loaded: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    path = tmp_path / "车容检查.xlsx"
    _office_workbook(path)
    draft, _ = loaded.template_transfer.import_xlsx(users[Role.ADMIN], path)
    assert (draft.code, draft.version, draft.status, draft.body.item_count) == ("BUS7", 1, TemplateStatus.DRAFT, 5)


def test_import_checks_the_role_before_reading(loaded: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        loaded.template_transfer.import_xlsx(users[Role.SUPERVISOR], tmp_path / "does-not-exist.xlsx")


def test_export_picks_published_then_draft_and_refuses_unknowns(
    loaded: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    office = users[Role.QUALITY_OFFICE]
    loaded.templates.copy_to_month(office, "T2", "2031-01")
    transfer = loaded.template_transfer
    assert transfer.version_for_export(office, "T2").version == 1  # the published one, not the newer draft
    assert transfer.version_for_export(office, "T2", 2).status is TemplateStatus.DRAFT
    with pytest.raises(NotFound):
        transfer.version_for_export(office, "T2", 9)
    with pytest.raises(NotFound):
        transfer.version_for_export(office, "NOPE")
    path = tmp_path / "big.xlsx"
    write_template_xlsx(big_body(code="NEW"), path)
    draft, _ = transfer.import_xlsx(office, path)
    assert transfer.version_for_export(office, "NEW").id == draft.id  # no published version: the draft


def test_rejection_lists_every_problem_in_words(loaded: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    write_template_xlsx(builtins()["T1"], path)
    workbook = openpyxl.load_workbook(path)
    survey = workbook[SURVEY]
    header = [cell.value for cell in survey[1]]
    first, second = [row for row in range(2, 20) if str(survey.cell(row=row, column=1).value).startswith("select")][:2]
    survey.cell(row=first, column=header.index("deduct") + 1, value="two")
    survey.cell(row=second, column=header.index("severity") + 1, value="critical")
    workbook.save(path)
    with pytest.raises(ImportRejected) as caught:
        loaded.template_transfer.import_xlsx(users[Role.ADMIN], path)
    lines = describe_import(caught.value)
    assert lines[0] == f"{path}: 2 problem(s) found; nothing was imported."
    assert lines[1] == f'sheet survey, row {first}, column deduct: "two" is not a number'
    assert lines[2].startswith(f'sheet survey, row {second}, column severity: "critical" is not one of: general, serious')
