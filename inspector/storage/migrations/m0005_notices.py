"""0005_notices: Rectification notices and everything after issue: receipt, reply, follow-ups, PAdES-signed
copies; the users' drawn signatures; the local CA and per-user certificates.

A notice row is the notice as issued and never changes (triggers); where it stands lives in
``notice_state``. Serial numbers come from ``notice_serials``, one counter per year, inside
the transaction that inserts the notice, so they are gapless and never reused.


NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0005_notices"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE notice_serials (
            year INTEGER PRIMARY KEY,
            last_serial INTEGER NOT NULL
        );
        CREATE TABLE notices (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            serial INTEGER NOT NULL,
            inspection_id INTEGER NOT NULL REFERENCES inspections(id),
            unit_id INTEGER NOT NULL REFERENCES units(id),
            addressee_unit TEXT NOT NULL,
            addressee TEXT NOT NULL,
            covert INTEGER NOT NULL DEFAULT 0,
            issued_at TEXT NOT NULL,
            issued_by INTEGER NOT NULL REFERENCES users(id),
            working_days INTEGER NOT NULL,
            deadline TEXT NOT NULL,
            followup_date TEXT NOT NULL,
            deadline_estimated INTEGER NOT NULL DEFAULT 0,
            content_sha256 TEXT NOT NULL,
            pdf_path TEXT NOT NULL,
            pdf_sha256 TEXT NOT NULL,
            supersedes_id INTEGER REFERENCES notices(id),
            reissue_of_id INTEGER REFERENCES notices(id),
            document TEXT NOT NULL,
            UNIQUE (year, serial)
        );
        CREATE INDEX notices_inspection ON notices(inspection_id);
        CREATE INDEX notices_unit ON notices(unit_id);
        CREATE INDEX notices_deadline ON notices(deadline);
        CREATE TRIGGER notices_immutable BEFORE UPDATE ON notices
        BEGIN SELECT RAISE(ABORT, 'issued notices are immutable'); END;
        CREATE TRIGGER notices_undeletable BEFORE DELETE ON notices
        BEGIN SELECT RAISE(ABORT, 'issued notices are immutable'); END;
        CREATE TABLE notice_items (
            notice_id INTEGER NOT NULL REFERENCES notices(id),
            position INTEGER NOT NULL,
            finding_id INTEGER NOT NULL REFERENCES findings(id),
            item_code TEXT NOT NULL,
            problem TEXT NOT NULL,
            measure TEXT NOT NULL DEFAULT '',
            severity TEXT NOT NULL DEFAULT 'general',
            recurred INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (notice_id, position)
        );
        CREATE INDEX notice_items_finding ON notice_items(finding_id);
        CREATE TRIGGER notice_items_immutable BEFORE UPDATE ON notice_items
        BEGIN SELECT RAISE(ABORT, 'issued notices are immutable'); END;
        CREATE TRIGGER notice_items_undeletable BEFORE DELETE ON notice_items
        BEGIN SELECT RAISE(ABORT, 'issued notices are immutable'); END;
        CREATE TABLE notice_state (
            notice_id INTEGER PRIMARY KEY REFERENCES notices(id),
            status TEXT NOT NULL CHECK (status IN
                ('issued','acknowledged','replied','closed','reissued','superseded')),
            acknowledged_at TEXT,
            replied_at TEXT,
            closed_at TEXT,
            successor_id INTEGER REFERENCES notices(id),
            updated_at TEXT NOT NULL
        );
        CREATE INDEX notice_state_status ON notice_state(status);
        CREATE TABLE notice_receipts (
            notice_id INTEGER PRIMARY KEY REFERENCES notices(id),
            signer_name TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            signature_png BLOB,
            recorded_by INTEGER NOT NULL REFERENCES users(id)
        );
        CREATE TABLE notice_replies (
            notice_id INTEGER PRIMARY KEY REFERENCES notices(id),
            measures TEXT NOT NULL,
            preventive TEXT NOT NULL DEFAULT '',
            replied_on TEXT NOT NULL,
            replied_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by INTEGER NOT NULL REFERENCES users(id)
        );
        CREATE TABLE reply_photos (
            notice_id INTEGER NOT NULL REFERENCES notices(id),
            photo_id INTEGER NOT NULL REFERENCES photos(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (notice_id, photo_id)
        );
        CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            notice_id INTEGER NOT NULL REFERENCES notices(id),
            result TEXT NOT NULL CHECK (result IN ('pass','fail')),
            note TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            recorded_by INTEGER NOT NULL REFERENCES users(id),
            reissued_notice_id INTEGER REFERENCES notices(id)
        );
        CREATE INDEX followups_notice ON followups(notice_id);
        CREATE TABLE followup_items (
            followup_id INTEGER NOT NULL REFERENCES followups(id),
            position INTEGER NOT NULL,
            result TEXT NOT NULL CHECK (result IN ('pass','fail')),
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (followup_id, position)
        );
        CREATE TABLE followup_photos (
            followup_id INTEGER NOT NULL REFERENCES followups(id),
            position INTEGER NOT NULL,
            photo_id INTEGER NOT NULL REFERENCES photos(id),
            seq INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (followup_id, position, photo_id)
        );
        CREATE TABLE notice_signatures (
            id INTEGER PRIMARY KEY,
            notice_id INTEGER NOT NULL REFERENCES notices(id),
            signer_id INTEGER NOT NULL REFERENCES users(id),
            signed_at TEXT NOT NULL,
            pdf_path TEXT NOT NULL,
            pdf_sha256 TEXT NOT NULL
        );
        CREATE TABLE user_signatures (
            user_id INTEGER PRIMARY KEY REFERENCES users(id),
            png BLOB NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE certificates (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('ca','user')),
            user_id INTEGER REFERENCES users(id),
            subject TEXT NOT NULL,
            serial TEXT NOT NULL,
            cert_pem TEXT NOT NULL,
            key_pem TEXT NOT NULL,
            not_before TEXT NOT NULL,
            not_after TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            issued_by INTEGER REFERENCES users(id),
            revoked INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX certificates_user ON certificates(user_id);
        """,
    )
