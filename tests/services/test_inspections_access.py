"""Who may start, see and edit inspections: covert visits stay with their author, the quality
office and admins (in lists and counts too), supervisors edit only their own drafts, managers
record nothing, and only published template versions can be used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from inspector.context import AppContext
from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.inspections import (
    Answer,
    AnswerResult,
    Evidence,
    Inspection,
    InspectionMode,
    InspectionStatus,
    SubjectRef,
)
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import (
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role, User
from inspector.storage import inspections_repo, templates_repo
from inspector.storage.transaction import write_transaction

BODY = TemplateBody(
    code="T9", title_zh="车容车貌", subject=SubjectKind.VEHICLE,
    sections=(TemplateSection(code="S1", title_zh="外观", items=(TemplateItem(code="T9-1", text_zh="车身清洁"),)),),
)
OBSERVED = datetime(2025, 3, 3, 8, 30, tzinfo=timezone(timedelta(hours=8)))


@dataclass
class World:
    sup1: User
    sup2: User
    office: User
    manager: User
    admin: User
    published: int  # template version ids
    draft: int
    vehicle: SubjectRef
    unit_id: int
    staff_id: int


def _version(context: AppContext, body: TemplateBody, version: int, status: TemplateStatus) -> int:
    published = status is TemplateStatus.PUBLISHED
    with write_transaction(context.db):
        return templates_repo.insert_version(
            context.db, body, version=version, status=status, effective_month="2025-03" if published else None,
            builtin=False, created_at="2025-02-20T10:00:00+08:00",
            published_at="2025-02-25T10:00:00+08:00" if published else None,
        )


def _audit_count(context: AppContext) -> int:
    return int(context.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def _inspection_count(context: AppContext) -> int:
    return int(context.db.execute("SELECT count(*) FROM inspections").fetchone()[0])


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], second_supervisor: User) -> World:
    office = users[Role.QUALITY_OFFICE]
    unit, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
    vehicle, _ = context.registry.add(office, RegistryKind.VEHICLES,
                                      {"plate": "粤b 12345", "fleet_no": "F1001", "unit_id": unit.id})
    staff, _ = context.registry.add(office, RegistryKind.STAFF,
                                    {"staff_no": "S0001", "name": "李师傅", "role": "driver", "unit_id": unit.id})
    return World(
        sup1=users[Role.SUPERVISOR], sup2=second_supervisor, office=office, manager=users[Role.MANAGER],
        admin=users[Role.ADMIN], published=_version(context, BODY, 1, TemplateStatus.PUBLISHED),
        draft=_version(context, BODY, 2, TemplateStatus.DRAFT),
        vehicle=SubjectRef(kind=SubjectKind.VEHICLE, id=vehicle.id), unit_id=unit.id, staff_id=staff.id,
    )


def _start(context: AppContext, world: World, actor: User, mode: InspectionMode) -> Inspection:
    inspection, _ = context.inspections.start(actor, template_version_id=world.published, mode=mode,
                                              subject=world.vehicle, observed_at=OBSERVED)
    return inspection


@pytest.fixture
def trio(context: AppContext, world: World) -> dict[str, Inspection]:
    """sup1's covert visit, sup2's covert visit, sup2's onsite inspection."""
    return {
        "own_covert": _start(context, world, world.sup1, InspectionMode.COVERT),
        "other_covert": _start(context, world, world.sup2, InspectionMode.COVERT),
        "other_onsite": _start(context, world, world.sup2, InspectionMode.ONSITE),
    }


def _ids(inspections: list[Inspection]) -> set[int]:
    return {inspection.id for inspection in inspections}


def test_start_fills_the_header_from_the_registry(context: AppContext, world: World) -> None:
    audit_before = _audit_count(context)
    inspection, changes = context.inspections.start(
        world.sup1, template_version_id=world.published, mode=InspectionMode.ONSITE,
        subject=SubjectRef(kind=SubjectKind.VEHICLE, id=world.vehicle.id, label="ignored"), observed_at=OBSERVED,
    )
    assert inspection.subject.label == "粤B·12345"
    assert (inspection.template_code, inspection.template_version) == ("T9", 1)
    assert inspection.unit_id == world.unit_id
    assert inspection.author_id == world.sup1.id and inspection.status is InspectionStatus.DRAFT
    assert inspection.observed_at == OBSERVED and inspection.entered_at.tzinfo is not None
    assert changes.changed == {"inspection": frozenset({inspection.id})}
    assert _audit_count(context) == audit_before + 1
    entry = context.db.execute("SELECT action, entity_id, actor FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert entry == ("inspection.start", inspection.id, "sup1")


def test_supervisor_cannot_read_another_authors_covert_inspection(
    context: AppContext, world: World, trio: dict[str, Inspection]
) -> None:
    hidden = trio["other_covert"].id
    with pytest.raises(NotFound) as raised:
        context.inspections.get(world.sup1, hidden)
    missing = max(inspection.id for inspection in trio.values()) + 1
    with pytest.raises(NotFound) as absent:
        context.inspections.get(world.sup1, missing)
    # issue #12.3: a hidden covert visit is answered exactly like an id that does not exist
    assert (raised.value.code, raised.value.params) == ("not_found", {"entity": "inspection", "key": str(hidden)})
    assert (absent.value.code, absent.value.params) == ("not_found", {"entity": "inspection", "key": str(missing)})
    listed = context.inspections.list(world.sup1)
    assert hidden not in _ids(listed)
    assert _ids(listed) == {trio["own_covert"].id, trio["other_onsite"].id}
    assert context.inspections.count(world.sup1) == 2
    assert context.inspections.count(world.sup1, mode=InspectionMode.COVERT) == 1


def test_supervisor_reads_own_and_non_covert(context: AppContext, world: World, trio: dict[str, Inspection]) -> None:
    assert context.inspections.get(world.sup1, trio["own_covert"].id) == trio["own_covert"]
    assert context.inspections.get(world.sup1, trio["other_onsite"].id).mode is InspectionMode.ONSITE
    assert _ids(context.inspections.list(world.sup2)) == {trio["other_covert"].id, trio["other_onsite"].id}


@pytest.mark.parametrize("who", ["office", "admin"])
def test_quality_office_and_admin_see_everything(
    context: AppContext, world: World, trio: dict[str, Inspection], who: str
) -> None:
    viewer = getattr(world, who)
    assert _ids(context.inspections.list(viewer)) == _ids(list(trio.values()))
    assert context.inspections.count(viewer) == 3
    for inspection in trio.values():
        assert context.inspections.get(viewer, inspection.id).id == inspection.id


def test_manager_sees_only_non_covert(context: AppContext, world: World, trio: dict[str, Inspection]) -> None:
    assert _ids(context.inspections.list(world.manager)) == {trio["other_onsite"].id}
    with pytest.raises(NotFound):
        context.inspections.get(world.manager, trio["own_covert"].id)


def test_pages_never_leak_and_add_up_to_the_count(
    context: AppContext, world: World, trio: dict[str, Inspection]
) -> None:
    for _ in range(3):
        _start(context, world, world.sup2, InspectionMode.COVERT)
    seen: list[Inspection] = []
    for offset in range(0, 10):
        seen += context.inspections.list(world.sup1, limit=1, offset=offset)
    assert [i.id for i in seen] == [i.id for i in context.inspections.list(world.sup1)]
    assert len(seen) == context.inspections.count(world.sup1) == 2
    assert all(not i.covert or i.author_id == world.sup1.id for i in seen)
    raw = inspections_repo.list_visible(context.db, viewer_id=world.sup1.id, sees_all_covert=False, limit=100)
    assert _ids(raw) == _ids(seen)


def test_list_filters(context: AppContext, world: World, trio: dict[str, Inspection]) -> None:
    office = world.office
    assert _ids(context.inspections.list(office, mode=InspectionMode.ONSITE)) == {trio["other_onsite"].id}
    assert context.inspections.count(office, status=InspectionStatus.COMPLETED) == 0
    assert context.inspections.count(office, unit_id=world.unit_id) == 3
    assert context.inspections.list(office, unit_id=world.unit_id + 999) == []


def test_inactive_supervisor_sees_nothing(context: AppContext, world: World, trio: dict[str, Inspection]) -> None:
    retired, _ = context.users.update(world.admin, world.sup1.id, display_name="sup1", role=Role.SUPERVISOR,
                                      active=False)
    assert context.inspections.list(retired) == [] and context.inspections.count(retired) == 0
    with pytest.raises(NotFound):
        context.inspections.get(retired, trio["own_covert"].id)


def test_supervisor_cannot_edit_another_supervisors_inspection(
    context: AppContext, world: World, trio: dict[str, Inspection]
) -> None:
    target = trio["other_onsite"]
    audit_before = _audit_count(context)
    with pytest.raises(PermissionDenied) as raised:
        context.inspections.update_header(world.sup1, target.id, evidence=Evidence(remarks="改写"),
                                          observed_at=OBSERVED - timedelta(days=1))
    assert raised.value.code == "not_your_inspection" and raised.value.params["inspection"] == target.id
    assert context.inspections.get(world.office, target.id) == target
    assert _audit_count(context) == audit_before


def test_quality_office_and_the_author_can_edit(context: AppContext, world: World, trio: dict[str, Inspection]) -> None:
    target = trio["other_onsite"]
    audit_before = _audit_count(context)
    edited, changes = context.inspections.update_header(
        world.office, target.id, evidence=Evidence(route="23路", fleet_no="F1001"), responsible_staff_id=world.staff_id,
    )
    assert edited.evidence.route == "23路" and edited.responsible_staff_id == world.staff_id
    assert edited.observed_at == target.observed_at
    assert not changes.empty and _audit_count(context) == audit_before + 1
    moved, _ = context.inspections.update_header(world.sup2, target.id, observed_at=OBSERVED - timedelta(hours=2))
    assert moved.observed_at == OBSERVED - timedelta(hours=2)
    assert moved.evidence.route == "23路"
    assert _audit_count(context) == audit_before + 2
    _, unchanged = context.inspections.update_header(world.sup2, target.id, observed_at=moved.observed_at)
    assert unchanged.empty and _audit_count(context) == audit_before + 2


def test_completed_inspection_header_is_refused(context: AppContext, world: World, trio: dict[str, Inspection]) -> None:
    target = trio["own_covert"]
    with write_transaction(context.db):
        context.db.execute("UPDATE inspections SET status = 'completed', completed_at = ? WHERE id = ?",
                           [OBSERVED.isoformat(), target.id])
    with pytest.raises(Conflict) as raised:
        context.inspections.update_header(world.sup1, target.id, evidence=Evidence(remarks="事后补充"))
    assert raised.value.code == "inspection_completed"
    assert context.inspections.get(world.sup1, target.id).evidence == Evidence()


@pytest.mark.parametrize("who", ["manager", "admin"])
def test_roles_without_record_permission_cannot_start(context: AppContext, world: World, who: str) -> None:
    audit_before = _audit_count(context)
    with pytest.raises(PermissionDenied) as raised:
        _start(context, world, getattr(world, who), InspectionMode.ONSITE)
    assert raised.value.params["permission"] == "record_inspections"
    assert (_inspection_count(context), _audit_count(context)) == (0, audit_before)


def test_starting_on_a_draft_template_version_is_refused(context: AppContext, world: World) -> None:
    with pytest.raises(Conflict) as raised:
        context.inspections.start(world.sup1, template_version_id=world.draft, mode=InspectionMode.ONSITE,
                                  subject=world.vehicle)
    assert raised.value.code == "template_not_published"
    assert raised.value.params == {"template": "T9", "version": 2}
    assert _inspection_count(context) == 0


def test_subject_must_exist_and_match_the_template(context: AppContext, world: World) -> None:
    with pytest.raises(NotFound) as raised:
        context.inspections.start(world.sup1, template_version_id=world.published, mode=InspectionMode.ONSITE,
                                  subject=SubjectRef(kind=SubjectKind.VEHICLE, id=world.vehicle.id + 100))
    assert raised.value.code == "subject_not_found"
    with pytest.raises(ValidationError) as mismatch:
        context.inspections.start(world.sup1, template_version_id=world.published, mode=InspectionMode.ONSITE,
                                  subject=SubjectRef(kind=SubjectKind.STAFF, id=world.staff_id))
    assert mismatch.value.code == "subject_kind_mismatch"
    with pytest.raises(NotFound):
        context.inspections.start(world.sup1, template_version_id=world.draft + 100, mode=InspectionMode.ONSITE,
                                  subject=world.vehicle)
    assert _inspection_count(context) == 0


def test_staff_subject_is_labelled_and_responsible(context: AppContext, world: World) -> None:
    staff_body = BODY.model_copy(update={"code": "T8", "subject": SubjectKind.STAFF})
    version = _version(context, staff_body, 1, TemplateStatus.PUBLISHED)
    inspection, _ = context.inspections.start(world.sup1, template_version_id=version, mode=InspectionMode.COVERT,
                                              subject=SubjectRef(kind=SubjectKind.STAFF, id=world.staff_id))
    assert inspection.subject.label == "S0001 李师傅"
    assert inspection.responsible_staff_id == world.staff_id and inspection.unit_id == world.unit_id


def test_get_includes_answers_with_their_value_types(
    context: AppContext, world: World, trio: dict[str, Inspection]
) -> None:
    target = trio["own_covert"]
    answers = [
        Answer(item_code="T9-1", result=AnswerResult.FAIL, value=3.5, note="车身脏", severity=Severity.SERIOUS,
               answered_at=OBSERVED),
        Answer(item_code="T9-2", result=AnswerResult.PASS, value="3.5", answered_at=OBSERVED + timedelta(minutes=1)),
    ]
    with write_transaction(context.db):
        for answer in answers:
            inspections_repo.put_answer(context.db, target.id, answer)
    got = context.inspections.get(world.sup1, target.id)
    assert got.answers == tuple(answers)
    assert isinstance(got.answers[0].value, float) and isinstance(got.answers[1].value, str)
    listed = {i.id: i for i in context.inspections.list(world.sup1)}
    assert listed[target.id].answers == tuple(answers)
    assert listed[trio["other_onsite"].id].answers == ()
