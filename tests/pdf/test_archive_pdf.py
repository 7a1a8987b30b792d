"""The vehicle / staff file PDF drawn from hand-made archives: the bundled font embedded (and no
other), the facts, tables and chart labels present as text, a covert row without a name, and the
same archive giving the same bytes."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path

import pytest

from inspector.domain.archives import (
    ArchiveFinding,
    ArchiveFollowUp,
    ArchiveInspection,
    ArchiveNotice,
    ArchiveSubject,
    SubjectArchive,
    score_series,
)
from inspector.domain.inspections import FindingStatus, InspectionMode
from inspector.domain.notices import FollowUpResult, NoticeStatus
from inspector.domain.templates import Severity, SubjectKind
from inspector.pdf.archive_pdf import _tick_steps, render_archive, score_range
from tests.pdf import needs_tools

CST = timezone(timedelta(hours=8))
POPPLER = needs_tools("pdftotext", "pdffonts")


def _inspection(index: int, day: date, score: float, *, mode: InspectionMode = InspectionMode.ONSITE,
                veto: bool = False, findings: tuple[ArchiveFinding, ...] = ()) -> ArchiveInspection:
    return ArchiveInspection(
        id=index, observed_at=datetime(day.year, day.month, day.day, 9, 0, tzinfo=CST), mode=mode,
        template_code="T1", template_title="车容车貌检查表", score=score, max_score=100, veto_failed=veto,
        inspector=None if mode is InspectionMode.COVERT else "张伟", findings=findings)


def vehicle_archive(inspections: int = 14) -> SubjectArchive:
    finding = ArchiveFinding(id=1, item_code="T1-1.3", item_text="车窗玻璃洁净", severity=Severity.SERIOUS,
                             note="右侧后门处", status=FindingStatus.NOTICED, notice_numbers=("ZG-2026-11-0007",))
    rows = [
        _inspection(index, date(2026, 1, 5) + timedelta(days=23 * index), 70 + (index * 7) % 31,
                    mode=InspectionMode.COVERT if index % 4 == 1 else InspectionMode.ONSITE,
                    veto=index == 5, findings=(finding,) if index == 13 else ())
        for index in range(inspections)
    ]
    return SubjectArchive(
        subject=ArchiveSubject(kind=SubjectKind.VEHICLE, id=1, plate="粤B·12345", fleet_no="1C-008", route="M201",
                               model="比亚迪K8", unit_code="D01", unit_name="一号总站"),
        generated_on=date(2026, 11, 20), organisation_name="服务质量管理办公室", inspections=tuple(rows),
        notices=(ArchiveNotice(id=7, number="ZG-2026-11-0007", inspection_id=13, status=NoticeStatus.ISSUED,
                               issued_at=datetime(2026, 11, 10, 10, 0, tzinfo=CST), deadline=date(2026, 11, 13),
                               overdue=True, recurred=True),),
        followups=(ArchiveFollowUp(notice_number="ZG-2026-11-0007", recorded_at=datetime(2026, 11, 14, tzinfo=CST),
                                   result=FollowUpResult.FAIL, note="仍未清洁", recorded_by=None),),
        scores=score_series(rows),
    )


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@POPPLER
def test_the_vehicle_file_embeds_only_the_bundled_font_and_shows_its_contents(tmp_path: Path) -> None:
    target = tmp_path / "vehicle.pdf"
    target.write_bytes(render_archive(vehicle_archive()))
    fonts = subprocess.run(["pdffonts", str(target)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("WenQuanYiMicroHei" in row and " yes yes " in row for row in rows), fonts
    words = _text(target)
    for expected in ("车辆服务质量档案", "粤B·12345", "1C-008", "M201", "一号总站", "得分趋势", "检查记录",
                     "车窗玻璃洁净", "ZG-2026-11-0007", "逾期、再次发生", "一票否决", "2026-01-05", "第1页/共2页"):
        assert expected in words, expected
    assert "共检查 14 次（其中暗访 4 次）" in words  # indexes 1, 5, 9, 13 are covert
    assert "（暗访）" in words


@POPPLER
def test_a_staff_file_without_history_says_so(tmp_path: Path) -> None:
    archive = SubjectArchive(
        subject=ArchiveSubject(kind=SubjectKind.STAFF, id=3, name="陈晓东", staff_no="D0042", role="驾驶员",
                               unit_code="D01", unit_name="一号总站"),
        generated_on=date(2026, 11, 20))
    target = tmp_path / "staff.pdf"
    target.write_bytes(render_archive(archive))
    words = _text(target)
    for expected in ("个人服务质量档案", "陈晓东", "D0042", "驾驶员", "暂无已评分的检查", "暂无检查记录", "未发现问题",
                     "暂无整改通知单", "暂无复查记录", "共检查 0 次"):
        assert expected in words, expected


def test_the_same_archive_gives_the_same_bytes() -> None:
    archive = vehicle_archive(3)
    first = render_archive(archive)
    assert first.startswith(b"%PDF") and render_archive(archive) == first
    later = archive.model_copy(update={"generated_on": date(2026, 11, 21)})
    assert render_archive(later) != first


def test_time_axis_labels_keep_apart_and_include_both_ends() -> None:
    days = [date(2026, 5, 27), date(2026, 6, 6), date(2026, 6, 8), date(2026, 6, 11), date(2026, 7, 6),
            date(2026, 9, 21), date(2026, 10, 12), date(2026, 11, 10), date(2026, 11, 11)]
    points = score_series([_inspection(index, day, 90) for index, day in enumerate(days)])
    steps = _tick_steps(points)
    span = days[-1].toordinal() - days[0].toordinal()  # 168 days → labels at least 28 days apart
    assert steps[0] == days[0].toordinal() and steps[-1] == days[-1].toordinal()
    assert all(later - earlier >= span / 6 for earlier, later in pairwise(steps))
    assert [date.fromordinal(step) for step in steps] == [
        date(2026, 5, 27), date(2026, 7, 6), date(2026, 9, 21), date(2026, 11, 11)]
    single = score_series([_inspection(1, date(2026, 3, 1), 80)])
    assert _tick_steps(single) == [date(2026, 3, 1).toordinal()]


def test_score_axis_starts_five_points_below_the_lowest_score_rounded_to_ten() -> None:
    def axis(*scores: float) -> tuple[int, int, int]:
        return score_range(score_series([_inspection(i, date(2026, 1, 1 + i), s) for i, s in enumerate(scores)]))

    assert axis(84, 98, 100) == (70, 100, 5)  # 84 − 5 = 79 → 70
    assert axis(100) == (90, 100, 5)
    assert axis(55, 90) == (50, 100, 10)  # 55 − 5 = 50
    assert axis(0, 90) == (0, 100, 20)  # a veto failure scores zero
