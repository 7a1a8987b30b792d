"""A template's life beyond the built-ins: the office starts its own, lists its versions, copies
next month's draft from any version, saves drafts in progress and throws away unused drafts.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from inspector.context import AppContext
from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.inspections import InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.template_edit import replace_item
from inspector.domain.templates import (
    ScoringScheme,
    SubjectKind,
    TemplateStatus,
    validate_template,
)
from inspector.domain.users import Role, User
from inspector.words.messages import describe
from inspector.storage import inspections_repo
from inspector.storage.transaction import write_transaction

FIXED_NOW = datetime(2025, 6, 15, 9, 30).astimezone()


@pytest.fixture
def loaded(context: AppContext, users: dict[Role, User]) -> AppContext:
    context.services.clock = lambda: FIXED_NOW
    context.templates.ensure_builtins()
    return context


def _counts(context: AppContext) -> tuple[int, int]:
    return (context.db.execute("SELECT count(*) FROM template_versions").fetchone()[0],
            context.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_new_template_starts_as_a_sound_draft(loaded: AppContext, users: dict[Role, User]) -> None:
    office = users[Role.QUALITY_OFFICE]
    before = _counts(loaded)
    draft, changes = loaded.templates.new_template(
        office, code=" T4 ", title_zh=" 站台候车亭检查表 ", title_en="Bus shelter checklist",
        subject=SubjectKind.LOCATION, scheme=ScoringScheme.WEIGHTED, category="facility_cleanliness")
    assert (draft.code, draft.version, draft.status, draft.effective_month, draft.builtin) == (
        "T4", 1, TemplateStatus.DRAFT, None, False)
    body = draft.body
    assert (body.title_zh, body.subject, body.scheme, body.category) == (
        "站台候车亭检查表", SubjectKind.LOCATION, ScoringScheme.WEIGHTED, "facility_cleanliness")
    assert [(s.code, s.title_zh, s.title_en) for s in body.sections] == [("T4-1", "第一部分", "Part 1")]
    assert [(i.code, i.text_zh, i.text_en) for _, i in body.iter_items()] == [("T4-1.1", "新检查项目", "New item")]
    assert validate_template(body) == [] and changes.changed == {"template": frozenset({draft.id})}
    assert _counts(loaded) == (before[0] + 1, before[1] + 1)
    action = loaded.db.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert action == "template.create"
    published, _ = loaded.templates.publish(office, draft.id, "2025-07")
    assert published.status is TemplateStatus.PUBLISHED


@pytest.mark.parametrize(("values", "code"), [
    ({"code": "T1"}, "template_code_taken"),
    ({"code": "t1"}, "template_code_taken"),  # differs only in case
    ({"code": ""}, "template_code_format"),
    ({"code": "T 4"}, "template_code_format"),
    ({"code": "T" * 25}, "template_code_format"),
    ({"title_zh": "  "}, "template_title_empty"),
    ({"subject": "planet"}, "invalid_value"),
    ({"scheme": "ten_point"}, "invalid_value"),
])
def test_new_template_refusals_write_nothing(
    loaded: AppContext, users: dict[Role, User], values: dict, code: str
) -> None:
    arguments = {"code": "T4", "title_zh": "新表", "subject": SubjectKind.VEHICLE, **values}
    before = _counts(loaded)
    with pytest.raises((Conflict, ValidationError)) as caught:
        loaded.templates.new_template(users[Role.QUALITY_OFFICE], **arguments)
    assert caught.value.code == code and describe(caught.value) != code
    with pytest.raises(PermissionDenied):
        loaded.templates.new_template(users[Role.SUPERVISOR], code="T5", title_zh="新表", subject=SubjectKind.UNIT)
    assert _counts(loaded) == before


def test_versions_of_lists_every_version_of_one_code(loaded: AppContext, users: dict[Role, User]) -> None:
    office, supervisor = users[Role.QUALITY_OFFICE], users[Role.SUPERVISOR]
    loaded.templates.copy_to_month(office, "T2", "2025-07")
    assert [(v.code, v.version, v.status) for v in loaded.templates.versions_of(supervisor, "T2")] == [
        ("T2", 1, TemplateStatus.PUBLISHED), ("T2", 2, TemplateStatus.DRAFT)]
    with pytest.raises(NotFound):
        loaded.templates.versions_of(supervisor, "T9")


def test_copy_from_any_version(loaded: AppContext, users: dict[Role, User]) -> None:
    office = users[Role.QUALITY_OFFICE]
    v1 = loaded.templates.latest_published(office, "T1")
    draft, _ = loaded.templates.copy_to_month(office, "T1", "2025-07")
    changed = replace_item(draft.body, "T1-1.1", draft.body.item("T1-1.1").model_copy(update={"deduct": 3.0}))
    loaded.templates.save_draft(office, draft.id, changed)
    loaded.templates.publish(office, draft.id, "2025-07")

    latest, _ = loaded.templates.copy_to_month(office, "T1", "2025-08")
    assert latest.version == 3 and latest.body == changed
    older, _ = loaded.templates.copy_to_month(office, "T1", "2025-08", from_version_id=v1.id)
    assert (older.version, older.effective_month, older.status) == (4, "2025-08", TemplateStatus.DRAFT)
    assert older.body == v1.body
    from_draft, _ = loaded.templates.copy_to_month(office, "T1", "2025-09", from_version_id=latest.id)
    assert from_draft.version == 5 and from_draft.body == changed
    audit = loaded.db.execute(
        "SELECT before FROM audit_log WHERE action = 'template.copy' AND entity_id = ?", [older.id]).fetchone()[0]
    assert f'"copied_from":{v1.id}' in audit

    before = _counts(loaded)
    with pytest.raises(ValidationError) as caught:
        loaded.templates.copy_to_month(office, "T2", "2025-08", from_version_id=v1.id)
    assert caught.value.code == "template_code_mismatch"
    with pytest.raises(NotFound):
        loaded.templates.copy_to_month(office, "T1", "2025-08", from_version_id=9999)
    assert _counts(loaded) == before


def test_save_draft_keeps_a_body_in_progress_that_publish_refuses(
    loaded: AppContext, users: dict[Role, User]
) -> None:
    office = users[Role.QUALITY_OFFICE]
    draft, _ = loaded.templates.copy_to_month(office, "T3", "2025-07")
    item = draft.body.item("T3-1.1")
    unfinished = replace_item(draft.body, "T3-1.1", item.model_copy(update={"text_zh": "", "deduct": 120.0}))
    saved, _ = loaded.templates.save_draft(office, draft.id, unfinished)
    assert saved.body == unfinished
    with pytest.raises(ValidationError) as caught:
        loaded.templates.publish(office, draft.id, "2025-07")
    problems = {(p["code"], p["where"]) for p in caught.value.params["problems"]}
    assert problems == {("item_text_empty", "T3-1.1"), ("deduction_exceeds_base", "T3-1.1")}


def test_delete_draft(loaded: AppContext, users: dict[Role, User]) -> None:
    office = users[Role.QUALITY_OFFICE]
    draft, _ = loaded.templates.copy_to_month(office, "T1", "2025-07")
    before = _counts(loaded)
    with pytest.raises(PermissionDenied):
        loaded.templates.delete_draft(users[Role.SUPERVISOR], draft.id)
    changes = loaded.templates.delete_draft(office, draft.id)
    assert changes.changed == {"template": frozenset({draft.id})}
    assert _counts(loaded) == (before[0] - 1, before[1] + 1)
    row = loaded.db.execute("SELECT action, before FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert row[0] == "template.delete_draft" and '"version":2' in row[1]
    assert [v.version for v in loaded.templates.versions_of(office, "T1")] == [1]
    with pytest.raises(NotFound):
        loaded.templates.delete_draft(office, draft.id)
    assert loaded.templates.copy_to_month(office, "T1", "2025-07")[0].version == 2

    # A brand-new template deleted in its first draft frees its code.
    own, _ = loaded.templates.new_template(office, code="T4", title_zh="新表", subject=SubjectKind.UNIT)
    loaded.templates.delete_draft(office, own.id)
    assert loaded.templates.new_template(office, code="T4", title_zh="新表", subject=SubjectKind.UNIT)[0].version == 1


def test_a_draft_an_inspection_points_at_is_kept(
    loaded: AppContext, users: dict[Role, User]
) -> None:
    office = users[Role.QUALITY_OFFICE]
    draft, _ = loaded.templates.new_template(office, code="T4", title_zh="新表", subject=SubjectKind.UNIT)
    # The service only starts inspections on published versions; a row from elsewhere (an old
    # build, a restored backup) may still point at a draft, and deleting it must not orphan that.
    unit_id = loaded.registry.add(office, RegistryKind.UNITS, {"code": "D9", "name": "九总站"})[0].id
    with write_transaction(loaded.db):
        inspections_repo.insert(loaded.db, template_version_id=draft.id, mode=InspectionMode.ONSITE,
                                subject=SubjectRef(kind=SubjectKind.UNIT, id=unit_id, label="九总站"), unit_id=unit_id,
                                responsible_staff_id=None, author_id=users[Role.SUPERVISOR].id,
                                observed_at=FIXED_NOW.isoformat(), entered_at=FIXED_NOW.isoformat())
    before = _counts(loaded)
    with pytest.raises(Conflict) as caught:
        loaded.templates.delete_draft(office, draft.id)
    assert caught.value.code == "template_in_use" and caught.value.params["count"] == 1
    assert _counts(loaded) == before
