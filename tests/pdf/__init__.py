"""Tests of the notice and record PDFs, and the poppler helpers they share.

The helpers run poppler's command-line tools on PDF bytes; a test that needs one is skipped only
when the tool is not installed (``.ci/run`` installs poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")


def _run(tool: str, pdf: bytes, folder: Path, *args: str) -> str:
    need(tool)
    path = folder / f"{tool}-input.pdf"
    path.write_bytes(pdf)
    output = subprocess.run([tool, *args, str(path), "-"] if tool == "pdftotext" else [tool, *args, str(path)],
                            check=True, capture_output=True, text=True)
    return output.stdout


def pdftotext(pdf: bytes, folder: Path, *, page: int | None = None) -> str:
    """The text in content order (``-raw``), of one page or all."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _run("pdftotext", pdf, folder, "-raw", *pages)


def squeezed(text: str) -> str:
    """Text without any whitespace: a table cell's lines joined, wherever the line broke."""
    return re.sub(r"\s+", "", text)


def pdffonts(pdf: bytes, folder: Path) -> list[list[str]]:
    """The font rows of ``pdffonts``: [name, type…, emb, sub, uni, object, generation]."""
    lines = _run("pdffonts", pdf, folder).splitlines()
    return [line.split() for line in lines[2:] if line.strip()]


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))


def decompressed(pdf: bytes) -> bytes:
    """Every stream of the file inflated where it is Flate-compressed, raw otherwise, joined."""
    parts = []
    for match in STREAM.finditer(pdf):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            parts.append(match.group(1))
    return b"\n".join(parts)


def jpeg_images(pdf: bytes) -> int:
    """How many JPEG image objects the file holds."""
    return pdf.count(b"/DCTDecode")
