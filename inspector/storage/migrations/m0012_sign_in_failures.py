"""0012_sign_in_failures: wrong passwords in a row per user name, and until when the next try must
wait (issue #12 point 15). Keyed by the name as typed (trimmed), so an unknown name is slowed down
just like a real one and the wait does not tell which accounts exist. A successful sign-in or a
password set by an admin removes the row.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0012_sign_in_failures"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE sign_in_failures (
            username TEXT PRIMARY KEY,
            failures INTEGER NOT NULL CHECK (failures > 0),
            last_at TEXT NOT NULL,
            wait_until TEXT NOT NULL
        );
        """,
    )
