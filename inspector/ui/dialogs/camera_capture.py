"""A photo from the laptop's webcam, through QtMultimedia where it is installed and a camera exists.

QtMultimedia is not part of PySide6-Essentials: it comes with PySide6-Addons, which every Windows
install and the Windows build carry (pyproject.toml; its wheel brings the Windows media back ends)
and which Linux installs take as the "camera" extra. It is imported only here, when a camera is
asked for, never when the app or the recording screen starts. ``camera_inputs()`` is empty both
when the module is missing and when no camera is plugged in; the caller then says plainly "No
camera found".

``CameraDialog.take(parent, device)`` shows the live picture; Space (or the button) takes the photo,
Enter keeps it, Esc gives up. The photo comes back as a ``QImage``: the caller saves it into a
temporary folder and adds that file through the ordinary photo path.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

MULTIMEDIA = "PySide6.QtMultimedia"
MULTIMEDIA_WIDGETS = "PySide6.QtMultimediaWidgets"


def multimedia() -> Any | None:
    """The QtMultimedia module, or None when PySide6-Addons is not installed — or is, but its system
    libraries are not (on Linux it needs libpulse and codec libraries: an ImportError too)."""
    try:
        return importlib.import_module(MULTIMEDIA)
    except ImportError:
        return None


def camera_inputs() -> list[Any]:
    """The cameras Qt sees (``QCameraDevice``); empty without QtMultimedia or without a camera."""
    module = multimedia()
    if module is None:
        return []
    try:
        return list(module.QMediaDevices.videoInputs())
    except (AttributeError, RuntimeError):  # a build of the module without a media back end
        return []


class CameraDialog(QDialog):
    """The live picture of ``device`` and one photo taken from it (``image``)."""

    def __init__(self, device: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        media = importlib.import_module(MULTIMEDIA)
        widgets = importlib.import_module(MULTIMEDIA_WIDGETS)
        self.setWindowTitle(self.tr("Take a photo with the camera"))
        self.image: QImage | None = None
        self.camera = media.QCamera(device)
        self.session = media.QMediaCaptureSession()
        self.session.setCamera(self.camera)
        self.capture = media.QImageCapture()
        self.session.setImageCapture(self.capture)
        self.live = widgets.QVideoWidget()
        self.session.setVideoOutput(self.live)
        self.still = QLabel()
        self.still.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.live)
        self.pages.addWidget(self.still)
        self.status = QLabel(self.tr("Space takes the photo · Enter keeps it · Esc cancels"))
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.shoot_button = QPushButton(self.tr("Take photo"))
        self.shoot_button.clicked.connect(self.shoot)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this photo"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.addButton(self.shoot_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.shoot)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(lambda _id, _error, text: self._failed(text))
        self.camera.errorOccurred.connect(lambda _error, text: self._failed(text))
        self.resize(720, 560)
        self.camera.start()

    def shoot(self) -> None:
        """Take the photo (again, when one was taken: back to the live picture first)."""
        if self.image is not None and self.pages.currentWidget() is self.still:
            self.image = None
            self.pages.setCurrentWidget(self.live)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.shoot_button.setText(self.tr("Take photo"))
            return
        if self.capture.isReadyForCapture():
            self.capture.capture()
        else:
            self.status.setText(self.tr("The camera is not ready yet; try again in a moment."))

    def _captured(self, _request: int, image: QImage) -> None:
        self.image = QImage(image)
        shown = QPixmap.fromImage(self.image).scaled(self.pages.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation)
        self.still.setPixmap(shown)
        self.pages.setCurrentWidget(self.still)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(True)
        ok.setDefault(True)
        self.shoot_button.setText(self.tr("Take again"))

    def _failed(self, text: str) -> None:
        self.status.setText(self.tr("The camera reported a problem: {reason}").format(reason=text))

    def done(self, result: int) -> None:
        self.camera.stop()
        super().done(result)

    @classmethod
    def take(cls, parent: QWidget | None, device: Any) -> QImage | None:
        """The photo taken, or None when cancelled."""
        dialog = cls(device, parent)
        try:
            return dialog.image if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
