"""Schema migrations, one function per change. NEVER edit a migration after it has landed:
add a new one. Tests keep a fixture database per released schema and upgrade each.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("inspector")


def _run(db: sqlite_utils.Database, statements: str) -> None:
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


@MIGRATIONS(name="0001_core")
def m0001_core(db: sqlite_utils.Database) -> None:
    """Users, the registry, settings and the hash-chained audit log."""
    _run(
        db,
        """
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'depot',
            head_name TEXT NOT NULL DEFAULT '',
            head_phone TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('supervisor','quality_office','manager','admin')),
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            unit_id INTEGER REFERENCES units(id),
            created_at TEXT NOT NULL
        );
        CREATE TABLE vehicles (
            id INTEGER PRIMARY KEY,
            plate TEXT NOT NULL UNIQUE,
            fleet_no TEXT NOT NULL UNIQUE,
            route TEXT NOT NULL DEFAULT '',
            unit_id INTEGER NOT NULL REFERENCES units(id),
            model TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX vehicles_unit ON vehicles(unit_id);
        CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            staff_no TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES units(id),
            phone TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX staff_unit ON staff(unit_id);
        CREATE TABLE locations (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES units(id),
            responsible_staff_id INTEGER REFERENCES staff(id),
            area TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX locations_unit ON locations(unit_id);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor_id INTEGER,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            before TEXT NOT NULL DEFAULT '',
            after TEXT NOT NULL DEFAULT '',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """,
    )


@MIGRATIONS(name="0002_templates_inspections")
def m0002_templates_inspections(db: sqlite_utils.Database) -> None:
    """Template versions (whole body as JSON), inspections, answers and findings."""
    _run(
        db,
        """
        CREATE TABLE template_versions (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL,
            version INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft','published')),
            effective_month TEXT,
            title_zh TEXT NOT NULL,
            title_en TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL,
            item_count INTEGER NOT NULL,
            body TEXT NOT NULL,
            builtin INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            published_at TEXT,
            published_by INTEGER REFERENCES users(id),
            UNIQUE (code, version)
        );
        CREATE TRIGGER template_versions_published_immutable
        BEFORE UPDATE ON template_versions WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'published template versions are immutable'); END;
        CREATE TRIGGER template_versions_published_undeletable
        BEFORE DELETE ON template_versions WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'published template versions are immutable'); END;
        CREATE TABLE inspections (
            id INTEGER PRIMARY KEY,
            template_version_id INTEGER NOT NULL REFERENCES template_versions(id),
            mode TEXT NOT NULL CHECK (mode IN ('onsite','covert','walkaround')),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','completed')),
            subject_kind TEXT NOT NULL,
            subject_id INTEGER NOT NULL,
            subject_label TEXT NOT NULL DEFAULT '',
            unit_id INTEGER REFERENCES units(id),
            responsible_staff_id INTEGER REFERENCES staff(id),
            author_id INTEGER NOT NULL REFERENCES users(id),
            observed_at TEXT NOT NULL,
            entered_at TEXT NOT NULL,
            completed_at TEXT,
            score REAL,
            max_score REAL,
            veto_failed INTEGER NOT NULL DEFAULT 0,
            evidence TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX inspections_observed ON inspections(observed_at);
        CREATE INDEX inspections_author ON inspections(author_id);
        CREATE INDEX inspections_unit ON inspections(unit_id);
        CREATE INDEX inspections_subject ON inspections(subject_kind, subject_id);
        CREATE TABLE answers (
            inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            item_code TEXT NOT NULL,
            result TEXT NOT NULL CHECK (result IN ('pass','fail','na')),
            value TEXT,
            note TEXT NOT NULL DEFAULT '',
            severity TEXT,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (inspection_id, item_code)
        );
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            inspection_id INTEGER NOT NULL REFERENCES inspections(id),
            item_code TEXT NOT NULL,
            section_code TEXT NOT NULL DEFAULT '',
            severity TEXT NOT NULL DEFAULT 'general',
            note TEXT NOT NULL DEFAULT '',
            unit_id INTEGER REFERENCES units(id),
            responsible_staff_id INTEGER REFERENCES staff(id),
            status TEXT NOT NULL DEFAULT 'open',
            created_at TEXT NOT NULL
        );
        CREATE INDEX findings_inspection ON findings(inspection_id);
        """,
    )


@MIGRATIONS(name="0003_photos_findings")
def m0003_photos_findings(db: sqlite_utils.Database) -> None:
    """Photo rows (one per original, by SHA-256) and the photos of each answer; an inspection
    keeps its staff subject's role as it was at the start, and counts its reopenings."""
    _run(
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


@MIGRATIONS(name="0004_inspection_list_indexes")
def m0004_inspection_list_indexes(db: sqlite_utils.Database) -> None:
    """A covering index for the inspections list: newest first with the covert rule's columns,
    so 100 000 visible ids come from the index alone (no visit to each row)."""
    _run(
        db,
        """
        CREATE INDEX inspections_list ON inspections(observed_at, id, mode, author_id);
        """,
    )


@MIGRATIONS(name="0005_notices")
def m0005_notices(db: sqlite_utils.Database) -> None:
    """Rectification notices and everything after issue: receipt, reply, follow-ups, PAdES-signed
    copies; the users' drawn signatures; the local CA and per-user certificates.

    A notice row is the notice as issued and never changes (triggers); where it stands lives in
    ``notice_state``. Serial numbers come from ``notice_serials``, one counter per year, inside
    the transaction that inserts the notice, so they are gapless and never reused.
    """
    _run(
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
