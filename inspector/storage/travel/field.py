"""Codecs of what is recorded in the field: photos (metadata; the bytes travel by hash),
completed inspections with their answers and on-site acknowledgement, and findings. A finding's
status follows from the notices and follow-ups that arrive, except a fix on the spot (日清日结)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import sqlite_utils

from inspector.domain.records import RecordKind as K
from inspector.storage.travel.codec import Column as C
from inspector.storage.travel.codec import TableCodec, children, rejected, scalar
from inspector.storage.travel.ids import RecordIds

PHOTO = TableCodec(K.PHOTO, "photos", (
    C("sha256"), C("suffix"), C("original_name"), C("mime"), C("width"), C("height"), C("taken_at"),
    C("latitude"), C("longitude"), C("added_at"), C("added_by", K.USER), C("annotations"),
), created="added_at", natural=("sha256",), mutable=True)  # annotations are drawn later

SUBJECT_KINDS = {"vehicle": K.VEHICLE, "staff": K.STAFF, "location": K.LOCATION, "unit": K.UNIT}
_ANSWER_FIELDS = ("item_code", "result", "value", "note", "severity", "answered_at")


class InspectionCodec(TableCodec):
    """A completed inspection, its answers and each answer's photos; reopening and completing it
    again on the laptop sends a new revision."""

    def local_ids(self, db: sqlite_utils.Database, where: str = "", params: list[Any] | None = None) -> list[int]:
        condition = "status = 'completed'" + (f" AND ({where})" if where else "")
        return super().local_ids(db, condition, params)

    def read(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        body = super().read(db, ids, local_id)
        kind = SUBJECT_KINDS.get(str(body["subject_kind"]))
        if kind is not None:
            body["subject_id"] = ids.gid(kind, int(body["subject_id"]))
        return body

    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        answers = []
        for row in db.execute(f"SELECT {', '.join(_ANSWER_FIELDS)} FROM answers WHERE inspection_id = ?"
                              " ORDER BY item_code", [local_id]).fetchall():
            answer = dict(zip(_ANSWER_FIELDS, row))
            photos = db.execute("SELECT photo_id FROM answer_photos WHERE inspection_id = ? AND item_code = ?"
                                " ORDER BY position, photo_id", [local_id, answer["item_code"]]).fetchall()
            answer["photos"] = [ids.gid(K.PHOTO, int(photo[0])) for photo in photos]
            answers.append(answer)
        children_ = {"answers": answers}
        acknowledged = db.execute("SELECT signer_name, signed_at, signature_png, recorded_by"
                                  " FROM inspection_acknowledgements WHERE inspection_id = ?", [local_id]).fetchone()
        if acknowledged is not None:  # absent, not null, when there is none: older hashes stay the same
            signer, signed_at, png, recorded_by = acknowledged
            children_["acknowledgement"] = {
                "signer_name": signer, "signed_at": signed_at,
                "signature_png": base64.b64encode(png).decode("ascii") if png is not None else None,
                "recorded_by": ids.gid(K.USER, int(recorded_by)),
            }
        return children_

    def values(self, ids: RecordIds, body: dict[str, Any], record: str) -> dict[str, Any]:
        kind = SUBJECT_KINDS.get(str(body.get("subject_kind")))
        if kind is None:
            raise rejected(record, f"unknown subject kind {body.get('subject_kind')!r}")
        values = super().values(ids, {**body, "subject_id": None}, record)
        values["subject_id"] = ids.require(kind, body.get("subject_id"), record=record)
        if values.get("status") != "completed":
            raise rejected(record, "only completed inspections travel")
        return values

    def write_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
                       record: str, *, new: bool) -> None:
        if not new:
            db.execute("DELETE FROM answer_photos WHERE inspection_id = ?", [local_id])
            db.execute("DELETE FROM answers WHERE inspection_id = ?", [local_id])
            db.execute("DELETE FROM inspection_acknowledgements WHERE inspection_id = ?", [local_id])
        self._write_acknowledgement(db, ids, local_id, body.get("acknowledgement"), record)
        for answer in children(body, "answers", record):
            values = [scalar(answer, name, record, optional=name in ("value", "severity")) for name in _ANSWER_FIELDS]
            db.execute(f"INSERT INTO answers (inspection_id, {', '.join(_ANSWER_FIELDS)}) VALUES (?,?,?,?,?,?,?)",
                       [local_id, *values])
            photos = answer.get("photos", [])
            if not isinstance(photos, list):
                raise rejected(record, "an answer's photos are not a list")
            for position, photo in enumerate(photos):
                db.execute("INSERT INTO answer_photos (inspection_id, item_code, photo_id, position) VALUES (?,?,?,?)",
                           [local_id, values[0], ids.require(K.PHOTO, photo, record=record), position])

    @staticmethod
    def _write_acknowledgement(db: sqlite_utils.Database, ids: RecordIds, local_id: int, entry: Any,
                               record: str) -> None:
        """The on-site acknowledgement (现场确认) signed for the inspection, if one came with it."""
        if entry is None:
            return
        if not isinstance(entry, dict):
            raise rejected(record, "the acknowledgement is not an entry")
        png = scalar(entry, "signature_png", record, optional=True)
        try:
            signature = base64.b64decode(png, validate=True) if png is not None else None
        except (binascii.Error, TypeError) as error:
            raise rejected(record, "the acknowledgement's signature is not base64") from error
        db.execute("INSERT INTO inspection_acknowledgements (inspection_id, signer_name, signed_at, signature_png,"
                   " recorded_by) VALUES (?,?,?,?,?)",
                   [local_id, scalar(entry, "signer_name", record), scalar(entry, "signed_at", record), signature,
                    ids.require(K.USER, entry.get("recorded_by"), record=record)])


INSPECTION = InspectionCodec(K.INSPECTION, "inspections", (
    C("template_version_id", K.TEMPLATE_VERSION), C("mode"), C("status"), C("subject_kind"), C("subject_id"),
    C("subject_label"), C("unit_id", K.UNIT), C("responsible_staff_id", K.STAFF), C("author_id", K.USER),
    C("observed_at"), C("entered_at"), C("completed_at"), C("score"), C("max_score"), C("veto_failed"),
    C("evidence"), C("staff_role"), C("reopened_count"),
), created="entered_at", mutable=True)

class FindingCodec(TableCodec):
    """A finding; its status follows from the notices and follow-ups that arrive, except 日清日结:
    a walk-around finding fixed on the spot is the laptop's own event and travels as
    ``fixed_on_spot`` (absent otherwise, so the hash of every other finding stays the same)."""

    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        row = db.execute("SELECT status FROM findings WHERE id = ?", [local_id]).fetchone()
        return {"fixed_on_spot": True} if row is not None and row[0] == "fixed_on_spot" else {}

    def write_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
                       record: str, *, new: bool) -> None:
        fixed = body.get("fixed_on_spot", False)
        if not isinstance(fixed, bool):
            raise rejected(record, "the field fixed_on_spot is not true or false")
        if fixed:
            db.execute("UPDATE findings SET status = 'fixed_on_spot' WHERE id = ? AND status = 'open'", [local_id])


FINDING = FindingCodec(K.FINDING, "findings", (
    C("inspection_id", K.INSPECTION), C("item_code"), C("section_code"), C("severity"), C("note"),
    C("unit_id", K.UNIT), C("responsible_staff_id", K.STAFF), C("created_at"),
), mutable=True)  # fixed on the spot after it was first sent: a later revision
