"""0007_report_remarks: The quality office's written analysis and suggestions (分析意见与改进建议) of one monthly
report: one text per month and scope (``unit_id`` 0 = all units), replaced as it is edited.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0007_report_remarks"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
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
