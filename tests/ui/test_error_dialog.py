"""Refusals are shown in words from inspector.words.messages; import problems are listed line by line."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector.domain.errors import ImportRejected, PermissionDenied, RowProblem
from inspector.words.messages import describe, describe_problem
from inspector.ui.dialogs import errors


def test_box_says_the_sentence(qtbot: Any) -> None:
    error = PermissionDenied(permission="edit_settings", role="supervisor", user="sup1")
    box = errors.error_box(None, error)
    qtbot.addWidget(box)
    assert box.text() == describe(error)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.detailedText() == ""


def test_import_problems_are_listed(qtbot: Any) -> None:
    problems = [RowProblem(row=3 + n, column="plate", code="plate_format", params={"value": f"X{n}"}) for n in range(3)]
    error = ImportRejected("vehicles.xlsx", problems)
    box = errors.error_box(None, error)
    qtbot.addWidget(box)
    assert box.text() == describe(error)
    assert box.detailedText().splitlines() == [describe_problem(p) for p in problems]
    assert describe_problem(problems[0]) in box.informativeText()


def test_a_huge_import_is_cut_short(qtbot: Any) -> None:
    count = errors.MAX_PROBLEMS_SHOWN + 50
    error = ImportRejected("staff.csv", [RowProblem(row=n, column="name", code="required") for n in range(count)])
    box = errors.error_box(None, error)
    qtbot.addWidget(box)
    lines = box.detailedText().splitlines()
    assert len(lines) == errors.MAX_PROBLEMS_SHOWN + 1 and "50 more" in lines[-1]


def test_show_error_runs_the_box(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    error = PermissionDenied(permission="manage_users", role="manager", user="mgr1")
    errors.show_error(None, error)
    assert shown == [describe(error)]
