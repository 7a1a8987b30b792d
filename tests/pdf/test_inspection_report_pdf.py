"""The written inspection report's PDF drawn from plain shapes: a covert report prints no
inspector even when handed one, the same report gives the same bytes, and each report of a
many-report PDF carries its own QR code (number + content hash) and its own page count.
The regulation (seeds-digest D-121): 「检查结束后形成书面检查报告反馈各单位、部门」."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from inspector.domain.inspection_report import InspectionReport, ReportItem, SectionScore, report_number
from inspector.domain.inspections import AnswerResult, InspectionMode, InspectionStatus
from inspector.domain.templates import Severity
from inspector.pdf import layout
from inspector.pdf.inspection_report_pdf import render_inspection_reports
from tests.pdf import decompressed, page_count, pdffonts, pdftotext, squeezed

CST = timezone(timedelta(hours=8))
INSPECTOR = "张伟"


def report(inspection_id: int = 7, *, mode: InspectionMode = InspectionMode.ONSITE, items: int = 4) -> InspectionReport:
    rows = tuple(ReportItem(code=f"T1-1.{index}", text=f"车窗玻璃洁净 {index}", section="车容车貌",
                            result=AnswerResult.FAIL if index == 1 else AnswerResult.PASS,
                            severity=Severity.SERIOUS if index == 1 else None, note="右侧后门处" if index == 1 else "",
                            deduct=2) for index in range(1, items + 1))
    made = InspectionReport(
        inspection_id=inspection_id, number=report_number(inspection_id), organisation_name="服务质量管理办公室",
        template_code="T1", template_title="车容车貌检查表", template_version=2, effective_month="2026-11",
        scheme="扣分制", mode=mode, status=InspectionStatus.COMPLETED, subject_kind="车辆", subject_label="粤B·12345",
        unit_name="一号总站", observed_at=datetime(2026, 11, 4, 9, 30, tzinfo=CST),
        entered_at=datetime(2026, 11, 5, 8, 0, tzinfo=CST), inspector_name=INSPECTOR, items=rows, score=98,
        max_score=100, percent=98, deducted=2, sections=(SectionScore(code="A", title="车容车貌", deducted=2),),
        generated_on=date(2026, 11, 20))
    return made.model_copy(update={"content_sha256": made.content_hash()})


def test_only_the_bundled_font_is_embedded_and_the_facts_read_back(tmp_path: Path) -> None:
    pdf = render_inspection_reports([report()])
    fonts = pdffonts(pdf, tmp_path)
    assert fonts and all("WenQuanYiMicroHei" in row[0] and row[-5] == "yes" for row in fonts)
    text = squeezed(pdftotext(pdf, tmp_path))
    for expected in ("客服质量检查记录", "T1第2版（2026年11月起执行）", "录入时间2026年11月05日08:00", "不合格", "严重",
                     "右侧后门处", "合格3项，不合格1项", "检查人" + INSPECTOR):
        assert squeezed(expected) in text, expected


def test_a_covert_report_prints_no_inspector_even_when_the_shape_carries_one(tmp_path: Path) -> None:
    covert = report(mode=InspectionMode.COVERT)  # inspector_name left in on purpose
    pdf = render_inspection_reports([covert])
    text = pdftotext(pdf, tmp_path)
    assert INSPECTOR not in text and "暗访" in text and "被检查方确认" not in text
    for encoded in (INSPECTOR.encode("utf-8"), INSPECTOR.encode("utf-16-be")):
        assert encoded not in pdf and encoded not in decompressed(pdf)
    assert INSPECTOR in pdftotext(render_inspection_reports([report()]), tmp_path)  # the check is not blind


def test_the_same_report_gives_the_same_bytes_and_a_hash_that_ignores_the_day_printed() -> None:
    first = report()
    assert render_inspection_reports([first]) == render_inspection_reports([first])
    later = first.model_copy(update={"generated_on": date(2026, 12, 1)})
    assert later.content_hash() == first.content_hash()
    changed = first.model_copy(update={"score": 97})
    assert changed.content_hash() != first.content_hash()


def test_each_report_of_a_many_report_pdf_has_its_own_qr_code_and_page_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = [report(7, items=60), report(8, items=3)]
    payloads: list[str] = []
    real = layout.qr_drawing
    monkeypatch.setattr(layout, "qr_drawing", lambda payload: payloads.append(payload) or real(payload))
    pdf = render_inspection_reports(reports)
    assert payloads == [item.qr_payload() for item in reports]  # one form per report, drawn on its pages
    pages = [pdftotext(pdf, tmp_path, page=number) for number in range(1, page_count(pdf) + 1)]
    first = [page for page in pages if report_number(7) in page]
    second = [page for page in pages if report_number(8) in page]
    assert len(first) >= 2 and len(second) == 1 and len(first) + len(second) == len(pages)
    assert f"第 {len(first)} 页 / 共 {len(first)} 页" in first[-1]
    assert "第 1 页 / 共 1 页" in second[0]
