"""The complaints page (投诉与意见): the register of passengers' complaints, enquiries, reports and
suggestions with where each case stands.

A filter bar (status, default "all open"; kind; channel; unit; "overdue only"; a search box that
waits 200 ms) drives ``ComplaintService.list`` (status, unit, the overdue flag); kind, channel and
the search words are applied to what it returned. The table shows number, received, channel,
kind with its severity (重大 marked), vehicle / staff, unit, status, limit and the flags as coloured
chips (on a narrow table channel and unit are hidden, then columns elided, so that the chips
stay in sight), judged on the service's clock with the limits in force. Beside it (a splitter) the
``ComplaintDetail`` of the selected case with its steps; "New case…" (登记) is there for the
quality office only. What a reader sees of the complainant is what the service returned: masked
for everyone but the quality office. The selection survives reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter, QStackedWidget,
    QTableView, QVBoxLayout, QWidget,
)

from inspector.domain.changes import Entity
from inspector.domain.complaints import OPEN_STATUSES, Channel, Complaint, ComplaintFlag, ComplaintKind, ComplaintStatus
from inspector.domain.errors import InspectorError
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Permission
from inspector.ui.models.complaints_model import ComplaintFlagChips, ComplaintsModel
from inspector.ui.navigation import ALL_OPEN, ALL_STATUSES
from inspector.ui.pages.base import Page
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.complaint_detail import ComplaintDetail
from inspector.ui.widgets.filter_combo import fit_to_words, refill_combo
from inspector.ui.widgets.tables import DownIntoResults, setup_read_only_table
from inspector.words.complaints import complaint_label

SEARCH_DELAY_MS = 200
STATUS_CHOICES: tuple[str, ...] = (ALL_OPEN, ALL_STATUSES, *(status.value for status in ComplaintStatus))
MAX_COLUMN_WIDTH = 240  # room for "Resolved, not yet fed back" and "Serious complaint · Major" (English)
FLAGS_MIN_WIDTH = 60
FLAGS_ROOM = 110  # what the flags column keeps in sight (a chip and "+N") before other columns give way
SHRINK_MIN = 64  # how narrow a column that gives way may become (its text is elided, its tooltip whole)
HIDE_ORDER = (ComplaintsModel.COL_CHANNEL, ComplaintsModel.COL_UNIT)  # on a narrow table (a laptop, English)
# Kind first: most cases read "General complaint" and only the rare "… · Major" is cut; a status is
# what the office acts on.
SHRINK_ORDER = (ComplaintsModel.COL_KIND, ComplaintsModel.COL_STATUS, ComplaintsModel.COL_SUBJECT)


def matches(case: Complaint, words: str) -> bool:
    """Every word of the search in the case's number, order number, what happened, route, place,
    vehicle, staff member or unit (never the complainant: a reader may not see them)."""
    intake = case.intake
    haystack = " ".join((case.number, intake.order_no, intake.what, intake.route, intake.place, case.vehicle_label,
                         case.staff_label, case.unit_name)).casefold()
    return all(word in haystack for word in words.casefold().split())


class ComplaintsPage(Page):
    WATCHES = (Entity.COMPLAINT, Entity.UNIT, Entity.VEHICLE, Entity.STAFF, Entity.USER, Entity.SETTINGS)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.last_dialog: QWidget | None = None  # the new-case dialog last opened (tests fill it)
        self.model = ComplaintsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(ComplaintsModel.SortRole)
        self.proxy.setSourceModel(self.model)
        self.status = QComboBox()
        for key in STATUS_CHOICES:
            self.status.addItem("", key)
        self.kind = QComboBox()
        self.kind.addItem("", None)
        for kind in ComplaintKind:
            self.kind.addItem("", kind.value)
        self.channel = QComboBox()
        self.channel.addItem("", None)
        for channel in Channel:
            self.channel.addItem("", channel.value)
        fit_to_words(self.status, self.kind, self.channel)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(8)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.overdue = QCheckBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.new_button = QPushButton()
        self.new_button.setProperty("role", "primary")

        self.table = QTableView()
        setup_read_only_table(self.table)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setItemDelegateForColumn(ComplaintsModel.COL_FLAGS, ComplaintFlagChips(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.sortByColumn(ComplaintsModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        self._natural: list[int] = []
        self.table.viewport().installEventFilter(self)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count_label = QLabel()
        self.detail = ComplaintDetail(ui)
        self.detail.setMinimumWidth(290)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("complaintsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self._lay_out()
        self._connect()
        self.retranslate()
        if ui.signed_in:
            self.reload()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for widget in (self.status, self.kind, self.channel, self.unit, self.overdue):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
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
        self.splitter.setSizes([800, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        for combo in (self.status, self.kind, self.channel, self.unit):
            combo.activated.connect(lambda _index: self.reload())
        self.overdue.toggled.connect(lambda _on: self.reload())
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_timer.timeout.connect(self.reload)
        self.search.returnPressed.connect(self.reload)
        DownIntoResults(self.search, self.table)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(lambda _checked=False: self.new_case())
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))

    def title(self) -> str:
        return self.tr("Complaints")

    def retranslate(self) -> None:
        names = {ALL_OPEN: self.tr("All open"), ALL_STATUSES: self.tr("All statuses")}
        for index, key in enumerate(STATUS_CHOICES):
            self.status.setItemText(index, names.get(key) or complaint_label(ComplaintStatus(key)))
        self.kind.setItemText(0, self.tr("Any kind"))
        for index in range(1, self.kind.count()):
            self.kind.setItemText(index, complaint_label(ComplaintKind(self.kind.itemData(index))))
        self.channel.setItemText(0, self.tr("Any channel"))
        for index in range(1, self.channel.count()):
            self.channel.setItemText(index, complaint_label(Channel(self.channel.itemData(index))))
        if self.unit.count():
            self.unit.setItemText(0, self.tr("All units"))
        self.overdue.setText(self.tr("Overdue only"))
        self.search.setPlaceholderText(self.tr("Search number, vehicle, what happened…"))
        self.new_button.setText(self.tr("New case…"))
        self.new_button.setToolTip(self.tr("Register a complaint, enquiry, report or suggestion (登记)"))
        self.model.retranslate()
        self.detail.retranslate()
        self._size_columns()  # to the words of the new language, as a page first shown in it
        if self.ui.signed_in:
            self._show_count()

    # --- filters and rows ---------------------------------------------------------------------
    def chosen_statuses(self) -> list[ComplaintStatus]:
        key = self.status.currentData()
        if key == ALL_OPEN:
            return sorted(OPEN_STATUSES)
        if key == ALL_STATUSES or key is None:
            return []
        return [ComplaintStatus(key)]

    def reload(self) -> None:
        if not self.ui.signed_in:
            return
        self.search_timer.stop()
        self.new_button.setVisible(self.ui.user.can(Permission.HANDLE_COMPLAINTS))
        self._fill_units()
        chosen = self.selected_id()
        service = self.ui.app.complaints
        try:
            cases = service.list(self.ui.user, statuses=self.chosen_statuses(), unit_id=self.unit.currentData(),
                                 flag=ComplaintFlag.OVERDUE if self.overdue.isChecked() else None)
        except InspectorError:
            cases = []
        kind, channel, words = self.kind.currentData(), self.channel.currentData(), self.search.text().strip()
        cases = [case for case in cases if (kind is None or case.intake.kind.value == kind)
                 and (channel is None or case.intake.channel.value == channel) and (not words or matches(case, words))]
        self.model.set_rows(cases, self.ui.app.services.clock(), service.limits())
        self._size_columns()
        self._show_count()
        if chosen is not None and self.select(chosen):
            return
        self.detail.show_case(None)

    def _size_columns(self) -> None:
        """Each column as wide as its cells and heading (at most ``MAX_COLUMN_WIDTH``), then fitted."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        widths = []
        for column in range(ComplaintsModel.COL_FLAGS):
            heading = metrics.horizontalAdvance(str(self.model.headerData(column, Qt.Orientation.Horizontal))) + 20
            widths.append(min(max(self.table.sizeHintForColumn(column), heading), MAX_COLUMN_WIDTH))
        widths.append(max(FLAGS_MIN_WIDTH, self.table.sizeHintForColumn(ComplaintsModel.COL_FLAGS)))
        self._natural = widths
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The natural widths fitted to the table so that the flags keep ``FLAGS_ROOM`` (or all they
        need) in sight without scrolling sideways: first the columns of ``HIDE_ORDER`` are hidden
        (the filter bar and the detail panel still show them), then those of ``SHRINK_ORDER`` give
        way down to ``SHRINK_MIN`` (elided; the tooltip has the whole text)."""
        widths = list(self._natural)
        if not widths:
            return
        viewport = self.table.viewport().width()
        room = viewport - min(widths[-1], FLAGS_ROOM)
        hidden: set[int] = set()
        for column in HIDE_ORDER:
            if sum(width for index, width in enumerate(widths[:-1]) if index not in hidden) <= room:
                break
            hidden.add(column)
        excess = sum(width for index, width in enumerate(widths[:-1]) if index not in hidden) - room
        for column in SHRINK_ORDER:
            if excess <= 0:
                break
            give = min(excess, max(widths[column] - SHRINK_MIN, 0))
            widths[column] -= give
            excess -= give
        shown = sum(width for index, width in enumerate(widths[:-1]) if index not in hidden)
        widths[-1] = max(FLAGS_MIN_WIDTH, min(widths[-1], viewport - shown))
        for column, width in enumerate(widths):
            self.table.setColumnHidden(column, column in hidden)
            if column not in hidden:
                self.table.setColumnWidth(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fill_units(self) -> None:
        try:
            units = [(unit.name, unit.id) for unit in self.ui.app.registry.list(self.ui.user, RegistryKind.UNITS,
                                                                                    include_retired=True)]
        except InspectorError:
            units = []
        refill_combo(self.unit, self.tr("All units"), units)

    def set_filter(self, *, status: str | None = None, kind: ComplaintKind | None = None,
                   channel: Channel | None = None, unit_id: int | None = None, overdue: bool = False,
                   text: str | None = None) -> None:
        """Set filters from elsewhere (tests, later the dashboard) and show the result; a search
        that leaves one case selects it."""
        if status is not None:
            self.status.setCurrentIndex(max(self.status.findData(status), 0))
        self.kind.setCurrentIndex(max(self.kind.findData(ComplaintKind(kind).value), 0) if kind is not None else 0)
        self.channel.setCurrentIndex(max(self.channel.findData(Channel(channel).value), 0) if channel is not None else 0)
        self._fill_units()
        self.unit.setCurrentIndex(max(self.unit.findData(unit_id), 0) if unit_id is not None else 0)
        self.overdue.blockSignals(True)
        self.overdue.setChecked(overdue)
        self.overdue.blockSignals(False)
        if text is not None:
            self.search.setText(text)
        self.reload()
        shown = self.cases()
        if text and len(shown) == 1:
            self.select(shown[0].id)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n case(s)", "", count))
        if count:
            self.stack.setCurrentWidget(self.table)
            return
        anything = bool(self.ui.app.complaints.list(self.ui.user, limit=1))
        self.empty.setText(self.tr("No case matches these filters.") if anything else self.tr(
            "No complaints yet. The quality office registers each complaint, enquiry, report or suggestion "
            "with “New case…”."))
        self.stack.setCurrentWidget(self.empty)

    # --- selection and steps ----------------------------------------------------------------------
    def cases(self) -> list[Complaint]:
        """The cases shown, in the table's order."""
        return [self.proxy.data(self.proxy.index(row, 0), ComplaintsModel.ObjectRole)
                for row in range(self.proxy.rowCount())]

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        case = self.proxy.data(rows[0], ComplaintsModel.ObjectRole) if rows else None
        return case.id if case is not None else None

    def select(self, complaint_id: int) -> bool:
        """Select the row of ``complaint_id`` and show it in full (False when it is not shown)."""
        row = self.model.row_of(complaint_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        self._show_selected()
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        """The list holds cases without their steps: the panel reads the case in full."""
        complaint_id = self.selected_id()
        case = None
        if complaint_id is not None:
            try:
                case = self.ui.app.complaints.get(self.ui.user, complaint_id)
            except InspectorError:
                case = None
        self.detail.show_case(case)

    def new_case(self) -> Complaint | None:
        """登记: the new-case dialog; the new case selected afterwards."""
        from inspector.ui.dialogs.complaint_new import NewComplaintDialog

        dialog = NewComplaintDialog(self.ui, self.window())
        self.last_dialog = dialog
        if dialog.exec() != NewComplaintDialog.DialogCode.Accepted or dialog.case is None:
            return None
        case = dialog.case
        if not self.select(case.id):
            self.set_filter(status=ALL_STATUSES, text=case.number)
        self.detail.set_message(self.tr("{number} registered.").format(number=case.number))
        return case
