"""The item list of the recording screen: the applicable items grouped by section, each with an
icon for its answer (not yet, pass, fail, not applicable).

It never takes keyboard focus (``Qt.NoFocus``): letters typed while recording are answers, and a
list with focus would eat them for its own type-ahead search. The mouse and touch still pick
items, and the screen moves the current item with ↑/↓ and J/K.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from inspector.domain.inspections import Answer, AnswerResult
from inspector.domain.templates import TemplateItem, TemplateSection
from inspector.ui.language import localized

ICON_SIDE = 16
COLORS = {None: "#9e9e9e", AnswerResult.PASS: "#2e7d32", AnswerResult.FAIL: "#c62828", AnswerResult.NA: "#757575"}
_icons: dict[AnswerResult | None, QIcon] = {}


def state_icon(result: AnswerResult | None) -> QIcon:
    """An empty ring (not answered), a tick, a cross or a dash in the result's colour."""
    if result in _icons:
        return _icons[result]
    pixmap = QPixmap(ICON_SIDE * 2, ICON_SIDE * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(COLORS[result])
    painter.setPen(QPen(color, 3))
    side = ICON_SIDE * 2
    if result is None:
        painter.drawEllipse(5, 5, side - 10, side - 10)
    else:
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(2, 2, side - 4, side - 4)
        painter.setPen(QPen(QColor("white"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if result is AnswerResult.PASS:
            painter.drawLine(9, 17, 14, 22)
            painter.drawLine(14, 22, 23, 11)
        elif result is AnswerResult.FAIL:
            painter.drawLine(11, 11, 21, 21)
            painter.drawLine(21, 11, 11, 21)
        else:
            painter.drawLine(10, 16, 22, 16)
    painter.end()
    icon = QIcon(pixmap)
    _icons[result] = icon
    return icon


class RecordingItemList(QTreeWidget):
    """Sections as headings, items under them; ``item_chosen(code)`` when the user picks one."""

    item_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.setUniformRowHeights(True)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._order: list[str] = []
        self.currentItemChanged.connect(self._current_changed)

    def set_items(self, rows: list[tuple[TemplateSection, TemplateItem]]) -> None:
        """Show ``rows`` (section, item) in order, every item unanswered."""
        self.blockSignals(True)
        self.clear()
        self._items.clear()
        self._order.clear()
        headings: dict[str, QTreeWidgetItem] = {}
        for section, item in rows:
            heading = headings.get(section.code)
            if heading is None:
                heading = QTreeWidgetItem([f"{section.code}  {localized(section.title_zh, section.title_en)}"])
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                self.addTopLevelItem(heading)
                headings[section.code] = heading
            entry = QTreeWidgetItem([f"{item.code}  {localized(item.text_zh, item.text_en)}"])
            entry.setData(0, Qt.ItemDataRole.UserRole, item.code)
            entry.setToolTip(0, localized(item.text_zh, item.text_en))
            entry.setIcon(0, state_icon(None))
            heading.addChild(entry)
            self._items[item.code] = entry
            self._order.append(item.code)
        self.expandAll()
        self.blockSignals(False)

    def codes(self) -> list[str]:
        return list(self._order)

    def set_answer(self, code: str, answer: Answer | None) -> None:
        entry = self._items.get(code)
        if entry is not None:
            entry.setIcon(0, state_icon(None if answer is None else answer.result))
            entry.setData(0, Qt.ItemDataRole.UserRole + 1, None if answer is None else answer.result.value)

    def answer_state(self, code: str) -> str | None:
        """The result value the list shows for ``code`` ("pass", "fail", "na") or None."""
        entry = self._items.get(code)
        return None if entry is None else entry.data(0, Qt.ItemDataRole.UserRole + 1)

    def current_code(self) -> str | None:
        entry = self.currentItem()
        return None if entry is None else entry.data(0, Qt.ItemDataRole.UserRole)

    def select(self, code: str) -> None:
        """Make ``code`` current without ``item_chosen`` (that signal is for the user's picks)."""
        entry = self._items.get(code)
        if entry is not None:
            self.blockSignals(True)
            self.setCurrentItem(entry)
            self.blockSignals(False)
            self.scrollToItem(entry)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        code = None if current is None else current.data(0, Qt.ItemDataRole.UserRole)
        if code:
            self.item_chosen.emit(code)
        elif current is not None and current.childCount():
            self.setCurrentItem(current.child(0))  # a heading clicked: its first item
