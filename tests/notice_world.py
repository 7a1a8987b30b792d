"""A small world for notice tests: a depot with its head, a bus, a published vehicle checklist,
and completed inspections with failed items and real photos; a settable clock."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageDraw

from inspector.context import AppContext
from inspector.domain.inspections import AnswerResult, Evidence, Inspection, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import (
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role, User
from inspector.storage import templates_repo
from inspector.storage.transaction import write_transaction

CST = timezone(timedelta(hours=8))
BODY = TemplateBody(
    code="N1", title_zh="车容车貌检查表", subject=SubjectKind.VEHICLE,
    sections=(
        TemplateSection(code="A", title_zh="车身外观", items=(
            TemplateItem(code="N1-1", text_zh="车身无明显划痕", guidance_zh="车身漆面完好，划痕须补漆处理", deduct=5),
            TemplateItem(code="N1-2", text_zh="车窗玻璃洁净", guidance_zh="玻璃无污渍、无张贴物", deduct=3),
        )),
        TemplateSection(code="B", title_zh="安全设施", items=(
            TemplateItem(code="N1-3", text_zh="灭火器在有效期内", guidance_zh="过期灭火器立即更换",
                         deduct=10, severity=Severity.SERIOUS),
            TemplateItem(code="N1-4", text_zh="安全锤齐全", deduct=5, action_days=10),
        )),
    ),
)


class Clock:
    """A clock the test moves: ``clock.now = datetime(...)``."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class NoticeWorld:
    sup: User
    office: User
    manager: User
    admin: User
    unit_id: int
    vehicle: SubjectRef
    template_id: int
    clock: Clock
    folder: Path


def make_world(context: AppContext, users: dict[Role, User], folder: Path,
               now: datetime = datetime(2026, 11, 16, 9, 30, tzinfo=CST), body: TemplateBody = BODY) -> NoticeWorld:
    clock = Clock(now)
    context.services.clock = clock
    office = users[Role.QUALITY_OFFICE]
    unit, _ = context.registry.add(office, RegistryKind.UNITS,
                                   {"code": "D01", "name": "第一公交总站", "head_name": "赵建国"})
    bus, _ = context.registry.add(office, RegistryKind.VEHICLES,
                                  {"plate": "粤A12345", "fleet_no": "1-0801", "route": "8", "unit_id": unit.id})
    with write_transaction(context.db):
        template_id = templates_repo.insert_version(
            context.db, body, version=1, status=TemplateStatus.PUBLISHED, effective_month="2026-01",  # in force for every month the tests observe in
            builtin=False, created_at="2026-10-20T10:00:00+08:00", published_at="2026-10-25T10:00:00+08:00")
    return NoticeWorld(sup=users[Role.SUPERVISOR], office=office, manager=users[Role.MANAGER],
                       admin=users[Role.ADMIN], unit_id=unit.id,
                       vehicle=SubjectRef(kind=SubjectKind.VEHICLE, id=bus.id), template_id=template_id,
                       clock=clock, folder=folder)


def jpeg(folder: Path, seed: int, size: tuple[int, int] = (640, 480)) -> Path:
    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.choices(range(40, 220), k=3)))
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        image.paste(tuple(rng.choices(range(256), k=3)), (x, y, min(size[0], x + 60), min(size[1], y + 40)))
    path = folder / f"photo-{seed}.jpg"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path


def completed_inspection(context: AppContext, world: NoticeWorld, *, mode: InspectionMode = InspectionMode.ONSITE,
                         fails: tuple[str, ...] = ("N1-1", "N1-3"), seed: int = 1,
                         observed_at: datetime | None = None) -> Inspection:
    """An inspection of the bus by the supervisor with ``fails`` failed (one photo each), the rest passed."""
    extra = {"observed_at": observed_at} if observed_at else {}
    inspection, _ = context.inspections.start(
        world.sup, template_version_id=world.template_id, mode=mode, subject=world.vehicle, **extra)
    context.inspections.update_header(world.sup, inspection.id, evidence=Evidence(route="8", fleet_no="1-0801"))
    for index, code in enumerate(item.code for item in BODY.sections[0].items + BODY.sections[1].items):
        if code in fails:
            photo = context.photos.ingest(world.sup, jpeg(world.folder, seed * 100 + index))
            context.inspections.answer(world.sup, inspection.id, code, AnswerResult.FAIL,
                                       note="右侧后门处" if code == "N1-1" else "", photo_ids=[photo.id])
        elif mode is not InspectionMode.WALKAROUND:
            context.inspections.answer(world.sup, inspection.id, code, AnswerResult.PASS)
    done, _ = context.inspections.complete(world.sup, inspection.id)
    return done


def signature_png() -> bytes:
    """A drawn-looking signature: a stroke on a transparent PNG."""
    image = Image.new("RGBA", (300, 90), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 60), (80, 20), (150, 70), (220, 25), (290, 55)], fill=(20, 30, 80, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
