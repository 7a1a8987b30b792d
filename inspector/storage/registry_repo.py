"""The registry tables (units, vehicles, staff, locations): rows in, domain records out.

Each record's service history is in ``registry_periods`` (migration 0013): ``insert`` starts the
first stretch, ``move_unit`` ends it in the old unit and starts one in the new, ``retire`` ends
it, ``reactivate`` starts another. The row's ``active_from`` / ``retired_on`` say the first day
and the retirement day; the periods say in which unit on which days (the monthly coverage).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlite_utils

from inspector.domain.registry import DATA_MODELS, RECORD_MODELS, RegistryKind, ServicePeriod

TABLES: dict[RegistryKind, str] = {
    RegistryKind.UNITS: "units",
    RegistryKind.VEHICLES: "vehicles",
    RegistryKind.STAFF: "staff",
    RegistryKind.LOCATIONS: "locations",
}
# Columns searched by the free-text box (LIKE, so Chinese substrings of any length match).
SEARCH_COLUMNS: dict[RegistryKind, tuple[str, ...]] = {
    RegistryKind.UNITS: ("code", "name", "head_name"),
    RegistryKind.VEHICLES: ("plate", "fleet_no", "route", "model"),
    RegistryKind.STAFF: ("staff_no", "name", "phone"),
    RegistryKind.LOCATIONS: ("code", "name", "area"),
}
ORDER: dict[RegistryKind, str] = {
    RegistryKind.UNITS: "code",
    RegistryKind.VEHICLES: "fleet_no",
    RegistryKind.STAFF: "staff_no",
    RegistryKind.LOCATIONS: "code",
}


def data_columns(kind: RegistryKind) -> list[str]:
    return list(DATA_MODELS[kind].model_fields)


def _record(kind: RegistryKind, row: dict[str, Any]) -> Any:
    return RECORD_MODELS[kind].model_validate(row)


def _select(kind: RegistryKind) -> str:
    return f"SELECT id, active, active_from, retired_on, {', '.join(data_columns(kind))} FROM {TABLES[kind]}"


def get(db: sqlite_utils.Database, kind: RegistryKind, record_id: int) -> Any | None:
    rows = list(db.query(f"{_select(kind)} WHERE id = ?", [record_id]))
    return _record(kind, rows[0]) if rows else None


def find(db: sqlite_utils.Database, kind: RegistryKind, column: str, value: str) -> Any | None:
    if column not in data_columns(kind):
        raise ValueError(column)
    rows = list(db.query(f"{_select(kind)} WHERE {column} = ?", [value]))
    return _record(kind, rows[0]) if rows else None


def search(
    db: sqlite_utils.Database, kind: RegistryKind, *, text: str = "", include_retired: bool = False,
    unit_id: int | None = None, limit: int | None = None,
) -> list[Any]:
    where: list[str] = []
    params: list[Any] = []
    if not include_retired:
        where.append("active = 1")
    if unit_id is not None and kind is not RegistryKind.UNITS:
        where.append("unit_id = ?")
        params.append(unit_id)
    if text.strip():
        needle = f"%{text.strip()}%"
        where.append("(" + " OR ".join(f"{c} LIKE ?" for c in SEARCH_COLUMNS[kind]) + ")")
        params += [needle] * len(SEARCH_COLUMNS[kind])
    sql = _select(kind) + (f" WHERE {' AND '.join(where)}" if where else "") + f" ORDER BY {ORDER[kind]}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_record(kind, row) for row in db.query(sql, params)]


def count(db: sqlite_utils.Database, kind: RegistryKind, *, include_retired: bool = False) -> int:
    clause = "" if include_retired else " WHERE active = 1"
    return int(db.execute(f"SELECT count(*) FROM {TABLES[kind]}{clause}").fetchone()[0])


def insert(db: sqlite_utils.Database, kind: RegistryKind, values: dict[str, Any], now: str,
           active_from: date | None) -> int:
    """A new record in service from ``active_from`` (None: since before dates were kept)."""
    since = active_from.isoformat() if active_from else None
    columns = list(values) + ["active", "active_from", "created_at", "updated_at"]
    placeholders = ", ".join("?" for _ in columns)
    cursor = db.execute(
        f"INSERT INTO {TABLES[kind]} ({', '.join(columns)}) VALUES ({placeholders})",
        [*values.values(), 1, since, now, now],
    )
    record_id = int(cursor.lastrowid or 0)
    unit_id = record_id if kind is RegistryKind.UNITS else values["unit_id"]
    _open_period(db, kind, record_id, unit_id, since)
    return record_id


def update(db: sqlite_utils.Database, kind: RegistryKind, record_id: int, values: dict[str, Any], now: str) -> None:
    assignments = ", ".join(f"{column} = ?" for column in values)
    db.execute(
        f"UPDATE {TABLES[kind]} SET {assignments}, updated_at = ? WHERE id = ?",
        [*values.values(), now, record_id],
    )


def move_unit(db: sqlite_utils.Database, kind: RegistryKind, record_id: int, unit_id: int, on: date) -> None:
    """The record belongs to ``unit_id`` from ``on``: its current stretch ends the day before (or,
    begun that same day, changes unit). A retired record only has its last stretch's unit changed
    from ``on`` when that stretch covers the day; otherwise nothing in its past changes."""
    current = _last_period(db, kind, record_id)
    if current is None:
        return
    period_id, since, until = current
    if until is not None and until < on.isoformat():
        return  # retired before the transfer: its months in the old unit stay as they were
    if since is not None and since >= on.isoformat():
        db.execute("UPDATE registry_periods SET unit_id = ? WHERE id = ?", [unit_id, period_id])
        return
    db.execute("UPDATE registry_periods SET until = ? WHERE id = ?",
               [(on - timedelta(days=1)).isoformat(), period_id])
    _open_period(db, kind, record_id, unit_id, on.isoformat(), until)


def retire(db: sqlite_utils.Database, kind: RegistryKind, record_id: int, on: date, now: str) -> None:
    """Retired on ``on`` (in service that day, not after): the row and its last stretch end."""
    db.execute(f"UPDATE {TABLES[kind]} SET active = 0, retired_on = ?, updated_at = ? WHERE id = ?",
               [on.isoformat(), now, record_id])
    current = _last_period(db, kind, record_id)
    if current is not None:
        db.execute("UPDATE registry_periods SET until = ? WHERE id = ?", [on.isoformat(), current[0]])


def reactivate(db: sqlite_utils.Database, kind: RegistryKind, record_id: int, unit_id: int, on: date,
               now: str) -> None:
    """Back in service from ``on`` in ``unit_id``: a new stretch; the retired months stay out.
    Reactivated the day it was retired (a retirement taken back), the last stretch goes on."""
    db.execute(f"UPDATE {TABLES[kind]} SET active = 1, retired_on = NULL, updated_at = ? WHERE id = ?",
               [now, record_id])
    current = _last_period(db, kind, record_id)
    if current is not None and current[2] == on.isoformat():
        db.execute("UPDATE registry_periods SET until = NULL, unit_id = ? WHERE id = ?", [unit_id, current[0]])
        return
    _open_period(db, kind, record_id, unit_id, on.isoformat())


def set_active_from(db: sqlite_utils.Database, kind: RegistryKind, record_id: int, active_from: date,
                    now: str) -> None:
    """Correct the first day in service: the row and its first stretch."""
    db.execute(f"UPDATE {TABLES[kind]} SET active_from = ?, updated_at = ? WHERE id = ?",
               [active_from.isoformat(), now, record_id])
    db.execute("UPDATE registry_periods SET since = ? WHERE id = (SELECT MIN(id) FROM registry_periods"
               " WHERE kind = ? AND record_id = ?)", [active_from.isoformat(), kind.value, record_id])


def periods(db: sqlite_utils.Database, kind: RegistryKind, record_id: int) -> list[ServicePeriod]:
    """The record's stretches in service, oldest first."""
    rows = db.execute("SELECT unit_id, since, until FROM registry_periods WHERE kind = ? AND record_id = ?"
                      " ORDER BY id", [kind.value, record_id]).fetchall()
    return [ServicePeriod(unit_id=row[0], since=row[1], until=row[2]) for row in rows]


def replace_periods(db: sqlite_utils.Database, kind: RegistryKind, record_id: int,
                    stretches: list[tuple[int, str | None, str | None]]) -> None:
    """The record's whole history as it came from the office (exchange): (unit id, since, until)."""
    db.execute("DELETE FROM registry_periods WHERE kind = ? AND record_id = ?", [kind.value, record_id])
    for unit_id, since, until in stretches:
        _open_period(db, kind, record_id, unit_id, since, until)


def _open_period(db: sqlite_utils.Database, kind: RegistryKind, record_id: int, unit_id: int, since: str | None,
                 until: str | None = None) -> None:
    db.execute("INSERT INTO registry_periods (kind, record_id, unit_id, since, until) VALUES (?, ?, ?, ?, ?)",
               [kind.value, record_id, unit_id, since, until])


def _last_period(db: sqlite_utils.Database, kind: RegistryKind,
                 record_id: int) -> tuple[int, str | None, str | None] | None:
    return db.execute("SELECT id, since, until FROM registry_periods WHERE kind = ? AND record_id = ?"
                      " ORDER BY id DESC LIMIT 1", [kind.value, record_id]).fetchone()


def existing_keys(db: sqlite_utils.Database, kind: RegistryKind, column: str) -> dict[str, int]:
    """value → id for one unique column (used by imports to find duplicates in one query)."""
    if column not in data_columns(kind):
        raise ValueError(column)
    return {row[0]: row[1] for row in db.execute(f"SELECT {column}, id FROM {TABLES[kind]}")}
