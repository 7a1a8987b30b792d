"""SQL of the passenger comment books (旅客意见簿): a book collected from a bus on a day, its
entries, the reply written once and the complaint an entry was registered as."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlite_utils

from inspector.domain.comment_books import Collection, Entry, EntryKind, Uncollected

_LABEL = "v.plate || CASE WHEN v.fleet_no != '' THEN ' (' || v.fleet_no || ')' ELSE '' END"
_COLLECTION = (
    f"SELECT c.id, c.vehicle_id, v.plate, {_LABEL}, v.unit_id, COALESCE(un.name, ''), c.day, c.collected_at,"
    " COALESCE(u.display_name, ''), c.note"
    " FROM comment_book_collections c JOIN vehicles v ON v.id = c.vehicle_id"
    " LEFT JOIN units un ON un.id = v.unit_id LEFT JOIN users u ON u.id = c.collected_by"
)
_ENTRY = (
    "SELECT e.id, e.position, e.kind, e.text, e.reply, e.replied_at, COALESCE(u.display_name, ''), k.number,"
    " e.collection_id FROM comment_book_entries e LEFT JOIN users u ON u.id = e.replied_by"
    " LEFT JOIN complaints k ON k.id = e.complaint_id"
)


def insert_collection(db: sqlite_utils.Database, *, vehicle_id: int, day: date, collected_at: str, collected_by: int,
                      note: str, entries: list[tuple[EntryKind, str]]) -> int:
    cursor = db.execute("INSERT INTO comment_book_collections (vehicle_id, day, collected_at, collected_by, note)"
                        " VALUES (?,?,?,?,?)", [vehicle_id, day.isoformat(), collected_at, collected_by, note])
    collection_id = int(cursor.lastrowid or 0)
    for position, (kind, text) in enumerate(entries, start=1):
        db.execute("INSERT INTO comment_book_entries (collection_id, position, kind, text) VALUES (?,?,?,?)",
                   [collection_id, position, kind.value, text])
    return collection_id


def collected(db: sqlite_utils.Database, vehicle_id: int, day: date) -> bool:
    return db.execute("SELECT 1 FROM comment_book_collections WHERE vehicle_id = ? AND day = ?",
                      [vehicle_id, day.isoformat()]).fetchone() is not None


def set_reply(db: sqlite_utils.Database, entry_id: int, reply: str, at: str, by: int) -> None:
    db.execute("UPDATE comment_book_entries SET reply = ?, replied_at = ?, replied_by = ? WHERE id = ?",
               [reply, at, by, entry_id])


def set_complaint(db: sqlite_utils.Database, entry_id: int, complaint_id: int) -> None:
    db.execute("UPDATE comment_book_entries SET complaint_id = ? WHERE id = ?", [complaint_id, entry_id])


def entry(db: sqlite_utils.Database, entry_id: int) -> tuple[Entry, int] | None:
    """The entry and the id of the book it is in."""
    row = db.execute(f"{_ENTRY} WHERE e.id = ?", [entry_id]).fetchone()
    return (_entry(row), int(row[8])) if row else None


def collection(db: sqlite_utils.Database, collection_id: int) -> Collection | None:
    found = _collections(db, "c.id = ?", [collection_id])
    return found[0] if found else None


def on_day(db: sqlite_utils.Database, day: date) -> list[Collection]:
    return _collections(db, "c.day = ?", [day.isoformat()])


def with_open_entries(db: sqlite_utils.Database) -> list[Collection]:
    """Books with an opinion not yet answered or a complaint not yet registered, oldest first."""
    return _collections(db, "c.id IN (SELECT collection_id FROM comment_book_entries WHERE kind != 'praise'"
                            " AND reply IS NULL AND complaint_id IS NULL)", [])


def of_vehicle(db: sqlite_utils.Database, vehicle_id: int) -> list[Collection]:
    return _collections(db, "c.vehicle_id = ?", [vehicle_id])


def uncollected(db: sqlite_utils.Database, day: date) -> list[Uncollected]:
    """Buses in service that day (the registry's history: in service from, retired on) whose
    book was not collected."""
    text = day.isoformat()
    rows = db.execute(
        f"SELECT v.id, {_LABEL}, v.unit_id, COALESCE(un.name, '') FROM vehicles v LEFT JOIN units un ON un.id = v.unit_id"
        " WHERE (v.active_from IS NULL OR v.active_from <= ?) AND (v.retired_on IS NULL OR v.retired_on > ?)"
        " AND (v.active = 1 OR v.retired_on IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM comment_book_collections c"
        " WHERE c.vehicle_id = v.id AND c.day = ?) ORDER BY un.code, v.plate", [text, text, text]).fetchall()
    return [Uncollected(vehicle_id=row[0], vehicle_label=row[1], unit_id=row[2], unit_name=row[3]) for row in rows]


def _collections(db: sqlite_utils.Database, where: str, params: list[Any]) -> list[Collection]:
    rows = db.execute(f"{_COLLECTION} WHERE {where} ORDER BY c.day, un.code, v.plate", params).fetchall()
    if not rows:
        return []
    ids = [int(row[0]) for row in rows]
    entries: dict[int, list[Entry]] = {}
    marks = ",".join("?" for _ in ids)
    for row in db.execute(f"{_ENTRY} WHERE e.collection_id IN ({marks}) ORDER BY e.collection_id, e.position", ids):
        entries.setdefault(int(row[8]), []).append(_entry(row))
    return [Collection(id=row[0], vehicle_id=row[1], plate=row[2], vehicle_label=row[3], unit_id=row[4],
                       unit_name=row[5], day=date.fromisoformat(row[6]), collected_at=datetime.fromisoformat(row[7]),
                       collected_by_name=row[8], note=row[9], entries=tuple(entries.get(int(row[0]), [])))
            for row in rows]


def _entry(row: tuple[Any, ...]) -> Entry:
    return Entry(id=row[0], position=row[1], kind=EntryKind(row[2]), text=row[3], reply=row[4],
                 replied_at=datetime.fromisoformat(row[5]) if row[5] else None, replied_by_name=row[6],
                 complaint_number=row[7])
