"""The filter bars of the list pages keep every choice readable after a language switch (#14.9):
started in Chinese and switched to English, the inspections filters read "All mode:" and
"Any statu" (a combo box was sized once, when first shown, to its Chinese words)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox

from inspector.domain.users import Role, User
from inspector.ui.language import apply_language
from inspector.ui.pages.complaints import ComplaintsPage
from inspector.ui.pages.inspections import InspectionsPage
from inspector.ui.pages.notices import NoticesPage
from inspector.ui.uicontext import UiContext

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
