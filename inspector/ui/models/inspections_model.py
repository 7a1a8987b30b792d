"""The inspections list as a lazy table: every matching id up front, rows fetched by the page.

With 100 000 inspections the model holds one ordered list of ids (what ``rowCount`` counts and
``ObjectRole`` returns) and asks for the rows of a page of ``PAGE_SIZE`` ids only when a view
paints one of them; at most ``MAX_PAGES`` pages stay cached (least recently used go first), so
scrolling through everything never holds more than 10 000 rows. Sorting is the database's job:
``sort()`` asks for the ids again in the new order (a proxy model would have to load every row).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from inspector.domain.inspection_query import InspectionFilter, InspectionRow, InspectionSort, SortColumn
from inspector.words.labels import label

ModelIndex = QModelIndex | QPersistentModelIndex
IdsSource = Callable[[InspectionFilter, InspectionSort], list[int]]
RowsSource = Callable[[list[int]], dict[int, InspectionRow]]
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_COVERT_COLOUR = QColor("#8e3b8e")  # the covert mode stands out in a column of on-site visits


class InspectionsModel(QAbstractTableModel):
    ObjectRole = Qt.ItemDataRole.UserRole + 1  # the inspection id of the row
    COL_OBSERVED, COL_MODE, COL_TEMPLATE, COL_SUBJECT, COL_UNIT, COL_STATUS, COL_SCORE, COL_AUTHOR = range(8)
    SORT_COLUMNS = (SortColumn.OBSERVED_AT, SortColumn.MODE, SortColumn.TEMPLATE, SortColumn.SUBJECT,
                    SortColumn.UNIT, SortColumn.STATUS, SortColumn.SCORE, SortColumn.AUTHOR)
    PAGE_SIZE = 200
    MAX_PAGES = 50

    def __init__(self, ids_source: IdsSource, rows_source: RowsSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids_source = ids_source
        self._rows_source = rows_source
        self._filter = InspectionFilter()
        self._sort = InspectionSort()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, InspectionRow]] = OrderedDict()
        self.page_loads = 0  # how many pages were fetched (tests and the benchmark read it)

    # --- querying ---------------------------------------------------------------------------
    @property
    def filter(self) -> InspectionFilter:
        return self._filter

    def listed_ids(self) -> list[int]:
        """Every inspection id of the list, in the order shown (the rows need not be loaded)."""
        return list(self._ids)

    @property
    def sort_order(self) -> InspectionSort:
        return self._sort

    def set_filter(self, flt: InspectionFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Ask for the ids again (same filter and order) and forget every cached row."""
        self.beginResetModel()
        self._ids = self._ids_source(self._filter, self._sort)
        self._pages.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_COLUMNS):
            return
        wanted = InspectionSort(column=self.SORT_COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = wanted
        old = self._ids
        self._ids = self._ids_source(self._filter, self._sort)
        self._pages.clear()
        if len(old) == len(self._ids):
            positions = {inspection_id: row for row, inspection_id in enumerate(self._ids)}
            for index in self.persistentIndexList():
                moved = positions.get(old[index.row()], -1) if index.row() < len(old) else -1
                self.changePersistentIndex(index, self.index(moved, index.column()) if moved >= 0 else QModelIndex())
        else:
            self.changePersistentIndexList(self.persistentIndexList(), [QModelIndex()] * len(self.persistentIndexList()))
        self.layoutChanged.emit()

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, inspection_id: int) -> int:
        try:
            return self._ids.index(inspection_id)
        except ValueError:
            return -1

    def record(self, row: int) -> InspectionRow | None:
        """The row shown at ``row``, fetching its page if needed (None if it vanished meanwhile)."""
        if not 0 <= row < len(self._ids):
            return None
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._rows_source(self._ids[number * self.PAGE_SIZE:(number + 1) * self.PAGE_SIZE])
            self.page_loads += 1
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])

    def cached_pages(self) -> int:
        return len(self._pages)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    # --- texts ------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Observed"), self.tr("Mode"), self.tr("Template"), self.tr("Subject"), self.tr("Unit"),
                self.tr("Status"), self.tr("Score"), self.tr("Inspector")]

    def score_text(self, row: InspectionRow) -> str:
        if row.score is None:
            return "—"
        if row.veto_failed:
            return self.tr("{score} (veto)").format(score=f"{row.score:g}")
        if row.max_score is None:
            return f"{row.score:g}"
        return f"{row.score:g} / {row.max_score:g}"

    def cell(self, row: InspectionRow, column: int) -> str:
        if column == self.COL_OBSERVED:
            return row.observed_at.strftime("%Y-%m-%d %H:%M")
        if column == self.COL_MODE:
            return label(row.mode)
        if column == self.COL_TEMPLATE:
            return QCoreApplication.translate("InspectionsModel", "{code} v{version}").format(
                code=row.template_code, version=row.template_version)
        if column == self.COL_SUBJECT:
            return row.subject_label
        if column == self.COL_UNIT:
            return row.unit_name or "—"
        if column == self.COL_STATUS:
            return label(row.status)
        if column == self.COL_SCORE:
            return self.score_text(row)
        return row.author_name if row.author_name is not None else self.tr("(withheld)")

    # --- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.SORT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.COL_SCORE:
            return _RIGHT
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = index.column()
        if not 0 <= column < self.columnCount():
            return None
        if role == self.ObjectRole:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == self.COL_SCORE else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.FontRole):
            return None
        row = self.record(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _COVERT_COLOUR if column == self.COL_MODE and row.covert else None
        if role == Qt.ItemDataRole.FontRole:
            if column == self.COL_MODE and row.covert:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return self.cell(row, column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
