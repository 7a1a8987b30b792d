"""Opening the database: migrations, pragmas, the upgrade of a released schema with its backup,
the refusal of a newer file (byte for byte untouched) and SQLite's own integrity checks.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from inspector.domain.audit import verify_chain
from inspector.domain.errors import DatabaseTooNew
from inspector.storage import audit_repo
from inspector.storage.database import integrity_problems, known_migrations, open_database, schema_version
from inspector.storage.migrations import MIGRATIONS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BACKUP_NAME = re.compile(r"^inspector-\d{8}-\d{6}-migration\.db$")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _backups(folder: Path) -> list[Path]:
    """Every file in the data folder's backups folder (backups, manifests, leftovers)."""
    backups = folder / "backups"
    return sorted(backups.iterdir()) if backups.is_dir() else []


def _applied(path: Path) -> list[str]:
    """The migrations a file carries, read without open_database (which would migrate it)."""
    db = sqlite_utils.Database(sqlite3.connect(str(path)))
    try:
        return [m.name for m in MIGRATIONS.applied(db)]
    finally:
        db.close()


def _add_future_migration(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATIONS.name, "9999_future", "2099-01-01 00:00:00+00:00"],
        )
    conn.close()


@pytest.fixture
def upgraded(tmp_path: Path) -> tuple[Path, Path]:
    """The schema-0001 fixture copied to tmp, opened (and so upgraded) once: (database, backup)."""
    path = tmp_path / "inspector.db"
    shutil.copyfile(FIXTURES / "schema_0001.db", path)
    opened = open_database(path)
    try:
        assert opened.applied == tuple(known_migrations()[1:])
        assert opened.backup is not None
    finally:
        opened.db.close()
    return path, opened.backup


def test_fresh_open_applies_every_migration_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "inspector.db")
    try:
        assert opened.applied == tuple(known_migrations())
        assert "0002_templates_inspections" in opened.applied
        assert schema_version(opened.db) == len(known_migrations())
        assert opened.backup is None  # nothing to back up in a new file
        assert opened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert opened.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # 2 = FULL: "已保存" survives a power cut (NORMAL in WAL mode may drop the last commits).
        assert opened.db.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert {"users", "audit_entries", "template_versions", "inspections"} <= set(opened.db.table_names())
        assert "audit_log" in opened.db.view_names()  # both generations of entries, read as one (m0017)
    finally:
        opened.db.close()


def test_foreign_keys_are_enforced_after_open(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "inspector.db")
    try:
        with pytest.raises(sqlite3.IntegrityError):
            opened.db.execute(
                "INSERT INTO vehicles (plate, fleet_no, unit_id, created_at, updated_at)"
                " VALUES ('粤B·00001', 'X1', 999, 'now', 'now')"
            )
    finally:
        opened.db.close()


def test_second_open_applies_nothing_and_makes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "inspector.db"
    open_database(path).db.close()
    again = open_database(path)
    try:
        assert again.applied == ()
        assert again.backup is None
    finally:
        again.db.close()
    assert _backups(tmp_path) == []


def test_schema_0001_fixture_upgrades_and_keeps_its_rows(upgraded: tuple[Path, Path]) -> None:
    path, _ = upgraded
    opened = open_database(path)
    try:
        db = opened.db
        assert opened.applied == ()  # already upgraded by the fixture
        assert [m.name for m in MIGRATIONS.applied(db)] == known_migrations()
        assert db.execute("SELECT plate, fleet_no, unit_id FROM vehicles").fetchall() == [("粤B·12345", "F1001", 1)]
        assert db.execute("SELECT staff_no, name FROM staff").fetchall() == [("S0001", "李师傅")]
        assert db.execute("SELECT code, name FROM units").fetchall() == [("D01", "第一公交总站")]
        username, password_hash = db.execute("SELECT username, password_hash FROM users").fetchone()
        assert username == "admin" and password_hash.startswith("$argon2")
        # the fixture's one entry, then the baseline of every row recorded after the migrations (#12.8)
        assert [row[0] for row in db.execute("SELECT action FROM audit_log ORDER BY id")] == [
            "user.create", "audit.baseline"]
        assert db.execute("SELECT count(*) FROM inspections").fetchone()[0] == 0  # new table, empty
        assert integrity_problems(db) == []
    finally:
        opened.db.close()


def test_upgrade_leaves_a_backup_that_still_opens_at_schema_0001(upgraded: tuple[Path, Path]) -> None:
    path, backup = upgraded
    assert backup.parent == path.parent / "backups"
    assert BACKUP_NAME.match(backup.name), backup.name
    manifest = backup.with_name(backup.name + ".json")
    assert _backups(path.parent) == [backup, manifest]  # exactly one with its manifest, no stray temp file
    facts = json.loads(manifest.read_text(encoding="utf-8"))
    assert facts["reason"] == "migration" and facts["schema_version"] == 1
    assert facts["migrations"] == ["0001_core"] and facts["database_sha256"] == _sha256(backup)
    assert _applied(backup) == ["0001_core"]
    conn = sqlite3.connect(str(backup))
    try:
        assert conn.execute("SELECT plate FROM vehicles").fetchall() == [("粤B·12345",)]
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'inspections'").fetchall() == []
    finally:
        conn.close()


def test_upgraded_fixture_audit_chain_still_verifies(upgraded: tuple[Path, Path]) -> None:
    opened = open_database(upgraded[0])
    try:
        records = list(audit_repo.iter_records(opened.db))
        assert len(records) == 2 and verify_chain(records) == []
        assert records[0].rows is None and records[1].prev_hash == records[0].hash  # old hashing kept
        assert {fact.table for fact in records[1].rows or ()} >= {"users", "units", "vehicles", "staff"}
    finally:
        opened.db.close()


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_newer_database_is_refused_and_left_untouched(tmp_path: Path, journal_mode: str) -> None:
    path = tmp_path / "inspector.db"
    open_database(path).db.close()
    _add_future_migration(path)
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA journal_mode={journal_mode}")  # a file written by another tool or build
    conn.close()
    before = _sha256(path)
    files_before = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(DatabaseTooNew) as raised:
        open_database(path)

    assert "9999_future" in raised.value.params["unknown"]
    assert _sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before  # no backup, no -wal left
    assert _applied(path)[-1] == "9999_future"


def test_newer_fixture_is_refused_before_any_pending_migration(tmp_path: Path) -> None:
    """Unknown AND pending migrations: refusing wins, so no backup and no half upgrade."""
    path = tmp_path / "inspector.db"
    shutil.copyfile(FIXTURES / "schema_0001.db", path)
    _add_future_migration(path)
    before = _sha256(path)
    with pytest.raises(DatabaseTooNew):
        open_database(path)
    assert _sha256(path) == before
    assert _backups(tmp_path) == []


def test_integrity_problems_empty_on_a_sound_database(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "inspector.db")
    try:
        assert integrity_problems(opened.db) == []
    finally:
        opened.db.close()


def test_integrity_problems_reports_a_broken_reference(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "inspector.db")
    db = opened.db
    try:
        db.execute("PRAGMA foreign_keys=OFF")
        with db.conn:
            db.execute(
                "INSERT INTO vehicles (id, plate, fleet_no, unit_id, created_at, updated_at)"
                " VALUES (7, '粤B·00001', 'X1', 999, 'now', 'now')"
            )
        problems = integrity_problems(db)
        assert problems == ["vehicles row 7 points at a missing units row"]
    finally:
        db.close()
