"""0002_templates_inspections: Template versions (whole body as JSON), inspections, answers and findings.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0002_templates_inspections"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
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
