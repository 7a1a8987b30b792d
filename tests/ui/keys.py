"""Mouse and keyboard as a user uses them, for widget tests."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication


def double_click(view: QAbstractItemView, index: QModelIndex) -> None:
    """A real double click on the row of ``index`` (the view is shown and scrolled to it first)."""
    if not view.isVisible():
        view.window().show()
    view.scrollTo(index)
    QApplication.processEvents()
    centre = view.visualRect(index).center()
    # What a mouse sends: press, release, then the double click (Qt needs the press on the same row).
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
