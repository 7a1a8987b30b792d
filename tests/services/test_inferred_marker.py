"""The inferred-item marker never reaches a document (#13.6).

Earlier built-in versions carried 「【推定项,待确认】」 at the start of an inferred item's guidance,
and published versions never change, so databases keep such bodies. The marker is for the quality
office only — the item's ``origin`` is the flag, shown in the editor and the template list — and
the notice, its record, the monthly report, the vehicle file and the report table never show it.
Checked on the text poppler extracts from every generated PDF, and on every cell of the table.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from inspector.context import AppContext
from inspector.domain.inspections import InspectionMode
from inspector.domain.templates import Origin, TemplateStatus, without_inferred_mark
from inspector.domain.users import Role, User
from inspector.storage import templates_repo
from inspector.storage.transaction import write_transaction
from tests.notice_world import BODY, NoticeWorld, completed_inspection, make_world
from tests.pdf import pdftotext

MARK_ZH = "【推定项,待确认】"
MARK_EN = "[Inferred item — confirm with the quality office]"
MARKS = (MARK_ZH, "推定项", "待确认", MARK_EN, "Inferred item")


def _marked_body():  # noqa: ANN202
    """BODY with N1-1 an inferred item whose guidance carries the old marker (as built-ins did)."""
    sections = list(BODY.sections)
    items = list(sections[0].items)
    items[0] = items[0].model_copy(update={
        "guidance_zh": MARK_ZH + items[0].guidance_zh, "guidance_en": MARK_EN + " Paint intact.",
        "origin": Origin.INFERRED})
    sections[0] = sections[0].model_copy(update={"items": tuple(items)})
    return BODY.model_copy(update={"sections": tuple(sections)})


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    world = make_world(context, users, tmp_path)
    with write_transaction(context.db):
        world.template_id = templates_repo.insert_version(
            context.db, _marked_body(), version=2, status=TemplateStatus.PUBLISHED, effective_month="2026-02",
            builtin=True, created_at="2026-01-20T10:00:00+08:00", published_at="2026-01-25T10:00:00+08:00")
    return world


def _clean(text: str, where: str) -> None:
    for mark in MARKS:
        assert mark not in text, f"{where} shows {mark!r}"


def test_no_generated_document_shows_the_inferred_item_marker(
    context: AppContext, world: NoticeWorld, tmp_path: Path,
) -> None:
    """「服务规范是质量监督人员制定的,即没有充分听取一线员工的意见」 (F1·1) — a suggested item is for
    the office to confirm, not a word printed to the unit; 「针对重大问题和隐患,向责任单位负责人书面
    下发《客服质量整改通知单》」 (F2·3 5.3) — the notice's 整改要求 is the standard itself."""
    onsite = completed_inspection(context, world, fails=("N1-1", "N1-3"), seed=1)
    completed_inspection(context, world, fails=("N1-1",), seed=2, mode=InspectionMode.COVERT)
    [draft] = context.notices.drafts(world.office, onsite.id, finding_ids=[
        finding.id for finding in context.inspections.findings(world.office, onsite.id)])
    measures = {item.item_code: item.measure for item in draft.items}
    assert measures["N1-1"] == "车身漆面完好，划痕须补漆处理"  # the standard, without the marker
    notice, _ = context.notices.issue(world.office, draft)

    documents = {
        "notice": context.notices.pdf_file(world.office, notice.id).read_bytes(),
        "notice record": context.notice_files.record_pdf(world.office, notice.id),
    }
    report = tmp_path / "report.pdf"
    context.reports.export_pdf(world.office, "2026-11", None, report)
    documents["monthly report"] = report.read_bytes()
    archive = tmp_path / "bus.pdf"
    context.archives.export_vehicle(world.office, "1-0801", archive)
    documents["vehicle file"] = archive.read_bytes()
    for name, pdf in documents.items():
        text = pdftotext(pdf, tmp_path)
        assert text.strip(), name
        _clean(text, name)
    assert "车身漆面完好" in pdftotext(documents["notice"], tmp_path)  # the standard is printed

    table = tmp_path / "report.xlsx"
    context.reports.export_xlsx(world.office, "2026-11", None, table)
    cells = [str(value) for sheet in openpyxl.load_workbook(table) for row in sheet.iter_rows(values_only=True)
             for value in row if value is not None]
    assert cells
    _clean("\n".join(cells), "report table")
    stored = context.db.execute("SELECT group_concat(measure, '|') FROM notice_items").fetchone()[0]
    _clean(stored, "stored notice items")


def test_the_marker_is_taken_out_wherever_an_item_is_shown() -> None:
    """「服务规范必须具体、可行,能为全体员工所接受」 (F2·4): the standard shown is the standard alone."""
    item = _marked_body().item("N1-1")
    assert item is not None and item.origin is Origin.INFERRED
    assert (item.shown_guidance_zh, item.shown_guidance_en) == ("车身漆面完好，划痕须补漆处理", "Paint intact.")
    assert without_inferred_mark("【推定项，待确认】地面干燥") == "地面干燥"
