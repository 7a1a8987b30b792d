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


@MIGRATIONS(name="0007_report_remarks")
def m0007_report_remarks(db: sqlite_utils.Database) -> None:
    """The quality office's written analysis and suggestions (分析意见与改进建议) of one monthly
    report: one text per month and scope (``unit_id`` 0 = all units), replaced as it is edited."""
    _run(
        db,
        """
        CREATE TABLE report_remarks (
            month TEXT NOT NULL,
            unit_id INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            updated_by INTEGER NOT NULL REFERENCES users(id),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (month, unit_id)
        );
        """,
    )
