"""Build the sdist and the wheel as a release would, with every warning of the build shown, and
fail when the build backend warns that something is deprecated.

    .venv/bin/python tools/build_dist.py OUTDIR

The sources the package is made of (pyproject.toml, setup.py, README.md, inspector/, resources/)
are copied to a temporary folder first, so that the checkout gets no build/ or *.egg-info and
nothing outside those sources can slip into the sdist; then ``python -m build`` makes the sdist
and, from the unpacked sdist, the wheel (what pip does with an sdist). The build backend runs with
Python's warnings shown (``PYTHONWARNINGS=default``), its output is printed as it comes, and the
exit code is 1 when a line of it is a deprecation warning (setuptools' dated deprecations are how
a build breaks months later: ``project.license`` as a table stopped working on 2027-02-18).

``.ci/run`` runs this first and hands the wheel to the tests ($INSPECTOR_WHEEL);
tests/packaging/test_wheel.py runs it when no wheel is handed over.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "README.md", "inspector", "resources")
# What setuptools (and pip, and Python's warnings) print when a build relies on something on its way out.
DEPRECATION_MARKS = ("DeprecationWarning", "is deprecated", "no longer be supported", "will be removed",
                     "Package would be ignored")


def deprecation_lines(log: str) -> list[str]:
    """The lines of a build log that announce a deprecation."""
    return [line.strip() for line in log.splitlines() if any(mark in line for mark in DEPRECATION_MARKS)]


def copy_sources(source: Path, target: Path, names: tuple[str, ...] = SOURCES) -> Path:
    """The package's sources of ``source`` in ``target`` (no caches, no egg-info)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        else:
            shutil.copy2(source / name, target / name)
    return target


def build(project: Path, out: Path, *, echo: bool = True) -> tuple[int, str]:
    """``python -m build`` of ``project`` (a folder with pyproject.toml) into ``out``: exit code, log."""
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    process = subprocess.Popen([sys.executable, "-m", "build", "--outdir", str(out), str(project)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                               errors="replace")
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if echo:
            sys.stdout.write(line)
            sys.stdout.flush()
    return process.wait(), "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="where the sdist and the wheel go")
    parser.add_argument("--quiet", action="store_true", help="print only the verdict, not the build's output")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inspector-build-") as folder:
        code, log = build(copy_sources(ROOT, Path(folder) / "source"), args.outdir.resolve(), echo=not args.quiet)
    if code != 0:
        if args.quiet:
            sys.stdout.write(log)
        print(f"error: the build failed (exit {code})", file=sys.stderr)
        return 1
    warned = deprecation_lines(log)
    if warned:
        print("error: the build warns of deprecations:\n  " + "\n  ".join(warned), file=sys.stderr)
        return 1
    wheels = sorted(args.outdir.glob("inspector-*.whl"))
    sdists = sorted(args.outdir.glob("inspector-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"error: expected one wheel and one sdist in {args.outdir}, found {wheels + sdists}", file=sys.stderr)
        return 1
    print(f"built without deprecation warnings: {sdists[0]} {wheels[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
