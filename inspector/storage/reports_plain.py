"""The monthly report's inspection figures counted from the base tables (inspections, answers,
findings) over any window [start, end) of ``observed_at`` texts and an optional unit.

This is the plain recomputation: ``reports_repo`` reads whole months from the per-month
summaries (migration 0018, ``report_summaries_repo``) and falls back to these for a window that
is not whole months; the tests compare both. Each query ranges over the ``inspections_observed``
index with a row look-up per inspection, so its cost follows the window's rows and where they lie
in the file.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

WINDOW = "i.status = 'completed' AND i.observed_at >= ? AND i.observed_at < ?"
_SCORED = "i.score IS NOT NULL AND i.mode != 'walkaround' AND i.max_score > 0"


def scope(column: str, unit_id: int | None) -> tuple[str, list[Any]]:
    return ("", []) if unit_id is None else (f" AND {column} = ?", [unit_id])


def mode_counts(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> list[tuple[str, int]]:
    where, params = scope("i.unit_id", unit_id)
    return db.execute(f"SELECT i.mode, COUNT(*) FROM inspections i WHERE {WINDOW}{where} GROUP BY i.mode",
                      [start, end, *params]).fetchall()


def answer_totals(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> tuple[int, int]:
    """(items checked, items passed): answers other than n/a, and the passed ones."""
    where, params = scope("i.unit_id", unit_id)
    row = db.execute(
        f"SELECT COALESCE(SUM(a.result != 'na'), 0), COALESCE(SUM(a.result = 'pass'), 0)"
        f" FROM inspections i JOIN answers a ON a.inspection_id = i.id WHERE {WINDOW}{where}",
        [start, end, *params]).fetchone()
    return int(row[0]), int(row[1])


def findings_by_section(db: sqlite_utils.Database, start: str, end: str,
                        unit_id: int | None) -> list[tuple[int, str, str, int]]:
    """(template version id, section code, severity, count)."""
    where, params = scope("i.unit_id", unit_id)
    return db.execute(
        f"SELECT i.template_version_id, f.section_code, f.severity, COUNT(*) FROM inspections i"
        f" JOIN findings f ON f.inspection_id = i.id WHERE {WINDOW}{where}"
        f" GROUP BY i.template_version_id, f.section_code, f.severity", [start, end, *params]).fetchall()


def problem_counts(db: sqlite_utils.Database, start: str, end: str,
                   unit_id: int | None) -> list[tuple[str, int, int]]:
    """(item code, template version id, count) of the findings of the window."""
    where, params = scope("i.unit_id", unit_id)
    return db.execute(
        f"SELECT f.item_code, i.template_version_id, COUNT(*) FROM inspections i"
        f" JOIN findings f ON f.inspection_id = i.id WHERE {WINDOW}{where}"
        f" GROUP BY f.item_code, i.template_version_id", [start, end, *params]).fetchall()


def unit_scores(db: sqlite_utils.Database, start: str, end: str,
                unit_id: int | None) -> list[tuple[int, str, str, int, float, float]]:
    """(unit id, code, name, scored inspections, sum of scores, sum of score / max score)."""
    where, params = scope("i.unit_id", unit_id)
    return db.execute(
        f"SELECT u.id, u.code, u.name, COUNT(*), SUM(i.score), SUM(i.score / i.max_score) FROM inspections i"
        f" JOIN units u ON u.id = i.unit_id WHERE {WINDOW}{where} AND {_SCORED}"
        f" GROUP BY u.id", [start, end, *params]).fetchall()


def staff_scores(db: sqlite_utils.Database, start: str, end: str,
                 unit_id: int | None) -> list[tuple[int, str, str, int, float, float]]:
    """As ``unit_scores`` per responsible staff member (the staff subject, or who answers for the
    vehicle or location)."""
    where, params = scope("i.unit_id", unit_id)
    return db.execute(
        f"SELECT p.id, p.staff_no, p.name, COUNT(*), SUM(i.score), SUM(i.score / i.max_score) FROM inspections i"
        f" JOIN staff p ON p.id = i.responsible_staff_id WHERE {WINDOW}{where} AND {_SCORED}"
        f" GROUP BY p.id", [start, end, *params]).fetchall()


def unit_trend(db: sqlite_utils.Database, start: str, end: str,
               unit_id: int | None) -> list[tuple[int, str, str, int, float]]:
    """(unit id, unit name, YYYY-MM, scored inspections, sum of score / max score) per month."""
    where, params = scope("i.unit_id", unit_id)
    return db.execute(
        f"SELECT u.id, u.name, substr(i.observed_at, 1, 7), COUNT(*), SUM(i.score / i.max_score)"
        f" FROM inspections i JOIN units u ON u.id = i.unit_id WHERE {WINDOW}{where} AND {_SCORED}"
        f" GROUP BY u.id, substr(i.observed_at, 1, 7)", [start, end, *params]).fetchall()


def inspected(about: str) -> str:
    """The condition that a completed inspection of the window was about ``s`` (``about``: the
    coverage's definition, on ``i``); two parameters, the window."""
    return f"EXISTS (SELECT 1 FROM inspections i WHERE {about} AND {WINDOW})"
