"""The four rings hold: domain ← storage ← services ← ui, checked on the source with ``ast``.

Also: no SQL and no file writing in ``inspector/ui``; only ``inspector/ui`` and ``inspector/app.py``
import QtWidgets; no import circles between modules of ``inspector/`` (imports under
``TYPE_CHECKING`` count: a circle of types is a circle of design); nothing below the composition
root imports it (``context``, ``app``, ``demo``, ``cli``); the package root holds only the
composition root, paths and settings. Self-tests feed the checkers bad code so that they
provably fail.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "inspector"
SQL = re.compile(
    r"^\s*(select\s.+\sfrom\s|insert\s+(or\s+\w+\s+)?into\s|update\s+\w+\s+set\s|delete\s+from\s"
    r"|create\s+(unique\s+)?(table|index|trigger|view)\s|drop\s+(table|index|trigger)\s|alter\s+table\s"
    r"|pragma\s+\w+|begin(\s+immediate)?\s*;?$|commit\s*;?$)",
    re.I | re.S,
)
WRITE_CALLS = {"write_text", "write_bytes", "unlink", "rename", "replace", "rmtree", "mkdir"}

# What sits above the services: the composition root and its clients. No ring below imports them.
ABOVE = ("inspector.context", "inspector.app", "inspector.demo", "inspector.cli")
# The package root: the composition root (app, context), where things live, and typed settings.
ROOT_MODULES = {"__init__.py", "app.py", "context.py", "paths.py", "settings.py"}
SIZE_LIMIT = 800  # ~400 lines is a signal to look at a module's purposes again; past this, split

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("PySide6", "sqlite3", "sqlite_utils", "PIL", "reportlab", "pyhanko", "openpyxl",
               "inspector.storage", "inspector.services", "inspector.ui", "inspector.words", *ABOVE),
    "storage": ("PySide6", "inspector.services", "inspector.ui", "inspector.words", *ABOVE),
    "services": ("PySide6.QtWidgets", "PySide6.QtGui", "inspector.ui", *ABOVE),
    "words": ("PySide6.QtWidgets", "PySide6.QtGui", "sqlite3", "sqlite_utils", "inspector.storage",
              "inspector.services", "inspector.ui", *ABOVE),
    "demo": ("PySide6.QtWidgets", "PySide6.QtGui", "inspector.ui", "inspector.app", "inspector.cli"),
    "ui": ("sqlite3", "sqlite_utils", "inspector.storage"),
    "media": ("PySide6", "sqlite3", "sqlite_utils", "inspector.storage", "inspector.services", "inspector.ui",
              *ABOVE),
    "pdf": ("PySide6", "sqlite3", "sqlite_utils", "inspector.storage", "inspector.services", "inspector.ui",
            *ABOVE),
    "signing": ("PySide6", "sqlite3", "sqlite_utils", "inspector.storage", "inspector.services", "inspector.ui",
                *ABOVE),
    # The .inspx file format: no SQL and no use cases — services decide what travels.
    "exchange": ("PySide6", "sqlite3", "sqlite_utils", "inspector.storage", "inspector.services", "inspector.ui",
                 *ABOVE),
    # The office hub's PostgreSQL side: no SQLite, no use cases — services decide what travels.
    "hub": ("PySide6", "sqlite3", "sqlite_utils", "inspector.storage", "inspector.services", "inspector.ui",
            "inspector.words", *ABOVE),
}


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def violations(ring: str, relative: str, source: str) -> list[str]:
    """Every rule ``source`` (a module of ``ring``, at ``relative``) breaks."""
    tree = ast.parse(source)
    problems = []
    for line, name in _imports(tree):
        for banned in FORBIDDEN.get(ring, ()):
            if name == banned or name.startswith(banned + "."):
                problems.append(f"{relative}:{line} imports {name} (forbidden in {ring})")
        if "QtWidgets" in name and ring != "ui" and relative != "app.py":
            problems.append(f"{relative}:{line} imports {name} (only inspector/ui may use QtWidgets)")
        if name.startswith("inspector.ui") and ring != "ui" and relative not in ("app.py",):
            problems.append(f"{relative}:{line} imports {name} (only app.py may reach into ui)")
    if ring == "ui":
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
                problems.append(f"{relative}:{node.lineno} has SQL text {node.value[:30]!r}")
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in WRITE_CALLS:
                    problems.append(f"{relative}:{node.lineno} writes files ({name}); use a service")
                if name == "open" and any(
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str) and set(arg.value) & set("wax+")
                    for arg in node.args[1:2]
                ):
                    problems.append(f"{relative}:{node.lineno} opens a file for writing; use a service")
    return problems


def _ring_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def test_rings_hold() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "forms" in path.parts and path.parent.name == "forms":
            continue  # generated by pyside6-uic
        relative = str(path.relative_to(PACKAGE))
        problems += violations(_ring_of(path), relative, path.read_text(encoding="utf-8"))
    assert problems == []


def test_checker_catches_bad_code() -> None:
    assert violations("domain", "domain/x.py", "import sqlite3\n")
    assert violations("domain", "domain/x.py", "from PySide6.QtCore import QObject\n")
    assert violations("storage", "storage/x.py", "from inspector.services.users import UserService\n")
    assert violations("services", "services/x.py", "from PySide6 import QtWidgets\n")
    assert violations("ui", "ui/x.py", "import sqlite_utils\n")
    assert violations("media", "media/x.py", "from inspector.storage.photo_store import PhotoStore\n")
    assert violations("media", "media/x.py", "from PySide6.QtGui import QImage\n")
    assert violations("media", "media/x.py", "from PIL import Image\n") == []
    assert violations("pdf", "pdf/x.py", "from inspector.services.notices import NoticeService\n")
    assert violations("pdf", "pdf/x.py", "from PySide6.QtCore import QObject\n")
    assert violations("pdf", "pdf/x.py", "from reportlab.platypus import Table\nfrom PIL import Image\n") == []
    assert violations("signing", "signing/x.py", "from inspector.storage import certificates_repo\n")
    assert violations("signing", "signing/x.py", "from pyhanko.sign import signers\n") == []
    assert violations("exchange", "exchange/x.py", "import sqlite3\n")
    assert violations("exchange", "exchange/x.py", "from inspector.services.users import UserService\n")
    assert violations("exchange", "exchange/x.py", "from inspector.storage.photo_store import PhotoStore\n")
    assert violations("exchange", "exchange/x.py", "import bagit\nfrom inspector.signing.pki import make_ca\n") == []
    assert violations("hub", "hub/x.py", "from inspector.storage import hub_repo\n")
    assert violations("hub", "hub/x.py", "from inspector.services.hub_sync import HubService\n")
    assert violations("hub", "hub/x.py", "import psycopg\nfrom inspector.domain.records import Record\n") == []
    assert violations("ui", "ui/x.py", "q = 'SELECT * FROM units'\n")
    assert violations("ui", "ui/x.py", "q = 'insert into units (code) values (?)'\n")
    assert violations("ui", "ui/x.py", "q = 'PRAGMA foreign_keys'\n")
    assert violations("ui", "ui/x.py", "label = 'Create account'\nother = 'Update the list'\n") == []
    assert violations("ui", "ui/x.py", "open('f.txt', 'w').write('x')\n")
    assert violations("ui", "ui/x.py", "from pathlib import Path\nPath('x').write_text('y')\n")
    assert violations("", "cli.py", "from inspector.ui.mainwindow import MainWindow\n")
    assert violations("ui", "ui/x.py", "from inspector.services.users import UserService\n") == []
    assert violations("", "app.py", "from inspector.ui.mainwindow import MainWindow\n") == []
    assert violations("services", "services/x.py", "from inspector.context import AppContext\n")
    assert violations("services", "services/x.py", "from inspector.demo.company import create_demo\n")
    assert violations("storage", "storage/x.py", "from inspector.words import messages\n")
    assert violations("demo", "demo/x.py", "from inspector.context import AppContext\n") == []


def test_modules_have_docstrings_and_stay_small() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "forms":
            continue
        source = path.read_text(encoding="utf-8")
        if source.strip() and ast.get_docstring(ast.parse(source)) is None:
            problems.append(f"{path.relative_to(PACKAGE)} has no module docstring")
        if source.count("\n") > SIZE_LIMIT:
            problems.append(f"{path.relative_to(PACKAGE)} has {source.count(chr(10))} lines (limit {SIZE_LIMIT})")
    assert problems == []


# --- the import graph --------------------------------------------------------------------------
def module_name(path: Path, package: Path = PACKAGE) -> str:
    """``inspector.services.notices`` for ``inspector/services/notices.py`` (a package: its name)."""
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, name: str, is_package: bool, known: Iterable[str]) -> set[str]:
    """The modules of ``known`` that ``source`` (module ``name``) imports, relative imports
    resolved, ``from package import module`` counted as importing the module."""
    known = set(known)
    here = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")[: len(here.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # "from package import module" imports the module; "from module import name", the module.
            candidates = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module
                          for alias in node.names]
        else:
            continue
        for candidate in candidates:
            # "import inspector.services.notices" makes the module itself the dependency.
            while candidate and candidate not in known:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                found.add(candidate)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    paths = {module_name(path, package): path for path in sorted(package.rglob("*.py"))
             if "__pycache__" not in path.parts}
    return {name: imported_modules(path.read_text(encoding="utf-8"), name, path.name == "__init__.py", paths)
            for name, path in paths.items()}


def circles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Every strongly connected set of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_import_circles() -> None:
    assert circles(import_graph()) == []


def test_circle_checker_finds_circles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert circles(graph) == [["a", "b", "c"]]
    known = {"inspector.services.x", "inspector.services.y", "inspector.services"}
    assert imported_modules("from inspector.services import y\n", "inspector.services.x", False, known) == {
        "inspector.services.y"}
    assert imported_modules("from . import y\n", "inspector.services.x", False, known) == {"inspector.services.y"}
    assert imported_modules("from .y import Thing\n", "inspector.services.x", False, known) == {
        "inspector.services.y"}
    typed = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from inspector.services.y import Y\n"
    assert imported_modules(typed, "inspector.services.x", False, known) == {"inspector.services.y"}


def test_nothing_below_the_composition_root_imports_it() -> None:
    """Services, storage, domain… never import the context, the app, the demo or the CLI (the
    demo is a client of the context, like the CLI). The screens are handed the context they show
    (``ui.uicontext``), so ``ui`` may name its type."""
    problems = []
    for name, targets in import_graph().items():
        if name.startswith((*ABOVE, "inspector.ui")) or name == "inspector":
            continue
        problems += [f"{name} imports {target}" for target in sorted(targets) if target.startswith(ABOVE)]
    assert problems == []


def test_package_root_holds_only_the_composition_root_paths_and_settings() -> None:
    loose = sorted(path.name for path in PACKAGE.glob("*.py") if path.name not in ROOT_MODULES)
    assert loose == [], "put shared words in inspector/words/, use cases in inspector/services/, …"
