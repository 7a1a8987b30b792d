"""0009_identities: who this data folder is, and the global identity of every record that travels.

``device`` (one row): this data folder's device id (a UUID made here, once), its name (the
office names it; a laptop defaults to its host name), and — once it belongs to one — the
organisation (the id is the SHA-256 fingerprint of the office CA) and the office's device id. A
folder holding the CA and no office id is the quality office; a folder that joined one is a laptop.

``record_ids``: for a local row (``kind``, ``local_id``) the global id of the entity (a UUID v7)
and the device that created it. Rows made before this migration get theirs the first time records
are read for travel, with the time of the row's creation in the id; a row that came in an
exchange file gets the id it came with, in the same transaction.

``record_revisions``: every state of an entity that travelled, sent or received: the record's id
(a UUID v7 of its own), the entity, the content hash of its canonical form. A later state is a new
revision; one revision id with two contents is a conflict.

``exchange_files``: every exchange file sent or received (direction, peer device, sequence number
per sender and receiver, the file's SHA-256). ``exchange_acks``: what a peer said it received of
ours (the highest sequence and the ones missing below it).

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import socket
import uuid
from datetime import datetime

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0009_identities"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE device (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            device_id TEXT NOT NULL,
            name TEXT NOT NULL,
            organisation_id TEXT,
            organisation_name TEXT,
            office_device_id TEXT,
            joined_user TEXT,
            joined_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE record_ids (
            kind TEXT NOT NULL,
            local_id INTEGER NOT NULL,
            gid TEXT NOT NULL UNIQUE,
            origin TEXT NOT NULL,
            PRIMARY KEY (kind, local_id)
        );
        CREATE TABLE record_revisions (
            record_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            entity TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            origin TEXT NOT NULL,
            received_from TEXT,
            sent_to TEXT,
            sent_sequence INTEGER,
            at TEXT NOT NULL
        );
        CREATE INDEX record_revisions_entity ON record_revisions (entity, record_id);
        CREATE TABLE exchange_files (
            id INTEGER PRIMARY KEY,
            direction TEXT NOT NULL CHECK (direction IN ('sent','received')),
            peer TEXT NOT NULL,
            peer_name TEXT NOT NULL DEFAULT '',
            sequence INTEGER NOT NULL,
            file_sha256 TEXT NOT NULL,
            acting_user TEXT NOT NULL,
            counts TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL,
            UNIQUE (direction, peer, sequence)
        );
        CREATE TABLE exchange_acks (
            peer TEXT PRIMARY KEY,
            upto INTEGER NOT NULL,
            missing TEXT NOT NULL DEFAULT '[]',
            at TEXT NOT NULL
        );
        """,
    )
    now = datetime.now().astimezone().replace(microsecond=0).isoformat()
    db.execute(
        "INSERT INTO device (id, device_id, name, created_at) VALUES (1, ?, ?, ?)",
        [str(uuid.uuid4()), socket.gethostname() or "laptop", now],
    )
