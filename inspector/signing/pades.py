"""Signing a PDF (PAdES B-B, invisible signature, chain embedded) and checking one, with pyHanko.

Offline by design: no timestamp authority, no revocation fetching. Trust comes only from the PEM
roots a caller passes (``ValidationContext(trust_roots=…, allow_fetching=False)``); with none,
``trusted`` stays None instead of falling back to the operating system's TLS list.

A document may carry several signatures (issuer, then the unit's receipt…). ``verify_pdf``
reports the last one — it covers every earlier revision — but also checks that every earlier
signature is intact, and says "not the whole document" when anything was appended after the last.
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
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError
from pyhanko_certvalidator.registry import SimpleCertificateStore

from inspector.domain.errors import InspectorError
from inspector.domain.signatures import SignatureCheck, SignatureProblem
from inspector.signing.pki import load_private_key

DIGEST = "sha256"


class _UntrustedIsAnAnswer(logging.Filter):
    """pyHanko logs a warning with a traceback whenever no chain leads to a trust root; here that is
    an expected verdict (``trusted`` False or None), so the traceback must not reach stderr."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], PathBuildingError))


logging.getLogger("pyhanko.sign.validation.generic_cms").addFilter(_UntrustedIsAnAnswer())


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
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    try:
        return validate_pdf_signature(signature, context, skip_diff=True)
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError):
        return None  # a malformed signature dictionary or CMS blob: not a valid signature


def _text(signature: EmbeddedPdfSignature, key: str) -> str:
    value = signature.sig_object.get(key)
    return str(value) if value is not None else ""


def _name_part(name: asn1_x509.Name, key: str) -> str:
    value = name.native.get(key, "")
    return str(value[0] if isinstance(value, list) else value)


def _signed_at(signature: EmbeddedPdfSignature, status: PdfSignatureStatus | None) -> datetime | None:
    if status is not None and status.signer_reported_dt is not None:
        return status.signer_reported_dt
    return signature.self_reported_timestamp


def _intact(status: PdfSignatureStatus | None) -> bool:
    return status is not None and status.intact and status.valid


def _problem(
    status: PdfSignatureStatus | None, *, earlier_intact: bool, whole: bool, trusted: bool | None
) -> SignatureProblem | None:
    """The most serious thing wrong, checked in the order a reader should care about them."""
    if status is None:  # unreadable signature data
        return SignatureProblem.SIGNATURE_INVALID
    if not (status.intact and earlier_intact):
        return SignatureProblem.DIGEST_MISMATCH
    if not status.valid:
        return SignatureProblem.SIGNATURE_INVALID
    if not whole:
        return SignatureProblem.MODIFIED_AFTER_SIGNING
    if trusted is False:
        return SignatureProblem.UNTRUSTED_SIGNER
    return None


def verify_pdf(pdf: bytes, trust_roots: Sequence[bytes] = ()) -> SignatureCheck:
    """Check the last signature of ``pdf`` (and that the earlier ones are intact).

    ``trust_roots`` are PEM certificates (a file may hold several); with none, ``trusted`` is None.
    """
    collected = _signatures(pdf)
    if collected is None:
        return SignatureCheck.unreadable()
    signatures, broken = collected
    roots = [certificate for pem in trust_roots for certificate in _asn1_certificates(pem)]
    if broken and not signatures:
        return SignatureCheck(signed=True, intact=False, whole_document=False, signature_count=broken,
                              problem=SignatureProblem.SIGNATURE_INVALID.value)
    if not signatures:
        return SignatureCheck.unsigned()
    last = signatures[-1]
    status = None if broken else _validate(last, roots)
    earlier_intact = all(_intact(_validate(signature, [])) for signature in signatures[:-1])
    intact = _intact(status) and earlier_intact
    whole = status is not None and status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    trusted: bool | None = None
    if roots:
        trusted = bool(intact and status is not None and status.validation_path is not None
                       and status.trust_problem_indic is None)
    problem = _problem(status, earlier_intact=earlier_intact, whole=whole, trusted=trusted)
    certificate = status.signing_cert if status is not None else None
    return SignatureCheck(
        signed=True,
        intact=intact,
        whole_document=whole,
        signer_name=_name_part(certificate.subject, "common_name") if certificate else "",
        signer_username=_name_part(certificate.subject, "user_id") if certificate else "",
        signer_organisation=_name_part(certificate.subject, "organization_name") if certificate else "",
        issuer_name=_name_part(certificate.issuer, "common_name") if certificate else "",
        signed_at=_signed_at(last, status),
        trusted=trusted,
        reason=_text(last, "/Reason"),
        location=_text(last, "/Location"),
        signature_count=len(signatures) + broken,
        problem=problem.value if problem else None,
    )
