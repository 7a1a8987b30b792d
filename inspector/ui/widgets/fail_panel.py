"""What a failed item asks for: severity, a note and photos, without leaving the keyboard.

The note (a few lines, ``NoteEdit``) takes the focus when an item fails; Enter in it confirms
(``confirmed``), Shift+Enter starts a new line. An item that needs photos when it fails says so at
once (#14.1): the photo count reads "0 / 1" in red and the Add photo button takes the focus
(``focus_first_need``) — Enter there adds a photo, typing goes to the note (Tab in the note comes
back), and ↓ there or Enter in the note still moves on without the photo (the header lists what
is left open). Severity follows Alt+G / Alt+S while typing the note (plain G / S when the
note has no focus; the recording screen handles those). Ctrl+V in the note adds the clipboard's
image or image files as photos when there are any, and pastes text otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from inspector.domain.templates import Severity
from inspector.words.labels import label
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.length_counter import with_counter
from inspector.ui.widgets.note_edit import NoteEdit
from inspector.ui.widgets.photo_strip import PhotoStrip

SEVERITY_KEYS = {Qt.Key.Key_G: Severity.GENERAL, Qt.Key.Key_S: Severity.SERIOUS}
BUTTON_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
               Qt.Key.Key_Escape)


def restyle(widget: QWidget, role: str) -> None:
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class FailPanel(QWidget):
    """Severity combo, note box and photo strip of the current failed item."""

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
        self.note = NoteEdit(self.tr("What is wrong, e.g. seat 12 torn; rubbish under the rear seats"), submits=True)
        self.note.installEventFilter(self)
        self.note.submitted.connect(self.confirmed)
        self.photos = PhotoStrip(ui)
        # The one place the photo button takes the focus: an item that needs a photo has just failed.
        self.photo_button = self.photos.add_button
        self.photo_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.photo_button.setAutoDefault(True)  # Enter on it adds a photo
        self.photo_button.setProperty("role", "needed")  # style.qss draws its focus plainly
        self.photo_button.installEventFilter(self)
        self.photos_label = QLabel(self.tr("Photos"))
        self.photo_hint = QLabel()
        self.photo_hint.setProperty("role", "hint")
        self.photo_hint.setWordWrap(True)
        self.photo_hint.hide()
        self.needed, self.have = 0, 0
        self.keys = QLabel(self.tr(
            "Enter confirms · Shift+Enter new line · Esc cancels · Alt+G / Alt+S severity · "
            "Ctrl+Shift+A adds a photo · Ctrl+V pastes one"))
        self.keys.setProperty("role", "hint")
        self.keys.setWordWrap(True)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Se&verity"), self.severity)
        note_label = QLabel(self.tr("N&ote"))
        note_label.setBuddy(self.note)
        note_row, self.note_counter = with_counter(self.note)
        form.addRow(note_label, note_row)
        form.addRow(self.photos_label, self.photos)
        form.addRow("", self.photo_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.keys)
        self.severity.currentIndexChanged.connect(lambda _index: self.severity_changed.emit(self.chosen_severity()))
        QWidget.setTabOrder(self.note, self.photo_button)  # now both are in this panel

    def chosen_severity(self) -> Severity:
        return Severity(self.severity.currentData())

    def set_severity(self, severity: Severity) -> None:
        self.severity.setCurrentIndex(self.severity.findData(severity))

    def set_photo_need(self, needed: int, have: int) -> None:
        """Say how many photos the item needs when it fails ("Photos 0 / 1"), red while some are
        missing; once they are all in, the count alone ("Photos 2") and a focused photo button hands
        the focus to the note."""
        self.needed, self.have = max(needed, 0), have
        if self.needed == 0:
            self.photos_label.setText(self.tr("Photos"))
            restyle(self.photos_label, "")
            self.photo_hint.hide()
            return
        missing = self.photos_missing()
        if missing:
            self.photos_label.setText(self.tr("Photos {have} / {needed}").format(have=have, needed=self.needed))
            self.photo_hint.setText(self.tr(
                "This item needs {needed} photo(s) when it fails: Add photo… or Ctrl+Shift+A. You may move on "
                "without it (↓), but the inspection cannot be completed until it is added.").format(
                needed=self.needed))
        else:  # "Photos 2 / 1" read as a fault: the count alone, the hint says what was needed
            self.photos_label.setText(self.tr("Photos {have}").format(have=have))
            self.photo_hint.setText(self.tr("Photos needed for this item: {needed}; added: {have}.").format(
                needed=self.needed, have=have))
        restyle(self.photos_label, "error" if missing else "")
        restyle(self.photo_hint, "error" if missing else "hint")
        self.photo_hint.show()
        if not missing and self.photo_button.hasFocus():
            self.note.setFocus()

    def photos_missing(self) -> bool:
        return self.have < self.needed

    def focus_first_need(self) -> None:
        """The photo button when a photo is still missing, else the note (its text selected)."""
        if self.photos_missing() and self.photo_button.isEnabled():
            self.photo_button.setFocus()
        else:
            self.note.setFocus()
            self.note.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.photo_button and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key_on_photo_button(event)
        if watched is self.note and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in SEVERITY_KEYS:
                self.set_severity(SEVERITY_KEYS[Qt.Key(event.key())])
                return True
            if event.matches(QKeySequence.StandardKey.Paste):
                mime = QGuiApplication.clipboard().mimeData()
                if mime is not None and (mime.hasImage() or mime.hasUrls()) and self.photos.paste(mime):
                    return True
        return super().eventFilter(watched, event)

    def _key_on_photo_button(self, event: QKeyEvent) -> bool:
        """Alt+G / Alt+S set the severity; a typed character starts the note (letters must never
        reach the screen as answers while a fail is open); the rest is the button's or the screen's."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.AltModifier and event.key() in SEVERITY_KEYS:
            self.set_severity(SEVERITY_KEYS[Qt.Key(event.key())])
            return True
        if modifiers == Qt.KeyboardModifier.NoModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            # A button would move the focus; the screen moves to another item (saving the fail).
            QCoreApplication.sendEvent(self, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        typed = event.text()
        if (event.key() not in BUTTON_KEYS and typed and typed.isprintable()
                and modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)):
            self.note.setFocus()
            QCoreApplication.sendEvent(self.note, QKeyEvent(event.type(), event.key(), event.modifiers(), typed,
                                                            event.isAutoRepeat(), event.count()))
            return True
        return False
