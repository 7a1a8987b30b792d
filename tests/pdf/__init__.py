"""Tests of the notice and record PDFs, and the poppler helpers they share.

The helpers run poppler's command-line tools on PDF bytes. A test that needs one is skipped when
the tool is not installed on a developer's machine, but FAILS in CI (``CI`` set in the
environment): ``.ci/run`` installs poppler-utils, and a second opinion that silently stopped
running would look exactly like one that agrees.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def missing_tool_message(tool: str) -> str | None:
    """Why ``tool`` cannot run here, or None when it is installed."""
    return None if shutil.which(tool) else f"{tool} (poppler-utils) is not installed"


def have(tool: str) -> bool:
    """Whether ``tool`` is installed, for a test whose poppler check is one part among others;
    in CI a missing tool fails the test instead of answering False."""
    if missing_tool_message(tool) is None:
        return True
    need(tool)
    return False


def needs_tools(*tools: str) -> pytest.MarkDecorator:
    """A marker that skips a test when one of ``tools`` is missing — never in CI, where the test
    then runs and fails on the missing program."""
    missing = [reason for reason in map(missing_tool_message, tools) if reason]
    return pytest.mark.skipif(bool(missing) and not os.environ.get("CI"), reason="; ".join(missing))


def need(tool: str) -> None:
    """Skip the calling test without ``tool`` — except in CI, where its absence is a failure."""
    reason = missing_tool_message(tool)
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must run it (apt-get install poppler-utils)")
    pytest.skip(reason)


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
