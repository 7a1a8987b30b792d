"""One answer's cost does not grow with the answers given (#18.2): a recording call reads the
inspection's row without its answers, the template version parsed once per version (kept only
while published, bounded), the one answer it replaces; it returns that answer as stored with the
draft's progress. The rules stay those of tests/services/test_inspection_recording.py."""

from __future__ import annotations

import pytest

from inspector.context import AppContext
from inspector.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind, StaffRole
from inspector.domain.templates import (
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role, User
from inspector.services.published_templates import PublishedTemplates
from inspector.storage import inspections_repo, templates_repo
from inspector.storage.transaction import write_transaction

BODY = TemplateBody(
    code="T9", title_zh="司机服务", subject=SubjectKind.STAFF,
    sections=(
        TemplateSection(code="S1", title_zh="仪容", items=tuple(
            TemplateItem(code=f"T9-{i}", text_zh=f"着装整洁 {i}", deduct=1) for i in range(1, 6))),
        TemplateSection(code="S2", title_zh="票务", roles=(StaffRole.CONDUCTOR,), items=(
            TemplateItem(code="T9-9", text_zh="验票", deduct=20),)),
    ),
)


def _publish(context: AppContext, body: TemplateBody, version: int = 1,
             status: TemplateStatus = TemplateStatus.PUBLISHED) -> int:
    with write_transaction(context.db):
        return templates_repo.insert_version(
            context.db, body, version=version, status=status, effective_month="2025-03", builtin=False,
            created_at="2025-02-20T10:00:00+08:00", published_at="2025-02-25T10:00:00+08:00")


@pytest.fixture
def draft(context: AppContext, users: dict[Role, User]) -> int:
    office = users[Role.QUALITY_OFFICE]
    unit, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
    staff, _ = context.registry.add(office, RegistryKind.STAFF,
                                    {"staff_no": "S0001", "name": "李师傅", "role": "driver", "unit_id": unit.id})
    template_id = _publish(context, BODY)
    inspection, _ = context.inspections.start(users[Role.SUPERVISOR], template_version_id=template_id,
                                              mode=InspectionMode.ONSITE,
                                              subject=SubjectRef(kind=SubjectKind.STAFF, id=staff.id))
    return inspection.id


def test_an_answer_returns_itself_as_stored_with_the_progress(
    context: AppContext, users: dict[Role, User], draft: int
) -> None:
    sup = users[Role.SUPERVISOR]
    first, changes = context.inspections.answer(sup, draft, "T9-2", AnswerResult.FAIL, note=" 衬衫未扣 ")
    assert (first.inspection_id, first.answer.item_code, first.answer.note) == (draft, "T9-2", "衬衫未扣")
    assert (first.answered, first.total) == (1, 5)  # the conductors' item does not apply to a driver
    assert changes.touches("inspection")
    second, _ = context.inspections.answer(sup, draft, "T9-1", AnswerResult.PASS)
    assert (second.answered, second.total) == (2, 5)
    replaced, _ = context.inspections.answer(sup, draft, "T9-2", AnswerResult.PASS)
    assert (replaced.answer.result, replaced.answer.note, replaced.answered) == (AnswerResult.PASS, "", 2)
    same, unchanged = context.inspections.answer(sup, draft, "T9-2", AnswerResult.PASS)
    assert unchanged.empty and same == replaced
    assert set(context.inspections.get(sup, draft).answers) == {replaced.answer, second.answer}


def test_recording_never_reads_the_whole_draft(
    context: AppContext, users: dict[Role, User], draft: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    sup = users[Role.SUPERVISOR]
    context.inspections.answer(sup, draft, "T9-1", AnswerResult.PASS)  # the version is parsed here

    def whole_draft(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a recording call read the whole draft or parsed the template again")

    monkeypatch.setattr(inspections_repo, "get", whole_draft)
    monkeypatch.setattr(templates_repo, "get_version", whole_draft)
    for code in ("T9-2", "T9-3", "T9-4"):
        context.inspections.answer(sup, draft, code, AnswerResult.PASS)
    context.inspections.answer(sup, draft, "T9-4", AnswerResult.FAIL, note="破损")
    with pytest.raises(ValidationError) as caught:
        context.inspections.add_photos(sup, draft, "T9-5", [1])
    assert caught.value.code == "item_not_answered"
    monkeypatch.undo()
    assert len(context.inspections.get(sup, draft).answers) == 4


def test_the_rules_still_hold_on_the_short_path(
    context: AppContext, users: dict[Role, User], second_supervisor: User, draft: int
) -> None:
    sup = users[Role.SUPERVISOR]
    with pytest.raises(NotFound) as missing:
        context.inspections.answer(sup, draft + 100, "T9-1", AnswerResult.PASS)
    assert missing.value.code == "not_found"
    with pytest.raises(ValidationError) as not_applicable:
        context.inspections.answer(sup, draft, "T9-9", AnswerResult.PASS)
    assert not_applicable.value.code == "item_not_applicable"
    with pytest.raises(NotFound) as unknown:
        context.inspections.answer(sup, draft, "T9-77", AnswerResult.PASS)
    assert unknown.value.code == "item_not_in_template"
    with pytest.raises(PermissionDenied) as other:
        context.inspections.answer(second_supervisor, draft, "T9-1", AnswerResult.PASS)
    assert other.value.code == "not_your_inspection"
    for code in ("T9-1", "T9-2", "T9-3", "T9-4", "T9-5"):
        context.inspections.answer(sup, draft, code, AnswerResult.PASS)
    context.inspections.complete(sup, draft)
    with pytest.raises(Conflict) as locked:
        context.inspections.answer(sup, draft, "T9-1", AnswerResult.FAIL)
    assert locked.value.code == "inspection_completed"


def test_the_cache_keeps_published_versions_only_and_stays_bounded(
    context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = PublishedTemplates(context.services, size=2)
    p0, p1, p2 = (_publish(context, BODY.model_copy(update={"code": f"P{n}"})) for n in range(3))
    draft_id = _publish(context, BODY.model_copy(update={"code": "D"}), status=TemplateStatus.DRAFT)
    parsed: list[int] = []
    real = templates_repo.get_version

    def counted(db, version_id):  # type: ignore[no-untyped-def]
        parsed.append(version_id)
        return real(db, version_id)

    monkeypatch.setattr(templates_repo, "get_version", counted)
    for version_id, code in ((p0, "P0"), (p1, "P1"), (p0, "P0"), (p1, "P1"), (p0, "P0")):
        assert cache.version(version_id, code=code, version=1).code == code
    assert parsed == [p0, p1]  # each published version parsed once
    cache.version(p2, code="P2", version=1)  # a third: the least recently used (P1) makes room
    cache.version(p0, code="P0", version=1)
    cache.version(p1, code="P1", version=1)
    assert parsed == [p0, p1, p2, p1] and len(cache) == 2
    cache.version(draft_id, code="D", version=1)
    cache.version(draft_id, code="D", version=1)
    assert parsed[-2:] == [draft_id, draft_id]  # a draft is read every time
    # a row that is not the version the inspection names (a file put back by a restore) is not kept
    cache.version(p2, code="P9", version=3)
    cache.version(p2, code="P9", version=3)
    assert parsed[-2:] == [p2, p2]
