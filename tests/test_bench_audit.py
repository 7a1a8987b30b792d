"""bench/audit.py at a tiny size, so the bench cannot rot: both formats are filled with the same
inspections and every figure is printed. Nothing about speed or size is asserted but that the
figures exist."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_audit_bench_prints_its_figures_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_audit", ROOT / "bench" / "audit.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    assert module.main(["--inspections", "30", "--answers", "4"]) == 0
    out = capsys.readouterr().out
    for word in ("legacy", "compact", "share", "audit B/insp", "ratio compact/legacy"):
        assert word in out, out
