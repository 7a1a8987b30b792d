"""A "125/2000" counter beside a note editor, red once the text is longer than the service accepts.

The limit is the domain's (``inspector.domain.text``): the counter only tells the user before the
service refuses, it cuts nothing off. ``with_counter`` lays an editor and its counter out together.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from inspector.domain.text import NOTE_LIMIT


class LengthCounter(QLabel):
    def __init__(self, editor: QLineEdit | QPlainTextEdit, limit: int = NOTE_LIMIT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.limit = limit
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(self.tr("At most {limit} characters").format(limit=limit))
        editor.textChanged.connect(self.refresh)
        self.refresh()

    def length(self) -> int:
        text = self.editor.toPlainText() if isinstance(self.editor, QPlainTextEdit) else self.editor.text()
        return len(text) - text.count("\r\n")  # CR LF is stored as one line break

    def over(self) -> bool:
        return self.length() > self.limit

    def refresh(self, *_args: object) -> None:
        self.setText(f"{self.length()}/{self.limit}")
        role = "error" if self.over() else "muted"
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)
            self.style().polish(self)


def with_counter(editor: QLineEdit | QPlainTextEdit, limit: int = NOTE_LIMIT) -> tuple[QWidget, LengthCounter]:
    """``editor`` and its counter in one widget: beside a line, under a text box."""
    holder = QWidget()
    layout: QBoxLayout = QHBoxLayout(holder) if isinstance(editor, QLineEdit) else QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    counter = LengthCounter(editor, limit)
    layout.addWidget(editor, 1)
    layout.addWidget(counter)
    return holder, counter
