"""Demo inspections: a half-year of supervision visits on the demo company, with evidence photos.

``add_inspections`` records ``count`` inspections through the real services (``start``,
``answer``, ``add_photos``, ``complete``), so the answers, scores, findings and audit trail are
what a supervisor would have produced. The visits are spread over the last six months, in
working hours, by the two demo supervisors and the quality office, on T1 (vehicles), T2 (staff)
and T3 (locations); about one in ten is covert (entered hours after the visit, checklist items
that cannot be checked covertly left out), a few are walk-arounds (one problem seen in passing),
and about one in ten is left as a draft. Most checks pass: each visit draws its own failure
rate, a veto item fails very rarely, and a general failure is now and then marked serious.

Photos: a pool of ``PHOTO_POOL`` small pictures (``media.synthetic.scene_photo``) is made in a
temporary folder and stored through ``PhotoService.ingest`` the first time one is used; later
uses attach the same photo row, as the store keeps the same bytes once. Failed items that
require photos get them (completion demands it) and other failures get one now and then.

While recording, the services' clock is set to the visit's time, so ``entered_at``,
``completed_at``, answer and audit times read as they would have; it is restored afterwards.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.domain.changes import ChangeSet
from inspector.domain.errors import NotFound
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind, StaffRole
from inspector.domain.scoring import applicable_items
from inspector.domain.templates import (
    ResponseType,
    Severity,
    SubjectKind,
    TemplateItem,
    TemplateVersion,
)
from inspector.domain.users import User

if TYPE_CHECKING:
    from inspector.context import AppContext

AUTHORS = (("zhangwei", 0.42), ("lina", 0.42), ("wangfang", 0.16))  # the quality office inspects too
TEMPLATE_SHARES = (("T1", 0.4), ("T2", 0.35), ("T3", 0.25))
DAYS_BACK = 182
COVERT_SHARE = 0.10
WALKAROUND_SHARE = 0.06
DRAFT_SHARE = 0.10
NA_SHARE = 0.03
VETO_FAIL_FACTOR = 0.05  # a veto item fails this much less often than the visit's other items
SERIOUS_UPGRADE = 0.04  # a general item's failure marked serious by the inspector
OPTIONAL_PHOTO_SHARE = 0.15  # failures whose item needs no photo that still get one
PROGRESS_EVERY = 10  # inspections between two progress reports
PHOTO_POOL = 30
NOTES = ("现场发现，已拍照取证", "已当场指出，要求立即整改", "经提醒后当场整改", "与上次督查问题相同，重复出现",
         "乘客反映后核实属实", "责任人不在岗，已告知站务", "整改不彻底，需跟进复查", "夜班交接时发现")


@dataclass(frozen=True)
class DemoInspections:
    """What ``add_inspections`` recorded."""

    inspections: int
    completed: int
    covert: int
    walkaround: int
    findings: int
    photos: int  # distinct photos stored
    changes: ChangeSet


@dataclass
class _Run:
    context: AppContext
    rng: random.Random
    folder: Path
    now: datetime
    photo_ids: dict[int, int]  # pool index → photo row id
    changes: ChangeSet

    def track(self, result: tuple[Any, ChangeSet]) -> Any:
        self.changes = self.changes.merge(result[1])
        return result[0]

    def photo(self, author: User) -> int:
        """A photo from the pool, stored on first use."""
        index = self.rng.randrange(PHOTO_POOL)
        if index not in self.photo_ids:
            from inspector.media.synthetic import scene_photo  # Pillow, only when a demo is made

            path = self.folder / f"IMG_{index + 1:04d}.jpg"
            path.write_bytes(scene_photo(index, f"督查取证照片 No.{index + 1:02d}"))
            self.photo_ids[index] = self.context.photos.ingest(author, path).id
        return self.photo_ids[index]


@contextmanager
def _clock(context: AppContext) -> Iterator[Callable[[datetime], None]]:
    """Let the caller set the services' clock; the real clock comes back afterwards."""
    services = context.services
    real = services.clock
    moment = [real()]
    services.clock = lambda: moment[0]
    try:
        yield lambda value: moment.__setitem__(0, value.replace(microsecond=0))
    finally:
        services.clock = real


def _weighted(rng: random.Random, choices: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([name for name, _ in choices], weights=[share for _, share in choices])[0]


def _subjects(context: AppContext, actor: User) -> dict[str, list[Any]]:
    staff = [s for s in context.registry.list(actor, RegistryKind.STAFF) if s.role is not StaffRole.MANAGER]
    return {"T1": context.registry.list(actor, RegistryKind.VEHICLES), "T2": staff,
            "T3": context.registry.list(actor, RegistryKind.LOCATIONS)}


def _visit_time(rng: random.Random, now: datetime) -> datetime:
    """A moment in the last six months, on a working day, between 07:00 and 19:00."""
    while True:
        day = now - timedelta(days=rng.randrange(1, DAYS_BACK))
        if day.weekday() < 5 or rng.random() < 0.25:
            return day.replace(hour=rng.randrange(7, 19), minute=rng.randrange(60), second=rng.randrange(60))


def add_inspections(context: AppContext, admin: User, count: int, *, seed: int = 7,
                    progress: Callable[[float], None] | None = None) -> DemoInspections:
    """Record ``count`` demo inspections (see the module docstring); call inside the demo's
    transaction, after the registry and the demo accounts exist. ``progress(fraction done)`` is
    called every ``PROGRESS_EVERY`` inspections and once with 1.0 at the end."""
    rng = random.Random(seed * 7919 + count)
    authors = {name: context.users.by_username(name) for name, _ in AUTHORS}
    in_force: dict[tuple[str, str], TemplateVersion | None] = {}
    subjects = _subjects(context, admin)
    tally = {"recorded": 0, "completed": 0, "covert": 0, "walkaround": 0, "findings": 0}
    with tempfile.TemporaryDirectory(prefix="inspector-demo-photos-") as temp, _clock(context) as set_clock:
        run = _Run(context=context, rng=rng, folder=Path(temp), now=context.services.clock(), photo_ids={},
                   changes=ChangeSet())
        visits = sorted(_visit_time(rng, run.now) for _ in range(count))
        for done, observed in enumerate(visits):
            if progress is not None and done and done % PROGRESS_EVERY == 0:
                progress(done / count)
            code = _weighted(rng, TEMPLATE_SHARES)
            roll = rng.random()
            mode = (InspectionMode.COVERT if roll < COVERT_SHARE else InspectionMode.WALKAROUND
                    if roll < COVERT_SHARE + WALKAROUND_SHARE else InspectionMode.ONSITE)
            author = authors[_weighted(rng, AUTHORS)]
            delay = timedelta(hours=rng.uniform(2, 30)) if mode is InspectionMode.COVERT else timedelta(minutes=2)
            set_clock(min(observed + delay, run.now))
            template = _in_force(context, admin, code, observed.strftime("%Y-%m"), in_force)
            if template is None:  # no version of the checklist covers that month yet (#13.2)
                continue
            completed = _record(run, set_clock, author, template, rng.choice(subjects[code]), mode, observed)
            tally["recorded"] += 1
            tally["covert"] += mode is InspectionMode.COVERT
            tally["walkaround"] += mode is InspectionMode.WALKAROUND
            tally["completed"] += completed >= 0
            tally["findings"] += max(completed, 0)
        photos = len(run.photo_ids)
    if progress is not None:
        progress(1.0)
    return DemoInspections(inspections=tally["recorded"], completed=tally["completed"], covert=tally["covert"],
                           walkaround=tally["walkaround"], findings=tally["findings"], photos=photos,
                           changes=run.changes)


def _in_force(context: AppContext, admin: User, code: str, month: str,
              known: dict[tuple[str, str], TemplateVersion | None]) -> TemplateVersion | None:
    """The version an inspection of ``code`` observed in ``month`` uses (``TemplateService.in_force``),
    or None when no version covers that month; remembered in ``known``."""
    if (code, month) not in known:
        try:
            known[(code, month)] = context.templates.in_force(admin, code, month)
        except NotFound:
            known[(code, month)] = None
    return known[(code, month)]


def _record(
    run: _Run, set_clock: Callable[[datetime], None], author: User, template: TemplateVersion, record: Any,
    mode: InspectionMode, observed: datetime,
) -> int:
    """One visit; the number of findings when completed, -1 when left as a draft."""
    context, rng = run.context, run.rng
    kind = template.body.subject
    inspection = run.track(context.inspections.start(
        author, template_version_id=template.id, mode=mode, subject=SubjectRef(kind=kind, id=record.id),
        observed_at=observed,
    ))
    role = StaffRole(record.role) if kind is SubjectKind.STAFF else None
    items = [item for _, item in applicable_items(template.body, staff_role=role)
             if item.response is ResponseType.PASS_FAIL and (mode is not InspectionMode.COVERT or item.covert)]
    draft = rng.random() < DRAFT_SHARE
    if mode is InspectionMode.WALKAROUND:
        items = [rng.choice([item for item in items if not item.veto])]
        results = {items[0].code: AnswerResult.FAIL}
    else:
        if draft:
            items = items[:rng.randrange(1, len(items))]
        failure_rate = rng.choice((0.0, 0.02, 0.04, 0.06, 0.1, 0.15)) * rng.uniform(0.5, 1.5)
        results = {item.code: _result(rng, item, failure_rate) for item in items}
    moment = context.services.clock()
    for item in items:
        moment += timedelta(seconds=rng.randrange(20, 90))
        set_clock(min(moment, run.now))
        _answer(run, author, inspection.id, item, results[item.code])
    if draft:
        return -1
    set_clock(min(moment + timedelta(minutes=rng.randrange(1, 10)), run.now))
    run.track(context.inspections.complete(author, inspection.id))
    return sum(1 for result in results.values() if result is AnswerResult.FAIL)


def _result(rng: random.Random, item: TemplateItem, failure_rate: float) -> AnswerResult:
    roll = rng.random()
    if roll < NA_SHARE:
        return AnswerResult.NA
    rate = failure_rate * (VETO_FAIL_FACTOR if item.veto else 1.0)
    return AnswerResult.FAIL if roll < NA_SHARE + rate else AnswerResult.PASS


def _answer(run: _Run, author: User, inspection_id: int, item: TemplateItem, result: AnswerResult) -> None:
    context, rng = run.context, run.rng
    if result is not AnswerResult.FAIL:
        run.track(context.inspections.answer(author, inspection_id, item.code, result))
        return
    severity = Severity.SERIOUS if item.severity is Severity.GENERAL and rng.random() < SERIOUS_UPGRADE else None
    wanted = item.photos_on_fail or (1 if rng.random() < OPTIONAL_PHOTO_SHARE else 0)
    photos = sorted({run.photo(author) for _ in range(wanted)})
    while len(photos) < item.photos_on_fail:  # two draws of one pool photo: draw again
        photos = sorted(set(photos) | {run.photo(author)})
    run.track(context.inspections.answer(author, inspection_id, item.code, result, note=rng.choice(NOTES),
                                         severity=severity, photo_ids=photos))
