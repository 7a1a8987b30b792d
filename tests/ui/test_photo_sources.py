"""Photos from a phone's folder or the webcam (#14.3): the newest photos of a remembered folder,
picked with the keyboard, new ones appearing while the dialog is open, thumbnails made on worker
threads (HEIC too, a broken file named and not pickable), and the camera button saying plainly when
there is no camera — QtMultimedia missing, or present without a camera (none exists here).

The dialog is shown without ``exec`` (which would wait for a person); keys go to its list as a
person's would. Adding goes through the strip's ordinary path, checked through the ``photos`` rows.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog

from inspector.context import AppContext
from inspector.domain.users import Role, User
from inspector.services import photo_folder
from inspector.ui.dialogs import camera_capture
from inspector.ui.dialogs import photo_sources as sources_module
from inspector.ui.dialogs.photo_sources import PhotoSourcesDialog, remember_folder, remembered_folder
from inspector.ui.language import apply_language
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.photo_sources_button import PhotoSourcesButton
from inspector.ui.widgets.photo_strip import PhotoStrip

CORPUS = Path("/work/shared/corpus/photos")
REAL_CAMERA_INPUTS = camera_capture.camera_inputs
START = datetime.now().astimezone() - timedelta(hours=1)  # when "the inspection started"


def photo(folder: Path, name: str, minutes_after_start: float) -> Path:
    """A JPEG of its own colour (the same bytes twice would be stored once) from that moment."""
    path = folder / name
    shade = sum(map(ord, name)) * 37 % 200
    Image.new("RGB", (640, 480), (shade, 255 - shade, 90)).save(path, "JPEG", quality=85)
    stamp = (START + timedelta(minutes=minutes_after_start)).timestamp()
    os.utime(path, (stamp, stamp))
    return path


@pytest.fixture
def supervisor(users: dict[Role, User], sign_in: Callable[[User], UiContext]) -> UiContext:
    return sign_in(users[Role.SUPERVISOR])


@pytest.fixture
def phone(tmp_path: Path) -> Path:
    """A phone's sync folder: one photo from before the inspection, three taken during it."""
    folder = tmp_path / "phone"
    folder.mkdir()
    photo(folder, "IMG_0001.jpg", -30)
    photo(folder, "IMG_0002.jpg", 5)
    photo(folder, "IMG_0003.jpg", 10)
    photo(folder, "IMG_0004.jpg", 20)
    (folder / ".IMG_0005.jpg.tmp").write_bytes(b"partial")  # a sync client's temporary name
    (folder / "notes.txt").write_text("not a photo")
    return folder


@pytest.fixture(autouse=True)
def _no_camera_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may meet a real camera (none exists here) unless it supplies a fake one."""
    monkeypatch.setattr(camera_capture, "camera_inputs", lambda: [])


def open_dialog(qtbot: Any, ui: UiContext, tmp_path: Path, since: datetime | None = START) -> PhotoSourcesDialog:
    temp = tmp_path / "temp"
    temp.mkdir(exist_ok=True)
    dialog = PhotoSourcesDialog(ui, since, temp)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)  # shortcuts and mnemonics want an active window
    return dialog


def names(dialog: PhotoSourcesDialog) -> list[str]:
    return [Path(dialog.list.item(row).data(sources_module.PATH_ROLE)).name for row in range(dialog.list.count())]


def previews_done(dialog: PhotoSourcesDialog) -> bool:
    return all(not dialog.list.item(row).icon().pixmap(16, 16).toImage().pixelColor(8, 8)
               == dialog._placeholder.pixmap(16, 16).toImage().pixelColor(8, 8)
               for row in range(dialog.list.count()))


def test_the_folder_is_chosen_once_and_remembered_per_user(qtbot: Any, supervisor: UiContext, phone: Path,
                                                            tmp_path: Path, users: dict[Role, User],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    assert dialog.list.count() == 0
    assert "Ctrl+O" in dialog.hint.text()
    monkeypatch.setattr(PhotoSourcesDialog, "ask_folder", classmethod(lambda cls, parent, start: phone))
    qtbot.keyClick(dialog.list, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert names(dialog) == ["IMG_0004.jpg", "IMG_0003.jpg", "IMG_0002.jpg"]
    assert remembered_folder(supervisor.user.username) == phone
    assert remembered_folder(users[Role.QUALITY_OFFICE].username) is None  # another user has their own
    again = open_dialog(qtbot, supervisor, tmp_path)
    assert again.folder == phone and again.folder_label.text() == str(phone)
    assert names(again) == ["IMG_0004.jpg", "IMG_0003.jpg", "IMG_0002.jpg"]


def test_only_photos_since_the_inspection_started_newest_first_older_on_request(
        qtbot: Any, supervisor: UiContext, phone: Path, tmp_path: Path) -> None:
    remember_folder(supervisor.user.username, phone)
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    assert names(dialog) == ["IMG_0004.jpg", "IMG_0003.jpg", "IMG_0002.jpg"]
    assert START.strftime("%H:%M") in dialog.hint.text()
    assert dialog.list.currentRow() == 0  # the newest, ready for Enter
    assert dialog.older.text() == "Show &older photos too"  # Alt+O (offscreen Qt sends no mnemonics)
    dialog.older.click()
    assert dialog.older.isChecked()
    assert names(dialog) == ["IMG_0004.jpg", "IMG_0003.jpg", "IMG_0002.jpg", "IMG_0001.jpg"]


def test_arrows_space_and_enter_pick_photos(qtbot: Any, supervisor: UiContext, phone: Path, tmp_path: Path) -> None:
    remember_folder(supervisor.user.username, phone)
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    qtbot.waitUntil(lambda: previews_done(dialog), timeout=10_000)
    assert dialog.chosen() == [phone / "IMG_0004.jpg"]  # none ticked: the one under the cursor
    assert dialog.ok_button.text() == "Add"
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.ticked() == [phone / "IMG_0004.jpg", phone / "IMG_0002.jpg"]
    assert dialog.ok_button.text() == "Add (2)"
    qtbot.keyClick(dialog.list, Qt.Key.Key_Left)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # ticked and unticked again
    assert dialog.ticked() == [phone / "IMG_0004.jpg", phone / "IMG_0002.jpg"]
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == [phone / "IMG_0004.jpg", phone / "IMG_0002.jpg"]


def test_escape_picks_nothing(qtbot: Any, supervisor: UiContext, phone: Path, tmp_path: Path) -> None:
    remember_folder(supervisor.user.username, phone)
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_photo_arriving_while_open_appears_at_the_top(qtbot: Any, supervisor: UiContext, phone: Path,
                                                         tmp_path: Path) -> None:
    remember_folder(supervisor.user.username, phone)
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # a tick survives the new arrival
    arriving = tmp_path / "arriving.jpg"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(arriving, "JPEG")
    os.replace(arriving, phone / "IMG_0006.jpg")  # as a sync client does: write, then rename
    qtbot.waitUntil(lambda: names(dialog)[:1] == ["IMG_0006.jpg"], timeout=10_000)
    assert names(dialog) == ["IMG_0006.jpg", "IMG_0004.jpg", "IMG_0003.jpg", "IMG_0002.jpg"]
    assert dialog.ticked() == [phone / "IMG_0004.jpg"]


def test_thumbnails_are_made_on_worker_threads_heic_included_and_a_broken_file_is_named(
        qtbot: Any, supervisor: UiContext, phone: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not (CORPUS / "heic" / "IMG_5195.HEIC").exists():
        pytest.skip("the photo corpus is not here")
    for source in (CORPUS / "heic" / "IMG_5195.HEIC", CORPUS / "jpg" / "corrupted.jpg"):
        target = phone / source.name
        shutil.copyfile(source, target)
        stamp = (START + timedelta(minutes=30)).timestamp()
        os.utime(target, (stamp, stamp))
    threads: list[str] = []

    def watched(path: Path, side: int = photo_folder.PREVIEW_SIDE, *, limit_bytes: int,
                cancelled: Callable[[], bool]) -> bytes:
        threads.append(threading.current_thread().name)
        return photo_folder.preview(path, side, limit_bytes=limit_bytes, cancelled=cancelled)

    monkeypatch.setattr(sources_module, "preview", watched)
    remember_folder(supervisor.user.username, phone)
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    assert set(names(dialog)) == {"IMG_5195.HEIC", "corrupted.jpg", "IMG_0004.jpg", "IMG_0003.jpg", "IMG_0002.jpg"}
    broken = dialog.list.item(names(dialog).index("corrupted.jpg"))
    qtbot.waitUntil(lambda: not broken.flags() & Qt.ItemFlag.ItemIsUserCheckable, timeout=15_000)
    assert "corrupted.jpg" in broken.toolTip() and "corrupted.jpg" in dialog.status.text()
    heic = dialog.list.item(names(dialog).index("IMG_5195.HEIC"))
    qtbot.waitUntil(lambda: len(threads) == 5 and previews_done(dialog), timeout=15_000)
    assert not heic.icon().isNull() and heic.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert threading.main_thread().name not in threads
    dialog.list.setCurrentItem(broken)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # cannot be ticked: says why instead
    assert dialog.ticked() == [] and dialog.chosen() == [] and not dialog.ok_button.isEnabled()


def test_the_strip_adds_the_picked_photos_through_its_ordinary_path(
        qtbot: Any, supervisor: UiContext, phone: Path, context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    strip = PhotoStrip(supervisor)
    qtbot.addWidget(strip)
    strip.since = START
    asked: list[datetime] = []

    def choose(cls: type, parent: Any, ui: UiContext, since: datetime, temp: Path) -> list[Path]:
        asked.append(since)
        assert temp.is_dir()
        return [phone / "IMG_0004.jpg", phone / "IMG_0003.jpg"]

    monkeypatch.setattr(PhotoSourcesDialog, "choose", classmethod(choose))
    added: list[Any] = []
    strip.photo_added.connect(added.append)
    button = strip.findChild(PhotoSourcesButton)
    button.click()
    qtbot.waitUntil(lambda: len(added) == 2, timeout=10_000)
    assert asked == [START]
    assert context.db["photos"].count == 2
    assert sorted(photo.original_name for photo in added) == ["IMG_0003.jpg", "IMG_0004.jpg"]


def test_a_broken_file_picked_is_refused_naming_it_and_nothing_stored(
        qtbot: Any, supervisor: UiContext, tmp_path: Path, context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 this is no picture")
    monkeypatch.setattr(PhotoSourcesDialog, "choose", classmethod(lambda cls, *args: [broken]))
    strip = PhotoStrip(supervisor)
    qtbot.addWidget(strip)
    refused: list[str] = []
    strip.failed.connect(refused.append)
    strip.findChild(PhotoSourcesButton).click()
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert "broken.jpg" in refused[0]
    assert context.db["photos"].count == 0


def test_without_a_time_the_strip_offers_todays_photos(qtbot: Any, supervisor: UiContext) -> None:
    strip = PhotoStrip(supervisor)
    qtbot.addWidget(strip)
    since = strip.findChild(PhotoSourcesButton).since()
    assert since.date() == datetime.now().date() and (since.hour, since.minute) == (0, 0)


# --- the camera --------------------------------------------------------------------------------

def test_without_qtmultimedia_there_is_no_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real camera_inputs, with the import made to fail as without PySide6-Addons
    real_import = camera_capture.importlib.import_module

    def missing(name: str, *args: Any) -> Any:
        if name.startswith("PySide6.QtMultimedia"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, *args)

    monkeypatch.setattr(camera_capture.importlib, "import_module", missing)
    assert camera_capture.multimedia() is None
    assert camera_capture.camera_inputs() == []


def test_with_qtmultimedia_but_no_camera_there_is_no_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    fake = SimpleNamespace(QMediaDevices=SimpleNamespace(videoInputs=lambda: []))
    monkeypatch.setattr(camera_capture, "multimedia", lambda: fake)
    assert camera_capture.camera_inputs() == []


def test_the_real_environment_finds_no_camera() -> None:
    """Here either QtMultimedia is missing or it finds no camera: both say the same."""
    assert REAL_CAMERA_INPUTS() == []


@pytest.mark.parametrize(("language", "words"), [("en", "No camera found"), ("zh_CN", "未找到摄像头")])
def test_the_camera_button_says_plainly_there_is_none(qtbot: Any, supervisor: UiContext, tmp_path: Path,
                                                       language: str, words: str) -> None:
    apply_language(language)
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    assert dialog.camera_button.text() == words
    assert not dialog.camera_button.isEnabled()


def test_a_photo_from_the_camera_is_listed_at_the_top_ticked(qtbot: Any, supervisor: UiContext, phone: Path,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camera_capture, "camera_inputs", lambda: ["the webcam"])
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor(20, 160, 60))
    taken: list[Any] = []
    monkeypatch.setattr(camera_capture.CameraDialog, "take",
                        classmethod(lambda cls, parent, device: taken.append(device) or image))
    remember_folder(supervisor.user.username, phone)
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    assert dialog.camera_button.isEnabled() and dialog.camera_button.text() == "Take with &camera…"
    dialog.camera_button.click()  # Alt+C (offscreen Qt sends no mnemonics)
    assert taken == ["the webcam"]
    path = dialog.ticked()[0]
    assert path.parent == tmp_path / "temp" and path.is_file()
    assert names(dialog)[0] == path.name and dialog.list.currentRow() == 0
    qtbot.waitUntil(lambda: previews_done(dialog), timeout=10_000)
    dialog.older.click()  # the folder listed again: the webcam's photo stays, ticked
    assert names(dialog)[0] == path.name and dialog.ticked() == [path]


def test_ctrl_shift_p_opens_the_sources_of_a_shown_strip(qtbot: Any, supervisor: UiContext,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[datetime] = []
    monkeypatch.setattr(PhotoSourcesDialog, "choose",
                        classmethod(lambda cls, parent, ui, since, temp: opened.append(since) or []))
    strip = PhotoStrip(supervisor)
    qtbot.addWidget(strip)
    strip.since = START
    strip.show()
    strip.activateWindow()
    qtbot.waitUntil(strip.isActiveWindow, timeout=5_000)
    qtbot.keyClick(strip, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: opened == [START], timeout=5_000)  # a button's shortcut clicks it after a moment


def test_closing_cancels_the_previews_still_queued(qtbot: Any, supervisor: UiContext, phone: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    remember_folder(supervisor.user.username, phone)
    dialog = open_dialog(qtbot, supervisor, tmp_path)
    assert len(dialog._tasks) == 3
    dialog.reject()
    assert all(task.cancelled() for task in dialog._tasks)
    assert photo_folder.preview(phone / "IMG_0002.jpg", limit_bytes=10**8, cancelled=lambda: True) == b""
