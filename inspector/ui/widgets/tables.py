"""One look and behaviour for every read-only table (registry, templates, users, import problems).

``setup_read_only_table`` makes a view select whole single rows, never edit in place, alternate
row colours, hide the row numbers, keep one line per row of the same height everywhere, and put
column headings on the left like the cells under them (Qt centres them by default, which looks
detached from left-aligned text). Colours and padding come from ``resources/style.qss``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROW_PADDING = 10  # pixels above and below the text of a row, together


def row_height(view: QAbstractItemView) -> int:
    """The height of one table row for the view's font."""
    return view.fontMetrics().height() + ROW_PADDING


def setup_read_only_table(table: QTableView) -> None:
    """Row selection, no editing, alternating colours, left headings, compact uniform rows."""
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setShowGrid(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(row_height(table))
    columns = table.horizontalHeader()
    columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    columns.setHighlightSections(False)
