"""The vehicle and staff files: every completed inspection of the subject with its findings, the
notices carrying them (reissues included), their follow-ups and the score series, checked against
figures worked out by hand; covert visits are in the file for every reader but never with the
inspector's name, neither in the shapes nor in the PDF."""

from __future__ import annotations

import dataclasses
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.archives import SubjectArchive
from inspector.domain.errors import NotFound, PermissionDenied
from inspector.domain.inspections import AnswerResult, FindingStatus, InspectionMode
from inspector.domain.notices import FollowUpItemResult, FollowUpResult, NoticeStatus
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.words.messages import describe
from tests.notice_world import CST, NoticeWorld, completed_inspection, make_world
from tests.pdf import needs_tools


def _results(*results: FollowUpResult) -> list[FollowUpItemResult]:
    return [FollowUpItemResult(position=index, result=result) for index, result in enumerate(results, start=1)]


@pytest.fixture
def history(context: AppContext, users: dict[Role, User], second_supervisor: User, tmp_path: Path) -> NoticeWorld:
    """The bus's November, by hand:

    - 11-02 sup1 明查, N1-1 and N1-3 fail: 100 − 5 − 10 = 85 → notice 0001 (two problems);
    - 11-05 follow-up of 0001 by sup1: N1-1 passes, N1-3 fails → 0001 reissued as 0002;
    - 11-09 sup2 暗访, N1-2 fails: 100 − 3 = 97 → notice 0003 (covert);
    - 11-10 follow-up of 0002 by sup1 passes → closed; 11-11 sup2 follows 0003 up, passes → closed;
    - 11-12 sup1 明查, nothing fails: 100.
    """
    world = make_world(context, users, tmp_path, now=datetime(2026, 11, 2, 9, 0, tzinfo=CST))
    office = world.office
    first = completed_inspection(context, world, fails=("N1-1", "N1-3"), seed=1)
    notice_1, _ = context.notices.issue(office, context.notices.drafts(office, first.id, every_open=True)[0])
    world.clock.now = datetime(2026, 11, 5, 10, 0, tzinfo=CST)
    _, notice_2, _ = context.followups.record_followup(
        world.sup, notice_1.id, _results(FollowUpResult.PASS, FollowUpResult.FAIL), note="灭火器仍过期")
    covert_world = dataclasses.replace(world, sup=second_supervisor)
    world.clock.now = datetime(2026, 11, 9, 20, 0, tzinfo=CST)
    covert = completed_inspection(context, covert_world, mode=InspectionMode.COVERT, fails=("N1-2",), seed=2)
    notice_3, _ = context.notices.issue(office, context.notices.drafts(office, covert.id, every_open=True)[0])
    world.clock.now = datetime(2026, 11, 10, 10, 0, tzinfo=CST)
    context.followups.record_followup(world.sup, notice_2.id, _results(FollowUpResult.PASS))
    world.clock.now = datetime(2026, 11, 11, 10, 0, tzinfo=CST)
    context.followups.record_followup(second_supervisor, notice_3.id, _results(FollowUpResult.PASS))
    world.clock.now = datetime(2026, 11, 12, 9, 0, tzinfo=CST)
    completed_inspection(context, world, fails=(), seed=3)
    world.clock.now = datetime(2026, 11, 16, 9, 30, tzinfo=CST)
    return world


def test_the_vehicle_file_holds_every_inspection_finding_notice_and_follow_up(
    context: AppContext, history: NoticeWorld
) -> None:
    archive = context.archives.vehicle(history.manager, "粤A12345")
    subject = archive.subject
    assert (subject.plate, subject.fleet_no, subject.route, subject.unit_code, subject.unit_name) == (
        "粤A·12345", "1-0801", "8", "D01", "第一公交总站")
    assert archive.generated_on == date(2026, 11, 16)
    assert [(i.observed_at.date(), i.mode, i.score, i.max_score, i.inspector) for i in archive.inspections] == [
        (date(2026, 11, 2), InspectionMode.ONSITE, 85, 100, "sup1"),
        (date(2026, 11, 9), InspectionMode.COVERT, 97, 100, None),
        (date(2026, 11, 12), InspectionMode.ONSITE, 100, 100, "sup1"),
    ]
    first, covert, _ = archive.inspections
    assert [(f.item_code, f.item_text, f.severity.value, f.status, f.notice_numbers) for f in first.findings] == [
        ("N1-1", "车身无明显划痕", "general", FindingStatus.CLOSED, ("ZG-2026-11-0001",)),
        ("N1-3", "灭火器在有效期内", "serious", FindingStatus.CLOSED, ("ZG-2026-11-0001", "ZG-2026-11-0002")),
    ]
    assert [(f.item_code, f.notice_numbers) for f in covert.findings] == [("N1-2", ("ZG-2026-11-0003",))]
    assert archive.finding_count == 3
    assert [(n.number, n.status, n.successor_number, n.closed, n.late, n.overdue) for n in archive.notices] == [
        ("ZG-2026-11-0001", NoticeStatus.REISSUED, "ZG-2026-11-0002", False, False, False),
        ("ZG-2026-11-0002", NoticeStatus.CLOSED, None, True, False, False),
        ("ZG-2026-11-0003", NoticeStatus.CLOSED, None, True, False, False),
    ]
    assert [(f.notice_number, f.recorded_at.date(), f.result, f.recorded_by) for f in archive.followups] == [
        ("ZG-2026-11-0001", date(2026, 11, 5), FollowUpResult.FAIL, "sup1"),
        ("ZG-2026-11-0002", date(2026, 11, 10), FollowUpResult.PASS, "sup1"),
        ("ZG-2026-11-0003", date(2026, 11, 11), FollowUpResult.PASS, None),  # the covert notice's
    ]
    assert [(p.observed_on.day, p.percent) for p in archive.scores] == [(2, 85.0), (9, 97.0), (12, 100.0)]
    assert archive.average_percent == 94.0  # (85 + 97 + 100) / 3


def test_the_file_is_found_by_fleet_number_or_unspaced_plate_and_is_the_same(
    context: AppContext, history: NoticeWorld
) -> None:
    by_plate = context.archives.vehicle(history.office, "粤a 12345")
    by_fleet = context.archives.vehicle(history.office, "1-0801")
    assert by_plate == by_fleet and isinstance(by_plate, SubjectArchive)


def test_who_may_read_files_and_unknown_keys(context: AppContext, history: NoticeWorld, users) -> None:
    with pytest.raises(PermissionDenied):
        context.archives.vehicle(history.sup, "1-0801")  # supervisors do not read reports
    for reader in (history.office, history.manager, history.admin):
        assert len(context.archives.vehicle(reader, "1-0801").inspections) == 3
    with pytest.raises(NotFound) as missing:
        context.archives.vehicle(history.office, "粤Z99999")
    assert missing.value.code == "archive_vehicle_not_found" and "粤Z99999" in describe(missing.value)
    with pytest.raises(NotFound) as missing_staff:
        context.archives.staff(history.office, "X404")
    assert missing_staff.value.code == "archive_staff_not_found" and "X404" in describe(missing_staff.value)


def test_a_staff_file_without_inspections_shows_the_person(context: AppContext, history: NoticeWorld) -> None:
    context.registry.add(history.office, RegistryKind.STAFF,
                         {"staff_no": "D0042", "name": "陈晓东", "role": "driver", "unit_id": history.unit_id})
    archive = context.archives.staff(history.manager, "D0042")
    assert (archive.subject.name, archive.subject.staff_no, archive.subject.role, archive.subject.unit_name) == (
        "陈晓东", "D0042", "驾驶员", "第一公交总站")
    assert (archive.inspections, archive.notices, archive.scores, archive.average_percent) == ((), (), (), None)
    pdf = context.archives.export_staff(history.manager, "D0042", history.folder / "staff.pdf")
    assert pdf == archive and (history.folder / "staff.pdf").read_bytes().startswith(b"%PDF")


def test_a_staff_file_includes_vehicle_inspections_naming_them_responsible(
    context: AppContext, history: NoticeWorld
) -> None:
    driver, _ = context.registry.add(history.office, RegistryKind.STAFF,
                                     {"staff_no": "D0043", "name": "韩师傅", "role": "driver", "unit_id": history.unit_id})
    before = len(context.archives.vehicle(history.manager, "粤A12345").inspections)
    inspection, _ = context.inspections.start(history.sup, template_version_id=history.template_id,
                                              mode=InspectionMode.ONSITE, subject=history.vehicle,
                                              responsible_staff_id=driver.id)
    for code in ("N1-1", "N1-2", "N1-3", "N1-4"):
        context.inspections.answer(history.sup, inspection.id, code,
                                   AnswerResult.FAIL if code == "N1-2" else AnswerResult.PASS)
    context.inspections.complete(history.sup, inspection.id)
    archive = context.archives.staff(history.manager, "D0043")
    assert [row.id for row in archive.inspections] == [inspection.id]
    assert [f.item_code for row in archive.inspections for f in row.findings] == ["N1-2"]
    assert len(context.archives.vehicle(history.manager, "粤A12345").inspections) == before + 1
    plan = " ".join(str(row) for row in context.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM inspections WHERE ((subject_kind = 'staff' AND subject_id = ?)"
        " OR responsible_staff_id = ?) AND +status = 'completed'", [driver.id, driver.id]).fetchall())
    assert "inspections_responsible_staff" in plan and "inspections_subject" in plan  # no full scan


@needs_tools("pdftotext")
def test_the_pdf_names_the_open_inspector_and_never_the_covert_one(
    context: AppContext, history: NoticeWorld, tmp_path: Path
) -> None:
    target = tmp_path / "bus.pdf"
    context.archives.export_vehicle(history.manager, "1-0801", target)
    words = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], check=True,
                           capture_output=True, text=True).stdout
    assert "sup1" in words and "暗访" in words
    assert "sup2" not in words
    for number in ("ZG-2026-11-0001", "ZG-2026-11-0002", "ZG-2026-11-0003"):
        assert number in words
