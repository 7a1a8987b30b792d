"""SQL of rectification notices: the issued rows (immutable), their items, where each stands
(``notice_state``), receipts, replies, follow-ups and PAdES-signed copies.

Serial numbers: ``next_serial`` bumps the year's counter inside the caller's write transaction,
so a rolled-back issue gives its number back and numbers stay gapless.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import sqlite_utils

from inspector.domain.notices import (
    FollowUp,
    FollowUpItemResult,
    FollowUpResult,
    NoticeItem,
    NoticeStatus,
    NoticeSummary,
    Receipt,
    Reply,
)
from inspector.domain.templates import Severity

_SUMMARY = """
SELECT n.id, n.number, n.inspection_id, n.unit_id, n.addressee_unit, n.addressee, n.covert, n.issued_at,
       n.issued_by, COALESCE(u.display_name, ''), n.working_days, n.deadline, n.followup_date,
       n.deadline_estimated, s.status, s.acknowledged_at, s.replied_at, s.closed_at,
       (SELECT number FROM notices x WHERE x.id = s.successor_id),
       (SELECT number FROM notices x WHERE x.id = n.supersedes_id),
       (SELECT number FROM notices x WHERE x.id = n.reissue_of_id),
       (SELECT COUNT(*) FROM notice_items i WHERE i.notice_id = n.id),
       (SELECT COUNT(*) FROM notice_items i WHERE i.notice_id = n.id AND i.recurred = 1),
       (SELECT COUNT(*) FROM followups f WHERE f.notice_id = n.id AND f.result = 'fail'),
       n.pdf_sha256
FROM notices n JOIN notice_state s ON s.notice_id = n.id LEFT JOIN users u ON u.id = n.issued_by
"""


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _summary(row: tuple[Any, ...]) -> NoticeSummary:
    return NoticeSummary(
        id=row[0], number=row[1], inspection_id=row[2], unit_id=row[3], addressee_unit=row[4], addressee=row[5],
        covert=bool(row[6]), issued_at=datetime.fromisoformat(row[7]), issued_by=row[8], issuer_name=row[9],
        working_days=row[10], deadline=date.fromisoformat(row[11]), followup_date=date.fromisoformat(row[12]),
        deadline_estimated=bool(row[13]), status=NoticeStatus(row[14]), acknowledged_at=_when(row[15]),
        replied_at=_when(row[16]), closed_at=_when(row[17]), successor_number=row[18], supersedes_number=row[19],
        reissue_of_number=row[20], item_count=row[21], recurred=row[22] > 0, failed_followups=row[23],
        pdf_sha256=row[24],
    )


def next_serial(db: sqlite_utils.Database, year: int) -> int:
    """The next serial of ``year`` (1, 2, …); call inside the write transaction that uses it."""
    db.execute("INSERT INTO notice_serials (year, last_serial) VALUES (?, 1) "
               "ON CONFLICT(year) DO UPDATE SET last_serial = last_serial + 1", [year])
    return int(db.execute("SELECT last_serial FROM notice_serials WHERE year = ?", [year]).fetchone()[0])


def peek_serial(db: sqlite_utils.Database, year: int) -> int:
    """The serial the next notice of ``year`` would get (for a preview; nothing reserved)."""
    row = db.execute("SELECT last_serial FROM notice_serials WHERE year = ?", [year]).fetchone()
    return (row[0] if row else 0) + 1


def insert(db: sqlite_utils.Database, values: dict[str, Any], items: list[NoticeItem], at: str) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    notice_id = int(db.execute(f"INSERT INTO notices ({columns}) VALUES ({marks})", list(values.values())).lastrowid)
    for item in items:
        db.execute(
            "INSERT INTO notice_items (notice_id, position, finding_id, item_code, problem, measure, severity,"
            " recurred) VALUES (?,?,?,?,?,?,?,?)",
            [notice_id, item.position, item.finding_id, item.item_code, item.problem, item.measure,
             item.severity.value, int(item.recurred)],
        )
    db.execute("INSERT INTO notice_state (notice_id, status, updated_at) VALUES (?, 'issued', ?)", [notice_id, at])
    return notice_id


def set_status(db: sqlite_utils.Database, notice_id: int, status: NoticeStatus, at: str, *,
               stamp: str | None = None, successor_id: int | None = None) -> None:
    """Move a notice to ``status``; ``stamp`` names the time column to set (acknowledged_at …)."""
    sets = ["status = ?", "updated_at = ?"]
    params: list[Any] = [status.value, at]
    if stamp in ("acknowledged_at", "replied_at", "closed_at"):
        sets.append(f"{stamp} = ?")
        params.append(at)
    if successor_id is not None:
        sets.append("successor_id = ?")
        params.append(successor_id)
    db.execute(f"UPDATE notice_state SET {', '.join(sets)} WHERE notice_id = ?", [*params, notice_id])


def get(db: sqlite_utils.Database, notice_id: int) -> NoticeSummary | None:
    row = db.execute(_SUMMARY + " WHERE n.id = ?", [notice_id]).fetchone()
    return _summary(row) if row else None


def by_number(db: sqlite_utils.Database, number: str) -> NoticeSummary | None:
    row = db.execute(_SUMMARY + " WHERE n.number = ?", [number]).fetchone()
    return _summary(row) if row else None


def list_summaries(
    db: sqlite_utils.Database, *, statuses: list[str] | None = None, unit_id: int | None = None,
    inspection_id: int | None = None, deadline_before: str | None = None, issued_from: str | None = None,
    issued_to: str | None = None, text: str | None = None, limit: int = 1000,
) -> list[NoticeSummary]:
    where, params = [], []
    if statuses:
        where.append(f"s.status IN ({', '.join('?' for _ in statuses)})")
        params += statuses
    if unit_id is not None:
        where.append("n.unit_id = ?")
        params.append(unit_id)
    if inspection_id is not None:
        where.append("n.inspection_id = ?")
        params.append(inspection_id)
    if deadline_before is not None:
        where.append("n.deadline < ?")
        params.append(deadline_before)
    if issued_from is not None:
        where.append("n.issued_at >= ?")
        params.append(issued_from)
    if issued_to is not None:
        where.append("n.issued_at < ?")
        params.append(issued_to)
    if text:
        where.append("(n.number LIKE ? OR n.addressee_unit LIKE ? OR n.addressee LIKE ? OR EXISTS ("
                     "SELECT 1 FROM notice_items i WHERE i.notice_id = n.id AND (i.problem LIKE ? OR i.item_code LIKE ?)))")
        params += [f"%{text}%"] * 5
    sql = _SUMMARY + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY n.issued_at DESC, n.id DESC LIMIT ?"
    return [_summary(row) for row in db.execute(sql, [*params, limit]).fetchall()]


def items(db: sqlite_utils.Database, notice_id: int) -> list[NoticeItem]:
    rows = db.execute("SELECT position, finding_id, item_code, problem, measure, severity, recurred FROM notice_items"
                      " WHERE notice_id = ? ORDER BY position", [notice_id]).fetchall()
    return [NoticeItem(position=r[0], finding_id=r[1], item_code=r[2], problem=r[3], measure=r[4],
                       severity=Severity(r[5]), recurred=bool(r[6])) for r in rows]


def document_json(db: sqlite_utils.Database, notice_id: int) -> tuple[str, str]:
    """The notice as issued (NoticeDocument JSON) and the relative path of its PDF."""
    row = db.execute("SELECT document, pdf_path FROM notices WHERE id = ?", [notice_id]).fetchone()
    return row[0], row[1]


def open_finding_ids_in_notices(db: sqlite_utils.Database, finding_ids: list[int]) -> set[int]:
    """Which of ``finding_ids`` are already on a notice that is not superseded."""
    if not finding_ids:
        return set()
    marks = ", ".join("?" for _ in finding_ids)
    rows = db.execute(
        f"SELECT i.finding_id FROM notice_items i JOIN notice_state s ON s.notice_id = i.notice_id"
        f" WHERE i.finding_id IN ({marks}) AND s.status != 'superseded'", finding_ids).fetchall()
    return {row[0] for row in rows}


def recurring_items(db: sqlite_utils.Database, *, subject_kind: str, subject_id: int, item_codes: list[str],
                    since: str, before: str, exclude_inspection: int) -> set[str]:
    """Item codes failed on the same subject by another inspection observed in [since, before)."""
    if not item_codes:
        return set()
    marks = ", ".join("?" for _ in item_codes)
    rows = db.execute(
        f"SELECT DISTINCT f.item_code FROM findings f JOIN inspections i ON i.id = f.inspection_id"
        f" WHERE i.subject_kind = ? AND i.subject_id = ? AND f.item_code IN ({marks})"
        f" AND i.observed_at >= ? AND i.observed_at < ? AND i.id != ?",
        [subject_kind, subject_id, *item_codes, since, before, exclude_inspection]).fetchall()
    return {row[0] for row in rows}


def set_finding_status(db: sqlite_utils.Database, finding_ids: list[int], status: str) -> None:
    for finding_id in finding_ids:
        db.execute("UPDATE findings SET status = ? WHERE id = ?", [status, finding_id])


# --- after issue ------------------------------------------------------------------------------

def put_receipt(db: sqlite_utils.Database, receipt: Receipt) -> None:
    db.execute("INSERT INTO notice_receipts (notice_id, signer_name, signed_at, signature_png, recorded_by)"
               " VALUES (?,?,?,?,?)", [receipt.notice_id, receipt.signer_name, receipt.signed_at.isoformat(),
                                      receipt.signature_png, receipt.recorded_by])


def receipt(db: sqlite_utils.Database, notice_id: int) -> Receipt | None:
    row = db.execute("SELECT signer_name, signed_at, signature_png, recorded_by FROM notice_receipts"
                     " WHERE notice_id = ?", [notice_id]).fetchone()
    if not row:
        return None
    return Receipt(notice_id=notice_id, signer_name=row[0], signed_at=datetime.fromisoformat(row[1]),
                   signature_png=row[2], recorded_by=row[3])


def put_reply(db: sqlite_utils.Database, reply: Reply) -> None:
    db.execute("INSERT INTO notice_replies (notice_id, measures, preventive, replied_on, replied_by, recorded_at,"
               " recorded_by) VALUES (?,?,?,?,?,?,?)",
               [reply.notice_id, reply.measures, reply.preventive, reply.replied_on.isoformat(), reply.replied_by,
                reply.recorded_at.isoformat(), reply.recorded_by])
    for position, photo_id in enumerate(reply.photo_ids):
        db.execute("INSERT INTO reply_photos (notice_id, photo_id, position) VALUES (?,?,?)",
                   [reply.notice_id, photo_id, position])


def reply(db: sqlite_utils.Database, notice_id: int) -> Reply | None:
    row = db.execute("SELECT measures, preventive, replied_on, replied_by, recorded_at, recorded_by"
                     " FROM notice_replies WHERE notice_id = ?", [notice_id]).fetchone()
    if not row:
        return None
    photos = [r[0] for r in db.execute("SELECT photo_id FROM reply_photos WHERE notice_id = ? ORDER BY position",
                                       [notice_id]).fetchall()]
    return Reply(notice_id=notice_id, measures=row[0], preventive=row[1], replied_on=date.fromisoformat(row[2]),
                 replied_by=row[3], recorded_at=datetime.fromisoformat(row[4]), recorded_by=row[5],
                 photo_ids=tuple(photos))


def insert_followup(db: sqlite_utils.Database, *, notice_id: int, result: FollowUpResult, note: str,
                    recorded_at: str, recorded_by: int, items: list[FollowUpItemResult]) -> int:
    followup_id = int(db.execute(
        "INSERT INTO followups (notice_id, result, note, recorded_at, recorded_by) VALUES (?,?,?,?,?)",
        [notice_id, result.value, note, recorded_at, recorded_by]).lastrowid)
    for item in items:
        db.execute("INSERT INTO followup_items (followup_id, position, result, note) VALUES (?,?,?,?)",
                   [followup_id, item.position, item.result.value, item.note])
        for seq, photo_id in enumerate(item.photo_ids):
            db.execute("INSERT INTO followup_photos (followup_id, position, photo_id, seq) VALUES (?,?,?,?)",
                       [followup_id, item.position, photo_id, seq])
    return followup_id


def link_reissue(db: sqlite_utils.Database, followup_id: int, notice_id: int) -> None:
    db.execute("UPDATE followups SET reissued_notice_id = ? WHERE id = ?", [notice_id, followup_id])


def followups(db: sqlite_utils.Database, notice_id: int) -> list[FollowUp]:
    rows = db.execute("SELECT id, result, note, recorded_at, recorded_by, reissued_notice_id FROM followups"
                      " WHERE notice_id = ? ORDER BY id", [notice_id]).fetchall()
    found = []
    for row in rows:
        photos: dict[int, list[int]] = {}
        for position, photo_id in db.execute("SELECT position, photo_id FROM followup_photos WHERE followup_id = ?"
                                             " ORDER BY position, seq", [row[0]]).fetchall():
            photos.setdefault(position, []).append(photo_id)
        item_rows = db.execute("SELECT position, result, note FROM followup_items WHERE followup_id = ?"
                               " ORDER BY position", [row[0]]).fetchall()
        found.append(FollowUp(
            id=row[0], notice_id=notice_id, result=FollowUpResult(row[1]), note=row[2],
            recorded_at=datetime.fromisoformat(row[3]), recorded_by=row[4], reissued_notice_id=row[5],
            items=tuple(FollowUpItemResult(position=p, result=FollowUpResult(r), note=n,
                                           photo_ids=tuple(photos.get(p, ()))) for p, r, n in item_rows),
        ))
    return found


def insert_signed_copy(db: sqlite_utils.Database, *, notice_id: int, signer_id: int, signed_at: str,
                       pdf_path: str, pdf_sha256: str) -> int:
    return int(db.execute("INSERT INTO notice_signatures (notice_id, signer_id, signed_at, pdf_path, pdf_sha256)"
                          " VALUES (?,?,?,?,?)", [notice_id, signer_id, signed_at, pdf_path, pdf_sha256]).lastrowid)


def signed_copies(db: sqlite_utils.Database, notice_id: int) -> list[dict[str, Any]]:
    rows = db.execute("SELECT s.id, s.signer_id, COALESCE(u.display_name, ''), s.signed_at, s.pdf_path, s.pdf_sha256"
                      " FROM notice_signatures s LEFT JOIN users u ON u.id = s.signer_id"
                      " WHERE s.notice_id = ? ORDER BY s.id", [notice_id]).fetchall()
    keys = ("id", "signer_id", "signer_name", "signed_at", "pdf_path", "pdf_sha256")
    return [dict(zip(keys, row)) for row in rows]


def pdf_files(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    """(number, relative path, sha256) of every issued PDF and signed copy, for ``check``."""
    rows = db.execute("SELECT number, pdf_path, pdf_sha256 FROM notices UNION ALL "
                      "SELECT n.number, s.pdf_path, s.pdf_sha256 FROM notice_signatures s "
                      "JOIN notices n ON n.id = s.notice_id").fetchall()
    return [tuple(row) for row in rows]


# The columns of an issued notice that repeat what its stored document says (``check`` compares them).
ISSUED_COLUMNS = ("id", "number", "year", "covert", "working_days", "deadline", "followup_date",
                  "deadline_estimated", "addressee_unit", "addressee", "content_sha256", "pdf_sha256", "document")


def issued_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every issued notice as stored (``ISSUED_COLUMNS``), in number order, for ``check``."""
    rows = db.execute(f"SELECT {', '.join(ISSUED_COLUMNS)} FROM notices ORDER BY number").fetchall()
    return [dict(zip(ISSUED_COLUMNS, row)) for row in rows]


def all_pdf_paths(db: sqlite_utils.Database) -> set[str]:
    """The relative path of every file a notice row points to (issued PDFs and signed copies)."""
    rows = db.execute("SELECT pdf_path FROM notices UNION SELECT pdf_path FROM notice_signatures").fetchall()
    return {row[0] for row in rows}


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def pending_reissue(db: sqlite_utils.Database, notice_id: int) -> tuple[int, set[int]] | None:
    """The latest failed follow-up of ``notice_id`` that no notice reissued yet (one recorded on a
    laptop, which leaves the reissue to the office), with the positions it found not fixed."""
    row = db.execute("SELECT id FROM followups WHERE notice_id = ? AND result = 'fail' AND reissued_notice_id IS NULL"
                     " ORDER BY id DESC LIMIT 1", [notice_id]).fetchone()
    if row is None:
        return None
    positions = {int(found[0]) for found in db.execute(
        "SELECT position FROM followup_items WHERE followup_id = ? AND result = 'fail'", [row[0]]).fetchall()}
    return int(row[0]), positions
