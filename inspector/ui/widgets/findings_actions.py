"""What happens to a completed inspection's findings, under the recording screen's header.

A completed inspection with findings shows one line: how many are open, on a notice, closed or
fixed on the spot, and — for users with ``ISSUE_NOTICES`` while open findings remain — "Create
rectification notice…", which opens ``CreateNoticeDialog`` for the inspection. A walk-around
lists its findings one per line with their state; an open one offers "Fixed on the spot…"
(日清日结) to the supervisor who recorded it or the quality office, which asks for an optional
note and calls ``NoticeService.fix_on_spot``. The bar reads the findings itself and follows the
change hub (findings, notices, inspections); the recording screen only hands it the inspection.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.words import messages
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError
from inspector.domain.inspections import Finding, FindingStatus, Inspection, InspectionMode, InspectionStatus
from inspector.domain.templates import TemplateItem
from inspector.domain.users import Permission, can_edit_inspection
from inspector.ui.language import localized
from inspector.ui.uicontext import UiContext

WATCHED = (Entity.FINDING, Entity.NOTICE, Entity.INSPECTION)


class FindingsActions(QFrame):
    """The findings' states and what may be done with them; hidden until the inspection is completed."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.inspection: Inspection | None = None
        self.items: Mapping[str, TemplateItem] = {}
        self.findings: list[Finding] = []
        self.fix_buttons: dict[int, QPushButton] = {}  # finding id → its "Fixed on the spot…"
        self.summary = QLabel()
        self.create_button = QPushButton(self.tr("Create rectification notice…"))
        self.create_button.setToolTip(self.tr("Issue a notice to the responsible unit for the open findings"))
        self.create_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # letters stay answers
        self.create_button.clicked.connect(self.create_notice)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.create_button)
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(top)
        layout.addLayout(self.rows)
        layout.addWidget(self.error)
        ui.hub.changed.connect(self._changed)
        self.hide()

    # --- showing ----------------------------------------------------------------------------
    def show_inspection(self, inspection: Inspection, items: Mapping[str, TemplateItem]) -> None:
        """Show the findings of ``inspection`` (hidden while it is a draft or has none)."""
        self.inspection, self.items = inspection, items
        self.refresh()

    def refresh(self) -> None:
        inspection = self.inspection
        self.findings = []
        if inspection is not None and inspection.status is InspectionStatus.COMPLETED:
            try:
                self.findings = self.ui.app.inspections.findings(self.ui.user, inspection.id)
            except InspectorError as error:
                self._show_error(error)
        self.setVisible(bool(self.findings))
        self.summary.setText(self.summary_text())
        self.create_button.setVisible(self.can_create_notice())
        self._show_rows()

    def summary_text(self) -> str:
        counts = {status: sum(1 for f in self.findings if f.status is status) for status in FindingStatus}
        counted = {FindingStatus.OPEN: self.tr("{count} open"), FindingStatus.NOTICED: self.tr("{count} on a notice"),
                   FindingStatus.CLOSED: self.tr("{count} closed"),
                   FindingStatus.FIXED_ON_SPOT: self.tr("{count} fixed on the spot")}
        parts = [text.format(count=counts[status]) for status, text in counted.items()
                 if counts[status] or status is FindingStatus.OPEN]
        return self.tr("Findings: {states}").format(states=" · ".join(parts))

    def status_text(self, status: FindingStatus) -> str:
        words = {FindingStatus.OPEN: self.tr("open"), FindingStatus.NOTICED: self.tr("on a notice"),
                 FindingStatus.CLOSED: self.tr("closed"), FindingStatus.FIXED_ON_SPOT: self.tr("fixed on the spot")}
        return words[status]

    def _show_rows(self) -> None:
        """A walk-around: one line per finding, "Fixed on the spot…" on the open ones one may fix."""
        while self.rows.count():
            row = self.rows.takeAt(0).widget()
            if row is not None:
                row.hide()
                row.setParent(None)  # type: ignore[call-overload]  # gone from the bar at once
                row.deleteLater()
        self.fix_buttons = {}
        if self.inspection is None or self.inspection.mode is not InspectionMode.WALKAROUND:
            return
        for finding in self.findings:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(12, 0, 0, 0)
            item = self.items.get(finding.item_code)
            text = f"{finding.item_code}  {localized(item.text_zh, item.text_en)}" if item else finding.item_code
            line.addWidget(QLabel(f"{text} — {self.status_text(finding.status)}"), 1)
            if finding.status is FindingStatus.OPEN and self.can_fix(finding):
                button = QPushButton(self.tr("Fixed on the spot…"))
                button.setToolTip(self.tr("日清日结: corrected while you were there; no notice is needed"))
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.clicked.connect(lambda _checked=False, finding_id=finding.id: self.fix_on_spot(finding_id))
                line.addWidget(button)
                self.fix_buttons[finding.id] = button
            self.rows.addWidget(row)

    # --- who may do what --------------------------------------------------------------------
    def can_create_notice(self) -> bool:
        return (self.ui.signed_in and self.ui.user.can(Permission.ISSUE_NOTICES)
                and any(finding.status is FindingStatus.OPEN for finding in self.findings))

    def can_fix(self, finding: Finding) -> bool:
        """The supervisor who recorded the walk-around, or the quality office (the service decides)."""
        inspection = self.inspection
        if inspection is None or inspection.mode is not InspectionMode.WALKAROUND or not self.ui.signed_in:
            return False
        user = self.ui.user
        return can_edit_inspection(user, author_id=inspection.author_id) or user.can(Permission.ISSUE_NOTICES)

    # --- acting -----------------------------------------------------------------------------
    def create_notice(self) -> None:
        """Open the notice dialog on this inspection's open findings."""
        if self.inspection is None or not self.can_create_notice():
            return
        from inspector.ui.dialogs.notice_create import CreateNoticeDialog  # the notices UI, on first use

        dialog = CreateNoticeDialog(self.ui, self.inspection.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()

    def ask_note(self) -> str | None:
        """The optional note of a fix on the spot; None when cancelled (tests replace this)."""
        from inspector.ui.dialogs.note_dialog import NoteDialog  # on first use

        return NoteDialog.ask(self, self.tr("Fixed on the spot"), self.tr("What was done (optional):"))

    def fix_on_spot(self, finding_id: int) -> bool:
        """日清日结: mark the walk-around finding fixed, with a note; True when it was saved."""
        note = self.ask_note()
        if note is None:
            return False
        try:
            changes = self.ui.app.notices.fix_on_spot(self.ui.user, finding_id, note)
        except InspectorError as error:
            self._show_error(error)
            return False
        self.error.hide()
        self.ui.hub.publish(changes)  # this bar refreshes from the hub like every other view
        return True

    def _show_error(self, error: InspectorError) -> None:
        self.error.setText(messages.describe(error))
        self.error.show()

    def _changed(self, changes: ChangeSet) -> None:
        if self.inspection is not None and changes.touches(*WATCHED):
            self.refresh()
