"""Demo notices: every status, overdue, late and recurred notices, walk-around findings fixed on
the spot, receipts with a drawn signature, replies with after-photos, successors of reissued and
corrected notices, the local CA with a signed and a sealed copy, times that follow their inspections, the
real clock restored, ``check`` passing, and a second demo refused without adding anything."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from inspector.context import AppContext, open_context
from inspector.domain.errors import Conflict
from inspector.domain.inspections import FindingStatus, InspectionMode, InspectionStatus
from inspector.domain.notices import NoticeFlag, NoticeStatus, NoticeSummary
from inspector.services.base import local_now
from inspector.demo.company import DEMO_PASSWORD, DemoSummary, create_demo
from inspector.demo.notices import (
    INSPECTIONS_PER_PLAN,
    PLANS,
    SMALL_DEMO,
    signature_png,
)
from inspector.demo.reports import analysis_text, last_month

INSPECTIONS = SMALL_DEMO + len(PLANS) * INSPECTIONS_PER_PLAN  # enough for every plan


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, DemoSummary]]:
    from argon2 import PasswordHasher

    import inspector.services.users as users_module

    with pytest.MonkeyPatch.context() as patch:  # production password hashing is slow on purpose
        patch.setattr(users_module, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        context = open_context(tmp_path_factory.mktemp("demo-notices") / "data")
        summary = create_demo(context, inspections=INSPECTIONS)
        yield context, summary
        context.close()


def _notices(context: AppContext) -> list[NoticeSummary]:
    return context.notices.list(context.users.by_username("wangfang"), limit=10_000)


def test_every_status_and_flag_appears(demo: tuple[AppContext, DemoSummary]) -> None:
    context, summary = demo
    notices = _notices(context)
    assert summary.notices is not None and summary.notices.notices == len(notices)
    assert 25 <= len(notices) <= 40
    assert {notice.status for notice in notices} == set(NoticeStatus)
    today = local_now().date()
    flags = [flag for notice in notices for flag in notice.flags(today)]
    for flag in NoticeFlag:
        assert flag in flags, flag
    late_closed = [n for n in notices if n.status is NoticeStatus.CLOSED and n.late()]
    on_time = [n for n in notices if n.status is NoticeStatus.CLOSED and not n.late()]
    assert late_closed and len(on_time) >= 5
    assert {n.number for n in context.notices.overdue(context.users.by_username("wangfang"))} == {
        n.number for n in notices if NoticeFlag.OVERDUE in n.flags(today)}


def test_walkaround_findings_are_fixed_on_the_spot(demo: tuple[AppContext, DemoSummary]) -> None:
    context, summary = demo
    office = context.users.by_username("wangfang")
    walks = context.inspections.list(office, mode=InspectionMode.WALKAROUND, status=InspectionStatus.COMPLETED)
    statuses = [finding.status for walk in walks for finding in context.inspections.findings(office, walk.id)]
    fixed = statuses.count(FindingStatus.FIXED_ON_SPOT)
    assert summary.notices is not None and fixed == summary.notices.fixed_on_spot > len(statuses) / 2


def test_steps_carry_their_content_and_follow_one_another(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    office = context.users.by_username("wangfang")
    notices = _notices(context)
    now = local_now()
    by_number = {notice.number: notice for notice in notices}
    for notice in notices:
        inspection = context.inspections.get(office, notice.inspection_id)
        assert inspection.completed_at is not None and inspection.completed_at < notice.issued_at <= now
        assert notice.deadline > notice.issued_at.date()
        receipt = context.followups.receipt(office, notice.id)
        if receipt is not None:
            assert receipt.signer_name == notice.addressee and receipt.signed_at > notice.issued_at
            assert receipt.signature_png is not None
            ink = Image.open(io.BytesIO(receipt.signature_png)).getchannel("A")
            inked = ink.width * ink.height - ink.histogram()[0]
            assert ink.getextrema() == (0, 255) and 0.02 < inked / (ink.width * ink.height) < 0.4
        reply = context.followups.reply(office, notice.id)
        if reply is not None:
            assert reply.photo_ids and any("\u4e00" <= char <= "\u9fff" for char in reply.measures)
            assert notice.issued_at.date() <= reply.replied_on <= now.date()
        if notice.status is NoticeStatus.REISSUED:
            successor = by_number[notice.successor_number]
            assert successor.reissue_of_number == notice.number and successor.issued_at > notice.issued_at
        if notice.status is NoticeStatus.SUPERSEDED:
            assert by_number[notice.successor_number].supersedes_number == notice.number
        if notice.status is NoticeStatus.CLOSED:
            assert context.followups.followups(office, notice.id)[-1].result.value == "pass"
    assert sorted(notices, key=lambda n: n.issued_at) == sorted(notices, key=lambda n: n.number)


def test_certificates_and_one_signed_copy(demo: tuple[AppContext, DemoSummary]) -> None:
    context, summary = demo
    certificates = context.certificates
    assert certificates.ca_holder() is not None and certificates.ca_holder().username == "wangfang"
    for name in ("wangfang", "liuyang"):
        assert certificates.certificate_of(context.users.by_username(name).id) is not None
    office = context.users.by_username("wangfang")
    signed = [n for n in _notices(context) if context.notice_files.signed_copies(office, n.id)]
    assert summary.notices is not None and summary.notices.signed and len(signed) == 2
    [onsite] = [n for n in signed if not n.covert]
    [covert] = [n for n in signed if n.covert]  # sealed (#12.2)
    seal = certificates.seal_certificate()
    assert seal is not None and [u.username for u in certificates.seal_holders()] == ["wangfang"]
    for notice, signer in ((onsite, "王芳"), (covert, context.notice_files.signing_identity(office, covert.id).common_name)):
        path = context.notice_files.latest_signed(office, notice.id)
        assert path is not None
        check = certificates.verify(path.read_bytes())
        assert check.ok() and check.signer_name == signer, (notice.number, check)
    assert "检查专用章" in seal.subject and b"wangfang" not in path.read_bytes()


def test_the_clock_is_restored_and_the_folder_checks_out(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    assert abs(context.services.clock() - local_now()) < timedelta(seconds=5)
    report = context.integrity.check()
    assert report.ok, report.lines()
    assert report.notice_files == len(_notices(context)) + 2  # and the two signed copies


def test_a_second_demo_is_refused_and_adds_no_notice(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    before = [(n.number, n.status) for n in _notices(context)]
    with pytest.raises(Conflict):
        create_demo(context, actor=context.users.authenticate("admin", DEMO_PASSWORD), inspections=INSPECTIONS)
    assert [(n.number, n.status) for n in _notices(context)] == before


def test_signature_scribbles_differ_and_are_transparent_pngs(tmp_path: Path) -> None:
    import random

    first, second = signature_png(random.Random(1)), signature_png(random.Random(2))
    assert first.startswith(b"\x89PNG") and first != second and first == signature_png(random.Random(1))
    image = Image.open(io.BytesIO(first))
    assert image.mode == "RGBA" and image.size == (360, 120)


def test_the_office_has_written_last_months_analysis(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    office = context.users.by_username("wangfang")
    month = last_month(local_now().date())
    report = context.reports.monthly(office, month)
    assert report.remarks == analysis_text(report.model_copy(update={"remarks": ""}))
    assert report.remarks_by == office.display_name
    # it is drawn from the month's figures: the most frequent problem and the last unit are named
    assert report.top_problems[0].text in report.remarks and report.unit_ranking[-1].name in report.remarks
    assert context.reports.monthly(office, month, report.unit_ranking[0].id).remarks == ""  # all units only


def test_a_small_demo_makes_no_notices(context: AppContext) -> None:
    summary = create_demo(context, inspections=SMALL_DEMO)
    assert summary.notices is not None and summary.notices.notices == 0 and not summary.notices.signed
    assert _notices(context) == [] and not context.certificates.has_ca()
