"""The start-up reminder of overdue notices: shown once a day to those who are to act on them,
listing each notice with its days overdue, never blocking, and off with ``INSPECTOR_NO_REMINDER``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from inspector.app import build_main_window
from inspector.context import AppContext
from inspector.domain.users import Role, User
from inspector.ui.dialogs.login import LoginDialog
from inspector.ui.dialogs.overdue_reminder import REMINDER_OFF_ENV, OverdueReminderDialog
from inspector.ui.mainwindow import MainWindow
from inspector.ui.uicontext import UiContext
from tests.notice_world import CST, NoticeWorld, completed_inspection, make_world


@pytest.fixture(autouse=True)
def _reminders_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REMINDER_OFF_ENV, raising=False)


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)  # Monday 2026-11-16


def issue(context: AppContext, world: NoticeWorld, fails: tuple[str, ...], seed: int) -> str:
    inspection = completed_inspection(context, world, fails=fails, seed=seed)
    notice, _ = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    return notice.number


def make_window(qtbot: Any, ui: UiContext) -> MainWindow:
    window = build_main_window(ui)
    qtbot.addWidget(window)
    window.show()
    return window


def reminders() -> list[OverdueReminderDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, OverdueReminderDialog) and w.isVisible()]


def test_the_reminder_lists_overdue_notices_oldest_first_and_opens_the_notices_page(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]
) -> None:
    later = issue(context, world, ("N1-1",), seed=1)  # 5 working days: Mon 23rd
    sooner = issue(context, world, ("N1-3",), seed=2)  # 3 working days: Thu 19th
    world.clock.now = datetime(2026, 11, 25, 9, 0, tzinfo=CST)
    window = make_window(qtbot, sign_in(world.office))
    assert reminders() == []  # building the window (the screenshot tool does only that) shows nothing

    dialog = window.remind_overdue()

    assert dialog is not None and reminders() == [dialog]
    assert not dialog.isModal()  # the window stays usable
    assert dialog.numbers() == [sooner, later]
    cells = [[dialog.table.item(row, column).text() for column in range(4)] for row in range(2)]
    assert cells == [[sooner, "第一公交总站", "2026-11-19", "6"], [later, "第一公交总站", "2026-11-23", "2"]]
    assert dialog.heading.text().startswith("2 rectification notice")
    dialog.open_button.click()
    assert window.current_key() == "notices"
    assert not dialog.isVisible()


def test_no_reminder_without_overdue_notices_or_for_those_who_cannot_act(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]
) -> None:
    issue(context, world, ("N1-1",), seed=1)  # due Mon 23rd
    window = make_window(qtbot, sign_in(world.office))
    assert window.remind_overdue() is None  # not overdue yet
    world.clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=CST)
    manager = make_window(qtbot, sign_in(world.manager))
    assert manager.remind_overdue() is None  # a manager can neither issue nor follow up
    supervisor = make_window(qtbot, sign_in(world.sup))
    assert supervisor.remind_overdue() is not None  # follow-ups are theirs
    assert reminders() and all(dialog.parent() is supervisor for dialog in reminders())


def test_the_environment_switch_turns_it_off(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue(context, world, ("N1-3",), seed=1)
    world.clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=CST)
    window = make_window(qtbot, sign_in(world.office))
    monkeypatch.setenv(REMINDER_OFF_ENV, "1")
    assert window.remind_overdue() is None and reminders() == []


def test_once_a_day_and_later_just_closes(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue(context, world, ("N1-3",), seed=1)
    world.clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=CST)
    window = make_window(qtbot, sign_in(world.manager))
    assert reminders() == []
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, parent, users, **kw: world.office))

    window.switch_user()  # the office signs in: reminded once
    [first] = reminders()
    first.later_button.click()
    assert reminders() == [] and window.current_key() == "dashboard"
    window.switch_user()  # #14.11: signing in again the same day does not remind again
    assert reminders() == [] and window.reminder is None

    world.clock.now = datetime(2026, 11, 25, 8, 30, tzinfo=CST)  # the next morning: once more
    window.switch_user()
    [second] = reminders()
    assert second is window.reminder and second is not first
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, parent, users, **kw: world.sup))
    window.switch_user()  # another user's list replaces it, never stacks a second one
    qtbot.waitUntil(lambda: second not in reminders())
    [third] = reminders()
    assert third is window.reminder


def test_a_supervisor_is_reminded_only_of_the_follow_ups_that_are_theirs(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]
) -> None:
    """#14.11: every supervisor was shown every overdue notice at every sign-in."""
    issue(context, world, ("N1-3",), seed=1)  # recorded by world.sup
    other, _ = context.users.create(world.admin, username="lina", display_name="李娜", role=Role.SUPERVISOR,
                                    password="secret-pass")
    world.clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=CST)
    assert context.notices.overdue(other) != []  # she may read it…
    assert context.notices.overdue_to_act_on(other) == []  # …but the follow-up is not hers
    assert make_window(qtbot, sign_in(other)).remind_overdue() is None
    assert len(context.notices.overdue_to_act_on(world.sup)) == 1
    assert len(context.notices.overdue_to_act_on(world.office)) == 1
    assert context.notices.overdue_to_act_on(world.manager) == []
