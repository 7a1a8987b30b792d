"""Demo passenger comment books (旅客意见簿): the last week's books of every demo bus, most of them
empty, some with praise, opinions and complaints; opinions answered the same day, one answered
late, one still open from yesterday, one complaint registered in the complaints register; a few
buses missed on some days, and today's round half done.

Every step goes through ``CommentBookService`` with the services' clock set to when it happened,
in time order, then the real clock is restored. The quality office (``wangfang``) enters them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from inspector.context import AppContext
from inspector.domain.changes import ChangeSet
from inspector.domain.registry import RegistryKind
from inspector.domain.users import User

OFFICE = "wangfang"
DAYS = 7
_PRAISE = ("驾驶员耐心为老人指路，服务热情。", "车厢干净整洁，座椅无污渍。", "司机主动帮助抱小孩的乘客上车。",
           "报站清晰，行车平稳。")
_OPINIONS = (("车内空调温度太低，希望调高一些。", "已通知驾驶员将空调调至26度，并向乘客说明。"),
             ("电子报站器声音太小，后排听不清。", "已报修报站器，当天调大音量。"),
             ("早高峰发车间隔太长，等车时间久。", "已将意见转调度室，高峰时段加密班次。"),
             ("扶手有松动，存在安全隐患。", "已安排保修当天紧固扶手。"))
_COMPLAINTS = ("到站不停，甩站，乘客未能下车。", "驾驶员行车中吸烟，车厢烟味很重。")


@dataclass
class DemoCommentBooks:
    books: int
    entries: int
    changes: ChangeSet


def add_comment_books(context: AppContext, *, seed: int = 7) -> DemoCommentBooks | None:
    """The demo's comment books; call inside the demo's transaction, after the complaints."""
    office = context.users.by_username(OFFICE)
    if office is None:
        return None
    rng = random.Random(seed * 104729 + 11)
    services = context.services
    real = services.clock
    now = real()
    buses = [bus.plate for bus in context.registry.list(office, RegistryKind.VEHICLES) if bus.active]
    timeline: list[tuple[datetime, int, _Collect | _Reply | _Register]] = []
    changes = ChangeSet()
    late_done = open_done = complaint_done = False
    for back in range(DAYS, -1, -1):
        day = (now - timedelta(days=back)).date()
        evening = datetime.combine(day, time(18, 30), tzinfo=now.tzinfo)
        for index, plate in enumerate(buses):
            if back == 0 and (index % 2 or evening > now):
                continue  # today's round is not done yet
            if rng.random() < 0.08:
                continue  # missed: the view of buses not collected shows it
            entries: list[tuple[str, str]] = []
            replies: list[tuple[int, str, timedelta]] = []
            if rng.random() < 0.25:
                entries.append(("praise", rng.choice(_PRAISE)))
            if rng.random() < 0.3:
                text, answer = rng.choice(_OPINIONS)
                entries.append(("opinion", text))
                delay = timedelta(hours=2)
                if back == 3 and not late_done:
                    delay, late_done = timedelta(days=1, hours=2), True  # answered the next morning: late
                elif back == 1 and not open_done:
                    delay, open_done = timedelta(0), True  # still open: 当天反馈 missed
                if delay:
                    replies.append((len(entries), answer, delay))
            register = back == 2 and not complaint_done and rng.random() < 0.6
            if register:
                entries.append(("complaint", rng.choice(_COMPLAINTS)))
                complaint_done = True
            at = evening + timedelta(minutes=3 * index)
            if at > now:
                continue
            key = (plate, day)
            timeline.append((at, len(timeline), _Collect(key, plate, day, entries, at)))
            for position, answer, delay in replies:
                if at + delay <= now:
                    timeline.append((at + delay, len(timeline), _Reply(key, position, answer)))
            if register:
                timeline.append((at + timedelta(minutes=20), len(timeline), _Register(key, len(entries))))
    moment = [now]
    books: dict[tuple[str, object], list[int]] = {}
    services.clock = lambda: moment[0]
    try:
        for at, _, step in sorted(timeline, key=lambda item: item[:2]):
            moment[0] = at
            changes = changes.merge(step.run(context, office, books))
    finally:
        services.clock = real
    count = sum(1 for _, _, step in timeline if isinstance(step, _Collect))
    entries_made = sum(len(step.entries) for _, _, step in timeline if isinstance(step, _Collect))
    return DemoCommentBooks(books=count, entries=entries_made, changes=changes)


@dataclass
class _Collect:
    key: tuple[str, object]
    plate: str
    day: object
    entries: list[tuple[str, str]]
    at: datetime

    def run(self, context: AppContext, office: User, books: dict[tuple[str, object], list[int]]) -> ChangeSet:
        book, changes = context.comment_books.collect(office, vehicle=self.plate, day=self.day,  # type: ignore[arg-type]
                                                      entries=self.entries, collected_at=self.at)
        books[self.key] = [entry.id for entry in book.entries]
        return changes


@dataclass
class _Reply:
    key: tuple[str, object]
    position: int
    answer: str

    def run(self, context: AppContext, office: User, books: dict[tuple[str, object], list[int]]) -> ChangeSet:
        return context.comment_books.reply(office, books[self.key][self.position - 1], self.answer)[1]


@dataclass
class _Register:
    key: tuple[str, object]
    position: int

    def run(self, context: AppContext, office: User, books: dict[tuple[str, object], list[int]]) -> ChangeSet:
        return context.comment_books.register(office, books[self.key][self.position - 1])[1]
