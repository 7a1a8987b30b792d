"""0017_audit_row_facts: compact audit entries that carry row facts (issues #12.8, #18.3).

- The entries made so far move, unchanged, to ``audit_legacy`` (``ALTER TABLE … RENAME``: their
  append-only triggers follow them); they keep their old hashing and stay verifiable.
- New entries go to ``audit_entries``: the time as epoch seconds and offset minutes, the actor,
  action and entity as a code of ``audit_kinds``, ``before``/``after`` only when a service gave
  them (an ``after`` object as the array of its values when its kind names the keys: the same
  keys are not repeated in every entry), ``rows`` — the row facts: for every row the entry's transaction changed, its table (a code
  of ``audit_tables``), its primary key and a 128-bit hash of its new content (packed, see
  ``storage.row_facts``) — and the entry's chain hash (SHA-256 cut to 128 bits, 16 bytes). The previous hash is
  not repeated: it is the entry before. All three tables refuse UPDATE and DELETE.
- ``audit_log`` becomes a view with the columns it always had (time as text, hashes as hex), over
  both generations, so every reader (and the sqlite3 shell) sees one log.

Opening a database that had migrations applied records one ``audit.baseline`` entry with the hash
of every row (``storage.database``), chained to the last legacy entry: from then on ``check``
proves each row's current content against its last entry.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0017_audit_row_facts"

_APPEND_ONLY = """
        CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
"""

# ISO 8601 with the offset, as ``datetime.isoformat()`` writes it to the second.
_AT_TEXT = (
    "CASE WHEN typeof(e.at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%S', e.at + e.tz * 60, 'unixepoch')"
    " || CASE WHEN e.tz < 0 THEN '-' ELSE '+' END || printf('%02d:%02d', abs(e.tz) / 60, abs(e.tz) % 60)"
    " ELSE e.at END"
)


# An ``after`` stored as the array of its values (the kind's ``keys`` name them, sorted) is read
# back as the object it was.
_AFTER_TEXT = (
    "CASE WHEN k.keys IS NULL OR e.after IS NULL THEN COALESCE(e.after, '') ELSE (SELECT json_group_object(n.value,"
    " CASE v.type WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') WHEN 'object' THEN json(v.value)"
    " WHEN 'array' THEN json(v.value) ELSE v.value END)"
    " FROM json_each(k.keys) n JOIN json_each(e.after) v ON v.key = n.key) END"
)


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        f"""
        ALTER TABLE audit_log RENAME TO audit_legacy;
        CREATE TABLE audit_kinds (
            code INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            actor TEXT NOT NULL,
            keys TEXT,
            UNIQUE (action, entity, actor, keys)
        );
        CREATE TABLE audit_tables (
            code INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE audit_entries (
            id INTEGER PRIMARY KEY,
            at NOT NULL,
            tz INTEGER NOT NULL DEFAULT 0,
            actor_id INTEGER,
            kind INTEGER NOT NULL,
            entity_id INTEGER,
            before TEXT,
            after TEXT,
            rows BLOB,
            hash BLOB NOT NULL
        );
        {_APPEND_ONLY.format(table="audit_entries")}
        {_APPEND_ONLY.format(table="audit_kinds")}
        {_APPEND_ONLY.format(table="audit_tables")}
        CREATE VIEW audit_log AS
            SELECT id, at, actor_id, actor, action, entity, entity_id, before, after, prev_hash, hash
            FROM audit_legacy
            UNION ALL
            SELECT e.id, {_AT_TEXT}, e.actor_id, k.actor, k.action, k.entity, e.entity_id,
                   COALESCE(e.before, ''), {_AFTER_TEXT},
                   COALESCE((SELECT lower(hex(p.hash)) FROM audit_entries p WHERE p.id < e.id
                             ORDER BY p.id DESC LIMIT 1),
                            (SELECT l.hash FROM audit_legacy l ORDER BY l.id DESC LIMIT 1),
                            '{"0" * 64}'),
                   lower(hex(e.hash))
            FROM audit_entries e JOIN audit_kinds k ON k.code = e.kind;
        """,
    )
