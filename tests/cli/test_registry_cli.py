"""``inspector-cli registry import`` / ``registry list``, in process: a file with a bad row exits 2,
names the row and column and imports nothing; ``--good-rows-only`` imports the rest; ``--json``
prints JSON; roles apply as in the GUI.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inspector.cli import main as cli_main
from inspector.context import open_context
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role
from tests.conftest import PASSWORD

VEHICLES = [
    ["车牌", "自编号", "线路", "所属单位", "车型"],
    ["粤B12345", 1001, "12路", "D1", "宇通"],
    ["粤B12346", 1002, "12路", "二号总站", ""],
    ["粤Q1234", 1003, "12路", "D1", ""],  # one character short
    ["粤B12348", 1004, "15路", "D2", "比亚迪"],
]


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = cli_main.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def _count(data_dir: Path, table: str) -> int:
    conn = sqlite3.connect(str(data_dir / "inspector.db"))
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def with_units(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> Path:
    """An initialised data folder holding units D1 一号总站 and D2 二号总站."""
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    code, _, err = _run(capsys, data_dir, "init")
    assert code == 0, err
    units = tmp_path / "units.csv"
    with units.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["单位编码", "单位名称", "类型"], ["D1", "一号总站", "总站"],
                                      ["D2", "二号总站", "总站"]])
    code, out, err = _run(capsys, data_dir, "registry", "import", "units", str(units))
    assert (code, out, err) == (0, "imported 2 units\n", "")
    return data_dir


def test_a_bad_row_exits_2_names_row_and_column_and_imports_nothing(
    with_units: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _xlsx(tmp_path / "F.xlsx", VEHICLES)
    audit_before = _count(with_units, "audit_log")
    code, out, err = _run(capsys, with_units, "registry", "import", "vehicles", str(path))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"error: {path}: 1 problem(s) found; nothing was imported.",
        '  row 4, column 车牌: "粤Q1234" is not a plate like 粤B·12345',
    ]
    assert _count(with_units, "vehicles") == 0
    assert _count(with_units, "audit_log") == audit_before


def test_good_rows_only_imports_the_good_ones_and_lists_the_skipped(
    with_units: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _xlsx(tmp_path / "F.xlsx", VEHICLES)
    code, out, err = _run(capsys, with_units, "registry", "import", "vehicles", str(path), "--good-rows-only")
    assert code == 0
    assert out == "imported 3 vehicles\n"
    assert err.splitlines() == [f"skipped 1 row(s) of {path}:",
                                '  row 4, column 车牌: "粤Q1234" is not a plate like 粤B·12345']

    code, out, err = _run(capsys, with_units, "registry", "list", "vehicles", "--json")
    assert code == 0, err
    listed = json.loads(out)
    assert [(v["plate"], v["fleet_no"], v["unit"]) for v in listed] == [
        ("粤B·12345", "1001", "D1"), ("粤B·12346", "1002", "D2"), ("粤B·12348", "1004", "D2")]
    assert all(isinstance(v["id"], int) and v["active"] is True for v in listed)

    # the same file again: plates and fleet numbers are now duplicates (an import never updates)
    code, _, err = _run(capsys, with_units, "registry", "import", "vehicles", str(path))
    assert code == 2
    assert err.splitlines()[0] == f"error: {path}: 7 problem(s) found; nothing was imported."
    assert '  row 2, column 车牌: "粤B·12345" already exists in the registry' in err.splitlines()


def test_list_searches_and_prints_an_aligned_table(with_units: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, with_units, "registry", "list", "units", "--search", "一号")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].split() == ["id", "code", "name", "kind", "head_name", "head_phone", "active", "active_from",
                                "retired_on"]
    today = datetime.now().astimezone().date().isoformat()  # added today: in service from today
    assert lines[1].split() == ["1", "D1", "一号总站", "depot", "yes", today]
    # columns line up on screen: 一号总站 is 8 terminal columns wide, like "name" padded to it
    assert lines[0].index("kind") == len("id  code  ") + 8 + 2
    assert lines[1].index("depot") == lines[0].index("kind") - 4  # four double-width characters

    code, out, _ = _run(capsys, with_units, "registry", "list", "staff")
    assert (code, out) == (0, "(none)\n")


def test_list_all_includes_retired_records(with_units: Path, capsys: pytest.CaptureFixture[str]) -> None:
    context = open_context(with_units)
    try:
        admin = context.users.authenticate("admin", PASSWORD)
        d2 = context.registry.find_by_key(admin, RegistryKind.UNITS, "D2")
        context.registry.set_active(admin, RegistryKind.UNITS, d2.id, False)
    finally:
        context.close()
    _, out, _ = _run(capsys, with_units, "registry", "list", "units", "--json")
    assert [u["code"] for u in json.loads(out)] == ["D1"]
    _, out, _ = _run(capsys, with_units, "registry", "list", "units", "--all", "--json")
    assert [(u["code"], u["active"]) for u in json.loads(out)] == [("D1", True), ("D2", False)]


def test_a_supervisor_cannot_import(with_units: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    context = open_context(with_units)
    try:
        admin = context.users.authenticate("admin", PASSWORD)
        context.users.create(admin, username="sup1", display_name="督导员", role=Role.SUPERVISOR, password=PASSWORD)
    finally:
        context.close()
    path = _xlsx(tmp_path / "F.xlsx", VEHICLES[:3])
    code, _, err = _run(capsys, with_units, "--user", "sup1", "registry", "import", "vehicles", str(path))
    assert code == 2
    assert err.splitlines() == [
        'error: Your role (Supervisor) may not edit the registry.']
    assert _count(with_units, "vehicles") == 0
    code, out, _ = _run(capsys, with_units, "--user", "sup1", "registry", "list", "units", "--json")
    assert code == 0 and len(json.loads(out)) == 2


@pytest.mark.parametrize(("name", "expected"), [
    ("missing.xlsx", "error: The file {path} does not exist."),
    ("vehicles.xls", "error: The file {path} does not exist."),  # .xls is read now (#17.2)
    ("vehicles.ods", "error: The file {path} is not a format Inspector reads (.ods); save it as .csv, .xlsx."),
])
def test_file_errors_are_one_line(with_units: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  name: str, expected: str) -> None:
    path = tmp_path / name
    code, _, err = _run(capsys, with_units, "registry", "import", "vehicles", str(path))
    assert code == 2
    assert err.splitlines() == [expected.format(path=path)]


def test_retire_keeps_the_record_with_its_day_and_a_bad_day_changes_nothing(
        with_units: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """「检查覆盖率达到100%」 is of what was in service in the month (#13.5): retiring on a day keeps
    the record and its months before that day; the list shows 启用 / 停用 days; a day that is not a
    date, or one before the record was in service, exits 2 naming it and changes nothing."""
    path = tmp_path / "buses.csv"
    path.write_text("车牌,自编号,所属单位,启用日期\n粤B12345,1001,D1,2026/3/1\n", encoding="utf-8")
    assert _run(capsys, with_units, "--user", "admin", "registry", "import", "vehicles", str(path))[0] == 0
    code, out, err = _run(capsys, with_units, "--user", "admin", "registry", "retire", "vehicles", "1001",
                          "--on", "2026-02-28")
    assert code == 2 and out == ""
    assert err.strip() == "error: 粤B·12345 cannot be retired on 2026-02-28: it is in service only from 2026-03-01."
    code, _, err = _run(capsys, with_units, "--user", "admin", "registry", "retire", "vehicles", "1001",
                        "--on", "2026-13-01")
    assert code == 2 and "--on" in err
    assert _count(with_units, "vehicles WHERE active = 1") == 1
    code, out, _ = _run(capsys, with_units, "--user", "admin", "registry", "retire", "vehicles", "粤B12345",
                        "--on", "2026-10-15")
    assert (code, out.strip()) == (0, "vehicles 粤B12345 retired on 2026-10-15")
    code, out, _ = _run(capsys, with_units, "--user", "admin", "registry", "list", "vehicles", "--all", "--json")
    [bus] = json.loads(out)
    assert (bus["active"], bus["active_from"], bus["retired_on"]) == (False, "2026-03-01", "2026-10-15")
    code, out, _ = _run(capsys, with_units, "--user", "admin", "registry", "list", "vehicles", "--all")
    assert out.splitlines()[0].split()[-2:] == ["active_from", "retired_on"]
    assert out.splitlines()[1].split()[-2:] == ["2026-03-01", "2026-10-15"]
