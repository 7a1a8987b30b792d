"""The findings table: the failed items of a completed inspection, with who must fix them.

A finding's photos are not copied: they are read through ``answer_photos`` (the photos of the
failed answer it came from), so a photo added to the answer is the finding's photo too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlite_utils

from inspector.domain.inspections import Finding, FindingStatus
from inspector.domain.templates import Severity
from inspector.storage import photos_repo

_COLUMNS = ("id, inspection_id, item_code, section_code, severity, note, unit_id, responsible_staff_id,"
            " status, created_at")


def insert(
    db: sqlite_utils.Database,
    *,
    inspection_id: int,
    item_code: str,
    section_code: str,
    severity: Severity,
    note: str,
    unit_id: int | None,
    responsible_staff_id: int | None,
    created_at: str,
    status: FindingStatus = FindingStatus.OPEN,
) -> int:
    cursor = db.execute(
        f"INSERT INTO findings ({_COLUMNS}) VALUES (NULL,?,?,?,?,?,?,?,?,?)",
        [inspection_id, item_code, section_code, severity.value, note, unit_id, responsible_staff_id,
         status.value, created_at],
    )
    return int(cursor.lastrowid or 0)


def _finding(row: tuple[Any, ...], photo_ids: list[int]) -> Finding:
    return Finding(
        id=row[0], inspection_id=row[1], item_code=row[2], section_code=row[3], severity=Severity(row[4]),
        note=row[5], unit_id=row[6], responsible_staff_id=row[7], status=FindingStatus(row[8]),
        photo_ids=tuple(photo_ids), created_at=datetime.fromisoformat(row[9]),
    )


def list_for_inspection(db: sqlite_utils.Database, inspection_id: int) -> list[Finding]:
    """The inspection's findings in the order they were made (template order)."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM findings WHERE inspection_id = ? ORDER BY id",
                      [inspection_id]).fetchall()
    photos = photos_repo.photo_ids_of_answers(db, [inspection_id])
    return [_finding(row, photos.get((inspection_id, row[2]), [])) for row in rows]


def delete_for_inspection(db: sqlite_utils.Database, inspection_id: int) -> int:
    """Remove an inspection's findings (it was reopened); how many went."""
    return db.execute("DELETE FROM findings WHERE inspection_id = ?", [inspection_id]).rowcount


def inspection_of(db: sqlite_utils.Database, finding_id: int) -> int | None:
    row = db.execute("SELECT inspection_id FROM findings WHERE id = ?", [finding_id]).fetchone()
    return row[0] if row else None
