"""Text into spreadsheet cells so that it stays text: the one rule every exported workbook uses.

A unit or staff name like ``=HYPERLINK("http://…"&A1,"点此查看")`` would otherwise be written as a
live formula (openpyxl turns any string starting with ``=`` into one), and text starting with
``+ - @`` or a tab / carriage return is what a spreadsheet program evaluates when the cell is
edited or the sheet is saved as CSV. Such text is stored as a string with Excel's quote prefix
(``'`` shown in the formula bar, never evaluated), its value unchanged. Characters a workbook
cannot hold (NUL and the other C0 controls openpyxl refuses) are replaced by U+FFFD, so one bad
registry name cannot stop a monthly table for everyone; input refuses them in the first place
(``domain.text``).
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32_767  # what Excel holds in one cell; longer text makes it "repair" the file
_REPLACEMENT = "\ufffd"
# The characters openpyxl refuses (its ILLEGAL_CHARACTERS_RE), as a translate table.
_ILLEGAL = {code: _REPLACEMENT for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}


def set_text(cell: Any, value: str) -> None:
    """Write ``value`` into the openpyxl ``cell`` as text, never as a formula."""
    text = value.translate(_ILLEGAL)[:MAX_CELL_TEXT]
    cell.value = text
    if text.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def set_value(cell: Any, value: Any) -> None:
    """Write any value: text through ``set_text``, numbers and dates as they are."""
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
