"""What the wheel will hold, checked on the checkout in a second (tests/packaging/ builds one).

Every folder of modules under inspector/ is a package that setup.py finds; every file in
resources/ that the app uses is matched by package-data; every third-party import is a declared
dependency; every dependency is bounded by major version.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

from inspector.paths import REQUIRED_RESOURCES, font_path, resources_dir

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Files in resources/ that stay out of the wheel on purpose.
NOT_SHIPPED = {"__init__.py", "translations/inspector_zh_CN.ts"}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_folder_of_modules_is_a_found_package() -> None:
    """find_packages (setup.py) skips a folder without __init__.py: its modules would not ship."""
    folders = {path.parent for path in (ROOT / "inspector").rglob("*.py") if "__pycache__" not in path.parts}
    lacking = sorted(str(folder.relative_to(ROOT)) for folder in folders if not (folder / "__init__.py").is_file())
    assert lacking == [], f"add an __init__.py (with its docstring) to {lacking}"
    assert 'find_packages(include=["inspector", "inspector.*"])' in (ROOT / "setup.py").read_text(encoding="utf-8")
    assert "packages" not in CONFIG["tool"]["setuptools"], "packages are found by setup.py, not listed"


def test_resources_are_found() -> None:
    assert font_path().is_file()
    assert font_path().stat().st_size > 1_000_000  # the whole CJK face, not a subset
    for name in REQUIRED_RESOURCES:
        assert (resources_dir() / name).is_file(), name


def test_every_resource_file_is_package_data() -> None:
    patterns = CONFIG["tool"]["setuptools"]["package-data"]["inspector_resources"]
    folder = ROOT / "resources"
    files = {path.relative_to(folder).as_posix() for path in folder.rglob("*")
             if path.is_file() and "__pycache__" not in path.parts}
    unmatched = sorted(name for name in files - NOT_SHIPPED
                       if not any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns))
    assert unmatched == [], "add these to [tool.setuptools.package-data] inspector_resources"
    assert all(any(fnmatch.fnmatchcase(name, p) for p in patterns) for name in REQUIRED_RESOURCES)


def _third_party_imports() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "inspector").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {name for name in names if name not in sys.stdlib_module_names and name != "inspector"}


def test_every_third_party_import_is_declared() -> None:
    declared = {_normalise(Requirement(spec).name) for spec in CONFIG["project"]["dependencies"]}
    providers = importlib.metadata.packages_distributions()
    undeclared = {}
    for module in sorted(_third_party_imports()):
        distributions = {_normalise(name) for name in providers.get(module, [])}
        assert distributions, f"{module} is imported but no installed distribution provides it"
        if not distributions & declared:
            undeclared[module] = sorted(distributions)
    assert undeclared == {}, "declare these direct imports in [project] dependencies"


def test_every_dependency_is_bounded_by_major_version() -> None:
    for spec in CONFIG["project"]["dependencies"] + [s for group in CONFIG["project"]["optional-dependencies"].values()
                                                     for s in group]:
        requirement = Requirement(spec)
        specifiers = {s.operator: Version(s.version) for s in requirement.specifier}
        if "==" in specifiers:
            continue  # the Qt wheels, pinned on purpose
        assert set(specifiers) == {">=", "<"}, f"{spec}: give a lower and an upper bound"
        low, high = specifiers[">="], specifiers["<"]
        if low.major == 0:
            assert (high.major, high.minor) == (0, low.minor + 1), f"{spec}: below the next 0.x minor"
        else:
            assert (high.major, high.minor, high.micro) == (low.major + 1, 0, 0), f"{spec}: below the next major"
    backend = [Requirement(spec) for spec in CONFIG["build-system"]["requires"]]
    assert [r.name for r in backend] == ["setuptools"]
    assert {s.operator for s in backend[0].specifier} == {">=", "<"}


def test_the_licence_is_a_pep_639_expression() -> None:
    project = CONFIG["project"]
    assert isinstance(project["license"], str)
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name


def test_the_installer_definition_matches_the_frozen_build() -> None:
    """packaging/inspector.iss (Inno Setup, not compiled here) installs what the spec builds, per
    user, at the package's version, and never names the data folder (uninstalling keeps it)."""
    from inspector import APP_NAME, __version__

    script = (ROOT / "packaging" / "inspector.iss").read_text(encoding="utf-8")
    spec = (ROOT / "packaging" / "inspector.spec").read_text(encoding="utf-8")
    assert 'name="Inspector"' in spec and 'name="inspector-cli"' in spec
    assert f'#define AppVersion "{__version__}"' in script and CONFIG["project"]["version"] == __version__
    assert 'Source: "..\\dist\\Inspector\\*"' in script and "recursesubdirs" in script
    assert "PrivilegesRequired=lowest" in script and "DefaultDirName={autopf}\\Inspector" in script
    assert script.count("{app}\\Inspector.exe") >= 3  # the shortcuts and the uninstall icon
    assert "{localappdata}" not in script and "[UninstallDelete]" not in script, "the user's data stays"
    assert APP_NAME == "Inspector"  # platformdirs: %LOCALAPPDATA%\Inspector, as the script's header says
    assert not script.startswith("\ufeff")


def test_windows_installs_carry_qtmultimedia_for_the_webcam() -> None:
    """A Windows install (pip or the frozen build, whose spec refuses to build without it) gets the
    Qt wheel with QtMultimedia at the pinned Qt version, so a supervisor's webcam is offered; Linux
    takes it only through the "camera" extra (it needs PulseAudio and codec libraries there)."""
    def qt_wheels(platform: str) -> dict[str, str]:
        environment = {"sys_platform": platform, "platform_system": "Windows" if platform == "win32" else "Linux"}
        wheels = {}
        for spec in CONFIG["project"]["dependencies"]:
            requirement = Requirement(spec)
            if requirement.name.lower().startswith("pyside6") and (
                    requirement.marker is None or requirement.marker.evaluate(environment)):
                wheels[_normalise(requirement.name)] = str(requirement.specifier)
        return wheels

    windows, linux = qt_wheels("win32"), qt_wheels("linux")
    assert windows["pyside6-addons"] == windows["pyside6-essentials"] == "==6.12.0"
    assert "pyside6-addons" not in linux
    assert [Requirement(s).name for s in CONFIG["project"]["optional-dependencies"]["camera"]] == ["PySide6-Addons"]
    spec = (ROOT / "packaging" / "inspector.spec").read_text(encoding="utf-8")
    assert '"PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets"' in spec and "+ camera_modules())" in spec
