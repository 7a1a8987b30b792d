"""The composition root of the desktop app: ``inspector [--data-dir DIR] [--demo] [--lang zh_CN|en]``.

``inspector --self-check [FILE]`` starts offscreen (unless $QT_QPA_PLATFORM says otherwise) on a
throw-away data folder, measures the installation (``inspector.ui.selfcheck``), writes the facts
as JSON to FILE or stdout and exits: 0 when all is well, 1 when something is missing.

Order: QApplication → bundled CJK font and stylesheet → data folder → single-instance lock →
database and services (``open_context``) → translator → the day's first backup → first administrator if the folder has
no account → sign-in → main window → the reminder of overdue notices (not blocking). Nothing
here is a global: the ``AppContext`` and the ``UiContext`` are built once and handed down.

Start-up speed: only Qt and the standard library are imported at module level; the context
(pydantic, sqlite-utils, argon2), the dialogs and the main window are imported inside ``main``
when they are needed, and the demo builder only when a demo folder is made.

``--demo`` opens the demo folder made by an earlier ``--demo`` (fresh the first time, with
progress; a folder whose building was interrupted is made again); ``--demo --reset`` and
File → Reset demo data… make it afresh.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
from datetime import date
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector import APP_NAME, __version__
from inspector.paths import DataPaths, font_path, resolve_data_dir, resources_dir
from inspector.ui.dialog_sizes import install_dialog_sizes
from inspector.ui.sign_in_memory import last_username, remember_username
from inspector.ui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:
    from inspector.ui.mainwindow import MainWindow
    from inspector.ui.uicontext import UiContext

ORGANISATION = "Inspector"
DEMO_FOLDER = "Inspector-demo"
DEMO_MARKER = "demo.json"  # written once the demo data has committed: the folder is complete
DEMO_INSPECTIONS = 500  # ≈10 s on a 2-core machine; tests may lower it
FONT_POINT_SIZE = 10
EXIT_LOCKED = 1
EXIT_CANNOT_OPEN = 2


def parse_args(argv: list[str] | None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. ``-platform offscreen``)."""
    parser = argparse.ArgumentParser(prog="inspector", description="Inspector (服务质量督查)")
    parser.add_argument("--data-dir", help="the data folder (default: $INSPECTOR_DATA_DIR or the user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help=f"start on the demo data folder ({DEMO_FOLDER} beside the data folder; made the "
                             "first time, then reused)")
    parser.add_argument("--reset", action="store_true", help="with --demo: make the demo data afresh")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="display language for this run")
    parser.add_argument("--version", action="version", version=f"Inspector {__version__}")
    parser.add_argument("--self-check", nargs="?", const="-", metavar="FILE",
                        help="check this installation (translation, stylesheet, font, Qt plugins, first window)"
                             " offscreen, write the facts as JSON to FILE (default: stdout) and exit")
    return parser.parse_known_args(argv)


def configure_application(app: QApplication) -> str:
    """Names, the bundled font as application font (Chinese with no system CJK font), the style.

    Returns the font family in use.
    """
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    install_wheel_guard(app)
    install_dialog_sizes(app)
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


def demo_made_on(paths: DataPaths) -> date | None:
    """The day the demo folder's data was made, or None when it is not a complete demo."""
    try:
        facts = json.loads((paths.root / DEMO_MARKER).read_text(encoding="utf-8"))
        made = date.fromisoformat(facts["made"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return made if paths.database.is_file() else None


def mark_demo_made(paths: DataPaths, *, inspections: int, today: date) -> None:
    """Record that the demo folder is complete (after the demo data committed), atomically."""
    from inspector.storage.files import write_atomic

    facts = {"made": today.isoformat(), "inspections": inspections, "version": __version__}
    write_atomic(paths.root / DEMO_MARKER, json.dumps(facts).encode("utf-8"))


def reset_demo_folder(paths: DataPaths) -> None:
    """Empty the demo folder (keeping our lock file) so that the demo is made afresh."""
    if paths.root.name != DEMO_FOLDER:
        raise ValueError(f"refusing to empty {paths.root}: not a demo folder")
    for child in paths.root.iterdir():
        if child == paths.lock_file:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def build_main_window(ui: UiContext, *, on_reset_demo: Callable[[], None] | None = None,
                      on_restart: Callable[[], None] | None = None) -> MainWindow:
    """The main window for a signed-in ``ui`` (no dialogs): used by ``main``, tests, screenshots.
    ``on_reset_demo`` (a demo folder only) is what File → Reset demo data… does once confirmed;
    ``on_restart`` quits and starts Inspector again on the same folder (after a restore)."""
    from inspector.ui.mainwindow import MainWindow

    if not ui.signed_in:
        raise RuntimeError("sign a user in before building the main window")
    return MainWindow(ui, on_reset_demo=on_reset_demo, on_restart=on_restart)


def self_check(app: QApplication, font_family: str, target: str) -> int:
    """``--self-check``: the facts of ``inspector.ui.selfcheck`` as JSON to ``target`` ("-": stdout).

    The data folder is a temporary one, removed afterwards: the user's own is never opened.
    """
    import tempfile

    from inspector.context import open_context
    from inspector.ui.selfcheck import collect_facts

    with tempfile.TemporaryDirectory(prefix="inspector-self-check-") as folder:
        context = open_context(Path(folder) / "data")
        try:
            facts = collect_facts(app, context.users, font_family=font_family)
        finally:
            context.close()
    text = json.dumps(facts, ensure_ascii=False, indent=2) + "\n"
    if target == "-":
        if sys.stdout is not None:  # None in a windowed Windows build: give FILE there
            sys.stdout.write(text)
            sys.stdout.flush()
    else:
        path = Path(target)
        partial = path.with_name(path.name + ".part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    return 0 if facts["ok"] else 1


def _tell(title: str, text: str, *, critical: bool = False) -> None:
    (QMessageBox.critical if critical else QMessageBox.warning)(None, title, text)


def main(argv: list[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_check is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *qt_args])
    family = configure_application(app)
    if args.self_check is not None:
        return self_check(app, family, args.self_check)

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
    restart: list[str] = []
    try:
        return _run(app, args, paths, language, restart)
    except (InspectorError, sqlite3.DatabaseError, OSError) as error:
        return _cannot_open(title, error, paths)
    finally:
        lock.unlock()
        if restart:  # Reset demo data…, a restored backup: a new process, once this one let go of the folder
            start_again(restart)


def start_again(arguments: list[str]) -> bool:
    """Start Inspector again with ``arguments`` (frozen build or Python), detached from this one."""
    from PySide6.QtCore import QProcess

    if getattr(sys, "frozen", False):
        return bool(QProcess.startDetached(sys.executable, arguments))
    return bool(QProcess.startDetached(sys.executable, ["-m", "inspector.app", *arguments]))


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


def _run(app: QApplication, args: argparse.Namespace, paths: DataPaths, language: str, restart: list[str]) -> int:
    """Everything after the lock is held; InspectorError from opening propagates to ``main``.
    ``restart`` receives the arguments of a new start when the user asks for fresh demo data."""
    from inspector.context import open_context
    from inspector.domain.errors import InspectorError, StorageProblem
    from inspector.words.i18n import pick_language
    from inspector.ui.dialogs.errors import show_error
    from inspector.ui.dialogs.first_admin import FirstAdminDialog
    from inspector.ui.dialogs.login import LoginDialog
    from inspector.ui.language import apply_language
    from inspector.ui.tasks import wait_for_all
    from inspector.ui.uicontext import UiContext

    made = demo_made_on(paths) if args.demo and not args.reset else None
    if args.demo and made is None:
        reset_demo_folder(paths)
    context = open_context(paths.root)
    try:
        chosen = args.lang or pick_language(context.settings.get().language)
        if chosen != language:
            apply_language(chosen)
        try:  # the day's first start: the database as the day began (a failure must not lock anyone out)
            context.ensure_daily_backup()
        except StorageProblem:
            raise  # a damaged database: said by _cannot_open, and nothing is opened over it
        except InspectorError as error:
            show_error(None, error)
        username, hint = "", ""
        on_reset_demo: Callable[[], None] | None = None
        if args.demo:
            from inspector.demo.accounts import DEMO_ADMIN, DEMO_PASSWORD

            if made is None:
                from inspector.demo.company import create_demo

                create_demo(context, inspections=DEMO_INSPECTIONS, progress=demo_progress())
                made = context.services.clock().date()
                mark_demo_made(paths, inspections=DEMO_INSPECTIONS, today=made)
            username = DEMO_ADMIN
            hint = QApplication.translate(
                "App", "Demo data of {day}: every demo account's password is {password}. "
                "File → Reset demo data… makes it afresh."
            ).format(day=made.isoformat(), password=DEMO_PASSWORD)

            def reset() -> None:
                restart[:] = [*(["--data-dir", args.data_dir] if args.data_dir else []), "--demo", "--reset",
                              *(["--lang", args.lang] if args.lang else [])]
                app.quit()

            on_reset_demo = reset
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
        user = LoginDialog.ask(None, context.users, username=username or last_username(), hint=hint)
        if user is None:
            return 0
        remember_username(user.username)
        ui = UiContext(app=context)
        ui.sign_in(user)

        def start_again_after_restore() -> None:  # never an empty list: that would mean "no restart"
            folder = (["--data-dir", args.data_dir] if args.data_dir else []) + ["--demo"] if args.demo \
                else ["--data-dir", str(paths.root)]
            restart[:] = [*folder, *(["--lang", args.lang] if args.lang else [])]
            app.quit()

        window = build_main_window(ui, on_reset_demo=on_reset_demo, on_restart=start_again_after_restore)
        window.show()
        window.after_sign_in()  # resume offer; overdue notices, without blocking ($INSPECTOR_NO_REMINDER=1: off)
        code = app.exec()
        wait_for_all()
        return code
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())
