"""UI test set-up: window state (QSettings) in this test's tmp folder, English and no leftover
window after every test, and a factory for a signed-in ``UiContext``.

Why ``QSettings.setPath`` and not only ``XDG_CONFIG_HOME`` (set by the top-level conftest): Qt reads
the configuration folder once per process and caches it, so after the first test every later one
would share the first test's file. ``inspector.ui.geometry`` always uses the INI format in the user
scope, and this fixture points exactly that at ``tmp_path``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector.context import AppContext
from inspector.domain.users import User
from inspector.ui.language import apply_language
from inspector.ui.uicontext import UiContext


@pytest.fixture(autouse=True)
def _window_state_in_tmp(tmp_path: Path) -> Path:
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def _clean_application(qapp: QApplication) -> Iterator[None]:
    """After each test: English again, and no window left behind.

    pytest-qt closes the widgets a test registered but does not delete them. A main window left
    from an earlier test would still receive the next test's ``QEvent.LanguageChange`` and try
    to read its own (closed) database.
    """
    yield
    apply_language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_unexpected_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody expected fails the test at once (offscreen, its ``exec`` would wait
    forever and the run would hang). Tests that expect one patch it or ``show_error``."""

    def unexpected(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message box: {box.text()} {box.informativeText()}".strip())

    monkeypatch.setattr(QMessageBox, "exec", unexpected)


@pytest.fixture
def sign_in(context: AppContext) -> Callable[[User], UiContext]:
    """``sign_in(user)`` → a UiContext over the test's data folder with ``user`` signed in."""

    def make(user: User) -> UiContext:
        ui = UiContext(app=context)
        ui.sign_in(user)
        return ui

    return make
