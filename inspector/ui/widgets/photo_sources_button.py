"""The photo strip's way to the phone's folder and the webcam (#14.3): one button beside "Add photo…".

It opens :class:`PhotoSourcesDialog` for photos taken since ``strip.since`` (the recording screen
sets it to when the inspection started; otherwise since the start of today) and hands the files
picked to ``strip.add_files``, the strip's ordinary path: prepared on a worker, written and hashed,
then the row. Photos from the webcam are saved in a temporary folder of the button's own, which
lives as long as the strip, so they are still there when the strip reads them.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTemporaryDir
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

SHORTCUT = "Ctrl+Shift+P"

class PhotoSourcesButton(QPushButton):
    def __init__(self, strip: Any) -> None:  # a PhotoStrip (not imported: it imports this)
        super().__init__(strip)
        self.strip = strip
        self._temp: QTemporaryDir | None = None
        self.setText(self.tr("From phone or camera…"))
        self.setToolTip(self.tr("Pick the newest photos from your phone's sync folder, or take one with the webcam "
                                "(Ctrl+Shift+P)"))
        self.setShortcut(QKeySequence(SHORTCUT))  # a hidden strip's button takes no keys
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(lambda _checked=False: self.open_sources())

    def since(self) -> datetime:
        since = getattr(self.strip, "since", None)
        if isinstance(since, datetime):
            return since
        return datetime.combine(date.today(), time.min).astimezone()  # since the start of today

    def open_sources(self) -> list[Path]:
        """Let the user pick photos and add them to the strip; the files picked."""
        if not self.strip.isEnabled():
            return []
        from inspector.ui.dialogs.photo_sources import PhotoSourcesDialog

        if self._temp is None:
            self._temp = QTemporaryDir()
        paths = PhotoSourcesDialog.choose(self.window(), self.strip.ui, self.since(), Path(self._temp.path()))
        if paths:
            self.strip.add_files(paths)
        return paths
