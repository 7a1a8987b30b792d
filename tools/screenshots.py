"""Screenshots of every main page and every dialog, made offscreen on demo data.

    python tools/screenshots.py --out docs/screenshots [--lang zh_CN|en|all] [--size 1280x800]

The tool opens a fresh temporary data folder, fills it with ``create_demo``, signs the demo admin
(and, for one shot, a demo supervisor) in without any dialog, installs the translator, styles the
application with ``configure_application`` and saves ``OUT/<language>/<name>.png``:

- the main window at a fixed size on each page: ``dashboard``, ``inspections``, ``notices``,
  ``templates`` (a template selected, its item tree expanded, one item's standard shown),
  ``reports``, ``registry-units|vehicles|staff|locations``, ``settings``;
- ``registry-supervisor``: the registry as a supervisor sees it (editing buttons disabled);
- the dialogs, built directly and shown without ``exec`` (which would wait for a person):
  ``registry-edit-vehicle``, ``registry-import`` (a generated CSV with two bad rows), ``login``,
  ``first-admin``, ``password``, ``user-edit``;
- the checklist-template scenes of ``tools/screenshot_scenes.py`` (``TEMPLATE_SHOTS``);
- the exchange scenes of ``tools/screenshot_exchange_scenes.py`` (``EXCHANGE_SHOTS``): the export
  dialog, the import summaries, the status dialog, and a laptop that joined the demo office;
- the complaints scenes of ``tools/screenshot_complaint_scenes.py`` (``COMPLAINT_SHOTS``): the page
  as the quality office and as a depot's manager see it, the new-case and the result dialogs.

Nothing can wait for a person: ``exec`` of every dialog and the message-box shortcuts are
replaced while the tool runs, and a watchdog closes any modal window that still opens. Either
counts as a failure (exit status 1) because a screenshot run should never meet a dialog it did
not build itself. Without ``inspector_<language>.qm`` a language's shots show the English source
text (a warning says so).
"""

from __future__ import annotations

import os

# Offscreen, before Qt is imported anywhere (an offscreen screen configured by the caller, such
# as the tests' 1366×768 laptop screen, is kept).
if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

import argparse  # noqa: E402
import csv  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):  # the package, and the scene helpers beside this file
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEvent,
    QLockFile,
    QMessageLogContext,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget  # noqa: E402

from inspector.app import build_main_window, configure_application  # noqa: E402
from inspector.context import AppContext, open_context  # noqa: E402
from inspector.domain.registry import RegistryKind  # noqa: E402
from inspector.demo.company import DEMO_ADMIN, DEMO_PASSWORD, create_demo  # noqa: E402
from inspector.ui.dialogs.first_admin import FirstAdminDialog  # noqa: E402
from inspector.ui.dialogs.login import LoginDialog  # noqa: E402
from inspector.ui.dialogs.password import PasswordDialog  # noqa: E402
from inspector.ui.dialogs.registry_edit import RegistryEditDialog  # noqa: E402
from inspector.ui.dialogs.registry_import import RegistryImportDialog  # noqa: E402
from inspector.ui.dialogs.user_edit import UserEditDialog  # noqa: E402
from inspector.ui.language import apply_language  # noqa: E402
from inspector.ui.mainwindow import PAGE_KEYS, MainWindow  # noqa: E402
from inspector.ui.pages.registry import RegistryPage  # noqa: E402
from inspector.ui.pages.templates import TemplatesPage  # noqa: E402
from inspector.ui.uicontext import UiContext  # noqa: E402
from screenshot_scenes import (  # noqa: E402
    TEMPLATE_SHOTS, prepare_inspection_scene, prepare_template_scenes, shoot_editor_scene, shoot_template_scenes,
)
from screenshot_notice_scenes import (  # noqa: E402
    NOTICE_SHOTS, prepare_notice_scene, prepare_notices_page, shoot_notice_scenes,
)
from screenshot_settings_scenes import SETTINGS_SHOTS, shoot_settings_scenes  # noqa: E402
from screenshot_complaint_scenes import (  # noqa: E402
    COMPLAINT_SHOTS, prepare_complaint_scene, prepare_complaints_page, shoot_complaint_scenes,
)
from screenshot_exchange_scenes import (  # noqa: E402
    EXCHANGE_SHOTS, ExchangeScene, prepare_exchange_scene, shoot_exchange_scenes,
)

LANGUAGES = ("zh_CN", "en")
# A fixed folder, so that the paths on screen (status bar, import dialog) and so the images are
# the same on every run; a lock file beside it refuses a second run at the same time.
WORK_FOLDER = Path(tempfile.gettempdir()) / "inspector-screenshots"
EXIT_BUSY = 2
DEMO_SUPERVISOR = "zhangwei"
DEMO_OFFICE = "wangfang"  # the quality office: the template editor with Publish as they see it
WATCHDOG_MS = 250
REGISTRY_SHOTS = {RegistryKind.UNITS: "registry-units", RegistryKind.VEHICLES: "registry-vehicles",
                  RegistryKind.STAFF: "registry-staff", RegistryKind.LOCATIONS: "registry-locations"}
PAGE_SHOTS = [key for key in PAGE_KEYS if key != "registry"]
DIALOG_SHOTS = ["registry-edit-vehicle", "registry-import", "login", "first-admin", "password", "user-edit"]
# Every file one language produces (the smoke test checks them all).
SHOT_NAMES: tuple[str, ...] = (*PAGE_SHOTS, *REGISTRY_SHOTS.values(), "registry-supervisor", *DIALOG_SHOTS,
                               *TEMPLATE_SHOTS, *SETTINGS_SHOTS, *NOTICE_SHOTS, *EXCHANGE_SHOTS,
                               *COMPLAINT_SHOTS)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="screenshots", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder for <language>/<name>.png")
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all", help="language(s) to shoot")
    parser.add_argument("--size", default="1280x800", type=_size, help="main window size, WIDTHxHEIGHT")
    return parser.parse_args(argv)


def _size(text: str) -> QSize:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from error
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"{text} is too small")
    return QSize(width, height)


# --- nothing may wait for a person ------------------------------------------------------------
@contextmanager
def no_blocking_dialogs(blocked: list[str]) -> Iterator[None]:
    """Replace ``exec`` and the message-box and file-dialog shortcuts; close any modal window.

    Whatever would have waited is appended to ``blocked`` (its title) and answered with "cancel".
    """

    def refuse(what: str, answer: Any) -> Callable[..., Any]:
        def stand_in(*args: Any, **_kwargs: Any) -> Any:
            titles = [a.windowTitle() for a in args[:1] if isinstance(a, QWidget)]
            titles += [str(a) for a in args[1:2] if isinstance(a, str)]
            blocked.append(f"{what}: {' '.join(titles)}")
            return answer

        return stand_in

    cancel = QMessageBox.StandardButton.Cancel
    # (class, name, stand-in, static?): exec is a method (QMessageBox inherits QDialog's).
    patches: list[tuple[type, str, Callable[..., Any], bool]] = [
        (QDialog, "exec", refuse("dialog", QDialog.DialogCode.Rejected), False),
        (QMessageBox, "warning", refuse("warning", cancel), True),
        (QMessageBox, "critical", refuse("critical", cancel), True),
        (QMessageBox, "information", refuse("information", cancel), True),
        (QMessageBox, "question", refuse("question", cancel), True),
        (QMessageBox, "about", refuse("about", None), True),
        (QFileDialog, "getOpenFileName", refuse("file dialog", ("", "")), True),
        (QFileDialog, "getSaveFileName", refuse("file dialog", ("", "")), True),
    ]
    saved = [(owner, name, owner.__dict__[name]) for owner, name, _, _ in patches]
    for owner, name, replacement, static in patches:
        setattr(owner, name, staticmethod(replacement) if static else replacement)

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            blocked.append(f"modal window: {modal.windowTitle()}")
            modal.close()

    watchdog = QTimer()
    watchdog.setInterval(WATCHDOG_MS)
    watchdog.timeout.connect(close_modal)
    watchdog.start()
    try:
        yield
    finally:
        watchdog.stop()
        for owner, name, original in saved:
            setattr(owner, name, original)


# --- data ---------------------------------------------------------------------------------------
def open_demo(folder: Path) -> AppContext:
    """A data folder in ``folder`` filled with the demo company."""
    context = open_context(folder / "data")
    create_demo(context)
    return context


def signed_in(context: AppContext, username: str) -> UiContext:
    """A UiContext with ``username`` signed in with the demo password (no dialog)."""
    ui = UiContext(app=context)
    ui.sign_in(context.users.authenticate(username, DEMO_PASSWORD))
    return ui


def write_import_csv(context: AppContext, ui: UiContext, path: Path) -> Path:
    """A vehicles file of six new buses, two of them wrong (a bad plate; an unknown unit)."""
    unit = context.registry.list(ui.user, RegistryKind.UNITS)[0]
    rows = [
        ["粤B·60101", "1E-101", "12路", unit.code, "比亚迪K8"],
        ["粤B·60102", "1E-102", "12路", unit.code, "比亚迪K8"],
        ["B-60103", "1E-103", "25路", unit.code, "宇通E12"],
        ["粤B·60104", "1E-104", "25路", unit.name, "宇通E12"],
        ["粤B·60105", "1E-105", "M201", "D99", "比亚迪K9"],
        ["粤B·D60106", "1E-106", "M201", unit.code, "比亚迪K9"],
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["车牌", "自编号", "线路", "所属单位", "车型"])
        writer.writerows(rows)
    return path


# --- shooting -----------------------------------------------------------------------------------
def settle(rounds: int = 4) -> None:
    """Let layouts, deferred deletes and zero-delay timers run."""
    for _ in range(rounds):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def save(widget: QWidget, path: Path) -> Path:
    settle()
    image = widget.grab().toImage()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def shoot_dialog(dialog: QDialog, path: Path) -> Path:
    """Show ``dialog`` without a modal loop, grab it, close it."""
    dialog.setModal(False)
    dialog.show()
    try:
        return save(dialog, path)
    finally:
        dialog.close()
        dialog.deleteLater()


def shoot_window(window: MainWindow, folder: Path) -> list[Path]:
    """Every page of the main window, the registry on each kind."""
    shots: list[Path] = []
    for key in PAGE_SHOTS:
        page = window.go_to(key)
        if isinstance(page, TemplatesPage):
            prepare_templates(page)
        if key == "notices":
            prepare_notices_page(page)
        if key == "complaints":
            prepare_complaints_page(page)
        shots.append(save(window, folder / f"{key}.png"))
    registry = window.go_to("registry")
    assert isinstance(registry, RegistryPage)
    for kind, name in REGISTRY_SHOTS.items():
        window.go_to("registry", kind)
        registry.table.selectRow(0)
        shots.append(save(window, folder / f"{name}.png"))
    return shots


def prepare_templates(page: TemplatesPage) -> None:
    """The first template selected, its tree expanded, the first item's standard underneath."""
    page.table.selectRow(0)
    page.tree.expandAll()
    section = page.tree.topLevelItem(0)
    if section is not None and section.childCount():
        page.tree.setCurrentItem(section.child(0))


def shoot_dialogs(context: AppContext, ui: UiContext, window: MainWindow, folder: Path, work: Path) -> list[Path]:
    shots: list[Path] = []
    vehicle = context.registry.list(ui.user, RegistryKind.VEHICLES)[0]
    shots.append(shoot_dialog(RegistryEditDialog(ui, RegistryKind.VEHICLES, vehicle, window),
                              folder / "registry-edit-vehicle.png"))
    csv_path = write_import_csv(context, ui, work / "vehicles.csv")
    shots.append(shoot_dialog(RegistryImportDialog(ui, RegistryKind.VEHICLES, csv_path, window),
                              folder / "registry-import.png"))
    hint = QCoreApplication.translate("App", "Demo data: every demo account's password is {password}.")
    login = LoginDialog(context.users, window, username=DEMO_ADMIN, hint=hint.format(password=DEMO_PASSWORD))
    shots.append(shoot_dialog(login, folder / "login.png"))
    shots.append(shoot_dialog(FirstAdminDialog(context.users, window), folder / "first-admin.png"))
    shots.append(shoot_dialog(PasswordDialog(window, need_current=True), folder / "password.png"))
    supervisor = context.users.by_username(DEMO_SUPERVISOR)
    shots.append(shoot_dialog(UserEditDialog(window, user=supervisor), folder / "user-edit.png"))
    return shots


def open_window(ui: UiContext, size: QSize) -> MainWindow:
    window = build_main_window(ui)
    window.resize(size)
    window.show()
    settle()
    window.resize(size)  # the first show may apply a size the offscreen screen prefers
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.deleteLater()
    settle()


def shoot_language(context: AppContext, language: str, out: Path, size: QSize, work: Path,
                   exchange: ExchangeScene) -> list[Path]:
    """All shots of one language into ``out/<language>/``."""
    if not apply_language(language):
        print(f"warning: no {language} translation (.qm) installed; these shots show English text",
              file=sys.stderr)
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    admin = signed_in(context, DEMO_ADMIN)
    window = open_window(admin, size)
    try:
        shots = shoot_window(window, folder)
        shots += shoot_dialogs(context, admin, window, folder, work)
        shots += shoot_template_scenes(context, admin, window, folder, shoot_dialog)
        shots += shoot_notice_scenes(context, window, folder, shoot_dialog)
        shots += shoot_settings_scenes(context, admin, window, folder, shoot_dialog)
        shots += shoot_exchange_scenes(context, exchange, window, folder, shoot_dialog, password=DEMO_PASSWORD,
                                       size=size, open_window=open_window, close_window=close_window, save=save)
    finally:
        close_window(window)
    window = open_window(signed_in(context, DEMO_SUPERVISOR), size)
    try:
        window.go_to("registry", RegistryKind.VEHICLES)
        page = window.pages["registry"]
        assert isinstance(page, RegistryPage)
        page.table.selectRow(0)
        shots.append(save(window, folder / "registry-supervisor.png"))
    finally:
        close_window(window)
    office = signed_in(context, DEMO_OFFICE)
    window = open_window(office, size)
    try:
        shots.append(shoot_editor_scene(office, window, folder, save))
        shots += shoot_complaint_scenes(context, folder, shoot_dialog, size=size, open_window=open_window,
                                        close_window=close_window, save=save, parent=window)
    finally:
        close_window(window)
    return shots


def _quiet(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform's note on every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


@contextmanager
def work_folder() -> Iterator[Path]:
    """``WORK_FOLDER``, empty, for this run only; removed afterwards."""
    lock = QLockFile(f"{WORK_FOLDER}.lock")
    if not lock.tryLock(0):
        raise RuntimeError(f"another screenshot run is using {WORK_FOLDER}")
    try:
        shutil.rmtree(WORK_FOLDER, ignore_errors=True)  # left over by a run that was killed
        WORK_FOLDER.mkdir()
        yield WORK_FOLDER
    finally:
        shutil.rmtree(WORK_FOLDER, ignore_errors=True)
        lock.unlock()


def main(argv: list[str] | None = None) -> int:
    """Make the screenshots; 0 when every one was written and no dialog tried to wait."""
    args = parse_args(argv)
    started = time.monotonic()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0]])
    languages = LANGUAGES if args.lang == "all" else (args.lang,)
    blocked: list[str] = []
    shots: list[Path] = []
    previous_handler = qInstallMessageHandler(_quiet)
    try:
        with work_folder() as work:
            # Window state (sizes, splitters) from the work folder, never the user's own.
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "qsettings"))
            configure_application(app)
            context = open_demo(work)
            prepare_template_scenes(context, signed_in(context, DEMO_ADMIN))  # the same data in every language
            prepare_inspection_scene(context, signed_in(context, DEMO_SUPERVISOR))
            prepare_notice_scene(context, DEMO_PASSWORD)
            prepare_complaint_scene(context)
            exchange = prepare_exchange_scene(context, work, DEMO_PASSWORD)
            try:
                with no_blocking_dialogs(blocked):
                    for language in languages:
                        shots += shoot_language(context, language, args.out, args.size, work, exchange)
            finally:
                exchange.close()
                context.close()
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BUSY
    finally:
        qInstallMessageHandler(previous_handler)
    for path in shots:
        print(f"{path}  {path.stat().st_size // 1024} KB")
    print(f"{len(shots)} screenshots in {time.monotonic() - started:.1f} s")
    for what in blocked:
        print(f"error: something tried to wait for a person ({what})", file=sys.stderr)
    return 1 if blocked else 0


if __name__ == "__main__":
    import faulthandler

    faulthandler.dump_traceback_later(90, exit=True)  # a last resort: never hang a CI job
    sys.exit(main())
