"""The reports page: the month's figures for the notice world, the month and unit choosers, the
refusal for roles without reports, refreshing on changes, the lists of overdue notices (one opens
the notices page on its number) and of subjects not inspected, and the exports (table, report,
vehicle and staff files) written by the services where the file dialog says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from inspector.context import AppContext
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError
from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import NoticeStatus
from inspector.domain.registry import RegistryKind
from inspector.domain.reports import MonthlyReport, OverdueNotice
from inspector.domain.users import Role, User
from inspector.pdf import report_pdf
from inspector.services.reports import REMARKS_LIMIT
from inspector.ui.pages.notices import NoticesPage
from inspector.ui.pages.reports import ReportsPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets import report_exports
from inspector.ui.widgets.report_charts import rate_range
from inspector.ui.widgets.report_lists import overdue_rows
from inspector.ui.widgets.report_tables import rate_change
from tests.notice_world import CST, NoticeWorld, completed_inspection, make_world


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    """Two inspections in November 2026 (one on-site: N1-1 and the serious N1-3 failed; one covert:
    N1-1 failed), one in October (N1-2 failed) and a notice issued from the first one."""
    made = make_world(context, users, tmp_path)
    first = completed_inspection(context, made, fails=("N1-1", "N1-3"), seed=1)
    completed_inspection(context, made, mode=InspectionMode.COVERT, fails=("N1-1",), seed=2)
    completed_inspection(context, made, fails=("N1-2",), seed=3,
                         observed_at=datetime(2026, 10, 12, 10, 0, tzinfo=CST))
    context.notices.issue(made.office, context.notices.drafts(made.office, first.id, every_open=True)[0])
    return made


def open_page(qtbot: Any, sign_in: Callable[[User], UiContext], user: User) -> ReportsPage:
    page = ReportsPage(sign_in(user))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    return page


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer every save dialog with ``path`` (None: cancelled); return the captions asked."""
    asked: list[str] = []

    def answer(_parent: Any, caption: str, _start: str, _filter: str) -> tuple[str, str]:
        asked.append(caption)
        return ("" if path is None else str(path)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def test_the_month_shows_its_figures_cards_charts_and_tables(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld) -> None:
    page = open_page(qtbot, sign_in, world.office)
    assert page.selected_month() == "2026-11" and page.selected_unit() is None
    assert page.month.itemData(1) == "2026-10"
    cards = page.cards
    assert cards["inspections"].value.text() == "2"
    assert cards["inspections"].note.text() == "On-site 1 · Covert 1 · Walk-around 0"
    assert cards["pass_rate"].value.text() == "62.5%"  # 5 of 8 answers passed
    assert cards["pass_rate"].note.text() == "5 of 8 items passed"
    assert cards["findings"].value.text() == "3" and cards["findings"].note.text() == "1 serious"
    # the bus was inspected; the one checklist inspects vehicles, so the unit is no row of its own (#13.5)
    assert cards["coverage"].value.text() == "100.0%"
    assert cards["coverage"].note.text() == "Vehicle 100.0% (1/1)"
    assert cards["issued"].value.text() == "1"
    assert cards["on_time"].value.text() == "0 of 0" and cards["days"].value.text() == "—"
    assert cards["overdue"].value.text() == "0" and not cards["overdue"].alert
    # a card's note starts with a capital like the others' (#14.9)
    assert cards["overdue"].note.text() == "Open past the deadline on 2026-11-16"  # today
    assert cards["days"].note.text() == "Calendar days, issue to closing"
    assert page.problems_table.texts(1) == ["N1-1", "N1-3"]
    assert page.problems_table.texts(3) == ["2", "1"] and page.problems_table.texts(5) == ["+2", "+1"]
    assert page.units_table.texts(2) == ["第一公交总站"]
    assert page.sections_chart.bars[0].label == "N1 车身外观" and page.sections_chart.bars[0].general == 2
    assert page.sections_chart.bars[1].serious == 1
    (line,) = page.trend_chart.series
    assert line.name == "第一公交总站" and len(line.rates) == 12 and line.rates[:9] == (None,) * 9
    assert line.rates[10] is not None and line.rates[11] is not None
    assert page.trend_chart.month_labels[-1] == "Nov"
    assert "All units, 2026-11-01 to 2026-11-30" in page.scope_note.text()


def test_choosing_a_month_and_a_unit_reloads(qtbot: Any, sign_in: Callable[[User], UiContext],
                                             world: NoticeWorld) -> None:
    page = open_page(qtbot, sign_in, world.office)
    page.month.setCurrentIndex(page.month.findData("2026-10"))
    assert page.report is not None and page.report.month == "2026-10"
    assert page.cards["inspections"].value.text() == "1"
    assert page.problems_table.texts(1) == ["N1-2"]
    page.set_scope("2026-11", world.unit_id)
    assert page.report.unit_id == world.unit_id and page.report.month == "2026-11"
    assert page.unit.currentText() == "D01 第一公交总站"
    assert page.scope_note.text().startswith("第一公交总站, 2026-11-01")


def test_roles_without_reports_are_led_to_what_they_can_see_and_get_no_figures(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld) -> None:
    page = open_page(qtbot, sign_in, world.sup)
    assert page.report is None
    assert page.denied.isVisible() and page.denied.text().startswith("Monthly reports are for the quality office")
    asked: list[tuple[str, object]] = []
    page.navigate.connect(lambda key, detail: asked.append((key, detail)))
    assert page.my_inspections_button.isVisible() and page.my_notices_button.isVisible()
    page.my_inspections_button.click()
    page.my_notices_button.click()
    assert asked == [("inspections", None), ("notices", None)]
    assert not page.scroll.isVisible() and not page.export_table_button.isVisible()
    assert page.export_table() is None
    manager = open_page(qtbot, sign_in, world.manager)
    assert not manager.denied.isVisible() and manager.cards["inspections"].value.text() == "2"


def test_figures_follow_inspection_and_notice_changes(
        context: AppContext, qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld) -> None:
    page = open_page(qtbot, sign_in, world.office)
    completed_inspection(context, world, fails=("N1-4",), seed=4)
    page.ui.hub.publish(ChangeSet.of(Entity.TEMPLATE, 1))
    assert page.cards["inspections"].value.text() == "2"  # not a change the page watches
    page.ui.hub.publish(ChangeSet.of(Entity.INSPECTION, 1))
    assert page.cards["inspections"].value.text() == "3"
    world.clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=CST)  # the notice's deadline has passed
    page.ui.hub.publish(ChangeSet.of(Entity.NOTICE, 1))
    assert page.cards["overdue"].value.text() == "1" and page.cards["overdue"].alert


def test_overdue_notices_and_subjects_not_inspected_are_listed(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld, context: AppContext) -> None:
    unit_id = context.registry.get(world.office, RegistryKind.VEHICLES, world.vehicle.id).unit_id
    context.registry.add(world.office, RegistryKind.VEHICLES,
                               {"plate": "粤B55555", "fleet_no": "1-0202", "unit_id": unit_id})
    page = open_page(qtbot, sign_in, world.office)
    overdue, uncovered = page.overdue, page.uncovered
    assert overdue.heading.text() == "Overdue notices not rectified (0)"
    assert overdue.table.isHidden() and overdue.empty.isVisible()
    assert overdue.empty.text() == "No notice was overdue on 2026-11-16."
    assert uncovered.heading.text() == "Not inspected this month (1)"  # the first bus was, the second not
    assert uncovered.table.isVisible() and uncovered.empty.isHidden()
    assert [uncovered.table.texts(column) for column in range(4)] == [["Vehicle"], ["1-0202"], ["粤B·55555"],
                                                                      ["第一公交总站"]]

    world.clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=CST)  # the deadline (11-19) has passed
    page.ui.hub.publish(ChangeSet.of(Entity.NOTICE, 1))
    assert overdue.heading.text() == "Overdue notices not rectified (1)"
    assert overdue.table.isVisible() and overdue.empty.isHidden()
    assert [overdue.table.texts(column) for column in range(6)] == [
        ["ZG-2026-11-0001"], ["第一公交总站"], ["2026-11-16"], ["2026-11-19"], ["11"], ["Issued"]]

    assert page.report is not None
    page.uncovered.show_report(page.report.model_copy(update={"uncovered": ()}))
    assert uncovered.heading.text() == "Not inspected this month (0)" and uncovered.table.isHidden()
    assert uncovered.empty.text() == "Every registered subject was inspected this month."
    page.uncovered.show_report(page.report.model_copy(update={"uncovered": (), "coverage": ()}))
    assert uncovered.empty.text() == "No active subject is registered for this scope."


def test_activating_an_overdue_notice_opens_the_notices_page_on_its_number(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld) -> None:
    world.clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=CST)
    page = open_page(qtbot, sign_in, world.office)
    table = page.overdue.table
    page.scroll.ensureWidgetVisible(table)
    cell = table.visualItemRect(table.item(0, 2)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double-click's first press
    with qtbot.waitSignal(page.navigate, timeout=1000) as blocker:
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert blocker.args == ["notices", {"status": "all", "text": "ZG-2026-11-0001"}]
    notices = NoticesPage(page.ui)
    qtbot.addWidget(notices)
    notices.set_filter(**blocker.args[1])
    assert [notice.number for notice in notices.notices()] == ["ZG-2026-11-0001"]
    assert notices.selected() is not None and notices.selected().number == "ZG-2026-11-0001"  # details shown


def test_export_table_writes_the_workbook_where_the_dialog_says(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, sign_in, world.office)
    save_as(monkeypatch, None)
    assert page.export_table() is None
    asked = save_as(monkeypatch, tmp_path / "november")
    written = page.export_table()
    assert written == tmp_path / "november.xlsx" and asked == ["Export the monthly table"]
    workbook = openpyxl.load_workbook(written)
    assert workbook["概况"]["B2"].value == "2026-11" and workbook["概况"]["B8"].value == 2
    assert str(written) in page.message.text()


def test_a_table_that_cannot_be_written_is_explained(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, sign_in, world.office)
    shown: list[InspectorError] = []
    monkeypatch.setattr(report_exports, "show_error", lambda _parent, error: shown.append(error))
    save_as(monkeypatch, tmp_path / "missing-folder" / "table.xlsx")
    assert page.export_table() is None
    assert [error.code for error in shown] == ["file_unwritable"]


def test_report_pdf_is_written_for_the_chosen_month_and_unit(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rendered: list[MonthlyReport] = []
    real = report_pdf.render_monthly_report

    def render_monthly_report(report: MonthlyReport, photos: Any = None) -> bytes:
        rendered.append(report)
        return real(report, photos)

    monkeypatch.setattr(report_pdf, "render_monthly_report", render_monthly_report)
    page = open_page(qtbot, sign_in, world.office)
    assert page.export_pdf_button.isEnabled()
    page.set_scope("2026-10", world.unit_id)
    save_as(monkeypatch, tmp_path / "october")
    written = page.export_pdf()
    assert written == tmp_path / "october.pdf" and written.read_bytes().startswith(b"%PDF")
    assert [(report.month, report.unit_id) for report in rendered] == [("2026-10", world.unit_id)]
    assert str(written) in page.message.text()


def test_vehicle_and_staff_files_export_as_pdf(
        context: AppContext, qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, sign_in, world.office)
    shown: list[InspectorError] = []
    monkeypatch.setattr(report_exports, "show_error", lambda _parent, error: shown.append(error))
    asked = save_as(monkeypatch, tmp_path / "bus")
    page.archive.key.setText("1-0801")  # the fleet number
    written = page.archive.export()
    assert written == tmp_path / "bus.pdf" and written.read_bytes().startswith(b"%PDF")
    assert asked == ["Export the file of 1-0801"] and shown == []
    assert str(written) in page.message.text()
    page.archive.kind.setCurrentIndex(page.archive.kind.findData(report_exports.STAFF))
    page.archive.key.setText("X999")
    assert page.archive.export() is None
    assert [error.code for error in shown] == ["archive_staff_not_found"] and len(asked) == 1


def test_helpers_for_charts_and_tables() -> None:
    assert rate_change(0.025) == "+2.5" and rate_change(-0.01) == "−1.0" and rate_change(None) == "—"
    assert rate_range([]) == (0.0, 1.0)
    ended = OverdueNotice(number="ZG-2026-10-0002", unit_name="第二车队", issued_on=date(2026, 10, 2),
                          deadline=date(2026, 10, 9), days_overdue=22, status=NoticeStatus.CLOSED,
                          ended_on=date(2026, 11, 3))
    (row,) = overdue_rows([ended])
    assert [cell.text for cell in row] == ["ZG-2026-10-0002", "第二车队", "2026-10-02", "2026-10-09", "22",
                                           "Closed · 2026-11-03"]
    assert row[4].number and not row[5].number


def test_the_analysis_is_saved_as_typed_and_kept_per_month(
        qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld) -> None:
    page = open_page(qtbot, sign_in, world.office)
    page.set_scope("2026-11", None)
    editor = page.remarks
    assert not editor.box.isReadOnly() and editor.box.toPlainText() == ""
    editor.box.insertPlainText("车身划痕问题集中，建议加强出车前检查。")
    assert editor.pending() and editor.timer.isActive()
    qtbot.waitUntil(lambda: not editor.pending(), timeout=3000)  # saved a moment after typing stops
    assert context.reports.monthly(world.office, "2026-11").remarks == "车身划痕问题集中，建议加强出车前检查。"
    # typed and straight away another month: the text goes to November, October starts empty
    editor.box.insertPlainText("\n十月另述。")
    page.set_scope("2026-10", None)
    assert context.reports.monthly(world.office, "2026-11").remarks.endswith("十月另述。")
    assert editor.box.toPlainText() == "" and context.reports.monthly(world.office, "2026-10").remarks == ""
    page.set_scope("2026-11", None)
    assert editor.box.toPlainText().startswith("车身划痕问题集中") and world.office.display_name in editor.status.text()


def test_an_analysis_too_long_is_refused_and_kept_on_screen(
        qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld) -> None:
    page = open_page(qtbot, sign_in, world.office)
    page.set_scope("2026-11", None)
    page.remarks.box.insertPlainText("长" * (REMARKS_LIMIT + 1))
    assert page.remarks.flush() is False
    assert "4000" in page.remarks.status.text() and page.remarks.box.toPlainText() == "长" * (REMARKS_LIMIT + 1)
    assert context.reports.monthly(world.office, "2026-11").remarks == ""
    # looking at another month and back: the refused text is still there to be shortened
    page.set_scope("2026-10", None)
    assert page.remarks.box.toPlainText() == ""
    page.set_scope("2026-11", None)
    assert page.remarks.box.toPlainText() == "长" * (REMARKS_LIMIT + 1) and "4000" in page.remarks.status.text()
    page.remarks.box.setPlainText("短一些。")
    assert page.remarks.flush() and context.reports.monthly(world.office, "2026-11").remarks == "短一些。"


def test_a_manager_reads_the_analysis_but_cannot_change_it(
        qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld) -> None:
    page = open_page(qtbot, sign_in, world.manager)
    page.set_scope("2026-11", None)
    assert page.remarks.box.isReadOnly() and "not written" in page.remarks.status.text()
    context.reports.save_remarks(world.office, "2026-11", None, "本月整体平稳。")
    page.reload()
    assert page.remarks.box.toPlainText() == "本月整体平稳。" and page.remarks.box.isReadOnly()
    assert world.office.display_name in page.remarks.status.text()


def test_suggested_file_names_follow_the_display_language(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    """#14.9: the English UI suggested 月度报表-….xlsx; the unit's name is data and stays."""
    from inspector.ui.language import apply_language

    suggested: list[str] = []

    def cancel(_parent: Any, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        suggested.append(Path(start).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancel))
    page = open_page(qtbot, sign_in, world.office)
    page.export_table()
    page.export_pdf()
    assert suggested == ["monthly-table-2026-11-all-units.xlsx", "monthly-report-2026-11-all-units.pdf"]
    try:
        apply_language("zh_CN")
        page.export_table()
        assert suggested[-1] == "月度报表-2026-11-全部单位.xlsx"
        page.set_scope("2026-11", world.unit_id)
        page.export_table()
        assert suggested[-1] == "月度报表-2026-11-第一公交总站.xlsx"
    finally:
        apply_language("en")
