"""The offer to go on with an inspection in progress, above the pages after each sign-in.

A supervisor who closed the app (or whose battery died) halfway through a bus signs in again and
sees 「继续检查 粤B·40514（已答 6/25）」 with the focus on it: one key (Enter or Space) and the
recording screen opens at the first unanswered item. ``resume_requested(inspection_id)`` asks the
main window to open it; × hides the offer until the next sign-in. The offer follows the data: it
goes once that inspection is completed, and names the next draft if there is one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from inspector.domain.errors import InspectorError
from inspector.domain.inspections import DraftProgress
from inspector.ui.uicontext import UiContext


class ResumeBanner(QFrame):
    resume_requested = Signal(int)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setObjectName("resumeBanner")
        self.draft: DraftProgress | None = None
        self.others = 0
        self.dismissed = False
        self.label = QLabel()
        self.resume_button = QPushButton()
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self._resume)
        self.dismiss_button = QToolButton()
        self.dismiss_button.setText("×")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.addWidget(self.label)
        row.addWidget(self.resume_button)
        row.addStretch(1)
        row.addWidget(self.dismiss_button)
        self.hide()
        self.retranslate()

    def offer(self) -> bool:
        """After a sign-in: show the latest draft of the user (focused for one key); False if none."""
        self.dismissed = False
        shown = self.refresh()
        if shown:
            self.resume_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return shown

    def refresh(self) -> bool:
        """Read the user's drafts again (after a change); shown when there is one to offer."""
        drafts: list[DraftProgress] = []
        if self.ui.signed_in and not self.dismissed:
            try:
                drafts = self.ui.app.inspections.in_progress(self.ui.user)
            except InspectorError:
                drafts = []  # an offer must never stand between the user and the window
        self.draft = drafts[0] if drafts else None
        self.others = max(0, len(drafts) - 1)
        self.retranslate()
        self.setVisible(self.draft is not None)
        return self.draft is not None

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()

    def _resume(self) -> None:
        if self.draft is not None:
            self.resume_requested.emit(self.draft.inspection_id)

    def retranslate(self) -> None:
        self.dismiss_button.setToolTip(self.tr("Not now"))
        if self.draft is None:
            return
        self.label.setText(self.tr("You have an inspection in progress.") if not self.others else
                           self.tr("You have {count} inspections in progress; the latest:").format(
                               count=self.others + 1))
        self.resume_button.setText(self.tr("Continue inspection {subject} ({answered}/{total} answered)").format(
            subject=self.draft.subject.label, answered=self.draft.answered, total=self.draft.total))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
