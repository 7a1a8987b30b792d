"""The steps of a complaint after its intake, one dialog each: 调查 (investigation: interview notes,
the staff member's written statement, photos or scans), 处理结果 (result: 有责/无责, the measures,
the apology, optionally a finding on the responsible unit), 反馈 (the complainant's opinion;
不满意 reopens the case for a second remedy), 销号 (closing), 延期 (a later limit with the written
reason the regulation asks for) and a finding made afterwards on a 有责 case.

Each dialog calls one ``ComplaintService`` step on OK. A refusal (the procedure's order, a missing
reason, a role) is shown in the service's words and the dialog stays open with what was typed:
nothing is saved. On success the change is published on the hub and ``case`` holds the case as it
now stands. Photos are read and checked on a worker thread when added (``prepare_file``) and
written only with the investigation itself.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from inspector.domain.changes import ChangeSet
from inspector.domain.complaints import Complaint, Liability, Opinion
from inspector.domain.errors import InspectorError
from inspector.ui.dialogs.errors import show_error
from inspector.ui.language import localized
from inspector.ui.tasks import run_task
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.length_counter import with_counter
from inspector.ui.widgets.photo_strip import image_filter
from inspector.words import messages


def text_box(placeholder: str = "", height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


def to_qt(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second))


def from_qt(edit: QDateTimeEdit, like: datetime) -> datetime:
    """The edit's time (to the minute shown) in the offset of ``like`` (the service's clock)."""
    shown = edit.dateTime().toPython()
    return datetime(shown.year, shown.month, shown.day, shown.hour, shown.minute, tzinfo=like.tzinfo)


def date_time_edit(moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qt(moment))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


class StepDialog(QDialog):
    """The frame every step shares: an intro, a form, OK/Cancel; ``submit`` does the step."""

    OK_TEXT = ""

    def __init__(self, ui: UiContext, case: Complaint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.case = case
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.buttons)

    def submit(self) -> tuple[Complaint, ChangeSet]:
        raise NotImplementedError(type(self).__name__)

    def accept(self) -> None:
        """Do the step; stay open, with the reason shown, when the service refuses."""
        try:
            case, changes = self.submit()
        except InspectorError as error:
            show_error(self, error)
            return
        self.case = case
        self.ui.hub.publish(changes)
        super().accept()


class PreparedPhotos(QWidget):
    """File names of photos or scans, each read and checked on a worker thread when added."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.prepared: list[Any] = []  # PreparedPhoto, in the order added
        self.pending = 0
        self.list = QListWidget()
        self.list.setMaximumHeight(72)
        self.add_button = QPushButton(self.tr("Add photo or scan…"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_files(type(self).choose_files(self.window())))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        self.status = QLabel()
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    @classmethod
    def choose_files(cls, parent: QWidget | None) -> list[Path]:
        title = QCoreApplication.translate("PreparedPhotos", "Add photos or scans")
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", image_filter())
        return [Path(name) for name in names]

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def add_files(self, paths: list[Path]) -> None:
        from inspector.services.photos import EVIDENCE_DERIVATIVES, prepare_file

        prepare = functools.partial(prepare_file, limit_bytes=self.ui.app.photos.limit_bytes())
        for path in paths:
            self.pending += 1
            self.status.setText(self.tr("Reading {count} file(s)…").format(count=self.pending))
            run_task(prepare, path, EVIDENCE_DERIVATIVES, on_finished=self._prepared, on_failed=self._refused)

    def _prepared(self, prepared: Any) -> None:
        self.pending -= 1
        self.prepared.append(prepared)
        self.list.addItem(prepared.name)
        self.status.setText("" if not self.busy else self.status.text())

    def _refused(self, error: BaseException) -> None:
        self.pending -= 1
        self.status.setText(messages.describe(error) if isinstance(error, InspectorError) else str(error))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.prepared):
            self.list.takeItem(row)
            del self.prepared[row]


class InvestigateDialog(StepDialog):
    def __init__(self, ui: UiContext, case: Complaint, parent: QWidget | None = None) -> None:
        super().__init__(ui, case, parent)
        self.setWindowTitle(self.tr("Investigation of {number}").format(number=case.number))
        self.intro.setText(self.tr("What the investigation found (调查): the interview notes (询问笔录), the staff "
                                   "member's written statement, photos or scans of written records. At least one "
                                   "of them."))
        self.notes = text_box(self.tr("e.g. the driver and two passengers were interviewed on 16 November"), 80)
        self.statement = text_box(self.tr("e.g. the driver admits he left before the passenger sat down"), 64)
        self.photos = PreparedPhotos(ui)
        notes_box, _ = with_counter(self.notes)
        statement_box, _ = with_counter(self.statement)
        self.form.addRow(self.tr("Interview notes:"), notes_box)
        self.form.addRow(self.tr("Staff statement:"), statement_box)
        self.form.addRow(self.tr("Photos, scans:"), self.photos)
        self.ok_button.setText(self.tr("Record investigation"))
        self.resize(640, 460)
        self.notes.setFocus()

    def accept(self) -> None:
        if self.photos.busy:
            self.photos.status.setText(self.tr("Wait until every file is read."))
            return
        super().accept()

    def submit(self) -> tuple[Complaint, ChangeSet]:
        return self.ui.app.complaints.investigate(self.ui.user, self.case.id, notes=self.notes.toPlainText(),
                                                  statement=self.statement.toPlainText(),
                                                  photos=list(self.photos.prepared))


class FindingItemChoice(QComboBox):
    """The checklist items a finding on the case's vehicle or staff member can be made on."""

    def __init__(self, ui: UiContext, case: Complaint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.addItem(self.tr("No finding"), None)
        try:
            items = ui.app.complaints.finding_items(ui.user, case.id)
        except InspectorError:
            items = []
        for code, text_zh, text_en in items:
            self.addItem(f"{code} {localized(text_zh, text_en)}", code)

    def chosen(self) -> str | None:
        return self.currentData()

    def choose(self, code: str) -> bool:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


class ResolveDialog(StepDialog):
    def __init__(self, ui: UiContext, case: Complaint, parent: QWidget | None = None) -> None:
        super().__init__(ui, case, parent)
        self.setWindowTitle(self.tr("Result of {number}").format(number=case.number))
        self.intro.setText(self.tr("The result of the investigation (处理结果): whether the staff or the unit is "
                                   "liable, the measures taken, whether the staff member apologised to the "
                                   "passenger. A liable case can make a finding on the responsible unit, which "
                                   "then goes on a rectification notice."))
        self.liable = QRadioButton(self.tr("Liable (有责)"))
        self.not_liable = QRadioButton(self.tr("Not liable (无责)"))
        self.liability = QButtonGroup(self)
        self.liability.addButton(self.liable)
        self.liability.addButton(self.not_liable)
        self.liable.setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.liable)
        choice.addWidget(self.not_liable)
        choice.addStretch(1)
        self.measures = text_box(self.tr("e.g. the driver was given service training and a written warning"), 80)
        measures_box, _ = with_counter(self.measures)
        self.apology = QCheckBox(self.tr("The staff member apologised to the passenger (赔礼道歉)"))
        self.finding = FindingItemChoice(ui, case)
        self.form.addRow(self.tr("Liability:"), choice)
        self.form.addRow(self.tr("Measures:"), measures_box)
        self.form.addRow("", self.apology)
        self.form.addRow(self.tr("Finding on item:"), self.finding)
        self.not_liable.toggled.connect(self._liability_changed)
        self.ok_button.setText(self.tr("Record result"))
        self.resize(640, 420)
        self.measures.setFocus()

    def _liability_changed(self) -> None:
        liable = self.liable.isChecked()
        if not liable:
            self.finding.setCurrentIndex(0)
        self.finding.setEnabled(liable)

    def submit(self) -> tuple[Complaint, ChangeSet]:
        liability = Liability.LIABLE if self.liable.isChecked() else Liability.NOT_LIABLE
        return self.ui.app.complaints.resolve(self.ui.user, self.case.id, liability=liability,
                                              measures=self.measures.toPlainText(),
                                              apology=self.apology.isChecked(), finding_item=self.finding.chosen())


class FeedbackDialog(StepDialog):
    def __init__(self, ui: UiContext, case: Complaint, parent: QWidget | None = None) -> None:
        super().__init__(ui, case, parent)
        self.setWindowTitle(self.tr("Feedback on {number}").format(number=case.number))
        self.intro.setText(self.tr("The result was told to the complainant (反馈): what did they say? An "
                                   "unsatisfied complainant reopens the case for a second remedy (二次补救), with "
                                   "a new limit."))
        self.opinions: dict[Opinion, QRadioButton] = {}
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        for opinion, text in ((Opinion.SATISFIED, self.tr("Satisfied (满意)")),
                              (Opinion.BASICALLY, self.tr("Basically satisfied (基本满意)")),
                              (Opinion.UNSATISFIED, self.tr("Unsatisfied (不满意)"))):
            button = QRadioButton(text)
            self.group.addButton(button)
            self.opinions[opinion] = button
            row.addWidget(button)
        row.addStretch(1)
        self.opinions[Opinion.SATISFIED].setChecked(True)
        self.note = text_box(self.tr("e.g. told by phone on 17 November, 10:20"), 64)
        note_box, _ = with_counter(self.note)
        self.form.addRow(self.tr("Opinion:"), row)
        self.form.addRow(self.tr("Note:"), note_box)
        self.ok_button.setText(self.tr("Record feedback"))
        self.resize(600, 320)

    def opinion(self) -> Opinion:
        return next(opinion for opinion, button in self.opinions.items() if button.isChecked())

    def submit(self) -> tuple[Complaint, ChangeSet]:
        return self.ui.app.complaints.feedback(self.ui.user, self.case.id, opinion=self.opinion(),
                                               note=self.note.toPlainText())


class CloseDialog(StepDialog):
    def __init__(self, ui: UiContext, case: Complaint, parent: QWidget | None = None) -> None:
        super().__init__(ui, case, parent)
        self.setWindowTitle(self.tr("Close {number} (销号)").format(number=case.number))
        self.intro.setText(self.tr("Close the case (销号): the complainant was told the result and was satisfied "
                                   "or basically satisfied. Nothing more can be recorded on it afterwards, except "
                                   "a finding."))
        self.note = text_box(self.tr("optional"), 56)
        note_box, _ = with_counter(self.note)
        self.form.addRow(self.tr("Note:"), note_box)
        self.ok_button.setText(self.tr("Close case"))
        self.resize(560, 260)

    def submit(self) -> tuple[Complaint, ChangeSet]:
        return self.ui.app.complaints.close(self.ui.user, self.case.id, note=self.note.toPlainText())


class ExtendDialog(StepDialog):
    def __init__(self, ui: UiContext, case: Complaint, parent: QWidget | None = None) -> None:
        super().__init__(ui, case, parent)
        self.setWindowTitle(self.tr("Extend the limit of {number}").format(number=case.number))
        self.intro.setText(self.tr("The regulation: a case that cannot be concluded in time needs a written reason "
                                   "(无法结案或需延长时间必须说明理由). The present limit is {due}.").format(
            due=case.due_at.strftime("%Y-%m-%d %H:%M")))
        self.until = date_time_edit(case.due_at + timedelta(hours=24))
        self.reason = text_box(self.tr("e.g. the driver is on leave until 19 November"), 72)
        reason_box, _ = with_counter(self.reason)
        self.form.addRow(self.tr("New limit:"), self.until)
        self.form.addRow(self.tr("Reason:"), reason_box)
        self.ok_button.setText(self.tr("Extend"))
        self.resize(580, 320)
        self.reason.setFocus()

    def submit(self) -> tuple[Complaint, ChangeSet]:
        return self.ui.app.complaints.extend(self.ui.user, self.case.id, due_at=from_qt(self.until, self.case.due_at),
                                             reason=self.reason.toPlainText())


class FindingDialog(StepDialog):
    def __init__(self, ui: UiContext, case: Complaint, parent: QWidget | None = None) -> None:
        super().__init__(ui, case, parent)
        self.setWindowTitle(self.tr("Finding from {number}").format(number=case.number))
        self.intro.setText(self.tr("The case was found liable (有责): make a finding on the responsible unit, on the "
                                   "checklist item the problem belongs to. The notices page then carries it."))
        self.finding = FindingItemChoice(ui, case)
        self.finding.setItemText(0, self.tr("Choose an item…"))
        self.form.addRow(self.tr("Item:"), self.finding)
        self.ok_button.setText(self.tr("Make finding"))
        self.ok_button.setEnabled(False)
        self.finding.currentIndexChanged.connect(lambda _index: self.ok_button.setEnabled(bool(self.finding.chosen())))
        self.resize(600, 220)

    def submit(self) -> tuple[Complaint, ChangeSet]:
        return self.ui.app.complaints.make_finding(self.ui.user, self.case.id, self.finding.chosen() or "")
