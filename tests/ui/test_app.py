"""``inspector.app.main``: first run, sign-in, demo, a folder already open, a database too new.

Dialogs are replaced through their ``ask`` classmethods and the event loop through
``QApplication.exec``, so each test runs ``main`` from start to finish without a person.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector import app as app_module
from inspector.context import open_context
from inspector.domain.registry import RegistryKind
from inspector.domain.users import User
from inspector.paths import DataPaths
from inspector.demo import company
from inspector.demo.company import DEMO_PASSWORD
from inspector.services.users import UserService
from inspector.storage.migrations import MIGRATIONS
from inspector.ui.dialogs.first_admin import FirstAdminDialog
from inspector.ui.dialogs.login import LoginDialog
from inspector.ui.mainwindow import MainWindow


@pytest.fixture(autouse=True)
def _restore_application_look(qapp: QApplication) -> Any:
    """``main`` styles the one shared QApplication; later tests get it back as it was."""
    font, sheet, name = qapp.font(), qapp.styleSheet(), qapp.applicationName()
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setApplicationName(name)


class Run:
    """What happened during one ``main`` run: dialogs asked, messages shown, the window on show."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, password: str | None = "secret-pass") -> None:
        self.logins: list[dict[str, Any]] = []
        self.messages: list[str] = []
        self.window: MainWindow | None = None
        self.password = password
        monkeypatch.setattr(FirstAdminDialog, "ask", classmethod(self._first_admin))
        monkeypatch.setattr(LoginDialog, "ask", classmethod(self._login))
        monkeypatch.setattr(QApplication, "exec", self._exec)
        monkeypatch.setattr(QMessageBox, "warning", self._message)
        monkeypatch.setattr(QMessageBox, "critical", self._message)

    def _first_admin(self, cls: type, parent: Any, users: UserService) -> User:
        user, _ = users.create_first_admin("chief", "王主任", "secret-pass")
        return user

    def _login(self, cls: type, parent: Any, users: UserService, **kwargs: Any) -> User | None:
        self.logins.append(kwargs)
        if self.password is None:
            return None
        return users.authenticate(kwargs.get("username") or "chief", self.password)

    def _exec(self, *_app: QApplication) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        self.window = windows[-1] if windows else None
        if self.window is not None:
            self.window.close()
        return 0

    def _message(self, parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        self.messages.append(text)
        return QMessageBox.StandardButton.Ok


def test_first_run_creates_the_admin_signs_in_and_shows_the_window(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run = Run(monkeypatch)
    folder = tmp_path / "fresh"

    assert app_module.main(["--data-dir", str(folder), "--lang", "en"]) == 0

    assert run.messages == []
    assert run.logins == [{"username": "chief", "hint": ""}]  # the new admin's name is filled in
    assert run.window is not None and run.window.ui.user.username == "chief"
    assert run.window.nav.count() == 9
    assert qapp.applicationName() == "Inspector"
    assert qapp.font().family() == "WenQuanYi Micro Hei"
    context = open_context(folder)
    try:
        assert len(context.templates.list(context.users.by_username("chief"))) >= 3  # built-ins loaded
    finally:
        context.close()
    assert app_module.acquire_instance_lock(DataPaths(folder)) is not None  # released on exit


def test_cancelled_sign_in_ends_quietly(qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run = Run(monkeypatch, password=None)
    assert app_module.main(["--data-dir", str(tmp_path / "d")]) == 0
    assert run.window is None and len(run.logins) == 1


def test_a_folder_already_open_is_refused_in_plain_words(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run = Run(monkeypatch)
    folder = tmp_path / "busy"
    held = app_module.acquire_instance_lock(DataPaths(folder))
    assert held is not None
    try:
        assert app_module.main(["--data-dir", str(folder), "--lang", "en"]) == app_module.EXIT_LOCKED
    finally:
        held.unlock()
    assert len(run.messages) == 1 and "already open" in run.messages[0] and str(folder) in run.messages[0]
    assert run.logins == [] and run.window is None


def test_a_database_from_a_newer_version_is_refused(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "newer"
    open_context(folder).close()
    conn = sqlite3.connect(str(DataPaths(folder).database))
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                     [MIGRATIONS.name, "9999_future", "2099-01-01 00:00:00+00:00"])
    conn.close()
    run = Run(monkeypatch)

    assert app_module.main(["--data-dir", str(folder), "--lang", "en"]) == app_module.EXIT_CANNOT_OPEN

    assert len(run.messages) == 1 and "newer version" in run.messages[0]
    assert run.logins == []


def _demo_audit_rows(folder: Path) -> int:
    conn = sqlite3.connect(str(folder / "inspector.db"))
    try:
        return int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        conn.close()


def test_demo_is_made_once_beside_the_data_folder_and_reused(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = tmp_path / "real" / "Inspector"
    demo = tmp_path / "real" / "Inspector-demo"
    monkeypatch.setattr(app_module, "DEMO_INSPECTIONS", 3)  # the shape of the demo, not its size
    run = Run(monkeypatch, password=DEMO_PASSWORD)
    made: list[int] = []
    real_create = company.create_demo

    def counting(*args: Any, **kwargs: Any) -> Any:
        made.append(1)
        return real_create(*args, **kwargs)

    monkeypatch.setattr(company, "create_demo", counting)

    assert app_module.main(["--data-dir", str(real), "--demo", "--lang", "en"]) == 0
    first = _demo_audit_rows(demo)
    assert app_module.main(["--data-dir", str(real), "--demo", "--lang", "en"]) == 0

    assert made == [1]  # the second start reused the folder the first one made
    assert _demo_audit_rows(demo) == first
    assert run.messages == []
    assert [login["username"] for login in run.logins] == ["admin", "admin"]
    assert DEMO_PASSWORD in run.logins[0]["hint"] and DEMO_PASSWORD in run.logins[1]["hint"]
    assert run.window is not None and run.window.ui.app.paths.root == demo
    assert run.window.reset_demo_action in run.window.file_menu.actions()
    assert not real.exists()  # the real data folder was never touched
    context = open_context(demo)
    try:
        counts = context.registry.counts(context.users.by_username("admin"))
        assert counts[RegistryKind.UNITS] > 0
    finally:
        context.close()

    assert app_module.main(["--data-dir", str(real), "--demo", "--reset", "--lang", "en"]) == 0
    assert made == [1, 1]  # --reset makes it afresh


def test_an_interrupted_demo_is_made_again(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A demo folder without its completion marker (the build was killed) is not reused."""
    real = tmp_path / "real" / "Inspector"
    demo = DataPaths(tmp_path / "real" / "Inspector-demo").ensure()
    (demo.root / "inspector.db").write_bytes(b"")  # what a killed first build may leave
    monkeypatch.setattr(app_module, "DEMO_INSPECTIONS", 0)
    run = Run(monkeypatch, password=DEMO_PASSWORD)

    assert app_module.main(["--data-dir", str(real), "--demo", "--lang", "en"]) == 0

    assert run.messages == [] and app_module.demo_made_on(demo) is not None


def test_reset_demo_data_from_the_menu_asks_first_then_starts_again(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = tmp_path / "real" / "Inspector"
    monkeypatch.setattr(app_module, "DEMO_INSPECTIONS", 0)
    started: list[list[str]] = []
    monkeypatch.setattr(app_module, "start_again", lambda arguments: started.append(list(arguments)) or True)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    run = Run(monkeypatch, password=DEMO_PASSWORD)

    def exec_and_reset(*_app: QApplication) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        window = windows[-1]
        assert window.reset_demo_action in window.file_menu.actions()
        assert window.reset_demo() is False  # Cancel: nothing happens
        assert started == []
        assert window.reset_demo() is True
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_and_reset))
    assert app_module.main(["--data-dir", str(real), "--demo", "--lang", "en"]) == 0

    assert started == [["--data-dir", str(real), "--demo", "--reset", "--lang", "en"]]


def test_no_reset_demo_item_on_a_real_data_folder(qtbot: Any, admin: Any, sign_in: Any) -> None:
    window = app_module.build_main_window(sign_in(admin))
    qtbot.addWidget(window)
    assert window.reset_demo_action not in window.file_menu.actions()


def test_reset_refuses_anything_but_a_demo_folder(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "Inspector").ensure()
    (paths.root / "inspector.db").write_bytes(b"precious")
    with pytest.raises(ValueError):
        app_module.reset_demo_folder(paths)
    assert (paths.root / "inspector.db").read_bytes() == b"precious"


@pytest.mark.parametrize("damage", ["corrupt-page", "text-file", "symlink"])
def test_a_damaged_database_is_explained_in_a_dialog_and_left_alone(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, damage: str
) -> None:
    from tests.hostile import corpus

    folder = corpus.healthy_data_folder(tmp_path / "damaged")
    damaged = corpus.DAMAGES[damage](folder)
    run = Run(monkeypatch)
    # A damaged page deep inside shows only when the main window first reads it, after sign-in.
    monkeypatch.setattr(LoginDialog, "ask", classmethod(
        lambda cls, parent, users, **kwargs: users.authenticate("admin", corpus.PASSWORD)))

    assert app_module.main(["--data-dir", str(folder), "--lang", "en"]) == app_module.EXIT_CANNOT_OPEN

    assert len(run.messages) == 1 and str(damaged) in run.messages[0]
    assert run.logins == [] and run.window is None


def test_a_damaged_database_reads_in_chinese_with_the_way_out(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.hostile import corpus

    folder = corpus.healthy_data_folder(tmp_path / "damaged")
    corpus.truncate_half(folder)
    run = Run(monkeypatch)

    assert app_module.main(["--data-dir", str(folder), "--lang", "zh_CN"]) == app_module.EXIT_CANNOT_OPEN

    assert len(run.messages) == 1 and "损坏" in run.messages[0] and "备份与恢复" in run.messages[0]


def test_a_data_folder_that_is_a_file_is_explained(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    run = Run(monkeypatch)

    assert app_module.main(["--data-dir", str(target), "--lang", "en"]) == app_module.EXIT_CANNOT_OPEN

    assert len(run.messages) == 1 and "is a file, not a folder" in run.messages[0]
