"""The editor of one template version: the tree on the left, the selected node's form (and the
live preview) on the right, the problems that keep it from being published at the bottom.

Every change — a typed text, a tick, an added, duplicated, deleted or moved row, a drop — becomes
a snapshot command (``inspector.ui.template_commands``) on the editor's ``QUndoStack``; doing or
undoing one goes through ``apply_body``, which saves the draft through
``TemplateService.save_draft`` at once (what a user changes is in SQLite a second later, never
only on screen) and draws everything again. New bodies are computed with
``inspector.domain.template_edit``, which refuses a code that is already taken; that refusal is
shown beside the field and nothing is saved.

A published version opens in the same view read-only (forms disabled, no drag and drop) under a
banner offering a copy to a new month; a reader without ``EDIT_TEMPLATES`` gets the same. Publish
needs ``PUBLISH_TEMPLATES`` and a draft without problems; it clears the undo history, since a
published version can never change again. The services enforce every rule: a call that slips
past a disabled button is refused there and the refusal is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.words import messages
from inspector.domain import template_edit as edit
from inspector.domain.errors import InspectorError
from inspector.domain.templates import (
    TemplateBody, TemplateItem, TemplateProblem, TemplateSection, TemplateStatus, TemplateVersion, validate_template,
)
from inspector.domain.users import Permission
from inspector.words.labels import label
from inspector.ui import template_commands as cmd
from inspector.ui.dialogs.errors import show_error
from inspector.ui.dialogs.template_diff import TemplateDiffDialog
from inspector.ui.dialogs.template_publish import PublishDialog
from inspector.ui.language import localized
from inspector.ui.models.template_tree_model import NodeKind, NodeRef, TemplateTreeModel
from inspector.ui.uicontext import UiContext
from inspector.ui.pages.template_editor_view import TemplateEditorView
from inspector.ui.widgets.template_forms import NodeForm
from inspector.ui.widgets.template_item_form import ReferencePhotoPicker
from inspector.ui.widgets.template_preview import maximum_text

ITEM, SECTION, TEMPLATE = NodeKind.ITEM, NodeKind.SECTION, NodeKind.TEMPLATE


class TemplateEditor(TemplateEditorView):
    """One version: editable when it is a draft and the user may edit templates."""

    closed = Signal()  # "back to the versions"
    copy_requested = Signal(object)  # TemplateVersion: start a draft for another month from it

    def __init__(self, ui: UiContext, version: TemplateVersion, parent: QWidget | None = None) -> None:
        super().__init__(ui.app.photos.thumbnail_path, parent)
        self.ui = ui
        self.version = version
        self.body = version.body
        self.problems: list[TemplateProblem] = []
        self._shown: NodeRef | None = None
        self._rendering = False
        self.add_section_action, self.add_subsection_action = self.action("add_section"), self.action("add_subsection")
        self.add_item_action, self.duplicate_action = self.action("add_item"), self.action("duplicate")
        self.delete_action = self.action("delete")
        self.move_up_action, self.move_down_action = self.action("move_up"), self.action("move_down")
        self.undo_action, self.redo_action = self.action("undo"), self.action("redo")
        self.compare_action, self.publish_action = self.action("compare"), self.action("publish")
        self.copy_action = self.action("copy")
        for action, slot in ((self.add_section_action, self.add_section), (self.add_subsection_action, self.add_subsection),
                             (self.add_item_action, self.add_item), (self.duplicate_action, self.duplicate_item),
                             (self.delete_action, self.delete_selected),
                             (self.move_up_action, lambda: self.move_selected(-1)),
                             (self.move_down_action, lambda: self.move_selected(1)),
                             (self.undo_action, self.undo), (self.redo_action, self.redo),
                             (self.compare_action, self.compare), (self.publish_action, self.publish),
                             (self.copy_action, lambda: self.copy_requested.emit(self.version))):
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        for form in (self.header_form, self.section_form, self.item_form):
            form.edited.connect(self._form_edited)
        self.item_form.photo_requested.connect(self.choose_photo)
        self.back_button.clicked.connect(self.close_editor)
        self.banner_button.clicked.connect(self.copy_action.trigger)
        self.tree.node_selected.connect(self._node_selected)
        self.tree.tree_model.move_requested.connect(
            lambda kind, code, parent, index: self.move((NodeKind(kind), code), parent, index))
        self.problems_list.problem_chosen.connect(self.select_problem)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.retranslate()

    # --- state -----------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self.version.status is TemplateStatus.DRAFT and self.ui.user.can(Permission.EDIT_TEMPLATES)

    def current_ref(self) -> NodeRef | None:
        return self.tree.current_ref()

    def current_form(self) -> NodeForm:
        form = self.forms.currentWidget()
        assert isinstance(form, NodeForm)
        return form

    # --- showing ---------------------------------------------------------------------------------
    def render(self, select: NodeRef | None = None) -> None:
        """Draw the body: tree (``select`` current), form, preview, problems, actions."""
        self.problems = validate_template(self.body)
        self._rendering = True
        try:
            self.tree.set_body(self.body, self.problems, select=select, editable=self.editable)
        finally:
            self._rendering = False
        self._show_node(self.tree.current_ref())
        self.preview.set_body(self.body, staff_role=self.preview.staff_role())
        self.problems_list.set_problems(self.problems)
        self._show_texts()
        self._update_actions()

    def _node_selected(self, ref: NodeRef | None) -> None:
        if self._rendering:
            return
        if self.current_form().pending():
            # What was being typed belongs to the row being left: saving it draws the tree again
            # with that row current, so the row the user chose is chosen again afterwards.
            self.current_form().flush()
            if ref is not None and self.tree.current_ref() != ref:
                self.tree.select(ref)
                return
        self._show_node(self.tree.current_ref())
        self._update_actions()

    def _show_node(self, ref: NodeRef | None) -> None:
        same = ref == self._shown
        self._shown = ref
        index = self.tree.tree_model.index_of(ref)
        record = index.data(TemplateTreeModel.ObjectRole) if index.isValid() else None
        problems = index.data(TemplateTreeModel.ProblemsRole) if index.isValid() else []
        form: NodeForm
        if isinstance(record, TemplateItem):
            self.item_form.load(record, self.body, same)
            form = self.item_form
        elif isinstance(record, TemplateSection):
            self.section_form.load(record, self.body, same)
            form = self.section_form
        else:
            facts = self.tr("Version {version} · {status} · {month} · {maximum} · %n item(s)", "",
                            self.body.item_count).format(
                version=self.version.version, status=label(self.version.status),
                month=self.version.effective_month or "—", maximum=maximum_text(self.body))
            self.header_form.load(self.body, facts, same)
            form = self.header_form
        form.set_problems(problems or [])
        self.forms.setEnabled(self.editable)
        self.forms.setCurrentWidget(form)

    def _show_texts(self) -> None:
        body, version = self.body, self.version
        self.heading.setText(self.tr("{code} · {title} — version {version}, {status}").format(
            code=body.code, title=localized(body.title_zh, body.title_en), version=version.version,
            status=label(version.status)))
        if version.status is TemplateStatus.PUBLISHED:
            text = self.tr("Published for {month} — read only. Copy to a new month to change it.").format(
                month=version.effective_month or "—")
        elif not self.ui.user.can(Permission.EDIT_TEMPLATES):
            text = self.tr("You can read this draft; only the quality office and administrators edit templates.")
        else:
            text = ""
        self.banner_label.setText(text)
        self.banner.setVisible(bool(text))
        self.saved_label.setVisible(self.editable)
        self.banner_button.setVisible(version.status is TemplateStatus.PUBLISHED)
        self.problems_title.setText(self.tr("Problems ({count})").format(count=len(self.problems)))

    def _update_actions(self) -> None:
        editable, ref = self.editable, self.current_ref()
        kind = ref[0] if ref is not None else None
        has_sections = bool(self.body.sections)
        for action, enabled in (
            (self.add_section_action, editable),
            (self.add_subsection_action, editable and has_sections),
            (self.add_item_action, editable and has_sections),
            (self.duplicate_action, editable and kind is ITEM),
            (self.delete_action, editable and kind in (ITEM, SECTION)),
            (self.move_up_action, editable and ref is not None and self._move_target(ref, -1) is not None),
            (self.move_down_action, editable and ref is not None and self._move_target(ref, 1) is not None),
            (self.undo_action, editable and self.undo_stack.canUndo()),
            (self.redo_action, editable and self.undo_stack.canRedo()),
            (self.copy_action, self.version.status is TemplateStatus.PUBLISHED
             and self.ui.user.can(Permission.EDIT_TEMPLATES)),
        ):
            action.setEnabled(enabled)
        self.banner_button.setEnabled(self.copy_action.isEnabled())
        reason = self.publish_blocker()
        self.publish_action.setEnabled(self.version.status is TemplateStatus.DRAFT and not reason)
        self.publish_action.setToolTip(reason or self.tr("Publish this draft for a month"))
        self.publish_reason.setText(reason or self.tr("No problems: this draft can be published."))
        undo_text, redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setToolTip(self.tr("Undo {what}").format(what=undo_text) if undo_text else self.tr("Undo"))
        self.redo_action.setToolTip(self.tr("Redo {what}").format(what=redo_text) if redo_text else self.tr("Redo"))

    def _stack_moved(self, _index: int) -> None:
        self._update_actions()

    def publish_blocker(self) -> str:
        """Why Publish is disabled ("" when it is not)."""
        if self.version.status is TemplateStatus.PUBLISHED:
            return self.tr("Published versions never change.")
        if not self.ui.user.can(Permission.PUBLISH_TEMPLATES):
            return self.tr("Only the quality office publishes templates.")
        if self.problems:
            return self.tr("Fix the %n problem(s) listed here before publishing.", "", len(self.problems))
        return ""

    def retranslate(self) -> None:
        """Every text again in the display language, the selection kept."""
        self.retranslate_view()
        self.render(self._shown or (TEMPLATE, self.body.code))

    # --- saving ----------------------------------------------------------------------------------
    def apply_body(self, body: TemplateBody, *, select: NodeRef | None = None) -> bool:
        """Save ``body`` as this draft now and show it; on a refusal say why and show the truth."""
        try:
            version, changes = self.ui.app.templates.save_draft(self.ui.user, self.version.id, body)
        except InspectorError as error:
            show_error(self, error)
            QTimer.singleShot(0, self, self.resync)  # not inside QUndoStack.undo()/redo()
            self.render(self._shown)  # the form shows the values that are saved, not the refused ones
            return False
        self.version, self.body = version, version.body
        self.render(select)
        self.ui.hub.publish(changes)
        return True

    def resync(self) -> None:
        """Read the version again after a refusal: published or deleted meanwhile ends the history."""
        try:
            version = self.ui.app.templates.get(self.ui.user, self.version.id)
        except InspectorError:
            self.close_editor()
            return
        if version.status is not TemplateStatus.DRAFT or version.body != self.body:
            self.undo_stack.clear()
        self.version, self.body = version, version.body
        self.render(self._shown)

    def push(self, plan: Callable[[], QUndoCommand | None]) -> bool:
        """Build a command with ``plan()`` (after saving what is being typed) and do it; False
        when there was nothing to do or the service refused."""
        self.current_form().flush()
        try:
            command = plan()
        except InspectorError as error:
            show_error(self, error)
            return False
        if command is None:
            return False
        before = self.body
        self.undo_stack.push(command)  # does it: saves, or shows the refusal and drops the command
        return self.body != before

    def _form_edited(self, updates: dict[str, object], merge: tuple[str, int] | None) -> None:
        ref = self._shown
        if ref is None or self._rendering:
            return
        if "points" in updates:  # the item form's one box is a deduction or a weight by scheme
            updates = {**updates, self.item_form.points_field(): updates.pop("points")}
        key = (ref, merge) if merge is not None else None
        try:
            command = cmd.plan_edit(self, self.body, ref, updates, key)
        except InspectorError as error:
            self.current_form().refuse(next(iter(updates)), messages.describe(error))
            return
        if command is not None:
            self.undo_stack.push(command)

    # --- actions ---------------------------------------------------------------------------------
    def add_section(self) -> bool:
        return self.push(lambda: cmd.plan_add_section(self, self.body, self.current_ref(), sub=False))

    def add_subsection(self) -> bool:
        return self.push(lambda: cmd.plan_add_section(self, self.body, self.current_ref(), sub=True))

    def add_item(self) -> bool:
        added = self.push(lambda: cmd.plan_add_item(self, self.body, self.current_ref()))
        if added:
            self.item_form.fields["text_zh"].setFocus()
        return added

    def duplicate_item(self) -> bool:
        ref = self.current_ref()
        if ref is None or ref[0] is not ITEM:
            return False
        return self.push(lambda: cmd.plan_duplicate(self, self.body, ref[1]))

    def delete_selected(self) -> bool:
        """Delete the selected item, or section with what it holds (asking first if it holds items)."""
        ref = self.current_ref()
        if ref is None or ref[0] is TEMPLATE:
            return False
        if ref[0] is SECTION:
            section = edit.find_section(self.body, ref[1])
            count = sum(len(s.items) for s in (section, *section.sections)) if section is not None else 0
            if count and not self.ask_delete_section(self, ref[1], count):
                return False
        return self.push(lambda: cmd.plan_delete(self, self.body, ref))

    @classmethod
    def ask_delete_section(cls, parent: QWidget, code: str, items: int) -> bool:
        """Whether to delete section ``code`` and its ``items`` items (tests replace this)."""
        title = QCoreApplication.translate("TemplateEditor", "Delete section")
        question = QCoreApplication.translate(
            "TemplateEditor", "Delete section {code} and the %n item(s) in it? Undo brings them back.", "", items)
        answer = QMessageBox.question(parent, title, question.format(code=code))
        return answer == QMessageBox.StandardButton.Yes

    def _move_target(self, ref: NodeRef, step: int) -> tuple[str | None, int] | None:
        try:
            return cmd.move_target(self.body, ref, step)
        except InspectorError:
            return None

    def move_selected(self, step: int) -> bool:
        ref = self.current_ref()
        target = self._move_target(ref, step) if ref is not None else None
        if ref is None or target is None:
            return False
        return self.move(ref, *target)

    def move(self, ref: NodeRef, parent: str | None, index: int) -> bool:
        """Move ``ref`` to ``index`` (after its removal) of ``parent`` — from a drop or a button."""
        return self.push(lambda: cmd.plan_move(self, self.body, ref, parent, index))

    def undo(self) -> None:
        self.current_form().flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.current_form().flush()
        self.undo_stack.redo()

    def select(self, ref: NodeRef) -> bool:
        return self.tree.select(ref)

    def select_problem(self, problem: TemplateProblem) -> None:
        ref = self.tree.tree_model.problem_ref(problem)
        if ref is not None:
            self.tree.select(ref)

    def choose_photo(self) -> None:
        """A reference photo for the selected item: chosen by the user, stored by PhotoService."""
        ref = self.current_ref()
        if ref is None or ref[0] is not ITEM:
            return
        path = ReferencePhotoPicker.choose(self)
        if path is None:
            return
        try:
            sha256 = self.ui.app.photos.add_reference_photo(self.ui.user, path)
        except InspectorError as error:
            show_error(self, error)
            return
        self.push(lambda: cmd.plan_edit(self, self.body, ref, {"reference_photo": sha256}, None))

    def compare(self) -> None:
        self.current_form().flush()
        TemplateDiffDialog.ask(self, self.ui, self.version.code)

    def publish(self) -> bool:
        """Ask for the month and publish; the version becomes read-only and the history ends."""
        self.current_form().flush()
        month = PublishDialog.ask(self, self.version)
        if month is None:
            return False
        try:
            version, changes = self.ui.app.templates.publish(self.ui.user, self.version.id, month)
        except InspectorError as error:
            show_error(self, error)
            return False
        self.version, self.body = version, version.body
        self.undo_stack.clear()
        self.render(self._shown)
        self.ui.hub.publish(changes)
        return True

    def close_editor(self) -> None:
        self.current_form().flush()
        self.closed.emit()
