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
