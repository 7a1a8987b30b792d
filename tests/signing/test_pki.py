"""The local CA and users' certificates: the extensions a PAdES verifier needs, the username
inside the certificate, keys encrypted with a strong KDF, and wrong passwords refused with a code."""

from __future__ import annotations

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from inspector.domain.errors import InspectorError
from inspector.signing import pki

CA_PASSWORD = "ca-secret-1"
USER_PASSWORD = "user-secret-2"


@pytest.fixture(scope="module")
def ca() -> tuple[bytes, bytes]:
    return pki.make_ca("服务质量管理办公室 CA", "服务质量管理办公室", CA_PASSWORD)


@pytest.fixture(scope="module")
def user_certificate(ca: tuple[bytes, bytes]) -> tuple[bytes, bytes]:
    return pki.issue_certificate(ca[0], ca[1], CA_PASSWORD, common_name="张伟", username="zhangwei",
                                 organisation="服务质量管理办公室", password=USER_PASSWORD)


def _key_usage(certificate: x509.Certificate) -> x509.KeyUsage:
    extension = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert extension.critical
    return extension.value


def test_ca_is_a_self_signed_authority(ca: tuple[bytes, bytes]) -> None:
    certificate = x509.load_pem_x509_certificate(ca[0])
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca is True
    usage = _key_usage(certificate)
    assert usage.key_cert_sign and usage.crl_sign
    assert certificate.issuer == certificate.subject
    assert certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "服务质量管理办公室"
    public = certificate.public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey) and public.curve.name == "secp256r1"
    public.verify(certificate.signature, certificate.tbs_certificate_bytes, ec.ECDSA(hashes.SHA256()))
    years = (certificate.not_valid_after_utc - certificate.not_valid_before_utc).days / 365
    assert 19.9 < years < 20.1


def test_user_certificate_signs_documents_and_names_the_account(
    ca: tuple[bytes, bytes], user_certificate: tuple[bytes, bytes]
) -> None:
    authority = x509.load_pem_x509_certificate(ca[0])
    certificate = x509.load_pem_x509_certificate(user_certificate[0])
    usage = _key_usage(certificate)
    assert usage.digital_signature and usage.content_commitment
    assert not usage.key_cert_sign
    assert certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert certificate.issuer == authority.subject
    authority.public_key().verify(certificate.signature, certificate.tbs_certificate_bytes, ec.ECDSA(hashes.SHA256()))
    info = pki.certificate_info(user_certificate[0])
    assert (info.common_name, info.username, info.organisation, info.is_ca) == (
        "张伟", "zhangwei", "服务质量管理办公室", False)
    assert info.serial == format(certificate.serial_number, "x")


def test_a_user_certificate_never_outlives_its_ca() -> None:
    short_ca = pki.make_ca("short", "org", CA_PASSWORD, valid_years=1)
    cert_pem, _ = pki.issue_certificate(*short_ca, CA_PASSWORD, common_name="x", username="x", organisation="org",
                                        password=USER_PASSWORD, valid_years=10)
    assert pki.certificate_info(cert_pem).not_after <= pki.certificate_info(short_ca[0]).not_after


def test_keys_are_encrypted_with_a_strong_kdf(user_certificate: tuple[bytes, bytes]) -> None:
    key_pem = user_certificate[1]
    assert b"ENCRYPTED PRIVATE KEY" in key_pem
    _, _, der = asn1_pem.unarmor(key_pem)
    envelope = asn1_keys.EncryptedPrivateKeyInfo.load(der)
    assert envelope["encryption_algorithm"]["algorithm"].native == "pbes2"
    assert envelope["encryption_algorithm"].kdf_iterations == pki.KEY_KDF_ITERATIONS >= 300_000
    key = pki.load_private_key(key_pem, USER_PASSWORD)
    certificate = x509.load_pem_x509_certificate(user_certificate[0])
    assert key.public_key() == certificate.public_key()


@pytest.mark.parametrize("password", ["wrong-password", ""])
def test_a_wrong_password_is_a_coded_error(user_certificate: tuple[bytes, bytes], password: str) -> None:
    with pytest.raises(InspectorError) as raised:
        pki.load_private_key(user_certificate[1], password)
    assert raised.value.code == "certificate_password_wrong"


def test_issuing_with_a_wrong_ca_password_is_refused(ca: tuple[bytes, bytes]) -> None:
    with pytest.raises(InspectorError) as raised:
        pki.issue_certificate(ca[0], ca[1], "not-the-ca-password", common_name="x", username="x", organisation="o",
                              password=USER_PASSWORD)
    assert raised.value.code == "certificate_password_wrong"


def test_reencrypting_moves_the_key_to_the_new_password(user_certificate: tuple[bytes, bytes]) -> None:
    moved = pki.reencrypt_key(user_certificate[1], USER_PASSWORD, "brand-new-3")
    assert pki.load_private_key(moved, "brand-new-3").public_key() == \
        pki.load_private_key(user_certificate[1], USER_PASSWORD).public_key()
    with pytest.raises(InspectorError):
        pki.load_private_key(moved, USER_PASSWORD)
    with pytest.raises(InspectorError):
        pki.reencrypt_key(user_certificate[1], "wrong-old", "brand-new-3")


def test_reading_pem_files(ca: tuple[bytes, bytes], user_certificate: tuple[bytes, bytes]) -> None:
    both = pki.read_pem_certificates(ca[0] + user_certificate[0])
    assert [pki.certificate_info(pem).username for pem in both] == ["", "zhangwei"]
    with pytest.raises(InspectorError) as raised:
        pki.read_pem_certificates(b"not a certificate")
    assert raised.value.code == "certificate_unreadable"
