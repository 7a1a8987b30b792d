"""The registry screen (基础档案): units, vehicles, staff and locations in four tabs.

Each tab is a sortable table over ``RegistryService.list`` with a debounced search box, a unit
filter and a "Show retired" switch; Add…, Edit…, Retire/Reactivate and Import… act on the current
kind. Buttons that change data are disabled for users without ``EDIT_REGISTRY`` (a line under the
table says why), but the service is what enforces it: any refusal is shown as a translated
sentence and nothing else happens. The page fits a 1024-pixel-wide window (the search box gives
way first); a language switch retranslates it in place, keeping tab, search, filter and selection.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError
from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QStackedWidget, QTabBar,
    QTableView, QVBoxLayout, QWidget,
)

from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError
from inspector.domain.registry import NATURAL_KEYS, RegistryKind, normalize_plate
from inspector.domain.users import Permission
from inspector.ui.dialogs.errors import show_error
from inspector.ui.dialogs.registry_edit import RegistryEditDialog
from inspector.ui.dialogs.registry_import import RegistryImportDialog
from inspector.words.labels import label
from inspector.ui.models.registry_model import (
    LocationsModel, Names, RegistryModel, StaffModel, UnitsModel, VehiclesModel, model_for, staff_label,
)
from inspector.ui.pages.base import Page
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.tables import DownIntoResults, setup_read_only_table

KINDS = (RegistryKind.UNITS, RegistryKind.VEHICLES, RegistryKind.STAFF, RegistryKind.LOCATIONS)
# Each tab opens sorted by the key people use to find things: 自编号 for vehicles, codes otherwise.
DEFAULT_SORT: dict[RegistryKind, int] = {
    RegistryKind.UNITS: UnitsModel.COL_CODE, RegistryKind.VEHICLES: VehiclesModel.COL_FLEET_NO,
    RegistryKind.STAFF: StaffModel.COL_STAFF_NO, RegistryKind.LOCATIONS: LocationsModel.COL_CODE,
}
SEARCH_DELAY_MS = 200
SEARCH_MIN_WIDTH = 180
# Columns fit their contents up to this width; the last one takes the spare width.
MAX_COLUMN_WIDTH = 320


class RegistryPage(Page):
    """Browse and maintain the registry; ``kind`` is the tab on show."""

    WATCHES = (Entity.UNIT, Entity.VEHICLE, Entity.STAFF, Entity.LOCATION)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.kind = KINDS[0]
        self.models: dict[RegistryKind, RegistryModel] = {kind: model_for(kind, self) for kind in KINDS}
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(RegistryModel.SortRole)
        self.proxy.setSourceModel(self.models[self.kind])

        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for _kind in KINDS:
            self.tabs.addTab("")

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.unit_filter = QComboBox()
        self.unit_filter.setMinimumContentsLength(8)
        self.unit_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_retired = QCheckBox()
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.toggle_button = QPushButton()
        self.import_button = QPushButton()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        setup_read_only_table(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMaximumWidth(560)
        self.empty.setProperty("role", "hint")
        empty_page = QWidget()
        empty_layout = QHBoxLayout(empty_page)
        empty_layout.addWidget(self.empty)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_page)
        self.count_label = QLabel()
        self.notice = QLabel()  # what the last action did, e.g. "Imported 48 records"
        self.notice.setWordWrap(True)
        self.read_only = QLabel()  # why the editing buttons are disabled
        self.read_only.setProperty("role", "hint")
        self.read_only.setWordWrap(True)

        self._lay_out()
        self._connect()
        self._show_kind(self.kind)
        self.retranslate()  # also disables the buttons until someone allowed to edit signs in
        if ui.signed_in:
            self.reload()

    def _lay_out(self) -> None:
        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.unit_filter)
        tools.addWidget(self.show_retired)
        tools.addSpacing(8)
        for button in (self.add_button, self.edit_button, self.toggle_button, self.import_button):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.tabs)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addSpacing(24)
        footer.addWidget(self.read_only, 1)  # for those who may not edit; they never see a notice
        footer.addWidget(self.notice, 1)
        layout.addLayout(footer)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(lambda index: self.set_kind(KINDS[index]))
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_timer.timeout.connect(self.reload)
        self.search.returnPressed.connect(self._search_now)
        self.unit_filter.activated.connect(lambda _index: self.reload())
        self.show_retired.toggled.connect(lambda _checked: self.reload())
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.import_button.clicked.connect(self.import_file)
        DownIntoResults(self.search, self.table)
        self.table.activated.connect(  # a double click, or Enter on the selected row
            self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))

    def title(self) -> str:
        return self.tr("Registry")

    def retranslate(self) -> None:
        """Every text again in the new language; tab, search, filter and selection stay."""
        for index, kind in enumerate(KINDS):
            self.tabs.setTabText(index, label(kind))
        self.show_retired.setText(self.tr("Show retired"))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.import_button.setText(self.tr("Import…"))
        self.search.setPlaceholderText(self._placeholders()[self.kind])
        if self.unit_filter.count():
            self.unit_filter.setItemText(0, self.tr("All units"))
        self.notice.clear()  # a sentence about the last action, still in the old language
        for model in self.models.values():
            model.retranslate()
        if not self.ui.signed_in:
            self._update_buttons()
            return
        self._update_views(self.model.records())
        self._size_columns()

    # --- state ------------------------------------------------------------------------------
    @property
    def model(self) -> RegistryModel:
        return self.models[self.kind]

    def can_edit(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.EDIT_REGISTRY)

    def set_kind(self, kind: RegistryKind) -> None:
        """Show the tab of ``kind`` and read its records."""
        if kind is self.kind and self.tabs.currentIndex() == KINDS.index(kind):
            return
        self.kind = kind
        self.tabs.setCurrentIndex(KINDS.index(kind))
        self._show_kind(kind)
        self.reload()

    def _show_kind(self, kind: RegistryKind) -> None:
        self.proxy.setSourceModel(self.models[kind])
        self.table.sortByColumn(DEFAULT_SORT[kind], Qt.SortOrder.AscendingOrder)
        self.search.setPlaceholderText(self._placeholders()[kind])
        # Units belong to no unit: the filter would only confuse there.
        self.unit_filter.setEnabled(kind is not RegistryKind.UNITS)
        self.unit_filter.setVisible(kind is not RegistryKind.UNITS)

    def _placeholders(self) -> dict[RegistryKind, str]:
        return {
            RegistryKind.UNITS: self.tr("Search code, name, head…"),
            RegistryKind.VEHICLES: self.tr("Search plate, fleet no., route, model…"),
            RegistryKind.STAFF: self.tr("Search staff no., name, phone…"),
            RegistryKind.LOCATIONS: self.tr("Search code, name, area…"),
        }

    def search_text(self) -> str:
        """The search box text; a whole plate typed as 粤B12345 is searched as stored (粤B·12345)."""
        text = self.search.text().strip()
        if self.kind is RegistryKind.VEHICLES and text:
            try:
                return normalize_plate(text)
            except PydanticCustomError:
                return text
        return text

    def unit_filter_id(self) -> int | None:
        return None if self.kind is RegistryKind.UNITS else self.unit_filter.currentData()

    # --- reading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the current kind with the search, filter and retired switch applied."""
        self.search_timer.stop()
        if not self.ui.signed_in:
            return
        registry, user = self.ui.app.registry, self.ui.user
        selected = self.selected_record()
        try:
            units = registry.list(user, RegistryKind.UNITS, include_retired=True)
            staff = registry.list(user, RegistryKind.STAFF, include_retired=True) \
                if self.kind is RegistryKind.LOCATIONS else []
            self._fill_unit_filter([unit for unit in units if unit.active])
            rows = registry.list(user, self.kind, search=self.search_text(),
                                 include_retired=self.show_retired.isChecked(), unit_id=self.unit_filter_id())
        except InspectorError as error:
            show_error(self, error)
            return
        names = Names(units={unit.id: unit.name for unit in units},
                      staff={person.id: staff_label(person) for person in staff})
        self.model.set_rows(rows, names)
        self._size_columns()
        if selected is not None:
            self.select_record(selected.id)
        self._update_views(rows)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):  # the last one stretches
            if header.sectionSize(column) > MAX_COLUMN_WIDTH:
                header.resizeSection(column, MAX_COLUMN_WIDTH)

    def _fill_unit_filter(self, units: list[Any]) -> None:
        current = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(self.tr("All units"), None)
        for unit in units:
            self.unit_filter.addItem(unit.name, unit.id)
            self.unit_filter.setItemData(self.unit_filter.count() - 1, unit.code, Qt.ItemDataRole.ToolTipRole)
        index = self.unit_filter.findData(current)
        self.unit_filter.setCurrentIndex(max(index, 0))
        self.unit_filter.blockSignals(False)

    def _update_views(self, rows: list[Any]) -> None:
        filtered = bool(self.search.text().strip()) or self.unit_filter_id() is not None
        if rows:
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty.setText(self._empty_text(filtered))
            self.stack.setCurrentIndex(1)
        self.count_label.setVisible(bool(rows))
        retired = sum(1 for row in rows if not row.active)
        text = self._count_text(len(rows))
        if retired:
            retired_text = self.tr("%n retired", "", retired)
            text = f"{text} · {retired_text}"
        self.count_label.setText(text)
        self._update_buttons()

    def _count_text(self, count: int) -> str:
        texts = {
            RegistryKind.UNITS: self.tr("%n unit(s)", "", count),
            RegistryKind.VEHICLES: self.tr("%n vehicle(s)", "", count),
            RegistryKind.STAFF: self.tr("%n staff member(s)", "", count),
            RegistryKind.LOCATIONS: self.tr("%n location(s)", "", count),
        }
        return texts[self.kind]

    def _empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Nothing matches the search or the unit filter.")
        if not self.can_edit():
            return self.tr("Nothing has been entered here yet. The quality office maintains the registry.")
        texts = {
            RegistryKind.UNITS: self.tr(
                "No units yet. Start here: depots, contractors, departments and sites are the units that "
                "vehicles, staff and locations belong to and that notices are addressed to.\n\n"
                "Use Add… for one unit, or Import… to read a CSV or Excel file."),
            RegistryKind.VEHICLES: self.tr(
                "No vehicles yet. Use Add… for one vehicle, or Import… to read a CSV or Excel file."),
            RegistryKind.STAFF: self.tr(
                "No staff yet. Use Add… for one person, or Import… to read a CSV or Excel file."),
            RegistryKind.LOCATIONS: self.tr(
                "No locations yet. Use Add… for one place (a restroom, a yard, a meeting room…), "
                "or Import… to read a CSV or Excel file."),
        }
        return texts[self.kind]

    # --- selection --------------------------------------------------------------------------
    def selected_record(self) -> Any | None:
        """The record of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.proxy.data(rows[0], RegistryModel.ObjectRole) if rows else None

    def select_record(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self.can_edit()
        record = self.selected_record()
        for button in (self.add_button, self.import_button):
            button.setEnabled(editable)
        self.edit_button.setEnabled(editable and record is not None)
        self.toggle_button.setEnabled(editable and record is not None)
        retired = record is not None and not record.active
        self.toggle_button.setText(self.tr("Reactivate") if retired else self.tr("Retire"))
        why = "" if editable else self.tr("Only the quality office and administrators can change the registry.")
        tips = {self.import_button: self.tr("Read many records at once from a CSV or Excel (.xlsx) file")}
        for button in (self.add_button, self.edit_button, self.toggle_button, self.import_button):
            button.setStatusTip(why)
            button.setToolTip(why or tips.get(button, ""))
        self.read_only.setText(why)
        self.read_only.setVisible(bool(why) and self.ui.signed_in)

    # --- actions ----------------------------------------------------------------------------
    def add_record(self) -> None:
        saved = RegistryEditDialog.ask(self, self.ui, self.kind)
        if saved is not None:
            self.select_record(saved.id)

    def edit_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        saved = RegistryEditDialog.ask(self, self.ui, self.kind, record)
        if saved is not None:
            self.select_record(saved.id)

    def toggle_selected(self) -> None:
        """Retire the selected record, or reactivate it when it is retired (both reversible)."""
        record = self.selected_record()
        if record is None:
            return
        try:
            _, changes = self.ui.app.registry.set_active(self.ui.user, self.kind, record.id, not record.active)
        except InspectorError as error:
            show_error(self, error)
            return
        self.ui.hub.publish(changes)
        key = getattr(record, NATURAL_KEYS[self.kind])
        if record.active:
            self.notice.setText(self.tr("{key} is retired. Tick Show retired to see it or to reactivate it.")
                                .format(key=key))
        else:
            self.notice.setText(self.tr("{key} is active again.").format(key=key))

    def import_file(self) -> None:
        result = RegistryImportDialog.ask(self, self.ui, self.kind)
        if result is None:
            return
        text = self.tr("Imported %n record(s).", "", result.imported)
        if result.skipped_rows:
            left_out = self.tr("%n row(s) with problems were left out.", "", result.skipped_rows)
            text = f"{text} {left_out}"
        self.notice.setText(text)

    def _search_now(self) -> None:
        if self.search_timer.isActive():
            self.reload()

    def _activated(self, _index: QModelIndex) -> None:
        if self.can_edit():
            self.edit_selected()
