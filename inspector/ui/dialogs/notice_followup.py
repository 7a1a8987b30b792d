"""The follow-up check (复查) of a notice: for every problem passed or failed, a note and
after-photos taken from the same spot (the notice's own photo is shown beside the picker so the
supervisor can frame it the same way), an overall note and, when something failed, the working
days of the new notice. The dialog says plainly what OK will do: close the notice, or issue a new
one for the failed problems with its deadline. OK stays disabled until every problem has a result.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QRadioButton,
    QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from inspector.domain.deadlines import MAX_WORKING_DAYS
from inspector.domain.errors import InspectorError
from inspector.domain.notices import FollowUpItemResult, FollowUpResult, NoticeDraft, NoticeItem, NoticeStatus, NoticeSummary
from inspector.ui.dialogs.errors import show_error
from inspector.ui.dialogs.notice_create import weekday_name
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.length_counter import with_counter
from inspector.ui.widgets.note_edit import NoteEdit
from inspector.ui.widgets.photo_strip import THUMB_SHOWN, PhotoStrip

ESTIMATE_COLOUR = "#b26a00"


class ProblemCheck(QGroupBox):
    """One problem of the notice: the photo at issue, pass/fail, a note and after-photos."""

    def __init__(self, ui: UiContext, item: NoticeItem, before: QPixmap | None, parent: QWidget | None = None) -> None:
        super().__init__(f"{item.position}. {item.item_code}  {item.problem}", parent)
        self.item = item
        self.passed = QRadioButton(self.tr("Passed"))
        self.failed = QRadioButton(self.tr("Failed"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.passed)
        self.choice.addButton(self.failed)
        self.note = NoteEdit(self.tr("What was seen at the follow-up"), lines=2)
        self.before = QLabel()
        self.before.setFixedSize(THUMB_SHOWN + 8, THUMB_SHOWN + 8)
        self.before.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.before.setFrameShape(QFrame.Shape.StyledPanel)
        if before is not None and not before.isNull():
            self.before.setPixmap(before.scaled(THUMB_SHOWN, THUMB_SHOWN, Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation))
            self.before.setToolTip(self.tr("The photo on the notice: take the after-photo from the same spot"))
        else:
            self.before.setText(self.tr("no photo"))
            self.before.setProperty("role", "muted")
        before_caption = QLabel(self.tr("At issue"))
        before_caption.setProperty("role", "hint")
        self.photos = PhotoStrip(ui)
        self.photos.set_photos([])  # nothing to annotate or remove yet
        self.photos.photo_added.connect(lambda photo: self.photos.set_photos([*self.photos.photos(), photo]))
        self.photos.remove_requested.connect(self._remove_photo)
        before_column = QVBoxLayout()
        before_column.setSpacing(2)
        before_column.addWidget(self.before)
        before_column.addWidget(before_caption, 0, Qt.AlignmentFlag.AlignHCenter)
        before_column.addStretch(1)
        after_caption = QLabel(self.tr("After-photos, from the same spot:"))
        after_caption.setProperty("role", "hint")
        after_column = QVBoxLayout()
        after_column.setSpacing(2)
        after_column.addWidget(after_caption)
        after_column.addWidget(self.photos)
        pictures = QHBoxLayout()
        pictures.addLayout(before_column)
        pictures.addLayout(after_column, 1)
        verdict = QHBoxLayout()
        verdict.addWidget(self.passed)
        verdict.addWidget(self.failed)
        verdict.addStretch(1)
        note_box, self.note_counter = with_counter(self.note)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(verdict)
        layout.addWidget(note_box)
        layout.addLayout(pictures)

    def _remove_photo(self, photo_id: int) -> None:
        self.photos.set_photos([photo for photo in self.photos.photos() if photo.id != photo_id])

    def result(self) -> FollowUpResult | None:
        if self.passed.isChecked():
            return FollowUpResult.PASS
        if self.failed.isChecked():
            return FollowUpResult.FAIL
        return None

    def value(self) -> FollowUpItemResult:
        return FollowUpItemResult(position=self.item.position, result=self.result() or FollowUpResult.FAIL,
                                  note=self.note.text(), photo_ids=tuple(self.photos.photo_ids()))


class FollowUpDialog(QDialog):
    def __init__(self, ui: UiContext, notice: NoticeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.notice = notice
        self.closed: NoticeSummary | None = None  # the notice after the follow-up
        self.reissued: NoticeSummary | None = None  # the new notice for the failed problems, if any
        self.setWindowTitle(self.tr("Follow-up of notice {number}").format(number=notice.number))
        intro = QLabel(self.tr("Check every problem of the notice to {unit} on the spot. A photo from the same "
                               "spot as the one at issue shows best what changed.").format(unit=notice.addressee_unit))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        before = self._before_photos()
        self.checks = [ProblemCheck(ui, item, before.get(item.finding_id))
                       for item in ui.app.notices.items(ui.user, notice.id)]
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 6, 0)
        for check in self.checks:
            column_layout.addWidget(check)
            check.choice.buttonToggled.connect(lambda _button, _checked: self._update())
            check.photos.busy_changed.connect(lambda _busy: self._update())
        column_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(column)
        scroll.viewport().setAutoFillBackground(False)  # the dialog's own background shows through
        column.setAutoFillBackground(False)
        self.note = NoteEdit(self.tr("Optional: who was present, anything else seen"), lines=2)
        self.days = QSpinBox()
        self.days.setRange(1, MAX_WORKING_DAYS)
        self.days.setValue(min(max(notice.working_days, 1), MAX_WORKING_DAYS))
        self.days.setSuffix(self.tr(" working days"))
        self.days.setMaximumWidth(180)
        self.days.valueChanged.connect(lambda _value: self._update())
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record follow-up"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        note_row, self.note_counter = with_counter(self.note)
        form.addRow(self.tr("Overall note:"), note_row)
        self.days_label = QLabel(self.tr("New deadline:"))
        form.addRow(self.days_label, self.days)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.resize(760, 720)
        self._update()

    def _before_photos(self) -> dict[int, QPixmap]:
        """finding id → the thumbnail of its first photo (none when the inspection is not visible)."""
        app, user = self.ui.app, self.ui.user
        try:
            findings = app.inspections.findings(user, self.notice.inspection_id)
        except InspectorError:
            return {}
        found: dict[int, QPixmap] = {}
        for finding in findings:
            photo = app.photos.get(finding.photo_ids[0]) if finding.photo_ids else None
            path = app.photos.thumbnail_path(photo.sha256) if photo is not None else None
            if path is not None:
                found[finding.id] = QPixmap(str(path))
        return found

    # --- what OK will do ----------------------------------------------------------------------
    def failed_count(self) -> int:
        return sum(1 for check in self.checks if check.result() is FollowUpResult.FAIL)

    def complete(self) -> bool:
        return all(check.result() is not None for check in self.checks)

    def new_deadline(self) -> NoticeDraft | None:
        """The reissue's dates for the chosen working days, counted from today (the service's count)."""
        notice = self.notice
        today = self.ui.app.notices.today()
        sketch = NoticeDraft(inspection_id=notice.inspection_id, unit_id=notice.unit_id,
                             addressee_unit=notice.addressee_unit, addressee=notice.addressee, items=(),
                             working_days=self.days.value(), issued_on=today, deadline=today, followup_date=today)
        try:
            return self.ui.app.notices.with_deadline(sketch, self.days.value())
        except InspectorError:
            return None

    def _update(self) -> None:
        failed = self.failed_count()
        self.days.setEnabled(failed > 0)
        self.days_label.setEnabled(failed > 0)
        busy = any(check.photos.busy for check in self.checks)
        self.ok_button.setEnabled(self.complete() and not busy and bool(self.checks))
        if not self.complete():
            self.outcome.setText(self.tr("Choose passed or failed for every problem."))
            return
        if not failed:
            self.outcome.setText("<b>" + self.tr("All passed: the notice will be closed.") + "</b>")
            return
        dates = self.new_deadline()
        when = "—"
        if dates is not None:
            when = self.tr("{date} ({weekday})").format(date=dates.deadline.isoformat(),
                                                       weekday=weekday_name(dates.deadline.isoweekday()))
            if dates.deadline_estimated:
                when += f" <span style='color:{ESTIMATE_COLOUR}'>" + self.tr("(estimated)") + "</span>"
        text = self.tr("%n problem(s) failed: a new notice will be issued for them with a deadline of {date}.",
                       "", failed).format(date=when)
        self.outcome.setText("<b>" + text + "</b>")

    # --- recording ----------------------------------------------------------------------------
    def results(self) -> list[FollowUpItemResult]:
        return [check.value() for check in self.checks]

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            old, new, changes = self.ui.app.followups.record_followup(
                self.ui.user, self.notice.id, self.results(), note=self.note.text(),
                deadline_days=self.days.value() if self.failed_count() else None)
        except InspectorError as error:
            show_error(self, error)
            return
        self.closed, self.reissued = old, new
        self.ui.hub.publish(changes)
        super().accept()

    def outcome_text(self) -> str:
        """What the recorded follow-up did, for the page's message line."""
        if self.reissued is not None:
            return self.tr("Follow-up recorded: the failed problems carry on in notice {number}, due {date}.").format(
                number=self.reissued.number, date=self.reissued.deadline.isoformat())
        if self.closed is not None and self.closed.status is NoticeStatus.CLOSED:
            return self.tr("Follow-up recorded: notice {number} is closed.").format(number=self.closed.number)
        if self.closed is not None:  # on a laptop: the office reissues the notice (its numbers are the office's)
            return self.tr("Follow-up recorded: the problems not fixed go back to the quality office with your "
                           "next exchange file, and the office reissues notice {number}.").format(
                number=self.closed.number)
        return ""
