"""Build the fixture database of a released schema, for the upgrade tests.

One fixture per released schema: ``tests/fixtures/schema_0001.db`` holds a database exactly as a
build that stopped at migration ``0001_core`` left it, with a few rows of every kind that schema
knew (a unit, a vehicle, a staff member, a user with an argon2 hash, one audit entry made through
the same hash-chain function the app uses). ``tests/storage/test_database.py`` copies it, opens
it with today's build and checks that the upgrade keeps every row and leaves a backup.

NEVER regenerate an old fixture: it stands for files that users already have on their laptops.
When a new schema is released, add a new builder beside the old ones instead: ``--schema 0002``
writes ``schema_0002.db`` (the 0001 rows plus a published template version, a staff inspection
with an answer and a finding), which ``tests/storage/test_migration_0003.py`` upgrades.
This script refuses to overwrite an existing file unless given ``--force`` (only for a fixture
that has never been committed).

Usage::

    python tools/make_fixture_db.py [OUTPUT] [--schema 0001|0002] [--force]
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

FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_OUTPUT = FIXTURES / "schema_0001.db"
STOP_BEFORE = "0002_templates_inspections"
STOP_BEFORE_BY_SCHEMA = {"0001": STOP_BEFORE, "0002": "0003_photos_findings"}
# A template body as schema 0002 stored it (JSON of domain.templates.TemplateBody at that time).
BODY_0002 = (
    '{"code":"T7","title_zh":"司机服务","subject":"staff","scheme":"deduction","base_score":100.0,'
    '"sections":[{"code":"S1","title_zh":"仪容","items":[{"code":"T7-1","text_zh":"着装整洁",'
    '"deduct":5.0,"photos_on_fail":1}]}]}'
)
AT = "2025-03-01T09:00:00+08:00"
PASSWORD = "fixture-pass"  # the password of the fixture's admin account


def _rows_0002(db: sqlite_utils.Database) -> None:
    """A published template version, a completed staff inspection, its failed answer and finding."""
    db.execute(
        "INSERT INTO template_versions (id, code, version, status, effective_month, title_zh, subject,"
        " item_count, body, builtin, created_at, published_at, published_by)"
        " VALUES (1, 'T7', 1, 'published', '2025-03', '司机服务', 'staff', 1, ?, 0, ?, ?, 1)",
        [BODY_0002, AT, AT],
    )
    db.execute(
        "INSERT INTO inspections (id, template_version_id, mode, status, subject_kind, subject_id,"
        " subject_label, unit_id, responsible_staff_id, author_id, observed_at, entered_at, completed_at,"
        " score, max_score, veto_failed, evidence) VALUES (1, 1, 'onsite', 'completed', 'staff', 1,"
        " 'S0001 李师傅', 1, 1, 1, ?, ?, ?, 95.0, 100.0, 0, '{}')",
        [AT, AT, AT],
    )
    db.execute(
        "INSERT INTO answers (inspection_id, item_code, result, value, note, severity, answered_at)"
        " VALUES (1, 'T7-1', 'fail', NULL, '衬衫未扣', 'serious', ?)",
        [AT],
    )
    db.execute(
        "INSERT INTO findings (id, inspection_id, item_code, section_code, severity, note, unit_id,"
        " responsible_staff_id, status, created_at) VALUES (1, 1, 'T7-1', 'S1', 'serious', '衬衫未扣', 1, 1,"
        " 'open', ?)",
        [AT],
    )


def build(path: Path, schema: str = "0001") -> None:
    """Write the database of ``schema`` with its sample rows to ``path`` (which must not exist)."""
    db = sqlite_utils.Database(sqlite3.connect(str(path)))
    try:
        db.execute("PRAGMA foreign_keys=OFF")  # as open_database applies migrations
        MIGRATIONS.apply(db, stop_before=STOP_BEFORE_BY_SCHEMA[schema])
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
            if schema == "0002":
                _rows_0002(db)
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise SystemExit(f"fixture has broken references: {problems}")
        db.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        db.execute("VACUUM")
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=None)
    parser.add_argument("--schema", choices=sorted(STOP_BEFORE_BY_SCHEMA), default="0001")
    parser.add_argument("--force", action="store_true", help="overwrite (only a never-committed fixture)")
    args = parser.parse_args(argv)
    output: Path = args.output or FIXTURES / f"schema_{args.schema}.db"
    if output.exists():
        if not args.force:
            print(f"{output} exists; fixtures of released schemas are never regenerated", file=sys.stderr)
            return 1
        output.unlink()
    output.parent.mkdir(parents=True, exist_ok=True)
    build(output, args.schema)
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
