"""The audit trail: append-only entries linked by a SHA-256 hash chain.

Each entry's hash covers its own fields and the previous entry's hash, so changing, deleting or
reordering any row breaks every hash after it. ``verify_chain`` is pure: storage hands it rows.

Two generations of entries share one chain (issue #12.8, #18.3):

- **legacy** entries (made before migration 0017) keep their old hashing (``entry_hash``) and
  their stored ``prev_hash``;
- **compact** entries (since 0017) carry *row facts*: for every row the entry's transaction
  inserted, updated or deleted, the table, the row's primary key and a 128-bit hash of its new
  content (``None``: deleted). Their hash (``compact_hash``) covers the previous entry's hash, the
  entry's fields and its row facts, so the chain proves what each row looked like after each
  change, and ``check`` proves that each row's current content is what its last entry says.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

GENESIS_HASH = "0" * 64
ROW_HASH_BYTES = 16  # 128 bits: a second row with the same hash is out of anyone's reach
LINK_BYTES = 16  # a compact entry's chain hash: SHA-256 cut to 128 bits, for the same reason
COMPACT_VERSION = "v2"  # mixed into every compact entry's hash: the two generations never collide


@dataclass(frozen=True)
class RowFact:
    """One row an entry's transaction changed: its table, primary key (canonical JSON array of the
    key's values) and the hash of its content afterwards (``None`` when the row was deleted)."""

    table: str
    key: str
    digest: bytes | None

    def plain(self) -> list[Any]:
        return [self.table, self.key, None if self.digest is None else self.digest.hex()]


@dataclass(frozen=True)
class AuditRecord:
    """One audit row as stored. ``before``/``after`` are JSON texts (ids or small snapshots)."""

    id: int
    at: str
    actor_id: int | None
    actor: str
    action: str
    entity: str
    entity_id: int | None
    before: str
    after: str
    prev_hash: str
    hash: str
    rows: tuple[RowFact, ...] | None = None  # None: a legacy entry (no row facts, old hashing)
    compact: bool = field(default=False)


def canonical_json(value: Any) -> str:
    """A stable JSON text: sorted keys, no spaces, UTF-8 characters kept."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _plain(value: Any) -> Any:
    return value.hex() if isinstance(value, bytes | bytearray | memoryview) else value


def row_digest(table: str, columns: Sequence[str], values: Sequence[Any]) -> bytes:
    """The 128-bit hash of one row's content: its table and ``{column: value}`` (BLOBs as hex)."""
    payload = canonical_json([table, {column: _plain(value) for column, value in zip(columns, values)}])
    return hashlib.sha256(payload.encode("utf-8")).digest()[:ROW_HASH_BYTES]


def entry_hash(
    prev_hash: str,
    at: str,
    actor_id: int | None,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: str,
    after: str,
) -> str:
    """The hash of a legacy entry (before migration 0017): unchanged, so old entries still verify."""
    payload = canonical_json([prev_hash, at, actor_id, actor, action, entity, entity_id, before, after])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def compact_hash(
    prev_hash: str,
    at: str,
    actor_id: int | None,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: str,
    after: str,
    rows: Iterable[RowFact],
) -> str:
    """The hash of a compact entry (hex, ``LINK_BYTES`` long): its fields, its row facts and the
    previous entry's hash. A forger who wants an anchored head to stay the same must find another
    entry with the same 128-bit hash: a second preimage, out of reach."""
    payload = canonical_json([COMPACT_VERSION, prev_hash, at, actor_id, actor, action, entity, entity_id,
                              before, after, [fact.plain() for fact in rows]])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:2 * LINK_BYTES]


def record_hash(record: AuditRecord, prev_hash: str) -> str:
    """What ``record``'s hash must be when it follows an entry hashed ``prev_hash``."""
    if record.rows is None:
        return entry_hash(prev_hash, record.at, record.actor_id, record.actor, record.action,
                          record.entity, record.entity_id, record.before, record.after)
    return compact_hash(prev_hash, record.at, record.actor_id, record.actor, record.action, record.entity,
                        record.entity_id, record.before, record.after, record.rows)


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    reason: str  # "hash_mismatch" (row altered) or "link_mismatch" (row removed or reordered)


@dataclass
class ChainWalk:
    """The recomputed chain: its breaks and the hash recomputed at every entry id (for anchors)."""

    breaks: list[ChainBreak] = field(default_factory=list)
    head: str = GENESIS_HASH
    last_id: int = 0
    count: int = 0


def walk_chain(records: Iterable[AuditRecord], *, at_ids: set[int] | None = None,
               seen: dict[int, str] | None = None) -> ChainWalk:
    """Recompute the chain from the entries' contents. ``seen`` receives the recomputed hash of
    every id in ``at_ids`` (what an anchor outside the database is compared with).

    A legacy entry's stored ``prev_hash`` must be the stored hash before it; a compact entry
    stores no ``prev_hash`` (it is the entry before it) and its id is the one before it plus one,
    so a removed compact entry shows as a gap (``link_mismatch`` of the next one) and a reordered
    one as a ``hash_mismatch``. Removing the newest entries leaves no gap: the rows they wrote
    then disagree with their last remaining facts, which ``check`` reports.
    """
    walk = ChainWalk()
    expected_prev = GENESIS_HASH  # the stored hash of the entry before (what a legacy entry names)
    recomputed_prev = GENESIS_HASH  # the recomputed hash of the entry before (what anchors hold)
    previous_id: int | None = None
    for record in records:
        walk.count += 1
        if record.rows is None:
            linked = record.prev_hash == expected_prev
            stored_prev = record.prev_hash
        else:  # compact ids follow one another: a gap is an entry removed
            linked = previous_id is None or record.id == previous_id + 1
            stored_prev = expected_prev
        if not linked:
            walk.breaks.append(ChainBreak(record.id, "link_mismatch"))
        if record_hash(record, stored_prev) != record.hash and (linked or record.rows is None):
            walk.breaks.append(ChainBreak(record.id, "hash_mismatch"))
        recomputed_prev = record_hash(record, recomputed_prev)
        if at_ids is not None and seen is not None and record.id in at_ids:
            seen[record.id] = recomputed_prev
        expected_prev = record.hash
        previous_id = walk.last_id = record.id
    walk.head = recomputed_prev
    return walk


def verify_chain(records: Iterable[AuditRecord]) -> list[ChainBreak]:
    """Every place where the chain does not hold, in id order; empty means intact."""
    return walk_chain(records).breaks


HEAD_PREFIX = "sha256:"


def head_text(entry_id: int, digest: str) -> str:
    """How a chain head is written outside the database (exchange files, checkpoints):
    ``sha256:<hex>@<entry id>`` — the hash of the entry and which entry it is."""
    return f"{HEAD_PREFIX}{digest}@{entry_id}"


def parse_head(text: str) -> tuple[int, str] | None:
    """(entry id, hex hash) of a head written by ``head_text``; None for any other text (the plain
    hex of files made before #12.8 says no entry id). A legacy head is 64 hex digits, a compact one 32."""
    body, at, number = text.strip().removeprefix(HEAD_PREFIX).partition("@")
    if (not at or not number.isdigit() or len(body) not in (64, 2 * LINK_BYTES)
            or any(c not in "0123456789abcdef" for c in body)):
        return None
    return int(number), body
