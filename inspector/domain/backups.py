"""Backups of the database: what a backup says about itself (its manifest), which backups the
rotation keeps, and which build is newer than which. Pure: no files, no SQL.

A backup is one SQLite file (a consistent copy through SQLite's online backup API) with a JSON
manifest beside it. The photo store is content-addressed and never changes a file, so a backup
does not copy photos: its manifest lists the SHA-256 of every photo the copy refers to, and a
restore reports those the store no longer holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

MANIFEST_FORMAT = 1
DEFAULT_KEEP = 14


class BackupReason(StrEnum):
    DAILY = "daily"  # the first start of a day (GUI start, a CLI command)
    MANUAL = "manual"  # Tools → 备份与恢复 → 立即备份, ``inspector-cli backup``
    MIGRATION = "migration"  # before pending migrations are applied to an existing database
    IMPORT = "import"  # before an exchange file is merged
    RESTORE = "restore"  # the database as it was before a restore replaced it


class BackupManifest(BaseModel):
    """The JSON beside a backup file (``<backup>.json``)."""

    model_config = ConfigDict(frozen=True)

    format: int = MANIFEST_FORMAT
    created_at: datetime
    reason: BackupReason
    app_version: str
    schema_version: int = Field(ge=0)  # how many migrations the copy carries
    migrations: tuple[str, ...] = ()
    database_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    photos: tuple[str, ...] = ()  # SHA-256 of every photo the copy refers to


def kept_backups(created: Sequence[datetime], keep: int) -> set[int]:
    """The indices (into ``created``) of the backups the rotation keeps: the ``keep`` newest; the
    newest of each of the ``keep`` latest days that have one (so a day of many imports does not
    push the earlier days out); and the newest of every calendar month (a year back there is still
    one a month). With one backup a day that is exactly "the last 14 plus one per month"."""
    order = sorted(range(len(created)), key=lambda index: created[index], reverse=True)
    kept = set(order[:max(keep, 0)])
    days: set[object] = set()
    months: set[tuple[int, int]] = set()
    for index in order:
        day, month = created[index].date(), (created[index].year, created[index].month)
        if day not in days and len(days) < keep:
            days.add(day)
            kept.add(index)
        if month not in months:
            months.add(month)
            kept.add(index)
    return kept


_VERSION_PART = re.compile(r"\d+")


def version_key(version: str) -> tuple[int, ...]:
    """``"0.10.2"`` → ``(0, 10, 2)``: numbers compared as numbers; anything else is ignored."""
    return tuple(int(part) for part in _VERSION_PART.findall(version.split("+", 1)[0]))


def is_newer_build(version: str, than: str) -> bool:
    return version_key(version) > version_key(than)
