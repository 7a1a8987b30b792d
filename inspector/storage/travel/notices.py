"""Codecs of the notice flow: issued notices with their problems (office), their signed copies
(office), and the steps recorded where the unit is — receipt, reply, follow-up. A notice's PDF
travels beside it by its SHA-256 and is stored under the name the issuing office gave it
(``notices/<number>.pdf``, the number checked, never a path from the file)."""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from inspector.domain.records import RecordKind as K
from inspector.storage.travel.codec import Column as C
from inspector.storage.travel.codec import TableCodec, children, rejected, scalar
from inspector.storage.travel.ids import RecordIds

NOTICE_NUMBER = re.compile(r"^ZG-\d{4}-\d{2}-\d{4}$")
_ITEM_FIELDS = ("position", "item_code", "problem", "measure", "severity", "recurred")


def notice_pdf_name(number: str, record: str) -> str:
    if not NOTICE_NUMBER.match(number):
        raise rejected(record, f"{number!r} is not a notice number")
    return f"notices/{number}.pdf"


class NoticeCodec(TableCodec):
    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        rows = db.execute(f"SELECT finding_id, {', '.join(_ITEM_FIELDS)} FROM notice_items WHERE notice_id = ?"
                          " ORDER BY position", [local_id]).fetchall()
        return {"items": [{"finding": ids.gid(K.FINDING, int(row[0])), **dict(zip(_ITEM_FIELDS, row[1:]))}
                          for row in rows]}

    def read(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        body = super().read(db, ids, local_id)
        body.pop("pdf_path", None)  # where the receiver keeps it is the receiver's
        return body

    def values(self, ids: RecordIds, body: dict[str, Any], record: str) -> dict[str, Any]:
        values = super().values(ids, {**body, "pdf_path": ""}, record)
        values["pdf_path"] = notice_pdf_name(str(values["number"]), record)
        return values

    def write_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
                       record: str, *, new: bool) -> None:
        for item in children(body, "items", record):
            finding = ids.require(K.FINDING, item.get("finding"), record=record)
            db.execute(f"INSERT INTO notice_items (notice_id, finding_id, {', '.join(_ITEM_FIELDS)})"
                       " VALUES (?,?,?,?,?,?,?,?)", [local_id, finding, *(scalar(item, name, record)
                                                                         for name in _ITEM_FIELDS)])

    def after_write(self, db: sqlite_utils.Database, local_id: int, at: str) -> None:
        db.execute("INSERT INTO notice_state (notice_id, status, updated_at) VALUES (?, 'issued', ?)", [local_id, at])
        db.execute("UPDATE findings SET status = 'noticed' WHERE status = 'open' AND id IN"
                   " (SELECT finding_id FROM notice_items WHERE notice_id = ?)", [local_id])
        supersedes, reissue_of = db.execute("SELECT supersedes_id, reissue_of_id FROM notices WHERE id = ?",
                                            [local_id]).fetchone()
        if supersedes is not None:
            db.execute("UPDATE notice_state SET status = 'superseded', successor_id = ?, updated_at = ?"
                       " WHERE notice_id = ?", [local_id, at, supersedes])
        if reissue_of is not None:
            db.execute("UPDATE notice_state SET status = 'reissued', successor_id = ?, updated_at = ?"
                       " WHERE notice_id = ?", [local_id, at, reissue_of])
            db.execute("UPDATE followups SET reissued_notice_id = ? WHERE id = (SELECT MAX(id) FROM followups"
                       " WHERE notice_id = ? AND result = 'fail')", [local_id, reissue_of])


NOTICE = NoticeCodec(K.NOTICE, "notices", (
    C("number"), C("year"), C("serial"), C("inspection_id", K.INSPECTION), C("unit_id", K.UNIT),
    C("addressee_unit"), C("addressee"), C("covert"), C("issued_at"), C("issued_by", K.USER), C("working_days"),
    C("deadline"), C("followup_date"), C("deadline_estimated"), C("content_sha256"), C("pdf_path"),
    C("pdf_sha256"), C("supersedes_id", K.NOTICE), C("reissue_of_id", K.NOTICE), C("document"),
), created="issued_at", natural=("number",))


class SignatureCodec(TableCodec):
    def read(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        body = super().read(db, ids, local_id)
        body.pop("pdf_path", None)
        return body

    def values(self, ids: RecordIds, body: dict[str, Any], record: str) -> dict[str, Any]:
        values = super().values(ids, {**body, "pdf_path": ""}, record)
        number = body.get("number")
        if not isinstance(number, str):
            raise rejected(record, "a signed copy names its notice's number")
        position = body.get("copy")
        if not isinstance(position, int) or isinstance(position, bool) or not 1 <= position <= 999:
            raise rejected(record, "a signed copy gives its place among the notice's copies")
        values["pdf_path"] = notice_pdf_name(number, record).replace(".pdf", f".signed-{position}.pdf")
        return values

    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        number, path = db.execute("SELECT n.number, s.pdf_path FROM notice_signatures s JOIN notices n"
                                  " ON n.id = s.notice_id WHERE s.id = ?", [local_id]).fetchone()
        match = re.search(r"\.signed-(\d+)\.pdf$", path)
        return {"number": number, "copy": int(match.group(1)) if match else 1}


SIGNATURE = SignatureCodec(K.SIGNATURE, "notice_signatures", (
    C("notice_id", K.NOTICE), C("signer_id", K.USER), C("signed_at"), C("pdf_path"), C("pdf_sha256"),
), created="signed_at")


class ReceiptCodec(TableCodec):
    def after_write(self, db: sqlite_utils.Database, local_id: int, at: str) -> None:
        signed_at = db.execute("SELECT signed_at FROM notice_receipts WHERE notice_id = ?", [local_id]).fetchone()[0]
        db.execute("UPDATE notice_state SET status = 'acknowledged', acknowledged_at = ?, updated_at = ?"
                   " WHERE notice_id = ? AND status = 'issued'", [signed_at, at, local_id])


RECEIPT = ReceiptCodec(K.RECEIPT, "notice_receipts", (
    C("notice_id", K.NOTICE), C("signer_name"), C("signed_at"), C("signature_png", blob=True),
    C("recorded_by", K.USER),
), key="notice_id", created="signed_at")


class ReplyCodec(TableCodec):
    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        rows = db.execute("SELECT photo_id FROM reply_photos WHERE notice_id = ? ORDER BY position", [local_id])
        return {"photos": [ids.gid(K.PHOTO, int(row[0])) for row in rows.fetchall()]}

    def write_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
                       record: str, *, new: bool) -> None:
        photos = body.get("photos", [])
        if not isinstance(photos, list):
            raise rejected(record, "the reply's photos are not a list")
        for position, photo in enumerate(photos):
            db.execute("INSERT INTO reply_photos (notice_id, photo_id, position) VALUES (?,?,?)",
                       [local_id, ids.require(K.PHOTO, photo, record=record), position])

    def after_write(self, db: sqlite_utils.Database, local_id: int, at: str) -> None:
        recorded = db.execute("SELECT recorded_at FROM notice_replies WHERE notice_id = ?", [local_id]).fetchone()[0]
        db.execute("UPDATE notice_state SET status = 'replied', replied_at = ?, updated_at = ?"
                   " WHERE notice_id = ? AND status IN ('issued', 'acknowledged')", [recorded, at, local_id])


REPLY = ReplyCodec(K.REPLY, "notice_replies", (
    C("notice_id", K.NOTICE), C("measures"), C("preventive"), C("replied_on"), C("replied_by"), C("recorded_at"),
    C("recorded_by", K.USER),
), key="notice_id", created="recorded_at")


class FollowUpCodec(TableCodec):
    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        items = []
        for position, result, note in db.execute("SELECT position, result, note FROM followup_items"
                                                 " WHERE followup_id = ? ORDER BY position", [local_id]).fetchall():
            photos = db.execute("SELECT photo_id FROM followup_photos WHERE followup_id = ? AND position = ?"
                                " ORDER BY seq", [local_id, position]).fetchall()
            items.append({"position": position, "result": result, "note": note,
                          "photos": [ids.gid(K.PHOTO, int(row[0])) for row in photos]})
        return {"items": items}

    def write_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
                       record: str, *, new: bool) -> None:
        for item in children(body, "items", record):
            position = scalar(item, "position", record)
            db.execute("INSERT INTO followup_items (followup_id, position, result, note) VALUES (?,?,?,?)",
                       [local_id, position, scalar(item, "result", record), scalar(item, "note", record)])
            photos = item.get("photos", [])
            if not isinstance(photos, list):
                raise rejected(record, "a follow-up item's photos are not a list")
            for seq, photo in enumerate(photos):
                db.execute("INSERT INTO followup_photos (followup_id, position, photo_id, seq) VALUES (?,?,?,?)",
                           [local_id, position, ids.require(K.PHOTO, photo, record=record), seq])

    def after_write(self, db: sqlite_utils.Database, local_id: int, at: str) -> None:
        notice_id, result, recorded_at = db.execute("SELECT notice_id, result, recorded_at FROM followups WHERE id = ?",
                                                    [local_id]).fetchone()
        db.execute("UPDATE findings SET status = 'closed' WHERE id IN (SELECT ni.finding_id FROM notice_items ni"
                   " JOIN followup_items fi ON fi.position = ni.position WHERE ni.notice_id = ? AND fi.followup_id = ?"
                   " AND fi.result = 'pass')", [notice_id, local_id])
        if result == "pass":
            db.execute("UPDATE notice_state SET status = 'closed', closed_at = ?, updated_at = ? WHERE notice_id = ?"
                       " AND status NOT IN ('closed', 'superseded', 'reissued')", [recorded_at, at, notice_id])


FOLLOWUP = FollowUpCodec(K.FOLLOWUP, "followups", (
    C("notice_id", K.NOTICE), C("result"), C("note"), C("recorded_at"), C("recorded_by", K.USER),
), created="recorded_at")
