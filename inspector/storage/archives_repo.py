"""SQL of the vehicle and staff files: a subject's completed inspections with their findings, the
notices that carry those findings (notice_items → findings → inspections) and their follow-ups.

Every query starts from the subject through ``inspections_subject`` (subject_kind, subject_id) —
for a staff member also through ``inspections_responsible_staff``: inspections of a vehicle or a
place that name them as the responsible person belong in their file too — and reaches findings, notice items and follow-ups through ``findings_inspection``,
``notice_items_finding`` and ``followups_notice``: the cost grows with the subject's own history,
not with the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils



def _about(subject_kind: str, subject_id: int, alias: str = "") -> tuple[str, list[Any]]:
    """The WHERE condition picking the inspections about the subject, and its parameters."""
    i = f"{alias}." if alias else ""
    if subject_kind == "staff":
        return (f"(({i}subject_kind = 'staff' AND {i}subject_id = ?) OR {i}responsible_staff_id = ?)",
                [subject_id, subject_id])
    return f"({i}subject_kind = ? AND {i}subject_id = ?)", [subject_kind, subject_id]


def _subject_inspections(subject_kind: str, subject_id: int) -> tuple[str, list[Any]]:
    condition, params = _about(subject_kind, subject_id)
    # ``+status``: the status is checked on the rows the subject's indexes find; the planner would
    # otherwise walk the status index over every completed inspection (inspections_by_status, 0014).
    return f"SELECT id FROM inspections WHERE {condition} AND +status = 'completed'", params


@dataclass(frozen=True)
class InspectionRow:
    id: int
    observed_at: str
    mode: str
    template_version_id: int
    template_code: str
    template_title: str
    template_version: int
    score: float | None
    max_score: float | None
    veto_failed: bool
    author_name: str


@dataclass(frozen=True)
class FindingRow:
    id: int
    inspection_id: int
    item_code: str
    section_code: str
    severity: str
    note: str
    status: str


@dataclass(frozen=True)
class FollowUpRow:
    notice_id: int
    recorded_at: str
    result: str
    note: str
    recorded_by_name: str


def inspections(db: sqlite_utils.Database, subject_kind: str, subject_id: int) -> list[InspectionRow]:
    """The subject's completed inspections, oldest first."""
    rows = db.execute(
        "SELECT i.id, i.observed_at, i.mode, i.template_version_id, t.code, t.title_zh, t.version, i.score,"
        " i.max_score, i.veto_failed, COALESCE(u.display_name, '')"
        " FROM inspections i JOIN template_versions t ON t.id = i.template_version_id"
        " LEFT JOIN users u ON u.id = i.author_id"
        f" WHERE {_about(subject_kind, subject_id, 'i')[0]} AND +i.status = 'completed'"
        " ORDER BY i.observed_at, i.id",
        _about(subject_kind, subject_id, "i")[1]).fetchall()
    return [InspectionRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], bool(row[9]),
                          row[10]) for row in rows]


def findings(db: sqlite_utils.Database, subject_kind: str, subject_id: int) -> list[FindingRow]:
    """The findings of the subject's completed inspections, in inspection and item order."""
    subject_inspections, params = _subject_inspections(subject_kind, subject_id)
    rows = db.execute(
        "SELECT f.id, f.inspection_id, f.item_code, f.section_code, f.severity, f.note, f.status FROM findings f"
        f" WHERE f.inspection_id IN ({subject_inspections}) ORDER BY f.inspection_id, f.id", params).fetchall()
    return [FindingRow(*row) for row in rows]


def notice_links(db: sqlite_utils.Database, subject_kind: str, subject_id: int) -> list[tuple[int, int, str]]:
    """(finding id, notice id, notice number) for every notice item carrying one of the subject's
    findings, in order of issue."""
    subject_inspections, params = _subject_inspections(subject_kind, subject_id)
    rows = db.execute(
        "SELECT ni.finding_id, n.id, n.number FROM notice_items ni JOIN notices n ON n.id = ni.notice_id"
        " JOIN findings f ON f.id = ni.finding_id"
        f" WHERE f.inspection_id IN ({subject_inspections}) ORDER BY n.issued_at, n.id, ni.position",
        params).fetchall()
    return [(row[0], row[1], row[2]) for row in rows]


def followups(db: sqlite_utils.Database, notice_ids: list[int]) -> list[FollowUpRow]:
    """The follow-ups of ``notice_ids``, oldest first, with the recorder's display name."""
    if not notice_ids:
        return []
    marks = ", ".join("?" for _ in notice_ids)
    rows: list[Any] = db.execute(
        "SELECT f.notice_id, f.recorded_at, f.result, f.note, COALESCE(u.display_name, '') FROM followups f"
        f" LEFT JOIN users u ON u.id = f.recorded_by WHERE f.notice_id IN ({marks})"
        " ORDER BY f.recorded_at, f.id", notice_ids).fetchall()
    return [FollowUpRow(*row) for row in rows]


def unit_of(db: sqlite_utils.Database, unit_id: int) -> tuple[str, str]:
    """The code and name of a unit ('', '' if it is gone)."""
    row = db.execute("SELECT code, name FROM units WHERE id = ?", [unit_id]).fetchone()
    return (row[0], row[1]) if row else ("", "")
