"""What "已保存 means saved" costs: one recorded answer with ``synchronous=FULL`` against NORMAL.

    python bench/answers.py [--answers N] [--rounds R]

The database runs in WAL mode. With ``synchronous=NORMAL`` a commit is only written to the WAL,
not fsynced, so a power cut (a laptop whose battery dies) may roll back answers the screen
already called saved; ``FULL`` (what the app uses) fsyncs the WAL at every commit. This bench
fills a demo company in a temporary data folder, then records answers of real inspections through
``InspectionService.answer`` (the recording path of the GUI: one transaction, the answer row, its
audit entry) in rounds that alternate FULL and NORMAL on the same connection, so drift in the disk
or the CPU clock hits both alike. Prints the median milliseconds per answer for each and the
ratio; asserts nothing (tests/test_bench_answers.py runs it tiny so it cannot rot).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.context import AppContext, open_context  # noqa: E402
from inspector.demo.company import create_demo  # noqa: E402
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef  # noqa: E402
from inspector.domain.registry import RegistryKind  # noqa: E402
from inspector.domain.templates import SubjectKind  # noqa: E402
from inspector.domain.users import Role, User  # noqa: E402


def _supervisor(context: AppContext) -> User:
    for user in context.users.list(context.users.by_username("admin")):
        if user.role is Role.SUPERVISOR:
            return user
    raise SystemExit("the demo has no supervisor")


class Recorder:
    """Starts vehicle inspections on T1 and answers their items one by one, starting a new
    inspection whenever one runs out of items."""

    def __init__(self, context: AppContext, actor: User) -> None:
        self.context = context
        self.actor = actor
        admin = context.users.by_username("admin")
        self.vehicles = [v.id for v in context.registry.list(admin, RegistryKind.VEHICLES)]
        template = context.templates.latest_published(actor, "T1")
        self.template_id = template.id
        self.codes = [item.code for _, item in context.templates.get(actor, template.id).body.iter_items()]
        self.pending: list[str] = []
        self.inspection_id = 0
        self.started = 0

    def answer_one(self) -> None:
        if not self.pending:
            vehicle = self.vehicles[self.started % len(self.vehicles)]
            self.started += 1
            inspection, _ = self.context.inspections.start(
                self.actor, template_version_id=self.template_id, mode=InspectionMode.ONSITE,
                subject=SubjectRef(kind=SubjectKind.VEHICLE, id=vehicle))
            self.inspection_id = inspection.id
            self.pending = list(self.codes)
        code = self.pending.pop(0)
        self.context.inspections.answer(self.actor, self.inspection_id, code, AnswerResult.PASS)


def _round(recorder: Recorder, mode: str, answers: int) -> float:
    """Milliseconds per answer over ``answers`` answers recorded with ``synchronous=mode``."""
    recorder.context.db.execute(f"PRAGMA synchronous={mode}")
    started = time.perf_counter()
    for _ in range(answers):
        recorder.answer_one()
    return (time.perf_counter() - started) * 1000 / answers


def run(folder: Path, *, answers: int, rounds: int) -> dict[str, float]:
    context = open_context(folder)
    try:
        create_demo(context)
        recorder = Recorder(context, _supervisor(context))
        _round(recorder, "FULL", 3)  # warm-up: caches, first inspection
        full: list[float] = []
        normal: list[float] = []
        for _ in range(rounds):
            full.append(_round(recorder, "FULL", answers))
            normal.append(_round(recorder, "NORMAL", answers))
        context.db.execute("PRAGMA synchronous=FULL")
        return {"full_ms": statistics.median(full), "normal_ms": statistics.median(normal),
                "answers": float(answers * rounds)}
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=40, help="answers per round (default 40)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of each mode (default 7)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-answers-") as tmp:
        figures = run(Path(tmp) / "data", answers=args.answers, rounds=args.rounds)
    ratio = figures["full_ms"] / figures["normal_ms"] if figures["normal_ms"] else float("inf")
    print(f"answers recorded per mode: {int(figures['answers'])} (medians of {args.rounds} rounds)")
    print(f"synchronous=FULL   (the app): {figures['full_ms']:7.2f} ms per answer")
    print(f"synchronous=NORMAL (baseline): {figures['normal_ms']:7.2f} ms per answer")
    print(f"ratio FULL / NORMAL: {ratio:.2f}×  (cost of durability: "
          f"{figures['full_ms'] - figures['normal_ms']:+.2f} ms per answer)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
