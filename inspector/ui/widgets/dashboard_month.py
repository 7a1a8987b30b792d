"""The dashboard's view of the monthly report: the score trend of twelve months and the month's
most frequent problems, side by side. Both come from one ``MonthlyReport`` (the reports page's
figures, drawn by the same chart and written by the same cell helpers) and both emit ``clicked``:
the dashboard opens the reports page for the whole story. A click on one problem emits
``problem_chosen(item code, text)`` instead: the dashboard lists the inspections that failed it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inspector.domain.reports import MonthlyReport, ProblemLine
from inspector.ui.widgets.report_charts import ScoreTrendChart, trend_data
from inspector.ui.widgets.report_tables import (
    Cell,
    ReportTable,
    number_cell,
    problem_change_cell,
    problem_text,
)

TOP_PROBLEMS_SHOWN = 5
CAPTION_STYLE = "font-weight: bold; color: #24364a;"  # as the chart draws its title


def _left_click(event: QMouseEvent, widget: QWidget) -> bool:
    return event.button() == Qt.MouseButton.LeftButton and widget.rect().contains(event.position().toPoint())


class ClickableTrendChart(ScoreTrendChart):
    """The score trend chart with a pointing hand; a click emits ``clicked``."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if _left_click(event, self):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def top_problem_rows(lines: tuple[ProblemLine, ...]) -> list[list[Cell]]:
    """Item code, problem, count this month, change against last month (a rise in red)."""
    return [[Cell(line.item_code), Cell(problem_text(line)), number_cell(line.count), problem_change_cell(line.change)]
            for line in lines[:TOP_PROBLEMS_SHOWN]]


class TopProblemsPanel(QFrame):
    """A card with the month's five most frequent problems; a click on a problem emits
    ``problem_chosen``, a click elsewhere on the card ``clicked``."""

    clicked = Signal()
    problem_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setProperty("clickable", "true")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel()
        self.caption.setStyleSheet(CAPTION_STYLE)
        self.table = ReportTable(1)
        self.table.setCursor(Qt.CursorShape.PointingHandCursor)
        self.lines: tuple[ProblemLine, ...] = ()
        self.table.cellClicked.connect(lambda row, _column: self._chosen(row))
        self.empty = QLabel()
        self.empty.setProperty("role", "cardNote")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addStretch(1)

    def _chosen(self, row: int) -> None:
        if 0 <= row < min(len(self.lines), TOP_PROBLEMS_SHOWN):
            self.problem_chosen.emit(self.lines[row].item_code, problem_text(self.lines[row]))

    def set_lines(self, lines: tuple[ProblemLine, ...]) -> None:
        self.lines = lines
        self.table.set_rows(top_problem_rows(lines))
        for row, line in enumerate(lines[:TOP_PROBLEMS_SHOWN]):
            self.table.item(row, 1).setToolTip(problem_text(line))  # long problem texts are elided in the cell
        self.table.setVisible(bool(lines))
        self.empty.setVisible(not lines)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if _left_click(event, self):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class MonthReportPanel(QWidget):
    """The trend chart (wider) and the top problems, filled from one ``MonthlyReport``."""

    clicked = Signal()
    problem_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: MonthlyReport | None = None
        self.trend_chart = ClickableTrendChart()
        self.problems = TopProblemsPanel()
        self.trend_chart.clicked.connect(self.clicked)
        self.problems.clicked.connect(self.clicked)
        self.problems.problem_chosen.connect(self.problem_chosen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.trend_chart, 3)
        layout.addWidget(self.problems, 2)
        self.retranslate()

    def show_report(self, report: MonthlyReport | None) -> None:
        self.report = report
        if report is None:
            self.trend_chart.set_data([], [])
            self.problems.set_lines(())
            return
        self.trend_chart.set_data(*trend_data(report))
        self.problems.set_lines(report.top_problems)

    def retranslate(self) -> None:
        self.trend_chart.set_texts(self.tr("Average score rate, last 12 months"),
                                   self.tr("No scored inspections in these months."))
        self.problems.caption.setText(self.tr("Top problems this month"))
        self.problems.table.set_headers([self.tr("Item"), self.tr("Problem"), self.tr("Count"),
                                         self.tr("Change")])
        self.problems.empty.setText(self.tr("No problem found this month."))
        if self.report is not None:
            self.problems.set_lines(self.report.top_problems)
