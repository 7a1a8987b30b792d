"""Recording an inspection from the keyboard alone, starting one (covert, after the fact),
resuming a draft, and refusing what the user may not see."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.context import AppContext
from inspector.domain.errors import InspectorError
from inspector.domain.inspections import AnswerResult, InspectionMode, InspectionStatus, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import Severity, SubjectKind, TemplateItem, TemplateSection, TemplateVersion
from inspector.domain.users import Role, User
from inspector.ui.dialogs import errors
from inspector.ui.dialogs.start_inspection import StartInspectionDialog
from inspector.ui.pages.inspections_host import InspectionsHost
from inspector.ui.pages.recording import RecordingScreen
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.photo_strip import PhotoStrip

PHOTO_ITEM = "K30-2.1"  # needs one photo when it fails
NOTE_ITEM = "K30-1.5"
NA_ITEMS = {"K30-1.2", "K30-3.4", "K30-3.9"}


def thirty_item_template(context: AppContext, office: User) -> TemplateVersion:
    """K30: three sections of ten items, 2 points each; K30-2.1 costs 5 and needs a photo."""
    draft, _ = context.templates.new_template(office, code="K30", title_zh="三十项检查", title_en="Thirty items",
                                              subject=SubjectKind.VEHICLE)
    sections = []
    for s in range(1, 4):
        items = tuple(TemplateItem(code=f"K30-{s}.{i}", text_zh=f"第{s}部分第{i}项", text_en=f"Part {s} item {i}",
                                   deduct=5.0 if f"K30-{s}.{i}" == PHOTO_ITEM else 2.0,
                                   photos_on_fail=1 if f"K30-{s}.{i}" == PHOTO_ITEM else 0,
                                   severity=Severity.SERIOUS if f"K30-{s}.{i}" == PHOTO_ITEM else Severity.GENERAL)
                      for i in range(1, 11))
        sections.append(TemplateSection(code=f"K30-{s}", title_zh=f"第{s}部分", items=items))
    body = draft.body.model_copy(update={"sections": tuple(sections)})
    context.templates.save_draft(office, draft.id, body)
    published, _ = context.templates.publish(office, draft.id, "2026-01")
    return published


@pytest.fixture
def bus(context: AppContext, admin: User) -> Any:
    unit, _ = context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一号总站"})
    context.registry.add(admin, RegistryKind.STAFF, {"staff_no": "D1001", "name": "李强", "role": "driver",
                                                     "unit_id": unit.id})
    vehicle, _ = context.registry.add(admin, RegistryKind.VEHICLES, {
        "plate": "粤B·12345", "fleet_no": "1E-101", "route": "12路", "unit_id": unit.id})
    return vehicle


@pytest.fixture
def template(context: AppContext, users: dict[Role, User]) -> TemplateVersion:
    return thirty_item_template(context, users[Role.QUALITY_OFFICE])


def start(context: AppContext, user: User, template: TemplateVersion, bus: Any,
          mode: InspectionMode = InspectionMode.ONSITE) -> int:
    inspection, _ = context.inspections.start(user, template_version_id=template.id, mode=mode,
                                              subject=SubjectRef(kind=SubjectKind.VEHICLE, id=bus.id))
    return inspection.id


def open_screen(qtbot: Any, ui: UiContext, inspection_id: int) -> RecordingScreen:
    screen = RecordingScreen(ui, inspection_id)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    return screen


class Questions(list[str]):
    """Stands in for ``QMessageBox.question``: records each text and answers with ``answer``."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        super().__init__()
        self.answer = answer

    def __call__(self, _parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        self.append(text)
        return self.answer


def answering(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> Questions:
    questions = Questions(answer)
    monkeypatch.setattr(QMessageBox, "question", questions)
    return questions


def test_thirty_items_completed_with_the_keyboard_alone(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    photo = tmp_path / "seat.jpg"
    Image.new("RGB", (640, 480), (180, 40, 40)).save(photo, "JPEG")
    monkeypatch.setattr(PhotoStrip, "choose_files", classmethod(lambda cls, parent: [photo]))
    screen = open_screen(qtbot, sign_in(supervisor), inspection_id)
    assert screen.current == "K30-1.1"
    assert screen.header.progress_label.text() == "0 / 30 answered"
    assert screen.header.score_label.text() == "Score 100 / 100"

    for _ in range(30):
        code = screen.current
        if code == NOTE_ITEM:
            QTest.keyClick(screen, Qt.Key.Key_F)
            assert screen.pending_fail and screen.fail_panel.isVisible()
            QTest.keyClicks(screen.fail_panel.note, "rubbish under seats")
            QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Return)
        elif code == PHOTO_ITEM:
            QTest.keyClick(screen, Qt.Key.Key_2)
            assert screen.fail_panel.chosen_severity() is Severity.SERIOUS  # the item's own severity
            QTest.keyClicks(screen.fail_panel.note, "seat 12 torn")
            QTest.keyClick(screen, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
            QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Return)  # waits for the photo, then saves
            qtbot.waitUntil(lambda: not screen.pending_fail, timeout=10_000)
        elif code in NA_ITEMS:
            QTest.keyClick(screen, Qt.Key.Key_N)
        else:
            QTest.keyClick(screen, Qt.Key.Key_P)
        if code != "K30-3.10":
            assert screen.current != code, f"{code} did not move on"
    assert screen.header.progress_label.text() == "30 / 30 answered"
    assert screen.header.score_label.text() == "Score 93 / 100"
    assert screen.header.saved_label.text().startswith("Saved ")

    questions = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    QTest.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [question] = questions  # asked once, Enter on Yes
    assert question.startswith("Complete this inspection? 30 of 30 item(s) answered,")
    inspection = context.inspections.get(supervisor, inspection_id)
    assert inspection.status is InspectionStatus.COMPLETED
    answers = {answer.item_code: answer for answer in inspection.answers}
    assert len(answers) == 30
    assert {code for code, a in answers.items() if a.result is AnswerResult.NA} == NA_ITEMS
    assert answers[NOTE_ITEM].note == "rubbish under seats"
    assert answers[NOTE_ITEM].severity is Severity.GENERAL
    assert answers[PHOTO_ITEM].note == "seat 12 torn" and len(answers[PHOTO_ITEM].photo_ids) == 1
    stored = context.photos.get(answers[PHOTO_ITEM].photo_ids[0])
    assert stored is not None and stored.original_name == "seat.jpg"
    assert (inspection.score, inspection.max_score, inspection.veto_failed) == (93.0, 100.0, False)
    findings = {f.item_code: f for f in context.inspections.findings(supervisor, inspection_id)}
    assert set(findings) == {NOTE_ITEM, PHOTO_ITEM}
    assert findings[PHOTO_ITEM].severity is Severity.SERIOUS and findings[PHOTO_ITEM].unit_id == bus.unit_id

    assert screen.read_only and not screen.panel.pass_button.isEnabled()
    QTest.keyClick(screen, Qt.Key.Key_F)  # a completed inspection takes no answers
    assert not screen.pending_fail


def test_completion_problems_are_listed_and_lead_to_the_item(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    context.inspections.answer(supervisor, inspection_id, PHOTO_ITEM, AnswerResult.FAIL, note="torn")
    screen = open_screen(qtbot, sign_in(supervisor), inspection_id)
    assert not screen.complete()
    lines = [screen.problems.item(row).text() for row in range(screen.problems.count())]
    assert "K30-1.1: not answered" in lines and f"{PHOTO_ITEM}: failed without the photos it needs" in lines
    assert screen.current == "K30-1.1"  # the first problem
    target = next(row for row, text in enumerate(lines) if text.startswith(PHOTO_ITEM))
    screen.problems.itemClicked.emit(screen.problems.item(target))
    assert screen.current == PHOTO_ITEM and screen.fail_panel.note.text() == "torn"
    assert context.inspections.get(supervisor, inspection_id).status is InspectionStatus.DRAFT


def test_escape_asks_before_it_throws_a_typed_note_away_then_cancels_without_writing(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    screen = open_screen(qtbot, sign_in(supervisor), inspection_id)
    QTest.keyClick(screen, Qt.Key.Key_F)
    QTest.keyClicks(screen.fail_panel.note, "not really")
    kept = answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Escape)
    assert len(kept) == 1 and screen.pending_fail and screen.fail_panel.note.text() == "not really"  # #14.5
    discarded = answering(monkeypatch, QMessageBox.StandardButton.Discard)
    QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Escape)
    assert discarded == ["The note and photos typed for K30-1.1 are not saved yet. Discard them?"]
    assert not screen.pending_fail and screen.current == "K30-1.1"
    assert context.inspections.get(supervisor, inspection_id).answers == ()
    QTest.keyClick(screen, Qt.Key.Key_J)
    QTest.keyClick(screen, Qt.Key.Key_Down)
    QTest.keyClick(screen, Qt.Key.Key_K)
    assert screen.current == "K30-1.2"


def test_reopening_a_draft_resumes_at_the_first_unanswered_item(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    ui = sign_in(supervisor)
    screen = open_screen(qtbot, ui, inspection_id)
    for key in (Qt.Key.Key_P, Qt.Key.Key_3, Qt.Key.Key_1):
        QTest.keyClick(screen, key)
    QTest.keyClick(screen, Qt.Key.Key_F)
    QTest.keyClicks(screen.fail_panel.note, "dirty window")
    QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Enter)
    screen.close()
    screen.deleteLater()

    again = open_screen(qtbot, ui, inspection_id)
    assert again.current == "K30-1.5"
    states = [again.item_list.answer_state(f"K30-1.{i}") for i in range(1, 6)]
    assert states == ["pass", "na", "pass", "fail", None]
    assert again.header.progress_label.text() == "4 / 30 answered"
    assert again.header.score_label.text() == "Score 98 / 100"
    again.go_to("K30-1.4")
    assert again.fail_panel.isVisible() and again.fail_panel.note.text() == "dirty window"


def test_start_dialog_builds_a_covert_visit_after_the_fact(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    dialog = StartInspectionDialog(sign_in(supervisor))
    qtbot.addWidget(dialog)
    assert dialog.template.itemText(dialog.template.currentIndex()).startswith("K30 ")
    assert dialog.version_used.text().startswith("Uses version 1, in force from 2026-01")
    assert dialog.covert_box.isHidden()
    dialog.set_mode(InspectionMode.COVERT)
    assert not dialog.covert_box.isHidden()
    dialog.search.setText("1E-10")
    assert dialog.matches.count() == 1 and "粤B·12345" in dialog.matches.item(0).text()
    assert dialog.unit.currentData() == bus.unit_id
    assert dialog.fleet_no.text() == "1E-101" and dialog.route.text() == "12路"  # filled from the bus
    past = datetime.now().replace(second=0, microsecond=0) - timedelta(days=2, hours=3)
    dialog.observed_at.setDateTime(QDateTime(past))
    dialog.staff_no.setText("D1001")
    dialog.ticket.setText("扫码支付2元 14:05")
    dialog.submit()
    assert dialog.result() == StartInspectionDialog.DialogCode.Accepted and dialog.started is not None
    stored = context.inspections.get(supervisor, dialog.started.id)
    assert stored.mode is InspectionMode.COVERT and stored.subject.label == "粤B·12345"
    assert stored.observed_at.replace(tzinfo=None) == past
    assert stored.entered_at.replace(tzinfo=None) > past + timedelta(days=2)
    assert (stored.evidence.route, stored.evidence.fleet_no, stored.evidence.staff_no, stored.evidence.ticket) == (
        "12路", "1E-101", "D1001", "扫码支付2元 14:05")


def test_start_dialog_shows_a_refusal_inline_and_writes_nothing(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    manager = users[Role.MANAGER]  # may read the registry and templates, may not record
    dialog = StartInspectionDialog(sign_in(manager))
    qtbot.addWidget(dialog)
    dialog.search.setText("粤B")
    dialog.submit()
    assert dialog.started is None and not dialog.error.isHidden() and dialog.error.text()
    assert context.inspections.count(users[Role.ADMIN]) == 0


def test_another_supervisors_covert_visit_is_refused_with_no_screen(
    qtbot: Any, context: AppContext, users: dict[Role, User], second_supervisor: User,
    sign_in: Callable[[User], UiContext], template: TemplateVersion, bus: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    inspection_id = start(context, second_supervisor, template, bus, InspectionMode.COVERT)
    shown: list[InspectorError] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, error: shown.append(error))
    host = InspectionsHost(sign_in(users[Role.SUPERVISOR]))
    qtbot.addWidget(host)
    assert host.open_inspection(inspection_id) is None
    assert [error.code for error in shown] == ["not_found"]  # as for an id that does not exist (#12.3)
    assert host.screen is None and host.stack.currentWidget() is host.list_side


def test_another_supervisors_onsite_inspection_opens_read_only(
    qtbot: Any, context: AppContext, users: dict[Role, User], second_supervisor: User,
    sign_in: Callable[[User], UiContext], template: TemplateVersion, bus: Any,
) -> None:
    inspection_id = start(context, second_supervisor, template, bus)
    host = InspectionsHost(sign_in(users[Role.SUPERVISOR]))
    qtbot.addWidget(host)
    screen = host.open_inspection(inspection_id)
    assert screen is not None and screen.read_only and not screen.banner.isHidden()
    QTest.keyClick(screen, Qt.Key.Key_P)
    assert context.inspections.get(second_supervisor, inspection_id).answers == ()
    screen.header.close_button.click()
    assert host.stack.currentWidget() is host.list_side and host.screen is None


def test_host_starts_an_inspection_and_shows_its_screen(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext], template: TemplateVersion,
    bus: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    made = context.inspections.get(supervisor, inspection_id)
    monkeypatch.setattr(StartInspectionDialog, "ask", classmethod(lambda cls, parent, ui: made))
    host = InspectionsHost(sign_in(supervisor))
    qtbot.addWidget(host)
    assert host.start_inspection() == made
    assert isinstance(host.stack.currentWidget(), RecordingScreen)
    assert isinstance(host.screen, QWidget) and host.screen.inspection_id == inspection_id


def test_a_photo_on_a_failed_item_can_be_annotated(
    qtbot: Any, tmp_path: Path, context: AppContext, users: dict[Role, User], bus: Any,
    template: TemplateVersion, sign_in: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import Image

    from inspector.domain.photos import Annotation, AnnotationShape
    from inspector.ui.widgets import photo_strip

    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    picture = tmp_path / "scratch.jpg"
    Image.new("RGB", (640, 480), (40, 90, 160)).save(picture, "JPEG")
    photo = context.photos.ingest(supervisor, picture)
    context.inspections.answer(supervisor, inspection_id, PHOTO_ITEM, "fail", note="划痕", photo_ids=[photo.id])
    strip = PhotoStrip(sign_in(supervisor))
    qtbot.addWidget(strip)
    strip.set_photos([photo])
    working_before = context.photos.working_path(photo.sha256).read_bytes()
    mark = Annotation(shape=AnnotationShape.RECTANGLE, x1=0.2, y1=0.2, x2=0.6, y2=0.6)
    monkeypatch.setattr(photo_strip.AnnotationDialog, "ask", classmethod(lambda cls, parent, image, marks: (mark,)))
    annotated = strip.annotate_selected()
    assert annotated is not None and annotated.annotations == (mark,)
    assert context.photos.get(photo.id).annotations == (mark,)
    assert context.photos.working_path(photo.sha256).read_bytes() != working_before


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` the way Chinese arrives: committed by the input method (QTest only knows Latin-1 keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def test_a_walk_around_records_one_finding_picked_by_search(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus, InspectionMode.WALKAROUND)
    screen = open_screen(qtbot, sign_in(supervisor), inspection_id)
    panel = screen.walkaround_panel
    assert not panel.isHidden() and screen.item_list.isHidden() and screen.panel.isHidden()
    assert screen.focusProxy() is panel.search and screen.current is None

    type_text(panel.search, "2部分第")
    assert panel.match_codes() == [f"K30-2.{i}" for i in range(1, 11)]
    QTest.keyClicks(panel.search, "1")  # 第2部分第1项 and 第2部分第10项
    assert panel.match_codes() == ["K30-2.1", "K30-2.10"]
    QTest.keyClick(panel.search, Qt.Key.Key_Down)
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    assert screen.current == "K30-2.10" and screen.pending_fail and not screen.panel.isHidden()
    assert panel.search.text() == "" and screen.panel.pass_button.isHidden()
    type_text(screen.fail_panel.note, "扶手松动")
    QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Return)
    assert not screen.pending_fail and screen.current == "K30-2.10"  # no moving on to another item
    assert panel.finding_codes() == ["K30-2.10"]

    QTest.keyClick(panel.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    inspection = context.inspections.get(supervisor, inspection_id)
    assert inspection.status is InspectionStatus.COMPLETED
    assert [(a.item_code, a.result, a.note) for a in inspection.answers] == [
        ("K30-2.10", AnswerResult.FAIL, "扶手松动")]
    findings = context.inspections.findings(supervisor, inspection_id)
    assert [(f.item_code, f.note) for f in findings] == [("K30-2.10", "扶手松动")]


def test_a_walk_around_with_two_findings_and_none_refused(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus, InspectionMode.WALKAROUND)
    screen = open_screen(qtbot, sign_in(supervisor), inspection_id)
    panel = screen.walkaround_panel
    QTest.keyClick(panel.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    lines = [screen.problems.item(row).text() for row in range(screen.problems.count())]
    assert lines == ["A walk-around records one problem: fail the item you saw."]
    assert context.inspections.get(supervisor, inspection_id).status is InspectionStatus.DRAFT

    for typed, note in (("part 3 item 4", "地面湿滑"), ("k30-1.7", "")):  # English text, code in any case
        QTest.keyClicks(panel.search, typed)
        QTest.keyClick(panel.search, Qt.Key.Key_Enter)
        type_text(screen.fail_panel.note, note)
        QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Return)
    assert panel.finding_codes() == ["K30-1.7", "K30-3.4"]  # template order
    QTest.keyClick(panel.search, Qt.Key.Key_P)  # a letter in the search is text, never a "pass"
    assert panel.search.text() == "p"
    assert screen.complete()
    inspection = context.inspections.get(supervisor, inspection_id)
    assert inspection.status is InspectionStatus.COMPLETED and len(inspection.answers) == 2
    assert {f.item_code for f in context.inspections.findings(supervisor, inspection_id)} == {"K30-1.7", "K30-3.4"}


def test_a_language_switch_reopens_the_recording_screen_in_the_new_language_at_the_same_item(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext], template: TemplateVersion,
    bus: Any, context: AppContext,
) -> None:
    """#14.9: the open recording view stayed in the old language until reopened. A fail typed
    but not confirmed yet is saved first, not lost."""
    from inspector.ui.language import apply_language

    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    host = InspectionsHost(sign_in(supervisor))
    qtbot.addWidget(host)
    host.show()
    first = host.open_inspection(inspection_id)
    assert first is not None and first.header.complete_button.text() == "Complete"
    QTest.keyClick(first, Qt.Key.Key_P)  # K30-1.1 passed; now on K30-1.2
    QTest.keyClick(first, Qt.Key.Key_F)
    QTest.keyClicks(first.fail_panel.note, "handle loose")
    try:
        assert apply_language("zh_CN")
        host.retranslate()  # what the main window does on LanguageChange
        qtbot.waitUntil(lambda: host.screen is not None and host.screen is not first)
        reopened = host.screen
        assert reopened.header.complete_button.text() == "完成检查"
        assert reopened.current == "K30-1.2" and host.stack.currentWidget() is reopened
        saved = {answer.item_code: answer for answer in context.inspections.get(supervisor, inspection_id).answers}
        assert saved["K30-1.2"].result is AnswerResult.FAIL and saved["K30-1.2"].note == "handle loose"
    finally:
        apply_language("en")
    host.retranslate()
    qtbot.waitUntil(lambda: host.screen is not None and host.screen.header.complete_button.text() == "Complete")



def test_escape_and_close_save_a_typed_fail_and_close_the_screen(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    """#14.5: Esc closes the recording view; Close once dropped a fail whose note was typed."""
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    screen = open_screen(qtbot, sign_in(supervisor), inspection_id)
    closed: list[bool] = []
    screen.close_requested.connect(lambda: closed.append(True))
    QTest.keyClick(screen, Qt.Key.Key_P)
    QTest.keyClick(screen, Qt.Key.Key_Escape)
    assert closed == [True]
    QTest.keyClick(screen, Qt.Key.Key_F)
    QTest.keyClicks(screen.fail_panel.note, "seat torn")
    screen.header.close_button.click()
    assert closed == [True, True]
    saved = {a.item_code: a for a in context.inspections.get(supervisor, inspection_id).answers}
    assert saved["K30-1.2"].result is AnswerResult.FAIL and saved["K30-1.2"].note == "seat torn"


def test_enter_opens_the_selected_row_and_down_leaves_the_search_for_the_results(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    """#14.5: keyboard all the way on the inspections list."""
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    host = InspectionsHost(sign_in(supervisor))
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    page = host.list_page
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(host.stack.currentWidget(), RecordingScreen)
    assert host.screen is not None and host.screen.inspection_id == inspection_id


def test_start_dialog_says_which_version_and_month_it_uses_or_that_none_covers_it(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    """「考核检查每月一次」 (F2·3), 「对评价指标采取动态管理」 (F0·1): the start dialog names the
    version in force in the month observed, and says plainly when no version covers that month."""
    dialog = StartInspectionDialog(sign_in(users[Role.SUPERVISOR]))
    qtbot.addWidget(dialog)
    this_month = datetime.now().strftime("%Y-%m")
    assert dialog.version_used.text() == f"Uses version 1, in force from 2026-01 (observed in {this_month})."
    dialog.set_mode(InspectionMode.COVERT)
    dialog.observed_at.setDateTime(QDateTime(datetime(2025, 12, 20, 9, 0)))
    assert dialog.version_used.text() == (
        "No published version of K30 covers 2025-12: the quality office publishes one first.")
    dialog.search.setText("1E-10")
    dialog.submit()
    assert dialog.started is None and not dialog.error.isHidden()
    assert "No published version of checklist K30 covers 2025-12" in dialog.error.text()
    assert context.db.execute("SELECT count(*) FROM inspections").fetchone()[0] == 0
