"""Scrolling with the wheel scrolls; it never changes a value (issue #14.8: scrolling Settings
moved a 调休 date to 2018-01-01). A spin box, date edit or combo box takes the wheel only once
it has been clicked or tabbed into."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from inspector.domain.users import User
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.uicontext import UiContext
from inspector.ui.wheel_guard import WheelGuard, install_wheel_guard


def wheel_down(widget: QWidget) -> None:
    """One notch of the wheel, downwards, over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(widget.rect().center())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def settings_page(qtbot: Any, ui: UiContext) -> tuple[SettingsPage, QScrollArea]:
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.resize(900, 500)  # shorter than its content: the page scrolls
    page.show()
    qtbot.waitExposed(page)
    scroll = page.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0
    return page, scroll


def test_without_the_guard_the_wheel_changes_the_date_under_the_pointer(
    qtbot: Any, qapp: QApplication, admin: User, sign_in: Callable[[User], UiContext],
) -> None:
    """The bug as it was: proves the event below is one a date edit acts on."""
    for guard in qapp.findChildren(WheelGuard):
        qapp.removeEventFilter(guard)
        guard.deleteLater()
    page, _ = settings_page(qtbot, sign_in(admin))
    field = page.calendar.holiday_from
    before = field.date()
    wheel_down(field)
    assert field.date() != before


def test_the_wheel_over_an_unfocused_date_scrolls_the_page_and_keeps_the_date(
    qtbot: Any, qapp: QApplication, admin: User, sign_in: Callable[[User], UiContext],
) -> None:
    install_wheel_guard(qapp)
    page, scroll = settings_page(qtbot, sign_in(admin))
    field = page.calendar.holiday_from
    days = page.days[next(iter(page.days))]
    assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel never gives it focus
    date_before, days_before = field.date(), days.value()
    bar = scroll.verticalScrollBar()
    bar.setValue(0)

    wheel_down(field)
    wheel_down(days)
    wheel_down(page.language)

    assert field.date() == date_before and days.value() == days_before
    assert bar.value() > 0  # the page scrolled instead


def test_a_focused_field_still_takes_the_wheel(
    qtbot: Any, qapp: QApplication, admin: User, sign_in: Callable[[User], UiContext],
) -> None:
    install_wheel_guard(qapp)
    page, _ = settings_page(qtbot, sign_in(admin))
    days = page.days[next(iter(page.days))]
    days.setValue(10)
    days.setFocus()
    qtbot.waitUntil(days.hasFocus)
    wheel_down(days)
    assert days.value() == 9


def test_installing_twice_keeps_one_guard(qapp: QApplication) -> None:
    assert install_wheel_guard(qapp) is install_wheel_guard(qapp)
    assert len(qapp.findChildren(WheelGuard)) == 1
