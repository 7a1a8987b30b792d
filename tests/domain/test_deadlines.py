"""Deadlines in Chinese working days: hand-checked facts about the 2026 schedule (Spring Festival,
National Day, make-up Saturdays), the Monday–Friday fallback for 2027, overrides taking
precedence, and properties that hold for any start date and period (hypothesis).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.domain.deadlines import (
    CalendarOverrides,
    Deadline,
    DeadlineError,
    add_working_days,
    compute_deadline,
    is_working_day,
    library_knows,
    next_working_day,
    rectification_days,
)
from inspector.domain.errors import ValidationError
from inspector.domain.templates import Severity
from inspector.settings import AppSettings

# The official 2026 schedule as chinese-calendar 1.11 has it, checked by hand against the
# State Council notice: Spring Festival Sun 15 – Mon 23 Feb with make-up Saturdays 14 and 28 Feb;
# Mid-Autumn Fri 25 Sep; National Day Thu 1 – Wed 7 Oct with make-up Sun 20 Sep and Sat 10 Oct.
SPRING_FESTIVAL_2026 = [date(2026, 2, 15) + timedelta(days=n) for n in range(9)]
NATIONAL_DAY_2026 = [date(2026, 10, 1) + timedelta(days=n) for n in range(7)]
MAKE_UP_2026 = [date(2026, 2, 14), date(2026, 2, 28), date(2026, 9, 20), date(2026, 10, 10)]


def test_the_library_data_matches_the_hand_checked_schedule() -> None:
    holidays = set(chinese_calendar.get_holidays(date(2026, 1, 1), date(2026, 12, 31), include_weekends=False))
    assert set(SPRING_FESTIVAL_2026) <= holidays
    assert set(NATIONAL_DAY_2026) <= holidays
    assert date(2026, 9, 25) in holidays
    for day in MAKE_UP_2026:
        assert chinese_calendar.is_workday(day) and day.weekday() >= 5
    assert chinese_calendar.is_workday(date(2026, 10, 8))
    assert library_knows(2026) and library_knows(2004)
    assert not library_knows(2027) and not library_knows(2003)


@pytest.mark.parametrize("day", MAKE_UP_2026 + [date(2026, 10, 8), date(2026, 12, 31)])
def test_make_up_and_ordinary_working_days(day: date) -> None:
    assert is_working_day(day) == (True, False)


@pytest.mark.parametrize("day", SPRING_FESTIVAL_2026 + NATIONAL_DAY_2026 + [date(2026, 10, 11)])
def test_holidays_and_weekends_are_not_working_days(day: date) -> None:
    assert is_working_day(day) == (False, False)


def test_five_days_across_national_day() -> None:
    # Tue 29 Sep: Wed 30 Sep (1), 1–7 Oct holiday, Thu 8 (2), Fri 9 (3), Sat 10 make-up (4),
    # Sun 11 rest, Mon 12 (5). Follow-up: Tue 13 Oct.
    assert compute_deadline(date(2026, 9, 29), 5) == Deadline(
        due=date(2026, 10, 12), follow_up=date(2026, 10, 13), working_days=5, estimated=False
    )


def test_three_days_across_spring_festival() -> None:
    # Thu 12 Feb: Fri 13 (1), Sat 14 make-up (2), 15–23 Feb holiday, Tue 24 (3); follow-up Wed 25.
    deadline = compute_deadline(date(2026, 2, 12), 3)
    assert (deadline.due, deadline.follow_up, deadline.estimated) == (date(2026, 2, 24), date(2026, 2, 25), False)


def test_start_day_never_counts_and_next_working_day_is_strictly_after() -> None:
    assert add_working_days(date(2026, 10, 8), 1) == (date(2026, 10, 9), False)
    assert next_working_day(date(2026, 10, 9)) == (date(2026, 10, 10), False)  # make-up Saturday
    assert next_working_day(date(2026, 2, 14)) == (date(2026, 2, 24), False)  # over Spring Festival
    assert next_working_day(date(2026, 2, 20)) == (date(2026, 2, 24), False)  # from inside a holiday


def test_2027_falls_back_to_monday_to_friday_and_says_so() -> None:
    assert is_working_day(date(2027, 1, 1)) == (True, True)  # a Friday; really New Year's Day
    assert is_working_day(date(2027, 1, 2)) == (False, True)  # a Saturday
    assert is_working_day(date(2003, 6, 2)) == (True, True)  # before the library's data too
    # Mon 28 Dec 2026: Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 Jan 2027 by fallback (4),
    # Mon 4 Jan (5); follow-up Tue 5 Jan. All of 2026 is known, the 2027 part is not.
    assert compute_deadline(date(2026, 12, 28), 5) == Deadline(
        due=date(2027, 1, 4), follow_up=date(2027, 1, 5), working_days=5, estimated=True
    )


def test_only_the_follow_up_in_an_unknown_year_still_marks_the_deadline_estimated() -> None:
    # Mon 28 Dec + 3 = Thu 31 Dec 2026 (known); follow-up Fri 1 Jan 2027 by fallback.
    assert compute_deadline(date(2026, 12, 28), 3) == Deadline(
        due=date(2026, 12, 31), follow_up=date(2027, 1, 1), working_days=3, estimated=True
    )


def test_a_year_with_any_override_counts_as_known() -> None:
    # The office enters 2027's schedule: New Year's Day off, a make-up Saturday in February.
    overrides = CalendarOverrides(holidays=frozenset({date(2027, 1, 1)}), workdays=frozenset({date(2027, 2, 20)}))
    assert is_working_day(date(2027, 1, 1), overrides) == (False, False)
    assert is_working_day(date(2027, 2, 20), overrides) == (True, False)
    assert is_working_day(date(2027, 1, 4), overrides) == (True, False)  # unlisted: Mon–Fri, not estimated
    assert is_working_day(date(2027, 1, 9), overrides) == (False, False)
    assert is_working_day(date(2028, 1, 3), overrides) == (True, True)  # 2028 is still unknown
    # Mon 28 Dec 2026: 29, 30, 31 Dec (3), 1 Jan holiday, Mon 4 (4), Tue 5 (5); follow-up Wed 6.
    assert compute_deadline(date(2026, 12, 28), 5, overrides) == Deadline(
        due=date(2027, 1, 5), follow_up=date(2027, 1, 6), working_days=5, estimated=False
    )


def test_overrides_take_precedence_over_the_library() -> None:
    # A correction inside a year the library knows: other days keep the library's answer.
    overrides = CalendarOverrides(holidays=frozenset({date(2026, 10, 8)}), workdays=frozenset({date(2026, 10, 7)}))
    assert is_working_day(date(2026, 10, 8), overrides) == (False, False)
    assert is_working_day(date(2026, 10, 7), overrides) == (True, False)
    assert is_working_day(date(2026, 10, 6), overrides) == (False, False)  # still the library's holiday
    assert is_working_day(date(2026, 10, 10), overrides) == (True, False)  # still its make-up Saturday
    # Tue 29 Sep: Wed 30 (1), Wed 7 Oct (2), Fri 9 (3), Sat 10 (4), Mon 12 (5).
    assert add_working_days(date(2026, 9, 29), 5, overrides) == (date(2026, 10, 12), False)
    assert add_working_days(date(2026, 9, 29), 2, overrides) == (date(2026, 10, 7), False)


def test_a_date_both_holiday_and_workday_is_a_configuration_error() -> None:
    with pytest.raises(ValueError) as caught:
        CalendarOverrides(holidays=frozenset({date(2027, 1, 1)}), workdays=frozenset({date(2027, 1, 1)}))
    assert isinstance(caught.value, ValidationError)
    assert caught.value.code == "calendar_override_conflict"
    assert caught.value.params == {"dates": "2027-01-01"}


def test_overrides_accept_any_iterable_of_dates_but_not_datetimes() -> None:
    overrides = CalendarOverrides(holidays={date(2027, 1, 1)})  # type: ignore[arg-type]
    assert overrides.holidays == frozenset({date(2027, 1, 1)}) and overrides.known_years == {2027}
    assert overrides == CalendarOverrides(holidays=frozenset({date(2027, 1, 1)}))
    with pytest.raises(TypeError):
        CalendarOverrides(holidays=frozenset({datetime(2027, 1, 1)}))
    with pytest.raises(TypeError):
        is_working_day(datetime(2026, 10, 8))  # type: ignore[arg-type]


@pytest.mark.parametrize("days", [0, -1, 367])
def test_period_out_of_range_is_rejected(days: int) -> None:
    with pytest.raises(DeadlineError) as caught:
        add_working_days(date(2026, 3, 2), days)
    assert caught.value.code == "working_days_range"
    with pytest.raises(ValueError):
        compute_deadline(date(2026, 3, 2), days)


def test_rectification_days_item_wins_else_severity_default() -> None:
    settings = AppSettings().deadlines
    defaults = {Severity.GENERAL: settings.general, Severity.SERIOUS: settings.serious}
    assert rectification_days(Severity.GENERAL, None, defaults) == 5
    assert rectification_days(Severity.SERIOUS, None, defaults) == 3
    assert rectification_days(Severity.SERIOUS, 10, defaults) == 10
    assert rectification_days(Severity.GENERAL, 1, defaults) == 1
    with pytest.raises(DeadlineError) as caught:
        rectification_days(Severity.SERIOUS, None, {Severity.GENERAL: 5})
    assert caught.value.code == "no_default_working_days"
    with pytest.raises(ValueError):
        rectification_days(Severity.GENERAL, 0, defaults)


KNOWN_2027 = CalendarOverrides(holidays=frozenset({date(2027, 1, 1)}), workdays=frozenset({date(2027, 2, 20)}))
starts = st.dates(min_value=date(2002, 1, 1), max_value=date(2028, 12, 31))
periods = st.integers(min_value=1, max_value=40)
overrides_choice = st.sampled_from([CalendarOverrides(), KNOWN_2027])


@given(starts, periods, overrides_choice)
def test_due_is_a_working_day_strictly_after_issue(issued: date, days: int, overrides: CalendarOverrides) -> None:
    deadline = compute_deadline(issued, days, overrides)
    assert issued < deadline.due < deadline.follow_up
    assert is_working_day(deadline.due, overrides)[0]
    assert is_working_day(deadline.follow_up, overrides)[0]
    between = [deadline.due - timedelta(days=n) for n in range(1, (deadline.due - issued).days)]
    assert sum(is_working_day(day, overrides)[0] for day in between) == days - 1
    assert not any(is_working_day(deadline.due + timedelta(days=n), overrides)[0]
                   for n in range(1, (deadline.follow_up - deadline.due).days))


@given(starts, periods, overrides_choice)
def test_one_more_day_is_strictly_later(issued: date, days: int, overrides: CalendarOverrides) -> None:
    assert add_working_days(issued, days + 1, overrides)[0] > add_working_days(issued, days, overrides)[0]


@given(st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 10, 1)), periods)
def test_inside_the_library_years_nothing_is_estimated(issued: date, days: int) -> None:
    assert not compute_deadline(issued, days).estimated


@given(st.dates(min_value=date(2027, 1, 1), max_value=date(2028, 12, 31)), periods)
def test_without_overrides_every_2027_deadline_is_estimated(issued: date, days: int) -> None:
    assert compute_deadline(issued, days).estimated
