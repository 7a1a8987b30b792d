"""The registry tables (units, vehicles, staff, locations): rows in, domain records out."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from inspector.domain.registry import DATA_MODELS, RECORD_MODELS, RegistryKind

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
    return f"SELECT id, active, {', '.join(data_columns(kind))} FROM {TABLES[kind]}"


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


def insert(db: sqlite_utils.Database, kind: RegistryKind, values: dict[str, Any], now: str) -> int:
    columns = list(values) + ["active", "created_at", "updated_at"]
    placeholders = ", ".join("?" for _ in columns)
    cursor = db.execute(
        f"INSERT INTO {TABLES[kind]} ({', '.join(columns)}) VALUES ({placeholders})",
        [*values.values(), 1, now, now],
    )
    return int(cursor.lastrowid or 0)


def update(db: sqlite_utils.Database, kind: RegistryKind, record_id: int, values: dict[str, Any], now: str) -> None:
    assignments = ", ".join(f"{column} = ?" for column in values)
    db.execute(
        f"UPDATE {TABLES[kind]} SET {assignments}, updated_at = ? WHERE id = ?",
        [*values.values(), now, record_id],
    )


def set_active(db: sqlite_utils.Database, kind: RegistryKind, record_id: int, active: bool, now: str) -> None:
    db.execute(
        f"UPDATE {TABLES[kind]} SET active = ?, updated_at = ? WHERE id = ?", [int(active), now, record_id]
    )


def existing_keys(db: sqlite_utils.Database, kind: RegistryKind, column: str) -> dict[str, int]:
    """value → id for one unique column (used by imports to find duplicates in one query)."""
    if column not in data_columns(kind):
        raise ValueError(column)
    return {row[0]: row[1] for row in db.execute(f"SELECT {column}, id FROM {TABLES[kind]}")}
