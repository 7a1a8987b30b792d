"""The checklist templates (检查表) page: every version in a table on top; for the selected one,
its sections and items below, with the item's inspection standard (检查标准) underneath.

The toolbar starts drafts — New template…, Copy to month… (from any version, the month asked,
next month by default) — opens the selected version in the editor (``TemplateEditor``: a draft
to edit, a published version read-only), and deletes a draft. ``add_transfer_actions`` puts the
spreadsheet import / export actions beside them. The editor replaces the browser while it is open
and "← Versions" brings the browser back. Buttons that change data are disabled for users
without ``EDIT_TEMPLATES``; the services enforce it anyway and any refusal is shown.
Texts follow the display language (``title_zh``/``title_en``, falling back to the other).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QHeaderView, QLabel, QMessageBox, QSplitter, QStackedWidget, QTableView, QToolBar, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from inspector.words import messages
from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError
from inspector.domain.templates import (
    Origin, ScoringScheme, TemplateItem, TemplateSection, TemplateStatus, TemplateVersion,
)
from inspector.domain.users import Permission, User
from inspector.words.labels import label
from inspector.ui.dialogs.errors import show_error
from inspector.ui.dialogs.template_new import CopyToMonthDialog, NewTemplateDialog
from inspector.ui.language import localized
from inspector.ui.models.templates_model import TemplatesModel
from inspector.ui.pages.base import Page
from inspector.ui.pages.template_editor import TemplateEditor
from inspector.ui.template_transfer import TemplateTransferActions
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
        self._build_toolbar()
        self.transfer = TemplateTransferActions(self, self)
        self.add_transfer_actions(self.transfer.actions())
        left_layout.addWidget(self.toolbar)
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
        self.splitter.setSizes([215, 515])  # the toolbar and about six versions above
        self.editor: TemplateEditor | None = None
        browser = QWidget()
        browser_layout = QVBoxLayout(browser)
        browser_layout.setContentsMargins(0, 0, 0, 0)
        browser_layout.addWidget(self.note)
        browser_layout.addWidget(self.splitter, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(browser)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(  # a double click, or Enter on the selected row
            lambda _index: self.open_selected())
        self.tree.currentItemChanged.connect(lambda current, _previous: self._show_guidance(current))
        self.retranslate()
        if ui.signed_in:
            self.reload()

    def title(self) -> str:
        return self.tr("Templates")

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Owned by the toolbar: actions owned by the page are deleted before the toolbar, which
        # then relays itself out inside a half-destroyed page (a crash when the window goes).
        self.new_action = QAction(self.toolbar)
        self.new_action.triggered.connect(lambda _checked=False: self.new_template())
        self.copy_action = QAction(self.toolbar)
        self.copy_action.triggered.connect(lambda _checked=False: self.copy_selected())
        self.open_action = QAction(self.toolbar)
        self.open_action.triggered.connect(lambda _checked=False: self.open_selected())
        self.delete_action = QAction(self.toolbar)
        self.delete_action.triggered.connect(lambda _checked=False: self.delete_selected())
        self.toolbar.addActions([self.new_action, self.copy_action, self.open_action, self.delete_action])

    def add_transfer_actions(self, actions: Iterable[QAction]) -> None:
        """Put import / export actions (made elsewhere) at the end of the toolbar, which owns them."""
        self.toolbar.addSeparator()
        for action in actions:
            action.setParent(self.toolbar)
            self.toolbar.addAction(action)

    def can_edit(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.EDIT_TEMPLATES)

    def _update_actions(self) -> None:
        editable, version = self.can_edit(), self.current
        draft = version is not None and version.status is TemplateStatus.DRAFT
        self.transfer.update()
        self.new_action.setEnabled(editable)
        self.copy_action.setEnabled(editable and version is not None)
        self.open_action.setEnabled(version is not None)
        self.open_action.setText(self.tr("Edit") if editable and draft else self.tr("Open"))
        self.delete_action.setEnabled(editable and draft)
        if not self.ui.signed_in:
            return
        self.note.setText(self.tr(
            "Open a draft to edit it. Published versions never change: copy one to a new month to change it."
        ) if editable else self.tr("Only the quality office and administrators can change templates."))

    # --- actions ----------------------------------------------------------------------------
    def open_version(self, version: TemplateVersion) -> TemplateEditor:
        """Show ``version`` in the editor (read-only unless it is a draft the user may edit)."""
        self.close_editor()
        editor = TemplateEditor(self.ui, version)
        editor.closed.connect(self.close_editor)
        editor.copy_requested.connect(self.copy_version)
        self.editor = editor
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        return editor

    def open_selected(self) -> TemplateEditor | None:
        return self.open_version(self.current) if self.current is not None else None

    def close_editor(self) -> None:
        """Back to the versions, the one that was open selected."""
        editor, self.editor = self.editor, None
        if editor is None:
            return
        self.stack.setCurrentIndex(0)
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.reload()
        self.select_version(editor.version.id)

    def on_user_changed(self, user: User) -> None:
        """Someone else signed in: back to the versions, with what they may do."""
        self.close_editor()
        super().on_user_changed(user)

    def new_template(self) -> TemplateEditor | None:
        draft = NewTemplateDialog.ask(self, self.ui)
        return self.open_version(draft) if draft is not None else None

    def copy_selected(self) -> TemplateEditor | None:
        return self.copy_version(self.current) if self.current is not None else None

    def copy_version(self, version: TemplateVersion) -> TemplateEditor | None:
        """A new draft for a month the user chooses, starting as an exact copy of ``version``."""
        month = CopyToMonthDialog.ask(self, version)
        if month is None:
            return None
        try:
            draft, changes = self.ui.app.templates.copy_to_month(self.ui.user, version.code, month,
                                                                 from_version_id=version.id)
        except InspectorError as error:
            show_error(self, error)
            return None
        self.ui.hub.publish(changes)
        return self.open_version(draft)

    def delete_selected(self) -> bool:
        version = self.current
        if version is None or not self.ask_delete_draft(self, version):
            return False
        try:
            changes = self.ui.app.templates.delete_draft(self.ui.user, version.id)
        except InspectorError as error:
            show_error(self, error)
            return False
        if self.editor is not None and self.editor.version.id == version.id:
            self.close_editor()
        self.ui.hub.publish(changes)
        return True

    @classmethod
    def ask_delete_draft(cls, parent: QWidget, version: TemplateVersion) -> bool:
        """Whether to throw the draft ``version`` away (tests replace this)."""
        question = QCoreApplication.translate("TemplatesPage", "Delete the draft {code} v{version}? This cannot be undone.")
        answer = QMessageBox.question(parent, QCoreApplication.translate("TemplatesPage", "Delete draft"),
                                      question.format(code=version.code, version=version.version))
        return answer == QMessageBox.StandardButton.Yes

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
        self._update_actions()

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
        self._update_actions()

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
            "Version {version}, {status}, effective {month} · Inspects: {subject} · Scoring: {scheme} · "
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
        guidance = (localized(item.shown_guidance_zh, item.shown_guidance_en)
                    or self.tr("This item has no written standard."))
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
        self.new_action.setText(self.tr("New template…"))
        self.copy_action.setText(self.tr("Copy to month…"))
        self.copy_action.setToolTip(self.tr("Start a draft for a month from the selected version"))
        self.delete_action.setText(self.tr("Delete draft"))
        self.transfer.retranslate()
        self._update_actions()
        if self.editor is not None:
            self.editor.retranslate()
        self.empty.setText(self.tr("No checklist templates in this data folder yet."))
        self.tree.setHeaderLabels([
            self.tr("Code"), self.tr("Check item"), self.tr("Severity"), self.tr("Deduction"), self.tr("Veto"),
            self.tr("Origin"),
        ])
        self.model.retranslate()
        self.show_version(self.current)
