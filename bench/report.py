"""The monthly report over 100 000 inspections: figures, workbook and PDF against the bare SQL.

    python bench/report.py [--inspections N] [--findings N] [--answers-per N] [--notices N]
                           [--runs N] [--data FOLDER] [--rebuild] [--plans]

Set-up (not timed; built once into ``--data``, default a temp folder named after the sizes, and
reused while its ``bench-report.json`` matches): ``open_context`` (every migration and index), five
accounts through the user service, the built-in templates as ``init`` loads them, then in ONE write
transaction with ``executemany``: 12 units, 1 440 buses, 3 000 staff, 600 locations; ``--inspections``
over the 14 months ending with the last complete month (weekdays, 08:00–18:00; 75/15/10 % on-site/
covert/walk-around; 95 % completed, scores mostly 70–100, 2 % vetoed) about subjects of the
template's kind, with their unit and responsible staff; ``--answers-per`` answers each (82 % pass,
10 % fail, 8 % n/a); about ``--findings`` findings (template items, their section and severity);
``--notices`` notices (1–3 items, ~3 % recurred; old ones closed, recent ones open). No ANALYZE.

Timed, in this process, for the last complete month and every unit, as the quality office:

- ``ReportService.monthly`` end to end, then its parts measured again: the queries with the rows
  turned into facts (``facts``), and the pure aggregation (``domain.reports.monthly_report``);
- ``write_monthly_xlsx`` to a temporary file;
- ``render_monthly_report`` (``inspector.pdf.report_pdf``), the PDF the office sends.

Baseline, same run: every ``reports_repo`` function that ``facts`` calls, with the same
arguments, alone (the bare SQL and its fetch), per query and summed; and the ratios of the
report to it. ``--plans`` prints SQLite's EXPLAIN QUERY PLAN of each query as executed. One
untimed warm-up first (imports, font, page cache); prints medians of ``--runs``; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.context import AppContext, open_context
from inspector.domain import reports
from inspector.domain.users import Role, User
from inspector.services.report_sheets import write_monthly_xlsx
from inspector.pdf.report_pdf import render_monthly_report
from inspector.storage import reports_repo
from inspector.storage.transaction import write_transaction

TARGET_S = 3.0
PASSWORD = "bench-password"
MARKER = "bench-report.json"
MONTHS = 14
CST = timezone(timedelta(hours=8))
UNITS = ["一号总站", "二号总站", "三号总站", "东区车队", "西区车队", "南山枢纽站", "北站公交场站", "洁美物业",
         "城西保洁公司", "客服中心", "市民服务大厅", "机场快线车队"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
PLACES = ["候车厅", "洗手间", "调度室", "售票处", "停车场", "办公楼大堂"]
STAFF_ROLES = ["driver"] * 6 + ["conductor", "guard", "cleaner", "station_staff"]
NOW = "2026-01-01T00:00:00+08:00"
COLUMNS = {
    "units": "id, code, name, kind, head_name, created_at, updated_at",
    "staff": "id, staff_no, name, role, unit_id, created_at, updated_at",
    "vehicles": "id, plate, fleet_no, route, unit_id, created_at, updated_at",
    "locations": "id, code, name, unit_id, responsible_staff_id, created_at, updated_at",
    "inspections": "id, template_version_id, mode, status, subject_kind, subject_id, subject_label, unit_id,"
                   " responsible_staff_id, author_id, observed_at, entered_at, completed_at, score, max_score,"
                   " veto_failed, staff_role",
    "answers": "inspection_id, item_code, result, severity, answered_at",
    "findings": "id, inspection_id, item_code, section_code, severity, unit_id, responsible_staff_id, status,"
                " created_at",
    "notices": "id, number, year, serial, inspection_id, unit_id, addressee_unit, addressee, covert, issued_at,"
               " issued_by, working_days, deadline, followup_date, content_sha256, pdf_path, pdf_sha256, document",
    "notice_items": "notice_id, position, finding_id, item_code, problem, severity, recurred",
    "notice_state": "notice_id, status, acknowledged_at, replied_at, closed_at, updated_at",
    "notice_serials": "year, last_serial",
}
INSERTS = {table: f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * (columns.count(',') + 1))})"
           for table, columns in COLUMNS.items()}


def report_month(today: date) -> date:
    """The first day of the last complete month."""
    return reports.shift_month(today.replace(day=1), -1)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def registry_rows(rng: random.Random) -> tuple[dict[str, list[tuple]], dict[str, list[tuple[int, int, int]]]]:
    """Rows of units, staff, vehicles and locations; subjects by kind as (id, unit, responsible)."""
    rows: dict[str, list[tuple]] = {"units": [], "staff": [], "vehicles": [], "locations": []}
    subjects: dict[str, list[tuple[int, int, int]]] = {"vehicle": [], "staff": [], "location": []}
    drivers: dict[int, list[int]] = {}
    for unit, name in enumerate(UNITS, start=1):
        rows["units"].append((unit, f"U{unit:02d}", name, "depot" if unit <= 7 else "contractor", _person(rng),
                              NOW, NOW))
        for number in range(250):
            staff_id = len(rows["staff"]) + 1
            role = "manager" if number == 0 else rng.choice(STAFF_ROLES)
            rows["staff"].append((staff_id, f"{unit:02d}{number:04d}", _person(rng), role, unit, NOW, NOW))
            subjects["staff"].append((staff_id, unit, staff_id))
            if role == "driver":
                drivers.setdefault(unit, []).append(staff_id)
        for number in range(120):
            vehicle_id = len(rows["vehicles"]) + 1
            rows["vehicles"].append((vehicle_id, f"粤B·{unit:02d}{number:03d}", f"{unit}A-{number:03d}",
                                     str(rng.randrange(1, 400)), unit, NOW, NOW))
            subjects["vehicle"].append((vehicle_id, unit, rng.choice(drivers[unit])))
        for number in range(50):
            location_id = len(rows["locations"]) + 1
            responsible = rng.randrange(1, 251) + (unit - 1) * 250
            rows["locations"].append((location_id, f"L{unit:02d}-{number:03d}",
                                      f"{UNITS[unit - 1]}{rng.choice(PLACES)}{number}", unit, responsible, NOW, NOW))
            subjects["location"].append((location_id, unit, responsible))
    return rows, subjects


def _notice(rng: random.Random, notice_id: int, inspection: tuple, findings: list[tuple], serials: dict[int, int],
            today: date) -> tuple[tuple, list[tuple], tuple]:
    issued = datetime.fromisoformat(inspection[10]) + timedelta(days=1)
    serials[issued.year] = serials.get(issued.year, 0) + 1
    deadline = issued.date() + timedelta(days=7)
    number = f"ZG-{issued.year}-{issued.month:02d}-{serials[issued.year]:04d}"
    unit = inspection[7]
    notice = (notice_id, number, issued.year, serials[issued.year], inspection[0], unit, UNITS[unit - 1], _person(rng),
              int(inspection[2] == "covert"), issued.isoformat(), inspection[9], 5, deadline.isoformat(),
              (deadline + timedelta(days=1)).isoformat(), "0" * 64, f"notices/{number}.pdf", "0" * 64, "{}")
    items = [(notice_id, position, finding[0], finding[2], "问题描述", finding[4], int(rng.random() < 0.03))
             for position, finding in enumerate(findings[:rng.randint(1, 3)], start=1)]
    age = (today - issued.date()).days
    acknowledged = (issued + timedelta(hours=rng.randrange(2, 48))).isoformat()
    replied = (issued + timedelta(days=rng.randrange(2, 10))).isoformat()
    if age > 30 or rng.random() < age / 40:
        status = rng.choices(["closed", "reissued", "superseded"], weights=[90, 7, 3])[0]
        closed = (issued + timedelta(days=rng.randrange(3, 14))).isoformat()
        state = (notice_id, status, acknowledged, replied, closed if status == "closed" else None, closed)
    else:
        status = rng.choice(["issued", "acknowledged", "replied"])
        state = (notice_id, status, acknowledged if status != "issued" else None,
                 replied if status == "replied" else None, None, replied if status == "replied" else issued.isoformat())
    return notice, items, state


def generate(rng: random.Random, sizes: dict[str, int], templates: list[tuple], authors: list[int],
             subjects: dict[str, list[tuple[int, int, int]]], today: date) -> Iterator[dict[str, list[tuple]]]:
    """Chunks of inspection, answer, finding and notice rows (ids explicit, from 1)."""
    first = reports.shift_month(report_month(today), 1 - MONTHS)
    days = (reports.shift_month(report_month(today), 1) - first).days
    mean_findings = sizes["findings"] / max(1, sizes["inspections"] * 0.95)
    notice_share = sizes["notices"] / max(1, sizes["inspections"] * 0.95)
    serials: dict[int, int] = {}
    finding_id = notice_id = 0
    chunk: dict[str, list[tuple]] = {name: [] for name in list(COLUMNS)[4:-1]}  # inspections … notice_state
    for inspection_id in range(1, sizes["inspections"] + 1):
        if len(chunk["inspections"]) >= 5000:
            yield chunk
            chunk = {name: [] for name in chunk}
        version_id, kind, items = rng.choices(templates, weights=[45, 35, 20][:len(templates)])[0]
        subject, unit, responsible = rng.choice(subjects[kind])
        day = first + timedelta(days=rng.randrange(days))
        day = max(first, day - timedelta(days=2)) if day.weekday() >= 5 and rng.random() < 0.6 else day
        observed = datetime(day.year, day.month, day.day, rng.randrange(8, 18), rng.randrange(60), tzinfo=CST)
        text = observed.isoformat()
        mode = rng.choices(["onsite", "covert", "walkaround"], weights=[75, 15, 10])[0]
        completed = rng.random() < 0.95
        veto = completed and rng.random() < 0.02
        score = (0.0 if veto else round(min(100.0, max(40.0, rng.gauss(88, 8))), 1)) if completed else None
        label = {"vehicle": f"粤B·{subject:05d}", "staff": f"{subject:06d}", "location": f"L-{subject:03d}"}[kind]
        inspection = (inspection_id, version_id, mode, "completed" if completed else "draft", kind, subject, label,
                      unit, responsible, rng.choice(authors), text, text, text if completed else None, score,
                      100.0 if completed else None, int(veto), rng.choice(STAFF_ROLES) if kind == "staff" else None)
        chunk["inspections"].append(inspection)
        for code, _section, severity in rng.sample(items, min(len(items), sizes["answers_per"])):
            result = rng.choices(["pass", "fail", "na"], weights=[82, 10, 8])[0]
            chunk["answers"].append((inspection_id, code, result, severity if result == "fail" else None, text))
        if not completed:
            continue
        findings = []
        for _ in range(rng.randint(0, round(2 * mean_findings))):
            finding_id += 1
            code, section, severity = rng.choice(items)
            findings.append((finding_id, inspection_id, code, section, "serious" if rng.random() < 0.1 else severity,
                             unit, responsible, "open", text))
        chunk["findings"].extend(findings)
        if findings and rng.random() < notice_share and notice_id < sizes["notices"]:
            notice_id += 1
            notice, items_rows, state = _notice(rng, notice_id, inspection, findings, serials, today)
            chunk["notices"].append(notice)
            chunk["notice_items"].extend(items_rows)
            chunk["notice_state"].append(state)
    chunk["notice_serials"] = list(serials.items())
    yield chunk


def build(folder: Path, sizes: dict[str, int], seed: int = 6) -> None:
    """A fresh data folder with the bench's registry, inspections, answers, findings and notices."""
    context = open_context(folder)
    try:
        admin, _ = context.users.create_first_admin("admin", "管理员", PASSWORD)
        office, _ = context.users.create(admin, username="office", display_name="王芳", role=Role.QUALITY_OFFICE,
                                         password=PASSWORD)
        authors = [office.id]
        for number, name in enumerate(["张伟", "李娜", "刘强"], start=1):
            user, _ = context.users.create(admin, username=f"sup{number}", display_name=name, role=Role.SUPERVISOR,
                                           password=PASSWORD)
            authors.append(user.id)
        context.templates.ensure_builtins()  # what ``init`` loads: published built-in templates
        templates = [(version.id, version.body.subject.value,
                      [(item.code, section.code, item.severity.value) for section in version.body.sections
                       for item in section.items])
                     for version in context.templates.list(admin) if version.body.subject.value != "unit"]
        rng = random.Random(seed)
        rows, subjects = registry_rows(rng)
        today = datetime.now(CST).date()
        with write_transaction(context.db) as db:
            for table, table_rows in rows.items():
                db.conn.executemany(INSERTS[table], table_rows)
            for chunk in generate(rng, sizes, templates, authors, subjects, today):
                for table, table_rows in chunk.items():
                    db.conn.executemany(INSERTS[table], table_rows)
        counts = {table: context.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("inspections", "answers", "findings", "notices")}
    finally:
        context.close()
    (folder / MARKER).write_text(json.dumps({"sizes": sizes, "seed": seed, "month": str(report_month(today)),
                                             "counts": counts}))


def prepared(folder: Path, sizes: dict[str, int], rebuild: bool = False) -> tuple[AppContext, User, dict]:
    """The cached data folder when its marker matches ``sizes`` and this month, else built afresh."""
    marker = folder / MARKER
    wanted_month = str(report_month(datetime.now(CST).date()))
    info = json.loads(marker.read_text()) if marker.exists() else None
    if rebuild or info is None or info["sizes"] != sizes or info["month"] != wanted_month:
        if folder.exists():
            if info is None and any(folder.iterdir()):
                raise SystemExit(f"{folder} is not empty and was not made by this bench; choose another --data")
            shutil.rmtree(folder)
        _, took = _timed(lambda: build(folder, sizes))
        info = json.loads(marker.read_text())
        print(f"built {folder} in {took:.1f} s")
    else:
        print(f"reusing {folder}")
    context = open_context(folder)
    office = context.users.by_username("office")
    assert office is not None
    return context, office, info


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


def _timed(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    return call(), time.perf_counter() - start


def measure_once(context: AppContext, actor: User, month: str, folder: Path,
                 render: Callable[[reports.MonthlyReport], bytes]) -> dict[str, float]:
    """Seconds of each step of one report, and of each bare query."""
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
    return timings


def query_plans(context: AppContext, month: str) -> list[tuple[str, str, list[str]]]:
    """(name, SQL as executed, EXPLAIN QUERY PLAN lines) of each bare query."""
    plans = []
    for name, query in bare_queries(context.db, month):
        executed: list[str] = []
        context.db.conn.set_trace_callback(executed.append)
        try:
            query()
        finally:
            context.db.conn.set_trace_callback(None)
        for sql in executed:
            rows = context.db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
            plans.append((name, sql, [f"{'  ' * (row[1] > 0)}{row[-1]}" for row in rows]))
    return plans


def measure(context: AppContext, actor: User, month: str, runs: int) -> dict[str, list[float]]:
    """Medians' inputs: one untimed warm-up, then ``runs`` timed rounds."""
    render = render_monthly_report
    with tempfile.TemporaryDirectory(prefix="inspector-bench-report-out-") as temp:
        measure_once(context, actor, month, Path(temp), render)
        rounds = [measure_once(context, actor, month, Path(temp), render) for _ in range(max(1, runs))]
    return {key: [round_[key] for round_ in rounds] for key in rounds[0]}


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:8.1f} ms (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"


def print_figures(timings: dict[str, list[float]], info: dict, month: str, runs: int) -> None:
    counts = info["counts"]
    print(f"\nmedians of {runs} runs; data: {counts['inspections']} inspections, {counts['answers']} answers, "
          f"{counts['findings']} findings, {counts['notices']} notices; report {month}, all units")
    median = {key: statistics.median(values) for key, values in timings.items()}
    for key, label in (("monthly", "ReportService.monthly"), ("queries", "  queries → facts"),
                       ("aggregation", "  pure aggregation"), ("xlsx", "write_monthly_xlsx")):
        print(f"  {label:<24}{_ms(timings[key])}")
    print(f"  {'render_monthly_report':<24}{_ms(timings['pdf'])}  ({median['pdf_bytes'] / 1e3:.0f} KB)")
    print(f"  {'total':<24}{_ms(timings['report'])}   target ≤ {TARGET_S:.1f} s: "
          f"{'met' if median['report'] <= TARGET_S else 'NOT met'}")
    print(f"  baseline: bare reports_repo SQL, summed {_ms(timings['sql'])}")
    for key in sorted((key for key in timings if key.startswith("sql ")), key=lambda key: -median[key]):
        print(f"    {key[4:]:<27}{_ms(timings[key])}")
    print(f"  monthly / bare SQL = {median['monthly'] / median['sql']:.2f}×   total / bare SQL = "
          f"{median['report'] / median['sql']:.2f}×")
    share = {name: median[name] / median["report"] * 100 for name in ("queries", "aggregation", "xlsx")}
    share["pdf"] = median["pdf"] / median["report"] * 100
    print("  where the time goes: " + ", ".join(f"{name} {value:.0f} %" for name, value in share.items())
          + " (queries and aggregation as measured apart)")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=100_000)
    parser.add_argument("--findings", type=int, default=1_000_000, help="about this many findings")
    parser.add_argument("--answers-per", type=int, default=10, help="answers per inspection")
    parser.add_argument("--notices", type=int, default=5_000, help="at most this many notices")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, help="data folder to build once and reuse")
    parser.add_argument("--rebuild", action="store_true", help="build the data folder again")
    parser.add_argument("--plans", action="store_true", help="print EXPLAIN QUERY PLAN of every query")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = {key: getattr(args, key) for key in ("inspections", "findings", "answers_per", "notices")}
    folder = args.data or Path(tempfile.gettempdir()) / f"inspector-bench-report-{args.inspections}-{args.findings}"
    context, office, info = prepared(folder, sizes, args.rebuild)
    try:
        month = info["month"][:7]
        if args.plans:
            for name, sql, lines in query_plans(context, month):
                print(f"\n{name}: {sql}")
                print("\n".join(f"    {line}" for line in lines))
        print_figures(measure(context, office, month, args.runs), info, month, args.runs)
    finally:
        context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
