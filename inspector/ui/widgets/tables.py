"""One look and behaviour for every read-only table (registry, templates, users, import problems),
and ``DownIntoResults``: ↓ from a page's search box into its table.

``fit_column`` widens a column to the widest of the texts it can hold (the labels of a mode or a
status in the display language), so that none is cut to "Walk-ar…".

``setup_read_only_table`` makes a view select whole single rows, never edit in place, alternate
row colours, hide the row numbers, keep one line per row of the same height everywhere, and put
column headings on the left like the cells under them (Qt centres them by default, which looks
detached from left-aligned text). Colours and padding come from ``resources/style.qss``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QStyle, QStyleOptionViewItem, QTableView

ROW_PADDING = 10  # pixels above and below the text of a row, together


def row_height(view: QAbstractItemView) -> int:
    """The height of one table row for the view's font."""
    return view.fontMetrics().height() + ROW_PADDING


def cell_width(view: QAbstractItemView, text: str) -> int:
    """The width a cell of ``view`` needs to show ``text`` whole: the text in the view's font, the
    style sheet's padding and Qt's own margins (what the delegate asks the style for)."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    option.text = text
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    return view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), view).width()


def fit_column(table: QTableView, column: int, texts: Iterable[str], at_least: int = 0) -> None:
    """Make ``column`` as wide as its heading and the widest of ``texts`` need, or ``at_least``."""
    needed = [table.horizontalHeader().sectionSizeHint(column), *(cell_width(table, text) for text in texts)]
    table.setColumnWidth(column, max(at_least, *needed))


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


class DownIntoResults(QObject):
    """↓ in a search box moves into the table of results it filters (the first row chosen when
    none is), so a supervisor types, presses ↓ and Enter without touching the mouse."""

    def __init__(self, search: QLineEdit, table: QAbstractItemView) -> None:
        super().__init__(search)
        self.table = table
        search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            model = self.table.model()
            if model is None or model.rowCount() == 0:
                return False
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(model.index(0, 0))
            return True
        return False
