"""How quick the command line is: ``inspector-cli --help`` and ``templates list --json``.

    python bench/cli.py [--runs N]

Each run is a fresh ``python`` process, timed from spawn to exit (wall clock, medians of N). The
baseline, timed in the same run and interleaved with the commands, is the bare import of what
every command needs anyway: ``import sqlite3, pydantic, sqlite_utils``. The targets
(issue "Ship it"): ``templates list --json`` within 2× the baseline, ``--help`` within 1.5×.

``templates list`` signs its user in, as every command that acts for a user does: one argon2id
verification (the password hash's deliberate cost), timed alone in this process and printed
beside the figures so that the import cost and the sign-in can be told apart. The modules each
command loaded are counted, and the heavy libraries that a listing does not need (pyHanko,
ReportLab, openpyxl, Pillow, Qt) are named if any was loaded. Prints figures; asserts nothing.
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
HEAVY = ("pyhanko", "reportlab", "openpyxl", "PIL", "pillow_heif", "PySide6", "aiohttp")
PASSWORD = "bench-cli-1"

# Runs the CLI's own entry point, then reports what it loaded (on stderr, after the command).
_CLI_CHILD = r"""
import json, sys
from inspector.cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit_:
    code = exit_.code or 0
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(%r))
sys.stderr.write("\nBENCH " + json.dumps({"modules": len(sys.modules), "heavy": heavy}) + "\n")
sys.exit(code)
""" % (HEAVY,)
_BASELINE_CHILD = "import sqlite3, pydantic, sqlite_utils"


def timed(args: list[str], env: dict[str, str]) -> tuple[float, dict[str, object]]:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} … failed ({done.returncode}):\n{done.stderr}")
    facts: dict[str, object] = {}
    for line in done.stderr.splitlines():
        if line.startswith("BENCH "):
            facts = json.loads(line[6:])
    return seconds, facts


def argon2_verify_seconds() -> float:
    from inspector.services.users import _HASHER as hasher  # the parameters the app signs in with

    hashed = hasher.hash(PASSWORD)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        hasher.verify(hashed, PASSWORD)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inspector-bench-cli-") as tmp:
        env = {**os.environ, "INSPECTOR_DATA_DIR": str(Path(tmp) / "data"), "INSPECTOR_PASSWORD": PASSWORD,
               "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("QT_QPA_PLATFORM", None)
        python = sys.executable
        init = subprocess.run([python, "-m", "inspector.cli.main", "init"], env=env, capture_output=True, text=True,
                              check=False)
        if init.returncode != 0:
            raise SystemExit(f"init failed:\n{init.stderr}")
        commands = {
            "baseline": [python, "-c", _BASELINE_CHILD],
            "--help": [python, "-c", _CLI_CHILD, "--help"],
            "templates list --json": [python, "-c", _CLI_CHILD, "templates", "list", "--json"],
        }
        for args in commands.values():  # warm the file cache once, untimed
            timed(args, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        facts: dict[str, dict[str, object]] = {}
        for _ in range(max(options.runs, 3)):
            for name, args in commands.items():
                seconds, found = timed(args, env)
                times[name].append(seconds)
                facts[name] = found
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["baseline"]
    verify = argon2_verify_seconds()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; medians of {len(times['baseline'])} "
          "fresh processes, spawn to exit")
    print(f"baseline: import sqlite3, pydantic, sqlite_utils      {ms(base)}")
    for name, target in (("--help", 1.5), ("templates list --json", 2.0)):
        found = facts.get(name, {})
        heavy = ", ".join(found.get("heavy", [])) or "none"  # type: ignore[arg-type]
        print(f"inspector-cli {name:24s}            {ms(medians[name])}   ratio {medians[name] / base:4.2f}× "
              f"(target ≤ {target}×)   modules {found.get('modules', '?')}, heavy libraries loaded: {heavy}")
    print(f"  of which signing in (one argon2id verification, timed here alone): {ms(verify)}; "
          f"templates list without it: ratio {(medians['templates list --json'] - verify) / base:4.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
