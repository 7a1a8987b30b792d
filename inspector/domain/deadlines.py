"""Rectification deadlines counted in Chinese working days (工作日).

A notice gives the inspected unit a number of *working* days to rectify a finding: the item's own
``action_days`` if the template sets one, else the quality office's default for the severity.
Working days follow the State Council's schedule: statutory holidays are skipped and make-up
working days (调休, usually a Saturday or Sunday) count. The schedule comes from the pure-data
``chinese-calendar`` package, which knows 2004–2026 only, so the quality office can enter next
year's official schedule (published each November) as ``CalendarOverrides``.

How one day is decided (first rule that applies wins):

1. the day is listed in ``overrides.holidays`` → not a working day;
   the day is listed in ``overrides.workdays`` → a working day;
2. ``chinese-calendar`` knows the year → its answer;
3. the overrides list at least one date of that year (the office has entered that year's
   schedule) → Monday–Friday for every day not listed, *not* estimated;
4. otherwise → Monday–Friday, **estimated**: the UI and the printed notice must say so.

A deadline is ``estimated`` when any day counted or skipped on the way to it (due date and
follow-up date included) was decided by rule 4.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from inspector.domain.errors import ValidationError
from inspector.domain.templates import Severity

ONE_DAY = timedelta(days=1)
MAX_WORKING_DAYS = 366  # a longer rectification period is a data error, not a deadline


class DeadlineError(ValidationError, ValueError):
    """A bad calendar override or period: a coded ``ValidationError`` that is also a ValueError."""


def _check_date(value: object, what: str) -> date:
    # datetime is a subclass of date but never equals one, so it would silently miss overrides.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"{what} must be a datetime.date, not {type(value).__name__}")
    return value


@dataclass(frozen=True)
class CalendarOverrides:
    """The quality office's entries of the official schedule; they take precedence.

    ``holidays``: dates that are not working days (e.g. 2027-01-01).
    ``workdays``: make-up working days (调休), typically a Saturday or Sunday.
    A year with at least one entry counts as known (see the module docstring, rule 3).
    """

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    known_years: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        holidays = frozenset(self.holidays)
        workdays = frozenset(self.workdays)
        for day in holidays | workdays:
            _check_date(day, "an override")
        both = holidays & workdays
        if both:
            listed = ", ".join(sorted(day.isoformat() for day in both))
            raise DeadlineError("calendar_override_conflict", dates=listed)
        object.__setattr__(self, "holidays", holidays)
        object.__setattr__(self, "workdays", workdays)
        object.__setattr__(self, "known_years", frozenset(day.year for day in holidays | workdays))


NO_OVERRIDES = CalendarOverrides()


@dataclass(frozen=True)
class Deadline:
    """A computed rectification deadline.

    ``due``: the last day for rectification; ``follow_up``: the default 复查 date, the next working
    day after ``due``; ``working_days``: the period it was computed from; ``estimated``: some day
    on the way was decided by the Monday–Friday fallback, so the dates may move once the official
    schedule for that year is known.
    """

    due: date
    follow_up: date
    working_days: int
    estimated: bool


def library_knows(year: int) -> bool:
    """Whether ``chinese-calendar`` has the official schedule for ``year``."""
    import chinese_calendar  # its tables load on the first deadline, not with the settings

    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def is_working_day(day: date, overrides: CalendarOverrides = NO_OVERRIDES) -> tuple[bool, bool]:
    """``(working, estimated)`` for ``day``; ``estimated`` means the Mon–Fri fallback decided."""
    _check_date(day, "day")
    if day in overrides.holidays:
        return False, False
    if day in overrides.workdays:
        return True, False
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day)), False
    except NotImplementedError:  # outside the bundled data (2004–2026 in 1.11)
        pass
    return day.weekday() < 5, day.year not in overrides.known_years


def next_working_day(day: date, overrides: CalendarOverrides = NO_OVERRIDES) -> tuple[date, bool]:
    """The first working day strictly after ``day``, and whether any day looked at was estimated."""
    return add_working_days(day, 1, overrides)


def add_working_days(
    start: date, days: int, overrides: CalendarOverrides = NO_OVERRIDES
) -> tuple[date, bool]:
    """The ``days``-th working day after ``start`` (``start`` itself never counts).

    Returns the date and whether any day counted or skipped was decided by the fallback.
    """
    _check_date(start, "start")
    if isinstance(days, bool) or not isinstance(days, int):
        raise TypeError("days must be an int")
    if not 1 <= days <= MAX_WORKING_DAYS:
        raise DeadlineError("working_days_range", value=days, maximum=MAX_WORKING_DAYS)
    day = start
    counted = 0
    estimated = False
    while counted < days:
        day += ONE_DAY
        working, guessed = is_working_day(day, overrides)
        estimated = estimated or guessed
        if working:
            counted += 1
    return day, estimated


def rectification_days(
    severity: Severity, item_action_days: int | None, defaults: Mapping[Severity, int]
) -> int:
    """The period for a finding: the template item's own ``action_days`` wins, else the default
    the quality office set for the severity (``AppSettings.deadlines``)."""
    if item_action_days is not None:
        days = item_action_days
    elif severity in defaults:
        days = defaults[severity]
    else:
        raise DeadlineError("no_default_working_days", severity=str(severity))
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_WORKING_DAYS:
        raise DeadlineError("working_days_range", value=days, maximum=MAX_WORKING_DAYS)
    return days


def compute_deadline(
    issued: date, days: int, overrides: CalendarOverrides = NO_OVERRIDES
) -> Deadline:
    """Due date ``days`` working days after ``issued``; follow-up on the next working day."""
    due, due_estimated = add_working_days(issued, days, overrides)
    follow_up, follow_up_estimated = next_working_day(due, overrides)
    return Deadline(
        due=due,
        follow_up=follow_up,
        working_days=days,
        estimated=due_estimated or follow_up_estimated,
    )
