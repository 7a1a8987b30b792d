"""The mouse wheel scrolls the page; it changes a value only in the field being edited.

Qt gives a spin box, date edit or combo box the wheel (and the focus) as soon as the pointer
passes over it, so scrolling down the Settings page turned a 调休 date back to 2018-01-01 and
changed the deadline days on the way. :class:`WheelGuard`, installed once on the application,
makes such fields take focus only by click or Tab (``StrongFocus``) and hands a wheel event that
reaches an unfocused one to the scroll area around it, which scrolls as if the field were not there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

from inspector.ui.app_filters import install_once

_FIELDS = (QAbstractSpinBox, QComboBox)


def value_field(widget: QWidget) -> QWidget | None:
    """The spin box / date edit / combo box ``widget`` is, or is the line edit of; else None."""
    for candidate in (widget, widget.parentWidget()):
        if isinstance(candidate, _FIELDS):
            return candidate
    return None


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """Application-wide event filter; see the module's doc string."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _FIELDS):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, QWidget):
            field = value_field(watched)
            if field is not None and not field.hasFocus():
                area = _scroll_area_around(field)
                if area is not None:
                    QApplication.sendEvent(area.viewport(), event)
                return True  # the value stays as it is
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the filter on ``app`` once."""
    return install_once(app, WheelGuard)
