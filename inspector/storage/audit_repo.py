"""The audit log: append an entry chained to the previous one, with the row facts of its
transaction; read entries back (both generations, ``domain.audit``).

Since migration 0017 entries are written to ``audit_entries`` in the compact form and read
through the ``audit_log`` view or ``iter_records``; before it (a database not yet migrated) they
are written to the ``audit_log`` table as they always were.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import sqlite_utils

from inspector.domain.audit import (
    GENESIS_HASH,
    AuditRecord,
    RowFact,
    canonical_json,
    compact_hash,
    entry_hash,
    head_text,
)
from inspector.storage import row_facts

SYSTEM_ACTOR = "system"
ROWS_ACTION = "audit.rows"  # facts of a transaction's rows written after its last entry
BASELINE_ACTION = "audit.baseline"  # every row's hash, recorded after migrations


def compact(db: sqlite_utils.Database) -> bool:
    """Whether the database has the compact audit tables (migration 0017)."""
    return row_facts.has_table(db, "audit_entries")


def _legacy_table(db: sqlite_utils.Database) -> str:
    return "audit_legacy" if compact(db) else "audit_log"


def last_hash(db: sqlite_utils.Database) -> str:
    """The chain's head: the hash of the newest entry (hex), or the genesis hash."""
    if compact(db):
        row = db.execute("SELECT lower(hex(hash)) FROM audit_entries ORDER BY id DESC LIMIT 1").fetchone()
        if row:
            return str(row[0])
    row = db.execute(f"SELECT hash FROM {_legacy_table(db)} ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS_HASH


def head(db: sqlite_utils.Database) -> str:
    """The chain's head as written outside the database: ``sha256:<hex>@<entry id>``."""
    return head_text(last_id(db), last_hash(db))


def last_id(db: sqlite_utils.Database) -> int:
    """The id of the newest entry (0: none)."""
    ids = [db.execute(f"SELECT MAX(id) FROM {_legacy_table(db)}").fetchone()[0] or 0]
    if compact(db):
        ids.append(db.execute("SELECT MAX(id) FROM audit_entries").fetchone()[0] or 0)
    return int(max(ids))


def _code(db: sqlite_utils.Database, table: str, where: dict[str, str | None]) -> int:
    clause = " AND ".join(f"{column} IS ?" for column in where)
    row = db.execute(f"SELECT code FROM {table} WHERE {clause}", list(where.values())).fetchone()
    if row:
        return int(row[0])
    columns = ", ".join(where)
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(where))})",
                        list(where.values()))
    return int(cursor.lastrowid or 0)


def _table_codes(db: sqlite_utils.Database, names: set[str]) -> dict[str, int]:
    """The code of each table name (made for a name seen the first time), in one query."""
    if not names:
        return {}
    marks = ", ".join("?" * len(names))
    codes = {str(name): int(code) for code, name in db.execute(
        f"SELECT code, name FROM audit_tables WHERE name IN ({marks})", sorted(names))}
    for name in sorted(names - set(codes)):
        codes[name] = int(db.execute("INSERT INTO audit_tables (name) VALUES (?)", [name]).lastrowid or 0)
    return codes


def _tip(db: sqlite_utils.Database) -> tuple[int, str]:
    """(id, hash hex) of the newest entry; (0, genesis) for none."""
    if compact(db):
        row = db.execute("SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1").fetchone()
        if row:
            return int(row[0]), bytes(row[1]).hex()
    row = db.execute(f"SELECT id, hash FROM {_legacy_table(db)} ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)


def _shape(after: str) -> tuple[str | None, str]:
    """(keys, values): an ``after`` object of two keys or more as its sorted keys and the array of
    its values, when they read back as exactly the same text; else (None, after)."""
    if not after.startswith("{"):
        return None, after
    try:
        value = json.loads(after)
    except ValueError:
        return None, after
    if not isinstance(value, dict) or len(value) < 2:
        return None, after
    keys = sorted(value)
    packed = canonical_json([value[key] for key in keys])
    if _unshape(canonical_json(keys), packed) != after:
        return None, after
    return canonical_json(keys), packed


def _unshape(keys: str | None, after: str) -> str:
    if keys is None or not after:
        return after
    return canonical_json(dict(zip(json.loads(keys), json.loads(after), strict=True)))


def _at_parts(at: str) -> tuple[int | str, int]:
    """(epoch seconds, offset minutes) when ``at`` reads back the same from them, else (at, 0)."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at, 0
    offset = moment.utcoffset()
    if offset is None or offset.seconds % 60 or moment.microsecond:
        return at, 0
    minutes = int(offset.total_seconds() // 60)
    seconds = int(moment.timestamp())
    if _at_text(seconds, minutes) != at:
        return at, 0
    return seconds, minutes


def _at_text(seconds: int | str, minutes: int) -> str:
    if isinstance(seconds, str):
        return seconds
    return datetime.fromtimestamp(seconds, timezone(timedelta(minutes=minutes))).isoformat()


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
    """Append one entry, with the facts of the rows changed since the last entry; the caller holds
    the write transaction of the change it records."""
    if not compact(db):
        prev = last_hash(db)
        digest = entry_hash(prev, at, actor_id, actor, action, entity, entity_id, before, after)
        cursor = db.execute(
            "INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, before, after,"
            " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [at, actor_id, actor, action, entity, entity_id, before, after, prev, digest],
        )
        return int(cursor.lastrowid or 0)
    return _append_compact(db, at=at, actor_id=actor_id, actor=actor, action=action, entity=entity,
                           entity_id=entity_id, before=before, after=after, facts=row_facts.take(db))


def _append_compact(db: sqlite_utils.Database, *, at: str, actor_id: int | None, actor: str, action: str,
                    entity: str, entity_id: int | None, before: str, after: str, facts: list[RowFact]) -> int:
    tip, prev = _tip(db)
    entry_id = tip + 1
    if entry_id == 1:  # a new database's first entry: the rows its migrations made come with it
        facts = row_facts.everything(db)
    seconds, minutes = _at_parts(at)
    text = _at_text(seconds, minutes)
    digest = compact_hash(prev, text, actor_id, actor, action, entity, entity_id, before, after, facts)
    keys, stored_after = _shape(after)
    kind = _code(db, "audit_kinds", {"action": action, "entity": entity, "actor": actor, "keys": keys})
    codes = _table_codes(db, {fact.table for fact in facts})
    db.execute(
        "INSERT INTO audit_entries (id, at, tz, actor_id, kind, entity_id, before, after, rows, hash)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        [entry_id, seconds, minutes, actor_id, kind, entity_id, before or None, stored_after or None,
         row_facts.pack(facts, codes) or None, bytes.fromhex(digest)],
    )
    return entry_id


def flush(db: sqlite_utils.Database, at: str) -> int | None:
    """Before a write transaction commits: the facts of rows changed after its last entry (or in a
    transaction that appended none) go on one ``audit.rows`` entry. None when nothing was left."""
    if not compact(db):
        return None
    facts = row_facts.take(db)
    if not facts:
        return None
    return _append_compact(db, at=at, actor_id=None, actor=SYSTEM_ACTOR, action=ROWS_ACTION, entity="rows",
                           entity_id=None, before="", after="", facts=facts)


BASELINE_CHUNK = 50_000  # facts per baseline entry: no single row of hundreds of MB in a big database


def baseline(db: sqlite_utils.Database, at: str, reason: str) -> int | None:
    """``audit.baseline`` entries with the hash of every row (after migrations changed them), in
    chunks of ``BASELINE_CHUNK`` rows; the id of the last one, None when there is nothing."""
    if not compact(db):
        return None
    row_facts.take(db)  # what the migrations did is in the baseline
    last = None
    chunk: list[RowFact] = []
    part = 0

    def write() -> int:
        return _append_compact(db, at=at, actor_id=None, actor=SYSTEM_ACTOR, action=BASELINE_ACTION,
                               entity="database", entity_id=None, before="",
                               after=canonical_json({"part": part, "reason": reason}), facts=chunk)

    for table, key, digest in row_facts.current(db):
        chunk.append(RowFact(table, key, digest))
        if len(chunk) >= BASELINE_CHUNK:
            part += 1
            last, chunk = write(), []
    if chunk or last is None:
        part += 1
        last = write()
    return last


_LEGACY = "id, at, actor_id, actor, action, entity, entity_id, before, after, prev_hash, hash"


def iter_records(db: sqlite_utils.Database) -> Iterator[AuditRecord]:
    """Every entry, oldest first, legacy ones then compact ones (with their row facts)."""
    prev = GENESIS_HASH
    for row in db.execute(f"SELECT {_LEGACY} FROM {_legacy_table(db)} ORDER BY id"):
        record = AuditRecord(*row)
        prev = record.hash
        yield record
    if not compact(db):
        return
    names = {int(code): str(name) for code, name in db.execute("SELECT code, name FROM audit_tables")}
    cursor = db.execute(
        "SELECT e.id, e.at, e.tz, e.actor_id, k.actor, k.action, k.entity, e.entity_id, e.before, e.after,"
        " e.rows, e.hash, k.keys FROM audit_entries e LEFT JOIN audit_kinds k ON k.code = e.kind ORDER BY e.id")
    for (entry_id, at, tz, actor_id, actor, action, entity, entity_id, before, after, rows, digest, keys) in cursor:
        try:
            facts = row_facts.unpack(rows, names)
        except (IndexError, ValueError):
            facts = (RowFact("?", "unreadable row facts", None),)
        try:
            after = _unshape(keys, after or "")
        except (ValueError, TypeError):  # edited by hand: the chain says so
            after = str(after)
        stored = digest.hex() if isinstance(digest, bytes) else str(digest)
        yield AuditRecord(
            id=int(entry_id), at=_at_text(at if isinstance(at, str) else int(at), int(tz or 0)),
            actor_id=actor_id, actor=actor or "?", action=action or "?", entity=entity or "?",
            entity_id=entity_id, before=before or "", after=after or "",
            prev_hash=prev, hash=stored, rows=facts, compact=True)
        prev = stored


def _record(row: tuple) -> AuditRecord:
    return AuditRecord(*row)


_COLUMNS = _LEGACY


def with_action(db: sqlite_utils.Database, action: str) -> list[AuditRecord]:
    """Every entry of one action, oldest first (without row facts)."""
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
