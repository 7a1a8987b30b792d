"""The monthly report and the vehicle and staff files over a city bus group's two years: the
month's cost against the same report on a database holding that month alone, built in the same run.

    python bench/report.py [--inspections N] [--findings N] [--answers-per N] [--notices N]
                           [--runs N] [--data FOLDER] [--rebuild] [--plans]

Set-up (not timed; built once into ``--data``, default a temp folder named after the sizes, and
reused while its ``bench-report.json`` matches; ``bench/report_data.py`` makes the rows):
``open_context`` (every migration, index and trigger), five accounts through the user service,
the built-in templates as ``init`` loads them, then in ONE write transaction with ``executemany``:
12 units, 1 441 buses, 3 001 staff, 600 locations; ``--inspections`` over the 24 months ending
with the last complete month (weekdays, 08:00–18:00; 75/15/10 % on-site/covert/walk-around; 95 %
completed, scores mostly 70–100, 2 % vetoed) about subjects of the template's kind, with their
unit and responsible staff, ids in random time order; ``--answers-per`` answers each (82 % pass,
10 % fail, 8 % n/a); about ``--findings`` findings (default 10 per inspection); ``--notices``
notices (1–3 items, ~3 % recurred; old ones closed, recent ones open); and a bus (``H-0001``)
and its driver (``H00001``) with five years of history (780 bus and 300 staff inspections, their
findings and ~5 % of them noticed), the same in both databases. No ANALYZE. The migration's
triggers keep the report summaries during the insert: the build time printed includes them.

Baseline database, same run: the report month alone (a 24th of every size) and the same history.

Timed, in this process, for the last complete month and every unit, as the quality office, on
both databases:

- ``ReportService.monthly`` end to end, then its parts measured again: the queries with the rows
  turned into facts (``facts``), and the pure aggregation (``domain.reports.monthly_report``);
- ``write_monthly_xlsx`` to a temporary file;
- ``render_monthly_report`` (``inspector.pdf.report_pdf``), the PDF the office sends;
- the vehicle file and the staff file of the history subjects (``ArchiveService.vehicle`` /
  ``staff``: the queries and the record) and their PDFs (``render_archive``).

Also every ``reports_repo`` function that ``facts`` calls, with the same arguments, alone (the
bare SQL and its fetch), per query and summed. Printed: each figure on both databases and their
ratio (target: the report ≤ 1.5 s and ≤ 1.2× the baseline; each file ≤ 0.3 s). ``--plans``
prints SQLite's EXPLAIN QUERY PLAN of each report and file query as executed. One untimed warm-up
first (imports, font, page cache); prints medians of ``--runs``; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report_data import (  # noqa: F401 (HISTORY_PER_MONTH: the smoke test)
    HISTORY_MONTHS,
    HISTORY_PER_MONTH,
    HISTORY_STAFF,
    HISTORY_VEHICLE,
    MONTHS,
    prepared,
)
from inspector.context import AppContext
from inspector.domain import reports
from inspector.domain.users import User
from inspector.pdf.report_pdf import render_monthly_report
from inspector.services.archives import render_archive
from inspector.services.report_sheets import write_monthly_xlsx
from inspector.storage import reports_plain, reports_repo

TARGET_S = 1.5
TARGET_RATIO = 1.2
FILE_TARGET_S = 0.3


def baseline_sizes(sizes: dict[str, int]) -> dict[str, int]:
    """The sizes of the database that holds the report month alone."""
    return {"inspections": max(1, sizes["inspections"] // MONTHS), "findings": max(1, sizes["findings"] // MONTHS),
            "answers_per": sizes["answers_per"], "notices": max(1, sizes["notices"] // MONTHS),
            "history_months": sizes["history_months"]}


# Every kind, as if a checklist inspected each: the bench times the most the report may ask for.
KINDS = ["vehicle", "staff", "location", "unit"]


def bare_queries(db: Any, month: str) -> list[tuple[str, Callable[[], Any]]]:
    """Every ``reports_repo`` call that ``ReportService.facts`` makes for ``month`` and all units."""
    first, end = reports.month_range(month)
    start, stop = first.isoformat(), end.isoformat()
    last = reports.shift_month(first, -1).isoformat()
    trend = reports.shift_month(first, 1 - reports.TREND_MONTHS).isoformat()
    return [
        ("mode_counts", lambda: reports_repo.mode_counts(db, start, stop, None)),
        ("coverage", lambda: reports_repo.coverage(db, start, stop, None, KINDS)),
        ("answer_totals", lambda: reports_repo.answer_totals(db, start, stop, None)),
        ("findings_by_section", lambda: reports_repo.findings_by_section(db, start, stop, None)),
        ("notices", lambda: reports_repo.notices(db, start, stop, None)),
        ("problem_counts", lambda: reports_repo.problem_counts(db, start, stop, None)),
        ("problem_counts last month", lambda: reports_repo.problem_counts(db, last, start, None)),
        ("unit_scores", lambda: reports_repo.unit_scores(db, start, stop, None)),
        ("unit_scores last month", lambda: reports_repo.unit_scores(db, last, start, None)),
        ("staff_scores", lambda: reports_repo.staff_scores(db, start, stop, None)),
        ("staff_scores last month", lambda: reports_repo.staff_scores(db, last, start, None)),
        ("unit_trend", lambda: reports_repo.unit_trend(db, trend, stop, None)),
        ("before_after", lambda: reports_repo.before_after(db, start, stop, None)),
        ("uncovered", lambda: reports_repo.uncovered(db, start, stop, None, KINDS)),
    ]


SUMMARISED = ("mode_counts", "answer_totals", "findings_by_section", "problem_counts", "unit_scores", "staff_scores",
              "unit_trend")


def plain_queries(db: Any, month: str) -> list[tuple[str, Callable[[], Any]]]:
    """The summarised queries of ``bare_queries`` counted from the base tables instead
    (``reports_plain``: what each cost before migration 0018, and what a window of other than
    whole months still costs)."""
    first, end = reports.month_range(month)
    start, stop = first.isoformat(), end.isoformat()
    trend = reports.shift_month(first, 1 - reports.TREND_MONTHS).isoformat()
    return [(name, (lambda name=name, start=start: getattr(reports_plain, name)(db, start, stop, None)))
            for name in SUMMARISED] + [("unit_trend 12 months", lambda: reports_plain.unit_trend(db, trend, stop, None))]


def print_plain(context: AppContext, month: str, label: str) -> None:
    """One timing of each plain query (after one untimed call)."""
    print(f"\n  plain recomputation from the base tables, {label} (one run each, after a warm-up):")
    for name, query in plain_queries(context.db, month):
        query()
        _, took = _timed(query)
        print(f"    {name:<27}{took * 1000:8.1f} ms")


def _timed(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    return call(), time.perf_counter() - start


def archive_calls(context: AppContext, actor: User) -> list[tuple[str, Callable[[], Any]]]:
    """The two files of the history subjects, gathered."""
    return [("vehicle file", lambda: context.archives.vehicle(actor, HISTORY_VEHICLE)),
            ("staff file", lambda: context.archives.staff(actor, HISTORY_STAFF))]


def measure_once(context: AppContext, actor: User, month: str, folder: Path,
                 render: Callable[[reports.MonthlyReport], bytes], file_pdfs: bool = True) -> dict[str, float]:
    """Seconds of each step of one report, of each bare query, and of each file (and its PDF)."""
    timings: dict[str, float] = {}
    report, timings["monthly"] = _timed(lambda: context.reports.monthly(actor, month))
    facts, timings["queries"] = _timed(lambda: context.reports.facts(month))
    _, timings["aggregation"] = _timed(lambda: reports.monthly_report(facts))
    _, timings["xlsx"] = _timed(lambda: write_monthly_xlsx(report, folder / "report.xlsx"))
    pdf, timings["pdf"] = _timed(lambda: render(report))
    timings["pdf_bytes"] = len(pdf)
    timings["report"] = timings["monthly"] + timings["xlsx"] + timings["pdf"]
    for name, query in bare_queries(context.db, month):
        _, timings[f"sql {name}"] = _timed(query)
    timings["sql"] = sum(value for key, value in timings.items() if key.startswith("sql "))
    for name, gather in archive_calls(context, actor):
        archive, timings[name] = _timed(gather)
        if file_pdfs:
            _, timings[f"{name} pdf"] = _timed(lambda archive=archive: render_archive(archive))
        timings[f"{name} inspections"] = len(archive.inspections)
        timings[f"{name} findings"] = sum(len(inspection.findings) for inspection in archive.inspections)
    return timings


def _traced(context: AppContext, name: str, call: Callable[[], Any]) -> list[tuple[str, str, list[str]]]:
    executed: list[str] = []
    context.db.conn.set_trace_callback(executed.append)
    try:
        call()
    finally:
        context.db.conn.set_trace_callback(None)
    plans = []
    for sql in executed:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        rows = context.db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        plans.append((name, sql, [f"{'  ' * (row[1] > 0)}{row[-1]}" for row in rows]))
    return plans


def query_plans(context: AppContext, month: str, actor: User | None = None) -> list[tuple[str, str, list[str]]]:
    """(name, SQL as executed, EXPLAIN QUERY PLAN lines) of each bare query (and, given ``actor``,
    of each query of the two files)."""
    plans = []
    for name, query in bare_queries(context.db, month):
        plans += _traced(context, name, query)
    for name, gather in archive_calls(context, actor) if actor is not None else ():
        plans += _traced(context, name, gather)
    return plans


def measure(context: AppContext, actor: User, month: str, runs: int, file_pdfs: bool = False,
            baseline: tuple[AppContext, User] | None = None) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Medians' inputs of ``context`` and of ``baseline`` (when given): one untimed warm-up each,
    then ``runs`` timed rounds taking turns, so that both see the same machine (the files' PDFs,
    when asked, in the last round only: a five-year file is a long document)."""
    render = render_monthly_report
    targets = [(context, actor)] + ([baseline] if baseline is not None else [])
    rounds: list[list[dict[str, float]]] = [[] for _ in targets]
    with tempfile.TemporaryDirectory(prefix="inspector-bench-report-out-") as temp:
        for target, user in targets:
            measure_once(target, user, month, Path(temp), render, file_pdfs=False)
        for run in range(max(1, runs)):
            last = run == max(1, runs) - 1
            for index, (target, user) in enumerate(targets):
                rounds[index].append(measure_once(target, user, month, Path(temp), render,
                                                  file_pdfs=file_pdfs and last))
    results = []
    for taken in rounds:
        if file_pdfs:
            for name in ("vehicle file pdf", "staff file pdf"):
                for round_ in taken[:-1]:
                    round_[name] = taken[-1][name]
        results.append({key: [round_[key] for round_ in taken] for key in taken[0]})
    return results[0], (results[1] if baseline is not None else {})


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:8.1f} ms (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"


def _data(info: dict) -> str:
    counts = info["counts"]
    return (f"{counts['inspections']} inspections, {counts['answers']} answers, {counts['findings']} findings,"
            f" {counts['notices']} notices over {info.get('months', MONTHS)} months"
            f" (built in {info.get('built_s', '?')} s)")


def print_figures(timings: dict[str, list[float]], info: dict, month: str, runs: int,
                  baseline: dict[str, list[float]] | None = None, baseline_info: dict | None = None) -> None:
    print(f"\nmedians of {runs} runs (the two databases taking turns); report {month}, all units")
    print(f"  data:     {_data(info)}")
    if baseline_info is not None:
        print(f"  baseline: {_data(baseline_info)}")
    median = {key: statistics.median(values) for key, values in timings.items()}
    base = {key: statistics.median(values) for key, values in (baseline or {}).items()}

    def line(key: str, label: str, extra: str = "") -> None:
        text = f"  {label:<26}{_ms(timings[key])}"
        if base.get(key):
            text += (f"   baseline {base[key] * 1000:8.1f} ms (min {min(baseline[key]) * 1000:.1f})"
                     f"   ratio {median[key] / base[key]:5.2f}×")
        print(text + extra)

    for key, label in (("monthly", "ReportService.monthly"), ("queries", "  queries → facts"),
                       ("aggregation", "  pure aggregation"), ("xlsx", "write_monthly_xlsx")):
        line(key, label)
    line("pdf", "render_monthly_report", f"  ({median['pdf_bytes'] / 1e3:.0f} KB)")
    line("report", "total (monthly+xlsx+pdf)")
    verdict = f"  target ≤ {TARGET_S:.1f} s: {'met' if median['report'] <= TARGET_S else 'NOT met'}"
    if base.get("report"):
        ratio = median["report"] / base["report"]
        fastest = min(timings["report"]) / min(baseline["report"])  # type: ignore[index]
        verdict += (f"; ≤ {TARGET_RATIO:.1f}× the month alone: {'met' if ratio <= TARGET_RATIO else 'NOT met'}"
                    f" (ratio of the medians {ratio:.2f}×, of the fastest runs {fastest:.2f}×)")
    print(verdict)
    for name in ("vehicle file", "staff file"):
        size = f"  ({median[name + ' inspections']:.0f} inspections, {median[name + ' findings']:.0f} findings)"
        line(name, f"{name} (gathered)", size)
        verdict = f"  {name} target ≤ {FILE_TARGET_S:.1f} s gathered: {'met' if median[name] <= FILE_TARGET_S else 'NOT met'}"
        if f"{name} pdf" in median:
            line(f"{name} pdf", f"{name} PDF (one run)")
            verdict += f"; with its PDF {(median[name] + median[name + ' pdf']) * 1000:.0f} ms"
        print(verdict)
    print(f"  bare reports_repo SQL, summed {_ms(timings['sql'])}"
          + (f"   baseline {base['sql'] * 1000:.1f} ms" if base.get("sql") else ""))
    for key in sorted((key for key in timings if key.startswith("sql ")), key=lambda key: -median[key]):
        line(key, f"  {key[4:]}")
    print(f"  monthly / bare SQL = {median['monthly'] / median['sql']:.2f}×   total / bare SQL = "
          f"{median['report'] / median['sql']:.2f}×")
    share = {name: median[name] / median["report"] * 100 for name in ("queries", "aggregation", "xlsx")}
    share["pdf"] = median["pdf"] / median["report"] * 100
    print("  where the time goes: " + ", ".join(f"{name} {value:.0f} %" for name, value in share.items())
          + " (queries and aggregation as measured apart)")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=100_000)
    parser.add_argument("--findings", type=int, help="about this many findings (default 10 per inspection)")
    parser.add_argument("--answers-per", type=int, default=10, help="answers per inspection")
    parser.add_argument("--notices", type=int, default=5_000, help="at most this many notices")
    parser.add_argument("--history-months", type=int, default=HISTORY_MONTHS,
                        help="months of history of the bus and the driver whose files are timed")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, help="data folder to build once and reuse (the baseline beside it)")
    parser.add_argument("--rebuild", action="store_true", help="build the data folders again")
    parser.add_argument("--plans", action="store_true", help="print EXPLAIN QUERY PLAN of every query")
    parser.add_argument("--plain", action="store_true", help="time the base-table queries too, once")
    parser.add_argument("--file-pdfs", action="store_true", help="render the two files' PDFs too (once; slow)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.findings is None:
        args.findings = 10 * args.inspections
    sizes = {key: getattr(args, key) for key in ("inspections", "findings", "answers_per", "notices", "history_months")}
    folder = args.data or Path(tempfile.gettempdir()) / f"inspector-bench-report-{args.inspections}-{args.findings}"
    base_folder = folder.with_name(folder.name + "-month")
    base_context, base_office, base_info = prepared(base_folder, baseline_sizes(sizes), args.rebuild, months=1)
    context, office, info = prepared(folder, sizes, args.rebuild)
    try:
        month = info["month"][:7]
        if args.plans:
            for name, sql, lines in query_plans(context, month, office):
                print(f"\n{name}: {sql}")
                print("\n".join(f"    {line}" for line in lines))
        if args.plain:
            print_plain(context, month, "all months")
            print_plain(base_context, month, "the month alone")
        timings, baseline = measure(context, office, month, args.runs, args.file_pdfs, (base_context, base_office))
    finally:
        context.close()
        base_context.close()
    print_figures(timings, info, month, args.runs, baseline, base_info)
    return 0


if __name__ == "__main__":
    sys.exit(main())
