"""A small world for complaint tests: the notice world (a depot, a bus, a published vehicle
checklist, a settable clock) plus a driver of the depot, and helpers to register cases."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from inspector.context import AppContext
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from tests.notice_world import CST, NoticeWorld, make_world

PHONE = "13812341234"
NAME = "王小明"


def complaint_world(context: AppContext, users: dict[Role, User], folder: Path,
                    now: datetime = datetime(2026, 11, 16, 9, 30, tzinfo=CST)) -> NoticeWorld:
    world = make_world(context, users, folder, now)
    context.registry.add(world.office, RegistryKind.STAFF, {"staff_no": "D0123", "name": "李师傅", "role": "driver",
                                                            "unit_id": world.unit_id})
    return world


def add_case(context: AppContext, world: NoticeWorld, **overrides: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "channel": "hotline_12319", "kind": "complaint", "order_no": "12319-20261116-007",
        "received_at": world.clock.now, "what": "司机态度生硬，未等乘客坐稳即起步", "vehicle": "粤A12345",
        "severity": "general", "behaviour": "nonstandard", "name": NAME, "phone": PHONE,
        "event_at": world.clock.now.replace(hour=8), "place": "火车站", }
    values.update(overrides)
    case, _ = context.complaints.add(world.office, **values)  # type: ignore[arg-type]
    return case
