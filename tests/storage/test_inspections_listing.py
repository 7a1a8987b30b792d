"""The windowed inspections list (``InspectionsListing``): for every sort column, both directions,
a supervisor and the quality office, with and without filters, the pages read one after another
are exactly ``inspections_query.ids`` (the order an export uses), the count is the same, and
``position`` finds each id where the pages put it. Each order's first page is an index walk:
no temporary B-tree sorts the table.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from inspector.domain.inspection_query import InspectionFilter, InspectionSort, SortColumn
from inspector.domain.inspections import InspectionMode
from inspector.domain.users import User
from inspector.storage import inspections_query
from inspector.storage.inspections_listing import InspectionsListing
from tests.storage.test_inspections_query import World, insert_inspections, world  # noqa: F401 (fixture)

ROWS = 230


@pytest.fixture
def mixed(world: World) -> World:  # noqa: F811 (the fixture imported above)
    """230 rows: two templates, two units and none, three modes, drafts without a score, equal
    observation times (ties by id), two authors."""
    rng = random.Random(7)
    rows: list[dict[str, Any]] = []
    for n in range(ROWS):
        draft = n % 9 == 0
        rows.append({
            "template_version_id": world.t1 if n % 3 else world.t3,
            "unit_id": (world.depot, world.cleaners, None)[n % 3 if n % 7 else 2],
            "author_id": world.sup1.id if n % 2 else world.sup2.id,
            "mode": ("onsite", "covert", "walkaround")[rng.randrange(3)],
            "status": "draft" if draft else "completed",
            "score": None if draft else float(rng.randrange(60, 100)),
            "subject_label": f"粤B·{rng.randrange(40):05d}",
            "observed_at": f"2025-03-{1 + rng.randrange(5):02d}T0{8 + rng.randrange(2)}:00:00+08:00",
        })
    insert_inspections(world.context, rows)
    return world


def _listing(data: World, viewer: User, flt: InspectionFilter, sort: InspectionSort) -> InspectionsListing:
    return InspectionsListing(data.context.db, flt, sort, viewer_id=viewer.id,
                              sees_all_covert=viewer.id == data.office.id)


def _all_ids(data: World, viewer: User, flt: InspectionFilter, sort: InspectionSort) -> list[int]:
    return inspections_query.ids(data.context.db, flt, sort, viewer_id=viewer.id,
                                 sees_all_covert=viewer.id == data.office.id)


FILTERS = [
    InspectionFilter(),
    InspectionFilter(text="总站"),
    InspectionFilter(modes=frozenset({InspectionMode.COVERT})),
    InspectionFilter(score_min=70, text="B·0001"),
]


@pytest.mark.parametrize("column", list(SortColumn))
@pytest.mark.parametrize("descending", [True, False])
def test_pages_in_a_row_are_the_whole_list_in_its_order(mixed: World, column: SortColumn, descending: bool) -> None:
    sort = InspectionSort(column=column, descending=descending)
    for viewer in (mixed.office, mixed.sup1):
        for flt in FILTERS:
            expected = _all_ids(mixed, viewer, flt, sort)
            listing = _listing(mixed, viewer, flt, sort)
            assert listing.count() == len(expected) == inspections_query.count(
                mixed.context.db, flt, viewer_id=viewer.id, sees_all_covert=viewer.id == mixed.office.id)
            paged = [row.id for offset in range(0, len(expected) + 40, 40) for row in listing.rows(offset, 40)]
            assert paged == expected, (viewer.username, flt)
            assert [listing.position(inspection_id) for inspection_id in expected] == list(range(len(expected)))


def test_a_supervisor_cannot_find_another_authors_covert_visit(mixed: World) -> None:
    hidden = set(_all_ids(mixed, mixed.office, InspectionFilter(), InspectionSort())) \
        - set(_all_ids(mixed, mixed.sup1, InspectionFilter(), InspectionSort()))
    assert hidden
    for column in SortColumn:
        listing = _listing(mixed, mixed.sup1, InspectionFilter(), InspectionSort(column=column))
        assert hidden.isdisjoint(row.id for row in listing.rows(0, ROWS))
        assert all(listing.position(inspection_id) == -1 for inspection_id in hidden)


def test_out_of_range_pages_are_empty(mixed: World) -> None:
    listing = _listing(mixed, mixed.office, InspectionFilter(), InspectionSort())
    assert listing.rows(ROWS, 10) == [] and listing.rows(0, 0) == []
    assert len(listing.rows(ROWS - 3, 10)) == 3
    assert listing.position(10**9) == -1


@pytest.mark.parametrize("column", list(SortColumn))
def test_each_first_page_walks_an_index_without_sorting_the_table(mixed: World, column: SortColumn) -> None:
    mixed.context.db.execute("ANALYZE")
    db = mixed.context.db
    plans: list[str] = []
    original = db.execute

    def explained(sql: str, params: Any = ()) -> Any:
        if sql.lstrip().upper().startswith("SELECT I.ID FROM INSPECTIONS"):
            plans.extend(row[3] for row in original(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())
        return original(sql, params)

    db.execute = explained  # type: ignore[method-assign]
    try:
        for descending in (True, False):
            for viewer in (mixed.office, mixed.sup1):
                _listing(mixed, viewer, InspectionFilter(), InspectionSort(column=column, descending=descending)) \
                    .rows(0, 50)
    finally:
        del db.execute
    assert plans and all("USING" in plan or "TEMP B-TREE FOR RIGHT PART" in plan for plan in plans if "SCAN" in plan)
    assert not [plan for plan in plans if plan == "USE TEMP B-TREE FOR ORDER BY"], plans


@pytest.mark.parametrize("column", [SortColumn.OBSERVED_AT, SortColumn.SCORE, SortColumn.SUBJECT])
def test_a_filters_first_page_found_before_its_count_is_the_lists_first_page(
        mixed: World, column: SortColumn, monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.storage import inspections_listing

    monkeypatch.setattr(inspections_listing, "PROBE_ABOVE", 0)  # as if the table were large
    monkeypatch.setattr(inspections_listing, "PROBE", 120)
    for descending in (True, False):
        sort = InspectionSort(column=column, descending=descending)
        for viewer in (mixed.office, mixed.sup1):
            dense = _listing(mixed, viewer, InspectionFilter(text="总站"), sort)
            first = dense.first_rows(20)
            assert first is not None and [row.id for row in first] == _all_ids(mixed, viewer, dense._flt, sort)[:20]
            assert _listing(mixed, viewer, InspectionFilter(text="B·00001"), sort).first_rows(20) is None  # sparse
            assert _listing(mixed, viewer, InspectionFilter(), sort).first_rows(20) is None  # the count is cheap
    grouped = _listing(mixed, mixed.office, InspectionFilter(text="总站"), InspectionSort(column=SortColumn.UNIT))
    assert grouped.first_rows(20) is None  # its counts are needed to place any page
    monkeypatch.setattr(inspections_listing, "PROBE_ABOVE", ROWS)
    assert _listing(mixed, mixed.office, InspectionFilter(text="总站"), InspectionSort()).first_rows(20) is None
