"""地点 on a notice is a place (#14.11): for a staff inspection it is where the person works — the
route and their unit — never the person's name, which the notice names as the subject already."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from inspector.context import AppContext
from inspector.domain.inspections import AnswerResult, Evidence, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import (
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role, User
from inspector.storage import templates_repo
from inspector.storage.transaction import write_transaction
from tests.notice_world import CST, Clock, jpeg

BODY = TemplateBody(
    code="S9", title_zh="司机服务规范", subject=SubjectKind.STAFF,
    sections=(TemplateSection(code="A", title_zh="仪容仪表", items=(
        TemplateItem(code="S9-1", text_zh="按规定着工作服", deduct=5),
        TemplateItem(code="S9-2", text_zh="佩戴服务工牌", deduct=3),
    )),),
)


def test_a_staff_inspections_notice_places_it_at_the_route_and_unit(
    context: AppContext, users: dict[Role, User], tmp_path: Path,
) -> None:
    context.services.clock = Clock(datetime(2026, 11, 16, 9, 30, tzinfo=CST))
    office, sup = users[Role.QUALITY_OFFICE], users[Role.SUPERVISOR]
    unit, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "第一公交总站",
                                                                "head_name": "赵建国"})
    driver, _ = context.registry.add(office, RegistryKind.STAFF, {"staff_no": "D1001", "name": "李强",
                                                                  "role": "driver", "unit_id": unit.id})
    with write_transaction(context.db):
        template_id = templates_repo.insert_version(
            context.db, BODY, version=1, status=TemplateStatus.PUBLISHED, effective_month="2026-11",
            builtin=False, created_at="2026-10-20T10:00:00+08:00", published_at="2026-10-25T10:00:00+08:00")
    inspection, _ = context.inspections.start(sup, template_version_id=template_id, mode=InspectionMode.ONSITE,
                                              subject=SubjectRef(kind=SubjectKind.STAFF, id=driver.id))
    context.inspections.update_header(sup, inspection.id, evidence=Evidence(route="8"))
    photo = context.photos.ingest(sup, jpeg(tmp_path, 1))
    context.inspections.answer(sup, inspection.id, "S9-1", AnswerResult.FAIL, note="未穿工作服", photo_ids=[photo.id])
    context.inspections.answer(sup, inspection.id, "S9-2", AnswerResult.PASS)
    context.inspections.complete(sup, inspection.id)

    notice, _ = context.notices.issue(office, context.notices.drafts(office, inspection.id, every_open=True)[0])

    document = json.loads(context.db.execute("SELECT document FROM notices WHERE id = ?", [notice.id]).fetchone()[0])
    assert document["place"] == "8路 第一公交总站"
    assert "李强" in document["subject_label"]  # the person is the subject…
    assert "李强" not in document["place"]  # …not the place
