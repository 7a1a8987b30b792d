"""bench/startup.py and bench/cli.py run to the end at a tiny size and print every figure, so that
they cannot rot. The figures themselves are not asserted (these machines are noisy)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_cli_bench_prints_both_ratios(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("cli").main(["--runs", "3"]) == 0
    out = capsys.readouterr().out
    assert "baseline: import sqlite3, pydantic, sqlite_utils" in out
    assert "inspector-cli --help" in out and "(target ≤ 1.5×)" in out
    assert "inspector-cli templates list --json" in out and "(target ≤ 2.0×)" in out
    assert "heavy libraries loaded: none" in out  # a listing loads neither Qt nor signing nor documents
    assert "argon2id" in out


def test_startup_bench_prints_the_start_the_baseline_and_the_demo_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("startup").main(["--runs", "5", "--demo-inspections", "8"]) == 0
    out = capsys.readouterr().out
    assert "main window's first frame" in out and "ratio inspector / bare Qt:" in out
    assert "second --demo start" in out and "ratio to the normal start" in out
