"""An inspection is answered and scored by the exact template version it started on, forever:
publishing next month's version changes neither its score nor which items it may answer. Also
who may answer, what an answer may carry, and that no service can change a published version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import pytest

from inspector.context import AppContext
from inspector.domain.errors import Conflict, InspectorError, NotFound, PermissionDenied, ValidationError
from inspector.domain.inspections import Answer, AnswerResult, Inspection, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.template_edit import insert_item, replace_item
from inspector.domain.templates import ResponseType, Severity, SubjectKind, TemplateItem, TemplateVersion
from inspector.domain.users import Role, User
from inspector.words.messages import describe
from inspector.storage import inspections_repo
from inspector.storage.transaction import write_transaction

FIXED_NOW = datetime(2025, 6, 15, 9, 30).astimezone()
FAIL, PASS, NA = AnswerResult.FAIL, AnswerResult.PASS, AnswerResult.NA


@dataclass
class World:
    sup1: User
    sup2: User
    office: User
    manager: User
    vehicle: SubjectRef
    driver: SubjectRef
    guard: SubjectRef


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], second_supervisor: User) -> World:
    context.services.clock = lambda: FIXED_NOW
    context.templates.ensure_builtins()  # T1–T3 version 1, published for 2025-06
    office = users[Role.QUALITY_OFFICE]
    unit, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
    vehicle, _ = context.registry.add(office, RegistryKind.VEHICLES,
                                      {"plate": "粤B12345", "fleet_no": "F1001", "unit_id": unit.id})
    driver, _ = context.registry.add(office, RegistryKind.STAFF,
                                     {"staff_no": "S0001", "name": "李师傅", "role": "driver", "unit_id": unit.id})
    guard, _ = context.registry.add(office, RegistryKind.STAFF,
                                    {"staff_no": "S0002", "name": "王保安", "role": "guard", "unit_id": unit.id})
    return World(sup1=users[Role.SUPERVISOR], sup2=second_supervisor, office=office, manager=users[Role.MANAGER],
                 vehicle=SubjectRef(kind=SubjectKind.VEHICLE, id=vehicle.id),
                 driver=SubjectRef(kind=SubjectKind.STAFF, id=driver.id),
                 guard=SubjectRef(kind=SubjectKind.STAFF, id=guard.id))


def _start(context: AppContext, actor: User, version: TemplateVersion, subject: SubjectRef) -> Inspection:
    inspection, _ = context.inspections.start(actor, template_version_id=version.id, mode=InspectionMode.ONSITE,
                                              subject=subject)
    return inspection


def _answer_all(context: AppContext, actor: User, inspection: Inspection, results: dict[str, AnswerResult]) -> None:
    for code, result in results.items():
        context.inspections.answer(actor, inspection.id, code, result)


def _written(context: AppContext) -> tuple[int, int]:
    """(answers rows, audit rows)."""
    return (context.db.execute("SELECT count(*) FROM answers").fetchone()[0],
            context.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def _body_hash(context: AppContext, version_id: int) -> str:
    body = context.db.execute("SELECT body FROM template_versions WHERE id = ?", [version_id]).fetchone()[0]
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


# --- the acceptance scenario --------------------------------------------------------------------
def test_a_score_stays_with_the_version_it_was_recorded_on(context: AppContext, world: World) -> None:
    v1 = context.templates.latest_published(world.office, "T1")
    first = _start(context, world.sup1, v1, world.vehicle)
    results = {"T1-1.1": FAIL, "T1-1.6": FAIL, "T1-2.1": NA, "T1-3.1": PASS}
    _answer_all(context, world.sup1, first, results)
    # v1: T1-1.1 costs 2, T1-1.6 costs 5 → 100 − 7.
    assert context.inspections.score(world.sup1, first.id).score == 93.0

    draft, _ = context.templates.copy_to_month(world.office, "T1", "2025-07")
    body = draft.body
    for code, deduct in [("T1-1.1", 4.0), ("T1-1.6", 10.0)]:
        body = replace_item(body, code, body.item(code).model_copy(update={"deduct": deduct}))
    body = insert_item(body, "T1-2", 6, TemplateItem(code="T1-2.7", text_zh="扶手无松动", deduct=2.0))
    context.templates.save_draft(world.office, draft.id, body)
    v2, _ = context.templates.publish(world.office, draft.id, "2025-07")
    assert v2.version == 2 and context.templates.latest_published(world.office, "T1").id == v2.id

    kept = context.inspections.score(world.sup1, first.id)
    assert (kept.score, kept.deducted, kept.failed) == (93.0, 7.0, ("T1-1.1", "T1-1.6"))
    assert context.inspections.get(world.sup1, first.id).template_version == 1
    # Still recorded against v1: v1 deductions apply, and v2's new item is not part of it.
    context.inspections.answer(world.sup1, first.id, "T1-1.2", FAIL)
    assert context.inspections.score(world.sup1, first.id).score == 91.0
    with pytest.raises(NotFound) as caught:
        context.inspections.answer(world.sup1, first.id, "T1-2.7", FAIL)
    assert caught.value.code == "item_not_in_template" and caught.value.params["template"] == "T1 v1"

    # v2 is in force from July: the July inspection is the one that uses it (#13.2).
    context.services.clock = lambda: FIXED_NOW.replace(month=7)
    second = _start(context, world.sup1, v2, world.vehicle)
    _answer_all(context, world.sup1, second, {**results, "T1-2.7": FAIL})
    assert context.inspections.score(world.sup1, second.id).score == 100.0 - 4 - 10 - 2
    assert context.inspections.score(world.sup1, first.id).score == 91.0


def test_staff_inspections_score_only_the_sections_of_the_staff_role(context: AppContext, world: World) -> None:
    t2 = context.templates.latest_published(world.office, "T2")
    driver = _start(context, world.sup1, t2, world.driver)
    context.inspections.answer(world.sup1, driver.id, "T2-6.1", FAIL)  # crew section
    with pytest.raises(ValidationError) as caught:
        context.inspections.answer(world.sup1, driver.id, "T2-7.1", FAIL)  # security guards' section
    assert caught.value.code == "item_not_applicable" and "T2-7.1" in describe(caught.value)
    # An answer to another role's item (written around the service) never counts.
    with write_transaction(context.db):
        inspections_repo.put_answer(context.db, driver.id, Answer(item_code="T2-7.6", result=FAIL,
                                                                  answered_at=FIXED_NOW))
    result = context.inspections.score(world.sup1, driver.id)
    assert (result.score, result.failed, result.applicable) == (98.0, ("T2-6.1",), 34)

    guard = _start(context, world.sup1, t2, world.guard)
    context.inspections.answer(world.sup1, guard.id, "T2-7.6", FAIL)
    assert context.inspections.score(world.sup1, guard.id).score == 95.0


# --- answering ---------------------------------------------------------------------------------
def test_answer_is_stored_audited_and_replaced(context: AppContext, world: World) -> None:
    inspection = _start(context, world.sup1, context.templates.latest_published(world.office, "T1"), world.vehicle)
    before = _written(context)
    got, changes = context.inspections.answer(world.sup1, inspection.id, "T1-1.2", "fail", note=" 车身有泥 ",
                                              severity=Severity.SERIOUS)
    assert changes.touches("inspection")
    assert (got.answer.item_code, got.answer.result, got.answer.note, got.answer.severity) == (
        "T1-1.2", FAIL, "车身有泥", Severity.SERIOUS)
    assert context.inspections.get(world.sup1, inspection.id).answers == (got.answer,)
    assert _written(context) == (before[0] + 1, before[1] + 1)
    row = context.db.execute("SELECT action, before, after FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert row[0] == "inspection.answer" and row[1] == "" and '"result":"fail"' in row[2]

    same, unchanged = context.inspections.answer(world.sup1, inspection.id, "T1-1.2", FAIL, note="车身有泥",
                                                 severity=Severity.SERIOUS)
    assert same == got  # the answer as stored, untouched
    assert unchanged.empty and _written(context) == (before[0] + 1, before[1] + 1)
    again, _ = context.inspections.answer(world.sup1, inspection.id, "T1-1.2", PASS)
    assert (again.answer.result, again.answer.note) == (PASS, "")
    assert context.inspections.get(world.sup1, inspection.id).answers == (again.answer,)
    assert _written(context) == (before[0] + 1, before[1] + 2)


def test_answers_refused_write_nothing(context: AppContext, world: World) -> None:
    v1 = context.templates.latest_published(world.office, "T1")
    own = _start(context, world.sup1, v1, world.vehicle)
    completed = _start(context, world.sup1, v1, world.vehicle)
    with write_transaction(context.db):
        context.db.execute("UPDATE inspections SET status = 'completed', completed_at = ? WHERE id = ?",
                           [FIXED_NOW.isoformat(), completed.id])
    before = _written(context)
    attempts: list[tuple[type[InspectorError], str, User, int, str, dict]] = [
        (Conflict, "inspection_completed", world.sup1, completed.id, "T1-1.1", {}),
        (PermissionDenied, "not_your_inspection", world.sup2, own.id, "T1-1.1", {}),
        (PermissionDenied, "permission_denied", world.manager, own.id, "T1-1.1", {}),
        (NotFound, "item_not_in_template", world.sup1, own.id, "T1-9.9", {}),
        (NotFound, "not_found", world.sup1, own.id + 100, "T1-1.1", {}),
        (ValidationError, "invalid_value", world.sup1, own.id, "T1-1.1", {"result": "maybe"}),
        (ValidationError, "invalid_value", world.sup1, own.id, "T1-1.1", {"severity": "fatal"}),
        (ValidationError, "value_not_expected", world.sup1, own.id, "T1-1.1", {"value": 3.0}),
    ]
    for error, code, actor, inspection_id, item, extra in attempts:
        result = extra.pop("result", FAIL)
        with pytest.raises(error) as caught:
            context.inspections.answer(actor, inspection_id, item, result, **extra)
        assert caught.value.code == code, (code, caught.value)
        assert describe(caught.value)
    assert _written(context) == before
    assert context.inspections.get(world.sup1, own.id).answers == ()


def test_numeric_and_text_values(context: AppContext, world: World) -> None:
    office = world.office
    draft, _ = context.templates.new_template(office, code="T4", title_zh="轮胎检查", subject=SubjectKind.VEHICLE)
    body = insert_item(draft.body, "T4-1", 1, TemplateItem(code="T4-1.2", text_zh="轮胎花纹深度",
                                                           response=ResponseType.NUMERIC, threshold=1.6, deduct=5))
    body = insert_item(body, "T4-1", 2, TemplateItem(code="T4-1.3", text_zh="备注", response=ResponseType.TEXT))
    context.templates.save_draft(office, draft.id, body)
    version, _ = context.templates.publish(office, draft.id, "2025-06")
    inspection = _start(context, world.sup1, version, world.vehicle)

    context.inspections.answer(world.sup1, inspection.id, "T4-1.2", FAIL, value="1.2")
    context.inspections.answer(world.sup1, inspection.id, "T4-1.3", PASS, value=" 左前轮磨损 ")
    got = context.inspections.get(world.sup1, inspection.id)
    values = {answer.item_code: answer.value for answer in got.answers}
    assert values == {"T4-1.2": 1.2, "T4-1.3": "左前轮磨损"}
    for bad in ("abc", "nan", True):
        with pytest.raises(ValidationError) as caught:
            context.inspections.answer(world.sup1, inspection.id, "T4-1.2", FAIL, value=bad)
        assert caught.value.code == "invalid_value"
    assert context.inspections.score(world.sup1, inspection.id).score == 95.0


# --- published versions are immutable through every service method ----------------------------------
def test_no_template_service_method_changes_a_published_version(context: AppContext, world: World) -> None:
    office = world.office
    v1 = context.templates.latest_published(office, "T1")
    fingerprint = _body_hash(context, v1.id)
    edited = replace_item(v1.body, "T1-1.1", v1.body.item("T1-1.1").model_copy(update={"deduct": 9.0}))
    before = _written(context)
    attempts = [
        lambda: context.templates.save_draft(office, v1.id, edited),
        lambda: context.templates.delete_draft(office, v1.id),
        lambda: context.templates.publish(office, v1.id, "2025-07"),
    ]
    for attempt in attempts:
        with pytest.raises(Conflict) as caught:
            attempt()
        assert caught.value.code == "template_published"
    with pytest.raises(Conflict) as caught:
        context.templates.new_template(office, code="T1", title_zh="车容车貌", subject=SubjectKind.VEHICLE)
    assert caught.value.code == "template_code_taken"
    context.templates.copy_to_month(office, "T1", "2025-07", from_version_id=v1.id)  # a copy, not a change
    assert _body_hash(context, v1.id) == fingerprint
    assert context.templates.get(office, v1.id) == v1
    assert _written(context)[1] == before[1] + 1  # only the copy was audited
