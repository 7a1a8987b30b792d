"""The exchange screens (#20) on real data folders: the quality office (wangfang, with the CA and
certificates, built once through ``inspector-cli`` and copied per test) and fresh laptops.

Export at the office for a user in the background, import on a fresh laptop (it joins), the
summary's counts, the same file again (nothing new), cancel (no file, nothing logged), a tampered
file (the refusal's own sentence, nothing changed), drag-and-drop (an .inspx is taken, other
files are not), the status line on a laptop and at the office, the office's status dialog with a
lost file named, the settings group (device id, rename by the office only) and the export dialog.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import threading
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton

from inspector.cli import main as cli_main
from inspector.context import AppContext, open_context
from inspector.domain.inspections import InspectionMode
from inspector.domain.errors import InspectorError
from inspector.ui import exchange_actions
from inspector.ui.dialogs import errors
from inspector.ui.dialogs.exchange_export import ExportDialog
from inspector.ui.dialogs.exchange_status import ExchangeStatusDialog
from inspector.ui.dialogs.exchange_summary import ExchangeSummaryDialog
from inspector.ui.dialogs.login import LoginDialog
from inspector.ui.exchange_actions import exchange_file_in
from inspector.ui.exchange_work import ExportRequest
from inspector.ui.language import apply_language
from inspector.ui.mainwindow import MainWindow
from inspector.ui.uicontext import UiContext
from inspector.words.exchange_labels import side_label
from tests.exchange.organisation import photo_files, record_inspection

PASSWORD = "demo1234"
LOCAL_ADMIN = "local-admin"
TASK_TIMEOUT_MS = 60_000


def _cli(*argv: str) -> str:
    os.environ["INSPECTOR_PASSWORD"] = PASSWORD
    os.environ["INSPECTOR_CERT_PASSWORD"] = PASSWORD
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()) as err:
            code = cli_main.main(list(argv))
    finally:
        os.environ.pop("INSPECTOR_PASSWORD", None)
        os.environ.pop("INSPECTOR_CERT_PASSWORD", None)
    assert code == 0, f"inspector-cli {' '.join(argv)}: {err.getvalue()}"
    return out.getvalue()


@pytest.fixture(scope="module")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """init, the demo's registry and accounts, the office named 质量办, the CA and certificates."""
    root = tmp_path_factory.mktemp("office-template") / "office"
    _cli("--data-dir", str(root), "init", "--admin-password", PASSWORD)
    _cli("--data-dir", str(root), "--user", "admin", "demo", "--inspections", "0")
    _cli("--data-dir", str(root), "--user", "wangfang", "device", "--name", "质量办")
    _cli("--data-dir", str(root), "--user", "wangfang", "certs", "init-ca")
    for user in ("wangfang", "zhangwei", "lina"):
        _cli("--data-dir", str(root), "--user", "wangfang", "certs", "issue", user)
    return root


@pytest.fixture
def office(tmp_path: Path, office_template: Path) -> Iterator[AppContext]:
    root = tmp_path / "office"
    shutil.copytree(office_template, root)
    context = open_context(root)
    yield context
    context.close()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[AppContext]:
    """A freshly initialised data folder: only its local administrator."""
    context = open_context(tmp_path / "laptop")
    context.users.create_first_admin("admin", "本机管理员", LOCAL_ADMIN)
    yield context
    context.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every error box the screens show: (code, the sentence the box says)."""
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_error",
                        lambda parent, error: seen.append((error.code, errors.error_box(parent, error).text())))
    return seen


def window_for(qtbot: Any, context: AppContext, username: str, password: str) -> MainWindow:
    ui = UiContext(app=context)
    ui.sign_in(context.users.authenticate(username, password))
    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    return window


def finish(qtbot: Any, window: MainWindow, started: bool) -> Any:
    """Wait for the running export or import; the value it delivered (or the error it refused with)."""
    assert started
    outcome: list[Any] = []
    window.exchange.done.connect(outcome.append)
    window.exchange.refused.connect(outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=TASK_TIMEOUT_MS)
    assert not window.exchange.busy and window.exchange.progress is None
    return outcome[0]


def export_for(qtbot: Any, office_window: MainWindow, target: Path, user: str = "zhangwei") -> Any:
    return finish(qtbot, office_window, office_window.exchange.export_file(
        ExportRequest(path=target, password=PASSWORD, for_user=user)))


def joined_laptop(qtbot: Any, tmp_path: Path, office: AppContext, laptop: AppContext) -> tuple[MainWindow, Path]:
    """The office's window writes zhangwei's file, the laptop imports it and joins; the laptop's window."""
    office_window = window_for(qtbot, office, "wangfang", PASSWORD)
    target = tmp_path / "for-zhangwei.inspx"
    export_for(qtbot, office_window, target)
    laptop_window = window_for(qtbot, laptop, "admin", LOCAL_ADMIN)
    finish(qtbot, laptop_window, laptop_window.exchange.import_file(target))
    return laptop_window, target


def test_office_exports_for_a_user_and_a_fresh_laptop_joins_with_it(
        qtbot: Any, tmp_path: Path, office: AppContext, laptop: AppContext, shown: list[tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    office_window = window_for(qtbot, office, "wangfang", PASSWORD)
    target = tmp_path / "for-zhangwei.inspx"
    result = export_for(qtbot, office_window, target)
    assert shown == []
    assert target.is_file() and result.path == target and result.sequence == 1
    assert result.counts["user"] >= 3 and result.counts["template_version"] >= 1
    assert str(target) in office_window.exchange.last_message
    assert zipfile.is_zipfile(target)

    laptop_window = window_for(qtbot, laptop, "admin", LOCAL_ADMIN)
    settings = laptop_window.go_to("settings")  # built before the import: it must refresh itself
    assert settings.device_group.side.text() == side_label("unjoined")
    summary = finish(qtbot, laptop_window, laptop_window.exchange.import_file(target))
    assert shown == []
    assert summary.joined and not summary.repeated
    dialog = laptop_window.exchange.summary
    assert isinstance(dialog, ExchangeSummaryDialog) and dialog.isVisible()
    table = {dialog.table.item(row, 0).text(): (int(dialog.table.item(row, 1).text()),
                                                 int(dialog.table.item(row, 2).text()))
             for row in range(dialog.table.rowCount())}
    assert table["User accounts"] == (result.counts["user"], 0)
    assert table["Checklist versions"] == (result.counts["template_version"], 0)
    assert table["Vehicles"] == (result.counts["vehicle"], 0)
    assert "sign in as zhangwei" in dialog.joined.text() and dialog.sign_in_button.isVisible()
    assert dialog.headline.text() == f"{sum(summary.new.values())} new records and 0 new photos came in."
    # The pages reloaded: the settings page now shows the organisation it joined.
    assert settings.device_group.side.text() == side_label("laptop")
    assert laptop.exchange.device().organisation_id in settings.device_group.organisation.text()
    assert laptop.exchange.device().side == "laptop"
    assert laptop_window.windowTitle().endswith(office.settings.get().organisation_name_en)

    # "Sign in…" is Switch user…: zhangwei signs in with the password the office set.
    zhangwei = laptop.users.authenticate("zhangwei", PASSWORD)
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, parent, users, **_: zhangwei))
    dialog.sign_in_button.click()
    assert laptop_window.ui.user.username == "zhangwei" and not dialog.isVisible()

    # The same file again: nothing new, said so, nothing changed.
    again = finish(qtbot, laptop_window, laptop_window.exchange.import_file(target))
    assert again.repeated
    assert laptop_window.exchange.summary.headline.text() == "Nothing new: this file came in before."
    assert not laptop_window.exchange.summary.table.isVisible()


def test_cancel_leaves_no_file_and_logs_nothing(
        qtbot: Any, tmp_path: Path, office: AppContext, shown: list[tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelled in the middle of writing (the temporary file is there): no file, nothing logged."""
    reached, resume = threading.Event(), threading.Event()
    real = exchange_actions.export_file

    def paused(root: Path, actor: Any, request: ExportRequest, *, progress: Any, cancelled: Any) -> Any:
        def report(fraction: float) -> None:
            progress(fraction)
            if not reached.is_set():
                reached.set()
                resume.wait(10)

        return real(root, actor, request, progress=report, cancelled=cancelled)

    monkeypatch.setattr(exchange_actions, "export_file", paused)
    window = window_for(qtbot, office, "wangfang", PASSWORD)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "for-lina.inspx"
    assert window.exchange.export_file(ExportRequest(path=target, password=PASSWORD, for_user="lina"))
    assert window.exchange.busy and window.exchange.progress is not None
    assert not window.exchange.export_action.isEnabled()  # one exchange at a time
    assert reached.wait(30)
    assert [path.suffix for path in folder.iterdir()] == [".part"]  # writing, under a temporary name
    window.exchange.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    assert window.exchange.progress.isVisible() and window.exchange.progress.labelText() == "Cancelling…"
    resume.set()
    error = finish(qtbot, window, True)
    assert isinstance(error, InspectorError) and error.code == "exchange_cancelled"
    assert shown == []  # a cancel is no error box, only a line
    assert "Cancelled" in window.exchange.last_message
    assert list(folder.iterdir()) == []  # no file, no temporary file
    assert office.exchange.status() == []  # no file logged as sent
    # The next export is file 1 again.
    monkeypatch.setattr(exchange_actions, "export_file", real)
    assert export_for(qtbot, window, target, "lina").sequence == 1
    assert [path.name for path in folder.iterdir()] == ["for-lina.inspx"]


def _tampered_copy(source: Path, target: Path) -> None:
    """``source`` with one character of a record changed, zipped again member by member."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        changed = False
        for info in original.infolist():
            data = original.read(info)
            if not changed and info.filename.endswith("/data/records/vehicle.jsonl"):
                data = data.replace("粤".encode(), "湘".encode(), 1)
                changed = True
            copy.writestr(info, data)
    assert changed


def test_a_tampered_file_is_refused_in_words_and_nothing_changes(
        qtbot: Any, tmp_path: Path, office: AppContext, laptop: AppContext, shown: list[tuple[str, str]]) -> None:
    office_window = window_for(qtbot, office, "wangfang", PASSWORD)
    good = tmp_path / "for-zhangwei.inspx"
    export_for(qtbot, office_window, good)
    bad = tmp_path / "tampered.inspx"
    _tampered_copy(good, bad)
    laptop_window = window_for(qtbot, laptop, "admin", LOCAL_ADMIN)
    error = finish(qtbot, laptop_window, laptop_window.exchange.import_file(bad))
    assert error.code == "exchange_tampered"
    assert len(shown) == 1
    code, sentence = shown[0]
    assert code == "exchange_tampered"
    assert sentence.startswith(bad.name) and "was changed after it was signed" in sentence
    assert "Traceback" not in sentence and "{" not in sentence
    assert laptop_window.exchange.summary is None
    assert laptop.exchange.device().side == "unjoined"
    assert laptop.users.list(laptop.users.by_username("admin")) == [laptop.users.by_username("admin")]


def _drop(window: MainWindow, *paths: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    return event


def test_an_inspx_dropped_on_the_window_is_imported_and_other_files_are_not(
        qtbot: Any, tmp_path: Path, office: AppContext, laptop: AppContext, shown: list[tuple[str, str]]) -> None:
    office_window = window_for(qtbot, office, "wangfang", PASSWORD)
    target = tmp_path / "for-zhangwei.inspx"
    export_for(qtbot, office_window, target)
    other = tmp_path / "notice.pdf"
    other.write_bytes(b"%PDF-1.7\n")
    window = window_for(qtbot, laptop, "admin", LOCAL_ADMIN)
    assert window.acceptDrops()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    assert exchange_file_in(mime) is None and not window.exchange.accepts(mime)
    ignored = _drop(window, other)
    assert not ignored.isAccepted() and not window.exchange.busy
    assert exchange_file_in(QMimeData()) is None

    mime.setUrls([QUrl.fromLocalFile(str(other)), QUrl.fromLocalFile(str(target))])
    assert exchange_file_in(mime) == target and window.exchange.accepts(mime)
    taken = _drop(window, other, target)
    assert taken.isAccepted()
    summary = finish(qtbot, window, True)
    assert summary.joined and shown == []
    assert laptop.exchange.device().side == "laptop"


def test_the_laptop_status_line_says_when_and_how_much_waits(
        qtbot: Any, tmp_path: Path, office: AppContext, laptop: AppContext, shown: list[tuple[str, str]]) -> None:
    window, _ = joined_laptop(qtbot, tmp_path, office, laptop)
    today = date.today()
    day = today.strftime("%b ") + str(today.day)
    assert window.exchange.status_label.text() == f"Last exchange with 质量办: {day} · 0 waiting to be sent"
    record_inspection(laptop.paths.root, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0,
                      photo=photo_files()[0])
    waiting = laptop.exchange.status()[0].waiting
    assert waiting > 0
    assert window.exchange.refresh_status() == f"Last exchange with 质量办: {day} · {waiting} waiting to be sent"
    apply_language("zh_CN")
    assert window.exchange.refresh_status() == f"上次与质量办交换：{today.month}月{today.day}日 · 待发送 {waiting} 条"
    apply_language("en")

    # The local administrator has no certificate to sign with: refused before any password is asked.
    assert not window.exchange.export_file() and shown[-1][0] == "exchange_no_certificate"
    # zhangwei sends it to the office; the line follows the send.
    zhangwei = window_for(qtbot, laptop, "zhangwei", PASSWORD)
    sent = finish(qtbot, zhangwei, zhangwei.exchange.export_file(ExportRequest(path=tmp_path / "to-office.inspx",
                                                                               password=PASSWORD)))
    assert len(shown) == 1 and sent.sequence == 1 and sent.counts["inspection"] == 1
    assert zhangwei.exchange.status_label.text().startswith(f"Last exchange with 质量办: {day}")


def test_the_office_status_dialog_names_a_lost_file(
        qtbot: Any, tmp_path: Path, office: AppContext, laptop: AppContext, shown: list[tuple[str, str]]) -> None:
    laptop_window, _ = joined_laptop(qtbot, tmp_path, office, laptop)
    laptop_window.close()
    record_inspection(laptop.paths.root, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0,
                      photo=photo_files()[0])
    zhangwei = laptop.users.authenticate("zhangwei", PASSWORD)
    window = window_for(qtbot, laptop, "zhangwei", PASSWORD)
    first, second = tmp_path / "1.inspx", tmp_path / "2.inspx"
    finish(qtbot, window, window.exchange.export_file(ExportRequest(path=first, password=PASSWORD)))
    finish(qtbot, window, window.exchange.export_file(ExportRequest(path=second, password=PASSWORD,
                                                                    everything=True)))
    assert zhangwei.username == "zhangwei"

    office_window = window_for(qtbot, office, "wangfang", PASSWORD)
    assert office_window.exchange.refresh_status() == "No exchange file received from a laptop yet"
    inspections = office_window.go_to("inspections").list_page  # built before: it must reload itself
    before = inspections.model.rowCount()
    summary = finish(qtbot, office_window, office_window.exchange.import_file(second))  # file 1 is lost
    assert summary.new["inspection"] == 1 and summary.gaps == (1,)
    assert inspections.model.rowCount() == before + 1
    assert shown == []
    assert "Files 1 from" in office_window.exchange.summary.gaps.text()
    laptop_name = laptop.exchange.device().name
    today = date.today()
    line = office_window.exchange.status_label.text()
    assert line == (f"Laptops reported: 1 · latest file {today.strftime('%b ')}{today.day} from {laptop_name}"
                    " · 1 files missing")

    dialog = ExchangeStatusDialog(office_window.ui, office_window)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(row, 0).text(): [dialog.table.item(row, column).text()
                                               for column in range(dialog.COLUMNS)]
            for row in range(dialog.table.rowCount())}
    assert rows[laptop_name][2] == "2" and rows[laptop_name][5] == "1"  # received up to 2, 1 missing
    assert rows["zhangwei"][4] == "1" and rows["zhangwei"][1] == "never"  # one file sent to zhangwei
    assert "质量办" in dialog.device_line.text() and side_label("office") in dialog.device_line.text()


def test_settings_show_the_device_and_only_the_office_renames_it(
        qtbot: Any, office: AppContext, shown: list[tuple[str, str]]) -> None:
    window = window_for(qtbot, office, "wangfang", PASSWORD)
    group = window.go_to("settings").device_group
    device = office.exchange.device()
    assert group.device_id.text() == device.device_id and group.name.text() == "质量办"
    assert group.side.text() == side_label("office")
    assert device.organisation_id in group.organisation.text()
    assert group.rename_button.isVisible() and not group.rename_button.isEnabled()
    group.name.setText("质量办（总部）")
    assert group.rename_button.isEnabled()
    assert group.rename() is not None
    assert office.exchange.device().name == "质量办（总部）" and shown == []
    group.name.setText("")
    assert group.rename() is None and shown[-1][0] == "device_name_invalid"

    supervisor = window_for(qtbot, office, "zhangwei", PASSWORD)
    read_only = supervisor.go_to("settings").device_group
    assert read_only.name.isReadOnly() and not read_only.rename_button.isVisible()
    assert read_only.rename() is None and office.exchange.device().name == "质量办（总部）"


def test_the_export_dialog_asks_whom_for_at_the_office_and_everything_on_a_laptop(
        qtbot: Any, tmp_path: Path, office: AppContext) -> None:
    ui = UiContext(app=office)
    ui.sign_in(office.users.authenticate("wangfang", PASSWORD))
    people = [person for person in office.users.list(ui.user) if person.username != "wangfang"]
    dialog = ExportDialog(ui, True, ui.user.display_name, people)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.people.count() == len(people) and not ok.isEnabled()
    assert dialog.choose_user("lina")
    assert Path(dialog.file.text()).name.startswith("lina-") and not ok.isEnabled()
    dialog.password.setText(PASSWORD)
    assert ok.isEnabled()
    request = dialog.request()
    assert request.for_user == "lina" and request.password == PASSWORD and request.path.suffix == ".inspx"
    assert not request.everything and dialog.everything.isHidden()

    laptop = ExportDialog(ui, False, ui.user.display_name, [], device_name="zhangwei-pc")
    qtbot.addWidget(laptop)
    assert laptop.people.isHidden() and Path(laptop.file.text()).name.startswith("zhangwei-pc-")
    laptop.everything.setChecked(True)
    laptop.password.setText("x")
    laptop.file.setText(str(tmp_path / "to-office"))
    request = laptop.request()
    assert request.everything and request.for_user is None and request.path == tmp_path / "to-office.inspx"


def test_export_refuses_before_asking_when_there_is_nothing_to_sign_with(
        qtbot: Any, laptop: AppContext, office: AppContext, shown: list[tuple[str, str]]) -> None:
    unjoined = window_for(qtbot, laptop, "admin", LOCAL_ADMIN)
    assert not unjoined.exchange.export_file()
    assert shown[-1][0] == "exchange_not_joined"
    manager = window_for(qtbot, office, "liuyang", PASSWORD)  # at the office without EDIT_SETTINGS
    assert not manager.exchange.export_file()
    assert shown[-1][0] == "permission_denied"
