"""The quality office's local certificate authority and the users' signing certificates.

Keys are EC P-256: signing a notice costs well under a millisecond of key work (an RSA-2048 key
costs a few), and the signature inside the PDF is 70 bytes instead of 256. poppler's ``pdfsig``
and Adobe Reader both verify ECDSA. Private keys never leave this module unencrypted: they are
PKCS#8 PEM encrypted with a password (the CA key with the holder's password, a user key with that
user's login password). A wrong password is the coded error ``certificate_password_wrong``.

Why the PKCS#8 envelope is built here and not by ``BestAvailableEncryption``: cryptography uses
PBKDF2 with 2,048 iterations there, so a stolen database would give up a user's password (and key)
far faster through the key than through the argon2 login hash beside it. ``KEY_KDF_ITERATIONS``
follows OWASP's PBKDF2-HMAC-SHA256 figure and costs ≈ 40 ms per signature on the project's
laptops, inside the notice benchmark's budget. The result is standard PBES2 (PBKDF2-SHA256 +
AES-256-CBC) that OpenSSL and cryptography open as usual.

The username is written into the certificate as the LDAP ``UID`` attribute (OID
0.9.2342.19200300.100.1.1) beside the display name (``CN``), so that a verifier can say which
account signed. The office seal certificate (``issue_seal_certificate``) is an organisation
certificate: its CN is the seal's name, with the organisation, and no UID — it signs covert
notices, which must not name a person.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import algos as asn1_algos
from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.x509.oid import NameOID

from inspector.domain.errors import InspectorError, ValidationError

# Backdated a little so that a laptop whose clock is a few minutes behind accepts a fresh certificate.
CLOCK_SKEW = timedelta(minutes=10)
DAYS_PER_YEAR = 365
KEY_KDF_ITERATIONS = 310_000


@dataclass(frozen=True)
class CertificateInfo:
    """What a person wants to know about a certificate (read from its PEM)."""

    subject: str
    common_name: str
    username: str
    organisation: str
    serial: str
    not_before: datetime
    not_after: datetime
    is_ca: bool


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _encode_password(password: str) -> bytes:
    if not password:
        raise ValidationError("password_required_for_key", field="password")
    return password.encode("utf-8")


def _encrypted_pem(key: ec.EllipticCurvePrivateKey, password: str) -> bytes:
    """PKCS#8 ``ENCRYPTED PRIVATE KEY`` PEM: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC."""
    plain = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    salt, iv = os.urandom(16), os.urandom(16)
    secret = PBKDF2HMAC(hashes.SHA256(), 32, salt, KEY_KDF_ITERATIONS).derive(_encode_password(password))
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(secret), modes.CBC(iv)).encryptor()
    encrypted = encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()
    envelope = asn1_keys.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {
            "algorithm": "pbes2",
            "parameters": {
                "key_derivation_func": {
                    "algorithm": "pbkdf2",
                    "parameters": {"salt": asn1_algos.Pbkdf2Salt(name="specified", value=salt), "iteration_count": KEY_KDF_ITERATIONS,
                                   "prf": {"algorithm": "sha256"}},
                },
                "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv},
            },
        },
        "encrypted_data": encrypted,
    })
    return asn1_pem.armor("ENCRYPTED PRIVATE KEY", envelope.dump())


def load_private_key(key_pem: bytes, password: str) -> ec.EllipticCurvePrivateKey:
    """The private key in ``key_pem``; ``certificate_password_wrong`` when ``password`` does not open it."""
    try:
        key = serialization.load_pem_private_key(key_pem, password=password.encode("utf-8") or None)
    except (ValueError, TypeError):
        raise InspectorError("certificate_password_wrong") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise InspectorError("certificate_key_unsupported")
    return key


def load_certificate(cert_pem: bytes) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(cert_pem)
    except ValueError:
        raise InspectorError("certificate_unreadable") from None


def _name(common_name: str, organisation: str, username: str | None = None) -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name.strip() or "-")]
    if username:
        attributes.append(x509.NameAttribute(NameOID.USER_ID, username))
    if organisation.strip():
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation.strip()))
    return x509.Name(attributes)


def _signing_key_usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
        key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False,
    )


def make_ca(common_name: str, organisation: str, password: str, *, valid_years: int = 20) -> tuple[bytes, bytes]:
    """A self-signed CA: (certificate PEM, private key PEM encrypted with ``password``)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name, organisation)
    now = _now()
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + timedelta(days=DAYS_PER_YEAR * valid_years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_signing_key_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM), _encrypted_pem(key, password)


def issue_certificate(
    ca_cert_pem: bytes, ca_key_pem: bytes, ca_password: str, *, common_name: str, username: str,
    organisation: str, password: str, valid_years: int = 10,
) -> tuple[bytes, bytes]:
    """A signing certificate for one user, issued by the CA: (certificate PEM, key PEM encrypted
    with ``password``). It never outlives the CA."""
    ca_certificate = load_certificate(ca_cert_pem)
    ca_key = load_private_key(ca_key_pem, ca_password)
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key()
    now = _now()
    not_after = min(now + timedelta(days=DAYS_PER_YEAR * valid_years), ca_certificate.not_valid_after_utc)
    ca_key_id = ca_certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organisation, username))
        .issuer_name(ca_certificate.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signing_key_usage(ca=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_key_id), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM), _encrypted_pem(key, password)


def issue_seal_certificate(
    ca_cert_pem: bytes, ca_key_pem: bytes, ca_password: str, *, common_name: str, organisation: str,
    password: str, valid_years: int = 10,
) -> tuple[bytes, bytes]:
    """The office seal: an organisation certificate issued by the CA, naming no person (CN
    ``common_name``, O ``organisation``, no UID): (certificate PEM, key PEM encrypted with
    ``password``)."""
    return issue_certificate(ca_cert_pem, ca_key_pem, ca_password, common_name=common_name, username="",
                             organisation=organisation, password=password, valid_years=valid_years)


def reencrypt_key(key_pem: bytes, old_password: str, new_password: str) -> bytes:
    """The same private key, encrypted with ``new_password`` instead of ``old_password``."""
    return _encrypted_pem(load_private_key(key_pem, old_password), new_password)


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def certificate_info(cert_pem: bytes) -> CertificateInfo:
    """Subject, username, serial and validity of ``cert_pem``."""
    certificate = load_certificate(cert_pem)
    try:
        is_ca = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    return CertificateInfo(
        subject=certificate.subject.rfc4514_string(),
        common_name=_attribute(certificate.subject, NameOID.COMMON_NAME),
        username=_attribute(certificate.subject, NameOID.USER_ID),
        organisation=_attribute(certificate.subject, NameOID.ORGANIZATION_NAME),
        serial=format(certificate.serial_number, "x"),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        is_ca=is_ca,
    )


def read_pem_certificates(data: bytes) -> list[bytes]:
    """Every certificate in a PEM file, each as its own PEM (``certificate_unreadable`` if none)."""
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise InspectorError("certificate_unreadable") from None
    return [certificate.public_bytes(serialization.Encoding.PEM) for certificate in certificates]
