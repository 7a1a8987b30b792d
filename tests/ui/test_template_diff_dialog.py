"""The version comparison: T1 v1 against a v2 draft with one item added, one removed, one deduction
changed and one item moved shows exactly those, worded and coloured, and follows the combos."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from inspector.context import AppContext
from inspector.domain.templates import TemplateBody, TemplateItem, TemplateSection, TemplateVersion
from inspector.domain.users import Role, User
from inspector.ui.dialogs.template_diff import KIND_ROLE, TemplateDiffDialog, default_pair
from inspector.ui.uicontext import UiContext

NEW_ITEM = TemplateItem(code="T1-2.7", text_zh="扶手消毒记录完整", text_en="Handrail disinfection logged", deduct=2.0)


def _with_items(section: TemplateSection, items: list[TemplateItem]) -> TemplateSection:
    return section.model_copy(update={"items": tuple(items)})


def four_changes(body: TemplateBody) -> TemplateBody:
    """T1-2.7 added, T1-3.6 removed, T1-1.2 deducts 4 instead of 2, T1-1.5 moved to T1-3."""
    sections = {section.code: section for section in body.sections}
    moved = next(item for item in sections["T1-1"].items if item.code == "T1-1.5")
    exterior = [item.model_copy(update={"deduct": 4.0}) if item.code == "T1-1.2" else item
                for item in sections["T1-1"].items if item.code != "T1-1.5"]
    facilities = [item for item in sections["T1-3"].items if item.code != "T1-3.6"] + [moved]
    updated = {
        "T1-1": _with_items(sections["T1-1"], exterior),
        "T1-2": _with_items(sections["T1-2"], [*sections["T1-2"].items, NEW_ITEM]),
        "T1-3": _with_items(sections["T1-3"], facilities),
    }
    return body.model_copy(update={"sections": tuple(updated.get(s.code, s) for s in body.sections)})


@pytest.fixture
def draft(context: AppContext, admin: User) -> TemplateVersion:
    context.templates.ensure_builtins()
    version, _ = context.templates.copy_to_month(admin, "T1", "2099-01")
    version, _ = context.templates.save_draft(admin, version.id, four_changes(version.body))
    return version


def make_dialog(qtbot: Any, ui: UiContext, **kwargs: Any) -> TemplateDiffDialog:
    dialog = TemplateDiffDialog(ui, "T1", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def groups(dialog: TemplateDiffDialog) -> dict[str, list[str]]:
    """Group heading → the codes of its rows."""
    tree = dialog.tree
    found = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        found[group.text(0)] = [group.child(j).text(0) for j in range(group.childCount())]
    return found


def fields(dialog: TemplateDiffDialog, code: str) -> list[tuple[str, str, str]]:
    """(field name, before, after) under the row of ``code``."""
    row = next(item for item in dialog.tree.findItems(code, _recursive()) if item.data(0, KIND_ROLE) != "field")
    return [(row.child(i).text(1), row.child(i).text(2), row.child(i).text(3)) for i in range(row.childCount())]


def _recursive() -> Qt.MatchFlag:
    return Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive


def test_shows_exactly_the_four_changes(
    qtbot: Any, draft: TemplateVersion, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    dialog = make_dialog(qtbot, sign_in(admin))
    assert dialog.left_combo.currentText().startswith("v1 · ") and dialog.left_combo.currentText().endswith("Published")
    assert dialog.right_combo.currentText() == "v2 · 2099-01 · Draft"
    assert groups(dialog) == {"Added (1)": ["T1-2.7"], "Removed (1)": ["T1-3.6"], "Changed (2)": ["T1-1.2", "T1-1.5"]}
    assert dialog.summary.text().startswith("1 added, 1 removed, 2 changed")
    assert fields(dialog, "T1-1.2") == [("Deduction", "−2", "−4")]
    [(name, before, after)] = fields(dialog, "T1-1.5")
    assert name == "Section"
    assert before == "moved from section T1-1 Exterior appearance"
    assert after == "T1-3 Service facilities and public notices"
    added = dialog.tree.findItems("T1-2.7", _recursive())[0]
    assert added.text(1) == "Handrail disinfection logged" and "T1-2" in added.text(3)
    removed = dialog.tree.findItems("T1-3.6", _recursive())[0]
    assert removed.text(3) == "—" and "T1-3" in removed.text(2)


def test_colours_and_strike_through(qtbot: Any, draft: TemplateVersion, admin: User,
                                    sign_in: Callable[[User], UiContext]) -> None:
    dialog = make_dialog(qtbot, sign_in(admin))
    added = dialog.tree.findItems("T1-2.7", _recursive())[0]
    removed = dialog.tree.findItems("T1-3.6", _recursive())[0]
    changed = dialog.tree.findItems("T1-1.2", _recursive())[0]
    assert added.foreground(1).color() == dialog.addedColor
    assert removed.foreground(1).color() == dialog.removedColor and removed.font(1).strikeOut()
    assert changed.foreground(0).color() == dialog.changedColor and not changed.font(0).strikeOut()
    assert len({dialog.addedColor.name(), dialog.removedColor.name(), dialog.changedColor.name()}) == 3
    # The stylesheet may set the colours; rows already shown take the new one.
    dialog.setStyleSheet("TemplateDiffDialog { qproperty-addedColor: #123456; }")
    dialog.ensurePolished()
    assert dialog.addedColor == QColor("#123456")
    assert dialog.tree.findItems("T1-2.7", _recursive())[0].foreground(1).color() == QColor("#123456")


def test_choosing_versions_recompares(qtbot: Any, context: AppContext, draft: TemplateVersion, admin: User,
                                      sign_in: Callable[[User], UiContext]) -> None:
    dialog = make_dialog(qtbot, sign_in(admin))
    dialog.left_combo.setCurrentIndex(dialog.left_combo.findData(draft.id))
    assert dialog.summary.text() == "The same version is chosen on both sides."
    assert dialog.tree.topLevelItemCount() == 0
    # Swapped sides: what was added now reads as removed.
    v1 = context.templates.versions_of(admin, "T1")[0]
    dialog.right_combo.setCurrentIndex(dialog.right_combo.findData(v1.id))
    assert groups(dialog)["Removed (1)"] == ["T1-2.7"] and groups(dialog)["Added (1)"] == ["T1-3.6"]


def test_explicit_ids_and_changes_while_open(qtbot: Any, context: AppContext, draft: TemplateVersion,
                                             admin: User, sign_in: Callable[[User], UiContext]) -> None:
    ui = sign_in(admin)
    v1 = context.templates.versions_of(admin, "T1")[0]
    dialog = make_dialog(qtbot, ui, left_id=draft.id, right_id=v1.id)
    assert (dialog.left_combo.currentData(), dialog.right_combo.currentData()) == (draft.id, v1.id)
    dialog.load(v1.id, draft.id)
    header = draft.body.model_copy(update={"title_en": "Vehicle appearance (2099)"})
    _version, changes = context.templates.save_draft(admin, draft.id, header)
    ui.hub.publish(changes)  # the editor saved: the open comparison follows
    assert "Template header (1)" in groups(dialog)
    tree = dialog.tree
    group = tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert group.text(0) == "Template header (1)"
    assert [group.child(0).text(column) for column in (1, 2, 3)] == [
        "Title (English)", "Vehicle appearance and cleanliness checklist", "Vehicle appearance (2099)"]
    assert "header changed" in dialog.summary.text()


def test_defaults_without_a_draft_compare_the_two_newest(context: AppContext, users: dict[Role, User]) -> None:
    office = users[Role.QUALITY_OFFICE]
    context.templates.ensure_builtins()
    v1 = context.templates.versions_of(office, "T1")[0]
    draft, _ = context.templates.copy_to_month(office, "T1", "2099-01")
    published, _ = context.templates.publish(office, draft.id, "2099-01")
    assert default_pair([published, v1]) == (v1, published)
    assert default_pair([v1]) == (v1, v1)
    assert default_pair([]) == (None, None)


def test_unknown_code_says_so(qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]) -> None:
    dialog = TemplateDiffDialog(sign_in(users[Role.SUPERVISOR]), "NOPE")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.isVisible() and "NOPE" in dialog.message.text()
    assert not dialog.left_combo.isEnabled() and dialog.tree.topLevelItemCount() == 0
    assert dialog.summary.text() == "No versions of NOPE to compare."


def test_ask_opens_beside_its_parent_without_blocking(
    qtbot: Any, draft: TemplateVersion, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    assert TemplateDiffDialog.ask(parent, sign_in(admin), "T1") is None
    [dialog] = parent.findChildren(TemplateDiffDialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert "Added (1)" in groups(dialog)
