"""``report monthly`` in process: the table (.xlsx) with typed cells (the full lists of overdue
notices and of subjects not inspected included), the unit scope, the PDF target, and refusals
that write nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from inspector.context import AppContext
from inspector.domain.notices import FollowUpItemResult, FollowUpResult
from inspector.domain.users import Role, User
from inspector.words.report_notes import INSPECTED_NOTE, REGISTERED_NOTE
from tests.cli.conftest import run_cli
from tests.conftest import PASSWORD
from tests.notice_world import CST, completed_inspection
from tests.pdf import pdftotext, squeezed
from tests.services.test_reports import build_month


@pytest.fixture
def month_dir(context: AppContext, users: dict[Role, User], tmp_path: Path, data_dir: Path,
              monkeypatch: pytest.MonkeyPatch) -> Path:
    build_month(context, users, tmp_path)
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    return data_dir


def _report(capsys, data_dir: Path, user: str, output: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--data-dir", str(data_dir), "--user", user, "report", "monthly", "2026-11",
                   "-o", str(output), *extra)


def _values(sheet) -> dict:
    return {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}


def test_xlsx_has_a_sheet_per_section_and_typed_cells(month_dir: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "月报.xlsx"
    code, out, err = _report(capsys, month_dir, "qo1", output)
    assert code == 0, err
    assert "2026-11" in out
    book = openpyxl.load_workbook(output)
    assert book.sheetnames == ["概况", "检查方式", "覆盖率", "未检对象", "问题分布", "整改通知", "逾期通知单",
                               "共性问题", "单位排名", "人员排名", "进步情况", "得分趋势", "分析意见",
                               # the complaints section (#16.5): the 投诉月报's sheets
                               "投诉·概况", "投诉·分类统计", "投诉·被投诉人员", "投诉·办理时限", "投诉·未结案件",
                               "投诉·共性问题", "投诉·重复投诉"]
    summary = _values(book["概况"])
    assert isinstance(summary["统计起始日"].value, datetime)
    assert summary["统计起始日"].value == datetime(2026, 11, 1)
    assert summary["统计截止日"].value == datetime(2026, 11, 30)
    assert summary["生成时间"].is_date
    assert summary["检查次数"].value == 3 and isinstance(summary["检查次数"].value, int)
    rate = summary["项目合格率"]
    assert isinstance(rate.value, float) and rate.value == 0.75 and rate.number_format == "0.0%"
    coverage = next(book["覆盖率"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert coverage == ("车辆", 2, 2, 0, 1, 1)  # 未检 0: both buses inspected
    assert book["覆盖率"]["E2"].number_format == "0.0%"
    # the one checklist inspects vehicles: no row for units (no checklist inspects a unit itself)
    assert [row[0] for row in book["覆盖率"].iter_rows(min_row=2, values_only=True) if row[0]] == ["车辆"]
    assert list(book["未检对象"].iter_rows(values_only=True)) == [("对象类别", "编号", "名称", "所属单位")]
    assert book["逾期通知单"].max_row == 1  # the header only: nothing overdue in November
    ranking = list(book["单位排名"].iter_rows(min_row=2, values_only=True))
    assert [row[:4] for row in ranking] == [(1, "D02", "第二公交总站", 1), (2, "D01", "第一公交总站", 2)]
    assert ranking[1][4] == 91 and ranking[1][5] == pytest.approx(0.91)
    assert ranking[1][7] == pytest.approx(-0.04) and book["单位排名"]["H3"].number_format.startswith("+0.0%")
    problems = list(book["共性问题"].iter_rows(min_row=2, values_only=True))
    assert problems[0] == (1, "N1-1", "车身无明显划痕", 1, 1, 0)
    notices = _values(book["整改通知"])
    assert notices["下发通知单"].value == 1 and notices["平均整改天数"].value == 2
    trend = book["得分趋势"]
    assert trend["A1"].value == "单位" and trend["M1"].value == "2026-11"
    assert book["分析意见"].max_row == 1 and summary["分析意见撰写人"].value is None  # none written
    assert not list(tmp_path.glob(".*.xlsx.tmp"))  # the temporary file went into place


def test_xlsx_lists_the_overdue_notices_with_dates_and_days(
        context: AppContext, users: dict[Role, User], tmp_path: Path, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Two October notices past their deadline on 10-31: one closed in December, one still open."""
    world = build_month(context, users, tmp_path).world
    notices = []
    for seed, day in ((5, 9), (6, 19)):
        world.clock.now = datetime(2026, 10, day, 9, 0, tzinfo=CST)
        inspection = completed_inspection(context, world, fails=("N1-2",), seed=seed, observed_at=world.clock.now)
        notices.append(context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])[0])
    world.clock.now = datetime(2026, 12, 3, 10, 0, tzinfo=CST)
    context.followups.record_followup(world.sup, notices[0].id, [
        FollowUpItemResult(position=item.position, result=FollowUpResult.PASS)
        for item in context.notices.items(world.office, notices[0].id)])
    numbers = [notice.number for notice in notices]
    deadlines = {notice.number: notice.deadline for notice in notices}
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    output = tmp_path / "十月.xlsx"
    code, _, err = run_cli(capsys, "--data-dir", str(data_dir), "--user", "qo1", "report", "monthly", "2026-10",
                           "-o", str(output))
    assert code == 0, err
    sheet = openpyxl.load_workbook(output)["逾期通知单"]
    assert [cell.value for cell in sheet[1]] == ["编号", "责任单位", "下发日期", "整改期限", "逾期天数", "目前状态",
                                                 "结束日期"]
    rows = list(sheet.iter_rows(min_row=2))
    assert [row[0].value for row in rows] == numbers  # the longest overdue first
    for row, number, issued in zip(rows, numbers, (9, 19)):
        assert row[1].value == "第一公交总站"
        assert row[2].value == datetime(2026, 10, issued) and row[2].number_format == "yyyy-mm-dd"
        assert isinstance(row[3].value, datetime) and row[3].value.date() == deadlines[number]
        days = row[4].value
        assert isinstance(days, int) and days == (date(2026, 10, 31) - deadlines[number]).days > 0
    assert (rows[0][5].value, rows[0][6].value) == ("已关闭", datetime(2026, 12, 3))
    assert rows[0][6].is_date
    assert (rows[1][5].value, rows[1][6].value) == ("仍未关闭", None)


def test_unit_scope(month_dir: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "d02.xlsx"
    code, _, err = _report(capsys, month_dir, "qo1", output, "--unit", "D02")
    assert code == 0, err
    summary = _values(openpyxl.load_workbook(output)["概况"])
    assert summary["范围"].value == "第二公交总站" and summary["检查次数"].value == 1


def test_a_pdf_target_writes_the_report(month_dir: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "月报.pdf"
    code, out, err = _report(capsys, month_dir, "qo1", output)
    assert code == 0, err
    assert output.read_bytes().startswith(b"%PDF") and str(output) in out


def test_refusals_write_nothing(month_dir: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "sup.xlsx"
    code, _, err = _report(capsys, month_dir, "sup1", output)
    assert code == 2 and err.startswith("error:") and not output.exists()
    code, _, err = _report(capsys, month_dir, "qo1", tmp_path / "report.csv")
    assert code == 2 and ".xlsx or .pdf" in err
    code, _, err = run_cli(capsys, "--data-dir", str(month_dir), "--user", "qo1", "report", "monthly", "2026-1",
                           "-o", str(output))
    assert code == 2 and "month" in err and not output.exists()
    code, _, err = _report(capsys, month_dir, "qo1", output, "--unit", "NOPE")
    assert code == 2 and err.startswith("error:") and not output.exists()


def test_the_report_and_the_table_say_what_inspected_means(month_dir: Path, tmp_path: Path, capsys) -> None:
    """「每月考核一次,对驾乘人员和生产管理人员进行评比」 beside 「检查覆盖率达到100%」: the report states
    the one meaning of inspected that the coverage and the rankings share, and who is registered in a
    month (#13.5) — under the PDF's coverage table and in the workbook's 概况 sheet."""
    pdf = tmp_path / "report.pdf"
    assert _report(capsys, month_dir, "qo1", pdf)[0] == 0
    text = squeezed(pdftotext(pdf.read_bytes(), tmp_path))
    assert squeezed(INSPECTED_NOTE) in text and squeezed(REGISTERED_NOTE) in text
    table = tmp_path / "report.xlsx"
    assert _report(capsys, month_dir, "qo1", table)[0] == 0
    summary = _values(openpyxl.load_workbook(table)["概况"])
    assert (summary["已检查口径"].value, summary["登记总数口径"].value) == (INSPECTED_NOTE, REGISTERED_NOTE)
