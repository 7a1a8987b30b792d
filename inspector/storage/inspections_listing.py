"""The inspections list as a window over a million rows: a count, and any page by its position.

``InspectionsListing`` is one filter in one order for one viewer. It never reads every id: a page
is ``LIMIT … OFFSET …`` over an index that already holds the list's order (migrations 0004 and
0014), so the first page of a million rows is an index walk that stops after 200 entries.

Two kinds of order:

- **indexed** (observation time, score, subject): ``ORDER BY column, observed_at DESC, id`` walks
  the column's index. When a filter lets few rows through, walking the index would visit most
  of it to find a page, so once the count is known and the page lies deeper than 1/20 of it,
  the unary ``+`` makes SQLite scan and keep the top rows instead.
- **grouped** (mode, status, unit, template, author: a handful of values each): one
  ``GROUP BY`` gives the count of every value (their sum is the list's count), the values are put
  in the list's order (names of units, templates and authors ranked in their small tables, as
  ``inspections_query.ids`` does), and a page takes its rows from the one or two values it
  spans, each an index range ``column = ?`` already in time order.

Both orders are the ones ``inspections_query.ids`` returns, so an export of "the list" and the
list on screen agree. Every query carries the filter's WHERE clause, the covert rule first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from inspector.domain.inspection_query import InspectionFilter, InspectionRow, InspectionSort, SortColumn
from inspector.domain.inspections import InspectionMode
from inspector.storage.inspections_query import RANKINGS, rows_by_id, where_clause

# Sorts over a column of the inspections table with its own index (tie: newest first, then id).
_INDEXED: dict[SortColumn, str] = {
    SortColumn.SCORE: "i.score",
    SortColumn.SUBJECT: "i.subject_label",
}
# Sorts over a column with a handful of values: one index range per value.
_GROUPED: dict[SortColumn, str] = {
    SortColumn.MODE: "i.mode",
    SortColumn.STATUS: "i.status",
    **{column: name for column, (name, _ranking) in RANKINGS.items()},
}
# Mode has no (mode, observed_at) index: its pages walk ``inspections_list`` (which holds the
# mode), and the unary + keeps SQLite from taking all of a mode's rows from inspections_covert and
# sorting them.
_UNINDEXED = {SortColumn.MODE}
WALK_FACTOR = 20
PROBE = 4000  # rows of the whole list's order looked at for a first page before counting
PROBE_ABOVE = 100_000  # below this many inspections a filter's count is quick: count first  # walk an index only while the matching rows are at least 20× the rows wanted


@dataclass(frozen=True)
class _Group:
    """The rows of one value (or of every unranked value) of a grouped sort."""

    condition: str
    params: tuple[Any, ...]
    keys: frozenset[Any]
    size: int


class InspectionsListing:
    """One filtered, ordered inspections list for one viewer (see the module's doc)."""

    def __init__(self, db: sqlite_utils.Database, flt: InspectionFilter, sort: InspectionSort, *,
                 viewer_id: int, sees_all_covert: bool) -> None:
        self._db = db
        self._flt = flt
        self._sort = sort
        self._viewer = (viewer_id, sees_all_covert)
        self._where, self._params = where_clause(db, flt, viewer_id, sees_all_covert)
        self._count: int | None = None
        self._groups: list[_Group] | None = None

    # --- the protocol -----------------------------------------------------------------------
    def count(self) -> int:
        if self._count is None:
            if self._sort.column in _GROUPED:
                self._count = sum(group.size for group in self._grouping())
            else:
                self._count = self._plain_count()
        return self._count

    def _plain_count(self) -> int:
        """The count of an indexed order. Unfiltered, a bare ``count(*)`` counts B-tree pages, not
        rows (no ``WHERE 1``); a supervisor's is that less the others' covert visits, one range of
        ``inspections_covert``, rather than the covert rule tested on every row."""
        viewer_id, sees_all_covert = self._viewer
        if not self._flt.empty:
            return int(self._db.execute(f"SELECT count(*) FROM inspections i {self._where}", self._params).fetchone()[0])
        every = int(self._db.execute("SELECT count(*) FROM inspections").fetchone()[0])
        if sees_all_covert:
            return every
        hidden = self._db.execute("SELECT count(*) FROM inspections WHERE mode = ? AND author_id != ?",
                                  [InspectionMode.COVERT.value, viewer_id]).fetchone()[0]
        return every - int(hidden)

    def ids(self, offset: int, limit: int) -> list[int]:
        """The ids of the rows from ``offset``, at most ``limit``."""
        if limit <= 0 or offset < 0 or offset >= self.count():
            return []
        if self._sort.column in _GROUPED:
            return self._grouped_ids(offset, limit)
        walk = self._flt.model_copy(update={"date_from": None, "date_to": None}).empty \
            or self.count() >= WALK_FACTOR * (offset + limit)
        sql = f"SELECT i.id FROM inspections i {self._where} {self._order(walk)} LIMIT ? OFFSET ?"
        return [row[0] for row in self._db.execute(sql, [*self._params, limit, offset]).fetchall()]

    def rows(self, offset: int, limit: int) -> list[InspectionRow]:
        wanted = self.ids(offset, limit)
        viewer_id, sees_all_covert = self._viewer
        found = rows_by_id(self._db, wanted, viewer_id=viewer_id, sees_all_covert=sees_all_covert)
        return [found[inspection_id] for inspection_id in wanted if inspection_id in found]

    def first_rows(self, limit: int) -> list[InspectionRow] | None:
        """A filter's first page before its count: among the newest ``PROBE`` rows of the whole
        table in this order (an index walk), the first ``limit`` that pass the filter are the
        list's first ``limit`` when there are that many. Only for a filter that makes the count a
        scan (free text, score, status …) of a large table and an indexed order; None otherwise,
        and when the probe finds fewer (a sparse filter: the count and a scan come first)."""
        bare = self._flt.model_copy(update={"date_from": None, "date_to": None}).empty
        if self._count is not None or bare or self._sort.column in _GROUPED:
            return None
        if int(self._db.execute("SELECT count(*) FROM inspections").fetchone()[0]) <= PROBE_ABOVE:
            return None
        order = self._order(walk=True)
        sql = (f"SELECT i.id FROM (SELECT i.id AS id FROM inspections i {order} LIMIT {PROBE}) AS p"
               f" CROSS JOIN inspections i ON i.id = p.id {self._where} {order} LIMIT ?")
        wanted = [row[0] for row in self._db.execute(sql, [*self._params, limit]).fetchall()]
        if len(wanted) < limit:
            return None
        viewer_id, sees_all_covert = self._viewer
        found = rows_by_id(self._db, wanted, viewer_id=viewer_id, sees_all_covert=sees_all_covert)
        return [found[inspection_id] for inspection_id in wanted if inspection_id in found]

    def position(self, inspection_id: int) -> int:
        """Counted, not searched: the rows before it are a few disjoint index ranges (rows of an
        earlier value, rows of its value observed later, rows of its time with an id before it),
        each counted on the sort column's index."""
        column = _INDEXED.get(self._sort.column) or _GROUPED.get(self._sort.column) or "NULL"
        found = self._db.execute(
            f"SELECT {column}, i.observed_at FROM inspections i {self._where} AND i.id = ?",
            [*self._params, inspection_id],
        ).fetchone()
        if found is None:
            return -1
        value, observed_at = found
        if self._sort.column is SortColumn.OBSERVED_AT:
            return sum(self._count_where(condition, params) for condition, params in
                       self._tie_before("1", [], observed_at, inspection_id))
        if self._sort.column in _GROUPED:
            before = 0
            for group in self._grouping():
                if value in group.keys:
                    return before + sum(self._count_where(condition, params) for condition, params in
                                        self._tie_before(group.condition, list(group.params), observed_at,
                                                         inspection_id))
                before += group.size
            return -1
        same = (f"{column} IS NULL", []) if value is None else (f"{column} = ?", [value])
        ranges = [*self._value_before(column, value), *self._tie_before(*same, observed_at, inspection_id)]
        return sum(self._count_where(condition, params) for condition, params in ranges)

    # --- indexed orders ---------------------------------------------------------------------
    def _order(self, walk: bool) -> str:
        direction = "DESC" if self._sort.descending else "ASC"
        plus = "" if walk else "+"
        if self._sort.column is SortColumn.OBSERVED_AT:
            return f"ORDER BY {plus}i.observed_at {direction}, i.id {direction}"
        return f"ORDER BY {plus}{_INDEXED[self._sort.column]} {direction}, i.observed_at DESC, i.id {direction}"

    def _tie_before(self, same: str, params: list[Any], observed_at: str,
                    inspection_id: int) -> list[tuple[str, list[Any]]]:
        """The rows of the same sort value (``same``) shown before this one: observed later (or,
        ordered by time ascending, earlier), then the same time with an id before it."""
        later = "<" if self._sort.column is SortColumn.OBSERVED_AT and not self._sort.descending else ">"
        by_id = ">" if self._sort.descending else "<"
        return [(f"{same} AND i.observed_at {later} ?", [*params, observed_at]),
                (f"{same} AND i.observed_at = ? AND i.id {by_id} ?", [*params, observed_at, inspection_id])]

    def _value_before(self, column: str, value: Any) -> list[tuple[str, list[Any]]]:
        """Rows whose sort value comes before ``value`` (NULL is the smallest, as in SQLite)."""
        if self._sort.descending:
            return [(f"{column} IS NOT NULL", [])] if value is None else [(f"{column} > ?", [value])]
        return [] if value is None else [(f"{column} IS NULL", []), (f"{column} < ?", [value])]

    def _count_where(self, condition: str, params: list[Any]) -> int:
        sql = f"SELECT count(*) FROM inspections i {self._where} AND {condition}"
        return int(self._db.execute(sql, [*self._params, *params]).fetchone()[0])

    # --- grouped orders ---------------------------------------------------------------------
    def _grouping(self) -> list[_Group]:
        """Every value with rows in the list, in the list's order, with its number of rows."""
        if self._groups is None:
            column = _GROUPED[self._sort.column]
            sizes = self._sizes(column)
            if self._sort.column in RANKINGS:
                ranked = [row[0] for row in self._db.execute(RANKINGS[self._sort.column][1]).fetchall()]
            else:
                ranked = sorted(key for key in sizes if key is not None)
            groups = []
            unranked = [key for key in sizes if key not in set(ranked)]
            if unranked:  # NULL, or a key missing from its table: ranked NULL, first when ascending
                known = [key for key in unranked if key is not None]
                marks = ", ".join("?" for _ in known)
                condition = f"({column} IS NULL OR {column} IN ({marks}))" if known else f"{column} IS NULL"
                groups.append(_Group(condition, tuple(known), frozenset(unranked),
                                     sum(sizes[key] for key in unranked)))
            plus = "+" if self._sort.column in _UNINDEXED else ""
            groups += [_Group(f"{plus}{column} = ?", (key,), frozenset({key}), sizes[key])
                       for key in ranked if key in sizes]
            self._groups = groups[::-1] if self._sort.descending else groups
        return self._groups

    def _sizes(self, column: str) -> dict[Any, int]:
        """How many rows each value of ``column`` has in the list (values without rows left out)."""
        # With a filter beyond the covert rule, grouping in index order would visit every row for
        # its other columns: the unary + makes SQLite scan (the search's index) and group.
        plus = "" if self._flt.empty else "+"
        return dict(self._db.execute(
            f"SELECT {column}, count(*) FROM inspections i {self._where} GROUP BY {plus}{column}", self._params,
        ).fetchall())

    def _grouped_ids(self, offset: int, limit: int) -> list[int]:
        direction = "DESC" if self._sort.descending else "ASC"
        found: list[int] = []
        start = 0
        for group in self._grouping():
            if len(found) >= limit:
                break
            if offset < start + group.size:
                sql = (f"SELECT i.id FROM inspections i {self._where} AND {group.condition}"
                       f" ORDER BY i.observed_at DESC, i.id {direction} LIMIT ? OFFSET ?")
                params = [*self._params, *group.params, limit - len(found), max(0, offset - start)]
                found += [row[0] for row in self._db.execute(sql, params).fetchall()]
            start += group.size
        return found
