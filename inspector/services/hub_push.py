"""What a device pushes to the office hub, and who may read each record there.

The records are the exchange files' (``exchange_export``): a laptop pushes what ``LaptopSelection``
puts in its file for the office — what was recorded on it. The office pushes what it owns, for
every laptop at once, without password hashes or private keys (those still reach a user's own
laptop only in the office's exchange file for them, with which the laptop joins): settings,
registry, accounts by name and role, certificates, published checklists, notices with their
signed copies, and the steps it recorded itself.

Each record carries its readers: ``*`` (every laptop) for the office's shared records; the
inspection's author for an inspection, its findings and photos and the notices on it; and the
covert flag, which row-level security on the hub turns into "only the author's device".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inspector.domain.errors import InspectorError
from inspector.domain.photos import Derivative
from inspector.domain.records import Owner, OWNER_OF, Record, RecordKind as K
from inspector.exchange import PhotoKind
from inspector.hub.transport import BlobMeta, HubSession, Outbound
from inspector.services.base import ServiceContext
from inspector.services.exchange_export import LaptopSelection, Outgoing, RecordReader
from inspector.storage import hub_repo
from inspector.storage.photo_store import PhotoStore
from inspector.storage.travel import catalogue, field as field_codecs, registry

BATCH = 500
EVERY_LAPTOP = ("*",)
_SHARED = (registry.UNIT, registry.STAFF, registry.VEHICLE, registry.LOCATION, registry.USER,
           registry.CA_CERTIFICATE, registry.CERTIFICATE, registry.TEMPLATE_VERSION)


@dataclass
class PushSummary:
    sent: dict[str, int] = field(default_factory=dict)  # records inserted on the hub, by kind
    already: int = 0  # the hub held them with the same content
    blobs: int = 0  # photo copies and PDFs uploaded
    conflicts: list[dict[str, object]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"records": dict(self.sent), "already_on_hub": self.already, "files": self.blobs,
                "conflicts": self.conflicts}


class OfficeHubSelection:
    """What the office puts on the hub: what it owns, with no password material."""

    def __init__(self, reader: RecordReader) -> None:
        self.reader = reader
        self.db = reader.ctx.db

    def collect(self) -> Outgoing:
        out = Outgoing()
        reader, db = self.reader, self.db
        out.add(reader.record(catalogue.SETTINGS, 1))
        for codec in _SHARED:
            condition = "revoked = 0" if codec in (registry.CA_CERTIFICATE, registry.CERTIFICATE) else ""
            for local in codec.local_ids(db, condition):
                out.add(reader.record(codec, local))  # read(): no password hash, no private key
        notices = catalogue.BY_KIND[K.NOTICE].local_ids(db)
        for local in notices:
            record = reader.record(catalogue.BY_KIND[K.NOTICE], local)
            out.add(record)
            out.documents.add(str(record.body["pdf_sha256"]))
        for local in catalogue.BY_KIND[K.SIGNATURE].local_ids(db):
            record = reader.record(catalogue.BY_KIND[K.SIGNATURE], local)
            out.add(record)
            out.documents.add(str(record.body["pdf_sha256"]))
        steps = {kind: reader.made_here(kind, catalogue.BY_KIND[kind].local_ids(db))
                 for kind in (K.RECEIPT, K.REPLY, K.FOLLOWUP)}
        photos = [int(row[0]) for row in db.execute(
            "SELECT photo_id FROM reply_photos UNION SELECT photo_id FROM followup_photos").fetchall()]
        for local in reader.made_here(K.PHOTO, sorted(set(photos))):
            record = reader.record(field_codecs.PHOTO, local)
            out.add(record)
            out.photos.add(str(record.body["sha256"]))
        for kind, locals_ in steps.items():
            for local in locals_:
                out.add(reader.record(catalogue.BY_KIND[kind], local))
        return out


class Readers:
    """Who may read each outgoing record on the hub (its ``Outbound`` wrapping)."""

    def __init__(self, ctx: ServiceContext, reader: RecordReader, *, office: bool, own_user: str | None) -> None:
        self.db = ctx.db
        self.ids = reader.ids
        self.device = reader.origin
        self.office = office
        self.own_user = own_user

    def of(self, record: Record) -> Outbound:
        local = self.ids.local(record.kind, str(record.body["entity"]))
        kind = record.kind
        if local is None:
            return Outbound(record)
        if kind in (K.NOTICE, K.SIGNATURE, K.RECEIPT, K.REPLY, K.FOLLOWUP, K.PHOTO):
            notice = self._notice_of(kind, local)
            if notice is not None:
                return self._for_notice(record, notice)
        if kind is K.INSPECTION:
            return self._own(record, hub_repo.inspection_covert(self.db, local))
        if kind is K.FINDING:
            inspection = hub_repo.finding_inspection(self.db, local)
            return self._own(record, inspection is not None and hub_repo.inspection_covert(self.db, inspection))
        if kind is K.PHOTO:
            return self._own(record, hub_repo.photo_covert(self.db, local))
        if OWNER_OF[kind] is Owner.OFFICE:
            return Outbound(record, audience=EVERY_LAPTOP)
        return self._own(record, False)

    def _own(self, record: Record, covert: bool) -> Outbound:
        audience = (self.own_user,) if self.own_user and not self.office else ()
        return Outbound(record, covert=covert, author_device=self.device, audience=audience)

    def _notice_of(self, kind: K, local: int) -> int | None:
        if kind is K.NOTICE:
            return local
        if kind is K.SIGNATURE:
            return hub_repo.signature_notice(self.db, local)
        if kind in (K.RECEIPT, K.REPLY):
            return local  # keyed by their notice
        if kind is K.FOLLOWUP:
            return hub_repo.followup_notice(self.db, local)
        return hub_repo.photo_notice(self.db, local)

    def _for_notice(self, record: Record, notice: int) -> Outbound:
        readers = hub_repo.notice_readers(self.db, notice)
        if readers is None:
            return Outbound(record)
        author_device = self.ids.origin_of(K.INSPECTION, readers.inspection_id)
        return Outbound(record, covert=readers.covert, author_device=author_device, audience=(readers.author,))


class Pusher:
    """Push what this device owns and the hub lacks: files first (each resumable), then the
    records in batches of one transaction each, remembered here once the hub holds them."""

    def __init__(self, ctx: ServiceContext, session: HubSession, device_id: str, *, office: bool,
                 own_user: str | None) -> None:
        self.ctx = ctx
        self.session = session
        self.device_id = device_id
        self.office = office
        self.own_user = own_user
        self.store = PhotoStore(ctx.paths.photos)

    def pending(self) -> tuple[list[Outbound], Outgoing]:
        """The records the hub has not confirmed (new revisions made and kept: a commit of their own)."""
        with self.ctx.mutation():
            reader = RecordReader(self.ctx, self.device_id)
            out = OfficeHubSelection(reader).collect() if self.office else LaptopSelection(reader).collect()
            readers = Readers(self.ctx, reader, office=self.office, own_user=self.own_user)
            sent = hub_repo.sent(self.ctx.db)
            todo = [readers.of(record) for kind in K for record in out.records.get(kind, [])
                    if sent.get(record.id) != record.content_hash()]
        return todo, out

    def waiting(self) -> int:
        """How many records a push would send now (nothing kept: counted in a savepoint)."""
        conn = self.ctx.db.conn
        conn.execute("SAVEPOINT hub_waiting")
        try:
            reader = RecordReader(self.ctx, self.device_id)
            out = OfficeHubSelection(reader).collect() if self.office else LaptopSelection(reader).collect()
            sent = hub_repo.sent(self.ctx.db)
            return sum(1 for records in out.records.values() for record in records
                       if sent.get(record.id) != record.content_hash())
        finally:
            conn.execute("ROLLBACK TO SAVEPOINT hub_waiting")
            conn.execute("RELEASE SAVEPOINT hub_waiting")

    def run(self) -> PushSummary:
        summary = PushSummary()
        todo, out = self.pending()
        by_id = {item.record.id: item for item in todo}
        self._files(todo, out, summary)
        order = {codec.kind: index for index, codec in enumerate(catalogue.CODECS)}
        todo.sort(key=lambda item: order.get(item.record.kind, len(order)))
        for start in range(0, len(todo), BATCH):
            batch = todo[start:start + BATCH]
            result = self.session.push(batch, self.device_id)
            for record in result.inserted:
                summary.sent[record.kind.value] = summary.sent.get(record.kind.value, 0) + 1
            summary.already += len(result.same)
            summary.conflicts += [conflict.as_json() for conflict in result.conflicts]
            confirmed = [(record.id, record.content_hash()) for record in result.inserted]
            confirmed += [(rid, by_id[rid].record.content_hash()) for rid in result.same]
            with self.ctx.mutation():
                hub_repo.mark_sent(self.ctx.db, confirmed, self.ctx.now_text())
        return summary

    def _files(self, todo: list[Outbound], out: Outgoing, summary: PushSummary) -> None:
        """Every photo original, print copy and notice PDF the records point at, before them."""
        files: list[tuple[BlobMeta, Path]] = []
        photos = {str(item.record.body["sha256"]): item for item in todo if item.record.kind is K.PHOTO}
        for sha256, item in sorted(photos.items()):
            original = self.store.original_path(sha256)
            if original is None:
                raise InspectorError("photo_unavailable", photo=sha256)
            readers = dict(covert=item.covert, author_device=item.author_device, audience=item.audience)
            files.append((BlobMeta(sha256, PhotoKind.ORIGINAL.value, original.suffix.lstrip("."),  # type: ignore[arg-type]
                                   **readers), original))
            printed = self.store.derivative_path(sha256, Derivative.PRINT)
            if printed is not None:
                files.append((BlobMeta(sha256, PhotoKind.PRINT.value, "jpg", **readers), printed))  # type: ignore[arg-type]
        notices = {str(item.record.body["pdf_sha256"]): item for item in todo
                   if item.record.kind in (K.NOTICE, K.SIGNATURE)}
        if notices:
            documents = hub_repo.documents(self.ctx.db)
            for sha256, item in sorted(notices.items()):
                relative = documents.get(sha256)
                path = self.ctx.paths.root / relative if relative else None
                if path is None or not path.is_file():
                    raise InspectorError("exchange_document_missing", document=sha256)
                files.append((BlobMeta(sha256, PhotoKind.DOCUMENT.value, "pdf", covert=item.covert,
                                       author_device=item.author_device, audience=item.audience), Path(path)))
        summary.blobs += self.session.upload_all(files, self.device_id)
