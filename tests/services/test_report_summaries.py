"""The per-month report summaries (migration 0018) give the figures the base tables give.

On demo data recorded through the services (completions, notices, reopenings), every month's facts
read from the summaries equal the plain recomputation from inspections, answers and findings; every
write path keeps them (completion, reopening, answers and findings changed or removed, a revision
from a laptop rewriting an inspection, a deletion); ``check`` reports a summary edited by hand
and ``rebuild`` restores it; the migration's fill gives what the triggers keep.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest

from inspector.context import AppContext, open_context
from inspector.demo.company import DemoSummary, create_demo
from inspector.demo.notices import INSPECTIONS_PER_PLAN, PLANS, SMALL_DEMO
from inspector.domain import reports
from inspector.storage import report_summaries_repo, reports_plain, reports_repo
from inspector.storage.migrations import m0018_report_summaries
from inspector.storage.migrations.sql import run_statements
from inspector.storage.transaction import write_transaction

INSPECTIONS = SMALL_DEMO + len(PLANS) * INSPECTIONS_PER_PLAN


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, DemoSummary]]:
    from argon2 import PasswordHasher

    import inspector.services.users as users_module

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users_module, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        context = open_context(tmp_path_factory.mktemp("demo-summaries") / "data")
        summary = create_demo(context, inspections=INSPECTIONS)
        yield context, summary
        context.close()


def _months(context: AppContext) -> list[str]:
    rows = context.db.execute("SELECT DISTINCT substr(observed_at, 1, 7) FROM inspections ORDER BY 1").fetchall()
    return [row[0] for row in rows]


def _close(a: Any, b: Any) -> bool:
    """Equal, floats to within their summing order."""
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[key], b[key]) for key in a)
    return a == b


def _plain_too(patch: pytest.MonkeyPatch) -> None:
    """Make every reports_repo window count from the base tables."""
    patch.setattr(report_summaries_repo, "months", lambda start, end: None)


def test_the_demo_has_months_and_findings(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    assert len(_months(context)) >= 3
    assert context.db.execute("SELECT COUNT(*) FROM findings").fetchone()[0] > 0
    assert context.db.execute("SELECT COUNT(*) FROM inspections WHERE reopened_count > 0").fetchone()[0] >= 0
    assert report_summaries_repo.differences(context.db) == []


@pytest.mark.parametrize("scoped", [False, True])
def test_every_query_gives_the_plain_figures(demo: tuple[AppContext, DemoSummary], scoped: bool) -> None:
    context, _ = demo
    db = context.db
    unit_ids = [row[0] for row in db.execute("SELECT id FROM units ORDER BY id").fetchall()] if scoped else [None]
    compared = 0
    for month in _months(context):
        first, end = reports.month_range(month)
        windows = [(first.isoformat(), end.isoformat()),
                   (reports.shift_month(first, 1 - reports.TREND_MONTHS).isoformat(), end.isoformat())]
        for start, stop in windows:
            for unit_id in unit_ids:
                for name in ("mode_counts", "answer_totals", "findings_by_section", "problem_counts", "unit_scores",
                             "staff_scores", "unit_trend"):
                    summed = getattr(reports_repo, name)(db, start, stop, unit_id)
                    counted = getattr(reports_plain, name)(db, start, stop, unit_id)
                    if isinstance(counted, list):
                        summed, counted = sorted(summed), sorted(counted)
                    assert _close(summed, counted), (name, start, stop, unit_id)
                    compared += bool(counted)
    assert compared > 20


def test_the_months_facts_and_report_are_the_plain_ones(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    units = [None, *[row[0] for row in context.db.execute("SELECT id FROM units ORDER BY id LIMIT 3")]]
    for month in _months(context):
        for unit_id in units:
            summed = context.reports.facts(month, unit_id)
            with pytest.MonkeyPatch.context() as patch:
                _plain_too(patch)
                counted = context.reports.facts(month, unit_id)
            counted = counted.model_copy(update={"generated_at": summed.generated_at})  # the clock moved on
            assert _close(summed.model_dump(mode="json"), counted.model_dump(mode="json")), (month, unit_id)
            assert _close(reports.monthly_report(summed).model_dump(mode="json"),
                          reports.monthly_report(counted).model_dump(mode="json")), (month, unit_id)


def _one_completed(context: AppContext) -> tuple[int, str]:
    row = context.db.execute("SELECT i.id, substr(i.observed_at, 1, 7) FROM inspections i WHERE i.status = 'completed'"
                             " AND EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = i.id)"
                             " AND NOT EXISTS (SELECT 1 FROM notice_items n JOIN findings f ON f.id = n.finding_id"
                             " WHERE f.inspection_id = i.id) ORDER BY i.id LIMIT 1").fetchone()
    return row[0], row[1]


def test_reopening_and_completing_again_keep_the_summaries(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    office = context.users.by_username("wangfang")
    inspection_id, month = _one_completed(context)
    before = context.reports.facts(month)
    context.inspections.reopen(office, inspection_id, reason="核对")
    assert report_summaries_repo.differences(context.db) == []
    assert context.reports.facts(month).modes != before.modes
    context.inspections.complete(office, inspection_id)
    assert report_summaries_repo.differences(context.db) == []
    assert _close(context.reports.facts(month).model_dump(mode="json", exclude={"generated_at"}),
                  before.model_dump(mode="json", exclude={"generated_at"}))


def test_every_write_to_the_base_tables_is_followed(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    db = context.db
    inspection_id, _ = _one_completed(context)
    other = db.execute("SELECT id FROM units WHERE id != (SELECT unit_id FROM inspections WHERE id = ?) LIMIT 1",
                       [inspection_id]).fetchone()[0]
    steps = [
        ("UPDATE answers SET result = CASE result WHEN 'pass' THEN 'na' ELSE 'pass' END WHERE inspection_id = ?",
         [inspection_id]),
        ("UPDATE findings SET severity = 'serious', section_code = 'ZZ' WHERE inspection_id = ?", [inspection_id]),
        ("UPDATE findings SET status = 'closed' WHERE inspection_id = ?", [inspection_id]),
        # a revision from the laptop: the whole row rewritten, its answers replaced
        ("UPDATE inspections SET observed_at = '2020-01-15T09:00:00+08:00', unit_id = ?, mode = 'covert',"
         " score = 77.7, responsible_staff_id = NULL WHERE id = ?", [other, inspection_id]),
        ("DELETE FROM answers WHERE inspection_id = ? AND item_code IN (SELECT item_code FROM answers"
         " WHERE inspection_id = ? LIMIT 2)", [inspection_id, inspection_id]),
        ("INSERT INTO answers (inspection_id, item_code, result, answered_at) VALUES (?, 'ZZ-1', 'pass', '2020')",
         [inspection_id]),
        ("INSERT INTO findings (inspection_id, item_code, section_code, severity, created_at)"
         " VALUES (?, 'ZZ-1', 'ZZ', 'general', '2020')", [inspection_id]),
        ("DELETE FROM findings WHERE inspection_id = ? AND item_code = 'ZZ-1'", [inspection_id]),
        ("UPDATE inspections SET status = 'draft' WHERE id = ?", [inspection_id]),
        ("UPDATE answers SET result = 'fail' WHERE inspection_id = ?", [inspection_id]),
        ("UPDATE inspections SET status = 'completed' WHERE id = ?", [inspection_id]),
    ]
    for sql, params in steps:
        with write_transaction(db):
            db.execute(sql, params)
        assert report_summaries_repo.differences(db) == [], sql
    with write_transaction(db):  # a laptop's completed inspection arriving whole
        db.execute("INSERT INTO inspections (template_version_id, mode, status, subject_kind, subject_id, unit_id,"
                   " responsible_staff_id, author_id, observed_at, entered_at, completed_at, score, max_score)"
                   " SELECT template_version_id, 'onsite', 'completed', subject_kind, subject_id, unit_id,"
                   " responsible_staff_id, author_id, '2020-02-03T10:00:00+08:00', entered_at, completed_at, 88.8,"
                   " 100.0 FROM inspections WHERE id = ?", [inspection_id])
        new_id = db.execute("SELECT MAX(id) FROM inspections").fetchone()[0]
        db.execute("INSERT INTO answers (inspection_id, item_code, result, answered_at) VALUES (?, 'A', 'fail', 'x')",
                   [new_id])
        db.execute("INSERT INTO findings (inspection_id, item_code, section_code, created_at) VALUES (?, 'A', 'S', 'x')",
                   [new_id])
    assert report_summaries_repo.differences(db) == []
    with write_transaction(db):
        db.execute("DELETE FROM findings WHERE inspection_id = ?", [new_id])
        db.execute("DELETE FROM inspections WHERE id = ?", [new_id])  # its answers go by cascade
    assert report_summaries_repo.differences(db) == []


def test_check_reports_a_summary_edited_by_hand_and_rebuild_restores_it(
        demo: tuple[AppContext, DemoSummary]) -> None:
    """Only the summaries' lines of ``check`` are read: the demo is shared with the tests above,
    which change base rows by hand (the audit's row facts rightly report those)."""
    context, _ = demo
    db = context.db

    def summary_lines() -> list[str]:
        return [line for line in context.integrity.check().database if "report_" in line]

    assert summary_lines() == []
    with write_transaction(db):
        db.execute("UPDATE report_unit_months SET inspections = inspections + 1"
                   " WHERE month = (SELECT MIN(month) FROM report_unit_months)")
        db.execute("DELETE FROM report_subject_months WHERE kind = 'vehicle'")
    lines = summary_lines()
    assert any("report_unit_months" in line for line in lines)
    assert any("report_subject_months" in line for line in lines)
    office = context.users.by_username("wangfang")
    assert context.integrity.rebuild_report_summaries(office) >= 2
    assert report_summaries_repo.differences(db) == []
    assert summary_lines() == []


def test_the_migrations_fill_gives_what_the_triggers_keep(demo: tuple[AppContext, DemoSummary]) -> None:
    context, _ = demo
    db = context.db
    with write_transaction(db):
        for summary in report_summaries_repo.SUMMARIES:
            db.execute(f"DELETE FROM {summary.table}")
        run_statements(db, m0018_report_summaries._FILL)
    assert report_summaries_repo.differences(db) == []


def test_the_months_notices_are_those_of_a_scan_of_every_notice(demo: tuple[AppContext, DemoSummary]) -> None:
    """The notices query ranges over the month's indexes (migration 0018): the same rows as the
    condition it replaced, evaluated on every notice."""
    context, _ = demo
    db = context.db
    found = 0
    for month in _months(context):
        first, end = reports.month_range(month)
        start, stop = first.isoformat(), end.isoformat()
        for unit_id in (None, 1):
            scoped = "" if unit_id is None else " AND n.unit_id = ?"
            scanned = db.execute(
                "SELECT n.number FROM notices n JOIN notice_state s ON s.notice_id = n.id"
                f" WHERE n.issued_at < ?{scoped} AND (n.issued_at >= ? OR s.updated_at >= ?"
                " OR s.status IN ('issued', 'acknowledged', 'replied'))",
                [stop, *([] if unit_id is None else [unit_id]), start, start]).fetchall()
            ranged = reports_repo.notices(db, start, stop, unit_id)
            assert sorted(row["number"] for row in ranged) == sorted(row[0] for row in scanned), (month, unit_id)
            found += len(ranged)
    assert found > 0
