"""Photos from a phone or a camera: the newest photos of a watched folder, and the laptop's webcam.

Supervisors take their photos with a phone. The phone syncs them to a folder on the laptop (or a
camera's card shows up as a folder): this dialog lists the photos of that folder taken since the
inspection started, newest first, as thumbnails to pick with the keyboard — arrow keys move,
Space ticks, Enter adds the ticked ones (or the one under the cursor when none is ticked), Esc
closes. The folder is chosen once (Ctrl+O) and remembered per user on this computer (QSettings
``photo-sources/<username>/folder``, the store of :mod:`inspector.ui.geometry`). Photos arriving
while the dialog is open appear at the top (QFileSystemWatcher). Thumbnails are made on worker
threads (``inspector.services.photo_folder.preview``, HEIC included); a file that cannot be read
shows why, naming it, and cannot be ticked.

The camera button takes a photo with the laptop's webcam through QtMultimedia
(:mod:`inspector.ui.dialogs.camera_capture`) when the module is installed and a camera exists,
and says "No camera found" otherwise. A photo taken is saved into the caller's temporary folder
and listed at the top, ticked.

The dialog stores nothing: ``PhotoSourcesDialog.choose`` returns the files picked, and the photo
strip adds them through its ordinary path (prepare, write and hash, then the row).
"""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QFileSystemWatcher, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QPainter, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListView, QListWidget,
    QListWidgetItem, QPushButton, QStyle, QVBoxLayout, QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.services.photo_folder import PREVIEW_SIDE, FolderPhoto, preview, recent_photos
from inspector.ui.dialogs import camera_capture
from inspector.ui.geometry import settings_store
from inspector.ui.tasks import Task, run_task
from inspector.ui.uicontext import UiContext
from inspector.words import messages

KEY = "photo-sources/{user}/folder"
PATH_ROLE = Qt.ItemDataRole.UserRole
RESCAN_DELAY_MS = 400


def remembered_folder(username: str) -> Path | None:
    value = settings_store().value(KEY.format(user=username))
    return Path(value) if isinstance(value, str) and value else None


def remember_folder(username: str, folder: Path) -> None:
    store = settings_store()
    store.setValue(KEY.format(user=username), str(folder))
    store.sync()


def _moment(when: datetime) -> str:
    """``14:05`` today, ``2026-12-06 14:05`` another day."""
    local = when.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


class PhotoSourcesDialog(QDialog):
    """Pick photos from the watched folder or the webcam; ``chosen()`` lists the files."""

    def __init__(self, ui: UiContext, since: datetime | None, temp_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.since = since
        self.temp_folder = temp_folder
        self.folder: Path | None = remembered_folder(ui.user.username)
        self._limit = ui.app.photos.limit_bytes()  # read here: the workers must not touch the database
        self._stamps: dict[str, tuple[int, float]] = {}
        self._taken = 0
        self._camera: list[FolderPhoto] = []  # photos taken with the webcam while open
        self._closed = False
        self._tasks: list[Task] = []  # previews queued or running, cancelled when the dialog closes
        self.setWindowTitle(self.tr("Photos from a phone or camera"))
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Choose folder… (Ctrl+O)"))
        self.folder_button.setToolTip(self.tr("The folder your phone syncs its photos to, or a camera's folder"))
        self.folder_button.clicked.connect(lambda _checked=False: self.pick_folder())
        self.older = QCheckBox(self.tr("Show &older photos too"))
        self.older.toggled.connect(lambda _on: self.rescan(reset=True))
        self.camera_button = QPushButton()
        self.camera_button.clicked.connect(lambda _checked=False: self.take_photo())
        self.cameras = camera_capture.camera_inputs()
        if self.cameras:
            self.camera_button.setText(self.tr("Take with &camera…"))
        else:
            self.camera_button.setText(self.tr("No camera found"))
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(self.tr("No camera on this computer can be used (QtMultimedia is needed)"))
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setIconSize(QSize(PREVIEW_SIDE, PREVIEW_SIDE))
        self.list.setGridSize(QSize(PREVIEW_SIDE + 48, PREVIEW_SIDE + 52))
        self.list.setSpacing(6)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)  # every icon is the same square (``_square``)
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.list.installEventFilter(self)
        self.list.itemChanged.connect(lambda _item: self._update_ok())
        self.list.currentItemChanged.connect(lambda *_: self._update_ok())
        self.list.itemDoubleClicked.connect(self._toggle)
        self.status = QLabel()
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Folder:")))
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.folder_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.camera_button)
        bottom.addWidget(self.older)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+O"), self, self.pick_folder)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self._rescan_timer.start())
        self._rescan_timer = QTimer(self)
        self._rescan_timer.setSingleShot(True)
        self._rescan_timer.setInterval(RESCAN_DELAY_MS)
        self._rescan_timer.timeout.connect(self.rescan)
        self._placeholder = self._blank_icon()
        self.resize(940, 600)
        self._watch()
        self.rescan(reset=True)
        self.list.setFocus()

    # --- the folder -------------------------------------------------------------------------
    @classmethod
    def ask_folder(cls, parent: QWidget | None, start: Path | None) -> Path | None:
        """The folder the user picked (None when cancelled); a classmethod so tests replace it."""
        title = QCoreApplication.translate("PhotoSourcesDialog", "Folder your phone or camera puts photos in")
        name = QFileDialog.getExistingDirectory(parent, title, str(start or Path.home()))
        return Path(name) if name else None

    def pick_folder(self) -> None:
        folder = type(self).ask_folder(self, self.folder)
        if folder is None:
            return
        self.folder = folder
        remember_folder(self.ui.user.username, folder)
        self._watch()
        self.rescan(reset=True)
        self.list.setFocus()

    def _watch(self) -> None:
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        if self.folder is not None and self.folder.is_dir():
            self.watcher.addPath(str(self.folder))
        self.folder_label.setText(str(self.folder) if self.folder else self.tr("(none chosen yet)"))

    # --- listing ----------------------------------------------------------------------------
    def rescan(self, reset: bool = False) -> None:
        """List the folder again: new photos at the top, changed ones previewed again."""
        if reset:
            self.list.clear()
            self._stamps.clear()
            for taken in self._camera:  # the webcam's photos stay listed (and ticked) whatever the folder
                self._list_camera_photo(taken)
        since = None if self.older.isChecked() else self.since
        found = recent_photos(self.folder, since) if self.folder is not None else []
        shown = {self.list.item(row).data(PATH_ROLE): self.list.item(row) for row in range(self.list.count())}
        for position, photo in enumerate(found):
            key = str(photo.path)
            item = shown.get(key)
            if item is None:
                item = self._new_item(photo)
                self.list.insertItem(min(position + len(self._camera), self.list.count()), item)  # the webcam's first
            elif self._stamps.get(key) == photo.stamp:
                continue
            self._stamps[key] = photo.stamp
            self._preview(key)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._say_what_is_shown(len(found))
        self._update_ok()

    def _new_item(self, photo: FolderPhoto) -> QListWidgetItem:
        item = QListWidgetItem(self._placeholder, f"{_moment(photo.modified)}\n{photo.path.name}")
        item.setData(PATH_ROLE, str(photo.path))
        item.setToolTip(str(photo.path))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def _say_what_is_shown(self, count: int) -> None:
        if self.folder is None:
            self.hint.setText(self.tr("Choose the folder your phone syncs its photos to, or a camera's folder "
                                      "(Ctrl+O). It is remembered for you on this computer."))
            return
        keys = self.tr("Arrow keys move · Space ticks · Enter adds · Esc closes")
        if self.older.isChecked() or self.since is None:
            text = self.tr("All photos in this folder, newest first.")
        elif count:
            text = self.tr("Photos taken since {time}, newest first.").format(
                time=_moment(self.since))
        else:
            text = self.tr("No photos in this folder since {time}. New ones appear here as they arrive.").format(
                time=_moment(self.since))
        self.hint.setText(f"{text} {keys}")

    # --- thumbnails, off the GUI thread -------------------------------------------------------
    def _preview(self, key: str) -> None:
        make = functools.partial(preview, limit_bytes=self._limit)
        self._tasks.append(run_task(make, Path(key), on_finished=lambda data, key=key: self._previewed(key, data),
                                    on_failed=lambda error, key=key: self._refused(key, error), cancellable=True))

    def _item(self, key: str) -> QListWidgetItem | None:
        if self._closed:  # closed (and perhaps deleted) before the worker finished
            return None
        return next((self.list.item(row) for row in range(self.list.count())
                     if self.list.item(row).data(PATH_ROLE) == key), None)

    def _previewed(self, key: str, data: bytes) -> None:
        item = self._item(key)
        if item is None or not data:
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data, "JPEG")
        item.setIcon(self._square(pixmap))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)

    def _refused(self, key: str, error: BaseException) -> None:
        item = self._item(key)
        if item is None:
            return
        text = messages.describe(error) if isinstance(error, InspectorError) else f"{Path(key).name}: {error}"
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(QSize(64, 64))
        item.setIcon(self._square(warning, background=True))
        item.setToolTip(text)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        self.status.setText(text)

    def _blank_icon(self) -> QIcon:
        return self._square(QPixmap(), background=True)

    def _square(self, picture: QPixmap, background: bool = False) -> QIcon:
        """``picture`` centred on a transparent square (on a grey one while loading or refused), so
        that every cell of the grid has the same size whatever the photo's shape."""
        square = QPixmap(PREVIEW_SIDE, PREVIEW_SIDE)
        square.fill(self.palette().color(QPalette.ColorRole.Midlight) if background else Qt.GlobalColor.transparent)
        if not picture.isNull():
            painter = QPainter(square)
            painter.drawPixmap((PREVIEW_SIDE - picture.width()) // 2, (PREVIEW_SIDE - picture.height()) // 2, picture)
            painter.end()
        return QIcon(square)

    # --- picking ------------------------------------------------------------------------------
    def _toggle(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            self.status.setText(item.toolTip())
            return
        ticked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Space and not event.modifiers():
                self._toggle(self.list.currentItem())
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.chosen():
                    self.accept()
                return True
        return super().eventFilter(watched, event)

    def ticked(self) -> list[Path]:
        return [Path(self.list.item(row).data(PATH_ROLE)) for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def chosen(self) -> list[Path]:
        """The ticked photos, or the one under the cursor when none is ticked (if it can be read)."""
        ticked = self.ticked()
        if ticked:
            return ticked
        item = self.list.currentItem()
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return [Path(item.data(PATH_ROLE))]
        return []

    def _update_ok(self) -> None:
        count = len(self.chosen())
        self.ok_button.setEnabled(count > 0)
        self.ok_button.setText(self.tr("Add ({count})").format(count=count) if count > 1 else self.tr("Add"))

    # --- the camera ---------------------------------------------------------------------------
    def take_photo(self) -> Path | None:
        """A photo from the first camera, saved in the temporary folder and listed at the top, ticked."""
        if not self.cameras:
            return None
        image = camera_capture.CameraDialog.take(self, self.cameras[0])
        if image is None or image.isNull():
            return None
        self._taken += 1
        path = self.temp_folder / f"camera-{datetime.now():%Y%m%d-%H%M%S}-{self._taken}.jpg"
        if not image.save(str(path), "JPEG", 92):
            self.status.setText(self.tr("The camera's photo could not be saved."))
            return None
        taken = FolderPhoto(path, datetime.now().astimezone(), 0)
        self._camera.append(taken)
        self.list.setCurrentItem(self._list_camera_photo(taken))
        self.list.setFocus()
        return path

    def _list_camera_photo(self, taken: FolderPhoto) -> QListWidgetItem:
        item = self._new_item(taken)
        item.setCheckState(Qt.CheckState.Checked)
        self.list.insertItem(0, item)
        self._preview(str(taken.path))
        return item

    def done(self, result: int) -> None:
        self._closed = True
        for task in self._tasks:
            task.cancel()
        self._rescan_timer.stop()
        super().done(result)

    @classmethod
    def choose(cls, parent: QWidget | None, ui: UiContext, since: datetime | None, temp_folder: Path) -> list[Path]:
        """The photo files picked (none when cancelled)."""
        dialog = cls(ui, since, temp_folder, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []
        finally:
            dialog.deleteLater()
