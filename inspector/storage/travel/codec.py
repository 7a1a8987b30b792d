"""The generic codec: one table's row as a record body and back, local ids as global ids.

A ``TableCodec`` names the columns that travel; a column that points at another row (``ref``)
travels as that row's global id, a BLOB as base64. Writing maps the global ids back (the rows
pointed at arrived first, or the record is refused naming what is missing) and inserts a new row,
or updates the row of a later revision when the kind may change. Kinds with rows of their own
beside the main one (answers, notice items) extend ``read_children`` / ``write_children``.
"""

from __future__ import annotations

import base64
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from inspector.domain.errors import InspectorError
from inspector.domain.records import RecordKind
from inspector.storage.travel.ids import RecordIds

_SCALARS = (str, int, float, type(None))


@dataclass(frozen=True)
class Column:
    name: str
    ref: RecordKind | None = None  # travels as the global id of that kind's row
    blob: bool = False  # travels as base64
    optional: bool = False  # may be absent from a body (written as its default)
    default: Any = None


class Rejected(InspectorError):
    """A record that cannot be written: names it and says why (nothing of the file is kept)."""

    code = "exchange_record_rejected"


def rejected(record: str, reason: str) -> Rejected:
    return Rejected("exchange_record_rejected", record=record, reason=reason)


@dataclass
class TableCodec:
    kind: RecordKind
    table: str
    columns: tuple[Column, ...]
    created: str = "created_at"  # the column whose time goes into a new global id
    key: str = "id"
    natural: tuple[str, ...] = ()  # columns that name the same entity on another machine
    mutable: bool = False  # a later revision updates the row
    unique_message: dict[str, str] = field(default_factory=dict)

    # --- reading ----------------------------------------------------------------------------
    def local_ids(self, db: sqlite_utils.Database, where: str = "", params: list[Any] | None = None) -> list[int]:
        sql = f"SELECT {self.key} FROM {self.table}" + (f" WHERE {where}" if where else "") + f" ORDER BY {self.key}"
        return [int(row[0]) for row in db.execute(sql, params or []).fetchall()]

    def created_at(self, db: sqlite_utils.Database, local_id: int) -> str | None:
        if not self.created:
            return None
        row = db.execute(f"SELECT {self.created} FROM {self.table} WHERE {self.key} = ?", [local_id]).fetchone()
        return None if row is None else row[0]

    def read(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        names = ", ".join(column.name for column in self.columns)
        row = db.execute(f"SELECT {names} FROM {self.table} WHERE {self.key} = ?", [local_id]).fetchone()
        if row is None:
            raise KeyError(f"{self.table} {local_id}")
        body: dict[str, Any] = {}
        for column, value in zip(self.columns, row):
            if column.ref is not None and value is not None:
                value = ids.gid(column.ref, int(value))
            elif column.blob and value is not None:
                value = base64.b64encode(bytes(value)).decode("ascii")
            body[column.name] = value
        body.update(self.read_children(db, ids, local_id))
        return body

    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        return {}

    # --- writing ----------------------------------------------------------------------------
    def values(self, ids: RecordIds, body: dict[str, Any], record: str) -> dict[str, Any]:
        """The row's column values from ``body`` (global ids mapped back), or ``Rejected``."""
        values: dict[str, Any] = {}
        for column in self.columns:
            if column.name not in body:
                if column.optional:
                    continue
                raise rejected(record, f"the field {column.name} is missing")
            value = body[column.name]
            if not isinstance(value, _SCALARS) or isinstance(value, bool):
                raise rejected(record, f"the field {column.name} is not a plain value")
            if column.ref is not None and value is not None:
                value = ids.require(column.ref, value, record=record)
            elif column.blob and value is not None:
                try:
                    value = base64.b64decode(str(value), validate=True)
                except ValueError:
                    raise rejected(record, f"the field {column.name} is not base64") from None
            values[column.name] = value
        return values

    def adopt(self, db: sqlite_utils.Database, values: dict[str, Any]) -> int | None:
        """A local row that is this entity already (made on both sides from the same source)."""
        if not self.natural or any(name not in values for name in self.natural):
            return None
        where = " AND ".join(f"{name} = ?" for name in self.natural)
        row = db.execute(f"SELECT {self.key} FROM {self.table} WHERE {where}",
                         [values[name] for name in self.natural]).fetchone()
        return None if row is None else int(row[0])

    def insert(self, db: sqlite_utils.Database, ids: RecordIds, body: dict[str, Any], record: str) -> int:
        values = self.values(ids, body, record)
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        try:
            local_id = int(db.execute(f"INSERT INTO {self.table} ({columns}) VALUES ({marks})",
                                      list(values.values())).lastrowid)
        except sqlite3.IntegrityError as error:
            raise rejected(record, str(error)) from None
        self.write_children(db, ids, local_id, body, record, new=True)
        return local_id

    def update(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
               record: str) -> None:
        if not self.mutable:
            raise rejected(record, "it may not change once made, and this file holds another state of it")
        values = self.values(ids, body, record)
        sets = ", ".join(f"{name} = ?" for name in values)
        try:
            db.execute(f"UPDATE {self.table} SET {sets} WHERE {self.key} = ?", [*values.values(), local_id])
        except sqlite3.IntegrityError as error:
            raise rejected(record, str(error)) from None
        self.write_children(db, ids, local_id, body, record, new=False)

    def write_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
                       record: str, *, new: bool) -> None:
        return None

    def after_write(self, db: sqlite_utils.Database, local_id: int, at: str) -> None:
        """What a row's arrival changes in local state (a notice's status, a finding's)."""
        return None


def children(body: dict[str, Any], name: str, record: str) -> list[dict[str, Any]]:
    value = body.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise rejected(record, f"the field {name} is not a list of entries")
    return value


def scalar(entry: dict[str, Any], name: str, record: str, *, optional: bool = False) -> Any:
    if name not in entry:
        if optional:
            return None
        raise rejected(record, f"an entry lacks the field {name}")
    value = entry[name]
    if not isinstance(value, _SCALARS) or isinstance(value, bool):
        raise rejected(record, f"the field {name} is not a plain value")
    return value
