"""The widgets of the template editor and how they are laid out (split from ``template_editor``,
which holds the behaviour, to keep each module readable).

From the top: a line with "← Versions", the template's name and "every change is saved"; a banner
when the version is read-only; the toolbar (add section / sub-section / item, duplicate, delete,
move up / down, undo, redo, compare versions, publish, copy to month); then the tree with the
problems under it on the left and, on the right, tabs for the selected node's form, the live
preview and the undo history (``QUndoView``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QStackedWidget, QTabWidget, QToolBar,
    QUndoView, QVBoxLayout, QWidget,
)

from inspector.ui.widgets.template_forms import HeaderForm, SectionForm
from inspector.ui.widgets.template_item_form import ItemForm
from inspector.ui.widgets.template_preview import TemplatePreview
from inspector.ui.widgets.template_tree import ProblemsList, TemplateTree

# (name, shortcuts, only while the tree has focus); the order is the toolbar's, "|" a separator.
# Delete and Alt+↑/↓ only in the tree: a text field deletes characters, a combo box opens on Alt+↓.
# "copy" is not on the toolbar: the banner of a read-only version offers it.
ACTIONS: tuple[tuple[str, tuple[QKeySequence.StandardKey | str, ...], bool], ...] = (
    ("add_section", (), False), ("add_subsection", (), False), ("add_item", ("Ctrl+Return",), False),
    ("duplicate", ("Ctrl+D",), False), ("delete", (QKeySequence.StandardKey.Delete,), True),
    ("move_up", ("Alt+Up",), True), ("move_down", ("Alt+Down",), True), ("|", (), False),
    ("undo", (QKeySequence.StandardKey.Undo,), False),
    ("redo", (QKeySequence.StandardKey.Redo, "Ctrl+Y", "Ctrl+Shift+Z"), False), ("|", (), False),
    ("compare", (), False), ("publish", (), False), ("copy", (), False),
)


class TemplateEditorView(QWidget):
    """Every widget of the editor, built and placed; texts come from ``retranslate_view``."""

    def __init__(self, thumbnails: Callable[[str], Path | None] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.tree = TemplateTree()
        self.problems_list = ProblemsList()
        self.header_form = HeaderForm()
        self.section_form = SectionForm()
        self.item_form = ItemForm(thumbnails=thumbnails)
        self.forms = QStackedWidget()
        for form in (self.header_form, self.section_form, self.item_form):
            self.forms.addWidget(form)
        self.preview = TemplatePreview(thumbnails=thumbnails)
        self.history = QUndoView(self.undo_stack)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        for name, keys, tree_only in ACTIONS:
            if name == "|":
                self.toolbar.addSeparator()
                continue
            # Owned by the toolbar: actions owned by an ancestor are deleted before the toolbar,
            # which then relays itself out inside a half-destroyed widget (a crash on teardown).
            action = QAction(self.toolbar)
            if keys:
                action.setShortcuts([QKeySequence(key) for key in keys])
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                (self.tree if tree_only else self).addAction(action)
            if name != "copy":  # "Copy to month…" is the button on the read-only banner
                self.toolbar.addAction(action)
            self.actions_by_name[name] = action
        self._lay_out()

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def _lay_out(self) -> None:
        self.back_button = QPushButton()
        self.heading = QLabel()
        self.heading.setProperty("role", "sectionTitle")
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "muted")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.saved_label)
        self.banner = QFrame()
        self.banner.setProperty("role", "card")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_button = QPushButton()
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(12, 8, 12, 8)
        banner_row.addWidget(self.banner_label, 1)
        banner_row.addWidget(self.banner_button)

        self.problems_title = QLabel()
        self.problems_title.setProperty("role", "sectionTitle")
        self.publish_reason = QLabel()
        self.publish_reason.setProperty("role", "hint")
        self.publish_reason.setWordWrap(True)
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.setSpacing(2)
        problems_layout.addWidget(self.problems_title)
        problems_layout.addWidget(self.publish_reason)
        problems_layout.addWidget(self.problems_list, 1)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.tree)
        self.left.addWidget(problems_box)
        self.left.setStretchFactor(0, 4)
        self.left.setStretchFactor(1, 1)
        self.left.setChildrenCollapsible(False)
        self.left.setSizes([520, 110])
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fields narrow
        self.form_scroll.setWidget(self.forms)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.form_scroll, "")
        self.tabs.addTab(self.preview, "")
        self.tabs.addTab(self.history, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("templateEditorSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([620, 420])  # the tree's texts need the width more than the form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

    def retranslate_view(self) -> None:
        """The fixed texts: actions, tabs, buttons, field captions. (``translate`` with the context
        named, not ``self.tr``: a subclass's ``tr`` would look in the subclass's context.)"""
        texts = {"add_section": QCoreApplication.translate("TemplateEditorView", "Add section"), "add_subsection": QCoreApplication.translate("TemplateEditorView", "Add sub-section"),
                 "add_item": QCoreApplication.translate("TemplateEditorView", "Add item"), "duplicate": QCoreApplication.translate("TemplateEditorView", "Duplicate"), "delete": QCoreApplication.translate("TemplateEditorView", "Delete"),
                 "move_up": QCoreApplication.translate("TemplateEditorView", "Move up"), "move_down": QCoreApplication.translate("TemplateEditorView", "Move down"), "undo": QCoreApplication.translate("TemplateEditorView", "Undo"),
                 "redo": QCoreApplication.translate("TemplateEditorView", "Redo"), "compare": QCoreApplication.translate("TemplateEditorView", "Compare versions…"), "publish": QCoreApplication.translate("TemplateEditorView", "Publish…"),
                 "copy": QCoreApplication.translate("TemplateEditorView", "Copy to month…")}
        for name, text in texts.items():
            self.actions_by_name[name].setText(text)
        tips = {"add_item": QCoreApplication.translate("TemplateEditorView", "A new item after the selected one (Ctrl+Enter)"),
                "duplicate": QCoreApplication.translate("TemplateEditorView", "A copy of the selected item with a new code (Ctrl+D)"),
                "delete": QCoreApplication.translate("TemplateEditorView", "Delete the selected item or section (Del)"),
                "move_up": QCoreApplication.translate("TemplateEditorView", "Move the selected row up (Alt+↑); rows can also be dragged"),
                "move_down": QCoreApplication.translate("TemplateEditorView", "Move the selected row down (Alt+↓); rows can also be dragged"),
                "compare": QCoreApplication.translate("TemplateEditorView", "Items added, removed and changed between two versions")}
        for name, text in tips.items():
            self.actions_by_name[name].setToolTip(text)
        self.back_button.setText(QCoreApplication.translate("TemplateEditorView", "← Versions"))
        self.banner_button.setText(QCoreApplication.translate("TemplateEditorView", "Copy to month…"))
        self.saved_label.setText(QCoreApplication.translate("TemplateEditorView", "Every change is saved at once"))
        self.tabs.setTabText(0, QCoreApplication.translate("TemplateEditorView", "Details"))
        self.tabs.setTabText(1, QCoreApplication.translate("TemplateEditorView", "Preview"))
        self.tabs.setTabText(2, QCoreApplication.translate("TemplateEditorView", "History"))
        self.history.setEmptyLabel(QCoreApplication.translate("TemplateEditorView", "<opened>"))
        for form in (self.header_form, self.section_form, self.item_form):
            form.retranslate()
        self.tree.tree_model.retranslate()
