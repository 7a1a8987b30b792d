"""The checklist's own words on the dashboard and the reports page follow the display language
(#14.9): a problem's item text and a section's name, and the items a complaint's finding can be
made on, are shown in English in the English UI when
the template has them in English; where it has none, the Chinese stands beside the item code
(never an empty cell). The PDF and the table of the month stay Chinese: they are the office's
documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector.context import AppContext
from inspector.domain.templates import Severity, SubjectKind, TemplateBody, TemplateItem, TemplateSection
from inspector.domain.users import Role, User
from inspector.ui.dialogs.complaint_steps import FindingItemChoice
from inspector.ui.language import apply_language
from inspector.ui.pages.dashboard import DashboardPage
from inspector.ui.pages.reports import ReportsPage
from inspector.ui.uicontext import UiContext
from tests.complaints.world import add_case
from tests.notice_world import NoticeWorld, completed_inspection, make_world

# Section A and item N1-1 have English; section B and item N1-3 do not (an office's own checklist).
HALF_ENGLISH = TemplateBody(
    code="N1", title_zh="车容车貌检查表", title_en="Vehicle checklist", subject=SubjectKind.VEHICLE,
    sections=(
        TemplateSection(code="A", title_zh="车身外观", title_en="Body exterior", items=(
            TemplateItem(code="N1-1", text_zh="车身无明显划痕", text_en="No visible scratches on the body", deduct=5),
            TemplateItem(code="N1-2", text_zh="车窗玻璃洁净", text_en="Windows clean", deduct=3),
        )),
        TemplateSection(code="B", title_zh="安全设施", items=(
            TemplateItem(code="N1-3", text_zh="灭火器在有效期内", deduct=10, severity=Severity.SERIOUS),
            TemplateItem(code="N1-4", text_zh="安全锤齐全", deduct=5),
        )),
    ),
)


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    made = make_world(context, users, tmp_path, body=HALF_ENGLISH)
    completed_inspection(context, made, fails=("N1-1", "N1-3"), seed=1)
    completed_inspection(context, made, fails=("N1-1",), seed=2)
    return made


def test_the_report_carries_both_texts_of_the_template(context: AppContext, world: NoticeWorld) -> None:
    report = context.reports.monthly(world.office, "2026-11")
    assert [(line.item_code, line.text, line.text_en) for line in report.top_problems] == [
        ("N1-1", "车身无明显划痕", "No visible scratches on the body"), ("N1-3", "灭火器在有效期内", "")]
    assert [(line.section_title, line.section_title_en) for line in report.sections] == [
        ("车身外观", "Body exterior"), ("安全设施", "")]


def test_dashboard_problems_and_report_sections_follow_the_language(
    qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld,
) -> None:
    ui = sign_in(world.office)
    dashboard = DashboardPage(ui)
    reports = ReportsPage(ui)
    for page in (dashboard, reports):
        qtbot.addWidget(page)
        page.show()
    problems = dashboard.month_report.problems.table

    def shown() -> tuple[list[str], list[str], list[str], list[str]]:
        return (problems.texts(1), [problems.item(row, 1).toolTip() for row in range(problems.rowCount())],
                reports.problems_table.texts(2), [bar.label for bar in reports.sections_chart.bars])

    assert shown() == (["No visible scratches on the body", "灭火器在有效期内"],
                       ["No visible scratches on the body", "灭火器在有效期内"],
                       ["No visible scratches on the body", "灭火器在有效期内"],  # no English: the Chinese
                       ["N1 Body exterior", "N1 安全设施"])
    assert problems.texts(0) == ["N1-1", "N1-3"]  # the code beside the Chinese says which item it is
    try:
        apply_language("zh_CN")
        for page in (dashboard, reports):
            page.retranslate()  # what the main window does on LanguageChange
        assert shown() == (["车身无明显划痕", "灭火器在有效期内"], ["车身无明显划痕", "灭火器在有效期内"],
                           ["车身无明显划痕", "灭火器在有效期内"], ["N1 车身外观", "N1 安全设施"])
    finally:
        apply_language("en")
    dashboard.retranslate()
    assert problems.texts(1)[0] == "No visible scratches on the body"


def test_a_complaints_finding_offers_the_items_in_the_display_language(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
) -> None:
    case = add_case(context, world)  # about the bus: the vehicle checklist's items

    def offered() -> list[str]:
        choice = FindingItemChoice(sign_in(world.office), case)
        qtbot.addWidget(choice)
        return [choice.itemText(index) for index in range(1, choice.count())]

    assert offered() == ["N1-1 No visible scratches on the body", "N1-2 Windows clean", "N1-3 灭火器在有效期内",
                         "N1-4 安全锤齐全"]
    try:
        apply_language("zh_CN")
        assert offered() == ["N1-1 车身无明显划痕", "N1-2 车窗玻璃洁净", "N1-3 灭火器在有效期内", "N1-4 安全锤齐全"]
    finally:
        apply_language("en")


def test_a_section_name_that_fits_the_label_column_is_drawn_whole(qapp: Any) -> None:
    """Seen in the Chinese window: 「T3 楼宇内公共…」 although the column was made for it (its
    width measured in whole pixels, rounded down, then the label elided to that width)."""
    from inspector.app import configure_application
    from inspector.ui.widgets.report_charts import bar_labels

    font = qapp.font()
    configure_application(qapp)  # the real font: CJK advances are fractional
    try:
        labels = ["T3 楼宇内公共区域", "T3 卫生间", "T3 Indoor public areas", "T2 劳动纪律"]
        width, shown = bar_labels(qapp.font(), labels, 400)
        assert shown == labels and width < 400
        width, shown = bar_labels(qapp.font(), labels, 60)  # a narrow chart: the column at its cap
        assert width == 60 and shown[0].endswith("…") and shown[2].endswith("…")
        assert shown[1] == "T3 卫生间"  # narrower than the cap: whole
    finally:
        qapp.setFont(font)
