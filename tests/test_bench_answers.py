"""bench/answers.py at a tiny size, so the bench cannot rot: both modes record real answers
through the service and the figures are printed. Nothing about speed is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_bench_records_answers_in_both_modes_and_prints_the_ratio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_answers", ROOT / "bench" / "answers.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)

    figures = bench.run(tmp_path / "data", answers=3, rounds=2)
    assert figures["answers"] == 6 and figures["full_ms"] > 0 and figures["normal_ms"] > 0

    from inspector.context import open_context
    context = open_context(tmp_path / "data")
    try:  # the rounds really recorded answers (warm-up 3 + 2 × 3 per mode)
        assert context.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 3 + 2 * 2 * 3
    finally:
        context.close()

    assert bench.main(["--answers", "2", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "synchronous=FULL" in out and "ratio FULL / NORMAL" in out
