"""The one font every PDF uses: the bundled WenQuanYi Micro Hei TrueType, embedded as a subset.

ReportLab's built-in CID fonts (``STSong-Light``) are not embedded and print as blanks or boxes
on a machine without Chinese fonts, so they are never used. The font has no bold face: emphasis
is made with size (and colour), not weight. Loading the 5 MB file takes ≈0.15 s, so it is
registered once per process.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector.paths import font_path

CJK_FONT = "WenQuanYiMicroHei"


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Register the bundled CJK font with ReportLab (first call only) and return its name."""
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(font_path())))
    return CJK_FONT
