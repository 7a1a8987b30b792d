"""The two display panels of the recording screen: the header (what is inspected, live score,
progress, last save, Complete / Close) and the current item (its text, guidance, reference photo,
the answer buttons and the fail panel). They only show what they are given; the screen decides.

No widget here takes the keyboard focus: on the recording screen letters are answers.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from inspector.words import messages
from inspector.domain.errors import PermissionDenied
from inspector.domain.inspections import Answer, AnswerResult, Inspection, InspectionStatus
from inspector.domain.photos import Photo
from inspector.domain.scoring import ScoreResult
from inspector.domain.templates import TemplateItem, TemplateVersion
from inspector.words.labels import label
from inspector.ui.language import localized
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.fail_panel import FailPanel

REFERENCE_SIDE = 120
WHEN = "%Y-%m-%d %H:%M"


def plain_button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # letters stay answers
    return button


def _number(value: float) -> str:
    return f"{value:g}"


def read_only_reason(ui: UiContext, inspection: Inspection) -> str:
    """Why ``inspection`` opens read-only for the user ("" when it may be edited)."""
    if inspection.status is InspectionStatus.COMPLETED:
        when = inspection.completed_at.strftime(WHEN) if inspection.completed_at else ""
        return QCoreApplication.translate("RecordingScreen", "Completed {when}: read-only.").format(when=when)
    try:
        ui.app.inspections.ensure_can_edit(ui.user, inspection)
    except PermissionDenied as error:
        return QCoreApplication.translate("RecordingScreen", "Read-only: {reason}").format(
            reason=messages.describe(error))
    return ""


class RecordingHeader(QWidget):
    """Template and subject, mode and times, covert badge; score, progress (with the failed items
    still waiting for their photos, each a link: ``item_requested``), saved; the buttons."""

    item_requested = Signal(str)
    SHOWN_OPEN = 4  # codes named in the progress area; the tooltip has them all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "sectionTitle")
        self.meta = QLabel()
        self.meta.setProperty("role", "hint")
        self.covert_badge = QLabel(self.tr("COVERT"))
        self.covert_badge.setStyleSheet("background:#6a1b9a;color:white;border-radius:3px;padding:2px 8px;")
        self.score_label = QLabel()
        self.progress_label = QLabel()
        self.open_label = QLabel()
        self.open_label.setProperty("role", "error")
        self.open_label.setTextFormat(Qt.TextFormat.RichText)
        self.open_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.open_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # letters stay answers
        self.open_label.linkActivated.connect(self.item_requested)
        self.open_label.hide()
        self.open_codes: list[str] = []
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "hint")
        self.complete_button = plain_button(self.tr("Complete"), self.tr("Check and complete (Ctrl+Enter)"))
        self.close_button = plain_button(self.tr("Close"), self.tr("Back to the list; every answer is saved"))
        self.report_button = plain_button(self.tr("Report (.pdf)…"),
                                          self.tr("Save the written inspection report (检查记录) as a PDF"))
        self.acknowledge_button = plain_button(self.tr("On-site acknowledgement…"),
                                               self.tr("The inspected party confirms the result and signs"))
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.meta)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addLayout(titles, 1)
        progress = QVBoxLayout()
        progress.setSpacing(0)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.open_label)
        layout.addWidget(self.covert_badge)
        layout.addWidget(self.score_label)
        layout.addLayout(progress)
        for widget in (self.saved_label, self.report_button, self.acknowledge_button, self.complete_button,
                       self.close_button):
            layout.addWidget(widget)

    def show_inspection(self, inspection: Inspection, template: TemplateVersion, *, editable: bool) -> None:
        body = template.body
        self.title.setText(f"{template.code} {localized(body.title_zh, body.title_en)} · {inspection.subject.label}")
        self.meta.setText(self.tr("{mode} · observed {observed} · entered {entered}").format(
            mode=label(inspection.mode), observed=inspection.observed_at.strftime(WHEN),
            entered=inspection.entered_at.strftime(WHEN)))
        self.covert_badge.setVisible(inspection.covert)
        self.complete_button.setEnabled(editable)
        completed = inspection.status is InspectionStatus.COMPLETED
        self.report_button.setVisible(completed)  # a draft has no report: its answers may change
        self.acknowledge_button.setVisible(completed and not inspection.covert)  # nobody on site knows of a covert visit

    def show_score(self, result: ScoreResult | None, answered: int, total: int) -> None:
        """The live score and progress; a walk-around (``result`` None) is not scored (#13.4)."""
        if result is None:
            self.score_label.setText(self.tr("Walk-around: not scored"))
            self.score_label.setStyleSheet("font-weight:700;font-size:15px;")
            self.score_label.setToolTip(self.tr(
                "A walk-around records findings; it counts for coverage and the findings tables, never in "
                "scores or rankings."))
        elif result.veto_failed:
            self.score_label.setText(self.tr("VETO"))
            self.score_label.setStyleSheet("color:#c62828;font-weight:700;font-size:15px;")
            self.score_label.setToolTip(self.tr("A veto item failed: {items}").format(items=", ".join(result.veto_items)))
        else:
            self.score_label.setText(self.tr("Score {score} / {maximum}").format(
                score=_number(result.score), maximum=_number(result.max_score)))
            self.score_label.setStyleSheet("font-weight:700;font-size:15px;")
            self.score_label.setToolTip("")
        self.progress_label.setText(self.tr("{answered} / {total} answered").format(answered=answered, total=total))

    def show_open(self, photos_missing: list[str]) -> None:
        """The failed items still without the photos they need, as links to them (#14.1)."""
        self.open_codes = list(photos_missing)
        shown = ", ".join(f'<a href="{code}">{code}</a>' for code in photos_missing[: self.SHOWN_OPEN])
        if len(photos_missing) > self.SHOWN_OPEN:
            shown += " " + self.tr("and {count} more").format(count=len(photos_missing) - self.SHOWN_OPEN)
        self.open_label.setText(self.tr("Photo missing: {items}").format(items=shown))
        self.open_label.setToolTip(self.tr("Failed without the photos they need: {items}").format(
            items=", ".join(photos_missing)))
        self.open_label.setVisible(bool(photos_missing))

    def show_saved(self, when: datetime | None = None) -> None:
        self.saved_label.setText(self.tr("Saved {time}").format(time=(when or datetime.now()).strftime("%H:%M:%S")))


class KeylessScrollArea(QScrollArea):
    """A scroll area that leaves every key to the screen (↑/↓ move between items, they must not
    scroll the panel); the wheel and the scroll bar still scroll it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore()


class ItemPanel(QWidget):
    """The current item: code, text, guidance, reference photo, answer buttons, fail panel."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_code = QLabel()
        self.item_code.setProperty("role", "hint")
        self.item_text = QLabel()
        self.item_text.setWordWrap(True)
        self.item_text.setStyleSheet("font-size:16px;font-weight:600;")
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setProperty("role", "hint")
        self.reference = QLabel()
        self.reference.setFixedHeight(REFERENCE_SIDE)
        self.reference.setToolTip(self.tr("What good looks like"))
        self.answer_label = QLabel()
        self.pass_button = plain_button(self.tr("Pass  P"), self.tr("Pass — press P or 1"))
        self.fail_button = plain_button(self.tr("Fail  F"), self.tr("Fail — press F or 2"))
        self.na_button = plain_button(self.tr("N/A  N"), self.tr("Not applicable — press N or 3"))
        buttons = QHBoxLayout()
        for button in (self.pass_button, self.fail_button, self.na_button):
            button.setMinimumHeight(40)
            button.setMinimumWidth(110)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.fail_panel = FailPanel(ui)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.checklist_keys = self.tr("P pass · F fail · N not applicable · ↑/↓ or J/K move · Ctrl+Enter complete")
        self.keys_hint = QLabel(self.checklist_keys)
        self.keys_hint.setProperty("role", "hint")
        self.keys_hint.setWordWrap(True)
        # The item scrolls when a fail with photos, a refusal and the hints need more height than a
        # 768-pixel laptop screen gives (they were drawn over each other); the keys stay in view.
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 4, 0)
        for widget in (self.item_code, self.item_text, self.guidance, self.reference, self.answer_label):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(self.fail_panel)
        column.addWidget(self.error)
        column.addStretch(1)
        self.scroll = KeylessScrollArea()
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # letters stay answers
        self.scroll.viewport().setAutoFillBackground(False)  # the page's background shows through
        content.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.keys_hint)

    def set_walkaround(self, walkaround: bool) -> None:
        """A walk-around only records fails: no answer buttons, its own keys."""
        for button in (self.pass_button, self.fail_button, self.na_button):
            button.setVisible(not walkaround)
        walk = self.tr("Enter records the problem · Esc cancels · Ctrl+Enter complete")
        self.keys_hint.setText(walk if walkaround else self.checklist_keys)

    def result_text(self, result: AnswerResult) -> str:
        return {AnswerResult.PASS: self.tr("pass"), AnswerResult.FAIL: self.tr("fail"),
                AnswerResult.NA: self.tr("not applicable")}[result]

    def show_item(self, item: TemplateItem, answer: Answer | None, photos: list[Photo], *, pending: bool,
                  editable: bool, reference: Path | None) -> None:
        """Show ``item`` with its saved ``answer``; the fail panel when it failed or a fail is pending."""
        self.item_code.setText(item.code + (self.tr(" · veto item") if item.veto else ""))
        self.item_text.setText(localized(item.text_zh, item.text_en))
        guidance = localized(item.shown_guidance_zh, item.shown_guidance_en)
        self.guidance.setText(guidance)
        self.guidance.setVisible(bool(guidance))
        pixmap = QPixmap(str(reference)) if reference is not None else QPixmap()
        if pixmap.isNull():
            self.reference.clear()
        else:
            self.reference.setPixmap(pixmap.scaledToHeight(REFERENCE_SIDE, Qt.TransformationMode.SmoothTransformation))
        self.reference.setVisible(not pixmap.isNull())
        if pending and item.photos_on_fail > len(photos):
            self.answer_label.setText(self.tr(
                "Failing: Enter adds the photo this item needs, typing writes the note, Esc cancels."))
        elif pending:
            self.answer_label.setText(self.tr("Failing: type a note, Enter to confirm, Esc to cancel."))
        elif answer is None:
            self.answer_label.setText(self.tr("Not answered yet."))
        else:
            self.answer_label.setText(self.tr("Saved answer: {result}").format(result=self.result_text(answer.result)))
        for button in (self.pass_button, self.fail_button, self.na_button):
            button.setEnabled(editable)
        failed = answer is not None and answer.result is AnswerResult.FAIL
        panel = self.fail_panel
        panel.setVisible(failed or pending)
        panel.setEnabled(editable)
        panel.severity.blockSignals(True)
        panel.set_severity(answer.severity if failed and answer and answer.severity else item.severity)
        panel.severity.blockSignals(False)
        panel.note.setText(answer.note if failed and answer else "")
        panel.photos.set_photos(photos)
        panel.set_photo_need(item.photos_on_fail, len(photos))
        panel.title.setText(self.tr("Fail — severity, note and photos") if pending else self.tr("Failed"))
        self.error.clear()


class ProblemList(QListWidget):
    """Why the inspection cannot be completed yet; clicking a line asks for its item."""

    item_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMaximumHeight(110)
        self.setStyleSheet("QListWidget { color: #c62828; }")
        self.itemClicked.connect(self._clicked)
        self.hide()

    def show_problems(self, problems: list[tuple[str, str | None]]) -> None:
        """(code, item code) pairs from ``validate_for_completion``; hidden when there are none."""
        self.clear()
        for code, item_code in problems:
            entry = QListWidgetItem(self.problem_text(code, item_code))
            entry.setData(Qt.ItemDataRole.UserRole, item_code)
            self.addItem(entry)
        self.setVisible(bool(problems))

    def problem_text(self, code: str, item_code: str | None) -> str:
        texts = {
            "unanswered": self.tr("{item}: not answered"),
            "photos_missing": self.tr("{item}: failed without the photos it needs"),
            "no_failure": self.tr("A walk-around records one problem: fail the item you saw."),
        }
        return texts.get(code, "{item}: " + code).format(item=item_code or "")

    def _clicked(self, entry: QListWidgetItem) -> None:
        code = entry.data(Qt.ItemDataRole.UserRole)
        if code:
            self.item_requested.emit(code)
