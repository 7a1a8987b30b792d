"""Pulling from the office hub into this data folder, with the exchange import's merge.

The hub hands out what this device's role may see past its cursor, in ``seq`` order. Each batch
is merged as an exchange file is (``exchange_import.Merger``): the photos and PDFs into the store
first (outside the write lock; removed again if the batch fails), then every record in one
transaction through ``storage/travel/merge.apply`` — new records inserted, the same skipped, a
later revision applied — with the same ownership checks: a laptop takes the office's kinds only
from the office's device, the office takes only laptops' kinds. The cursor moves in the same
transaction, so a batch is merged once or not at all. A record whose id is here with other
content is a conflict: set aside (reported on the hub), never written over.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from inspector.domain.errors import InspectorError
from inspector.domain.records import Record, RecordKind as K
from inspector.domain.users import User
from inspector.exchange import PhotoKind
from inspector.hub.transport import Conflict, HubBlob, HubSession
from inspector.services.base import ServiceContext
from inspector.services.exchange_import import ImportSummary, Merger
from inspector.storage import hub_repo
from inspector.storage.photo_store import PhotoStore
from inspector.storage.travel.ids import Revisions

BATCH = 500


@dataclass
class PullSummary:
    received: Counter[str] = field(default_factory=Counter)  # new or updated, by kind
    present: int = 0
    files: int = 0
    conflicts: list[dict[str, object]] = field(default_factory=list)
    cursor: int = 0

    def as_json(self) -> dict[str, object]:
        return {"records": dict(self.received), "already_present": self.present, "files": self.files,
                "conflicts": self.conflicts, "cursor": self.cursor}


@dataclass(frozen=True)
class _Entry:
    sha256: str
    extension: str
    path: str


class HubBatch:
    """One pulled batch as the exchange merge reads a file: records by kind, photo copies and
    PDFs by hash (fetched from the hub when the merge asks for one it lacks)."""

    def __init__(self, session: HubSession, records: list[Record]) -> None:
        self.session = session
        self._records = records
        self._blobs: dict[tuple[str, str], HubBlob] = {}
        wanted = {(str(r.body["sha256"]), copy) for r in records if r.kind is K.PHOTO
                  for copy in (PhotoKind.ORIGINAL.value, PhotoKind.PRINT.value)}
        wanted |= {(str(r.body.get("pdf_sha256")), PhotoKind.DOCUMENT.value) for r in records
                   if r.kind in (K.NOTICE, K.SIGNATURE)}
        self._blobs = session.blobs(sorted(wanted))
        for sha256, copy in sorted(wanted):
            if copy == PhotoKind.ORIGINAL.value and (sha256, copy) not in self._blobs:
                raise InspectorError("hub_photo_missing", photo=sha256)

    def only(self, origin: str) -> HubBatch:
        part = HubBatch.__new__(HubBatch)
        part.session, part._blobs = self.session, self._blobs
        part._records = [record for record in self._records if record.origin == origin]
        return part

    def origins(self, first: str | None) -> list[str]:
        found = list(dict.fromkeys(record.origin for record in self._records))
        return sorted(found, key=lambda origin: origin != first)  # the office's records first

    def records(self, kind: K) -> Iterator[Record]:
        return (record for record in self._records if record.kind is kind)

    def photos(self, kind: PhotoKind = PhotoKind.ORIGINAL) -> list[_Entry]:
        return [_Entry(sha, blob.extension, f"hub:{sha}:{copy}") for (sha, copy), blob in self._blobs.items()
                if copy == kind.value]

    def photo(self, sha256: str, kind: PhotoKind = PhotoKind.ORIGINAL) -> _Entry | None:
        blob = self._blobs.get((sha256, kind.value))
        return None if blob is None else _Entry(sha256, blob.extension, f"hub:{sha256}:{kind.value}")

    def open_photo(self, sha256: str, kind: PhotoKind = PhotoKind.ORIGINAL) -> io.BytesIO:
        return io.BytesIO(self.session.read(self._blobs[(sha256, kind.value)]))

    def copy_photo(self, sha256: str, destination: Path, kind: PhotoKind = PhotoKind.ORIGINAL) -> int:
        data = self.session.read(self._blobs[(sha256, kind.value)])
        handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=destination.parent)
        temp = Path(name)
        try:
            with os.fdopen(handle, "wb") as target:
                target.write(data)
                target.flush()
                os.fsync(target.fileno())
            os.replace(temp, destination)
        finally:
            temp.unlink(missing_ok=True)
        return len(data)


class Puller:
    def __init__(self, ctx: ServiceContext, session: HubSession, device_id: str, *, office: bool,
                 office_device: str, arrival) -> None:  # type: ignore[no-untyped-def]
        self.ctx = ctx
        self.session = session
        self.device_id = device_id
        self.office = office
        self.office_device = office_device
        self.store = PhotoStore(ctx.paths.photos)
        self._arrival = arrival  # (actor, notice id, sender name): the audit entry of a received notice

    def run(self, actor: User, link: hub_repo.HubLink) -> PullSummary:
        summary = PullSummary(cursor=link.cursor)
        while True:
            pulled = self.session.pull(summary.cursor, self.device_id, BATCH)
            if not pulled:
                return summary
            self._merge(actor, [item.record for item in pulled], pulled[-1].seq, summary)

    def _merge(self, actor: User, records: list[Record], cursor: int, summary: PullSummary) -> None:
        revisions = Revisions(self.ctx.db)
        kept: list[Record] = []
        for record in records:
            known = revisions.get(record.id)
            sha = record.content_hash()
            if known is not None and known.sha256 != sha:
                conflict = Conflict(record.id, record.kind.value, record.origin, sha, known.sha256)
                self.session.report_conflict(conflict, record.canonical().decode("utf-8"), self.device_id)
                summary.conflicts.append(conflict.as_json())
                continue
            kept.append(record)
        batch = HubBatch(self.session, kept)
        merger = Merger(self.ctx, self.store, self.device_id)
        found = ImportSummary(file="hub", sender_name="hub", sender_device="hub", sequence=cursor,
                              acting_user=actor.username)
        never = lambda: False  # noqa: E731
        with merger.discarded_on_failure():  # the files first, outside the write lock
            merger.photos(batch, found, never)
            merger.documents(batch, found)
        with merger.discarded_on_failure(), self.ctx.mutation():
            for origin in batch.origins(self.office_device):
                merger.records(batch.only(origin), found, sender=origin,
                               laptop_file=self.office or origin != self.office_device, cancelled=never)
            for notice_id in merger.new_local_ids(K.NOTICE):
                self._arrival(actor, notice_id, "hub")
            link = hub_repo.link(self.ctx.db)
            assert link is not None
            hub_repo.save_link(self.ctx.db, _moved(link, cursor))
            self.ctx.record(actor, "hub.pull", "hub", None, after={
                "cursor": cursor, "records": dict(found.new), "present": dict(found.present),
                "photos": found.photos_new, "conflicts": len(records) - len(kept)})
        summary.received.update(found.new)
        summary.present += sum(found.present.values())
        summary.files += found.photos_new
        summary.cursor = cursor


def _moved(link: hub_repo.HubLink, cursor: int) -> hub_repo.HubLink:
    from dataclasses import replace

    return replace(link, cursor=cursor)
