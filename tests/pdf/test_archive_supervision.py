"""The vehicle file (一车一档) and the staff file answer what the regulation asks a service-quality
supervision file to record (seeds-digest D-101, F2·1): 「建立服务质量监督档案，及时、准确、真实的记录
车辆运行、服务情况。是否有违章，是否有旅客投诉，旅客意见、建议的处理结果情况」 — from the inspections
and notices now; complaints once the complaint register exists (until then the file says so
rather than answering 无)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from inspector.domain.archives import ArchiveFinding, ArchiveNotice, ArchiveSubject, SubjectArchive
from inspector.domain.inspections import FindingStatus
from inspector.domain.notices import NoticeStatus
from inspector.domain.templates import Severity, SubjectKind
from inspector.pdf.archive_pdf import NO_COMPLAINT_REGISTER, render_archive, supervision_answers
from tests.pdf import pdftotext, squeezed
from tests.pdf.test_archive_pdf import CST, _inspection, vehicle_archive


def _finding(number: int, status: FindingStatus, severity: Severity = Severity.GENERAL,
             notices: tuple[str, ...] = ()) -> ArchiveFinding:
    return ArchiveFinding(id=number, item_code=f"T1-1.{number}", item_text="车窗玻璃洁净", severity=severity,
                          status=status, notice_numbers=notices)


def _notice(number: int, status: NoticeStatus, **flags: bool) -> ArchiveNotice:
    return ArchiveNotice(id=number, number=f"ZG-2026-11-000{number}", inspection_id=1, status=status,
                         issued_at=datetime(2026, 11, 3, 10, 0, tzinfo=CST), deadline=date(2026, 11, 6),
                         closed_at=datetime(2026, 11, 9, tzinfo=CST) if status is NoticeStatus.CLOSED else None,
                         **flags)


def test_the_file_answers_violations_complaints_and_how_they_were_handled(tmp_path: Path) -> None:
    """「是否有违章，是否有旅客投诉，旅客意见、建议的处理结果情况」: three answers on the first page."""
    findings = (_finding(1, FindingStatus.CLOSED, Severity.SERIOUS, ("ZG-2026-11-0001",)),
                _finding(2, FindingStatus.NOTICED, notices=("ZG-2026-11-0002",)),
                _finding(3, FindingStatus.FIXED_ON_SPOT), _finding(4, FindingStatus.OPEN))
    archive = SubjectArchive(
        subject=ArchiveSubject(kind=SubjectKind.VEHICLE, id=1, plate="粤B·12345", fleet_no="1C-008"),
        generated_on=date(2026, 11, 20),
        inspections=(_inspection(1, date(2026, 11, 2), 80, findings=findings[:2]),
                     _inspection(2, date(2026, 11, 5), 95, findings=findings[2:]),
                     _inspection(3, date(2026, 11, 12), 100)),
        notices=(_notice(1, NoticeStatus.CLOSED, late=True), _notice(2, NoticeStatus.ISSUED, overdue=True)),
    )
    facts = archive.supervision()
    assert (facts.inspections, facts.violations, facts.serious, facts.found_in) == (3, 4, 1, 2)
    assert (facts.notices, facts.notices_closed, facts.notices_closed_late, facts.notices_open,
            facts.notices_overdue, facts.fixed_on_spot, facts.awaiting) == (2, 1, 1, 1, 1, 1, 1)
    assert facts.complaints is None  # no complaint register yet: not "no complaints"
    page = squeezed(pdftotext(render_archive(archive), tmp_path, page=1))
    for expected in ("服务质量监督情况", "是否有违章", "有：检查3次，其中2次发现问题，共4项，其中严重1项",
                     "是否有旅客投诉", NO_COMPLAINT_REGISTER, "处理结果情况",
                     "整改通知单2份：已闭环1份（其中整改不及时1份），整改中1份（逾期1份）", "当场整改1项", "尚未处理1项"):
        assert squeezed(expected) in page, expected


def test_a_clean_file_says_no_violation_and_an_empty_one_says_no_inspection() -> None:
    clean = vehicle_archive(3)
    clean = clean.model_copy(update={"inspections": tuple(i.model_copy(update={"findings": ()})
                                                          for i in clean.inspections), "notices": ()})
    answers = dict(supervision_answers(clean))
    assert answers["是否有违章"] == "无：3 次检查均未发现问题"
    assert answers["处理结果情况"] == "无需处理"
    empty = clean.model_copy(update={"inspections": ()})
    assert dict(supervision_answers(empty))["是否有违章"] == "暂无检查记录"


def test_the_staff_file_carries_the_same_answers(tmp_path: Path) -> None:
    """The personal file too: 「个人服务质量档案……记录每天的服务动态及每次的服务质量检查情况」."""
    archive = vehicle_archive(4).model_copy(update={"subject": ArchiveSubject(
        kind=SubjectKind.STAFF, id=2, name="李明", staff_no="D10070", role="驾驶员")})
    text = squeezed(pdftotext(render_archive(archive), tmp_path, page=1))
    assert "个人服务质量档案" in text and "是否有违章" in text and squeezed(NO_COMPLAINT_REGISTER) in text
