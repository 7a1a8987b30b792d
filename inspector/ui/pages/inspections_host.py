"""The Inspections page of the main window: the list, the "Start inspection…" action, and the
recording screen in place of the list while one inspection is open.

A stacked widget switches between the list (``InspectionsPage``) and a ``RecordingScreen``;
opening a row of the list, or starting a new inspection, shows the screen, and its Close goes
back to the list. Opening something the user may not see shows the service's refusal and stays
on the list. Ctrl+Shift+N starts an inspection from anywhere on the page.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from inspector.domain.changes import Entity
from inspector.domain.inspections import Inspection
from inspector.domain.users import Permission, User
from inspector.ui.dialogs.start_inspection import StartInspectionDialog
from inspector.ui.pages.base import Page
from inspector.ui.pages.inspections import InspectionsPage
from inspector.ui.pages.recording import RecordingScreen
from inspector.ui.uicontext import UiContext


class InspectionsHost(Page):
    """The list page or the recording screen, one at a time."""

    WATCHES = (Entity.INSPECTION,)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.screen: RecordingScreen | None = None
        self._reopen_pending = False
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.start_inspection)
        self.start_action = QAction(self)
        self.start_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.start_action.triggered.connect(self.start_inspection)
        self.addAction(self.start_action)
        self.list_page = InspectionsPage(ui)
        self.list_page.open_requested.connect(self.open_inspection)
        list_side = QWidget()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.start_button)
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.list_page, 1)
        self.list_side = list_side
        self.stack = QStackedWidget()
        self.stack.addWidget(list_side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.retranslate()
        self.reload()

    def title(self) -> str:
        return self.tr("Inspections")

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("Start inspection…"))
        self.start_button.setToolTip(self.tr("Start an inspection (Ctrl+Shift+N)"))
        self.start_action.setText(self.tr("Start inspection…"))
        self.list_page.retranslate()
        if self.screen is not None and not self._reopen_pending:
            # The recording screen is built in one language; reopen it at the same item in the new
            # one (after both LanguageChange events of a translator switch, once).
            self._reopen_pending = True
            QTimer.singleShot(0, self._reopen_screen)

    def _reopen_screen(self) -> None:
        self._reopen_pending = False
        screen = self.screen
        if screen is None or not screen.save_pending():
            return  # a fail still waiting for its photos keeps the screen as it is
        code = screen.current
        reopened = self.open_inspection(screen.inspection_id)
        if reopened is not None and code is not None:
            reopened.go_to(code)

    def reload(self) -> None:
        can_record = self.ui.signed_in and self.ui.user.can(Permission.RECORD_INSPECTIONS)
        self.start_button.setVisible(can_record)  # no dead button for those who only read
        self.start_action.setEnabled(can_record)

    def on_user_changed(self, user: User) -> None:
        self.show_list()
        self.reload()

    # --- switching --------------------------------------------------------------------------
    def start_inspection(self) -> Inspection | None:
        """Ask for a new inspection and open it on the recording screen."""
        if not self.start_action.isEnabled():
            return None
        inspection = StartInspectionDialog.ask(self, self.ui)
        if inspection is not None:
            self.open_inspection(inspection.id)
        return inspection

    def open_inspection(self, inspection_id: int) -> RecordingScreen | None:
        """Show the recording screen of ``inspection_id`` (None, and the list, when refused)."""
        screen = RecordingScreen.open(self, self.ui, inspection_id)
        if screen is None:
            return None
        self._drop_screen()
        self.screen = screen
        screen.close_requested.connect(self.show_list)
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        screen.setFocus()
        return screen

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_side)
        self._drop_screen()

    def _drop_screen(self) -> None:
        if self.screen is not None:
            self.stack.removeWidget(self.screen)
            self.screen.deleteLater()
            self.screen = None
