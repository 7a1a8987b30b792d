"""Adding photos to a ``PhotoStrip`` by drag-and-drop and paste: files dropped as URLs, an image
pasted from the clipboard, a file that is no picture refused, and the same photo stored once.

The strip prepares each photo on a worker thread and stores it on the GUI thread; the tests wait
for ``photo_added`` / ``failed`` with ``qtbot.waitUntil`` (never a sleep). Like the recording
screen, the test's owner shows each added photo with ``set_photos``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage

from inspector.context import AppContext
from inspector.domain.photos import Photo
from inspector.domain.users import Role, User
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.photo_strip import PhotoStrip


class Owner:
    """What a screen does with a strip: shows each added photo and keeps what was refused."""

    def __init__(self, strip: PhotoStrip) -> None:
        self.strip = strip
        self.added: list[Photo] = []
        self.refused: list[str] = []
        strip.photo_added.connect(self._added)
        strip.failed.connect(self.refused.append)

    def _added(self, photo: Photo) -> None:
        self.added.append(photo)
        self.strip.set_photos(self.strip.photos() + [photo])


@pytest.fixture
def owned_strip(qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]) -> Owner:
    strip = PhotoStrip(sign_in(users[Role.SUPERVISOR]))
    qtbot.addWidget(strip)
    strip.show()
    return Owner(strip)


def jpeg(folder: Path, name: str = "scratch.jpg", color: tuple[int, int, int] = (40, 90, 160)) -> Path:
    path = folder / name
    Image.new("RGB", (800, 600), color).save(path, "JPEG", quality=90)
    return path


def drop_files(strip: PhotoStrip, *paths: Path) -> bool:
    """Drag ``paths`` onto the strip and drop them as a file manager does (file URLs, a drag
    entering first: Qt delivers no drop to a widget that did not accept the drag); True if taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QCoreApplication.sendEvent(strip, enter)
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    event.ignore()
    QCoreApplication.sendEvent(strip, event)
    return event.isAccepted()


def photo_rows(context: AppContext) -> int:
    return context.db["photos"].count


def test_a_dropped_jpeg_is_stored_and_shown(qtbot: Any, owned_strip: Owner, context: AppContext,
                                            tmp_path: Path) -> None:
    source = jpeg(tmp_path)
    assert drop_files(owned_strip.strip, source)
    qtbot.waitUntil(lambda: len(owned_strip.strip.photos()) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not owned_strip.strip.busy, timeout=10_000)
    photo = owned_strip.added[0]
    assert photo.original_name == "scratch.jpg" and (photo.width, photo.height) == (800, 600)
    original = context.photos.store.original_path(photo.sha256)
    assert original is not None and original.read_bytes() == source.read_bytes()  # byte for byte
    assert context.photos.thumbnail_path(photo.sha256) is not None
    assert owned_strip.strip.thumbnails.count() == 1 and owned_strip.refused == []


def test_a_pasted_image_is_stored_as_png(qtbot: Any, owned_strip: Owner, context: AppContext) -> None:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    mime = QMimeData()
    mime.setImageData(image)
    assert owned_strip.strip.paste(mime)
    with qtbot.waitSignal(owned_strip.strip.busy_changed, timeout=10_000):
        pass  # busy → idle once the photo is stored
    qtbot.waitUntil(lambda: len(owned_strip.strip.photos()) == 1, timeout=10_000)
    photo = owned_strip.strip.photos()[0]
    assert photo.mime == "image/png" and (photo.width, photo.height) == (320, 240)
    assert photo_rows(context) == 1


def test_a_dropped_file_that_is_no_picture_is_refused(qtbot: Any, owned_strip: Owner, context: AppContext,
                                                      tmp_path: Path) -> None:
    notes = tmp_path / "notes.jpg"  # the name says picture, the bytes do not
    notes.write_text("not a photo at all", encoding="utf-8")
    drop_files(owned_strip.strip, notes)
    qtbot.waitUntil(lambda: bool(owned_strip.refused), timeout=10_000)
    assert "not a picture" in owned_strip.refused[0]
    assert owned_strip.strip.status_text() == owned_strip.refused[0]  # shown under the strip
    assert not owned_strip.strip.busy and owned_strip.added == [] and owned_strip.strip.photos() == []
    assert photo_rows(context) == 0


def test_the_same_photo_dropped_twice_is_stored_once(qtbot: Any, owned_strip: Owner, context: AppContext,
                                                     tmp_path: Path) -> None:
    source = jpeg(tmp_path)
    copy = tmp_path / "copy of scratch.jpg"
    copy.write_bytes(source.read_bytes())
    drop_files(owned_strip.strip, source)
    qtbot.waitUntil(lambda: len(owned_strip.added) == 1 and not owned_strip.strip.busy, timeout=10_000)
    drop_files(owned_strip.strip, copy)
    qtbot.waitUntil(lambda: not owned_strip.strip.busy, timeout=10_000)
    assert photo_rows(context) == 1
    assert [photo.id for photo in owned_strip.strip.photos()] == [owned_strip.added[0].id]  # shown once
    assert owned_strip.strip.status_text() == "This photo is already here."
    originals = [path for path in context.photos.store.root.rglob("*") if path.is_file()
                 and path.read_bytes() == source.read_bytes()]
    assert len(originals) == 1


def test_drops_are_refused_while_the_strip_is_disabled(qtbot: Any, owned_strip: Owner, tmp_path: Path) -> None:
    owned_strip.strip.setEnabled(False)
    assert not drop_files(owned_strip.strip, jpeg(tmp_path))
    assert not owned_strip.strip.busy
