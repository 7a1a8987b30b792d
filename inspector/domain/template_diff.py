"""What changed between two template versions, item by item (for the preview before publishing
and for "what is new this month").

Items and sections are matched by their stable code, never by position or text, so that a
reworded item is a change of ``text_zh`` and not a removal plus an addition. A move to another
section is a change carrying ``moved_from`` (and the pseudo-field ``"section"``); a new place among
the same siblings is a change of the pseudo-field ``"position"``. Only items whose relative order
really changed are reported: those outside the longest common subsequence of the old and new
order, so inserting one item at the top does not mark every item below it as moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from inspector.domain.templates import TemplateBody, TemplateItem, TemplateSection

ITEM_FIELDS: tuple[str, ...] = tuple(TemplateItem.model_fields)
SECTION_FIELDS: tuple[str, ...] = ("title_zh", "title_en", "roles", "deduct_cap")
HEADER_FIELDS: tuple[str, ...] = tuple(name for name in TemplateBody.model_fields if name != "sections")


class SectionChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class ItemChange:
    """One item added (``old`` None), removed (``new`` None) or changed (``fields`` names what).

    ``section_code`` is where the item is now (where it was, for a removed item).
    """

    code: str
    section_code: str
    old: TemplateItem | None
    new: TemplateItem | None
    fields: tuple[str, ...] = ()
    moved_from: str | None = None


@dataclass(frozen=True)
class SectionChange:
    """A section added, removed or changed; ``fields`` names what changed (``title_zh``, ``roles``,
    ``deduct_cap``, ``parent`` when it moved under another section, ``position`` among siblings)."""

    code: str
    old_title: str | None
    new_title: str | None
    kind: SectionChangeKind
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class TemplateDiff:
    added: tuple[ItemChange, ...] = ()
    removed: tuple[ItemChange, ...] = ()
    changed: tuple[ItemChange, ...] = ()
    sections: tuple[SectionChange, ...] = ()
    header_fields: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.sections or self.header_fields)


def _stable_subsequence(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """The codes of a longest common subsequence of ``old`` and ``new`` (codes are unique)."""
    lengths = [[0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            lengths[i][j] = (lengths[i + 1][j + 1] + 1 if old[i] == new[j]
                             else max(lengths[i + 1][j], lengths[i][j + 1]))
    kept: set[str] = set()
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            kept.add(old[i])
            i, j = i + 1, j + 1
        elif lengths[i + 1][j] >= lengths[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def _reordered(old_order: Sequence[str], new_order: Sequence[str]) -> set[str]:
    """Codes present in both orders whose place relative to the others changed."""
    common = set(old_order) & set(new_order)
    old_common = [code for code in old_order if code in common]
    new_common = [code for code in new_order if code in common]
    return common - _stable_subsequence(old_common, new_common)


def _item_places(body: TemplateBody) -> dict[str, tuple[str, TemplateItem]]:
    places: dict[str, tuple[str, TemplateItem]] = {}
    for section, item in body.iter_items():
        places.setdefault(item.code, (section.code, item))  # a duplicate code keeps its first place
    return places


def _section_places(body: TemplateBody) -> dict[str, tuple[str | None, TemplateSection]]:
    places: dict[str, tuple[str | None, TemplateSection]] = {}
    for section in body.sections:
        places.setdefault(section.code, (None, section))
        for sub in section.sections:
            places.setdefault(sub.code, (section.code, sub))
    return places


def _sibling_orders(body: TemplateBody) -> dict[str | None, list[str]]:
    """Section codes per parent code (``None`` for the top level), in order."""
    orders: dict[str | None, list[str]] = {None: [section.code for section in body.sections]}
    for section in body.sections:
        orders[section.code] = [sub.code for sub in section.sections]
    return orders


def _item_orders(body: TemplateBody) -> dict[str, list[str]]:
    return {section.code: [item.code for item in section.items] for section in body.iter_sections()}


def _changed_fields(old: object, new: object, names: Sequence[str]) -> tuple[str, ...]:
    return tuple(name for name in names if getattr(old, name) != getattr(new, name))


def _diff_sections(old: TemplateBody, new: TemplateBody) -> tuple[SectionChange, ...]:
    before, after = _section_places(old), _section_places(new)
    old_orders, new_orders = _sibling_orders(old), _sibling_orders(new)
    reordered = {code for parent in set(old_orders) & set(new_orders)
                 for code in _reordered(old_orders[parent], new_orders[parent])}
    changes: list[SectionChange] = []
    for code, (parent, section) in after.items():
        if code not in before:
            changes.append(SectionChange(code, None, section.title_zh, SectionChangeKind.ADDED))
            continue
        old_parent, old_section = before[code]
        fields = _changed_fields(old_section, section, SECTION_FIELDS)
        if old_parent != parent:
            fields += ("parent",)
        elif code in reordered:
            fields += ("position",)
        if fields:
            changes.append(SectionChange(code, old_section.title_zh, section.title_zh, SectionChangeKind.CHANGED,
                                         fields))
    changes += [SectionChange(code, section.title_zh, None, SectionChangeKind.REMOVED)
                for code, (_, section) in before.items() if code not in after]
    return tuple(changes)


def diff_templates(old: TemplateBody, new: TemplateBody) -> TemplateDiff:
    """Everything that differs between ``old`` and ``new``, matched by stable codes.

    ``added`` and ``changed`` follow the new template's order, ``removed`` the old one's.
    """
    before, after = _item_places(old), _item_places(new)
    old_orders, new_orders = _item_orders(old), _item_orders(new)
    reordered = {code for section in set(old_orders) & set(new_orders)
                 for code in _reordered(old_orders[section], new_orders[section])}
    added: list[ItemChange] = []
    changed: list[ItemChange] = []
    for code, (section_code, item) in after.items():
        if code not in before:
            added.append(ItemChange(code, section_code, None, item))
            continue
        old_section, old_item = before[code]
        fields = _changed_fields(old_item, item, ITEM_FIELDS)
        moved_from = old_section if old_section != section_code else None
        if moved_from is not None:
            fields += ("section",)
        elif code in reordered:
            fields += ("position",)
        if fields:
            changed.append(ItemChange(code, section_code, old_item, item, fields, moved_from))
    removed = [ItemChange(code, section_code, item, None)
               for code, (section_code, item) in before.items() if code not in after]
    return TemplateDiff(
        added=tuple(added), removed=tuple(removed), changed=tuple(changed),
        sections=_diff_sections(old, new), header_fields=_changed_fields(old, new, HEADER_FIELDS),
    )
