"""Anchors of the audit chain outside the database (issue #12.8).

Whoever can write the database file can rewrite the whole chain (no key is needed to recompute
SHA-256), so a rewritten chain is caught only by comparing it with a head kept elsewhere:

- **a signed checkpoint** the quality office keeps (``inspector-cli audit checkpoint -o FILE``): the
  device, the head (``sha256:<hex>@<entry id>``), the SHA-256 of the CA certificate the database
  holds, when and by whom, signed (CMS, the same as exchange files) with the office user's key;
- **every exchange file's** ``Inspector-Audit-Head`` (``bag-info.txt``), which the receiving side
  also records in its own chain on import.

``compare`` recomputes the chain from the entries' contents (``domain.audit.walk_chain``) and
checks that the hash at the anchored entry is the anchored one: a rewritten entry at or below it,
or a log cut below it, fails. See docs/threat-model.md.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from inspector.domain.audit import (
    AuditRecord,
    canonical_json,
    head_text,
    parse_head,
    walk_chain,
)
from inspector.domain.errors import InspectorError
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.storage import audit_repo, certificates_repo
from inspector.storage.files import write_atomic
from inspector.storage.travel import ids as device_repo

CHECKPOINT_FORMAT = "inspector-audit-checkpoint/1"
CHECKPOINT_LIMIT = 1 << 20  # a checkpoint is a few hundred bytes; anything larger is not one


@dataclass(frozen=True)
class Checkpoint:
    device: str
    head: str  # sha256:<hex>@<entry id>
    created: str
    signed_by: str
    ca_sha256: str  # of the CA certificate in the database when it was made ('' without a CA)
    format: str = CHECKPOINT_FORMAT


@dataclass
class AnchorReport:
    lines: list[str]  # what each anchor proved
    problems: list[str]


def _ca_sha256(pem: str | bytes | None) -> str:
    if not pem:
        return ""
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    return hashlib.sha256(data).hexdigest()


class AuditAnchors:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def write_checkpoint(self, actor: User, password: str, path: Path) -> Checkpoint:
        """Sign the chain's head with ``actor``'s key and write it to ``path``; the entry that
        records it comes after the head it names."""
        from inspector.exchange.signature import Signer, sign_detached

        require(actor, Permission.ISSUE_NOTICES)
        certificate = certificates_repo.current_for_user(self.ctx.db, actor.id)
        if certificate is None or not certificate.key_pem:
            raise InspectorError("exchange_no_certificate", user=actor.username)
        signer = Signer.from_pem(certificate.cert_pem, certificate.key_pem, password)
        ca = certificates_repo.ca(self.ctx.db)
        checkpoint = Checkpoint(
            device=device_repo.device(self.ctx.db).device_id, head=audit_repo.head(self.ctx.db),
            created=datetime.now(UTC).replace(microsecond=0).isoformat(), signed_by=actor.username,
            ca_sha256=_ca_sha256(ca.cert_pem if ca else None))
        payload = canonical_json(asdict(checkpoint)).encode("utf-8")
        signature = sign_detached(payload, signer)
        document = {"checkpoint": asdict(checkpoint), "signature": base64.b64encode(signature).decode("ascii")}
        path = Path(path).expanduser().absolute()
        if path.exists() and not path.is_file():
            raise InspectorError("file_unwritable", file=str(path), reason="it is not a regular file")
        digest = write_atomic(path, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        with self.ctx.mutation():
            self.ctx.record(actor, "audit.checkpoint", "audit", None,
                            after={"head": checkpoint.head, "file_sha256": digest})
        return checkpoint

    def compare(self, paths: Sequence[Path], records: Sequence[AuditRecord], *,
                trust_pem: bytes | None = None) -> AnchorReport:
        """Each checkpoint or exchange file in ``paths`` against the chain recomputed from ``records``."""
        report = AnchorReport([], [])
        anchors: list[tuple[str, int, str]] = []  # (what, entry id, hex)
        for path in paths:
            try:
                anchor = self._read(Path(path), trust_pem)
            except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, InspectorError) as error:
                # InspectorError covers the exchange reader's refusals (ExchangeRejected)
                reason = error.code if isinstance(error, InspectorError) else str(error).splitlines()[0][:120]
                report.problems.append(f"{path}: not a checkpoint this database can be compared with ({reason})")
                continue
            if isinstance(anchor, str):
                report.problems.append(f"{path}: {anchor}")
                continue
            anchors.append(anchor)
        if not anchors:
            return report
        seen: dict[int, str] = {}
        walk = walk_chain(records, at_ids={entry for _, entry, _ in anchors}, seen=seen)
        for what, entry, digest in anchors:
            if entry not in seen:
                report.problems.append(
                    f"{what}: audit entry {entry} is gone (the log ends at {walk.last_id}): entries were removed")
            elif seen[entry] != digest:
                report.problems.append(
                    f"{what}: the audit chain up to entry {entry} is not the one it recorded: it was rewritten")
            else:
                report.lines.append(f"{what}: the chain up to entry {entry} is the one it recorded")
        return report

    def _read(self, path: Path, trust_pem: bytes | None) -> tuple[str, int, str] | str:
        """(description, entry id, hex) of the anchor in ``path``, or why it cannot be used."""
        device = device_repo.device(self.ctx.db).device_id
        if zipfile.is_zipfile(path):
            return self._exchange_head(path, device, trust_pem)
        if path.stat().st_size > CHECKPOINT_LIMIT:
            return "too large to be a checkpoint"
        document = json.loads(path.read_text(encoding="utf-8"))
        checkpoint = Checkpoint(**document["checkpoint"])
        if checkpoint.format != CHECKPOINT_FORMAT:
            return f"a checkpoint of another format ({checkpoint.format})"
        ca = certificates_repo.ca(self.ctx.db)
        if trust_pem is None and ca is None:
            return "no CA certificate to check its signature with (give --trust CA.pem)"
        from inspector.exchange.signature import verify_detached

        signed = verify_detached(base64.b64decode(document["signature"]),
                                 canonical_json(asdict(checkpoint)).encode("utf-8"),
                                 trust_pem or ca.cert_pem,
                                 file=str(path))
        what = f"checkpoint of {checkpoint.created} by {checkpoint.signed_by}"
        if signed.username != checkpoint.signed_by:
            return f"{what}: signed by {signed.username}, not by whom it names"
        if checkpoint.device != device:
            return f"{what}: made for device {checkpoint.device}, this database is device {device}"
        if checkpoint.ca_sha256 and ca is not None and _ca_sha256(ca.cert_pem) != checkpoint.ca_sha256:
            return f"{what}: the CA certificate in the database is not the one it was made under (swapped?)"
        head = parse_head(checkpoint.head)
        if head is None:
            return f"{what}: its head cannot be read"
        return what, head[0], head[1]

    def _exchange_head(self, path: Path, device: str, trust_pem: bytes | None) -> tuple[str, int, str] | str:
        """The head in an exchange file, once the file verified whole against the office CA."""
        from inspector.exchange import open_exchange
        from inspector.storage.database import schema_version

        ca = certificates_repo.ca(self.ctx.db)
        if trust_pem is None and ca is None:
            return "no CA certificate to check its signature with (give --trust CA.pem)"
        with open_exchange(path, trust_pem or ca.cert_pem, newest_schema=schema_version(self.ctx.db)) as reader:
            info = reader.info
        what = f"exchange file {path.name} (sequence {info.sequence})"
        if info.sender_device != device:
            return f"{what}: sent by device {info.sender_device}, this database is device {device}"
        head = parse_head(info.audit_head)
        if head is None:
            return f"{what}: written before exchange files named their audit entry"
        return what, head[0], head[1]


def head_line(ctx: ServiceContext) -> str:
    """The chain's head as ``audit head`` prints it."""
    return head_text(audit_repo.last_id(ctx.db), audit_repo.last_hash(ctx.db))
