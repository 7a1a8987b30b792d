"""A note editor: several lines, Tab moves on, and the line-edit words the screens already use.

A note may hold 2,000 characters and line breaks (``inspector.domain.text``), so it is a text box,
not a line. Two ways to use it:

- in a dialog (``submits=False``), Enter starts a new line as in any text box;
- on the recording screen (``submits=True``), Enter confirms (``submitted``), Shift+Enter starts a
  new line, Ctrl+Enter is left to the screen (complete), and ↑ on the first line / ↓ on the last
  line are left to the screen too (the previous / next item), as they were for the note line.

``text()`` / ``setText()`` read and write the plain text; ``editingFinished`` is emitted when the
editor loses the focus with its text changed (what ``QLineEdit`` does).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SHOWN_LINES = 3
CJK_LINE_FACTOR = 1.3


class NoteEdit(QPlainTextEdit):
    submitted = Signal()
    editingFinished = Signal()

    def __init__(self, placeholder: str = "", *, submits: bool = False, lines: int = SHOWN_LINES,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submits = submits
        self._text_at_focus = ""
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom() + 2 * self.frameWidth()
        # Chinese falls back to a font with taller lines than the Latin one the metrics are of.
        self.setFixedHeight(int(self.fontMetrics().lineSpacing() * CJK_LINE_FACTOR * lines) + frame)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self._text_at_focus = text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.submits and event.key() in RETURN_KEYS:
            if modifiers == Qt.KeyboardModifier.NoModifier:
                self.submitted.emit()
                return
            if modifiers == Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")  # a plain line break (Qt would insert U+2028)
                return
            event.ignore()  # Ctrl+Enter and the like belong to the screen
            return
        if self.submits and modifiers == Qt.KeyboardModifier.NoModifier and self._leaves(event.key()):
            event.ignore()
            return
        super().keyPressEvent(event)

    def _leaves(self, key: int) -> bool:
        """↑ on the first line or ↓ on the last: the screen moves to another item."""
        if key not in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            return False
        cursor = QTextCursor(self.textCursor())
        step = QTextCursor.MoveOperation.Up if key == Qt.Key.Key_Up else QTextCursor.MoveOperation.Down
        return not cursor.movePosition(step)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._text_at_focus = self.toPlainText()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._text_at_focus:
            self._text_at_focus = self.toPlainText()
            self.editingFinished.emit()
