"""Start-up time: from process start to the main window's first frame, offscreen.

    python bench/startup.py [--runs N]

Each run is a fresh ``python`` subprocess on a data folder filled by ``create_demo`` (made once,
before the runs). The child does what ``inspector.app.main`` does minus the sign-in dialog:
QApplication + ``configure_application`` (bundled CJK font, stylesheet) + language, then
``open_context``, ``users.authenticate`` of the demo admin, ``UiContext``,
``build_main_window``, ``show()``, and waits for the first frame to be painted.

Timing: the parent reads ``CLOCK_MONOTONIC`` just before it spawns the child; the child stamps
the same system-wide clock at its first line and after each phase, so "total" includes the
interpreter's own start. Every ``import`` in the child is timed (outermost imports only, through
a wrapper around ``builtins.__import__`` and ``importlib.import_module``) to give the share of
start-up spent importing Python modules; PySide6's own import is reported apart.

The baseline is a bare ``QApplication`` + ``QWidget().show()`` child timed the same way, in the
same run, interleaved with the app runs. One untimed warm-up of each comes first (file cache).

A second ``--demo`` start is timed too: a demo folder made once as ``inspector --demo`` makes it
(``create_demo`` with inspections, then the completion marker), then children that start as
``--demo`` does on a folder it made before (check the marker, open, sign in, window). Target:
within 1.5× the normal start. Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Shared by both children: the clock, the import timer, and "wait for the first frame".
_PRELUDE = r'''
import time
def now():
    return time.clock_gettime(time.CLOCK_MONOTONIC)
STAMPS = {"top": now()}
import builtins, importlib, json, sys
_depth = [0]
IMPORT_SECONDS = [0.0]
def _timed(real):
    def wrapper(*args, **kwargs):
        if _depth[0]:
            return real(*args, **kwargs)
        _depth[0] += 1
        start = now()
        try:
            return real(*args, **kwargs)
        finally:
            IMPORT_SECONDS[0] += now() - start
            _depth[0] -= 1
    return wrapper
builtins.__import__ = _timed(builtins.__import__)
importlib.import_module = _timed(importlib.import_module)

def stamp(name):
    STAMPS[name] = now()

def wait_for_first_frame(app, window):
    """Run the event loop until the window has painted once, then let that frame finish."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if (event.type() == QEvent.Type.Paint and "painted" not in STAMPS
                    and isinstance(obj, QWidget) and obj.window() is window):
                stamp("painted")
                QTimer.singleShot(0, lambda: (stamp("frame_done"), app.quit()))
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    QTimer.singleShot(30000, app.quit)  # never hang a benchmark
    stamp("show_called")
    window.show()
    stamp("shown")
    app.exec()
    app.removeEventFilter(watcher)

def report(**extra):
    sys.stdout.write("\nRESULT " + json.dumps({"stamps": STAMPS, "import_s": IMPORT_SECONDS[0], **extra}) + "\n")
    sys.stdout.flush()
'''

_APP_CHILD = _PRELUDE + r'''
import PySide6.QtWidgets
stamp("qt_imported")
qt_import_s = IMPORT_SECONDS[0]
from PySide6.QtWidgets import QApplication
from inspector.app import build_main_window, configure_application
app = QApplication([sys.argv[0]])
configure_application(app)
from inspector.words.i18n import pick_language
from inspector.ui.language import apply_language
apply_language(pick_language(None))
stamp("qapp")
from inspector.context import open_context
from pathlib import Path
context = open_context(Path(sys.argv[1]))
stamp("context")
user = context.users.authenticate(sys.argv[2], sys.argv[3])
stamp("signed_in")
from inspector.ui.uicontext import UiContext
ui = UiContext(app=context)
ui.sign_in(user)
window = build_main_window(ui)
stamp("built")
wait_for_first_frame(app, window)
window.close()
context.close()
report(qt_import_s=qt_import_s, modules=len(sys.modules))
'''

# What ``inspector --demo`` adds to a start when the demo folder was made before: the marker check.
_DEMO_CHILD = _APP_CHILD.replace(
    "from inspector.context import open_context\n",
    "from inspector.context import open_context\n"
    "from pathlib import Path\n"
    "from inspector.app import demo_made_on\n"
    "from inspector.paths import DataPaths\n"
    "assert demo_made_on(DataPaths(Path(sys.argv[1]))) is not None, 'the demo folder is not complete'\n",
)

_BARE_CHILD = _PRELUDE + r'''
import PySide6.QtWidgets
stamp("qt_imported")
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([sys.argv[0]])
window = QWidget()
stamp("built")
wait_for_first_frame(app, window)
report(qt_import_s=IMPORT_SECONDS[0], modules=len(sys.modules))
'''


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),  # QSettings (window geometry) stay out of the user's
        "XDG_DATA_HOME": str(home / "share"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    })
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up run leaves .pyc files, as an install does
    return env


def run_child(script: str, args: list[str], env: dict[str, str]) -> dict:
    """One fresh process; returns its stamps made relative to the moment before spawning (s)."""
    spawn = time.clock_gettime(time.CLOCK_MONOTONIC)
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    result = json.loads(lines[-1][len("RESULT "):])
    stamps = {name: value - spawn for name, value in result["stamps"].items()}
    if "frame_done" not in stamps:
        raise RuntimeError("the window never painted within 30 s")
    return {"stamps": stamps, "import_s": result["import_s"], "qt_import_s": result["qt_import_s"],
            "modules": result["modules"]}


def prepare_data(folder: Path) -> tuple[str, str, str]:
    """A data folder filled by ``create_demo`` (registry only for now); returns dir, user, password."""
    from inspector.context import open_context
    from inspector.demo.company import DEMO_ADMIN, DEMO_PASSWORD, create_demo

    context = open_context(folder)
    try:
        summary = create_demo(context)
    finally:
        context.close()
    print(f"data folder: create_demo → {summary.units} units, {summary.vehicles} vehicles, "
          f"{summary.staff} staff, {summary.locations} locations, {len(summary.users)} accounts", flush=True)
    return str(folder), DEMO_ADMIN, DEMO_PASSWORD


def prepare_demo(folder: Path, inspections: int) -> tuple[str, str, str]:
    """A demo folder as ``inspector --demo`` leaves it the first time; returns dir, user, password."""
    from inspector.app import mark_demo_made
    from inspector.context import open_context
    from inspector.demo.company import DEMO_ADMIN, DEMO_PASSWORD, create_demo

    context = open_context(folder)
    try:
        create_demo(context, inspections=inspections)
        mark_demo_made(context.paths, inspections=inspections, today=context.services.clock().date())
    finally:
        context.close()
    print(f"demo folder: create_demo with {inspections} inspections, as the first --demo start makes it", flush=True)
    return str(folder), DEMO_ADMIN, DEMO_PASSWORD


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def phase(runs: list[dict], start: str, end: str) -> float:
    return statistics.median(run["stamps"][end] - run["stamps"][start] for run in runs)


def summarise(app_runs: list[dict], bare_runs: list[dict]) -> list[str]:
    for run in app_runs + bare_runs:
        run["total"] = run["stamps"]["frame_done"]
        run["other_import_s"] = run["import_s"] - run["qt_import_s"]
    total = median_of(app_runs, "total")
    imports = median_of(app_runs, "import_s")
    bare = median_of(bare_runs, "total")
    totals = sorted(run["total"] for run in app_runs)
    lines = [
        f"inspector, process start → main window's first frame (median of {len(app_runs)}): {ms(total)}"
        f"   [min {totals[0] * 1000:.0f}, max {totals[-1] * 1000:.0f} ms]",
        f"  Python imports, all              {ms(imports)}  ({imports / total:5.1%} of total)",
        f"    of which PySide6 (QtWidgets)   {ms(median_of(app_runs, 'qt_import_s'))}",
        f"    of which inspector + its deps  {ms(median_of(app_runs, 'other_import_s'))}",
        "  phases (medians; each includes the imports it triggers):",
        f"    interpreter start              {ms(statistics.median(run['stamps']['top'] for run in app_runs))}",
        f"    import PySide6.QtWidgets       {ms(phase(app_runs, 'top', 'qt_imported'))}",
        f"    QApplication, font, style, tr  {ms(phase(app_runs, 'qt_imported', 'qapp'))}",
        f"    open_context (db, migrations)  {ms(phase(app_runs, 'qapp', 'context'))}",
        f"    authenticate (argon2)          {ms(phase(app_runs, 'context', 'signed_in'))}",
        f"    build_main_window              {ms(phase(app_runs, 'signed_in', 'built'))}",
        f"    show() → first frame painted   {ms(phase(app_runs, 'built', 'frame_done'))}",
        f"  modules loaded: {int(median_of(app_runs, 'modules'))} (bare Qt: {int(median_of(bare_runs, 'modules'))})",
        f"baseline, bare QApplication + QWidget().show() (median of {len(bare_runs)}): {ms(bare)}",
        f"  of which import PySide6.QtWidgets {ms(median_of(bare_runs, 'qt_import_s'))}",
        f"ratio inspector / bare Qt: {total / bare:.1f}×",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each child (default 7, at least 5)")
    parser.add_argument("--demo-inspections", type=int, default=500,
                        help="inspections in the demo folder of the --demo start (default 500, as the app)")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as temp:
        home = Path(temp)
        data_dir, user, password = prepare_data(home / "data")
        env = child_env(home)
        app_args = [data_dir, user, password]
        demo_args = list(prepare_demo(home / "demo", args.demo_inspections))
        run_child(_APP_CHILD, app_args, env)  # warm-up: file cache, .pyc files
        run_child(_BARE_CHILD, [], env)
        run_child(_DEMO_CHILD, demo_args, env)
        app_runs: list[dict] = []
        bare_runs: list[dict] = []
        demo_runs: list[dict] = []
        for index in range(runs):
            app_runs.append(run_child(_APP_CHILD, app_args, env))
            bare_runs.append(run_child(_BARE_CHILD, [], env))
            demo_runs.append(run_child(_DEMO_CHILD, demo_args, env))
            if sys.stderr.isatty():
                sys.stderr.write(f"\rrun {index + 1}/{runs}" + ("\n" if index + 1 == runs else ""))
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores, QT_QPA_PLATFORM=offscreen")
    for line in summarise(app_runs, bare_runs):
        print(line)
    normal = statistics.median(run["stamps"]["frame_done"] for run in app_runs)
    demo = statistics.median(run["stamps"]["frame_done"] for run in demo_runs)
    print(f"second --demo start (folder made before, {args.demo_inspections} inspections), process start → "
          f"first frame (median of {len(demo_runs)}): {ms(demo)}; ratio to the normal start {demo / normal:.2f}× "
          "(target ≤ 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
