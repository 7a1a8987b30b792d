"""The inspections list query: each filter, Chinese substrings of any length, the covert rule in
lists, rows and counts (supervisor against quality office), and every sort order.

Most rows are bulk-inserted with ``insert_inspections`` (plain SQL, fast); a few go through the
real ``InspectionService`` so the list is also checked against what the service writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from inspector.context import AppContext
from inspector.domain.inspection_query import InspectionFilter, InspectionSort, SortColumn
from inspector.domain.inspections import AnswerResult, InspectionMode, InspectionStatus, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import SubjectKind
from inspector.domain.users import Role, User
from inspector.storage import inspections_query
from inspector.storage.transaction import write_transaction

_INSERT = (
    "INSERT INTO inspections (template_version_id, mode, status, subject_kind, subject_id, subject_label,"
    " unit_id, author_id, observed_at, entered_at, score, max_score, veto_failed)"
    " VALUES (:template_version_id, :mode, :status, :subject_kind, :subject_id, :subject_label, :unit_id,"
    " :author_id, :observed_at, :observed_at, :score, :max_score, :veto_failed)"
)


def insert_inspections(context: AppContext, rows: Iterable[dict[str, Any]], **defaults: Any) -> list[int]:
    """Inspection rows straight into SQLite in one transaction; returns their ids in order.

    Each row needs ``template_version_id``, ``author_id`` and ``unit_id`` (directly or through
    ``defaults``); everything else has a plausible default.
    """
    base = {"mode": "onsite", "status": "completed", "subject_kind": "vehicle", "subject_id": 1,
            "subject_label": "粤B·00001", "observed_at": "2025-03-10T09:00:00+08:00", "score": 90.0,
            "max_score": 100.0, "veto_failed": 0, **defaults}
    made: list[int] = []
    with write_transaction(context.db) as db:
        for row in rows:
            made.append(int(db.execute(_INSERT, {**base, **row}).lastrowid or 0))
    return made


@dataclass
class World:
    context: AppContext
    sup1: User
    sup2: User
    office: User
    t1: int  # template version ids
    t3: int
    depot: int  # unit ids
    cleaners: int
    vehicle: SubjectRef


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], second_supervisor: User) -> World:
    admin = users[Role.ADMIN]
    context.templates.ensure_builtins()
    versions = {version.code: version.id for version in context.templates.list(admin)}
    depot, _ = context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一号总站", "kind": "depot"})
    cleaners, _ = context.registry.add(admin, RegistryKind.UNITS,
                                       {"code": "C02", "name": "洁美物业", "kind": "contractor"})
    bus, _ = context.registry.add(admin, RegistryKind.VEHICLES,
                                  {"plate": "粤B·12345", "fleet_no": "1001", "unit_id": depot.id})
    return World(context=context, sup1=users[Role.SUPERVISOR], sup2=second_supervisor,
                 office=users[Role.QUALITY_OFFICE], t1=versions["T1"], t3=versions["T3"], depot=depot.id,
                 cleaners=cleaners.id, vehicle=SubjectRef(kind=SubjectKind.VEHICLE, id=bus.id))


def _ids(world: World, viewer: User, flt: InspectionFilter | None = None,
         sort: InspectionSort | None = None) -> list[int]:
    return inspections_query.ids(world.context.db, flt or InspectionFilter(), sort or InspectionSort(),
                                 viewer_id=viewer.id, sees_all_covert=viewer.role is Role.QUALITY_OFFICE)


def _count(world: World, viewer: User, flt: InspectionFilter | None = None) -> int:
    return inspections_query.count(world.context.db, flt or InspectionFilter(), viewer_id=viewer.id,
                                   sees_all_covert=viewer.role is Role.QUALITY_OFFICE)


def _some(world: World, rows: list[dict[str, Any]]) -> list[int]:
    return insert_inspections(world.context, rows, template_version_id=world.t1, unit_id=world.depot,
                              author_id=world.sup1.id)


def test_period_is_inclusive_of_both_local_dates(world: World) -> None:
    made = _some(world, [{"observed_at": at} for at in (
        "2025-01-31T23:59:00+08:00", "2025-02-01T00:00:00+08:00", "2025-02-28T23:59:59+08:00",
        "2025-03-01T00:00:00+08:00")])
    february = InspectionFilter(date_from=date(2025, 2, 1), date_to=date(2025, 2, 28))
    assert _ids(world, world.office, february) == [made[2], made[1]]
    assert _count(world, world.office, february) == 2
    assert _ids(world, world.office, InspectionFilter(date_from=date(2025, 2, 1))) == made[3:0:-1]
    assert _ids(world, world.office, InspectionFilter(date_to=date(2025, 1, 31))) == [made[0]]


def test_mode_unit_template_and_status_filters(world: World) -> None:
    onsite, covert, walk, other_unit, location, draft = _some(world, [
        {}, {"mode": "covert"}, {"mode": "walkaround"}, {"unit_id": world.cleaners},
        {"template_version_id": world.t3, "subject_kind": "location"}, {"status": "draft", "score": None},
    ])
    office = world.office
    every = {onsite, covert, walk, other_unit, location, draft}
    assert set(_ids(world, office)) == every
    assert set(_ids(world, office, InspectionFilter(modes=frozenset({InspectionMode.COVERT, InspectionMode.WALKAROUND})))) \
        == {covert, walk}
    assert _ids(world, office, InspectionFilter(unit_id=world.cleaners)) == [other_unit]
    assert _ids(world, office, InspectionFilter(template_code="T3")) == [location]
    assert set(_ids(world, office, InspectionFilter(template_code="T1"))) == every - {location}
    assert _ids(world, office, InspectionFilter(status=InspectionStatus.DRAFT)) == [draft]
    assert _count(world, office, InspectionFilter(status=InspectionStatus.COMPLETED)) == 5


def test_failed_item_keeps_the_inspections_with_a_finding_on_that_item(world: World) -> None:
    both, only_second, clean, covert = _some(world, [{}, {}, {}, {"mode": "covert", "author_id": world.sup2.id}])
    with write_transaction(world.context.db) as db:
        for inspection_id, item in ((both, "T1-1.1"), (both, "T1-1.2"), (only_second, "T1-1.2"), (covert, "T1-1.1")):
            db.execute("INSERT INTO findings (inspection_id, item_code, created_at) VALUES (?, ?, ?)",
                       [inspection_id, item, "2025-03-10T09:00:00+08:00"])
    assert set(_ids(world, world.office, InspectionFilter(failed_item="T1-1.1"))) == {both, covert}
    assert set(_ids(world, world.office, InspectionFilter(failed_item="T1-1.2"))) == {both, only_second}
    assert _count(world, world.office, InspectionFilter(failed_item="T1-9.9")) == 0
    # the covert rule still holds: sup1 does not see sup2's covert visit through the item
    assert _ids(world, world.sup1, InspectionFilter(failed_item="T1-1.1")) == [both]
    assert clean not in _ids(world, world.office, InspectionFilter(failed_item="T1-1.2"))
    assert not InspectionFilter(failed_item="T1-1.1").empty


def test_score_range_includes_its_bounds_and_leaves_out_unscored_drafts(world: World) -> None:
    low, sixty, mid, top, unscored = _some(world, [{"score": 40.0}, {"score": 60.0}, {"score": 75.5},
                                                   {"score": 100.0}, {"status": "draft", "score": None}])
    office = world.office
    assert set(_ids(world, office, InspectionFilter(score_min=60, score_max=80))) == {sixty, mid}
    assert set(_ids(world, office, InspectionFilter(score_max=60))) == {low, sixty}
    assert set(_ids(world, office, InspectionFilter(score_min=100))) == {top}
    assert unscored in _ids(world, office)
    with pytest.raises(ValueError):
        InspectionFilter(score_min=90, score_max=10)


@pytest.mark.parametrize("text", ["总站", "号总", "一号总站", "总", "D01"])
def test_text_matches_a_chinese_unit_name_substring_of_any_length(world: World, text: str) -> None:
    depot, _cleaners = _some(world, [{}, {"unit_id": world.cleaners}])
    assert _ids(world, world.office, InspectionFilter(text=text)) == [depot]


def test_text_matches_subject_template_and_author(world: World) -> None:
    bus, shop, _other = _some(world, [
        {"subject_label": "粤B·12345"}, {"template_version_id": world.t3, "subject_label": "L-01 一楼大厅"},
        {"subject_label": "粤B·99999", "author_id": world.sup2.id},
    ])
    office = world.office
    assert _ids(world, office, InspectionFilter(text="12345")) == [bus]
    assert _ids(world, office, InspectionFilter(text=" 大厅 ")) == [shop]  # spaces around are dropped
    assert _ids(world, office, InspectionFilter(text="场所清洁")) == [shop]  # T3's Chinese title
    assert _ids(world, office, InspectionFilter(text="facility")) == [shop]  # its English title, any case
    assert set(_ids(world, office, InspectionFilter(text="sup1"))) == {bus, shop}
    assert _ids(world, office, InspectionFilter(text="100%")) == []  # % is a character, not a wildcard
    assert _ids(world, office, InspectionFilter(text="粤B_1")) == []


def test_covert_visits_of_others_stay_hidden_from_a_supervisor(world: World) -> None:
    mine, theirs, open_ = _some(world, [
        {"mode": "covert"}, {"mode": "covert", "author_id": world.sup2.id, "subject_label": "粤B·77777"},
        {"author_id": world.sup2.id},
    ])
    sup1, office = world.sup1, world.office
    assert set(_ids(world, sup1)) == {mine, open_}
    assert _count(world, sup1) == 2
    assert set(_ids(world, office)) == {mine, theirs, open_}
    assert _count(world, office) == 3
    # Not by searching its subject or its author, not by asking for its row directly.
    assert _ids(world, sup1, InspectionFilter(text="77777")) == []
    assert _ids(world, sup1, InspectionFilter(text="sup2")) == [open_]
    assert _count(world, sup1, InspectionFilter(modes=frozenset({InspectionMode.COVERT}))) == 1
    rows = inspections_query.rows_by_id(world.context.db, [mine, theirs, open_], viewer_id=sup1.id,
                                        sees_all_covert=False)
    assert set(rows) == {mine, open_}
    assert rows[mine].author_name == "sup1" and rows[mine].covert
    office_rows = inspections_query.rows_by_id(world.context.db, [theirs], viewer_id=office.id,
                                               sees_all_covert=True)
    assert office_rows[theirs].author_name == "sup2"
    page = inspections_query.search(world.context.db, InspectionFilter(), InspectionSort(), viewer_id=sup1.id,
                                    sees_all_covert=False)
    assert theirs not in [row.id for row in page]


def test_every_sort_order(world: World) -> None:
    a, b, c = _some(world, [
        {"observed_at": "2025-03-01T08:00:00+08:00", "score": 70.0, "subject_label": "粤B·3",
         "unit_id": world.cleaners, "template_version_id": world.t3, "mode": "walkaround"},
        {"observed_at": "2025-03-02T08:00:00+08:00", "score": None, "status": "draft", "subject_label": "粤B·1",
         "author_id": world.sup2.id, "mode": "covert"},
        {"observed_at": "2025-03-03T08:00:00+08:00", "score": 95.0, "subject_label": "粤B·2"},
    ])
    office = world.office

    def order(column: SortColumn, descending: bool = False) -> list[int]:
        return _ids(world, office, sort=InspectionSort(column=column, descending=descending))

    assert order(SortColumn.OBSERVED_AT, True) == [c, b, a]
    assert order(SortColumn.OBSERVED_AT) == [a, b, c]
    assert order(SortColumn.SCORE) == [b, a, c]  # unscored first when ascending
    assert order(SortColumn.SCORE, True) == [c, a, b]
    assert order(SortColumn.SUBJECT) == [b, c, a]
    assert order(SortColumn.TEMPLATE) == [c, b, a]  # T1 (newest first within it) before T3
    assert order(SortColumn.UNIT) == [c, b, a]  # 一号总站 (U+4E00) before 洁美物业
    assert order(SortColumn.MODE) == [b, c, a]  # covert, onsite, walkaround
    assert order(SortColumn.STATUS, True) == [b, c, a]  # draft after completed, reversed
    assert order(SortColumn.AUTHOR) == [c, a, b]  # sup1 before sup2
    paged = inspections_query.search(world.context.db, InspectionFilter(),
                                     InspectionSort(column=SortColumn.SCORE, descending=True),
                                     viewer_id=office.id, sees_all_covert=True, limit=2, offset=1)
    assert [row.id for row in paged] == [a, b]


def test_rows_built_by_the_real_services(world: World) -> None:
    service = world.context.inspections
    inspection, _ = service.start(world.sup1, template_version_id=world.t1, mode=InspectionMode.COVERT,
                                  subject=world.vehicle)
    template = world.context.templates.get(world.sup1, world.t1)
    first, second = [item.code for section in template.body.sections for item in section.items][:2]
    service.answer(world.sup1, inspection.id, first, AnswerResult.PASS)
    service.answer(world.sup1, inspection.id, second, AnswerResult.FAIL)

    row = inspections_query.rows_by_id(world.context.db, [inspection.id], viewer_id=world.sup1.id,
                                       sees_all_covert=False)[inspection.id]
    assert (row.template_code, row.template_version, row.subject_label) == ("T1", 1, "粤B·12345")
    assert (row.unit_name, row.author_name, row.answered) == ("一号总站", "sup1", 2)
    assert row.status is InspectionStatus.DRAFT and row.mode is InspectionMode.COVERT and row.score is None
    assert row.observed_at == inspection.observed_at
    assert _ids(world, world.sup2) == [] and _ids(world, world.office) == [inspection.id]
    assert _ids(world, world.sup1, InspectionFilter(text="总站")) == [inspection.id]


def test_many_ids_are_fetched_in_batches(world: World) -> None:
    made = _some(world, [{"observed_at": f"2025-03-10T09:{n // 60:02d}:{n % 60:02d}+08:00"} for n in range(1200)])
    rows = inspections_query.rows_by_id(world.context.db, made, viewer_id=world.office.id, sees_all_covert=True)
    assert len(rows) == 1200
    assert _ids(world, world.office) == made[::-1]
