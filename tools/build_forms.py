"""Regenerate ``inspector/ui/forms/ui_<name>.py`` from every Designer file ``forms/<name>.ui``.

Run it after editing a form in Qt Designer and commit both files. ``pyside6-uic`` comes with the
pinned PySide6-Essentials wheel, so the output is reproducible; ``tests/ui/test_forms_generated.py``
regenerates into a temporary folder and fails when a committed file differs.

Usage::

    python tools/build_forms.py [--out DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUTPUT = ROOT / "inspector" / "ui" / "forms"
HEADER = "# Generated from forms/{name}.ui by tools/build_forms.py (pyside6-uic). Do not edit.\n"


def uic_command() -> list[str]:
    """The pyside6-uic of the running interpreter's environment (falls back to PATH)."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import uic; sys.exit(uic())"]


def generate(ui_file: Path) -> str:
    """The Python source pyside6-uic makes of ``ui_file``, with our generated-file header."""
    result = subprocess.run(
        [*uic_command(), str(ui_file)], check=True, capture_output=True, text=True, encoding="utf-8"
    )
    return HEADER.format(name=ui_file.stem) + result.stdout


def build(out: Path = OUTPUT) -> list[Path]:
    """Write ``ui_<name>.py`` for every ``forms/*.ui`` into ``out``; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in sorted(FORMS.glob("*.ui")):
        target = out / f"ui_{ui_file.stem}.py"
        target.write_text(generate(ui_file), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
