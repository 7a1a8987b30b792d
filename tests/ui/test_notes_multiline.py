"""Issue #14 point 10: notes are notes. Every note the user types — the fail panel's, the
follow-up's (per problem and overall), the fix on the spot's, the reply's and the complaint
steps' — is a multi-line editor with a length counter at the limit the service enforces (2,000,
``inspector.domain.text.NOTE_LIMIT``), typed here with real key events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from inspector.context import AppContext
from inspector.domain.errors import InspectorError
from inspector.domain.inspections import InspectionMode
from inspector.domain.templates import TemplateVersion
from inspector.domain.text import NOTE_LIMIT
from inspector.domain.users import Role, User
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.length_counter import LengthCounter
from tests.notice_world import completed_inspection, make_world
from tests.ui.test_recording import bus, open_screen, start, template, type_text  # noqa: F401 - fixtures

SHIFT = Qt.KeyboardModifier.ShiftModifier


def counters(widget: QWidget) -> list[LengthCounter]:
    return widget.findChildren(LengthCounter)


def assert_notes_are_multiline(widget: QWidget, expected: int) -> None:
    found = counters(widget)
    assert len(found) == expected
    for counter in found:
        assert isinstance(counter.editor, QPlainTextEdit), counter.editor
        assert counter.limit == NOTE_LIMIT == 2000
    # and no note left on a single line: every line edit in these dialogs is a name, a number or a path
    assert [edit for edit in widget.findChildren(QLineEdit) if "note" in edit.objectName().lower()] == []


def test_the_fail_panel_note_takes_several_lines_and_counts_them(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any,
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    screen = open_screen(qtbot, sign_in(supervisor), inspection_id)
    panel = screen.fail_panel
    assert_notes_are_multiline(panel, 1)
    QTest.keyClick(screen, Qt.Key.Key_F)
    QTest.keyClicks(panel.note, "seat 12 torn")
    QTest.keyClick(panel.note, Qt.Key.Key_Return, SHIFT)  # a new line, not a confirmation
    assert screen.pending_fail
    QTest.keyClicks(panel.note, "rubbish under the rear seats")
    assert panel.note_counter.text() == f"41/{NOTE_LIMIT}"
    QTest.keyClick(panel.note, Qt.Key.Key_Up)  # ↑ inside the note moves between its lines
    assert screen.current == "K30-1.1" and panel.note.textCursor().blockNumber() == 0
    QTest.keyClick(panel.note, Qt.Key.Key_Return)
    saved = context.inspections.get(supervisor, inspection_id).answers[0]
    assert saved.note == "seat 12 torn\nrubbish under the rear seats" and screen.current == "K30-1.2"

    QTest.keyClick(screen, Qt.Key.Key_F)
    type_text(panel.note, "脏" * NOTE_LIMIT)
    QTest.keyClicks(panel.note, "x")
    assert panel.note_counter.text() == f"2001/{NOTE_LIMIT}" and panel.note_counter.property("role") == "error"
    QTest.keyClick(panel.note, Qt.Key.Key_Return)
    assert screen.pending_fail and screen.current == "K30-1.2"  # refused by the service, nothing lost
    assert "2000" in screen.panel.error.text() and panel.note.text() == "脏" * NOTE_LIMIT + "x"


def test_the_follow_up_notes_are_multiline_with_counters(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], tmp_path: Path,
) -> None:
    from inspector.ui.dialogs.notice_followup import FollowUpDialog

    world = make_world(context, users, tmp_path)
    inspection = completed_inspection(context, world, fails=("N1-1", "N1-3"))
    notice, _ = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    dialog = FollowUpDialog(sign_in(world.sup), notice)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_notes_are_multiline(dialog, 3)  # two problems and the overall note
    first = dialog.checks[0]
    QTest.keyClicks(first.note, "replaced")
    QTest.keyClick(first.note, Qt.Key.Key_Return)  # in a dialog Enter starts a new line
    QTest.keyClicks(first.note, "photo taken")
    assert first.value().note == "replaced\nphoto taken" and dialog.isVisible()
    assert first.note_counter.text() == f"20/{NOTE_LIMIT}"


def test_the_reply_and_complaint_notes_are_multiline_with_counters(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], tmp_path: Path,
) -> None:
    from inspector.ui.dialogs import complaint_steps
    from inspector.ui.dialogs.complaint_new import NewComplaintDialog
    from inspector.ui.dialogs.notice_reply import ReplyDialog
    from tests.complaints.world import add_case

    world = make_world(context, users, tmp_path)
    inspection = completed_inspection(context, world, fails=("N1-1",))
    notice, _ = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    reply = ReplyDialog(sign_in(world.sup), notice)
    qtbot.addWidget(reply)
    assert_notes_are_multiline(reply, 2)
    office = sign_in(world.office)
    new = NewComplaintDialog(office)
    qtbot.addWidget(new)
    assert len(counters(new)) >= 2
    assert_notes_are_multiline(new, len(counters(new)))
    from inspector.domain.registry import RegistryKind

    context.registry.add(world.office, RegistryKind.STAFF, {"staff_no": "D0123", "name": "李师傅",
                                                           "role": "driver", "unit_id": world.unit_id})
    case = add_case(context, world)
    for name in ("InvestigateDialog", "ResolveDialog", "FeedbackDialog", "CloseDialog", "ExtendDialog"):
        step = getattr(complaint_steps, name)(office, case)
        qtbot.addWidget(step)
        assert counters(step), name
        assert_notes_are_multiline(step, len(counters(step)))
        if name == "InvestigateDialog":  # files still being read: it says so and stays open
            step.photos.pending = 1
            step.accept()
            assert step.photos.status.text() == "Wait until every file is read." and step.result() == 0
            step.photos.pending = 0


def test_fixed_on_the_spot_asks_for_a_multiline_note_and_the_service_keeps_the_limit(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inspector.domain.inspections import AnswerResult
    from inspector.ui.dialogs.note_dialog import NoteDialog

    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus, InspectionMode.WALKAROUND)
    context.inspections.answer(supervisor, inspection_id, "K30-1.1", AnswerResult.FAIL, note="地面湿滑")
    context.inspections.complete(supervisor, inspection_id)
    [finding] = context.inspections.findings(supervisor, inspection_id)

    dialog = NoteDialog("Fixed on the spot", "What was done (optional):")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_notes_are_multiline(dialog, 1)
    QTest.keyClicks(dialog.note, "mopped")
    QTest.keyClick(dialog.note, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.note, "sign put up")
    assert dialog.isVisible() and dialog.counter.text() == f"18/{NOTE_LIMIT}"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == NoteDialog.DialogCode.Accepted and dialog.text() == "mopped\nsign put up"

    with pytest.raises(InspectorError) as refused:
        context.notices.fix_on_spot(supervisor, finding.id, "擦" * (NOTE_LIMIT + 1))
    assert refused.value.code == "text_too_long"
    context.notices.fix_on_spot(supervisor, finding.id, dialog.text())
