"""Row facts for the audit trail (issue #12.8): which rows a transaction changed, and the hash of
each afterwards, so that ``check`` proves every row's current content is what the app last wrote.

Audited tables: every table of the schema but the audit's own, the migrations' bookkeeping, the
sign-in throttle's counters and the report's derived summaries (``NOT_AUDITED``).
A row is named by its primary key (a canonical JSON array of the key's values; every table
declares one), never by rowid, which ``VACUUM`` may renumber. Its hash is
``domain.audit.row_digest``.

What the app changes is noted by TEMP triggers on the app's own connection (``ensure_capture``,
called as each write transaction begins): they live only in that connection — never in the
file's ``sqlite_master`` — so they catch every write the app makes (services, exchange imports in
``storage/travel/merge.py``, cascades, triggers), while an edit made with the sqlite3 shell or a
hex editor is noted nowhere and ``check`` finds a row whose hash no entry gave. ``take`` reads and
clears the note; ``audit_repo.append`` puts the facts on the entry it appends, and the write
transaction's commit (``storage.transaction``) appends what is left on one ``audit.rows`` entry.

Packed form (``pack``/``unpack``) of an entry's facts, one after another: table code (varint, a
code of ``audit_tables``), key length (varint), key (UTF-8), hash length (one byte: 16, or 0 for a
deleted row), hash.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from inspector.domain.audit import RowFact, row_digest

# The audit's own tables and the migrations' bookkeeping; the sign-in throttle's counters, which a
# successful sign-in clears without an entry (each failure and lockout has its own entry); and the
# monthly report's per-month summaries, derived data kept by triggers (0018), which ``check``
# proves by recomputing them from the audited rows and ``check --rebuild-summaries`` rewrites.
NOT_AUDITED = frozenset({"audit_legacy", "audit_entries", "audit_kinds", "audit_tables", "_sqlite_migrations",
                         "sign_in_failures", "report_unit_months", "report_staff_months", "report_finding_months",
                         "report_subject_months"})
CHANGES_TABLE = "audit_changes"  # TEMP: rows this connection changed since their facts were taken


@dataclass(frozen=True)
class _Schema:
    version: int
    tables: frozenset[str]
    audited: dict[str, tuple[str, ...]]


_SCHEMAS: weakref.WeakKeyDictionary[sqlite_utils.Database, _Schema] = weakref.WeakKeyDictionary()


def _schema(db: sqlite_utils.Database) -> _Schema:
    """The tables and their keys, read again only when ``PRAGMA schema_version`` moved (each write
    transaction asks: reading 50 tables' ``table_info`` each time cost more than the write)."""
    version = int(db.execute("PRAGMA main.schema_version").fetchone()[0])
    known = _SCHEMAS.get(db)
    if known is not None and known.version == version:
        return known
    names = [row[0] for row in db.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    audited = {}
    for name in names:
        if name in NOT_AUDITED:
            continue
        info = db.execute(f'PRAGMA main.table_info("{name}")').fetchall()
        keys = tuple(column[1] for column in sorted((c for c in info if c[5]), key=lambda c: c[5]))
        audited[name] = keys or ("rowid",)
    known = _Schema(version, frozenset(names), audited)
    _SCHEMAS[db] = known
    return known


def audited_tables(db: sqlite_utils.Database) -> dict[str, tuple[str, ...]]:
    """Table → its primary-key columns, in name order."""
    return dict(_schema(db).audited)


def has_table(db: sqlite_utils.Database, name: str) -> bool:
    return name in _schema(db).tables


def _key_sql(keys: tuple[str, ...], prefix: str) -> str:
    return f"json_array({', '.join(f'{prefix}.{key}' for key in keys)})"


_CAPTURING: weakref.WeakKeyDictionary[sqlite_utils.Database, int] = weakref.WeakKeyDictionary()


def capture_installed(db: sqlite_utils.Database) -> bool:
    if _CAPTURING.get(db) == _schema(db).version:
        return True
    return db.execute("SELECT 1 FROM sqlite_temp_master WHERE name = ?", [CHANGES_TABLE]).fetchone() is not None


def ensure_capture(db: sqlite_utils.Database) -> None:
    """TEMP triggers on this connection noting every row it inserts, updates or deletes (once per
    connection and schema; nothing before migration 0017 made the audit tables). Called before the
    write transaction begins, so that a rolled-back transaction does not take them away."""
    schema = _schema(db)
    if _CAPTURING.get(db) == schema.version or not has_table(db, "audit_entries"):
        return
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {CHANGES_TABLE} (tbl TEXT NOT NULL, key TEXT NOT NULL,"
               " PRIMARY KEY (tbl, key)) WITHOUT ROWID")
    for table, keys in audited_tables(db).items():
        # Not INSERT OR IGNORE: the firing statement's own conflict policy (an upsert's OR REPLACE)
        # would override it inside the trigger.
        def note(row: str, table: str = table, keys: tuple[str, ...] = keys) -> str:
            key = _key_sql(keys, row)
            return (f"INSERT INTO {CHANGES_TABLE} (tbl, key) SELECT '{table}', {key} WHERE NOT EXISTS"
                    f" (SELECT 1 FROM {CHANGES_TABLE} WHERE tbl = '{table}' AND key = {key});")

        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            body = " ".join(note(row) for row in rows)
            db.execute(f'CREATE TEMP TRIGGER IF NOT EXISTS "audit_capture_{table}_{event.lower()}"'
                       f' AFTER {event} ON main."{table}" BEGIN {body} END')
    _CAPTURING[db] = schema.version


def _rows(db: sqlite_utils.Database, table: str, keys: tuple[str, ...], where: str = "",
          params: list[Any] | None = None) -> Iterator[tuple[str, bytes]]:
    """(key, hash) of the table's rows (those matching ``where``)."""
    select = "rowid AS rowid, *" if keys == ("rowid",) else "*"
    cursor = db.execute(f'SELECT {_key_sql(keys, "t")} AS _key, {select} FROM main."{table}" t {where}',
                        params or [])
    columns = [description[0] for description in cursor.description][1:]
    for values in cursor:
        yield values[0], row_digest(table, columns, values[1:])


def take(db: sqlite_utils.Database) -> list[RowFact]:
    """The rows changed on this connection since the last call, with their hashes now (in table
    and key order); clears the note. One query per table changed, whatever the number of rows (a
    registry import of 10,000 rows)."""
    if not capture_installed(db):
        return []
    tables = [str(row[0]) for row in db.execute(f"SELECT DISTINCT tbl FROM {CHANGES_TABLE} ORDER BY tbl")]
    if not tables:
        return []
    audited = _schema(db).audited
    facts = []
    for table in tables:
        keys = audited.get(table)
        if keys is None:
            continue
        select = "t.rowid AS rowid, t.*" if keys == ("rowid",) else "t.*"
        match = " AND ".join(f"t.{column} = json_extract(c.key, '$[{index}]')" for index, column in enumerate(keys))
        cursor = db.execute(f'SELECT c.key, {_key_sql(keys, "t")} IS NOT NULL, {select} FROM {CHANGES_TABLE} c'
                            f' LEFT JOIN main."{table}" t ON {match} WHERE c.tbl = ? ORDER BY c.key', [table])
        columns = [description[0] for description in cursor.description][2:]
        for key, present, *values in cursor:
            facts.append(RowFact(table, key, row_digest(table, columns, values) if present else None))
    db.execute(f"DELETE FROM {CHANGES_TABLE}")
    return facts


def current(db: sqlite_utils.Database) -> Iterator[tuple[str, str, bytes]]:
    """(table, key, hash) of every audited row, table by table."""
    for table, keys in audited_tables(db).items():
        for key, digest in _rows(db, table, keys):
            yield table, key, digest


def everything(db: sqlite_utils.Database) -> list[RowFact]:
    """A fact for every audited row (what a baseline entry records)."""
    return [RowFact(table, key, digest) for table, key, digest in current(db)]


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def pack(facts: Iterable[RowFact], code_of: dict[str, int]) -> bytes:
    out = bytearray()
    for fact in facts:
        key = fact.key.encode("utf-8")
        digest = fact.digest or b""
        out += _varint(code_of[fact.table]) + _varint(len(key)) + key + bytes([len(digest)]) + digest
    return bytes(out)


def unpack(data: bytes | None, name_of: dict[int, str]) -> tuple[RowFact, ...]:
    """The facts of a packed ``rows`` value; a code with no table name reads as ``?code``."""
    facts: list[RowFact] = []
    at = 0
    data = data or b""
    while at < len(data):
        code, at = _read_varint(data, at)
        length, at = _read_varint(data, at)
        key = data[at:at + length].decode("utf-8", errors="replace")
        at += length
        size = data[at]
        digest = data[at + 1:at + 1 + size] or None
        at += 1 + size
        facts.append(RowFact(name_of.get(code, f"?{code}"), key, digest))
    return tuple(facts)
