"""Demo complaints (投诉与旅客意见) in every state: just received, due soon, overdue with the
department's feedback late, under investigation, resolved, fed back, closed on time and late, an
enquiry answered on the spot, a case reopened for a second remedy (二次补救), a major case with a
written extension, a rural route counted in working days, a serious case to report to the leader.

Like the notices, every step goes through ``ComplaintService`` with the services' clock set to the
moment it happened (the steps of all cases played in time order, so the audit trail reads
forward), then the real clock is restored. The quality office (``wangfang``) handles them all.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from inspector.context import AppContext
from inspector.domain.changes import ChangeSet
from inspector.domain.registry import RegistryKind, StaffRole
from inspector.domain.users import User

OFFICE = "wangfang"
_PREFIXES = ("138", "139", "136", "150", "186", "177")
_NAMES = ("王先生", "李女士", "陈小姐", "刘先生", "赵阿姨", "周同学", "吴先生", "郑女士")

_WHAT = {
    "nonstandard": "乘客反映{plate}司机态度生硬，到站未等乘客下车完毕即关门起步。",
    "inattentive": "乘客询问换乘线路，驾驶员不耐烦，答复“自己看站牌”。",
    "no_apology": "车辆急刹导致乘客摔倒，驾驶员未询问也未道歉。",
    "unrelated_work": "驾驶员行车途中使用手机通话。",
    "rules_not_followed": "乘客反映驾驶员对未投币乘客处理不按章办事，当众争吵。",
    "abuse": "乘客投诉驾驶员因找零问题辱骂乘客，车上多名乘客可作证。",
    "escalation": "乘客与驾驶员因投币发生争执，驾驶员处理不当，矛盾激化。",
}


@dataclass
class DemoComplaints:
    """What ``add_complaints`` made."""

    complaints: int
    statuses: dict[str, int]
    changes: ChangeSet


Step = tuple[float, Callable[[], object]]  # hours before now, the action


class _Cases:
    def __init__(self, context: AppContext, office: User, now: datetime, rng: random.Random) -> None:
        self.context = context
        self.office = office
        self.now = now
        self.rng = rng
        self.steps: list[tuple[datetime, int, Callable[[], object]]] = []
        self.numbers: dict[int, str] = {}
        self.changes = ChangeSet()
        vehicles = context.registry.list(office, RegistryKind.VEHICLES)
        drivers = [person for person in context.registry.list(office, RegistryKind.STAFF)
                   if person.role is StaffRole.DRIVER]
        self.vehicles = rng.sample(vehicles, min(len(vehicles), 12))
        self.drivers = rng.sample(drivers, min(len(drivers), 6))

    def ago(self, hours: float) -> datetime:
        return (self.now - timedelta(hours=hours)).replace(second=0, microsecond=0)

    def phone(self) -> str:
        return f"{self.rng.choice(_PREFIXES)}{self.rng.randrange(10**8):08d}"

    def case(self, index: int, hours: float, steps: list[Step], **intake: object) -> None:
        """A case received ``hours`` ago, then ``steps`` (each its own hours ago) on it."""
        def add() -> None:
            values: dict[str, object] = {"received_at": self.ago(hours), **intake}
            case, changes = self.context.complaints.add(self.office, **values)  # type: ignore[arg-type]
            self.numbers[index] = case.number
            self.changes = self.changes.merge(changes)
        self.steps.append((self.ago(hours), len(self.steps), add))
        for when, action in steps:
            self.steps.append((self.ago(when), len(self.steps), action))

    def on(self, index: int, step: str, **values: object) -> Callable[[], object]:
        def act() -> None:
            complaints = self.context.complaints
            case_id = complaints.access.id_of(self.numbers[index])
            _, changes = getattr(complaints, step)(self.office, case_id, **values)
            self.changes = self.changes.merge(changes)
        return act

    def complaint(self, vehicle: int, behaviour: str, **more: object) -> dict[str, object]:
        bus = self.vehicles[vehicle % len(self.vehicles)]
        severity = "serious" if behaviour in ("abuse", "escalation") else "general"
        return {"channel": "hotline_12319", "order_no": f"12319-{self.rng.randrange(10**6):06d}", "kind": "complaint",
                "severity": severity, "behaviour": behaviour, "vehicle": bus.plate,
                "what": _WHAT[behaviour].format(plate=bus.plate), "name": self.rng.choice(_NAMES),
                "phone": self.phone(), "place": f"{bus.route}路沿线", **more}


def _plan(cases: _Cases) -> None:
    c = cases
    full = lambda index, inv, res, fb, close, opinion="satisfied": [  # noqa: E731 - a short recipe
        (inv, c.on(index, "investigate", notes="调取车载视频并询问当事驾驶员", statement="本人当时服务不规范，今后改正。")),
        (res, c.on(index, "resolve", liability="liable", measures="批评教育，扣当月服务考核分", apology=True)),
        (fb, c.on(index, "feedback", opinion=opinion, note="电话回访投诉人")),
        (close, c.on(index, "close"))]
    c.case(1, 3, [], **c.complaint(0, "nonstandard"))  # just received
    c.case(2, 40, [(30, c.on(2, "investigate", notes="已通知总站调查"))], **c.complaint(1, "inattentive"))  # due soon
    c.case(3, 60, [], **c.complaint(2, "no_apology"))  # overdue, department's feedback late
    c.case(4, 20, [(15, c.on(4, "investigate", notes="询问笔录：驾驶员承认未等乘客坐稳")),
                   (8, c.on(4, "resolve", liability="liable", measures="停班学习一天", apology=True))],
           **c.complaint(3, "nonstandard"))  # resolved, feedback pending
    c.case(5, 30, full(5, 26, 20, 4, 0.0)[:3], **c.complaint(4, "unrelated_work"))  # fed back, not closed
    c.case(6, 24 * 10, full(6, 24 * 10 - 5, 24 * 10 - 20, 24 * 10 - 30, 24 * 10 - 31),
           **c.complaint(5, "nonstandard"))  # closed on time
    c.case(7, 24 * 8, full(7, 24 * 7, 24 * 6, 24 * 5, 24 * 5 - 1, "basically"),
           **c.complaint(6, "inattentive"))  # closed late
    c.case(8, 26, [], channel="phone", kind="enquiry", what="询问8路首末班车时间", answered="已告知首班6:00、末班22:30")
    c.case(9, 36, [(34, c.on(9, "investigate", notes="查看监控")),
                   (30, c.on(9, "resolve", liability="not_liable", measures="向乘客解释乘车规则")),
                   (5, c.on(9, "feedback", opinion="unsatisfied", note="乘客不认可，要求再次处理"))],
           **c.complaint(7, "rules_not_followed"))  # reopened: 二次补救
    c.case(10, 70, [(60, c.on(10, "investigate", notes="当事驾驶员休假")),
                    (2, c.on(10, "extend", due_at=c.ago(-48), reason="当事驾驶员休假，返岗后询问"))],
           **c.complaint(8, "escalation", major=True))  # major, extended
    c.case(11, 24 * 3, [(24 * 2, c.on(11, "investigate", notes="乡村线路，已电话联系站点"))],
           **c.complaint(9, "inattentive", rural=True))  # rural: 7 working days
    driver = c.drivers[0] if c.drivers else None
    serious = {"channel": "visit", "kind": "complaint", "severity": "serious", "behaviour": "abuse", "urgent": True,
               "what": _WHAT["abuse"], "name": c.rng.choice(_NAMES), "phone": c.phone()}
    if driver is not None:
        serious["staff"] = driver.staff_no
    c.case(12, 1, [], **serious)  # serious and urgent: report to the leader at once
    c.case(13, 24 * 4, [(24 * 4 - 2, c.on(13, "investigate", notes="转告总站")),
                        (24 * 4 - 3, c.on(13, "resolve", liability="not_liable", measures="建议已转营运部研究")),
                        (24 * 4 - 4, c.on(13, "feedback", opinion="satisfied")),
                        (24 * 4 - 5, c.on(13, "close"))],
           channel="comment_book", kind="suggestion", what="建议在火车站站台增设遮阳棚")
    c.case(14, 12, [], channel="website", kind="report", severity="general", what="举报车辆冒黑烟",
           vehicle=c.vehicles[10 % len(c.vehicles)].plate if c.vehicles else "")


def add_complaints(context: AppContext, *, seed: int = 7) -> DemoComplaints | None:
    """The demo's complaints; call inside the demo's transaction, after the registry and accounts."""
    office = context.users.by_username(OFFICE)
    if office is None:
        return None
    services = context.services
    real = services.clock
    moment = [real()]
    cases = _Cases(context, office, moment[0], random.Random(seed * 7919 + 3))
    _plan(cases)
    services.clock = lambda: moment[0]
    try:
        for when, _, action in sorted(cases.steps, key=lambda step: (step[0], step[1])):
            moment[0] = when
            action()
    finally:
        services.clock = real
    statuses: dict[str, int] = {}
    for case in context.complaints.list(office):
        statuses[case.status.value] = statuses.get(case.status.value, 0) + 1
    return DemoComplaints(complaints=len(cases.numbers), statuses=statuses, changes=cases.changes)
