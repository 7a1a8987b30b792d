"""The audit log table: append an entry chained to the previous one; read entries back."""

from __future__ import annotations

from collections.abc import Iterator

import sqlite_utils

from inspector.domain.audit import GENESIS_HASH, AuditRecord, entry_hash


def last_hash(db: sqlite_utils.Database) -> str:
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS_HASH


def append(
    db: sqlite_utils.Database,
    *,
    at: str,
    actor_id: int | None,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: str,
    after: str,
) -> int:
    """Append one entry; the caller holds the write transaction of the change it records."""
    prev = last_hash(db)
    digest = entry_hash(prev, at, actor_id, actor, action, entity, entity_id, before, after)
    cursor = db.execute(
        "INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, before, after,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [at, actor_id, actor, action, entity, entity_id, before, after, prev, digest],
    )
    return int(cursor.lastrowid or 0)


def _record(row: tuple) -> AuditRecord:
    return AuditRecord(*row)


_COLUMNS = "id, at, actor_id, actor, action, entity, entity_id, before, after, prev_hash, hash"


def iter_records(db: sqlite_utils.Database) -> Iterator[AuditRecord]:
    for row in db.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY id"):
        yield _record(row)


def with_action(db: sqlite_utils.Database, action: str) -> list[AuditRecord]:
    """Every entry of one action, oldest first."""
    return [_record(row) for row in db.execute(
        f"SELECT {_COLUMNS} FROM audit_log WHERE action = ? ORDER BY id", [action]).fetchall()]


def recent(
    db: sqlite_utils.Database, *, limit: int = 200, entity: str | None = None, entity_id: int | None = None
) -> list[AuditRecord]:
    where, params = [], []
    if entity:
        where.append("entity = ?")
        params.append(entity)
    if entity_id is not None:
        where.append("entity_id = ?")
        params.append(entity_id)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM audit_log {clause} ORDER BY id DESC LIMIT ?", [*params, limit]
    ).fetchall()
    return [_record(row) for row in rows]
