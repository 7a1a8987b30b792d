"""Signing a PDF (PAdES B-B, invisible signature, chain embedded) and checking one, with pyHanko.

Offline by design: no timestamp authority, no revocation fetching. Trust comes only from the PEM
roots a caller passes (``ValidationContext(trust_roots=…, allow_fetching=False)``); with none,
``trusted`` stays None instead of falling back to the operating system's TLS list.

A document may carry several signatures (issuer, then a second signer…). ``verify_pdf`` judges
every one of them: its digest and certificate, whether its signer is trusted, and what it still
covers. The last signature covering the whole file says nothing about the revisions *between*
signatures: someone may append a revision that draws over a page and then add a genuine second
signature on top. So for every earlier signature pyHanko's difference analysis compares the
signed revision with everything after it, and only signatures and form filling
(``ModificationLevel.FORM_FILLING`` or less) are allowed; anything else — a changed page, a new
annotation, an object replaced without justification (``SuspiciousModification``) — fails the
document. Anything appended after the last signature fails it too.

Checking arbitrary bytes never raises and never prints: pyHanko's own log records about a
signature it cannot trust or a revision it cannot explain are the verdicts ``verify_pdf``
reports as codes, so they are kept away from stderr (and its tracebacks with them).
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Sequence
from datetime import datetime

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.utils import CryptographyDeprecationWarning

# The one place pyHanko is imported (services load this module on first use), so the one place its
# noise is silenced, and only that: pyHanko 0.38 imports ``DSAPrivateKey`` and cryptography >= 51
# then warns "DSA is deprecated" on the user's terminal. We never make or accept DSA keys (EC
# P-256, pki.py); the filter matches that category, that message and pyHanko's own modules, so the
# same warning from other code, and every warning of ours, is left as it was.
warnings.filterwarnings(
    "ignore",
    message=r"DSA is deprecated",
    category=CryptographyDeprecationWarning,
    module=r"pyhanko(\.|$)",
)

from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from inspector.domain.errors import InspectorError
from inspector.domain.signatures import (
    Coverage,
    SignatureCheck,
    SignatureInfo,
    SignatureProblem,
    overall_trust,
    worst,
)
from inspector.signing.pki import load_private_key

DIGEST = "sha256"
# After a signature, only these kinds of change keep it meaningful: more signatures, form filling.
ALLOWED_LATER = ModificationLevel.FORM_FILLING

# The loggers pyHanko writes its validation findings to ("no path to a trust root", "self-signed
# certificate", "unexplained xrefs in revision 2", each with a traceback). Every one of them is a
# verdict ``verify_pdf`` returns as a code and the CLI/GUI say in plain words; Python's last-resort
# handler would otherwise print them on stderr. A NullHandler that stops propagation keeps them
# out without touching logging elsewhere in the process.
_VERDICT_LOGGERS = ("pyhanko.sign.validation", "pyhanko.sign.diff_analysis", "pyhanko_certvalidator")
for _name in _VERDICT_LOGGERS:
    _logger = logging.getLogger(_name)
    _logger.addHandler(logging.NullHandler())
    _logger.propagate = False


def _asn1_certificates(pem: bytes) -> list[asn1_x509.Certificate]:
    try:
        certificates = list(load_certs_from_pemder_data(pem))
    except (ValueError, TypeError):
        raise InspectorError("certificate_unreadable") from None
    if not certificates:
        raise InspectorError("certificate_unreadable")
    return certificates


def sign_pdf(
    pdf: bytes, *, cert_pem: bytes, key_pem: bytes, password: str, ca_cert_pem: bytes, reason: str = "",
    location: str = "", field_name: str = "Signature1",
) -> bytes:
    """``pdf`` with an invisible PAdES B-B signature appended as an incremental update.

    ``key_pem`` is opened with ``password`` (``certificate_password_wrong`` otherwise); the
    signer's certificate and the CA's are embedded so that any verifier can build the chain.
    """
    key = load_private_key(key_pem, password)
    key_info = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption())
    )
    signer = signers.SimpleSigner(
        signing_cert=_asn1_certificates(cert_pem)[0],
        signing_key=key_info,
        cert_registry=SimpleCertificateStore.from_certs(_asn1_certificates(ca_cert_pem)),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm=DIGEST,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError) as error:
        raise InspectorError("pdf_unreadable", reason=str(error)) from None
    return signers.sign_pdf(writer, metadata, signer=signer).getvalue()


def _signatures(pdf: bytes) -> tuple[list[EmbeddedPdfSignature], int] | None:
    """The document's signatures in signing order and how many more are too malformed to read
    (a damaged CMS blob); None when ``pdf`` cannot be read as a PDF at all."""
    if b"%PDF-" not in pdf[:1024]:  # the header may follow up to 1 KB of junk (ISO 32000 tolerance)
        return None
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        filled = list(fields.enumerate_sig_fields(reader, filled_status=True))
    except Exception:  # noqa: BLE001 — any parser failure on arbitrary bytes means "not a readable PDF"
        return None
    found: list[EmbeddedPdfSignature] = []
    broken = 0
    for name, value, field in filled:
        if str(value.get_object().get("/Type", "/Sig")) != "/Sig":
            continue  # a document timestamp, not a signature
        try:
            found.append(EmbeddedPdfSignature(reader, field, name))
        except Exception:  # noqa: BLE001 — pyHanko refuses a damaged signature in many ways; all mean "broken"
            broken += 1
    return sorted(found, key=lambda signature: signature.signed_revision), broken


def free_field_name(pdf: bytes, stem: str = "Signature") -> str:
    """The first of ``Signature1``, ``Signature2``… not yet used by a field of ``pdf`` (a notice
    is signed by its issuer, later perhaps by the unit on receipt: each needs its own field)."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        names = {name for name, _, _ in fields.enumerate_sig_fields(reader, filled_status=None)}
    except Exception:  # noqa: BLE001 — an unreadable file is refused by sign_pdf with its own error
        names = set()
    number = 1
    while f"{stem}{number}" in names:
        number += 1
    return f"{stem}{number}"


def _validate(signature: EmbeddedPdfSignature, roots: list[asn1_x509.Certificate]) -> PdfSignatureStatus | None:
    """pyHanko's status of one signature with the difference analysis of what came after it;
    None when the signature cannot be validated at all."""
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    try:
        return validate_pdf_signature(signature, context)
    except Exception:  # noqa: BLE001 — a malformed signature dictionary or CMS blob fails in many ways: all mean "not valid"
        return None


def _text(signature: EmbeddedPdfSignature, key: str) -> str:
    try:
        value = signature.sig_object.get(key)
    except Exception:  # noqa: BLE001 — a damaged dictionary has no readable reason
        return ""
    return str(value) if value is not None else ""


def _name_part(name: asn1_x509.Name, key: str) -> str:
    value = name.native.get(key, "")
    return str(value[0] if isinstance(value, list) else value)


def _signed_at(signature: EmbeddedPdfSignature, status: PdfSignatureStatus | None) -> datetime | None:
    if status is not None and status.signer_reported_dt is not None:
        return status.signer_reported_dt
    try:
        return signature.self_reported_timestamp
    except Exception:  # noqa: BLE001 — an unreadable /M is simply an unknown time
        return None


def _coverage(status: PdfSignatureStatus, *, last: bool) -> tuple[Coverage, str | None]:
    """What the signature still vouches for, and pyHanko's name for the later modifications."""
    if status.coverage is SignatureCoverageLevel.ENTIRE_FILE:
        return Coverage.WHOLE_FILE, ModificationLevel.NONE.name.lower()
    if last:
        return Coverage.APPENDED, None
    level = status.modification_level
    name = level.name.lower() if level is not None else None
    if (status.coverage is SignatureCoverageLevel.ENTIRE_REVISION and isinstance(status.diff_result, DiffResult)
            and level is not None and level <= ALLOWED_LATER):
        return Coverage.LATER_SIGNATURES, name
    return Coverage.LATER_CHANGES, name  # a changed page, a suspicious object, or a range ending mid-revision


def _trusted(status: PdfSignatureStatus | None, roots: list[asn1_x509.Certificate]) -> bool | None:
    if not roots:
        return None
    return bool(status is not None and status.intact and status.valid and status.validation_path is not None
                and status.trust_problem_indic is None)


def _problem(status: PdfSignatureStatus | None, coverage: Coverage, trusted: bool | None) -> SignatureProblem | None:
    """The most serious thing wrong with one signature, in the order a reader should care."""
    if status is None:  # unreadable signature data
        return SignatureProblem.SIGNATURE_INVALID
    if not status.intact:
        return SignatureProblem.DIGEST_MISMATCH
    if not status.valid:
        return SignatureProblem.SIGNATURE_INVALID
    if coverage is Coverage.APPENDED:
        return SignatureProblem.MODIFIED_AFTER_SIGNING
    if coverage in (Coverage.LATER_CHANGES, Coverage.UNKNOWN):
        return SignatureProblem.CONTENT_CHANGED_LATER
    if trusted is False:
        return SignatureProblem.UNTRUSTED_SIGNER
    return None


def _info(index: int, signature: EmbeddedPdfSignature, roots: list[asn1_x509.Certificate], *,
          last: bool) -> SignatureInfo:
    status = _validate(signature, roots)
    coverage, modification = _coverage(status, last=last) if status is not None else (Coverage.UNKNOWN, None)
    trusted = _trusted(status, roots)
    problem = _problem(status, coverage, trusted)
    certificate = status.signing_cert if status is not None else None
    return SignatureInfo(
        index=index, field_name=signature.field_name or "", revision=signature.signed_revision + 1,
        signer_name=_name_part(certificate.subject, "common_name") if certificate else "",
        signer_username=_name_part(certificate.subject, "user_id") if certificate else "",
        signer_organisation=_name_part(certificate.subject, "organization_name") if certificate else "",
        issuer_name=_name_part(certificate.issuer, "common_name") if certificate else "",
        signed_at=_signed_at(signature, status), reason=_text(signature, "/Reason"),
        location=_text(signature, "/Location"), intact=bool(status is not None and status.intact and status.valid),
        trusted=trusted, coverage=coverage, modification=modification, problem=problem.value if problem else None,
    )


def _revisions(pdf: bytes) -> int:
    try:
        return int(PdfFileReader(io.BytesIO(pdf), strict=False).xrefs.total_revisions)
    except Exception:  # noqa: BLE001 — already read once by _signatures; a count is only informative
        return 0


def verify_pdf(pdf: bytes, trust_roots: Sequence[bytes] = ()) -> SignatureCheck:
    """Judge every signature of ``pdf`` and sum them up (see the module docstring). Never raises
    for any bytes given as ``pdf``.

    ``trust_roots`` are PEM certificates (a file may hold several); with none, ``trusted`` is None.
    """
    collected = _signatures(pdf)
    if collected is None:
        return SignatureCheck.unreadable()
    signatures, broken = collected
    roots = [certificate for pem in trust_roots for certificate in _asn1_certificates(pem)]
    if not signatures and not broken:
        return SignatureCheck.unsigned()
    infos = [_info(index, signature, roots, last=index == len(signatures) and not broken)
             for index, signature in enumerate(signatures, start=1)]
    infos += [SignatureInfo(index=len(signatures) + number, problem=SignatureProblem.SIGNATURE_INVALID.value)
              for number in range(1, broken + 1)]
    last = infos[len(signatures) - 1] if signatures else infos[-1]
    return SignatureCheck(
        signed=True,
        intact=all(info.intact for info in infos),
        whole_document=not broken and last.coverage is Coverage.WHOLE_FILE,
        signer_name=last.signer_name, signer_username=last.signer_username,
        signer_organisation=last.signer_organisation, issuer_name=last.issuer_name, signed_at=last.signed_at,
        trusted=overall_trust([info.trusted for info in infos]) if roots else None,
        reason=last.reason, location=last.location, signature_count=len(infos), revisions=_revisions(pdf),
        signatures=tuple(infos), problem=worst([info.problem for info in infos]),
    )
