"""The settings page's "Working-day calendar" group: where the quality office enters next year's
official holiday schedule (published each November) before ``chinese-calendar`` knows it.

Two lists — statutory holidays (法定节假日) and make-up working days (调休上班) — edited here and
saved together through ``SettingsService.update(calendar=…)``; a line per year says where that
year's schedule comes from; a small calculator shows the deadline a notice issued on a given day
would get with the lists *as edited*, so the office can check an entry before saving it. A day
in both lists is refused at once with the domain's own error (``calendar_override_conflict``).
Roles without ``EDIT_SETTINGS`` see the lists and the calculator read-only.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.deadlines import CalendarOverrides, DeadlineError, compute_deadline, library_knows
from inspector.domain.errors import InspectorError, PermissionDenied
from inspector.domain.users import Permission
from inspector.ui.dialogs import errors
from inspector.ui.uicontext import UiContext

MAX_RANGE_DAYS = 31  # a holiday range longer than a month is a typing mistake


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def day_text(day: date) -> str:
    """``2027-02-06 Sat`` (the weekday in the display language): whether a day falls on a
    weekend is what the office checks against the official schedule."""
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{day.isoformat()} {weekday}"


class DayList(QWidget):
    """One list of dates, sorted, with "Remove selected"; the add row is built by the group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(110)
        self.list.setMaximumHeight(180)
        self.remove_button = QPushButton()
        self.add_row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.add_row)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.list.itemSelectionChanged.connect(self._update_remove)
        self._days: set[date] = set()

    def days(self) -> tuple[date, ...]:
        return tuple(sorted(self._days))

    def set_days(self, days: set[date]) -> None:
        self._days = set(days)
        self.list.clear()
        for day in sorted(self._days):
            item = QListWidgetItem(day_text(day))
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.list.addItem(item)
        self._update_remove()

    def selected_days(self) -> set[date]:
        return {item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()}

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(self.list.isEnabled() and bool(self.list.selectedItems()))


class CalendarOverridesGroup(QGroupBox):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.holidays = DayList()
        self.workdays = DayList()
        next_year = QDate(QDate.currentDate().year() + 1, 1, 1)
        self.holiday_from = self._date_edit(next_year)
        self.holiday_to = self._date_edit(next_year)
        self.holiday_to_label = QLabel()
        self.add_holiday_button = QPushButton()
        self.workday_date = self._date_edit(next_year)
        self.add_workday_button = QPushButton()
        self.holidays.add_row.addWidget(self.holiday_from)
        self.holidays.add_row.addWidget(self.holiday_to_label)
        self.holidays.add_row.addWidget(self.holiday_to)
        self.holidays.add_row.addWidget(self.add_holiday_button)
        self.holidays.add_row.addStretch(1)
        self.workdays.add_row.addWidget(self.workday_date)
        self.workdays.add_row.addWidget(self.add_workday_button)
        self.workdays.add_row.addStretch(1)
        self.years_label = QLabel()
        self.years_label.setWordWrap(True)
        self.years_label.setTextFormat(Qt.TextFormat.PlainText)
        # --- the calculator
        self.calc_title = QLabel()
        self.issued = self._date_edit(QDate.currentDate())
        self.working_days = QSpinBox()
        self.working_days.setRange(1, 90)
        self.working_days.setValue(5)
        self.working_days.lineEdit().setTextMargins(5, 0, 0, 0)
        self.calc_plus = QLabel("+")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.save_button = QPushButton()
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "hint")

        lists = QGridLayout()
        lists.setHorizontalSpacing(18)
        lists.addWidget(self.holidays, 0, 0)
        lists.addWidget(self.workdays, 0, 1)
        calc_row = QHBoxLayout()
        calc_row.addWidget(self.calc_title)
        calc_row.addWidget(self.issued)
        calc_row.addWidget(self.calc_plus)
        calc_row.addWidget(self.working_days)
        calc_row.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(lists)
        layout.addWidget(self.years_label)
        layout.addLayout(calc_row)
        layout.addWidget(self.result_label)
        layout.addLayout(save_row)

        self.add_holiday_button.clicked.connect(self.add_holidays_from_fields)
        self.add_workday_button.clicked.connect(self.add_workday_from_field)
        self.holidays.remove_button.clicked.connect(lambda: self.remove_selected(self.holidays))
        self.workdays.remove_button.clicked.connect(lambda: self.remove_selected(self.workdays))
        self.holiday_from.dateChanged.connect(self._follow_range_start)
        self.issued.dateChanged.connect(self.update_calculator)
        self.working_days.valueChanged.connect(self.update_calculator)
        self.save_button.clicked.connect(self.save)
        self.retranslate()

    @staticmethod
    def _date_edit(initial: QDate) -> QDateEdit:
        edit = QDateEdit(initial)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumWidth(130)
        return edit

    # --- data -----------------------------------------------------------------------------
    def can_edit(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.EDIT_SETTINGS)

    def reload(self) -> None:
        """Show the stored lists (discarding unsaved edits)."""
        calendar = self.ui.app.settings.get().calendar
        self.holidays.set_days(set(calendar.holidays))
        self.workdays.set_days(set(calendar.workdays))
        editable = self.can_edit()
        for widget in (self.holiday_from, self.holiday_to, self.holiday_to_label, self.add_holiday_button,
                       self.workday_date, self.add_workday_button, self.holidays.remove_button,
                       self.workdays.remove_button, self.save_button, self.saved_label):
            widget.setVisible(editable)
        self.saved_label.clear()
        self._edited()

    def overrides(self) -> CalendarOverrides:
        """The lists as edited (never in conflict: adding refuses a day already in the other)."""
        return CalendarOverrides(holidays=frozenset(self.holidays.days()), workdays=frozenset(self.workdays.days()))

    def add_holidays(self, first: date, last: date | None = None) -> bool:
        """Add ``first`` (to ``last``, inclusive) as holidays; False (and the reason shown) if refused."""
        last = last or first
        if last < first:
            first, last = last, first
        if (last - first).days >= MAX_RANGE_DAYS:
            errors.show_error(self, InspectorError("calendar_range_too_long", days=(last - first).days + 1,
                                                   maximum=MAX_RANGE_DAYS))
            return False
        days = {first + timedelta(days=offset) for offset in range((last - first).days + 1)}
        return self._add(self.holidays, days)

    def add_workday(self, day: date) -> bool:
        return self._add(self.workdays, {day})

    def _add(self, target: DayList, days: set[date]) -> bool:
        holidays = set(self.holidays.days()) | (days if target is self.holidays else set())
        workdays = set(self.workdays.days()) | (days if target is self.workdays else set())
        try:
            CalendarOverrides(holidays=frozenset(holidays), workdays=frozenset(workdays))
        except DeadlineError as error:  # the day is already in the other list
            errors.show_error(self, error)
            return False
        target.set_days(set(target.days()) | days)
        self._edited()
        return True

    def add_holidays_from_fields(self) -> bool:
        return self.add_holidays(_pydate(self.holiday_from.date()), _pydate(self.holiday_to.date()))

    def add_workday_from_field(self) -> bool:
        return self.add_workday(_pydate(self.workday_date.date()))

    def remove_selected(self, target: DayList) -> None:
        target.set_days(set(target.days()) - target.selected_days())
        self._edited()

    def _follow_range_start(self, start: QDate) -> None:
        if self.holiday_to.date() < start:
            self.holiday_to.setDate(start)

    def save(self) -> bool:
        try:
            _settings, changes = self.ui.app.settings.update(
                self.ui.user, calendar={"holidays": list(self.holidays.days()), "workdays": list(self.workdays.days())}
            )
        except InspectorError as error:
            errors.show_error(self, error)
            if isinstance(error, PermissionDenied):
                self.reload()
            return False
        self.ui.hub.publish(changes)
        self.saved_label.setText(self.tr("Saved."))
        return True

    def _edited(self) -> None:
        self.saved_label.clear()
        self.update_years()
        self.update_calculator()

    # --- what the office reads ------------------------------------------------------------
    def years_shown(self) -> list[int]:
        this_year = QDate.currentDate().year()
        entered = {day.year for day in (*self.holidays.days(), *self.workdays.days())}
        return sorted({this_year, this_year + 1} | entered)

    def year_status(self, year: int) -> str:
        entered = sum(1 for day in (*self.holidays.days(), *self.workdays.days()) if day.year == year)
        if library_knows(year):
            if entered:
                return self.tr("{year}: official schedule built in; {count} day(s) entered here take precedence").format(
                    year=year, count=entered)
            return self.tr("{year}: official schedule built in").format(year=year)
        if entered:
            return self.tr("{year}: entered by the office ({count} days)").format(year=year, count=entered)
        return self.tr("{year}: not known — deadlines counted Monday–Friday and marked estimated").format(year=year)

    def update_years(self) -> None:
        self.years_label.setText("\n".join(self.year_status(year) for year in self.years_shown()))

    def update_calculator(self) -> None:
        deadline = compute_deadline(_pydate(self.issued.date()), self.working_days.value(), self.overrides())
        text = self.tr("→ due {due}, follow-up {follow_up}").format(
            due=day_text(deadline.due), follow_up=day_text(deadline.follow_up))
        if deadline.estimated:
            text += " " + self.tr("(estimated)")
        self.result_label.setText(text)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Working-day calendar"))
        self.intro.setText(self.tr(
            "Deadlines count Chinese working days. The official schedule is built in up to the last year "
            "listed as such below; when the State Council publishes next year's schedule (each November), "
            "enter its holidays and make-up working days here."
        ))
        self.holidays.title.setText(self.tr("Statutory holidays (no work)"))
        self.workdays.title.setText(self.tr("Make-up working days (weekend days worked)"))
        self.holiday_to_label.setText(self.tr("to"))
        self.add_holiday_button.setText(self.tr("Add"))
        self.add_workday_button.setText(self.tr("Add"))
        for day_list in (self.holidays, self.workdays):
            day_list.remove_button.setText(self.tr("Remove selected"))
        self.calc_title.setText(self.tr("Try it: issued on"))
        self.working_days.setSuffix(self.tr(" working days"))
        self.save_button.setText(self.tr("Save calendar"))
        if self.ui.signed_in:
            self.holidays.set_days(set(self.holidays.days()))  # weekday names in the new language
            self.workdays.set_days(set(self.workdays.days()))
            self._edited()
