"""The data of ``bench/report.py``: a registry, inspections with answers, findings and notices over
``months`` months ending with the last complete month, and two subjects with five years of history
(the vehicle file's and the staff file's), written in one transaction with ``executemany``.

Import with the checkout on ``sys.path`` (bench/report.py and its smoke test put it there).

The rows go in as an exchange import or a completion would leave them: completed inspections
inserted as such, then their answers and findings, so migration 0018's triggers keep the report
summaries on the way (what a bulk import costs is part of the build time printed). Inspection
ids are in random time order, as laptops' files arrive: a month's rows are spread over the
whole file. The two history subjects' inspections are made by their own generator and put at
random places among the others, so both databases of a run (all months, and the report month
alone) hold the same history.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from inspector.context import AppContext, open_context
from inspector.domain import reports
from inspector.domain.users import Role, User
from inspector.storage.transaction import write_transaction

PASSWORD = "bench-password"
MARKER = "bench-report.json"
MONTHS = 24
HISTORY_MONTHS = 60
# about an average bus's and staff member's rate at 1 M inspections a year over 1 440 buses and 3 000 staff
HISTORY_VEHICLE_PER_MONTH = 13
HISTORY_STAFF_PER_MONTH = 5
HISTORY_PER_MONTH = HISTORY_VEHICLE_PER_MONTH + HISTORY_STAFF_PER_MONTH
HISTORY_VEHICLE = "H-0001"  # fleet number
HISTORY_STAFF = "H00001"  # staff number
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
CHILDREN = list(COLUMNS)[4:-1]  # inspections … notice_state


def report_month(today: date) -> date:
    """The first day of the last complete month."""
    return reports.shift_month(today.replace(day=1), -1)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


Subject = tuple[int, int, int]  # (id, unit, responsible staff)


def registry_rows(rng: random.Random) -> tuple[dict[str, list[tuple]], dict[str, list[Subject]], dict[str, Subject]]:
    """Rows of units, staff, vehicles and locations; subjects by kind; the two history subjects
    (a bus of unit 1 and its driver, in no list of subjects)."""
    rows: dict[str, list[tuple]] = {"units": [], "staff": [], "vehicles": [], "locations": []}
    subjects: dict[str, list[Subject]] = {"vehicle": [], "staff": [], "location": []}
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
    staff_id, vehicle_id = len(rows["staff"]) + 1, len(rows["vehicles"]) + 1
    rows["staff"].append((staff_id, HISTORY_STAFF, "陈建国", "driver", 1, NOW, NOW))
    rows["vehicles"].append((vehicle_id, "粤B·H0001", HISTORY_VEHICLE, "1", 1, NOW, NOW))
    return rows, subjects, {"vehicle": (vehicle_id, 1, staff_id), "staff": (staff_id, 1, staff_id)}


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


@dataclass
class _Counters:
    finding_id: int = 0
    notice_id: int = 0


@dataclass(frozen=True)
class Visit:
    """What one inspection is about and when: its template (version id, kind, items), subject, day."""
    template: tuple
    subject: Subject
    day: date


def _day(rng: random.Random, first: date, days: int) -> date:
    day = first + timedelta(days=rng.randrange(days))
    return max(first, day - timedelta(days=2)) if day.weekday() >= 5 and rng.random() < 0.6 else day


def history_visits(rng: random.Random, templates: list[tuple], history: dict[str, Subject],
                   today: date, months: int = HISTORY_MONTHS) -> list[Visit]:
    """``months`` (five years) of the history bus (and of its driver, its responsible person) and
    of the driver as a staff subject, at about an average subject's rate."""
    by_kind = {template[1]: template for template in templates}
    first = reports.shift_month(report_month(today), 1 - months)
    days = (reports.shift_month(report_month(today), 1) - first).days
    visits = [Visit(by_kind["vehicle"], history["vehicle"], _day(rng, first, days))
              for _ in range(months * HISTORY_VEHICLE_PER_MONTH)]
    visits += [Visit(by_kind["staff"], history["staff"], _day(rng, first, days))
               for _ in range(months * HISTORY_STAFF_PER_MONTH)]
    rng.shuffle(visits)
    return visits


def _rows(rng: random.Random, inspection_id: int, visit: Visit, sizes: dict[str, int], authors: list[int],
          mean_findings: float, counters: _Counters, chunk: dict[str, list[tuple]]) -> tuple[tuple, list[tuple]]:
    """The inspection's row, answers and findings appended to ``chunk``; (inspection, findings)."""
    version_id, kind, items = visit.template
    subject, unit, responsible = visit.subject
    day = visit.day
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
    findings: list[tuple] = []
    if completed:
        for _ in range(rng.randint(0, round(2 * mean_findings))):
            counters.finding_id += 1
            code, section, severity = rng.choice(items)
            findings.append((counters.finding_id, inspection_id, code, section,
                             "serious" if rng.random() < 0.1 else severity, unit, responsible, "open", text))
        chunk["findings"].extend(findings)
    return inspection, findings


def generate(rng: random.Random, sizes: dict[str, int], templates: list[tuple], authors: list[int],
             subjects: dict[str, list[Subject]], today: date, months: int,
             history: list[Visit], history_rng: random.Random) -> Iterator[dict[str, list[tuple]]]:
    """Chunks of inspection, answer, finding and notice rows (ids explicit, from 1): ``sizes``'s
    over ``months`` months, with ``history`` at random places among them."""
    first = reports.shift_month(report_month(today), 1 - months)
    days = (reports.shift_month(report_month(today), 1) - first).days
    mean_findings = sizes["findings"] / max(1, sizes["inspections"] * 0.95)
    notice_share = sizes["notices"] / max(1, sizes["inspections"] * 0.95)
    total = sizes["inspections"] + len(history)
    history_at = set(random.Random(len(history)).sample(range(total), len(history)))  # apart from history_rng
    planned = iter(history)
    serials: dict[int, int] = {}
    counters = _Counters()
    chunk: dict[str, list[tuple]] = {name: [] for name in CHILDREN}
    weights = [45, 35, 20][:len(templates)]
    for position in range(total):
        if len(chunk["inspections"]) >= 5000:
            yield chunk
            chunk = {name: [] for name in CHILDREN}
        if position in history_at:
            source, visit, share, capped = history_rng, next(planned), 0.05, False
        else:
            template = rng.choices(templates, weights=weights)[0]
            source, share, capped = rng, notice_share, True
            visit = Visit(template, rng.choice(subjects[template[1]]), _day(rng, first, days))
        inspection, findings = _rows(source, position + 1, visit, sizes, authors, mean_findings, counters, chunk)
        if findings and source.random() < share and (not capped or counters.notice_id < sizes["notices"]):
            counters.notice_id += 1
            notice, items_rows, state = _notice(source, counters.notice_id, inspection, findings, serials, today)
            chunk["notices"].append(notice)
            chunk["notice_items"].extend(items_rows)
            chunk["notice_state"].append(state)
    chunk["notice_serials"] = list(serials.items())
    yield chunk


def build(folder: Path, sizes: dict[str, int], months: int = MONTHS, seed: int = 6) -> None:
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
        rows, subjects, history_subjects = registry_rows(rng)
        today = datetime.now(CST).date()
        history_rng = random.Random(seed + 1)  # the same history in every database of the run
        history = history_visits(history_rng, templates, history_subjects, today,
                                 sizes.get("history_months", HISTORY_MONTHS))
        context.db.execute("PRAGMA cache_size = -262144")  # 256 MB while the indexes grow
        with write_transaction(context.db) as db:
            for table, table_rows in rows.items():
                db.conn.executemany(INSERTS[table], table_rows)
            for chunk in generate(rng, sizes, templates, authors, subjects, today, months, history, history_rng):
                for table, table_rows in chunk.items():
                    db.conn.executemany(INSERTS[table], table_rows)
        counts = {table: context.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("inspections", "answers", "findings", "notices")}
    finally:
        context.close()
    (folder / MARKER).write_text(json.dumps({"sizes": sizes, "months": months, "seed": seed,
                                             "month": str(report_month(today)), "counts": counts}))


def prepared(folder: Path, sizes: dict[str, int], rebuild: bool = False,
             months: int = MONTHS) -> tuple[AppContext, User, dict]:
    """The cached data folder when its marker matches ``sizes``, ``months`` and this month, else
    built afresh (the marker then says how long the build took)."""
    marker = folder / MARKER
    wanted_month = str(report_month(datetime.now(CST).date()))
    info = json.loads(marker.read_text()) if marker.exists() else None
    if (rebuild or info is None or info["sizes"] != sizes or info.get("months") != months
            or info["month"] != wanted_month):
        if folder.exists():
            if info is None and any(folder.iterdir()):
                raise SystemExit(f"{folder} is not empty and was not made by this bench; choose another --data")
            shutil.rmtree(folder)
        started = time.perf_counter()
        build(folder, sizes, months)
        took = time.perf_counter() - started
        info = json.loads(marker.read_text())
        info["built_s"] = round(took, 1)
        marker.write_text(json.dumps(info))
        print(f"built {folder} in {took:.1f} s")
    else:
        print(f"reusing {folder} (built in {info.get('built_s', '?')} s)")
    context = open_context(folder)
    office = context.users.by_username("office")
    assert office is not None
    return context, office, info
