"""The list pages keep every word readable after a language switch (#14.9): started in Chinese
and switched to English, the inspections filters read "All mode:" and "Any statu" (a combo box
was sized once, when first shown, to its Chinese words), and the complaints list kept the column
widths of its Chinese words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox

from inspector.context import AppContext
from inspector.domain.users import Role, User
from inspector.ui.language import apply_language
from inspector.ui.pages.complaints import ComplaintsPage
from inspector.ui.pages.inspections import InspectionsPage
from inspector.ui.pages.notices import NoticesPage
from inspector.ui.uicontext import UiContext
from tests.complaints.world import add_case, complaint_world
from tests.notice_world import NoticeWorld, completed_inspection

FILTERS = {InspectionsPage: ("period", "mode", "status"), NoticesPage: ("status", "flag"),
           ComplaintsPage: ("status", "kind", "channel")}


def cut_choices(combo: QComboBox) -> list[str]:
    """The items that would not fit the combo's text field if chosen."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    metrics = QFontMetrics(combo.font())
    return [combo.itemText(index) for index in range(combo.count())
            if metrics.horizontalAdvance(combo.itemText(index)) > field.width()]


@pytest.mark.parametrize("first, then", [("zh_CN", "en"), ("en", "zh_CN")])
@pytest.mark.parametrize("page_type", list(FILTERS), ids=lambda kind: kind.__name__)
def test_every_filter_choice_fits_after_a_language_switch(
    qtbot: Any, qapp: QApplication, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    page_type: type, first: str, then: str,
) -> None:
    from inspector.app import configure_application

    font, sheet = qapp.font(), qapp.styleSheet()
    configure_application(qapp)  # the real font and style sheet
    try:
        assert apply_language(first)
        page = page_type(sign_in(users[Role.QUALITY_OFFICE]))
        qtbot.addWidget(page)
        page.resize(1366 - 220, 768 - 120)
        page.show()
        qtbot.waitExposed(page)
        qtbot.wait(50)  # the style sheet's polish events are handled: the page as a person sees it
        assert apply_language(then)
        page.retranslate()  # what the main window does on LanguageChange
        qtbot.wait(10)  # the layouts settle
        combos = {name: getattr(page, name) for name in FILTERS[page_type]}
        assert all(combo.count() > 1 for combo in combos.values())
        assert {name: cut_choices(combo) for name, combo in combos.items()} == {name: [] for name in combos}
    finally:
        apply_language("en")
        qapp.setFont(font)
        qapp.setStyleSheet(sheet)


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    """A complaint about the bus and a notice from an inspection of it: rows in both lists."""
    made = complaint_world(context, users, tmp_path)
    add_case(context, made)
    done = completed_inspection(context, made, fails=("N1-1",), seed=1)
    context.notices.issue(made.office, context.notices.drafts(made.office, done.id, every_open=True)[0])
    return made


@pytest.mark.parametrize("first, then", [("zh_CN", "en"), ("en", "zh_CN")])
@pytest.mark.parametrize("page_type", [NoticesPage, ComplaintsPage], ids=lambda kind: kind.__name__)
def test_a_switched_list_sizes_its_columns_as_one_opened_in_that_language(
    qtbot: Any, qapp: QApplication, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    page_type: type, first: str, then: str,
) -> None:
    """Switched from Chinese, the complaints list kept its Chinese column widths: "Serious com…",
    "Under inve…", a cut "Vehicle / staff" heading."""
    from inspector.app import configure_application

    def opened(language: str) -> Any:
        assert apply_language(language)
        page = page_type(sign_in(world.office))
        qtbot.addWidget(page)
        page.resize(1366 - 220, 768 - 120)
        page.show()
        qtbot.waitExposed(page)
        qtbot.wait(50)
        return page

    def widths(page: Any) -> list[int]:
        return [-1 if page.table.isColumnHidden(column) else page.table.columnWidth(column)
                for column in range(page.model.columnCount())]

    font, sheet = qapp.font(), qapp.styleSheet()
    configure_application(qapp)
    try:
        switched = opened(first)
        assert switched.model.rowCount() == 1
        assert apply_language(then)
        switched.retranslate()  # what the main window does on LanguageChange
        qtbot.wait(10)
        assert widths(switched) == widths(opened(then))
    finally:
        apply_language("en")
        qapp.setFont(font)
        qapp.setStyleSheet(sheet)
