"""0013_registry_history: when each registry record (unit, vehicle, staff member, location) was in
service, and in which unit, so that a month's coverage counts the subjects of *that* month.

Every registry table gets ``active_from`` (the first day in service, a date) and ``retired_on``
(the day it was retired, a date; NULL while in service). ``registry_periods`` keeps the history:
one row per stretch a record was in service in one unit (``since`` and ``until`` are dates, both
days included; ``until`` NULL while it lasts; for a unit, ``unit_id`` is the unit itself). A
transfer ends the stretch in the old unit the day before and starts one in the new unit; a
retirement ends the current stretch; a reactivation starts a new one. Nothing is ever deleted.

Rows made before this migration get ``active_from`` NULL, read as "in service since before its
dates were kept": they cover every past month. Their created date would have been wrong for
exactly the data this feature is for — a registry imported in December for visits of November
entered from paper would have dropped those subjects from November, and the demo backfills a year
of inspections onto a registry made today. A retired row gets as ``retired_on`` the day of its
last retirement in the audit log, else the day it was last changed (the retirement changed it).

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0013_registry_history"

_TABLES = {"units": "id", "vehicles": "unit_id", "staff": "unit_id", "locations": "unit_id"}
_ENTITIES = {"units": "unit", "vehicles": "vehicle", "staff": "staff", "locations": "location"}


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE registry_periods (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('units','vehicles','staff','locations')),
            record_id INTEGER NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES units(id),
            since TEXT,
            until TEXT,
            CHECK (since IS NULL OR until IS NULL OR since <= until)
        );
        CREATE INDEX registry_periods_record ON registry_periods (kind, record_id);
        CREATE INDEX registry_periods_unit ON registry_periods (kind, unit_id);
        """,
    )
    for table, unit_column in _TABLES.items():
        db.execute(f"ALTER TABLE {table} ADD COLUMN active_from TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN retired_on TEXT")
        db.execute(
            f"UPDATE {table} SET retired_on = substr(COALESCE((SELECT MAX(a.at) FROM audit_log a"
            f" WHERE a.action = '{table}.retire' AND a.entity = '{_ENTITIES[table]}' AND a.entity_id = {table}.id),"
            f" updated_at), 1, 10) WHERE active = 0")
        db.execute(
            f"INSERT INTO registry_periods (kind, record_id, unit_id, since, until)"
            f" SELECT '{table}', id, {unit_column}, NULL, retired_on FROM {table} ORDER BY id")
