"""The inspections list (检查记录): every inspection the user may see, filtered and sorted.

A filter bar (period, mode, unit, template, status, score range and a search box that waits
200 ms after the last keystroke) drives ``InspectionQueryService``; the table is the lazy
``InspectionsModel`` over the service's listing (a count and pages by position, never every id),
sorted by the database when a header is clicked. Covert visits of other
supervisors never reach the page: the service leaves them out of ids, rows and counts alike.
Double-clicking a row emits ``open_requested(inspection_id)`` for the recording screen.
``show_failed_item`` narrows the list to the inspections that failed one checklist item in a
period (the dashboard's top problems open it); a removable chip above the table says so.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
    QStackedWidget, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from inspector.domain.changes import Entity
from inspector.domain.inspection_query import EmptyListing, InspectionFilter, InspectionListing, InspectionSort
from inspector.domain.inspections import InspectionMode, InspectionStatus
from inspector.domain.registry import RegistryKind
from inspector.words.labels import label
from inspector.ui.widgets.filter_combo import fit_to_words, refill_combo
from inspector.ui.language import localized
from inspector.ui.models.inspections_model import InspectionsModel
from inspector.ui.pages.base import Page
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.inspection_report_actions import InspectionReportActions
from inspector.ui.widgets.tables import DownIntoResults, fit_column, setup_read_only_table

SEARCH_DELAY_MS = 200
PERIODS = ("all", "this_month", "last_month", "this_year", "custom")
NO_SCORE = -1  # the score boxes' "any" value
COLUMN_WIDTHS = (130, 80, 80, 250, 150, 90, 90)  # the last column takes what is left; a location
# subject ("H-1F-WC-01 综合服务大厅一楼卫生间") fits at 1366 px with the inspector still in sight


def period_dates(period: str, today: date, custom: tuple[date, date]) -> tuple[date | None, date | None]:
    """The inclusive first and last day of ``period`` as seen on ``today``."""
    if period == "this_month":
        return date(today.year, today.month, 1), _month_end(today.year, today.month)
    if period == "last_month":
        year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
        return date(year, month, 1), _month_end(year, month)
    if period == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if period == "custom":
        first, last = sorted(custom)
        return first, last
    return None, None


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


class CountAfterPaint(QObject):
    """Once the table has painted the first page of a list still being counted, count it: the
    rows are on screen before the one scan the count costs."""

    def __init__(self, table: QTableView, model: InspectionsModel) -> None:
        super().__init__(table)
        self.model = model
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self.model.counting:
            QTimer.singleShot(0, self.model.count_now)  # after this paint
        return False


class InspectionsPage(Page):
    WATCHES = (Entity.INSPECTION, Entity.UNIT, Entity.TEMPLATE, Entity.USER)
    open_requested = Signal(int)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.model = InspectionsModel(self._fetch_listing, self._fetch_ids, self)
        self.period = QComboBox()
        for _key in PERIODS:
            self.period.addItem("")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(1 - today.day()))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
        self.mode = QComboBox()
        self.mode.addItem("", None)
        for mode in InspectionMode:
            self.mode.addItem("", mode)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(8)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template = QComboBox()
        self.template.setMinimumContentsLength(8)
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status = QComboBox()
        self.status.addItem("", None)
        for status in InspectionStatus:
            self.status.addItem("", status)
        fit_to_words(self.period, self.mode, self.status)
        self.score_label = QLabel()
        self.score_min = self._score_box()
        self.score_max = self._score_box()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)

        self.table = QTableView()
        setup_read_only_table(self.table)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(InspectionsModel.COL_OBSERVED, Qt.SortOrder.DescendingOrder)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.setSortingEnabled(True)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count_label = QLabel()
        self.failed_item = ""  # item code of the failed-item filter, "" when off
        self.failed_item_text = ""
        self.failed_item_label = QLabel()
        self.failed_item_label.setProperty("role", "hint")
        self.failed_item_clear = QToolButton()
        self.failed_item_bar = QWidget()
        self.failed_item_bar.setVisible(False)
        self.start_hint = ""  # how to start an inspection, from whoever offers the action
        self.report_actions = InspectionReportActions(ui, self)
        self.report_button = QPushButton()
        self.list_reports_button = QPushButton()
        self._lay_out()
        self._connect()
        self._loaded = False  # the choices and the count come with the first reload, once
        self.retranslate()
        if ui.signed_in:
            self.reload()

    def _score_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NO_SCORE, 1000)
        box.setValue(NO_SCORE)
        return box

    def _lay_out(self) -> None:
        first = QHBoxLayout()
        first.setSpacing(8)
        for widget in (self.period, self.date_from, self.date_to, self.mode, self.unit, self.template, self.status):
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        second.setSpacing(8)
        second.addWidget(self.search, 1)
        second.addSpacing(8)
        for widget in (self.score_label, self.score_min, QLabel("–"), self.score_max):
            second.addWidget(widget)
        chip = QHBoxLayout(self.failed_item_bar)
        chip.setContentsMargins(0, 0, 0, 0)
        chip.addWidget(self.failed_item_label)
        chip.addWidget(self.failed_item_clear)
        chip.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.failed_item_bar)
        layout.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.list_reports_button)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.period.activated.connect(lambda _index: self._period_chosen())
        for combo in (self.mode, self.unit, self.template, self.status):
            combo.activated.connect(lambda _index: self.apply_filters())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _date: self.apply_filters())
        for box in (self.score_min, self.score_max):
            box.valueChanged.connect(lambda _value: self.search_timer.start())
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_timer.timeout.connect(self.apply_filters)
        self.search.returnPressed.connect(self.apply_filters)
        DownIntoResults(self.search, self.table)
        CountAfterPaint(self.table, self.model)
        self.table.activated.connect(  # a double click, or Enter on the selected row
            self._activated)
        self.failed_item_clear.clicked.connect(lambda: self.show_failed_item("", ""))
        self.report_button.clicked.connect(self.export_selected_report)
        self.list_reports_button.clicked.connect(self.export_list_reports)
        self.model.modelReset.connect(self._show_count)
        self.model.layoutChanged.connect(self._show_count)
        self.model.count_known.connect(self._show_count)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))

    def title(self) -> str:
        return self.tr("Inspections")

    def retranslate(self) -> None:
        periods = [self.tr("All dates"), self.tr("This month"), self.tr("Last month"), self.tr("This year"),
                   self.tr("From – to")]
        for index, text in enumerate(periods):
            self.period.setItemText(index, text)
        self.mode.setItemText(0, self.tr("All modes"))
        for index, mode in enumerate(InspectionMode, start=1):
            self.mode.setItemText(index, label(mode))
        self.status.setItemText(0, self.tr("Any status"))
        for index, status in enumerate(InspectionStatus, start=1):
            self.status.setItemText(index, label(status))
        if self.unit.count():
            self.unit.setItemText(0, self.tr("All units"))
        if self.template.count():
            self.template.setItemText(0, self.tr("All templates"))
        self.score_label.setText(self.tr("Score"))
        for box in (self.score_min, self.score_max):
            box.setSpecialValueText(self.tr("any"))
        self.search.setPlaceholderText(self.tr("Search subject, unit, template, inspector…"))
        self.date_from.setToolTip(self.tr("First day"))
        self.date_to.setToolTip(self.tr("Last day"))
        self.failed_item_clear.setText(self.tr("Show all"))
        self.report_button.setText(self.tr("Report (.pdf)…"))
        self.report_button.setToolTip(self.tr("The written inspection report (检查记录) of the selected inspection"))
        self.list_reports_button.setText(self.tr("Reports of the list (.pdf)…"))
        self.list_reports_button.setToolTip(self.tr(
            "The reports of every completed inspection in the list, as one PDF (drafts are left out)"))
        self._show_failed_item_label()
        self.model.retranslate()
        for column, values in ((InspectionsModel.COL_MODE, InspectionMode),
                               (InspectionsModel.COL_STATUS, InspectionStatus)):  # "Walk-ar…" no more
            fit_column(self.table, column, [label(value) for value in values], COLUMN_WIDTHS[column])
        if self.ui.signed_in and self._loaded:
            self._fill_choices()
            self._show_count()

    # --- filters ------------------------------------------------------------------------------
    def current_filter(self) -> InspectionFilter:
        """What the filter bar asks for right now."""
        custom = (self.date_from.date().toPython(), self.date_to.date().toPython())
        first, last = period_dates(PERIODS[max(self.period.currentIndex(), 0)], QDate.currentDate().toPython(), custom)
        mode = self.mode.currentData()
        low, high = self.score_min.value(), self.score_max.value()
        scores = sorted(value for value in (low, high) if value != NO_SCORE)
        return InspectionFilter(
            date_from=first, date_to=last, modes=frozenset({mode}) if mode is not None else frozenset(),
            unit_id=self.unit.currentData(), template_code=self.template.currentData(),
            status=self.status.currentData(),
            score_min=scores[0] if low != NO_SCORE else None,
            score_max=scores[-1] if high != NO_SCORE else None,
            failed_item=self.failed_item, text=self.search.text(),
        )

    def show_failed_item(self, item_code: str, text: str, first: date | None = None,
                         last: date | None = None) -> None:
        """Only the inspections with a finding on ``item_code`` (observed from ``first`` to
        ``last`` when given); an empty code shows every inspection again."""
        self.failed_item, self.failed_item_text = item_code, text
        if item_code and first is not None and last is not None:
            self.period.setCurrentIndex(PERIODS.index("custom"))
            for edit, day in ((self.date_from, first), (self.date_to, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
                edit.setVisible(True)
        self._show_failed_item_label()
        self.apply_filters()

    def _show_failed_item_label(self) -> None:
        self.failed_item_bar.setVisible(bool(self.failed_item))
        self.failed_item_label.setText(self.tr("Only inspections that failed {code} {text}").format(
            code=self.failed_item, text=self.failed_item_text).strip())

    def _period_chosen(self) -> None:
        custom = PERIODS[self.period.currentIndex()] == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.apply_filters()

    def apply_filters(self) -> None:
        """Query again with the filter bar as it stands (the search box's timer ends here too)."""
        self.search_timer.stop()
        self.model.set_filter(self.current_filter())

    def reload(self) -> None:
        if not self.ui.signed_in:
            return
        self._loaded = True
        self._fill_choices()
        self.search_timer.stop()
        self.model.set_filter(self.current_filter())

    def _fill_choices(self) -> None:
        user = self.ui.user
        units = [(unit.name, unit.id) for unit in self.ui.app.registry.list(user, RegistryKind.UNITS,
                                                                             include_retired=True)]
        refill_combo(self.unit, self.tr("All units"), units)
        titles: dict[str, str] = {}
        for version in self.ui.app.templates.list(user):
            titles[version.code] = f"{version.code} {localized(version.body.title_zh, version.body.title_en)}"
        refill_combo(self.template, self.tr("All templates"), [(text, code) for code, text in titles.items()])

    # --- showing ------------------------------------------------------------------------------
    def _fetch_ids(self, flt: InspectionFilter, sort: InspectionSort) -> list[int]:
        if not self.ui.signed_in:
            return []
        return self.ui.app.inspection_query.ids(self.ui.user, flt, sort)

    def _fetch_listing(self, flt: InspectionFilter, sort: InspectionSort) -> InspectionListing:
        if not self.ui.signed_in:
            return EmptyListing()
        return self.ui.app.inspection_query.listing(self.ui.user, flt, sort)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if self.model.counting:  # the first page is painted, its count comes next
            self.count_label.setText(self.tr("Counting…"))
            self.stack.setCurrentWidget(self.table)
            return
        self.count_label.setText(self.tr("%Ln inspection(s)", "", count))
        if count:
            self.stack.setCurrentWidget(self.table)
            return
        # Anything at all? The unfiltered listing's count is an index count, not the covert rule per row.
        every = self.ui.app.inspection_query.listing(self.ui.user, InspectionFilter()) if self.ui.signed_in else None
        anything = every is not None and every.count() > 0
        how = self.start_hint or self.tr(
            "Inspections are recorded with the recording screen, or on the command line with "
            "“inspector-cli inspections start”.")
        self.empty.setText(self.tr("No inspection matches these filters.") if anything
                           else self.tr("No inspections yet.") + " " + how)
        self.stack.setCurrentWidget(self.empty)

    def set_start_hint(self, text: str) -> None:
        """Name the action that starts an inspection in the empty state (e.g. the host's button)."""
        self.start_hint = text
        if self.ui.signed_in:
            self._show_count()

    # --- the written reports (检查记录) -----------------------------------------------------------
    def export_selected_report(self) -> Path | None:
        inspection_id = self.selected_id()
        if inspection_id is None:
            QMessageBox.information(self, self.tr("Inspection report"), self.tr("Select an inspection first."))
            return None
        return self.report_actions.export_one(inspection_id)

    def export_list_reports(self) -> Path | None:
        """Every completed inspection of the filtered list, in the order shown, as one PDF."""
        flt = self.current_filter()
        when = f"{flt.date_from:%Y%m%d}-{flt.date_to:%Y%m%d}" if flt.date_from and flt.date_to else "all"
        return self.report_actions.export_many(self.model.listed_ids(), f"inspection-reports-{when}.pdf")

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], InspectionsModel.ObjectRole) if rows else None

    def _activated(self, index: QModelIndex) -> None:
        inspection_id = self.model.data(index, InspectionsModel.ObjectRole)
        if inspection_id is not None:
            self.open_requested.emit(inspection_id)
