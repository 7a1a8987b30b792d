"""The per-month report summaries (migration 0018): reading whole months from them, recomputing
them from the base tables, and comparing the two for ``check``.

The triggers of migration 0018 keep the four tables in the transaction of every write to
inspections, answers and findings; nothing here writes them except ``rebuild``. A month window is
``first`` ≤ month < ``end`` on "YYYY-MM" texts. Rows that went back to zero are skipped by every
reader and by the comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlite_utils

_MONTH_START = re.compile(r"\d{4}-\d{2}-01")
_SCORED = "(i.score IS NOT NULL AND i.mode != 'walkaround' AND i.max_score > 0)"
_MONTH = "substr(i.observed_at, 1, 7)"


def months(start: str, end: str) -> tuple[str, str] | None:
    """("YYYY-MM", "YYYY-MM") when the text window [start, end) is whole months, else None."""
    if _MONTH_START.fullmatch(start) and _MONTH_START.fullmatch(end):
        return start[:7], end[:7]
    return None


def _scope(unit_id: int | None) -> tuple[str, list[Any]]:
    return ("", []) if unit_id is None else (" AND m.unit_id = ?", [unit_id])


def mode_counts(db: sqlite_utils.Database, first: str, end: str, unit_id: int | None) -> list[tuple[str, int]]:
    where, params = _scope(unit_id)
    return db.execute(f"SELECT m.mode, SUM(m.inspections) FROM report_unit_months m WHERE m.month >= ?"
                      f" AND m.month < ?{where} AND m.inspections != 0 GROUP BY m.mode",
                      [first, end, *params]).fetchall()


def answer_totals(db: sqlite_utils.Database, first: str, end: str, unit_id: int | None) -> tuple[int, int]:
    where, params = _scope(unit_id)
    row = db.execute(f"SELECT COALESCE(SUM(m.items_checked), 0), COALESCE(SUM(m.items_passed), 0)"
                     f" FROM report_unit_months m WHERE m.month >= ? AND m.month < ?{where}",
                     [first, end, *params]).fetchone()
    return int(row[0]), int(row[1])


def findings_by_section(db: sqlite_utils.Database, first: str, end: str,
                        unit_id: int | None) -> list[tuple[int, str, str, int]]:
    where, params = _scope(unit_id)
    return db.execute(
        f"SELECT m.template_version_id, m.section_code, m.severity, SUM(m.findings) FROM report_finding_months m"
        f" WHERE m.month >= ? AND m.month < ?{where} AND m.findings != 0"
        f" GROUP BY m.template_version_id, m.section_code, m.severity", [first, end, *params]).fetchall()


def problem_counts(db: sqlite_utils.Database, first: str, end: str,
                   unit_id: int | None) -> list[tuple[str, int, int]]:
    where, params = _scope(unit_id)
    return db.execute(
        f"SELECT m.item_code, m.template_version_id, SUM(m.findings) FROM report_finding_months m"
        f" WHERE m.month >= ? AND m.month < ?{where} AND m.findings != 0"
        f" GROUP BY m.item_code, m.template_version_id", [first, end, *params]).fetchall()


def unit_scores(db: sqlite_utils.Database, first: str, end: str,
                unit_id: int | None) -> list[tuple[int, str, str, int, float, float]]:
    where, params = _scope(unit_id)
    return db.execute(
        f"SELECT u.id, u.code, u.name, SUM(m.scored), SUM(m.score_sum), SUM(m.rate_sum) FROM report_unit_months m"
        f" JOIN units u ON u.id = m.unit_id WHERE m.month >= ? AND m.month < ?{where} AND m.scored != 0"
        f" GROUP BY u.id", [first, end, *params]).fetchall()


def staff_scores(db: sqlite_utils.Database, first: str, end: str,
                 unit_id: int | None) -> list[tuple[int, str, str, int, float, float]]:
    where, params = _scope(unit_id)
    return db.execute(
        f"SELECT p.id, p.staff_no, p.name, SUM(m.scored), SUM(m.score_sum), SUM(m.rate_sum)"
        f" FROM report_staff_months m JOIN staff p ON p.id = m.staff_id"
        f" WHERE m.month >= ? AND m.month < ?{where} AND m.scored != 0 GROUP BY p.id",
        [first, end, *params]).fetchall()


def unit_trend(db: sqlite_utils.Database, first: str, end: str,
               unit_id: int | None) -> list[tuple[int, str, str, int, float]]:
    where, params = _scope(unit_id)
    return db.execute(
        f"SELECT u.id, u.name, m.month, SUM(m.scored), SUM(m.rate_sum) FROM report_unit_months m"
        f" JOIN units u ON u.id = m.unit_id WHERE m.month >= ? AND m.month < ?{where} AND m.scored != 0"
        f" GROUP BY u.id, m.month", [first, end, *params]).fetchall()


def inspected(kind: str) -> str:
    """The condition that a completed inspection of the month window was about ``s`` as a subject
    of ``kind`` (the coverage's definition, kept by the triggers); two parameters, the months."""
    return (f"EXISTS (SELECT 1 FROM report_subject_months m WHERE m.kind = '{kind}' AND m.subject_id = s.id"
            " AND m.month >= ? AND m.month < ? AND m.inspections != 0)")


# --- recomputation, comparison, rebuild -------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    table: str
    keys: tuple[str, ...]
    counts: tuple[str, ...]
    sums: tuple[str, ...]
    fresh: str  # the SELECT giving keys, counts, sums from the base tables


SUMMARIES = (
    Summary("report_unit_months", ("month", "unit_id", "mode"),
            ("inspections", "scored", "items_checked", "items_passed"), ("score_sum", "rate_sum"),
            f"SELECT {_MONTH}, COALESCE(i.unit_id, 0), i.mode, COUNT(*), COALESCE(SUM({_SCORED}), 0),"
            " COALESCE(SUM(a.checked), 0), COALESCE(SUM(a.passed), 0),"
            f" COALESCE(SUM(CASE WHEN {_SCORED} THEN i.score END), 0),"
            f" COALESCE(SUM(CASE WHEN {_SCORED} THEN i.score / i.max_score END), 0)"
            " FROM inspections i LEFT JOIN (SELECT inspection_id, SUM(result != 'na') AS checked,"
            " SUM(result = 'pass') AS passed FROM answers GROUP BY inspection_id) a ON a.inspection_id = i.id"
            " WHERE i.status = 'completed' GROUP BY 1, 2, 3"),
    Summary("report_staff_months", ("month", "unit_id", "staff_id"), ("scored",), ("score_sum", "rate_sum"),
            f"SELECT {_MONTH}, COALESCE(i.unit_id, 0), i.responsible_staff_id, COUNT(*), SUM(i.score),"
            f" SUM(i.score / i.max_score) FROM inspections i WHERE i.status = 'completed' AND {_SCORED}"
            " AND i.responsible_staff_id IS NOT NULL GROUP BY 1, 2, 3"),
    Summary("report_finding_months", ("month", "unit_id", "template_version_id", "section_code", "item_code",
                                      "severity"), ("findings",), (),
            f"SELECT {_MONTH}, COALESCE(i.unit_id, 0), i.template_version_id, f.section_code, f.item_code,"
            " f.severity, COUNT(*) FROM findings f JOIN inspections i ON i.id = f.inspection_id"
            " WHERE i.status = 'completed' GROUP BY 1, 2, 3, 4, 5, 6"),
    Summary("report_subject_months", ("kind", "subject_id", "month"), ("inspections",), (),
            "SELECT kind, id, month, COUNT(*) FROM ("
            " SELECT subject_kind AS kind, subject_id AS id, substr(observed_at, 1, 7) AS month FROM inspections"
            " WHERE status = 'completed'"
            " UNION ALL SELECT 'staff', responsible_staff_id, substr(observed_at, 1, 7) FROM inspections"
            " WHERE status = 'completed' AND responsible_staff_id IS NOT NULL"
            " UNION ALL SELECT 'unit', unit_id, substr(observed_at, 1, 7) FROM inspections"
            " WHERE status = 'completed' AND unit_id IS NOT NULL) GROUP BY 1, 2, 3"),
)


def _rows(db: sqlite_utils.Database, sql: str, width: int, counted: int) -> dict[tuple, tuple]:
    """key → values of the rows whose counts are not all zero."""
    found = {}
    for row in db.execute(sql).fetchall():
        values = tuple(row[width:])
        if any(values[:counted]):
            found[tuple(row[:width])] = values
    return found


def _same(stored: tuple, fresh: tuple, counted: int) -> bool:
    if stored[:counted] != fresh[:counted]:
        return False
    return all(abs(a - b) <= 1e-6 * max(1.0, abs(b)) for a, b in zip(stored[counted:], fresh[counted:]))


def differences(db: sqlite_utils.Database, limit: int = 20) -> list[tuple[str, tuple, tuple | None, tuple | None]]:
    """(table, key, stored values, recomputed values) of every summary row that is not what the
    base tables give (None: the row is missing on that side); at most ``limit`` per table.
    Counts must be equal, sums equal to a millionth (they are added in another order)."""
    problems = []
    for summary in SUMMARIES:
        width, counted = len(summary.keys), len(summary.counts)
        columns = ", ".join((*summary.keys, *summary.counts, *summary.sums))
        stored = _rows(db, f"SELECT {columns} FROM {summary.table}", width, counted)
        fresh = _rows(db, summary.fresh, width, counted)
        found = [(summary.table, key, stored.get(key), fresh.get(key)) for key in sorted(stored.keys() | fresh.keys())
                 if key not in stored or key not in fresh or not _same(stored[key], fresh[key], counted)]
        problems += found[:limit]
    return problems


def rebuild(db: sqlite_utils.Database) -> None:
    """Recompute every summary from the base tables (the caller holds the write transaction)."""
    for summary in SUMMARIES:
        db.execute(f"DELETE FROM {summary.table}")
        columns = ", ".join((*summary.keys, *summary.counts, *summary.sums))
        db.execute(f"INSERT INTO {summary.table} ({columns}) {summary.fresh}")
