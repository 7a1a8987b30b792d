"""Migrations after 0005, kept apart from ``migrations.py`` (at its size limit) and registered on
the same ``MIGRATIONS`` list, in order, when that module is imported. NEVER edit one after it has
landed: add a new one below.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations import MIGRATIONS, _run


@MIGRATIONS(name="0006_responsible_staff_index")
def m0006_responsible_staff_index(db: sqlite_utils.Database) -> None:
    """A staff member's file includes the inspections of vehicles and places that name them as the
    responsible person: index that column so the file reads only the person's own history."""
    _run(
        db,
        """
        CREATE INDEX inspections_responsible_staff ON inspections(responsible_staff_id);
        """,
    )
