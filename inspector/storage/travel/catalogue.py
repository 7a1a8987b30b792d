"""Every kind that travels, its codec, and the order a file's records are written in (what a
record points at comes before it)."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from inspector.domain.records import RecordKind as K
from inspector.storage.travel import complaints, field, notices, registry
from inspector.storage.travel.codec import TableCodec, rejected
from inspector.storage.travel.ids import RecordIds

# What of the office's settings a laptop works with; its own (language, photo limit, backups)
# stay its own.
SHARED_SETTINGS = ("organisation_name", "organisation_name_en", "deadlines", "recurrence_window_days", "calendar",
                   "complaints")
_SETTINGS_KEY = "app"


class SettingsCodec(TableCodec):
    """The office's settings that laptops need, as one entity (local id 1)."""

    def __init__(self) -> None:
        super().__init__(K.SETTINGS, "settings", (), created="", mutable=True)

    def local_ids(self, db: sqlite_utils.Database, where: str = "", params: list[Any] | None = None) -> list[int]:
        return [1]

    def read(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        row = db.execute("SELECT value FROM settings WHERE key = ?", [_SETTINGS_KEY]).fetchone()
        stored = json.loads(row[0]) if row else {}
        return {name: stored[name] for name in SHARED_SETTINGS if name in stored}

    def adopt(self, db: sqlite_utils.Database, values: dict[str, Any]) -> int | None:
        return 1

    def values(self, ids: RecordIds, body: dict[str, Any], record: str) -> dict[str, Any]:
        unknown = sorted(set(body) - set(SHARED_SETTINGS))
        if unknown:
            raise rejected(record, f"settings a laptop does not take from the office: {', '.join(unknown)}")
        return dict(body)

    def update(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
               record: str) -> None:
        row = db.execute("SELECT value FROM settings WHERE key = ?", [_SETTINGS_KEY]).fetchone()
        stored = json.loads(row[0]) if row else {}
        stored.update(self.values(ids, body, record))
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [_SETTINGS_KEY, json.dumps(stored, ensure_ascii=False, sort_keys=True)])

    def insert(self, db: sqlite_utils.Database, ids: RecordIds, body: dict[str, Any], record: str) -> int:
        self.update(db, ids, 1, body, record)
        return 1


SETTINGS = SettingsCodec()

# In the order of a file and of an import: what is pointed at first.
CODECS: tuple[TableCodec, ...] = (
    SETTINGS, registry.UNIT, registry.STAFF, registry.VEHICLE, registry.LOCATION, registry.USER,
    registry.CA_CERTIFICATE, registry.CERTIFICATE, registry.TEMPLATE_VERSION, field.PHOTO, field.INSPECTION,
    field.FINDING, notices.NOTICE, notices.SIGNATURE, notices.RECEIPT, notices.REPLY, notices.FOLLOWUP,
    complaints.COMPLAINT,
)
BY_KIND: dict[K, TableCodec] = {codec.kind: codec for codec in CODECS}
