"""The composition root of the desktop app: ``inspector [--data-dir DIR] [--demo] [--lang zh_CN|en]``.

Order: QApplication → bundled CJK font and stylesheet → data folder → single-instance lock →
database and services (``open_context``) → translator → first administrator if the folder has
no account → sign-in → main window → the reminder of overdue notices (not blocking). Nothing
here is a global: the ``AppContext`` and the ``UiContext`` are built once and handed down.

Start-up speed: only Qt and the standard library are imported at module level; the context
(pydantic, sqlite-utils, argon2), the dialogs and the main window are imported inside ``main``
when they are needed, and the demo builder only with ``--demo``.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector import APP_NAME, __version__
from inspector.paths import DataPaths, font_path, resolve_data_dir, resources_dir

if TYPE_CHECKING:
    from inspector.ui.mainwindow import MainWindow
    from inspector.ui.uicontext import UiContext

ORGANISATION = "Inspector"
DEMO_FOLDER = "Inspector-demo"
DEMO_INSPECTIONS = 500  # ≈10 s on a 2-core machine; tests may lower it
FONT_POINT_SIZE = 10
EXIT_LOCKED = 1
EXIT_CANNOT_OPEN = 2


def parse_args(argv: list[str] | None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. ``-platform offscreen``)."""
    parser = argparse.ArgumentParser(prog="inspector", description="Inspector (服务质量督查)")
    parser.add_argument("--data-dir", help="the data folder (default: $INSPECTOR_DATA_DIR or the user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help=f"start on a fresh demo data folder ({DEMO_FOLDER} beside the data folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="display language for this run")
    parser.add_argument("--version", action="version", version=f"Inspector {__version__}")
    return parser.parse_known_args(argv)


def configure_application(app: QApplication) -> str:
    """Names, the bundled font as application font (Chinese with no system CJK font), the style.

    Returns the font family in use.
    """
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    family = app.font().family()
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        family = families[0]
    app.setFont(QFont(family, FONT_POINT_SIZE))
    style = resources_dir() / "style.qss"
    if style.is_file():
        icons = (resources_dir() / "icons").as_posix()
        app.setStyleSheet(style.read_text(encoding="utf-8").replace("@icons@", icons))
    return family


def demo_data_dir(data_dir: Path) -> Path:
    """The demo folder: ``Inspector-demo`` beside the data folder, so real data is never touched."""
    return data_dir.parent / DEMO_FOLDER


def acquire_instance_lock(paths: DataPaths) -> QLockFile | None:
    """Hold the data folder's lock file, or None when another Inspector holds it.

    The stale time is 0 so that a long-running window never loses its lock to age; a lock left
    by a crashed process is still recovered, because Qt checks whether the recorded process runs.
    A folder where the lock cannot be written at all is read-only (``StorageProblem``), not
    "already open".
    """
    paths.ensure()
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        if lock.error() == QLockFile.LockError.PermissionError:
            from inspector.domain.errors import StorageProblem

            raise StorageProblem("read_only", file=str(paths.root))
        return None
    return lock


def demo_progress() -> Callable[[float], None]:
    """A "Preparing demo data…" progress dialog (no Cancel) fed by ``create_demo``'s fractions.

    The demo is built on the GUI thread on purpose: the SQLite connection belongs to this thread,
    so the work cannot move to a worker. ``processEvents`` in the callback is what keeps the dialog
    painted meanwhile; it is safe here because no window that could re-enter the services is open
    yet. The dialog closes itself at 1.0.
    """
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(QApplication.translate("App", "Preparing demo data…"), "", 0, 100)
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowTitle(APP_NAME)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(True)
    dialog.setValue(0)

    def report(fraction: float) -> None:
        dialog.setValue(round(min(max(fraction, 0.0), 1.0) * 100))
        QCoreApplication.processEvents()

    return report


def reset_demo_folder(paths: DataPaths) -> None:
    """Empty the demo folder (keeping our lock file) so every ``--demo`` run starts fresh."""
    if paths.root.name != DEMO_FOLDER:
        raise ValueError(f"refusing to empty {paths.root}: not a demo folder")
    for child in paths.root.iterdir():
        if child == paths.lock_file:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def build_main_window(ui: UiContext) -> MainWindow:
    """The main window for a signed-in ``ui`` (no dialogs): used by ``main``, tests, screenshots."""
    from inspector.ui.mainwindow import MainWindow

    if not ui.signed_in:
        raise RuntimeError("sign a user in before building the main window")
    return MainWindow(ui)


def _tell(title: str, text: str, *, critical: bool = False) -> None:
    (QMessageBox.critical if critical else QMessageBox.warning)(None, title, text)


def main(argv: list[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *qt_args])
    configure_application(app)

    from inspector.words import messages
    from inspector.domain.errors import InspectorError
    from inspector.words.i18n import pick_language
    from inspector.ui.language import apply_language

    language = pick_language(args.lang)
    apply_language(language)  # early, so that even the "already open" message is in it
    title = QApplication.translate("App", "Inspector")

    root = resolve_data_dir(args.data_dir)
    if args.demo:
        root = demo_data_dir(root)
    paths = DataPaths(root)
    try:
        lock = acquire_instance_lock(paths)
    except (InspectorError, sqlite3.DatabaseError, OSError) as error:
        return _cannot_open(title, error, paths)
    if lock is None:
        _tell(title, messages.describe(InspectorError("data_dir_locked", path=str(root))))
        return EXIT_LOCKED
    try:
        return _run(app, args, paths, language)
    except (InspectorError, sqlite3.DatabaseError, OSError) as error:
        return _cannot_open(title, error, paths)
    finally:
        lock.unlock()


def _cannot_open(title: str, error: BaseException, paths: DataPaths) -> int:
    """Say why the data folder cannot be used (damaged, read-only, full: the CLI's sentence) and
    end; any other exception is a bug and is raised again with its traceback."""
    from inspector.domain.errors import InspectorError
    from inspector.storage.failures import storage_problem
    from inspector.words import messages

    problem = error if isinstance(error, InspectorError) else storage_problem(error, file=paths.database)
    if problem is None:
        raise error
    _tell(title, messages.describe(problem), critical=True)
    return EXIT_CANNOT_OPEN


def _run(app: QApplication, args: argparse.Namespace, paths: DataPaths, language: str) -> int:
    """Everything after the lock is held; InspectorError from opening propagates to ``main``."""
    from inspector.context import open_context
    from inspector.domain.errors import InspectorError
    from inspector.words.i18n import pick_language
    from inspector.ui.dialogs.errors import show_error
    from inspector.ui.dialogs.first_admin import FirstAdminDialog
    from inspector.ui.dialogs.login import LoginDialog
    from inspector.ui.language import apply_language
    from inspector.ui.tasks import wait_for_all
    from inspector.ui.uicontext import UiContext

    if args.demo:
        reset_demo_folder(paths)
    context = open_context(paths.root)
    try:
        chosen = args.lang or pick_language(context.settings.get().language)
        if chosen != language:
            apply_language(chosen)
        username, hint = "", ""
        if args.demo:
            from inspector.demo.company import DEMO_ADMIN, DEMO_PASSWORD, create_demo

            create_demo(context, inspections=DEMO_INSPECTIONS, progress=demo_progress())
            username = DEMO_ADMIN
            hint = QApplication.translate(
                "App", "Demo data: every demo account's password is {password}."
            ).format(password=DEMO_PASSWORD)
        else:
            try:
                context.templates.ensure_builtins()
            except InspectorError as error:  # a damaged bundled file must not lock the user out
                show_error(None, error)
        if context.users.needs_first_admin():
            admin = FirstAdminDialog.ask(None, context.users)
            if admin is None:
                return 0
            username = admin.username
        user = LoginDialog.ask(None, context.users, username=username, hint=hint)
        if user is None:
            return 0
        ui = UiContext(app=context)
        ui.sign_in(user)
        window = build_main_window(ui)
        window.show()
        window.remind_overdue()  # overdue notices, without blocking ($INSPECTOR_NO_REMINDER=1: off)
        code = app.exec()
        wait_for_all()
        return code
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())
