"""``report weekly YYYY-Www -o FILE`` and ``report complaints YYYY-MM -o FILE`` in process: the
file type follows the extension, a bad week, month or extension exits 2 with one ``error:`` line
and writes nothing, and a role without reports is refused."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest

from tests.cli.conftest import run_cli
from tests.complaints.test_reports import week  # noqa: F401  (the fixture)
from tests.conftest import PASSWORD

WEEK_SHEETS = ["概况", "分类统计", "被投诉人员", "办理时限", "未结案件", "共性问题", "重复投诉"]


@pytest.fixture
def china_time(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The CLI counts weeks in the machine's local days: make them China's, as the week's cases."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def cli(week, china_time, data_dir: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]  # noqa: F811
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)

    def run(capsys, *argv: str, user: str = "qo1"):  # type: ignore[no-untyped-def]
        return run_cli(capsys, "--data-dir", str(data_dir), "--user", user, "report", *argv)

    return run


def test_weekly_writes_pdf_or_xlsx_by_extension(cli, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pdf, xlsx = tmp_path / "周报.pdf", tmp_path / "周报.XLSX"
    code, out, err = cli(capsys, "weekly", "2026-W47", "-o", str(pdf))
    assert code == 0, err
    assert "2026-W47" in out and "7 cases" in out
    assert pdf.read_bytes().startswith(b"%PDF-")
    code, _, err = cli(capsys, "weekly", "2026-w47", "-o", str(xlsx))
    assert code == 0, err
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == WEEK_SHEETS
    summary = {row[0].value: row[1].value for row in book["概况"].iter_rows(min_row=2)}
    assert summary["受理件数"] == 7 and summary["期间"] == "2026-W47"
    assert book["办理时限"]["F4"].number_format == "0.0%"
    assert [row for row in book["分类统计"].iter_rows(min_row=2, values_only=True) if row[0] == "线路"] == [
        ("线路", "8", "8", 4, pytest.approx(4 / 7))]


def test_complaints_monthly_and_unit_scope(cli, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    output = tmp_path / "月报.xlsx"
    code, out, err = cli(capsys, "complaints", "2026-11", "-o", str(output), "--unit", "D01")
    assert code == 0, err
    assert "投诉热线月报 2026-11 (第一公交总站, 7 cases)" in out
    assert openpyxl.load_workbook(output).sheetnames == WEEK_SHEETS


@pytest.mark.parametrize("argv, words", [
    (("weekly", "2026-W60"), "is not a week"),
    (("weekly", "2026-11"), "is not a week"),
    (("complaints", "2026-13"), "is not a month"),
    (("complaints", "2026-W47"), "is not a month"),
])
def test_a_bad_period_exits_2_and_writes_nothing(cli, tmp_path: Path, capsys, argv, words) -> None:  # type: ignore[no-untyped-def]
    output = tmp_path / "r.pdf"
    code, _, err = cli(capsys, *argv, "-o", str(output))
    assert code == 2 and not output.exists()
    assert err.startswith("error:") and words in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_bad_extension_a_missing_folder_and_a_role_are_refused(cli, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(capsys, "weekly", "2026-W47", "-o", str(tmp_path / "r.csv"))
    assert code == 2 and ".xlsx or .pdf" in err and not (tmp_path / "r.csv").exists()
    code, _, err = cli(capsys, "weekly", "2026-W47", "-o", str(tmp_path / "nowhere" / "r.pdf"))
    assert code != 0 and err.startswith("error:") and "Traceback" not in err
    code, _, err = cli(capsys, "weekly", "2026-W47", "-o", str(tmp_path / "r.pdf"), user="sup1")
    assert code != 0 and err.startswith("error:") and not (tmp_path / "r.pdf").exists()
