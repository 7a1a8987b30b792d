"""The start-up reminder of overdue rectification notices (逾期未整改), once a day per user.

After a user signs in, the main window asks ``overdue_for(ui)``: the overdue notices that user is
the one to act on (``NoticeService.overdue_to_act_on``: all of them for the quality office, a
supervisor's own inspections' for a supervisor). When there are any and the user has not been
reminded yet today (QSettings ``reminders/<user id>``), ``OverdueReminderDialog`` lists each notice
(number, unit, deadline, calendar days overdue) with "Open notices" (``open_notices_requested``)
and "Later". The dialog is shown with ``show()``, never ``exec()``: it does not block the window,
the tests or the screenshot tool. ``INSPECTOR_NO_REMINDER=1`` in the environment turns it off.
"""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.domain.notices import NoticeSummary
from inspector.ui.geometry import settings_store
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.tables import setup_read_only_table

REMINDER_OFF_ENV = "INSPECTOR_NO_REMINDER"
DIALOG_MARGINS = (20, 18, 20, 16)
MAX_VISIBLE_ROWS = 8


def reminders_enabled() -> bool:
    """False when ``INSPECTOR_NO_REMINDER`` is set to anything but "" or "0"."""
    return os.environ.get(REMINDER_OFF_ENV, "") in ("", "0")


def overdue_for(ui: UiContext) -> list[NoticeSummary]:
    """The overdue notices the signed-in user should be reminded of ([] when they cannot act on them)."""
    if not ui.signed_in:
        return []
    try:
        return ui.app.notices.overdue_to_act_on(ui.user)
    except InspectorError:
        return []  # a reminder must never stand between the user and the window


def _reminded_key(ui: UiContext) -> str:
    return f"reminders/{ui.user.id}"


def reminded_today(ui: UiContext, today: date) -> bool:
    return settings_store().value(_reminded_key(ui)) == today.isoformat()


def mark_reminded(ui: UiContext, today: date) -> None:
    store = settings_store()
    store.setValue(_reminded_key(ui), today.isoformat())
    store.sync()


class OverdueReminderDialog(QDialog):
    """A short list of overdue notices; "Open notices" emits ``open_notices_requested`` and closes."""

    open_notices_requested = Signal()

    def __init__(self, notices: list[NoticeSummary], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notices = notices
        self.today = today
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(560)
        self.heading = QLabel()
        self.heading.setProperty("role", "sectionTitle")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(len(notices), 4)
        setup_read_only_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a list to read; the buttons take the keys
        for row, notice in enumerate(notices):
            cells = (notice.number, notice.addressee_unit, notice.deadline.isoformat(), str(self.days_overdue(notice)))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.buttons = QDialogButtonBox()
        self.open_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        self.later_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._open_notices)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._fit_table()

    def _fit_table(self) -> None:
        """As tall as its rows, up to ``MAX_VISIBLE_ROWS`` (then it scrolls)."""
        rows = min(len(self.notices), MAX_VISIBLE_ROWS)
        frame = self.table.frameWidth() * 2
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows * self.table.verticalHeader().defaultSectionSize() + frame)

    def days_overdue(self, notice: NoticeSummary) -> int:
        """Calendar days since the deadline."""
        return (self.today - notice.deadline).days

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Overdue rectification notices"))
        self.heading.setText(self.tr("%n rectification notice(s) past the deadline and not yet closed:", "",
                                     len(self.notices)))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Unit"), self.tr("Deadline"), self.tr("Days overdue")])
        self.open_button.setText(self.tr("Open notices"))
        self.later_button.setText(self.tr("Later"))

    def numbers(self) -> list[str]:
        return [self.table.item(row, 0).text() for row in range(self.table.rowCount())]

    def _open_notices(self) -> None:
        self.open_notices_requested.emit()
        self.accept()

    @classmethod
    def remind(cls, ui: UiContext, parent: QWidget | None = None) -> OverdueReminderDialog | None:
        """Show the reminder without blocking when the user has overdue notices to act on; else None."""
        if not reminders_enabled():
            return None
        if not ui.signed_in:
            return None
        today = ui.app.notices.today()
        if reminded_today(ui, today):
            return None
        notices = overdue_for(ui)
        if not notices:
            return None
        mark_reminded(ui, today)
        dialog = cls(notices, today, parent)
        dialog.setModal(False)
        dialog.show()
        return dialog
