"""Opening the database: pragmas, migrations with a backup first, refusal of newer files, checks.

Open order (Anki, Vorta): WAL and foreign keys; refuse a database carrying migrations this build
does not know (nothing touched); if migrations are pending on an existing file, back it up (SQLite's
backup API, into the data folder's ``backups/`` with its manifest, reason ``migration``); apply
with foreign keys off; then run ``foreign_key_check``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from inspector import __version__
from inspector.domain.backups import BackupReason
from inspector.domain.errors import DatabaseTooNew, InspectorError
from inspector.paths import BACKUPS_FOLDER
from inspector.storage.backups import new_backup_path, write_backup
from inspector.storage.migrations import MIGRATIONS


@dataclass(frozen=True)
class OpenResult:
    db: sqlite_utils.Database
    applied: tuple[str, ...]  # names of migrations applied by this open
    backup: Path | None  # the backup made before migrating, if any (in the backups folder)


SYNCHRONOUS = "FULL"


def _connect(path: Path) -> sqlite_utils.Database:
    """A connection that has written nothing yet (WAL is switched on by ``_use_wal``)."""
    conn = sqlite3.connect(str(path), timeout=10.0)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA busy_timeout=10000")
    return db


def _use_wal(db: sqlite_utils.Database) -> None:
    # Only after the too-new check: switching a rollback-journal file to WAL rewrites its header,
    # and a refused file must keep every byte.
    db.execute("PRAGMA journal_mode=WAL")
    # FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss (a laptop whose
    # battery dies), although the screen already said 已保存. FULL fsyncs the WAL at every commit;
    # bench/answers.py measures what that costs per recorded answer.
    db.execute(f"PRAGMA synchronous={SYNCHRONOUS}")


def _applied_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def known_migrations() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def schema_version(db: sqlite_utils.Database) -> int:
    """How many of this build's migrations the database carries."""
    return len(_applied_names(db))


def _backup(db: sqlite_utils.Database, path: Path) -> Path:
    """A consistent copy (SQLite's backup API) with its manifest in the data folder's backups,
    made before pending migrations touch an existing database."""
    created_at = datetime.now().astimezone().replace(microsecond=0)
    target = new_backup_path(path.parent / BACKUPS_FOLDER, created_at, BackupReason.MIGRATION)
    write_backup(db, target, reason=BackupReason.MIGRATION, created_at=created_at, app_version=__version__)
    return target


def open_database(path: Path, *, migrate: bool = True) -> OpenResult:
    """Open (creating if needed) and migrate the database at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    db = _connect(path)
    try:
        try:
            applied = _applied_names(db)
        except sqlite3.DatabaseError as error:  # "file is not a database": damaged, or not ours
            raise InspectorError("database_unreadable", file=str(path), reason=str(error)) from None
        unknown = [name for name in applied if name not in known_migrations()]
        if unknown:
            raise DatabaseTooNew(file=str(path), unknown=", ".join(unknown))
        _use_wal(db)
        pending = [m.name for m in MIGRATIONS.pending(db)]
        backup = None
        if pending and migrate:
            if existed and applied:
                backup = _backup(db, path)
            db.execute("PRAGMA foreign_keys=OFF")
            MIGRATIONS.apply(db)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise InspectorError("migration_foreign_keys", file=str(path), problems=len(problems))
        db.execute("PRAGMA foreign_keys=ON")
        return OpenResult(db=db, applied=tuple(pending if migrate else ()), backup=backup)
    except BaseException:
        db.close()
        raise


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """SQLite's own integrity and foreign-key checks, as readable lines (empty when sound)."""
    lines = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    problems = [line for line in lines if line != "ok"]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} row {rowid} points at a missing {parent} row")
    return problems


SQLITE_HEADER = b"SQLite format 3\x00"


def open_existing_database(path: Path) -> OpenResult:
    """Open the database at ``path`` as it is, for ``check``: never create, migrate or convert it.

    A missing, empty (0 bytes), non-SQLite or schema-less file, or one whose schema is older or
    newer than this build's, is refused with a clear error and not touched — an emptied database
    given a fresh schema would "pass" while every notice PDF lies orphaned beside it (#12.9)."""
    if not path.exists():
        raise InspectorError("database_missing", file=str(path))
    if not path.is_file():
        raise InspectorError("database_not_a_file", file=str(path))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise InspectorError("database_unreadable", file=str(path), reason=error.strerror or str(error)) from None
    if not header:
        raise InspectorError("database_empty", file=str(path))
    if header != SQLITE_HEADER:
        raise InspectorError("database_damaged", file=str(path))
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=10.0)  # rw: never create
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        db.execute("PRAGMA busy_timeout=10000")
        try:
            applied = _applied_names(db) if db["_sqlite_migrations"].exists() else []
        except sqlite3.DatabaseError:
            raise InspectorError("database_damaged", file=str(path)) from None
        unknown = [name for name in applied if name not in known_migrations()]
        if unknown:
            raise DatabaseTooNew(file=str(path), unknown=", ".join(unknown))
        if not applied:
            raise InspectorError("database_empty", file=str(path))
        pending = [name for name in known_migrations() if name not in applied]
        if pending:
            raise InspectorError("database_needs_upgrade", file=str(path), pending=", ".join(pending))
        db.execute("PRAGMA foreign_keys=ON")
        return OpenResult(db=db, applied=(), backup=None)
    except BaseException:
        db.close()
        raise
