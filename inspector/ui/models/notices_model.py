"""The notices list (整改通知单) as a table model, the words and colours of notice statuses and
flags, and the delegate that draws a row's flags as small coloured chips.

Rows are ``NoticeSummary`` records; flags are derived for the day the page gives (the service's
clock), so "overdue" means overdue today. Colours: overdue red, late (整改不及时) amber,
unfinished (未完成整改) orange-brown, recurred (再次发生) purple.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from inspector.domain.notices import NoticeFlag, NoticeStatus, NoticeSummary
from inspector.words.notice_labels import FLAG_WORDS, STATUS_WORDS, flag_label, status_label  # noqa: F401
from inspector.ui.models.records import ModelIndex, RecordTableModel

FLAG_COLOURS: dict[NoticeFlag, str] = {
    NoticeFlag.OVERDUE: "#c62828",
    NoticeFlag.LATE: "#b26a00",
    NoticeFlag.UNFINISHED: "#8d4e1f",
    NoticeFlag.RECURRED: "#7b3fa0",
}
FLAG_ORDER = (NoticeFlag.OVERDUE, NoticeFlag.LATE, NoticeFlag.UNFINISHED, NoticeFlag.RECURRED)
_CLOSED_STATUSES = frozenset({NoticeStatus.CLOSED, NoticeStatus.REISSUED, NoticeStatus.SUPERSEDED})
_DONE_COLOUR = "#6b7a8c"


def ordered_flags(flags: Iterable[NoticeFlag]) -> list[NoticeFlag]:
    chosen = set(flags)
    return [flag for flag in FLAG_ORDER if flag in chosen]


def shown_flags(flags: Iterable[NoticeFlag]) -> list[NoticeFlag]:
    """The flags worth showing: an overdue notice is unfinished by definition, so that goes unsaid."""
    chosen = ordered_flags(flags)
    if NoticeFlag.OVERDUE in chosen:
        return [flag for flag in chosen if flag is not NoticeFlag.UNFINISHED]
    return chosen


def flags_html(flags: Iterable[NoticeFlag]) -> str:
    """The flags as coloured bold words for a rich-text label."""
    return " ".join(f'<span style="color:{FLAG_COLOURS[flag]}; font-weight:bold">{flag_label(flag)}</span>'
                    for flag in shown_flags(flags))


class NoticesModel(RecordTableModel):
    COL_NUMBER, COL_UNIT, COL_ADDRESSEE, COL_ISSUED, COL_DEADLINE, COL_STATUS, COL_FLAGS = range(7)
    FlagsRole = Qt.ItemDataRole.UserRole + 3  # the row's flags, in FLAG_ORDER

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = date.today()

    def set_rows(self, records: Iterable[Any], today: date | None = None) -> None:  # type: ignore[override]
        """Replace the rows; ``today`` is the day the flags are judged on (the service's clock)."""
        self._today = today or date.today()
        super().set_rows(records)

    @property
    def today(self) -> date:
        return self._today

    def headers(self) -> list[str]:
        return [self.tr("Number"), self.tr("Unit"), self.tr("Addressee"), self.tr("Issued"), self.tr("Deadline"),
                self.tr("Status"), self.tr("Flags")]

    def flags_of(self, notice: NoticeSummary) -> list[NoticeFlag]:
        """The flags shown: "unfinished" only when it says more than "overdue" (a failed follow-up)."""
        return shown_flags(notice.flags(self._today))

    def cell(self, record: Any, column: int) -> str:
        notice: NoticeSummary = record
        if column == self.COL_NUMBER:
            return notice.number
        if column == self.COL_UNIT:
            return notice.addressee_unit
        if column == self.COL_ADDRESSEE:
            return notice.addressee
        if column == self.COL_ISSUED:
            return notice.issued_at.date().isoformat()
        if column == self.COL_DEADLINE:
            deadline = notice.deadline.isoformat()
            return self.tr("{date} (est.)").format(date=deadline) if notice.deadline_estimated else deadline
        if column == self.COL_STATUS:
            return status_label(notice.status)
        return " · ".join(flag_label(flag) for flag in self.flags_of(notice))

    def sort_value(self, record: Any, column: int) -> Any:
        if column == self.COL_DEADLINE:
            return record.deadline.isoformat()
        if column == self.COL_FLAGS:
            return tuple(FLAG_ORDER.index(flag) for flag in self.flags_of(record)) or (99,)
        return super().sort_value(record, column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        notice: NoticeSummary = self._rows[index.row()]
        if role == self.FlagsRole:
            return self.flags_of(notice)
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == self.COL_FLAGS:
                flags = self.flags_of(notice)
                return QColor(FLAG_COLOURS[flags[0]]) if flags else None
            if index.column() == self.COL_DEADLINE and NoticeFlag.OVERDUE in notice.flags(self._today):
                return QColor(FLAG_COLOURS[NoticeFlag.OVERDUE])
            if notice.status in _CLOSED_STATUSES:
                return QColor(_DONE_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_FLAGS:
            return "\n".join(flag_label(flag) for flag in self.flags_of(notice)) or None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_DEADLINE and notice.deadline_estimated:
            return self.tr("Estimated: counted Monday to Friday, the official holiday schedule for that year "
                           "is not entered yet.")
        return super().data(index, role)


class FlagChipsDelegate(QStyledItemDelegate):
    """Paints the flags column as rounded chips: white text on each flag's colour.

    The flags come from the model's ``FlagsRole``; ``flag_text`` and ``flag_colour`` name and
    colour one (a notice's flag here; the complaints page's delegate overrides both)."""

    PADDING = 6
    GAP = 4
    FLAGS_ROLE = Qt.ItemDataRole.UserRole + 3

    def flag_text(self, flag: Any) -> str:
        return flag_label(flag)

    def flag_colour(self, flag: Any) -> QColor:
        return QColor(FLAG_COLOURS[flag])

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        flags = index.data(self.FLAGS_ROLE) or []
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not flags:
            return
        painter.save()
        painter.setClipRect(option.rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = opt.font
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        height = metrics.height() + 2
        x = option.rect.x() + self.GAP
        y = option.rect.y() + (option.rect.height() - height) // 2
        shown, hidden = self.fitting(flags, metrics, option.rect.width())
        for flag in shown:
            x = self._chip(painter, metrics, QRect(x, y, 0, height), self.flag_text(flag), self.flag_colour(flag))
        if hidden:  # the rest as "+N" in the first hidden flag's colour; the tooltip names them all
            self._chip(painter, metrics, QRect(x, y, 0, height), f"+{len(hidden)}", self.flag_colour(hidden[0]))
        painter.restore()

    def _chip_width(self, metrics: QFontMetrics, text: str) -> int:
        return metrics.horizontalAdvance(text) + 2 * self.PADDING

    def fitting(self, flags: list[Any], metrics: QFontMetrics,
                width: int) -> tuple[list[Any], list[Any]]:
        """The flags drawn whole in ``width`` and the ones summed up as "+N" (which needs room too)."""
        room = width - self.GAP
        needed = [self._chip_width(metrics, self.flag_text(flag)) + self.GAP for flag in flags]
        if sum(needed) <= room:
            return list(flags), []
        for count in range(len(flags) - 1, -1, -1):
            rest = self._chip_width(metrics, f"+{len(flags) - count}") + self.GAP
            if sum(needed[:count]) + rest <= room or count == 0:
                return list(flags[:count]), list(flags[count:])
        return [], list(flags)

    def _chip(self, painter: QPainter, metrics: QFontMetrics, at: QRect, text: str, colour: QColor) -> int:
        """Draw one rounded chip at ``at``'s corner; returns where the next one starts."""
        chip = QRect(at.x(), at.y(), self._chip_width(metrics, text), at.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(chip, at.height() / 2, at.height() / 2)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), text)
        return chip.right() + 1 + self.GAP

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        flags = index.data(self.FLAGS_ROLE) or []
        font = option.font
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))  # as painted
        metrics = QFontMetrics(font)
        width = sum(self._chip_width(metrics, self.flag_text(flag)) + self.GAP for flag in flags)
        base = super().sizeHint(option, index)
        return QSize(max(width + self.GAP, 60), base.height())
