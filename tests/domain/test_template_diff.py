"""Template diff: items and sections matched by stable code, changed fields named, moves and
re-orderings told apart from edits.
"""

from __future__ import annotations

from pathlib import Path

from inspector.domain.registry import StaffRole
from inspector.domain.template_diff import ItemChange, SectionChange, SectionChangeKind, diff_templates
from inspector.domain.template_edit import insert_item, insert_section, move_item, move_section, remove_item
from inspector.domain.template_edit import remove_section, replace_item, replace_section
from inspector.domain.templates import ScoringScheme, Severity, TemplateBody, TemplateItem, TemplateSection

T1 = TemplateBody.model_validate_json(
    (Path(__file__).resolve().parents[2] / "resources" / "templates" / "T1.json").read_bytes())


def test_identical_bodies_have_an_empty_diff() -> None:
    diff = diff_templates(T1, T1.model_copy(deep=True))
    assert diff.empty
    assert (diff.added, diff.removed, diff.changed, diff.sections, diff.header_fields) == ((), (), (), (), ())


def test_changed_fields_are_named() -> None:
    old_item = T1.item("T1-1.2")
    new_item = old_item.model_copy(update={"deduct": 3.0, "severity": Severity.SERIOUS, "text_zh": "车身无污渍"})
    diff = diff_templates(T1, replace_item(T1, "T1-1.2", new_item))
    assert diff.changed == (ItemChange("T1-1.2", "T1-1", old_item, new_item, ("text_zh", "severity", "deduct"), None),)
    assert not (diff.added or diff.removed or diff.sections or diff.header_fields) and not diff.empty


def test_added_and_removed_items() -> None:
    extra = TemplateItem(code="T1-2.7", text_zh="扶手无松动")
    new = remove_item(insert_item(T1, "T1-2", 6, extra), "T1-6.1")
    diff = diff_templates(T1, new)
    assert diff.added == (ItemChange("T1-2.7", "T1-2", None, extra),)
    assert diff.removed == (ItemChange("T1-6.1", "T1-6", T1.item("T1-6.1"), None),)
    assert diff.changed == ()


def test_inserting_at_the_top_does_not_mark_the_others_as_moved() -> None:
    new = insert_item(T1, "T1-1", 0, TemplateItem(code="T1-1.7", text_zh="新项目"))
    diff = diff_templates(T1, new)
    assert [change.code for change in diff.added] == ["T1-1.7"] and diff.changed == ()


def test_a_reordering_reports_only_the_moved_item_as_position() -> None:
    new = move_item(T1, "T1-1.6", "T1-1", 0)
    diff = diff_templates(T1, new)
    assert [(change.code, change.fields, change.moved_from) for change in diff.changed] == [
        ("T1-1.6", ("position",), None)]


def test_a_move_between_sections_is_a_change_with_moved_from() -> None:
    item = T1.item("T1-3.7")
    new = move_item(T1, "T1-3.7", "T1-2", 2)
    diff = diff_templates(T1, new)
    assert diff.changed == (ItemChange("T1-3.7", "T1-2", item, item, ("section",), "T1-3"),)
    edited = replace_item(new, "T1-3.7", item.model_copy(update={"photos_on_fail": 2}))
    assert diff_templates(T1, edited).changed[0].fields == ("photos_on_fail", "section")


def test_header_fields() -> None:
    new = T1.model_copy(update={"title_zh": "车容车貌检查表(2025版)", "scheme": ScoringScheme.WEIGHTED})
    assert diff_templates(T1, new).header_fields == ("title_zh", "scheme")


def test_section_changes() -> None:
    section = T1.sections[1]
    renamed = replace_section(T1, "T1-2", section.model_copy(update={"title_zh": "车厢内部", "deduct_cap": 15.0}))
    added = insert_section(renamed, None, 6, TemplateSection(code="T1-7", title_zh="车载设备"))
    removed = remove_section(added, "T1-6")
    diff = diff_templates(T1, removed)
    assert diff.sections == (
        SectionChange("T1-2", section.title_zh, "车厢内部", SectionChangeKind.CHANGED, ("title_zh", "deduct_cap")),
        SectionChange("T1-7", None, "车载设备", SectionChangeKind.ADDED),
        SectionChange("T1-6", T1.sections[5].title_zh, None, SectionChangeKind.REMOVED),
    )
    assert [change.code for change in diff.removed] == ["T1-6.1"]  # its item went with it
    assert diff.sections[1].kind == "added"


def test_section_moves_and_nesting() -> None:
    moved = move_section(T1, "T1-6", None, 0)
    assert [(c.code, c.fields) for c in diff_templates(T1, moved).sections] == [("T1-6", ("position",))]
    nested = move_section(T1, "T1-6", "T1-5", 0)
    assert [(c.code, c.fields) for c in diff_templates(T1, nested).sections] == [("T1-6", ("parent",))]
    assert diff_templates(T1, nested).changed == ()  # its item stayed in its section
    roles = replace_section(T1, "T1-5", T1.sections[4].model_copy(update={"roles": (StaffRole.DRIVER,)}))
    assert diff_templates(T1, roles).sections[0].fields == ("roles",)
