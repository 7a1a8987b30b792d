"""The hotline reports over 200 000 complaints: the weekly and monthly reports against the bare SQL.

    python bench/complaints.py [--complaints N] [--weeks N] [--runs N] [--data FOLDER] [--rebuild] [--plans]

Set-up (not timed; built once into ``--data``, default a temp folder named after the sizes, and
reused while its ``bench-complaints.json`` matches): ``open_context`` (every migration and index),
the quality office's account, then in ONE write transaction with ``executemany`` over the
storage layer's own columns (``storage.complaints.INTAKE_COLUMNS``): 12 units, 1 440 buses on
300 routes, 3 000 staff; ``--complaints`` cases over the ``--weeks`` ISO weeks ending with the
last complete one, received at any hour (more by day); channels 45 % 12319 / 25 % phone / the
rest letters, visits, website, comment books, surveys; kinds 60 % complaint / 20 % enquiry /
12 % suggestion / 8 % report; 15 % of complaints serious, each with one of the regulation's
behaviours; 5 % major, 2 % urgent; 70 % about a bus (its unit and route), 45 % about a staff
member; phones from a pool of 60 % of the case count (so numbers repeat). Their state: cases
older than two weeks are closed (88 % within their 48 h / 72 h limit), newer ones at every step.
No ANALYZE.

Timed, in this process, for the last complete week and the last complete month, every unit, as
the quality office: ``ComplaintReports.weekly`` / ``monthly`` end to end (the queries and the
pure aggregation), the workbook (``write_complaint_xlsx``) and the PDF
(``render_complaint_report``). Baseline, same run: every ``complaint_reports_repo`` query the
report makes, with the same arguments, alone (the bare SQL and its fetch), per query and summed;
the ratio of the report to it (target ≤ 3×). Then the peak RSS of the process. One untimed
warm-up first; prints medians of ``--runs``; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
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
from inspector.domain import complaint_reports as cr
from inspector.domain.complaints import BEHAVIOURS, ComplaintSeverity
from inspector.domain.users import Role, User
from inspector.pdf.complaint_report_pdf import render_complaint_report
from inspector.services.complaint_sheets import write_complaint_xlsx
from inspector.storage import complaint_reports_repo as repo
from inspector.storage.complaints import INTAKE_COLUMNS
from inspector.storage.transaction import write_transaction

TARGET_RATIO = 3.0
PASSWORD = "bench-password"
MARKER = "bench-complaints.json"
CST = timezone(timedelta(hours=8))
NOW = "2026-01-01T00:00:00+08:00"
UNITS = ["一号总站", "二号总站", "三号总站", "东区车队", "西区车队", "南山枢纽站", "北站公交场站", "机场快线车队",
         "城乡公交公司", "夜班车队", "旅游专线车队", "定制公交中心"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
CHANNELS = (("hotline_12319", 45), ("phone", 25), ("letter", 4), ("visit", 4), ("website", 10),
            ("comment_book", 8), ("survey", 4))
KINDS = (("complaint", 60), ("enquiry", 20), ("suggestion", 12), ("report", 8))
STATE_COLUMNS = ("complaint_id", "status", "round", "due_at", "department_due_at", "extended", "investigated",
                 "liability", "opinion", "result_at", "closed_at", "updated_at")
COMPLAINT_COLUMNS = ("id", "number", *INTAKE_COLUMNS, "taken_by", "entered_at")
INSERTS = {
    "units": "INSERT INTO units (id, code, name, kind, head_name, created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
    "staff": "INSERT INTO staff (id, staff_no, name, role, unit_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
    "vehicles": "INSERT INTO vehicles (id, plate, fleet_no, route, unit_id, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?)",
    "complaints": f"INSERT INTO complaints ({', '.join(COMPLAINT_COLUMNS)})"
                  f" VALUES ({', '.join('?' * len(COMPLAINT_COLUMNS))})",
    "complaint_state": f"INSERT INTO complaint_state ({', '.join(STATE_COLUMNS)})"
                       f" VALUES ({', '.join('?' * len(STATE_COLUMNS))})",
}


def last_week(today: date) -> str:
    """The last complete ISO week, ``YYYY-Www``."""
    year, week, _ = (today - timedelta(days=today.isoweekday())).isocalendar()
    return f"{year}-W{week:02d}"


def last_month(today: date) -> str:
    first = today.replace(day=1) - timedelta(days=1)
    return first.strftime("%Y-%m")


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def registry_rows(rng: random.Random) -> tuple[dict[str, list[tuple]], list[tuple], list[tuple]]:
    rows: dict[str, list[tuple]] = {"units": [], "staff": [], "vehicles": []}
    buses: list[tuple[int, int, str]] = []
    staff: list[tuple[int, int]] = []
    for unit, name in enumerate(UNITS, start=1):
        rows["units"].append((unit, f"U{unit:02d}", name, "depot", _person(rng), NOW, NOW))
        for number in range(250):
            staff_id = len(rows["staff"]) + 1
            rows["staff"].append((staff_id, f"{unit:02d}{number:04d}", _person(rng), "driver", unit, NOW, NOW))
            staff.append((staff_id, unit))
        for number in range(120):
            vehicle_id = len(rows["vehicles"]) + 1
            route = f"{(unit - 1) * 25 + rng.randrange(25) + 1}路"
            rows["vehicles"].append((vehicle_id, f"粤B·{unit:02d}{number:03d}", f"{unit}A-{number:03d}", route, unit,
                                     NOW, NOW))
            buses.append((vehicle_id, unit, route))
    return rows, buses, staff


def _state(rng: random.Random, complaint_id: int, received: datetime, major: bool, today: datetime) -> tuple:
    due = received + timedelta(hours=72 if major else 48)
    age = today - received
    if age > timedelta(days=14) or rng.random() < age / timedelta(days=20):
        hours = rng.uniform(1, (72 if major else 48) * (1.5 if rng.random() < 0.12 else 0.95))
        closed = min(received + timedelta(hours=hours), today)
        return (complaint_id, "closed", 1, due.isoformat(), None, 0, 1, rng.choice(["liable", "not_liable"]),
                rng.choices(["satisfied", "basically"], weights=[7, 3])[0], closed.isoformat(), closed.isoformat(),
                closed.isoformat())
    status = rng.choice(["received", "investigating", "resolved", "answered"])
    result = (received + timedelta(hours=rng.uniform(1, 20))).isoformat() if status in ("resolved", "answered") else None
    return (complaint_id, status, 1, due.isoformat(), None, 0, int(status != "received"),
            "liable" if result else None, "satisfied" if status == "answered" else None, result, None,
            received.isoformat())


def generate(rng: random.Random, count: int, weeks: int, buses: list[tuple], staff: list[tuple],
             today: datetime, taker: int) -> Iterator[dict[str, list[tuple]]]:
    """Chunks of complaint and state rows (ids explicit, from 1)."""
    monday = today.date() - timedelta(days=today.isoweekday() - 1)
    first = datetime.combine(monday - timedelta(weeks=weeks), datetime.min.time(), tzinfo=CST)
    span = (datetime.combine(monday, datetime.min.time(), tzinfo=CST) - first).total_seconds()
    phones = [f"1{rng.randrange(30, 90)}{rng.randrange(10**8):08d}" for _ in range(max(1, int(count * 0.6)))]
    behaviours = {severity: list(listed) for severity, listed in BEHAVIOURS.items()}
    times = sorted(first + timedelta(seconds=rng.uniform(0, span)) for _ in range(count))
    serials: dict[int, int] = {}
    chunk: dict[str, list[tuple]] = {"complaints": [], "complaint_state": []}
    for complaint_id, received in enumerate(times, start=1):
        if len(chunk["complaints"]) >= 5000:
            yield chunk
            chunk = {name: [] for name in chunk}
        if received.hour < 7 and rng.random() < 0.6:  # fewer calls at night
            received += timedelta(hours=8)
        received = received.replace(microsecond=0)
        serials[received.year] = serials.get(received.year, 0) + 1
        kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
        severity = behaviour = None
        if kind in ("complaint", "report"):
            severity = ComplaintSeverity.SERIOUS if rng.random() < 0.15 else ComplaintSeverity.GENERAL
            behaviour = rng.choice(behaviours[severity]).value
        vehicle_id = unit_id = staff_id = None
        route = ""
        if rng.random() < 0.7:
            vehicle_id, unit_id, route = rng.choice(buses)
        if rng.random() < 0.45:
            staff_id, staff_unit = rng.choice(staff)
            unit_id = unit_id or staff_unit
        major = kind != "enquiry" and rng.random() < 0.05
        channel = rng.choices([c for c, _ in CHANNELS], weights=[w for _, w in CHANNELS])[0]
        intake = {
            "channel": channel, "kind": kind,
            "order_no": f"12319-{received:%Y%m%d}-{complaint_id:06d}" if channel == "hotline_12319" else "",
            "severity": severity.value if severity else None, "behaviour": behaviour, "major": int(major),
            "urgent": int(rng.random() < 0.02), "rural": 0, "received_at": received.isoformat(),
            "event_at": (received - timedelta(hours=rng.uniform(0, 6))).replace(microsecond=0).isoformat(),
            "place": "", "route": route, "vehicle_id": vehicle_id, "staff_id": staff_id, "unit_id": unit_id,
            "what": "乘客反映司机服务态度问题", "complainant_name": _person(rng),
            "complainant_phone": rng.choice(phones) if rng.random() < 0.9 else "",
        }
        number = f"TS-{received.year}-{received.month:02d}-{serials[received.year]:06d}"
        chunk["complaints"].append((complaint_id, number, *(intake[column] for column in INTAKE_COLUMNS), taker,
                                    received.isoformat()))
        chunk["complaint_state"].append(_state(rng, complaint_id, received, major, today))
    yield chunk


def build(folder: Path, sizes: dict[str, int], today: datetime, seed: int = 16) -> None:
    context = open_context(folder)
    try:
        admin, _ = context.users.create_first_admin("admin", "管理员", PASSWORD)
        office, _ = context.users.create(admin, username="office", display_name="王芳", role=Role.QUALITY_OFFICE,
                                         password=PASSWORD)
        rng = random.Random(seed)
        rows, buses, staff = registry_rows(rng)
        with write_transaction(context.db) as db:
            for table, table_rows in rows.items():
                db.conn.executemany(INSERTS[table], table_rows)
            for chunk in generate(rng, sizes["complaints"], sizes["weeks"], buses, staff, today, office.id):
                for table, table_rows in chunk.items():
                    db.conn.executemany(INSERTS[table], table_rows)
        counts = {table: context.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("complaints", "complaint_state")}
    finally:
        context.close()
    (folder / MARKER).write_text(json.dumps({"sizes": sizes, "seed": seed, "week": last_week(today.date()),
                                             "month": last_month(today.date()), "counts": counts}))


def prepared(folder: Path, sizes: dict[str, int], rebuild: bool = False) -> tuple[AppContext, User, dict]:
    """The cached data folder when its marker matches ``sizes`` and this week, else built afresh."""
    marker = folder / MARKER
    today = datetime.now(CST).replace(microsecond=0)
    info = json.loads(marker.read_text()) if marker.exists() else None
    if rebuild or info is None or info["sizes"] != sizes or info["week"] != last_week(today.date()):
        if folder.exists():
            if info is None and any(folder.iterdir()):
                raise SystemExit(f"{folder} is not empty and was not made by this bench; choose another --data")
            shutil.rmtree(folder)
        _, took = _timed(lambda: build(folder, sizes, today))
        info = json.loads(marker.read_text())
        print(f"built {folder} in {took:.1f} s")
    else:
        print(f"reusing {folder}")
    context = open_context(folder)
    office = context.users.by_username("office")
    assert office is not None
    return context, office, info


def bare_queries(db: Any, period: str, label: str, now: datetime) -> list[tuple[str, Callable[[], Any]]]:
    """Every ``complaint_reports_repo`` call ``ComplaintReports.counts`` makes, with its arguments."""
    first, end = cr.period_range(period, label)
    before, _ = cr.previous_range(period, first)
    zone = now.tzinfo
    start, stop, prior = (datetime.combine(day, datetime.min.time(), tzinfo=zone).isoformat()
                          for day in (first, end, before))
    as_of = now.isoformat()
    return [
        ("totals", lambda: repo.totals(db, start, stop, None)),
        ("totals previous", lambda: repo.totals(db, prior, start, None)),
        ("outcomes", lambda: repo.outcomes(db, start, stop, None)),
        *((f"counts_by {column}", lambda column=column: repo.counts_by(db, column, start, stop, None))
          for column in ("channel", "kind", "severity", "route")),
        ("behaviours", lambda: repo.behaviours(db, start, stop, None)),
        ("units", lambda: repo.units(db, start, stop, None)),
        ("staff", lambda: repo.staff(db, start, stop, None)),
        ("limits", lambda: repo.limits(db, start, stop, None, as_of)),
        ("open_cases", lambda: repo.open_cases(db, stop, None)),
        ("repeat_complainants", lambda: repo.repeat_complainants(db, start, stop, None)),
    ]


def _timed(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    return call(), time.perf_counter() - start


def measure_once(context: AppContext, actor: User, labels: dict[str, str], folder: Path) -> dict[str, float]:
    """Seconds of each step of both reports, and of each bare query."""
    timings: dict[str, float] = {}
    now = context.services.clock()
    for period, label in labels.items():
        _measure_period(context, actor, period, label, folder, now, timings)
    return timings


def _measure_period(context: AppContext, actor: User, period: str, label: str, folder: Path, now: datetime,
                    timings: dict[str, float]) -> None:
    call = context.complaint_reports.weekly if period == "weekly" else context.complaint_reports.monthly
    report, timings[f"{period} report"] = _timed(lambda: call(actor, label))
    _, timings[f"{period} xlsx"] = _timed(lambda: write_complaint_xlsx(report, folder / f"{period}.xlsx"))
    pdf, timings[f"{period} pdf"] = _timed(lambda: render_complaint_report(report))
    timings[f"{period} pdf_bytes"] = len(pdf)
    timings[f"{period} cases"] = report.total
    for name, query in bare_queries(context.db, period, label, now):
        _, timings[f"{period} sql {name}"] = _timed(query)
    timings[f"{period} sql"] = sum(value for key, value in timings.items() if key.startswith(f"{period} sql "))


def query_plans(context: AppContext, labels: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    plans = []
    now = context.services.clock()
    for name, query in bare_queries(context.db, "monthly", labels["monthly"], now):
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


def measure(context: AppContext, actor: User, labels: dict[str, str], runs: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="inspector-bench-complaints-out-") as temp:
        measure_once(context, actor, labels, Path(temp))
        rounds = [measure_once(context, actor, labels, Path(temp)) for _ in range(max(1, runs))]
    return {key: [round_[key] for round_ in rounds] for key in rounds[0]}


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:8.1f} ms (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def print_figures(timings: dict[str, list[float]], info: dict, labels: dict[str, str], runs: int) -> None:
    median = {key: statistics.median(values) for key, values in timings.items()}
    print(f"\nmedians of {runs} runs; data: {info['counts']['complaints']} complaints over {info['sizes']['weeks']} "
          f"weeks; all units")
    for period, label in labels.items():
        print(f"\n{period} {label}: {int(median[f'{period} cases'])} cases")
        print(f"  {'report (queries + figures)':<30}{_ms(timings[f'{period} report'])}")
        print(f"  {'write_complaint_xlsx':<30}{_ms(timings[f'{period} xlsx'])}")
        print(f"  {'render_complaint_report':<30}{_ms(timings[f'{period} pdf'])}  "
              f"({median[f'{period} pdf_bytes'] / 1e3:.0f} KB)")
        print(f"  baseline: bare SQL, summed      {_ms(timings[f'{period} sql'])}")
        for key in sorted((key for key in timings if key.startswith(f"{period} sql ")), key=lambda key: -median[key]):
            print(f"    {key[len(period) + 5:]:<28}{_ms(timings[key])}")
        ratio = median[f"{period} report"] / median[f"{period} sql"]
        files = median[f"{period} report"] + median[f"{period} xlsx"] + median[f"{period} pdf"]
        print(f"  report / bare SQL = {ratio:.2f}×   target ≤ {TARGET_RATIO:.0f}×: "
              f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}   "
              f"(with the workbook and the PDF: {files * 1000:.0f} ms, {files / median[f'{period} sql']:.1f}×)")
    print(f"\npeak RSS {peak_rss_mb():.0f} MB")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=200_000)
    parser.add_argument("--weeks", type=int, default=52, help="weeks of intake ending with the last complete one")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, help="data folder to build once and reuse")
    parser.add_argument("--rebuild", action="store_true", help="build the data folder again")
    parser.add_argument("--plans", action="store_true", help="print EXPLAIN QUERY PLAN of every monthly query")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = {"complaints": args.complaints, "weeks": args.weeks}
    folder = args.data or Path(tempfile.gettempdir()) / f"inspector-bench-complaints-{args.complaints}-{args.weeks}"
    context, office, info = prepared(folder, sizes, args.rebuild)
    try:
        labels = {"weekly": info["week"], "monthly": info["month"]}
        if args.plans:
            for name, sql, lines in query_plans(context, labels):
                print(f"\n{name}: {sql}")
                print("\n".join(f"    {line}" for line in lines))
        print_figures(measure(context, office, labels, args.runs), info, labels, args.runs)
    finally:
        context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
