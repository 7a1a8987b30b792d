"""PAdES signing and checking of a real PDF (Chinese text in the bundled font): pyHanko's verdict
and poppler's independent one agree on a good file, a flipped byte, an appended revision and a
forged signer; trust comes only from the roots given; every signature is judged, so a page drawn
over between two genuine signatures fails."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector.domain.errors import InspectorError
from inspector.signing import pades, pki
from inspector.domain.signatures import Coverage
from tests.signing import (
    append_revision,
    flip_signed_byte,
    forge_signature,
    needs_pdfsig,
    notice_pdf,
    overlay_page,
    pdfsig,
    signed_hole,
)

CA_PASSWORD = "ca-secret-1"
PASSWORD = "user-secret-2"


@pytest.fixture(scope="module")
def office() -> dict[str, bytes]:
    ca_cert, ca_key = pki.make_ca("服务质量管理办公室 CA", "服务质量管理办公室", CA_PASSWORD)
    cert, key = pki.issue_certificate(ca_cert, ca_key, CA_PASSWORD, common_name="王芳", username="wangfang",
                                      organisation="服务质量管理办公室", password=PASSWORD)
    other_ca, _ = pki.make_ca("另一个单位 CA", "另一个单位", CA_PASSWORD)
    return {"ca": ca_cert, "cert": cert, "key": key, "other_ca": other_ca}


@pytest.fixture(scope="module")
def signed(office: dict[str, bytes]) -> bytes:
    return pades.sign_pdf(notice_pdf(pages=2), cert_pem=office["cert"], key_pem=office["key"], password=PASSWORD,
                          ca_cert_pem=office["ca"], reason="签发整改通知单", location="一号总站")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_signed_notice_is_intact_whole_and_trusted_with_its_ca(signed: bytes, office: dict[str, bytes]) -> None:
    check = pades.verify_pdf(signed, [office["ca"]])
    assert (check.signed, check.intact, check.whole_document, check.trusted, check.problem) == (
        True, True, True, True, None)
    assert (check.signer_name, check.signer_username, check.issuer_name) == ("王芳", "wangfang", "服务质量管理办公室 CA")
    assert (check.reason, check.location, check.signature_count) == ("签发整改通知单", "一号总站", 1)
    assert check.signed_at is not None
    assert abs(check.signed_at - datetime.now(UTC)) < timedelta(minutes=5)
    assert check.ok() and check.sound()
    [info] = check.signatures
    assert (info.index, info.signer_name, info.trusted, info.coverage, info.problem) == (
        1, "王芳", True, Coverage.WHOLE_FILE, None)


def test_the_signature_is_pades_and_embeds_the_chain(signed: bytes) -> None:
    signature = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    assert str(signature.sig_object["/SubFilter"]) == "/ETSI.CAdES.detached"
    embedded = {choice.chosen.subject.native["common_name"] for choice in signature.signed_data["certificates"]}
    assert embedded == {"王芳", "服务质量管理办公室 CA"}
    assert "/Rect" not in signature.sig_field or list(signature.sig_field["/Rect"]) == [0, 0, 0, 0]


def test_another_ca_does_not_vouch_for_the_signer(signed: bytes, office: dict[str, bytes]) -> None:
    check = pades.verify_pdf(signed, [office["other_ca"]])
    assert (check.intact, check.whole_document, check.trusted, check.problem) == (True, True, False, "untrusted_signer")
    assert check.sound() and not check.ok()


def test_without_trust_roots_trust_is_unknown_not_assumed(signed: bytes) -> None:
    check = pades.verify_pdf(signed)
    assert (check.intact, check.trusted, check.problem) == (True, None, None)
    assert check.sound() and not check.ok()  # intact, but nobody vouches for the name


def test_one_flipped_byte_is_a_digest_mismatch(signed: bytes, office: dict[str, bytes]) -> None:
    check = pades.verify_pdf(flip_signed_byte(signed), [office["ca"]])
    assert (check.signed, check.intact, check.problem) == (True, False, "digest_mismatch")
    assert not check.sound() and not check.ok()


def test_a_byte_changed_inside_the_signature_itself_is_caught(signed: bytes, office: dict[str, bytes]) -> None:
    hole_start, hole_end = signed_hole(signed)
    tampered = bytearray(signed)
    middle = hole_start + 1 + 40  # inside the DER of the CMS blob, past its header
    tampered[middle] = ord("0") if tampered[middle] != ord("0") else ord("1")
    check = pades.verify_pdf(bytes(tampered), [office["ca"]])
    assert check.signed and not check.intact and check.problem == "signature_invalid"
    assert not check.sound() and not check.ok()
    assert hole_start < middle < hole_end


def test_an_appended_revision_is_not_the_whole_document(signed: bytes, office: dict[str, bytes]) -> None:
    check = pades.verify_pdf(append_revision(signed), [office["ca"]])
    assert (check.intact, check.whole_document, check.problem) == (True, False, "modified_after_signing")
    assert not check.sound() and not check.ok()


def test_a_second_signature_is_reported_and_covers_the_first(signed: bytes, office: dict[str, bytes]) -> None:
    field = pades.free_field_name(signed)
    assert field == "Signature2"
    twice = pades.sign_pdf(signed, cert_pem=office["cert"], key_pem=office["key"], password=PASSWORD,
                           ca_cert_pem=office["ca"], reason="签收", field_name=field)
    check = pades.verify_pdf(twice, [office["ca"]])
    assert (check.signature_count, check.reason, check.whole_document, check.trusted) == (2, "签收", True, True)
    assert check.ok()
    first, second = check.signatures
    assert (first.field_name, first.coverage, first.modification, first.reason) == (
        "Signature1", Coverage.LATER_SIGNATURES, "form_filling", "签发整改通知单")
    assert (second.field_name, second.coverage, second.reason) == ("Signature2", Coverage.WHOLE_FILE, "签收")
    assert first.revision < second.revision == check.revisions
    after_second = pades.verify_pdf(append_revision(twice), [office["ca"]])
    assert after_second.problem == "modified_after_signing" and not after_second.sound()


def test_a_page_drawn_over_between_two_genuine_signatures_fails(signed: bytes, office: dict[str, bytes]) -> None:
    """Issue #12.5: signed notice → an incremental revision that draws over page 1 → a second
    genuine signature on top. The last signature covers the whole file and is valid; the first
    one's later revisions changed page content, so the document fails."""
    overlaid = overlay_page(signed)
    twice = pades.sign_pdf(overlaid, cert_pem=office["cert"], key_pem=office["key"], password=PASSWORD,
                           ca_cert_pem=office["ca"], reason="签收", field_name=pades.free_field_name(overlaid))
    check = pades.verify_pdf(twice, [office["ca"]])
    assert (check.intact, check.whole_document, check.trusted) == (True, True, True)  # what fooled verify before
    assert check.problem == "content_changed_later"
    assert not check.sound() and not check.ok()
    first, second = check.signatures
    assert (first.coverage, first.problem, first.modification) == (
        Coverage.LATER_CHANGES, "content_changed_later", "other")
    assert (second.coverage, second.problem, second.trusted) == (Coverage.WHOLE_FILE, None, True)
    # the overlay alone, with no second signature, is caught as an appended revision
    assert pades.verify_pdf(overlaid, [office["ca"]]).problem == "modified_after_signing"


def test_a_forged_signer_is_intact_but_never_trusted(office: dict[str, bytes]) -> None:
    """Issue #12.4: a self-signed certificate claiming 王芳's name and account."""
    forged = forge_signature(notice_pdf())
    for roots in ([], [office["ca"]]):
        check = pades.verify_pdf(forged, roots)
        assert (check.intact, check.whole_document, check.signer_name, check.signer_username) == (
            True, True, "王芳", "wangfang")
        assert check.trusted is (False if roots else None)
        assert check.sound() and not check.ok()


def test_any_bytes_give_a_verdict_never_an_exception(signed: bytes) -> None:
    hole_start, hole_end = signed_hole(signed)
    for damaged in (signed[:hole_start], signed[: len(signed) // 2], signed[:hole_start] + b"0" * 50 + signed[hole_end:],
                    signed.replace(b"/ByteRange", b"/ByteRangX", 1), b"%PDF-1.7\n" + bytes(range(256)) * 40):
        check = pades.verify_pdf(damaged)
        assert not check.ok() and check.problem is not None


def test_unsigned_and_unreadable_files(office: dict[str, bytes]) -> None:
    assert pades.verify_pdf(notice_pdf()).problem == "not_signed"
    assert pades.verify_pdf(b"\x89PNG\r\n\x1a\n not a pdf").problem == "unreadable_pdf"
    assert pades.verify_pdf(b"%PDF-1.7\nbroken beyond repair").problem == "unreadable_pdf"
    assert not pades.verify_pdf(b"").signed


def test_signing_with_a_wrong_password_is_refused(office: dict[str, bytes]) -> None:
    with pytest.raises(InspectorError) as raised:
        pades.sign_pdf(notice_pdf(), cert_pem=office["cert"], key_pem=office["key"], password="wrong-pass",
                       ca_cert_pem=office["ca"])
    assert raised.value.code == "certificate_password_wrong"


@needs_pdfsig
def test_pdfsig_says_valid_and_wholly_signed(signed: bytes, tmp_path: Path) -> None:
    report = pdfsig(_write(tmp_path, "signed.pdf", signed))
    assert "Total document signed" in report
    assert "Signature is Valid." in report
    assert "王芳" in report


@needs_pdfsig
def test_pdfsig_catches_the_flipped_byte(signed: bytes, tmp_path: Path) -> None:
    report = pdfsig(_write(tmp_path, "flipped.pdf", flip_signed_byte(signed)))
    assert "Digest Mismatch." in report
    assert "Signature is Valid." not in report


@needs_pdfsig
def test_pdfsig_does_not_know_the_forgers_issuer_either(tmp_path: Path) -> None:
    report = pdfsig(_write(tmp_path, "forged.pdf", forge_signature(notice_pdf())))
    assert "Signature is Valid." in report and "Certificate issuer is unknown." in report


@needs_pdfsig
def test_pdfsig_sees_the_appended_revision(signed: bytes, tmp_path: Path) -> None:
    report = pdfsig(_write(tmp_path, "appended.pdf", append_revision(signed)))
    assert "Not total document signed" in report
    assert "Signature is Valid." in report
