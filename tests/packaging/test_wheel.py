"""The wheel, installed into a fresh venv outside the checkout, works as the README promises:
``init`` loads the three built-in templates, ``demo --inspections 60``, a notice exported (the
font embedded), signed and verified, ``check`` clean, and the GUI's self-check finds the Chinese
translation, the stylesheet and the bundled font — all read from the installed package.

The wheel is built here from a copy of the checkout (sdist first, then the wheel from the sdist,
as ``python -m build`` does), or taken from $INSPECTOR_WHEEL (``.ci/run`` builds it once).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from inspector.paths import REQUIRED_RESOURCES
from tests.packaging.conftest import ROOT, need, user_scenario

SOURCES = ("pyproject.toml", "setup.py", "README.md", "inspector", "resources")
DEPRECATION_MARKS = ("SetuptoolsDeprecationWarning", "is deprecated", "no longer be supported",
                     "Package would be ignored")


def _build(out: Path, workdir: Path) -> Path:
    need(importlib.util.find_spec("build"), "the 'build' package is not installed (pip install -e '.[test]')")
    source = workdir / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(source)],
                            capture_output=True, text=True, timeout=600, check=False)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    marks = [line for line in log.splitlines() if any(mark in line for mark in DEPRECATION_MARKS)]
    assert marks == [], "the build warns:\n" + "\n".join(marks)
    wheels = sorted(out.glob("inspector-*.whl"))
    assert len(wheels) == 1 and sorted(out.glob("inspector-*.tar.gz")), sorted(out.iterdir())
    return wheels[0]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("INSPECTOR_WHEEL")
    if given:
        path = Path(given)
        assert path.is_file(), f"$INSPECTOR_WHEEL={given} is not a file"
        return path
    workdir = tmp_path_factory.mktemp("wheel-build")
    return _build(workdir / "dist", workdir)


@pytest.fixture(scope="session")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system site-packages) outside the checkout with only the wheel installed."""
    folder = tmp_path_factory.mktemp("wheel-venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, timeout=300)
    bin_dir = folder / ("Scripts" if os.name == "nt" else "bin")
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              str(wheel)], capture_output=True, text=True, timeout=900, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    return bin_dir


def test_the_wheel_holds_the_resources_and_every_module(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    for name in REQUIRED_RESOURCES:
        assert f"inspector_resources/{name}" in names, name
    assert "inspector_resources/__init__.py" in names, "resources must be a real package"
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "inspector").rglob("*.py")
               if "__pycache__" not in path.parts}
    assert modules - names == set()
    assert not [n for n in names if n.endswith(".ts")], "Linguist sources stay out of the wheel"
    assert "License-Expression: LicenseRef-Proprietary" in metadata
    assert any(n.endswith(".dist-info/licenses/resources/fonts/LICENSE-WenQuanYiMicroHei.txt") for n in names)


@pytest.mark.timeout(1500)
def test_the_installed_wheel_works_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    home = tmp_path / "user"
    where = subprocess.run(
        [str(venv / "python"), "-c", "import inspector, inspector_resources, sys;"
         " print(inspector.__file__); print(inspector_resources.__file__); print(sys.prefix)"],
        cwd=tmp_path, capture_output=True, text=True, check=True, env={"PATH": os.environ.get("PATH", "")},
    ).stdout.split()
    prefix = Path(where[2]).resolve()
    for path in where[:2]:
        assert prefix in Path(path).resolve().parents, f"{path} is not the installed copy"
    facts = user_scenario([venv / "inspector-cli"], [venv / "inspector"], home)
    assert prefix in Path(str(facts["resources"])).resolve().parents, facts["resources"]
    assert not facts["frozen"]
