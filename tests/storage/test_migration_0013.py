"""Migration 0013 (registry history): rows made before it cover every past month, a retired row
keeps the day of its retirement from the audit log, and each row gets its stretch in service.

The regulation's 「检查覆盖率达到100%」 is of what was there in the month; a registry loaded before
dates were kept must not lose the months its visits were entered for (a December import with
November's visits from paper)."""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations import ORDER, m0013_registry_history
from inspector.storage.audit_repo import append


def _schema_0012() -> sqlite_utils.Database:
    db = sqlite_utils.Database(memory=True)
    for migration in ORDER:
        if migration is m0013_registry_history:
            break
        migration.migrate(db)
    return db


def test_existing_rows_cover_the_past_and_retired_rows_keep_their_day() -> None:
    db = _schema_0012()
    stamp = "2026-03-01T10:00:00+08:00"
    db.execute("INSERT INTO units (id, code, name, created_at, updated_at) VALUES (1, 'D01', '一站', ?, ?)",
               [stamp, stamp])
    for vehicle_id, plate, active, updated in ((1, "粤A00001", 1, stamp), (2, "粤A00002", 0, "2026-11-20T09:00:00+08:00"),
                                              (3, "粤A00003", 0, "2026-11-25T09:00:00+08:00")):
        db.execute("INSERT INTO vehicles (id, plate, fleet_no, unit_id, active, created_at, updated_at)"
                   " VALUES (?, ?, ?, 1, ?, ?, ?)", [vehicle_id, plate, f"F{vehicle_id}", active, stamp, updated])
    # vehicle 2 was retired on 10-12 and edited on 11-20; vehicle 3's retirement is not in the log
    append(db, at="2026-10-12T08:00:00+08:00", actor_id=None, actor="qo1", action="vehicles.retire",
           entity="vehicle", entity_id=2, before="{}", after="{}")
    m0013_registry_history.migrate(db)
    rows = db.execute("SELECT id, active_from, retired_on FROM vehicles ORDER BY id").fetchall()
    assert rows == [(1, None, None), (2, None, "2026-10-12"), (3, None, "2026-11-25")]
    periods = db.execute("SELECT kind, record_id, unit_id, since, until FROM registry_periods ORDER BY id").fetchall()
    assert periods == [("units", 1, 1, None, None), ("vehicles", 1, 1, None, None),
                       ("vehicles", 2, 1, None, "2026-10-12"), ("vehicles", 3, 1, None, "2026-11-25")]
