"""The quality office's analysis and suggestions (分析意见与改进建议) on the reports page.

A plain text box for the month and scope on show. What is typed is saved by the report service
a moment after typing stops, when the box loses focus, when it is hidden and before the page
reads another month or unit (``flush``), so nothing written is lost. Other roles read it.
A refused save (too long) is said under the box and the text stays there to be shortened, even
when another month is looked at in between.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent, QHideEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from inspector.words import messages
from inspector.domain.errors import InspectorError
from inspector.domain.reports import MonthlyReport

SAVE_DELAY_MS = 800
Save = Callable[[str, "int | None", str], object]  # (month, unit id, text) → saves or raises


class RemarksBox(QPlainTextEdit):
    """The text box; tells its editor when focus leaves."""

    def __init__(self, on_focus_out: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_focus_out = on_focus_out

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._on_focus_out()
        super().focusOutEvent(event)


class ReportRemarksEditor(QWidget):
    def __init__(self, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.scope: tuple[str, int | None] | None = None  # (month, unit id) the box holds
        self.saved_text = ""
        self.refused: dict[tuple[str, int | None], str] = {}  # texts not saved, by scope
        self.report: MonthlyReport | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "sectionTitle")
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.box = RemarksBox(self.flush)
        self.box.setMinimumHeight(130)
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.box.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.heading, self.hint, self.box, self.status):
            layout.addWidget(widget)
        self.retranslate()

    def show_report(self, report: MonthlyReport, writable: bool) -> None:
        """Hold ``report``'s analysis (after saving what was typed for the previous scope; a text
        the service refused is kept aside and comes back with its month and unit)."""
        if not self.flush() and self.scope is not None:
            self.refused[self.scope] = self.box.toPlainText()
        self.report = report
        self.scope = (report.month, report.unit_id)
        self.saved_text = report.remarks
        shown = self.refused.pop(self.scope, report.remarks)
        if self.box.toPlainText().strip() != shown.strip():
            self.box.blockSignals(True)
            self.box.setPlainText(shown)
            self.box.blockSignals(False)
        self.box.setReadOnly(not writable)
        self._show_state()
        if self.pending():
            self.flush()  # says again why it was refused

    def pending(self) -> bool:
        return self.scope is not None and not self.box.isReadOnly() and self.box.toPlainText().strip() != self.saved_text

    def flush(self) -> bool:
        """Save what was typed, if anything changed; False when the service refused it."""
        self.timer.stop()
        if not self.pending():
            return True
        assert self.scope is not None
        text = self.box.toPlainText().strip()
        try:
            self._save(self.scope[0], self.scope[1], text)
        except InspectorError as error:
            self.status.setProperty("role", "error")
            self.status.setText(messages.describe(error))
            self._restyle()
            return False
        self.saved_text = text
        self.status.setProperty("role", "muted")
        self.status.setText(self.tr("Saved."))
        self._restyle()
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def _typed(self) -> None:
        self.timer.start()
        self.status.setProperty("role", "muted")
        self.status.setText(self.tr("%n character(s)", "", len(self.box.toPlainText().strip())))
        self._restyle()

    def _restyle(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _show_state(self) -> None:
        report = self.report
        self.status.setProperty("role", "muted")
        if report is None or not report.remarks:
            self.status.setText(self.tr("The quality office has not written an analysis of this month yet.")
                                if self.box.isReadOnly() else "")
        else:
            when = report.remarks_at.strftime("%Y-%m-%d %H:%M") if report.remarks_at else ""
            self.status.setText(self.tr("Written by {name}, {when}.").format(name=report.remarks_by, when=when))
        self._restyle()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Analysis and suggestions"))
        self.hint.setText(self.tr("The quality office's reading of the month: causes of the problems, good practice "
                                  "seen, what each unit should do next. It is saved as you type and printed as its "
                                  "own part of the report (.pdf) and the table (.xlsx)."))
        self.box.setPlaceholderText(self.tr("Write the analysis of this month here…"))
        self._show_state()
