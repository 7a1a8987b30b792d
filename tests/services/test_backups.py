"""Backups and restore: the rotation (14 + one a month, on an injected clock), the daily backup,
a backup taken while another connection writes, the backup before a migration, and a restore
that checks first (corrupt, truncated, tampered, not SQLite, not Inspector, newer schema, newer
build — each refused with nothing changed) and keeps the current database aside.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from inspector.context import AppContext, open_context
from inspector.domain.backups import BackupReason, kept_backups
from inspector.domain.errors import InspectorError
from inspector.domain.users import User
from inspector.storage import photos_repo
from inspector.storage.database import known_migrations
from tests.conftest import PASSWORD

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CHINA = timezone(timedelta(hours=8))


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _users(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [row[0] for row in conn.execute("SELECT username FROM users ORDER BY username")]
    finally:
        conn.close()


def _data_files(root: Path) -> list[str]:
    """Everything in the data folder except the database's own -wal/-shm and the backups."""
    return sorted(p.name for p in root.iterdir() if not p.name.endswith(("-wal", "-shm")))


@pytest.fixture
def clock(context: AppContext) -> Clock:
    fake = Clock(datetime(2026, 9, 1, 8, 30, tzinfo=CHINA))
    context.services.clock = fake
    return fake


# --- rotation -------------------------------------------------------------------------------------

def test_rotation_rule_keeps_the_newest_and_one_per_month() -> None:
    days = [datetime(2026, 9, 1) + timedelta(days=n) for n in range(100)]  # 1 Sep … 9 Dec
    kept = sorted(days[index] for index in kept_backups(days, 14))
    newest = days[-14:]  # 26 Nov … 9 Dec (the newest of Nov and Dec among them)
    assert kept == [datetime(2026, 9, 30), datetime(2026, 10, 31), *newest]
    assert kept_backups([], 14) == set()
    assert len(kept_backups(days[:5], 14)) == 5


def test_a_day_of_many_imports_does_not_push_the_earlier_days_out() -> None:
    days = [datetime(2026, 12, 1, 8) + timedelta(days=n) for n in range(20)]  # 1 … 20 Dec, one a day
    imports = [datetime(2026, 12, 21, 9) + timedelta(minutes=n) for n in range(30)]  # then 30 on the 21st
    created = days + imports
    kept = {created[index] for index in kept_backups(created, 14)}
    assert set(imports[-14:]) <= kept and not set(imports[:-14]) & kept  # the newest 14
    assert {day for day in days if day.day >= 8} <= kept  # the 13 days before, one each
    assert {day for day in days if 1 < day.day < 8}.isdisjoint(kept)
    assert datetime(2026, 12, 1, 8) not in kept  # the month's newest is on the 21st
    assert len(kept) == 14 + 13


def test_make_takes_the_reason_as_a_word(context: AppContext, admin: User, clock: Clock) -> None:
    info = context.backups.make("import")  # what the exchange import calls before merging
    assert info.reason == "import" and info.path.name == "inspector-20260901-083000-import.db"
    with pytest.raises(ValueError):
        context.backups.make("whenever")


def test_daily_backups_rotate_to_fourteen_plus_one_per_month(context: AppContext, admin: User,
                                                           clock: Clock) -> None:
    for _ in range(100):
        assert context.backups.ensure_daily() is not None
        assert context.backups.ensure_daily() is None  # once a day
        clock.now += timedelta(days=1)
    listed = context.backups.list()
    assert [info.created_at.date().isoformat() for info in listed] == [
        *[(datetime(2026, 12, 9) - timedelta(days=n)).date().isoformat() for n in range(14)],
        "2026-10-31", "2026-09-30"]
    assert all(info.reason == "daily" and info.manifest is not None for info in listed)
    files = sorted(p.name for p in context.paths.backups.iterdir())
    assert len(files) == 2 * len(listed)  # each with its manifest, no leftover
    assert not [name for name in files if name.endswith(".tmp")]


def test_the_keep_setting_is_read_at_each_rotation(context: AppContext, admin: User, clock: Clock) -> None:
    context.settings.update(admin, backups_keep=3)
    for _ in range(10):  # 1 … 10 September
        context.backups.make(BackupReason.MANUAL)
        clock.now += timedelta(days=1)
    assert [info.created_at.day for info in context.backups.list()] == [10, 9, 8]
    with pytest.raises(InspectorError) as raised:
        context.settings.update(admin, backups_keep=0)
    assert raised.value.code == "setting_invalid"


def test_nothing_to_back_up_in_an_empty_database(context: AppContext) -> None:
    assert context.backups.ensure_daily() is None
    assert context.backups.last_backup() is None
    assert "none yet" in context.backups.age_line()


def test_manifest_lists_the_photos_and_hashes_the_copy(context: AppContext, admin: User, clock: Clock) -> None:
    stored = context.photos.store.put_stream(io.BytesIO(b"a photo"), suffix=".jpg")
    with context.services.mutation() as db:
        photos_repo.insert(db, sha256=stored.sha256, suffix=".jpg", original_name="x.jpg", mime="image/jpeg",
                           width=4, height=3, taken_at=None, latitude=None, longitude=None,
                           added_at="2026-09-01T08:00:00+08:00", added_by=admin.id)
    info = context.backups.make()
    manifest = json.loads(info.path.with_name(info.path.name + ".json").read_text(encoding="utf-8"))
    assert manifest["photos"] == [stored.sha256]
    assert manifest["database_sha256"] == _sha256(info.path)
    assert manifest["schema_version"] == len(known_migrations()) and manifest["reason"] == "manual"
    assert manifest["created_at"] == "2026-09-01T08:30:00+08:00"
    conn = sqlite3.connect(str(info.path))
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert context.backups.age_line() == "last backup: 2026-09-01 08:30 (manual), 0 minutes ago"
    clock.now += timedelta(days=3)
    assert context.backups.age_line().endswith("(manual), 3 days ago")
    assert "last backup: 2026-09-01 08:30 (manual), 3 days ago" in context.integrity.check().lines()


def test_backup_while_another_connection_writes(context: AppContext, admin: User) -> None:
    writer = sqlite3.connect(str(context.paths.database), timeout=10, check_same_thread=False)
    writer.execute("CREATE TABLE scratch (n INTEGER)")
    writer.commit()
    stop, failures, written = threading.Event(), [], [0]

    def write() -> None:
        try:
            while not stop.is_set():
                with writer:
                    writer.execute("INSERT INTO scratch VALUES (?)", [written[0]])
                written[0] += 1
        except Exception as error:  # pragma: no cover - reported below
            failures.append(error)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        counts = []
        for _ in range(5):
            info = context.backups.make()
            conn = sqlite3.connect(str(info.path))
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                rows = [row[0] for row in conn.execute("SELECT n FROM scratch ORDER BY n")]
            finally:
                conn.close()
            assert rows == list(range(len(rows)))  # a consistent prefix: no gap, no half transaction
            counts.append(len(rows))
    finally:
        stop.set()
        thread.join()
        writer.close()
    assert failures == []
    assert counts == sorted(counts) and written[0] > counts[0]  # the writer went on meanwhile


def test_export_writes_outside_the_rotation(context: AppContext, admin: User, tmp_path: Path) -> None:
    info = context.backups.export(tmp_path / "usb" / "mine.db")
    assert info.path == tmp_path / "usb" / "mine.db" and (tmp_path / "usb" / "mine.db.json").is_file()
    assert context.backups.list() == []
    with pytest.raises(InspectorError) as raised:
        context.backups.export(tmp_path)
    assert raised.value.code == "backup_target_is_folder"


def test_a_failed_write_is_a_clear_error_and_leaves_nothing(context: AppContext, admin: User,
                                                         tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    with pytest.raises(InspectorError) as raised:
        context.backups.export(blocker / "x.db")
    assert raised.value.code == "backup_write_failed" and "x.db" in raised.value.params["file"]


# --- before a migration ---------------------------------------------------------------------------

@pytest.mark.parametrize("fixture", ["schema_0001.db", "schema_0002.db"])
def test_a_backup_is_made_before_a_migration(tmp_path: Path, fixture: str) -> None:
    root = tmp_path / "old"
    root.mkdir()
    shutil.copyfile(FIXTURES / fixture, root / "inspector.db")
    before = _sha256(root / "inspector.db")
    context = open_context(root)
    try:
        assert context.opened.applied  # it was upgraded
        [info] = context.backups.list()
        assert info.reason == "migration" and info.path == context.opened.backup
        assert info.manifest is not None and info.manifest.schema_version == int(fixture[7:11])
        assert _sha256(info.path) == info.manifest.database_sha256
        conn = sqlite3.connect(str(info.path))
        try:  # the copy is the old schema, as it was
            assert [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")] == \
                known_migrations()[:int(fixture[7:11])]
        finally:
            conn.close()
        # the copy holds the old file's content; restoring it gives back the old schema
        assert context.restore.check(info.path).migrations_to_apply == len(known_migrations()) - int(fixture[7:11])
        assert before  # the original bytes were read before the upgrade
    finally:
        context.close()


def test_no_backup_before_creating_a_new_database(tmp_path: Path) -> None:
    context = open_context(tmp_path / "new")
    try:
        assert context.opened.backup is None and context.backups.list() == []
    finally:
        context.close()


# --- restore --------------------------------------------------------------------------------------

@pytest.fixture
def backed_up(context: AppContext, admin: User, clock: Clock) -> Path:
    """A backup holding only ``admin``; then ``later`` is added to the live database."""
    info = context.backups.make()
    context.users.create(admin, username="later", display_name="later", role=admin.role, password=PASSWORD)
    clock.now += timedelta(hours=1)
    return info.path


def test_restore_puts_the_backup_back_and_keeps_the_current_database_aside(
        context: AppContext, backed_up: Path) -> None:
    assert _users(context.paths.database) == ["admin", "later"]
    result = context.restore.restore(backed_up)
    assert _users(context.paths.database) == ["admin"]
    assert result.kept_aside == context.paths.root / "inspector.db.before-restore-20260901-093000"
    assert _users(result.kept_aside) == ["admin", "later"]
    assert result.check.schema_version == len(known_migrations()) and result.check.migrations_to_apply == 0
    assert result.check.photos_missing == ()
    # the open context reads the restored database (same file, through SQLite's locks)
    with pytest.raises(InspectorError):
        context.users.by_username("later")
    assert context.integrity.check().ok


def test_restore_reports_the_photos_the_store_no_longer_has(context: AppContext, admin: User, clock: Clock) -> None:
    kept = context.photos.store.put_stream(io.BytesIO(b"kept"), suffix=".jpg")
    with context.services.mutation() as db:
        for sha256 in (kept.sha256, "a" * 64):
            photos_repo.insert(db, sha256=sha256, suffix=".jpg", original_name="x.jpg", mime="image/jpeg",
                               width=4, height=3, taken_at=None, latitude=None, longitude=None,
                               added_at="2026-09-01T08:00:00+08:00", added_by=admin.id)
    info = context.backups.make()
    assert context.restore.check(info.path).photos_missing == ("a" * 64,)
    info.path.with_name(info.path.name + ".json").unlink()  # without its manifest: read from the copy
    assert context.restore.check(info.path).photos_missing == ("a" * 64,)
    assert context.restore.restore(info.path).check.photos_needed == tuple(sorted((kept.sha256, "a" * 64)))


def test_restore_of_an_older_schema_is_upgraded_at_the_next_open(data_dir: Path, context: AppContext,
                                                                 admin: User) -> None:
    result = context.restore.restore(FIXTURES / "schema_0001.db")
    assert result.check.schema_version == 1 and result.check.manifest is None
    context.close()
    reopened = open_context(data_dir)
    try:
        assert reopened.opened.applied == tuple(known_migrations()[1:])
        assert [info.reason for info in reopened.backups.list()] == ["migration"]
        assert reopened.integrity.check().ok
    finally:
        reopened.close()


def _refused(context: AppContext, file: Path) -> InspectorError:
    """Restore ``file``, expect a refusal, and prove nothing in the data folder changed."""
    database = context.paths.database
    before, users, files = _sha256(database), _users(database), _data_files(context.paths.root)
    with pytest.raises(InspectorError) as raised:
        context.restore.restore(file)
    assert _users(database) == users and _sha256(database) == before
    assert _data_files(context.paths.root) == files  # no before-restore copy
    assert not [p for p in context.paths.backups.iterdir() if p.name.endswith(".tmp")]
    return raised.value


def _without_manifest(path: Path, tmp_path: Path, name: str) -> Path:
    copy = tmp_path / name
    shutil.copyfile(path, copy)
    return copy


def test_restore_refuses_a_corrupt_file(context: AppContext, backed_up: Path, tmp_path: Path) -> None:
    damaged = _without_manifest(backed_up, tmp_path, "damaged.db")
    data = bytearray(damaged.read_bytes())
    pages = len(data) // 4096
    for page in range(2, pages):  # every page but the header page: tables and indexes
        data[page * 4096 + 8: page * 4096 + 400] = b"\xa5" * 392
    damaged.write_bytes(bytes(data))
    error = _refused(context, damaged)
    assert error.code == "backup_damaged" and error.params["file"] == str(damaged)


def test_restore_refuses_a_truncated_file(context: AppContext, backed_up: Path, tmp_path: Path) -> None:
    truncated = _without_manifest(backed_up, tmp_path, "truncated.db")
    truncated.write_bytes(backed_up.read_bytes()[: backed_up.stat().st_size // 3])
    assert _refused(context, truncated).code == "backup_damaged"


def test_restore_refuses_a_backup_changed_after_it_was_made(context: AppContext, backed_up: Path) -> None:
    data = bytearray(backed_up.read_bytes())
    data[-100] ^= 0xFF  # one flipped byte: the manifest's SHA-256 no longer matches
    backed_up.write_bytes(bytes(data))
    assert _refused(context, backed_up).code == "backup_checksum_mismatch"


@pytest.mark.parametrize("content", [b"", b"hello, not a database\n" * 50, b"PK\x03\x04" + b"\x00" * 200])
def test_restore_refuses_a_file_that_is_not_sqlite(context: AppContext, backed_up: Path, tmp_path: Path,
                                                 content: bytes) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(content)
    assert _refused(context, junk).code == "backup_not_sqlite"


def test_restore_refuses_another_sqlite_database(context: AppContext, backed_up: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(str(other))
    conn.execute("CREATE TABLE users (username TEXT)")
    conn.commit()
    conn.close()
    assert _refused(context, other).code == "backup_not_inspector"


def test_restore_refuses_a_newer_schema(context: AppContext, backed_up: Path, tmp_path: Path) -> None:
    newer = _without_manifest(backed_up, tmp_path, "newer.db")
    conn = sqlite3.connect(str(newer))
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES "
                     "('inspector', '9999_future', '2099-01-01')")
    conn.close()
    error = _refused(context, newer)
    assert error.code == "backup_too_new" and error.params["unknown"] == "9999_future"


def test_restore_refuses_a_backup_from_a_newer_build(context: AppContext, backed_up: Path) -> None:
    manifest = backed_up.with_name(backed_up.name + ".json")
    facts = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**facts, "app_version": "99.0.0"}), encoding="utf-8")
    error = _refused(context, backed_up)
    assert error.code == "backup_newer_build" and error.params["version"] == "99.0.0"


def test_restore_refuses_a_missing_file(context: AppContext, backed_up: Path, tmp_path: Path) -> None:
    assert _refused(context, tmp_path / "nowhere.db").code == "file_missing"


def test_restore_refuses_while_another_window_has_the_folder_open(context: AppContext, backed_up: Path) -> None:
    import socket

    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        context.paths.lock_file.write_text(f"{window.pid}\nInspector\n{socket.gethostname()}\n", encoding="utf-8")
        error = _refused(context, backed_up)
        assert error.code == "restore_folder_in_use" and error.params["pid"] == window.pid
    finally:
        window.kill()
        window.wait()
    # the window is gone, its lock file stays behind: a stale lock does not block
    assert context.restore.restore(backed_up).kept_aside is not None


def test_restore_replaces_a_database_sqlite_cannot_read(data_dir: Path, context: AppContext,
                                                        backed_up: Path) -> None:
    context.close()
    database = data_dir / "inspector.db"
    garbage = b"\x00garbage" * 1000
    database.write_bytes(garbage)
    Path(str(database) + "-wal").unlink(missing_ok=True)
    from inspector.paths import DataPaths
    from inspector.services.restore import RestoreService

    result = RestoreService(DataPaths(data_dir)).restore(backed_up)
    assert result.kept_aside is not None and result.kept_aside.read_bytes() == garbage
    assert _users(database) == ["admin"]
    reopened = open_context(data_dir)
    try:
        assert reopened.integrity.check().ok
    finally:
        reopened.close()
