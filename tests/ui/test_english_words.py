"""The untranslated-string check, at run time (#14.9 acceptance): in the English UI the suggested
file names and the chart labels hold no Chinese of their own — only data the user typed (a
unit's name, a template that has no English title for a section).

What English shows for a chart's section: the template's English title ("N1 Body exterior");
a section the template names only in Chinese keeps that name, as every screen shows such a
template. The PDF report and the workbook stay Chinese: they are the documents sent out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from inspector.context import AppContext
from inspector.domain.templates import TemplateStatus
from inspector.domain.users import Role, User
from inspector.storage import templates_repo
from inspector.storage.transaction import write_transaction
from inspector.ui.language import apply_language
from inspector.ui.pages.reports import ReportsPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.report_charts import ScoreTrendChart, SectionBarsChart
from tests.notice_world import BODY, NoticeWorld, completed_inspection, make_world

HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_TITLES = {"A": "Body exterior", "B": "Safety equipment"}


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    """The notice world with its checklist in both languages, and one completed inspection with a
    general (N1-1) and a serious (N1-3) finding."""
    made = make_world(context, users, tmp_path)
    sections = tuple(section.model_copy(update={"title_en": ENGLISH_TITLES[section.code]})
                     for section in BODY.sections)
    body = BODY.model_copy(update={"title_en": "Vehicle checklist", "sections": sections})
    with write_transaction(context.db):
        made.template_id = templates_repo.insert_version(
            context.db, body, version=2, status=TemplateStatus.PUBLISHED, effective_month="2026-01",
            builtin=False, created_at="2026-10-26T10:00:00+08:00", published_at="2026-10-26T10:00:00+08:00")
    completed_inspection(context, made, fails=("N1-1", "N1-3"))
    return made


def chart_words(page: ReportsPage) -> list[str]:
    trend: ScoreTrendChart = page.trend_chart
    bars: SectionBarsChart = page.sections_chart
    return [trend.title, trend.empty_text, *trend.month_labels, bars.title, bars.empty_text, *bars.legend,
            *(bar.label for bar in bars.bars)]


def suggested_names(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []

    def cancel(_parent: Any, _caption: str, start: str, _filter: str = "") -> tuple[str, str]:
        names.append(Path(start).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancel))
    return names


def test_english_chart_labels_and_file_names_hold_no_chinese_of_their_own(
        qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld, context: AppContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    names = suggested_names(monkeypatch)
    page = ReportsPage(sign_in(world.office))
    qtbot.addWidget(page)
    page.show()
    page.set_scope("2026-11", None)
    words = chart_words(page)
    assert "N1 Body exterior" in words and "N1 Safety equipment" in words and "Nov" in words
    assert [word for word in words if HAN.search(word)] == []

    page.export_table()
    page.export_pdf()
    page.archive.key.setText("1-0801")
    page.archive.export()
    assert names == ["monthly-table-2026-11-all-units.xlsx", "monthly-report-2026-11-all-units.pdf",
                     "vehicle-file-1-0801.pdf"]
    assert [name for name in names if HAN.search(name)] == []

    try:  # the Chinese UI shows the Chinese titles and names
        apply_language("zh_CN")
        page.retranslate()
        page.reload()
        labels = [bar.label for bar in page.sections_chart.bars]
        assert sorted(labels) == ["N1 安全设施", "N1 车身外观"]
        page.export_table()
        assert names[-1] == "月度报表-2026-11-全部单位.xlsx"
    finally:
        apply_language("en")


def test_a_section_without_an_english_title_keeps_its_chinese_name_in_english(
        qtbot: Any, sign_in: Callable[[User], UiContext], context: AppContext, users: dict[Role, User],
        tmp_path: Path) -> None:
    plain = make_world(context, users, tmp_path)  # BODY: Chinese titles only
    completed_inspection(context, plain, fails=("N1-1",))
    page = ReportsPage(sign_in(plain.office))
    qtbot.addWidget(page)
    page.set_scope("2026-11", None)
    assert [bar.label for bar in page.sections_chart.bars] == ["N1 车身外观"]  # the template's data
    assert [word for word in chart_words(page) if HAN.search(word) and word != "N1 车身外观"] == []
