"""Resume (#14.6): on sign-in a supervisor with an inspection in progress is offered it in one key
(「继续检查 粤B·40514（已答 6/25）」), and the sign-in dialog offers the last user name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from inspector.context import AppContext
from inspector.domain.inspections import AnswerResult, InspectionMode
from inspector.domain.users import Role, User
from inspector.ui.mainwindow import MainWindow
from inspector.ui.pages.recording import RecordingScreen
from inspector.ui.sign_in_memory import last_username, remember_username
from inspector.ui.uicontext import UiContext
from tests.notice_world import NoticeWorld, make_world

import pytest


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Any) -> NoticeWorld:
    return make_world(context, users, tmp_path)


def window_for(qtbot: Any, ui: UiContext) -> MainWindow:
    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_draft_is_offered_at_sign_in_and_one_key_opens_it_at_the_next_item(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
) -> None:
    inspection, _ = context.inspections.start(world.sup, template_version_id=world.template_id,
                                              mode=InspectionMode.ONSITE, subject=world.vehicle)
    context.inspections.answer(world.sup, inspection.id, "N1-1", AnswerResult.PASS)
    window = window_for(qtbot, sign_in(world.sup))
    assert window.resume.offer()
    assert window.resume.isVisible()
    assert window.resume.resume_button.text() == "Continue inspection 粤A·12345 (1/4 answered)"
    assert window.focusWidget() is window.resume.resume_button  # one key, once the window is active
    QTest.keyClick(window.resume.resume_button, Qt.Key.Key_Space)
    screen = window.pages["inspections"].screen
    assert isinstance(screen, RecordingScreen) and screen.inspection_id == inspection.id
    assert screen.current == "N1-2" and not window.resume.isVisible()


def test_no_offer_without_a_draft_of_ones_own_and_it_goes_when_completed(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
) -> None:
    inspection, _ = context.inspections.start(world.sup, template_version_id=world.template_id,
                                              mode=InspectionMode.ONSITE, subject=world.vehicle)
    office = window_for(qtbot, sign_in(world.office))
    assert not office.resume.offer() and not office.resume.isVisible()  # someone else's draft
    window = window_for(qtbot, sign_in(world.sup))
    assert window.resume.offer()
    for code in ("N1-1", "N1-2", "N1-3", "N1-4"):
        context.inspections.answer(world.sup, inspection.id, code, AnswerResult.PASS)
    _, changes = context.inspections.complete(world.sup, inspection.id)
    window.ui.hub.changed.emit(changes)
    assert not window.resume.isVisible()


def test_the_offer_can_be_dismissed_until_the_next_sign_in(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
) -> None:
    context.inspections.start(world.sup, template_version_id=world.template_id, mode=InspectionMode.ONSITE,
                              subject=world.vehicle)
    window = window_for(qtbot, sign_in(world.sup))
    assert window.resume.offer()
    window.resume.dismiss_button.click()
    assert not window.resume.isVisible() and not window.resume.refresh()
    assert window.resume.offer()  # signed in again: offered again


def test_the_last_user_name_is_remembered_never_a_password() -> None:
    assert last_username() == ""
    remember_username("zhangwei")
    assert last_username() == "zhangwei"
