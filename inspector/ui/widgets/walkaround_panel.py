"""The walk-around side of the recording screen: a search over the template's applicable items
instead of the checklist, and the findings already recorded under it.

A walk-around (走动式) records what the supervisor happened to see, not a full checklist. Typing
part of an item's code or text (Chinese or English, any case) lists the matches; ↑/↓ move in them,
Enter (or a click) emits ``picked(code)``, and the screen opens the fail panel on that item.
Ctrl+Enter in the search emits ``complete_requested``. Clicking a recorded finding emits
``picked`` with its code too (the screen then shows the saved fail for editing).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from inspector.domain.inspections import Answer, AnswerResult
from inspector.domain.templates import TemplateItem
from inspector.ui.language import localized

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_MATCHES = 50


def item_matches(item: TemplateItem, text: str) -> bool:
    """True when ``text`` (stripped, any case) is part of the item's code or its Chinese or English text."""
    needle = text.strip().casefold()
    return bool(needle) and any(needle in field.casefold() for field in (item.code, item.text_zh, item.text_en))


class WalkaroundPanel(QWidget):
    """Search box, its matches and the recorded findings of a walk-around."""

    picked = Signal(str)  # item code
    complete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[TemplateItem] = []
        title = QLabel(self.tr("Walk-around: what did you see?"))
        title.setProperty("role", "sectionTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of an item's text or code"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._refresh_matches)
        self.matches = QListWidget()
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.itemClicked.connect(self._clicked)
        self.hint = QLabel(self.tr("↑/↓ choose · Enter records a problem on the item · Ctrl+Enter completes"))
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        findings_title = QLabel(self.tr("Recorded findings"))
        findings_title.setProperty("role", "sectionTitle")
        self.findings = QListWidget()
        self.findings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.findings.setMaximumHeight(160)
        self.findings.itemClicked.connect(self._clicked)
        self.no_findings = QLabel(self.tr("None yet."))
        self.no_findings.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (title, self.search, self.matches, self.hint, findings_title, self.no_findings):
            layout.addWidget(widget)
        layout.addWidget(self.findings)
        layout.setStretch(2, 1)

    # --- showing ----------------------------------------------------------------------------
    def show_items(self, items: Iterable[TemplateItem], answers: Mapping[str, Answer]) -> None:
        """The applicable ``items`` to search, and the failed ``answers`` among them as findings."""
        self._items = list(items)
        self.findings.clear()
        for item in self._items:
            answer = answers.get(item.code)
            if answer is None or answer.result is not AnswerResult.FAIL:
                continue
            text = f"{item.code}  {localized(item.text_zh, item.text_en)}"
            entry = QListWidgetItem(f"{text} — {answer.note}" if answer.note else text)
            entry.setData(Qt.ItemDataRole.UserRole, item.code)
            self.findings.addItem(entry)
        self.no_findings.setVisible(self.findings.count() == 0)
        self._refresh_matches()

    def finding_codes(self) -> list[str]:
        return [self.findings.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.findings.count())]

    def match_codes(self) -> list[str]:
        return [self.matches.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.matches.count())]

    def _refresh_matches(self) -> None:
        text = self.search.text()
        self.matches.clear()
        for item in [item for item in self._items if item_matches(item, text)][:MAX_MATCHES]:
            entry = QListWidgetItem(f"{item.code}  {localized(item.text_zh, item.text_en)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.code)
            entry.setToolTip(localized(item.shown_guidance_zh, item.shown_guidance_en))
            self.matches.addItem(entry)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    # --- picking ----------------------------------------------------------------------------
    def pick_current(self) -> bool:
        """Emit ``picked`` for the highlighted match and clear the search; False if none."""
        entry = self.matches.currentItem()
        if entry is None:
            return False
        self._clicked(entry)
        return True

    def _clicked(self, entry: QListWidgetItem) -> None:
        code = entry.data(Qt.ItemDataRole.UserRole)
        if code:
            self.search.clear()
            self.picked.emit(code)

    def _step(self, step: int) -> None:
        if self.matches.count():
            row = min(max(self.matches.currentRow() + step, 0), self.matches.count() - 1)
            self.matches.setCurrentRow(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in RETURN_KEYS and modifiers == Qt.KeyboardModifier.ControlModifier:
                self.complete_requested.emit()
                return True
            if key in RETURN_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
                self.pick_current()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and modifiers == Qt.KeyboardModifier.NoModifier:
                self._step(1 if key == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)
