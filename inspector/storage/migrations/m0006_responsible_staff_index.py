"""0006_responsible_staff_index: A staff member's file includes the inspections of vehicles and places that name them as the
responsible person: index that column so the file reads only the person's own history.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0006_responsible_staff_index"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE INDEX inspections_responsible_staff ON inspections(responsible_staff_id);
        """,
    )
