"""Tools → Backups and restore…: the list, back up now, the keep setting, restoring (asked first,
refused for a bad file, not offered to a supervisor) and the start again afterwards; the desktop
app's daily backup at start.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector import app as app_module
from inspector.context import AppContext, open_context
from inspector.domain.backups import BackupReason
from inspector.domain.errors import InspectorError
from inspector.domain.users import Role, User
from inspector.ui.dialogs import backups as backups_dialog
from inspector.ui.dialogs.backups import BackupsDialog
from inspector.ui.mainwindow import MainWindow
from tests.conftest import PASSWORD
from tests.ui.test_app import Run
from tests.ui.test_app import _restore_application_look  # noqa: F401 - autouse: main() styles the app

CHINA = timezone(timedelta(hours=8))


def _usernames(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [row[0] for row in conn.execute("SELECT username FROM users ORDER BY username")]
    finally:
        conn.close()


@pytest.fixture
def two_backups(context: AppContext, admin: User) -> AppContext:
    times = iter([datetime(2026, 11, 30, 8, 0, tzinfo=CHINA), datetime(2026, 12, 1, 8, 0, tzinfo=CHINA),
                  datetime(2026, 12, 1, 9, 0, tzinfo=CHINA)])
    context.services.clock = lambda: next(times)
    context.backups.make(BackupReason.DAILY)
    context.backups.make(BackupReason.MIGRATION)
    context.services.clock = lambda: datetime(2026, 12, 1, 10, 0, tzinfo=CHINA)
    return context


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Answers for the confirmation (Cancel, then Yes), and every box and error shown."""
    seen: dict[str, list[Any]] = {"questions": [], "information": [], "errors": []}
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        seen["questions"].append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: seen["information"].append(text))
    monkeypatch.setattr(backups_dialog, "show_error", lambda parent, error: seen["errors"].append(error.code))
    return seen


def test_the_list_shows_date_reason_size_and_back_up_now_adds_one(qtbot: Any, two_backups: AppContext,
                                                                  admin: User, sign_in: Any) -> None:
    dialog = BackupsDialog(sign_in(admin))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(0, column).text() for column in (0, 1)] == ["2026-12-01 08:00", "Before an upgrade"]
    assert [dialog.table.item(1, column).text() for column in (0, 1)] == ["2026-11-30 08:00", "Daily"]
    assert dialog.table.item(0, 2).text().endswith(("KiB", "KB", "MiB", "MB")) and dialog.table.item(0, 3).text() == "0"
    assert dialog.restore_button.isEnabled() and dialog.keep.value() == 14

    info = dialog.back_up_now()
    assert info is not None and info.reason == "manual"
    assert dialog.table.rowCount() == 3 and dialog.table.item(0, 1).text() == "By hand"
    assert info.path.name in dialog.status.text()


def test_keep_is_saved_as_the_setting(qtbot: Any, two_backups: AppContext, admin: User, sign_in: Any) -> None:
    dialog = BackupsDialog(sign_in(admin))
    qtbot.addWidget(dialog)
    dialog.keep.setValue(5)
    dialog.save_keep()
    assert two_backups.settings.get().backups_keep == 5


def test_a_supervisor_may_back_up_but_not_restore(qtbot: Any, two_backups: AppContext, admin: User,
                                                  sign_in: Any) -> None:
    supervisor, _ = two_backups.users.create(admin, username="sup1", display_name="sup1", role=Role.SUPERVISOR,
                                             password=PASSWORD)
    dialog = BackupsDialog(sign_in(supervisor))
    qtbot.addWidget(dialog)
    assert dialog.back_up_button.isEnabled()
    assert not dialog.restore_button.isEnabled() and not dialog.restore_file_button.isEnabled()
    assert not dialog.keep.isEnabled()
    assert dialog.restore(two_backups.backups.list()[0].path) is False


def test_restore_asks_first_then_replaces_the_database_and_starts_again(
        qtbot: Any, two_backups: AppContext, admin: User, sign_in: Any, messages: dict[str, list[Any]]) -> None:
    two_backups.users.create(admin, username="later", display_name="later", role=Role.SUPERVISOR, password=PASSWORD)
    restarts: list[bool] = []
    dialog = BackupsDialog(sign_in(admin), on_restart=lambda: restarts.append(True))
    qtbot.addWidget(dialog)
    database = two_backups.paths.database

    assert dialog.restore_selected() is False  # Cancel
    assert _usernames(database) == ["admin", "later"] and restarts == []
    assert "2026-12-01 08:00" in messages["questions"][0] and "before an upgrade" in messages["questions"][0]
    assert "kept aside" in messages["questions"][0] and "starts again" in messages["questions"][0]

    assert dialog.restore_selected() is True  # Yes
    assert _usernames(database) == ["admin"] and restarts == [True] and dialog.restored
    assert "inspector.db.before-restore-20261201-100000" in messages["information"][0]
    assert _usernames(database.with_name("inspector.db.before-restore-20261201-100000")) == ["admin", "later"]


def test_a_bad_file_is_refused_before_anything_is_asked(qtbot: Any, two_backups: AppContext, admin: User,
                                                        sign_in: Any, messages: dict[str, list[Any]],
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    junk = tmp_path / "photo.db"
    junk.write_bytes(b"\xff\xd8\xff not a database")
    monkeypatch.setattr(BackupsDialog, "choose_file", classmethod(lambda cls, parent: junk))
    dialog = BackupsDialog(sign_in(admin), on_restart=lambda: pytest.fail("must not restart"))
    qtbot.addWidget(dialog)
    before = two_backups.paths.database.read_bytes()
    assert dialog.restore_from_file() is False
    assert messages["errors"] == ["backup_not_sqlite"] and messages["questions"] == []
    assert two_backups.paths.database.read_bytes() == before


def test_without_a_restart_hook_the_window_closes(qtbot: Any, two_backups: AppContext, admin: User,
                                                  sign_in: Any, messages: dict[str, list[Any]]) -> None:
    window = app_module.build_main_window(sign_in(admin))
    qtbot.addWidget(window)
    window.show()
    assert window.backups_action in window.tools_menu.actions()
    dialog = BackupsDialog(window.ui, window)
    messages["questions"].clear()
    dialog.restore_selected()  # Cancel
    assert dialog.restore_selected() is True
    assert "start it again" in messages["information"][0]
    assert not window.isVisible()


def test_the_menu_opens_the_dialog(qtbot: Any, admin: User, sign_in: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[BackupsDialog] = []
    monkeypatch.setattr(BackupsDialog, "exec", lambda self: opened.append(self) or 0)
    window = app_module.build_main_window(sign_in(admin), on_restart=lambda: None)
    qtbot.addWidget(window)
    window.backups_action.trigger()
    assert len(opened) == 1 and opened[0].on_restart is window.on_restart
    assert window.backups_action.text() == "&Backups and restore…"


def test_the_app_backs_up_at_the_days_first_start_and_restarts_after_a_restore(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "office"
    Run(monkeypatch)
    assert app_module.main(["--data-dir", str(folder), "--lang", "en"]) == 0  # first run: nothing to back up yet
    context = open_context(folder)
    try:
        assert context.backups.list() == []
    finally:
        context.close()

    started: list[list[str]] = []
    monkeypatch.setattr(app_module, "start_again", lambda arguments: started.append(list(arguments)) or True)

    def exec_and_restart(*_app: QApplication) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        window = windows[-1]
        [daily] = window.ui.app.backups.list()  # made at this start, before the sign-in
        assert daily.reason == "daily"
        assert window.on_restart is not None
        window.on_restart()  # what the dialog calls once the backup is in place
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_and_restart))
    assert app_module.main(["--data-dir", str(folder), "--lang", "en"]) == 0
    assert started == [["--data-dir", str(folder), "--lang", "en"]]


def test_a_failed_daily_backup_is_said_and_the_app_still_starts(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "full-disk"
    Run(monkeypatch)
    assert app_module.main(["--data-dir", str(folder), "--lang", "en"]) == 0
    from inspector.services.backups import BackupService
    from inspector.ui.dialogs import errors

    def fail(self: BackupService) -> None:
        raise InspectorError("backup_write_failed", file="x.db", reason="No space left on device")

    shown: list[str] = []
    monkeypatch.setattr(BackupService, "ensure_daily", fail)
    monkeypatch.setattr(errors, "show_error", lambda parent, error: shown.append(error.code))
    run = Run(monkeypatch)
    assert app_module.main(["--data-dir", str(folder), "--lang", "en"]) == 0
    assert shown == ["backup_write_failed"] and run.window is not None
