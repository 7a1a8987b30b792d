"""The dashboard shows real figures (registry, templates, this month's inspections and notices),
follows the change hub, and never invents numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt

from inspector.app import build_main_window
from inspector.context import AppContext
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import FollowUpItemResult, FollowUpResult, NoticeFlag
from inspector.domain.registry import RegistryKind
from inspector.domain.reports import ProblemLine
from inspector.domain.users import Role, User
from inspector.ui.models.inspections_model import InspectionsModel
from inspector.ui.pages.dashboard import DashboardPage
from inspector.ui.pages.notices import NoticesPage
from inspector.ui.pages.reports import ReportsPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.dashboard_month import top_problem_rows
from tests.notice_world import CST, completed_inspection, make_world


def make_page(qtbot: Any, ui: UiContext) -> DashboardPage:
    page = DashboardPage(ui)
    qtbot.addWidget(page)
    page.show()
    return page


def test_registry_counts_follow_the_hub(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    ui = sign_in(admin)
    page = make_page(qtbot, ui)
    units = page.registry_cards[RegistryKind.UNITS]
    assert units.value.text() == "0"

    _unit, changes = context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一号总站", "kind": "depot"})
    assert units.value.text() == "0"  # nothing reloads until the change is published
    ui.hub.publish(changes)

    assert units.value.text() == "1"
    assert page.registry_cards[RegistryKind.VEHICLES].value.text() == "0"


def test_templates_in_force_are_counted_from_the_service(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    ui = sign_in(admin)
    page = make_page(qtbot, ui)
    assert page.templates_card.value.text() == "0"
    assert "No template" in page.templates_card.note.text()

    loaded = context.templates.ensure_builtins()
    version = context.templates.list(admin)[0]
    _draft, changes = context.templates.copy_to_month(admin, version.code, "2099-01")
    ui.hub.publish(changes)

    assert page.templates_card.value.text() == str(len(loaded))  # a draft is not "in force"
    for code in loaded:
        assert code in page.templates_card.note.text()


def test_nothing_recorded_shows_zeros_not_made_up_numbers(
    qtbot: Any, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    page = make_page(qtbot, sign_in(admin))
    assert page.inspections_card.value.text() == "0"
    assert [card.value.text() for card in page.notice_cards.values()] == ["0", "0", "0"]
    assert not page.notice_cards["overdue"].alert
    assert "No notice closed" in page.notice_cards["closed_on_time"].note.text()


def test_inspection_and_notice_figures_of_this_month(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], tmp_path: Path
) -> None:
    world = make_world(context, users, tmp_path)  # Monday 2026-11-16
    ui = sign_in(world.office)
    page = make_page(qtbot, ui)
    cards = page.notice_cards
    serious = completed_inspection(context, world, fails=("N1-3",), seed=1)  # 3 working days: Thu 19th
    general = completed_inspection(context, world, fails=("N1-1",), seed=2)  # 5 working days: Mon 23rd
    context.inspections.start(world.sup, template_version_id=world.template_id, mode=InspectionMode.ONSITE,
                              subject=world.vehicle)
    urgent, changes = context.notices.issue(world.office, context.notices.drafts(world.office, serious.id, every_open=True)[0])
    later, more = context.notices.issue(world.office, context.notices.drafts(world.office, general.id, every_open=True)[0])
    ui.hub.publish(changes.merge(more))

    assert page.inspections_card.value.text() == "3"
    assert page.inspections_card.note.text() == "2 completed · 1 in progress"
    assert cards["due_this_week"].value.text() == "1"  # the 19th; the 23rd is next week
    assert "2 open" in cards["due_this_week"].note.text()
    assert cards["overdue"].value.text() == "0" and not cards["overdue"].alert

    world.clock.now = datetime(2026, 11, 18, 10, 0, tzinfo=CST)
    *_, changes = context.followups.record_followup(world.sup, urgent.id, passed())
    world.clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=CST)  # the 23rd has passed
    ui.hub.publish(changes)
    assert cards["overdue"].value.text() == "1" and cards["overdue"].alert
    assert cards["closed_on_time"].value.text() == "1 of 1"

    *_, changes = context.followups.record_followup(world.sup, later.id, passed())  # closed late
    ui.hub.publish(changes)
    assert cards["overdue"].value.text() == "0" and not cards["overdue"].alert
    assert cards["closed_on_time"].value.text() == "1 of 2"
    assert cards["due_this_week"].value.text() == "0"


def passed() -> list[FollowUpItemResult]:
    return [FollowUpItemResult(position=1, result=FollowUpResult.PASS)]


def test_signed_in_user_card(qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]) -> None:
    ui = sign_in(users[Role.QUALITY_OFFICE])
    page = make_page(qtbot, ui)
    assert page.user_card.value.text() == "qo1"
    assert "Quality office" in page.user_card.note.text()
    ui.sign_in(users[Role.MANAGER])
    assert page.user_card.value.text() == "mgr1"


def test_clicking_a_card_asks_to_open_its_page(qtbot: Any, admin: User, sign_in: Callable[[User], UiContext]) -> None:
    page = make_page(qtbot, sign_in(admin))
    card = page.registry_cards[RegistryKind.STAFF]
    with qtbot.waitSignal(page.navigate, timeout=1000) as blocker:
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert blocker.args == ["registry", RegistryKind.STAFF]
    with qtbot.waitSignal(page.navigate, timeout=1000) as blocker:
        qtbot.mouseClick(page.notice_cards["overdue"], Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert blocker.args == ["notices", {"status": "open", "flag": NoticeFlag.OVERDUE}]


def test_a_notice_card_opens_the_notices_page_filtered_to_what_it_counts(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    window = build_main_window(sign_in(users[Role.QUALITY_OFFICE]))
    qtbot.addWidget(window)
    window.show()
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    notices = window.pages["notices"]
    assert isinstance(notices, NoticesPage)
    dashboard.notice_cards["overdue"].clicked.emit()
    assert window.current_key() == "notices"
    assert (notices.status.currentData(), notices.flag.currentData()) == ("open", NoticeFlag.OVERDUE)
    window.go_to("dashboard")
    dashboard.notice_cards["closed_on_time"].clicked.emit()
    assert (notices.status.currentData(), notices.flag.currentData()) == ("closed", None)


def test_roles_without_reports_keep_the_dashboard_without_report_figures(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], tmp_path: Path
) -> None:
    world = make_world(context, users, tmp_path)
    completed_inspection(context, world, fails=("N1-1",), seed=1)
    ui = sign_in(world.sup)
    page = make_page(qtbot, ui)
    assert page.report is None
    assert not page.coverage_card.isVisible() and not page.month_report.isVisible()
    assert page.inspections_card.value.text() == "1"

    ui.sign_in(users[Role.MANAGER])  # a manager may view reports: the same page now shows them
    assert page.report is not None and page.report.month == "2026-11"
    assert page.coverage_card.isVisible() and page.month_report.isVisible()


def test_coverage_trend_and_top_problems_of_the_month_follow_the_hub(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], tmp_path: Path
) -> None:
    world = make_world(context, users, tmp_path)  # Monday 2026-11-16, one bus registered
    ui = sign_in(world.office)
    page = make_page(qtbot, ui)
    assert page.coverage_card.value.text() == "0.0%"
    # the bus; its unit is no row: no checklist inspects a unit itself (#13.5)
    assert page.coverage_card.note.text() == "1 registered, 0 inspected · 1 left"
    assert page.month_report.trend_chart.is_empty()
    assert page.month_report.problems.table.isHidden() and page.month_report.problems.empty.isVisible()

    completed_inspection(context, world, fails=("N1-1", "N1-3"), seed=1,
                         observed_at=datetime(2026, 10, 20, 10, 0, tzinfo=CST))  # last month
    completed_inspection(context, world, fails=("N1-1",), seed=2)
    inspection = completed_inspection(context, world, fails=("N1-1",), seed=3)
    assert page.coverage_card.value.text() == "0.0%"  # nothing reloads until the change is published
    ui.hub.publish(ChangeSet.of(Entity.INSPECTION, inspection.id))

    assert page.coverage_card.value.text() == "100.0%"
    assert page.coverage_card.note.text() == "1 registered, 1 inspected · 0 left"
    chart = page.month_report.trend_chart
    assert len(chart.month_labels) == 12 and len(chart.series) == 1
    assert chart.series[0].name == "第一公交总站"
    assert chart.series[0].rates[-1] is not None and chart.series[0].rates[-2] is not None
    assert chart.series[0].rates[:-2] == (None,) * 10  # months without inspections are gaps, not zeros
    table = page.month_report.problems.table
    assert table.columnCount() == 4 and table.isVisible()
    assert table.texts(0) == ["N1-1"]  # N1-3 failed only last month
    assert table.texts(2) == ["2"]
    assert table.texts(3) == ["+1"]
    report = context.reports.monthly(world.office, "2026-11", None)
    assert table.texts(1) == [report.top_problems[0].text]
    assert table.item(0, 1).toolTip() == report.top_problems[0].text  # the full text of an elided cell


def test_a_top_problem_lists_the_inspections_that_failed_it(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], tmp_path: Path
) -> None:
    world = make_world(context, users, tmp_path)  # Monday 2026-11-16
    completed_inspection(context, world, fails=("N1-1",), seed=1,
                         observed_at=datetime(2026, 10, 20, 10, 0, tzinfo=CST))  # last month: not listed
    failed = [completed_inspection(context, world, fails=("N1-1",), seed=seed).id for seed in (2, 3)]
    completed_inspection(context, world, fails=("N1-2",), seed=4)
    window = build_main_window(sign_in(world.office))
    qtbot.addWidget(window)
    window.show()
    dashboard = window.pages["dashboard"]
    table = dashboard.month_report.problems.table
    assert table.texts(0)[0] == "N1-1"
    cell = table.visualItemRect(table.item(0, 1)).center()
    with qtbot.waitSignal(dashboard.navigate, timeout=1000) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert blocker.args[0] == "inspections" and blocker.args[1]["item_code"] == "N1-1"
    listed = window.pages["inspections"].list_page
    assert window.current_key() == "inspections" and listed.failed_item_bar.isVisible()
    assert sorted(listed.model.data(listed.model.index(row, 0), InspectionsModel.ObjectRole)
                  for row in range(listed.model.rowCount())) == sorted(failed)


def test_only_five_problems_are_listed() -> None:
    lines = tuple(ProblemLine(rank=n, item_code=f"A{n}", text=f"problem {n}", count=10 - n, last_month=10 - n,
                              change=0) for n in range(1, 8))
    rows = top_problem_rows(lines)
    assert [row[0].text for row in rows] == ["A1", "A2", "A3", "A4", "A5"]
    assert [row[3].text for row in rows] == ["0"] * 5


def test_the_chart_the_problems_and_coverage_open_the_reports_page(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    window = build_main_window(sign_in(users[Role.QUALITY_OFFICE]))
    qtbot.addWidget(window)
    window.show()
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    assert isinstance(window.pages["reports"], ReportsPage)
    for target in (dashboard.month_report.trend_chart, dashboard.month_report.problems, dashboard.coverage_card):
        window.go_to("dashboard")
        with qtbot.waitSignal(dashboard.navigate, timeout=1000) as blocker:
            qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
        assert blocker.args == ["reports", None]
        assert window.current_key() == "reports"
