"""This data folder's identity and the global ids of its rows (tables of migration 0009)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from inspector.domain.errors import InspectorError
from inspector.domain.records import RecordKind, id_at, new_id


@dataclass(frozen=True)
class Device:
    device_id: str
    name: str
    organisation_id: str | None
    organisation_name: str | None
    office_device_id: str | None
    joined_user: str | None
    joined_at: str | None


def device(db: sqlite_utils.Database) -> Device:
    row = db.execute("SELECT device_id, name, organisation_id, organisation_name, office_device_id, joined_user,"
                     " joined_at FROM device WHERE id = 1").fetchone()
    return Device(*row)


def rename_device(db: sqlite_utils.Database, name: str) -> None:
    db.execute("UPDATE device SET name = ? WHERE id = 1", [name])


def set_organisation(db: sqlite_utils.Database, organisation_id: str, organisation_name: str, *,
                     office_device_id: str | None = None, joined_user: str | None = None,
                     joined_at: str | None = None) -> None:
    db.execute("UPDATE device SET organisation_id = ?, organisation_name = ?, office_device_id = ?, joined_user = ?,"
               " joined_at = ? WHERE id = 1",
               [organisation_id, organisation_name, office_device_id, joined_user, joined_at])


class RecordIds:
    """Global ids of local rows. A row made here gets its id the first time it is asked for (with
    the row's creation time in it, so ids sort as the rows were made); a row that came in a file
    is bound to the id it came with. Neither ever changes."""

    def __init__(self, db: sqlite_utils.Database, origin: str) -> None:
        self.db = db
        self.origin = origin

    def gid(self, kind: RecordKind, local_id: int, created_at: str | None = None) -> str:
        row = self.db.execute("SELECT gid FROM record_ids WHERE kind = ? AND local_id = ?",
                              [kind.value, local_id]).fetchone()
        if row:
            return str(row[0])
        gid = new_id()
        if created_at:
            try:
                moment = datetime.fromisoformat(created_at)
                gid = id_at(moment if moment.tzinfo else moment.astimezone())
            except ValueError:
                pass
        self.db.execute("INSERT INTO record_ids (kind, local_id, gid, origin) VALUES (?,?,?,?)",
                        [kind.value, local_id, gid, self.origin])
        return gid

    def optional_gid(self, kind: RecordKind, local_id: int | None) -> str | None:
        return None if local_id is None else self.gid(kind, local_id)

    def local_gid(self, kind: RecordKind, local_id: int) -> str | None:
        """The global id of a local row if it has one (never makes one)."""
        row = self.db.execute("SELECT gid FROM record_ids WHERE kind = ? AND local_id = ?",
                              [kind.value, local_id]).fetchone()
        return None if row is None else str(row[0])

    def origin_of(self, kind: RecordKind, local_id: int) -> str:
        row = self.db.execute("SELECT origin FROM record_ids WHERE kind = ? AND local_id = ?",
                              [kind.value, local_id]).fetchone()
        return str(row[0]) if row else self.origin

    def local(self, kind: RecordKind, gid: str) -> int | None:
        row = self.db.execute("SELECT local_id FROM record_ids WHERE kind = ? AND gid = ?",
                              [kind.value, gid]).fetchone()
        return None if row is None else int(row[0])

    def require(self, kind: RecordKind, gid: Any, *, record: str) -> int:
        """The local id of ``gid`` (a record this one points at), or ``exchange_reference_missing``."""
        local = self.local(kind, gid) if isinstance(gid, str) else None
        if local is None:
            raise InspectorError("exchange_reference_missing", record=record, kind=kind.value, id=str(gid))
        return local

    def optional(self, kind: RecordKind, gid: Any, *, record: str) -> int | None:
        return None if gid is None else self.require(kind, gid, record=record)

    def bind(self, kind: RecordKind, local_id: int, gid: str, origin: str) -> None:
        self.db.execute("INSERT INTO record_ids (kind, local_id, gid, origin) VALUES (?,?,?,?)",
                        [kind.value, local_id, gid, origin])


@dataclass(frozen=True)
class Revision:
    record_id: str
    kind: str
    entity: str
    sha256: str


class Revisions:
    """Every state of an entity that travelled: its record id, the entity, the content hash."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def get(self, record_id: str) -> Revision | None:
        row = self.db.execute("SELECT record_id, kind, entity, sha256 FROM record_revisions WHERE record_id = ?",
                              [record_id]).fetchone()
        return None if row is None else Revision(*row)

    def latest(self, entity: str) -> Revision | None:
        row = self.db.execute("SELECT record_id, kind, entity, sha256 FROM record_revisions WHERE entity = ?"
                              " ORDER BY record_id DESC LIMIT 1", [entity]).fetchone()
        return None if row is None else Revision(*row)

    def add(self, record_id: str, kind: RecordKind, entity: str, sha256: str, origin: str, at: str, *,
            received_from: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO record_revisions (record_id, kind, entity, sha256, origin, received_from, at)"
            " VALUES (?,?,?,?,?,?,?)", [record_id, kind.value, entity, sha256, origin, received_from, at])

    def mark_sent(self, record_ids: list[str], peer: str, sequence: int) -> None:
        """Remember the first file that carried each of ``record_ids`` (to ``peer``)."""
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start:start + 500]
            marks = ",".join("?" for _ in chunk)
            self.db.execute(f"UPDATE record_revisions SET sent_to = ?, sent_sequence = ? WHERE sent_sequence IS NULL"
                            f" AND record_id IN ({marks})", [peer, sequence, *chunk])

    def unacknowledged(self, record_ids: list[str], peer: str, upto: int, missing: list[int]) -> set[str]:
        """Which of ``record_ids`` the peer has not said it received (never sent, sent in a later
        file or in one it reports missing)."""
        waiting: set[str] = set()
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start:start + 500]
            marks = ",".join("?" for _ in chunk)
            rows = self.db.execute(f"SELECT record_id, sent_to, sent_sequence FROM record_revisions"
                                   f" WHERE record_id IN ({marks})", chunk).fetchall()
            acked = {row[0] for row in rows if row[1] == peer and row[2] is not None and row[2] <= upto
                     and row[2] not in missing}
            waiting.update(record for record in chunk if record not in acked)
        return waiting


@dataclass(frozen=True)
class ExchangeFile:
    direction: str
    peer: str
    peer_name: str
    sequence: int
    file_sha256: str
    acting_user: str
    counts: dict[str, int]
    at: str


class ExchangeLog:
    """Files sent and received, and what each peer acknowledged of ours."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def next_sequence(self, peer: str) -> int:
        row = self.db.execute("SELECT MAX(sequence) FROM exchange_files WHERE direction = 'sent' AND peer = ?",
                              [peer]).fetchone()
        return int(row[0] or 0) + 1

    def add(self, entry: ExchangeFile) -> None:
        self.db.execute(
            "INSERT INTO exchange_files (direction, peer, peer_name, sequence, file_sha256, acting_user, counts, at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [entry.direction, entry.peer, entry.peer_name, entry.sequence, entry.file_sha256, entry.acting_user,
             json.dumps(entry.counts, sort_keys=True), entry.at])

    def received(self, peer: str, sequence: int) -> ExchangeFile | None:
        row = self.db.execute(
            "SELECT direction, peer, peer_name, sequence, file_sha256, acting_user, counts, at FROM exchange_files"
            " WHERE direction = 'received' AND peer = ? AND sequence = ?", [peer, sequence]).fetchone()
        return None if row is None else _file(row)

    def files(self) -> list[ExchangeFile]:
        rows = self.db.execute(
            "SELECT direction, peer, peer_name, sequence, file_sha256, acting_user, counts, at FROM exchange_files"
            " ORDER BY id").fetchall()
        return [_file(row) for row in rows]

    def received_sequences(self, peer: str) -> list[int]:
        rows = self.db.execute("SELECT sequence FROM exchange_files WHERE direction = 'received' AND peer = ?"
                               " ORDER BY sequence", [peer]).fetchall()
        return [int(row[0]) for row in rows]

    def set_ack(self, peer: str, upto: int, missing: list[int], at: str) -> None:
        self.db.execute("INSERT INTO exchange_acks (peer, upto, missing, at) VALUES (?,?,?,?)"
                        " ON CONFLICT(peer) DO UPDATE SET upto = excluded.upto, missing = excluded.missing,"
                        " at = excluded.at WHERE excluded.upto >= exchange_acks.upto",
                        [peer, upto, json.dumps(missing), at])

    def ack(self, peer: str) -> tuple[int, list[int]]:
        row = self.db.execute("SELECT upto, missing FROM exchange_acks WHERE peer = ?", [peer]).fetchone()
        return (0, []) if row is None else (int(row[0]), [int(value) for value in json.loads(row[1])])


def _file(row: tuple[Any, ...]) -> ExchangeFile:
    return ExchangeFile(row[0], row[1], row[2], int(row[3]), row[4], row[5], json.loads(row[6] or "{}"), row[7])
