"""Automatic rotating backups of the database, and backups on demand.

When: the first start of a day (the desktop app, and every CLI command that opens the data
folder: ``ensure_daily``, a look at the newest file name, so cheap when today's exists), before
pending migrations (``inspector.storage.database``), before an exchange file is merged (the import
calls ``make(BackupReason.IMPORT)`` before its transaction), and on demand (``make``, or ``export``
to a file of the user's choice, which the rotation never touches).

Where: ``<data folder>/backups/inspector-YYYYmmdd-HHMMSS-<reason>.db`` with its manifest
``….db.json`` (``BackupManifest``: schema and app version, when, why, the SHA-256 of the copy and
the photos it refers to — photos are not copied, the content-addressed store never changes one).

How many: after each new backup the rotation keeps the newest ``AppSettings.backups_keep``
(default 14), the newest of each of the latest 14 days, and the newest of every month
(``kept_backups``). Restoring is
``inspector.services.restore``.

No role check: a backup only reads the database and writes into the data folder, and the
automatic ones run before anyone has signed in.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector import __version__
from inspector.domain.backups import BackupManifest, BackupReason, kept_backups
from inspector.domain.errors import InspectorError, StorageProblem
from inspector.services.base import ServiceContext
from inspector.services.settings import SettingsService
from inspector.storage import backups as files
from inspector.storage.failures import CANNOT_OPEN, DAMAGED, DISK_FULL, NO_PERMISSION, READ_ONLY, storage_problem

_WRITING_COPY = {DISK_FULL, READ_ONLY, NO_PERMISSION, CANNOT_OPEN}


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the list shows it."""

    path: Path
    created_at: datetime
    reason: str  # a BackupReason value (or the word in the file name)
    size: int
    manifest: BackupManifest | None  # None: the manifest is missing or unreadable

    @property
    def photos(self) -> int | None:
        return None if self.manifest is None else len(self.manifest.photos)

    def as_json(self) -> dict[str, object]:
        manifest = self.manifest
        return {
            "file": str(self.path), "created_at": self.created_at.isoformat(), "reason": self.reason,
            "size": self.size, "schema_version": None if manifest is None else manifest.schema_version,
            "app_version": None if manifest is None else manifest.app_version,
            "sha256": None if manifest is None else manifest.database_sha256,
            "photos": None if manifest is None else list(manifest.photos),
        }


def describe_age(info: BackupInfo | None, now: datetime) -> str:
    """``last backup: 2026-12-07 08:30 (daily), 2 days ago`` — the line ``check`` prints."""
    if info is None:
        return "last backup: none yet (`inspector-cli backup` makes one)"
    created = info.created_at if info.created_at.tzinfo else info.created_at.astimezone()
    seconds = max((now - created).total_seconds(), 0)
    if seconds < 3600:
        age = f"{int(seconds // 60)} minutes ago"
    elif seconds < 2 * 86400:
        age = f"{int(seconds // 3600)} hours ago"
    else:
        age = f"{int(seconds // 86400)} days ago"
    return f"last backup: {created:%Y-%m-%d %H:%M} ({info.reason}), {age}"


class BackupService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self.ctx = ctx
        self.settings = settings

    @property
    def folder(self) -> Path:
        return self.ctx.paths.backups

    # --- making ---------------------------------------------------------------------------------
    def make(self, reason: BackupReason | str = BackupReason.MANUAL) -> BackupInfo:
        """A new rotating backup (then the rotation runs). The exchange import calls
        ``make("import")`` before it opens its transaction (a backup read inside it would include
        the half-merged rows); raises ``InspectorError("backup_write_failed")`` on a full disk."""
        why = BackupReason(reason)
        created_at = self.ctx.clock()
        target = files.new_backup_path(self.folder, created_at, why)
        info = self._write(target, why, created_at)
        self.prune()
        return info

    def export(self, target: Path) -> BackupInfo:
        """A backup at ``target`` (and ``target.json``), outside the rotation."""
        target = Path(target).expanduser().absolute()
        if target.is_dir():
            raise InspectorError("backup_target_is_folder", file=str(target))
        return self._write(target, BackupReason.MANUAL, self.ctx.clock())

    def ensure_daily(self) -> BackupInfo | None:
        """Today's backup, unless one exists already or the database holds nothing yet."""
        today = self.ctx.clock().date()
        if any(info.created_at.date() == today for info in self._named()):
            return None
        if files.is_empty(self.ctx.db.conn):
            return None
        return self.make(BackupReason.DAILY)

    def _write(self, target: Path, reason: BackupReason, created_at: datetime) -> BackupInfo:
        try:
            manifest = files.write_backup(self.ctx.db, target, reason=reason, created_at=created_at,
                                          app_version=__version__)
        except OSError as error:  # a full disk, a folder we may not write
            raise InspectorError("backup_write_failed", file=str(target),
                                 reason=error.strerror or str(error)) from None
        except sqlite3.DatabaseError as error:
            # A full disk, a read-only or forbidden folder is about writing the copy, not damage of
            # the database (a full disk before an import said "damaged" here: #20). Anything else
            # — SQLite's word, or the copy's quick_check — is the database's damage.
            problem = storage_problem(error, file=target)
            if problem is not None and problem.code in _WRITING_COPY:
                raise InspectorError("backup_write_failed", file=str(target), reason=str(error)) from None
            raise StorageProblem(DAMAGED, file=str(self.ctx.paths.database), reason=str(error)) from None
        except sqlite3.Error as error:
            raise InspectorError("backup_write_failed", file=str(target), reason=str(error)) from None
        return BackupInfo(path=target, created_at=created_at, reason=reason.value, size=manifest.size,
                          manifest=manifest)

    # --- reading --------------------------------------------------------------------------------
    def list(self) -> list[BackupInfo]:
        """The rotating backups, newest first."""
        return sorted((self._info(path, created, reason) for path, created, reason in self._named_files()),
                      key=lambda info: info.created_at, reverse=True)

    def last_backup(self) -> BackupInfo | None:
        newest = max(self._named_files(), key=lambda entry: entry[1], default=None)
        return None if newest is None else self._info(*newest)

    def age_line(self) -> str:
        """How old the newest backup is, for ``check``."""
        return describe_age(self.last_backup(), self.ctx.clock())

    def keep(self) -> int:
        return self.settings.get().backups_keep

    def _named_files(self) -> list[tuple[Path, datetime, str]]:
        found = []
        for path in files.backup_files(self.folder):
            parsed = files.parse_backup_name(path.name)
            if parsed is not None:
                created, reason = parsed
                found.append((path, created, reason))  # wall-clock time, as the clock wrote it
        return found

    def _named(self) -> list[BackupInfo]:
        return [BackupInfo(path=path, created_at=created, reason=reason, size=0, manifest=None)
                for path, created, reason in self._named_files()]

    @staticmethod
    def _info(path: Path, created: datetime, reason: str) -> BackupInfo:
        manifest = files.read_manifest(path)
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        if manifest is not None:
            return BackupInfo(path=path, created_at=manifest.created_at, reason=manifest.reason.value, size=size,
                              manifest=manifest)
        return BackupInfo(path=path, created_at=created, reason=reason, size=size, manifest=None)

    # --- rotation -------------------------------------------------------------------------------
    def prune(self) -> list[Path]:
        """Delete the backups the rotation no longer keeps; returns them."""
        named = self._named_files()
        kept = kept_backups([created for _, created, _ in named], self.keep())
        removed = [path for index, (path, _, _) in enumerate(named) if index not in kept]
        for path in removed:
            files.remove_backup(path)
        return removed
