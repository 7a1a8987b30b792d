"""Issue #12 point 12 in the GUI: a note editor shows its length against the limit ("125/2000"),
red beyond it, and the service's refusal names the limit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector.context import AppContext
from inspector.domain.errors import InspectorError
from inspector.domain.users import Role, User
from tests.notice_world import completed_inspection, make_world


def test_the_reply_dialog_counts_the_measures(
        qtbot: Any, context: AppContext, users: dict[Role, User], tmp_path: Path,
        sign_in: Callable[[User], Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.ui.dialogs import notice_reply
    from inspector.ui.dialogs.notice_reply import ReplyDialog

    world = make_world(context, users, tmp_path)
    inspection = completed_inspection(context, world, fails=("N1-1",))
    notice, _ = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    dialog = ReplyDialog(sign_in(world.sup), notice)
    qtbot.addWidget(dialog)
    assert dialog.measures_counter.text() == "0/2000"
    dialog.measures.setPlainText("补" * 125)
    assert dialog.measures_counter.text() == "125/2000" and dialog.measures_counter.property("role") == "muted"
    dialog.measures.setPlainText("补" * 2001)
    assert dialog.measures_counter.text() == "2001/2000" and dialog.measures_counter.property("role") == "error"
    errors: list[InspectorError] = []
    monkeypatch.setattr(notice_reply, "show_error", lambda parent, error: errors.append(error))
    dialog.accept()
    assert [e.code for e in errors] == ["text_too_long"] and dialog.result() != ReplyDialog.DialogCode.Accepted
