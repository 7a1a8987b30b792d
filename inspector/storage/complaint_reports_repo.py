"""SQL of the hotline reports: every figure counted by SQLite over a window [start, end) of intake
times and an optional unit, so a report over hundreds of thousands of cases fetches tens of rows.

Windows are instants (``"2026-11-30T00:00:00+08:00"``): the stored times carry their own offset
(``+08:00`` or ``Z``), so each query narrows by text on the ``complaints_received`` index to the
window widened by a day either side, then compares instants (``julianday``). Limits are
compared as instants too, so a case closed at 10:00+08:00 against a limit written in UTC is
still judged right.

No query selects the complainant's name. The phone leaves this module only masked
(``138****1234``, as ``domain.complaints.mask_phone``), after grouping on the whole number.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

_WINDOW = ("c.received_at >= ? AND c.received_at < ?"
           " AND julianday(c.received_at) >= julianday(?) AND julianday(c.received_at) < julianday(?)")
_SLACK = timedelta(days=1)  # more than any offset (±14 h)
_OPEN = "s.status IN ('received', 'investigating', 'resolved', 'answered')"  # the status index
# the phone with its spaces and dashes taken out, then masked like ``mask_phone``
_DIGITS = "replace(replace(replace(c.complainant_phone, ' ', ''), '-', ''), '+', '')"
_MASKED = (f"CASE WHEN length({_DIGITS}) >= 7 THEN substr({_DIGITS}, 1, 3) || '****' || substr({_DIGITS}, -4)"
           f" ELSE substr('********************', 1, max(length({_DIGITS}) - 2, 1)) || substr({_DIGITS}, -2) END")


def _bounds(start: str, end: str) -> list[str]:
    """The index's text range (a day wider) and the exact instants."""
    low = (datetime.fromisoformat(start) - _SLACK).date().isoformat()
    high = (datetime.fromisoformat(end) + _SLACK).date().isoformat()
    return [low, high, start, end]


def _where(start: str, end: str, unit_id: int | None) -> tuple[str, list[Any]]:
    if unit_id is None:
        return _WINDOW, _bounds(start, end)
    return f"{_WINDOW} AND c.unit_id = ?", [*_bounds(start, end), unit_id]


def totals(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> tuple[int, int, int]:
    """(cases, of them 重大, of them urgent)."""
    where, params = _where(start, end, unit_id)
    row = db.execute(f"SELECT COUNT(*), COALESCE(SUM(c.major), 0), COALESCE(SUM(c.urgent), 0) FROM complaints c"
                     f" WHERE {where}", params).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def counts_by(db: sqlite_utils.Database, column: str, start: str, end: str,
              unit_id: int | None) -> list[tuple[str, int]]:
    """(value, count) of one intake column: ``channel``, ``kind``, ``severity`` or ``route``
    (blank and NULL values left out)."""
    if column not in ("channel", "kind", "severity", "route"):
        raise ValueError(column)
    where, params = _where(start, end, unit_id)
    return db.execute(f"SELECT c.{column}, COUNT(*) FROM complaints c WHERE {where}"
                      f" AND c.{column} IS NOT NULL AND c.{column} != '' GROUP BY c.{column}", params).fetchall()


def behaviours(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> list[tuple[str, str, int]]:
    """(behaviour, severity, count) of the complaints and reports that name one."""
    where, params = _where(start, end, unit_id)
    return db.execute(f"SELECT c.behaviour, c.severity, COUNT(*) FROM complaints c WHERE {where}"
                      f" AND c.behaviour IS NOT NULL GROUP BY c.behaviour, c.severity", params).fetchall()


def units(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> list[tuple[str, str, int]]:
    """(unit code, unit name, count) of the cases tied to a unit."""
    where, params = _where(start, end, unit_id)
    return db.execute(f"SELECT u.code, u.name, n FROM (SELECT c.unit_id, COUNT(*) AS n FROM complaints c"
                      f" WHERE {where} AND c.unit_id IS NOT NULL GROUP BY c.unit_id) JOIN units u ON u.id = unit_id",
                      params).fetchall()


def staff(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> list[tuple[str, str, str, int]]:
    """(staff number, name, unit name, count) of the cases about a staff member."""
    where, params = _where(start, end, unit_id)
    return db.execute(
        f"SELECT st.staff_no, st.name, COALESCE(u.name, ''), n FROM (SELECT c.staff_id, COUNT(*) AS n"
        f" FROM complaints c WHERE {where} AND c.staff_id IS NOT NULL GROUP BY c.staff_id)"
        f" JOIN staff st ON st.id = staff_id LEFT JOIN units u ON u.id = st.unit_id", params).fetchall()


def outcomes(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None) -> tuple[int, ...]:
    """(有责, 无责, 满意, 基本满意, 不满意) as the cases stand now."""
    where, params = _where(start, end, unit_id)
    row = db.execute(
        "SELECT COALESCE(SUM(s.liability = 'liable'), 0), COALESCE(SUM(s.liability = 'not_liable'), 0),"
        " COALESCE(SUM(s.opinion = 'satisfied'), 0), COALESCE(SUM(s.opinion = 'basically'), 0),"
        " COALESCE(SUM(s.opinion = 'unsatisfied'), 0)"
        f" FROM complaints c JOIN complaint_state s ON s.complaint_id = c.id WHERE {where}", params).fetchone()
    return tuple(int(value) for value in row)


def limits(db: sqlite_utils.Database, start: str, end: str, unit_id: int | None,
           as_of: str) -> list[tuple[int, int, int, int, int]]:
    """(major, closed on time, closed late, open in time, open overdue) against each case's
    limit (``due_at``, extensions included), the open ones judged at ``as_of``."""
    where, params = _where(start, end, unit_id)
    return db.execute(
        "SELECT c.major,"
        " COALESCE(SUM(s.closed_at IS NOT NULL AND julianday(s.closed_at) <= julianday(s.due_at)), 0),"
        " COALESCE(SUM(s.closed_at IS NOT NULL AND julianday(s.closed_at) > julianday(s.due_at)), 0),"
        f" COALESCE(SUM({_OPEN} AND julianday(s.due_at) >= julianday(?)), 0),"
        f" COALESCE(SUM({_OPEN} AND julianday(s.due_at) < julianday(?)), 0)"
        f" FROM complaints c JOIN complaint_state s ON s.complaint_id = c.id WHERE {where} GROUP BY c.major",
        [as_of, as_of, *params]).fetchall()


def open_cases(db: sqlite_utils.Database, end: str, unit_id: int | None) -> list[tuple]:
    """(number, received, kind, severity, major, unit name, status, due) of every case received
    before the instant ``end`` and still open now (the backlog of earlier periods too)."""
    scope: str = ""
    params: list[Any] = []
    if unit_id is not None:
        scope, params = " AND c.unit_id = ?", [unit_id]
    return db.execute(
        "SELECT c.number, c.received_at, c.kind, c.severity, c.major, COALESCE(u.name, ''), s.status, s.due_at"
        " FROM complaint_state s JOIN complaints c ON c.id = s.complaint_id LEFT JOIN units u ON u.id = c.unit_id"
        f" WHERE {_OPEN} AND julianday(c.received_at) < julianday(?){scope}", [end, *params]).fetchall()


def repeat_complainants(db: sqlite_utils.Database, start: str, end: str,
                        unit_id: int | None) -> list[tuple[str, int, str]]:
    """(masked phone, cases, last received) of every phone number with two cases or more."""
    where, params = _where(start, end, unit_id)
    return db.execute(
        f"SELECT {_MASKED}, COUNT(*), MAX(c.received_at) FROM complaints c WHERE {where}"
        f" AND {_DIGITS} != '' GROUP BY {_DIGITS} HAVING COUNT(*) >= 2", params).fetchall()
