"""Registry import from CSV (UTF-8, UTF-8 BOM, GBK) and XLSX with Chinese or English headers:
rows checked through the domain, problems reported by spreadsheet row and header text, all or
nothing unless ``good_rows_only``, one audit entry per import, and 10 000 rows in one go.
"""

from __future__ import annotations

import csv
import json
import time
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inspector.context import AppContext
from inspector.domain.changes import Entity
from inspector.domain.errors import ImportRejected, InspectorError, PermissionDenied, RowProblem
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.words.messages import describe, describe_import
from inspector.services.registry_import import read_table

UNITS = RegistryKind.UNITS
VEHICLES = RegistryKind.VEHICLES
STAFF = RegistryKind.STAFF
LOCATIONS = RegistryKind.LOCATIONS
VEHICLE_HEADER = ["车牌", "自编号", "线路", "所属单位", "车型"]


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "Sheet1",
               others: dict[str, list[list[Any]]] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, other_rows in (others or {}).items():
        extra = workbook.create_sheet(name)
        for row in other_rows:
            extra.append(row)
    workbook.save(path)
    return path


def _rows(context: AppContext) -> dict[str, int]:
    tables = ("units", "vehicles", "staff", "locations", "audit_log")
    return {t: int(context.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


def _where(problems: list[RowProblem]) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.code) for p in problems]


@pytest.fixture
def units(context: AppContext, admin: User) -> dict[str, int]:
    made = {}
    for code, name in [("D1", "一号总站"), ("D2", "二号总站"), ("OLD", "旧总站")]:
        unit, _ = context.registry.add(admin, UNITS, {"code": code, "name": name})
        made[code] = unit.id
    context.registry.set_active(admin, UNITS, made["OLD"], False)
    return made


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_units_from_csv_in_any_office_encoding(
    context: AppContext, admin: User, tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "单位.csv", [
        ["单位编码", "单位名称", "类型", "负责人", "联系电话"],
        ["D1", "一号总站", "总站", "张三", "13800000001"],
        ["C1", "安保外委", "外委单位", "", ""],
        ["B1", "机关", "职能部门", "", ""],
        ["S1", "服务大厅", "site", "", ""],
    ], encoding)
    result, changes = context.registry_import.run(admin, UNITS, path)
    assert result.imported == 4 and result.skipped == []
    assert changes.changed == {Entity.UNIT: frozenset(result.ids)}
    stored = {u.code: u for u in context.registry.list(admin, UNITS)}
    assert (stored["D1"].name, stored["D1"].head_name, stored["D1"].head_phone) == ("一号总站", "张三", "13800000001")
    assert {code: u.kind.value for code, u in stored.items()} == {
        "D1": "depot", "C1": "contractor", "B1": "department", "S1": "site"}


def test_staff_from_gbk_csv_with_chinese_roles(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "staff.csv", [
        ["工号", "姓名", "岗位", "所属单位", "电话"],
        ["S001", "王师傅", "司机", "D1", ""],
        ["S002", "李阿姨", "保洁员", "二号总站", "13900000000"],
        ["S003", "赵工", "监控员", "d1", ""],
        ["S004", "钱经理", "manager", "D2", ""],
    ], "gbk")
    result, _ = context.registry_import.run(admin, STAFF, path)
    assert result.imported == 4
    staff = {s.staff_no: s for s in context.registry.list(admin, STAFF)}
    assert {no: (s.role.value, s.unit_id) for no, s in staff.items()} == {
        "S001": ("driver", units["D1"]), "S002": ("cleaner", units["D2"]),
        "S003": ("cctv_operator", units["D1"]), "S004": ("manager", units["D2"])}


def test_vehicles_from_xlsx_with_a_title_row_and_numbers_as_cells(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "vehicles.xlsx", [
        ["2025年车辆台账"],
        ["车牌号（必填）", "车号", "线路", "单位", "车型", "备注"],
        ["粤b 12345", 1001, "12路", "D1", "宇通", "extra columns are ignored"],
        ["粤B-12346", 1002.0, 12, "二号总站", None, None],
    ], title="车辆")
    result, _ = context.registry_import.run(admin, VEHICLES, path)
    assert (result.imported, result.sheet) == (2, "车辆")
    vehicles = {v.fleet_no: v for v in context.registry.list(admin, VEHICLES)}
    assert (vehicles["1001"].plate, vehicles["1001"].unit_id, vehicles["1001"].model) == ("粤B·12345", units["D1"], "宇通")
    assert (vehicles["1002"].plate, vehicles["1002"].route, vehicles["1002"].unit_id) == ("粤B·12346", "12", units["D2"])


def test_vehicles_from_an_excel_97_2003_xls(context: AppContext, admin: User, units: dict[str, int]) -> None:
    path = Path(__file__).parent.parent / "fixtures" / "xlsform" / "车辆台账.xls"  # made by make_xls.py there
    result, _ = context.registry_import.run(admin, VEHICLES, path)
    assert (result.imported, result.sheet) == (2, "车辆")
    vehicles = {v.fleet_no: v for v in context.registry.list(admin, VEHICLES)}
    assert (vehicles["1001"].plate, vehicles["1001"].unit_id, vehicles["1001"].model) == ("粤B·12345", units["D1"], "宇通")
    assert (vehicles["1002"].plate, vehicles["1002"].route, vehicles["1002"].unit_id) == ("粤B·12346", "12", units["D2"])


def test_a_sheet_named_after_the_kind_wins_over_the_first(context: AppContext, admin: User, units: dict[str, int],
                                                          tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "台账.xlsx", [["说明", "先导入单位"]], title="说明",
                      others={"车辆": [VEHICLE_HEADER, ["粤B12345", "1001", "", "D1", ""]]})
    assert context.registry_import.preview(admin, VEHICLES, path).sheet == "车辆"
    assert read_table(path).sheet == "说明"


def test_one_bad_row_rejects_the_file_and_writes_nothing(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "F.xlsx", [
        VEHICLE_HEADER,
        ["粤B12345", "1001", "1路", "D1", ""],
        ["粤B12346", "1002", "1路", "D1", ""],
        ["XX-99", "1003", "1路", "D9", ""],
        ["粤B12348", "1004", "1路", "D2", ""],
    ])
    before = _rows(context)
    with pytest.raises(ImportRejected) as rejected:
        context.registry_import.run(admin, VEHICLES, path)
    assert _where(rejected.value.problems) == [(4, "所属单位", "unit_not_found"), (4, "车牌", "plate_format")]
    assert rejected.value.problems[1].params["value"] == "XX-99"
    assert _rows(context) == before
    assert describe_import(rejected.value) == [
        f"{path}: 2 problem(s) found; nothing was imported.",
        'row 4, column 所属单位: no unit has the code or name "D9"',
        'row 4, column 车牌: "XX-99" is not a plate like 粤B·12345',
    ]


def test_good_rows_only_imports_the_others_in_one_audited_transaction(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "vehicles.csv", [
        VEHICLE_HEADER,
        ["粤B12345", "1001", "1路", "D1", ""],
        ["粤B12346", "", "1路", "D1", ""],
        ["粤B12347", "1003", "1路", "旧总站", ""],
        ["粤B12348", "1004", "1路", "D2", ""],
    ])
    audit_before = _rows(context)["audit_log"]
    result, changes = context.registry_import.run(admin, VEHICLES, path, good_rows_only=True)
    assert (result.imported, result.skipped_rows) == (2, 2)
    assert _where(result.skipped) == [(3, "自编号", "required"), (4, "所属单位", "unit_retired")]
    assert sorted(v.fleet_no for v in context.registry.list(admin, VEHICLES)) == ["1001", "1004"]
    assert changes.changed == {Entity.VEHICLE: frozenset(result.ids)}
    entries = list(context.db.execute("SELECT action, entity, entity_id, after FROM audit_log WHERE id > ?",
                                      [audit_before]))
    assert len(entries) == 1
    action, entity, entity_id, after = entries[0]
    assert (action, entity, entity_id) == ("vehicles.import", "vehicle", None)
    assert json.loads(after) == {"file": "vehicles.csv", "sheet": None, "imported": 2, "skipped_rows": 2,
                                 "ids": result.ids}


def test_good_rows_only_with_no_good_row_still_rejects(context: AppContext, admin: User, units: dict[str, int],
                                                       tmp_path: Path) -> None:
    path = write_csv(tmp_path / "v.csv", [VEHICLE_HEADER, ["bad", "1001", "", "D1", ""]])
    before = _rows(context)
    with pytest.raises(ImportRejected):
        context.registry_import.run(admin, VEHICLES, path, good_rows_only=True)
    assert _rows(context) == before


def test_keys_repeated_in_the_file_or_already_stored(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    context.registry.add(admin, VEHICLES, {"plate": "粤B·00001", "fleet_no": "0001", "unit_id": units["D1"]})
    path = write_csv(tmp_path / "v.csv", [
        VEHICLE_HEADER,
        ["粤B12345", "1001", "", "D1", ""],
        ["粤b 12345", "1002", "", "D1", ""],  # the same plate, spelt differently
        ["粤B00001", "1003", "", "D1", ""],  # already in the database
        ["粤B12349", "0001", "", "D1", ""],  # fleet number already in the database
    ])
    preview = context.registry_import.preview(admin, VEHICLES, path)
    assert _where(preview.problems) == [(3, "车牌", "duplicate_in_file"), (4, "车牌", "duplicate_key"),
                                        (5, "自编号", "duplicate_key")]
    assert preview.problems[0].params == {"value": "粤B·12345", "other_row": 2}
    assert preview.problems[1].params["value"] == "粤B·00001"
    assert [row.row for row in preview.rows] == [2]
    assert (preview.good, preview.bad_rows) == (1, 3)


def test_unit_retired_unknown_and_ambiguous_names(context: AppContext, admin: User, units: dict[str, int],
                                                  tmp_path: Path) -> None:
    context.registry.add(admin, UNITS, {"code": "X1", "name": "一号总站"})  # a second unit with that name
    path = write_csv(tmp_path / "staff.csv", [
        ["staff_no", "name", "role", "unit"],
        ["S1", "甲", "driver", "一号总站"],
        ["S2", "乙", "司机", "OLD"],
        ["S3", "丙", "飞行员", "D1"],
        ["S4", "丁", "", ""],
        ["S5", "戊", "保安", "D2"],
    ])
    preview = context.registry_import.preview(admin, STAFF, path)
    assert _where(preview.problems) == [
        (2, "unit", "unit_ambiguous"), (3, "unit", "unit_retired"), (4, "role", "enum"),
        (5, "role", "required"), (5, "unit", "required")]
    assert "驾驶员" in preview.problems[2].params["expected"]
    assert [row.data.staff_no for row in preview.rows] == ["S5"]


def test_locations_name_their_responsible_staff_by_number(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    keeper, _ = context.registry.add(admin, STAFF, {"staff_no": "S9", "name": "保洁甲", "role": "cleaner",
                                                    "unit_id": units["D1"]})
    path = write_xlsx(tmp_path / "locations.xlsx", [
        ["位置编码", "位置名称", "所属单位", "责任人工号", "区域"],
        ["a-1f-wc-01", "一楼卫生间", "D1", "S9", "卫生间"],
        ["A-2F-MR-01", "二楼会议室", "D1", None, "会议室"],
        ["A-3F-WC-01", "三楼卫生间", "D1", "S404", "卫生间"],
    ])
    with pytest.raises(ImportRejected) as rejected:
        context.registry_import.run(admin, LOCATIONS, path)
    assert _where(rejected.value.problems) == [(4, "责任人工号", "staff_not_found")]
    result, _ = context.registry_import.run(admin, LOCATIONS, path, good_rows_only=True)
    stored = {loc.code: loc for loc in context.registry.list(admin, LOCATIONS)}
    assert result.imported == 2
    assert stored["A-1F-WC-01"].responsible_staff_id == keeper.id
    assert stored["A-2F-MR-01"].responsible_staff_id is None


def test_empty_rows_are_skipped_and_row_numbers_stay_spreadsheet_numbers(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "v.xlsx", [
        VEHICLE_HEADER,
        ["粤B12345", "1001", "", "D1", ""],
        [None, None, None, None, None],
        [],
        ["粤B12346", "", "", "D1", ""],
        [],
    ])
    preview = context.registry_import.preview(admin, VEHICLES, path)
    assert _where(preview.problems) == [(5, "自编号", "required")]
    assert (preview.data_rows, preview.empty_rows, preview.good) == (2, 2, 1)


def test_a_missing_required_column_names_the_unknown_ones(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "v.csv", [["车牌", "自编号", "所属部门"], ["粤B12345", "1001", "D1"]])
    preview = context.registry_import.preview(admin, VEHICLES, path)
    assert _where(preview.problems) == [(1, "所属单位", "column_missing"), (1, "所属部门", "column_unknown")]
    assert preview.rows == []
    # extra columns alone are fine
    ok = write_csv(tmp_path / "ok.csv", [[*VEHICLE_HEADER, "备注"], ["粤B12345", "1001", "", "D1", "", "x"]])
    assert context.registry_import.preview(admin, VEHICLES, ok).problems == []


@pytest.mark.parametrize(("name", "content", "code"), [
    ("old.xls", b"\xd0\xcf\x11\xe0", "file_unreadable"),
    ("broken.xls", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504, "file_unreadable"),
    ("old.xlt", b"\xd0\xcf\x11\xe0", "unsupported_format"),
    ("notes.pdf", b"%PDF-1.7", "unsupported_format"),
    ("fake.xlsx", b"plate,fleet_no\n", "file_unreadable"),
    ("latin.csv", b"\xff\xfe\x00", "file_unreadable"),
    ("blank.csv", b"\n\n", "file_empty"),
    ("header-only.csv", "车牌,自编号,所属单位\n".encode(), "file_empty"),
    ("absent.csv", None, "file_missing"),
])
def test_unreadable_files_raise_a_coded_error_and_write_nothing(
    context: AppContext, admin: User, tmp_path: Path, name: str, content: bytes | None, code: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = _rows(context)
    with pytest.raises(InspectorError) as error:
        context.registry_import.run(admin, VEHICLES, path)
    assert error.value.code == code
    assert error.value.params["file"] == str(path)
    assert describe(error.value).startswith("The file ")
    assert _rows(context) == before


def test_only_registry_editors_may_import(context: AppContext, users: dict[Role, User], units: dict[str, int],
                                          tmp_path: Path) -> None:
    path = write_csv(tmp_path / "v.csv", [VEHICLE_HEADER, ["粤B12345", "1001", "", "D1", ""]])
    before = _rows(context)
    for role in (Role.SUPERVISOR, Role.MANAGER):
        with pytest.raises(PermissionDenied):
            context.registry_import.run(users[role], VEHICLES, path)
        with pytest.raises(PermissionDenied):
            context.registry_import.preview(users[role], VEHICLES, path)
    assert _rows(context) == before
    result, _ = context.registry_import.run(users[Role.QUALITY_OFFICE], VEHICLES, path)
    assert result.imported == 1


def test_ten_thousand_rows_import_in_one_go_with_few_queries(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    provinces = "京津沪渝冀豫云辽黑湘"
    rows = [["plate", "fleet_no", "route", "unit", "model"]]
    rows += [[f"{provinces[i // 10000 % 10]}A{i:05d}", f"F{i:05d}", f"{i % 90}路", "D1" if i % 2 else "二号总站", ""]
             for i in range(10_000)]
    path = write_csv(tmp_path / "big.csv", rows)
    selects: list[str] = []

    def trace(sql: str) -> None:
        if sql.lstrip().upper().startswith("SELECT") and "audit_" not in sql:  # the audit's few per commit
            selects.append(sql)

    context.db.conn.set_trace_callback(trace)
    try:
        started = time.perf_counter()
        result, _ = context.registry_import.run(admin, VEHICLES, path)
        elapsed = time.perf_counter() - started
    finally:
        context.db.conn.set_trace_callback(None)
    assert result.imported == 10_000
    assert context.db.execute("SELECT count(*) FROM vehicles").fetchone()[0] == 10_000
    assert len(selects) < 10, selects[:20]  # existing keys and units read once, not per row
    assert elapsed < 30, elapsed


def test_the_first_day_in_service_is_read_in_office_spellings_and_a_bad_one_is_named(
    context: AppContext, admin: User, units: dict[str, int], tmp_path: Path
) -> None:
    """「检查覆盖率达到100%」 is of the month's registry (#13.5): an import may say from which day each
    record is in service (启用日期, in the spellings an office writes); blank is the import's day; a
    cell that is not a day rejects the file naming its row and column, and nothing is imported."""
    header = [*VEHICLE_HEADER, "启用日期"]
    bad = write_csv(tmp_path / "bad.csv", [header, ["粤B12345", "1001", "1路", "D1", "", "2026年3月1日"],
                                           ["粤B12346", "1002", "1路", "D1", "", "去年"]])
    before = _rows(context)
    with pytest.raises(ImportRejected) as rejected:
        context.registry_import.run(admin, VEHICLES, bad)
    assert _where(rejected.value.problems) == [(3, "启用日期", "date_format")]
    assert describe_import(rejected.value)[1] == 'row 3, column 启用日期: "去年" is not a date like 2026-12-06'
    assert _rows(context) == before
    good = write_csv(tmp_path / "good.csv", [header, ["粤B12345", "1001", "1路", "D1", "", "2026年3月1日"],
                                             ["粤B12346", "1002", "1路", "D1", "", "2026/11/6"],
                                             ["粤B12347", "1003", "1路", "D1", "", ""]])
    context.registry_import.run(admin, VEHICLES, good)
    since = {v.fleet_no: v.active_from for v in context.registry.list(admin, VEHICLES)}
    today = context.services.clock().date()
    assert since == {"1001": date(2026, 3, 1), "1002": date(2026, 11, 6), "1003": today}


def test_an_xlsx_named_xls_is_read_by_what_it_is(context: AppContext, admin: User, units: dict[str, int],
                                                 tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "vehicles.xls", [VEHICLE_HEADER, ["粤B12345", "1001", "", "D1", ""]], title="车辆")
    result, _ = context.registry_import.run(admin, VEHICLES, path)
    assert (result.imported, result.sheet) == (1, "车辆")
