"""Recording and completing inspections: answers with photos in one transaction, the same photo
stored once, completion checks and findings, the lock, reopening by the quality office, covert
visits entered after the fact, and a score that keeps the staff role fixed at the start.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from inspector.context import AppContext
from inspector.domain.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from inspector.domain.inspections import (
    AnswerResult,
    Evidence,
    InspectionMode,
    InspectionStatus,
    SubjectRef,
)
from inspector.domain.registry import RegistryKind, StaffRole
from inspector.domain.templates import (
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role, User
from inspector.services.inspections_lifecycle import (
    NO_FAILURE,
    PHOTOS_MISSING,
    UNANSWERED,
    CompletionProblem,
)
from inspector.storage import templates_repo
from inspector.storage.transaction import write_transaction

BODY = TemplateBody(
    code="T8", title_zh="司机服务", subject=SubjectKind.STAFF,
    sections=(
        TemplateSection(code="S1", title_zh="仪容", items=(
            TemplateItem(code="T8-1", text_zh="着装整洁", deduct=5, photos_on_fail=1),
            TemplateItem(code="T8-2", text_zh="佩戴工牌", deduct=3, severity=Severity.SERIOUS),
        )),
        TemplateSection(code="S2", title_zh="驾驶", roles=(StaffRole.DRIVER,), items=(
            TemplateItem(code="T8-3", text_zh="平稳驾驶", deduct=10),
        )),
        TemplateSection(code="S3", title_zh="票务", roles=(StaffRole.CONDUCTOR,), items=(
            TemplateItem(code="T8-4", text_zh="验票", deduct=20),
        )),
    ),
)


@dataclass
class World:
    sup: User
    other: User
    office: User
    template_id: int
    staff: SubjectRef
    unit_id: int
    staff_id: int


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], second_supervisor: User) -> World:
    office = users[Role.QUALITY_OFFICE]
    unit, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
    staff, _ = context.registry.add(office, RegistryKind.STAFF,
                                    {"staff_no": "S0001", "name": "李师傅", "role": "driver", "unit_id": unit.id})
    with write_transaction(context.db):
        template_id = templates_repo.insert_version(
            context.db, BODY, version=1, status=TemplateStatus.PUBLISHED, effective_month="2025-03",
            builtin=False, created_at="2025-02-20T10:00:00+08:00", published_at="2025-02-25T10:00:00+08:00")
    return World(sup=users[Role.SUPERVISOR], other=second_supervisor, office=office, template_id=template_id,
                 staff=SubjectRef(kind=SubjectKind.STAFF, id=staff.id), unit_id=unit.id, staff_id=staff.id)


def _jpeg(folder: Path, seed: int) -> Path:
    colour = random.Random(seed).choices(range(256), k=3)
    path = folder / f"photo-{seed}.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), tuple(colour)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _start(context: AppContext, world: World, mode: InspectionMode = InspectionMode.ONSITE, **extra):
    inspection, _ = context.inspections.start(world.sup, template_version_id=world.template_id, mode=mode,
                                              subject=world.staff, **extra)
    return inspection


def _count(context: AppContext, table: str) -> int:
    return int(context.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_answer_attaches_photos_in_the_same_transaction(context: AppContext, world: World, tmp_path: Path) -> None:
    inspection = _start(context, world)
    first = context.photos.ingest(world.sup, _jpeg(tmp_path, 1))
    second = context.photos.ingest(world.sup, _jpeg(tmp_path, 2))
    audit_before = _count(context, "audit_log")
    recorded, changes = context.inspections.answer(world.sup, inspection.id, "T8-1", AnswerResult.FAIL,
                                                   note="衬衫未扣", photo_ids=[second.id, first.id])
    assert recorded.answer.photo_ids == (second.id, first.id)  # in the order given
    assert context.inspections.get(world.sup, inspection.id).answers == (recorded.answer,)
    assert changes.changed["photo"] == {first.id, second.id}
    assert _count(context, "audit_log") == audit_before + 1  # one entry for answer and photos
    for kind in ("working", "print", "thumb"):
        assert (context.paths.photos / "derived" / kind / first.sha256[:2] / f"{first.sha256}.jpg").is_file()
    # an unknown photo refuses the whole answer: neither the answer nor any photo is recorded
    with pytest.raises(NotFound):
        context.inspections.answer(world.sup, inspection.id, "T8-2", AnswerResult.FAIL, photo_ids=[first.id, 999])
    assert [a.item_code for a in context.inspections.get(world.sup, inspection.id).answers] == ["T8-1"]
    # a failure inside the transaction rolls the answer back with its photos
    context.db.execute("CREATE TRIGGER no_photos BEFORE INSERT ON answer_photos BEGIN SELECT RAISE(ABORT, 'x'); END")
    with pytest.raises(Exception, match="x"):
        context.inspections.answer(world.sup, inspection.id, "T8-2", AnswerResult.FAIL, photo_ids=[first.id])
    assert [a.item_code for a in context.inspections.get(world.sup, inspection.id).answers] == ["T8-1"]
    context.db.execute("DROP TRIGGER no_photos")
    after, _ = context.inspections.remove_photo(world.sup, inspection.id, "T8-1", second.id)
    assert after.answer.photo_ids == (first.id,)
    after, _ = context.inspections.add_photos(world.sup, inspection.id, "T8-1", [second.id, first.id])
    assert after.answer.photo_ids == (first.id, second.id)
    assert context.inspections.get(world.sup, inspection.id).answers == (after.answer,)


def test_the_same_photo_twice_is_stored_once(context: AppContext, world: World, tmp_path: Path) -> None:
    path = _jpeg(tmp_path, 7)
    copy = tmp_path / "renamed.jpg"
    copy.write_bytes(path.read_bytes())
    first = context.photos.ingest(world.sup, path)
    again = context.photos.ingest(world.sup, copy)
    assert again.id == first.id and again.original_name == "photo-7.jpg"
    assert _count(context, "photos") == 1
    assert list(context.photos.store.iter_originals()) == [first.sha256]
    assert [row[0] for row in context.db.execute("SELECT action FROM audit_log WHERE action = 'photo.add'")] == [
        "photo.add"]


def test_check_reports_a_photo_row_whose_original_is_missing(
    context: AppContext, world: World, tmp_path: Path
) -> None:
    photo = context.photos.ingest(world.sup, _jpeg(tmp_path, 3))
    assert context.integrity.check().ok
    context.photos.store.original_path(photo.sha256).unlink()
    report = context.integrity.check()
    assert not report.ok and any(photo.sha256 in line for line in report.photos)


def test_complete_lists_every_problem(context: AppContext, world: World, tmp_path: Path) -> None:
    inspection = _start(context, world)
    context.inspections.answer(world.sup, inspection.id, "T8-1", AnswerResult.FAIL)
    expected = [CompletionProblem(PHOTOS_MISSING, "T8-1"), CompletionProblem(UNANSWERED, "T8-2"),
                CompletionProblem(UNANSWERED, "T8-3")]  # T8-4 is for conductors: not asked of a driver
    assert context.inspections.validate_for_completion(world.sup, inspection.id) == expected
    with pytest.raises(ValidationError) as raised:
        context.inspections.complete(world.sup, inspection.id)
    assert raised.value.code == "inspection_incomplete" and list(raised.value.params["problems"]) == expected
    assert context.inspections.get(world.sup, inspection.id).status is InspectionStatus.DRAFT


def test_walkaround_needs_one_failure_and_nothing_else(context: AppContext, world: World) -> None:
    inspection = _start(context, world, InspectionMode.WALKAROUND)
    context.inspections.answer(world.sup, inspection.id, "T8-2", AnswerResult.PASS)
    assert context.inspections.validate_for_completion(world.sup, inspection.id) == [CompletionProblem(NO_FAILURE)]
    context.inspections.answer(world.sup, inspection.id, "T8-3", AnswerResult.FAIL, note="急刹")
    done, _ = context.inspections.complete(world.sup, inspection.id)
    assert [f.item_code for f in context.inspections.findings(world.sup, done.id)] == ["T8-3"]


def _complete_with_failures(context: AppContext, world: World, tmp_path: Path):
    inspection = _start(context, world)
    photo = context.photos.ingest(world.sup, _jpeg(tmp_path, 4))
    context.inspections.answer(world.sup, inspection.id, "T8-1", AnswerResult.FAIL, note="衬衫未扣",
                               photo_ids=[photo.id])
    context.inspections.answer(world.sup, inspection.id, "T8-2", AnswerResult.FAIL)
    context.inspections.answer(world.sup, inspection.id, "T8-3", AnswerResult.PASS)
    done, changes = context.inspections.complete(world.sup, inspection.id)
    return done, changes, photo


def test_complete_stores_the_score_and_makes_findings(context: AppContext, world: World, tmp_path: Path) -> None:
    done, changes, photo = _complete_with_failures(context, world, tmp_path)
    assert done.status is InspectionStatus.COMPLETED and done.completed_at is not None
    assert (done.score, done.max_score, done.veto_failed) == (92.0, 100.0, False)
    findings = context.inspections.findings(world.sup, done.id)
    assert [(f.item_code, f.section_code, f.severity, f.note, f.photo_ids) for f in findings] == [
        ("T8-1", "S1", Severity.GENERAL, "衬衫未扣", (photo.id,)),
        ("T8-2", "S1", Severity.SERIOUS, "", ()),  # the item's default severity
    ]
    assert {(f.unit_id, f.responsible_staff_id) for f in findings} == {(world.unit_id, world.staff_id)}
    assert changes.changed["finding"] == {f.id for f in findings}


def test_a_completed_inspection_is_locked(context: AppContext, world: World, tmp_path: Path) -> None:
    done, _, photo = _complete_with_failures(context, world, tmp_path)
    calls = [
        lambda: context.inspections.answer(world.sup, done.id, "T8-3", AnswerResult.FAIL),
        lambda: context.inspections.update_header(world.sup, done.id, evidence=Evidence(route="23路")),
        lambda: context.inspections.add_photos(world.sup, done.id, "T8-2", [photo.id]),
        lambda: context.inspections.remove_photo(world.sup, done.id, "T8-1", photo.id),
        lambda: context.inspections.complete(world.sup, done.id),
    ]
    for call in calls:
        with pytest.raises(Conflict) as raised:
            call()
        assert raised.value.code == "inspection_completed"


def test_only_the_quality_office_reopens_and_the_audit_keeps_the_reason(
    context: AppContext, world: World, tmp_path: Path
) -> None:
    done, _, _ = _complete_with_failures(context, world, tmp_path)
    with pytest.raises(PermissionDenied):
        context.inspections.reopen(world.sup, done.id, "写错了")
    with pytest.raises(ValidationError):
        context.inspections.reopen(world.office, done.id, "  ")
    reopened, _ = context.inspections.reopen(world.office, done.id, "T8-2 误判")
    assert reopened.status is InspectionStatus.DRAFT and reopened.score is None
    assert context.inspections.findings(world.office, done.id) == []
    action, actor, after = context.db.execute(
        "SELECT action, actor, after FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert (action, actor) == ("inspection.reopen", "qo1") and "T8-2 误判" in after
    with pytest.raises(Conflict):
        context.inspections.reopen(world.office, done.id, "again")
    context.inspections.answer(world.sup, done.id, "T8-2", AnswerResult.PASS)
    again, _ = context.inspections.complete(world.sup, done.id)
    assert again.score == 95.0
    assert [f.item_code for f in context.inspections.findings(world.sup, done.id)] == ["T8-1"]


def test_covert_visit_entered_after_the_fact_but_never_in_the_future(context: AppContext, world: World) -> None:
    past = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=2)
    inspection = _start(context, world, InspectionMode.COVERT, observed_at=past)
    assert inspection.observed_at == past and inspection.entered_at > past
    evidence = Evidence(route="23路", fleet_no="F1001", staff_no="S0001", ticket="2元 扫码")
    updated, _ = context.inspections.update_header(world.sup, inspection.id, evidence=evidence,
                                                   observed_at=past - timedelta(hours=1))
    assert updated.evidence == evidence and updated.observed_at == past - timedelta(hours=1)
    future = datetime.now().astimezone() + timedelta(hours=1)
    with pytest.raises(ValidationError) as raised:
        _start(context, world, InspectionMode.COVERT, observed_at=future)
    assert raised.value.code == "observed_in_future"
    with pytest.raises(ValidationError):
        context.inspections.update_header(world.sup, inspection.id, observed_at=future)


def test_score_uses_the_role_fixed_at_the_start(context: AppContext, world: World) -> None:
    inspection = _start(context, world)
    context.inspections.answer(world.sup, inspection.id, "T8-3", AnswerResult.FAIL)  # driver-only item
    context.registry.update(world.office, RegistryKind.STAFF, world.staff_id, {"role": "conductor"})
    assert context.inspections.score(world.sup, inspection.id).score == 90.0
    # the driver's items still apply, the conductor's still do not
    context.inspections.answer(world.sup, inspection.id, "T8-3", AnswerResult.PASS)
    with pytest.raises(ValidationError):
        context.inspections.answer(world.sup, inspection.id, "T8-4", AnswerResult.FAIL)
    later = _start(context, world)
    context.inspections.answer(world.sup, later.id, "T8-4", AnswerResult.FAIL)
    assert context.inspections.score(world.sup, later.id).score == 80.0
