"""The reports page (月度报告): one month's figures for every unit or one, from ``ReportService``.

At the top a month (the current one unless chosen) and a scope; then the basic figures as cards
(inspections by mode, coverage, item pass rate, findings, and the notices issued, closed on time,
overdue, recurred, and the average days to close), the score trend of twelve months and the
findings by section as charts, the ten most frequent problems with their change against last
month, the unit and staff rankings, the notices open past their deadline on the report's day
(activating one asks, through ``navigate``, for the notices page searching its number) and the
registered subjects nobody inspected in the month. "Export table (.xlsx)…" and "Export report
(.pdf)…" have the service write the file where the user chooses. Under "Vehicle and staff files"
a plate, fleet number or staff number exports that subject's file (一车一档 / 个人档案) as a PDF
through ``ArchiveService``.

Only roles holding ``Permission.VIEW_REPORTS`` see figures; anyone else reads one sentence saying
so. Figures follow the change hub (inspections, findings, notices, follow-ups, units).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.words import messages
from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError
from inspector.domain.registry import RegistryKind
from inspector.domain.reports import MonthlyReport, shift_month
from inspector.domain.templates import Severity
from inspector.domain.users import Permission
from inspector.words.labels import label
from inspector.words.report_notes import coverage_notes
from inspector.ui.language import localized
from inspector.ui.pages.base import Page
from inspector.ui.pages.dashboard import Card
from inspector.ui.navigation import ALL_STATUSES
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.report_charts import (
    ScoreTrendChart,
    SectionBar,
    SectionBarsChart,
    section_label,
    trend_data,
)
from inspector.ui.widgets.report_exports import (
    ArchiveExportBox,
    ask_save_path,
    run_or_show,
)
from inspector.ui.widgets.report_lists import (
    OverdueNoticesSection,
    UncoveredSubjectsSection,
)
from inspector.ui.widgets.report_remarks import ReportRemarksEditor
from inspector.ui.widgets.report_tables import (
    ReportTable,
    percent,
    problem_rows,
    score_rows,
)

MONTHS_OFFERED = 24
CARD_KEYS = ("inspections", "coverage", "pass_rate", "findings", "issued", "on_time", "overdue", "days")


class ReportsPage(Page):
    """``navigate(page_key, detail)`` asks the main window to open a page (as the dashboard's does)."""

    navigate = Signal(str, object)
    WATCHES = (Entity.INSPECTION, Entity.FINDING, Entity.NOTICE, Entity.FOLLOWUP, Entity.UNIT)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.report: MonthlyReport | None = None
        # Who may not read reports is told so, and led to what they can see instead.
        self.denied = QLabel()
        self.denied.setProperty("role", "hint")
        self.denied.setWordWrap(True)
        self.my_inspections_button, self.my_notices_button = QPushButton(), QPushButton()
        self.my_inspections_button.clicked.connect(lambda: self.navigate.emit("inspections", None))
        self.my_notices_button.clicked.connect(lambda: self.navigate.emit("notices", None))
        self.denied_panel = QWidget()
        denied_column = QVBoxLayout(self.denied_panel)
        denied_column.setContentsMargins(0, 24, 0, 0)
        denied_column.addWidget(self.denied)
        denied_buttons = QHBoxLayout()
        denied_buttons.addWidget(self.my_inspections_button)
        denied_buttons.addWidget(self.my_notices_button)
        denied_buttons.addStretch(1)
        denied_column.addLayout(denied_buttons)
        denied_column.addStretch(1)
        self.month_label, self.unit_label = QLabel(), QLabel()
        self.month = QComboBox()
        self.unit = QComboBox()
        self.unit.setMinimumWidth(180)
        self.export_table_button, self.export_pdf_button = QPushButton(), QPushButton()
        self.export_table_button.clicked.connect(self.export_table)
        self.export_pdf_button.clicked.connect(self.export_pdf)
        self.scope_note = QLabel()
        self.scope_note.setProperty("role", "muted")
        self.message = QLabel()
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.cards = {key: Card(clickable=False) for key in CARD_KEYS}
        self.trend_chart, self.sections_chart = ScoreTrendChart(), SectionBarsChart()
        self.headings = {key: self._heading() for key in ("figures", "problems", "units", "staff")}
        self.improvers = QLabel()
        self.improvers.setProperty("role", "hint")
        self.improvers.setWordWrap(True)
        self.problems_table, self.units_table, self.staff_table = ReportTable(2), ReportTable(2), ReportTable(2)
        self.remarks = ReportRemarksEditor(self._save_remarks)
        self.overdue, self.uncovered = OverdueNoticesSection(), UncoveredSubjectsSection()
        self.overdue.notice_chosen.connect(self._open_notice)
        self.archive = ArchiveExportBox(ui)
        self.archive.exported.connect(self._exported)
        self.body = QWidget()
        self._lay_out()
        self.retranslate()
        self.month.currentIndexChanged.connect(lambda _index: self.reload())
        self.unit.currentIndexChanged.connect(lambda _index: self.reload())
        if ui.signed_in:
            self.reload()

    @staticmethod
    def _heading() -> QLabel:
        heading = QLabel()
        heading.setProperty("role", "sectionTitle")
        return heading

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.month_label, self.month, self.unit_label, self.unit):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_table_button)
        bar.addWidget(self.export_pdf_button)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        for index, key in enumerate(CARD_KEYS):
            grid.addWidget(self.cards[key], index // 4, index % 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        charts = QHBoxLayout()
        charts.setSpacing(12)
        charts.addWidget(self.trend_chart, 3)
        charts.addWidget(self.sections_chart, 2)
        content = QVBoxLayout(self.body)
        content.setContentsMargins(0, 0, 8, 8)
        content.setSpacing(10)
        content.addWidget(self.headings["figures"])
        content.addLayout(grid)
        content.addLayout(charts)
        for key, table in (("problems", self.problems_table), ("units", self.units_table),
                           ("staff", self.staff_table)):
            content.addWidget(self.headings[key])
            if key == "units":
                content.addWidget(self.improvers)
            content.addWidget(table)
        content.addWidget(self.remarks)
        content.addWidget(self.overdue)
        content.addWidget(self.uncovered)
        content.addWidget(self.archive)
        content.addStretch(1)
        self.body.setObjectName("scrollContent")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scope_note)
        layout.addWidget(self.message)
        layout.addWidget(self.problem)
        layout.addWidget(self.denied_panel, 1)
        layout.addWidget(scroll, 1)
        self.controls = [self.month_label, self.month, self.unit_label, self.unit, self.export_table_button,
                         self.export_pdf_button, self.scope_note, self.message, scroll]

    def title(self) -> str:
        return self.tr("Reports")

    # --- choices ----------------------------------------------------------------------------
    def selected_month(self) -> str:
        return self.month.currentData() or ""

    def selected_unit(self) -> int | None:
        return self.unit.currentData()

    def set_scope(self, month: str | None = None, unit_id: int | None = None) -> None:
        """Choose a month ("YYYY-MM") and a unit (None: all units); reloads once."""
        self.month.blockSignals(True)
        self.unit.blockSignals(True)
        if month is not None and self.month.findData(month) >= 0:
            self.month.setCurrentIndex(self.month.findData(month))
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)) if unit_id is not None else 0)
        self.month.blockSignals(False)
        self.unit.blockSignals(False)
        self.reload()

    def _fill_months(self) -> None:
        """The current month first, then the ones before it."""
        chosen = self.selected_month()
        today: date = self.ui.app.notices.today()
        first = date(today.year, today.month, 1)
        self.month.blockSignals(True)
        self.month.clear()
        for back in range(MONTHS_OFFERED):
            text = shift_month(first, -back).strftime("%Y-%m")
            self.month.addItem(text, text)
        self.month.setCurrentIndex(max(0, self.month.findData(chosen)))
        self.month.blockSignals(False)

    def _fill_units(self) -> None:
        chosen = self.selected_unit()
        units = sorted(self.ui.app.registry.list(self.ui.user, RegistryKind.UNITS), key=lambda unit: unit.code)
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), None)
        for unit in units:
            self.unit.addItem(f"{unit.code} {unit.name}", unit.id)
        self.unit.setCurrentIndex(max(0, self.unit.findData(chosen)) if chosen is not None else 0)
        self.unit.blockSignals(False)

    # --- data -------------------------------------------------------------------------------
    def allowed(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.VIEW_REPORTS)

    def reload(self) -> None:
        """Read the chosen month's report (or say why there is none for this user)."""
        allowed = self.allowed()
        self.denied_panel.setVisible(not allowed)
        for widget in self.controls:
            widget.setVisible(allowed)
        self.remarks.flush()  # what was typed belongs to the month and unit on show until now
        self.report = None
        if not allowed:
            self.problem.hide()
            return
        try:
            if self.month.count() == 0:
                self._fill_months()
            self._fill_units()
            self.report = self.ui.app.reports.monthly(self.ui.user, self.selected_month(), self.selected_unit())
        except InspectorError as error:
            self.problem.setText(messages.describe(error))
            self.problem.show()
            self.scroll.hide()
            return
        self.problem.hide()
        self.scroll.show()
        self._show_figures()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.denied.setText(self.tr("Monthly reports are for the quality office, managers and administrators. "
                                    "What you can see: your inspections, with their scores, and the rectification "
                                    "notices with where each stands."))
        self.my_inspections_button.setText(self.tr("Open my inspections"))
        self.my_notices_button.setText(self.tr("Open the notices"))
        self.month_label.setText(self.tr("Month"))
        self.unit_label.setText(self.tr("Unit"))
        if self.unit.count():
            self.unit.setItemText(0, self.tr("All units"))
        self.export_table_button.setText(self.tr("Export table (.xlsx)…"))
        self.export_pdf_button.setText(self.tr("Export report (.pdf)…"))
        self.headings["figures"].setText(self.tr("Figures of the month"))
        self.headings["problems"].setText(self.tr("Most frequent problems"))
        self.headings["units"].setText(self.tr("Unit ranking"))
        self.headings["staff"].setText(self.tr("Staff ranking"))
        self.problems_table.set_headers([self.tr("Rank"), self.tr("Item"), self.tr("Problem"), self.tr("This month"),
                                         self.tr("Last month"), self.tr("Change")])
        score_headers = [self.tr("Inspections"), self.tr("Average score"), self.tr("Score rate"),
                         self.tr("Last month"), self.tr("Change (points)")]
        self.units_table.set_headers([self.tr("Rank"), self.tr("Code"), self.tr("Unit"), *score_headers])
        self.staff_table.set_headers([self.tr("Rank"), self.tr("Staff no."), self.tr("Name"), *score_headers])
        self.remarks.retranslate()
        self.overdue.retranslate()
        self.uncovered.retranslate()
        self.archive.retranslate()
        self._show_figures()

    def _show_figures(self) -> None:
        report = self.report
        if report is None:
            return
        self.scope_note.setText(self.tr("{scope}, {first} to {last}; figures as of {as_of}.").format(
            scope=report.scope_name if report.unit_id is not None else self.tr("All units"),
            first=report.first_day.isoformat(), last=report.last_day.isoformat(), as_of=report.as_of.isoformat()))
        self._show_cards(report)
        self.trend_chart.set_texts(self.tr("Average score rate, last 12 months"),
                                   self.tr("No scored inspections in these months."))
        self.trend_chart.set_data(*trend_data(report))
        self.sections_chart.set_texts(self.tr("Findings by section"), self.tr("No findings this month."))
        self.sections_chart.set_data(
            [SectionBar(section_label(line), line.general, line.serious) for line in report.sections],
            (label(Severity.GENERAL), label(Severity.SERIOUS)))
        self.problems_table.set_rows(problem_rows(report.top_problems))
        self.units_table.set_rows(score_rows(report.unit_ranking))
        self.staff_table.set_rows(score_rows(report.staff_ranking))
        self.improvers.setText(self._improvers_text(report))
        self.improvers.setVisible(bool(self.improvers.text()))
        self.remarks.show_report(report, self.ui.user.can(Permission.WRITE_REPORTS))
        self.overdue.show_report(report)
        self.uncovered.show_report(report)

    def _save_remarks(self, month: str, unit_id: int | None, text: str) -> None:
        self.ui.hub.publish(self.ui.app.reports.save_remarks(self.ui.user, month, unit_id, text))

    def _open_notice(self, number: str) -> None:
        """The notices page, any status, searching this number (it may have been closed since)."""
        self.navigate.emit("notices", {"status": ALL_STATUSES, "text": number})

    def _show_cards(self, report: MonthlyReport) -> None:
        modes = " · ".join(f"{label(line.mode)} {line.count}" for line in report.modes)
        self.cards["inspections"].set_texts(self.tr("Inspections"), str(report.inspections_total), modes)
        covered = sum(line.covered for line in report.coverage)
        population = sum(line.population for line in report.coverage)
        self.cards["coverage"].set_texts(
            self.tr("Coverage"), percent(covered / population if population else None),
            " · ".join(f"{label(line.kind)} {percent(line.rate)} ({line.covered}/{line.population})"
                       for line in report.coverage if line.population))
        self.cards["coverage"].setToolTip(coverage_notes())
        self.cards["pass_rate"].set_texts(
            self.tr("Item pass rate"), percent(report.pass_rate),
            self.tr("{passed} of {checked} items passed").format(passed=report.items_passed,
                                                                 checked=report.items_checked))
        self.cards["findings"].set_texts(self.tr("Findings"), str(report.findings_total),
                                         self.tr("{serious} serious").format(serious=report.serious_total))
        notices = report.notices
        self.cards["issued"].set_texts(self.tr("Notices issued"), str(notices.issued),
                                       self.tr("{recurred} for a recurring problem").format(recurred=notices.recurred))
        self.cards["on_time"].set_texts(
            self.tr("Closed on time"), self.tr("{on_time} of {closed}").format(on_time=notices.closed_on_time,
                                                                               closed=notices.closed),
            percent(notices.on_time_rate))
        self.cards["overdue"].set_texts(self.tr("Overdue"), str(notices.overdue),
                                        self.tr("Open past the deadline on {day}").format(day=report.as_of.isoformat()))
        self.cards["overdue"].set_alert(notices.overdue > 0)
        days = notices.average_days_to_close
        self.cards["days"].set_texts(self.tr("Average days to close"), "—" if days is None else f"{days:.1f}",
                                     self.tr("Calendar days, issue to closing"))

    def _improvers_text(self, report: MonthlyReport) -> str:
        parts = []
        if report.best_improver is not None:
            parts.append(self.tr("Most improved: {name} (+{points:.1f} points)").format(
                name=report.best_improver.name, points=(report.best_improver.change or 0) * 100))
        if report.worst_improver is not None:
            parts.append(self.tr("Most declined: {name} (−{points:.1f} points)").format(
                name=report.worst_improver.name, points=-(report.worst_improver.change or 0) * 100))
        return "; ".join(parts)

    # --- exports ----------------------------------------------------------------------------
    def _scope_file_name(self) -> str:
        report = self.report
        if report is None or report.unit_id is None:
            scope = self.tr("all-units")  # the report's own "全部单位" is the PDF's wording, not the UI's
        else:
            scope = report.scope_name
        return "".join("_" if char in '/\\:*?"<>|' else char for char in f"{self.selected_month()}-{scope}")

    def _file_name(self, what: str, suffix: str) -> str:
        """The suggested file name in the display language: 月度报表-2026-11-一号总站.xlsx or
        monthly-table-2026-11-一号总站.xlsx (the unit's name is data, never translated)."""
        return f"{what}-{self._scope_file_name()}{suffix}"

    def export_table(self) -> Path | None:
        """Have the service write the month's table (.xlsx) where the user chooses."""
        return self._export(self.tr("Export the monthly table"), self._file_name(self.tr("monthly-table"), ".xlsx"),
                            self.tr("Excel workbooks (*.xlsx)"), self.ui.app.reports.export_xlsx)

    def export_pdf(self) -> Path | None:
        """Have the service write the month's report (.pdf) where the user chooses."""
        return self._export(self.tr("Export the monthly report"), self._file_name(self.tr("monthly-report"), ".pdf"),
                            self.tr("PDF files (*.pdf)"),
                            self.ui.app.reports.export_pdf)

    def _export(self, caption: str, suggested: str, file_filter: str, write: Callable[..., Any]) -> Path | None:
        if not self.allowed():
            return None
        month, unit_id = self.selected_month(), self.selected_unit()
        path = ask_save_path(self.window(), caption, suggested, file_filter)
        if path is None or run_or_show(self.window(), lambda: write(self.ui.user, month, unit_id, path)) is None:
            return None
        self._exported(str(path))
        return path

    def _exported(self, path: str) -> None:
        self.message.setText(self.tr("Exported to {path}").format(path=path))
