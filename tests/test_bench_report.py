"""bench/report.py at a tiny size, so the bench cannot rot: the generator fills every table the
monthly report reads, the report finds them, the history subjects have their files, the baseline
database holds the report month alone, and one timing round yields every figure with its ratio.
Nothing about speed is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from inspector.storage import report_summaries_repo

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"inspections": 200, "findings": 600, "answers_per": 4, "notices": 20, "history_months": 2}


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
        assert counts["inspections"] == 200 + 2 * bench.HISTORY_PER_MONTH
        assert counts["answers"] == counts["inspections"] * 4
        assert 0 < counts["findings"] and 0 < counts["notices"] <= 20 + 2 * bench.HISTORY_PER_MONTH // 5  # ~5 % of the history
        month = info["month"][:7]
        report = context.reports.monthly(office, month)
        assert report.month == month
        assert sum(mode.count for mode in report.modes) > 0
        assert report.items_checked > 0
        assert report.sections
        assert report_summaries_repo.differences(context.db) == []  # the triggers kept them during the build
        months = context.db.execute("SELECT COUNT(DISTINCT substr(observed_at, 1, 7)) FROM inspections").fetchone()[0]
        assert months >= bench.MONTHS - 2
        vehicle = context.archives.vehicle(office, bench.HISTORY_VEHICLE)
        staff = context.archives.staff(office, bench.HISTORY_STAFF)
        assert len(vehicle.inspections) > 10 and len(staff.inspections) > len(vehicle.inspections)
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
        with_files = bench.query_plans(context, month, office)
        bench.print_plain(context, month, "all months")
    finally:
        context.close()
    for key in ("monthly", "queries", "aggregation", "xlsx", "pdf", "report", "sql", *(f"sql {name}" for name in queries),
                "vehicle file", "vehicle file pdf", "staff file", "staff file pdf"):
        assert timings[key] > 0, key
    assert (tmp_path / "report.xlsx").stat().st_size > 0
    assert timings["pdf_bytes"] > 10_000 and timings["report"] >= timings["pdf"]
    assert {name for name, _, _ in plans} == set(queries) and all(lines for _, _, lines in plans)
    assert {name for name, _, _ in with_files} == {*queries, "vehicle file", "staff file"}
    base_context, base_office, base_info = bench.prepared(tmp_path / "month", bench.baseline_sizes(SIZES), months=1)
    try:
        others = base_context.db.execute(  # all but the history subjects' inspections are of the report month
            "SELECT DISTINCT substr(observed_at, 1, 7) FROM inspections WHERE NOT (subject_kind = 'vehicle' AND"
            " subject_id = (SELECT id FROM vehicles WHERE fleet_no = ?)) AND NOT (subject_kind = 'staff' AND"
            " subject_id = (SELECT id FROM staff WHERE staff_no = ?))", [bench.HISTORY_VEHICLE, bench.HISTORY_STAFF])
        assert [row[0] for row in others] == [month]
        baseline = bench.measure_once(base_context, base_office, month, tmp_path, bench.render_monthly_report)
    finally:
        base_context.close()
    assert base_info["counts"]["inspections"] < info["counts"]["inspections"]
    bench.print_figures({key: [value] for key, value in timings.items()}, info, month, 1,
                        {key: [value] for key, value in baseline.items()}, base_info)
    printed = capsys.readouterr().out
    assert "ReportService.monthly" in printed and "bare reports_repo SQL" in printed
    assert "ratio" in printed and "vehicle file" in printed and "baseline:" in printed
    assert "plain recomputation" in printed and "unit_trend 12 months" in printed
