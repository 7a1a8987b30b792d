"""0008_office_seal: the office seal certificate (检查专用章) that signs covert notices, and one
copy of its private key per quality-office member, each encrypted with that member's own login
password.

The seal is an organisation certificate issued by the local CA (no person's name, no UID), so a
covert notice's PAdES signature never names the inspector. ``office_seals`` holds the
certificate (one in force, older ones kept revoked); ``office_seal_keys`` holds who may apply it.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0008_office_seal"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE office_seals (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            serial TEXT NOT NULL,
            cert_pem TEXT NOT NULL,
            not_before TEXT NOT NULL,
            not_after TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            issued_by INTEGER REFERENCES users(id),
            revoked INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE office_seal_keys (
            seal_id INTEGER NOT NULL REFERENCES office_seals(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            key_pem TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            granted_by INTEGER REFERENCES users(id),
            PRIMARY KEY (seal_id, user_id)
        );
        """,
    )
