"""What checking a signed PDF found: one frozen ``SignatureCheck`` with a ``SignatureInfo`` per
signature, codes only, no sentences.

``inspector.signing.pades.verify_pdf`` makes it; ``inspector.words.signatures`` turns it into plain
sentences. ``problem`` is the most serious thing wrong, as a stable code.

Three outcomes, the same for the CLI's exit code and the GUI's colour:
- ``ok()`` — every signature intact, nothing but signatures and form filling after any of them,
  nothing appended after the last, and every signer chains to a trusted office CA;
- ``sound()`` but not ``ok()`` — the bytes are as signed, but some signer is unknown or untrusted
  (a self-signed certificate can carry any name: the name proves nothing);
- neither — changed, invalid, unsigned or unreadable.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class SignatureProblem(StrEnum):
    """The most serious thing wrong with a signed PDF, most serious first."""

    UNREADABLE_PDF = "unreadable_pdf"  # not a PDF, or too damaged to read
    NOT_SIGNED = "not_signed"  # no signature at all
    DIGEST_MISMATCH = "digest_mismatch"  # the signed bytes changed since signing
    SIGNATURE_INVALID = "signature_invalid"  # bytes unchanged, but the signature does not match the certificate
    MODIFIED_AFTER_SIGNING = "modified_after_signing"  # something was appended after the last signature
    CONTENT_CHANGED_LATER = "content_changed_later"  # a revision after a signature changed more than forms/signatures
    UNTRUSTED_SIGNER = "untrusted_signer"  # the certificate was not issued by a trusted CA (or expired)


PROBLEM_ORDER = tuple(SignatureProblem)
# What leaves the bytes as signed: a check with only these is sound, its signer merely unconfirmed.
SOUND_PROBLEMS = frozenset({None, SignatureProblem.UNTRUSTED_SIGNER.value})


class Coverage(StrEnum):
    """What one signature vouches for, in view of what came after it."""

    WHOLE_FILE = "whole_file"  # nothing came after it
    LATER_SIGNATURES = "later_signatures"  # later revisions only add signatures or fill in form fields
    LATER_CHANGES = "later_changes"  # a later revision changed the document itself (page content…)
    APPENDED = "appended"  # the last signature, with an unsigned revision appended after it
    UNKNOWN = "unknown"  # the signature could not be read far enough to say


class SignatureInfo(BaseModel):
    """One signature: who (as the certificate says), when, whether intact and trusted, and what it covers."""

    model_config = ConfigDict(frozen=True)

    index: int  # 1, 2… in signing order
    field_name: str = ""
    revision: int = 0  # the file revision it signs (1 = the original file)
    signer_name: str = ""
    signer_username: str = ""
    signer_organisation: str = ""
    issuer_name: str = ""
    signed_at: datetime | None = None
    reason: str = ""
    location: str = ""
    intact: bool = False  # the digest matches and the signature is cryptographically valid
    trusted: bool | None = None  # None when no trust roots were given
    coverage: Coverage = Coverage.UNKNOWN
    modification: str | None = None  # pyHanko's ModificationLevel name for the revisions after it
    problem: str | None = None


def worst(problems: list[str | None]) -> str | None:
    """The most serious of ``problems`` (None when there is none)."""
    found = [SignatureProblem(problem) for problem in problems if problem is not None]
    return min(found, key=PROBLEM_ORDER.index).value if found else None


def overall_trust(trusts: list[bool | None]) -> bool | None:
    """True when every signer is trusted; False when any is not; None when none could be judged."""
    if any(trust is False for trust in trusts):
        return False
    if trusts and all(trust is True for trust in trusts):
        return True
    return None


class SignatureCheck(BaseModel):
    """The verdict on a PDF's signatures. The signer fields repeat the last signature's (it is the
    one that covers the whole file); ``signatures`` has every one of them."""

    model_config = ConfigDict(frozen=True)

    signed: bool
    intact: bool  # every signature's digest matches and each is cryptographically valid
    whole_document: bool  # the last signature covers the whole file: nothing was appended after it
    signer_name: str = ""
    signer_username: str = ""
    signer_organisation: str = ""
    issuer_name: str = ""
    signed_at: datetime | None = None
    trusted: bool | None = None  # every signer trusted (True), some not (False), no roots given (None)
    reason: str = ""
    location: str = ""
    signature_count: int = 0
    revisions: int = 0  # how many revisions the file has (1 + one per incremental update)
    signatures: tuple[SignatureInfo, ...] = ()
    problem: str | None = None

    def sound(self) -> bool:
        """Signed, and every byte is as its signers signed it (the signers may still be unknown)."""
        return self.signed and self.intact and self.whole_document and self.problem in SOUND_PROBLEMS

    def ok(self) -> bool:
        """Sound, and every signer chains to a trusted office CA: the only answer to rely on."""
        return self.sound() and self.trusted is True

    @classmethod
    def unreadable(cls) -> SignatureCheck:
        return cls(signed=False, intact=False, whole_document=False, problem=SignatureProblem.UNREADABLE_PDF.value)

    @classmethod
    def unsigned(cls) -> SignatureCheck:
        return cls(signed=False, intact=False, whole_document=False, problem=SignatureProblem.NOT_SIGNED.value)


SEAL_SUFFIX = "检查专用章"  # the office's inspection seal, as on its rubber stamp


def seal_common_name(organisation: str) -> str:
    """The office seal certificate's CN: the organisation's inspection seal, never a person."""
    return f"{organisation.strip() or '-'} {SEAL_SUFFIX}"


class SigningIdentity(BaseModel):
    """Whose certificate a signature will carry, said to the user before they type a password.

    A covert notice is always signed with the office seal (``seal`` True, ``common_name`` the
    seal's CN), never with the personal certificate of whoever signs it — they may be the one
    who made the visit. Every other notice carries the signer's own certificate."""

    model_config = ConfigDict(frozen=True)

    seal: bool
    common_name: str
    holders: tuple[str, ...] = ()  # the seal: display names of the quality-office members who hold its key


class IssuedCertificate(BaseModel):
    """A certificate the office issued (its CA's own, or a user's), without key material."""

    model_config = ConfigDict(frozen=True)

    id: int
    kind: str  # "ca", "user" or "seal"
    user_id: int | None
    subject: str
    serial: str
    not_before: datetime
    not_after: datetime
    issued_at: datetime
    issued_by: int | None
    revoked: bool = False
