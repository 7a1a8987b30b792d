"""Issue #14 points 1 and 2 on the recording screen, with real key events.

1. A required photo is asked for when the item fails, not at completion: the fail panel says
   "Photos 0 / 1" at once with the photo button focused; the supervisor may move on without it;
   the progress area lists what is still open; and a message goes when its cause goes.
2. A refused photo's long sentence wraps inside the panel: the window does not widen and the
   checklist keeps its width, its rows showing whole item texts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from inspector.context import AppContext
from inspector.domain.inspections import AnswerResult, InspectionMode, InspectionStatus, SubjectRef
from inspector.domain.templates import SubjectKind, TemplateVersion
from inspector.domain.users import Role, User
from inspector.ui.pages.recording import RecordingScreen
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.photo_strip import PhotoStrip
from inspector.ui.widgets.recording_item_list import MINIMUM_WIDTH
from tests.ui.test_recording import PHOTO_ITEM, answering, bus, start, template  # noqa: F401 - fixtures

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def jpeg(folder: Path, name: str = "seat.jpg") -> Path:
    path = folder / name
    Image.new("RGB", (640, 480), (180, 40, 40)).save(path, "JPEG")
    return path


WINDOWS: list[QMainWindow] = []  # kept alive while their test runs (the fixture deletes them after)


def shown_screen(qtbot: Any, ui: UiContext, inspection_id: int) -> RecordingScreen:
    """The screen in a laptop-sized window that has the keyboard focus."""
    window = QMainWindow()
    WINDOWS[:] = [window]
    screen = RecordingScreen(ui, inspection_id)
    window.setCentralWidget(screen)
    qtbot.addWidget(window)
    window.resize(1366, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    screen.setFocus()
    qtbot.waitUntil(screen.hasFocus)
    return screen


@pytest.fixture
def styled(qapp: QApplication) -> Any:
    """The app's own style sheet and font (what the real window draws with), removed afterwards."""
    from inspector.app import FONT_POINT_SIZE
    from inspector.paths import resources_dir

    font = qapp.font()
    qapp.setFont(QFont(font.family(), FONT_POINT_SIZE))
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8").replace(
        "@icons@", (resources_dir() / "icons").as_posix()))
    yield qapp
    qapp.setStyleSheet("")
    qapp.setFont(font)


def below(upper: QWidget, lower: QWidget) -> bool:
    """``lower`` starts under ``upper`` ends (in window coordinates): nothing drawn over anything."""
    top = lower.mapTo(lower.window(), lower.rect().topLeft()).y()
    bottom = upper.mapTo(upper.window(), upper.rect().bottomLeft()).y()
    return top > bottom


def all_but_the_photo_item_passed(context: AppContext, supervisor: User, template: TemplateVersion,
                                  bus: Any) -> int:
    inspection_id = start(context, supervisor, template, bus)
    for section in template.body.sections:
        for item in section.items:
            if item.code != PHOTO_ITEM:
                context.inspections.answer(supervisor, inspection_id, item.code, AnswerResult.PASS)
    return inspection_id


def test_a_failed_item_asks_for_its_photo_at_once_and_the_open_one_is_listed_until_it_is_added(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = all_but_the_photo_item_passed(context, supervisor, template, bus)
    screen = shown_screen(qtbot, sign_in(supervisor), inspection_id)
    panel = screen.fail_panel
    assert screen.current == PHOTO_ITEM and screen.header.open_label.isHidden()

    QTest.keyClick(screen, Qt.Key.Key_F)
    assert screen.pending_fail
    assert panel.photos_label.text() == "Photos 0 / 1" and panel.photos_label.property("role") == "error"
    assert panel.photo_button.hasFocus()  # said at once, not at completion
    assert panel.photo_hint.isVisible() and panel.photo_hint.text().startswith(
        "This item needs 1 photo(s) when it fails: Add photo… or Ctrl+Shift+A.")
    assert screen.panel.answer_label.text() == (
        "Failing: Enter adds the photo this item needs, typing writes the note, Esc cancels.")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S)  # typing goes to the note, never answers
    QTest.keyClicks(QApplication.focusWidget(), "eat torn")  # the keys that follow go where the focus went
    assert panel.note.hasFocus() and panel.note.text() == "seat torn"
    assert screen.pending_fail and screen.current == PHOTO_ITEM

    QTest.keyClick(panel.note, Qt.Key.Key_Return)  # moving on without the photo, as one must at times
    assert not screen.pending_fail and screen.current != PHOTO_ITEM
    assert screen.header.open_codes == [PHOTO_ITEM] and screen.header.open_label.isVisible()
    assert screen.header.open_label.text() == f'Photo missing: <a href="{PHOTO_ITEM}">{PHOTO_ITEM}</a>'

    QTest.keyClick(screen, Qt.Key.Key_Return, CTRL)  # completing: the problem is listed, the item shown
    lines = [screen.problems.item(row).text() for row in range(screen.problems.count())]
    assert lines == [f"{PHOTO_ITEM}: failed without the photos it needs"] and screen.problems.isVisible()
    assert screen.current == PHOTO_ITEM and panel.note.text() == "seat torn"

    photo = jpeg(tmp_path)
    monkeypatch.setattr(PhotoStrip, "choose_files", classmethod(lambda cls, parent: [photo]))
    QTest.keyClick(screen, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: not panel.photos.busy and len(panel.photos.photos()) == 1, timeout=10_000)
    assert screen.problems.isHidden() and screen.problems.count() == 0  # its cause has gone
    assert screen.header.open_label.isHidden() and screen.header.open_codes == []
    assert panel.photos_label.text() == "Photos 1" and panel.photos_label.property("role") == ""
    questions = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    QTest.keyClick(screen, Qt.Key.Key_Return, CTRL)
    assert len(questions) == 1
    assert context.inspections.get(supervisor, inspection_id).status is InspectionStatus.COMPLETED


def test_enter_on_the_focused_photo_button_adds_the_photo_and_hands_the_focus_to_the_note(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    photo = jpeg(tmp_path)
    monkeypatch.setattr(PhotoStrip, "choose_files", classmethod(lambda cls, parent: [photo]))
    screen = shown_screen(qtbot, sign_in(supervisor), inspection_id)
    panel = screen.fail_panel
    QTest.keyClick(screen, Qt.Key.Key_F)  # K30-1.1 needs no photo: the note takes the focus
    assert panel.note.hasFocus() and panel.photos_label.text() == "Photos" and panel.photo_hint.isHidden()
    QTest.keyClick(panel.note, Qt.Key.Key_Escape)
    screen.go_to(PHOTO_ITEM)
    QTest.keyClick(screen, Qt.Key.Key_2)
    assert panel.photo_button.hasFocus()
    QTest.keyClick(panel.photo_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.photos_label.text() == "Photos 1", timeout=10_000)
    assert panel.note.hasFocus() and panel.photo_hint.text() == "Photos needed for this item: 1; added: 1."
    QTest.keyClicks(panel.note, "seat torn")
    QTest.keyClick(panel.note, Qt.Key.Key_Return, SHIFT)  # a note may have several lines
    QTest.keyClicks(panel.note, "left side")
    QTest.keyClick(panel.note, Qt.Key.Key_Return)
    assert not screen.pending_fail and screen.current == "K30-2.2" and screen.header.open_label.isHidden()
    saved = {a.item_code: a for a in context.inspections.get(supervisor, inspection_id).answers}
    assert saved[PHOTO_ITEM].note == "seat torn\nleft side" and len(saved[PHOTO_ITEM].photo_ids) == 1


def test_down_on_the_photo_button_moves_on_and_the_open_item_is_a_link_back(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    screen = shown_screen(qtbot, sign_in(supervisor), inspection_id)
    screen.go_to(PHOTO_ITEM)
    QTest.keyClick(screen, Qt.Key.Key_F)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert screen.current == "K30-2.2" and screen.header.open_codes == [PHOTO_ITEM]
    assert screen.hasFocus()  # the keys are answers again: P passes K30-2.2
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_P)
    assert screen.item_list.answer_state("K30-2.2") == "pass"
    screen.go_to("K30-2.2")
    assert context.inspections.get(supervisor, inspection_id).answers[0].result is AnswerResult.FAIL
    screen.header.open_label.linkActivated.emit(PHOTO_ITEM)  # what a click on the link sends
    assert screen.current == PHOTO_ITEM and screen.fail_panel.isVisible() and screen.hasFocus()


def test_a_refused_photo_wraps_in_the_panel_and_the_checklist_keeps_its_width_and_whole_texts(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    tmp_path: Path, bus: Any, styled: Any,  # noqa: F811 - the fixture
) -> None:
    supervisor = users[Role.SUPERVISOR]
    context.templates.ensure_builtins()
    vehicles = context.templates.latest_published(supervisor, "T1")
    inspection, _ = context.inspections.start(supervisor, template_version_id=vehicles.id, mode=InspectionMode.ONSITE,
                                              subject=SubjectRef(kind=SubjectKind.VEHICLE, id=bus.id))
    folder = tmp_path / "phone-sync-folder-of-the-supervisors-laptop" / "DCIM" / "Camera-2026-12-07-morning-round"
    folder.mkdir(parents=True)
    broken = folder / "IMG_20261207_091512_corrupted_while_copying.jpg"
    broken.write_bytes(jpeg(tmp_path).read_bytes()[:900])  # a picture cut short, as a failed copy leaves it
    screen = shown_screen(qtbot, sign_in(supervisor), inspection.id)
    window = screen.window()
    window.resize(1366, 560)  # what the main window leaves the screen on a 768-pixel laptop
    QApplication.processEvents()
    tree = screen.item_list
    before = (window.width(), tree.width())
    assert tree.width() >= MINIMUM_WIDTH

    QTest.keyClick(screen, Qt.Key.Key_F)  # T1-1.1 needs a photo
    strip = screen.fail_panel.photos
    strip.add_files([broken])
    qtbot.waitUntil(lambda: not strip.busy and strip.status_text() != "", timeout=10_000)
    assert strip.status_text().startswith(f"The photo {broken} cannot be used")
    assert strip.status.isVisible() and strip.status.property("role") == "error"
    QApplication.processEvents()
    assert (window.width(), tree.width()) == before  # nothing widened, nothing squeezed
    assert strip.status.geometry().right() <= strip.width()  # wrapped inside the panel
    assert strip.status.height() >= 2 * strip.status.fontMetrics().height()
    panel = screen.fail_panel  # one under the other, never drawn over each other (the panel scrolls)
    assert below(strip.thumbnails, strip.add_button) and below(strip.add_button, strip.status)
    assert below(strip.status, panel.photo_hint) and below(panel.photo_hint, panel.keys)

    screen.splitter.setSizes([40, 0, 1300])  # dragged as far as it goes
    QApplication.processEvents()
    assert tree.width() >= MINIMUM_WIDTH
    for code in tree.codes():  # every row tall enough for its whole text at the tree's width
        entry = tree.entry(code)
        assert entry is not None
        rect = tree.visualItemRect(entry)
        text = entry.text(0)
        width = tree.viewport().width() - rect.left() - tree.iconSize().width() - 12
        needed = QFontMetrics(entry.font(0)).boundingRect(QRect(0, 0, width, 10_000),
                                                          int(Qt.TextFlag.TextWordWrap), text).height()
        assert rect.height() >= needed, code
        assert entry.toolTip(0) in text  # and the tooltip holds it too

    screen.go_to("T1-1.2")  # another item: the old refusal no longer applies
    assert strip.status.isHidden()
