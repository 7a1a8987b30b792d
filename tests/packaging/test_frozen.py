"""The PyInstaller one-folder build of packaging/inspector.spec works on its own: the folder holds
both programs, the resources, the Qt plugins and pillow-heif's libheif; the frozen
``inspector-cli`` runs ``--version``, ``init``, ``demo --inspections 60``, ``notices export``,
a signed export and ``verify`` of it (a tampered copy refused), ``check``; the frozen ``Inspector``
starts offscreen to its first window (``--self-check``) in Chinese, with the stylesheet and the
bundled font. Everything runs from a folder outside the checkout.

The build (about a minute here) is made once per test run in a temporary folder, or taken from
$INSPECTOR_FROZEN (a dist/Inspector folder built earlier from the same checkout).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector.paths import REQUIRED_RESOURCES
from tests.packaging.conftest import ROOT, need, user_scenario

SPEC = ROOT / "packaging" / "inspector.spec"
EXE = ".exe" if os.name == "nt" else ""
QT_PLUGINS = {
    "platforms": ("qoffscreen", "qxcb") if os.name != "nt" else ("qoffscreen", "qwindows"),
    "imageformats": ("qsvg", "qjpeg", "qico", "qpdf"),
    "iconengines": ("qsvgicon",),
}


@pytest.fixture(scope="session")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dist/Inspector folder of a PyInstaller build of the spec."""
    given = os.environ.get("INSPECTOR_FROZEN")
    if given:
        folder = Path(given)
        assert (folder / f"inspector-cli{EXE}").is_file(), f"$INSPECTOR_FROZEN={given} is not a build"
        return folder
    need(importlib.util.find_spec("PyInstaller"), "PyInstaller is not installed (pip install -e '.[test]')")
    need(os.name == "nt" or shutil.which("objdump"), "PyInstaller needs objdump on Linux (apt-get install binutils)")
    work = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=work, capture_output=True, text=True, timeout=1200, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    print(f"PyInstaller build: {time.monotonic() - started:.0f} s")
    return work / "dist" / "Inspector"


def _plugin(folder: Path, kind: str, name: str) -> list[Path]:
    return sorted((folder / kind).glob(f"*{name}.*"))


@pytest.mark.timeout(1500)
def test_the_frozen_folder_holds_what_the_app_loads(frozen: Path) -> None:
    assert (frozen / f"Inspector{EXE}").is_file() and (frozen / f"inspector-cli{EXE}").is_file()
    internal = frozen / "_internal"
    for name in REQUIRED_RESOURCES:
        assert (internal / "inspector_resources" / name).is_file(), name
    assert not list((internal / "inspector_resources").rglob("*.ts")), "Linguist sources stay out"
    plugins = internal / "PySide6" / ("plugins" if os.name == "nt" else "Qt/plugins")
    missing = [f"{kind}/{name}" for kind, names in QT_PLUGINS.items() for name in names
               if not _plugin(plugins, kind, name)]
    assert missing == [], f"Qt plugins missing from {plugins}"
    assert list(internal.rglob("*Qt6Pdf*")), "the QtPdf library (notice preview) is missing"
    assert list(internal.glob("_pillow_heif*")) and list(internal.rglob("*heif*")), "pillow-heif is missing"
    translations = internal / "PySide6" / ("translations" if os.name == "nt" else "Qt/translations")
    assert (translations / "qtbase_zh_CN.qm").is_file(), "Qt's own Chinese strings are missing"
    assert not list(internal.glob("pytest*")) and not (internal / "tests").exists(), "test tools rode along"


@pytest.mark.timeout(1500)
def test_the_frozen_build_works_outside_the_checkout(frozen: Path, tmp_path: Path) -> None:
    facts = user_scenario([frozen / f"inspector-cli{EXE}"], [frozen / f"Inspector{EXE}"], tmp_path / "user")
    assert facts["frozen"] is True, facts
    assert Path(str(facts["resources"])).resolve() == (frozen / "_internal" / "inspector_resources").resolve()
    assert frozen.resolve() in Path(str(facts["plugins"])).resolve().parents, facts["plugins"]
