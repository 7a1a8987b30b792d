"""Demo data: a believable bus company (three depots, a guard and a cleaning contractor, a service
hall) with vehicles, staff, locations and one account of every role, for trying the app and for
screenshots and benchmarks.

Everything goes through the real services (``RegistryService.add``, ``UserService.create``), so
validation and the audit trail apply exactly as for typed-in data; the whole batch runs in one
write transaction (the services' own transactions nest as savepoints), so a refusal or a failure
leaves nothing behind. The content is drawn from ``random.Random(seed)``: the same seed gives the
same records, ids included, on an empty data folder.

Every demo account signs in with ``DEMO_PASSWORD`` (``demo1234``); on a data folder without any
account the ``admin`` account is created with it too.

Each part (units, staff, vehicles, locations, users) is a small function over one ``_Build``
state, so that later parts can draw on what the earlier ones made. ``inspections=N`` adds N
inspections with evidence photos (``inspections``) and, from them, rectification notices in
every state (``notices``) in the same transaction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from inspector.domain.changes import ChangeSet
from inspector.domain.errors import Conflict, PermissionDenied
from inspector.domain.registry import RegistryKind, Staff, StaffRole, Unit, UnitKind
from inspector.domain.users import Permission, Role, User, require
from inspector.demo.accounts import DEMO_ADMIN, DEMO_PASSWORD
from inspector.demo.inspections import DAYS_BACK, DemoInspections, add_inspections
from inspector.demo.comment_books import add_comment_books
from inspector.demo.complaints import DemoComplaints, add_complaints
from inspector.demo.notices import DemoNotices, add_notices
from inspector.demo.reports import add_report_remarks

if TYPE_CHECKING:
    from inspector.context import AppContext


R = StaffRole

# code, name, kind, head (负责人, the addressee of notices). 刘杨 is also the manager account.
UNITS: list[tuple[str, str, UnitKind, str]] = [
    ("D01", "一号总站", UnitKind.DEPOT, "刘杨"),
    ("D02", "二号总站", UnitKind.DEPOT, "黄志明"),
    ("D03", "城北总站", UnitKind.DEPOT, "吴海燕"),
    ("C01", "安保服务公司", UnitKind.CONTRACTOR, "郑立新"),
    ("C02", "洁美物业保洁公司", UnitKind.CONTRACTOR, "何丽萍"),
    ("S01", "综合服务大厅", UnitKind.SITE, "周晓敏"),
]
DEPOTS = ("D01", "D02", "D03")
GUARDS, CLEANING, HALL = "C01", "C02", "S01"

# Per unit: the 工号 prefix and (role, fewest, most) — drawn from the seed.
_DEPOT_STAFF = [(R.DRIVER, 10, 12), (R.CONDUCTOR, 2, 3), (R.STATION_STAFF, 1, 2), (R.MAINTENANCE, 1, 1),
                (R.MANAGER, 1, 1)]
STAFF_PLAN: dict[str, tuple[str, list[tuple[StaffRole, int, int]]]] = {
    "D01": ("D1", _DEPOT_STAFF),
    "D02": ("D2", _DEPOT_STAFF),
    "D03": ("D3", _DEPOT_STAFF),
    GUARDS: ("BA", [(R.GUARD, 7, 9), (R.CCTV_OPERATOR, 3, 4), (R.MANAGER, 1, 1)]),
    CLEANING: ("BJ", [(R.CLEANER, 9, 11), (R.MANAGER, 1, 1)]),
    HALL: ("FW", [(R.RECEPTIONIST, 5, 6), (R.MANAGER, 1, 1)]),
}

# Per depot: the digit of its fleet numbers, its routes (one fleet letter each), its bus models.
FLEETS: dict[str, tuple[str, list[str], list[str]]] = {
    "D01": ("1", ["12路", "25路", "M201", "高峰专线3"], ["比亚迪K8", "宇通E12", "比亚迪K9"]),
    "D02": ("2", ["8路", "63路", "M338", "E11"], ["宇通E10", "金龙XMQ6106", "比亚迪K8"]),
    "D03": ("3", ["101路", "305路", "M472", "高峰专线7"], ["中通LCK6108EV", "五洲龙FDG6105", "宇通E12"]),
}
VEHICLES_PER_DEPOT = (12, 15)
NEW_ENERGY_SHARE = 0.2  # plates 粤B·D12345

# Locations: code suffix, name (after the building's), 区域, owning unit (None: the building's own
# unit), the role of the 责任人 (drawn from the owning unit's staff).
_DEPOT_LOCATIONS: list[tuple[str, str, str, str | None, StaffRole]] = [
    ("1F-HC-01", "一楼候车区", "候车区", None, R.STATION_STAFF),
    ("YL-01", "停车场院落", "院落", None, R.MAINTENANCE),
    ("2F-DD-01", "二楼调度室", "调度室", None, R.STATION_STAFF),
    ("1F-WC-01", "一楼卫生间", "卫生间", CLEANING, R.CLEANER),
    ("3F-WC-02", "三楼卫生间", "卫生间", CLEANING, R.CLEANER),
    ("3F-HY-01", "三楼会议室", "会议室", CLEANING, R.CLEANER),
    ("2F-JK-01", "二楼监控室", "监控室", GUARDS, R.CCTV_OPERATOR),
    ("MG-01", "大门门岗", "门岗", GUARDS, R.GUARD),
]
_HALL_LOCATIONS: list[tuple[str, str, str, str | None, StaffRole]] = [
    ("1F-YY-01", "一楼营业厅（东区）", "营业厅", None, R.RECEPTIONIST),
    ("1F-YY-02", "一楼营业厅（西区）", "营业厅", None, R.RECEPTIONIST),
    ("2F-HY-01", "二楼第一会议室", "会议室", None, R.RECEPTIONIST),
    ("2F-HY-02", "二楼第二会议室", "会议室", None, R.RECEPTIONIST),
    ("1F-WC-01", "一楼卫生间", "卫生间", CLEANING, R.CLEANER),
    ("1F-JK-01", "一楼监控室", "监控室", GUARDS, R.CCTV_OPERATOR),
]
# Building letter of each unit that has premises, and which locations it has.
BUILDINGS: dict[str, tuple[str, list[tuple[str, str, str, str | None, StaffRole]]]] = {
    "D01": ("A", _DEPOT_LOCATIONS),
    "D02": ("B", _DEPOT_LOCATIONS),
    "D03": ("C", _DEPOT_LOCATIONS),
    HALL: ("H", _HALL_LOCATIONS),
}

# username, display name, role, unit code: one account of every role besides the admin.
USERS: list[tuple[str, str, Role, str | None]] = [
    ("zhangwei", "张伟", Role.SUPERVISOR, None),
    ("lina", "林娜", Role.SUPERVISOR, None),
    ("wangfang", "王芳", Role.QUALITY_OFFICE, None),
    ("liuyang", "刘杨", Role.MANAGER, "D01"),
]

# Names are drawn from common surnames and given names, never from a list of people.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘蔡蒋余杜叶程"
            "魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛段雷黎史陶贺顾龚邵")
GIVEN_NAMES: dict[bool, tuple[str, ...]] = {  # keyed by "female"
    False: ("建华", "志强", "海涛", "国平", "晓东", "永刚", "文斌", "俊杰", "明辉", "建军", "振华", "家豪",
            "浩然", "德明", "金龙", "春生", "国栋", "海波", "少华", "鹏飞", "伟", "强", "磊", "军", "勇",
            "杰", "涛", "斌", "峰", "凯", "浩", "鹏", "刚", "波", "亮"),
    True: ("丽华", "秀英", "晓燕", "春梅", "玉兰", "美玲", "雪梅", "慧敏", "丽娟", "佳怡", "欣怡", "静怡",
           "婷婷", "晓琳", "淑芬", "桂芳", "红霞", "月华", "思雨", "雅琴", "凤英", "芳", "敏", "静", "丽",
           "艳", "娟", "霞", "萍", "燕", "婷", "琳", "梅", "琴", "颖", "洁"),
}
# The share of women by role (drivers and guards are mostly men, cleaners and receptionists women).
FEMALE_SHARE: dict[StaffRole, float] = {R.DRIVER: 0.15, R.GUARD: 0.1, R.MAINTENANCE: 0.05, R.CLEANER: 0.7,
                                        R.RECEPTIONIST: 0.85, R.CONDUCTOR: 0.6}
_MOBILE_PREFIXES = ("135", "136", "137", "138", "139", "150", "152", "158", "159", "186", "187", "188")


@dataclass(frozen=True)
class DemoSummary:
    """What ``create_demo`` made: counts, the accounts (all with ``DEMO_PASSWORD``), the changes."""

    seed: int
    admin_created: bool
    users: tuple[str, ...]
    units: int
    vehicles: int
    staff: int
    locations: int
    templates: int
    changes: ChangeSet
    inspections: DemoInspections | None = None
    notices: DemoNotices | None = None
    complaints: DemoComplaints | None = None


@dataclass
class _Build:
    """The state the parts share: the context, the acting admin, the random source, what exists."""

    context: AppContext
    actor: User
    rng: random.Random
    units: dict[str, Unit] = field(default_factory=dict)
    staff: dict[tuple[str, StaffRole], list[Staff]] = field(default_factory=dict)
    counts: dict[RegistryKind, int] = field(default_factory=dict)
    users: list[str] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)
    used_names: set[str] = field(default_factory=set)
    since: date | None = None  # the registry's first day in service: the first month of the visits

    def add(self, kind: RegistryKind, values: dict[str, Any], *, since: date | None = None) -> Any:
        record, changes = self.context.registry.add(self.actor, kind, values, active_from=since or self.since)
        self.changes = self.changes.merge(changes)
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return record

    def phone(self) -> str:
        return f"{self.rng.choice(_MOBILE_PREFIXES)}{self.rng.randrange(10**8):08d}"

    def person_name(self, role: StaffRole) -> str:
        """A fresh Chinese name (surname + given name), unique in the demo."""
        female = self.rng.random() < FEMALE_SHARE.get(role, 0.4)
        while True:
            name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN_NAMES[female])
            if name not in self.used_names:
                self.used_names.add(name)
                return name


def create_demo(
    context: AppContext, *, seed: int = 7, actor: User | None = None, inspections: int = 0,
    progress: Callable[[float], None] | None = None,
) -> DemoSummary:
    """Fill an empty registry with demo data; create the admin first on a folder without accounts.
    ``inspections``: how many demo inspections (with photos) to record as well; ``progress``
    hears the fraction done as they are recorded (the slow part), ending with 1.0.

    On a folder that already has accounts, ``actor`` must be allowed to manage users and edit the
    registry (an admin). Refuses with ``Conflict("demo_needs_empty_registry")`` when any unit exists.
    """
    with context.services.mutation():
        build, admin_created = _start(context, actor, random.Random(seed))
        units = context.registry.counts(build.actor)[RegistryKind.UNITS]
        if units:
            raise Conflict("demo_needs_empty_registry", units=units)
        templates = _ensure_templates(context)
        build.since = (context.services.clock() - timedelta(days=DAYS_BACK)).date().replace(day=1)
        _add_units(build)
        _add_staff(build)
        _add_vehicles(build)
        _add_locations(build)
        _add_users(build)
        recorded = (add_inspections(context, build.actor, inspections, seed=seed, progress=progress)
                    if inspections > 0 else None)
        notices = (add_notices(context, password=DEMO_PASSWORD, inspections=inspections, seed=seed)
                   if recorded is not None else None)
        remarks = add_report_remarks(context) if notices is not None and notices.notices else ChangeSet()
        _add_latecomers(build)
        complaints = add_complaints(context, seed=seed) if recorded is not None else None
        books = add_comment_books(context, seed=seed) if recorded is not None else None
    if recorded is None and progress is not None:
        progress(1.0)
    if recorded is not None:
        build.changes = build.changes.merge(recorded.changes)
    if notices is not None:
        build.changes = build.changes.merge(notices.changes).merge(remarks)
    if complaints is not None:
        build.changes = build.changes.merge(complaints.changes)
    if books is not None:
        build.changes = build.changes.merge(books.changes)
    return DemoSummary(
        seed=seed,
        admin_created=admin_created,
        users=tuple(build.users),
        units=build.counts.get(RegistryKind.UNITS, 0),
        vehicles=build.counts.get(RegistryKind.VEHICLES, 0),
        staff=build.counts.get(RegistryKind.STAFF, 0),
        locations=build.counts.get(RegistryKind.LOCATIONS, 0),
        templates=templates,
        changes=build.changes,
        inspections=recorded,
        notices=notices,
        complaints=complaints,
    )


def _start(context: AppContext, actor: User | None, rng: random.Random) -> tuple[_Build, bool]:
    """The acting admin: a new ``admin`` on a folder without accounts, else the checked ``actor``."""
    users = context.users
    if users.needs_first_admin():
        admin, changes = users.create_first_admin(DEMO_ADMIN, "系统管理员", DEMO_PASSWORD)
        build = _Build(context=context, actor=admin, rng=rng, users=[admin.username], changes=changes)
        return build, True
    if actor is None:
        raise PermissionDenied("demo_needs_admin")
    require(actor, Permission.MANAGE_USERS)
    require(actor, Permission.EDIT_REGISTRY)
    return _Build(context=context, actor=actor, rng=rng), False


def _ensure_templates(context: AppContext) -> int:
    """Load the built-in templates; returns how many were newly loaded."""
    # In force from the first month the demo's visits reach back to (#13.2).
    first = context.services.clock() - timedelta(days=DAYS_BACK)
    return len(context.templates.ensure_builtins(month=first.strftime("%Y-%m")))


def _add_units(build: _Build) -> None:
    for code, name, kind, head in UNITS:
        build.used_names.add(head)
        build.units[code] = build.add(RegistryKind.UNITS, {
            "code": code, "name": name, "kind": kind, "head_name": head, "head_phone": build.phone(),
        })


def _add_staff(build: _Build) -> None:
    """Staff of each unit by role; 工号 = unit prefix + a rising four-digit number (D10023)."""
    build.used_names.update(display for _, display, _, _ in USERS)
    for unit_code, (prefix, roles) in STAFF_PLAN.items():
        unit = build.units[unit_code]
        number = build.rng.randrange(10, 60)
        for role, fewest, most in roles:
            members = build.staff.setdefault((unit_code, role), [])
            for _ in range(build.rng.randint(fewest, most)):
                number += build.rng.randint(1, 9)
                name = unit.head_name if role is R.MANAGER else build.person_name(role)
                members.append(build.add(RegistryKind.STAFF, {
                    "staff_no": f"{prefix}{number:04d}", "name": name, "role": role,
                    "unit_id": unit.id, "phone": build.phone(),
                }))


def _plate(rng: random.Random, taken: set[str]) -> str:
    while True:
        if rng.random() < NEW_ENERGY_SHARE:
            plate = f"粤B·D{rng.randrange(10000, 100000)}"
        else:
            plate = f"粤B·{rng.randrange(10000, 100000)}"
        if plate not in taken:
            taken.add(plate)
            return plate


def _add_vehicles(build: _Build) -> None:
    """Buses of each depot: 粤B plates, fleet numbers like 1A-023 (depot digit, route letter)."""
    plates: set[str] = set()
    for unit_code, (digit, routes, models) in FLEETS.items():
        unit = build.units[unit_code]
        numbers = [build.rng.randrange(1, 20) for _ in routes]
        for _ in range(build.rng.randint(*VEHICLES_PER_DEPOT)):
            index = build.rng.randrange(len(routes))
            numbers[index] += build.rng.randint(1, 6)
            build.add(RegistryKind.VEHICLES, {
                "plate": _plate(build.rng, plates),
                "fleet_no": f"{digit}{'ABCD'[index]}-{numbers[index]:03d}",
                "route": routes[index],
                "unit_id": unit.id,
                "model": build.rng.choice(models),
            })


LATECOMERS = 2  # buses registered today, after every demo visit: in this month's coverage only


def _add_latecomers(build: _Build) -> None:
    """Two buses of the first depot registered today: the coverage of an earlier month does not
    count them (#13.5) — nobody could have inspected them then."""
    unit_code, (digit, routes, models) = next(iter(FLEETS.items()))
    taken = {v.plate for v in build.context.registry.list(build.actor, RegistryKind.VEHICLES, include_retired=True)}
    today = build.context.services.clock().date()
    for number in range(LATECOMERS):
        build.add(RegistryKind.VEHICLES, {
            "plate": _plate(build.rng, taken), "fleet_no": f"{digit}A-{901 + number:03d}", "route": routes[0],
            "unit_id": build.units[unit_code].id, "model": build.rng.choice(models),
        }, since=today)


def _add_locations(build: _Build) -> None:
    """Locations in each building, each with a 责任人 from the unit that looks after it."""
    for building_code, (letter, specs) in BUILDINGS.items():
        building = build.units[building_code]
        for suffix, label, area, owner, role in specs:
            owner_code = owner or building_code
            responsible = build.rng.choice(build.staff[(owner_code, role)])
            build.add(RegistryKind.LOCATIONS, {
                "code": f"{letter}-{suffix}",
                "name": f"{building.name}{label}",
                "unit_id": build.units[owner_code].id,
                "responsible_staff_id": responsible.id,
                "area": area,
            })


def _add_users(build: _Build) -> None:
    """One account of every role, each signing in with ``DEMO_PASSWORD``."""
    for username, display_name, role, unit_code in USERS:
        unit_id = build.units[unit_code].id if unit_code else None
        user, changes = build.context.users.create(
            build.actor, username=username, display_name=display_name, role=role,
            password=DEMO_PASSWORD, unit_id=unit_id,
        )
        build.users.append(user.username)
        build.changes = build.changes.merge(changes)
