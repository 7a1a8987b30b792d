"""Looking at photos closely: one at a time, zoomed and panned, stepping through a list.

``PhotoViewer.show_photos(parent, paths, index, taken=…)`` opens the viewer on ``paths[index]``
(the working copies the photo service gives, annotations burned in). Keys: ← / → previous and
next, + / − zoom, 0 fit, 1 actual size (100 %), Ctrl + wheel zooms around the pointer, dragging
pans. The caption gives the position in the list, the zoom and the capture time when known.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.widgets.zoom_view import ZoomView

VIEWER_SIZE = (1100, 800)


class PhotoViewer(QDialog):
    """A zoomable view of ``paths[index]`` with previous / next."""

    def __init__(self, paths: Sequence[Path], index: int = 0, *, taken: Sequence[datetime | None] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        self.taken = list(taken) + [None] * (len(self.paths) - len(taken))
        self.index = 0
        self.loaded = False
        self.setWindowTitle(self.tr("Photo"))
        self.resize(*VIEWER_SIZE)
        self.view = ZoomView(self)
        self.view.setDragMode(ZoomView.DragMode.ScrollHandDrag)  # pan by dragging
        self.caption = QLabel()
        self.previous_button = QPushButton(self.tr("← Previous"))
        self.next_button = QPushButton(self.tr("Next →"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.actual_button = QPushButton(self.tr("100 %"))
        for button in (self.previous_button, self.next_button, self.fit_button, self.actual_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys belong to the photo
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        self.fit_button.clicked.connect(self.view.fit)
        self.actual_button.clicked.connect(self.view.actual_size)
        self.view.zoom_changed.connect(lambda _scale: self._caption())
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.caption, 1)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.actual_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        # The arrow keys move between photos, although a QGraphicsView would scroll with them.
        self.view.installEventFilter(self)
        self.show_index(index)
        self.view.setFocus()

    @classmethod
    def show_photos(cls, parent: QWidget | None, paths: Sequence[Path], index: int = 0, *,
                    taken: Sequence[datetime | None] = ()) -> None:
        """Show the viewer modally until the user closes it."""
        viewer = cls(paths, index, taken=taken, parent=parent)
        try:
            viewer.exec()
        finally:
            viewer.deleteLater()

    def show_index(self, index: int) -> None:
        if not self.paths:
            self._caption()
            return
        self.index = max(0, min(index, len(self.paths) - 1))
        self.loaded = self.view.set_image(self.paths[self.index])
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.paths) - 1)
        self._caption()

    def show_previous(self) -> None:
        if self.index > 0:
            self.show_index(self.index - 1)

    def show_next(self) -> None:
        if self.index < len(self.paths) - 1:
            self.show_index(self.index + 1)

    def _caption(self) -> None:
        if not self.paths:
            self.caption.setText(self.tr("No photos"))
            return
        parts = [self.tr("{position} of {count}").format(position=self.index + 1, count=len(self.paths)),
                 f"{round(self.view.scale_factor() * 100)} %"]
        taken = self.taken[self.index]
        if taken is not None:
            parts.append(self.tr("taken {time}").format(time=taken.strftime("%Y-%m-%d %H:%M")))
        if not self.loaded:
            parts.append(self.tr("cannot be shown"))
        self.caption.setText("  ·  ".join(parts))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and self._step(event.key())):
            return True
        return super().eventFilter(watched, event)

    def _step(self, key: int) -> bool:
        if key == Qt.Key.Key_Left:
            self.show_previous()
        elif key == Qt.Key.Key_Right:
            self.show_next()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow and zoom keys work even when the focus is elsewhere in the dialog."""
        if self._step(event.key()):
            return
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_0, Qt.Key.Key_1):
            self.view.keyPressEvent(event)
            return
        super().keyPressEvent(event)
