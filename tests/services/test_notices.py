"""Rectification notices as a use case: drafts from findings, gapless numbers, immutable issued
rows and PDFs, covert masking, receipt → reply → follow-up (fail reissues, pass closes), flags,
the dashboard figures, corrections and walk-around findings fixed on the spot."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.errors import Conflict, InspectorError, NotFound, PermissionDenied, ValidationError
from inspector.domain.inspections import FindingStatus, InspectionMode
from inspector.domain.notices import FollowUpItemResult, FollowUpResult, NoticeFlag, NoticeStatus
from inspector.domain.users import Role, User
from tests.notice_world import CST, NoticeWorld, completed_inspection, jpeg, make_world
from inspector.words.messages import describe
from tests.pdf import decompressed, need, pdftotext, squeezed


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


def _count(context: AppContext, table: str) -> int:
    return int(context.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _issue(context: AppContext, world: NoticeWorld, **kwargs):
    inspection = completed_inspection(context, world, **kwargs)
    draft = context.notices.drafts(world.office, inspection.id, every_open=True)[0]
    notice, _ = context.notices.issue(world.office, draft)
    return inspection, notice


def test_draft_takes_the_strictest_period_and_the_units_head(context: AppContext, world: NoticeWorld) -> None:
    inspection = completed_inspection(context, world, fails=("N1-1", "N1-3", "N1-4"))
    [draft] = context.notices.drafts(world.office, inspection.id, every_open=True)
    assert (draft.addressee_unit, draft.addressee) == ("第一公交总站", "赵建国")
    assert [(item.item_code, item.working_days) for item in draft.items] == [("N1-1", 5), ("N1-3", 3), ("N1-4", 10)]
    assert draft.items[0].problem == "车身无明显划痕：右侧后门处"
    assert draft.items[1].measure == "过期灭火器立即更换"
    # issued Monday 2026-11-16: three working days → Thursday 19th; follow-up Friday 20th
    assert (draft.working_days, draft.deadline, draft.followup_date) == (3, date(2026, 11, 19), date(2026, 11, 20))
    assert not draft.deadline_estimated
    chosen = context.notices.drafts(world.office, inspection.id, finding_ids=[draft.items[2].finding_id])
    assert [item.item_code for item in chosen[0].items] == ["N1-4"] and chosen[0].working_days == 10


def test_a_notice_proposes_the_serious_findings_and_general_ones_are_put_right_at_once(
    context: AppContext, world: NoticeWorld,
) -> None:
    """Regulation F2·3 5.3: 「…发现的问题和隐患,责令责任单位立即整改。针对重大问题和隐患,向责任
    单位负责人书面下发《客服质量整改通知单》」. By default the notice carries the serious N1-3
    only; the general N1-1 and N1-4 stay open for the office to add by choice; an inspection
    with only general problems gets no notice unless the office chooses them."""
    inspection = completed_inspection(context, world, fails=("N1-1", "N1-3", "N1-4"))
    [draft] = context.notices.drafts(world.office, inspection.id)
    assert [item.item_code for item in draft.items] == ["N1-3"] and draft.working_days == 3
    general_only = completed_inspection(context, world, fails=("N1-1", "N1-4"), seed=2)
    with pytest.raises(ValidationError) as refused:
        context.notices.drafts(world.office, general_only.id)
    assert refused.value.code == "no_serious_findings" and refused.value.params["general"] == 2
    assert "立即整改" in describe(refused.value) and "only general problems (2)" in describe(refused.value)
    [chosen] = context.notices.drafts(world.office, general_only.id, finding_ids=[
        finding.id for finding in context.inspections.findings(world.office, general_only.id)
        if finding.item_code == "N1-1"])
    assert [item.item_code for item in chosen.items] == ["N1-1"] and chosen.working_days == 5
    assert _count(context, "notices") == 0


def test_numbers_are_gapless_per_year_and_a_failed_issue_gives_its_number_back(
    context: AppContext, world: NoticeWorld
) -> None:
    _, first = _issue(context, world, seed=1)
    assert first.number == "ZG-2026-11-0001"
    inspection = completed_inspection(context, world, seed=2)
    draft = context.notices.drafts(world.office, inspection.id, every_open=True)[0]
    context.db.execute("CREATE TRIGGER boom BEFORE INSERT ON notice_state BEGIN SELECT RAISE(ABORT, 'boom'); END")
    with pytest.raises(sqlite3.IntegrityError):
        context.notices.issue(world.office, draft)
    context.db.execute("DROP TRIGGER boom")
    assert _count(context, "notices") == 1
    second, _ = context.notices.issue(world.office, draft)
    assert second.number == "ZG-2026-11-0002"
    world.clock.now = datetime(2027, 1, 4, 9, 0, tzinfo=CST)
    _, third = _issue(context, world, seed=3)
    assert third.number == "ZG-2027-01-0001"  # counted per year


def test_issued_notices_and_their_pdfs_are_immutable(context: AppContext, world: NoticeWorld) -> None:
    _, notice = _issue(context, world)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        context.db.execute("UPDATE notices SET addressee = 'x' WHERE id = ?", [notice.id])
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        context.db.execute("DELETE FROM notice_items WHERE notice_id = ?", [notice.id])
    data = context.notice_files.issued_pdf(world.office, notice.id)
    assert data.startswith(b"%PDF") and len(data) > 10_000
    path = context.notices.pdf_file(world.office, notice.id)
    path.write_bytes(data[:-10] + b"0123456789")
    with pytest.raises(InspectorError) as raised:
        context.notice_files.issued_pdf(world.office, notice.id)
    assert raised.value.code == "notice_pdf_changed"


def test_only_the_quality_office_issues_and_a_refusal_writes_nothing(context: AppContext, world: NoticeWorld) -> None:
    inspection = completed_inspection(context, world)
    draft = context.notices.drafts(world.office, inspection.id, every_open=True)[0]
    before = (_count(context, "notices"), _count(context, "audit_log"))
    for user in (world.sup, world.manager, world.admin):
        with pytest.raises(PermissionDenied):
            context.notices.issue(user, draft)
    assert (_count(context, "notices"), _count(context, "audit_log")) == before
    context.notices.issue(world.office, draft)
    with pytest.raises(Conflict):  # the same findings twice
        context.notices.issue(world.office, draft)


def test_a_covert_notice_never_names_the_inspector(context: AppContext, world: NoticeWorld, admin: User) -> None:
    need("pdftotext")
    undercover, _ = context.users.create(admin, username="covert1", display_name="钱暗访", role=Role.SUPERVISOR,
                                         password="secret-pass")
    world.sup = undercover
    _, notice = _issue(context, world, mode=InspectionMode.COVERT)
    path = context.notices.pdf_file(world.office, notice.id)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "经暗访检查发现" in text and "钱暗访" not in text
    assert "钱暗访".encode("utf-16-be") not in path.read_bytes()
    assert "钱暗访" not in context.db.execute("SELECT document FROM notices").fetchone()[0]
    assert notice.covert


def _followup(results: dict[int, FollowUpResult], photos: dict[int, list[int]] | None = None):
    return [FollowUpItemResult(position=p, result=r, photo_ids=tuple((photos or {}).get(p, ())))
            for p, r in results.items()]


def test_receipt_reply_failed_followup_reissues_then_a_pass_closes(context: AppContext, world: NoticeWorld) -> None:
    inspection, notice = _issue(context, world)
    sup = world.sup
    with pytest.raises(ValidationError):  # a follow-up gives a result for every problem
        context.followups.record_followup(sup, notice.id, _followup({1: FollowUpResult.PASS}))
    context.followups.acknowledge(sup, notice.id, "孙站长")
    assert context.notices.get(sup, notice.id).status is NoticeStatus.ACKNOWLEDGED
    with pytest.raises(ValidationError):
        context.followups.record_reply(sup, notice.id, measures=" ", replied_on=date(2026, 11, 17), replied_by="孙")
    world.clock.now = datetime(2026, 11, 18, 10, 0, tzinfo=CST)
    after = context.photos.ingest(sup, jpeg(world.folder, 901))
    context.followups.record_reply(sup, notice.id, measures="已补漆，灭火器已更换", replied_on=date(2026, 11, 18),
                                   replied_by="孙站长", photo_ids=[after.id])
    assert context.notices.get(sup, notice.id).status is NoticeStatus.REPLIED
    world.clock.now = datetime(2026, 11, 20, 10, 0, tzinfo=CST)
    fixed = context.photos.ingest(sup, jpeg(world.folder, 902))
    old, new, _ = context.followups.record_followup(
        sup, notice.id, _followup({1: FollowUpResult.PASS, 2: FollowUpResult.FAIL}, {1: [fixed.id]}))
    assert old.status is NoticeStatus.REISSUED and old.successor_number == new.number == "ZG-2026-11-0002"
    assert new.reissue_of_number == notice.number and new.item_count == 1
    # the new deadline counts from the follow-up day (Fri 20th + 3 working days → Wed 25th)
    assert new.deadline == date(2026, 11, 25)
    statuses = {f.item_code: f.status for f in context.inspections.findings(sup, inspection.id)}
    assert statuses == {"N1-1": FindingStatus.CLOSED, "N1-3": FindingStatus.NOTICED}
    assert NoticeFlag.UNFINISHED in old.flags(date(2026, 11, 20))
    world.clock.now = datetime(2026, 11, 24, 15, 0, tzinfo=CST)
    closed, successor, _ = context.followups.record_followup(sup, new.id, _followup({1: FollowUpResult.PASS}))
    assert successor is None and closed.status is NoticeStatus.CLOSED and not closed.late()
    assert {f.status for f in context.inspections.findings(sup, inspection.id)} == {FindingStatus.CLOSED}
    with pytest.raises(Conflict):
        context.followups.acknowledge(sup, new.id, "孙站长")
    record = context.notice_files.record_pdf(sup, notice.id)
    assert record.startswith(b"%PDF")
    actions = [row[0] for row in context.db.execute("SELECT action FROM audit_log WHERE entity = 'notice' ORDER BY id")]
    assert actions == ["notice.issue", "notice.acknowledge", "notice.reply", "notice.issue", "notice.followup",
                       "notice.followup"]


def test_overdue_late_and_recurred_flags_and_the_dashboard(context: AppContext, world: NoticeWorld) -> None:
    _, first = _issue(context, world, fails=("N1-1",), seed=1)  # due Mon 23rd (5 working days)
    assert first.deadline == date(2026, 11, 23)
    world.clock.now = datetime(2026, 11, 20, 9, 0, tzinfo=CST)
    _, second = _issue(context, world, fails=("N1-1",), seed=2)  # the same item on the same bus again
    assert second.recurred and not first.recurred
    board = context.notices.dashboard(world.office)
    assert (board.open, board.due_this_week, board.overdue) == (2, 0, 0)
    world.clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=CST)
    assert [n.number for n in context.notices.overdue(world.office)] == [first.number]
    assert context.notices.dashboard(world.office).overdue == 1
    context.followups.record_followup(world.sup, first.id, _followup({1: FollowUpResult.PASS}))
    closed = context.notices.get(world.office, first.id)
    assert closed.late() and NoticeFlag.LATE in closed.flags(date(2026, 11, 24))
    board = context.notices.dashboard(world.office)
    assert (board.closed_this_month, board.closed_on_time_this_month, board.overdue) == (1, 0, 0)
    assert [n.number for n in context.notices.list(world.office, flag=NoticeFlag.RECURRED)] == [second.number]
    assert [n.number for n in context.notices.list(world.office, text="第一公交")] == [second.number, first.number]


def test_a_correction_supersedes_the_open_notice(context: AppContext, world: NoticeWorld) -> None:
    _, notice = _issue(context, world)
    draft = context.notices.correction_draft(world.office, notice.id)
    fixed = draft.model_copy(update={"addressee": "赵建国（站长）"})
    new, _ = context.notices.issue(world.office, fixed)
    assert new.supersedes_number == notice.number
    assert context.notices.get(world.office, notice.id).status is NoticeStatus.SUPERSEDED
    with pytest.raises(Conflict):
        context.notices.correction_draft(world.office, notice.id)


def test_deadline_beyond_the_known_calendar_is_estimated_until_the_office_enters_it(
    context: AppContext, world: NoticeWorld
) -> None:
    world.clock.now = datetime(2026, 12, 28, 9, 0, tzinfo=CST)
    inspection = completed_inspection(context, world)
    [draft] = context.notices.drafts(world.office, inspection.id, every_open=True)
    assert draft.deadline_estimated and draft.deadline == date(2026, 12, 31)  # 3 days; follow-up in 2027
    context.settings.update(world.office, calendar={"holidays": ["2027-01-01"], "workdays": []})
    [draft] = context.notices.drafts(world.office, inspection.id, every_open=True)
    assert not draft.deadline_estimated and draft.followup_date == date(2027, 1, 4)


def test_walkaround_findings_can_be_fixed_on_the_spot(context: AppContext, world: NoticeWorld) -> None:
    walk = completed_inspection(context, world, mode=InspectionMode.WALKAROUND, fails=("N1-2",))
    [finding] = context.inspections.findings(world.sup, walk.id)
    context.notices.fix_on_spot(world.sup, finding.id, "当场擦净")
    assert context.inspections.findings(world.sup, walk.id)[0].status is FindingStatus.FIXED_ON_SPOT
    with pytest.raises(ValidationError):
        context.notices.drafts(world.office, walk.id, every_open=True)  # nothing left for a notice
    onsite = completed_inspection(context, world, seed=5)
    with pytest.raises(ValidationError):
        context.notices.fix_on_spot(world.sup, context.inspections.findings(world.sup, onsite.id)[0].id)


def test_another_supervisor_fails_a_covert_follow_up_and_the_notice_is_reissued(
    context: AppContext, world: NoticeWorld, second_supervisor: User
) -> None:
    _, notice = _issue(context, world, mode=InspectionMode.COVERT)
    with pytest.raises(NotFound):  # the visit itself stays hidden from them…
        context.inspections.get(second_supervisor, notice.inspection_id)
    world.clock.now = datetime(2026, 11, 20, 10, 0, tzinfo=CST)
    old, new, _ = context.followups.record_followup(  # …but they follow the notice up
        second_supervisor, notice.id, _followup({1: FollowUpResult.FAIL, 2: FollowUpResult.PASS}))
    assert old.status is NoticeStatus.REISSUED and new is not None and new.covert and new.item_count == 1
    assert new.issued_by == second_supervisor.id


def test_the_follow_up_checker_of_a_covert_notice_is_never_named(
    context: AppContext, world: NoticeWorld, admin: User, tmp_path: Path
) -> None:
    """Issue #12.1: covert visit → notice → another supervisor fails the follow-up (one item
    passed, with a photo) → the manager exports the record. Neither the record PDF nor the
    reissued notice's stored document may name the checker (nor the inspector)."""
    need("pdftotext")
    inspector, _ = context.users.create(admin, username="covert2", display_name="钱暗访", role=Role.SUPERVISOR,
                                        password="secret-pass")
    checker, _ = context.users.create(admin, username="checker", display_name="孙复查", role=Role.SUPERVISOR,
                                      password="secret-pass")
    world.sup = inspector
    _, notice = _issue(context, world, mode=InspectionMode.COVERT)
    world.clock.now = datetime(2026, 11, 20, 10, 0, tzinfo=CST)
    after = context.photos.ingest(checker, jpeg(world.folder, 902))
    _, reissued, _ = context.followups.record_followup(
        checker, notice.id, _followup({1: FollowUpResult.FAIL, 2: FollowUpResult.PASS}, {2: [after.id]}))
    assert reissued is not None and reissued.covert

    record = context.notice_files.record_pdf(world.manager, notice.id)
    text = pdftotext(record, tmp_path)
    organisation = context.settings.get().organisation_name
    assert f"复查人：{organisation}" in squeezed(text)
    inflated = decompressed(record)
    for name in ("孙复查", "钱暗访"):
        assert name not in text
        for encoded in (name.encode("utf-8"), name.encode("utf-16-be")):
            assert encoded not in record and encoded not in inflated, name
    for number, document in context.db.execute("SELECT number, document FROM notices").fetchall():
        assert "孙复查" not in document and "钱暗访" not in document, number
        stored = json.loads(document)
        assert (stored["issuer_name"], stored["inspector_name"], stored["covert"]) == (organisation, None, True)
    reissued_record = context.notice_files.record_pdf(world.manager, reissued.id)
    assert "孙复查" not in pdftotext(reissued_record, tmp_path) and "孙复查".encode("utf-16-be") not in reissued_record

    # the same checks see the name on an on-site notice's record: they are not blind
    _, onsite = _issue(context, world, seed=7)
    context.followups.record_followup(checker, onsite.id, _followup({1: FollowUpResult.PASS, 2: FollowUpResult.PASS}))
    assert "复查人：孙复查" in squeezed(pdftotext(context.notice_files.record_pdf(world.manager, onsite.id), tmp_path))
