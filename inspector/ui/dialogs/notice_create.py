"""Issuing rectification notices (整改通知单) from a completed inspection, or a correction of an
open notice (``draft=`` the service's ``correction_draft``).

One tab per responsible unit (one notice each): the addressee unit and its head, the problems
with a checkbox each (include or leave out), the problem and the required measure (整改要求)
editable in place, severity and the recurred mark; the working days and the deadline they give,
counted by ``NoticeService.with_deadline`` (amber when estimated: the official schedule of that
year is not entered yet). Below: "My signature" with Draw…, Preview… (the PDF as it would be
issued) and Issue (confirmed; the numbers issued are shown; every change published).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
    QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from inspector.words import messages
from inspector.domain.deadlines import MAX_WORKING_DAYS
from inspector.domain.errors import InspectorError
from inspector.domain.notices import NoticeDraft, NoticeSummary
from inspector.domain.templates import Severity
from inspector.words.labels import label
from inspector.ui.dialogs.errors import show_error
from inspector.ui.dialogs.pdf_preview import PdfPreviewDialog
from inspector.ui.dialogs.signature_dialog import SignatureDialog
from inspector.ui.uicontext import UiContext

ESTIMATE_COLOUR = "#b26a00"
RECURRED_COLOUR = "#7b3fa0"
SIGNATURE_SIZE = (180, 60)


def weekday_name(iso_weekday: int) -> str:
    """The short weekday name in the display language (Thu, 周四)."""
    return QLocale().dayName(iso_weekday, QLocale.FormatType.ShortFormat)


def day_text(day: date) -> str:
    return f"{day.isoformat()} ({weekday_name(day.isoweekday())})"


class DraftEditor(QWidget):
    """One unit's notice before issue; ``draft()`` is what the user made of it."""

    changed = Signal()
    COL_CODE, COL_PROBLEM, COL_MEASURE, COL_SEVERITY, COL_RECURRED = range(5)

    def __init__(self, ui: UiContext, draft: NoticeDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.original = draft
        self.current = draft
        self.covert_note = QLabel(self.tr("Covert visit: the notice will say 经暗访检查发现 and carry no inspector's name."))
        self.covert_note.setWordWrap(True)
        self.covert_note.setProperty("role", "hint")
        self.covert_note.setVisible(draft.covert)
        self.unit = QLineEdit(draft.addressee_unit)
        self.head = QLineEdit(draft.addressee)
        self.table = QTableWidget(len(draft.items), 5)
        self.table.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Description"),
                                              self.tr("Required measure (整改要求)"), self.tr("Severity"),
                                              self.tr("Recurred")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, mode in ((self.COL_CODE, QHeaderView.ResizeMode.ResizeToContents),
                             (self.COL_PROBLEM, QHeaderView.ResizeMode.Stretch),
                             (self.COL_MEASURE, QHeaderView.ResizeMode.Stretch),
                             (self.COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents),
                             (self.COL_RECURRED, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        for row, item in enumerate(draft.items):
            code = QTableWidgetItem(item.item_code)
            code.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            # A notice is for the serious problems (regulation 5.3); general ones are put right at
            # once (立即整改) and start unticked: the office may still tick them.
            proposed = item.severity is Severity.SERIOUS or draft.supersedes_id is not None
            code.setCheckState(Qt.CheckState.Checked if proposed else Qt.CheckState.Unchecked)
            code.setToolTip(self.tr("Untick to leave this problem off the notice") if proposed else
                            self.tr("A general problem is put right at once (立即整改); tick it to put it on "
                                    "the notice anyway"))
            self.table.setItem(row, self.COL_CODE, code)
            self.table.setItem(row, self.COL_PROBLEM, QTableWidgetItem(item.problem))
            self.table.setItem(row, self.COL_MEASURE, QTableWidgetItem(item.measure))
            for column, text in ((self.COL_SEVERITY, label(item.severity)),
                                 (self.COL_RECURRED, self.tr("Recurred (再次发生)") if item.recurred else "")):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == self.COL_RECURRED:
                    cell.setForeground(QColor(RECURRED_COLOUR))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.days = QSpinBox()
        self.days.setRange(1, MAX_WORKING_DAYS)
        self.days.setValue(min(max(draft.working_days, 1), MAX_WORKING_DAYS))
        self.days.setSuffix(self.tr(" working days"))
        self.deadline = QLabel()
        self.deadline.setTextFormat(Qt.TextFormat.RichText)
        self.deadline.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Addressee unit:"), self.unit)
        form.addRow(self.tr("Head of the unit:"), self.head)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.days)
        deadline_row.addSpacing(12)
        deadline_row.addWidget(self.deadline, 1)
        form.addRow(self.tr("Rectify within:"), deadline_row)
        self.hint = QLabel(self.tr("Double-click a description or a measure to change it; untick a problem to "
                                   "leave it off this notice."))
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.covert_note)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.days.valueChanged.connect(lambda _value: self.update_deadline())
        self.table.itemChanged.connect(self._item_changed)
        for edit in (self.unit, self.head):
            edit.textChanged.connect(lambda _text: self.changed.emit())
        self.update_deadline()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in (self.COL_PROBLEM, self.COL_MEASURE):
            self.table.resizeRowToContents(item.row())
        self.changed.emit()

    def included_rows(self) -> list[int]:
        return [row for row in range(self.table.rowCount())
                if self.table.item(row, self.COL_CODE).checkState() == Qt.CheckState.Checked]

    def set_included(self, row: int, included: bool) -> None:
        state = Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
        self.table.item(row, self.COL_CODE).setCheckState(state)

    def set_measure(self, row: int, text: str) -> None:
        self.table.item(row, self.COL_MEASURE).setText(text)

    def update_deadline(self) -> None:
        """Count the deadline for the chosen working days (the service's calendar) and show it."""
        try:
            self.current = self.ui.app.notices.with_deadline(self.current, self.days.value())
        except InspectorError as error:
            self.deadline.setText(messages.describe(error))
            return
        text = self.tr("Deadline: {deadline}, follow-up {followup}").format(
            deadline=day_text(self.current.deadline), followup=day_text(self.current.followup_date))
        if self.current.deadline_estimated:
            year = self.current.followup_date.year
            text += (f"<br/><span style='color:{ESTIMATE_COLOUR}'>" + self.tr(
                "(estimated: Monday–Friday, the official schedule for {year} is not entered yet)").format(year=year)
                + "</span>")
        self.deadline.setText(text)
        self.changed.emit()

    def draft(self) -> NoticeDraft:
        """The draft as edited: addressee, the ticked problems with their texts, the working days."""
        items = tuple(self.original.items[row].model_copy(update={
            "problem": self.table.item(row, self.COL_PROBLEM).text(),
            "measure": self.table.item(row, self.COL_MEASURE).text(),
        }) for row in self.included_rows())
        return self.current.model_copy(update={"addressee_unit": self.unit.text(), "addressee": self.head.text(),
                                               "items": items})


class CreateNoticeDialog(QDialog):
    def __init__(self, ui: UiContext, inspection_id: int, parent: QWidget | None = None,
                 draft: NoticeDraft | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.inspection_id = inspection_id
        self.correcting = draft is not None and draft.supersedes_id is not None
        self.issued: list[NoticeSummary] = []
        self.signature_png = ui.app.signatures.get(ui.user.id) if ui.signed_in else None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")
        self.problem.hide()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.editors: list[DraftEditor] = []
        drafts = [draft] if draft is not None else self._drafts()
        for one in drafts:
            self._add_editor(one)
        self.tabs.tabBar().setVisible(len(self.editors) > 1)
        self.signature = QLabel()
        self.signature.setFixedSize(*SIGNATURE_SIZE)
        self.signature.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signature.setFrameShape(QFrame.Shape.StyledPanel)
        self.draw_button = QPushButton(self.tr("Draw…"))
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.issue_button = QPushButton(self.tr("Issue"))
        self.issue_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.draw_button.clicked.connect(lambda _checked=False: self.draw_signature())
        self.preview_button.clicked.connect(lambda _checked=False: self.preview())
        self.issue_button.clicked.connect(lambda _checked=False: self.issue())
        self.cancel_button.clicked.connect(self.reject)

        signature_row = QHBoxLayout()
        signature_row.addWidget(QLabel(self.tr("My signature:")))
        signature_row.addWidget(self.signature)
        signature_row.addWidget(self.draw_button)
        signature_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(signature_row)
        layout.addLayout(buttons)
        self._show_intro(draft)
        self._show_signature()
        self._update_buttons()
        self.resize(980, 640)

    def _drafts(self) -> list[NoticeDraft]:
        try:
            return self.ui.app.notices.drafts(self.ui.user, self.inspection_id, every_open=True)
        except InspectorError as error:
            self.problem.setText(messages.describe(error))
            self.problem.show()
            return []

    def _add_editor(self, draft: NoticeDraft) -> None:
        editor = DraftEditor(self.ui, draft)
        editor.changed.connect(self._update_buttons)
        self.editors.append(editor)
        self.tabs.addTab(editor, draft.addressee_unit or "—")

    def _show_intro(self, draft: NoticeDraft | None) -> None:
        if self.correcting and draft is not None:
            old = self.ui.app.notices.get(self.ui.user, draft.supersedes_id)
            self.setWindowTitle(self.tr("Correct notice {number}").format(number=old.number))
            self.intro.setText(self.tr("The corrected notice gets a new number and replaces {number}, which is "
                                       "then marked superseded.").format(number=old.number))
            return
        self.setWindowTitle(self.tr("Issue rectification notice"))
        problems = sum(len(editor.original.items) for editor in self.editors)
        general = sum(item.severity is Severity.GENERAL for editor in self.editors for item in editor.original.items)
        text = self.tr("Inspection #{id}: {problems} open problem(s) for {units} unit(s); one notice "
                       "is issued to each unit.").format(id=self.inspection_id, problems=problems,
                                                         units=len(self.editors))
        if general:
            text += " " + self.tr("The {general} general problem(s) are unticked: they are put right at once "
                                  "(立即整改) and checked; tick one to put it on the notice.").format(general=general)
        self.intro.setText(text)

    def _show_signature(self) -> None:
        if self.signature_png:
            pixmap = QPixmap()
            pixmap.loadFromData(self.signature_png)
            self.signature.setPixmap(pixmap.scaled(SIGNATURE_SIZE[0] - 8, SIGNATURE_SIZE[1] - 8,
                                                   Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
        else:
            self.signature.setText(self.tr("none yet"))

    def _update_buttons(self) -> None:
        ready = any(editor.included_rows() for editor in self.editors)
        self.issue_button.setEnabled(ready)
        self.preview_button.setEnabled(ready)

    def current_editor(self) -> DraftEditor | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DraftEditor) else None

    # --- actions ----------------------------------------------------------------------------
    def draw_signature(self) -> bool:
        """Draw the issuer's signature; "Keep as my signature" stores it for next time."""
        drawn = SignatureDialog.ask(self, self.tr("My signature"),
                                    self.tr("Sign below; the signature is printed on the notices you issue."),
                                    offer_keep=True, keep=True, initial_png=self.signature_png)
        if drawn is None:
            return False
        if drawn.keep:
            try:
                self.ui.hub.publish(self.ui.app.signatures.save(self.ui.user, drawn.png))
            except InspectorError as error:
                show_error(self, error)
                return False
        self.signature_png = drawn.png
        self._show_signature()
        return True

    def preview(self) -> PdfPreviewDialog | None:
        """The current tab's notice as it would be issued now; "Issue" from there issues."""
        editor = self.current_editor()
        if editor is None:
            return None
        try:
            data = self.ui.app.notices.preview(self.ui.user, editor.draft(), self.signature_png)
            path = self.ui.app.notice_files.preview_draft_file(data, f"preview-{self.ui.user.id}")
        except InspectorError as error:
            show_error(self, error)
            return None
        dialog = PdfPreviewDialog(path, self.tr("Preview of the notice to {unit}").format(unit=editor.unit.text()),
                                  self)
        issue = dialog.add_action_button(self.tr("Issue…"))
        issue.clicked.connect(dialog.accept)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.issue()
        return dialog

    def issue(self) -> list[NoticeSummary]:
        """Confirm, then issue each unit's notice; the numbers issued are shown and kept in ``issued``."""
        editors = [editor for editor in self.editors if editor.included_rows()]
        if not editors:
            return []
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Issue %n notice(s) now? An issued notice cannot be changed; a correction is a new notice.",
                    "", len(editors)))
        if answer != QMessageBox.StandardButton.Yes:
            return []
        done: list[NoticeSummary] = []
        for editor in editors:
            try:
                notice, changes = self.ui.app.notices.issue(self.ui.user, editor.draft(),
                                                            signature_png=self.signature_png)
            except InspectorError as error:
                show_error(self, error)
                break
            self.ui.hub.publish(changes)
            done.append(notice)
            self.tabs.removeTab(self.tabs.indexOf(editor))  # issued: never issued twice
            self.editors.remove(editor)
        self.issued += done
        self._update_buttons()
        if done:
            numbers = ", ".join(notice.number for notice in done)
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Issued: {numbers}").format(numbers=numbers))
        if done and not self.editors:
            self.accept()
        return done
