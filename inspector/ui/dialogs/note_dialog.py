"""Asking for one note: a few lines with their length counter (#14.10), where ``QInputDialog``
gave a single line with no limit in sight. Enter starts a new line; Ctrl+Enter is OK.

``NoteDialog.ask(parent, title, prompt)`` is the text typed (possibly empty), or None when cancelled.
The service checks the length again; the counter only warns before it refuses.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from inspector.ui.widgets.length_counter import with_counter
from inspector.ui.widgets.note_edit import NoteEdit


class NoteDialog(QDialog):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.note = NoteEdit(lines=5)
        self.note.setText(text)
        self.prompt.setBuddy(self.note)
        note_box, self.counter = with_counter(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(note_box)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self.note.setFocus()

    def text(self) -> str:
        return self.note.text()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, *, text: str = "") -> str | None:
        dialog = cls(title, prompt, parent, text=text)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
