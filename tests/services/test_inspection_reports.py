"""The written inspection report (书面检查报告 / 《客服质量检查记录》) for every inspection.

The regulation (seeds-digest D-121, D-105): 「检查结束后形成书面检查报告反馈各单位、部门，报送分管经理」
and 「并做好《客服质量检查记录》」 — so a clean inspection has its report too, and a covert visit's
report names no inspector, as its notices do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.errors import Conflict, NotFound, ValidationError
from inspector.domain.inspection_report import report_number
from inspector.domain.inspections import AnswerResult, InspectionMode
from inspector.domain.users import Role, User
from inspector.services.inspection_reports import ExportCancelled
from tests.notice_world import completed_inspection, make_world, signature_png
from tests.pdf import decompressed, page_count, pdftotext, squeezed

INSPECTOR = "张伟"


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], admin: User, tmp_path: Path):  # type: ignore[no-untyped-def]
    named, _ = context.users.create(admin, username="zhangwei", display_name=INSPECTOR, role=Role.SUPERVISOR,
                                    password="correct horse battery")
    return make_world(context, {**users, Role.SUPERVISOR: named}, tmp_path)


def test_a_clean_inspection_has_a_report_with_every_item_and_the_full_score(
    context: AppContext, world, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """「检查结束后形成书面检查报告反馈各单位、部门」: after every check, a clean one too."""
    inspection = completed_inspection(context, world, fails=())
    target = tmp_path / "out" / "report.pdf"
    report = context.inspection_reports.export(world.sup, inspection.id, target)
    assert [item.result for item in report.items] == [AnswerResult.PASS] * 4
    assert report.score == 100 and report.max_score == 100 and not report.veto_failed
    text = squeezed(pdftotext(target.read_bytes(), tmp_path))
    for expected in ("客服质量检查记录", "车容车貌检查表", "N1第1版（2026年1月起执行）", "车辆粤A·12345", "第一公交总站",
                     "明查", "检查人" + INSPECTOR, "得分：100/100（得分率100%）", "合格4项，不合格0项，不适用0项",
                     "N1-1", "车身无明显划痕", "N1-4", "安全锤齐全", "三、被检查方确认", report_number(inspection.id),
                     "第1页/共"):
        assert squeezed(expected) in text, expected
    assert not list(target.parent.glob(".*.tmp"))  # written by temp file + rename, nothing left over


def test_failed_items_show_severity_note_photos_and_the_deductions_per_section(
    context: AppContext, world, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """《客服质量检查记录》: every item with its result, the failed ones with what was seen."""
    inspection = completed_inspection(context, world, fails=("N1-1", "N1-3"))
    report = context.inspection_reports.report(world.sup, inspection.id)
    assert {section.code: section.deducted for section in report.sections} == {"A": 5, "B": 10}
    assert report.score == 85 and report.deducted == 15
    failed = [item for item in report.items if item.result is AnswerResult.FAIL]
    assert [(item.code, item.severity.value, len(item.photos)) for item in failed] == [  # type: ignore[union-attr]
        ("N1-1", "general", 1), ("N1-3", "serious", 1)]
    photo = failed[0].photos[0]
    assert "/print/" in photo.path.replace("\\", "/") or "print" in photo.path  # the print copy (annotated)
    pdf = context.inspection_reports.export(world.sup, inspection.id, tmp_path / "r.pdf")
    data = (tmp_path / "r.pdf").read_bytes()
    assert data.count(b"/DCTDecode") == 2  # both photos embedded, as JPEG files
    text = squeezed(pdftotext(data, tmp_path))
    for expected in ("不合格", "右侧后门处", "严重", "车身外观", "安全设施", "得分：85/100", "合计15", "附：问题照片"):
        assert squeezed(expected) in text, expected
    assert pdf.content_sha256 == pdf.content_hash()


def test_a_covert_report_names_no_inspector_in_text_metadata_or_raw_bytes(
    context: AppContext, world, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """暗访: the report says who checked as its notices do — the office, never the person."""
    covert = completed_inspection(context, world, mode=InspectionMode.COVERT, seed=2)
    report = context.inspection_reports.report(world.office, covert.id)
    assert report.inspector_name is None
    path = tmp_path / "covert.pdf"
    context.inspection_reports.export(world.office, covert.id, path)
    pdf = path.read_bytes()
    text = pdftotext(pdf, tmp_path)
    assert "暗访" in text and squeezed("检查人" + report.organisation_name) in squeezed(text)
    assert "被检查方确认" not in text  # not made known on site: nobody there to sign
    inflated = decompressed(pdf)
    for encoded in (INSPECTOR.encode("utf-8"), INSPECTOR.encode("utf-16-be"), b"zhangwei"):
        assert encoded not in pdf and encoded not in inflated
    assert INSPECTOR not in text
    # the same checks see the name on an onsite report: they are not blind
    onsite = completed_inspection(context, world, seed=3)
    context.inspection_reports.export(world.sup, onsite.id, tmp_path / "onsite.pdf")
    assert INSPECTOR in pdftotext((tmp_path / "onsite.pdf").read_bytes(), tmp_path)


def test_a_covert_report_is_refused_to_a_supervisor_who_did_not_make_the_visit(
    context: AppContext, world, second_supervisor: User, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    covert = completed_inspection(context, world, mode=InspectionMode.COVERT, seed=4)
    with pytest.raises(NotFound):
        context.inspection_reports.export(second_supervisor, covert.id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_a_draft_has_no_report_and_nothing_is_written(context: AppContext, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft, _ = context.inspections.start(world.sup, template_version_id=world.template_id,
                                         mode=InspectionMode.ONSITE, subject=world.vehicle)
    with pytest.raises(Conflict) as refused:
        context.inspection_reports.export(world.sup, draft.id, tmp_path / "d.pdf")
    assert refused.value.code == "inspection_report_draft"
    assert not (tmp_path / "d.pdf").exists()


def test_the_on_site_acknowledgement_prints_the_signer_and_the_drawn_signature(
    context: AppContext, world, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """「反馈各单位」: the inspected party may confirm the result on site, signing on the laptop."""
    inspection = completed_inspection(context, world, fails=("N1-2",), seed=5)
    before = context.inspection_reports.report(world.sup, inspection.id)
    context.inspection_reports.acknowledge(world.sup, inspection.id, " 李师傅 ", signature_png())
    after = context.inspection_reports.report(world.sup, inspection.id)
    assert after.acknowledgement is not None and after.acknowledgement.signer_name == "李师傅"
    assert after.content_sha256 != before.content_sha256
    context.inspection_reports.export(world.sup, inspection.id, tmp_path / "a.pdf")
    pdf = (tmp_path / "a.pdf").read_bytes()
    assert b"/SMask" in pdf  # the transparent drawn signature
    text = squeezed(pdftotext(pdf, tmp_path))
    assert squeezed("确认人 李师傅") in text and "以上检查情况属实" in text
    entries = [row for row in context.db.execute(
        "SELECT action FROM audit_log WHERE action = 'inspection.acknowledge'").fetchall()]
    assert len(entries) == 1


def test_an_acknowledgement_is_refused_for_a_covert_visit_or_without_a_name(
    context: AppContext, world  # type: ignore[no-untyped-def]
) -> None:
    covert = completed_inspection(context, world, mode=InspectionMode.COVERT, seed=6)
    with pytest.raises(Conflict):
        context.inspection_reports.acknowledge(world.sup, covert.id, "李师傅")
    onsite = completed_inspection(context, world, seed=7)
    with pytest.raises(ValidationError):
        context.inspection_reports.acknowledge(world.sup, onsite.id, "  ")
    assert context.inspection_reports.report(world.sup, onsite.id).acknowledgement is None


def test_a_month_exports_as_one_pdf_each_report_with_its_own_footer(
    context: AppContext, world, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    first = completed_inspection(context, world, fails=(), seed=8)
    second = completed_inspection(context, world, fails=("N1-1",), seed=9)
    ids = context.inspection_reports.month_ids(world.office, "2026-11")
    assert ids == [first.id, second.id]
    assert context.inspection_reports.month_ids(world.office, "2026-10") == []
    seen: list[tuple[int, int]] = []
    target = tmp_path / "month.pdf"
    reports = context.inspection_reports.export_many(world.office, ids, target,
                                                     progress=lambda done, total: seen.append((done, total)) or True)
    assert [report.inspection_id for report in reports] == ids
    assert seen[-1][0] == seen[-1][1] and len(seen) == 3
    pdf = target.read_bytes()
    assert page_count(pdf) >= 2
    text = pdftotext(pdf, tmp_path)
    assert report_number(first.id) in text and report_number(second.id) in text
    pages = [pdftotext(pdf, tmp_path, page=page) for page in range(1, page_count(pdf) + 1)]
    owners = [first.id if report_number(first.id) in page else second.id for page in pages]
    assert owners == sorted(owners) and set(owners) == {first.id, second.id}
    starts = [page for page, owner in zip(pages, owners, strict=True) if owner == second.id]
    assert "第 1 页 / 共" in starts[0]  # the second report counts its own pages from 1
    assert f"共 {len(starts)} 页" in starts[-1]


def test_a_cancelled_export_writes_nothing(context: AppContext, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = [completed_inspection(context, world, fails=(), seed=seed).id for seed in (10, 11)]
    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        context.inspection_reports.export_many(world.office, ids, target, progress=lambda done, total: done < 1)
    assert not target.exists() and not list(tmp_path.glob(".*.tmp"))


def test_a_bad_month_is_a_clear_error(context: AppContext, world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        context.inspection_reports.month_ids(world.office, "2026-13")
    assert refused.value.params["field"] == "--month"


def test_a_walk_around_report_lists_its_findings_only_and_carries_no_score(
    context: AppContext, world, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """A walk-around records findings (日清日结), it is not a checklist: its report lists what it
    found and is not scored (#13 point 4: never in scores)."""
    walk = completed_inspection(context, world, mode=InspectionMode.WALKAROUND, fails=("N1-2",), seed=12)
    report = context.inspection_reports.report(world.sup, walk.id)
    assert [item.code for item in report.items] == ["N1-2"]
    assert report.score is None and report.sections == () and not report.veto_failed
    context.inspection_reports.export(world.sup, walk.id, tmp_path / "w.pdf")
    text = squeezed(pdftotext((tmp_path / "w.pdf").read_bytes(), tmp_path))
    assert "走动式检查记录发现的问题，不评分" in text and "发现问题1项" in text and "得分：" not in text
    assert "二、发现的问题" in text and "N1-1" not in text


def test_an_acknowledgement_given_before_a_reopening_is_not_printed_for_the_new_result(
    context: AppContext, world  # type: ignore[no-untyped-def]
) -> None:
    """The party confirmed 「以上检查情况属实」 for one result; reopened and completed again, the
    result may differ, so the report asks for a new acknowledgement."""
    from datetime import timedelta

    inspection = completed_inspection(context, world, fails=("N1-2",), seed=13)
    context.inspection_reports.acknowledge(world.sup, inspection.id, "李师傅")
    assert context.inspection_reports.report(world.sup, inspection.id).acknowledgement is not None
    world.clock.now += timedelta(minutes=5)
    context.inspections.reopen(world.office, inspection.id, "补录照片")
    context.inspections.complete(world.sup, inspection.id)
    assert context.inspection_reports.report(world.sup, inspection.id).acknowledgement is None
    world.clock.now += timedelta(minutes=5)
    context.inspection_reports.acknowledge(world.sup, inspection.id, "李师傅")
    assert context.inspection_reports.report(world.sup, inspection.id).acknowledgement is not None
