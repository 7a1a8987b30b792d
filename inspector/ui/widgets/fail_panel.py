"""What a failed item asks for: severity, a note and photos, without leaving the keyboard.

The note takes the focus when an item fails; Enter in it confirms (``confirmed``). Severity
follows Alt+G / Alt+S while typing the note (plain G / S when the note has no focus; the
recording screen handles those). Ctrl+V in the note adds the clipboard's image or image files
as photos when there are any, and pastes text otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from inspector.domain.templates import Severity
from inspector.words.labels import label
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.length_counter import with_counter
from inspector.ui.widgets.photo_strip import PhotoStrip

SEVERITY_KEYS = {Qt.Key.Key_G: Severity.GENERAL, Qt.Key.Key_S: Severity.SERIOUS}


class FailPanel(QWidget):
    """Severity combo, note line and photo strip of the current failed item."""

    confirmed = Signal()
    severity_changed = Signal(object)  # Severity

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "sectionTitle")
        self.severity = QComboBox()
        self.severity.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for severity in Severity:
            self.severity.addItem(label(severity), severity)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What is wrong, e.g. seat 12 torn; rubbish under the rear seats"))
        self.note.installEventFilter(self)
        self.note.returnPressed.connect(self.confirmed)
        self.photos = PhotoStrip(ui)
        self.photo_hint = QLabel()
        self.photo_hint.setProperty("role", "hint")
        self.keys = QLabel(self.tr(
            "Enter confirms · Esc cancels · Alt+G / Alt+S severity · Ctrl+Shift+A adds a photo · "
            "Ctrl+V pastes one"))
        self.keys.setProperty("role", "hint")
        self.keys.setWordWrap(True)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Se&verity"), self.severity)
        note_label = QLabel(self.tr("N&ote"))
        note_label.setBuddy(self.note)
        note_row, self.note_counter = with_counter(self.note)
        form.addRow(note_label, note_row)
        form.addRow(self.tr("Photos"), self.photos)
        form.addRow("", self.photo_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.keys)
        self.severity.currentIndexChanged.connect(lambda _index: self.severity_changed.emit(self.chosen_severity()))

    def chosen_severity(self) -> Severity:
        return Severity(self.severity.currentData())

    def set_severity(self, severity: Severity) -> None:
        self.severity.setCurrentIndex(self.severity.findData(severity))

    def set_photo_need(self, needed: int, have: int) -> None:
        """Say how many photos the item needs when it fails, red while some are missing."""
        if needed <= 0:
            self.photo_hint.setText("")
            return
        self.photo_hint.setText(self.tr("This item needs {needed} photo(s) when it fails; {have} added.")
                                .format(needed=needed, have=have))
        self.photo_hint.setProperty("role", "error" if have < needed else "hint")
        self.photo_hint.style().unpolish(self.photo_hint)
        self.photo_hint.style().polish(self.photo_hint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in SEVERITY_KEYS:
                self.set_severity(SEVERITY_KEYS[Qt.Key(event.key())])
                return True
            if event.matches(QKeySequence.StandardKey.Paste):
                mime = QGuiApplication.clipboard().mimeData()
                if mime is not None and (mime.hasImage() or mime.hasUrls()) and self.photos.paste(mime):
                    return True
        return super().eventFilter(watched, event)
