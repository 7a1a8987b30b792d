"""The read-only tables of the reports page (top problems, unit and staff rankings) and the way
their figures are written: rates as percentages with one decimal, changes with their sign (a rise
in green, a fall in red for rates; for problem counts a rise is the bad news).

A table shows every row it is given and is as tall as its rows, up to ``MAX_VISIBLE`` rows; the
page scrolls, not each table.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from inspector.domain.reports import ProblemLine, ScoreLine
from inspector.ui.language import localized
from inspector.ui.widgets.tables import row_height, setup_read_only_table

MAX_VISIBLE = 12
BETTER = QColor("#2e7d32")
WORSE = QColor("#b3261e")
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def rate_change(value: float | None) -> str:
    """A change of rate in percentage points: "+2.5", "−1.0", "0.0"; "—" when not comparable."""
    if value is None:
        return "—"
    points = round(value * 100, 1)
    return f"+{points:.1f}" if points > 0 else (f"−{-points:.1f}" if points < 0 else "0.0")


def count_change(value: int) -> str:
    return f"+{value}" if value > 0 else (f"−{-value}" if value < 0 else "0")


class Cell:
    """One cell: its text, whether it is a number (right-aligned) and an optional colour."""

    def __init__(self, text: str, *, number: bool = False, colour: QColor | None = None) -> None:
        self.text = text
        self.number = number
        self.colour = colour


def rate_cell(change: float | None) -> Cell:
    colour = None if change is None or round(change * 100, 1) == 0 else (BETTER if change > 0 else WORSE)
    return Cell(rate_change(change), number=True, colour=colour)


def problem_change_cell(change: int) -> Cell:
    return Cell(count_change(change), number=True, colour=None if change == 0 else (WORSE if change > 0 else BETTER))


def number_cell(value: int) -> Cell:
    return Cell(str(value), number=True)


def problem_text(line: ProblemLine) -> str:
    """The checklist item's text in the display language: a template without English shows its
    Chinese (beside the item code) rather than nothing."""
    return localized(line.text, line.text_en)


def problem_rows(lines: Sequence[ProblemLine]) -> list[list[Cell]]:
    """Rank, item code, problem, this month, last month, change."""
    return [[number_cell(line.rank), Cell(line.item_code), Cell(problem_text(line)), number_cell(line.count),
             number_cell(line.last_month), problem_change_cell(line.change)] for line in lines]


def score_rows(lines: Sequence[ScoreLine]) -> list[list[Cell]]:
    """Rank, code, name, inspections, average score, score rate, last month's rate, change."""
    return [[number_cell(line.rank), Cell(line.code), Cell(line.name), number_cell(line.inspections),
             Cell(f"{line.average_score:.1f}", number=True), Cell(percent(line.average_rate), number=True),
             Cell(percent(line.last_month_rate), number=True), rate_cell(line.change)] for line in lines]


class ReportTable(QTableWidget):
    """A read-only table filled from rows of ``Cell``; ``stretch`` is the column that takes the room."""

    def __init__(self, stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stretch = stretch
        setup_read_only_table(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_height()

    def set_headers(self, headers: Sequence[str]) -> None:
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        header = self.horizontalHeader()
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column == self.stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        self.setRowCount(len(rows))
        for row_index, row in enumerate(rows):
            for column, cell in enumerate(row):
                item = QTableWidgetItem(cell.text)
                if cell.number:
                    item.setTextAlignment(NUMBER)
                if cell.colour is not None:
                    item.setForeground(cell.colour)
                self.setItem(row_index, column, item)
        self._fit_height()

    def texts(self, column: int) -> list[str]:
        """The texts of one column, top to bottom (for tests and screen readers alike)."""
        return [self.item(row, column).text() for row in range(self.rowCount())]

    def _fit_height(self) -> None:
        visible = max(1, min(self.rowCount(), MAX_VISIBLE))
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header + visible * row_height(self) + 2 * self.frameWidth() + 2)
