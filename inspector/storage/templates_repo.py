"""The template_versions table: one row per version, the whole body stored as JSON.

Title, category, subject and item count are copied out of the body into columns so that lists
never parse every body. Published rows are immutable: triggers in migration 0002 refuse any
UPDATE or DELETE of them, so even a bug here cannot change what an inspection was scored against.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlite_utils

from inspector.domain.templates import TemplateBody, TemplateStatus, TemplateVersion

_COLUMNS = "id, code, version, status, effective_month, body, builtin, created_at, published_at, published_by"


def _version(row: tuple[Any, ...]) -> TemplateVersion:
    return TemplateVersion(
        id=row[0], code=row[1], version=row[2], status=TemplateStatus(row[3]), effective_month=row[4],
        body=TemplateBody.model_validate_json(row[5]), builtin=bool(row[6]),
        created_at=datetime.fromisoformat(row[7]),
        published_at=datetime.fromisoformat(row[8]) if row[8] else None, published_by=row[9],
    )


def _body_json(body: TemplateBody) -> str:
    return json.dumps(body.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def _summary(body: TemplateBody) -> list[Any]:
    """The columns copied out of the body: title_zh, title_en, category, subject, item_count."""
    return [body.title_zh, body.title_en, body.category, body.subject.value, body.item_count]


def insert_version(
    db: sqlite_utils.Database,
    body: TemplateBody,
    *,
    version: int,
    status: TemplateStatus,
    effective_month: str | None,
    builtin: bool,
    created_at: str,
    published_at: str | None = None,
    published_by: int | None = None,
) -> int:
    cursor = db.execute(
        "INSERT INTO template_versions (code, version, status, effective_month, title_zh, title_en,"
        " category, subject, item_count, body, builtin, created_at, published_at, published_by)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [body.code, version, status.value, effective_month, *_summary(body), _body_json(body),
         int(builtin), created_at, published_at, published_by],
    )
    return int(cursor.lastrowid or 0)


def get_version(db: sqlite_utils.Database, version_id: int) -> TemplateVersion | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM template_versions WHERE id = ?", [version_id]).fetchone()
    return _version(row) if row else None


def latest(
    db: sqlite_utils.Database, code: str, status: TemplateStatus | None = None
) -> TemplateVersion | None:
    """The highest version of ``code`` (of ``status`` if given)."""
    clause, params = "WHERE code = ?", [code]
    if status is not None:
        clause += " AND status = ?"
        params.append(status.value)
    row = db.execute(
        f"SELECT {_COLUMNS} FROM template_versions {clause} ORDER BY version DESC LIMIT 1", params
    ).fetchone()
    return _version(row) if row else None


def in_force(db: sqlite_utils.Database, code: str, month: str) -> TemplateVersion | None:
    """The published version of ``code`` in force in ``month`` (``YYYY-MM``): the latest one whose
    effective month is not after ``month`` (a later version number wins within the same month).

    A built-in checklist is the regulation's own and covers every month before it was loaded too
    (a data folder set up in December still records a visit of November from paper), unless the
    office published a version of its own for that earlier month."""
    row = db.execute(f"SELECT {_COLUMNS} {_IN_FORCE}", [code, TemplateStatus.PUBLISHED.value, month, month]).fetchone()
    return _version(row) if row else None


_IN_FORCE = ("FROM template_versions WHERE code = ? AND status = ? AND (effective_month <= ? OR builtin = 1)"
             " ORDER BY effective_month <= ? DESC, effective_month DESC, version DESC LIMIT 1")


def in_force_id(db: sqlite_utils.Database, code: str, month: str) -> int | None:
    """The row id of ``in_force(code, month)``, without reading or parsing its body."""
    row = db.execute(f"SELECT id {_IN_FORCE}", [code, TemplateStatus.PUBLISHED.value, month, month]).fetchone()
    return None if row is None else int(row[0])


def name_of(db: sqlite_utils.Database, version_id: int) -> tuple[str, int] | None:
    """A version's code and number, without reading or parsing its body."""
    row = db.execute("SELECT code, version FROM template_versions WHERE id = ?", [version_id]).fetchone()
    return None if row is None else (str(row[0]), int(row[1]))


def list_versions(db: sqlite_utils.Database, *, code: str | None = None) -> list[TemplateVersion]:
    clause, params = ("WHERE code = ?", [code]) if code is not None else ("", [])
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM template_versions {clause} ORDER BY code, version", params
    ).fetchall()
    return [_version(row) for row in rows]


def update_draft_body(db: sqlite_utils.Database, version_id: int, body: TemplateBody) -> None:
    """Replace a draft's body. On a published row the database trigger raises IntegrityError."""
    db.execute(
        "UPDATE template_versions SET title_zh = ?, title_en = ?, category = ?, subject = ?,"
        " item_count = ?, body = ? WHERE id = ?",
        [*_summary(body), _body_json(body), version_id],
    )


def mark_published(db: sqlite_utils.Database, version_id: int, month: str, at: str, by: int | None) -> None:
    """Draft → published for ``month``: the last write the row will ever take."""
    db.execute(
        "UPDATE template_versions SET status = ?, effective_month = ?, published_at = ?, published_by = ?"
        " WHERE id = ?",
        [TemplateStatus.PUBLISHED.value, month, at, by, version_id],
    )


def next_version_number(db: sqlite_utils.Database, code: str) -> int:
    row = db.execute("SELECT max(version) FROM template_versions WHERE code = ?", [code]).fetchone()
    return int(row[0] or 0) + 1


def codes(db: sqlite_utils.Database) -> list[str]:
    """Every template code that has at least one version."""
    return [row[0] for row in db.execute("SELECT DISTINCT code FROM template_versions ORDER BY code")]


def usage_count(db: sqlite_utils.Database, version_id: int) -> int:
    """How many inspections were recorded against this version."""
    return int(db.execute("SELECT count(*) FROM inspections WHERE template_version_id = ?",
                          [version_id]).fetchone()[0])


def delete_draft(db: sqlite_utils.Database, version_id: int) -> None:
    """Remove a draft row. On a published row the database trigger raises IntegrityError."""
    db.execute("DELETE FROM template_versions WHERE id = ?", [version_id])
