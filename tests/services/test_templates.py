"""Built-in templates (content and loading), drafting and publishing, and immutability of a
published version in the service and in the database itself.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.errors import Conflict, InspectorError, NotFound, PermissionDenied, ValidationError
from inspector.domain.registry import StaffRole
from inspector.domain.templates import (
    Origin,
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateStatus,
    validate_template,
)
from inspector.domain.users import Role, User
from inspector.words.messages import describe
from inspector.paths import resources_dir
from inspector.services import templates as templates_module
from inspector.services.templates import load_builtin_bodies
from inspector.storage import templates_repo

MARK_ZH = "【推定项,待确认】"
MARK_EN = "[Inferred item — confirm with the quality office] "
EXPECTED_COUNTS = {"T1": 25, "T2": 46, "T3": 39}
FIXED_NOW = datetime(2025, 6, 15, 9, 30).astimezone()


def _counts(context: AppContext) -> tuple[int, int]:
    """(template_versions rows, audit_log rows)."""
    db = context.db
    return (db.execute("SELECT count(*) FROM template_versions").fetchone()[0],
            db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


@pytest.fixture
def loaded(context: AppContext, users: dict[Role, User]) -> AppContext:
    context.services.clock = lambda: FIXED_NOW
    assert context.templates.ensure_builtins() == ["T1", "T2", "T3"]
    return context


@pytest.fixture
def bodies() -> dict[str, TemplateBody]:
    return {body.code: body for body in load_builtin_bodies(resources_dir() / "templates")}


# --- the bundled content -------------------------------------------------------------------
def test_builtin_files_are_sound_and_complete(bodies: dict[str, TemplateBody]) -> None:
    assert {code: body.item_count for code, body in bodies.items()} == EXPECTED_COUNTS
    subjects = {code: (body.subject, body.category) for code, body in bodies.items()}
    assert subjects == {"T1": (SubjectKind.VEHICLE, "vehicle_appearance"),
                        "T2": (SubjectKind.STAFF, "staff_conduct"),
                        "T3": (SubjectKind.LOCATION, "facility_cleanliness")}
    for body in bodies.values():
        assert validate_template(body) == []
        assert body.base_score == 100.0 and body.title_en.strip()


def test_codes_are_unique_and_follow_the_numbering(bodies: dict[str, TemplateBody]) -> None:
    item_codes = [item.code for body in bodies.values() for _, item in body.iter_items()]
    section_codes = [section.code for body in bodies.values() for section in body.iter_sections()]
    assert len(item_codes) == len(set(item_codes)) == sum(EXPECTED_COUNTS.values())
    assert len(section_codes) == len(set(section_codes))
    for body in bodies.values():
        for section in body.sections:
            assert section.code.startswith(f"{body.code}-")
            assert all(item.code.startswith(f"{section.code}.") for item in section.items)
    assert bodies["T2"].item("T2-4.10") is not None and bodies["T1"].item("T1-6.1") is not None


def test_every_section_and_item_is_bilingual(bodies: dict[str, TemplateBody]) -> None:
    missing = []
    for body in bodies.values():
        for section in body.iter_sections():
            if not (section.title_zh.strip() and section.title_en.strip()):
                missing.append(section.code)
        for _, item in body.iter_items():
            texts = (item.text_zh, item.text_en, item.guidance_zh, item.guidance_en, item.source)
            if not all(text.strip() for text in texts):
                missing.append(item.code)
    assert missing == []


def test_inferred_items_are_flagged_by_origin_and_no_text_carries_the_marker(bodies: dict[str, TemplateBody]) -> None:
    """「服务规范是质量监督人员制定的,即没有充分听取一线员工的意见」 (F1·1): an item the regulations
    do not state is a suggestion for the quality office, flagged by its origin (an editor-only
    flag, #13.6) — never by words in its text, which supervisors and documents would show."""
    inferred = []
    for body in bodies.values():
        assert MARK_ZH not in body.description_zh and MARK_EN.strip() not in body.description_en
        for _, item in body.iter_items():
            texts = (item.text_zh, item.text_en, item.guidance_zh, item.guidance_en)
            assert not any(MARK_ZH in text or MARK_EN.strip() in text for text in texts), item.code
            if item.origin is Origin.INFERRED:
                inferred.append(item.code)
    assert inferred == ["T1-1.3", "T1-1.4", "T1-1.5", "T1-2.3", "T1-2.4", "T1-4.2", "T2-2.4",
                        "T3-2.2", "T3-2.3", "T3-4.5"]
    # "D + I" rows of the digest are adapted, not direct.
    assert {bodies["T1"].item(c).origin for c in ("T1-1.2", "T1-1.6", "T1-3.5")} == {Origin.ADAPTED}


def test_scoring_defaults(bodies: dict[str, TemplateBody]) -> None:
    items = {item.code: item for body in bodies.values() for _, item in body.iter_items()}
    vetoes = sorted(code for code, item in items.items() if item.veto)
    assert vetoes == ["T1-4.2", "T2-4.8"]
    for code in vetoes:
        assert (items[code].severity, items[code].deduct, items[code].action_days) == (Severity.SERIOUS, 5.0, 3)
    for item in items.values():
        expected = (5.0, 3) if item.severity is Severity.SERIOUS else (2.0, None)
        assert (item.deduct, item.action_days) == expected, item.code
    assert all(section.deduct_cap == 20.0 for body in bodies.values() for section in body.sections)
    assert items["T1-1.2"].photos_on_fail == 1 and items["T3-6.1"].photos_on_fail == 1
    assert items["T1-5.1"].photos_on_fail == 0 and items["T3-9.4"].photos_on_fail == 0


def test_document_checks_are_not_covert_and_roles_are_set(bodies: dict[str, TemplateBody]) -> None:
    items = {item.code: item for body in bodies.values() for _, item in body.iter_items()}
    for code in ("T1-5.1", "T1-5.2", "T1-5.3", "T2-7.5", "T3-9.4", "T3-9.5"):
        assert items[code].covert is False, code
    assert items["T2-4.4"].covert and items["T2-4.10"].covert  # interaction items suit covert visits
    roles = {section.code: set(section.roles) for section in bodies["T2"].sections}
    assert roles["T2-6"] == {StaffRole.DRIVER, StaffRole.CONDUCTOR}
    assert roles["T2-7"] == {StaffRole.GUARD, StaffRole.CCTV_OPERATOR}
    assert roles["T2-8"] == {StaffRole.RECEPTIONIST}
    assert roles["T2-9"] == {StaffRole.CLEANER}
    assert all(not roles[f"T2-{n}"] for n in range(1, 6))


# --- loading -----------------------------------------------------------------------------
def test_builtins_load_as_published_version_one(loaded: AppContext, users: dict[Role, User]) -> None:
    versions = loaded.templates.list(users[Role.SUPERVISOR])
    assert [(v.code, v.version, v.status, v.effective_month, v.builtin) for v in versions] == [
        (code, 1, TemplateStatus.PUBLISHED, "2025-06", True) for code in ("T1", "T2", "T3")
    ]
    assert {v.code: v.body.item_count for v in versions} == EXPECTED_COUNTS
    assert all(v.published_at is not None and v.published_by is None for v in versions)
    actors = loaded.db.execute(
        "SELECT actor, action FROM audit_log WHERE entity = 'template' ORDER BY id").fetchall()
    assert actors == [("system", "template.load_builtin")] * 3
    columns = loaded.db.execute(
        "SELECT code, title_zh, category, subject, item_count FROM template_versions ORDER BY code").fetchall()
    assert columns[1] == ("T2", "人员着装仪容及服务行为检查表", "staff_conduct", "staff", 46)


def test_ensure_builtins_twice_is_a_no_op(loaded: AppContext) -> None:
    before = _counts(loaded)
    assert loaded.templates.ensure_builtins() == []
    assert _counts(loaded) == before


def test_ensure_builtins_adds_only_missing_codes(
    context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    source = resources_dir() / "templates"
    (folder / "T1.json").write_bytes((source / "T1.json").read_bytes())
    monkeypatch.setattr(templates_module, "builtin_templates_dir", lambda: folder)
    assert context.templates.ensure_builtins() == ["T1"]
    (folder / "T3.json").write_bytes((source / "T3.json").read_bytes())
    assert context.templates.ensure_builtins() == ["T3"]
    assert _counts(context) == (2, 2)


@pytest.mark.parametrize("content", ["{not json", '{"code": "T9", "title_zh": "x", "subject": "planet"}',
                                     '{"code": "T9", "title_zh": "x", "subject": "vehicle", "sections": []}'])
def test_a_damaged_resource_file_is_named_and_nothing_is_loaded(
    context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "A.json").write_bytes((resources_dir() / "templates" / "T1.json").read_bytes())
    (folder / "broken.json").write_text(content, encoding="utf-8")
    monkeypatch.setattr(templates_module, "builtin_templates_dir", lambda: folder)
    with pytest.raises(InspectorError) as caught:
        context.templates.ensure_builtins()
    assert caught.value.code == "template_resource_invalid"
    assert "broken.json" in describe(caught.value)
    assert _counts(context) == (0, 0)


# --- drafting and publishing ----------------------------------------------------------------
def test_supervisor_cannot_publish_or_copy_and_nothing_is_written(
    loaded: AppContext, users: dict[Role, User]
) -> None:
    draft, _ = loaded.templates.copy_to_month(users[Role.QUALITY_OFFICE], "T1", "2025-07")
    before = _counts(loaded)
    supervisor = users[Role.SUPERVISOR]
    with pytest.raises(PermissionDenied):
        loaded.templates.publish(supervisor, draft.id, "2025-07")
    with pytest.raises(PermissionDenied):
        loaded.templates.copy_to_month(supervisor, "T2", "2025-07")
    with pytest.raises(PermissionDenied):
        loaded.templates.save_draft(supervisor, draft.id, draft.body)
    assert _counts(loaded) == before
    assert loaded.templates.get(supervisor, draft.id).status is TemplateStatus.DRAFT


def test_quality_office_copies_then_publishes_next_month(loaded: AppContext, users: dict[Role, User]) -> None:
    office = users[Role.QUALITY_OFFICE]
    before_rows, before_audit = _counts(loaded)
    draft, changes = loaded.templates.copy_to_month(office, "T2", "2025-07")
    assert (draft.code, draft.version, draft.status, draft.effective_month, draft.builtin) == (
        "T2", 2, TemplateStatus.DRAFT, "2025-07", False)
    assert draft.body == loaded.templates.latest_published(office, "T2").body
    assert changes.changed == {"template": frozenset({draft.id})}

    published, changes = loaded.templates.publish(office, draft.id, "2025-07")
    assert (published.status, published.effective_month, published.published_by) == (
        TemplateStatus.PUBLISHED, "2025-07", office.id)
    assert changes.touches("template")
    assert loaded.templates.latest_published(office, "T2").id == draft.id
    assert _counts(loaded) == (before_rows + 1, before_audit + 2)
    actions = [row[0] for row in loaded.db.execute(
        "SELECT action FROM audit_log WHERE entity_id = ? AND entity = 'template' ORDER BY id", [draft.id])]
    assert actions == ["template.copy", "template.publish"]

    with pytest.raises(Conflict) as caught:
        loaded.templates.publish(office, draft.id, "2025-08")
    assert caught.value.code == "template_published"


def test_publish_latest_draft_and_missing_draft(loaded: AppContext, users: dict[Role, User]) -> None:
    office = users[Role.QUALITY_OFFICE]
    with pytest.raises(NotFound) as caught:
        loaded.templates.publish_latest_draft(office, "T3", "2025-07")
    assert caught.value.code == "template_no_draft"
    with pytest.raises(NotFound):
        loaded.templates.copy_to_month(office, "T9", "2025-07")
    loaded.templates.copy_to_month(office, "T3", "2025-07")
    third, _ = loaded.templates.copy_to_month(office, "T3", "2025-08")
    published, _ = loaded.templates.publish_latest_draft(office, "T3", "2025-08")
    assert (published.id, published.version) == (third.id, 3)


@pytest.mark.parametrize("month", ["2025-13", "2025/07", "202507", "25-07", ""])
def test_month_format_is_checked_before_anything_is_written(
    loaded: AppContext, users: dict[Role, User], month: str
) -> None:
    office = users[Role.QUALITY_OFFICE]
    draft, _ = loaded.templates.copy_to_month(office, "T1", "2025-07")
    before = _counts(loaded)
    for attempt in (lambda: loaded.templates.publish(office, draft.id, month),
                    lambda: loaded.templates.copy_to_month(office, "T1", month)):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.code == "month_format"
        assert "YYYY-MM" in describe(caught.value)
    assert _counts(loaded) == before


def test_save_draft_edits_a_draft_but_never_a_published_version(
    loaded: AppContext, users: dict[Role, User]
) -> None:
    office = users[Role.QUALITY_OFFICE]
    original = loaded.templates.latest_published(office, "T1")
    changed_body = original.body.model_copy(update={"title_zh": "车容车貌检查表(2025版)"})
    before = _counts(loaded)
    with pytest.raises(Conflict) as caught:
        loaded.templates.save_draft(office, original.id, changed_body)
    assert caught.value.code == "template_published"
    assert loaded.templates.get(office, original.id).body == original.body
    assert _counts(loaded) == before

    draft, _ = loaded.templates.copy_to_month(office, "T1", "2025-07")
    saved, changes = loaded.templates.save_draft(office, draft.id, changed_body)
    assert saved.body.title_zh == "车容车貌检查表(2025版)" and not changes.empty
    title = loaded.db.execute("SELECT title_zh FROM template_versions WHERE id = ?", [draft.id]).fetchone()[0]
    assert title == "车容车貌检查表(2025版)"
    assert loaded.templates.save_draft(office, draft.id, changed_body)[1].empty  # unchanged: no write

    with pytest.raises(ValidationError) as caught:
        loaded.templates.save_draft(office, draft.id, changed_body.model_copy(update={"code": "T2"}))
    assert caught.value.code == "template_code_mismatch"


def test_an_unsound_draft_cannot_be_published(loaded: AppContext, users: dict[Role, User]) -> None:
    office = users[Role.QUALITY_OFFICE]
    draft, _ = loaded.templates.copy_to_month(office, "T1", "2025-07")
    first, second = draft.body.sections[:2]
    clash = second.model_copy(update={"items": (first.items[0], *second.items[1:])})
    broken = draft.body.model_copy(update={"sections": (first, clash, *draft.body.sections[2:])})
    loaded.templates.save_draft(office, draft.id, broken)
    before = _counts(loaded)
    with pytest.raises(ValidationError) as caught:
        loaded.templates.publish(office, draft.id, "2025-07")
    assert caught.value.code == "template_invalid"
    assert caught.value.params["problems"][0]["code"] == "duplicate_item_code"
    assert "T1-1.1" in describe(caught.value)
    assert _counts(loaded) == before
    assert loaded.templates.get(office, draft.id).status is TemplateStatus.DRAFT


# --- storage ----------------------------------------------------------------------------------
def test_the_database_refuses_to_change_a_published_version(loaded: AppContext) -> None:
    version = templates_repo.latest(loaded.db, "T1", TemplateStatus.PUBLISHED)
    assert version is not None
    with pytest.raises(sqlite3.IntegrityError):
        loaded.db.execute("UPDATE template_versions SET title_zh = 'x' WHERE id = ?", [version.id])
    with pytest.raises(sqlite3.IntegrityError):
        templates_repo.update_draft_body(loaded.db, version.id, version.body)
    with pytest.raises(sqlite3.IntegrityError):
        loaded.db.execute("DELETE FROM template_versions WHERE id = ?", [version.id])
    assert templates_repo.get_version(loaded.db, version.id) == version


def test_repo_versions_order_and_numbering(context: AppContext, bodies: dict[str, TemplateBody]) -> None:
    db = context.db
    assert templates_repo.next_version_number(db, "T1") == 1 and templates_repo.latest(db, "T1") is None
    for code, number, status in [("T2", 1, TemplateStatus.PUBLISHED), ("T1", 2, TemplateStatus.DRAFT),
                                 ("T1", 1, TemplateStatus.PUBLISHED)]:
        templates_repo.insert_version(db, bodies[code], version=number, status=status, effective_month="2025-06",
                                      builtin=False, created_at=FIXED_NOW.isoformat())
    assert [(v.code, v.version) for v in templates_repo.list_versions(db)] == [("T1", 1), ("T1", 2), ("T2", 1)]
    assert [v.version for v in templates_repo.list_versions(db, code="T1")] == [1, 2]
    assert templates_repo.next_version_number(db, "T1") == 3
    assert templates_repo.latest(db, "T1").version == 2
    assert templates_repo.latest(db, "T1", TemplateStatus.PUBLISHED).version == 1
    draft = templates_repo.latest(db, "T1", TemplateStatus.DRAFT)
    templates_repo.mark_published(db, draft.id, "2025-07", FIXED_NOW.isoformat(), None)
    stored = templates_repo.get_version(db, draft.id)
    assert (stored.status, stored.effective_month, stored.published_at) == (
        TemplateStatus.PUBLISHED, "2025-07", FIXED_NOW)
    assert stored.body == bodies["T1"]
    assert templates_repo.get_version(db, 999) is None
