"""Demo inspections: counts, modes, authors, times, completed ones scored with their findings,
drafts left open, evidence photos stored once and sound, and the whole folder passing ``check``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from inspector.context import AppContext, open_context
from inspector.domain.changes import Entity
from inspector.domain.inspections import (
    AnswerResult,
    Inspection,
    InspectionMode,
    InspectionStatus,
)
from inspector.domain.templates import SubjectKind
from inspector.domain.users import User
from inspector.demo.company import DemoSummary, create_demo
from inspector.demo.inspections import PHOTO_POOL
from inspector.storage.photo_store import sha256_of

COUNT = 40


@pytest.fixture
def demo(context: AppContext) -> tuple[DemoSummary, User, list[Inspection]]:
    summary = create_demo(context, inspections=COUNT)
    office = context.users.by_username("wangfang")  # the quality office sees every covert visit
    return summary, office, context.inspections.list(office, limit=1000)


def test_counts_modes_templates_and_authors(context: AppContext, demo: tuple[DemoSummary, User, list[Inspection]]) -> None:
    summary, office, found = demo
    recorded = summary.inspections
    assert recorded is not None and recorded.inspections == len(found) == COUNT
    assert context.inspections.count(office) == COUNT
    modes = [inspection.mode for inspection in found]
    assert recorded.covert == modes.count(InspectionMode.COVERT) >= 1
    assert recorded.walkaround == modes.count(InspectionMode.WALKAROUND) >= 1
    assert modes.count(InspectionMode.ONSITE) > COUNT / 2
    completed = [i for i in found if i.status is InspectionStatus.COMPLETED]
    assert recorded.completed == len(completed) and COUNT * 0.7 <= len(completed) < COUNT
    kinds = {"T1": SubjectKind.VEHICLE, "T2": SubjectKind.STAFF, "T3": SubjectKind.LOCATION}
    assert {i.template_code for i in found} == set(kinds)
    assert all(i.subject.kind is kinds[i.template_code] and i.subject.label for i in found)
    authors = {context.users.get(i.author_id).username for i in found}
    assert authors <= {"zhangwei", "lina", "wangfang"} and len(authors) >= 2
    assert set(summary.changes.changed) >= {Entity.INSPECTION, Entity.FINDING, Entity.PHOTO}


def test_times_lie_in_the_last_six_months_in_order(context: AppContext, demo: tuple[DemoSummary, User, list[Inspection]]) -> None:
    _, _, found = demo
    now = context.services.clock()  # the real clock is back after the demo
    for inspection in found:
        assert now - timedelta(days=183) <= inspection.observed_at <= inspection.entered_at <= now
        assert 7 <= inspection.observed_at.hour < 19
        if inspection.completed_at is not None:
            assert inspection.entered_at <= inspection.completed_at <= now
        if inspection.mode is InspectionMode.COVERT:
            assert inspection.entered_at - inspection.observed_at >= timedelta(hours=1)
    spread = max(i.observed_at for i in found) - min(i.observed_at for i in found)
    assert spread > timedelta(days=90)


def test_completed_ones_are_scored_with_their_findings(
    context: AppContext, demo: tuple[DemoSummary, User, list[Inspection]]
) -> None:
    summary, office, found = demo
    total_findings = 0
    for inspection in found:
        failed = sorted(a.item_code for a in inspection.answers if a.result is AnswerResult.FAIL)
        findings = context.inspections.findings(office, inspection.id)
        if inspection.status is InspectionStatus.DRAFT:
            assert inspection.score is None and findings == [] and inspection.answers
            continue
        assert sorted(f.item_code for f in findings) == failed
        assert all(f.unit_id == inspection.unit_id for f in findings)
        if inspection.mode is InspectionMode.WALKAROUND:
            # A walk-around records findings and is never scored (#13.4).
            assert len(inspection.answers) == len(findings) == 1
            assert inspection.score is None and inspection.max_score is None
            assert context.inspections.score(office, inspection.id) is None
        else:
            assert inspection.score is not None and inspection.max_score == 100.0
            assert inspection.score == context.inspections.score(office, inspection.id).score
        total_findings += len(findings)
    assert summary.inspections is not None and summary.inspections.findings == total_findings
    scores = [i.score for i in found if i.score is not None]
    assert total_findings > 0 and max(scores) == 100.0 and min(scores) < 100.0
    assert sum(scores) / len(scores) > 85  # most checks pass


def test_photos_are_stored_once_and_verify(context: AppContext, demo: tuple[DemoSummary, User, list[Inspection]]) -> None:
    summary, _, found = demo
    used = {photo_id for i in found for a in i.answers for photo_id in a.photo_ids}
    assert summary.inspections is not None and 0 < summary.inspections.photos == len(used) <= PHOTO_POOL
    for photo_id in used:
        photo = context.photos.get(photo_id)
        assert photo is not None and (photo.width, photo.height) == (800, 600)
        original = context.photos.store.original_path(photo.sha256)
        assert original is not None and sha256_of(original) == photo.sha256
        assert context.photos.thumbnail_path(photo.sha256) is not None
    attachments = sum(len(a.photo_ids) for i in found for a in i.answers)
    assert attachments > len(used)  # the pool's photos are reused, not stored again
    assert all(a.photo_ids == () for i in found for a in i.answers if a.result is not AnswerResult.FAIL)
    report = context.integrity.check()
    assert report.ok, report.lines()


def test_same_seed_same_inspections(tmp_path: Path) -> None:
    shapes = []
    for folder in ("a", "b"):
        context = open_context(tmp_path / folder)
        try:
            create_demo(context, seed=3, inspections=12)
            office = context.users.by_username("wangfang")
            shapes.append([(i.template_code, i.mode, i.subject, i.status, i.observed_at.hour,
                            [(a.item_code, a.result, a.note) for a in i.answers])
                           for i in context.inspections.list(office, limit=100)])
        finally:
            context.close()
    assert shapes[0] == shapes[1] and len(shapes[0]) == 12


def test_no_inspections_unless_asked(context: AppContext) -> None:
    summary = create_demo(context)
    assert summary.inspections is None
    assert context.inspections.count(context.users.by_username("wangfang")) == 0


def test_progress_reports_increasing_fractions_ending_at_one(context: AppContext) -> None:
    heard: list[float] = []
    summary = create_demo(context, inspections=25, progress=heard.append)
    assert summary.inspections is not None and summary.inspections.inspections == 25
    assert heard == [10 / 25, 20 / 25, 1.0]  # every ten inspections, then done
    assert all(earlier < later for earlier, later in zip(heard, heard[1:], strict=False))


def test_progress_without_inspections_still_ends_at_one(context: AppContext) -> None:
    heard: list[float] = []
    create_demo(context, progress=heard.append)
    assert heard == [1.0]


def test_after_init_the_demo_still_records_every_visit_asked_for(context: AppContext) -> None:
    """``init`` loads the built-in checklists for this month; the demo's visits reach six months
    back and must all be recorded with them (they cover the months before they were loaded)."""
    context.templates.ensure_builtins()
    summary = create_demo(context, inspections=COUNT)
    assert summary.inspections is not None and summary.inspections.inspections == COUNT
    office = context.users.by_username("wangfang")
    found = context.inspections.list(office, limit=1000)
    assert len(found) == COUNT
    assert min(i.observed_at for i in found) < context.services.clock() - timedelta(days=60)
