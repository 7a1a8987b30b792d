"""SQL of the monthly report: plain rows for a window [start, end) and an optional unit.

Only completed inspections count. Coverage counts the registry subjects in service in the
window (``registry_periods``, migration 0013), in the unit they belonged to then. Windows are ISO
texts (``"2026-11-01"``, ``"2026-12-01"``) compared with the stored local timestamps. A window of
whole months (every window the report asks for: the month, last month, the 12-month trend) is
read from the per-month summaries the triggers of migration 0018 keep (``report_summaries_repo``):
a month's figures cost the same whatever else the database holds. Any other window is counted
from the base tables (``reports_plain``, the same figures). Notices are reached through
index ranges of the month (``notices_issued``, ``notice_state_updated``, ``notice_state_closed``,
migration 0018) and the open ones through ``notice_state_status``.
No query returns who inspected: covert inspections only ever feed counts and sums.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

import sqlite_utils

from inspector.storage import report_summaries_repo as summaries
from inspector.storage import reports_plain as plain

_T = TypeVar("_T")
_Window = Callable[[sqlite_utils.Database, str, str, "int | None"], _T]

# subject kind, registry table, and the columns shown as code and name
_POPULATIONS = {"vehicle": ("vehicles", "fleet_no", "plate"), "staff": ("staff", "staff_no", "name"),
                "location": ("locations", "code", "name"), "unit": ("units", "code", "name")}
# What makes a subject "inspected" in the window (one definition for coverage and the rankings):
# a completed inspection observed in the window was about it, or about what it answers for — a
# staff member for the vehicle or place in their charge (the inspection's responsible person, whom
# the staff ranking scores), a unit for everything inspected in it (the responsible unit, whom the
# unit ranking scores). Walk-arounds count here; they are left out of the scores only.
_ABOUT = {
    "vehicle": "i.subject_kind = 'vehicle' AND i.subject_id = s.id",
    "location": "i.subject_kind = 'location' AND i.subject_id = s.id",
    "staff": "((i.subject_kind = 'staff' AND i.subject_id = s.id) OR i.responsible_staff_id = s.id)",
    "unit": "((i.subject_kind = 'unit' AND i.subject_id = s.id) OR i.unit_id = s.id)",
}


_scope = plain.scope


def _read(summary: _Window[_T], base: _Window[_T], db: sqlite_utils.Database, start: str, end: str,
          unit_id: int | None) -> _T:
    """The summary's rows for a window of whole months, else the base tables' count."""
    window = summaries.months(start, end)
    return base(db, start, end, unit_id) if window is None else summary(db, *window, unit_id)


def mode_counts(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> list[tuple[str, int]]:
    """(mode, completed inspections)."""
    return _read(summaries.mode_counts, plain.mode_counts, db, start, end, unit_id)


def answer_totals(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> tuple[int, int]:
    """(items checked, items passed): answers other than n/a, and the passed ones."""
    return _read(summaries.answer_totals, plain.answer_totals, db, start, end, unit_id)


def findings_by_section(db: sqlite_utils.Database, start: str, end: str,
                        unit_id: int | None) -> list[tuple[int, str, str, int]]:
    """(template version id, section code, severity, count)."""
    return _read(summaries.findings_by_section, plain.findings_by_section, db, start, end, unit_id)


def problem_counts(db: sqlite_utils.Database, start: str, end: str,
                   unit_id: int | None) -> list[tuple[str, int, int]]:
    """(item code, template version id, count) of the findings of the window."""
    return _read(summaries.problem_counts, plain.problem_counts, db, start, end, unit_id)


def unit_scores(db: sqlite_utils.Database, start: str, end: str,
                unit_id: int | None) -> list[tuple[int, str, str, int, float, float]]:
    """(unit id, code, name, scored inspections, sum of scores, sum of score / max score)."""
    return _read(summaries.unit_scores, plain.unit_scores, db, start, end, unit_id)


def staff_scores(db: sqlite_utils.Database, start: str, end: str,
                 unit_id: int | None) -> list[tuple[int, str, str, int, float, float]]:
    """As ``unit_scores`` per responsible staff member (the staff subject, or who answers for the
    vehicle or location)."""
    return _read(summaries.staff_scores, plain.staff_scores, db, start, end, unit_id)


def unit_trend(db: sqlite_utils.Database, start: str, end: str,
               unit_id: int | None) -> list[tuple[int, str, str, int, float]]:
    """(unit id, unit name, YYYY-MM, scored inspections, sum of score / max score) per month."""
    return _read(summaries.unit_trend, plain.unit_trend, db, start, end, unit_id)


def _in_service(kind: str, first: str, last: str, unit_id: int | None) -> tuple[str, list[Any]]:
    """The subjects of ``kind`` in service on a day from ``first`` to ``last`` (both included) —
    in the unit ``unit_id`` then, when given: a stretch of their history overlaps the window."""
    table = _POPULATIONS[kind][0]
    where = (f"EXISTS (SELECT 1 FROM registry_periods p WHERE p.kind = '{table}' AND p.record_id = s.id"
             " AND (p.since IS NULL OR p.since <= ?) AND (p.until IS NULL OR p.until >= ?)")
    params: list[Any] = [last, first]
    if unit_id is not None:
        where += " AND p.unit_id = ?"
        params.append(unit_id)
    return where + ")", params


def _inspected(kind: str, start: str, end: str) -> tuple[str, list[Any]]:
    """The condition that a subject ``s`` of ``kind`` was inspected in the window, and its parameters."""
    window = summaries.months(start, end)
    if window is None:
        return plain.inspected(_ABOUT[kind]), [start, end]
    return summaries.inspected(kind), list(window)


def _last_day(end: str) -> str:
    return (date.fromisoformat(end) - timedelta(days=1)).isoformat()


def coverage(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None,
             kinds: list[str]) -> list[tuple[str, int, int]]:
    """(subject kind, covered, population) for each of ``kinds`` (those a checklist in force
    inspects): the registry subjects of the scope in service in the window, and how many of them
    were inspected in it."""
    rows = []
    for kind in kinds:
        table = _POPULATIONS[kind][0]
        active, params = _in_service(kind, start, _last_day(end), unit_id)
        population = db.execute(f"SELECT COUNT(*) FROM {table} s WHERE {active}", params).fetchone()[0]
        inspected, window = _inspected(kind, start, end)
        covered = db.execute(f"SELECT COUNT(*) FROM {table} s WHERE {active} AND {inspected}",
                             [*params, *window]).fetchone()[0]
        rows.append((kind, covered, population))
    return rows


def uncovered(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None,
              kinds: list[str]) -> list[tuple[str, str, str, str]]:
    """(subject kind, code, name, unit name) of the subjects of ``kinds`` in service in the window
    in the scope that were not inspected in it (the unit: the one it belonged to last in the window)."""
    rows: list[tuple[str, str, str, str]] = []
    last = _last_day(end)
    for kind in kinds:
        table, code, name = _POPULATIONS[kind]
        active, params = _in_service(kind, start, last, unit_id)
        unit_of = ("(SELECT p.unit_id FROM registry_periods p WHERE p.kind = ? AND p.record_id = s.id"
                   " AND (p.since IS NULL OR p.since <= ?) AND (p.until IS NULL OR p.until >= ?)"
                   + ("" if unit_id is None else " AND p.unit_id = ?") + " ORDER BY p.id DESC LIMIT 1)")
        unit_params: list[Any] = [table, last, start, *([] if unit_id is None else [unit_id])]
        inspected, window = _inspected(kind, start, end)
        rows += db.execute(
            f"SELECT ?, s.{code}, s.{name}, COALESCE((SELECT u.name FROM units u WHERE u.id = {unit_of}), '')"
            f" FROM {table} s WHERE {active} AND NOT {inspected}",
            [kind, *unit_params, *params, *window]).fetchall()
    return rows


def notices(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> list[dict[str, Any]]:
    """Every notice the month's figures may count: issued before ``end`` and either issued in the
    window, still open, or changed since ``start`` (each an index range: ``notices_issued``,
    ``notice_state_updated``, ``notice_state_status``)."""
    where, params = _scope("n.unit_id", unit_id)
    rows = db.execute(
        f"SELECT n.number, u.name, n.issued_at, n.deadline, s.status, s.replied_at, s.closed_at, s.updated_at,"
        f" EXISTS (SELECT 1 FROM notice_items x WHERE x.notice_id = n.id AND x.recurred = 1)"
        f" FROM notices n JOIN notice_state s ON s.notice_id = n.id JOIN units u ON u.id = n.unit_id"
        f" WHERE n.issued_at < ?{where} AND n.id IN (SELECT id FROM notices WHERE issued_at >= ? AND issued_at < ?"
        f" UNION SELECT notice_id FROM notice_state WHERE updated_at >= ?"
        f" UNION SELECT notice_id FROM notice_state WHERE status IN ('issued', 'acknowledged', 'replied'))",
        [end, *params, start, end, start]).fetchall()
    keys = ("number", "unit_name", "issued_at", "deadline", "status", "replied_at", "closed_at", "updated_at", "recurred")
    return [dict(zip(keys, row)) for row in rows]


def before_after(db: sqlite_utils.Database, start: str, end: str,
                 unit_id: int | None) -> list[tuple[str, str, str, str, str, str, str]]:
    """(notice number, item code, problem, unit name, closed at, before sha256, after sha256) of the
    serious items of the notices closed in the window that have both photos: the before photo is
    the first photo of the finding's answer, the after photo the latest follow-up's first photo of
    the same item (``followup_photos.position`` is the notice item's position)."""
    where, params = _scope("n.unit_id", unit_id)
    return db.execute(
        f"SELECT * FROM (SELECT n.number, x.item_code, x.problem, u.name, s.closed_at,"
        f" (SELECT p.sha256 FROM findings f JOIN answer_photos a ON a.inspection_id = f.inspection_id"
        f" AND a.item_code = f.item_code JOIN photos p ON p.id = a.photo_id WHERE f.id = x.finding_id"
        f" ORDER BY a.position, a.photo_id LIMIT 1) AS before_sha,"
        f" (SELECT p.sha256 FROM followups fu JOIN followup_photos fp ON fp.followup_id = fu.id"
        f" AND fp.position = x.position JOIN photos p ON p.id = fp.photo_id WHERE fu.notice_id = n.id"
        f" ORDER BY fu.id DESC, fp.seq, fp.photo_id LIMIT 1) AS after_sha"
        f" FROM notice_state s JOIN notices n ON n.id = s.notice_id JOIN notice_items x ON x.notice_id = n.id"
        f" JOIN units u ON u.id = n.unit_id WHERE s.status = 'closed' AND s.closed_at >= ? AND s.closed_at < ?"
        f"{where} AND x.severity = 'serious')"
        f" WHERE before_sha IS NOT NULL AND after_sha IS NOT NULL ORDER BY closed_at DESC, number DESC, item_code",
        [start, end, *params]).fetchall()


def remarks(db: sqlite_utils.Database, month: str, unit_id: int | None) -> tuple[str, str, str] | None:
    """(text, updated at, by whom) of the month's written analysis for the scope, if any."""
    return db.execute(
        "SELECT r.text, r.updated_at, u.display_name FROM report_remarks r JOIN users u ON u.id = r.updated_by"
        " WHERE r.month = ? AND r.unit_id = ?", [month, unit_id or 0]).fetchone()


def write_remarks(db: sqlite_utils.Database, month: str, unit_id: int | None, text: str, user_id: int,
                  at: str) -> None:
    """Replace the month's written analysis for the scope; an empty text removes it."""
    if not text:
        db.execute("DELETE FROM report_remarks WHERE month = ? AND unit_id = ?", [month, unit_id or 0])
        return
    db.execute("INSERT INTO report_remarks (month, unit_id, text, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)"
               " ON CONFLICT (month, unit_id) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by,"
               " updated_at = excluded.updated_at", [month, unit_id or 0, text, user_id, at])


def unit_name(db: sqlite_utils.Database, unit_id: int) -> str | None:
    row = db.execute("SELECT name FROM units WHERE id = ?", [unit_id]).fetchone()
    return row[0] if row else None
