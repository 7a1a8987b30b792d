"""Undoable edits of a draft template, as ``QUndoCommand`` objects on the editor's ``QUndoStack``.

Every command is a pair of snapshots: the whole body before and after. ``redo`` and ``undo`` both
hand one of them to ``BodyTarget.apply_body`` (the editor), which saves the draft through
``TemplateService.save_draft`` at once and redraws the tree, the form, the preview and the
problems. Snapshots rather than inverse operations because a body is a small frozen value: undo is
then exactly "the body as it was", whatever the edit was, and it cannot drift from redo.

The ``plan_*`` functions at the end compute the new body of each kind of edit with
``inspector.domain.template_edit`` (which refuses, with an ``InspectorError``, edits that would
make the tree ambiguous) and build its command, so a command only ever holds a body the domain
accepted; they also choose what is selected after it (a new row; the neighbour of a deleted one). When saving fails (the version was published meanwhile, the user may not edit) a
command pushed for the first time marks itself obsolete and ``QUndoStack.push`` drops it.

Consecutive edits of the same field of the same node within one typing session merge into one
step (``mergeWith``): a sentence typed with pauses, each pause saved, is undone at once. A merge
that brings the field back to where it started makes the step obsolete, and it disappears.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from inspector.domain import template_edit as edit
from inspector.domain.errors import NotFound
from inspector.domain.templates import TemplateBody, TemplateItem, TemplateSection
from inspector.ui.language import localized
from inspector.ui.models.template_tree_model import NodeKind, NodeRef

MERGE_ID = 0x7E4D  # shared by every field edit; mergeWith compares the merge keys


class BodyTarget(Protocol):
    """What commands act on: the editor of one draft."""

    def apply_body(self, body: TemplateBody, *, select: NodeRef | None = None) -> bool:
        """Save ``body`` as the draft and show it with ``select`` current; False when refused."""
        ...


def _name(record: TemplateItem | TemplateSection) -> str:
    text = localized(record.text_zh, record.text_en) if isinstance(record, TemplateItem) \
        else localized(record.title_zh, record.title_en)
    short = text if len(text) <= 16 else text[:15] + "…"
    return f"{record.code} {short}".strip()


class BodyCommand(QUndoCommand):
    """One edit: ``before`` → ``after``, each shown with its own node selected."""

    def __init__(self, target: BodyTarget, text: str, before: TemplateBody, after: TemplateBody, *,
                 select_before: NodeRef | None, select_after: NodeRef | None) -> None:
        super().__init__(text)
        self.target = target
        self.before = before
        self.after = after
        self.select_before = select_before
        self.select_after = select_after
        self._done_once = False

    def redo(self) -> None:
        saved = self.target.apply_body(self.after, select=self.select_after)
        if not saved and not self._done_once:
            self.setObsolete(True)  # never on the stack: nothing was saved
        self._done_once = True

    def undo(self) -> None:
        self.target.apply_body(self.before, select=self.select_before)


class EditCommand(BodyCommand):
    """Fields of one item, section or the template header changed.

    ``merge_key`` (node, field, typing session) lets the next edit of the same field fold into
    this step; None means the edit stands alone (a combo box choice, a tick, a photo).
    """

    def __init__(self, target: BodyTarget, text: str, before: TemplateBody, after: TemplateBody, *,
                 select_before: NodeRef | None, select_after: NodeRef | None,
                 merge_key: Hashable | None = None) -> None:
        super().__init__(target, text, before, after, select_before=select_before, select_after=select_after)
        self.merge_key = merge_key

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key is None or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.select_after = other.select_after
        if self.after == self.before:
            self.setObsolete(True)  # typed and deleted again: no step left
        return True


class EditItemCommand(EditCommand):
    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody, old: TemplateItem,
                 new: TemplateItem, merge_key: Hashable | None = None) -> None:
        text = QCoreApplication.translate("TemplateCommands", "Edit item {name}").format(name=_name(new))
        super().__init__(target, text, before, after, select_before=(NodeKind.ITEM, old.code),
                         select_after=(NodeKind.ITEM, new.code), merge_key=merge_key)


class EditSectionCommand(EditCommand):
    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody, old: TemplateSection,
                 new: TemplateSection, merge_key: Hashable | None = None) -> None:
        text = QCoreApplication.translate("TemplateCommands", "Edit section {name}").format(name=_name(new))
        super().__init__(target, text, before, after, select_before=(NodeKind.SECTION, old.code),
                         select_after=(NodeKind.SECTION, new.code), merge_key=merge_key)


class EditHeaderCommand(EditCommand):
    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody,
                 merge_key: Hashable | None = None) -> None:
        text = QCoreApplication.translate("TemplateCommands", "Edit template {code}").format(code=before.code)
        ref = (NodeKind.TEMPLATE, before.code)
        super().__init__(target, text, before, after, select_before=ref, select_after=ref, merge_key=merge_key)


class AddItemCommand(BodyCommand):
    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody, item: TemplateItem,
                 selected: NodeRef | None) -> None:
        text = QCoreApplication.translate("TemplateCommands", "Add item {code}").format(code=item.code)
        super().__init__(target, text, before, after, select_before=selected,
                         select_after=(NodeKind.ITEM, item.code))


class DuplicateItemCommand(BodyCommand):
    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody, original: TemplateItem,
                 copy: TemplateItem) -> None:
        text = QCoreApplication.translate("TemplateCommands", "Duplicate item {code} as {copy}")
        super().__init__(target, text.format(code=original.code, copy=copy.code), before, after,
                         select_before=(NodeKind.ITEM, original.code), select_after=(NodeKind.ITEM, copy.code))


class DeleteItemCommand(BodyCommand):
    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody, item: TemplateItem,
                 next_selected: NodeRef | None) -> None:
        text = QCoreApplication.translate("TemplateCommands", "Delete item {name}").format(name=_name(item))
        super().__init__(target, text, before, after, select_before=(NodeKind.ITEM, item.code),
                         select_after=next_selected)


class AddSectionCommand(BodyCommand):
    """A section at the top level, or a sub-section (``sub``) of a top-level one."""

    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody, section: TemplateSection,
                 selected: NodeRef | None, *, sub: bool) -> None:
        if sub:
            text = QCoreApplication.translate("TemplateCommands", "Add sub-section {code}")
        else:
            text = QCoreApplication.translate("TemplateCommands", "Add section {code}")
        super().__init__(target, text.format(code=section.code), before, after, select_before=selected,
                         select_after=(NodeKind.SECTION, section.code))


class DeleteSectionCommand(BodyCommand):
    """A section with its items and sub-sections."""

    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody, section: TemplateSection,
                 next_selected: NodeRef | None) -> None:
        text = QCoreApplication.translate("TemplateCommands", "Delete section {name}").format(name=_name(section))
        super().__init__(target, text, before, after, select_before=(NodeKind.SECTION, section.code),
                         select_after=next_selected)


class MoveCommand(BodyCommand):
    """An item or a section moved (dragged and dropped, or Move up / Move down)."""

    def __init__(self, target: BodyTarget, before: TemplateBody, after: TemplateBody, ref: NodeRef) -> None:
        if ref[0] is NodeKind.ITEM:
            text = QCoreApplication.translate("TemplateCommands", "Move item {code}")
        else:
            text = QCoreApplication.translate("TemplateCommands", "Move section {code}")
        super().__init__(target, text.format(code=ref[1]), before, after, select_before=ref, select_after=ref)


# --- planning: the command for an edit of ``body``, or an InspectorError from template_edit --------
def _section_index(body: TemplateBody, code: str) -> tuple[str | None, int]:
    """The parent (None: top level) of section ``code`` and its index there."""
    parent = edit.parent_of(body, code)
    siblings = body.sections if parent is None else _section(body, parent).sections
    return parent, next(i for i, s in enumerate(siblings) if s.code == code)


def _section(body: TemplateBody, code: str) -> TemplateSection:
    section = edit.find_section(body, code)
    if section is None:
        raise NotFound("section_not_in_template", section=code, template=body.code)
    return section


def _item(body: TemplateBody, code: str) -> TemplateItem:
    item = body.item(code)
    if item is None:
        raise NotFound("item_not_in_template", item=code, template=body.code)
    return item


def target_section(body: TemplateBody, ref: NodeRef | None) -> tuple[str, int] | None:
    """Where a new item goes for the selection: after a selected item, at the end of a selected
    section, at the end of the last section when the template row is selected."""
    if ref is not None and ref[0] is NodeKind.ITEM:
        section = edit.section_of_item(body, ref[1])
        return section.code, [i.code for i in section.items].index(ref[1]) + 1
    if ref is not None and ref[0] is NodeKind.SECTION:
        section = _section(body, ref[1])
        return section.code, len(section.items)
    if body.sections:
        last = body.sections[-1]
        return last.code, len(last.items)
    return None


def plan_edit(target: BodyTarget, body: TemplateBody, ref: NodeRef, updates: dict[str, Any],
              merge_key: Hashable | None) -> EditCommand | None:
    """Fields of the node ``ref`` set to ``updates``; None when nothing changes."""
    kind, code = ref
    if kind is NodeKind.TEMPLATE:
        after = body.model_copy(update=updates)
        return EditHeaderCommand(target, body, after, merge_key) if after != body else None
    if kind is NodeKind.SECTION:
        section = _section(body, code)
        new_section = section.model_copy(update=updates)
        if new_section == section:
            return None
        after = edit.replace_section(body, code, new_section)
        return EditSectionCommand(target, body, after, section, new_section, merge_key)
    item = _item(body, code)
    new_item = item.model_copy(update=updates)
    if new_item == item:
        return None
    return EditItemCommand(target, body, edit.replace_item(body, code, new_item), item, new_item, merge_key)


def plan_add_item(target: BodyTarget, body: TemplateBody, ref: NodeRef | None) -> AddItemCommand | None:
    """A new, empty item (its Chinese text still to write) where ``target_section`` says."""
    place = target_section(body, ref)
    if place is None:
        return None
    section_code, index = place
    code = edit.next_item_code(body, section_code)
    before = _section(body, section_code).items[index - 1] if index > 0 else None
    # Scored like the item above it (items of a section usually cost the same); text still to write.
    item = TemplateItem(code=code, text_zh="") if before is None else \
        TemplateItem(code=code, text_zh="", deduct=before.deduct, weight=before.weight)
    return AddItemCommand(target, body, edit.insert_item(body, section_code, index, item), item, ref)


def plan_duplicate(target: BodyTarget, body: TemplateBody, code: str) -> DuplicateItemCommand:
    """A copy of item ``code`` right after it: same texts and settings, a new code."""
    original = _item(body, code)
    section = edit.section_of_item(body, code)
    copy = original.model_copy(update={"code": edit.next_item_code(body, section.code)})
    index = [i.code for i in section.items].index(code) + 1
    return DuplicateItemCommand(target, body, edit.insert_item(body, section.code, index, copy), original, copy)


def plan_add_section(target: BodyTarget, body: TemplateBody, ref: NodeRef | None, *,
                     sub: bool) -> AddSectionCommand | None:
    """A new section after the selected top-level one, or (``sub``) a sub-section at the end of
    the selected top-level section (the one holding the selected sub-section or item)."""
    top: str | None = None
    if ref is not None and ref[0] is not NodeKind.TEMPLATE:
        code = edit.section_of_item(body, ref[1]).code if ref[0] is NodeKind.ITEM else ref[1]
        top = edit.parent_of(body, code) or code
    if sub and top is None:
        return None
    parent = top if sub else None
    if sub:
        index = len(_section(body, top).sections)  # type: ignore[arg-type]
    else:
        index = _section_index(body, top)[1] + 1 if top is not None else len(body.sections)
    section = TemplateSection(code=edit.next_section_code(body, parent), title_zh="")
    return AddSectionCommand(target, body, edit.insert_section(body, parent, index, section), section, ref,
                             sub=sub)


def plan_delete(target: BodyTarget, body: TemplateBody, ref: NodeRef) -> BodyCommand | None:
    """Item or section ``ref`` removed; the row after it (or before, or its parent) is selected."""
    kind, code = ref
    if kind is NodeKind.ITEM:
        section = edit.section_of_item(body, code)
        codes = [i.code for i in section.items]
        at = codes.index(code)
        rest = codes[:at] + codes[at + 1:]
        following: NodeRef = (NodeKind.ITEM, rest[min(at, len(rest) - 1)]) if rest else (NodeKind.SECTION, section.code)
        return DeleteItemCommand(target, body, edit.remove_item(body, code), _item(body, code), following)
    if kind is NodeKind.SECTION:
        parent, at = _section_index(body, code)
        siblings = [s.code for s in (body.sections if parent is None else _section(body, parent).sections)]
        rest = siblings[:at] + siblings[at + 1:]
        following = (NodeKind.SECTION, rest[min(at, len(rest) - 1)]) if rest else \
            ((NodeKind.SECTION, parent) if parent else (NodeKind.TEMPLATE, body.code))
        return DeleteSectionCommand(target, body, edit.remove_section(body, code), _section(body, code), following)
    return None


def move_target(body: TemplateBody, ref: NodeRef, step: int) -> tuple[str | None, int] | None:
    """Where Move up (``step`` −1) or Move down (+1) puts ``ref``: (parent section, index after
    removal). An item at the end of its section moves on into the neighbouring section; a section
    stays among its siblings. None when it cannot go further."""
    kind, code = ref
    if kind is NodeKind.ITEM:
        section = edit.section_of_item(body, code)
        at = [i.code for i in section.items].index(code) + step
        if 0 <= at < len(section.items):
            return section.code, at
        order = [s.code for s in body.iter_sections()]
        neighbour = order.index(section.code) + step
        if not 0 <= neighbour < len(order):
            return None
        return order[neighbour], (len(_section(body, order[neighbour]).items) if step < 0 else 0)
    if kind is NodeKind.SECTION:
        parent, at = _section_index(body, code)
        count = len(body.sections if parent is None else _section(body, parent).sections)
        return (parent, at + step) if 0 <= at + step < count else None
    return None


def plan_move(target: BodyTarget, body: TemplateBody, ref: NodeRef, parent: str | None,
              index: int) -> MoveCommand | None:
    """``ref`` moved to ``index`` of ``parent`` (a section; None: the top level, for sections)."""
    if ref[0] is NodeKind.ITEM:
        if parent is None:
            return None
        after = edit.move_item(body, ref[1], parent, index)
    elif ref[0] is NodeKind.SECTION:
        after = edit.move_section(body, ref[1], parent, index)
    else:
        return None
    return MoveCommand(target, body, after, ref) if after != body else None
