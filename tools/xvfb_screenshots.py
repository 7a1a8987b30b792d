"""Screenshots of the real app in a real X window (Xvfb, 1366×768), in both languages, for the README.

    python tools/xvfb_screenshots.py [--out docs/screenshots] [--lang zh_CN|en|all] [--display :99]
                                     [--inspections 120] [--keep]

``tools/screenshots.py`` paints every page and dialog offscreen; this one runs the app as a person
meets it (issue #14: the offscreen pictures hid what trips a first-time user): Xvfb at the
supervisors' 1366×768 laptop size, the real ``inspector.app.main`` on the xcb platform, keys and
clicks through xdotool, the screen captured with ImageMagick's ``import -window root``. There is no
window manager: the main window is moved to (0, 0) and sized to the screen with xdotool, and dialogs
have no title bar (Qt centres them on the main window).

It works in a throwaway folder: demo data made once with ``inspector-cli demo`` and copied afresh
for each language, its own HOME (so QSettings — window sizes, the last user name — start empty),
and a "phone" folder of generated photos remembered as the supervisor's photo folder (#14.3). The
scenes, written as ``OUT/<language>/<name>.png`` (the README's names, see ``SHOTS``):

- ``login``: the sign-in dialog, the supervisor's user name typed;
- ``photo-sources``: as the supervisor, the inspection in progress resumed (Enter on the offer), an
  item failed (F), a note typed, Ctrl+Shift+P: the newest photos of the phone's folder, two ticked;
- ``recording``: the failed item with its note and the two photos added;
- then, signed in again as the quality office (File → Switch user, Ctrl+Shift+U): ``dashboard``,
  ``inspections``, ``notices``, ``pdf-preview`` (Enter on the first notice), ``complaints-office``,
  ``comment-books`` (the day before: today's books are collected at its end), ``reports``,
  ``settings`` (Ctrl+1 … Ctrl+9).

Where a click is needed (a table row, a button without a key) the tool asks the app where that
widget is on the screen: the app runs inside a small child process of this script that answers
questions on stdin/stdout (``Probe``: which window is on top, where a named widget is) and changes
nothing itself — every key and click reaches the app through the X server, as a person's would.

Look at every picture before committing it. Exit status: 0 when every scene was captured; 1 when a
scene could not be reached (the message says what was awaited and what was on screen; a picture of
the screen then is kept in the throwaway folder, which is kept too); 2 when Xvfb, xdotool or import is missing, or the display
is taken.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)
TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "import": "imagemagick"}  # program → Debian package
LANGUAGES = ("zh_CN", "en")
SUPERVISOR, OFFICE, PASSWORD = "zhangwei", "wangfang", "demo1234"
SHOTS = ("login", "photo-sources", "recording", "dashboard", "inspections", "notices", "pdf-preview",
         "complaints-office", "reports", "settings")
NOTE = {"zh_CN": "12号座椅破损，后排座椅下有垃圾", "en": "Seat 12 torn; rubbish under the rear seats"}
PROBE = "PROBE "  # the child's answers start with this; anything else on its stdout is ignored


class SceneFailed(Exception):
    """A scene could not be reached: what was expected and what was on screen."""


def fail(message: str, code: int = 2) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(code)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="xvfb_screenshots", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots",
                        help="folder of the <language>/<name>.png pictures (default: docs/screenshots)")
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("--display", default=":99", help="the X display Xvfb is started on (default :99)")
    parser.add_argument("--inspections", type=int, default=120, help="demo inspections to make (default 120)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway folder and print where it is")
    parser.add_argument("--child", nargs=3, metavar=("DATA", "LANG", "PHONE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.display.startswith(":") or not args.display[1:].isdigit():
        parser.error(f"--display must look like :99, not {args.display!r}")
    if args.inspections < 10:
        parser.error("--inspections must be at least 10 (the scenes need notices and a draft)")
    return args


def missing_tools() -> list[str]:
    return [name for name in TOOLS if shutil.which(name) is None]


# --- the child: the real app, and a probe answering where things are ------------------------------

def child_main(data: str, language: str, phone: str) -> int:
    """Run ``inspector.app.main`` on the xcb platform with a ``Probe`` reading stdin."""
    from PySide6.QtCore import QObject, QSocketNotifier
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

    from inspector.app import main
    from inspector.ui.dialogs.photo_sources import remember_folder

    app = QApplication([sys.argv[0]])

    def window_facts(widget: QWidget) -> dict[str, Any]:
        frame = widget.frameGeometry()
        return {"class": type(widget).__name__, "wid": int(widget.winId()), "x": frame.x(), "y": frame.y(),
                "w": frame.width(), "h": frame.height()}

    def top() -> dict[str, Any] | None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            return window_facts(modal)
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        dialogs = [w for w in shown if w.inherits("QDialog")]
        chosen = dialogs[-1] if dialogs else next((w for w in shown if w.inherits("QMainWindow")), None)
        return window_facts(chosen) if chosen is not None else None

    def find(class_name: str, path: str, row: int | None) -> dict[str, Any] | None:
        for widget in QApplication.allWidgets():
            if type(widget).__name__ != class_name or not widget.isVisible():
                continue
            target: Any = widget
            for part in filter(None, path.split(".")):
                target = getattr(target, part, None)
            if not isinstance(target, QWidget) or not target.isVisible():
                continue
            if row is not None and isinstance(target, QAbstractItemView):
                model = target.model()
                if model is None or model.rowCount() <= row:
                    return None
                rect = target.visualRect(model.index(row, 0))
                centre = target.viewport().mapToGlobal(rect.center())
            else:
                centre = target.mapToGlobal(target.rect().center())
            text = target.text() if callable(getattr(target, "text", None)) else None
            return {"x": centre.x(), "y": centre.y(), "enabled": target.isEnabled(), "text": text}
        return None

    class Probe(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
            self.notifier.activated.connect(self.answer)

        def answer(self) -> None:
            line = sys.stdin.readline()
            if not line:  # the parent went away
                self.notifier.setEnabled(False)
                QApplication.exit(3)
                return
            ask = json.loads(line)
            if ask["op"] == "top":
                reply: Any = top()
            elif ask["op"] == "find":
                reply = find(ask["class"], ask.get("path", ""), ask.get("row"))
            else:
                reply = {"error": f"unknown op {ask['op']!r}"}
            sys.stdout.write(PROBE + json.dumps(reply) + "\n")
            sys.stdout.flush()

    probe = Probe()  # noqa: F841 (kept alive for the run)
    remember_folder(SUPERVISOR, Path(phone))
    return main(["--data-dir", data, "--lang", language])


# --- the parent: Xvfb, the demo folder, xdotool and the scenes --------------------------------------

class Session:
    """One run of the app in one language on the display, driven through X."""

    def __init__(self, display: str, data: Path, language: str, phone: Path, home: Path, out: Path) -> None:
        self.display, self.language, self.out = display, language, out
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(home),
               "XDG_CONFIG_HOME": str(home / ".config"), "INSPECTOR_NO_REMINDER": "1",
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        env.pop("QT_SCALE_FACTOR", None)
        self.log = open(home / f"app-{language}.log", "w", encoding="utf-8")  # noqa: SIM115 (closed in close())
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--child", str(data), language, str(phone)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True, env=env, cwd=str(home))

    # probing
    def ask(self, **question: Any) -> Any:
        if self.process.poll() is not None:
            raise SceneFailed(f"the app ended (exit status {self.process.returncode}); see {self.log.name}")
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(question) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SceneFailed(f"the app ended while asked {question}; see {self.log.name}")
            if line.startswith(PROBE):
                return json.loads(line[len(PROBE):])

    def wait_for(self, what: str, test: Callable[[], Any], timeout: float = 30.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            found = test()
            if found:
                return found
            if time.monotonic() > deadline:
                on_top = self.ask(op="top")
                raise SceneFailed(f"waited {timeout:.0f} s for {what}; on top: {on_top and on_top['class']}")
            time.sleep(0.25)

    def window(self, class_name: str, timeout: float = 30.0) -> dict[str, Any]:
        top = self.wait_for(f"the {class_name} window",
                            lambda: (found if (found := self.ask(op="top")) and found["class"] == class_name else None),
                            timeout)
        self.xdo("windowfocus", "--sync", str(top["wid"]))
        return top

    def widget(self, class_name: str, path: str = "", row: int | None = None, timeout: float = 30.0) -> dict[str, Any]:
        return self.wait_for(f"{class_name}.{path}" + (f" row {row}" if row is not None else ""),
                             lambda: self.ask(op="find", **{"class": class_name, "path": path, "row": row}), timeout)

    # X input and output
    def xdo(self, *arguments: str) -> None:
        subprocess.run(["xdotool", *arguments], check=True, env={**os.environ, "DISPLAY": self.display},
                       capture_output=True, timeout=30)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.xdo("key", "--clearmodifiers", key)
            time.sleep(0.15)

    def type(self, text: str, delay: int = 40) -> None:
        self.xdo("type", "--delay", str(delay), text)

    def type_into(self, class_name: str, path: str, text: str) -> None:
        """Type ``text`` into a line edit and read it back: xdotool types Chinese by remapping a
        spare key for each character, and now and then one is lost; it is typed again, slower."""
        for attempt in range(1, 4):
            self.click(self.widget(class_name, path))
            self.keys("ctrl+a", "BackSpace")
            self.type(text, delay=40 * attempt)
            self.settle(0.3)
            typed = self.widget(class_name, path)["text"]
            if typed == text:
                return
            print(f"  typed {typed!r} instead of {text!r}; again", file=sys.stderr)
        raise SceneFailed(f"could not type {text!r} into {class_name}.{path}")

    def click(self, spot: dict[str, Any]) -> None:
        self.xdo("mousemove", str(spot["x"]), str(spot["y"]), "click", "1")
        time.sleep(0.3)

    def settle(self, seconds: float = 1.0) -> None:
        time.sleep(seconds)

    def shot(self, name: str) -> Path:
        target = self.out / self.language / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", str(target)], check=True, capture_output=True, timeout=60,
                       env={**os.environ, "DISPLAY": self.display})
        print(f"  {self.language}/{target.name}")
        return target

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.keys("ctrl+q")
                self.process.wait(timeout=15)
            except (subprocess.SubprocessError, OSError):
                self.process.kill()
                self.process.wait(timeout=15)
        self.log.close()


def sign_in(session: Session, username: str, *, shot: str | None = None) -> None:
    login = session.window("LoginDialog")
    session.type_into("LoginDialog", "ui.username", username)
    if shot:
        session.settle(0.5)
        session.shot(shot)
    session.click(session.widget("LoginDialog", "ui.password"))
    session.type(PASSWORD)
    session.keys("Return")
    session.wait_for("the sign-in to finish", lambda: (top := session.ask(op="top")) and top["wid"] != login["wid"]
                     and top["class"] != "LoginDialog")


def fill_screen(session: Session) -> None:
    main = session.window("MainWindow")
    session.xdo("windowmove", str(main["wid"]), "0", "0")
    session.xdo("windowsize", str(main["wid"]), str(SIZE[0]), str(SIZE[1]))
    session.settle(1.5)


def scenes(session: Session) -> None:
    """Every scene of ``SHOTS`` in order; raises ``SceneFailed`` naming the one not reached."""
    sign_in(session, SUPERVISOR, shot="login")
    fill_screen(session)
    session.widget("ResumeBanner", "resume_button")  # the offer 「继续检查 …」 has the focus: one key
    session.keys("Return")
    session.widget("RecordingScreen", "header.complete_button")
    session.settle(1.0)
    session.keys("f")
    session.type_into("RecordingScreen", "fail_panel.note", NOTE[session.language])
    session.keys("ctrl+shift+p")
    session.window("PhotoSourcesDialog")
    session.widget("PhotoSourcesDialog", "list", row=1)
    session.settle(2.5)  # the thumbnails, made on worker threads
    session.keys("space", "Right", "space")
    session.settle(0.5)
    session.shot("photo-sources")
    session.keys("Return")
    session.window("MainWindow")
    session.widget("RecordingScreen", "fail_panel.photos.thumbnails", row=1, timeout=30)
    session.settle(1.0)
    session.shot("recording")
    session.click(session.widget("RecordingScreen", "fail_panel.note"))
    session.keys("Return")  # the fail is saved with its note and photos
    session.settle(1.0)
    session.click(session.widget("RecordingScreen", "header.close_button"))
    session.settle(1.0)

    session.keys("ctrl+shift+u")
    sign_in(session, OFFICE)
    session.window("MainWindow")
    for key, page, name in (("ctrl+1", "DashboardPage", "dashboard"), ("ctrl+2", "InspectionsPage", "inspections"),
                            ("ctrl+3", "NoticesPage", "notices")):
        session.keys(key)
        session.widget(page)
        session.settle(2.0)
        session.shot(name)
    session.click(session.widget("NoticesPage", "table", row=0))
    session.keys("Return")  # Enter on a notice opens its printed form
    session.window("PdfPreviewDialog")
    session.settle(3.0)
    session.shot("pdf-preview")
    session.keys("Escape")
    session.window("MainWindow")
    for key, page, name in (("ctrl+4", "ComplaintsPage", "complaints-office"),
                            ("ctrl+5", "CommentBooksPage", "comment-books"), ("ctrl+7", "ReportsPage", "reports"),
                            ("ctrl+9", "SettingsPage", "settings")):
        session.keys(key)
        session.widget(page)
        if page == "CommentBooksPage":  # today's books come in at the day's end: show yesterday's
            session.click(session.widget(page, "previous"))
        session.settle(3.0 if page == "ReportsPage" else 2.0)
        session.shot(name)


# --- setting up ----------------------------------------------------------------------------------

def make_demo(folder: Path, inspections: int) -> Path:
    data = folder / "demo-data"
    env = {**os.environ, "INSPECTOR_DATA_DIR": str(data), "HOME": str(folder), "QT_QPA_PLATFORM": "offscreen"}
    print(f"making demo data ({inspections} inspections)…")
    done = subprocess.run([sys.executable, "-m", "inspector.cli.main", "demo", "--inspections", str(inspections)],
                          env=env, capture_output=True, text=True, timeout=900, cwd=str(ROOT))
    if done.returncode != 0:
        fail(f"inspector-cli demo failed:\n{done.stderr.strip()}", 1)
    return data


def make_phone(folder: Path) -> Path:
    """A phone's sync folder: four photos taken a moment ago (after the demo's drafts began)."""
    from inspector.media.synthetic import scene_photo

    phone = folder / "phone"
    phone.mkdir()
    for number in range(1, 5):
        (phone / f"IMG_20{number:02d}.jpg").write_bytes(scene_photo(40 + number, f"IMG_20{number:02d}"))
    return phone


def start_xvfb(display: str) -> subprocess.Popen[bytes]:
    number = display[1:]
    if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        fail(f"display {display} is in use; pass another with --display")
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        probe = subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True, text=True,
                               env={**os.environ, "DISPLAY": display}, check=False)
        if probe.returncode == 0:
            return xvfb
        if xvfb.poll() is not None:
            fail(f"Xvfb {display} did not start (exit status {xvfb.returncode})")
        time.sleep(0.2)
    xvfb.terminate()
    fail(f"Xvfb {display} did not answer within 15 s")


def run_language(language: str, work: Path, demo: Path, phone: Path, args: argparse.Namespace) -> bool:
    home = work / language / "home"
    home.mkdir(parents=True)
    data = work / language / "Inspector-demo"  # shown in the status bar: a name that reads well
    shutil.copytree(demo, data)
    print(f"{language}:")
    session = Session(args.display, data, language, phone, home, args.out)
    try:
        scenes(session)
        return True
    except (SceneFailed, subprocess.SubprocessError) as problem:
        print(f"error: {language}: {problem}", file=sys.stderr)
        session.out = work  # never beside the README's pictures
        try:
            print(f"  the screen then: {session.shot('failed-scene')}", file=sys.stderr)
        except subprocess.SubprocessError:
            pass
        args.keep = True
        return False
    finally:
        session.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child_main(*args.child)
    missing = missing_tools()
    if missing:
        packages = " ".join(sorted({TOOLS[name] for name in missing}))
        fail(f"{', '.join(missing)} not found: this tool needs Xvfb, xdotool and ImageMagick's import "
             f"(Debian/Ubuntu: apt-get install {packages})")
    args.out = args.out.resolve()
    languages = LANGUAGES if args.lang == "all" else (args.lang,)
    work = Path(tempfile.mkdtemp(prefix="inspector-xvfb-"))
    xvfb = start_xvfb(args.display)
    ok = True
    try:
        demo = make_demo(work, args.inspections)
        phone = make_phone(work)
        for language in languages:
            ok = run_language(language, work, demo, phone, args) and ok
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=15)
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if ok:
        print(f"{len(SHOTS) * len(languages)} pictures in {args.out}: look at every one before committing them")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
