"""Issue #12 point 11: a name that is a spreadsheet formula is written into every exported workbook
as text — openpyxl reads it back as a string, and the sheet XML holds no ``<f>`` element.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.services.sheet_cells import set_text
from tests.hostile import corpus
from inspector.services.template_sheets_read import read_template_xlsx
from inspector.services.template_sheets_write import write_template_xlsx
from tests.services.test_coverage_registry_month import STAFF_BODY, publish
from tests.services.test_reports import build_month
from tests.services.test_template_sheets import every_field_body

HYPERLINK = '=HYPERLINK("http://x","y")'


def _formula_elements(path: Path) -> list[str]:
    """Every ``<f>`` element in any sheet of the workbook at ``path``."""
    with zipfile.ZipFile(path) as archive:
        return [match for name in archive.namelist() if name.startswith("xl/worksheets/")
                for match in re.findall(r"<f[ >/]", archive.read(name).decode("utf-8"))]


def _cells_holding(path: Path, wanted: set[str]) -> dict[str, list]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    found: dict[str, list] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in wanted:
                    found.setdefault(cell.value, []).append(cell)
    return found


def test_a_formula_unit_or_staff_name_is_text_in_the_monthly_workbook(
        context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    month = build_month(context, users, tmp_path)
    office = month.world.office
    context.registry.update(office, RegistryKind.UNITS, month.world.unit_id, {"name": HYPERLINK})
    staff_names = {HYPERLINK, "+SUM(1,2)", "-2+3", "@SUM(A1:A2)"}
    # staff are a coverage row (and so in the list not inspected) where a staff checklist is in force
    # and they were in service in the month (#13.5)
    publish(context, STAFF_BODY, "2026-01")
    for index, name in enumerate(sorted(staff_names)):
        context.registry.add(office, RegistryKind.STAFF, {"staff_no": f"S{index:02d}", "name": name,
                                                          "role": "driver", "unit_id": month.second_unit_id},
                             active_from=date(2026, 11, 1))
    table = tmp_path / "month.xlsx"
    context.reports.export_xlsx(office, "2026-11", None, table)

    found = _cells_holding(table, staff_names)
    assert set(found) == staff_names  # every name is in the workbook, unchanged
    assert len(found[HYPERLINK]) >= 3  # the unit in the ranking, the trend, the uncovered; the staff member
    for cells in found.values():
        assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    assert _formula_elements(table) == []


def test_a_formula_in_a_checklist_is_text_in_the_template_workbook_and_reads_back(tmp_path: Path) -> None:
    body = every_field_body()
    first = body.sections[0]
    items = [item.model_copy(update={"text_zh": text, "guidance_zh": text})
             for item, text in zip(first.items, ("+SUM(1,2)", "@SUM(A1:A2)", "-2+3"))]
    body = body.model_copy(update={"title_zh": HYPERLINK, "sections": (
        first.model_copy(update={"items": tuple(items), "title_zh": "=1+1"}), *body.sections[1:])})
    table = tmp_path / "template.xlsx"
    write_template_xlsx(body, table)

    assert _formula_elements(table) == []
    found = _cells_holding(table, {"+SUM(1,2)", "@SUM(A1:A2)", "-2+3", "=1+1", HYPERLINK})
    assert len(found) == 5 and all(cell.data_type == "s" for cells in found.values() for cell in cells)
    assert read_template_xlsx(table) == body  # and the import reads the same texts back


@pytest.mark.parametrize("text", corpus.FORMULA_NAMES)
def test_every_formula_start_is_written_as_quoted_text(tmp_path: Path, text: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    set_text(book.active["A1"], text)
    set_text(book.active["A2"], "普通名称")
    path = tmp_path / "cells.xlsx"
    book.save(path)

    again = openpyxl.load_workbook(path).active
    assert (again["A1"].value, again["A1"].data_type, again["A1"].quotePrefix) == (text, "s", True)
    assert (again["A2"].value, again["A2"].quotePrefix) == ("普通名称", False)  # plain text stays plain
    assert _formula_elements(path) == []


def test_a_stored_control_character_cannot_stop_a_workbook(tmp_path: Path) -> None:
    """Names stored before input refused control characters still export (as U+FFFD)."""
    import openpyxl

    book = openpyxl.Workbook()
    set_text(book.active["A1"], "第一\x00车队")
    path = tmp_path / "cells.xlsx"
    book.save(path)
    assert openpyxl.load_workbook(path).active["A1"].value == "第一\ufffd车队"
