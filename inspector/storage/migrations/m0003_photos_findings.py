"""0003_photos_findings: Photo rows (one per original, by SHA-256) and the photos of each answer; an inspection
keeps its staff subject's role as it was at the start, and counts its reopenings.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0003_photos_findings"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE photos (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            suffix TEXT NOT NULL DEFAULT '',
            original_name TEXT NOT NULL DEFAULT '',
            mime TEXT NOT NULL,
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0,
            taken_at TEXT,
            latitude REAL,
            longitude REAL,
            added_at TEXT NOT NULL,
            added_by INTEGER NOT NULL REFERENCES users(id),
            annotations TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE answer_photos (
            inspection_id INTEGER NOT NULL,
            item_code TEXT NOT NULL,
            photo_id INTEGER NOT NULL REFERENCES photos(id),
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (inspection_id, item_code, photo_id),
            FOREIGN KEY (inspection_id, item_code) REFERENCES answers(inspection_id, item_code)
                ON DELETE CASCADE
        );
        CREATE INDEX answer_photos_photo ON answer_photos(photo_id);
        ALTER TABLE inspections ADD COLUMN staff_role TEXT;
        ALTER TABLE inspections ADD COLUMN reopened_count INTEGER NOT NULL DEFAULT 0;
        UPDATE inspections SET staff_role = (SELECT role FROM staff WHERE staff.id = inspections.subject_id)
            WHERE subject_kind = 'staff';
        CREATE INDEX findings_unit ON findings(unit_id);
        """,
    )
