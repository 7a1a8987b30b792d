"""The inspections list over 100 000 rows: filtered, ordered ids first, then flat rows by id.

A lazy table asks ``ids`` once per filter or sort change (100 000 integers are ~1 MB and one
index walk) and ``rows_by_id`` for the ~200 rows it is about to paint. Every query carries the
covert-visibility rule in SQL (``mode != 'covert' OR author_id = viewer OR sees_all_covert``),
the rule of ``domain.users.can_view_inspection`` and ``inspections_repo``, so no count, page or
search can reveal another supervisor's covert visit.

Text search is ``LIKE '%…%'`` (escaped), which matches a Chinese substring of any length — a
full-text tokenizer would split 一号总站 into words and miss 总站 or 号总. Names of units,
templates and authors are matched in their small tables first and only the ids found are
compared, so the million-row scan compares one text column and joins nothing. The windowed list
(count and pages by position) is ``inspections_listing``; ``ids`` here is every id at once, for
exports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from inspector.domain.inspection_query import InspectionFilter, InspectionRow, InspectionSort, SortColumn
from inspector.domain.inspections import InspectionMode, InspectionStatus

_COVERT = InspectionMode.COVERT.value
# The author's name, or NULL where it must not be shown (another's covert visit); the list never
# holds such a row today, but the mask travels with the query rather than with the caller.
_AUTHOR = "CASE WHEN i.mode = ? AND i.author_id != ? AND NOT ? THEN NULL ELSE au.display_name END"
# CROSS JOIN keeps the inspections the outer loop: the rows asked for are found by id (or walked
# in the list's order) and their template looked up, never all of a template's rows scanned.
_JOINS = (
    "FROM inspections i CROSS JOIN template_versions t ON t.id = i.template_version_id"
    " LEFT JOIN units un ON un.id = i.unit_id LEFT JOIN users au ON au.id = i.author_id"
)
# Columns of the inspections table itself; names in the small joined tables are ordered by rank.
_ORDER: dict[SortColumn, str] = {
    SortColumn.OBSERVED_AT: "i.observed_at",
    SortColumn.SUBJECT: "i.subject_label",
    SortColumn.MODE: "i.mode",
    SortColumn.STATUS: "i.status",
    SortColumn.SCORE: "i.score",
}
RANKINGS: dict[SortColumn, tuple[str, str]] = {
    SortColumn.TEMPLATE: ("i.template_version_id", "SELECT id FROM template_versions ORDER BY code, version"),
    SortColumn.UNIT: ("i.unit_id", "SELECT id FROM units ORDER BY name, code"),
    SortColumn.AUTHOR: ("i.author_id", "SELECT id FROM users ORDER BY display_name, username"),
}
_ROW_COLUMNS = (
    "i.id, i.observed_at, i.mode, i.status, t.code, t.version, i.subject_label, un.name, "
    f"{_AUTHOR} AS author_name, i.score, i.max_score, i.veto_failed,"
    " (SELECT count(*) FROM answers a WHERE a.inspection_id = i.id)"
)
_IN_BATCH = 500  # ids per IN (…) list: well under SQLite's 32 766 bound parameters


def _like(text: str) -> str:
    """``text`` as a LIKE pattern matching it anywhere, its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _visible(viewer_id: int, sees_all_covert: bool) -> tuple[str, list[Any]]:
    """The covert rule. For a viewer who sees every covert visit it is always true and is left
    out: as a bound ``OR ?`` it would stop SQLite from walking the covering list index alone."""
    if sees_all_covert:
        return "1", []
    return "(i.mode != ? OR i.author_id = ?)", [_COVERT, viewer_id]


def _author_params(viewer_id: int, sees_all_covert: bool) -> list[Any]:
    return [_COVERT, viewer_id, int(sees_all_covert)]


def where_clause(db: sqlite_utils.Database, flt: InspectionFilter, viewer_id: int,
                 sees_all_covert: bool) -> tuple[str, list[Any]]:
    """The WHERE clause of ``flt`` for ``viewer_id``, visibility first."""
    visible, params = _visible(viewer_id, sees_all_covert)
    clauses = [visible]
    if flt.date_from is not None:
        clauses.append("i.observed_at >= ?")  # stored as local ISO text: the date prefix compares
        params.append(flt.date_from.isoformat())
    if flt.date_to is not None:
        clauses.append("i.observed_at < ?")
        params.append((flt.date_to + timedelta(days=1)).isoformat())
    if flt.modes:
        modes = sorted(mode.value for mode in flt.modes)
        clauses.append(f"i.mode IN ({', '.join('?' for _ in modes)})")
        params.extend(modes)
    if flt.unit_id is not None:
        clauses.append("i.unit_id = ?")
        params.append(flt.unit_id)
    if flt.template_code:
        clauses.append("i.template_version_id IN (SELECT id FROM template_versions WHERE code = ?)")
        params.append(flt.template_code)
    if flt.status is not None:
        clauses.append("i.status = ?")
        params.append(flt.status.value)
    if flt.score_min is not None:
        clauses.append("i.score >= ?")
        params.append(flt.score_min)
    if flt.score_max is not None:
        clauses.append("i.score <= ?")
        params.append(flt.score_max)
    if flt.failed_item:
        clauses.append("EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = i.id AND f.item_code = ?)")
        params.append(flt.failed_item)
    if flt.search:
        clause, found = _search_clause(db, flt.search)
        clauses.append(clause)  # an author's name finds only rows the visibility clause above lets through
        params.extend(found)
    return "WHERE " + " AND ".join(clauses), params


def _search_clause(db: sqlite_utils.Database, text: str) -> tuple[str, list[Any]]:
    """The free-text condition: the subject's label, or a unit, template or author whose name holds
    ``text``. The names are looked up in their small tables first and only the ids found are
    compared, so each of a million rows meets one text comparison and a few integer ones —
    all columns of the ``inspections_by_subject`` index (0014), which a count then reads alone.
    Without ASCII letters LIKE's case folding does nothing and ``instr`` finds the same rows
    faster."""
    pattern = _like(text)
    if re.search("[A-Za-z]", text):
        clauses, params = ["i.subject_label LIKE ? ESCAPE '\\'"], [pattern]
    else:
        clauses, params = ["instr(i.subject_label, ?) > 0"], [text]
    lookups = (
        ("i.unit_id", "SELECT id FROM units WHERE name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\'", 2),
        ("i.template_version_id", "SELECT id FROM template_versions WHERE code LIKE ? ESCAPE '\\'"
         " OR title_zh LIKE ? ESCAPE '\\' OR title_en LIKE ? ESCAPE '\\'", 3),
        ("i.author_id", "SELECT id FROM users WHERE display_name LIKE ? ESCAPE '\\'", 1),
    )
    for column, sql, patterns in lookups:
        found = [int(row[0]) for row in db.execute(sql, [pattern] * patterns).fetchall()]
        if found:
            clauses.append(f"{column} IN ({', '.join(str(key) for key in found)})")
    return "(" + " OR ".join(clauses) + ")", params


def _case(column: str, ranked: list[int]) -> str:
    """``column``'s position in ``ranked`` (integers read from the database) as an SQL expression."""
    if not ranked:
        return "NULL"
    whens = " ".join(f"WHEN {int(key)} THEN {rank}" for rank, key in enumerate(ranked))
    return f"CASE {column} {whens} END"


def _order(db: sqlite_utils.Database, flt: InspectionFilter, sort: InspectionSort, *, viewer_id: int,
           sees_all_covert: bool) -> str:
    """The ORDER BY clause; ties fall back to the newest observation, then the newest id.

    Ordering by observation time walks the covering index ``inspections_list`` (migration
    0004) when nothing but dates and visibility filters; with any other filter a scan plus a
    sort of the few matching rows is much faster than visiting every row in index order, so
    the unary ``+`` keeps SQLite from choosing the index there. Names in the small tables
    (templates, units, users) are ranked first and ordered by rank: no join per row.
    """
    direction = "DESC" if sort.descending else "ASC"
    if sort.column is SortColumn.OBSERVED_AT:
        narrow = flt.model_copy(update={"date_from": None, "date_to": None}).empty
        return f"ORDER BY {'' if narrow else '+'}i.observed_at {direction}, i.id {direction}"
    if sort.column in RANKINGS:
        column, ranking = RANKINGS[sort.column]
        expression = _case(column, [row[0] for row in db.execute(ranking).fetchall()])
        if sort.column is SortColumn.AUTHOR and not sees_all_covert:
            expression = f"CASE WHEN i.mode = '{_COVERT}' AND i.author_id != {int(viewer_id)} THEN NULL ELSE {expression} END"
    else:
        expression = _ORDER[sort.column]
    return f"ORDER BY {expression} {direction}, i.observed_at DESC, i.id {direction}"


def ids(
    db: sqlite_utils.Database, flt: InspectionFilter, sort: InspectionSort, *, viewer_id: int,
    sees_all_covert: bool,
) -> list[int]:
    """Every id ``viewer_id`` may see that passes ``flt``, in ``sort`` order."""
    where, params = where_clause(db, flt, viewer_id, sees_all_covert)
    order = _order(db, flt, sort, viewer_id=viewer_id, sees_all_covert=sees_all_covert)
    return [row[0] for row in db.execute(f"SELECT i.id FROM inspections i {where} {order}", params).fetchall()]


def count(db: sqlite_utils.Database, flt: InspectionFilter, *, viewer_id: int, sees_all_covert: bool) -> int:
    """How many ids ``ids`` would return."""
    where, params = where_clause(db, flt, viewer_id, sees_all_covert)
    return int(db.execute(f"SELECT count(*) FROM inspections i {where}", params).fetchone()[0])


def _row(row: tuple[Any, ...]) -> InspectionRow:
    return InspectionRow(
        id=row[0], observed_at=datetime.fromisoformat(row[1]), mode=InspectionMode(row[2]),
        status=InspectionStatus(row[3]), template_code=row[4], template_version=row[5], subject_label=row[6],
        unit_name=row[7], author_name=row[8], score=row[9], max_score=row[10], veto_failed=bool(row[11]),
        answered=row[12],
    )


def rows_by_id(
    db: sqlite_utils.Database, inspection_ids: Iterable[int], *, viewer_id: int, sees_all_covert: bool,
) -> dict[int, InspectionRow]:
    """The list rows of ``inspection_ids`` that ``viewer_id`` may see (others are simply absent)."""
    wanted = list(dict.fromkeys(inspection_ids))
    found: dict[int, InspectionRow] = {}
    visible, visible_params = _visible(viewer_id, sees_all_covert)
    for start in range(0, len(wanted), _IN_BATCH):
        batch = wanted[start:start + _IN_BATCH]
        marks = ", ".join("?" for _ in batch)
        rows = db.execute(
            f"SELECT {_ROW_COLUMNS} {_JOINS} WHERE i.id IN ({marks}) AND {visible}",
            [*_author_params(viewer_id, sees_all_covert), *batch, *visible_params],
        ).fetchall()
        for row in rows:
            found[row[0]] = _row(row)
    return found


def search(
    db: sqlite_utils.Database, flt: InspectionFilter, sort: InspectionSort, *, viewer_id: int,
    sees_all_covert: bool, limit: int = 200, offset: int = 0,
) -> list[InspectionRow]:
    """One page of the list: ``limit`` rows from ``offset`` in ``sort`` order."""
    where, params = where_clause(db, flt, viewer_id, sees_all_covert)
    order = _order(db, flt, sort, viewer_id=viewer_id, sees_all_covert=sees_all_covert)
    rows = db.execute(
        f"SELECT {_ROW_COLUMNS} {_JOINS} {where} {order} LIMIT ? OFFSET ?",
        [*_author_params(viewer_id, sees_all_covert), *params, limit, offset],
    ).fetchall()
    return [_row(row) for row in rows]
