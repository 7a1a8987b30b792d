"""Recording one inspection, keyboard first: P / F / N (or 1 / 2 / 3) answer the current item and
move on, a fail asks for severity, note and photos, and every answer is committed at once.

Keys (on the screen; the item list never takes the focus): ↑/↓ or J/K move; P/1 pass, N/3 N/A,
F/2 fail — the note takes the focus, Enter confirms the fail and moves on, Esc cancels it, Alt+G /
Alt+S (G / S outside the note) severity, Ctrl+Shift+A adds a photo, Ctrl+V pastes one; Ctrl+Enter
completes. A fail is written when confirmed (or when the user moves away from it), with its note,
severity and photos in one ``answer``; photos added to a saved fail are attached at once.

The screen shows the score ("VETO" when a veto item failed), the progress and the last save.
Reopening a draft resumes at the first unanswered item with every saved answer shown (crash
recovery as the user sees it). A completed inspection, or one the user may not edit, opens
read-only. A walk-around shows no checklist: a search over the items (``WalkaroundPanel``) picks
one straight into the fail panel; the recorded findings are listed under the search. Under the
header, a completed inspection's findings: their states, a notice, fixed on the spot (``FindingsActions``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter, QVBoxLayout, QWidget

from inspector.words import messages
from inspector.domain.changes import ChangeSet
from inspector.domain.errors import InspectorError
from inspector.domain.inspections import Answer, AnswerResult, Inspection, InspectionMode, RecordedAnswer
from inspector.domain.photos import Photo
from inspector.domain.registry import StaffRole
from inspector.domain.scoring import applicable_items, lacks_photos
from inspector.domain.scoring import score as score_answers
from inspector.domain.templates import TemplateItem, TemplateVersion
from inspector.ui.dialogs import errors
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.fail_panel import SEVERITY_KEYS
from inspector.ui.widgets.findings_actions import FindingsActions
from inspector.ui.widgets.inspection_report_actions import InspectionReportActions
from inspector.ui.widgets.recording_item_list import RecordingItemList
from inspector.ui.widgets.recording_panels import ItemPanel, ProblemList, RecordingHeader, read_only_reason
from inspector.ui.widgets.walkaround_panel import WalkaroundPanel

KEY_RESULTS = {Qt.Key.Key_P: AnswerResult.PASS, Qt.Key.Key_1: AnswerResult.PASS, Qt.Key.Key_F: AnswerResult.FAIL,
               Qt.Key.Key_2: AnswerResult.FAIL, Qt.Key.Key_N: AnswerResult.NA, Qt.Key.Key_3: AnswerResult.NA}
NEXT_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_J)
PREVIOUS_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_K)
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class RecordingScreen(QWidget):
    """The recording screen of one inspection; ``close_requested`` when the user is done."""

    close_requested = Signal()
    completed = Signal(int)

    def __init__(self, ui: UiContext, inspection_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.inspection_id = inspection_id
        self.pending_fail = False
        self._confirm_when_idle = False
        self._pending_photos: list[Photo] = []
        self.current: str | None = None  # the item shown
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self.reload()
        self._arrange()
        if not self.walkaround:  # resume at the first unanswered item
            self.go_to(next((code for code in self.item_list.codes() if code not in self.answers),
                            (self.item_list.codes() or [""])[0]))

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.header = RecordingHeader()
        self.header.complete_button.clicked.connect(self.complete)
        self.header.close_button.clicked.connect(self.close_screen)
        self.report_actions = InspectionReportActions(self.ui, self)
        self.header.report_button.clicked.connect(self.export_report)
        self.header.acknowledge_button.clicked.connect(self.acknowledge)
        self.header.item_requested.connect(self._chosen_in_list)
        self.banner = QLabel()
        self.banner.setProperty("role", "hint")
        self.banner.setWordWrap(True)
        self.findings_bar = FindingsActions(self.ui)
        self.problems = ProblemList()
        self.problems.item_requested.connect(lambda code: self.pick(code) if self.walkaround
                                              else self._chosen_in_list(code))
        self.item_list = RecordingItemList()
        self.item_list.item_chosen.connect(self._chosen_in_list)
        self.panel = ItemPanel(self.ui)
        for button, result in ((self.panel.pass_button, AnswerResult.PASS), (self.panel.fail_button, AnswerResult.FAIL),
                               (self.panel.na_button, AnswerResult.NA)):
            button.clicked.connect(lambda _checked=False, result=result: self.answer_current(result))
        self.walkaround_panel = WalkaroundPanel()
        self.walkaround_panel.picked.connect(self.pick)
        self.walkaround_panel.complete_requested.connect(self.complete)  # Ctrl+Enter in the search
        self.fail_panel = self.panel.fail_panel
        self.fail_panel.confirmed.connect(self._note_entered)
        self.fail_panel.severity_changed.connect(lambda _severity: self._edited_saved_fail())
        self.fail_panel.note.editingFinished.connect(self._edited_saved_fail)
        self.fail_panel.photos.photo_added.connect(self._photo_added)
        self.fail_panel.photos.remove_requested.connect(self._remove_photo)
        self.fail_panel.photos.busy_changed.connect(self._photos_busy)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.item_list)
        self.splitter.addWidget(self.walkaround_panel)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)  # the checklist stays readable (#14.2)
        self.splitter.setSizes([420, 380, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.header, self.banner, self.findings_bar, self.problems):
            layout.addWidget(widget)
        layout.addWidget(self.splitter, 1)

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the inspection, its template and its score again and show them."""
        self.inspection: Inspection = self.ui.app.inspections.get(self.ui.user, self.inspection_id)
        self.fail_panel.photos.since = self.inspection.observed_at  # phone photos taken since (#14.3)
        self.template: TemplateVersion = self.ui.app.templates.get(self.ui.user, self.inspection.template_version_id)
        self.read_only_reason = read_only_reason(self.ui, self.inspection)
        self.staff_role = self._staff_role()
        rows = applicable_items(self.template.body, staff_role=self.staff_role)
        self.items: dict[str, TemplateItem] = {item.code: item for _, item in rows}
        if self.item_list.codes() != list(self.items):
            self.item_list.set_items(rows)
        self.answers: dict[str, Answer] = {a.item_code: a for a in self.inspection.answers}
        for code in self.items:
            self.item_list.set_answer(code, self.answers.get(code))
        self.walkaround = self.inspection.mode is InspectionMode.WALKAROUND
        if self.walkaround:
            self.walkaround_panel.show_items(self.items.values(), self.answers)
        self._show_header()
        self.findings_bar.show_inspection(self.inspection, self.items)
        if self.current is not None and not self.pending_fail:
            self._show_item(self.current)

    def _arrange(self) -> None:
        """A walk-around: the search instead of the checklist, its box taking the screen's focus."""
        for widget, shown in ((self.item_list, not self.walkaround), (self.walkaround_panel, self.walkaround),
                              (self.header.progress_label, not self.walkaround), (self.panel, not self.walkaround)):
            widget.setVisible(shown)  # a walk-around's item panel shows once an item is picked
        self.panel.set_walkaround(self.walkaround)
        self.walkaround_panel.search.setEnabled(not self.read_only)
        if self.walkaround:
            self.setFocusProxy(self.walkaround_panel.search)

    def pick(self, code: str) -> None:
        """Walk-around: fail ``code`` (a finding already recorded opens for editing)."""
        self.go_to(code)
        if self.current != code:  # the pending fail could not be saved: stay on it
            return
        self.panel.show()
        saved = self.answers.get(code)
        if saved is None or saved.result is not AnswerResult.FAIL:
            self.begin_fail()
        elif not self.read_only:
            self.fail_panel.note.setFocus()

    def _staff_role(self) -> StaffRole | None:  # fixed at the start; the service scores with it
        try:
            return self.ui.app.inspections.staff_role(self.ui.user, self.inspection.id)
        except InspectorError:
            return None

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def _show_header(self) -> None:
        self.header.show_inspection(self.inspection, self.template, editable=not self.read_only)
        self.banner.setText(self.read_only_reason)
        self.banner.setVisible(self.read_only)
        self._show_score()

    def _show_score(self) -> None:
        """The live score by the inspection's own version and staff role (what the service scores
        with), from the answers shown; a walk-around is not scored."""
        result = (score_answers(self.template.body, {code: answer.result for code, answer in self.answers.items()},
                                staff_role=self.staff_role) if self.inspection.mode.scored else None)
        answered = sum(1 for code in self.items if code in self.answers)
        self.header.show_score(result, answered, len(self.items))
        self._show_open()

    def _show_open(self) -> None:
        """The failed items still waiting for their photos, in the progress area; the list of
        completion problems, once shown, keeps only what is still a problem (#14.1)."""
        if self.read_only:
            self.header.show_open([])
            return
        # From the answers shown (an answer must not read the whole draft again, #18.2) ...
        self.header.show_open([code for code, item in self.items.items() if lacks_photos(item, self.answers.get(code))])
        if not self.problems.isHidden():  # ... the service only while its problems are listed
            problems = self.ui.app.inspections.validate_for_completion(self.ui.user, self.inspection_id)
            self.problems.show_problems([(problem.code, problem.item_code) for problem in problems])

    # --- moving -----------------------------------------------------------------------------
    def go_to(self, code: str) -> None:
        """Make ``code`` the current item (a pending fail is saved first)."""
        if code not in self.items:
            return
        if code != self.current and not self._flush():
            return
        self.current = code
        self.item_list.select(code)
        self._show_item(code)

    def move(self, step: int) -> None:
        codes = self.item_list.codes()
        if not codes or self.current is None or self.walkaround:  # a walk-around stays on its finding
            return
        before = self.current
        self.go_to(codes[min(max(codes.index(self.current) + step, 0), len(codes) - 1)])
        if self.current != before:  # moved from the note or the photo button: the keys are answers again
            self.setFocus()

    def _chosen_in_list(self, code: str) -> None:
        self.go_to(code)
        if self.current != code:  # the pending fail could not be saved: stay on it
            self.item_list.select(self.current or code)
        self.setFocus()

    def _show_item(self, code: str) -> None:
        if code not in self.items:
            return
        item = self.items[code]
        answer = self.answers.get(code)
        failed = answer is not None and answer.result is AnswerResult.FAIL
        ids = answer.photo_ids if failed and answer else ()
        photos = [photo for photo in map(self.ui.app.photos.get, ids) if photo is not None] + self._pending_photos
        reference = self.ui.app.photos.thumbnail_path(item.reference_photo) if item.reference_photo else None
        self.panel.show_item(item, answer, photos, pending=self.pending_fail, editable=not self.read_only,
                             reference=reference)

    # --- answering --------------------------------------------------------------------------
    def answer_current(self, result: AnswerResult) -> None:
        """Answer the current item; a fail first asks for its note (``begin_fail``)."""
        code = self.current
        if self.read_only or code is None or (self.walkaround and result is not AnswerResult.FAIL):
            return
        if result is AnswerResult.FAIL:
            self.begin_fail()
            return
        self._cancel_pending()
        if self._call(self.ui.app.inspections.answer, code, result):
            self.move(1)

    def begin_fail(self) -> None:
        """Open the fail panel on the current item and put the focus into the note."""
        if self.read_only or self.current is None:
            return
        self.pending_fail = True
        self._pending_photos = []
        self._show_item(self.current)
        self.fail_panel.focus_first_need()  # the photo button when the item needs one (#14.1)

    def confirm_fail(self) -> bool:
        """Save the pending fail with its severity, note and photos, then move on."""
        if not self.pending_fail or self.current is None:
            return True
        if self.fail_panel.photos.busy:
            self._confirm_when_idle = True
            self.panel.answer_label.setText(self.tr("Saving as soon as the photos are in…"))
            return False
        code = self.current
        if not self._flush():
            return False
        self.setFocus()
        if self.current == code:
            self.move(1)
        return True

    def save_pending(self) -> bool:
        """Save what is typed but not confirmed yet (a pending fail, an edited note); False when
        it cannot be saved now (photos still being added, or the service refused)."""
        return self._flush()

    def _flush(self) -> bool:
        """Write a pending fail (or a changed note of a saved fail); False if it was refused."""
        code = self.current
        if code is None or self.read_only:
            return True
        if self.pending_fail:
            if self.fail_panel.photos.busy:
                self.panel.error.setText(self.tr("Photos are still being added to this item; a moment, please."))
                return False
            saved = self.answers.get(code)
            photos = list(saved.photo_ids) if saved and saved.result is AnswerResult.FAIL else []
            photos += [photo.id for photo in self._pending_photos if photo.id not in photos]
            if not self._call(self.ui.app.inspections.answer, code, AnswerResult.FAIL,
                              note=self.fail_panel.note.text(), severity=self.fail_panel.chosen_severity(),
                              photo_ids=photos):
                return False
            self.pending_fail = False
            self._pending_photos = []
            self._show_item(code)
            return True
        self._edited_saved_fail()
        return True

    def _cancel_pending(self) -> None:
        self._confirm_when_idle = False
        if self.pending_fail:
            self.pending_fail, self._pending_photos = False, []
            self._show_item(self.current or "")
            self.setFocus()

    def _note_entered(self) -> None:
        if self.pending_fail:
            self.confirm_fail()
        else:
            self._edited_saved_fail()
            self.setFocus()
            self.move(1)

    def _edited_saved_fail(self) -> None:
        """A saved fail whose note or severity changed is written again at once."""
        code = self.current
        saved = self.answers.get(code) if code else None
        if self.pending_fail or self.read_only or saved is None or saved.result is not AnswerResult.FAIL:
            return
        note, severity = self.fail_panel.note.text().strip(), self.fail_panel.chosen_severity()
        if note != saved.note or severity != saved.severity:
            self._call(self.ui.app.inspections.answer, saved.item_code, AnswerResult.FAIL, note=note,
                       severity=severity, photo_ids=list(saved.photo_ids))

    def _call(self, method: Callable[..., tuple[object, ChangeSet]], *args: object, **extra: object) -> bool:
        """``method(user, inspection id, *args)``, then show it saved; a refusal is shown under the item."""
        try:
            outcome, changes = method(self.ui.user, self.inspection_id, *args, **extra)
        except InspectorError as error:
            self.panel.error.setText(messages.describe(error))
            return False
        self.header.show_saved()
        if isinstance(outcome, RecordedAnswer):
            self._answer_saved(outcome)
        else:  # completion: the whole inspection changed
            self.reload()
        self.ui.hub.publish(changes)
        return True

    def _answer_saved(self, recorded: RecordedAnswer) -> None:
        """One answer changed: show it, the score and the progress, without reading the whole
        draft and its template again (the cost of an answer must not grow with the answers
        given, #18.2)."""
        answer = recorded.answer
        self.answers.pop(answer.item_code, None)  # kept in the order answered, as a reload reads them
        self.answers[answer.item_code] = answer
        if answer.item_code in self.items:
            self.item_list.set_answer(answer.item_code, answer)
        if self.walkaround:
            self.walkaround_panel.show_items(self.items.values(), self.answers)
        self._show_score()
        if self.current is not None and not self.pending_fail:
            self._show_item(self.current)

    # --- photos -----------------------------------------------------------------------------
    def add_photo(self) -> None:
        """Ctrl+Shift+A: choose photo files for the current fail (starting one if needed)."""
        if self.read_only or self.current is None:
            return
        saved = self.answers.get(self.current)
        if not self.pending_fail and (saved is None or saved.result is not AnswerResult.FAIL):
            self.begin_fail()
        self.fail_panel.photos.add_from_dialog()

    def _photo_added(self, photo: Photo) -> None:
        code = self.current
        if code is None:
            return
        if self.pending_fail:
            self._pending_photos.append(photo)
            shown = self.fail_panel.photos.photos() + [photo]
            self.fail_panel.photos.set_photos(shown)
            self.fail_panel.set_photo_need(self.items[code].photos_on_fail, len(shown))
            self.header.show_saved()
            return
        self._call(self.ui.app.inspections.add_photos, code, [photo.id])

    def _photos_busy(self, busy: bool) -> None:
        if not busy and self._confirm_when_idle:
            self._confirm_when_idle = False
            self.confirm_fail()

    def _remove_photo(self, photo_id: int) -> None:
        if self.pending_fail and any(photo.id == photo_id for photo in self._pending_photos):
            self._pending_photos = [photo for photo in self._pending_photos if photo.id != photo_id]
            self.fail_panel.photos.set_photos([p for p in self.fail_panel.photos.photos() if p.id != photo_id])
            return
        if self.current is not None and not self.read_only:
            self._call(self.ui.app.inspections.remove_photo, self.current, photo_id)

    # --- completing -------------------------------------------------------------------------
    def complete(self) -> bool:
        """Show what stands in the way, or complete the inspection; True once completed."""
        if self.read_only or not self._flush():
            return False
        problems = self.ui.app.inspections.validate_for_completion(self.ui.user, self.inspection_id)
        self.problems.show_problems([(problem.code, problem.item_code) for problem in problems])
        if problems and problems[0].item_code:
            self.go_to(problems[0].item_code)
        if problems or not self.confirm_completion():
            return False
        if self._call(self.ui.app.inspections.complete):
            self.completed.emit(self.inspection_id)
            return True
        return False

    def confirm_completion(self) -> bool:
        """Ask once, Yes by default (Enter): a completed inspection can no longer be changed, so
        say what it holds and which items failed (they become findings)."""
        failed = [code for code, answer in self.answers.items() if answer.result is AnswerResult.FAIL]
        text = self.tr("Complete this inspection? {answered} of {total} item(s) answered, {failed} failed. "
                       "Once completed it can no longer be changed.").format(
            answered=len(self.answers), total=len(self.items), failed=len(failed))
        if failed:
            text += "\n\n" + self.tr("Failed: {items}").format(items=", ".join(failed))
        choice = QMessageBox.question(self, self.tr("Complete the inspection"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        return choice == QMessageBox.StandardButton.Yes

    # --- the written report (检查记录) -------------------------------------------------------------
    def export_report(self) -> None:
        path = self.report_actions.export_one(self.inspection_id)
        if path is not None:
            self.header.saved_label.setText(self.tr("Report saved as {path}").format(path=str(path)))

    def acknowledge(self) -> None:
        """现场确认: the inspected party signs for the result; the report prints it."""
        if self.report_actions.acknowledge(self.inspection):
            self.header.saved_label.setText(self.tr("On-site acknowledgement recorded"))

    def close_screen(self) -> bool:
        """Close (the Close button, Esc): save what is typed first; False when it cannot be saved."""
        if not self._flush():
            return False
        self.close_requested.emit()
        return True

    def _escape(self) -> None:
        """Esc on a pending fail cancels it — asking first when a note or photos would be lost;
        Esc otherwise closes the screen, everything saved."""
        if not self.pending_fail:
            self.close_screen()
            return
        typed = self.fail_panel.note.text().strip() or self._pending_photos
        if typed:
            choice = QMessageBox.question(
                self, self.tr("Discard this failure?"),
                self.tr("The note and photos typed for {item} are not saved yet. Discard them?").format(
                    item=self.current or ""),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if choice != QMessageBox.StandardButton.Discard:
                self.fail_panel.note.setFocus()
                return
        self._cancel_pending()

    # --- keys -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == CTRL and key in RETURN_KEYS:
            self.complete()
        elif modifiers == CTRL | SHIFT and key == Qt.Key.Key_A:
            self.add_photo()
        elif modifiers == CTRL and key == Qt.Key.Key_V:
            if self.pending_fail or self.fail_panel.isVisible():
                self.fail_panel.photos.paste()
        elif modifiers != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
        elif key in KEY_RESULTS:
            self.answer_current(KEY_RESULTS[Qt.Key(key)])
        elif key in NEXT_KEYS:
            self.move(1)
        elif key in PREVIOUS_KEYS:
            self.move(-1)
        elif key == Qt.Key.Key_Escape:
            self._escape()
        elif key in RETURN_KEYS and self.pending_fail:
            self.confirm_fail()
        elif key in SEVERITY_KEYS and self.fail_panel.isVisible() and not self.read_only:
            self.fail_panel.set_severity(SEVERITY_KEYS[Qt.Key(key)])
        else:
            super().keyPressEvent(event)

    # --- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, parent: QWidget | None, ui: UiContext, inspection_id: int) -> RecordingScreen | None:
        """The screen for ``inspection_id``, or None after showing why the user may not see it."""
        try:
            ui.app.inspections.get(ui.user, inspection_id)
            return cls(ui, inspection_id, parent)
        except InspectorError as error:
            errors.show_error(parent, error)
            return None
