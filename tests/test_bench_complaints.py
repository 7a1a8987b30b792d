"""bench/complaints.py at a tiny size, so the bench cannot rot: the generator fills the tables the
hotline reports read, the reports find the cases, and one timing round yields every figure.
Nothing about speed is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"complaints": 600, "weeks": 8}


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_complaints", ROOT / "bench" / "complaints.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return load_bench()


def test_generator_fills_the_tables_and_the_reports_read_them(bench, tmp_path: Path) -> None:
    context, office, info = bench.prepared(tmp_path / "data", SIZES)
    try:
        assert info["counts"] == {"complaints": 600, "complaint_state": 600}
        weekly = context.complaint_reports.weekly(office, info["week"])
        assert 0 < weekly.total < 600
        assert sum(line.count for line in weekly.by_channel) == weekly.total
        assert weekly.by_unit and weekly.behaviours and weekly.limits.closed
        assert weekly.repeat_complainants  # the phone pool repeats numbers
        monthly = context.complaint_reports.monthly(office, info["month"])
        assert monthly.total > 0
    finally:
        context.close()
    again, _, same = bench.prepared(tmp_path / "data", SIZES)  # the cached folder is reused as it is
    again.close()
    assert same == info


def test_one_timing_round_gives_every_figure(bench, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    context, office, info = bench.prepared(tmp_path / "data", SIZES)
    try:
        labels = {"weekly": info["week"], "monthly": info["month"]}
        timings = bench.measure_once(context, office, labels, tmp_path)
        queries = [name for name, _ in bench.bare_queries(context.db, "weekly", labels["weekly"],
                                                          context.services.clock())]
        plans = bench.query_plans(context, labels)
    finally:
        context.close()
    for period in labels:
        for key in ("report", "xlsx", "pdf", "sql", *(f"sql {name}" for name in queries)):
            assert timings[f"{period} {key}"] > 0, (period, key)
        assert timings[f"{period} pdf_bytes"] > 10_000
        assert (tmp_path / f"{period}.xlsx").stat().st_size > 0
    assert {name for name, _, _ in plans} == set(queries) and all(lines for _, _, lines in plans)
    bench.print_figures({key: [value] for key, value in timings.items()}, info, labels, 1)
    printed = capsys.readouterr().out
    assert "bare SQL" in printed and "peak RSS" in printed and "target ≤ 3×" in printed
