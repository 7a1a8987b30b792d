"""SQL of the wrong-password counter per user name (table ``sign_in_failures``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils


@dataclass(frozen=True)
class Failures:
    username: str
    failures: int
    last_at: datetime
    wait_until: datetime


def get(db: sqlite_utils.Database, username: str) -> Failures | None:
    row = db.execute("SELECT failures, last_at, wait_until FROM sign_in_failures WHERE username = ?",
                     [username]).fetchone()
    if row is None:
        return None
    return Failures(username, int(row[0]), datetime.fromisoformat(row[1]), datetime.fromisoformat(row[2]))


def put(db: sqlite_utils.Database, row: Failures) -> None:
    """Inside the caller's transaction."""
    db.execute("INSERT OR REPLACE INTO sign_in_failures (username, failures, last_at, wait_until) VALUES (?,?,?,?)",
               [row.username, row.failures, row.last_at.isoformat(), row.wait_until.isoformat()])


def clear(db: sqlite_utils.Database, username: str) -> None:
    """Inside the caller's transaction."""
    db.execute("DELETE FROM sign_in_failures WHERE username = ?", [username])
