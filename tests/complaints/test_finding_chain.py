"""A complaint found 有责 becomes a finding on the responsible unit, which the normal notice flow
carries to its close (digest D-142: 「确认因司乘人员处理不当引起的服务纠纷,应督促当事人当面向乘客赔礼道歉」;
the complaint is a source of findings and notices)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.changes import Entity
from inspector.domain.complaints import EventKind
from inspector.domain.errors import Conflict, ValidationError
from inspector.domain.inspections import FindingStatus, InspectionMode
from inspector.domain.notices import FollowUpItemResult, FollowUpResult, NoticeStatus
from inspector.domain.users import Role, User
from inspector.services.photos import EVIDENCE_DERIVATIVES, prepare_file
from tests.complaints.world import PHONE, add_case, complaint_world
from tests.notice_world import CST, jpeg


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path):  # type: ignore[no-untyped-def]
    return complaint_world(context, users, tmp_path)


def test_complaint_finding_notice_closed(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    office = world.office
    case = add_case(context, world)
    photo = prepare_file(jpeg(world.folder, 5), EVIDENCE_DERIVATIVES, limit_bytes=50 * 2**20)
    investigated, _ = context.complaints.investigate(office, case.id, notes="车载视频显示未等乘客坐稳即起步",
                                                     photos=[photo])
    assert investigated.events[-1].kind is EventKind.INVESTIGATION
    resolved, changes = context.complaints.resolve(office, case.id, liability="liable", measures="批评教育",
                                                   apology=True, finding_item="N1-1")
    assert len(resolved.finding_ids) == 1 and [e.kind for e in resolved.events][-2:] == [
        EventKind.RESULT, EventKind.FINDING]
    finding_id = resolved.finding_ids[0]
    inspection_id = context.db.execute("SELECT inspection_id FROM findings WHERE id = ?", [finding_id]).fetchone()[0]
    inspection = context.inspections.get(office, inspection_id)
    assert inspection.mode is InspectionMode.WALKAROUND and inspection.unit_id == world.unit_id
    finding = context.inspections.findings(office, inspection_id)[0]
    assert case.number in finding.note and case.intake.what in finding.note
    assert len(finding.photo_ids) == 1 and PHONE not in finding.note

    # An ordinary complaint's finding keeps the item's general severity: the office puts it on a
    # notice by choice (regulation 5.3 gives the written notice to major problems by default).
    with pytest.raises(ValidationError):
        context.notices.drafts(office, inspection_id)
    draft = context.notices.drafts(office, inspection_id, every_open=True)[0]
    assert draft.unit_id == world.unit_id
    notice, _ = context.notices.issue(office, draft)
    context.followups.acknowledge(office, notice.id, "孙站长")
    world.clock.now = datetime(2026, 11, 18, 10, 0, tzinfo=CST)
    context.followups.record_reply(office, notice.id, measures="已对司机进行服务培训", replied_on=date(2026, 11, 18),
                                   replied_by="孙站长")
    closed, successor, _ = context.followups.record_followup(
        office, notice.id, [FollowUpItemResult(position=1, result=FollowUpResult.PASS)])
    assert successor is None and closed.status is NoticeStatus.CLOSED
    assert context.inspections.findings(office, inspection_id)[0].status is FindingStatus.CLOSED

    context.complaints.feedback(office, case.id, opinion="satisfied")
    done, _ = context.complaints.close(office, case.id)
    assert done.finding_ids == (finding_id,)


def test_no_finding_on_a_not_liable_case_and_nothing_saved(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="无责")
    before = context.db.execute("SELECT count(*) FROM inspections").fetchone()[0]
    with pytest.raises(ValidationError):
        context.complaints.resolve(world.office, case.id, liability="not_liable", measures="解释",
                                   finding_item="N1-1")
    context.complaints.resolve(world.office, case.id, liability="not_liable", measures="解释")
    with pytest.raises(Conflict) as refused:
        context.complaints.make_finding(world.office, case.id, "N1-1")
    assert refused.value.code == "complaint_finding_not_liable"
    assert context.db.execute("SELECT count(*) FROM inspections").fetchone()[0] == before


def test_an_unknown_item_makes_no_inspection(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="x")
    with pytest.raises(Exception) as refused:
        context.complaints.resolve(world.office, case.id, liability="liable", measures="m", finding_item="ZZ-9")
    assert getattr(refused.value, "code", "") == "complaint_item_unknown"
    assert context.db.execute("SELECT count(*) FROM inspections").fetchone()[0] == 0
    assert context.complaints.get(world.office, case.id).liability is None


def test_a_finding_later_on_a_liable_case_is_its_own_step(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="x")
    context.complaints.resolve(world.office, case.id, liability="liable", measures="批评教育")
    made, changes = context.complaints.make_finding(world.office, case.id, "N1-2")
    assert len(made.finding_ids) == 1 and made.events[-1].data["findings"] == list(made.finding_ids)
    assert set(changes.changed) == {Entity.COMPLAINT, Entity.FINDING}
    action = context.db.execute("SELECT action FROM audit_log WHERE entity = 'complaint' ORDER BY id DESC").fetchone()
    assert action[0] == "complaint.finding"


def test_a_serious_complaints_finding_is_serious_and_proposed_for_a_notice(
    context: AppContext, world,  # type: ignore[no-untyped-def]
) -> None:
    """F2·3 5.3: 「针对重大问题和隐患,向责任单位负责人书面下发《客服质量整改通知单》」 — a 严重投诉
    found 有责 is such a problem: its finding is serious and the notice proposes it."""
    office = world.office
    case = add_case(context, world, severity="serious", behaviour="abuse")
    context.complaints.investigate(office, case.id, notes="车载视频证实辱骂乘客")
    resolved, _ = context.complaints.resolve(office, case.id, liability="liable", measures="停岗培训",
                                             apology=True, finding_item="N1-1")
    finding = context.inspections.findings(office, context.db.execute(
        "SELECT inspection_id FROM findings WHERE id = ?", [resolved.finding_ids[0]]).fetchone()[0])[0]
    assert finding.severity.value == "serious"
    [draft] = context.notices.drafts(office, finding.inspection_id)
    assert [item.finding_id for item in draft.items] == [finding.id]
