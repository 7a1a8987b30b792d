"""A device's conversation with the hub: claiming its role, pushing records and blobs, pulling
what it may see since its cursor. Row-level security decides what a role sees and may insert;
this class never widens it.

Records travel as their canonical JSON (``Record.canonical``) with its SHA-256, exactly as in an
exchange file. A push batch is one transaction: records the hub lacks are inserted, the same id
with the same hash is a no-op, the same id with another hash is a conflict — kept aside in
``conflicts`` and reported, the stored record untouched. Blobs go in chunks, each chunk its own
transaction, so an interrupted upload resumes where it stopped; the ``blobs`` row that makes a
blob visible is written only after the hub has checked the SHA-256 of the chunks put together.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.domain.errors import InspectorError
from inspector.domain.records import Record

if TYPE_CHECKING:
    import psycopg

CHUNK = 256 * 1024


@dataclass(frozen=True)
class Outbound:
    """A record to push and who may read it on the hub."""

    record: Record
    covert: bool = False
    author_device: str | None = None
    audience: tuple[str, ...] = ()  # usernames whose laptops may pull it; "*": every laptop


@dataclass(frozen=True)
class BlobMeta:
    sha256: str  # the original's SHA-256 (a PDF's own)
    copy: str  # "original", "print" or "document"
    extension: str
    covert: bool = False
    author_device: str | None = None
    audience: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conflict:
    record_id: str
    kind: str
    origin: str
    incoming_sha256: str
    stored_sha256: str | None
    found_at: str = ""
    found_by: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"record": self.record_id, "kind": self.kind, "origin": self.origin,
                "incoming_sha256": self.incoming_sha256, "stored_sha256": self.stored_sha256,
                "found_at": self.found_at, "found_by": self.found_by}


@dataclass
class PushResult:
    inserted: list[Record] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(frozen=True)
class Pulled:
    seq: int
    record: Record


@dataclass(frozen=True)
class HubBlob:
    sha256: str
    copy: str
    extension: str
    size: int
    content_sha256: str
    origin: str


@dataclass(frozen=True)
class DeviceRow:
    role: str
    device_id: str | None
    name: str
    side: str
    username: str | None
    last_sync_at: str | None
    last_pushed: int
    last_pulled: int

    def as_json(self) -> dict[str, Any]:
        return {"role": self.role, "device": self.device_id, "name": self.name, "side": self.side,
                "user": self.username, "last_sync_at": self.last_sync_at, "last_pushed": self.last_pushed,
                "last_pulled": self.last_pulled}


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class HubSession:
    """One device's connection to the hub (its own role)."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def close(self) -> None:
        self.conn.close()

    # --- who ----------------------------------------------------------------------------
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT to_regclass('public.hub_schema') IS NOT NULL").fetchone()
        if not row or not row[0]:
            return 0
        found = self.conn.execute("SELECT COALESCE(MAX(version), 0) FROM hub_schema").fetchone()
        return int(found[0]) if found else 0

    def organisation(self) -> tuple[str, str, str] | None:
        """(organisation id, name, office device) of this hub, or None before ``hub init``."""
        row = self.conn.execute("SELECT organisation_id, organisation_name, office_device FROM hub_info"
                                " WHERE id = 1").fetchone()
        return None if row is None else (str(row[0]), str(row[1]), str(row[2]))

    def claim(self, device_id: str, name: str) -> str | None:
        """Bind this role to ``device_id`` (the first time); the user whose laptop it is."""
        import psycopg

        try:
            row = self.conn.execute("SELECT hub_claim(%s, %s)", [device_id, name]).fetchone()
        except psycopg.errors.RaiseException as error:
            raise InspectorError("hub_role_taken", reason=str(error).splitlines()[0].removeprefix("inspector: ")) \
                from None
        except psycopg.errors.UniqueViolation:
            raise InspectorError("hub_role_taken", reason="this device is already registered under another role") \
                from None
        return None if row is None or row[0] is None else str(row[0])

    def synced(self, pushed: int, pulled: int) -> None:
        self.conn.execute("SELECT hub_synced(%s, %s)", [pushed, pulled])

    # --- records ------------------------------------------------------------------------
    def push(self, batch: list[Outbound], device_id: str) -> PushResult:
        """One transaction: insert what the hub lacks, skip what it holds the same, set conflicts aside."""
        result = PushResult()
        if not batch:
            return result
        ids = [item.record.id for item in batch]
        with self.conn.transaction():
            stored = {str(row[0]): str(row[1]) for row in self.conn.execute(
                "SELECT record_id, sha256 FROM records WHERE record_id = ANY(%s::uuid[])", [ids]).fetchall()}
            fresh, refused = [], []
            for item in batch:
                known = stored.get(item.record.id)
                if known is None:
                    fresh.append(item)
                elif known == item.record.content_hash():
                    result.same.append(item.record.id)
                else:
                    refused.append((item, known))
            inserted: set[str] = set()
            if fresh:
                with self.conn.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO records (record_id, seq, kind, entity, origin, sha256, canonical, covert,"
                        " author_device, audience) VALUES (%s, 0, %s, %s, %s, %s, %s, %s, %s, %s)"
                        " ON CONFLICT (record_id) DO NOTHING RETURNING record_id",
                        [[item.record.id, item.record.kind.value, str(item.record.body.get("entity")),
                          item.record.origin, item.record.content_hash(), item.record.canonical().decode("utf-8"),
                          item.covert, item.author_device, list(item.audience)] for item in fresh], returning=True)
                    while True:
                        inserted.update(str(row[0]) for row in cursor.fetchall())
                        if not cursor.nextset():
                            break
            for item in fresh:
                if item.record.id in inserted:
                    result.inserted.append(item.record)
                else:  # held by the hub under a row this role may not read: another device's
                    refused.append((item, None))
            for item, known in refused:
                record = item.record
                conflict = Conflict(record.id, record.kind.value, record.origin, record.content_hash(), known)
                self.report_conflict(conflict, record.canonical().decode("utf-8"), device_id)
                result.conflicts.append(conflict)
        return result

    def report_conflict(self, conflict: Conflict, canonical: str, device_id: str) -> None:
        self.conn.execute("INSERT INTO conflicts (record_id, kind, origin, device, incoming_sha256, stored_sha256,"
                          " canonical) VALUES (%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (record_id, incoming_sha256)"
                          " DO NOTHING", [conflict.record_id, conflict.kind, conflict.origin, device_id,
                                          conflict.incoming_sha256, conflict.stored_sha256, canonical])

    def pull(self, cursor: int, device_id: str, limit: int) -> list[Pulled]:
        """What this role may see past ``cursor``, not made by this device, in ``seq`` order.
        Pushes are numbered under one lock, so every seq below the last one seen is final."""
        rows = self.conn.execute(
            "SELECT seq, canonical, sha256 FROM records WHERE seq > %s AND origin <> %s ORDER BY seq LIMIT %s",
            [cursor, device_id, limit]).fetchall()
        pulled = []
        for seq, canonical, sha in rows:
            if hashlib.sha256(canonical.encode("utf-8")).hexdigest() != sha:
                raise InspectorError("hub_record_damaged", seq=int(seq))
            try:
                record = Record.model_validate(json.loads(canonical))
            except ValueError as error:
                raise InspectorError("hub_record_damaged", seq=int(seq)) from error
            if record.content_hash() != sha:
                raise InspectorError("hub_record_damaged", seq=int(seq))
            pulled.append(Pulled(int(seq), record))
        return pulled

    def last_seq(self) -> int:
        row = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM records").fetchone()
        return int(row[0]) if row else 0

    def waiting_for(self, cursor: int, device_id: str) -> int:
        row = self.conn.execute("SELECT count(*) FROM records WHERE seq > %s AND origin <> %s",
                                [cursor, device_id]).fetchone()
        return int(row[0]) if row else 0

    def conflicts(self) -> list[Conflict]:
        rows = self.conn.execute("SELECT record_id, kind, origin, incoming_sha256, stored_sha256, found_at::text,"
                                 " found_by FROM conflicts ORDER BY id").fetchall()
        return [Conflict(str(row[0]), row[1], str(row[2]), row[3], row[4], row[5], row[6]) for row in rows]

    def devices(self) -> list[DeviceRow]:
        import psycopg

        try:
            rows = self.conn.execute("SELECT role_name, device_id, name, side, username, last_sync_at::text,"
                                     " last_pushed, last_pulled FROM devices ORDER BY side DESC, name").fetchall()
        except psycopg.errors.InsufficientPrivilege:
            return []  # a laptop's role does not see the other devices
        return [DeviceRow(row[0], None if row[1] is None else str(row[1]), row[2], row[3], row[4], row[5],
                          int(row[6]), int(row[7])) for row in rows]

    # --- blobs --------------------------------------------------------------------------
    def blob(self, sha256: str, copy: str) -> HubBlob | None:
        row = self.conn.execute("SELECT sha256, copy, extension, size, content_sha256, origin FROM blobs"
                                " WHERE sha256 = %s AND copy = %s", [sha256, copy]).fetchone()
        return None if row is None else HubBlob(row[0], row[1], row[2], int(row[3]), row[4], str(row[5]))

    def blobs(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], HubBlob]:
        """The visible blobs among ``keys`` ((sha256, copy) pairs), in one query."""
        if not keys:
            return {}
        rows = self.conn.execute(
            "SELECT b.sha256, b.copy, b.extension, b.size, b.content_sha256, b.origin FROM blobs b"
            " JOIN unnest(%s::text[], %s::text[]) AS k(sha256, copy) ON b.sha256 = k.sha256 AND b.copy = k.copy",
            [[sha for sha, _ in keys], [copy for _, copy in keys]]).fetchall()
        return {(row[0], row[1]): HubBlob(row[0], row[1], row[2], int(row[3]), row[4], str(row[5])) for row in rows}

    def upload(self, meta: BlobMeta, path: Path, device_id: str) -> bool:
        """Send ``path`` as the blob ``meta`` names, resuming after the chunks already there;
        False when the hub had it whole already."""
        if self.blob(meta.sha256, meta.copy) is not None:
            return False
        content = _file_sha256(path)
        if meta.copy != "print" and content != meta.sha256:
            raise InspectorError("hub_blob_changed", photo=meta.sha256, path=str(path))
        row = self.conn.execute("SELECT COALESCE(MAX(n), -1) FROM blob_chunks WHERE content_sha256 = %s"
                                " AND origin = %s", [content, device_id]).fetchone()
        have = int(row[0]) if row else -1
        size = path.stat().st_size
        count = max(1, -(-size // CHUNK))
        insert = ("INSERT INTO blob_chunks (content_sha256, origin, n, data) VALUES (%s,%s,%s,%s)"
                  " ON CONFLICT DO NOTHING")
        with path.open("rb") as source:
            # Every chunk but the last commits alone, so an interrupted upload resumes after it; the
            # last one commits with the check of the whole and the row that makes the blob visible.
            for number in range(count - 1):
                chunk = source.read(CHUNK)
                if number > have:
                    self.conn.execute(insert, [content, device_id, number, chunk])
            last = source.read()
        with self.conn.transaction():
            if count - 1 > have:
                self.conn.execute(insert, [content, device_id, count - 1, last])
            whole = self.conn.execute(
                "SELECT encode(sha256(COALESCE(string_agg(data, ''::bytea ORDER BY n), ''::bytea)), 'hex'), count(*)"
                " FROM blob_chunks WHERE content_sha256 = %s AND origin = %s AND n < %s",
                [content, device_id, count]).fetchone()
            if whole is None or whole[0] != content or int(whole[1]) != count:
                raise InspectorError("hub_blob_changed", photo=meta.sha256, path=str(path))
            self.conn.execute(
                "INSERT INTO blobs (sha256, copy, origin, extension, size, chunks, content_sha256, covert,"
                " author_device, audience) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
                [meta.sha256, meta.copy, device_id, meta.extension, size, count, content, meta.covert,
                 meta.author_device, list(meta.audience)])
        return True

    def upload_all(self, items: list[tuple[BlobMeta, Path]], device_id: str) -> int:
        """Send every blob of ``items`` the hub lacks; how many were sent. Files of one chunk go
        many to a transaction (each with the row that makes it visible, checked by the hub against
        its hash in the same statement); bigger ones by ``upload``, resumable chunk by chunk."""
        held = self.blobs([(meta.sha256, meta.copy) for meta, _ in items])
        small: list[tuple[BlobMeta, bytes, str]] = []
        sent = 0
        for meta, path in items:
            if (meta.sha256, meta.copy) in held:
                continue
            if path.stat().st_size > CHUNK:
                sent += self.upload(meta, path, device_id)
                continue
            data = path.read_bytes()
            content = hashlib.sha256(data).hexdigest()
            if meta.copy != "print" and content != meta.sha256:
                raise InspectorError("hub_blob_changed", photo=meta.sha256, path=str(path))
            small.append((meta, data, content))
        for first in range(0, len(small), 64):
            group = small[first:first + 64]
            with self.conn.transaction(), self.conn.cursor() as cursor:
                cursor.executemany("INSERT INTO blob_chunks (content_sha256, origin, n, data) VALUES (%s,%s,0,%s)"
                                   " ON CONFLICT DO NOTHING", [[content, device_id, data] for _, data, content in group])
                cursor.executemany(
                    "INSERT INTO blobs (sha256, copy, origin, extension, size, chunks, content_sha256, covert,"
                    " author_device, audience) SELECT %s,%s,%s,%s,%s,1,%s,%s,%s,%s WHERE (SELECT encode(sha256(data),"
                    " 'hex') FROM blob_chunks WHERE content_sha256 = %s AND origin = %s AND n = 0) = %s"
                    " ON CONFLICT DO NOTHING",
                    [[meta.sha256, meta.copy, device_id, meta.extension, len(data), content, meta.covert,
                      meta.author_device, list(meta.audience), content, device_id, content]
                     for meta, data, content in group])
                stored = self.blobs([(meta.sha256, meta.copy) for meta, _, _ in group])
                for meta, _, _ in group:
                    if (meta.sha256, meta.copy) not in stored:  # its bytes did not arrive whole: nothing kept
                        raise InspectorError("hub_blob_changed", photo=meta.sha256, path=meta.copy)
            sent += len(group)
        return sent

    def read(self, blob: HubBlob) -> bytes:
        """The blob's bytes, checked against its hash (a blob is small: a photo, a PDF)."""
        rows = self.conn.execute("SELECT data FROM blob_chunks WHERE content_sha256 = %s AND origin = %s"
                                 " ORDER BY n", [blob.content_sha256, blob.origin]).fetchall()
        data = b"".join(bytes(row[0]) for row in rows)
        if hashlib.sha256(data).hexdigest() != blob.content_sha256 or len(data) != blob.size:
            raise InspectorError("hub_blob_damaged", photo=blob.sha256, copy=blob.copy)
        return data

    # --- notice numbers -----------------------------------------------------------------
    def take_notice_serial(self, year: int, at_least: int, device_id: str) -> int:
        """The year's next serial, above ``at_least`` (what the office issued before the hub), and
        its row in the register — one transaction, the counter's row locked until it commits, so
        two office machines can never take the same number."""
        with self.conn.transaction():
            row = self.conn.execute(
                "INSERT INTO notice_counters (year, last) VALUES (%s, %s) ON CONFLICT (year) DO UPDATE"
                " SET last = GREATEST(notice_counters.last, %s) + 1 RETURNING last",
                [year, at_least + 1, at_least]).fetchone()
            assert row is not None
            serial = int(row[0])
            self.conn.execute("INSERT INTO notice_numbers (year, serial, device) VALUES (%s, %s, %s)",
                              [year, serial, device_id])
        return serial
