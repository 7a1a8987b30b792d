"""The checklist templates (检查表) browser: every version in a table on top; for the selected one,
its sections and items below, with the item's inspection standard (检查标准) underneath.

Read-only: editing drafts and publishing arrive with the template editor, and the page says so.
Texts follow the display language (``title_zh``/``title_en``, falling back to the other).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector import messages
from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError
from inspector.domain.templates import Origin, ScoringScheme, TemplateItem, TemplateSection, TemplateVersion
from inspector.labels import label
from inspector.ui.language import localized
from inspector.ui.models.templates_model import TemplatesModel
from inspector.ui.pages.base import Page
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.tables import setup_read_only_table

ItemRole = Qt.ItemDataRole.UserRole + 1  # the TemplateItem behind a tree row (None for sections)


class TemplatesPage(Page):
    WATCHES = (Entity.TEMPLATE,)
    COL_CODE, COL_TEXT, COL_SEVERITY, COL_POINTS, COL_VETO, COL_ORIGIN = range(6)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.current: TemplateVersion | None = None
        self.model = TemplatesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(TemplatesModel.SortRole)
        self.proxy.setSourceModel(self.model)

        self.note = QLabel()
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TemplatesModel.COL_CODE, Qt.SortOrder.AscendingOrder)
        setup_read_only_table(self.table)
        self.table.setMinimumHeight(110)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(TemplatesModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")

        self.heading = QLabel()
        self.heading.setProperty("role", "sectionTitle")
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.tree.headerItem().setTextAlignment(self.COL_POINTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.guidance.setMinimumHeight(70)
        self.guidance.setProperty("role", "hint")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.tree, 1)
        right_layout.addWidget(self.guidance)
        # Versions above, content below: an office has a handful of versions, and both the version
        # table and the item texts need the full width far more than they need height.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("templatesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([170, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.currentItemChanged.connect(lambda current, _previous: self._show_guidance(current))
        self.retranslate()
        if ui.signed_in:
            self.reload()

    def title(self) -> str:
        return self.tr("Templates")

    # --- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the versions again, keeping the selected one selected."""
        keep = self.current.id if self.current else None
        try:
            versions = self.ui.app.templates.list(self.ui.user)
        except InspectorError as error:
            versions = []
            self.empty.setText(messages.describe(error))
        self.model.set_rows(versions)
        self.empty.setVisible(not versions)
        if not self.select_version(keep) and versions:
            self.table.selectRow(0)
        if not versions:
            self.show_version(None)

    def select_version(self, version_id: int | None) -> bool:
        """Make ``version_id`` the selected row; False when it is not listed."""
        if version_id is None:
            return False
        row = self.model.row_of(version_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        version = rows[0].data(TemplatesModel.ObjectRole) if rows else None
        self.show_version(version)

    # --- the detail pane ------------------------------------------------------------------
    def show_version(self, version: TemplateVersion | None) -> None:
        """Fill the tree with the sections and items of ``version`` (empty when None)."""
        self.current = version
        self.tree.clear()
        if version is None:
            self.heading.setText(self.tr("No template selected"))
            self.summary.clear()
            self._show_guidance(None)
            return
        body = version.body
        self.heading.setText(f"{version.code} · {localized(body.title_zh, body.title_en)}")
        self.summary.setText(self.tr(
            "Version {version}, {status}, effective {month} · inspects: {subject} · scoring: {scheme} · "
            "{items} items"
        ).format(
            version=version.version, status=label(version.status), month=version.effective_month or "—",
            subject=label(body.subject), scheme=label(body.scheme), items=body.item_count,
        ))
        deduction = body.scheme is ScoringScheme.DEDUCTION
        self.tree.headerItem().setText(self.COL_POINTS, self.tr("Deduction") if deduction else self.tr("Weight"))
        for section in body.sections:
            self._add_section(self.tree.invisibleRootItem(), section, deduction)
        self.tree.expandAll()
        self._show_guidance(None)

    def _add_section(self, parent: QTreeWidgetItem, section: TemplateSection, deduction: bool) -> None:
        row = QTreeWidgetItem(parent)
        row.setText(self.COL_CODE, section.code)
        row.setText(self.COL_TEXT, localized(section.title_zh, section.title_en))
        if deduction and section.deduct_cap is not None:
            row.setText(self.COL_POINTS, self.tr("max {cap:g}").format(cap=section.deduct_cap))
            row.setTextAlignment(self.COL_POINTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bold = QFont(row.font(self.COL_TEXT))
        bold.setBold(True)
        for column in (self.COL_CODE, self.COL_TEXT):
            row.setFont(column, bold)
        row.setData(self.COL_CODE, ItemRole, None)
        for item in section.items:
            self._add_item(row, item, deduction)
        for sub in section.sections:
            self._add_section(row, sub, deduction)

    def _add_item(self, parent: QTreeWidgetItem, item: TemplateItem, deduction: bool) -> None:
        row = QTreeWidgetItem(parent)
        row.setText(self.COL_CODE, item.code)
        row.setText(self.COL_TEXT, localized(item.text_zh, item.text_en))
        row.setToolTip(self.COL_TEXT, row.text(self.COL_TEXT))
        row.setText(self.COL_SEVERITY, label(item.severity))
        row.setText(self.COL_POINTS, f"−{item.deduct:g}" if deduction else f"{item.weight:g}")
        row.setTextAlignment(self.COL_POINTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if item.veto:
            row.setText(self.COL_VETO, self.tr("Veto"))
            row.setToolTip(self.COL_VETO, self.tr("Failing this item fails the whole inspection (一票否决)."))
        if item.origin is Origin.INFERRED:
            row.setText(self.COL_ORIGIN, self.tr("Inferred"))
            row.setToolTip(self.COL_ORIGIN, self.tr(
                "Not in the source regulations: shipped as a suggestion for the quality office to confirm."
            ))
        row.setData(self.COL_CODE, ItemRole, item)

    def _show_guidance(self, row: QTreeWidgetItem | None) -> None:
        item = row.data(self.COL_CODE, ItemRole) if row is not None else None
        if not isinstance(item, TemplateItem):
            self.guidance.setText(self.tr("Click an item to read its inspection standard."))
            return
        guidance = localized(item.guidance_zh, item.guidance_en) or self.tr("This item has no written standard.")
        details = []
        if item.photos_on_fail:
            details.append(self.tr("{n} photo(s) required when it fails").format(n=item.photos_on_fail))
        if not item.covert:
            details.append(self.tr("not checked on covert visits"))
        if item.source:
            details.append(self.tr("source: {source}").format(source=item.source))
        text = f"{item.code} — {guidance}"
        if details:
            text += "\n" + " · ".join(details)
        self.guidance.setText(text)

    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.note.setText(self.tr(
            "Read-only for now: editing drafts and publishing next month's version arrive with the template editor."
        ))
        self.empty.setText(self.tr("No checklist templates in this data folder yet."))
        self.tree.setHeaderLabels([
            self.tr("Code"), self.tr("Check item"), self.tr("Severity"), self.tr("Deduction"), self.tr("Veto"),
            self.tr("Origin"),
        ])
        self.model.retranslate()
        self.show_version(self.current)
