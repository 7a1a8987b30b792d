"""One honest panel for the screens whose modules are still to come (inspections, notices,
reports): the page says what it will hold and shows no controls that would pretend to work.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inspector.ui.icons import icon
from inspector.ui.pages.base import Page
from inspector.ui.uicontext import UiContext

# topic → (navigation title, the one sentence about what arrives)
TOPICS: dict[str, tuple[str, str]] = {
    "inspections": (
        QT_TRANSLATE_NOOP("ComingLaterPage", "Inspections"),
        QT_TRANSLATE_NOOP(
            "ComingLaterPage",
            "Recording inspections — a checklist item by item with photos, on-site, covert or walk-around, "
            "scored as the template says — arrives with the inspections module; nothing is recorded here yet.",
        ),
    ),
    "notices": (
        QT_TRANSLATE_NOOP("ComingLaterPage", "Notices"),
        QT_TRANSLATE_NOOP(
            "ComingLaterPage",
            "Rectification notices — issued to a unit with a deadline in working days, signed, answered and "
            "followed up with before/after photos — arrive with the notices module.",
        ),
    ),
    "reports": (
        QT_TRANSLATE_NOOP("ComingLaterPage", "Reports"),
        QT_TRANSLATE_NOOP(
            "ComingLaterPage",
            "The monthly report and tables — coverage against 100 %, scores, rankings, overdue and recurring "
            "problems — arrive once inspections and notices are recorded.",
        ),
    ),
}


class ComingLaterPage(Page):
    """The placeholder page of ``topic`` ("inspections", "notices" or "reports")."""

    def __init__(self, ui: UiContext, topic: str, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        if topic not in TOPICS:
            raise ValueError(f"unknown topic {topic!r}")
        self.topic = topic
        panel = QFrame()
        panel.setProperty("role", "card")
        symbol = QLabel()
        symbol.setPixmap(icon(topic).pixmap(QSize(40, 40)))
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel()
        self.heading.setProperty("role", "sectionTitle")
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setProperty("role", "hint")
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.sentence)
        inner = QHBoxLayout(panel)
        inner.setContentsMargins(20, 18, 20, 18)
        inner.setSpacing(16)
        inner.addWidget(symbol)
        inner.addLayout(text, 1)
        panel.setMaximumWidth(760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(panel)
        layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return QCoreApplication.translate("ComingLaterPage", TOPICS[self.topic][0])

    def text(self) -> str:
        """The sentence saying what this page will hold."""
        return QCoreApplication.translate("ComingLaterPage", TOPICS[self.topic][1])

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Not available yet"))
        self.sentence.setText(self.text())
