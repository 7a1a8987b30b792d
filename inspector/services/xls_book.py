"""Excel 97–2003 ``.xls`` workbooks (the BIFF format WPS still saves by default), read with xlrd
into the same shape the openpyxl readers use: ``XlsBook.worksheets``, each an ``XlsSheet`` with a
``title``, its rows as tuples of values (index + 1 = the row number) and its merged ranges.

- **Values** are what the file caches: a formula cell gives the value Excel or WPS last computed
  (xlrd never evaluates), numbers are floats, dates become ``datetime`` (by the workbook's 1900
  or 1904 date system), booleans ``bool``, error cells (``#DIV/0!``) and blanks ``None``.
- **Merges** come from the sheet's MERGEDCELLS records (``formatting_info=True``), as 1-based
  ``(min_row, min_col, max_row, max_col)``.
- **Refusals**: a password-protected workbook (an .xls with a password, or an .xlsx encrypted
  into an OLE container: its ``EncryptedPackage`` stream) and an OLE container without a
  workbook (a Word .doc) raise ``XlsRefused`` with the problem code the caller reports
  (``xls_encrypted``, ``xls_not_workbook``, ``xlsx_damaged``).

xlrd is imported here only when an .xls is opened (the app's start-up never pays for it).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # the compound-file container of .xls and encrypted workbooks


class XlsRefused(Exception):
    """The file is an OLE container xlrd cannot read as a workbook; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class XlsSheet:
    """One worksheet of an .xls: its title, its rows (values only) and its merged ranges."""

    title: str
    rows: tuple[tuple[Any, ...], ...]
    merges: tuple[tuple[int, int, int, int], ...]  # (min_row, min_col, max_row, max_col), 1-based


@dataclass(frozen=True)
class XlsBook:
    worksheets: tuple[XlsSheet, ...]
    sheetnames: tuple[str, ...]

    def close(self) -> None:
        """Nothing to close: the rows were read when the book was opened."""


def _value(cell: Any, datemode: int) -> Any:
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value  # a number formatted as a date but outside the calendar: keep the number
    if kind == xlrd.XL_CELL_NUMBER:
        return int(value) if float(value).is_integer() else value
    return value


def _encrypted_package(path: Path) -> bool:
    """Whether the OLE container holds an encrypted Office Open XML package (a password-protected .xlsx)."""
    from xlrd.compdoc import CompDoc, CompDocError

    try:
        document = CompDoc(path.read_bytes(), logfile=_Quiet())
        return any(entry.name == "EncryptedPackage" for entry in document.dirlist)
    except (CompDocError, OSError, IndexError, ValueError, struct.error, AssertionError):
        return False


class _Quiet:
    """A log file for xlrd that keeps its warnings to itself."""

    def write(self, _text: str) -> None:
        return None


def open_xls(path: Path) -> XlsBook:
    """Every sheet of the .xls at ``path``; ``XlsRefused`` when it is not a readable workbook."""
    import xlrd  # imported here: only an .xls import needs it

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=False, logfile=_Quiet())
    except xlrd.XLRDError as error:
        text = str(error).casefold()
        if "encrypt" in text or "password" in text:
            raise XlsRefused("xls_encrypted") from None
        if "can't find workbook" in text or "not supported" in text:
            raise XlsRefused("xls_encrypted" if _encrypted_package(path) else "xls_not_workbook") from None
        raise XlsRefused("xlsx_damaged") from None
    except (xlrd.compdoc.CompDocError, AssertionError, IndexError, KeyError, ValueError, TypeError,
            struct.error, EOFError, UnicodeDecodeError, NotImplementedError):
        raise XlsRefused("xlsx_damaged") from None
    try:
        sheets = []
        for sheet in book.sheets():
            rows = tuple(tuple(_value(cell, book.datemode) for cell in sheet.row(index)) for index in range(sheet.nrows))
            merges = tuple((rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells
                           if rhi - rlo > 1 or chi - clo > 1)
            sheets.append(XlsSheet(sheet.name, rows, merges))
    finally:
        book.release_resources()
    return XlsBook(tuple(sheets), tuple(sheet.title for sheet in sheets))
