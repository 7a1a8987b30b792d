"""What checking a signed PDF found: one frozen ``SignatureCheck``, codes only, no sentences.

``inspector.signing.pades.verify_pdf`` makes it; ``inspector.words.signatures.describe_check`` turns
it into plain sentences. ``problem`` is the most serious thing wrong, as a stable code.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class SignatureProblem(StrEnum):
    """The most serious thing wrong with a signed PDF, in the order they are checked."""

    UNREADABLE_PDF = "unreadable_pdf"  # not a PDF, or too damaged to read
    NOT_SIGNED = "not_signed"  # no signature at all
    DIGEST_MISMATCH = "digest_mismatch"  # the signed bytes changed since signing
    SIGNATURE_INVALID = "signature_invalid"  # bytes unchanged, but the signature does not match the certificate
    MODIFIED_AFTER_SIGNING = "modified_after_signing"  # something was appended after the signature
    UNTRUSTED_SIGNER = "untrusted_signer"  # the certificate was not issued by a trusted CA (or expired)


class SignatureCheck(BaseModel):
    """The verdict on a PDF's (last) signature."""

    model_config = ConfigDict(frozen=True)

    signed: bool
    intact: bool  # the digest matches and the signature is cryptographically valid
    whole_document: bool  # the signature covers the whole file: nothing was appended after it
    signer_name: str = ""
    signer_username: str = ""
    signer_organisation: str = ""
    issuer_name: str = ""
    signed_at: datetime | None = None
    trusted: bool | None = None  # None when no trust roots were given
    reason: str = ""
    location: str = ""
    signature_count: int = 0
    problem: str | None = None

    def ok(self, require_trust: bool) -> bool:
        """Signed, intact, covering the whole file, and (when required) by a trusted signer."""
        sound = self.signed and self.intact and self.whole_document
        return sound and (self.trusted is True or not require_trust)

    @classmethod
    def unreadable(cls) -> SignatureCheck:
        return cls(signed=False, intact=False, whole_document=False, problem=SignatureProblem.UNREADABLE_PDF.value)

    @classmethod
    def unsigned(cls) -> SignatureCheck:
        return cls(signed=False, intact=False, whole_document=False, problem=SignatureProblem.NOT_SIGNED.value)


class IssuedCertificate(BaseModel):
    """A certificate the office issued (its CA's own, or a user's), without key material."""

    model_config = ConfigDict(frozen=True)

    id: int
    kind: str  # "ca" or "user"
    user_id: int | None
    subject: str
    serial: str
    not_before: datetime
    not_after: datetime
    issued_at: datetime
    issued_by: int | None
    revoked: bool = False
