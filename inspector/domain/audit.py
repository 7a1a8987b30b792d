"""The audit trail: append-only entries linked by a SHA-256 hash chain.

Each entry's hash covers its own fields and the previous entry's hash, so changing, deleting or
reordering any row breaks every hash after it. ``verify_chain`` is pure: storage hands it rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64


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


def canonical_json(value: Any) -> str:
    """A stable JSON text: sorted keys, no spaces, UTF-8 characters kept."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


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
    payload = canonical_json([prev_hash, at, actor_id, actor, action, entity, entity_id, before, after])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    reason: str  # "hash_mismatch" (row altered) or "link_mismatch" (row removed or reordered)


def verify_chain(records: Iterable[AuditRecord]) -> list[ChainBreak]:
    """Every place where the chain does not hold, in id order; empty means intact."""
    breaks: list[ChainBreak] = []
    expected_prev = GENESIS_HASH
    for record in records:
        if record.prev_hash != expected_prev:
            breaks.append(ChainBreak(record.id, "link_mismatch"))
        recomputed = entry_hash(
            record.prev_hash, record.at, record.actor_id, record.actor, record.action,
            record.entity, record.entity_id, record.before, record.after,
        )
        if recomputed != record.hash:
            breaks.append(ChainBreak(record.id, "hash_mismatch"))
        expected_prev = record.hash
    return breaks
