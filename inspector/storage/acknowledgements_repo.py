"""SQL of the on-site acknowledgements (现场确认) of inspections: one row per inspection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils


@dataclass(frozen=True)
class StoredAcknowledgement:
    inspection_id: int
    signer_name: str
    signed_at: datetime
    signature_png: bytes | None
    recorded_by: int


def put(db: sqlite_utils.Database, row: StoredAcknowledgement) -> None:
    """Insert or replace the acknowledgement of ``row.inspection_id`` (inside the caller's transaction)."""
    db.execute("INSERT OR REPLACE INTO inspection_acknowledgements"
               " (inspection_id, signer_name, signed_at, signature_png, recorded_by) VALUES (?,?,?,?,?)",
               [row.inspection_id, row.signer_name, row.signed_at.isoformat(), row.signature_png, row.recorded_by])


def get(db: sqlite_utils.Database, inspection_id: int) -> StoredAcknowledgement | None:
    found = db.execute("SELECT signer_name, signed_at, signature_png, recorded_by FROM inspection_acknowledgements"
                       " WHERE inspection_id = ?", [inspection_id]).fetchone()
    if not found:
        return None
    return StoredAcknowledgement(inspection_id, found[0], datetime.fromisoformat(found[1]), found[2], found[3])
