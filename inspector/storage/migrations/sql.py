"""Running a migration's DDL inside the migration's transaction."""

from __future__ import annotations

import sqlite3

import sqlite_utils


def run_statements(db: sqlite_utils.Database, statements: str) -> None:
    """Execute ``;``-separated DDL one statement at a time (executescript would COMMIT)."""
    buffer: list[str] = []
    for line in statements.splitlines():
        buffer.append(line)
        candidate = "\n".join(buffer).strip()
        if candidate.endswith(";") and sqlite3.complete_statement(candidate):
            db.execute(candidate)
            buffer = []
    if "\n".join(buffer).strip():
        raise ValueError("incomplete SQL statement in migration")
