"""bench/hub.py at a tiny size, so the bench cannot rot: two simulated laptops push to a throwaway
cluster, the office pulls every record and blob, the bare COPY baseline runs, and one round gives
every figure. Nothing about speed is asserted. Needs PostgreSQL (fails without it, as tests/hub)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_one_round_at_a_tiny_size_gives_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_hub", ROOT / "bench" / "hub.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    figures = bench.run(laptops=2, inspections=3, print_kb=4, timeout=120)
    assert figures["records"] == 2 * 3 * 3 and figures["blobs"] == 6 and figures["pushed"] == 18
    for key in ("push", "pull", "converge", "copy", "ratio", "rss laptop max", "rss office"):
        assert figures[key] > 0, key
    bench.print_figures(figures)
    printed = capsys.readouterr().out
    assert "time to converge" in printed and "bare COPY" in printed and "peak RSS" in printed
