"""A row of photo thumbnails with Add…, drag-and-drop and paste, ingesting in the background.

Adding a photo is two steps: ``PhotoService.prepare_file`` (read, check, make the upright copies:
the slow part, no database) runs on a worker thread through ``run_task``; ``PhotoService.ingest``
(write and fsync the files, then commit the row: fast) runs back on the GUI thread, after which
``photo_added(Photo)`` is emitted for the owner to attach it. A small busy bar shows while
anything is being prepared, and the screen stays responsive. A pasted image has no file: it is
saved as PNG into a temporary folder of the strip's own (not the data folder) and added from there.

Double-clicking a thumbnail opens the zoomable ``PhotoViewer`` on the working copies.
``choose_files(parent)`` is the file dialog, a classmethod so tests replace it.
"""

from __future__ import annotations

import functools

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QSize, Qt, QTemporaryDir, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget,
)

from inspector.words import messages
from inspector.domain.errors import InspectorError
from inspector.domain.photos import Photo
from inspector.services.photos import EVIDENCE_DERIVATIVES, prepare_file
from inspector.ui.dialogs.annotation_dialog import AnnotationDialog
from inspector.ui.dialogs.errors import show_error
from inspector.ui.dialogs.photo_viewer import PhotoViewer
from inspector.ui.tasks import run_task
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.photo_sources_button import PhotoSourcesButton

THUMB_SHOWN = 96
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    """``text`` with a break point after every / and \\ (a long path wraps instead of widening)."""
    return "".join(char + ZERO_WIDTH_SPACE if char in "/\\" else char for char in text)


IMAGE_PATTERNS = "(*.jpg *.jpeg *.png *.heic *.heif *.webp *.tif *.tiff)"


def image_filter() -> str:
    """The file dialog's filter for photos, its name in the display language."""
    return QCoreApplication.translate("PhotoStrip", "Images {patterns}").format(patterns=IMAGE_PATTERNS)


class PhotoStrip(QWidget):
    """Thumbnails of ``photos`` and the ways to add more; ``photo_added`` per stored photo."""

    photo_added = Signal(object)  # Photo
    remove_requested = Signal(int)  # photo id
    busy_changed = Signal(bool)
    failed = Signal(str)  # a sentence saying why a file was refused

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._pending = 0
        self._photos: list[Photo] = []
        self._temp: QTemporaryDir | None = None
        self._pasted = 0
        self.since: datetime | None = None  # photos from a phone: those taken since then (#14.3)
        self.setAcceptDrops(True)
        self.thumbnails = QListWidget()
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setIconSize(QSize(THUMB_SHOWN, THUMB_SHOWN))
        self.thumbnails.setFixedHeight(THUMB_SHOWN + 28)
        self.thumbnails.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setAcceptDrops(False)
        self.thumbnails.itemActivated.connect(self._activated)
        self.add_button = QPushButton(self.tr("Add photo…"))
        self.add_button.setToolTip(self.tr("Add photos (Ctrl+Shift+A); you can also drop files here or paste (Ctrl+V)"))
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.clicked.connect(self.add_from_dialog)
        self.annotate_button = QPushButton(self.tr("Annotate…"))
        self.annotate_button.setToolTip(self.tr("Draw arrows, circles or a short text on the selected photo"))
        self.annotate_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.annotate_button.clicked.connect(lambda _checked=False: self.annotate_selected())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.clicked.connect(self._remove_selected)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setFixedWidth(90)
        self.progress.setTextVisible(False)
        self.progress.hide()
        # Under the buttons, wrapping: a refused file's sentence names its whole path, and on one
        # line it widened the screen and squeezed the checklist away (#14.2).
        self.status = QLabel()
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status.hide()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(PhotoSourcesButton(self))  # the phone's folder and the webcam (#14.3)
        buttons.addWidget(self.annotate_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.thumbnails)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    # --- showing ----------------------------------------------------------------------------
    def set_photos(self, photos: list[Photo]) -> None:
        self._photos = list(photos)
        self.thumbnails.clear()
        for photo in self._photos:
            item = QListWidgetItem(self._icon(photo), "")
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            item.setToolTip(photo.original_name)
            self.thumbnails.addItem(item)
        self.remove_button.setEnabled(bool(self._photos))
        self.annotate_button.setEnabled(bool(self._photos))
        if not self.busy:  # another item, or a photo just added: an old refusal no longer applies
            self.say("")

    def photos(self) -> list[Photo]:
        return list(self._photos)

    def photo_ids(self) -> list[int]:
        return [photo.id for photo in self._photos]

    def _icon(self, photo: Photo) -> QIcon:
        path = self.ui.app.photos.thumbnail_path(photo.sha256)
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        return QIcon(pixmap)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def say(self, text: str, *, error: bool = False) -> None:
        """A line under the buttons (hidden when empty); paths may break after each separator."""
        self.status.setText(breakable(text))
        self.status.setToolTip(text if error else "")
        role = "error" if error else "hint"
        if self.status.property("role") != role:
            self.status.setProperty("role", role)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
        self.status.setVisible(bool(text))

    def status_text(self) -> str:
        """What the line under the buttons says (without the break points)."""
        return "".join(self.status.text().split(ZERO_WIDTH_SPACE))

    # --- adding -----------------------------------------------------------------------------
    @classmethod
    def choose_files(cls, parent: QWidget | None) -> list[Path]:
        """The photo files the user picked (none when cancelled)."""
        title = QCoreApplication.translate("PhotoStrip", "Add photos")
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", image_filter())
        return [Path(name) for name in names]

    def add_from_dialog(self) -> None:
        if self.isEnabled():
            self.add_files(type(self).choose_files(self.window()))

    def add_files(self, paths: list[Path]) -> None:
        """Prepare each file on a worker thread, then store it and emit ``photo_added``."""
        # The limit is read here: the worker must not touch the database.
        prepare = functools.partial(prepare_file, limit_bytes=self.ui.app.photos.limit_bytes())
        for path in paths:
            self._set_pending(self._pending + 1)
            run_task(prepare, path, EVIDENCE_DERIVATIVES, on_finished=self._prepared, on_failed=self._refused)

    def paste(self, mime: QMimeData | None = None) -> bool:
        """Add the image or the image files on the clipboard (or in ``mime``); False if none."""
        mime = mime or QGuiApplication.clipboard().mimeData()
        if mime is None:
            return False
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if files:
            self.add_files(files)
            return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if image.isNull():
                return False
            if self._temp is None:
                self._temp = QTemporaryDir()
            self._pasted += 1
            path = Path(self._temp.path()) / f"pasted-{self._pasted}.png"
            if not image.save(str(path), "PNG"):
                self.failed.emit(self.tr("The pasted image could not be read."))
                return False
            self.add_files([path])
            return True
        return False

    def _prepared(self, prepared: object) -> None:
        try:
            photo = self.ui.app.photos.ingest(self.ui.user, prepared)  # type: ignore[arg-type]
        except (InspectorError, OSError) as error:  # a full disk must not leave the strip busy
            self._refused(error)
            return
        if photo.id in self.photo_ids():  # the same bytes again: stored once, shown once
            self._set_pending(self._pending - 1)
            self.say(self.tr("This photo is already here."))
            return
        self.photo_added.emit(photo)  # before "idle": a confirmation waiting for it must see it
        self._set_pending(self._pending - 1)

    def _refused(self, error: BaseException) -> None:
        self._set_pending(self._pending - 1)
        text = messages.describe(error) if isinstance(error, InspectorError) else str(error)
        self.say(text, error=True)
        self.failed.emit(text)

    def _set_pending(self, count: int) -> None:
        was = self.busy
        self._pending = max(count, 0)
        self.progress.setVisible(self.busy)
        if self.busy:
            self.say(self.tr("Adding {count} photo(s)…").format(count=self._pending))
        elif was and self.status.property("role") != "error":
            self.say("")
        if was != self.busy:
            self.busy_changed.emit(self.busy)

    # --- drag and drop, selection --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.isEnabled() and (mime.hasImage() or any(url.isLocalFile() for url in mime.urls())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.isEnabled() and self.paste(event.mimeData()):
            event.acceptProposedAction()

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_photo(self.thumbnails.row(item))

    def open_photo(self, index: int) -> None:
        """Show the photos large in the zoomable viewer, starting at ``index``."""
        shown = [(self.ui.app.photos.working_path(photo.sha256), photo) for photo in self._photos]
        paths = [path for path, _ in shown if path is not None]
        taken = [photo.taken_at for path, photo in shown if path is not None]
        if paths:
            PhotoViewer.show_photos(self.window(), paths, min(index, len(paths) - 1), taken=taken)

    def annotate_selected(self) -> Photo | None:
        """Mark up the selected (else the first) photo; the original is never changed."""
        if not self._photos:
            return None
        row = max(self.thumbnails.currentRow(), 0)
        photo = self._photos[row]
        service = self.ui.app.photo_annotations
        try:
            marks = AnnotationDialog.ask(self.window(), service.clean_image(photo.id), photo.annotations)
            if marks is None:
                return None
            photo, changes = service.set_annotations(self.ui.user, photo.id, marks)
        except InspectorError as error:
            show_error(self.window(), error)
            return None
        self._photos[row] = photo
        self.ui.hub.publish(changes)
        return photo

    def _remove_selected(self) -> None:
        item = self.thumbnails.currentItem()
        if item is not None:
            self.remove_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
