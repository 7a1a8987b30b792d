"""The two lists at the foot of the reports page: the notices open past their deadline on the
report's day (逾期未整改通知单) and the registered subjects no completed inspection of the month
was about (本月未检对象).

Each is a section heading with its row count, a ``ReportTable`` and, when there is nothing to
list, one sentence in the table's place. Activating an overdue notice (double-click or Enter)
emits ``notice_chosen`` with its number; the page turns that into a trip to the notices page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector.domain.report_facts import UncoveredSubject
from inspector.domain.reports import MonthlyReport, OverdueNotice
from inspector.words.labels import label
from inspector.words.notice_labels import status_label
from inspector.words.report_notes import coverage_notes
from inspector.ui.widgets.report_tables import Cell, ReportTable, number_cell


def overdue_rows(lines: Sequence[OverdueNotice]) -> list[list[Cell]]:
    """Number, unit, issued, deadline, days overdue, today's status (with the day it ended, if it has)."""
    return [[Cell(line.number), Cell(line.unit_name), Cell(line.issued_on.isoformat()),
             Cell(line.deadline.isoformat()), number_cell(line.days_overdue),
             Cell(status_label(line.status) if line.ended_on is None
                  else f"{status_label(line.status)} · {line.ended_on.isoformat()}")] for line in lines]


def uncovered_rows(lines: Sequence[UncoveredSubject]) -> list[list[Cell]]:
    """Kind, code, name, unit."""
    return [[Cell(label(line.kind)), Cell(line.code), Cell(line.name), Cell(line.unit_name)] for line in lines]


class ReportListSection(QWidget):
    """A section heading, a table of rows and the sentence shown instead of the table when it is empty."""

    def __init__(self, stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: MonthlyReport | None = None  # what the subclass's ``_fill`` writes out
        self.heading = QLabel()
        self.heading.setProperty("role", "sectionTitle")
        self.table = ReportTable(stretch)
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)

    def show_report(self, report: MonthlyReport | None) -> None:
        self.report = report
        self._fill()

    def _fill(self) -> None:
        raise NotImplementedError  # each section writes its own heading, rows and empty sentence

    def _show_rows(self, heading: str, rows: list[list[Cell]], empty_text: str) -> None:
        self.heading.setText(heading)
        self.table.set_rows(rows)
        self.empty.setText(empty_text)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)


class OverdueNoticesSection(ReportListSection):
    """The notices open past their deadline on ``report.as_of``, the longest overdue first."""

    notice_chosen = Signal(str)  # the number of the activated notice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(1, parent)
        self.table.cellActivated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers([self.tr("Number"), self.tr("Unit"), self.tr("Issued"), self.tr("Deadline"),
                                self.tr("Days overdue"), self.tr("Status now")])
        self.table.setToolTip(self.tr("Double-click a notice to find it on the Notices page."))
        self._fill()

    def _fill(self) -> None:
        lines = self.report.overdue_notices if self.report is not None else ()
        as_of = self.report.as_of.isoformat() if self.report is not None else ""
        self._show_rows(self.tr("Overdue notices not rectified ({count})").format(count=len(lines)),
                        overdue_rows(lines), self.tr("No notice was overdue on {date}.").format(date=as_of))

    def _activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.notice_chosen.emit(item.text())


class UncoveredSubjectsSection(ReportListSection):
    """The subjects of the scope in service in the report's month and not inspected in it, by kind,
    unit and code, with the report's notes on what "inspected" and "registered" mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(2, parent)
        self.notes = QLabel()
        self.notes.setProperty("role", "hint")
        self.notes.setWordWrap(True)
        self.layout().addWidget(self.notes)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers([self.tr("Kind"), self.tr("Code"), self.tr("Name"), self.tr("Unit")])
        self.notes.setText(coverage_notes())
        self._fill()

    def _fill(self) -> None:
        report = self.report
        lines = report.uncovered if report is not None else ()
        registered = sum(line.population for line in report.coverage) if report is not None else 0
        empty = (self.tr("Every registered subject was inspected this month.") if registered
                 else self.tr("No active subject is registered for this scope."))
        self._show_rows(self.tr("Not inspected this month ({count})").format(count=len(lines)),
                        uncovered_rows(lines), empty)
