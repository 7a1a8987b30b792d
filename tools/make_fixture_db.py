"""Build the fixture database of a released schema, for the upgrade tests.

One fixture per released schema: ``tests/fixtures/schema_0001.db`` holds a database exactly as a
build that stopped at migration ``0001_core`` left it, with a few rows of every kind that schema
knew (a unit, a vehicle, a staff member, a user with an argon2 hash, one audit entry made through
the same hash-chain function the app uses). ``tests/storage/test_database.py`` copies it, opens
it with today's build and checks that the upgrade keeps every row and leaves a backup.

NEVER regenerate an old fixture: it stands for files that users already have on their laptops.
When a new schema is released, add a new builder (``schema_0002.db`` …) beside this one instead.
This script refuses to overwrite an existing file unless given ``--force`` (only for a fixture
that has never been committed).

Usage::

    python tools/make_fixture_db.py [OUTPUT] [--force]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

import sqlite_utils
from argon2 import PasswordHasher

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.storage import audit_repo  # noqa: E402
from inspector.storage.migrations import MIGRATIONS  # noqa: E402

DEFAULT_OUTPUT = ROOT / "tests" / "fixtures" / "schema_0001.db"
STOP_BEFORE = "0002_templates_inspections"
AT = "2025-03-01T09:00:00+08:00"
PASSWORD = "fixture-pass"  # the password of the fixture's admin account


def build(path: Path) -> None:
    """Write the schema-0001 database with its sample rows to ``path`` (which must not exist)."""
    db = sqlite_utils.Database(sqlite3.connect(str(path)))
    try:
        db.execute("PRAGMA foreign_keys=OFF")  # as open_database applies migrations
        MIGRATIONS.apply(db, stop_before=STOP_BEFORE)
        db.execute("PRAGMA foreign_keys=ON")
        with db.conn:
            db.execute(
                "INSERT INTO units (id, code, name, kind, head_name, head_phone, active, created_at,"
                " updated_at) VALUES (1, 'D01', '第一公交总站', 'depot', '王主任', '020-1234567', 1, ?, ?)",
                [AT, AT],
            )
            db.execute(
                "INSERT INTO vehicles (id, plate, fleet_no, route, unit_id, model, active, created_at,"
                " updated_at) VALUES (1, '粤B·12345', 'F1001', '23路', 1, 'BYD K8', 1, ?, ?)",
                [AT, AT],
            )
            db.execute(
                "INSERT INTO staff (id, staff_no, name, role, unit_id, phone, active, created_at,"
                " updated_at) VALUES (1, 'S0001', '李师傅', 'driver', 1, '13800000000', 1, ?, ?)",
                [AT, AT],
            )
            db.execute(
                "INSERT INTO users (id, username, display_name, role, password_hash, active, unit_id,"
                " created_at) VALUES (1, 'admin', '管理员', 'admin', ?, 1, NULL, ?)",
                [PasswordHasher().hash(PASSWORD), AT],
            )
            audit_repo.append(
                db, at=AT, actor_id=None, actor="system", action="user.create", entity="user",
                entity_id=1, before="", after='{"role":"admin","username":"admin"}',
            )
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise SystemExit(f"fixture has broken references: {problems}")
        db.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        db.execute("VACUUM")
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--force", action="store_true", help="overwrite (only a never-committed fixture)")
    args = parser.parse_args(argv)
    output: Path = args.output
    if output.exists():
        if not args.force:
            print(f"{output} exists; fixtures of released schemas are never regenerated", file=sys.stderr)
            return 1
        output.unlink()
    output.parent.mkdir(parents=True, exist_ok=True)
    build(output)
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
