"""The user_signatures table: each user's own drawn signature (a PNG), kept for re-use on notices."""

from __future__ import annotations

import sqlite_utils


def get(db: sqlite_utils.Database, user_id: int) -> bytes | None:
    row = db.execute("SELECT png FROM user_signatures WHERE user_id = ?", [user_id]).fetchone()
    return bytes(row[0]) if row else None


def put(db: sqlite_utils.Database, user_id: int, png: bytes, updated_at: str) -> bool:
    """Store ``png`` as the user's signature; True when one was replaced."""
    existed = get(db, user_id) is not None
    db.execute(
        "INSERT INTO user_signatures (user_id, png, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT(user_id) DO UPDATE SET png = excluded.png, updated_at = excluded.updated_at",
        [user_id, png, updated_at],
    )
    return existed


def delete(db: sqlite_utils.Database, user_id: int) -> bool:
    """Remove the user's signature; True when there was one."""
    cursor = db.execute("DELETE FROM user_signatures WHERE user_id = ?", [user_id])
    return cursor.rowcount > 0
