"""bench/report.py at a tiny size, so the bench cannot rot: the generator fills every table the
monthly report reads, the report finds them, and one timing round yields every figure.
Nothing about speed is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"inspections": 200, "findings": 600, "answers_per": 4, "notices": 20}


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_report", ROOT / "bench" / "report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return load_bench()


def test_generator_fills_the_tables_and_the_report_reads_them(bench, tmp_path: Path) -> None:
    context, office, info = bench.prepared(tmp_path / "data", SIZES)
    try:
        counts = info["counts"]
        assert counts["inspections"] == 200
        assert counts["answers"] == 200 * 4
        assert 0 < counts["findings"] and 0 < counts["notices"] <= 20
        month = info["month"][:7]
        report = context.reports.monthly(office, month)
        assert report.month == month
        assert sum(mode.count for mode in report.modes) > 0
        assert report.items_checked > 0
        assert report.sections
    finally:
        context.close()
    again, _, same = bench.prepared(tmp_path / "data", SIZES)  # the cached folder is reused as it is
    again.close()
    assert same == info


def test_one_timing_round_gives_every_figure(bench, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    context, office, info = bench.prepared(tmp_path / "data", SIZES)
    try:
        month = info["month"][:7]
        timings = bench.measure_once(context, office, month, tmp_path, bench.render_monthly_report)
        queries = [name for name, _ in bench.bare_queries(context.db, month)]
        plans = bench.query_plans(context, month)
    finally:
        context.close()
    for key in ("monthly", "queries", "aggregation", "xlsx", "pdf", "report", "sql", *(f"sql {name}" for name in queries)):
        assert timings[key] > 0, key
    assert (tmp_path / "report.xlsx").stat().st_size > 0
    assert timings["pdf_bytes"] > 10_000 and timings["report"] >= timings["pdf"]
    assert {name for name, _, _ in plans} == set(queries) and all(lines for _, _, lines in plans)
    bench.print_figures({key: [value] for key, value in timings.items()}, info, month, 1)
    printed = capsys.readouterr().out
    assert "ReportService.monthly" in printed and "bare SQL" in printed
