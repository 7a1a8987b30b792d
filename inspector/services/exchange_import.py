"""Reading an exchange file into this data folder: verify the whole file first, then merge every
record in one transaction — new records inserted, ones already here skipped, a record id with
other content refused as a conflict naming it, and then nothing of the file is kept.

Photos go into the content-addressed store and PDFs under their notice's name *before* the rows
that point at them commit. A refusal part-way (a conflict, a record the sender does not own, a
full disk, a cancel) removes the files this import wrote, so a refused import changes nothing; a
crash (kill -9, power cut) leaves at most unreferenced files, which ``check`` lists as litter and
``check --clean`` removes. A database backup is made before every import.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.domain.errors import InspectorError
from inspector.domain.records import Owner, OWNER_OF, Record, RecordKind as K
from inspector.domain.photos import Derivative
from inspector.services.base import ServiceContext
from inspector.storage.photo_store import PhotoStore, sha256_of
from inspector.storage.travel.catalogue import CODECS
from inspector.storage.travel.ids import ExchangeFile, ExchangeLog, RecordIds, Revisions
from inspector.storage.travel.merge import Outcome, apply
from inspector.storage.travel.notices import notice_pdf_name


@dataclass
class ImportSummary:
    """What came in: per kind, the records new or updated and those already present."""

    file: str
    sender_name: str
    sender_device: str
    sequence: int
    acting_user: str
    new: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)
    photos_new: int = 0
    photos_present: int = 0
    joined: bool = False
    repeated: bool = False  # the very same file came in before: nothing new
    gaps: tuple[int, ...] = ()  # sequences from this sender still missing

    @property
    def nothing_new(self) -> bool:
        return not sum(self.new.values()) and not self.photos_new

    def as_json(self) -> dict[str, Any]:
        return {"file": self.file, "sender": {"device": self.sender_device, "name": self.sender_name},
                "sequence": self.sequence, "signed_by": self.acting_user, "new": dict(self.new),
                "already_present": dict(self.present), "photos": {"new": self.photos_new,
                                                                  "already_present": self.photos_present},
                "joined": self.joined, "nothing_new": self.nothing_new, "missing_sequences": list(self.gaps)}


def peek_ca(path: Path) -> bytes | None:
    """The CA certificate a (not yet verified) file carries — only to verify the file against it
    when this data folder joins the organisation; the file is then verified whole."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith("/data/records/ca_certificate.jsonl"):
                    info = archive.getinfo(name)
                    if info.file_size > 1 << 20:
                        return None
                    for line in archive.read(info).decode("utf-8").splitlines():
                        record = json.loads(line)
                        pem = record.get("body", {}).get("cert_pem")
                        if isinstance(pem, str):
                            return pem.encode("ascii")
    except (OSError, zipfile.BadZipFile, ValueError, UnicodeError, KeyError, AttributeError):
        return None
    return None


class Merger:
    """Writes one verified file's records, photos and PDFs in one transaction."""

    def __init__(self, ctx: ServiceContext, store: PhotoStore, origin: str) -> None:
        self.ctx = ctx
        self.store = store
        self.ids = RecordIds(ctx.db, origin)
        self.revisions = Revisions(ctx.db)
        self.log = ExchangeLog(ctx.db)
        self.arrived: list[tuple[K, str]] = []  # (kind, entity) of every record inserted here
        self.written: list[Path] = []  # every file this import added: removed again if it fails

    @contextmanager
    def discarded_on_failure(self) -> Iterator[None]:
        """Around the whole merge: if anything in it raises, the files it added are removed."""
        try:
            yield
        except BaseException:
            for path in reversed(self.written):
                path.unlink(missing_ok=True)
            self.written.clear()
            raise

    def photos(self, reader: Any, summary: ImportSummary, cancelled: Callable[[], bool]) -> None:
        with self.store.batch():  # each store folder fsynced once, before the rows commit
            self._photos(reader, summary, cancelled)

    def _photos(self, reader: Any, summary: ImportSummary, cancelled: Callable[[], bool]) -> None:
        from inspector.exchange import PhotoKind

        for entry in reader.photos(PhotoKind.ORIGINAL):
            if cancelled():
                raise InspectorError("exchange_cancelled", file=summary.file)
            if self.store.original_path(entry.sha256) is not None:
                summary.photos_present += 1
                continue
            with reader.open_photo(entry.sha256) as stream, _naming(self.store.root):
                stored = self.store.put_stream(stream, suffix="." + entry.extension)
            if not stored.existed:
                self.written.append(self.store.root / stored.relative_path)
            if stored.sha256 != entry.sha256:
                raise InspectorError("exchange_tampered", file=summary.file, member=entry.path)
            summary.photos_new += 1
        for entry in reader.photos(PhotoKind.PRINT):
            held = self.store.derivative_path(entry.sha256, Derivative.PRINT)
            with reader.open_photo(entry.sha256, PhotoKind.PRINT) as stream:
                data = stream.read()
            if held is None:
                with _naming(self.store.root):
                    self.written.append(self.store.put_derivative(entry.sha256, Derivative.PRINT, data))
            elif held.read_bytes() != data:
                # Marks drawn later on the laptop that made the photo (its copies are the truth):
                # the print copy is replaced, the working copy made again with them when next shown.
                with _naming(self.store.root):
                    self.store.put_derivative(entry.sha256, Derivative.PRINT, data)
                self.store.drop_derivative(entry.sha256, Derivative.WORKING)

    def documents(self, reader: Any, summary: ImportSummary) -> None:
        """Every notice PDF and signed copy under the name its record gives, before the rows."""
        from inspector.exchange import PhotoKind

        wanted: dict[str, str] = {}
        for kind, suffix in ((K.NOTICE, ".pdf"), (K.SIGNATURE, None)):
            for record in reader.records(kind):
                number = str(record.body.get("number", ""))
                relative = notice_pdf_name(number, f"{kind.value} {record.body.get('entity')}")
                if suffix is None:
                    relative = relative.replace(".pdf", f".signed-{record.body.get('copy')}.pdf")
                wanted[str(record.body.get("pdf_sha256"))] = relative
        for sha256, relative in wanted.items():
            target = self.ctx.paths.root / relative
            if target.is_file():
                if sha256_of(target) != sha256:
                    raise InspectorError("exchange_document_differs", file=str(target))
                continue
            if reader.photo(sha256, PhotoKind.DOCUMENT) is None:
                raise InspectorError("exchange_document_missing", document=relative)
            with _naming(target):
                target.parent.mkdir(parents=True, exist_ok=True)
                reader.copy_photo(sha256, target, PhotoKind.DOCUMENT)
            self.written.append(target)

    def records(self, reader: Any, summary: ImportSummary, *, sender: str, laptop_file: bool,
                cancelled: Callable[[], bool]) -> list[dict[str, Any]]:
        """Merge every record in dependency order; returns the acknowledgements it carried."""
        acks: list[dict[str, Any]] = []
        at = self.ctx.now_text()
        for record in reader.records(K.ACKNOWLEDGEMENT):
            acks.append(dict(record.body))
        for codec in CODECS:
            for record in reader.records(codec.kind):
                if cancelled():
                    raise InspectorError("exchange_cancelled", file=summary.file)
                self._allowed(record, sender=sender, laptop_file=laptop_file, file=summary.file)
                outcome = apply(self.ctx.db, self.ids, self.revisions, record, record.content_hash(),
                                sender=sender, at=at)
                if outcome is Outcome.NEW:
                    self.arrived.append((record.kind, str(record.body.get("entity"))))
                if outcome in (Outcome.NEW, Outcome.UPDATED):
                    summary.new[record.kind.value] += 1
                else:
                    summary.present[record.kind.value] += 1
        return acks

    @staticmethod
    def _allowed(record: Record, *, sender: str, laptop_file: bool, file: str) -> None:
        """A laptop's file carries only what that laptop recorded; the office's file carries what
        the office made and may pass on what laptops recorded (a manager's laptop receives the
        inspections of its unit), but never an office record in another device's name."""
        name = f"{record.kind.value} {record.body.get('entity', record.id)}"
        relayed = not laptop_file and OWNER_OF[record.kind] is Owner.LAPTOP
        if record.origin != sender and not relayed:
            raise InspectorError("exchange_record_not_senders", file=file, record=name)
        if laptop_file and OWNER_OF[record.kind] is not Owner.LAPTOP:
            raise InspectorError("exchange_kind_not_laptops", file=file, record=name, kind=record.kind.value)

    def new_local_ids(self, kind: K) -> list[int]:
        found = (self.ids.local(arrived, entity) for arrived, entity in self.arrived if arrived is kind)
        return [local for local in found if local is not None]

    def log_received(self, summary: ImportSummary, file_sha256: str) -> None:
        self.log.add(ExchangeFile("received", summary.sender_device, summary.sender_name, summary.sequence,
                                  file_sha256, summary.acting_user,
                                  {**summary.new, "photos": summary.photos_new}, self.ctx.now_text()))


@contextmanager
def _naming(path: Path) -> Iterator[None]:
    """An OSError of a write that names no file (a full disk in ``write``) names ``path``, so the
    CLI and the app say which folder could not be written rather than the database."""
    try:
        yield
    except OSError as error:
        if error.filename or error.errno is None:
            raise
        raise OSError(error.errno, error.strerror, str(path)) from error


def missing_sequences(received: list[int]) -> tuple[int, ...]:
    """Sequence numbers below the highest received that never arrived: lost files."""
    if not received:
        return ()
    have = set(received)
    return tuple(number for number in range(1, max(received)) if number not in have)
