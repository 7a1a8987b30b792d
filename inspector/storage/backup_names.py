"""The rotating backups' file names (``inspector-20261207-083000-daily.db``), read without SQLite.

Every start of the app and every CLI command asks whether today's backup is made
(``AppContext.ensure_daily_backup``): a look at the backup folder's names, which needs neither the
backup service nor the copying and checking of ``inspector.storage.backups`` (which re-exports
these).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

_NAME = re.compile(r"^inspector-(\d{8}-\d{6})-([a-z]+)(?:-\d+)?\.db$")


def parse_backup_name(name: str) -> tuple[datetime, str] | None:
    """(local time written in the name, reason word) of a rotating backup's file name, or None."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), match.group(2)
    except ValueError:
        return None


def backup_files(folder: Path) -> list[Path]:
    """The rotating backups in ``folder`` (by name), oldest first; temporary leftovers excluded."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_file() and parse_backup_name(path.name))


def any_made_on(folder: Path, day: date) -> bool:
    """Whether a rotating backup in ``folder`` is named for ``day`` (as ``ensure_daily`` asks)."""
    return any(parsed[0].date() == day for path in backup_files(folder)
               if (parsed := parse_backup_name(path.name)) is not None)
