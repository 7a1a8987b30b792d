"""The complaints register (投诉与旅客意见) as a table model, the colours of a case's flags, and the
delegate that draws them as chips (the notices page's, with the complaints' words and colours).

Rows are ``Complaint`` records as the service returns them (the complainant already masked for
whoever may not see them; the table never shows the complainant at all). Flags are judged on the
moment the page gives (the service's clock) with the limits in force, so "overdue" means overdue
now. Colours: overdue red, due soon amber, the department's 24 h feedback late orange-brown,
report to the leader purple, closed late grey-brown, second remedy (二次补救) teal.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from inspector.domain.complaints import Complaint, ComplaintFlag, ComplaintKind, ComplaintLimits, ComplaintStatus
from inspector.ui.models.notices_model import FlagChipsDelegate
from inspector.ui.models.records import ModelIndex, RecordTableModel
from inspector.words.complaints import complaint_label

FLAG_COLOURS: dict[ComplaintFlag, str] = {
    ComplaintFlag.OVERDUE: "#c62828",
    ComplaintFlag.DUE_SOON: "#b26a00",
    ComplaintFlag.DEPARTMENT_OVERDUE: "#8d4e1f",
    ComplaintFlag.REPORT_TO_LEADER: "#7b3fa0",
    ComplaintFlag.LATE: "#6d5d4b",
    ComplaintFlag.SECOND_REMEDY: "#00796b",
}
FLAG_ORDER = (ComplaintFlag.OVERDUE, ComplaintFlag.DUE_SOON, ComplaintFlag.DEPARTMENT_OVERDUE,
              ComplaintFlag.REPORT_TO_LEADER, ComplaintFlag.SECOND_REMEDY, ComplaintFlag.LATE)
_DONE_COLOUR = "#6b7a8c"
TIME_FORMAT = "%Y-%m-%d %H:%M"
SHORT_TIME_FORMAT = "%m-%d %H:%M"  # the limit in the table (the year is in the case's number; the tooltip has it)
SHORT_DATE_FORMAT = "%m-%d"  # the day received in the table (the tooltip has the time)


def ordered_flags(flags: Iterable[ComplaintFlag]) -> list[ComplaintFlag]:
    chosen = set(flags)
    return [flag for flag in FLAG_ORDER if flag in chosen]


def flags_html(flags: Iterable[ComplaintFlag]) -> str:
    """The flags as coloured bold words for a rich-text label."""
    return " ".join(f'<span style="color:{FLAG_COLOURS[flag]}; font-weight:bold">{complaint_label(flag)}</span>'
                    for flag in ordered_flags(flags))


def subject_text(case: Complaint) -> str:
    """The vehicle and/or the staff member the case is about (— when none)."""
    return " / ".join(part for part in (case.vehicle_label, case.staff_label) if part) or "—"


def kind_words(case: Complaint) -> str:
    """The kind with its severity and 重大: a complaint says 一般投诉 / 严重投诉 (the severity's own
    name), a report 举报 · 严重投诉, other kinds their name alone."""
    intake = case.intake
    if intake.severity is not None and intake.kind is ComplaintKind.COMPLAINT:
        parts = [complaint_label(intake.severity)]
    else:
        parts = [complaint_label(intake.kind)] + ([complaint_label(intake.severity)] if intake.severity else [])
    if intake.major:
        parts.append(QCoreApplication.translate("ComplaintsModel", "Major (重大)"))
    return " · ".join(parts)


class ComplaintsModel(RecordTableModel):
    COL_NUMBER, COL_RECEIVED, COL_CHANNEL, COL_KIND, COL_SUBJECT, COL_UNIT, COL_STATUS, COL_DUE, COL_FLAGS = range(9)
    FlagsRole = FlagChipsDelegate.FLAGS_ROLE  # the row's flags, in FLAG_ORDER

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = datetime.now().astimezone()
        self._limits = ComplaintLimits()

    def set_rows(self, records: Iterable[Any], now: datetime | None = None,  # type: ignore[override]
                 limits: ComplaintLimits | None = None) -> None:
        """Replace the rows; ``now`` and ``limits`` are what the flags are judged on."""
        self._now = now or datetime.now().astimezone()
        self._limits = limits or ComplaintLimits()
        super().set_rows(records)

    def headers(self) -> list[str]:
        return [self.tr("Number"), self.tr("Received"), self.tr("Channel"), self.tr("Kind"), self.tr("Vehicle / staff"),
                self.tr("Unit"), self.tr("Status"), self.tr("Due"), self.tr("Flags")]

    def flags_of(self, case: Complaint) -> list[ComplaintFlag]:
        return ordered_flags(case.flags(self._now, self._limits))

    def kind_text(self, case: Complaint) -> str:
        return kind_words(case)

    def cell(self, record: Any, column: int) -> str:
        case: Complaint = record
        if column == self.COL_NUMBER:
            return case.number
        if column == self.COL_RECEIVED:
            return case.intake.received_at.strftime(SHORT_DATE_FORMAT)
        if column == self.COL_CHANNEL:
            return complaint_label(case.intake.channel)
        if column == self.COL_KIND:
            return self.kind_text(case)
        if column == self.COL_SUBJECT:
            return subject_text(case)
        if column == self.COL_UNIT:
            return case.unit_name or "—"
        if column == self.COL_STATUS:
            return complaint_label(case.status)
        if column == self.COL_DUE:
            return case.due_at.strftime(SHORT_TIME_FORMAT)
        return " · ".join(complaint_label(flag) for flag in self.flags_of(case))

    def sort_value(self, record: Any, column: int) -> Any:
        if column == self.COL_RECEIVED:
            return record.intake.received_at.isoformat()
        if column == self.COL_DUE:
            return record.due_at.isoformat()
        if column == self.COL_FLAGS:
            return tuple(FLAG_ORDER.index(flag) for flag in self.flags_of(record)) or (99,)
        return super().sort_value(record, column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        case: Complaint = self._rows[index.row()]
        if role == self.FlagsRole:
            return self.flags_of(case)
        if role == Qt.ItemDataRole.ForegroundRole:
            flags = self.flags_of(case)
            if index.column() == self.COL_FLAGS:
                return QColor(FLAG_COLOURS[flags[0]]) if flags else None
            if index.column() == self.COL_DUE and ComplaintFlag.OVERDUE in flags:
                return QColor(FLAG_COLOURS[ComplaintFlag.OVERDUE])
            if case.status is ComplaintStatus.CLOSED:
                return QColor(_DONE_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_FLAGS:
            return "\n".join(complaint_label(flag) for flag in self.flags_of(case)) or None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_RECEIVED:
            return case.intake.received_at.strftime(TIME_FORMAT)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_DUE:
            return case.due_at.strftime(TIME_FORMAT)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.COL_SUBJECT, self.COL_KIND,
                                                                       self.COL_STATUS, self.COL_UNIT):
            return self.cell(case, index.column())
        return super().data(index, role)


class ComplaintFlagChips(FlagChipsDelegate):
    """The flags of a case as chips, in the complaints' words and colours."""

    def flag_text(self, flag: Any) -> str:
        return complaint_label(ComplaintFlag(flag))  # Qt hands the flags back as plain strings

    def flag_colour(self, flag: Any) -> QColor:
        return QColor(FLAG_COLOURS[ComplaintFlag(flag)])
