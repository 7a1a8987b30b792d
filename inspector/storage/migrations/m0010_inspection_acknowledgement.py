"""0010_inspection_acknowledgement: The on-site acknowledgement (现场确认) of an inspection's result by
the inspected party: who signed, when, the drawn signature (PNG), who recorded it. One per
inspection, optional; printed on the written inspection report (书面检查报告).

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0010_inspection_acknowledgement"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE inspection_acknowledgements (
            inspection_id INTEGER PRIMARY KEY REFERENCES inspections(id),
            signer_name TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            signature_png BLOB,
            recorded_by INTEGER NOT NULL REFERENCES users(id)
        );
        """,
    )
