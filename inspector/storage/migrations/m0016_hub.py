"""0016_hub: what this data folder has pushed to the office hub (#15).

``hub_sent`` names every record revision the hub confirmed it holds with the same content
(inserted by this device's push, or found there already), so a sync sends only the rest and
"待上传" can be counted while the hub is out of reach. The hub's DSN, this device's role and the
pull cursor live in the settings table (key ``hub``); the role's password in the keyring only.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0016_hub"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(db, """
        CREATE TABLE hub_sent (
            record_id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            at TEXT NOT NULL
        );
    """)
