"""The wheel, installed into a fresh venv outside the checkout, works as the README promises:
``init`` loads the three built-in templates, ``demo --inspections 60``, a notice exported (the
font embedded), signed and verified, ``check`` clean, and the GUI's self-check finds the Chinese
translation, the stylesheet and the bundled font — all read from the installed package.

The wheel is built here by tools/build_dist.py from a copy of the checkout (sdist first, then the
wheel from the sdist, as ``python -m build`` does; no deprecation warning allowed), or taken from
$INSPECTOR_WHEEL (``.ci/run`` builds it once with the same tool, its output shown). The fresh
venv gets the dependencies from pip's cache after the first run (the project's own .venv filled
it), so a run downloads nothing it downloaded before.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from inspector.paths import REQUIRED_RESOURCES
from tests.packaging.conftest import ROOT, need, user_scenario


def _build_dist() -> ModuleType:
    """tools/build_dist.py, the build that .ci/run runs, as a module."""
    spec = importlib.util.spec_from_file_location("tools_build_dist", ROOT / "tools" / "build_dist.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


BUILD_DIST = _build_dist()


def _build(out: Path, workdir: Path) -> Path:
    need(importlib.util.find_spec("build"), "the 'build' package is not installed (pip install -e '.[test]')")
    code, log = BUILD_DIST.build(BUILD_DIST.copy_sources(ROOT, workdir / "source"), out, echo=False)
    assert code == 0, log
    assert BUILD_DIST.deprecation_lines(log) == [], "the build warns:\n" + log
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


def test_the_build_check_catches_a_setuptools_deprecation(tmp_path: Path) -> None:
    """The check of the build log is not blind: a project with the licence as a TOML table (what
    pyproject.toml had before PEP 639) builds, and its deprecation is found in the log."""
    need(importlib.util.find_spec("build"), "the 'build' package is not installed (pip install -e '.[test]')")
    project = tmp_path / "old"
    (project / "old_style").mkdir(parents=True)
    (project / "old_style" / "__init__.py").write_text("", encoding="utf-8")
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    (project / "pyproject.toml").write_text(
        "[build-system]\n"
        f"requires = {json.dumps(requires)}\n"
        'build-backend = "setuptools.build_meta"\n'
        '[project]\nname = "old-style"\nversion = "1"\nlicense = { text = "Proprietary" }\n',
        encoding="utf-8")
    code, log = BUILD_DIST.build(project, tmp_path / "dist", echo=False)
    assert code == 0, log
    warned = BUILD_DIST.deprecation_lines(log)
    assert any("project.license" in line or "License" in line for line in warned), log
