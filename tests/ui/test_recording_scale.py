"""The recording screen after an answer shows that answer, the score and the progress from what
the service returned, without reading the whole draft and its template again (#18.2); a screen
opened afresh on the same draft shows the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from inspector.context import AppContext
from inspector.domain.inspections import AnswerResult
from inspector.domain.templates import TemplateVersion
from inspector.domain.users import Role, User
from inspector.ui.uicontext import UiContext
from tests.ui.test_recording import bus, open_screen, start, template  # noqa: F401  (fixtures)


def test_an_answer_updates_the_screen_without_reading_the_draft_again(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    template: TemplateVersion, bus: Any, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    supervisor = users[Role.SUPERVISOR]
    inspection_id = start(context, supervisor, template, bus)
    ui = sign_in(supervisor)
    screen = open_screen(qtbot, ui, inspection_id)

    reads: list[str] = []  # an exception raised inside a Qt slot would abort the process: count instead

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def read(*args: object, **kwargs: object) -> Any:
            reads.append(name)
            return real(*args, **kwargs)
        return read

    monkeypatch.setattr(context.inspections, "get", counted("inspection", context.inspections.get))
    monkeypatch.setattr(context.templates, "get", counted("template", context.templates.get))
    QTest.keyClick(screen, Qt.Key.Key_P)
    QTest.keyClick(screen, Qt.Key.Key_N)
    QTest.keyClick(screen, Qt.Key.Key_F)
    QTest.keyClicks(screen.fail_panel.note, "litter on the floor")
    QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Return)
    QTest.keyClick(screen, Qt.Key.Key_Up)
    QTest.keyClick(screen, Qt.Key.Key_P)  # the fail replaced by a pass
    QTest.keyClick(screen, Qt.Key.Key_F)
    QTest.keyClicks(screen.fail_panel.note, "loose handrail")
    QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Return)
    assert screen.header.progress_label.text() == "4 / 30 answered"
    assert screen.header.score_label.text() == "Score 98 / 100"
    assert screen.answers["K30-1.4"].result is AnswerResult.FAIL and screen.answers["K30-1.4"].note == "loose handrail"
    assert reads == []  # neither the whole draft nor its template was read again
    monkeypatch.undo()

    again = open_screen(qtbot, ui, inspection_id)
    for label in ("progress_label", "score_label"):
        assert getattr(again.header, label).text() == getattr(screen.header, label).text()
    assert again.answers == screen.answers and list(again.answers) == list(screen.answers)
    assert again.current == screen.current == "K30-1.5"
