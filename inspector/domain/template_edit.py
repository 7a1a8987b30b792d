"""Pure tree edits on a template body, for the editor: every function returns a new body and
leaves its argument untouched (the models are frozen; nothing is changed in place).

Items and sections are addressed by code. An index is a place among the target's children as
they are after the moved thing was taken out, clamped to the ends the way ``list.insert`` does.
Edits refuse what would make the tree ambiguous or too deep (a code used twice, a section nested
two levels) with an ``InspectorError``; everything else that ``validate_template`` reports (an
empty text, a missing threshold) is allowed, because a draft in progress may be incomplete.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeVar

from inspector.domain.errors import Conflict, NotFound, ValidationError
from inspector.domain.templates import TemplateBody, TemplateItem, TemplateSection

SectionPath = tuple[int, ...]  # (top,) or (top, sub): indexes into body.sections / section.sections
T = TypeVar("T")


# --- finding things ------------------------------------------------------------------------
def _section_paths(body: TemplateBody) -> Iterator[tuple[SectionPath, TemplateSection]]:
    for top, section in enumerate(body.sections):
        yield (top,), section
        for sub, child in enumerate(section.sections):
            yield (top, sub), child


def _section_path(body: TemplateBody, code: str) -> SectionPath:
    for path, section in _section_paths(body):
        if section.code == code:
            return path
    raise NotFound("section_not_in_template", section=code, template=body.code)


def _item_path(body: TemplateBody, code: str) -> tuple[SectionPath, int]:
    for path, section in _section_paths(body):
        for index, item in enumerate(section.items):
            if item.code == code:
                return path, index
    raise NotFound("item_not_in_template", item=code, template=body.code)


def _section_at(body: TemplateBody, path: SectionPath) -> TemplateSection:
    section = body.sections[path[0]]
    return section.sections[path[1]] if len(path) == 2 else section


def find_section(body: TemplateBody, code: str) -> TemplateSection | None:
    """The section (top-level or sub-section) with ``code``, if any."""
    return next((section for _, section in _section_paths(body) if section.code == code), None)


def parent_of(body: TemplateBody, section_code: str) -> str | None:
    """The code of the section that holds sub-section ``section_code``; None for a top-level one."""
    path = _section_path(body, section_code)
    return body.sections[path[0]].code if len(path) == 2 else None


def section_of_item(body: TemplateBody, item_code: str) -> TemplateSection:
    """The section that holds item ``item_code``."""
    return _section_at(body, _item_path(body, item_code)[0])


# --- rebuilding --------------------------------------------------------------------------------
def _replace(items: tuple[T, ...], index: int, new: T | None) -> tuple[T, ...]:
    """``items`` with the element at ``index`` replaced by ``new`` (removed when None)."""
    return items[:index] + ((new,) if new is not None else ()) + items[index + 1:]


def _inserted(items: tuple[T, ...], index: int, new: T) -> tuple[T, ...]:
    index = max(0, min(index, len(items)))
    return items[:index] + (new,) + items[index:]


def _put_section(body: TemplateBody, path: SectionPath, section: TemplateSection | None) -> TemplateBody:
    """``body`` with the section at ``path`` replaced by ``section`` (removed when None)."""
    if len(path) == 1:
        return body.model_copy(update={"sections": _replace(body.sections, path[0], section)})
    parent = body.sections[path[0]]
    parent = parent.model_copy(update={"sections": _replace(parent.sections, path[1], section)})
    return body.model_copy(update={"sections": _replace(body.sections, path[0], parent)})


def _with_items(body: TemplateBody, path: SectionPath, items: tuple[TemplateItem, ...]) -> TemplateBody:
    return _put_section(body, path, _section_at(body, path).model_copy(update={"items": items}))


def _refuse_clashes(body: TemplateBody, section: TemplateSection, *, ignoring: SectionPath | None = None) -> None:
    """Refuse a section whose code, sub-section codes or item codes are used elsewhere in ``body``
    (outside the section at ``ignoring``, which is about to be replaced)."""
    others = [s for path, s in _section_paths(body) if ignoring is None or path[:len(ignoring)] != ignoring]
    incoming = [section, *section.sections]
    section_clashes = sorted({s.code for s in incoming} & {s.code for s in others})
    if section_clashes:
        raise Conflict("section_code_taken", section=section_clashes[0], template=body.code)
    item_clashes = sorted({i.code for s in incoming for i in s.items} & {i.code for s in others for i in s.items})
    if item_clashes:
        raise Conflict("item_code_taken", item=item_clashes[0], template=body.code)


def _refuse_too_deep(section: TemplateSection, *, nested: bool) -> None:
    too_deep = section.sections if nested else tuple(sub for sub in section.sections if sub.sections)
    if too_deep:
        raise ValidationError("section_too_deep", section=too_deep[0].code)


def _parent_path(body: TemplateBody, parent_code: str | None) -> SectionPath:
    """Where a section goes: () for the top level, else the top-level parent's path."""
    if parent_code is None:
        return ()
    path = _section_path(body, parent_code)
    if len(path) == 2:
        raise ValidationError("section_too_deep", section=parent_code)
    return path


# --- items ---------------------------------------------------------------------------------------
def replace_item(body: TemplateBody, code: str, new_item: TemplateItem) -> TemplateBody:
    """``body`` with item ``code`` replaced by ``new_item`` (which may carry a new, unused code)."""
    path, index = _item_path(body, code)
    if new_item.code != code and body.item(new_item.code) is not None:
        raise Conflict("item_code_taken", item=new_item.code, template=body.code)
    return _with_items(body, path, _replace(_section_at(body, path).items, index, new_item))


def remove_item(body: TemplateBody, code: str) -> TemplateBody:
    path, index = _item_path(body, code)
    return _with_items(body, path, _replace(_section_at(body, path).items, index, None))


def insert_item(body: TemplateBody, section_code: str, index: int, item: TemplateItem) -> TemplateBody:
    """``body`` with ``item`` placed at ``index`` in section ``section_code``."""
    path = _section_path(body, section_code)
    if body.item(item.code) is not None:
        raise Conflict("item_code_taken", item=item.code, template=body.code)
    return _with_items(body, path, _inserted(_section_at(body, path).items, index, item))


def move_item(body: TemplateBody, code: str, section_code: str, index: int) -> TemplateBody:
    """``body`` with item ``code`` moved to ``index`` of section ``section_code`` (may be its own)."""
    path, position = _item_path(body, code)
    _section_path(body, section_code)  # refuse an unknown target before changing anything
    item = _section_at(body, path).items[position]
    taken_out = _with_items(body, path, _replace(_section_at(body, path).items, position, None))
    target = _section_path(taken_out, section_code)
    return _with_items(taken_out, target, _inserted(_section_at(taken_out, target).items, index, item))


# --- sections -----------------------------------------------------------------------------------
def replace_section(body: TemplateBody, code: str, new_section: TemplateSection) -> TemplateBody:
    """``body`` with section ``code`` (its items and sub-sections too) replaced by ``new_section``."""
    path = _section_path(body, code)
    _refuse_too_deep(new_section, nested=len(path) == 2)
    _refuse_clashes(body, new_section, ignoring=path)
    return _put_section(body, path, new_section)


def insert_section(
    body: TemplateBody, parent_code: str | None, index: int, section: TemplateSection
) -> TemplateBody:
    """``body`` with ``section`` at ``index`` among the top-level sections (``parent_code`` None)
    or among the sub-sections of top-level section ``parent_code``."""
    parent = _parent_path(body, parent_code)
    _refuse_too_deep(section, nested=bool(parent))
    _refuse_clashes(body, section)
    if not parent:
        return body.model_copy(update={"sections": _inserted(body.sections, index, section)})
    holder = _section_at(body, parent)
    return _put_section(body, parent, holder.model_copy(update={"sections": _inserted(holder.sections, index, section)}))


def remove_section(body: TemplateBody, code: str) -> TemplateBody:
    """``body`` without section ``code``, its items and its sub-sections."""
    return _put_section(body, _section_path(body, code), None)


def move_section(body: TemplateBody, code: str, parent_code: str | None, index: int) -> TemplateBody:
    """``body`` with section ``code`` moved to ``index`` at the top level or under ``parent_code``."""
    path = _section_path(body, code)
    if parent_code == code:
        raise ValidationError("section_too_deep", section=code)
    _parent_path(body, parent_code)  # refuse an unknown or nested parent before changing anything
    section = _section_at(body, path)
    if parent_code is not None:
        _refuse_too_deep(section, nested=True)
    taken_out = _put_section(body, path, None)
    parent = _parent_path(taken_out, parent_code)
    if not parent:
        return taken_out.model_copy(update={"sections": _inserted(taken_out.sections, index, section)})
    holder = _section_at(taken_out, parent)
    return _put_section(taken_out, parent,
                        holder.model_copy(update={"sections": _inserted(holder.sections, index, section)}))


# --- new codes ------------------------------------------------------------------------------------
def _next_number(prefix: str, codes: set[str]) -> int:
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    numbers = [int(match.group(1)) for code in codes if (match := pattern.match(code))]
    return max(numbers, default=0) + 1


def _all_codes(body: TemplateBody) -> set[str]:
    return {s.code for _, s in _section_paths(body)} | {item.code for _, item in body.iter_items()}


def _fresh(prefix: str, body: TemplateBody) -> str:
    """``prefix`` + one past the highest number after it among all codes, so never a used code."""
    return f"{prefix}{_next_number(prefix, _all_codes(body))}"


def next_item_code(body: TemplateBody, section_code: str) -> str:
    """A new item code in section ``section_code``: one past the highest ``{section}.N`` (T1-2.7
    after T1-2.6), ``{section}.1`` in an empty section; never a code the body already uses."""
    _section_path(body, section_code)
    return _fresh(f"{section_code}.", body)


def next_section_code(body: TemplateBody, parent_code: str | None) -> str:
    """A new section code: ``{template}-N`` at the top level (T1-7 after T1-6), ``{parent}-N``
    under a top-level section; never a code the body already uses."""
    if parent_code is None:
        return _fresh(f"{body.code}-", body)
    _parent_path(body, parent_code)
    return _fresh(f"{parent_code}-", body)
