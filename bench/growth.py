"""How fast the data folder grows: bytes per inspection in the database, bytes per photo in the
photo store (#18.5).

    python bench/growth.py [--inspections N] [--photos M] [--photo-size WxH]

In a temporary data folder with one supervisor, a vehicle and a published 10-item checklist, it
records ``--inspections`` inspections through the services, as the app does: start, 10 answers
(one of them a fail with a note), completion — which makes one finding — and the audit entries
of each step (12 per inspection). Then it ingests ``--photos`` phone-size photos
(``inspector.media.synthetic.camera_photo``, 4000×3000 ≈ 3–4 MB by default) through
``PhotoService.ingest``: the original kept byte for byte, and its working (1600 px), print
(1000 px) and thumbnail (256 px) copies.

Prints, per inspection, the bytes the database file grew by and their share by table (SQLite's
``dbstat``: each table with its indexes), beside the same-run baseline: the bytes of the values
themselves (each column's length as stored), so the ratio is SQLite's and the schema's overhead.
Per photo, the store's bytes by kind of file against the original's (what travels and what the
office keeps: originals and print copies; working copies and thumbnails are rebuilt on demand),
and the database bytes of its row and audit entry. Then what 100 000 inspections and a photo per
finding come to. Asserts nothing (tests/test_bench_growth.py runs it tiny so it cannot rot).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.context import AppContext, open_context  # noqa: E402
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef  # noqa: E402
from inspector.domain.photos import Derivative  # noqa: E402
from inspector.domain.registry import RegistryKind  # noqa: E402
from inspector.domain.templates import (  # noqa: E402
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)
from inspector.domain.users import Role, User  # noqa: E402

ITEMS = 10
# Which tables an inspection writes: each with its own indexes (dbstat names those apart).
GROUPS = ("inspections", "answers", "findings", "audit_log")
# audit_log is a view over both generations of entries since migration 0017; new entries are rows
# of audit_entries (the compact form), which is what an inspection adds.
STORED = {"audit_log": "audit_entries"}
PASSWORD = "bench-password-1"


def _body() -> TemplateBody:
    return TemplateBody(code="G", title_zh="车容车貌", subject=SubjectKind.VEHICLE, sections=(
        TemplateSection(code="G-1", title_zh="车厢", items=tuple(
            TemplateItem(code=f"G-1.{i}", text_zh=f"车厢地面、座椅、扶手清洁完好 {i}", deduct=float(i % 5 + 1))
            for i in range(1, ITEMS + 1))),))


class Folder:
    """A data folder with a supervisor, ten vehicles and the 10-item checklist published."""

    def __init__(self, folder: Path) -> None:
        self.context: AppContext = open_context(folder)
        admin, _ = self.context.users.create_first_admin("admin", "管理员", PASSWORD)
        office, _ = self.context.users.create(admin, username="qo", display_name="质量办",
                                              role=Role.QUALITY_OFFICE, password=PASSWORD)
        self.supervisor: User
        self.supervisor, _ = self.context.users.create(admin, username="sup", display_name="督导员",
                                                       role=Role.SUPERVISOR, password=PASSWORD)
        unit, _ = self.context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
        self.vehicles = [self.context.registry.add(admin, RegistryKind.VEHICLES, {
            "plate": f"粤B·{10001 + n}", "fleet_no": str(1001 + n), "unit_id": unit.id})[0].id for n in range(10)]
        draft, _ = self.context.templates.new_template(office, code="G", title_zh="车容车貌",
                                                       subject=SubjectKind.VEHICLE)
        self.context.templates.save_draft(office, draft.id, _body())
        self.version, _ = self.context.templates.publish(office, draft.id, "2025-01")
        self.codes = [item.code for _, item in _body().iter_items()]

    def inspection(self, serial: int) -> None:
        """One inspection: start, ten answers (one fail with its note), completion (one finding)."""
        context, actor = self.context, self.supervisor
        subject = SubjectRef(kind=SubjectKind.VEHICLE, id=self.vehicles[serial % len(self.vehicles)])
        inspection, _ = context.inspections.start(actor, template_version_id=self.version.id,
                                                  mode=InspectionMode.ONSITE, subject=subject)
        failed = serial % ITEMS
        for index, code in enumerate(self.codes):
            if index == failed:
                context.inspections.answer(actor, inspection.id, code, AnswerResult.FAIL,
                                           note="座椅扶手有污渍，地面有纸屑", severity=Severity.GENERAL)
            else:
                context.inspections.answer(actor, inspection.id, code, AnswerResult.PASS)
        context.inspections.complete(actor, inspection.id)

    # --- measuring -----------------------------------------------------------------------------
    def checkpoint(self) -> None:
        self.context.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def file_bytes(self) -> int:
        self.checkpoint()
        db = self.context.db
        return int(db.execute("PRAGMA page_count").fetchone()[0]) * int(db.execute("PRAGMA page_size").fetchone()[0])

    def table_bytes(self) -> dict[str, int]:
        """Bytes of the pages of each table together with its indexes."""
        self.checkpoint()
        db = self.context.db
        owner = {name: table for name, table in db.execute("SELECT name, tbl_name FROM sqlite_schema")}
        found: dict[str, int] = {}
        for name, size in db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            table = owner.get(name, name)
            found[table] = found.get(table, 0) + int(size)
        return found

    def payload(self, table: str, where: str, params: list[Any]) -> int:
        """The bytes of the values themselves in ``table``'s rows matching ``where``."""
        table = STORED.get(table, table)
        db = self.context.db
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        total = " + ".join(f"coalesce(length(CAST({column} AS BLOB)), 0)" for column in columns)
        return int(db.execute(f"SELECT coalesce(sum({total}), 0) FROM {table} WHERE {where}", params).fetchone()[0])

    def max_id(self, table: str) -> int:
        table = STORED.get(table, table)
        return int(self.context.db.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0])

    def close(self) -> None:
        self.context.close()


def _tree_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else 0


def measure_inspections(data: Folder, count: int) -> dict[str, Any]:
    data.inspection(-1)  # warm-up: the first pages of every table exist before the measure
    marks = {table: data.max_id(table) for table in GROUPS}
    before_file, before_tables = data.file_bytes(), data.table_bytes()
    for serial in range(count):
        data.inspection(serial)
    after_file, after_tables = data.file_bytes(), data.table_bytes()
    grown = {table: after_tables.get(table, 0) - before_tables.get(table, 0) for table in after_tables}
    first = data.max_id("inspections") - count + 1
    payload = {
        "inspections": data.payload("inspections", "id >= ?", [first]),
        "answers": data.payload("answers", "inspection_id >= ?", [first]),
        "findings": data.payload("findings", "inspection_id >= ?", [first]),
        "audit_log": data.payload("audit_log", "id > ?", [marks["audit_log"]]),
    }
    rows = {table: data.max_id(table) - marks[table] for table in ("inspections", "findings", "audit_log")}
    rows["answers"] = int(data.context.db.execute("SELECT count(*) FROM answers WHERE inspection_id >= ?",
                                                  [first]).fetchone()[0])
    return {"count": count, "file": after_file - before_file, "tables": grown, "payload": payload, "rows": rows}


def measure_photos(data: Folder, count: int, size: tuple[int, int], work: Path) -> dict[str, Any]:
    from inspector.media.synthetic import camera_photo

    store = data.context.paths.photos
    kinds = {"original": store / "originals", **{kind.value: store / "derived" / kind.value for kind in Derivative}}
    paths = []
    for serial in range(count + 1):  # the first one is the warm-up
        path = work / f"IMG_{serial:04d}.jpg"
        path.write_bytes(camera_photo(serial, size=size))
        paths.append(path)
    data.context.photos.ingest(data.supervisor, paths[0])
    before_files = {kind: _tree_bytes(folder) for kind, folder in kinds.items()}
    marks = {table: data.max_id(table) for table in ("photos", "audit_log")}
    for path in paths[1:]:
        data.context.photos.ingest(data.supervisor, path)
    files = {kind: _tree_bytes(folder) - before_files[kind] for kind, folder in kinds.items()}
    values = sum(data.payload(table, "rowid > ?", [mark]) for table, mark in marks.items())
    return {"count": count, "files": files, "database": values, "size": size}


def run(folder: Path, *, inspections: int, photos: int, photo_size: tuple[int, int]) -> dict[str, Any]:
    data = Folder(folder / "data")
    try:
        recorded = measure_inspections(data, inspections)
        stored = measure_photos(data, photos, photo_size, folder) if photos else None
    finally:
        data.close()
    return {"inspections": recorded, "photos": stored}


def _kb(value: float) -> str:
    return f"{value / 1024:8.2f} KiB"


def report(figures: dict[str, Any], print_: Callable[[str], None] = print) -> None:
    recorded = figures["inspections"]
    count = recorded["count"]
    tables, payload, rows = recorded["tables"], recorded["payload"], recorded["rows"]
    per_file = recorded["file"] / count
    stored_groups = sum(tables.get(table, 0) for table in GROUPS)
    print_(f"{count} inspections of {ITEMS} answers, 1 finding each; {rows['audit_log'] / count:.0f} audit entries "
           f"per inspection; the database file grew by {recorded['file'] / 1e6:.2f} MB")
    print_(f"per inspection: {per_file:8.0f} B in the file ({_kb(per_file)}), "
           f"{stored_groups / count:8.0f} B in its four tables with their indexes")
    total_payload = sum(payload.values())
    for table in GROUPS:
        stored = tables.get(table, 0) / count
        share = tables.get(table, 0) / stored_groups if stored_groups else 0
        values = payload[table] / count
        print_(f"  {table:<12} {stored:8.0f} B ({share:5.1%})   values {values:7.0f} B   "
               f"ratio {stored / values if values else float('inf'):5.2f}×   ({rows[table] / count:.0f} rows)")
    print_(f"  baseline: the values themselves {total_payload / count:.0f} B per inspection; "
           f"stored / values {stored_groups / total_payload if total_payload else float('inf'):.2f}×")
    print_(f"  the audit log's share of the inspection's bytes: "
           f"{tables.get('audit_log', 0) / stored_groups if stored_groups else 0:.1%} (#18.3 aims at ≤ 25 %)")
    photos = figures["photos"]
    per_photo_store = 0.0
    if photos:
        n = photos["count"]
        files = photos["files"]
        original = files["original"] / n
        per_photo_store = sum(files.values()) / n
        width, height = photos["size"]
        print_(f"per photo ({n} photos of {width}×{height}): {_kb(per_photo_store)} in the photo store, "
               f"{photos['database'] / n:.0f} B of values in the database (its row and audit entry)")
        for kind, label in (("original", "original (kept, travels)"), (Derivative.PRINT.value, "print (travels)"),
                            (Derivative.WORKING.value, "working (rebuilt on demand)"),
                            (Derivative.THUMBNAIL.value, "thumbnail (rebuilt on demand)")):
            print_(f"  {label:<31} {_kb(files[kind] / n)}   {files[kind] / n / original if original else 0:6.1%}"
                   " of the original")
        kept = files["original"] + files[Derivative.PRINT.value]
        print_(f"  baseline: the original alone {_kb(original)}; the store / the original "
               f"{per_photo_store / original if original else float('inf'):.2f}×; originals + print copies "
               f"{kept / n / original if original else 0:.2f}×")
    hundred_k = 100_000
    print_(f"100 000 inspections: {per_file * hundred_k / 1e9:.2f} GB of database"
           + (f" + {per_photo_store * hundred_k / 1e9:.1f} GB of photos at one photo per finding" if photos else ""))
    print_(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=1000, help="inspections recorded (default 1000)")
    parser.add_argument("--photos", type=int, default=5, help="photos ingested (default 5)")
    parser.add_argument("--photo-size", type=_size, default=(4000, 3000), help="photo size WxH (default 4000x3000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        figures = run(Path(tmp), inspections=args.inspections, photos=args.photos, photo_size=args.photo_size)
    report(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
