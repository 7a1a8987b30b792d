"""The inspections list over 1 M inspections: first paint, a filter keystroke, a sort click, RSS.

    python bench/inspections_list.py [--rows N] [--runs N] [--keep FOLDER]

Targets (#18.4, at 1 M rows): first paint ≤ 200 ms, filter keystroke ≤ 150 ms, sort ≤ 300 ms,
RSS ≤ 300 MB; each figure is printed with its target and its ratio to the same-run baseline.

Set-up (not timed): a fresh data folder, users, the built-in templates and 12 units through the
real services, then ``--rows`` synthetic inspections bulk-inserted with ``executemany`` inside
one write transaction, generated as they are consumed, with the inspections table's indexes
dropped first and created again afterwards from their own SQL (what the migrations made): spread
over the last 12 months (more on weekdays, 08:00–18:00), 75 %
on-site, 15 % covert, 10 % walk-around, 4 authors, 95 % completed with scores mostly 70–100
and 2 % vetoed, subjects labelled like the registry does (plate, 工号 name, location code name).
No answers rows: the list counts answers by primary-key lookup for the 200 rows it shows.

Measured in this process, offscreen, with the real font and style sheet, signed in as the
quality office (sees every covert visit: the largest list):

- ``first paint``: ``InspectionsPage(ui)`` + ``show()`` + events until the table's viewport has
  painted (all ids queried, the first page of rows fetched and drawn);
- ``filter keystroke``: the moment the search box's 200 ms debounce ends (``apply_filters``) to
  the viewport painted again, for a sequence of typed texts (一, 一号, 总站, 粤B·1, none); where
  the first page was painted before the count (a search of a large table), also the moment the
  count label showed the count (``… its count shown``);
- ``sort click``: a mouse click on a column header to the viewport painted again;
- ``jump to the end``: the table scrolled to its last row to the viewport painted again (the
  deepest page: ``OFFSET`` near the count);
- ``first paint, supervisor``: the same as a supervisor, whose query carries the covert rule;
- ``RSS``: VmRSS and VmHWM (peak) from ``/proc/self/status`` at the end.

Each time the count label is checked against ``InspectionQueryService.count`` of the same filter
(the page must say how many rows match, not how many it fetched).

Baselines, same run: the bare ``SELECT id FROM inspections ORDER BY observed_at DESC`` fetched
into a list — what a model that holds every id pays before it can paint — and each figure's
ratio to it; and every figure again on a second data folder of ``--small`` rows (1 000), with the
ratio: what the page costs whatever the size (building, styling, painting) against what grows
with the list. Also printed: the database's size and what the list's indexes cost per inspection.
Prints medians; asserts nothing.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import argparse  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from inspector.app import configure_application  # noqa: E402
from inspector.context import AppContext, open_context  # noqa: E402
from inspector.domain.registry import RegistryKind  # noqa: E402
from inspector.domain.users import Role, User  # noqa: E402
from inspector.storage.transaction import write_transaction  # noqa: E402
from inspector.ui.models.inspections_model import InspectionsModel  # noqa: E402
from inspector.ui.pages.inspections import InspectionsPage  # noqa: E402
from inspector.ui.uicontext import UiContext  # noqa: E402

PASSWORD = "bench-password"
UNITS = ["一号总站", "二号总站", "三号总站", "东区车队", "西区车队", "南山枢纽站", "北站公交场站", "洁美物业",
         "城西保洁公司", "客服中心", "市民服务大厅", "机场快线车队"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
INSERT = (
    "INSERT INTO inspections (template_version_id, mode, status, subject_kind, subject_id, subject_label, unit_id,"
    " author_id, observed_at, entered_at, completed_at, score, max_score, veto_failed)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
TEXTS = ["一", "一号", "总站", "粤B·1", ""]
SORTS = [InspectionsModel.COL_SCORE, InspectionsModel.COL_UNIT, InspectionsModel.COL_TEMPLATE,
         InspectionsModel.COL_OBSERVED]


TARGETS = {"first paint": 200.0, "filter": 150.0, "sort": 300.0}
RSS_TARGET_MB = 300


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small", type=int, default=1000,
                        help="the same page measured on this many rows, same run (what does not grow with the list)")
    parser.add_argument("--keep", type=Path,
                        help="build the data folder here and keep it (a folder kept before is measured again)")
    return parser.parse_args(argv)


def build(folder: Path, rows: int, seed: int = 4) -> tuple[AppContext, User, User]:
    """The data folder: services for users, templates and units; SQL for the inspections."""
    context = open_context(folder)
    admin, _ = context.users.create_first_admin("admin", "管理员", PASSWORD)
    office, _ = context.users.create(admin, username="office", display_name="王芳", role=Role.QUALITY_OFFICE,
                                     password=PASSWORD)
    authors = [office.id]
    for number, name in enumerate(["张伟", "李娜", "刘强"], start=1):
        user, _ = context.users.create(admin, username=f"sup{number}", display_name=name, role=Role.SUPERVISOR,
                                       password=PASSWORD)
        authors.append(user.id)
    context.templates.ensure_builtins()
    templates = [(version.id, version.body.subject.value) for version in context.templates.list(admin)]
    units = [context.registry.add(admin, RegistryKind.UNITS, {"code": f"U{n:02d}", "name": name, "kind": "depot"})[0].id
             for n, name in enumerate(UNITS, start=1)]
    indexes = [row[0] for row in context.db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inspections' AND sql IS NOT NULL")]
    names = [row[0] for row in context.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inspections' AND sql IS NOT NULL")]
    with write_transaction(context.db) as db:
        for name in names:
            db.execute(f"DROP INDEX {name}")
        db.conn.executemany(INSERT, synthetic_rows(rows, seed, templates, units, authors))
        for sql in indexes:
            db.execute(sql)
    context.db.execute("ANALYZE")
    supervisor = context.users.by_username("sup1")
    assert supervisor is not None
    return context, office, supervisor


def synthetic_rows(rows: int, seed: int, templates: list[tuple[int, str]], units: list[int],
                   authors: list[int]) -> Iterator[tuple[object, ...]]:
    """``rows`` inspection rows, generated as ``executemany`` consumes them (1 M rows never sit in
    a Python list: the RSS measured at the end is the page's, not the set-up's)."""
    rng = random.Random(seed)
    now = datetime.now().astimezone().replace(microsecond=0)
    for _ in range(rows):
        day = now - timedelta(days=rng.randrange(365))
        if day.weekday() >= 5 and rng.random() < 0.6:
            day -= timedelta(days=2)
        observed = day.replace(hour=rng.randrange(8, 18), minute=rng.randrange(60), second=0)
        template_id, subject = rng.choice(templates)
        mode = rng.choices(["onsite", "covert", "walkaround"], weights=[75, 15, 10])[0]
        completed = rng.random() < 0.95
        veto = completed and rng.random() < 0.02
        score = 0.0 if veto else round(min(100.0, max(40.0, rng.gauss(88, 8))), 1) if completed else None
        number = rng.randrange(1, 20000)
        label = {"vehicle": f"粤B·{number:05d}",
                 "staff": f"{number:06d} {rng.choice(SURNAMES)}{rng.choice(GIVEN)}",
                 "location": f"L-{number % 400:03d} {rng.choice(UNITS)}{rng.choice(['候车厅', '洗手间', '调度室'])}",
                 }[subject]
        text = observed.isoformat()
        yield (template_id, mode, "completed" if completed else "draft", subject, number, label,
               rng.choice(units), rng.choice(authors), text, text, text if completed else None, score,
               100.0 if completed else None, int(veto))


class PaintWatch(QObject):
    """Numbers the paint events of one widget and notes when each has been painted: the first
    event after it (a queued call posted from the filter, which runs before the page's own)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.seen = 0  # paint events arrived
        self.done: dict[int, float] = {}  # paint number → when it was over
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen += 1
            number = self.seen
            QTimer.singleShot(0, lambda: self.done.setdefault(number, time.perf_counter()))
        return False


def until_painted(app: QApplication, watch: PaintWatch, start: float) -> float:
    """Process events until a paint that arrived after ``start`` is over; milliseconds from
    ``start`` to then."""
    wanted = watch.seen + 1
    deadline = time.perf_counter() + 30
    while wanted not in watch.done and time.perf_counter() < deadline:
        app.processEvents()
    return (watch.done.get(wanted, time.perf_counter()) - start) * 1000


def first_paint(app: QApplication, ui: UiContext) -> tuple[float, InspectionsPage, PaintWatch]:
    start = time.perf_counter()
    page = InspectionsPage(ui)
    watch = PaintWatch(page.table.viewport())
    page.resize(1200, 760)
    page.show()
    return until_painted(app, watch, start), page, watch


def keystrokes(app: QApplication, page: InspectionsPage,
               watch: PaintWatch) -> list[tuple[str, float, float | None, int]]:
    timings = []
    for text in TEXTS:
        page.search.setText(text)
        page.search_timer.stop()  # what the timer's end does, timed from that moment
        late = page.model.late_counts
        start = time.perf_counter()
        page.apply_filters()
        took = until_painted(app, watch, start)
        deadline = time.perf_counter() + 30
        while page.model.counting and time.perf_counter() < deadline:
            app.processEvents()
        counted = (time.perf_counter() - start) * 1000
        deferred = page.model.late_counts > late
        check_count(page)
        timings.append((text, took, counted if deferred else None, page.model.rowCount()))
    return timings


def check_count(page: InspectionsPage) -> None:
    """The count label says what the service counts for the page's filter (not what was fetched)."""
    expected = page.ui.app.inspection_query.count(page.ui.user, page.current_filter())
    shown = page.count_label.text()
    if page.model.rowCount() != expected or f"{expected:,}" not in shown and str(expected) not in shown:
        raise AssertionError(f"the page shows {shown!r} ({page.model.rowCount()} rows), the service counts {expected}")


def jump_to_end(app: QApplication, page: InspectionsPage, watch: PaintWatch) -> float:
    start = time.perf_counter()
    page.table.scrollToBottom()
    took = until_painted(app, watch, start)
    page.table.scrollToTop()
    until_painted(app, watch, time.perf_counter())
    return took


def sort_clicks(app: QApplication, page: InspectionsPage, watch: PaintWatch) -> list[tuple[str, float]]:
    header = page.table.horizontalHeader()
    timings = []
    for column in SORTS:
        x = header.sectionViewportPosition(column) + 10
        start = time.perf_counter()
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
        timings.append((page.model.headers()[column], until_painted(app, watch, start)))
    return timings


def baseline(context: AppContext) -> float:
    start = time.perf_counter()
    ids = [row[0] for row in context.db.execute("SELECT id FROM inspections ORDER BY observed_at DESC").fetchall()]
    assert ids
    return (time.perf_counter() - start) * 1000


def storage_figures(context: AppContext, rows: int) -> list[str]:
    """The database's size, and the bytes per inspection of the inspections table and its indexes."""
    context.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lines = [f"  database {Path(context.db.conn.execute('PRAGMA database_list').fetchone()[2]).stat().st_size / 1e6:.0f} MB"]
    try:
        sizes = context.db.execute(
            "SELECT name, sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name ="
            " 'inspections') GROUP BY name ORDER BY 2 DESC").fetchall()
    except Exception:  # noqa: BLE001 - dbstat is compiled into most SQLite builds, not all
        return lines
    per = max(rows, 1)
    lines += [f"    {name:<32}{size / 1e6:7.1f} MB  {size / per:6.0f} B/inspection" for name, size in sizes]
    listing = sum(size for name, size in sizes if name.startswith("inspections_by_") or name == "inspections_covert")
    lines.append(f"    the list's sort indexes (0014)   {listing / 1e6:7.1f} MB  {listing / per:6.0f} B/inspection")
    return lines


def memory() -> dict[str, str]:
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = value.strip()
    return found


def median(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} ms (min {min(values):.1f}, max {max(values):.1f})"


def versus(values: list[float], base: float, target: float) -> str:
    ms = statistics.median(values)
    return f"{ms / base:5.2f}× baseline, target {target:.0f} ms {'met' if ms <= target else 'MISSED'}"


def measure(app: QApplication, context: AppContext, office: User, supervisor: User,
            runs: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Every figure of ``runs`` rounds on one data folder, by name (a filter's late count as
    ``filter … count``), and the rows each filter found."""
    ui = UiContext(app=context)
    ui.sign_in(office)
    supervisor_ui = UiContext(app=context)
    supervisor_ui.sign_in(supervisor)
    figures: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for _ in range(runs):
        figures.setdefault("baseline", []).append(baseline(context))
        took, page, watch = first_paint(app, ui)
        figures.setdefault("first paint", []).append(took)
        for text, ms, counted, count in keystrokes(app, page, watch):
            name = f"filter {repr(text) if text else '(cleared)'}"
            figures.setdefault(name, []).append(ms)
            if counted is not None:
                figures.setdefault(f"{name} count", []).append(counted)
            counts[name] = count
        for name, ms in sort_clicks(app, page, watch):
            figures.setdefault(f"sort by {name}", []).append(ms)
            check_count(page)
        figures.setdefault("jump to the end", []).append(jump_to_end(app, page, watch))
        page.close()
        page.deleteLater()
        took, page, _watch = first_paint(app, supervisor_ui)  # the covert rule in the query
        figures.setdefault("first paint, supervisor", []).append(took)
        page.close()
        page.deleteLater()
        app.processEvents()
    return figures, counts


def target_of(name: str) -> float | None:
    if name.startswith("first paint"):
        return TARGETS["first paint"]
    if name.startswith("filter"):
        return TARGETS["filter"]
    if name.startswith("sort"):
        return TARGETS["sort"]
    return None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="inspector-bench-list-"))
    small_folder = Path(tempfile.mkdtemp(prefix="inspector-bench-list-small-"))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_application(app)
    started = time.perf_counter()
    if args.keep and (args.keep / "inspector.db").exists():
        context = open_context(args.keep)
        office, supervisor = context.users.by_username("office"), context.users.by_username("sup1")
        assert office is not None and supervisor is not None
        args.rows = int(context.db.execute("SELECT count(*) FROM inspections").fetchone()[0])
        print(f"{args.rows} inspections kept in {args.keep}")
    else:
        context, office, supervisor = build(folder / "data" if not args.keep else folder, args.rows)
        print(f"{args.rows} inspections built in {time.perf_counter() - started:.1f} s")
    small_rows = min(args.small, args.rows)
    small, small_office, small_supervisor = build(small_folder / "data", small_rows, seed=5)
    try:
        measure(app, small, small_office, small_supervisor, 1)  # fonts, styles and caches warmed once
        figures, counts = measure(app, context, office, supervisor, args.runs)
        few, _few_counts = measure(app, small, small_office, small_supervisor, args.runs)
        base = statistics.median(figures["baseline"])
        print(f"\nmedians of {args.runs} runs, {args.rows} rows, signed in as the quality office;"
              f" beside each, the same on {small_rows} rows (same run) and the ratio")
        print(f"  baseline: bare SELECT id ORDER BY observed_at DESC into a list {median(figures['baseline'])}")
        for name, values in figures.items():
            if name == "baseline":
                continue
            target = target_of(name)
            label = "    … its count shown" if name.endswith(" count") else f"  {name}"
            line = f"{label:<27}{median(values)}  {statistics.median(values) / base:5.2f}× baseline"
            if name in few:
                ms, small_ms = statistics.median(values), statistics.median(few[name])
                line += f", {small_ms:6.1f} ms on {small_rows} rows ({ms / max(small_ms, 0.1):4.1f}×)"
            if target is not None:
                line += f", target {target:.0f} ms {'met' if statistics.median(values) <= target else 'MISSED'}"
            if name in counts:
                line += f"  → {counts[name]} rows"
            if name.endswith(" count"):
                line += "  (first page painted before counting)"
            print(line)
        print("  count label checked against the service's count after every filter and sort: right")
        memory_figures = memory()
        rss_mb = int(memory_figures.get("VmRSS", "0 kB").split()[0]) / 1024
        print(f"  RSS {memory_figures.get('VmRSS')} ({rss_mb:.0f} MB, target {RSS_TARGET_MB} MB"
              f" {'met' if rss_mb <= RSS_TARGET_MB else 'MISSED'})  (peak {memory_figures.get('VmHWM')})")
        for line in storage_figures(context, args.rows):
            print(line)
    finally:
        context.close()
        small.close()
        shutil.rmtree(small_folder, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
