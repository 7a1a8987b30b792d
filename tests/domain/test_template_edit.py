"""Pure tree edits for the editor: each returns the edited body, refuses ambiguity and depth,
and leaves its input exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from inspector.domain import template_edit as edit
from inspector.domain.errors import Conflict, InspectorError, NotFound, ValidationError
from inspector.domain.templates import SubjectKind, TemplateBody, TemplateItem, TemplateSection

T1 = TemplateBody.model_validate_json(
    (Path(__file__).resolve().parents[2] / "resources" / "templates" / "T1.json").read_bytes())
NEW = TemplateItem(code="T1-2.7", text_zh="扶手无松动")
SUB = TemplateSection(code="T1-2-1", title_zh="座椅", items=(TemplateItem(code="T1-2-1.1", text_zh="座椅完好"),))


def _item_codes(body: TemplateBody, section_code: str) -> list[str]:
    section = edit.find_section(body, section_code)
    assert section is not None
    return [item.code for item in section.items]


def _section_codes(body: TemplateBody, parent: str | None = None) -> list[str]:
    if parent is None:
        return [section.code for section in body.sections]
    holder = edit.find_section(body, parent)
    assert holder is not None
    return [section.code for section in holder.sections]


@pytest.fixture
def nested() -> TemplateBody:
    return edit.insert_section(T1, "T1-2", 0, SUB)


EDITS: list[tuple[str, Callable[[TemplateBody], object]]] = [
    ("replace_item", lambda b: edit.replace_item(b, "T1-1.1", NEW)),
    ("remove_item", lambda b: edit.remove_item(b, "T1-1.1")),
    ("insert_item", lambda b: edit.insert_item(b, "T1-2", 0, NEW)),
    ("move_item", lambda b: edit.move_item(b, "T1-1.1", "T1-3", 2)),
    ("replace_section", lambda b: edit.replace_section(b, "T1-6", b.sections[5].model_copy(update={"title_zh": "x"}))),
    ("insert_section", lambda b: edit.insert_section(b, "T1-2", 0, SUB)),
    ("remove_section", lambda b: edit.remove_section(b, "T1-3")),
    ("move_section", lambda b: edit.move_section(b, "T1-6", "T1-1", 0)),
    ("next_item_code", lambda b: edit.next_item_code(b, "T1-2")),
    ("next_section_code", lambda b: edit.next_section_code(b, None)),
]


@pytest.mark.parametrize(("name", "apply"), EDITS, ids=[name for name, _ in EDITS])
def test_the_input_body_is_never_changed(name: str, apply: Callable[[TemplateBody], object]) -> None:
    body = T1.model_copy(deep=True)
    snapshot = body.model_dump_json()
    result = apply(body)
    assert body.model_dump_json() == snapshot
    if isinstance(result, TemplateBody):
        assert result != body, name


def test_replace_item_keeps_the_place_and_may_rename() -> None:
    renamed = NEW.model_copy(update={"code": "T1-1.9"})
    body = edit.replace_item(T1, "T1-1.3", renamed)
    assert _item_codes(body, "T1-1") == ["T1-1.1", "T1-1.2", "T1-1.9", "T1-1.4", "T1-1.5", "T1-1.6"]
    assert body.item("T1-1.9") == renamed and body.item("T1-1.3") is None
    same_code = T1.item("T1-1.3").model_copy(update={"deduct": 4.0})
    assert edit.replace_item(T1, "T1-1.3", same_code).item("T1-1.3").deduct == 4.0
    with pytest.raises(Conflict) as caught:
        edit.replace_item(T1, "T1-1.3", renamed.model_copy(update={"code": "T1-2.1"}))
    assert caught.value.code == "item_code_taken" and caught.value.params["item"] == "T1-2.1"
    with pytest.raises(NotFound) as missing:
        edit.replace_item(T1, "T1-9.9", NEW)
    assert missing.value.code == "item_not_in_template" and missing.value.params == {"item": "T1-9.9", "template": "T1"}


def test_remove_item() -> None:
    body = edit.remove_item(T1, "T1-1.2")
    assert _item_codes(body, "T1-1") == ["T1-1.1", "T1-1.3", "T1-1.4", "T1-1.5", "T1-1.6"]
    assert body.item_count == T1.item_count - 1
    with pytest.raises(NotFound):
        edit.remove_item(body, "T1-1.2")


def test_insert_item_at_an_index_clamped_to_the_ends() -> None:
    assert _item_codes(edit.insert_item(T1, "T1-6", 0, NEW), "T1-6") == ["T1-2.7", "T1-6.1"]
    assert _item_codes(edit.insert_item(T1, "T1-6", 99, NEW), "T1-6") == ["T1-6.1", "T1-2.7"]
    assert _item_codes(edit.insert_item(T1, "T1-6", -5, NEW), "T1-6") == ["T1-2.7", "T1-6.1"]
    assert _item_codes(edit.insert_item(T1, "T1-1", -1, NEW), "T1-1")[0] == "T1-2.7"  # not Python's "before last"
    with pytest.raises(Conflict):
        edit.insert_item(T1, "T1-6", 0, NEW.model_copy(update={"code": "T1-1.1"}))
    with pytest.raises(NotFound) as caught:
        edit.insert_item(T1, "T1-9", 0, NEW)
    assert caught.value.code == "section_not_in_template"


def test_move_item_within_and_between_sections(nested: TemplateBody) -> None:
    down = edit.move_item(T1, "T1-1.1", "T1-1", 2)  # index after taking it out
    assert _item_codes(down, "T1-1") == ["T1-1.2", "T1-1.3", "T1-1.1", "T1-1.4", "T1-1.5", "T1-1.6"]
    across = edit.move_item(nested, "T1-1.6", "T1-2-1", 0)  # into a sub-section
    assert _item_codes(across, "T1-2-1") == ["T1-1.6", "T1-2-1.1"] and "T1-1.6" not in _item_codes(across, "T1-1")
    assert across.item_count == nested.item_count
    with pytest.raises(NotFound):
        edit.move_item(T1, "T1-1.1", "T1-9", 0)


def test_replace_section_checks_codes_and_depth(nested: TemplateBody) -> None:
    section = T1.sections[5].model_copy(update={"title_zh": "证照", "code": "T1-60"})
    body = edit.replace_section(T1, "T1-6", section)
    assert _section_codes(body)[-1] == "T1-60" and edit.find_section(body, "T1-6") is None
    with pytest.raises(Conflict) as caught:
        edit.replace_section(T1, "T1-6", section.model_copy(update={"code": "T1-5"}))
    assert caught.value.code == "section_code_taken"
    clash = section.model_copy(update={"items": (T1.item("T1-1.1"),)})
    with pytest.raises(Conflict) as caught:
        edit.replace_section(T1, "T1-6", clash)
    assert caught.value.code == "item_code_taken"
    with pytest.raises(ValidationError) as caught:  # a sub-section cannot get sub-sections
        edit.replace_section(nested, "T1-2-1", SUB.model_copy(update={"sections": (T1.sections[5],)}))
    assert caught.value.code == "section_too_deep"
    # Replacing a section by an edited copy of itself is no clash with its own codes.
    same = edit.replace_section(nested, "T1-2", nested.sections[1].model_copy(update={"title_en": "Inside"}))
    assert same.sections[1].title_en == "Inside" and same.sections[1].sections == (SUB,)


def test_insert_section_top_level_and_nested(nested: TemplateBody) -> None:
    top = edit.insert_section(T1, None, 1, TemplateSection(code="T1-7", title_zh="设备"))
    assert _section_codes(top) == ["T1-1", "T1-7", "T1-2", "T1-3", "T1-4", "T1-5", "T1-6"]
    assert _section_codes(nested, "T1-2") == ["T1-2-1"] and nested.item("T1-2-1.1") is not None
    with pytest.raises(ValidationError) as caught:
        edit.insert_section(nested, "T1-2-1", 0, TemplateSection(code="Z", title_zh="z"))
    assert caught.value.code == "section_too_deep"
    with pytest.raises(Conflict):
        edit.insert_section(nested, None, 0, SUB)
    with pytest.raises(NotFound):
        edit.insert_section(T1, "T1-9", 0, SUB)


def test_remove_section_takes_its_items_and_sub_sections(nested: TemplateBody) -> None:
    body = edit.remove_section(nested, "T1-2")
    assert "T1-2" not in _section_codes(body) and body.item("T1-2-1.1") is None and body.item("T1-2.1") is None
    inner = edit.remove_section(nested, "T1-2-1")
    assert _section_codes(inner, "T1-2") == [] and inner.item("T1-2.1") is not None
    with pytest.raises(NotFound):
        edit.remove_section(T1, "T1-9")


def test_move_section(nested: TemplateBody) -> None:
    assert _section_codes(edit.move_section(T1, "T1-1", None, 99))[-1] == "T1-1"
    under = edit.move_section(T1, "T1-6", "T1-1", 0)
    assert _section_codes(under) == ["T1-1", "T1-2", "T1-3", "T1-4", "T1-5"]
    assert _section_codes(under, "T1-1") == ["T1-6"] and edit.parent_of(under, "T1-6") == "T1-1"
    out = edit.move_section(nested, "T1-2-1", None, 0)
    assert _section_codes(out)[0] == "T1-2-1" and _section_codes(out, "T1-2") == []
    for code, parent in [("T1-2", "T1-1"),  # it has a sub-section: would be two levels deep
                         ("T1-1", "T1-2-1"),  # a sub-section cannot hold sections
                         ("T1-1", "T1-1")]:
        with pytest.raises(ValidationError) as caught:
            edit.move_section(nested, code, parent, 0)
        assert caught.value.code == "section_too_deep"


def test_lookups(nested: TemplateBody) -> None:
    assert edit.parent_of(nested, "T1-2-1") == "T1-2" and edit.parent_of(nested, "T1-2") is None
    assert edit.section_of_item(nested, "T1-2-1.1").code == "T1-2-1"
    assert edit.section_of_item(nested, "T1-3.4").code == "T1-3"
    assert edit.find_section(nested, "nope") is None


def test_next_item_code() -> None:
    assert edit.next_item_code(T1, "T1-2") == "T1-2.7"
    assert edit.next_item_code(edit.remove_item(T1, "T1-2.3"), "T1-2") == "T1-2.7"  # never reuses a gap
    empty = edit.insert_section(T1, None, 6, TemplateSection(code="T1-7", title_zh="设备"))
    assert edit.next_item_code(empty, "T1-7") == "T1-7.1"
    # An item moved in from elsewhere still blocks its code.
    moved = edit.move_item(T1, "T1-2.6", "T1-3", 0)
    assert edit.next_item_code(moved, "T1-2") == "T1-2.7"
    with pytest.raises(NotFound):
        edit.next_item_code(T1, "T1-9")


def test_next_section_code(nested: TemplateBody) -> None:
    assert edit.next_section_code(T1, None) == "T1-7"
    assert edit.next_section_code(nested, "T1-2") == "T1-2-2"
    assert edit.next_section_code(T1, "T1-3") == "T1-3-1"
    other = TemplateBody(code="X", title_zh="x", subject=SubjectKind.UNIT)
    assert edit.next_section_code(other, None) == "X-1"
    with pytest.raises(InspectorError):
        edit.next_section_code(nested, "T1-2-1")  # sub-sections hold no sections
