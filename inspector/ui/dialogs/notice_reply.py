"""The unit's written reply to a notice (整改回复): the measures taken, the preventive measures,
the date of the reply, who replied, and after-photos. OK records it through
``FollowUpService.record_reply`` and publishes the change; a refusal is shown and the dialog
stays open with what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.domain.notices import NoticeSummary
from inspector.domain.photos import Photo
from inspector.ui.dialogs.errors import show_error
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.length_counter import with_counter
from inspector.ui.widgets.photo_strip import PhotoStrip


class ReplyDialog(QDialog):
    def __init__(self, ui: UiContext, notice: NoticeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.notice = notice
        self.setWindowTitle(self.tr("Reply to notice {number}").format(number=notice.number))
        intro = QLabel(self.tr("What {unit} answered in writing: the measures taken and how the problem is "
                               "kept from coming back.").format(unit=notice.addressee_unit))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.measures = QPlainTextEdit()
        self.measures.setPlaceholderText(self.tr("e.g. the scratch was repainted on 18 November"))
        self.measures.setTabChangesFocus(True)
        self.preventive = QPlainTextEdit()
        self.preventive.setPlaceholderText(self.tr("e.g. a daily body check before leaving the depot"))
        self.preventive.setTabChangesFocus(True)
        for edit in (self.measures, self.preventive):
            edit.setMinimumHeight(70)
        today = ui.app.notices.today()
        self.replied_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.replied_on.setCalendarPopup(True)
        self.replied_on.setDisplayFormat("yyyy-MM-dd")
        issued = notice.issued_at.date()
        self.replied_on.setDateRange(QDate(issued.year, issued.month, issued.day),
                                     QDate(today.year, today.month, today.day))
        self.replied_by = QLineEdit(notice.addressee)
        self.photos = PhotoStrip(ui)
        self.photos.photo_added.connect(self._photo_added)
        self.photos.remove_requested.connect(self._photo_removed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record reply"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.photos.busy_changed.connect(lambda busy: self.ok_button.setEnabled(not busy))

        form = QFormLayout()
        measures_box, self.measures_counter = with_counter(self.measures)
        preventive_box, self.preventive_counter = with_counter(self.preventive)
        form.addRow(self.tr("Measures taken:"), measures_box)
        form.addRow(self.tr("Preventive measures:"), preventive_box)
        form.addRow(self.tr("Reply date:"), self.replied_on)
        form.addRow(self.tr("Replied by:"), self.replied_by)
        form.addRow(self.tr("After-photos:"), self.photos)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        self.measures.setFocus()

    def _photo_added(self, photo: Photo) -> None:
        self.photos.set_photos([*self.photos.photos(), photo])

    def _photo_removed(self, photo_id: int) -> None:
        self.photos.set_photos([photo for photo in self.photos.photos() if photo.id != photo_id])

    def accept(self) -> None:
        """Record the reply; stay open (with the reason shown) when the service refuses."""
        try:
            changes = self.ui.app.followups.record_reply(
                self.ui.user, self.notice.id, measures=self.measures.toPlainText(),
                preventive=self.preventive.toPlainText(), replied_on=self.replied_on.date().toPython(),
                replied_by=self.replied_by.text(), photo_ids=self.photos.photo_ids())
        except InspectorError as error:
            show_error(self, error)
            return
        self.ui.hub.publish(changes)
        super().accept()
