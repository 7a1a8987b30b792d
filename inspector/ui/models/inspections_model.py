"""The inspections list as a window: a count and the pages painted, never every id.

With a million inspections the model holds the list's ``InspectionListing`` (the service's
window: count, a page by position, where one id stands) and the rows of the pages a view has
painted — ``PAGE_SIZE`` rows each, at most ``MAX_PAGES`` of them cached (least recently used go
first), so scrolling through everything never holds more than 10 000 rows, and the first paint
asks for one count and one page. A filter whose count is a scan of a large table (free text…)
shows its first page at once when the listing can find it without counting (``first_rows``): the
model then says ``counting`` until the count, taken once the page is painted (``count_now``),
grows it to the full list and emits ``count_known``. Sorting is the database's job: ``sort()`` asks for a new listing
in the new order and moves the selection to where its inspection now stands. ``listed_ids()``
asks for every id of the filtered list (an export of the list), not only the pages seen.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal,
)
from PySide6.QtGui import QColor, QFont

from inspector.domain.inspection_query import (
    EmptyListing, InspectionFilter, InspectionListing, InspectionRow, InspectionSort, SortColumn,
)
from inspector.words.labels import label

ModelIndex = QModelIndex | QPersistentModelIndex
ListingSource = Callable[[InspectionFilter, InspectionSort], InspectionListing]
IdsSource = Callable[[InspectionFilter, InspectionSort], list[int]]
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_COVERT_COLOUR = QColor("#8e3b8e")  # the covert mode stands out in a column of on-site visits


class _Pages:
    """The cached pages of one listing: rows by page number, least recently used first."""

    def __init__(self, listing: InspectionListing, size: int) -> None:
        self.listing = listing
        self.size = size
        self.pages: OrderedDict[int, list[InspectionRow]] = OrderedDict()

    def page(self, number: int) -> list[InspectionRow]:
        """The rows of page ``number`` if it is cached, else none."""
        return self.pages.get(number, [])

    def row(self, position: int, keep: int) -> tuple[InspectionRow | None, bool]:
        """The row at ``position`` and whether its page had to be fetched (``keep`` pages stay)."""
        number = position // self.size
        page = self.pages.get(number)
        fetched = page is None
        if page is None:
            page = self.listing.rows(number * self.size, self.size)
            self.pages[number] = page
            while len(self.pages) > keep:
                self.pages.popitem(last=False)
        else:
            self.pages.move_to_end(number)
        offset = position - number * self.size
        return (page[offset] if offset < len(page) else None), fetched


class InspectionsModel(QAbstractTableModel):
    ObjectRole = Qt.ItemDataRole.UserRole + 1  # the inspection id of the row
    COL_OBSERVED, COL_MODE, COL_TEMPLATE, COL_SUBJECT, COL_UNIT, COL_STATUS, COL_SCORE, COL_AUTHOR = range(8)
    SORT_COLUMNS = (SortColumn.OBSERVED_AT, SortColumn.MODE, SortColumn.TEMPLATE, SortColumn.SUBJECT,
                    SortColumn.UNIT, SortColumn.STATUS, SortColumn.SCORE, SortColumn.AUTHOR)
    PAGE_SIZE = 200
    MAX_PAGES = 50
    COUNT_DELAY_MS = 100  # at the latest; a view that paints the first page asks for it at once (count_now)
    count_known = Signal()  # the late count of a list first shown by its first page has come

    def __init__(self, listing_source: ListingSource, ids_source: IdsSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listing_source = listing_source
        self._ids_source = ids_source
        self._filter = InspectionFilter()
        self._sort = InspectionSort()
        self._count = 0
        self._pages = _Pages(EmptyListing(), self.PAGE_SIZE)
        self._counting = False
        self._late_count = QTimer(self)
        self._late_count.setSingleShot(True)
        self._late_count.setInterval(self.COUNT_DELAY_MS)
        self._late_count.timeout.connect(self.count_now)
        self.page_loads = 0  # how many pages were fetched (tests and the benchmark read it)
        self.late_counts = 0  # how many lists were counted after their first page

    # --- querying ---------------------------------------------------------------------------
    @property
    def filter(self) -> InspectionFilter:
        return self._filter

    def listed_ids(self) -> list[int]:
        """Every inspection id of the list, in the order shown — the whole filtered list, asked
        of the database now, not only the pages painted."""
        return self._ids_source(self._filter, self._sort)

    ids = listed_ids

    @property
    def sort_order(self) -> InspectionSort:
        return self._sort

    def set_filter(self, flt: InspectionFilter) -> None:
        self._filter = flt
        self.refresh()

    @property
    def counting(self) -> bool:
        """True while only the first page is known and the count is still to come."""
        return self._counting

    def refresh(self) -> None:
        """Ask for the list again (same filter and order) and forget every cached row."""
        self.beginResetModel()
        listing = self._listing_source(self._filter, self._sort)
        first = listing.first_rows(self.PAGE_SIZE)
        if first is None:
            self._open(listing)
        else:
            self._pages = _Pages(listing, self.PAGE_SIZE)
            self._pages.pages[0] = first
            self._count = len(first)
            self._counting = True
            self.page_loads += 1
            self._late_count.start()
        self.endResetModel()

    def _open(self, listing: InspectionListing | None = None) -> None:
        self._late_count.stop()
        self._counting = False
        listing = listing or self._listing_source(self._filter, self._sort)
        self._pages = _Pages(listing, self.PAGE_SIZE)
        self._count = listing.count()

    def count_now(self) -> None:
        """The count of a list shown by its first page: the rows after it join the table (the
        page calls it once the first page is painted; the model's timer otherwise)."""
        if not self._counting:
            return
        total = self._pages.listing.count()
        self._counting = False
        self.late_counts += 1
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        self.count_known.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_COLUMNS):
            return
        wanted = InspectionSort(column=self.SORT_COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort:
            return
        self.count_now()  # a late count first: a layout change keeps the number of rows
        self.layoutAboutToBeChanged.emit()
        old = self._pages
        persistent = self.persistentIndexList()
        shown = {index.row() for index in persistent}
        ids = {row: self._id_at(old, row) for row in shown}  # before the old pages are dropped
        self._sort = wanted
        self._open()
        if ids:
            self.record(0)  # the first page, which the view paints next anyway
        first = {row.id: number for number, row in enumerate(self._pages.page(0))}
        moved: dict[int, int] = {}
        for row, inspection_id in ids.items():  # on the first page (painted next), or counted
            if inspection_id is None:
                moved[row] = -1
            else:
                moved[row] = first[inspection_id] if inspection_id in first \
                    else self._pages.listing.position(inspection_id)
        self.changePersistentIndexList(persistent, [
            self.index(moved[index.row()], index.column()) if moved[index.row()] >= 0 else QModelIndex()
            for index in persistent])
        self.layoutChanged.emit()

    def _id_at(self, pages: _Pages, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        found, _fetched = pages.row(row, self.MAX_PAGES)
        return found.id if found is not None else None

    def row_of(self, inspection_id: int) -> int:
        """Where ``inspection_id`` stands in the list (-1 when the list does not hold it)."""
        return self._pages.listing.position(inspection_id)

    def record(self, row: int) -> InspectionRow | None:
        """The row shown at ``row``, fetching its page if needed (None if it vanished meanwhile)."""
        if not 0 <= row < self._count:
            return None
        found, fetched = self._pages.row(row, self.MAX_PAGES)
        self.page_loads += int(fetched)
        return found

    def cached_pages(self) -> int:
        return len(self._pages.pages)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1))

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
        return 0 if parent.isValid() else self._count

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
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        column = index.column()
        if not 0 <= column < self.columnCount():
            return None
        if role == self.ObjectRole:
            found = self.record(index.row())
            return found.id if found is not None else None
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
