"""The exchange file's signature: a CMS (PKCS #7) detached signature over the tag manifest, made
with the acting user's certificate from the office CA, and its verification against that CA.

Signing uses ``cryptography``'s PKCS7 builder in binary mode (without it the content would be
S/MIME-canonicalised to CRLF first and no other verifier would agree). ``cryptography`` has no CMS
verification, so it is done here on the structure parsed by ``asn1crypto``: the signed
attributes' messageDigest must be the SHA-256 of the tag manifest, the ECDSA signature over the
DER SET of those attributes must check with the signer certificate's key, and that certificate
must be issued directly by the trusted CA, valid now, not a CA itself, and allowed to sign
(digitalSignature). ``openssl cms -verify -binary`` accepts the same files (tests check it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import cms

# tsp registers signing_certificate(_v2) in cms's maps: asn1crypto builds CMSAttributeType's reverse
# map on first use, and one built before tsp (which pyHanko imports) breaks every later pyHanko
# signature in the same process — a checkpoint verified first did exactly that.
from asn1crypto import tsp as _tsp  # noqa: F401
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from inspector.domain.errors import InspectorError
from inspector.exchange.errors import ExchangeSignatureInvalid, ExchangeTampered
from inspector.exchange.layout import TAG_MANIFEST
from inspector.signing.pki import load_certificate, load_private_key

_SET_TAG = b"\x31"  # signed attributes are signed as a DER SET, not with their [0] IMPLICIT tag


@dataclass(frozen=True)
class Signer:
    """The acting user's certificate and unlocked private key."""

    certificate: x509.Certificate
    private_key: ec.EllipticCurvePrivateKey

    @classmethod
    def from_pem(cls, certificate_pem: bytes, key_pem: bytes, password: str) -> Signer:
        """``certificate_password_wrong`` when ``password`` does not unlock ``key_pem``."""
        return cls(load_certificate(certificate_pem), load_private_key(key_pem, password))


@dataclass(frozen=True)
class SignedBy:
    """Who signed an exchange file, read from the verified signer certificate."""

    username: str
    common_name: str
    serial: str
    certificate_pem: bytes


def sign_detached(data: bytes, signer: Signer) -> bytes:
    """The DER CMS SignedData over ``data``, without ``data`` inside it."""
    options = [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.NoCapabilities]
    return (pkcs7.PKCS7SignatureBuilder().set_data(data)
            .add_signer(signer.certificate, signer.private_key, hashes.SHA256())
            .sign(serialization.Encoding.DER, options))


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _invalid(file: str, reason: str) -> ExchangeSignatureInvalid:
    return ExchangeSignatureInvalid("exchange_signature_invalid", file=file, reason=reason)


def _signer_info(signature: bytes, file: str) -> tuple[cms.SignerInfo, cms.SignedData]:
    try:
        content = cms.ContentInfo.load(signature, strict=True)
        if content["content_type"].native != "signed_data":
            raise _invalid(file, "not_signed_data")
        signed = content["content"]
        if signed["encap_content_info"]["content"].native is not None:
            raise _invalid(file, "not_detached")
        infos = list(signed["signer_infos"])
        if len(infos) != 1:
            raise _invalid(file, "signer_count")
        infos[0].native  # parse the whole structure now: damage surfaces here, not half-way
        return infos[0], signed
    except InspectorError:
        raise
    except (ValueError, TypeError, KeyError, OverflowError):
        raise _invalid(file, "unreadable") from None


def _certificate_of(info: cms.SignerInfo, signed: cms.SignedData, file: str) -> x509.Certificate:
    sid = info["sid"]
    for choice in signed["certificates"] or []:
        if choice.name != "certificate":
            continue
        candidate = choice.chosen
        if sid.name == "issuer_and_serial_number":
            matches = (candidate.issuer == sid.chosen["issuer"]
                       and candidate.serial_number == sid.chosen["serial_number"].native)
        else:
            matches = candidate.key_identifier == sid.chosen.native
        if matches:
            return x509.load_der_x509_certificate(candidate.dump())
    raise _invalid(file, "no_certificate")


def _check_signature(info: cms.SignerInfo, certificate: x509.Certificate, data: bytes, file: str) -> None:
    if info["digest_algorithm"]["algorithm"].native != "sha256":
        raise _invalid(file, "digest_algorithm")
    if info["signature_algorithm"]["algorithm"].native not in ("sha256_ecdsa", "ecdsa"):
        raise _invalid(file, "signature_algorithm")
    attributes = info["signed_attrs"]
    if not len(attributes):
        raise _invalid(file, "no_signed_attributes")
    found = {attribute["type"].native: attribute["values"] for attribute in attributes}
    if "content_type" not in found or found["content_type"][0].native != "data" or "message_digest" not in found:
        raise _invalid(file, "signed_attributes")
    if found["message_digest"][0].native != hashlib.sha256(data).digest():
        # The signature is over another tag manifest than this one: the manifest was changed.
        raise ExchangeTampered("exchange_tampered", file=file, member=TAG_MANIFEST)
    public_key = certificate.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise _invalid(file, "key_type")
    try:
        public_key.verify(info["signature"].native, _SET_TAG + attributes.dump()[1:], ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise _invalid(file, "signature_mismatch") from None


def _check_trust(certificate: x509.Certificate, ca: x509.Certificate, file: str, now: datetime) -> None:
    signer = certificate.subject.rfc4514_string()
    try:
        certificate.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        raise ExchangeSignatureInvalid("exchange_signer_untrusted", file=file, signer=signer) from None
    try:
        is_ca = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    if is_ca:  # the CA itself is self-issued; it certifies people, it does not send files
        raise ExchangeSignatureInvalid("exchange_signer_untrusted", file=file, signer=signer)
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise ExchangeSignatureInvalid(
            "exchange_signer_not_valid_now", file=file, signer=signer,
            not_before=certificate.not_valid_before_utc.date().isoformat(),
            not_after=certificate.not_valid_after_utc.date().isoformat())
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
        may_sign = usage.digital_signature
    except x509.ExtensionNotFound:
        may_sign = False
    if not may_sign:
        raise ExchangeSignatureInvalid("exchange_signer_key_usage", file=file, signer=signer)


def verify_detached(signature: bytes, data: bytes, trusted_ca_pem: bytes, *, file: str,
                    now: datetime | None = None) -> SignedBy:
    """Who signed ``data`` with ``signature``, once every check above passed; otherwise an
    ``ExchangeSignatureInvalid`` naming the reason (or ``ExchangeTampered`` when ``data`` changed)."""
    info, signed = _signer_info(signature, file)
    try:
        certificate = _certificate_of(info, signed, file)
    except ValueError:
        raise _invalid(file, "no_certificate") from None
    _check_signature(info, certificate, data, file)
    _check_trust(certificate, load_certificate(trusted_ca_pem), file, now or datetime.now(UTC))
    return SignedBy(
        username=_attribute(certificate.subject, NameOID.USER_ID),
        common_name=_attribute(certificate.subject, NameOID.COMMON_NAME),
        serial=format(certificate.serial_number, "x"),
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM),
    )
