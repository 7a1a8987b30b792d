"""Putting a backup back in place of the database: check first, keep the current one aside, then
replace it — all or nothing.

The checks run on a private working copy (so the file cannot change between check and restore,
and the user's file is never touched): an SQLite file at all; the SHA-256 its manifest records,
when it has one; ``PRAGMA integrity_check``; an Inspector database (sqlite-utils' migration
table); no migration this build does not know (a backup from a newer build is refused, as is one
whose manifest names a newer app version). An older schema is fine: the next open upgrades it,
with a backup first, as always.

The current database is then copied beside itself as ``inspector.db.before-restore-<time>``
(SQLite's backup API; byte for byte when SQLite can no longer read it), and the working copy is
written over the live database through the backup API, inside SQLite's locks. Photos are not part
of a backup: the photos its manifest lists that the store no longer holds are reported.

No role check in the service: the file system is the authority here, since the point of a restore
is often a database nobody can sign in to any more. The desktop app offers it to users who may
edit settings; ``inspector-cli restore`` to whoever can run it on the data folder. A restore is
refused while another Inspector window has the data folder open (its lock file names a live
process other than this one).
"""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector import __version__
from inspector.domain.backups import BackupManifest, is_newer_build
from inspector.domain.errors import InspectorError
from inspector.domain.photos import SHA256_PATTERN
from inspector.paths import DataPaths
from inspector.services.base import local_now
from inspector.storage import backups as files
from inspector.storage.database import known_migrations
from inspector.storage.photo_store import PhotoStore

ASIDE_INFIX = ".before-restore-"


@dataclass(frozen=True)
class RestoreCheck:
    """What a backup file holds, once it passed every check."""

    file: Path
    schema_version: int  # migrations the backup carries
    current_schema: int  # migrations this build knows
    manifest: BackupManifest | None
    photos_needed: tuple[str, ...]
    photos_missing: tuple[str, ...]  # needed, but not in the photo store

    @property
    def migrations_to_apply(self) -> int:
        return self.current_schema - self.schema_version

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.file), "schema_version": self.schema_version, "current_schema": self.current_schema,
            "created_at": None if self.manifest is None else self.manifest.created_at.isoformat(),
            "reason": None if self.manifest is None else self.manifest.reason.value,
            "app_version": None if self.manifest is None else self.manifest.app_version,
            "photos_needed": len(self.photos_needed), "photos_missing": list(self.photos_missing),
        }


@dataclass(frozen=True)
class RestoreResult:
    check: RestoreCheck
    kept_aside: Path | None  # the database as it was; None when there was none


class RestoreService:
    def __init__(self, paths: DataPaths, clock: Callable[[], datetime] = local_now) -> None:
        self.paths = paths
        self.clock = clock

    def check(self, file: Path) -> RestoreCheck:
        """Every check a restore makes, changing nothing."""
        work, verdict = self._prepare(Path(file))
        work.unlink(missing_ok=True)
        return verdict

    def restore(self, file: Path) -> RestoreResult:
        """Check ``file``, keep the current database aside, put the backup in its place."""
        self._refuse_if_open_elsewhere()
        work, verdict = self._prepare(Path(file))
        try:
            database = self.paths.database
            live = database.is_file() and database.stat().st_size > 0
            kept = self._keep_aside() if live else None
            try:
                if live and self._readable(database):
                    files.restore_into(work, database)
                else:
                    files.replace_unreadable(work, database)
            except OSError as error:
                raise InspectorError("restore_failed", file=str(file), reason=error.strerror or str(error)) from None
            except sqlite3.OperationalError as error:
                raise InspectorError("restore_failed", file=str(file), reason=str(error)) from None
        finally:
            work.unlink(missing_ok=True)
        return RestoreResult(check=verdict, kept_aside=kept)

    # --- the checks -----------------------------------------------------------------------------
    def _prepare(self, file: Path) -> tuple[Path, RestoreCheck]:
        """A checked working copy of ``file`` (the caller removes it) and what it holds."""
        name = str(file)
        if not file.is_file():
            raise InspectorError("file_missing", file=name)
        try:
            if not files.has_sqlite_header(file):
                raise InspectorError("backup_not_sqlite", file=name)
            manifest = files.read_manifest(file)
            if manifest is not None and files.file_sha256(file) != manifest.database_sha256:
                raise InspectorError("backup_checksum_mismatch", file=name)
            # beside the database: on its file system (the fallback renames it into place)
            work = self.paths.root / f".{self.paths.database.name}.restore-{os.getpid()}{files.TEMP_SUFFIX}"
            files.copy_file(file, work)
        except OSError as error:
            raise InspectorError("file_unreadable", file=name, reason=error.strerror or str(error)) from None
        try:
            verdict = self._examine(work, file, manifest)
        except BaseException:
            work.unlink(missing_ok=True)
            raise
        return work, verdict

    def _examine(self, work: Path, file: Path, manifest: BackupManifest | None) -> RestoreCheck:
        name = str(file)
        try:
            connection = files.connect(work)
            try:
                problems = files.integrity_lines(connection)
                if problems:
                    raise InspectorError("backup_damaged", file=name, problem=problems[0], count=len(problems))
                migrations = files.applied_migrations(connection)
                if migrations is None:
                    raise InspectorError("backup_not_inspector", file=name)
                known = known_migrations()
                unknown = [migration for migration in migrations if migration not in known]
                if unknown:
                    raise InspectorError("backup_too_new", file=name, unknown=", ".join(unknown))
                photos = tuple(manifest.photos) if manifest is not None else tuple(files.photo_hashes(connection))
            finally:
                connection.close()
            if manifest is not None and is_newer_build(manifest.app_version, __version__):
                raise InspectorError("backup_newer_build", file=name, version=manifest.app_version,
                                     current=__version__)
            files.use_rollback_journal(work)
            self._match_page_size(work)
        except sqlite3.DatabaseError as error:  # "file is not a database", "database disk image is malformed"
            raise InspectorError("backup_damaged", file=name, problem=str(error), count=1) from None
        store = PhotoStore(self.paths.photos)
        missing = tuple(sha256 for sha256 in photos
                        if not SHA256_PATTERN.match(sha256) or store.original_path(sha256) is None)
        return RestoreCheck(file=file, schema_version=len(migrations), current_schema=len(known),
                            manifest=manifest, photos_needed=photos, photos_missing=missing)

    def _match_page_size(self, work: Path) -> None:
        database = self.paths.database
        if not (database.is_file() and self._readable(database)):
            return
        live = files.connect(database)
        try:
            wanted = files.page_size(live)
        finally:
            live.close()
        copy = files.connect(work)
        try:
            have = files.page_size(copy)
        finally:
            copy.close()
        if have != wanted:
            files.rebuild_with_page_size(work, wanted)

    @staticmethod
    def _readable(database: Path) -> bool:
        """Can SQLite read the live database at all? (Busy is not unreadable: that is an error.)"""
        try:
            connection = files.connect(database)
            try:
                files.applied_migrations(connection)
            finally:
                connection.close()
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise InspectorError("database_busy", file=str(database)) from None
            return False
        except sqlite3.DatabaseError:
            return False
        return True

    # --- keeping the current database -----------------------------------------------------------
    def _keep_aside(self) -> Path:
        database = self.paths.database
        target = self._aside_path()
        try:
            if self._readable(database):
                connection = files.connect(database)
                try:
                    files.copy_database(connection, target)
                finally:
                    connection.close()
            else:
                files.copy_file(database, target)
                wal = Path(str(database) + "-wal")
                if wal.is_file() and wal.stat().st_size:
                    files.copy_file(wal, Path(str(target) + "-wal"))
        except OSError as error:
            raise InspectorError("backup_write_failed", file=str(target), reason=error.strerror or str(error)) from None
        return target

    def _aside_path(self) -> Path:
        stamp = f"{self.clock():%Y%m%d-%H%M%S}"
        database = self.paths.database
        candidate, counter = database.with_name(f"{database.name}{ASIDE_INFIX}{stamp}"), 1
        while candidate.exists():
            candidate = database.with_name(f"{database.name}{ASIDE_INFIX}{stamp}-{counter}")
            counter += 1
        return candidate

    # --- another window on the same folder ------------------------------------------------------
    def _refuse_if_open_elsewhere(self) -> None:
        """The desktop app's lock file (Qt's QLockFile: pid, app name, host name) names a live
        process other than this one: that window would go on with the database under its feet."""
        if os.name == "nt":
            return  # no signal-0 probe there; the app's own restore is the supported way
        try:
            lines = self.paths.lock_file.read_text(encoding="utf-8", errors="replace").splitlines()
            pid = int(lines[0])
        except (OSError, ValueError, IndexError):
            return
        host = lines[2] if len(lines) > 2 else ""
        if pid == os.getpid() or (host and host != socket.gethostname()):
            return
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return  # a lock left by a crashed window
        except PermissionError:
            pass  # alive, another user's
        raise InspectorError("restore_folder_in_use", folder=str(self.paths.root), pid=pid)
