"""SQL of the complaints register: the intake rows (immutable), their append-only events, the
photos of an investigation, the findings made from a case, and where each case stands.

The rows come back with the complainant's name and phone as stored: masking is the services'
work (``services.complaints``), which decide who may read them.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlite_utils

from inspector.domain.complaints import (
    ComplaintState,
    ComplaintStatus,
    Event,
    EventKind,
    Intake,
    Liability,
    Opinion,
)

INTAKE_COLUMNS = ("channel", "kind", "order_no", "severity", "behaviour", "major", "urgent", "rural",
                  "received_at", "event_at", "place", "route", "vehicle_id", "staff_id", "unit_id", "what",
                  "complainant_name", "complainant_phone")

_ROW = (
    "SELECT c.id, c.number, c.taken_by, COALESCE(u.display_name, ''), COALESCE(v.plate, ''),"
    " COALESCE(st.staff_no || ' ' || st.name, ''), COALESCE(un.name, ''),"
    " s.status, s.round, s.due_at, s.department_due_at, s.extended, s.investigated, s.liability, s.opinion,"
    " s.result_at, s.closed_at, " + ", ".join(f"c.{column}" for column in INTAKE_COLUMNS) +
    " FROM complaints c JOIN complaint_state s ON s.complaint_id = c.id"
    " LEFT JOIN users u ON u.id = c.taken_by LEFT JOIN vehicles v ON v.id = c.vehicle_id"
    " LEFT JOIN staff st ON st.id = c.staff_id LEFT JOIN units un ON un.id = c.unit_id"
)
_STATE_AT = 7


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def next_serial(db: sqlite_utils.Database, year: int) -> int:
    """The next serial of ``year``; call inside the write transaction that uses it (gapless)."""
    db.execute("INSERT INTO complaint_serials (year, last_serial) VALUES (?, 1) "
               "ON CONFLICT(year) DO UPDATE SET last_serial = last_serial + 1", [year])
    return int(db.execute("SELECT last_serial FROM complaint_serials WHERE year = ?", [year]).fetchone()[0])


def _intake_values(intake: Intake) -> list[Any]:
    data = intake.model_dump(mode="json")
    values = []
    for column in INTAKE_COLUMNS:
        value = data[column]
        values.append(int(value) if isinstance(value, bool) else value)
    return values


def insert(db: sqlite_utils.Database, number: str, intake: Intake, taken_by: int, entered_at: str) -> int:
    columns = ", ".join(("number", *INTAKE_COLUMNS, "taken_by", "entered_at"))
    marks = ", ".join("?" for _ in range(len(INTAKE_COLUMNS) + 3))
    cursor = db.execute(f"INSERT INTO complaints ({columns}) VALUES ({marks})",
                        [number, *_intake_values(intake), taken_by, entered_at])
    return int(cursor.lastrowid or 0)


def append_event(db: sqlite_utils.Database, complaint_id: int, kind: EventKind, at: str, by: int,
                 data: dict[str, Any]) -> int:
    """Append one event; its sequence number (1 is the intake)."""
    row = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM complaint_events WHERE complaint_id = ?",
                     [complaint_id]).fetchone()
    seq = int(row[0])
    db.execute("INSERT INTO complaint_events (complaint_id, seq, kind, at, by_user, data) VALUES (?,?,?,?,?,?)",
               [complaint_id, seq, kind.value, at, by, json.dumps(data, ensure_ascii=False, sort_keys=True)])
    return seq


def add_photos(db: sqlite_utils.Database, complaint_id: int, seq: int, photo_ids: list[int]) -> None:
    for position, photo_id in enumerate(photo_ids, start=1):
        db.execute("INSERT INTO complaint_photos (complaint_id, seq, photo_id, position) VALUES (?,?,?,?)",
                   [complaint_id, seq, photo_id, position])


def photo_ids(db: sqlite_utils.Database, complaint_id: int) -> list[int]:
    """Every photo of the case's investigations, in the order they were added."""
    return [row[0] for row in db.execute(
        "SELECT photo_id FROM complaint_photos WHERE complaint_id = ? ORDER BY seq, position", [complaint_id])]


def add_finding(db: sqlite_utils.Database, complaint_id: int, finding_id: int) -> None:
    db.execute("INSERT INTO complaint_findings (complaint_id, finding_id) VALUES (?, ?)", [complaint_id, finding_id])


def finding_ids(db: sqlite_utils.Database, complaint_id: int) -> tuple[int, ...]:
    return tuple(row[0] for row in db.execute(
        "SELECT finding_id FROM complaint_findings WHERE complaint_id = ? ORDER BY finding_id", [complaint_id]))


def write_state(db: sqlite_utils.Database, complaint_id: int, state: ComplaintState, updated_at: str) -> None:
    data = state.model_dump(mode="json")
    db.execute(
        "INSERT INTO complaint_state (complaint_id, status, round, due_at, department_due_at, extended, investigated,"
        " liability, opinion, result_at, closed_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(complaint_id) DO UPDATE SET status = excluded.status, round = excluded.round,"
        " due_at = excluded.due_at, department_due_at = excluded.department_due_at, extended = excluded.extended,"
        " investigated = excluded.investigated, liability = excluded.liability, opinion = excluded.opinion,"
        " result_at = excluded.result_at, closed_at = excluded.closed_at, updated_at = excluded.updated_at",
        [complaint_id, data["status"], data["round"], data["due_at"], data["department_due_at"],
         int(data["extended"]), int(data["investigated"]), data["liability"], data["opinion"], data["result_at"],
         data["closed_at"], updated_at])


def events(db: sqlite_utils.Database, complaint_id: int) -> list[Event]:
    rows = db.execute(
        "SELECT e.seq, e.kind, e.at, e.by_user, COALESCE(u.display_name, ''), e.data FROM complaint_events e"
        " LEFT JOIN users u ON u.id = e.by_user WHERE e.complaint_id = ? ORDER BY e.seq", [complaint_id]).fetchall()
    return [Event(seq=row[0], kind=EventKind(row[1]), at=datetime.fromisoformat(row[2]), by=row[3], by_name=row[4],
                  data=json.loads(row[5])) for row in rows]


class Row:
    """One joined row: the intake, the labels and the state, as stored (nothing masked)."""

    def __init__(self, row: tuple[Any, ...]) -> None:
        self.id: int = row[0]
        self.number: str = row[1]
        self.taken_by: int = row[2]
        self.taken_by_name: str = row[3]
        self.vehicle_label: str = row[4]
        self.staff_label: str = row[5]
        self.unit_name: str = row[6]
        s = _STATE_AT
        self.state = ComplaintState(
            status=ComplaintStatus(row[s]), round=row[s + 1], due_at=datetime.fromisoformat(row[s + 2]),
            department_due_at=_when(row[s + 3]), extended=bool(row[s + 4]), investigated=bool(row[s + 5]),
            liability=Liability(row[s + 6]) if row[s + 6] else None, opinion=Opinion(row[s + 7]) if row[s + 7] else None,
            result_at=_when(row[s + 8]), closed_at=_when(row[s + 9]))
        values = dict(zip(INTAKE_COLUMNS, row[s + 10:], strict=True))
        self.intake = Intake.model_validate(values)


def get(db: sqlite_utils.Database, complaint_id: int) -> Row | None:
    found = db.execute(f"{_ROW} WHERE c.id = ?", [complaint_id]).fetchone()
    return Row(found) if found else None


def id_by_number(db: sqlite_utils.Database, number: str) -> int | None:
    found = db.execute("SELECT id FROM complaints WHERE number = ?", [number]).fetchone()
    return found[0] if found else None


def list_rows(db: sqlite_utils.Database, *, statuses: list[str] | None = None, unit_id: int | None = None,
              vehicle_id: int | None = None, staff_id: int | None = None, limit: int = 1000) -> list[Row]:
    """Cases newest intake first."""
    where, params = [], []
    if statuses:
        where.append(f"s.status IN ({', '.join('?' for _ in statuses)})")
        params += statuses
    for column, value in (("unit_id", unit_id), ("vehicle_id", vehicle_id), ("staff_id", staff_id)):
        if value is not None:
            where.append(f"c.{column} = ?")
            params.append(value)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = db.execute(f"{_ROW}{clause} ORDER BY c.received_at DESC, c.id DESC LIMIT ?", [*params, limit]).fetchall()
    return [Row(row) for row in rows]


def plates_and_fleet_numbers(db: sqlite_utils.Database) -> list[str]:
    return [value for row in db.execute("SELECT plate, fleet_no FROM vehicles WHERE active = 1") for value in row]


def staff_numbers(db: sqlite_utils.Database) -> list[str]:
    return [row[0] for row in db.execute("SELECT staff_no FROM staff WHERE active = 1")]
