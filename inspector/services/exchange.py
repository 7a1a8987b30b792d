"""Field ⇄ office exchange (#20): this data folder's identity, signed exchange files out and in,
and what each peer has sent and been sent.

The quality office's data folder holds the CA and names itself; a laptop joins the organisation
by importing the file the office exported for its user, and from then on accepts files of that
organisation only (its id is made from the CA certificate). The file format is
``inspector.exchange``; which records go where is ``exchange_export``; the merge is
``exchange_import``.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError, NotFound
from inspector.domain.records import RecordKind as K, new_id, Record
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.exchange_export import (
    LaptopSelection, OfficeSelection, Outgoing, RecordReader, blob_sources, only_unacknowledged,
    sent_entry,
)
from inspector.services.exchange_import import ImportSummary, Merger, missing_sequences, peek_ca
from inspector.storage import audit_repo, certificates_repo, users_repo
from inspector.storage.database import schema_version
from inspector.storage.photo_store import PhotoStore, sha256_of
from inspector.storage.travel import ids as device_repo
from inspector.storage.travel.ids import ExchangeLog, Revisions

NAME_LIMIT = 64
OFFICE = "office"  # the receiver a laptop's file names: the quality office, whichever its device


def organisation_id_of(ca_pem: bytes) -> str:
    """The organisation's id: a UUID (version 8) made from the SHA-256 of its CA certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    der = x509.load_pem_x509_certificate(ca_pem).public_bytes(Encoding.DER)
    digest = bytearray(hashlib.sha256(der).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x80
    digest[8] = (digest[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(digest)))


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    name: str
    organisation_id: str | None
    organisation_name: str | None
    side: str  # "office", "laptop" or "unjoined"
    joined_user: str | None

    def as_json(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "name": self.name, "side": self.side,
                "organisation": {"id": self.organisation_id, "name": self.organisation_name},
                "joined_user": self.joined_user}


@dataclass(frozen=True)
class PeerStatus:
    peer: str
    name: str
    last_sent: int
    last_sent_at: str | None
    last_received: int
    last_received_at: str | None
    missing: tuple[int, ...]
    waiting: int  # records of ours this peer has not acknowledged

    def as_json(self) -> dict[str, Any]:
        return {"peer": self.peer, "name": self.name, "last_sent": self.last_sent, "last_sent_at": self.last_sent_at,
                "last_received": self.last_received, "last_received_at": self.last_received_at,
                "missing_sequences": list(self.missing), "records_waiting": self.waiting}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    counts: dict[str, int]
    photos: int

    def as_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "sequence": self.sequence, "records": self.counts, "photos": self.photos}


class ExchangeService:
    def __init__(self, ctx: ServiceContext, *, before_import: Callable[[], object] | None = None) -> None:
        self.ctx = ctx
        self.store = PhotoStore(ctx.paths.photos)
        self._before_import = before_import or (lambda: None)

    # --- identity ---------------------------------------------------------------------------
    def device(self) -> DeviceInfo:
        row = device_repo.device(self.ctx.db)
        ca = certificates_repo.ca(self.ctx.db)
        if row.office_device_id:
            side = "laptop"
        elif ca is not None and ca.key_pem:
            side = "office"
        else:
            side = "unjoined"
        organisation_id = row.organisation_id or (organisation_id_of(ca.cert_pem) if ca is not None else None)
        name = row.organisation_name or self._organisation_name()
        return DeviceInfo(row.device_id, row.name, organisation_id, name if organisation_id else None, side,
                          row.joined_user)

    def rename(self, actor: User, name: str) -> DeviceInfo:
        if self.device().side == "office":
            require(actor, Permission.EDIT_SETTINGS)
        clean = " ".join(str(name).split())
        if not clean or len(clean) > NAME_LIMIT:
            raise InspectorError("device_name_invalid", limit=NAME_LIMIT)
        with self.ctx.mutation():
            before = device_repo.device(self.ctx.db).name
            device_repo.rename_device(self.ctx.db, clean)
            self.ctx.record(actor, "device.rename", "device", None, before={"name": before}, after={"name": clean})
        return self.device()

    def _organisation_name(self) -> str:
        from inspector.services.settings import SettingsService

        return SettingsService(self.ctx).get().organisation_name

    # --- sending ----------------------------------------------------------------------------
    def export_to_office(self, actor: User, password: str, path: Path, *, everything: bool = False,
                         progress: Callable[[float], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> ExportResult:
        """A laptop's file for the office: what was recorded here and is not yet acknowledged."""
        device = self.device()
        if device.side != "laptop":
            raise InspectorError("exchange_not_joined" if device.side == "unjoined" else "exchange_office_sends_for")
        with self.ctx.mutation():
            reader = RecordReader(self.ctx, device.device_id)
            out = LaptopSelection(reader).collect()
            log = ExchangeLog(self.ctx.db)
            office = self._office_peer()
            if not everything:
                out = only_unacknowledged(out, reader.revisions, log, office)
            sequence = log.next_sequence(office)
            result = self._write(actor, password, path, out, device, receiver=OFFICE, peer=office,
                                 peer_name=self._office_name(), sequence=sequence, progress=progress,
                                 cancelled=cancelled)
        return result

    def export_for(self, actor: User, password: str, username: str, path: Path, *,
                   progress: Callable[[float], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ExportResult:
        """The office's file for ``username``'s laptop (the quality office or an administrator)."""
        require(actor, Permission.EDIT_SETTINGS)
        device = self.device()
        if device.side != "office":
            raise InspectorError("exchange_only_office_sends_for")
        user = users_repo.by_username(self.ctx.db, username.strip())
        if user is None:
            raise NotFound(entity="user", key=username)
        receiver = self._device_of(user) or f"user:{user.username}"
        with self.ctx.mutation():
            reader = RecordReader(self.ctx, device.device_id)
            out = OfficeSelection(reader, user).collect()
            self._acknowledgements(out, user, reader.origin)
            log = ExchangeLog(self.ctx.db)
            peer = f"user:{user.username}"  # one sequence per user, whichever laptop they use
            sequence = log.next_sequence(peer)
            result = self._write(actor, password, path, out, device, receiver=receiver, peer=peer,
                                 peer_name=user.username, sequence=sequence, progress=progress, cancelled=cancelled)
        return result

    def _device_of(self, user: User) -> str | None:
        row = self.ctx.db.execute("SELECT peer FROM exchange_files WHERE direction = 'received' AND acting_user = ?"
                                  " ORDER BY id DESC LIMIT 1", [user.username]).fetchone()
        return None if row is None else str(row[0])

    def _acknowledgements(self, out: Outgoing, user: User, origin: str) -> None:
        log = ExchangeLog(self.ctx.db)
        peers = [str(row[0]) for row in self.ctx.db.execute(
            "SELECT DISTINCT peer FROM exchange_files WHERE direction = 'received' AND acting_user = ?",
            [user.username]).fetchall()]
        for peer in peers:
            received = log.received_sequences(peer)
            body = {"device": peer, "upto": max(received), "missing": list(missing_sequences(received)),
                    "entity": new_id()}
            out.add(Record(kind=K.ACKNOWLEDGEMENT, id=new_id(), origin=origin, body=body))

    def _write(self, actor: User, password: str, path: Path, out: Outgoing, device: DeviceInfo, *, receiver: str,
               peer: str, peer_name: str, sequence: int, progress: Callable[[float], None] | None,
               cancelled: Callable[[], bool] | None) -> ExportResult:
        from inspector.exchange import ExchangeInfo, ExchangeWriter, PhotoKind, Signer

        path = Path(path).expanduser().absolute()
        if not path.parent.is_dir():
            raise InspectorError("file_unwritable", file=str(path), reason="the folder does not exist")
        certificate = certificates_repo.current_for_user(self.ctx.db, actor.id)
        if certificate is None or not certificate.key_pem:
            raise InspectorError("exchange_no_certificate", user=actor.username)
        signer = Signer.from_pem(certificate.cert_pem, certificate.key_pem, password)
        documents = {str(row[0]): str(row[1]) for row in self.ctx.db.execute(
            "SELECT pdf_sha256, pdf_path FROM notices UNION ALL SELECT pdf_sha256, pdf_path FROM notice_signatures")}
        sources = list(blob_sources(out, self.store, self.ctx.paths.root, documents))
        expected = sum(source.stat().st_size for _, source, _ in sources) + 200 * out.total()
        from datetime import datetime, timezone

        info = ExchangeInfo(
            organisation_name=device.organisation_name or self._organisation_name(),
            organisation_id=device.organisation_id or "", sender_device=device.device_id, sender_name=device.name,
            receiver=receiver, sequence=sequence, schema=schema_version(self.ctx.db), acting_user=actor.username,
            audit_head=audit_repo.head(self.ctx.db), created=datetime.now(timezone.utc).replace(microsecond=0))
        with ExchangeWriter(path, info, signer, expected_bytes=expected, progress=progress,
                            cancelled=cancelled) as writer:
            for kind in K:
                if out.records.get(kind):
                    writer.add_records(kind, out.records[kind])
            for sha256, source, copy in sources:
                writer.add_photo(sha256, source, PhotoKind(copy))
        counts = out.counts()
        file_sha = sha256_of(path)
        log = ExchangeLog(self.ctx.db)
        log.add(sent_entry(peer, peer_name, sequence, file_sha, actor, counts, self.ctx.now_text()))
        Revisions(self.ctx.db).mark_sent([record.id for records in out.records.values() for record in records],
                                         peer, sequence)
        self.ctx.record(actor, "exchange.export", "exchange", sequence,
                        after={"receiver": receiver, "sequence": sequence, "records": counts,
                               "photos": len(out.photos), "file_sha256": file_sha})
        return ExportResult(path, sequence, counts, len(out.photos))

    # --- receiving --------------------------------------------------------------------------
    def import_file(self, actor: User, path: Path, *, progress: Callable[[float], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ImportSummary:
        from inspector.exchange import open_exchange

        path = Path(path).expanduser().absolute()
        device = self.device()
        joining = device.side == "unjoined"
        if joining:
            if self.ctx.db.execute("SELECT 1 FROM inspections LIMIT 1").fetchone():
                raise InspectorError("exchange_join_not_empty", file=str(path))
            ca_pem = peek_ca(path) or b""
            if not ca_pem:
                self._refuse_unreadable(path)
                raise InspectorError("exchange_join_without_ca", file=str(path))
        else:
            ca = certificates_repo.ca(self.ctx.db)
            assert ca is not None
            ca_pem = ca.cert_pem
        stop = cancelled or (lambda: False)
        with open_exchange(path, ca_pem, newest_schema=schema_version(self.ctx.db), progress=progress,
                           cancelled=stop) as reader:
            info = reader.info
            organisation = organisation_id_of(ca_pem)
            if info.organisation_id != organisation or (device.organisation_id and
                                                        device.organisation_id != organisation):
                raise InspectorError("exchange_other_organisation", file=str(path),
                                     organisation=info.organisation_name)
            self._check_receiver(info.receiver, device, path)
            if info.sender_device == device.device_id:
                raise InspectorError("exchange_own_file", file=str(path))
            summary = ImportSummary(file=str(path), sender_name=info.sender_name, sender_device=info.sender_device,
                                    sequence=info.sequence, acting_user=reader.signed_by.username)
            file_sha = sha256_of(path)
            log = ExchangeLog(self.ctx.db)
            earlier = log.received(info.sender_device, info.sequence)
            if earlier is not None:
                if earlier.file_sha256 != file_sha:
                    raise InspectorError("exchange_sequence_reused", file=str(path), sequence=info.sequence,
                                         sender=info.sender_name)
                summary.repeated = True
                summary.gaps = missing_sequences(log.received_sequences(info.sender_device))
                return summary
            if device.side == "office" and users_repo.by_username(self.ctx.db, reader.signed_by.username) is None:
                raise InspectorError("exchange_signer_unknown", file=str(path), user=reader.signed_by.username)
            self._before_import()
            merger = Merger(self.ctx, self.store, device.device_id)
            with merger.discarded_on_failure():  # the files first, outside the write lock
                merger.photos(reader, summary, stop)
                merger.documents(reader, summary)
            with merger.discarded_on_failure(), self.ctx.mutation():
                acks = merger.records(reader, summary, sender=info.sender_device,
                                      laptop_file=device.side == "office", cancelled=stop)
                for ack in acks:
                    if ack.get("device") == device.device_id and isinstance(ack.get("upto"), int):
                        missing = [value for value in ack.get("missing", []) if isinstance(value, int)]
                        log.set_ack(info.sender_device, ack["upto"], missing, self.ctx.now_text())
                if joining:
                    device_repo.set_organisation(self.ctx.db, organisation, info.organisation_name,
                                                 office_device_id=info.sender_device,
                                                 joined_user=info.receiver.removeprefix("user:"),
                                                 joined_at=self.ctx.now_text())
                    summary.joined = True
                for notice_id in merger.new_local_ids(K.NOTICE):
                    self.record_arrival(actor, notice_id, info.sender_name)
                merger.log_received(summary, file_sha)
                summary.gaps = missing_sequences(log.received_sequences(info.sender_device))
                self.ctx.record(actor, "exchange.import", "exchange", info.sequence,
                                after={"sender": info.sender_device, "sequence": info.sequence,
                                       "audit_head": info.audit_head,
                                       "records": dict(summary.new), "present": dict(summary.present),
                                       "photos": summary.photos_new, "file_sha256": file_sha})
        return summary

    def record_arrival(self, actor: User | None, notice_id: int, sender: str) -> None:
        """The audit entry ``check`` proves a received notice against, as the issuing office's."""
        row = self.ctx.db.execute("SELECT number, deadline, working_days, pdf_sha256, content_sha256 FROM notices"
                                  " WHERE id = ?", [notice_id]).fetchone()
        self.ctx.record(actor, "notice.receive", Entity.NOTICE, notice_id, after={
            "number": row[0], "deadline": row[1], "working_days": row[2], "pdf_sha256": row[3],
            "content_sha256": row[4], "from": sender})

    def _check_receiver(self, receiver: str, device: DeviceInfo, path: Path) -> None:
        if device.side == "office":
            ok = receiver == "office"
        elif receiver.startswith("user:"):
            ok = device.joined_user is None or receiver == f"user:{device.joined_user}"
        else:
            ok = receiver == device.device_id
        if not ok:
            raise InspectorError("exchange_other_receiver", file=str(path))

    @staticmethod
    def _refuse_unreadable(path: Path) -> None:
        """Let the format say why a file without a readable CA is no exchange file (empty, not a zip…)."""
        from inspector.exchange import open_exchange

        open_exchange(path, b"", newest_schema=1 << 30).close()

    # --- what has travelled -----------------------------------------------------------------
    def status(self) -> list[PeerStatus]:
        log = ExchangeLog(self.ctx.db)
        files = log.files()
        peers: dict[str, str] = {}
        for entry in files:
            peers.setdefault(entry.peer, entry.peer_name)
            if entry.direction == "received":
                peers[entry.peer] = entry.peer_name
        device = self.device()
        office = self._office_peer() if device.side == "laptop" else None
        if office is not None:
            peers.setdefault(office, self._office_name())
        result = []
        for peer, name in peers.items():
            sent = [entry for entry in files if entry.peer == peer and entry.direction == "sent"]
            received = [entry for entry in files if entry.peer == peer and entry.direction == "received"]
            waiting = self._waiting(peer) if peer == office else 0
            result.append(PeerStatus(
                peer, name, max((entry.sequence for entry in sent), default=0), sent[-1].at if sent else None,
                max((entry.sequence for entry in received), default=0), received[-1].at if received else None,
                missing_sequences([entry.sequence for entry in received]), waiting))
        return result

    def _office_peer(self) -> str:
        return device_repo.device(self.ctx.db).office_device_id or OFFICE

    def _office_name(self) -> str:
        row = self.ctx.db.execute("SELECT peer_name FROM exchange_files WHERE direction = 'received' AND peer = ?"
                                  " ORDER BY id DESC LIMIT 1", [self._office_peer()]).fetchone()
        return str(row[0]) if row else OFFICE

    def _waiting(self, office: str) -> int:
        """Records this laptop would send the office now (without making revisions).

        Counting binds global ids in a savepoint that is rolled back, so it needs the write lock
        for a moment: while another program writes (the CLI beside the app, a sync or an import
        on a worker thread) it waits a fifth of a second, not five, and then says the folder is
        busy (``database_busy``) rather than freezing the window that asked."""
        conn = self.ctx.db.conn
        patience = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA busy_timeout = 200")
        try:
            conn.execute("SAVEPOINT exchange_waiting")
            try:
                reader = RecordReader(self.ctx, self.device().device_id)
                out = only_unacknowledged(LaptopSelection(reader).collect(), reader.revisions,
                                          ExchangeLog(self.ctx.db), office)
                return out.total()
            finally:
                conn.execute("ROLLBACK TO SAVEPOINT exchange_waiting")
                conn.execute("RELEASE SAVEPOINT exchange_waiting")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            raise InspectorError("database_busy", path=str(self.ctx.paths.root)) from None
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(patience)}")


