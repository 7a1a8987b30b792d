"""Helpers shared by the signing tests: a small notice-like PDF with Chinese text in the bundled
font, tampering (one flipped byte inside the signed bytes, an appended revision) and poppler's
independent verifier ``pdfsig`` (skipped without poppler on a developer's machine, a failure in
CI: see ``tests.pdf.need``)."""

from __future__ import annotations

import functools
import io
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.pdf import need

SENTENCE = "整改通知单：车身污渍，请于三个工作日内整改完毕。"
FONT_NAME = "WenQuanYiMicroHei"



def needs_pdfsig(test: Callable[..., None]) -> Callable[..., None]:
    """Decorate a test that asks poppler's ``pdfsig``: skipped without it, failed in CI."""
    @functools.wraps(test)  # pytest reads the fixtures from the wrapped signature
    def checked(*args: object, **kwargs: object) -> None:
        need("pdfsig")
        test(*args, **kwargs)

    return checked


def notice_pdf(text: str = SENTENCE, pages: int = 1) -> bytes:
    """A small A4 PDF with ``text`` in the bundled CJK TrueType font (embedded)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from inspector.paths import font_path

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path())))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        page.setFont(FONT_NAME, 14)
        page.drawString(72, 760, text)
        page.drawString(72, 730, f"第 {number + 1} 页")
        page.showPage()
    page.save()
    return buffer.getvalue()


def signed_hole(pdf: bytes) -> tuple[int, int]:
    """Start and end of the last signature's /Contents hex string (the bytes NOT signed)."""
    ranges = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    start, length, second, _ = (int(value) for value in ranges[-1])
    return start + length, second


def flip_signed_byte(pdf: bytes) -> bytes:
    """``pdf`` with one bit changed inside the first page's content stream (signed bytes)."""
    position = pdf.index(b"stream", pdf.index(b"/Filter")) + len(b"stream\n") + 12
    hole_start, _ = signed_hole(pdf)
    assert position < hole_start, "the flipped byte must lie inside the signed range"
    tampered = bytearray(pdf)
    tampered[position] ^= 0x01
    return bytes(tampered)


def append_revision(pdf: bytes) -> bytes:
    """``pdf`` with an incremental update after the signature (the page mode changed)."""
    from pyhanko.pdf_utils.generic import NameObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdfsig(path: Path) -> str:
    """poppler's report on ``path`` (it exits 0 whatever it finds: the text is the verdict)."""
    need("pdfsig")
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60, check=False).stdout


def forge_signature(pdf: bytes, *, common_name: str = "王芳", username: str = "wangfang",
                    organisation: str = "服务质量管理办公室") -> bytes:
    """``pdf`` signed by a forger (issue #12.4): a self-signed certificate made with cryptography
    that claims an office user's name, account and organisation, applied with pyHanko. Every
    byte checks out; only the chain to a trusted CA is missing."""
    from datetime import UTC, datetime, timedelta

    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                      x509.NameAttribute(NameOID.USER_ID, username),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore(),
    )
    metadata = signers.PdfSignatureMetadata(field_name="Signature1", md_algorithm="sha256",
                                            subfilter=fields.SigSeedSubFilter.PADES, reason="签发整改通知单")
    return signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), metadata, signer=signer).getvalue()


def overlay_page(pdf: bytes, page: int = 0) -> bytes:
    """``pdf`` with an incremental update that draws a white box with new text over ``page``
    (issue #12.5): the earlier signature still matches its bytes, but the page shows otherwise."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    font = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Font"),
        generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
        generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
    }))
    drawing = b"q 1 1 1 rg 60 690 480 100 re f Q BT /Overlay 18 Tf 72 740 Td (DEADLINE EXTENDED) Tj ET"
    stream = writer.add_object(generic.StreamObject(stream_data=drawing))
    resources = generic.DictionaryObject({generic.NameObject("/Font"): generic.DictionaryObject(
        {generic.NameObject("/Overlay"): font})})
    writer.add_stream_to_page(page, stream, resources=resources)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
