"""XLSForms written the way others write them (issue #17), and the reference checks.

- ``odk_sample``: ODK's sample-form style: ``label::English (en)`` / ``hint::English (en)``,
  metadata rows, an intro note, a yes/no list, a good/fair/poor list, a photo shown when an item
  fails, numbers and places that are no checklist items, a repeat, a select_multiple.
- ``kobo_library``: a Kobo library block: ``label:English``, ``list name``, ``select one from``,
  questions in no group, a name longer than a code, no form_id.
- ``one_question``: a single yes/no question and no settings sheet.
- ``pyxform_convert``: pyxform's own conversion, with ODK Validate (Java) where Java is present;
  in CI (env CI set) Java must be there, elsewhere its absence is printed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest


def write_form(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


ODK_SAMPLE: dict[str, list[list[Any]]] = {
    "survey": [
        ["type", "name", "label::English (en)", "hint::English (en)", "required", "relevant", "appearance"],
        ["start", "start", None, None, None, None, None],
        ["end", "end", None, None, None, None, None],
        ["deviceid", "deviceid", None, None, None, None, None],
        ["note", "intro", "This form checks one bus depot.", None, None, None, None],
        ["begin group", "depot", "Depot", None, None, None, "field-list"],
        ["select_one yes_no", "clean", "Is the floor clean?", "Look under the benches", "yes", None, None],
        ["image", "clean_photo", "Photo of the floor", None, None, "${clean} = 'no'", None],
        ["select_one condition", "lights", "Condition of the lights", None, "yes", None, None],
        ["integer", "staff_count", "Number of staff present", None, None, None, None],
        ["geopoint", "location", "Where is the depot?", None, None, None, None],
        ["end group", None, None, None, None, None, None],
        ["begin repeat", "vehicles", "Vehicles", None, None, None, None],
        ["select_one yes_no", "tyres", "Tyres in good condition?", None, "yes", None, None],
        ["text", "vehicle_notes", "Notes on the vehicle", None, None, None, None],
        ["end repeat", None, None, None, None, None, None],
        ["date", "visit_date", "Date of the visit", None, None, None, None],
        ["select_multiple issues", "issues", "Issues seen", None, None, None, None],
    ],
    "choices": [
        ["list_name", "name", "label::English (en)"],
        ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"],
        ["condition", "good", "Good"], ["condition", "fair", "Fair"], ["condition", "poor", "Poor"],
        ["issues", "litter", "Litter"], ["issues", "graffiti", "Graffiti"],
    ],
    "settings": [
        ["form_title", "form_id", "version", "default_language"],
        ["Depot inspection", "depot_inspection", "2024010101", "English (en)"],
    ],
}

KOBO_LIBRARY: dict[str, list[list[Any]]] = {
    "survey": [
        ["type", "name", "label:English", "hint:English", "required", "calculation"],
        ["select_one yn", "is_the_driver_wearing_the_company_uniform", "Is the driver wearing the uniform?",
         None, "true"],
        ["select one from ok_list", "seat_belts", "Seat belts", "All rows", "true"],
        ["calculate", "total", None, None, None, "1 + 1"],
        ["text", "remarks", "Remarks", None, "false"],
    ],
    "choices": [
        ["list name", "name", "label:English"],
        ["yn", "1", "Yes"], ["yn", "0", "No"],
        ["ok_list", "ok", "OK"], ["ok_list", "not_ok", "Not OK"], ["ok_list", "na", "N/A"],
    ],
    "settings": [["form_title"], ["Driver check"]],
}

ONE_QUESTION: dict[str, list[list[Any]]] = {
    "survey": [["type", "name", "label"], ["select_one yes_no", "q1", "Is the toilet clean?"]],
    "choices": [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]],
}

NOTHING_TO_CHECK: dict[str, list[list[Any]]] = {
    "survey": [["type", "name", "label"], ["date", "day", "Day"], ["geopoint", "where", "Where"],
               ["note", "n1", "Thank you"]],
}


def pyxform_convert(path: Path) -> None:
    """pyxform converts ``path`` (raising PyXFormError otherwise), ODK Validate checking the XForm."""
    from pyxform.xls2xform import convert

    java = shutil.which("java") is not None
    if not java and os.environ.get("CI"):
        pytest.fail("ODK Validate needs Java, which CI must have")
    if not java:
        print("ODK Validate skipped: no Java on this machine; pyxform's own checks still run")
    convert(xlsform=str(path), validate=java)


def ole_container(stream: str, size: int = 4096) -> bytes:
    """A minimal OLE compound file (the container of .xls, .doc and password-protected .xlsx)
    holding one stream named ``stream``: ``EncryptedPackage`` is what Excel writes for an .xlsx
    with a password, ``WordDocument`` what Word writes for a .doc, ``Workbook`` would be an .xls."""
    import struct

    sector = 512
    sectors = size // sector
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [n + 1 for n in range(2, 1 + sectors)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 44, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 76, 0, *[0xFFFFFFFF] * 108)

    def entry(name: str, kind: int, child: int, start: int, length: int) -> bytes:
        data = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        data[0:len(encoded)] = encoded
        struct.pack_into("<H", data, 64, len(encoded))
        data[66], data[67] = kind, 1
        struct.pack_into("<III", data, 68, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into("<II", data, 116, start, length)
        return bytes(data)

    directory = entry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + entry(stream, 2, 0xFFFFFFFF, 2, size) + bytes(256)
    return bytes(header) + struct.pack("<128I", *fat) + directory + b"x" * size
