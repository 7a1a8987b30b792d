"""The settings table: one JSON document per key."""

from __future__ import annotations

import json

import sqlite_utils


def read(db: sqlite_utils.Database, key: str) -> dict | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def write(db: sqlite_utils.Database, key: str, value: dict) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False, sort_keys=True)],
    )
