"""The template editor: every kind of edit is saved at once and can be undone and redone (the
database follows), typing merges into one step, drops move rows, problems block publishing, and
published versions and readers only look. Then the templates page around it: copying any version
to a month, new templates, opening, deleting drafts, and what each role may do there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit

from inspector.context import AppContext
from inspector.domain.errors import InspectorError, PermissionDenied
from inspector.domain.templates import ScoringScheme, SubjectKind, TemplateBody, TemplateStatus, TemplateVersion
from inspector.domain.users import Role, User
from inspector.ui.dialogs.template_new import CopyToMonthDialog, NewTemplateDialog
from inspector.ui.models.template_tree_model import NodeKind, TemplateTreeModel
from inspector.ui.pages import template_editor as editor_module
from inspector.ui.pages import templates as templates_page
from inspector.ui.pages.template_editor import TemplateEditor
from inspector.ui.pages.templates import TemplatesPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.template_forms import NodeForm
from inspector.ui.widgets.template_item_form import ReferencePhotoPicker

ITEM, SECTION, TEMPLATE = NodeKind.ITEM, NodeKind.SECTION, NodeKind.TEMPLATE


@pytest.fixture
def office(users: dict[Role, User]) -> User:
    return users[Role.QUALITY_OFFICE]


@pytest.fixture
def draft(context: AppContext, office: User) -> TemplateVersion:
    """T2 (staff conduct) copied to a draft for 2099-01."""
    context.templates.ensure_builtins()
    version, _ = context.templates.copy_to_month(office, "T2", "2099-01")
    return version


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[InspectorError]:
    shown: list[InspectorError] = []
    monkeypatch.setattr(editor_module, "show_error", lambda _parent, error: shown.append(error))
    return shown


@pytest.fixture
def open_editor(qtbot: Any, sign_in: Callable[[User], UiContext]) -> Callable[[User, TemplateVersion], TemplateEditor]:
    def make(user: User, version: TemplateVersion) -> TemplateEditor:
        editor = TemplateEditor(sign_in(user), version)
        qtbot.addWidget(editor)
        editor.resize(1100, 760)
        editor.show()
        return editor

    return make


def saved(context: AppContext, user: User, version: TemplateVersion) -> TemplateBody:
    return context.templates.get(user, version.id).body


def section_codes(body: TemplateBody, parent: str | None = None) -> list[str]:
    holder = body.sections if parent is None else next(s for s in body.iter_sections() if s.code == parent).sections
    return [section.code for section in holder]


def item_codes(body: TemplateBody, section: str) -> list[str]:
    return [item.code for item in next(s for s in body.iter_sections() if s.code == section).items]


def type_and_enter(qtbot: Any, field: Any, text: str) -> None:
    """Replace the field's text as typed (QTest types ASCII only: Chinese goes in as an input
    method would put it) and press Enter."""
    field.setFocus()
    field.selectAll()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def choose_next(qtbot: Any, combo: QComboBox) -> None:
    """The next entry of a closed combo box by keyboard (which reports it as the user's choice)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)


# --- every kind of edit: saved, undone, redone ---------------------------------------------------
def edit_item_text(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.2"))
    type_and_enter(qtbot, editor.item_form.fields["text_en"], "Uniform spotless")
    return lambda body: body.item("T2-1.2").text_en == "Uniform spotless"


def edit_item_choices(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.2"))
    editor.item_form.fields["veto"].click()
    return lambda body: body.item("T2-1.2").veto is True


def edit_item_severity(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.1"))
    choose_next(qtbot, editor.item_form.fields["severity"])  # 一般 → 严重
    return lambda body: body.item("T2-1.1").severity.value == "serious"


def edit_item_points(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.1"))
    type_and_enter(qtbot, editor.item_form.fields["points"], "3.5")
    return lambda body: body.item("T2-1.1").deduct == 3.5


def edit_section(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((SECTION, "T2-2"))
    type_and_enter(qtbot, editor.section_form.fields["title_en"], "Personal grooming")
    return lambda body: body.sections[1].title_en == "Personal grooming"


def edit_section_roles(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((SECTION, "T2-2"))
    editor.section_form.roles.item(0).setCheckState(Qt.CheckState.Checked)  # driver
    return lambda body: [role.value for role in body.sections[1].roles] == ["driver"]


def edit_header(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((TEMPLATE, "T2"))
    choose_next(qtbot, editor.header_form.fields["scheme"])  # deduction → weighted
    return lambda body: body.scheme is ScoringScheme.WEIGHTED


def add_item(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.2"))
    editor.add_item_action.trigger()
    assert editor.current_ref() == (ITEM, "T2-1.6")
    return lambda body: item_codes(body, "T2-1")[:4] == ["T2-1.1", "T2-1.2", "T2-1.6", "T2-1.3"]


def duplicate_item(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.1"))
    editor.duplicate_action.trigger()
    return lambda body: item_codes(body, "T2-1")[1] == "T2-1.6" and \
        body.item("T2-1.6").model_copy(update={"code": "T2-1.1"}) == body.item("T2-1.1")


def delete_item(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.3"))
    editor.delete_action.trigger()
    assert editor.current_ref() == (ITEM, "T2-1.4")  # the row after it
    return lambda body: body.item("T2-1.3") is None


def add_section(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.2"))
    editor.add_section_action.trigger()
    return lambda body: section_codes(body)[:3] == ["T2-1", "T2-10", "T2-2"]


def add_subsection(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-3.1"))
    editor.add_subsection_action.trigger()
    return lambda body: section_codes(body, "T2-3") == ["T2-3-1"]


def delete_section(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((SECTION, "T2-9"))
    editor.delete_action.trigger()
    return lambda body: "T2-9" not in section_codes(body) and body.item("T2-9.1") is None


def move_item(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-1.1"))
    editor.move_down_action.trigger()
    return lambda body: item_codes(body, "T2-1")[:2] == ["T2-1.2", "T2-1.1"]


def move_item_across(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((ITEM, "T2-2.1"))
    editor.move_up_action.trigger()  # the first of T2-2 goes to the end of T2-1
    return lambda body: item_codes(body, "T2-1")[-1] == "T2-2.1"


def move_section(qtbot: Any, editor: TemplateEditor) -> Callable[[TemplateBody], bool]:
    editor.select((SECTION, "T2-9"))
    editor.move_up_action.trigger()
    return lambda body: section_codes(body)[-2:] == ["T2-9", "T2-8"]


EDITS = [edit_item_text, edit_item_choices, edit_item_severity, edit_item_points, edit_section,
         edit_section_roles, edit_header, add_item, duplicate_item, delete_item, add_section, add_subsection,
         delete_section, move_item, move_item_across, move_section]


@pytest.mark.parametrize("do_edit", EDITS, ids=[edit.__name__ for edit in EDITS])
def test_every_edit_is_saved_undone_and_redone(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    open_editor: Callable[[User, TemplateVersion], TemplateEditor], do_edit: Callable[..., Any],
) -> None:
    monkeypatch.setattr(TemplateEditor, "ask_delete_section", classmethod(lambda cls, *args: True))
    editor = open_editor(office, draft)
    before = saved(context, office, draft)
    changed = do_edit(qtbot, editor)
    after = saved(context, office, draft)
    assert after != before and changed(after)
    assert editor.undo_stack.count() == 1 and editor.body == after
    editor.undo_action.trigger()
    assert saved(context, office, draft) == before and editor.body == before
    editor.redo_action.trigger()
    assert saved(context, office, draft) == after and editor.body == after


def test_undo_and_redo_have_the_standard_shortcuts(office: User, draft: TemplateVersion,
                                                   open_editor: Callable[..., TemplateEditor]) -> None:
    editor = open_editor(office, draft)
    assert QKeySequence("Ctrl+Z") in editor.undo_action.shortcuts()
    assert {QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")} <= set(editor.redo_action.shortcuts())
    assert not editor.undo_action.isEnabled()


def test_a_section_with_items_is_deleted_only_when_confirmed(
    context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    open_editor: Callable[..., TemplateEditor],
) -> None:
    asked: list[tuple[str, int]] = []
    monkeypatch.setattr(TemplateEditor, "ask_delete_section",
                        classmethod(lambda cls, _parent, code, items: asked.append((code, items)) or False))
    editor = open_editor(office, draft)
    editor.select((SECTION, "T2-9"))
    assert not editor.delete_selected()
    assert asked == [("T2-9", 2)] and saved(context, office, draft) == draft.body
    editor.add_section()  # an empty section goes without a question
    assert editor.delete_selected() and asked == [("T2-9", 2)]


# --- typing --------------------------------------------------------------------------------------
def test_typing_with_pauses_is_one_undo_step(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    open_editor: Callable[..., TemplateEditor],
) -> None:
    monkeypatch.setattr(NodeForm, "TYPING_MS", 20)
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-1.2"))
    field = editor.item_form.fields["text_en"]
    assert isinstance(field, QLineEdit)
    original = draft.body.item("T2-1.2").text_en
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, " and")
    qtbot.waitUntil(lambda: saved(context, office, draft).item("T2-1.2").text_en == original + " and")
    qtbot.keyClicks(field, " pressed")  # the pause saved it; the cursor stays at the end
    qtbot.waitUntil(lambda: saved(context, office, draft).item("T2-1.2").text_en == original + " and pressed")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == original + " and pressed"
    assert editor.undo_stack.count() == 1
    editor.undo()
    assert saved(context, office, draft).item("T2-1.2").text_en == original and field.text() == original
    editor.redo()
    assert saved(context, office, draft).item("T2-1.2").text_en == original + " and pressed"


def test_text_typed_and_deleted_again_leaves_no_step(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    open_editor: Callable[..., TemplateEditor],
) -> None:
    monkeypatch.setattr(NodeForm, "TYPING_MS", 20)
    editor = open_editor(office, draft)
    editor.select((SECTION, "T2-1"))
    field = editor.section_form.fields["title_en"]
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, "s")
    qtbot.waitUntil(lambda: saved(context, office, draft).sections[0].title_en.endswith("s"))
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert saved(context, office, draft) == draft.body
    assert editor.undo_stack.count() == 0


def test_undo_first_saves_what_is_being_typed(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)  # the real pause: nothing is saved before undo asks
    editor.select((ITEM, "T2-1.2"))
    box = editor.item_form.fields["guidance_en"]
    box.setFocus()
    qtbot.keyClicks(box, "Checked at the gate. ")
    editor.undo()
    assert saved(context, office, draft) == draft.body
    editor.redo()
    assert saved(context, office, draft).item("T2-1.2").guidance_en.startswith("Checked at the gate. ")


# --- drag and drop -------------------------------------------------------------------------------
def test_a_dropped_row_moves_and_the_move_undoes(
    context: AppContext, office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)
    model = editor.tree.tree_model
    data = model.mimeData([model.index_of((ITEM, "T2-1.1"))])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, model.index_of((SECTION, "T2-2")))
    body = saved(context, office, draft)
    assert item_codes(body, "T2-2")[:3] == ["T2-2.1", "T2-1.1", "T2-2.2"] and "T2-1.1" not in item_codes(body, "T2-1")
    assert editor.current_ref() == (ITEM, "T2-1.1")
    data = editor.tree.tree_model.mimeData([editor.tree.tree_model.index_of((SECTION, "T2-9"))])
    root = editor.tree.tree_model.index(0, 0)
    assert editor.tree.tree_model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, root)
    assert section_codes(saved(context, office, draft))[0] == "T2-9"
    editor.undo()
    editor.undo()
    assert saved(context, office, draft) == draft.body


# --- validation and publishing ---------------------------------------------------------------------
def test_a_duplicate_code_blocks_publishing_until_fixed(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    first = draft.body.sections[0]
    clash = first.items[1].model_copy(update={"code": "T2-1.1"})
    items = (first.items[0], clash, *first.items[2:])
    body = draft.body.model_copy(update={"sections": (first.model_copy(update={"items": items}),
                                                      *draft.body.sections[1:])})
    context.templates.save_draft(office, draft.id, body)
    editor = open_editor(office, context.templates.get(office, draft.id))
    assert [p.code for p in editor.problems_list.problems()] == ["duplicate_item_code"]
    assert not editor.publish_action.isEnabled()
    assert "Fix the 1 problem(s)" in editor.publish_reason.text()
    editor.select((TEMPLATE, "T2"))
    editor.problems_list._clicked(editor.problems_list.item(0))
    assert editor.current_ref() == (ITEM, "T2-1.1")
    assert editor.item_form.problems_label.isVisible()
    assert editor.item_form.fields["code"].property("invalid") is True
    type_and_enter(qtbot, editor.item_form.fields["code"], "T2-1.9")
    assert editor.problems_list.count() == 0 and editor.publish_action.isEnabled()
    assert item_codes(saved(context, office, draft), "T2-1")[:2] == ["T2-1.9", "T2-1.1"]
    assert editor.item_form.fields["code"].property("invalid") is False


def test_a_code_already_taken_is_refused_beside_the_field(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-1.2"))
    type_and_enter(qtbot, editor.item_form.fields["code"], "T2-1.3")
    assert "already has an item T2-1.3" in editor.item_form.problems_label.text()
    assert editor.item_form.fields["code"].property("invalid") is True
    assert saved(context, office, draft) == draft.body and editor.undo_stack.count() == 0


def test_an_empty_text_is_a_problem_listed_and_marked(
    qtbot: Any, office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-1.2"))
    editor.add_item()
    assert [(p.code, p.where) for p in editor.problems_list.problems()] == [("item_text_empty", "T2-1.6")]
    index = editor.tree.tree_model.index_of((ITEM, "T2-1.6"))
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "⚠ Item T2-1.6 has no Chinese text."
    assert not editor.publish_action.isEnabled()
    type_and_enter(qtbot, editor.item_form.fields["text_zh"], "胸牌佩戴端正")
    assert editor.problems_list.count() == 0 and editor.publish_action.isEnabled()


def test_publishing_names_the_month_and_ends_editing(
    context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    open_editor: Callable[..., TemplateEditor],
) -> None:
    asked: list[TemplateVersion] = []
    monkeypatch.setattr(editor_module.PublishDialog, "ask",
                        classmethod(lambda cls, _parent, version, **_kw: asked.append(version) or "2099-02"))
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-1.2"))
    editor.duplicate_item()
    assert editor.publish()
    published = context.templates.get(office, draft.id)
    assert asked[0].id == draft.id and published.status is TemplateStatus.PUBLISHED
    assert published.effective_month == "2099-02"
    assert editor.undo_stack.count() == 0 and not editor.undo_action.isEnabled()
    assert not editor.item_form.isEnabled() and editor.banner.isVisible()
    assert "2099-02" in editor.banner_label.text()


def test_only_the_quality_office_may_publish(
    admin: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(admin, draft)
    assert editor.add_item_action.isEnabled()  # admins edit templates…
    assert not editor.publish_action.isEnabled()  # …but the quality office publishes them
    assert editor.publish_reason.text() == "Only the quality office publishes templates."


# --- looking only --------------------------------------------------------------------------------
def test_a_published_version_opens_read_only_and_writes_nothing(
    context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    open_editor: Callable[..., TemplateEditor],
) -> None:
    writes: list[str] = []
    for name in ("save_draft", "publish", "delete_draft", "copy_to_month"):
        monkeypatch.setattr(context.templates, name, lambda *args, name=name, **kw: writes.append(name))
    published = context.templates.latest_published(office, "T2")
    editor = open_editor(office, published)
    copies: list[TemplateVersion] = []
    editor.copy_requested.connect(copies.append)
    assert editor.banner.isVisible() and "read only" in editor.banner_label.text()
    for ref in ((TEMPLATE, "T2"), (SECTION, "T2-1"), (ITEM, "T2-1.1")):
        editor.select(ref)
        assert not editor.forms.currentWidget().isEnabled()
    for action in (editor.add_section_action, editor.add_item_action, editor.duplicate_action,
                   editor.delete_action, editor.move_up_action, editor.undo_action, editor.publish_action):
        assert not action.isEnabled()
        action.trigger()
    model = editor.tree.tree_model
    assert not model.flags(model.index_of((ITEM, "T2-1.1"))) & Qt.ItemFlag.ItemIsDragEnabled
    assert writes == []
    assert editor.copy_action.isEnabled()
    editor.banner_button.click()
    assert [version.id for version in copies] == [published.id]


def test_a_supervisor_can_read_a_draft_but_not_change_it(
    context: AppContext, users: dict[Role, User], draft: TemplateVersion, errors_shown: list[InspectorError],
    open_editor: Callable[..., TemplateEditor],
) -> None:
    supervisor = users[Role.SUPERVISOR]
    editor = open_editor(supervisor, draft)
    assert not editor.add_item_action.isEnabled() and not editor.item_form.isEnabled()
    assert "only the quality office" in editor.banner_label.text()
    editor.select((ITEM, "T2-1.2"))
    assert not editor.add_item()  # forced past the disabled button: the service refuses
    assert [type(error) for error in errors_shown] == [PermissionDenied]
    assert saved(context, supervisor, draft) == draft.body
    assert editor.undo_stack.count() == 0 and editor.body == draft.body


def test_a_draft_published_elsewhere_turns_read_only_on_the_next_edit(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, errors_shown: list[InspectorError],
    open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-1.2"))
    editor.duplicate_item()
    context.templates.publish(office, draft.id, "2099-01")  # another window published it
    editor.select((ITEM, "T2-1.1"))
    editor.duplicate_item()
    assert [error.code for error in errors_shown] == ["template_published"]
    qtbot.waitUntil(lambda: editor.version.status is TemplateStatus.PUBLISHED)
    assert editor.undo_stack.count() == 0 and not editor.item_form.isEnabled()


# --- the reference photo -------------------------------------------------------------------------
def test_a_reference_photo_is_stored_shown_and_undone(
    tmp_path: Path, context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    open_editor: Callable[..., TemplateEditor],
) -> None:
    photo = QImage(320, 240, QImage.Format.Format_RGB32)
    photo.fill(0x3366AA)
    path = tmp_path / "good.jpg"
    assert photo.save(str(path), "JPEG")
    monkeypatch.setattr(ReferencePhotoPicker, "choose", classmethod(lambda cls, _parent: path))
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-1.1"))
    editor.item_form.choose_photo.click()
    sha256 = saved(context, office, draft).item("T2-1.1").reference_photo
    assert sha256 is not None and len(sha256) == 64
    assert not editor.item_form.photo.pixmap().isNull() and editor.item_form.remove_photo.isEnabled()
    editor.item_form.remove_photo.click()
    assert saved(context, office, draft).item("T2-1.1").reference_photo is None
    editor.undo()
    assert saved(context, office, draft).item("T2-1.1").reference_photo == sha256
    editor.undo()
    assert saved(context, office, draft) == draft.body


def test_the_preview_follows_the_edits(
    qtbot: Any, office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-1.2"))
    type_and_enter(qtbot, editor.item_form.fields["text_en"], "Badge worn straight")
    assert "Badge worn straight" in editor.preview.plain_text()
    assert "Maximum score: 100" in editor.preview.plain_text()
    assert editor.tree.tree_model.index_of((ITEM, "T2-1.2")).siblingAtColumn(
        TemplateTreeModel.COL_TEXT).data() == "Badge worn straight"


# --- the templates page around the editor --------------------------------------------------------
def make_page(qtbot: Any, ui: UiContext) -> TemplatesPage:
    page = TemplatesPage(ui)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    return page


def test_copy_to_month_from_an_older_version_starts_from_that_version(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    sign_in: Callable[[User], UiContext],
) -> None:
    first = context.templates.latest_published(office, "T2")  # v1
    changed = draft.body.model_copy(update={"title_en": "Staff checklist, 2099 edition"})
    context.templates.save_draft(office, draft.id, changed)
    context.templates.publish(office, draft.id, "2099-01")  # v2, different from v1
    asked: list[TemplateVersion] = []
    monkeypatch.setattr(CopyToMonthDialog, "ask",
                        classmethod(lambda cls, _parent, version, **_kw: asked.append(version) or "2099-03"))
    page = make_page(qtbot, sign_in(office))
    assert page.select_version(first.id)
    page.copy_action.trigger()
    editor = page.editor
    assert editor is not None and page.stack.currentWidget() is editor
    copy = context.templates.get(office, editor.version.id)
    assert [version.id for version in asked] == [first.id]
    assert (copy.version, copy.status, copy.effective_month) == (3, TemplateStatus.DRAFT, "2099-03")
    assert copy.body == first.body != changed
    assert editor.add_item_action.isEnabled()


def test_a_published_version_is_copied_from_its_banner(
    qtbot: Any, context: AppContext, office: User, monkeypatch: pytest.MonkeyPatch,
    sign_in: Callable[[User], UiContext],
) -> None:
    context.templates.ensure_builtins()
    monkeypatch.setattr(CopyToMonthDialog, "ask", classmethod(lambda cls, _parent, _version, **_kw: "2099-05"))
    page = make_page(qtbot, sign_in(office))
    published = context.templates.latest_published(office, "T3")
    page.select_version(published.id)
    editor = page.open_selected()
    assert editor is not None and not editor.editable
    editor.banner_button.click()
    assert page.editor is not editor and page.editor is not None
    assert page.editor.version.effective_month == "2099-05" and page.editor.body == published.body


def test_page_actions_follow_the_role_and_the_version(
    qtbot: Any, context: AppContext, users: dict[Role, User], draft: TemplateVersion,
    sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(users[Role.SUPERVISOR]))
    page.select_version(draft.id)
    assert not page.new_action.isEnabled() and not page.copy_action.isEnabled()
    assert not page.delete_action.isEnabled()
    assert page.open_action.isEnabled() and page.open_action.text() == "Open"
    assert page.note.text() == "Only the quality office and administrators can change templates."
    office = make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    office.select_version(draft.id)
    assert office.new_action.isEnabled() and office.copy_action.isEnabled() and office.delete_action.isEnabled()
    assert office.open_action.text() == "Edit"
    office.select_version(context.templates.latest_published(users[Role.QUALITY_OFFICE], "T2").id)
    assert not office.delete_action.isEnabled() and office.open_action.text() == "Open"


def test_a_supervisor_forcing_a_copy_is_refused_and_nothing_is_written(
    qtbot: Any, context: AppContext, users: dict[Role, User], draft: TemplateVersion,
    monkeypatch: pytest.MonkeyPatch, sign_in: Callable[[User], UiContext],
) -> None:
    shown: list[InspectorError] = []
    monkeypatch.setattr(templates_page, "show_error", lambda _parent, error: shown.append(error))
    monkeypatch.setattr(CopyToMonthDialog, "ask", classmethod(lambda cls, _parent, _version, **_kw: "2099-04"))
    supervisor = users[Role.SUPERVISOR]
    page = make_page(qtbot, sign_in(supervisor))
    count = len(context.templates.list(supervisor))
    assert page.copy_version(draft) is None
    assert [type(error) for error in shown] == [PermissionDenied]
    assert len(context.templates.list(supervisor)) == count and page.editor is None


def test_open_edit_and_go_back_to_the_versions(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(office))
    page.select_version(draft.id)
    editor = page.open_selected()
    assert editor is not None and editor.editable and page.stack.currentWidget() is editor
    editor.select((ITEM, "T2-1.1"))
    editor.duplicate_item()
    row = page.model.row_of(draft.id)
    assert page.model.index(row, page.model.COL_ITEMS).data() == str(draft.body.item_count + 1)
    editor.back_button.click()
    assert page.editor is None and page.stack.currentIndex() == 0
    assert page.current is not None and page.current.id == draft.id


def test_deleting_a_draft_closes_it(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, monkeypatch: pytest.MonkeyPatch,
    sign_in: Callable[[User], UiContext],
) -> None:
    monkeypatch.setattr(TemplatesPage, "ask_delete_draft", classmethod(lambda cls, _parent, _version: True))
    page = make_page(qtbot, sign_in(office))
    page.select_version(draft.id)
    page.open_selected()
    page.select_version(draft.id)
    assert page.delete_selected()
    assert page.editor is None and page.model.row_of(draft.id) < 0
    assert draft.id not in [version.id for version in context.templates.list(office)]


def test_a_new_template_opens_as_a_draft(
    qtbot: Any, context: AppContext, office: User, monkeypatch: pytest.MonkeyPatch,
    sign_in: Callable[[User], UiContext],
) -> None:
    ui = sign_in(office)
    dialog = NewTemplateDialog(ui)
    qtbot.addWidget(dialog)
    dialog.code.setText("T4")
    dialog.title_zh.setText("候车亭检查表")
    dialog.subject.setCurrentIndex(dialog.subject.findData(SubjectKind.LOCATION))
    dialog.submit()
    assert dialog.created is not None and dialog.created.body.subject is SubjectKind.LOCATION
    again = NewTemplateDialog(ui)
    qtbot.addWidget(again)
    again.code.setText("t4")
    again.title_zh.setText("重复")
    again.submit()
    assert again.created is None and "already used" in again.error.text()
    created = dialog.created
    monkeypatch.setattr(NewTemplateDialog, "ask", classmethod(lambda cls, _parent, _ui: created))
    page = make_page(qtbot, ui)
    page.new_action.trigger()
    assert page.editor is not None and page.editor.version.id == created.id and page.editor.editable


def test_transfer_actions_join_the_toolbar(qtbot: Any, office: User, sign_in: Callable[[User], UiContext]) -> None:
    page = make_page(qtbot, sign_in(office))
    imported = QAction("Import…")
    exported = QAction("Export…")
    page.add_transfer_actions([imported, exported])
    assert page.toolbar.actions()[-2:] == [imported, exported]
    assert imported.parent() is page.toolbar


def test_a_language_switch_keeps_the_editor_and_its_selection(
    qtbot: Any, office: User, draft: TemplateVersion, sign_in: Callable[[User], UiContext],
) -> None:
    page = make_page(qtbot, sign_in(office))
    page.select_version(draft.id)
    editor = page.open_selected()
    assert editor is not None
    editor.select((ITEM, "T2-1.2"))
    row = editor.tree.tree_model.index_of((ITEM, "T2-1.2"))
    assert row.siblingAtColumn(TemplateTreeModel.COL_TEXT).data() == draft.body.item("T2-1.2").text_en
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    page.retranslate()
    assert page.editor is editor and editor.current_ref() == (ITEM, "T2-1.2")
    row = editor.tree.tree_model.index_of((ITEM, "T2-1.2"))
    assert row.siblingAtColumn(TemplateTreeModel.COL_TEXT).data() == draft.body.item("T2-1.2").text_zh
    assert editor.item_form.fields["text_zh"].text() == draft.body.item("T2-1.2").text_zh


def test_switching_user_closes_the_editor(
    qtbot: Any, users: dict[Role, User], draft: TemplateVersion, sign_in: Callable[[User], UiContext],
) -> None:
    ui = sign_in(users[Role.QUALITY_OFFICE])
    page = make_page(qtbot, ui)
    page.select_version(draft.id)
    assert page.open_selected() is not None
    ui.sign_in(users[Role.SUPERVISOR])
    assert page.editor is None and page.stack.currentIndex() == 0
    assert not page.new_action.isEnabled()


def test_shortcuts_that_text_fields_need_work_only_in_the_tree(
    office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)
    for action in (editor.delete_action, editor.move_up_action, editor.move_down_action):
        assert action in editor.tree.actions() and action not in editor.actions()
    assert editor.undo_action in editor.actions() and editor.add_item_action in editor.actions()


def test_a_measured_item_takes_a_threshold_either_decimal_mark(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-2.4"))
    form = editor.item_form
    assert not form.fields["threshold"].isEnabled()
    choose_next(qtbot, form.response)  # pass/fail → measured value
    assert form.fields["threshold"].isEnabled()
    assert [p.code for p in editor.problems_list.problems()] == ["numeric_without_threshold"]
    type_and_enter(qtbot, form.fields["threshold"], "1,6")
    type_and_enter(qtbot, form.fields["unit_of_measure"], "mm")
    item = saved(context, office, draft).item("T2-2.4")
    assert (item.response.value, item.threshold, item.unit_of_measure) == ("numeric", 1.6, "mm")
    assert editor.problems_list.count() == 0 and form.fields["threshold"].text() == "1.6"
    form.response.setFocus()
    qtbot.keyClick(form.response, Qt.Key.Key_Up)  # back to pass/fail: the threshold goes with it
    item = saved(context, office, draft).item("T2-2.4")
    assert (item.response.value, item.threshold) == ("pass_fail", None)
    assert editor.problems_list.count() == 0 and editor.undo_stack.count() == 4


def test_text_typed_before_choosing_another_row_is_saved_to_its_own_row(
    qtbot: Any, context: AppContext, office: User, draft: TemplateVersion, open_editor: Callable[..., TemplateEditor],
) -> None:
    editor = open_editor(office, draft)
    editor.select((ITEM, "T2-1.2"))
    box = editor.item_form.fields["guidance_en"]
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " Spot-check the collar.")
    assert editor.item_form.pending()
    editor.tree.select((ITEM, "T2-3.1"))  # chosen before the pause saved the text
    body = saved(context, office, draft)
    assert body.item("T2-1.2").guidance_en.endswith(" Spot-check the collar.")
    assert body.item("T2-3.1") == draft.body.item("T2-3.1")
    assert editor.current_ref() == (ITEM, "T2-3.1")
    assert editor.item_form.heading.text() == "Item T2-3.1"
