"""The inspections page: a lazy model that passes qtmodeltester over 1 000 rows, filters that
change the count, sorting by the database on a header click, the covert rule as a supervisor
sees it, the empty state, and the double-click that asks to open an inspection.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox

from inspector.context import AppContext
from inspector.domain.inspections import InspectionMode
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.ui.models.inspections_model import InspectionsModel
from inspector.ui.pages.inspections import InspectionsPage, period_dates
from inspector.ui.uicontext import UiContext
from tests.ui.keys import double_click
from tests.storage.test_inspections_query import insert_inspections

ROWS = 1000


@pytest.fixture
def filled(context: AppContext, users: dict[Role, User], second_supervisor: User) -> dict[str, Any]:
    """1 000 inspections: sup1's and sup2's, every fifth covert, two units, scores 0–99."""
    admin = users[Role.ADMIN]
    context.templates.ensure_builtins()
    t1 = context.templates.latest_published(admin, "T1").id
    depot, _ = context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一号总站", "kind": "depot"})
    other, _ = context.registry.add(admin, RegistryKind.UNITS, {"code": "D02", "name": "西区车队", "kind": "depot"})
    rows = [{
        "mode": "covert" if n % 5 == 0 else "onsite",
        "author_id": users[Role.SUPERVISOR].id if n % 2 else second_supervisor.id,
        "unit_id": depot.id if n % 4 else other.id,
        "subject_label": f"粤B·{n:05d}", "score": float(n % 100), "veto_failed": int(n % 100 == 0),
        "observed_at": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T{8 + n % 10:02d}:{n % 60:02d}:00+08:00",
    } for n in range(ROWS)]
    ids = insert_inspections(context, rows, template_version_id=t1)
    by_id = dict(zip(ids, rows, strict=True))
    return {"ids": ids, "rows": by_id, "depot": depot.id, "other": other.id, "sup2": second_supervisor}


def make_page(qtbot: Any, ui: UiContext) -> InspectionsPage:
    page = InspectionsPage(ui)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def choose(combo: QComboBox, data: Any) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_the_lazy_model_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, filled: dict[str, Any], users: dict[Role, User],
    sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    assert page.model.rowCount() == ROWS
    qtmodeltester.check(page.model)
    page.model.sort(InspectionsModel.COL_SCORE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(page.model)


def test_rows_are_fetched_a_page_at_a_time_and_the_cache_stays_bounded(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    model = page.model
    qtbot.waitUntil(lambda: model.page_loads >= 1, timeout=2000)
    qtbot.wait(20)
    assert model.page_loads == 1  # painting the first screen needs the first page only
    model.MAX_PAGES = 3
    for row in range(0, ROWS, 100):
        assert model.record(row) is not None
    assert model.cached_pages() == 3
    newest = model.record(0)
    assert newest is not None and newest.observed_at.month == 12  # newest first by default


def test_filters_change_the_count(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    assert page.count_label.text() == "1,000 inspection(s)"
    choose(page.mode, InspectionMode.COVERT)
    assert page.model.rowCount() == 200 and page.count_label.text() == "200 inspection(s)"
    choose(page.mode, None)
    choose(page.unit, filled["other"])
    assert page.model.rowCount() == 250
    choose(page.unit, None)

    page.search.setText("总站")  # the depot's name, a substring: applied 200 ms after typing stops
    assert page.model.rowCount() == ROWS
    qtbot.waitUntil(lambda: page.model.rowCount() == 750, timeout=2000)
    page.search.setText("B·0012")
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=2000)  # 00120 … 00129
    assert page.count_label.text() == "10 inspection(s)"
    page.search.clear()

    page.score_min.setValue(90)
    page.apply_filters()
    assert page.model.rowCount() == 100
    page.score_max.setValue(94)
    page.apply_filters()
    assert page.model.rowCount() == 50
    page.score_min.setValue(page.score_min.minimum())
    page.score_max.setValue(page.score_max.minimum())

    choose_period(page, "custom")
    page.date_from.setDate(date(2025, 3, 1))
    page.date_to.setDate(date(2025, 3, 31))
    expected = sum(1 for row in filled["rows"].values() if row["observed_at"].startswith("2025-03"))
    assert page.model.rowCount() == expected and expected > 0

    page.search.setText("无此车辆")
    page.apply_filters()
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text() == "No inspection matches these filters."


def choose_period(page: InspectionsPage, key: str) -> None:
    from inspector.ui.pages.inspections import PERIODS

    page.period.setCurrentIndex(PERIODS.index(key))
    page.period.activated.emit(page.period.currentIndex())
    assert page.date_from.isVisibleTo(page) is (key == "custom")


def test_a_header_click_sorts_by_score_in_the_database(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(InspectionsModel.COL_SCORE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    order = page.model.sort_order
    scores = [page.model.record(row).score for row in range(0, 60)]
    assert order.column.value == "score"
    assert scores == sorted(scores, reverse=order.descending)
    assert page.model.data(page.model.index(0, InspectionsModel.COL_SCORE)) in ("0 (veto)", "99 / 100")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert page.model.sort_order.descending is not order.descending
    first = page.model.record(0)
    assert first is not None and first.score == (0.0 if not page.model.sort_order.descending else 99.0)


def test_a_supervisor_never_sees_another_authors_covert_row(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    sup1 = users[Role.SUPERVISOR]
    hidden = {i for i, row in filled["rows"].items() if row["mode"] == "covert" and row["author_id"] != sup1.id}
    assert hidden
    page = make_page(qtbot, sign_in(sup1))
    shown = set(page.model.ids())
    assert shown.isdisjoint(hidden) and len(shown) == ROWS - len(hidden)
    assert page.count_label.text() == f"{ROWS - len(hidden)} inspection(s)"
    choose(page.mode, InspectionMode.COVERT)
    covert_rows = [page.model.record(row) for row in range(page.model.rowCount())]
    assert covert_rows and all(row is not None and row.author_name == "sup1" for row in covert_rows)
    secret = filled["rows"][min(hidden)]["subject_label"]
    page.search.setText(secret)
    page.apply_filters()
    assert page.model.rowCount() == 0


def test_double_click_asks_to_open_the_inspection(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    index = page.model.index(3, InspectionsModel.COL_SUBJECT)
    with qtbot.waitSignal(page.open_requested) as opened:
        double_click(page.table, index)
    assert opened.args == [page.model.ids()[3]]


def test_empty_state_says_how_inspections_are_recorded(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.MANAGER]))
    assert page.stack.currentWidget() is page.empty
    assert "inspector-cli inspections start" in page.empty.text()
    assert page.count_label.text() == "0 inspection(s)"
    page.set_start_hint("Start one with Start inspection….")
    assert page.empty.text() == "No inspections yet. Start one with Start inspection…."


def test_a_failed_item_narrows_the_list_until_cleared(
        qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], users: dict[Role, User],
        filled: dict[str, Any]) -> None:
    march = [inspection_id for inspection_id, row in filled["rows"].items()
             if row["observed_at"].startswith("2025-03") and row["mode"] == "onsite"]
    with context.db.conn:
        for inspection_id in march[:3]:
            context.db.execute("INSERT INTO findings (inspection_id, item_code, created_at) VALUES (?, 'T1-1.1', ?)",
                               [inspection_id, "2025-03-10T09:00:00+08:00"])
        context.db.execute("INSERT INTO findings (inspection_id, item_code, created_at) VALUES (?, 'T1-1.1', ?)",
                           [next(i for i, row in filled["rows"].items() if row["observed_at"].startswith("2025-04")),
                            "2025-04-10T09:00:00+08:00"])
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    page.show_failed_item("T1-1.1", "车身无明显划痕", date(2025, 3, 1), date(2025, 3, 31))
    assert page.model.rowCount() == 3  # April's finding is outside the period
    assert page.failed_item_bar.isVisible() and "T1-1.1" in page.failed_item_label.text()
    assert (page.date_from.date().toPython(), page.date_to.date().toPython()) == (date(2025, 3, 1), date(2025, 3, 31))
    page.failed_item_clear.click()
    assert not page.failed_item_bar.isVisible()
    assert page.model.rowCount() == sum(1 for row in filled["rows"].values() if row["observed_at"].startswith("2025-03"))


def test_period_dates() -> None:
    custom = (date(2025, 5, 9), date(2025, 5, 2))
    assert period_dates("this_month", date(2024, 2, 10), custom) == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_dates("last_month", date(2025, 1, 15), custom) == (date(2024, 12, 1), date(2024, 12, 31))
    assert period_dates("this_year", date(2025, 7, 1), custom) == (date(2025, 1, 1), date(2025, 12, 31))
    assert period_dates("custom", date(2025, 7, 1), custom) == (date(2025, 5, 2), date(2025, 5, 9))
    assert period_dates("all", date(2025, 7, 1), custom) == (None, None)


def test_the_model_holds_a_count_and_the_pages_painted_not_every_id(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    model = page.model
    qtbot.waitUntil(lambda: model.page_loads >= 1, timeout=2000)
    assert model.rowCount() == ROWS and model.cached_pages() == 1
    last = model.record(ROWS - 1)  # a jump to the end fetches the last page only
    assert last is not None and last.observed_at.month == 1 and model.cached_pages() == 2
    assert model.record(ROWS) is None
    # The export of the list is the whole filtered list, asked for when exporting.
    choose(page.unit, filled["other"])
    assert model.cached_pages() == 0
    listed = model.listed_ids()
    assert len(listed) == 250 and set(listed) == {i for i, row in filled["rows"].items()
                                                 if row["unit_id"] == filled["other"]}
    assert [model.data(model.index(row, 0), InspectionsModel.ObjectRole) for row in range(250)] == listed
    assert model.row_of(listed[123]) == 123 and model.row_of(-5) == -1


def test_the_selection_follows_its_inspection_through_a_sort(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    page.table.selectRow(7)
    chosen = page.selected_id()
    assert chosen is not None
    header = page.table.horizontalHeader()
    for column in (InspectionsModel.COL_SCORE, InspectionsModel.COL_UNIT, InspectionsModel.COL_SCORE):
        x = header.sectionViewportPosition(column) + 10
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
        assert page.selected_id() == chosen
        row = page.table.selectionModel().selectedRows()[0].row()
        assert row == page.model.row_of(chosen) == page.model.listed_ids().index(chosen)


def test_down_from_the_search_then_enter_opens_the_row(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    page.search.setFocus()
    page.search.setText("B·0012")
    page.apply_filters()
    assert page.model.rowCount() == 10
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [page.model.listed_ids()[1]]
    assert filled["rows"][opened.args[0]]["subject_label"].startswith("粤B·0012")


def test_on_a_large_table_a_search_paints_its_first_page_then_counts(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inspector.storage import inspections_listing

    monkeypatch.setattr(inspections_listing, "PROBE_ABOVE", 0)  # as if the table held a million rows
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    page.search.setText("总站")
    page.apply_filters()
    model = page.model
    assert model.counting and model.rowCount() == InspectionsModel.PAGE_SIZE
    assert page.count_label.text() == "Counting…" and page.stack.currentWidget() is page.table
    page.table.selectRow(3)
    chosen = page.selected_id()
    with qtbot.waitSignal(model.count_known, timeout=2000):
        pass
    assert not model.counting and model.rowCount() == 750 and page.count_label.text() == "750 inspection(s)"
    assert page.selected_id() == chosen  # the rows after the first page are added, not reset
    assert len(model.listed_ids()) == 750 and model.record(749) is not None
    page.search.setText("B·0012")  # sparse: counted first, as on a small table
    page.apply_filters()
    assert not model.counting and model.rowCount() == 10 and page.count_label.text() == "10 inspection(s)"


def test_a_sort_while_counting_counts_first(
    qtbot: Any, filled: dict[str, Any], users: dict[Role, User], sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, qtmodeltester: Any,
) -> None:
    from inspector.storage import inspections_listing

    monkeypatch.setattr(inspections_listing, "PROBE_ABOVE", 0)
    page = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    page.search.setText("总站")
    page.apply_filters()
    assert page.model.counting
    page.model.sort(InspectionsModel.COL_SCORE, Qt.SortOrder.AscendingOrder)
    assert not page.model.counting and page.model.rowCount() == 750
    assert page.count_label.text() == "750 inspection(s)"
    qtmodeltester.check(page.model)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_mode_or_status_is_cut_on_the_laptop_screen(
    qtbot: Any, qapp: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    language: str,
) -> None:
    """#14.9: at 1366×768 in English the mode column read "Walk-ar…". With the real font and style
    sheet, each mode and status, and their headings, fit their columns in both languages."""
    from inspector.app import configure_application
    from inspector.domain.inspections import InspectionStatus
    from inspector.ui.language import apply_language

    admin = users[Role.ADMIN]
    context.templates.ensure_builtins()
    t1 = context.templates.latest_published(admin, "T1").id
    depot, _ = context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一号总站", "kind": "depot"})
    kinds = [(mode, status) for mode in InspectionMode for status in InspectionStatus]
    insert_inspections(context, [{"mode": mode.value, "status": status.value,
                                  "observed_at": f"2025-03-{day:02d}T09:00:00+08:00"}
                                 for day, (mode, status) in enumerate(kinds, start=1)],
                       template_version_id=t1, author_id=users[Role.SUPERVISOR].id, unit_id=depot.id)
    font, sheet = qapp.font(), qapp.styleSheet()
    configure_application(qapp)  # the real font and style sheet: their padding widens every cell
    try:
        assert apply_language(language)
        page = InspectionsPage(sign_in(users[Role.QUALITY_OFFICE]))
        qtbot.addWidget(page)
        page.resize(1366 - 220, 768 - 120)  # the page beside the navigation of a maximised window
        page.show()
        qtbot.waitExposed(page)
        table, model = page.table, page.model
        assert model.rowCount() == len(kinds)
        for column in (InspectionsModel.COL_MODE, InspectionsModel.COL_STATUS):
            shown = {model.data(model.index(row, column)) for row in range(model.rowCount())}
            assert len(shown) == len(InspectionMode if column == InspectionsModel.COL_MODE else InspectionStatus)
            width = table.columnWidth(column)
            assert table.sizeHintForColumn(column) <= width, (language, shown, width)  # every visible row whole
            assert table.horizontalHeader().sectionSizeHint(column) <= width
    finally:
        apply_language("en")
        qapp.setFont(font)
        qapp.setStyleSheet(sheet)
