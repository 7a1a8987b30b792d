"""The dashboard (首页): the figures that exist today, read from the services, and honest cards
for the figures that arrive with later modules.

Today: registry counts (units, vehicles, staff, locations), the checklist templates in force
(published), and who is signed in. Inspections and notices get cards that say which module
brings them; they never show a made-up number. Cards with a destination open that page.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from inspector import messages
from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import TemplateStatus, TemplateVersion
from inspector.labels import label
from inspector.ui.language import current_language, localized
from inspector.ui.pages.base import Page
from inspector.ui.uicontext import UiContext

REGISTRY_KINDS = (RegistryKind.UNITS, RegistryKind.VEHICLES, RegistryKind.STAFF, RegistryKind.LOCATIONS)
# (card key, title, note, destination page) for figures that arrive with later modules.
LATER_CARDS = (
    ("inspections", QT_TRANSLATE_NOOP("DashboardPage", "Inspections this month"),
     QT_TRANSLATE_NOOP("DashboardPage", "Counts and coverage appear here once the inspections module is in use."),
     "inspections"),
    ("notices", QT_TRANSLATE_NOOP("DashboardPage", "Open rectification notices"),
     QT_TRANSLATE_NOOP("DashboardPage", "Open and overdue notices appear here once the notices module is in use."),
     "notices"),
)


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

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(Page):
    """``navigate(page_key, detail)`` asks the main window to open a page (detail: a RegistryKind)."""

    WATCHES = (Entity.UNIT, Entity.VEHICLE, Entity.STAFF, Entity.LOCATION, Entity.TEMPLATE, Entity.USER)
    navigate = Signal(str, object)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.counts: dict[RegistryKind, int] = {}
        self.published: list[TemplateVersion] = []
        self.registry_cards: dict[RegistryKind, Card] = {}
        self.headings = [self._heading() for _ in range(3)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        grid.addWidget(self.headings[0], 0, 0, 1, 4)
        for column, kind in enumerate(REGISTRY_KINDS):
            card = Card(clickable=True)
            card.clicked.connect(lambda kind=kind: self.navigate.emit("registry", kind))
            self.registry_cards[kind] = card
            grid.addWidget(card, 1, column)
        grid.addWidget(self.headings[1], 2, 0, 1, 4)
        self.templates_card = Card(clickable=True)
        self.templates_card.clicked.connect(lambda: self.navigate.emit("templates", None))
        self.user_card = Card(clickable=True)
        self.user_card.clicked.connect(lambda: self.navigate.emit("settings", None))
        grid.addWidget(self.templates_card, 3, 0, 1, 2)
        grid.addWidget(self.user_card, 3, 2, 1, 2)
        grid.addWidget(self.headings[2], 4, 0, 1, 4)
        self.later_cards: dict[str, Card] = {}
        for index, (key, _title, _note, target) in enumerate(LATER_CARDS):
            card = Card(clickable=True)
            card.clicked.connect(lambda target=target: self.navigate.emit(target, None))
            self.later_cards[key] = card
            grid.addWidget(card, 5, index * 2, 1, 2)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addStretch(1)
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

    # --- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the registry counts and the published templates again."""
        try:
            self.counts = self.ui.app.registry.counts(self.ui.user)
            versions = self.ui.app.templates.list(self.ui.user)
        except InspectorError as error:
            self.problem.setText(messages.describe(error))
            self.problem.show()
            return
        self.problem.hide()
        self.published = [v for v in versions if v.status is TemplateStatus.PUBLISHED]
        self._show_figures()

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
        self.headings[2].setText(self.tr("Coming with later modules"))
        for key, title, note, _target in LATER_CARDS:
            self.later_cards[key].set_texts(
                QCoreApplication.translate("DashboardPage", title), "—", QCoreApplication.translate("DashboardPage", note)
            )
        self._show_figures()

    def _show_figures(self) -> None:
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
