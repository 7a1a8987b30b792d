"""Writing exchange files: which records a file carries, as revisions, and the photos and PDFs
beside them.

A laptop sends what was made on it (completed inspections with their answers, findings, photos,
receipts, replies, follow-ups) that the office has not acknowledged yet (``everything``: all of
it). The office sends a user what that user's laptop needs: the settings, the registry, every
account by name and role (only the user's own with its password hash), the CA certificate and
the user's own certificate with its key still locked by the user's password, the published
checklists, the notices on that user's inspections with their PDFs and later steps, and the
acknowledgement of what it received from that user's devices. Nothing else: no other user's
password material, no other supervisor's inspection, covert or not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.domain.errors import InspectorError
from inspector.domain.photos import Derivative
from inspector.domain.records import Owner, OWNER_OF, Record, RecordKind as K, new_id
from inspector.domain.users import Role, User
from inspector.services.base import ServiceContext
from inspector.storage.photo_store import PhotoStore
from inspector.storage.travel import catalogue, field as field_codecs, registry
from inspector.storage.travel.codec import TableCodec
from inspector.storage.travel.ids import ExchangeFile, ExchangeLog, RecordIds, Revisions

@dataclass
class Outgoing:
    """The records of one file, by kind, and the blobs to put beside them."""

    records: dict[K, list[Record]] = field(default_factory=dict)
    photos: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)

    def add(self, record: Record) -> None:
        self.records.setdefault(record.kind, []).append(record)

    def add_photo(self, record: Record) -> None:
        """A photo record and its files (original and print copy) beside it."""
        self.add(record)
        self.photos.add(str(record.body["sha256"]))

    def counts(self) -> dict[str, int]:
        return {kind.value: len(records) for kind, records in self.records.items() if records}

    def total(self) -> int:
        return sum(len(records) for records in self.records.values())


class RecordReader:
    """Local rows as records: the body of each entity with its ``entity`` id, under the id of its
    latest revision — a new revision when the row changed since it last travelled."""

    def __init__(self, ctx: ServiceContext, origin: str) -> None:
        self.ctx = ctx
        self.ids = RecordIds(ctx.db, origin)
        self.revisions = Revisions(ctx.db)
        self.origin = origin

    def record(self, codec: TableCodec, local_id: int, body: dict[str, Any] | None = None) -> Record:
        entity = self.ids.gid(codec.kind, local_id, codec.created_at(self.ctx.db, local_id))
        body = codec.read(self.ctx.db, self.ids, local_id) if body is None else body
        record_body = {**body, "entity": entity}
        latest = self.revisions.latest(entity)
        if latest is not None:
            candidate = Record(kind=codec.kind, id=latest.record_id, origin=self._origin_of(latest.record_id),
                               body=record_body)
            if candidate.content_hash() == latest.sha256:
                return candidate
        record = Record(kind=codec.kind, id=new_id(), origin=self.origin, body=record_body)
        self.revisions.add(record.id, codec.kind, entity, record.content_hash(), self.origin, self.ctx.now_text())
        return record

    def _origin_of(self, record_id: str) -> str:
        row = self.ctx.db.execute("SELECT origin FROM record_revisions WHERE record_id = ?", [record_id]).fetchone()
        return str(row[0]) if row else self.origin

    def made_here(self, kind: K, local_ids: list[int]) -> list[int]:
        """Those of ``local_ids`` that were made on this device (never received)."""
        return [local for local in local_ids if self.ids.local_gid(kind, local) is None
                or self.ids.origin_of(kind, local) == self.origin]


class LaptopSelection:
    """What a laptop sends the office: what was made here."""

    def __init__(self, reader: RecordReader) -> None:
        self.reader = reader
        self.db = reader.ctx.db

    def collect(self) -> Outgoing:
        out = Outgoing()
        reader, db = self.reader, self.db
        inspections = reader.made_here(K.INSPECTION, field_codecs.INSPECTION.local_ids(db))
        marks = ",".join(str(value) for value in inspections) or "NULL"
        photo_ids = [int(row[0]) for row in db.execute(
            f"SELECT DISTINCT photo_id FROM answer_photos WHERE inspection_id IN ({marks})"
            " UNION SELECT photo_id FROM reply_photos UNION SELECT photo_id FROM followup_photos").fetchall()]
        receipts = reader.made_here(K.RECEIPT, catalogue.BY_KIND[K.RECEIPT].local_ids(db))
        replies = reader.made_here(K.REPLY, catalogue.BY_KIND[K.REPLY].local_ids(db))
        followups = reader.made_here(K.FOLLOWUP, catalogue.BY_KIND[K.FOLLOWUP].local_ids(db))
        photos = reader.made_here(K.PHOTO, sorted(set(photo_ids)))
        for local in photos:
            out.add_photo(reader.record(field_codecs.PHOTO, local))
        for local in inspections:
            out.add(reader.record(field_codecs.INSPECTION, local))
        findings = field_codecs.FINDING.local_ids(db, f"inspection_id IN ({marks})")
        for local in findings:
            out.add(reader.record(field_codecs.FINDING, local))
        for kind, locals_ in ((K.RECEIPT, receipts), (K.REPLY, replies), (K.FOLLOWUP, followups)):
            for local in locals_:
                out.add(reader.record(catalogue.BY_KIND[kind], local))
        return out


class OfficeSelection:
    """What the office sends one user's laptop: what every laptop needs (settings, registry,
    accounts, certificates, checklists), then the notices of the user's scope with their PDFs,
    signatures and later steps — a supervisor's: those on the inspections they recorded; a
    manager's: those addressed to their unit, with the inspections behind them (``UnitRelay``)."""

    def __init__(self, reader: RecordReader, user: User) -> None:
        self.reader = reader
        self.db = reader.ctx.db
        self.user = user
        self.relay = UnitRelay(reader, user.unit_id) if user.role is Role.MANAGER else None

    def collect(self) -> Outgoing:
        out = Outgoing()
        reader, db, user = self.reader, self.db, self.user
        out.add(reader.record(catalogue.SETTINGS, 1))
        for codec in (registry.UNIT, registry.STAFF, registry.VEHICLE, registry.LOCATION):
            for local in codec.local_ids(db):
                out.add(reader.record(codec, local))
        for local in registry.USER.local_ids(db):
            own = local == user.id
            body = (registry.USER.read_with_password(db, reader.ids, local) if own
                    else registry.USER.read(db, reader.ids, local))
            out.add(reader.record(registry.USER, local, body) if own else reader.record(registry.USER, local))
        for local in registry.CA_CERTIFICATE.local_ids(db, "revoked = 0"):
            out.add(reader.record(registry.CA_CERTIFICATE, local))
        for local in registry.CERTIFICATE.local_ids(db, "user_id = ? AND revoked = 0", [user.id]):
            out.add(reader.record(registry.CERTIFICATE, local,
                                  registry.CERTIFICATE.read_with_key(db, reader.ids, local)))
        for local in registry.TEMPLATE_VERSION.local_ids(db):
            out.add(reader.record(registry.TEMPLATE_VERSION, local))
        notices = self.relay.notices() if self.relay is not None else self._notices()
        if self.relay is not None:
            self.relay.inspections(out, notices)
        marks = ",".join(str(value) for value in notices) or "NULL"
        later = {
            K.RECEIPT: catalogue.BY_KIND[K.RECEIPT].local_ids(db, f"notice_id IN ({marks})"),
            K.REPLY: catalogue.BY_KIND[K.REPLY].local_ids(db, f"notice_id IN ({marks})"),
            K.FOLLOWUP: catalogue.BY_KIND[K.FOLLOWUP].local_ids(db, f"notice_id IN ({marks})"),
        }
        photos = [int(row[0]) for row in db.execute(
            f"SELECT photo_id FROM reply_photos WHERE notice_id IN ({marks}) UNION SELECT fp.photo_id FROM"
            f" followup_photos fp JOIN followups f ON f.id = fp.followup_id WHERE f.notice_id IN ({marks})").fetchall()]
        for local in self._passed_on(K.PHOTO, sorted(set(photos))):
            out.add_photo(reader.record(field_codecs.PHOTO, local))
        for local in notices:
            record = reader.record(catalogue.BY_KIND[K.NOTICE], local)
            out.add(record)
            out.documents.add(str(record.body["pdf_sha256"]))
        for local in catalogue.BY_KIND[K.SIGNATURE].local_ids(db, f"notice_id IN ({marks})"):
            record = reader.record(catalogue.BY_KIND[K.SIGNATURE], local)
            out.add(record)
            out.documents.add(str(record.body["pdf_sha256"]))
        for kind, locals_ in later.items():
            for local in self._passed_on(kind, locals_):
                out.add(reader.record(catalogue.BY_KIND[kind], local))
        return out

    def _passed_on(self, kind: K, local_ids: list[int]) -> list[int]:
        """A supervisor's laptop gets back only the office's own later steps (it holds its own);
        a manager's gets every laptop's, since it recorded none of them."""
        return local_ids if self.relay is not None else self.reader.made_here(kind, local_ids)

    def _notices(self) -> list[int]:
        """Notices on inspections this user recorded elsewhere (their laptop has the inspection)."""
        rows = self.db.execute(
            "SELECT n.id FROM notices n JOIN inspections i ON i.id = n.inspection_id"
            " JOIN record_ids r ON r.kind = 'inspection' AND r.local_id = i.id"
            " WHERE i.author_id = ? AND r.origin != ? ORDER BY n.id", [self.user.id, self.reader.origin]).fetchall()
        return [int(row[0]) for row in rows]


class UnitRelay:
    """What the office passes on to a manager's laptop (负责人: reads, signs and prints the notices
    addressed to their unit): the notices to the unit and the completed inspections of the unit
    and behind those notices, with their findings and photos, whichever laptop recorded them,
    and the unit's complaints (投诉), the complainant masked as the manager reads them.

    Never a covert visit (暗访) nor its notice: a notice names the findings of its inspection, so
    it cannot travel without the visit; the manager reads covert notices at the office, masked.
    A manager with no unit receives no inspection and no notice."""

    def __init__(self, reader: RecordReader, unit_id: int | None) -> None:
        self.reader = reader
        self.db = reader.ctx.db
        self.unit_id = unit_id

    def notices(self) -> list[int]:
        if self.unit_id is None:
            return []
        rows = self.db.execute(
            "SELECT n.id FROM notices n JOIN inspections i ON i.id = n.inspection_id"
            " WHERE n.unit_id = ? AND n.covert = 0 AND i.mode != 'covert' ORDER BY n.id", [self.unit_id]).fetchall()
        return [int(row[0]) for row in rows]

    def inspections(self, out: Outgoing, notices: list[int]) -> None:
        """The inspections with their findings and photos, and the unit's complaints after them
        (a complaint points at the findings made from it and at its investigation's photos)."""
        if self.unit_id is None:
            return
        marks = ",".join(str(value) for value in notices) or "NULL"
        complaints = catalogue.BY_KIND[K.COMPLAINT].local_ids(self.db, "unit_id = ?", [self.unit_id])
        cases = ",".join(str(value) for value in complaints) or "NULL"
        inspections = field_codecs.INSPECTION.local_ids(
            self.db, f"mode != 'covert' AND (unit_id = ? OR id IN (SELECT inspection_id FROM notices"
                     f" WHERE id IN ({marks})) OR id IN (SELECT f.inspection_id FROM findings f JOIN"
                     f" complaint_findings c ON c.finding_id = f.id WHERE c.complaint_id IN ({cases})))",
            [self.unit_id])
        chosen = ",".join(str(value) for value in inspections) or "NULL"
        photo_ids = sorted({int(row[0]) for row in self.db.execute(
            f"SELECT photo_id FROM answer_photos WHERE inspection_id IN ({chosen})"
            f" UNION SELECT photo_id FROM complaint_photos WHERE complaint_id IN ({cases})").fetchall()})
        for local in photo_ids:
            out.add_photo(self.reader.record(field_codecs.PHOTO, local))
        for local in inspections:
            out.add(self.reader.record(field_codecs.INSPECTION, local))
        for local in field_codecs.FINDING.local_ids(self.db, f"inspection_id IN ({chosen})"):
            out.add(self.reader.record(field_codecs.FINDING, local))
        for local in complaints:
            out.add(self.reader.record(catalogue.BY_KIND[K.COMPLAINT], local))


def only_unacknowledged(out: Outgoing, revisions: Revisions, log: ExchangeLog, peer: str) -> Outgoing:
    """``out`` without the records the peer said it received (photos follow their records)."""
    upto, missing = log.ack(peer)
    ids = [record.id for records in out.records.values() for record in records]
    waiting = revisions.unacknowledged(ids, peer, upto, missing)
    kept = Outgoing()
    for kind, records in out.records.items():
        for record in records:
            if record.id in waiting:
                kept.add(record)
    kept.photos = {str(record.body["sha256"]) for record in kept.records.get(K.PHOTO, [])}
    return kept


def blob_sources(out: Outgoing, store: PhotoStore, notices_root: Path,
                 documents: dict[str, str]) -> Iterator[tuple[str, Path, str]]:
    """(sha256, file, copy) for every photo original, print copy and PDF the file carries."""
    for sha256 in sorted(out.photos):
        original = store.original_path(sha256)
        if original is None:
            raise InspectorError("photo_unavailable", photo=sha256)
        yield sha256, original, "original"
        printed = store.derivative_path(sha256, Derivative.PRINT)
        if printed is not None:
            yield sha256, printed, "print"
    for sha256 in sorted(out.documents):
        relative = documents.get(sha256)
        if relative is None or not (notices_root / relative).is_file():
            raise InspectorError("exchange_document_missing", document=sha256)
        yield sha256, notices_root / relative, "document"


def is_laptop_kind(kind: K) -> bool:
    return OWNER_OF[kind] is Owner.LAPTOP


def sent_entry(peer: str, peer_name: str, sequence: int, file_sha256: str, actor: User, counts: dict[str, int],
               at: str) -> ExchangeFile:
    return ExchangeFile("sent", peer, peer_name, sequence, file_sha256, actor.username, counts, at)
