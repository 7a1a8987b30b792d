"""0011_complaints: the complaints register (投诉与旅客意见).

``complaints`` is the intake as the duty officer recorded it and never changes (triggers);
``complaint_events`` is every later step, append-only (triggers); ``complaint_state`` is where the
case stands, rewritten in the transaction that appends each event. Numbers come from
``complaint_serials``, one counter per year, inside the transaction that inserts the complaint.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0011_complaints"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE complaint_serials (
            year INTEGER PRIMARY KEY,
            last_serial INTEGER NOT NULL
        );
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            channel TEXT NOT NULL,
            kind TEXT NOT NULL,
            order_no TEXT NOT NULL DEFAULT '',
            severity TEXT,
            behaviour TEXT,
            major INTEGER NOT NULL DEFAULT 0,
            urgent INTEGER NOT NULL DEFAULT 0,
            rural INTEGER NOT NULL DEFAULT 0,
            received_at TEXT NOT NULL,
            event_at TEXT,
            place TEXT NOT NULL DEFAULT '',
            route TEXT NOT NULL DEFAULT '',
            vehicle_id INTEGER REFERENCES vehicles(id),
            staff_id INTEGER REFERENCES staff(id),
            unit_id INTEGER REFERENCES units(id),
            what TEXT NOT NULL,
            complainant_name TEXT NOT NULL DEFAULT '',
            complainant_phone TEXT NOT NULL DEFAULT '',
            taken_by INTEGER NOT NULL REFERENCES users(id),
            entered_at TEXT NOT NULL
        );
        CREATE INDEX complaints_received ON complaints(received_at);
        CREATE INDEX complaints_unit ON complaints(unit_id);
        CREATE INDEX complaints_vehicle ON complaints(vehicle_id);
        CREATE INDEX complaints_staff ON complaints(staff_id);
        CREATE TRIGGER complaints_immutable BEFORE UPDATE ON complaints
        BEGIN SELECT RAISE(ABORT, 'a complaint''s intake is immutable'); END;
        CREATE TRIGGER complaints_undeletable BEFORE DELETE ON complaints
        BEGIN SELECT RAISE(ABORT, 'a complaint''s intake is immutable'); END;
        CREATE TABLE complaint_events (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            by_user INTEGER NOT NULL REFERENCES users(id),
            data TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (complaint_id, seq)
        );
        CREATE TRIGGER complaint_events_immutable BEFORE UPDATE ON complaint_events
        BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END;
        CREATE TRIGGER complaint_events_undeletable BEFORE DELETE ON complaint_events
        BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END;
        CREATE TABLE complaint_photos (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            seq INTEGER NOT NULL,
            photo_id INTEGER NOT NULL REFERENCES photos(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (complaint_id, seq, photo_id)
        );
        CREATE INDEX complaint_photos_photo ON complaint_photos(photo_id);
        CREATE TABLE complaint_findings (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            finding_id INTEGER NOT NULL REFERENCES findings(id),
            PRIMARY KEY (complaint_id, finding_id)
        );
        CREATE TABLE complaint_state (
            complaint_id INTEGER PRIMARY KEY REFERENCES complaints(id),
            status TEXT NOT NULL CHECK (status IN ('received','investigating','resolved','answered','closed')),
            round INTEGER NOT NULL DEFAULT 1,
            due_at TEXT NOT NULL,
            department_due_at TEXT,
            extended INTEGER NOT NULL DEFAULT 0,
            investigated INTEGER NOT NULL DEFAULT 0,
            liability TEXT,
            opinion TEXT,
            result_at TEXT,
            closed_at TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX complaint_state_status ON complaint_state(status);
        """,
    )
