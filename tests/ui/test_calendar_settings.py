"""The settings for deadlines: the office enters next year's official schedule (holidays, make-up
working days), sees where each year's schedule comes from, tries the deadline calculator, saves;
the recurrence window; the letterhead pictures kept in the data folder; read-only for others."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QDate

from inspector.words import messages
from inspector.context import AppContext
from inspector.domain.deadlines import library_knows
from inspector.domain.errors import InspectorError, PermissionDenied, ValidationError
from inspector.domain.users import Role, User
from inspector.ui.dialogs import errors
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets import letterhead_images
from inspector.ui.widgets.calendar_overrides import CalendarOverridesGroup

UNKNOWN_YEAR = 2031  # far enough that chinese-calendar will not know it for a while


class ShownErrors(list[InspectorError]):
    def __call__(self, parent: Any, error: InspectorError) -> None:
        self.append(error)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> ShownErrors:
    captured = ShownErrors()
    monkeypatch.setattr(errors, "show_error", captured)
    return captured


def make_page(qtbot: Any, ui: UiContext) -> SettingsPage:
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.show()
    return page


def office_page(qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]) -> SettingsPage:
    return make_page(qtbot, sign_in(users[Role.QUALITY_OFFICE]))


def test_the_office_enters_a_years_schedule_and_saves_it(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], shown: ShownErrors,
) -> None:
    assert not library_knows(UNKNOWN_YEAR)
    group = office_page(qtbot, users, sign_in).calendar
    assert f"{UNKNOWN_YEAR}:" not in group.years_label.text()
    # New Year's Day holiday Wed 1 – Fri 3 January, and Saturday 4 January worked instead.
    group.holiday_from.setDate(QDate(UNKNOWN_YEAR, 1, 1))
    group.holiday_to.setDate(QDate(UNKNOWN_YEAR, 1, 3))
    group.add_holiday_button.click()
    group.workday_date.setDate(QDate(UNKNOWN_YEAR, 1, 4))
    group.add_workday_button.click()
    assert group.holidays.days() == (date(UNKNOWN_YEAR, 1, 1), date(UNKNOWN_YEAR, 1, 2), date(UNKNOWN_YEAR, 1, 3))
    assert group.workdays.days() == (date(UNKNOWN_YEAR, 1, 4),)
    assert group.workdays.list.item(0).text() == f"{UNKNOWN_YEAR}-01-04 Sat"
    assert f"{UNKNOWN_YEAR}: entered by the office (4 days)" in group.years_label.text()
    assert context.settings.get().calendar.holidays == ()  # nothing stored before Save

    group.save_button.click()
    assert shown == []
    stored = context.settings.get().calendar
    assert stored.holidays == group.holidays.days() and stored.workdays == group.workdays.days()
    assert group.saved_label.text() == "Saved."

    # A new page reads them back.
    again = office_page(qtbot, users, sign_in).calendar
    assert again.holidays.days() == stored.holidays


def test_the_calculator_uses_the_lists_being_edited(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext], shown: ShownErrors,
) -> None:
    group = office_page(qtbot, users, sign_in).calendar
    group.issued.setDate(QDate(UNKNOWN_YEAR - 1, 12, 30))  # a Monday
    group.working_days.setValue(3)
    # Mon–Fri fallback: Tue 31, Wed 1, Thu 2 → due Thu 2 January, follow-up Fri 3; estimated.
    assert group.result_label.text() == (
        f"→ due {UNKNOWN_YEAR}-01-02 Thu, follow-up {UNKNOWN_YEAR}-01-03 Fri (estimated)")
    group.add_holidays(date(UNKNOWN_YEAR, 1, 1), date(UNKNOWN_YEAR, 1, 3))
    group.add_workday(date(UNKNOWN_YEAR, 1, 4))
    # 31 Dec (estimated: that year is not entered) … the result is still marked estimated.
    assert group.result_label.text() == (
        f"→ due {UNKNOWN_YEAR}-01-06 Mon, follow-up {UNKNOWN_YEAR}-01-07 Tue (estimated)")
    group.issued.setDate(QDate(UNKNOWN_YEAR, 1, 1))
    group.working_days.setValue(1)
    # Only the entered year is looked at: Sat 4 is a make-up working day, not estimated.
    assert group.result_label.text() == f"→ due {UNKNOWN_YEAR}-01-04 Sat, follow-up {UNKNOWN_YEAR}-01-06 Mon"


def test_a_day_in_both_lists_is_refused_naming_the_date(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], shown: ShownErrors,
) -> None:
    group = office_page(qtbot, users, sign_in).calendar
    assert group.add_holidays(date(UNKNOWN_YEAR, 10, 1), date(UNKNOWN_YEAR, 10, 7))
    assert not group.add_workday(date(UNKNOWN_YEAR, 10, 5))
    assert group.workdays.days() == ()
    assert [messages.describe(error) for error in shown] == [
        f"These dates are entered both as holidays and as make-up working days: {UNKNOWN_YEAR}-10-05."]
    # The service says the same (not "setting calendar is not valid") when asked directly.
    with pytest.raises(ValidationError) as caught:
        context.settings.update(users[Role.QUALITY_OFFICE], calendar={
            "holidays": [date(UNKNOWN_YEAR, 5, 1)], "workdays": [date(UNKNOWN_YEAR, 5, 1)]})
    assert caught.value.code == "calendar_override_conflict"
    assert caught.value.params == {"dates": f"{UNKNOWN_YEAR}-05-01"}


def test_removing_selected_days_and_too_long_ranges(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext], shown: ShownErrors,
) -> None:
    group = office_page(qtbot, users, sign_in).calendar
    group.add_holidays(date(UNKNOWN_YEAR, 2, 10), date(UNKNOWN_YEAR, 2, 12))
    assert not group.holidays.remove_button.isEnabled()
    group.holidays.list.item(1).setSelected(True)
    assert group.holidays.remove_button.isEnabled()
    group.holidays.remove_button.click()
    assert group.holidays.days() == (date(UNKNOWN_YEAR, 2, 10), date(UNKNOWN_YEAR, 2, 12))
    assert not group.add_holidays(date(UNKNOWN_YEAR, 1, 1), date(UNKNOWN_YEAR, 3, 1))
    assert shown[-1].code == "calendar_range_too_long"
    assert "too long" in messages.describe(shown[-1])


def test_year_lines_say_where_each_schedule_comes_from(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    group: CalendarOverridesGroup = office_page(qtbot, users, sign_in).calendar
    assert group.year_status(2026) == "2026: official schedule built in"
    assert group.year_status(UNKNOWN_YEAR) == (
        f"{UNKNOWN_YEAR}: not known — deadlines counted Monday–Friday and marked estimated")
    group.add_workday(date(2026, 3, 7))
    assert group.year_status(2026) == "2026: official schedule built in; 1 day(s) entered here take precedence"
    this_year = QDate.currentDate().year()
    assert [f"{this_year}:", f"{this_year + 1}:"] == [
        line.split(" ")[0] for line in group.years_label.text().splitlines()][:2]


def test_read_only_for_roles_without_edit_settings(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    context.settings.update(users[Role.QUALITY_OFFICE], calendar={"holidays": [date(UNKNOWN_YEAR, 1, 1)]})
    page = make_page(qtbot, sign_in(users[Role.SUPERVISOR]))
    group = page.calendar
    assert group.holidays.days() == (date(UNKNOWN_YEAR, 1, 1),)
    for widget in (group.add_holiday_button, group.add_workday_button, group.save_button,
                   group.holidays.remove_button, page.letterhead.rows["logo"].choose):
        assert not widget.isVisible()
    assert group.result_label.text()  # the calculator still answers
    assert not page.recurrence_days.isEnabled()


def test_recurrence_window_is_saved_with_the_deadlines(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], shown: ShownErrors,
) -> None:
    page = office_page(qtbot, users, sign_in)
    assert page.recurrence_days.value() == 90
    page.recurrence_days.setValue(120)
    page.save_button.click()
    assert shown == [] and context.settings.get().recurrence_window_days == 120


def picture(path: Path, kind: str = "PNG", size: tuple[int, int] = (200, 80)) -> Path:
    image = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, kind)
    path.write_bytes(buffer.getvalue())
    return path


def test_letterhead_pictures_are_copied_into_the_data_folder(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    shown: ShownErrors, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = office_page(qtbot, users, sign_in)
    original = picture(tmp_path / "seal.jpg", "JPEG")
    monkeypatch.setattr(letterhead_images, "ask_image_file", lambda parent, title: original)
    assert page.letterhead.choose("seal")
    stored = context.settings.get().seal_path
    assert stored.startswith("letterhead/seal-") and stored.endswith(".jpg")
    copy = context.paths.root / stored
    assert copy.read_bytes() == original.read_bytes()
    original.unlink()  # the original may go: notices use the copy
    assert context.settings.image_file(stored) == copy
    assert page.letterhead.rows["seal"].picture.pixmap() is not None
    assert not page.letterhead.rows["seal"].picture.pixmap().isNull()
    assert page.letterhead.rows["seal"].file.text() == stored

    page.letterhead.rows["seal"].remove.click()
    assert context.settings.get().seal_path == ""
    assert page.letterhead.rows["seal"].file.text() == "None"
    assert shown == []


def test_a_broken_picture_is_refused(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    shown: ShownErrors, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = office_page(qtbot, users, sign_in)
    bad = tmp_path / "logo.png"
    bad.write_bytes(picture(tmp_path / "ok.png").read_bytes()[:60])
    monkeypatch.setattr(letterhead_images, "ask_image_file", lambda parent, title: bad)
    assert not page.letterhead.choose("logo")
    assert [error.code for error in shown] == ["letterhead_image_invalid"]
    assert "logo.png cannot be used on notices" in messages.describe(shown[0])
    assert context.settings.get().logo_path == ""
    assert not (context.paths.root / "letterhead").exists()


def test_only_the_office_may_store_a_picture(context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        context.settings.store_image(users[Role.SUPERVISOR], "logo", picture(tmp_path / "a.png"))
    with pytest.raises(ValidationError):
        context.settings.store_image(users[Role.ADMIN], "banner", picture(tmp_path / "b.png"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        context.settings.store_image(users[Role.ADMIN], "logo", tmp_path / "missing.png")
    assert caught.value.code == "file_missing"
