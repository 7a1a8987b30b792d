"""The month's checklist is the one used (#13.2): an inspection takes the latest published version
whose effective month is not after the month it was observed in — never a version published for a
later month, and a covert visit entered after the fact uses the version of the month it happened in.

Month boundaries: versions published for last month (2026-11, v1), this month (2026-12, v2) and
next month (2027-01, v3); "now" is 2026-12-07.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from inspector.context import AppContext
from inspector.domain.errors import Conflict, NotFound
from inspector.domain.inspections import InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import SubjectKind, TemplateVersion
from inspector.domain.users import Role, User
from inspector.words.messages import describe



def local(*parts: int) -> datetime:
    """A moment in the machine's local time, as the app stores observed times."""
    return datetime(*parts).astimezone()


NOW = local(2026, 12, 7, 10, 0)


@pytest.fixture
def months(context: AppContext, users: dict[Role, User]) -> dict[str, TemplateVersion]:
    """Checklist M1 published for 2026-11 (v1), 2026-12 (v2) and 2027-01 (v3)."""
    context.services.clock = lambda: NOW
    office = users[Role.QUALITY_OFFICE]
    draft, _ = context.templates.new_template(office, code="M1", title_zh="车容车貌", subject=SubjectKind.VEHICLE)
    published = {"2026-11": context.templates.publish(office, draft.id, "2026-11")[0]}
    for month in ("2026-12", "2027-01"):
        copy, _ = context.templates.copy_to_month(office, "M1", month)
        published[month] = context.templates.publish(office, copy.id, month)[0]
    return published


@pytest.fixture
def bus(context: AppContext, users: dict[Role, User]) -> SubjectRef:
    office = users[Role.QUALITY_OFFICE]
    unit, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
    vehicle, _ = context.registry.add(office, RegistryKind.VEHICLES,
                                      {"plate": "粤B12345", "fleet_no": "F1001", "unit_id": unit.id})
    return SubjectRef(kind=SubjectKind.VEHICLE, id=vehicle.id)


def _start(context: AppContext, user: User, bus: SubjectRef, **extra: object):  # noqa: ANN202
    return context.inspections.start(user, template_code="M1", subject=bus, **extra)[0]  # type: ignore[arg-type]


def test_an_onsite_inspection_this_month_uses_this_months_version_not_next_months(
    context: AppContext, users: dict[Role, User], months: dict[str, TemplateVersion], bus: SubjectRef,
) -> None:
    """「对评价指标采取动态管理」 (F0·1) and 「考核检查每月一次」 (F2·3): the checklist changes from
    month to month, and each month's check is made against that month's checklist — the version
    published for 2027-01 is never used in December."""
    inspection = _start(context, users[Role.SUPERVISOR], bus, mode=InspectionMode.ONSITE)
    assert (inspection.template_version, inspection.template_version_id) == (2, months["2026-12"].id)
    assert context.templates.in_force(users[Role.SUPERVISOR], "M1", "2026-12").version == 2


def test_next_months_version_is_used_from_next_month_on(
    context: AppContext, users: dict[Role, User], months: dict[str, TemplateVersion], bus: SubjectRef,
) -> None:
    """「省公司每年年初确定当年客户服务品质评价指标及权重」 (F4·7): indicators fixed for a period
    apply from its start — on 2027-01-01 the January version is the one in force."""
    context.services.clock = lambda: local(2027, 1, 1, 0, 5)
    inspection = _start(context, users[Role.SUPERVISOR], bus, mode=InspectionMode.ONSITE)
    assert inspection.template_version == 3
    # The last minute of December still uses December's version.
    context.services.clock = lambda: local(2026, 12, 31, 23, 59)
    assert _start(context, users[Role.SUPERVISOR], bus, mode=InspectionMode.ONSITE).template_version == 2


def test_a_covert_visit_entered_in_december_for_november_uses_novembers_version(
    context: AppContext, users: dict[Role, User], months: dict[str, TemplateVersion], bus: SubjectRef,
) -> None:
    """「结合质量监督员明察暗访收集的情况」 (F2·1): a covert visit (暗访) is often written up
    afterwards; it is judged by the checklist of the month it happened in, not the month entered."""
    observed = local(2026, 11, 28, 18, 5)
    inspection = _start(context, users[Role.SUPERVISOR], bus, mode=InspectionMode.COVERT, observed_at=observed)
    assert (inspection.template_version, inspection.template_version_id) == (1, months["2026-11"].id)
    assert inspection.entered_at.strftime("%Y-%m") == "2026-12"


def test_a_version_id_that_is_not_the_months_one_is_refused_and_nothing_is_written(
    context: AppContext, users: dict[Role, User], months: dict[str, TemplateVersion], bus: SubjectRef,
) -> None:
    """「考核检查每月一次」 (F2·3): a caller naming next month's version for a December visit is
    refused with a sentence that says which version is in force; no inspection is written."""
    before = context.db.execute("SELECT count(*) FROM inspections").fetchone()[0]
    with pytest.raises(Conflict) as caught:
        context.inspections.start(users[Role.SUPERVISOR], template_version_id=months["2027-01"].id,
                                  mode=InspectionMode.ONSITE, subject=bus)
    assert caught.value.code == "template_not_in_force"
    assert "version 3" in describe(caught.value) and "(version 2 is)" in describe(caught.value)
    assert context.db.execute("SELECT count(*) FROM inspections").fetchone()[0] == before


def test_no_version_for_the_month_says_so_plainly(
    context: AppContext, users: dict[Role, User], months: dict[str, TemplateVersion], bus: SubjectRef,
) -> None:
    """「考核检查每月一次」 (F2·3): an October visit has no checklist — the first one was published
    for November — and the supervisor is told so in one plain sentence; nothing is written."""
    observed = local(2026, 10, 30, 9, 0)
    with pytest.raises(NotFound) as caught:
        _start(context, users[Role.SUPERVISOR], bus, mode=InspectionMode.COVERT, observed_at=observed)
    assert caught.value.code == "no_checklist_for_month"
    assert describe(caught.value).startswith("No published version of checklist M1 covers 2026-10")
    assert context.db.execute("SELECT count(*) FROM inspections").fetchone()[0] == 0
    with pytest.raises(NotFound) as caught:
        context.templates.in_force(users[Role.SUPERVISOR], "M1", "2026-10")
    assert caught.value.code == "no_checklist_for_month"


def test_moving_a_drafts_observed_time_into_another_versions_month_is_refused(
    context: AppContext, users: dict[Role, User], months: dict[str, TemplateVersion], bus: SubjectRef,
) -> None:
    """「考核检查每月一次」 (F2·3): correcting the observed time may not carry a December draft into
    November, whose checklist differs; within the month it may be corrected freely."""
    supervisor = users[Role.SUPERVISOR]
    inspection = _start(context, supervisor, bus, mode=InspectionMode.COVERT,
                        observed_at=local(2026, 12, 2, 9, 0))
    with pytest.raises(Conflict) as caught:
        context.inspections.update_header(supervisor, inspection.id,
                                          observed_at=local(2026, 11, 30, 9, 0))
    assert caught.value.code == "observed_month_changes_checklist"
    moved, _ = context.inspections.update_header(supervisor, inspection.id,
                                                 observed_at=local(2026, 12, 1, 8, 0))
    assert moved.observed_at.day == 1 and moved.template_version == 2


def test_a_builtin_checklist_covers_the_months_before_the_data_folder_was_set_up(
    context: AppContext, users: dict[Role, User], bus: SubjectRef,
) -> None:
    """The bundled checklists are the regulation's own: a data folder set up on 2026-12-07 still
    records a covert visit of 2026-11-20 entered from paper with built-in T1 — but once the office
    publishes a version of its own for November, November's visits use that one."""
    context.services.clock = lambda: NOW
    office, supervisor = users[Role.QUALITY_OFFICE], users[Role.SUPERVISOR]
    context.templates.ensure_builtins()
    builtin = context.templates.in_force(supervisor, "T1", "2026-12")
    assert (builtin.version, builtin.effective_month) == (1, "2026-12")
    observed = local(2026, 11, 20, 9, 30)
    old = context.inspections.start(supervisor, template_code="T1", subject=bus, mode=InspectionMode.COVERT,
                                    observed_at=observed)[0]
    assert old.template_version_id == builtin.id
    copy, _ = context.templates.copy_to_month(office, "T1", "2026-11")
    own = context.templates.publish(office, copy.id, "2026-11")[0]
    assert context.templates.in_force(supervisor, "T1", "2026-11").id == own.id
    assert context.templates.in_force(supervisor, "T1", "2026-10").id == builtin.id
    assert context.templates.in_force(supervisor, "T1", "2026-12").id == builtin.id
