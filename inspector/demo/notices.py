"""Demo rectification notices: the demo inspections' findings carried through every notice state.

``add_notices`` picks completed inspections with open findings, spread over the last four months,
and issues their notices (as 王芳 of the quality office) through the real services, each at a
moment after its inspection: some are left issued (the older ones overdue), some acknowledged
with a drawn signature, some replied with after-photos and awaiting the follow-up, most closed
on time, a few closed late, two reissued after a failed follow-up (one successor closed, one
still open), one superseded by a correction, one replied without a receipt, and one whose problem
recurred (再次发生). Most walk-around findings are marked fixed on the spot (日清日结).
A small demo (``SMALL_DEMO`` inspections or fewer) gets the fixes on the spot but no notices.

Every step is an event on a timeline kept in time order; the services' clock is set to each
event's moment, so deadlines, overdue and late flags and the audit times read as they would
have. A step whose moment is still in the future is not taken (the notice stays where it is).
The real clock is restored afterwards. Then, with the real clock, the quality office makes the
local CA, the office seal certificate (for covert notices), certificates for 王芳 and 刘杨, one
signed copy of a closed notice and one of a covert notice, sealed.
"""

from __future__ import annotations

import heapq
import io
import itertools
import math
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING


from inspector.domain.changes import ChangeSet
from inspector.domain.inspections import (
    FindingStatus,
    Inspection,
    InspectionMode,
    InspectionStatus,
)
from inspector.domain.notices import (
    FollowUpItemResult,
    FollowUpResult,
    NoticeStatus,
    NoticeSummary,
)
from inspector.domain.templates import Severity
from inspector.domain.users import User

if TYPE_CHECKING:
    from inspector.context import AppContext

OFFICE = "wangfang"
SUPERVISORS = ("zhangwei", "lina")
MANAGER = "liuyang"
AFTER_PHOTOS = 8  # a small pool of "after rectification" photos, reused
FIX_ON_SPOT_SHARE = 0.8  # walk-around findings corrected while the supervisor watched

# What becomes of a notice: the steps taken after issue, in order. "fail:KIND" reissues the last
# problem and the successor goes on as KIND; "correct:KIND" supersedes it and the correction goes on.
LIFECYCLES: dict[str, tuple[str, ...]] = {
    "open": (),
    "acknowledged": ("ack",),
    "replied": ("ack", "reply"),
    "closed": ("ack", "reply", "pass"),
    "late": ("ack", "late_reply", "pass"),
    "direct": ("reply", "pass"),
    "reissued_closed": ("ack", "reply", "fail:closed"),
    "reissued_open": ("ack", "reply", "fail:open"),
    "superseded": ("correct:closed",),
}
# (lifecycle, days before today the notice is issued); "recurred" picks an inspection whose
# problem recurred and takes the "replied" lifecycle.
# The most telling first: a small demo (few inspections) takes only the first ones.
PLANS: tuple[tuple[str, int], ...] = (
    ("closed", 33), ("open", 24), ("acknowledged", 3), ("replied", 6), ("reissued_closed", 55),
    ("recurred", 20), ("late", 40), ("superseded", 38), ("open", 2), ("reissued_open", 36),
    ("direct", 66), ("closed", 48), ("late", 70), ("acknowledged", 30), ("closed", 10), ("closed", 62),
    ("open", 45), ("closed", 77), ("replied", 12), ("closed", 91), ("late", 100), ("closed", 16),
    ("closed", 105), ("closed", 21), ("closed", 118),
)
SMALL_DEMO = 50  # up to this many inspections: no notices (quick demos for tests and screenshots)
INSPECTIONS_PER_PLAN = 6  # then one plan per this many more: 200 inspections take every plan
MEASURES = ("已对责任人进行批评教育，并按标准整改到位。", "已安排专人当日整改完毕，班组长现场验收。",
            "已更换损坏设施，并对同类设施全面排查。", "已组织班组学习服务规范，责任人写出书面检讨。",
            "已清洁整理到位，并调整保洁频次。", "已补齐缺失物品，纳入每日交接班检查内容。")
PREVENTIVE = ("建立每日自查台账，站长每周抽查。", "纳入班组月度考核，再次发生的加倍考核。",
              "每周例会通报整改情况，举一反三。", "完善交接班制度，明确责任到人。")
FOLLOWUP_NOTES = {FollowUpResult.PASS: "复查合格，整改到位。", FollowUpResult.FAIL: "复查发现整改不到位，重新下发通知单。"}


@dataclass(frozen=True)
class DemoNotices:
    """What ``add_notices`` made."""

    notices: int
    statuses: dict[str, int]
    fixed_on_spot: int
    signed: bool
    changes: ChangeSet


@dataclass
class _Run:
    context: AppContext
    rng: random.Random
    now: datetime
    folder: Path
    office: User
    supervisors: dict[int, User]
    moment: list[datetime]
    changes: ChangeSet = field(default_factory=ChangeSet)
    events: list[tuple[datetime, int, Callable[[], None]]] = field(default_factory=list)
    order: itertools.count = field(default_factory=itertools.count)
    photos: dict[int, int] = field(default_factory=dict)
    fixed: int = 0

    def at(self, when: datetime, action: Callable[[], None]) -> None:
        """Take ``action`` at ``when``, unless that moment has not come yet."""
        if when <= self.now:
            heapq.heappush(self.events, (when, next(self.order), action))

    def play(self) -> None:
        while self.events:
            when, _, action = heapq.heappop(self.events)
            self.moment[0] = when
            action()

    def track(self, changes: ChangeSet) -> None:
        self.changes = self.changes.merge(changes)

    def recorder(self, inspection_author: int) -> User:
        """The supervisor who hands over the notice and comes back to check it."""
        return self.supervisors.get(inspection_author) or next(iter(self.supervisors.values()))

    def after_photo(self) -> int:
        index = self.rng.randrange(AFTER_PHOTOS)
        if index not in self.photos:
            from inspector.media.synthetic import scene_photo  # Pillow, only when a demo is made

            path = self.folder / f"after_{index + 1:02d}.jpg"
            path.write_bytes(scene_photo(500 + index, f"整改后照片 No.{index + 1:02d}"))
            self.photos[index] = self.context.photos.ingest(self.office, path).id
        return self.photos[index]


def signature_png(rng: random.Random, size: tuple[int, int] = (360, 120)) -> bytes:
    """A smooth pen scribble on a transparent ground, like a name signed on the tablet."""
    from PIL import Image, ImageDraw  # only when a demo is made

    scale = 3
    width, height = size[0] * scale, size[1] * scale
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    waves = [(rng.uniform(0.12, 0.28) * height, rng.uniform(3.0, 9.0), rng.uniform(0, math.tau)) for _ in range(3)]
    loops = rng.uniform(4.0, 7.0)
    points = []
    for step in range(600):
        t = step / 599
        envelope = math.sin(math.pi * min(1.0, t * 1.15)) ** 0.6
        x = width * (0.06 + 0.86 * t) + 0.05 * width * math.cos(loops * math.tau * t)
        y = height / 2 + envelope * sum(a * math.sin(f * math.tau * t + p) for a, f, p in waves)
        points.append((x, y))
    ink = (25, 35, 95, 255)
    draw.line(points, fill=ink, width=int(2.6 * scale), joint="curve")
    start, end = width * rng.uniform(0.1, 0.3), width * rng.uniform(0.7, 0.92)
    base = height * rng.uniform(0.75, 0.85)
    flourish = [(start + (end - start) * k / 60, base + 0.04 * height * math.sin(k / 60 * math.pi * 1.5))
                for k in range(61)]
    draw.line(flourish, fill=ink, width=int(2 * scale), joint="curve")
    buffer = io.BytesIO()
    image.resize(size, Image.LANCZOS).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _working(moment: datetime) -> datetime:
    while moment.weekday() >= 5:
        moment += timedelta(days=1)
    return moment


def _during_hours(rng: random.Random, day: datetime, first: int = 9, last: int = 16) -> datetime:
    return day.replace(hour=rng.randrange(first, last), minute=rng.randrange(60), second=0, microsecond=0)


def _findings_by_inspection(context: AppContext, office: User) -> tuple[list[Inspection], dict[int, list]]:
    completed = context.inspections.list(office, status=InspectionStatus.COMPLETED, limit=100_000)
    return completed, {inspection.id: context.inspections.findings(office, inspection.id) for inspection in completed}


def _recurring(completed: list[Inspection], findings: dict[int, list], window_days: int) -> set[int]:
    """Inspections with a problem found on the same subject by another inspection in the window before."""
    seen: dict[tuple[str, int, str], list[datetime]] = {}
    for inspection in completed:
        for finding in findings[inspection.id]:
            key = (inspection.subject.kind.value, inspection.subject.id, finding.item_code)
            seen.setdefault(key, []).append(inspection.observed_at)
    window = timedelta(days=window_days)
    return {inspection.id for inspection in completed for finding in findings[inspection.id]
            if any(inspection.observed_at - window <= other < inspection.observed_at
                   for other in seen[(inspection.subject.kind.value, inspection.subject.id, finding.item_code)])}


def add_notices(context: AppContext, *, password: str, inspections: int, seed: int = 7) -> DemoNotices:
    """Notices in every state from the demo inspections (see the module docstring); call inside the
    demo's transaction after ``add_inspections`` recorded ``inspections`` (one plan per
    ``INSPECTIONS_PER_PLAN`` beyond ``SMALL_DEMO``, so small demos stay quick). ``password``: the
    demo accounts' password."""
    plans = PLANS[:max(0, inspections - SMALL_DEMO) // INSPECTIONS_PER_PLAN]
    office = context.users.by_username(OFFICE)
    supervisors = {user.id: user for user in (context.users.by_username(name) for name in SUPERVISORS)}
    completed, findings = _findings_by_inspection(context, office)
    services = context.services
    real = services.clock
    now = real()
    moment = [now]
    services.clock = lambda: moment[0]
    with tempfile.TemporaryDirectory(prefix="inspector-demo-notices-") as temp:
        run = _Run(context=context, rng=random.Random(seed * 104729 + 11), now=now, folder=Path(temp),
                   office=office, supervisors=supervisors, moment=moment)
        try:
            _plan_walkarounds(run, completed, findings)
            _plan_notices(run, completed, findings, plans)
            run.play()
        finally:
            services.clock = real
    notices = context.notices.list(office, limit=100_000)
    signed = _certificates(run, notices, password) if notices else False
    statuses: dict[str, int] = {}
    for notice in notices:
        statuses[notice.status.value] = statuses.get(notice.status.value, 0) + 1
    return DemoNotices(notices=len(notices), statuses=statuses, fixed_on_spot=run.fixed, signed=signed,
                       changes=run.changes)


def _plan_walkarounds(run: _Run, completed: list[Inspection], findings: dict[int, list]) -> None:
    for inspection in completed:
        if inspection.mode is not InspectionMode.WALKAROUND or inspection.completed_at is None:
            continue
        for finding in findings[inspection.id]:
            if finding.status is FindingStatus.OPEN and run.rng.random() < FIX_ON_SPOT_SHARE:
                run.at(inspection.completed_at + timedelta(minutes=run.rng.randrange(3, 20)),
                       lambda finding=finding, author=inspection.author_id: _fix_on_spot(run, finding.id, author))


def _fix_on_spot(run: _Run, finding_id: int, author_id: int) -> None:
    actor = run.supervisors.get(author_id, run.office)
    run.track(run.context.notices.fix_on_spot(actor, finding_id, "已当场整改完毕"))
    run.fixed += 1


def _plan_notices(run: _Run, completed: list[Inspection], findings: dict[int, list],
                  plans: tuple[tuple[str, int], ...]) -> None:
    """Match each plan with the unused inspection completed last before the plan's day of issue."""
    window = run.context.settings.get().recurrence_window_days
    recurring = _recurring(completed, findings, window)
    # A notice is for serious problems (5.3); general ones are put right at once — except where a
    # problem keeps coming back (再次发生): then the office puts it on a notice by choice.
    candidates = sorted((inspection for inspection in completed
                         if inspection.mode is not InspectionMode.WALKAROUND and inspection.completed_at
                         and any(f.status is FindingStatus.OPEN for f in findings[inspection.id])),
                        key=lambda inspection: inspection.completed_at)
    serious = {inspection.id for inspection in candidates
               if any(f.status is FindingStatus.OPEN and f.severity is Severity.SERIOUS for f in findings[inspection.id])}
    used: set[int] = set()
    for kind, age in plans:
        issue_at = _during_hours(run.rng, _working(run.now - timedelta(days=age)), 9, 12)
        if issue_at > run.now:
            issue_at = run.now - timedelta(hours=1)
        fitting = [inspection for inspection in candidates if inspection.id not in used
                   and inspection.completed_at < issue_at
                   and (inspection.id in recurring if kind == "recurred" else inspection.id in serious)]
        if not fitting:
            continue
        chosen = fitting[-1]
        used.add(chosen.id)
        lifecycle = "replied" if kind == "recurred" else kind
        run.at(issue_at, lambda chosen=chosen, lifecycle=lifecycle, every=kind == "recurred":
               _issue(run, chosen, lifecycle, every_open=every))


def _issue(run: _Run, inspection: Inspection, lifecycle: str, *, every_open: bool = False) -> None:
    notices = run.context.notices
    for draft in notices.drafts(run.office, inspection.id, every_open=every_open):
        notice, changes = notices.issue(run.office, draft)
        run.track(changes)
        _next(run, notice, inspection.author_id, LIFECYCLES[lifecycle], run.moment[0])


def _next(run: _Run, notice: NoticeSummary, author: int, steps: tuple[str, ...], previous: datetime) -> None:
    """Schedule the first of ``steps``; each step schedules the one after it."""
    if not steps:
        return
    step, rest = steps[0], steps[1:]
    rng = run.rng
    if step == "ack":
        when = previous + timedelta(hours=rng.uniform(3, 26))
        if not 8 <= when.hour < 17:  # out of hours: the next morning's round
            when = _during_hours(rng, when + timedelta(days=1 if when.hour >= 17 else 0))
        when = _working(when)
    elif step == "reply":
        span = max(0, (notice.deadline - previous.date()).days)
        day = previous + timedelta(days=rng.randint(min(1, span), span)) if span else previous
        when = max(_during_hours(rng, day, 10, 17), previous + timedelta(minutes=30))
    elif step == "late_reply":
        day = datetime.combine(notice.deadline, time(10), previous.tzinfo) + timedelta(days=rng.randint(2, 6))
        when = _during_hours(rng, _working(day), 10, 17)
    elif step.startswith("correct:"):
        when = _during_hours(rng, _working(previous + timedelta(days=1)), 9, 12)
    else:  # a follow-up: on its day, or the working day after a late reply
        planned = datetime.combine(notice.followup_date, time(9), previous.tzinfo)
        when = _during_hours(rng, _working(max(planned, previous + timedelta(days=1))), 9, 16)
    run.at(when, lambda: _take(run, notice, author, step, rest))


def _take(run: _Run, notice: NoticeSummary, author: int, step: str, rest: tuple[str, ...]) -> None:
    context, rng, now = run.context, run.rng, run.moment[0]
    supervisor = run.recorder(author)
    if step == "ack":
        run.track(context.followups.acknowledge(supervisor, notice.id, notice.addressee,
                                                signature_png=signature_png(rng)))
    elif step in ("reply", "late_reply"):
        run.track(context.followups.record_reply(
            run.office, notice.id, measures=rng.choice(MEASURES), preventive=rng.choice(PREVENTIVE),
            replied_on=now.date(), replied_by=notice.addressee, photo_ids=[run.after_photo()]))
    elif step.startswith("correct:"):
        draft = context.notices.correction_draft(run.office, notice.id)
        first = draft.items[0]
        corrected = first.model_copy(update={"measure": f"{first.measure}整改完成后请附照片书面回复。"})
        draft = draft.model_copy(update={"items": (corrected, *draft.items[1:])})
        successor, changes = context.notices.issue(run.office, draft)
        run.track(changes)
        _next(run, successor, author, LIFECYCLES[step.partition(":")[2]], now)
        return
    else:
        items = context.notices.items(run.office, notice.id)
        failing = step.startswith("fail:")
        photo = run.after_photo()
        results = [FollowUpItemResult(
            position=item.position, photo_ids=(photo,),
            result=FollowUpResult.FAIL if failing and item is items[-1] else FollowUpResult.PASS) for item in items]
        outcome = FollowUpResult.FAIL if failing else FollowUpResult.PASS
        _, successor, changes = context.followups.record_followup(supervisor, notice.id, results,
                                                                  note=FOLLOWUP_NOTES[outcome])
        run.track(changes)
        if successor is not None:
            _next(run, successor, author, LIFECYCLES[step.partition(":")[2]], now)
        return
    _next(run, context.notices.get(run.office, notice.id), author, rest, now)


def _certificates(run: _Run, notices: list[NoticeSummary], password: str) -> bool:
    """The local CA held by the quality office, the office seal that signs covert notices (its key
    with the CA holder), certificates for 王芳 and 刘杨, one signed copy of a closed on-site notice
    (王芳's certificate) and one of a covert notice (the office seal)."""
    certificates = run.context.certificates
    if certificates.has_ca():
        return False
    run.track(certificates.init_ca(run.office, password))
    run.track(certificates.init_seal(run.office, password))
    for username in (OFFICE, MANAGER):
        run.track(certificates.issue(run.office, password, username, password))
    closed = [notice for notice in notices if notice.status is NoticeStatus.CLOSED and not notice.covert]
    if not closed:
        return False
    _, changes = run.context.notice_files.sign(run.office, closed[0].id, password)
    run.track(changes)
    covert = [notice for notice in notices if notice.covert]
    if covert:  # a covert notice carries the office seal, never 王芳's own certificate
        _, changes = run.context.notice_files.sign(run.office, covert[0].id, password)
        run.track(changes)
    return True
