"""Recording a long checklist: does one answer cost the same at item 800 as at item 10? (#18.2)

    python bench/recording.py [--items N] [--inspections R] [--sync FULL|NORMAL] [--demo N]

Builds, in a temporary data folder, an office with one supervisor, a vehicle and a published
template of ``--items`` items (sections of 50), then records ``--inspections`` inspections of it
item by item through ``InspectionService.answer`` — the recording path of the GUI: role and
ownership checks, the item's rules, one transaction with the answer row and its audit entry,
``synchronous=FULL`` as in the app (``--sync NORMAL`` takes the disk out to show the CPU's part).
Every answer is timed on its own.

Prints, as medians over the inspections of a window of 10 answers around each point:
- the cost of one answer at item 10 (the same-run baseline) and at the last item, and their ratio
  (target ≤ 1.5: the cost must not grow with the answers already given);
- the whole inspection's recording time;
- per inspection (after the warm-up one), how many template bodies were parsed
  (``TemplateBody.model_validate_json``: a published version is parsed once, then kept) and
  how many ``Answer`` objects were built.
``--demo N`` also makes the demo company with N inspections (the app's demo: 500) and prints the
same two counts for it.

Asserts nothing about time (tests/test_bench_recording.py runs it tiny so it cannot rot).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pydantic import BaseModel  # noqa: E402

from inspector.context import AppContext, open_context  # noqa: E402
from inspector.domain.inspections import Answer, AnswerResult, InspectionMode, SubjectRef  # noqa: E402
from inspector.domain.registry import RegistryKind  # noqa: E402
from inspector.domain.templates import (  # noqa: E402
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)
from inspector.domain.users import Role, User  # noqa: E402

SECTION_SIZE = 50
WINDOW = 10


class Counts:
    """How often the template JSON is parsed (and any model's JSON: ``validations``) and how many
    ``Answer`` objects are built, while ``counting()`` is active (class attributes patched, put
    back afterwards)."""

    def __init__(self) -> None:
        self.bodies = 0
        self.others = 0
        self.answers = 0

    @property
    def validations(self) -> int:
        """Every ``model_validate_json`` call, of any model (template bodies included)."""
        return self.bodies + self.others

    @contextmanager
    def counting(self) -> Iterator[Counts]:
        parse = TemplateBody.model_validate_json
        validate = BaseModel.__dict__["model_validate_json"].__func__
        build = Answer.__init__

        def counted_parse(cls: type[TemplateBody], *args: Any, **kwargs: Any) -> TemplateBody:
            self.bodies += 1
            return parse(*args, **kwargs)

        def counted_validate(cls: type[BaseModel], *args: Any, **kwargs: Any) -> BaseModel:
            self.others += 1
            return validate(cls, *args, **kwargs)

        def counted_build(answer: Answer, /, **data: Any) -> None:
            self.answers += 1
            build(answer, **data)

        patched = {TemplateBody: ("model_validate_json", classmethod(counted_parse)),
                   BaseModel: ("model_validate_json", classmethod(counted_validate)),
                   Answer: ("__init__", counted_build)}
        kept = {cls: cls.__dict__.get(name) for cls, (name, _) in patched.items()}
        for cls, (name, wrapper) in patched.items():
            type.__setattr__(cls, name, wrapper)
        try:
            yield self
        finally:
            for cls, (name, _) in patched.items():
                if kept[cls] is None:  # inherited: take the patch off again
                    type.__delattr__(cls, name)
                else:
                    type.__setattr__(cls, name, kept[cls])


def build_body(items: int) -> TemplateBody:
    sections = []
    for s in range(1, (items + SECTION_SIZE - 1) // SECTION_SIZE + 1):
        count = min(SECTION_SIZE, items - (s - 1) * SECTION_SIZE)
        sections.append(TemplateSection(code=f"R-{s}", title_zh=f"第{s}部分 车容车貌", deduct_cap=20, items=tuple(
            TemplateItem(code=f"R-{s}.{i}", text_zh=f"车厢地面、座椅、扶手清洁完好 {s}.{i}", deduct=float(i % 5 + 1))
            for i in range(1, count + 1))))
    return TemplateBody(code="R", title_zh="长检查表", subject=SubjectKind.VEHICLE, sections=tuple(sections))


class Office:
    """A data folder with a supervisor, a vehicle and the long template published."""

    def __init__(self, folder: Path, items: int) -> None:
        self.context = open_context(folder)
        admin, _ = self.context.users.create_first_admin("admin", "管理员", "bench-password-1")
        office, _ = self.context.users.create(admin, username="qo", display_name="质量办", role=Role.QUALITY_OFFICE,
                                              password="bench-password-1")
        self.supervisor, _ = self.context.users.create(admin, username="sup", display_name="督导员",
                                                       role=Role.SUPERVISOR, password="bench-password-1")
        unit, _ = self.context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
        vehicle, _ = self.context.registry.add(admin, RegistryKind.VEHICLES,
                                               {"plate": "粤B·10001", "fleet_no": "1001", "unit_id": unit.id})
        self.vehicle = SubjectRef(kind=SubjectKind.VEHICLE, id=vehicle.id)
        draft, _ = self.context.templates.new_template(office, code="R", title_zh="长检查表",
                                                       subject=SubjectKind.VEHICLE)
        body = build_body(items)
        self.context.templates.save_draft(office, draft.id, body)
        self.version, _ = self.context.templates.publish(office, draft.id, "2025-01")
        self.codes = [item.code for _, item in body.iter_items()]

    def record(self, sync: str) -> list[float]:
        """One inspection answered item by item; the seconds each answer took."""
        context, actor = self.context, self.supervisor
        context.db.execute(f"PRAGMA synchronous={sync}")
        inspection, _ = context.inspections.start(actor, template_version_id=self.version.id,
                                                  mode=InspectionMode.ONSITE, subject=self.vehicle)
        times = []
        for index, code in enumerate(self.codes):
            fail = index % 10 == 9
            started = time.perf_counter()
            context.inspections.answer(actor, inspection.id, code, AnswerResult.FAIL if fail else AnswerResult.PASS,
                                       note="座椅有污渍" if fail else "")
            times.append(time.perf_counter() - started)
        context.db.execute("PRAGMA synchronous=FULL")
        return times

    def close(self) -> None:
        self.context.close()


def window(times: list[float], at: int) -> list[float]:
    """The ``WINDOW`` answers around item ``at`` (1-based), kept inside the checklist."""
    start = min(max(at - WINDOW // 2, 0), max(len(times) - WINDOW, 0))
    return times[start:start + WINDOW]


def run(folder: Path, *, items: int, inspections: int, sync: str = "FULL") -> dict[str, float]:
    office = Office(folder, items)
    try:
        office.record(sync)  # warm-up: imports, caches, the first inspection's pages
        counts = Counts()
        early: list[float] = []
        late: list[float] = []
        totals: list[float] = []
        with counts.counting():
            for _ in range(inspections):
                times = office.record(sync)
                early.append(statistics.median(window(times, 10)))
                late.append(statistics.median(window(times, items)))
                totals.append(sum(times))
    finally:
        office.close()
    return {"items": float(items), "early_ms": statistics.median(early) * 1000,
            "late_ms": statistics.median(late) * 1000, "total_s": statistics.median(totals),
            "bodies_per_inspection": counts.bodies / inspections,
            "answers_per_inspection": counts.answers / inspections}


def demo_counts(folder: Path, inspections: int) -> Counts:
    """Parsed template bodies and built ``Answer`` objects while the demo company is made."""
    from inspector.demo.company import create_demo

    context = open_context(folder)
    try:
        counts = Counts()
        with counts.counting():
            create_demo(context, inspections=inspections)
        answers = int(context.db.execute("SELECT count(*) FROM answers").fetchone()[0])
        print(f"demo: {answers} answers recorded; {counts.bodies} template bodies parsed "
              f"({counts.validations} model_validate_json calls in all), "
              f"{counts.answers} Answer objects built ({counts.answers / max(answers, 1):.1f} per answer)")
        return counts
    finally:
        context.close()


def main(argv: list[str] | None = None, *, folder: Callable[[], Any] = tempfile.TemporaryDirectory) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=800, help="items of the checklist (default 800)")
    parser.add_argument("--inspections", type=int, default=3, help="inspections recorded after the warm-up")
    parser.add_argument("--sync", choices=("FULL", "NORMAL"), default="FULL",
                        help="PRAGMA synchronous while recording (the app: FULL)")
    parser.add_argument("--demo", type=int, default=0, metavar="N",
                        help="also count parses and Answer objects of a demo of N inspections (the app's: 500)")
    args = parser.parse_args(argv)
    with folder(prefix="bench-recording-") as tmp:
        figures = run(Path(tmp) / "data", items=args.items, inspections=args.inspections, sync=args.sync)
        if args.demo:
            demo_counts(Path(tmp) / "demo", args.demo)
    ratio = figures["late_ms"] / figures["early_ms"] if figures["early_ms"] else float("inf")
    last = args.items
    print(f"checklist: {last} items; {args.inspections} inspections after a warm-up; synchronous={args.sync}; "
          f"medians of {WINDOW} answers around each point")
    print(f"one answer at item  10 (baseline): {figures['early_ms']:7.2f} ms")
    print(f"one answer at item {last:3d}:            {figures['late_ms']:7.2f} ms")
    print(f"ratio item {last} / item 10: {ratio:.2f}×  (target ≤ 1.5: {'met' if ratio <= 1.5 else 'MISSED'})")
    print(f"whole inspection ({last} answers): {figures['total_s']:.2f} s")
    print(f"per inspection: {figures['bodies_per_inspection']:.0f} template bodies parsed, "
          f"{figures['answers_per_inspection']:.0f} Answer objects built")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (timings scale with the load)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
