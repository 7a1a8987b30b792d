"""The photos and answer_photos tables: one row per stored original, and the photos of an answer.

A photo row names an original in the photo store by its SHA-256 (``UNIQUE``: the same bytes
are one row however often they are added). The photo service writes and fsyncs the files
*before* it inserts the row, so a row never points at a file that was not yet on disk.
Annotations are kept as JSON data; the original is never changed by them.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlite_utils

from inspector.domain.photos import Annotation, Photo

_COLUMNS = ("id, sha256, suffix, original_name, mime, width, height, taken_at, latitude, longitude,"
            " added_at, added_by, annotations")


def _photo(row: tuple[Any, ...]) -> Photo:
    return Photo(
        id=row[0], sha256=row[1], original_name=row[3], mime=row[4], width=row[5], height=row[6],
        taken_at=datetime.fromisoformat(row[7]) if row[7] else None, latitude=row[8], longitude=row[9],
        added_at=datetime.fromisoformat(row[10]), added_by=row[11],
        annotations=tuple(Annotation.model_validate(mark) for mark in json.loads(row[12] or "[]")),
    )


def insert(
    db: sqlite_utils.Database,
    *,
    sha256: str,
    suffix: str,
    original_name: str,
    mime: str,
    width: int,
    height: int,
    taken_at: str | None,
    latitude: float | None,
    longitude: float | None,
    added_at: str,
    added_by: int,
) -> int:
    """The id of the row for ``sha256``: a new one, or the existing one (stored once)."""
    existing = db.execute("SELECT id FROM photos WHERE sha256 = ?", [sha256]).fetchone()
    if existing is not None:
        return int(existing[0])
    cursor = db.execute(
        f"INSERT INTO photos ({_COLUMNS}) VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,'[]')",
        [sha256, suffix, original_name, mime, width, height, taken_at, latitude, longitude, added_at, added_by],
    )
    return int(cursor.lastrowid or 0)


def get(db: sqlite_utils.Database, photo_id: int) -> Photo | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM photos WHERE id = ?", [photo_id]).fetchone()
    return None if row is None else _photo(row)


def get_many(db: sqlite_utils.Database, photo_ids: list[int]) -> dict[int, Photo]:
    """The photos among ``photo_ids`` that exist, keyed by id."""
    if not photo_ids:
        return {}
    marks = ", ".join("?" for _ in photo_ids)
    rows = db.execute(f"SELECT {_COLUMNS} FROM photos WHERE id IN ({marks})", photo_ids).fetchall()
    return {row[0]: _photo(row) for row in rows}


def by_sha(db: sqlite_utils.Database, sha256: str) -> Photo | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM photos WHERE sha256 = ?", [sha256]).fetchone()
    return None if row is None else _photo(row)


def set_annotations(db: sqlite_utils.Database, photo_id: int, annotations: tuple[Annotation, ...]) -> None:
    text = json.dumps([mark.model_dump(mode="json") for mark in annotations], ensure_ascii=False)
    db.execute("UPDATE photos SET annotations = ? WHERE id = ?", [text, photo_id])


def attach(db: sqlite_utils.Database, inspection_id: int, item_code: str, photo_id: int) -> None:
    """Add a photo to an answer (after its current photos); attaching it again changes nothing."""
    db.execute(
        "INSERT INTO answer_photos (inspection_id, item_code, photo_id, position)"
        " SELECT ?, ?, ?, coalesce(max(position), -1) + 1 FROM answer_photos"
        " WHERE inspection_id = ? AND item_code = ?"
        " ON CONFLICT (inspection_id, item_code, photo_id) DO NOTHING",
        [inspection_id, item_code, photo_id, inspection_id, item_code],
    )


def detach(db: sqlite_utils.Database, inspection_id: int, item_code: str, photo_id: int) -> bool:
    """Remove a photo from an answer; whether it was attached. The photo row stays."""
    cursor = db.execute(
        "DELETE FROM answer_photos WHERE inspection_id = ? AND item_code = ? AND photo_id = ?",
        [inspection_id, item_code, photo_id],
    )
    return cursor.rowcount > 0


def photo_ids_of_answers(db: sqlite_utils.Database, inspection_ids: list[int]) -> dict[tuple[int, str], list[int]]:
    """(inspection id, item code) → photo ids in order, for several inspections in one query."""
    found: dict[tuple[int, str], list[int]] = {}
    if not inspection_ids:
        return found
    marks = ", ".join("?" for _ in inspection_ids)
    rows = db.execute(
        f"SELECT inspection_id, item_code, photo_id FROM answer_photos WHERE inspection_id IN ({marks})"
        " ORDER BY inspection_id, item_code, position, photo_id",
        inspection_ids,
    ).fetchall()
    for inspection_id, item_code, photo_id in rows:
        found.setdefault((inspection_id, item_code), []).append(photo_id)
    return found


def photo_ids_of_answer(db: sqlite_utils.Database, inspection_id: int, item_code: str) -> list[int]:
    """The photo ids of one answer in order."""
    return [row[0] for row in db.execute(
        "SELECT photo_id FROM answer_photos WHERE inspection_id = ? AND item_code = ?"
        " ORDER BY position, photo_id", [inspection_id, item_code]).fetchall()]


def photos_of_answer(db: sqlite_utils.Database, inspection_id: int, item_code: str) -> list[Photo]:
    rows = db.execute(
        f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} FROM answer_photos a"
        " JOIN photos p ON p.id = a.photo_id WHERE a.inspection_id = ? AND a.item_code = ?"
        " ORDER BY a.position, a.photo_id",
        [inspection_id, item_code],
    ).fetchall()
    return [_photo(row) for row in rows]


def all_hashes(db: sqlite_utils.Database) -> set[str]:
    """The SHA-256 of every photo row (every one must have its original in the store)."""
    return {row[0] for row in db.execute("SELECT sha256 FROM photos").fetchall()}


def suffix_of(db: sqlite_utils.Database, sha256: str) -> str | None:
    row = db.execute("SELECT suffix FROM photos WHERE sha256 = ?", [sha256]).fetchone()
    return None if row is None else str(row[0])
