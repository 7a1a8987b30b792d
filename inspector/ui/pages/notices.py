"""The notices page (整改通知单): every rectification notice with where it stands.

A filter bar (status, default "all open"; flag: overdue 逾期 / late 整改不及时 / unfinished 未完成整改 /
recurred 再次发生; unit; month of issue; a search box that waits 200 ms) drives
``NoticeService.list``; the table shows number, unit, addressee, issue date, deadline ("(est.)"
when counted Monday–Friday), status and the flags as coloured chips. Beside it (a splitter) the
``NoticeDetail`` of the selected notice with its actions; double-clicking a row opens the issued
PDF. Flags are judged on the service's today. The selection survives reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSplitter, QStackedWidget, QTableView, QVBoxLayout,
    QWidget,
)

from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError
from inspector.domain.notices import OPEN_STATUSES, NoticeFlag, NoticeStatus, NoticeSummary
from inspector.domain.registry import RegistryKind
from inspector.ui.widgets.filter_combo import fit_to_words, refill_combo
from inspector.ui.models.notices_model import FLAG_ORDER, FlagChipsDelegate, NoticesModel, flag_label, status_label
from inspector.ui.pages.base import Page
from inspector.ui.navigation import ALL_OPEN, ALL_STATUSES
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.notice_detail import NoticeDetail
from inspector.ui.widgets.tables import DownIntoResults, setup_read_only_table

SEARCH_DELAY_MS = 200
STATUS_CHOICES: tuple[str, ...] = (ALL_OPEN, ALL_STATUSES, *(status.value for status in NoticeStatus))
MAX_COLUMN_WIDTH = 150  # columns fit their contents up to this; the flags column takes what is left
FLAGS_MIN_WIDTH = 60  # a stretched last column never shrinks below the width it was given


class NoticesPage(Page):
    WATCHES = (Entity.NOTICE, Entity.FOLLOWUP, Entity.UNIT, Entity.USER)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.model = NoticesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(NoticesModel.SortRole)
        self.proxy.setSourceModel(self.model)
        self.status = QComboBox()
        for key in STATUS_CHOICES:
            self.status.addItem("", key)
        self.flag = QComboBox()
        self.flag.addItem("", None)
        for flag in FLAG_ORDER:
            self.flag.addItem("", flag)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(8)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.month = QComboBox()
        self.month.setMinimumContentsLength(8)
        fit_to_words(self.status, self.flag, self.month)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)

        self.table = QTableView()
        setup_read_only_table(self.table)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setItemDelegateForColumn(NoticesModel.COL_FLAGS, FlagChipsDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.sortByColumn(NoticesModel.COL_NUMBER, Qt.SortOrder.DescendingOrder)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count_label = QLabel()
        self.detail = NoticeDetail(ui)
        self.detail.setMinimumWidth(320)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("noticesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self._lay_out()
        self._connect()
        self.retranslate()
        if ui.signed_in:
            self.reload()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for widget in (self.status, self.flag, self.unit, self.month):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.stack, 1)
        left_layout.addWidget(self.count_label)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([690, 350])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        for combo in (self.status, self.flag, self.unit, self.month):
            combo.activated.connect(lambda _index: self.reload())
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_timer.timeout.connect(self.reload)
        self.search.returnPressed.connect(self.reload)
        DownIntoResults(self.search, self.table)
        self.table.activated.connect(  # a double click, or Enter on the selected row
            self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))

    def title(self) -> str:
        return self.tr("Notices")

    def retranslate(self) -> None:
        names = {ALL_OPEN: self.tr("All open"), ALL_STATUSES: self.tr("All statuses")}
        for index, key in enumerate(STATUS_CHOICES):
            self.status.setItemText(index, names.get(key) or status_label(NoticeStatus(key)))
        self.flag.setItemText(0, self.tr("Any flag"))
        words = {NoticeFlag.OVERDUE: self.tr("Overdue (逾期)"), NoticeFlag.LATE: self.tr("Late (整改不及时)"),
                 NoticeFlag.UNFINISHED: self.tr("Unfinished (未完成整改)"),
                 NoticeFlag.RECURRED: self.tr("Recurred (再次发生)")}
        for index, flag in enumerate(FLAG_ORDER, start=1):
            self.flag.setItemText(index, words.get(flag) or flag_label(flag))
        if self.unit.count():
            self.unit.setItemText(0, self.tr("All units"))
        if self.month.count():
            self.month.setItemText(0, self.tr("Any month"))
        self.search.setPlaceholderText(self.tr("Search number, unit, addressee…"))
        self.model.retranslate()
        self.detail.retranslate()
        self._size_columns()  # to the words of the new language, as a page first shown in it
        if self.ui.signed_in:
            self._show_count()

    # --- filters and rows ---------------------------------------------------------------------
    def chosen_statuses(self) -> list[NoticeStatus]:
        key = self.status.currentData()
        if key == ALL_OPEN:
            return sorted(OPEN_STATUSES)
        if key == ALL_STATUSES or key is None:
            return []
        return [NoticeStatus(key)]

    def reload(self) -> None:
        if not self.ui.signed_in:
            return
        self.search_timer.stop()
        self._fill_choices()
        chosen = self.selected_id()
        try:
            notices = self.ui.app.notices.list(
                self.ui.user, statuses=self.chosen_statuses(), unit_id=self.unit.currentData(),
                flag=self.flag.currentData(), text=self.search.text(), month=self.month.currentData())
        except InspectorError:
            notices = []
        self.model.set_rows(notices, self.ui.app.notices.today())
        self._size_columns()
        self._show_count()
        if chosen is not None and self.select(chosen):
            return
        self.detail.show_notice(None)

    def _size_columns(self) -> None:
        """Each column as wide as its cells and its heading (the sort arrow may overlap); flags take the rest."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(NoticesModel.COL_FLAGS):
            heading = metrics.horizontalAdvance(str(self.model.headerData(column, Qt.Orientation.Horizontal))) + 20
            width = max(self.table.sizeHintForColumn(column), heading)
            self.table.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))
        # As wide as the most flags a row has, so every chip is seen (then stretched to what is left).
        flags = max(FLAGS_MIN_WIDTH, self.table.sizeHintForColumn(NoticesModel.COL_FLAGS))
        self.table.setColumnWidth(NoticesModel.COL_FLAGS, flags)

    def _fill_choices(self) -> None:
        units = [(unit.name, unit.id) for unit in self.ui.app.registry.list(self.ui.user, RegistryKind.UNITS,
                                                                                include_retired=True)]
        refill_combo(self.unit, self.tr("All units"), units)
        months = sorted({notice.issued_at.strftime("%Y-%m") for notice in self.ui.app.notices.list(self.ui.user)},
                        reverse=True)
        refill_combo(self.month, self.tr("Any month"), [(month, month) for month in months])

    def set_filter(self, *, status: str | None = None, flag: NoticeFlag | None = None, unit_id: int | None = None,
                   month: str | None = None, text: str | None = None) -> None:
        """Set filters from elsewhere (the dashboard's cards, the reports page, tests) and show the
        result; a search that leaves one notice selects it, so its details show at once."""
        if status is not None:
            self.status.setCurrentIndex(max(self.status.findData(status), 0))
        self.flag.setCurrentIndex(max(self.flag.findData(flag), 0) if flag is not None else 0)
        self._fill_choices()
        self.unit.setCurrentIndex(max(self.unit.findData(unit_id), 0) if unit_id is not None else 0)
        self.month.setCurrentIndex(max(self.month.findData(month), 0) if month is not None else 0)
        if text is not None:
            self.search.setText(text)
        self.reload()
        shown = self.notices()
        if text and len(shown) == 1:
            self.select(shown[0].id)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n notice(s)", "", count))
        if count:
            self.stack.setCurrentWidget(self.table)
            return
        anything = bool(self.ui.app.notices.list(self.ui.user, limit=1))
        self.empty.setText(self.tr("No notice matches these filters.") if anything else self.tr(
            "No rectification notices yet. A notice is issued from a completed inspection with failed items: "
            "open it under Inspections and choose “Issue notice…”."))
        self.stack.setCurrentWidget(self.empty)

    # --- selection ----------------------------------------------------------------------------
    def notices(self) -> list[NoticeSummary]:
        """The notices shown, in the table's order."""
        return [self.proxy.data(self.proxy.index(row, 0), NoticesModel.ObjectRole)
                for row in range(self.proxy.rowCount())]

    def selected(self) -> NoticeSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], NoticesModel.ObjectRole) if rows else None

    def selected_id(self) -> int | None:
        notice = self.selected()
        return notice.id if notice is not None else None

    def select(self, notice_id: int) -> bool:
        """Select the row of ``notice_id`` (False when it is not shown)."""
        row = self.model.row_of(notice_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        self.detail.show_notice(self.selected())
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.detail.show_notice(self.selected())

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.detail.show_notice(self.proxy.data(index, NoticesModel.ObjectRole))
            self.detail.preview()
