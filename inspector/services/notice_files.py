"""The files of a notice: the issued PDF (checked against its stored hash before any use), its
PAdES-signed copies, copies exported where the user asks, and the record PDF (整改档案: the notice,
receipt, reply, follow-ups with before/after photos), drawn on demand.

A covert notice is signed with the office seal certificate, never a personal one (see
``CertificateService``), and its signed copies are listed under the seal's name: who applied
the seal is kept in the audit trail, not shown beside the notice.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError
from inspector.domain.signatures import SigningIdentity
from inspector.domain.users import Permission, User, require
from inspector.services.notices import NoticeService
from inspector.storage import notices_repo
from inspector.storage.files import write_atomic


def render_notice_record(document):  # type: ignore[no-untyped-def]
    from inspector.pdf.record_pdf import render_notice_record as render

    return render(document)


class Signer(Protocol):
    def sign(self, actor: User, password: str, pdf: bytes, *, reason: str, location: str = "",
             seal: bool = False) -> bytes: ...

    def identity(self, actor: User, *, seal: bool) -> SigningIdentity: ...


class NoticeFiles:
    def __init__(self, notices: NoticeService, signer: Signer) -> None:
        self.notices = notices
        self.signer = signer
        self.ctx = notices.ctx

    def issued_pdf(self, actor: User, notice_id: int) -> bytes:
        """The issued PDF's bytes, refused when the file no longer matches the hash stored at issue."""
        notice = self.notices.get(actor, notice_id)
        path = self.notices.pdf_file(actor, notice_id)
        try:
            data = path.read_bytes()
        except OSError:
            raise InspectorError("notice_pdf_missing", notice=notice.number, path=str(path)) from None
        if hashlib.sha256(data).hexdigest() != notice.pdf_sha256:
            raise InspectorError("notice_pdf_changed", notice=notice.number, path=str(path))
        return data

    def issued_path(self, actor: User, notice_id: int) -> Path:
        """The stored PDF's path after checking it (for the preview; never write to it)."""
        self.issued_pdf(actor, notice_id)
        return self.notices.pdf_file(actor, notice_id)

    def signing_identity(self, actor: User, notice_id: int) -> SigningIdentity:
        """Whose certificate signing this notice would use: the office seal for a covert notice."""
        notice = self.notices.get(actor, notice_id)
        return self.signer.identity(actor, seal=notice.covert)

    def sign(self, actor: User, notice_id: int, password: str) -> tuple[Path, ChangeSet]:
        """Add a PAdES signature to the issued PDF — the actor's own, or for a covert notice the
        office seal; the signed copy is kept beside it."""
        require(actor, Permission.SIGN_NOTICES)
        notice = self.notices.get(actor, notice_id)
        location = self.notices.settings.get().organisation_name
        signed = self.signer.sign(actor, password, self.issued_pdf(actor, notice_id),
                                  reason=f"整改通知单 {notice.number}", location=location, seal=notice.covert)
        count = len(notices_repo.signed_copies(self.ctx.db, notice_id)) + 1
        relative = f"notices/{notice.number}.signed-{count}.pdf"
        with self.ctx.mutation():
            digest = write_atomic(self.ctx.paths.root / relative, signed)
            copy_id = notices_repo.insert_signed_copy(self.ctx.db, notice_id=notice_id, signer_id=actor.id,
                                                      signed_at=self.ctx.now_text(), pdf_path=relative,
                                                      pdf_sha256=digest)
            self.ctx.record(actor, "notice.sign", Entity.NOTICE, notice_id,
                            after={"number": notice.number, "copy": copy_id, "pdf_sha256": digest})
        return self.ctx.paths.root / relative, ChangeSet.of(Entity.NOTICE, notice_id)

    def latest_signed(self, actor: User, notice_id: int) -> Path | None:
        """The newest signed copy, if it is still the file that was written."""
        self.notices.get(actor, notice_id)
        for copy in reversed(notices_repo.signed_copies(self.ctx.db, notice_id)):
            path = self.ctx.paths.root / copy["pdf_path"]
            if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == copy["pdf_sha256"]:
                return path
        return None

    def signed_copies(self, actor: User, notice_id: int) -> list[dict]:
        """The signed copies, oldest first; a covert notice's under the seal's name (``signer_id`` dropped)."""
        notice = self.notices.get(actor, notice_id)
        copies = notices_repo.signed_copies(self.ctx.db, notice_id)
        if not notice.covert:
            return copies
        seal = self.signer.identity(actor, seal=True).common_name
        return [{**copy, "signer_id": None, "signer_name": seal} for copy in copies]

    def export(self, actor: User, notice_id: int, destination: Path, *, sign_password: str | None = None) -> Path:
        """Write the notice to ``destination`` (atomically); signed by the actor when a password is given."""
        if sign_password is not None:
            path, _ = self.sign(actor, notice_id, sign_password)
            data = path.read_bytes()
        else:
            data = self.issued_pdf(actor, notice_id)
        write_atomic(Path(destination), data)
        return Path(destination)

    def record_pdf(self, actor: User, notice_id: int) -> bytes:
        notice = self.notices.get(actor, notice_id)
        return render_notice_record(self.notices.documents.record(notice))

    def export_record(self, actor: User, notice_id: int, destination: Path) -> Path:
        write_atomic(Path(destination), self.record_pdf(actor, notice_id))
        return Path(destination)

    def record_preview_file(self, actor: User, notice_id: int) -> Path:
        """The record PDF written under the data folder's exports for the in-app preview."""
        notice = self.notices.get(actor, notice_id)
        path = self.ctx.paths.exports / f"{notice.number}-record.pdf"
        write_atomic(path, self.record_pdf(actor, notice_id))
        return path

    def preview_draft_file(self, data: bytes, name: str = "preview") -> Path:
        """A draft's PDF written under exports for the in-app preview (the UI never writes files)."""
        path = self.ctx.paths.exports / f"{name}.pdf"
        write_atomic(path, data)
        return path
