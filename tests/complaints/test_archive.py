"""The vehicle and staff files list the complaints about their subject (F2·1, 服务质量监督档案:
「是否有违章，是否有旅客投诉，旅客意见、建议的处理结果情况」) — what happened and how it was handled,
never who complained: the file goes to the units."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from tests.complaints.world import NAME, PHONE, add_case, complaint_world
from tests.pdf import pdftotext, squeezed


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path):  # type: ignore[no-untyped-def]
    return complaint_world(context, users, tmp_path)


def test_the_vehicle_file_lists_its_complaints_without_the_complainant(context: AppContext, world,  # type: ignore[no-untyped-def]
                                                                       tmp_path: Path) -> None:
    office = world.office
    case = add_case(context, world)
    context.complaints.investigate(office, case.id, notes="视频核实")
    context.complaints.resolve(office, case.id, liability="liable", measures="批评教育", apology=True)
    context.complaints.feedback(office, case.id, opinion="satisfied")
    context.complaints.close(office, case.id)
    other = add_case(context, world, vehicle="", staff="D0123", what="乘务员解答不耐心", behaviour="inattentive")
    archive = context.archives.vehicle(office, "粤A12345")
    assert [c.number for c in archive.complaints] == [case.number]
    facts = archive.supervision()
    assert (facts.complaints, facts.complaints_liable, facts.complaints_closed) == (1, 1, 1)
    assert PHONE not in archive.model_dump_json() and NAME not in archive.model_dump_json()
    staff_file = context.archives.staff(office, "D0123")
    assert [c.number for c in staff_file.complaints] == [other.number]
    out = tmp_path / "bus.pdf"
    context.archives.export_vehicle(office, "粤A12345", out)
    words = squeezed(pdftotext(out.read_bytes(), tmp_path))
    assert "旅客投诉" in words and case.number in words and "有责" in words and "已销号" in words
    assert "有：1件" in words
    assert PHONE not in words and NAME not in words and "138****" not in words
    raw = out.read_bytes()
    assert PHONE.encode() not in raw and NAME.encode("utf-8") not in raw


def test_a_manager_sees_in_a_file_only_their_units_complaints(context: AppContext, world, admin: User) -> None:  # type: ignore[no-untyped-def]
    add_case(context, world)
    other, _ = context.registry.add(world.office, RegistryKind.UNITS, {"code": "D02", "name": "第二总站"})
    theirs, _ = context.users.create(admin, username="mgrd02", display_name="钱", role=Role.MANAGER,
                                     password="secret-pass", unit_id=other.id)
    mine, _ = context.users.create(admin, username="mgrd01", display_name="赵", role=Role.MANAGER,
                                   password="secret-pass", unit_id=world.unit_id)
    assert context.archives.vehicle(theirs, "粤A12345").complaints == ()
    assert len(context.archives.vehicle(mine, "粤A12345").complaints) == 1
