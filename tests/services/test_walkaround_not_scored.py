"""Walk-arounds are not scored as checklists, and an unanswered item never counts as passed (#13.4).

A walk-around (走动式) records what was seen: it counts for coverage and for the findings tables,
never in a score, an average or a ranking. Before, a one-item walk-around scored 98 / 100 because
the items nobody looked at counted as passed, and lifted the unit's and the staff's ranking.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.inspections import AnswerResult, InspectionMode
from inspector.domain.templates import ScoringScheme
from inspector.domain.users import Role, User
from inspector.storage.transaction import write_transaction
from tests.notice_world import NoticeWorld, completed_inspection, make_world


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


def test_a_walkaround_has_no_score_and_stays_out_of_averages_and_rankings(
    context: AppContext, world: NoticeWorld,
) -> None:
    """「不定时间、不定岗位、不定区域」, 「对查出的问题能现场解决的必须现场解决」 (F4·5, 走动式管理): a
    walk-around finds problems on the spot; 「考核检查每月一次」 (F2·3) is what scores a unit."""
    onsite = completed_inspection(context, world, fails=("N1-1", "N1-3"), seed=1)  # 100 − 5 − 10 = 85
    walk = completed_inspection(context, world, mode=InspectionMode.WALKAROUND, fails=("N1-2",), seed=2)
    assert (onsite.score, onsite.max_score) == (85.0, 100.0)
    assert (walk.score, walk.max_score, walk.veto_failed) == (None, None, False)
    assert context.inspections.score(world.office, walk.id) is None
    assert [f.item_code for f in context.inspections.findings(world.office, walk.id)] == ["N1-2"]

    report = context.reports.monthly(world.office, "2026-11")
    [unit] = report.unit_ranking
    assert (unit.inspections, unit.average_score) == (1, 85.0)  # the walk-around's 97 would lift it to 91
    assert all(line.inspections == 1 for line in report.staff_ranking)
    # ... but it is an inspection of the month, it covers the bus, and its finding is in the tables.
    assert report.inspections_total == 2
    assert {m.mode: m.count for m in report.modes}[InspectionMode.WALKAROUND] == 1
    vehicles = next(line for line in report.coverage if line.kind.value == "vehicle")
    assert vehicles.covered == 1
    assert report.findings_total == 3
    assert {p.item_code: p.count for p in report.top_problems}["N1-2"] == 1


def test_a_walkaround_scored_by_an_older_version_is_still_kept_out(
    context: AppContext, world: NoticeWorld,
) -> None:
    """「现场管理考核、走动式管理考核、岗位业务考核的交叉考核管理体系」 (F4·5): walk-around findings
    are their own strand; a score an older version stored for one never reaches a ranking or a file."""
    completed_inspection(context, world, fails=("N1-1", "N1-3"), seed=1)
    walk = completed_inspection(context, world, mode=InspectionMode.WALKAROUND, fails=("N1-2",), seed=2)
    with write_transaction(context.db):  # what the previous version stored: 97 / 100
        context.db.execute("UPDATE inspections SET score = 97, max_score = 100 WHERE id = ?", [walk.id])
    [unit] = context.reports.monthly(world.office, "2026-11").unit_ranking
    assert (unit.inspections, unit.average_score) == (1, 85.0)
    archive = context.archives.vehicle(world.office, "1-0801")
    shown = {i.id: (i.score, i.percent) for i in archive.inspections}
    assert shown[walk.id] == (None, None)


def test_a_covert_visit_in_a_weighted_checklist_does_not_count_unchecked_items_as_passed(
    context: AppContext, world: NoticeWorld, users: dict[Role, User],
) -> None:
    """「结合质量监督员明察暗访收集的情况」 (F2·1): a covert visit checks only what can be checked
    covertly; the items it could not look at earn nothing — only what was seen is scored."""
    office = users[Role.QUALITY_OFFICE]
    draft, _ = context.templates.copy_to_month(office, "N1", "2026-11")
    body = draft.body.model_copy(update={"scheme": ScoringScheme.WEIGHTED})
    items = {item.code: item for _, item in body.iter_items()}
    sections = tuple(section.model_copy(update={"items": tuple(
        items[item.code].model_copy(update={"covert": item.code in ("N1-1", "N1-2"), "weight": 1.0})
        for item in section.items)}) for section in body.sections)
    context.templates.save_draft(office, draft.id, body.model_copy(update={"sections": sections}))
    context.templates.publish(office, draft.id, "2026-11")
    inspection, _ = context.inspections.start(world.sup, template_code="N1", mode=InspectionMode.COVERT,
                                              subject=world.vehicle)
    context.inspections.answer(world.sup, inspection.id, "N1-1", AnswerResult.FAIL)
    context.inspections.answer(world.sup, inspection.id, "N1-2", AnswerResult.PASS)
    result = context.inspections.score(world.sup, inspection.id)
    assert result is not None
    # two items checked, one passed: 1 of 2 — not 3 of 4 with the two unchecked ones "passed"
    assert (result.score, result.max_score, result.answered, result.applicable) == (1.0, 2.0, 2, 4)
