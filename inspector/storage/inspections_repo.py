"""The inspections and answers tables: rows in, ``Inspection`` objects out.

Lists apply the covert-visibility rule in SQL (``mode != 'covert' OR author_id = viewer OR
sees_all_covert``), the same rule as ``domain.users.can_view_inspection``, so that no page, count
or export built on them can leak another supervisor's covert visit. Answer values are stored as
JSON text so that a numeric reading (``3.5``) and a text observation (``"3.5"``) stay apart.
An answer's ``photo_ids`` come from ``answer_photos`` in their order. A staff subject's role is
stored at the start (``staff_role``) so that a later change in the registry cannot move the score.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlite_utils

from inspector.domain.inspections import (
    Answer,
    AnswerResult,
    Evidence,
    Inspection,
    InspectionHead,
    InspectionMode,
    InspectionStatus,
    SubjectRef,
)
from inspector.domain.templates import Severity, SubjectKind
from inspector.storage import photos_repo

_COLUMNS = (
    "i.id, i.template_version_id, t.code, t.version, i.mode, i.status, i.subject_kind, i.subject_id,"
    " i.subject_label, i.unit_id, i.responsible_staff_id, i.author_id, i.observed_at, i.entered_at,"
    " i.completed_at, i.score, i.max_score, i.veto_failed, i.evidence"
)
_FROM = "FROM inspections i JOIN template_versions t ON t.id = i.template_version_id"
_ANSWER_COLUMNS = "inspection_id, item_code, result, value, note, severity, answered_at"
_COVERT = InspectionMode.COVERT.value


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _head_fields(row: tuple[Any, ...]) -> dict[str, Any]:
    return dict(
        id=row[0], template_version_id=row[1], template_code=row[2], template_version=row[3],
        mode=InspectionMode(row[4]), status=InspectionStatus(row[5]),
        subject=SubjectRef(kind=SubjectKind(row[6]), id=row[7], label=row[8]),
        unit_id=row[9], responsible_staff_id=row[10], author_id=row[11],
        observed_at=datetime.fromisoformat(row[12]), entered_at=datetime.fromisoformat(row[13]),
        completed_at=_when(row[14]), score=row[15], max_score=row[16], veto_failed=bool(row[17]),
        evidence=Evidence.model_validate_json(row[18] or "{}"),
    )


def _inspection(row: tuple[Any, ...], answers: Iterable[Answer] = ()) -> Inspection:
    return Inspection(**_head_fields(row), answers=tuple(answers))


def _answer(row: tuple[Any, ...], photo_ids: Iterable[int] = ()) -> Answer:
    return Answer(
        item_code=row[1], result=AnswerResult(row[2]), value=None if row[3] is None else json.loads(row[3]),
        note=row[4], severity=Severity(row[5]) if row[5] else None, photo_ids=tuple(photo_ids),
        answered_at=datetime.fromisoformat(row[6]),
    )


def _answers_of(db: sqlite_utils.Database, inspection_ids: list[int]) -> dict[int, list[Answer]]:
    """The answers of several inspections in one query, keyed by inspection id."""
    found: dict[int, list[Answer]] = {inspection_id: [] for inspection_id in inspection_ids}
    if not inspection_ids:
        return found
    marks = ", ".join("?" for _ in inspection_ids)
    rows = db.execute(
        f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE inspection_id IN ({marks})"
        " ORDER BY inspection_id, answered_at, item_code",
        inspection_ids,
    ).fetchall()
    photos = photos_repo.photo_ids_of_answers(db, inspection_ids)
    for row in rows:
        found[row[0]].append(_answer(row, photos.get((row[0], row[1]), ())))
    return found


def _evidence_json(evidence: Evidence) -> str:
    return json.dumps(evidence.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def insert(
    db: sqlite_utils.Database,
    *,
    template_version_id: int,
    mode: InspectionMode,
    subject: SubjectRef,
    unit_id: int | None,
    responsible_staff_id: int | None,
    author_id: int,
    observed_at: str,
    entered_at: str,
    evidence: Evidence | None = None,
    staff_role: str | None = None,
) -> int:
    """A new draft inspection; the caller holds the write transaction."""
    cursor = db.execute(
        "INSERT INTO inspections (template_version_id, mode, status, subject_kind, subject_id,"
        " subject_label, unit_id, responsible_staff_id, author_id, observed_at, entered_at, evidence,"
        " staff_role) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [template_version_id, mode.value, InspectionStatus.DRAFT.value, subject.kind.value, subject.id,
         subject.label, unit_id, responsible_staff_id, author_id, observed_at, entered_at,
         _evidence_json(evidence or Evidence()), staff_role],
    )
    return int(cursor.lastrowid or 0)


def get(db: sqlite_utils.Database, inspection_id: int) -> Inspection | None:
    """One inspection with its answers, whoever may see it (services check visibility)."""
    row = db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE i.id = ?", [inspection_id]).fetchone()
    if row is None:
        return None
    return _inspection(row, _answers_of(db, [inspection_id])[inspection_id])


def head(db: sqlite_utils.Database, inspection_id: int) -> InspectionHead | None:
    """One inspection's own row, without its answers (services check visibility)."""
    row = db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE i.id = ?", [inspection_id]).fetchone()
    return None if row is None else InspectionHead(**_head_fields(row))


def get_answer(db: sqlite_utils.Database, inspection_id: int, item_code: str) -> Answer | None:
    """One answer with its photos in order: a primary-key lookup, whatever the draft holds."""
    row = db.execute(f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE inspection_id = ? AND item_code = ?",
                     [inspection_id, item_code]).fetchone()
    if row is None:
        return None
    return _answer(row, photos_repo.photo_ids_of_answer(db, inspection_id, item_code))


def answer_count(db: sqlite_utils.Database, inspection_id: int) -> int:
    """How many answers the inspection holds (a count over the primary key's range)."""
    return int(db.execute("SELECT count(*) FROM answers WHERE inspection_id = ?", [inspection_id]).fetchone()[0])


def update_header(
    db: sqlite_utils.Database,
    inspection_id: int,
    *,
    observed_at: str,
    responsible_staff_id: int | None,
    evidence: Evidence,
) -> None:
    """Rewrite the editable header fields of a draft (the caller checked status and role)."""
    db.execute(
        "UPDATE inspections SET observed_at = ?, responsible_staff_id = ?, evidence = ? WHERE id = ?",
        [observed_at, responsible_staff_id, _evidence_json(evidence), inspection_id],
    )


def stored_staff_role(db: sqlite_utils.Database, inspection_id: int) -> str | None:
    """The staff subject's role as it was when the inspection started (None for other subjects)."""
    row = db.execute("SELECT staff_role FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    return None if row is None else row[0]


def reopened_count(db: sqlite_utils.Database, inspection_id: int) -> int:
    row = db.execute("SELECT reopened_count FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    return 0 if row is None else int(row[0])


def mark_completed(
    db: sqlite_utils.Database, inspection_id: int, *, completed_at: str, score: float | None,
    max_score: float | None, veto_failed: bool,
) -> None:
    """Store the final score and lock the inspection (the caller validated it)."""
    db.execute(
        "UPDATE inspections SET status = ?, completed_at = ?, score = ?, max_score = ?, veto_failed = ?"
        " WHERE id = ?",
        [InspectionStatus.COMPLETED.value, completed_at, score, max_score, int(veto_failed), inspection_id],
    )


def mark_reopened(db: sqlite_utils.Database, inspection_id: int) -> None:
    """Back to draft: the stored score and completion time go, the reopening is counted."""
    db.execute(
        "UPDATE inspections SET status = ?, completed_at = NULL, score = NULL, max_score = NULL,"
        " veto_failed = 0, reopened_count = reopened_count + 1 WHERE id = ?",
        [InspectionStatus.DRAFT.value, inspection_id],
    )


def put_answer(db: sqlite_utils.Database, inspection_id: int, answer: Answer) -> None:
    """Record (or replace) the answer to one item."""
    db.execute(
        f"INSERT INTO answers ({_ANSWER_COLUMNS}) VALUES (?,?,?,?,?,?,?)"
        " ON CONFLICT (inspection_id, item_code) DO UPDATE SET result = excluded.result,"
        " value = excluded.value, note = excluded.note, severity = excluded.severity,"
        " answered_at = excluded.answered_at",
        [inspection_id, answer.item_code, answer.result.value,
         None if answer.value is None else json.dumps(answer.value, ensure_ascii=False), answer.note,
         answer.severity.value if answer.severity else None, answer.answered_at.isoformat()],
    )


def _visible_where(
    *,
    viewer_id: int,
    sees_all_covert: bool,
    mode: InspectionMode | None,
    status: InspectionStatus | None,
    unit_id: int | None,
) -> tuple[str, list[Any]]:
    clauses = ["(i.mode != ? OR i.author_id = ? OR ?)"]
    params: list[Any] = [_COVERT, viewer_id, int(sees_all_covert)]
    if mode is not None:
        clauses.append("i.mode = ?")
        params.append(mode.value)
    if status is not None:
        clauses.append("i.status = ?")
        params.append(status.value)
    if unit_id is not None:
        clauses.append("i.unit_id = ?")
        params.append(unit_id)
    return "WHERE " + " AND ".join(clauses), params


def list_visible(
    db: sqlite_utils.Database,
    *,
    viewer_id: int,
    sees_all_covert: bool,
    limit: int = 200,
    offset: int = 0,
    mode: InspectionMode | None = None,
    status: InspectionStatus | None = None,
    unit_id: int | None = None,
) -> list[Inspection]:
    """The inspections ``viewer_id`` may see, newest observation first, with their answers."""
    where, params = _visible_where(viewer_id=viewer_id, sees_all_covert=sees_all_covert, mode=mode,
                                   status=status, unit_id=unit_id)
    rows = db.execute(
        f"SELECT {_COLUMNS} {_FROM} {where} ORDER BY i.observed_at DESC, i.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    answers = _answers_of(db, [row[0] for row in rows])
    return [_inspection(row, answers[row[0]]) for row in rows]


def count_visible(
    db: sqlite_utils.Database,
    *,
    viewer_id: int,
    sees_all_covert: bool,
    mode: InspectionMode | None = None,
    status: InspectionStatus | None = None,
    unit_id: int | None = None,
) -> int:
    """How many rows ``list_visible`` would page through with the same filters."""
    where, params = _visible_where(viewer_id=viewer_id, sees_all_covert=sees_all_covert, mode=mode,
                                   status=status, unit_id=unit_id)
    return int(db.execute(f"SELECT count(*) FROM inspections i {where}", params).fetchone()[0])
