"""Starting the app and running a plain CLI command load only what they use.

pyHanko (with aiohttp), ReportLab, openpyxl, xlrd and Pillow cost a good part of a second to import;
they are loaded when a notice is signed, a PDF or spreadsheet made, a photo read — never at
start. Each check runs in a fresh interpreter (this test process has imported everything) and
reads ``sys.modules`` afterwards: the property is which modules, not how long (timings are
``bench/startup.py`` and ``bench/cli.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSWORD

SIGNING_AND_DOCUMENTS = ("pyhanko", "pyhanko_certvalidator", "aiohttp", "reportlab", "openpyxl", "xlrd", "PIL",
                         "pillow_heif", "qrcode", "psycopg", "keyring")  # psycopg, keyring: only when a hub is used
QT = ("PySide6", "shiboken6")

_REPORT = """
import json, sys
sys.stderr.flush()
print("LOADED " + json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def loaded_by(code: str, env: dict[str, str]) -> set[str]:
    """The top-level packages a fresh interpreter has loaded after running ``code``."""
    done = subprocess.run([sys.executable, "-c", code + _REPORT], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED "))
    return set(json.loads(line[len("LOADED "):]))


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "INSPECTOR_DATA_DIR": str(tmp_path / "data"), "INSPECTOR_PASSWORD": PASSWORD,
            "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}


def test_a_listing_on_the_command_line_loads_no_qt_signing_or_documents(tmp_path: Path) -> None:
    env = _env(tmp_path)
    init = subprocess.run([sys.executable, "-m", "inspector.cli.main", "init"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert init.returncode == 0, init.stderr
    loaded = loaded_by(
        "import contextlib, io\nfrom inspector.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    assert main(['templates', 'list', '--json']) == 0\n"
        "assert '\"T1\"' in out.getvalue()\n", env)
    assert loaded & set(SIGNING_AND_DOCUMENTS + QT + ("chinese_calendar",)) == set()
    assert {"inspector", "sqlite_utils", "pydantic"} <= loaded  # it did run


def test_a_listing_builds_no_registry_complaints_settings_or_backup_service(tmp_path: Path) -> None:
    """The second run of the day (today's backup made by the first) lists templates without the
    registry's, the complaints' or the settings' models, and without the backup service."""
    env = _env(tmp_path)
    for argv in (["init"], ["templates", "list"]):  # the second makes the day's backup
        done = subprocess.run([sys.executable, "-m", "inspector.cli.main", *argv], env=env, capture_output=True,
                              text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
    assert list((tmp_path / "data" / "backups").glob("inspector-*-daily.db"))
    code = ("import contextlib, io, json, sys\nfrom inspector.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    assert main(['templates', 'list', '--json']) == 0\n"
            "assert '\"T1\"' in out.getvalue()\n"
            "print('MODULES ' + json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    modules = set(json.loads(next(line for line in done.stdout.splitlines() if line.startswith("MODULES "))[8:]))
    assert "inspector.domain.templates" in modules  # it did list
    assert modules & {"inspector.domain.registry", "inspector.services.registry", "inspector.domain.complaints",
                      "inspector.domain.deadlines", "inspector.settings", "inspector.services.backups",
                      "inspector.storage.backups", "inspector.domain.backups", "chinese_calendar"} == set()


def test_help_loads_neither_services_nor_pydantic_models(tmp_path: Path) -> None:
    loaded = loaded_by(
        "import contextlib, io, sys\nfrom inspector.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n        main(['--help'])\n    except SystemExit as done:\n        assert done.code == 0\n"
        "assert 'templates' in out.getvalue()\n"
        "assert not [name for name in sys.modules if name.startswith(('inspector.services', 'inspector.storage'))]\n",
        _env(tmp_path))
    assert loaded & set(SIGNING_AND_DOCUMENTS + QT + ("sqlite_utils",)) == set()


def test_the_desktop_starts_without_signing_or_document_libraries(tmp_path: Path) -> None:
    """The main window of a signed-in user on demo data: dashboard painted, other pages not built."""
    env = _env(tmp_path)
    demo = subprocess.run([sys.executable, "-m", "inspector.cli.main", "demo", "--inspections", "60"], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert demo.returncode == 0, demo.stderr
    loaded = loaded_by(
        "from pathlib import Path\nimport os\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from inspector.app import build_main_window, configure_application\n"
        "from inspector.context import open_context\n"
        "from inspector.ui.uicontext import UiContext\n"
        "configure_application(app)\n"
        "context = open_context(Path(os.environ['INSPECTOR_DATA_DIR']))\n"
        "ui = UiContext(app=context)\n"
        "ui.sign_in(context.users.authenticate('wangfang', 'demo1234'))\n"
        "window = build_main_window(ui)\n"
        "import sys\n"  # built, before any event: the exchange and the hub's exchange wait for the window
        "early = {'inspector.services.exchange', 'inspector.words.messages', 'inspector.ui.dialogs.login'}\n"
        "assert not early & set(sys.modules), early & set(sys.modules)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert set(window.pages.built()) == {'dashboard'}, window.pages.built()\n", env)
    assert "PySide6" in loaded
    assert loaded & set(SIGNING_AND_DOCUMENTS) == set()
