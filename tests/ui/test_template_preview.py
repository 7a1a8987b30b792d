"""The template preview: the checklist as a supervisor meets it, filtered by staff role, with the
maximum score of the scheme, badges on the items that carry rules, and room for 2 000 items."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QTextDocument

from inspector.domain.registry import StaffRole
from inspector.domain.scoring import applicable_items, max_score
from inspector.domain.templates import (
    ResponseType, ScoringScheme, SubjectKind, TemplateBody, TemplateItem, TemplateSection,
)
from inspector.services.templates import builtin_templates_dir, load_builtin_bodies
from inspector.ui.language import apply_language
from inspector.ui.widgets.template_preview import TemplatePreview, item_badges, maximum_text

BODIES = {body.code: body for body in load_builtin_bodies(builtin_templates_dir())}


def make_preview(qtbot: Any, **kwargs: Any) -> TemplatePreview:
    preview = TemplatePreview(**kwargs)
    qtbot.addWidget(preview)
    preview.resize(900, 700)
    preview.show()
    return preview


def text_of(preview: TemplatePreview) -> str:
    return preview.browser.toPlainText()


def test_t2_shows_every_section_title_and_item_code(qtbot: Any) -> None:
    body = BODIES["T2"]
    preview = make_preview(qtbot)
    preview.set_body(body)
    shown = text_of(preview)
    for section in body.iter_sections():
        assert section.title_en in shown
    for _section, item in body.iter_items():
        assert item.code in shown
        assert item.text_en in shown
    assert preview.title_label.text() == f"T2 · {body.title_en}"
    assert f"{body.item_count} item(s)" in preview.facts_label.text()
    assert preview.max_label.text() == "Maximum score: 100"
    assert preview.role_combo.isVisible()
    assert preview.role_combo.itemText(0) == "All roles"


def test_choosing_driver_hides_the_other_roles_sections(qtbot: Any) -> None:
    body = BODIES["T2"]
    preview = make_preview(qtbot)
    preview.set_body(body)
    chosen: list[object] = []
    preview.role_changed.connect(chosen.append)
    preview.role_combo.setCurrentIndex(preview.role_combo.findData(StaffRole.DRIVER))

    assert chosen == [StaffRole.DRIVER] and preview.staff_role() is StaffRole.DRIVER
    shown = text_of(preview)
    driver_codes = {item.code for _s, item in applicable_items(body, staff_role=StaffRole.DRIVER)}
    for section in body.iter_sections():
        limited_to_others = section.roles and StaffRole.DRIVER not in section.roles
        assert (section.title_en in shown) is (not limited_to_others), section.code
    for _section, item in body.iter_items():
        # "T2-1.1" is a prefix of "T2-1.10": look for the code as the text of its own cell.
        assert (f"\n{item.code}\n" in f"\n{shown}\n") is (item.code in driver_codes), item.code
    expected = max_score(body, staff_role=StaffRole.DRIVER)
    assert preview.max_label.text() == f"Maximum score: {expected:g}"
    assert f"{len(driver_codes)} item(s)" in preview.facts_label.text()
    assert "Driver" in preview.facts_label.text()


def test_role_given_to_set_body_is_selected_and_applied(qtbot: Any) -> None:
    body = BODIES["T2"]
    preview = make_preview(qtbot)
    preview.set_body(body, staff_role=StaffRole.CLEANER)
    assert preview.role_combo.currentData() == StaffRole.CLEANER
    shown = text_of(preview)
    assert "Cleaning staff" in shown and "Vehicle crew" not in shown
    # An edit of the same template (the editor re-renders after each one) keeps the chosen role.
    edited = body.model_copy(update={"title_en": "Staff conduct"})
    preview.set_body(edited)
    assert preview.staff_role() is StaffRole.CLEANER and "Vehicle crew" not in text_of(preview)
    assert preview.title_label.text() == "T2 · Staff conduct"
    preview.role_combo.setCurrentIndex(0)  # all roles again
    assert "Vehicle crew" in text_of(preview) and preview.staff_role() is None


def test_weighted_maximum_follows_the_role(qtbot: Any) -> None:
    weighted = BODIES["T2"].model_copy(update={"scheme": ScoringScheme.WEIGHTED})
    preview = make_preview(qtbot)
    preview.set_body(weighted, staff_role=StaffRole.DRIVER)
    points = max_score(weighted, staff_role=StaffRole.DRIVER)
    assert points < max_score(weighted)  # the guard and cleaner sections no longer count
    assert preview.max_label.text() == f"Maximum: {points:g} points"
    assert maximum_text(BODIES["T1"].model_copy(update={"scheme": ScoringScheme.FIVE_POINT})) == \
        "Five-point scale: at most 5"


def test_t1_has_no_role_selector_and_marks_the_veto_item(qtbot: Any) -> None:
    body = BODIES["T1"]
    preview = make_preview(qtbot)
    preview.set_body(body)
    assert not preview.role_combo.isVisible()
    html = preview.browser.toHtml()
    shown = text_of(preview)
    veto_row = shown[shown.index("T1-4.2"):shown.index("T1-5")]
    assert "Veto" in veto_row and "Serious" in veto_row
    assert "Veto" not in shown[:shown.index("T1-4.2")]  # only the veto item carries the badge
    assert "Photo ×1" in veto_row
    assert "covert: no" in shown[shown.index("T1-5.1"):]
    assert "−5" in veto_row
    assert html.count("Veto") == sum(1 for _s, item in body.iter_items() if item.veto)


def test_badges_for_numbers_text_items_and_weights() -> None:
    tyre = TemplateItem(code="X-1", text_zh="轮胎花纹深度", response=ResponseType.NUMERIC, threshold=1.6,
                        unit_of_measure="mm", covert=False)
    note = TemplateItem(code="X-2", text_zh="其他情况", response=ResponseType.TEXT)
    assert any("≥ 1.6 mm" in badge for badge in item_badges(tyre))
    assert any("covert: no" in badge for badge in item_badges(tyre))
    assert any("observation, not scored" in badge for badge in item_badges(note))
    assert item_badges(TemplateItem(code="X-3", text_zh="普通项目")) == []


def test_reference_photo_thumbnail_comes_from_the_lookup(qtbot: Any, tmp_path: Path) -> None:
    picture = tmp_path / "thumb.png"
    image = QImage(120, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    assert image.save(str(picture))
    asked: list[str] = []

    def lookup(sha256: str) -> Path | None:
        asked.append(sha256)
        return picture if sha256 == "a" * 64 else None

    item = TemplateItem(code="P-1", text_zh="站台整洁", text_en="Platform tidy", reference_photo="a" * 64)
    missing = TemplateItem(code="P-2", text_zh="座椅完好", text_en="Seats intact", reference_photo="b" * 64)
    body = TemplateBody(code="P", title_zh="照片", subject=SubjectKind.LOCATION,
                        sections=(TemplateSection(code="P-S", title_zh="站台", items=(item, missing)),))
    preview = make_preview(qtbot, thumbnails=lookup)
    preview.set_body(body)
    assert set(asked) == {"a" * 64, "b" * 64}
    served = preview.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, f"thumbnail:{'a' * 64}")
    assert isinstance(served, QImage) and served.height() == 64
    assert 'src="thumbnail:' + "a" * 64 in preview.browser.toHtml()
    assert "reference photo not on this computer" in text_of(preview)
    assert text_of(preview).count("reference photo not on this computer") == 1


def test_two_thousand_items_render_and_are_counted(qtbot: Any) -> None:
    sections = tuple(
        TemplateSection(code=f"B-{s}", title_zh=f"第{s}部分", title_en=f"Part {s}", items=tuple(
            TemplateItem(code=f"B-{s}.{i}", text_zh=f"检查项目 {s}.{i}", text_en=f"Check item {s}.{i}",
                         guidance_en="What good looks like, in a sentence or two.", deduct=1.0,
                         photos_on_fail=i % 2)
            for i in range(40)))
        for s in range(50)
    )
    body = TemplateBody(code="BIG", title_zh="大表", title_en="Big", subject=SubjectKind.VEHICLE, sections=sections)
    assert body.item_count == 2000
    preview = make_preview(qtbot)
    preview.set_body(body)
    assert "2000 item(s)" in preview.facts_label.text()
    shown = text_of(preview)
    assert "B-0.0" in shown and "B-49.39" in shown
    bar = preview.browser.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolling to the end lays out and paints the last rows
    qtbot.wait(1)
    assert bar.value() == bar.maximum() > 0
    same = preview.browser.document()
    preview.set_body(body)  # the same body again: nothing to render
    assert preview.browser.document() is same and bar.value() == bar.maximum()


def test_live_edits_keep_the_scroll_position(qtbot: Any) -> None:
    body = BODIES["T3"]
    preview = make_preview(qtbot)
    preview.set_body(body)
    bar = preview.browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    first = body.sections[0]
    edited = body.model_copy(update={"sections": (first.model_copy(update={"title_en": "Yard"}), *body.sections[1:])})
    preview.set_body(edited)
    assert "Yard" in text_of(preview)
    assert bar.value() == position


def test_empty_and_chinese(qtbot: Any) -> None:
    preview = make_preview(qtbot)
    preview.set_body(None)
    assert preview.title_label.text() == "No template to preview"
    assert text_of(preview).strip() == ""
    assert not preview.role_combo.isVisible()
    body = BODIES["T2"]
    preview.set_body(body)
    if not apply_language("zh_CN"):
        pytest.skip("no Chinese translation compiled")
    qtbot.waitUntil(lambda: preview.title_label.text() == f"T2 · {body.title_zh}")  # after LanguageChange
    assert body.sections[0].title_zh in text_of(preview)
