"""The dashboard (首页): this month at a glance and the registry, every figure read from the services.

This month: inspections observed this month (completed and in progress, as the user may see them),
rectification notices due this week, overdue ones (red when there are any) and those closed this
month by their deadline ("3 of 4"), from ``NoticeService.dashboard``. Users who may view reports
(``Permission.VIEW_REPORTS``) also see, from this month's ``ReportService.monthly`` (all units, the
month of the service clock), the coverage (subjects registered, inspected and left), the score trend
of twelve months and the five most frequent problems; those open the reports page. Below: registry
counts (units, vehicles, staff, locations), the checklist templates in force (published) and who is
signed in.
No card ever shows a made-up number. Every card opens its page; a notice card opens the notices
page filtered to what it counts (open, overdue, closed). Figures follow the change hub.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError
from inspector.domain.inspection_query import InspectionFilter
from inspector.domain.inspections import InspectionStatus
from inspector.domain.notices import NoticeDashboard, NoticeFlag, NoticeStatus
from inspector.domain.registry import RegistryKind
from inspector.domain.reports import MonthlyReport
from inspector.domain.templates import TemplateStatus, TemplateVersion
from inspector.domain.users import Permission
from inspector.words.labels import label
from inspector.ui.language import current_language, localized
from inspector.ui.pages.base import Page
from inspector.ui.navigation import ALL_OPEN
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.dashboard_month import MonthReportPanel
from inspector.ui.widgets.report_tables import percent

REGISTRY_KINDS = (RegistryKind.UNITS, RegistryKind.VEHICLES, RegistryKind.STAFF, RegistryKind.LOCATIONS)
# The notice cards, left to right, and the filters each opens the notices page with
# (``NoticesPage.set_filter`` arguments: a status choice, a flag).
NOTICE_CARDS: tuple[tuple[str, dict[str, object]], ...] = (
    ("due_this_week", {"status": ALL_OPEN}),
    ("overdue", {"status": ALL_OPEN, "flag": NoticeFlag.OVERDUE}),
    ("closed_on_time", {"status": NoticeStatus.CLOSED.value}),
)
ALERT_STYLE = "color: #c62828;"


class Card(QFrame):
    """A white tile: a caption, one big value and a note; emits ``clicked`` when it has a target."""

    clicked = Signal()

    def __init__(self, *, clickable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setProperty("clickable", "true" if clickable else "false")
        self.clickable = clickable
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel()
        self.caption.setProperty("role", "cardTitle")
        self.value = QLabel()
        self.value.setProperty("role", "cardValue")
        self.note = QLabel()
        self.note.setProperty("role", "cardNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(150)

    def set_texts(self, caption: str, value: str, note: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def set_alert(self, alert: bool) -> None:
        """The value in red (something needs attention) or in the usual colour."""
        self.value.setStyleSheet(ALERT_STYLE if alert else "")

    @property
    def alert(self) -> bool:
        return bool(self.value.styleSheet())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(Page):
    """``navigate(page_key, detail)`` asks the main window to open a page (detail: a RegistryKind
    for the registry, a dict of ``NoticesPage.set_filter`` arguments for the notices page)."""

    WATCHES = (Entity.UNIT, Entity.VEHICLE, Entity.STAFF, Entity.LOCATION, Entity.TEMPLATE, Entity.USER,
               Entity.INSPECTION, Entity.FINDING, Entity.NOTICE, Entity.FOLLOWUP)
    navigate = Signal(str, object)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.counts: dict[RegistryKind, int] = {}
        self.published: list[TemplateVersion] = []
        self.notices: NoticeDashboard | None = None
        self.inspection_counts: dict[InspectionStatus, int] | None = None
        self.report: MonthlyReport | None = None
        self.headings = [self._heading() for _ in range(3)]  # registry, checklists and you, this month
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        grid.addWidget(self.headings[2], 0, 0, 1, 4)
        self.inspections_card = Card(clickable=True)
        self.inspections_card.clicked.connect(lambda: self.navigate.emit("inspections", None))
        self.coverage_card = Card(clickable=True)
        self.coverage_card.clicked.connect(self._open_reports)
        month_row = QHBoxLayout()
        month_row.setSpacing(14)
        month_row.addWidget(self.inspections_card)
        month_row.addWidget(self.coverage_card)
        self.notice_cards: dict[str, Card] = {}
        for key, filters in NOTICE_CARDS:
            card = Card(clickable=True)
            card.clicked.connect(lambda filters=filters: self.navigate.emit("notices", dict(filters)))
            self.notice_cards[key] = card
            month_row.addWidget(card)
        grid.addLayout(month_row, 1, 0, 1, 4)
        self.month_report = MonthReportPanel()
        self.month_report.clicked.connect(self._open_reports)
        self.month_report.problem_chosen.connect(self._open_failed_item)
        grid.addWidget(self.month_report, 2, 0, 1, 4)
        grid.addWidget(self.headings[0], 3, 0, 1, 4)
        self.registry_cards: dict[RegistryKind, Card] = {}
        for column, kind in enumerate(REGISTRY_KINDS):
            card = Card(clickable=True)
            card.clicked.connect(lambda kind=kind: self.navigate.emit("registry", kind))
            self.registry_cards[kind] = card
            grid.addWidget(card, 4, column)
        grid.addWidget(self.headings[1], 5, 0, 1, 4)
        self.templates_card = Card(clickable=True)
        self.templates_card.clicked.connect(lambda: self.navigate.emit("templates", None))
        self.user_card = Card(clickable=True)
        self.user_card.clicked.connect(lambda: self.navigate.emit("settings", None))
        grid.addWidget(self.templates_card, 6, 0, 1, 2)
        grid.addWidget(self.user_card, 6, 2, 1, 2)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        body = QWidget()
        body.setObjectName("scrollContent")
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 0, 8, 8)
        content.addLayout(grid)
        content.addWidget(self.problem)
        content.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.retranslate()
        if ui.signed_in:
            self.reload()

    @staticmethod
    def _heading() -> QLabel:
        heading = QLabel()
        heading.setProperty("role", "sectionTitle")
        return heading

    def title(self) -> str:
        return self.tr("Dashboard")

    def _open_reports(self) -> None:
        self.navigate.emit("reports", None)

    def _open_failed_item(self, item_code: str, text: str) -> None:
        """The inspections of the dashboard's month that failed ``item_code``."""
        report = self.month_report.report
        if report is not None:
            self.navigate.emit("inspections", {"item_code": item_code, "text": text, "first": report.first_day,
                                               "last": report.last_day})

    def reports_allowed(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.VIEW_REPORTS)

    # --- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read this month's inspection and notice figures (and report, when allowed), the registry
        counts and the templates."""
        user = self.ui.user
        try:
            self.counts = self.ui.app.registry.counts(user)
            versions = self.ui.app.templates.list(user)
            self.notices = self.ui.app.notices.dashboard(user)
            self.inspection_counts = self._inspections_this_month()
            self.report = (self.ui.app.reports.monthly(user, self.ui.app.services.clock().strftime("%Y-%m"), None)
                           if self.reports_allowed() else None)
        except InspectorError as error:
            from inspector.words import messages  # the sentences, only when one is said

            self.problem.setText(messages.describe(error))
            self.problem.show()
            return
        self.problem.hide()
        self.published = [v for v in versions if v.status is TemplateStatus.PUBLISHED]
        self._show_figures()

    def _inspections_this_month(self) -> dict[InspectionStatus, int]:
        """Inspections observed from the 1st of this month until today, by status."""
        today = self.ui.app.notices.today()
        month = InspectionFilter(date_from=date(today.year, today.month, 1), date_to=today)
        return {status: self.ui.app.inspection_query.count(self.ui.user, month.model_copy(update={"status": status}))
                for status in InspectionStatus}

    def in_force(self) -> list[TemplateVersion]:
        """The latest published version of each template code (what inspections use)."""
        latest: dict[str, TemplateVersion] = {}
        for version in self.published:
            if version.code not in latest or version.version > latest[version.code].version:
                latest[version.code] = version
        return [latest[code] for code in sorted(latest)]

    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.headings[0].setText(self.tr("Registry"))
        self.headings[1].setText(self.tr("Checklists and you"))
        self.headings[2].setText(self.tr("This month"))
        self.month_report.retranslate()
        self._show_figures()

    def _show_figures(self) -> None:
        self._show_month()
        for kind, card in self.registry_cards.items():
            count = self.counts.get(kind)
            card.set_texts(label(kind), "—" if count is None else str(count), self.tr("Open the registry"))
        in_force = self.in_force()
        separator = "、" if current_language() == "zh_CN" else ", "
        names = separator.join(f"{v.code} {localized(v.body.title_zh, v.body.title_en)}" for v in in_force)
        self.templates_card.set_texts(
            self.tr("Checklist templates in force"), str(len(in_force)),
            names or self.tr("No template has been published yet."),
        )
        if self.ui.signed_in:
            user = self.ui.user
            self.user_card.set_texts(
                self.tr("Signed in"), user.display_name, f"{label(user.role)} · {user.username}"
            )

    def _show_report(self) -> None:
        """The coverage card and the trend and problems panel, only for those who may view reports."""
        report = self.report
        allowed = report is not None
        self.coverage_card.setVisible(allowed)
        self.month_report.setVisible(allowed)
        self.month_report.show_report(report)
        if report is None:
            return
        covered = sum(line.covered for line in report.coverage)
        registered = sum(line.population for line in report.coverage)
        self.coverage_card.set_texts(
            self.tr("Coverage this month"), percent(covered / registered if registered else None),
            self.tr("{registered} registered, {covered} inspected · {left} left").format(
                registered=registered, covered=covered, left=registered - covered))

    def _show_month(self) -> None:
        self._show_report()
        counts = self.inspection_counts
        if counts is None:
            self.inspections_card.set_texts(self.tr("Inspections this month"), "—")
        else:
            self.inspections_card.set_texts(
                self.tr("Inspections this month"), str(sum(counts.values())),
                self.tr("{completed} completed · {drafts} in progress").format(
                    completed=counts[InspectionStatus.COMPLETED], drafts=counts[InspectionStatus.DRAFT]))
        figures = self.notices
        due, overdue, closed = (self.notice_cards[key] for key, _filters in NOTICE_CARDS)
        if figures is None:
            due.set_texts(self.tr("Notices due this week"), "—")
            overdue.set_texts(self.tr("Notices overdue"), "—")
            closed.set_texts(self.tr("Closed on time this month"), "—")
            overdue.set_alert(False)
            return
        due.set_texts(self.tr("Notices due this week"), str(figures.due_this_week),
                      self.tr("{open} open in all").format(open=figures.open))
        overdue.set_texts(self.tr("Notices overdue"), str(figures.overdue),
                          self.tr("Past the deadline, still open") if figures.overdue
                          else self.tr("None past its deadline"))
        overdue.set_alert(figures.overdue > 0)
        if figures.closed_this_month:
            closed.set_texts(self.tr("Closed on time this month"),
                             self.tr("{on_time} of {closed}").format(on_time=figures.closed_on_time_this_month,
                                                                     closed=figures.closed_this_month),
                             self.tr("Closed this month; on time = the reply came by the deadline"))
        else:
            closed.set_texts(self.tr("Closed on time this month"), "0", self.tr("No notice closed this month yet"))
