"""Backup files: consistent copies of the database through SQLite's online backup API
(``sqlite3.Connection.backup``), their JSON manifests, the checks a file must pass before it may
replace the database, and the replacing itself.

Every file here is written to a temporary name in its destination folder, fsynced, renamed into
place and the folder fsynced: a crash leaves at most a ``*.tmp`` leftover, never half a backup
under a final name. A copy is switched to the rollback journal (``journal_mode=DELETE``), so it is
one self-contained file that opens anywhere (no ``-wal`` beside it).

The backup API reads one consistent snapshot (a single step, in WAL mode other connections keep
writing meanwhile); restoring through the same API writes the whole copy into the live database
inside SQLite's own locks, so another connection that has the file open sees either the old or
the restored database, never a mixture. No policy here (when, how many, who): that is
``inspector.services.backups``.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

import sqlite_utils

from inspector.domain.backups import BackupManifest, BackupReason
# Reading the names needs none of the writing below (the daily check of every start): apart.
from inspector.storage.backup_names import backup_files, parse_backup_name  # noqa: F401
from inspector.storage.files import write_atomic, write_atomic_with
from inspector.storage.photo_store import _ensure_dir, _fsync_dir, sha256_of

SQLITE_HEADER = b"SQLite format 3\x00"
MANIFEST_SUFFIX = ".json"  # the manifest of ``x.db`` is ``x.db.json``
TEMP_SUFFIX = ".tmp"
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_SET = "inspector"  # sqlite-utils' migration set name of this schema


# --- names ----------------------------------------------------------------------------------------

def backup_file_name(created_at: datetime, reason: BackupReason, counter: int = 0) -> str:
    suffix = f"-{counter}" if counter else ""
    return f"inspector-{created_at:%Y%m%d-%H%M%S}-{reason.value}{suffix}.db"


def new_backup_path(folder: Path, created_at: datetime, reason: BackupReason) -> Path:
    """A name in ``folder`` no other backup has (a counter when two fall in the same second)."""
    counter = 0
    while (candidate := folder / backup_file_name(created_at, reason, counter)).exists():
        counter += 1
    return candidate


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


# --- writing ----------------------------------------------------------------------------------------

def copy_database(source: sqlite3.Connection, target: Path) -> tuple[str, int]:
    """A consistent copy of ``source`` at ``target`` (atomic, durable); returns (SHA-256, size)."""
    made_folder = not target.parent.exists()
    _ensure_dir(target.parent)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(handle)
    temp = Path(temporary)
    try:
        dest = sqlite3.connect(str(temp))
        try:
            source.backup(dest)  # pages=-1: one step, one snapshot
            dest.execute("PRAGMA journal_mode=DELETE")
            # The backup API copies damaged pages as they are: a copy of a damaged database must
            # never rotate a sound backup out.
            verdict = [row[0] for row in dest.execute("PRAGMA quick_check(3)").fetchall()]
            if verdict != ["ok"]:
                raise sqlite3.DatabaseError(" ".join(" ".join(verdict).split()))  # one line
        finally:
            dest.close()
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        digest, size = sha256_of(temp), temp.stat().st_size
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        Path(temporary + "-journal").unlink(missing_ok=True)
        if made_folder:
            try:
                target.parent.rmdir()  # leave the data folder as it was
            except OSError:
                pass
        raise
    _fsync_dir(target.parent)
    return digest, size


def write_backup(db: sqlite_utils.Database, target: Path, *, reason: BackupReason, created_at: datetime,
                 app_version: str) -> BackupManifest:
    """Copy ``db`` to ``target`` and write its manifest beside it (the copy first: a backup
    without a manifest is still a whole, restorable file)."""
    migrations = applied_migrations(db.conn) or []
    photos = photo_hashes(db.conn)
    digest, size = copy_database(db.conn, target)
    manifest = BackupManifest(
        created_at=created_at, reason=reason, app_version=app_version, schema_version=len(migrations),
        migrations=tuple(migrations), database_sha256=digest, size=size, photos=tuple(photos))
    write_manifest(target, manifest)
    return manifest


def write_manifest(backup: Path, manifest: BackupManifest) -> None:
    text = json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=1)
    write_atomic(manifest_path(backup), text.encode("utf-8"))


def read_manifest(backup: Path) -> BackupManifest | None:
    """The manifest beside ``backup``; None when there is none or it cannot be read."""
    try:
        raw = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
        return BackupManifest.model_validate(raw)
    except (OSError, ValueError):  # missing, not JSON, or not a manifest (pydantic's is a ValueError)
        return None


def remove_backup(backup: Path) -> None:
    """Delete a rotated-out backup and its manifest (the manifest first: a file left without one
    is still listed and restorable, a manifest without its file is nothing)."""
    manifest_path(backup).unlink(missing_ok=True)
    backup.unlink(missing_ok=True)


def copy_file(source: Path, target: Path) -> None:
    """A byte-for-byte copy of ``source`` at ``target`` (atomic, durable) — for a database that
    SQLite can no longer read, which the backup API could not copy."""
    write_atomic_with(target, lambda temporary: shutil.copyfile(source, temporary), suffix=TEMP_SUFFIX)


# --- reading a database ---------------------------------------------------------------------------

def has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), timeout=10.0)
    connection.execute("PRAGMA busy_timeout=10000")
    return connection


def applied_migrations(connection: sqlite3.Connection) -> list[str] | None:
    """The migrations a database carries, in order; None when it has no migrations table."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]).fetchone()
    if exists is None:
        return None
    rows = connection.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]).fetchall()
    return [row[0] for row in rows]


def integrity_lines(connection: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check``'s findings (empty when the file is sound)."""
    return [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]


def _table_exists(connection: sqlite3.Connection, table: str) -> bool:
    return connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", [table]).fetchone() is not None


def is_empty(connection: sqlite3.Connection) -> bool:
    """Nothing recorded yet: no audit entry (every change writes one) but the baseline a new
    database records after its migrations, so nothing to back up."""
    if not _table_exists(connection, "audit_log"):
        return True
    return connection.execute("SELECT 1 FROM audit_log WHERE action != 'audit.baseline' LIMIT 1").fetchone() is None


def photo_hashes(connection: sqlite3.Connection) -> list[str]:
    """Every photo a database refers to: inspection and follow-up photos (``photos``) and the
    reference photos of template items. Read from whatever schema the file has (a backup made
    before a migration has an older one)."""
    found: set[str] = set()
    if _table_exists(connection, "photos"):
        found.update(row[0] for row in connection.execute("SELECT sha256 FROM photos"))
    if _table_exists(connection, "template_versions"):
        found.update(row[0] for row in connection.execute(
            "SELECT DISTINCT tree.value FROM template_versions, json_tree(template_versions.body) AS tree"
            " WHERE tree.key = 'reference_photo' AND tree.type = 'text' AND tree.value != ''"))
    return sorted(found)


def page_size(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA page_size").fetchone()[0])


def rebuild_with_page_size(path: Path, size: int) -> None:
    """Rewrite the (rollback-journal) file at ``path`` with pages of ``size`` bytes: SQLite's backup
    API cannot write into a WAL database whose page size differs from the copy's."""
    connection = connect(path)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute(f"PRAGMA page_size={int(size)}")
        connection.execute("VACUUM")
    finally:
        connection.close()


def use_rollback_journal(path: Path) -> None:
    connection = connect(path)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


# --- replacing the live database --------------------------------------------------------------------

def restore_into(source: Path, database: Path) -> None:
    """Write the database at ``source`` over the live ``database`` through the backup API (inside
    SQLite's locks, one transaction: all of it or none of it)."""
    incoming = connect(source)
    try:
        live = connect(database)
        try:
            incoming.backup(live)
        finally:
            live.close()
    finally:
        incoming.close()


def replace_unreadable(source: Path, database: Path) -> None:
    """Put ``source`` in place of a ``database`` SQLite cannot read at all (so nobody can be using
    it): its ``-wal`` and ``-shm`` go first, or SQLite would replay the old log onto the new file."""
    for sidecar in ("-wal", "-shm", "-journal"):
        Path(str(database) + sidecar).unlink(missing_ok=True)
    os.replace(source, database)
    _fsync_dir(database.parent)


def file_sha256(path: Path) -> str:
    return sha256_of(path)
