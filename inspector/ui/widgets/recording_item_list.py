"""The item list of the recording screen: the applicable items grouped by section, each with an
icon for its answer (not yet, pass, fail, not applicable).

It never takes keyboard focus (``Qt.NoFocus``): letters typed while recording are answers, and a
list with focus would eat them for its own type-ahead search. The mouse and touch still pick
items, and the screen moves the current item with ↑/↓ and J/K.

Item texts wrap to the list's width (``WrappingDelegate``): a list narrowed by the splitter shows
whole sentences on two or three lines instead of cutting them to their codes (#14.2); each row's
tooltip holds the text too. The list keeps ``MINIMUM_WIDTH`` however the splitter is dragged.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QWidget

from inspector.domain.inspections import Answer, AnswerResult
from inspector.domain.templates import TemplateItem, TemplateSection
from inspector.ui.language import localized

ICON_SIDE = 16
MINIMUM_WIDTH = 260
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


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text needs at the width the tree gives them (Qt's own delegate sizes
    a row for one line whatever the width, so wrapped text would be cut)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        left = self.tree.indentation() * (depth + 1)  # the branch column (root decorated) and the depth
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.rect = QRect(left, 0, self.tree.viewport().width() - left, hint.height())
        style = self.tree.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, self.tree)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        width = text_rect.width() - 2 * margin - 2  # Qt wraps inside these margins
        if width <= 40:
            return hint
        needed = shown.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap),
                                                shown.text).height()
        return QSize(hint.width(), max(hint.height(), needed + hint.height() - shown.fontMetrics.height()))


class RecordingItemList(QTreeWidget):
    """Sections as headings, items under them; ``item_chosen(code)`` when the user picks one."""

    item_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)
        self.setItemDelegate(WrappingDelegate(self))
        self.setMinimumWidth(MINIMUM_WIDTH)
        self._laid_out_width = -1
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_width:  # rows re-measured for the new width
            self._laid_out_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()

    def codes(self) -> list[str]:
        return list(self._order)

    def set_answer(self, code: str, answer: Answer | None) -> None:
        entry = self._items.get(code)
        if entry is not None:
            entry.setIcon(0, state_icon(None if answer is None else answer.result))
            entry.setData(0, Qt.ItemDataRole.UserRole + 1, None if answer is None else answer.result.value)

    def entry(self, code: str) -> QTreeWidgetItem | None:
        """The row of ``code`` (None when the list does not hold it)."""
        return self._items.get(code)

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
