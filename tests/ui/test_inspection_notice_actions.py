"""From a completed inspection to its notice: the recording screen's findings bar offers "Create
rectification notice…" to the quality office only while open findings remain, and "Fixed on the
spot…" (日清日结) on a walk-around's open finding to its supervisor or the office."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from inspector.context import AppContext
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.inspections import FindingStatus, InspectionMode
from inspector.domain.users import Role, User
from inspector.ui.dialogs.notice_create import CreateNoticeDialog
from inspector.ui.pages.recording import RecordingScreen
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.findings_actions import FindingsActions
from tests.notice_world import NoticeWorld, completed_inspection, make_world


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


def open_screen(qtbot: Any, ui: UiContext, inspection_id: int) -> RecordingScreen:
    screen = RecordingScreen(ui, inspection_id)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_create_notice_is_offered_to_the_office_for_open_findings_only(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]
) -> None:
    inspection = completed_inspection(context, world, fails=("N1-1", "N1-3"))
    office = open_screen(qtbot, sign_in(world.office), inspection.id)
    bar = office.findings_bar
    assert bar.isVisible() and bar.create_button.isVisible()
    assert bar.summary.text() == "Findings: 2 open"
    assert bar.fix_buttons == {}  # an on-site inspection's findings go on a notice, not "fixed on the spot"

    manager = open_screen(qtbot, sign_in(world.manager), inspection.id)
    assert manager.findings_bar.isVisible() and not manager.findings_bar.create_button.isVisible()
    supervisor = open_screen(qtbot, sign_in(world.sup), inspection.id)
    assert not supervisor.findings_bar.create_button.isVisible()

    bar.create_button.click()  # opens the notice dialog on this inspection, without blocking
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, CreateNoticeDialog) and w.isVisible()]
    assert dialog.inspection_id == inspection.id and len(dialog.editors) == 1
    dialog.reject()

    _notice, changes = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    office.ui.hub.publish(changes)  # the bar follows the hub: nothing open is left for a notice
    assert not bar.create_button.isVisible()
    assert bar.summary.text() == "Findings: 0 open · 2 on a notice"


def test_a_draft_or_a_clean_inspection_shows_no_findings_bar(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]
) -> None:
    clean = completed_inspection(context, world, fails=())
    assert not open_screen(qtbot, sign_in(world.office), clean.id).findings_bar.isVisible()
    draft, _ = context.inspections.start(world.sup, template_version_id=world.template_id,
                                         mode=InspectionMode.ONSITE, subject=world.vehicle)
    assert not open_screen(qtbot, sign_in(world.sup), draft.id).findings_bar.isVisible()


def test_fixed_on_the_spot_marks_a_walkaround_finding_with_its_note(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walk = completed_inspection(context, world, mode=InspectionMode.WALKAROUND, fails=("N1-2",))
    [finding] = context.inspections.findings(world.sup, walk.id)
    ui = sign_in(world.sup)
    screen = open_screen(qtbot, ui, walk.id)
    bar = screen.findings_bar
    assert list(bar.fix_buttons) == [finding.id]
    assert not bar.create_button.isVisible()  # a supervisor does not issue notices
    published: list[ChangeSet] = []
    ui.hub.changed.connect(published.append)

    monkeypatch.setattr(FindingsActions, "ask_note", lambda self: None)  # cancelled: nothing happens
    bar.fix_buttons[finding.id].click()
    assert context.inspections.findings(world.sup, walk.id)[0].status is FindingStatus.OPEN and published == []

    monkeypatch.setattr(FindingsActions, "ask_note", lambda self: "当场擦净")
    bar.fix_buttons[finding.id].click()

    assert context.inspections.findings(world.sup, walk.id)[0].status is FindingStatus.FIXED_ON_SPOT
    assert bar.summary.text() == "Findings: 0 open · 1 fixed on the spot"
    assert bar.fix_buttons == {}
    [line] = [label.text() for label in bar.findChildren(QLabel) if label.text().startswith("N1-2")]
    assert line.endswith("— fixed on the spot")
    assert len(published) == 1 and published[0].touches(Entity.FINDING)  # the lists and dashboard follow
    audit = context.db.execute("SELECT after FROM audit_log WHERE action = 'finding.fixed_on_spot'").fetchone()
    assert "当场擦净" in audit[0]


def test_only_the_walkarounds_supervisor_or_the_office_may_fix_on_the_spot(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    second_supervisor: User,
) -> None:
    walk = completed_inspection(context, world, mode=InspectionMode.WALKAROUND, fails=("N1-2",))
    assert open_screen(qtbot, sign_in(world.office), walk.id).findings_bar.fix_buttons
    assert not open_screen(qtbot, sign_in(second_supervisor), walk.id).findings_bar.fix_buttons
    assert not open_screen(qtbot, sign_in(world.manager), walk.id).findings_bar.fix_buttons
