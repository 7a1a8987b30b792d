"""The codec of a complaint (投诉与旅客意见) as it travels from the quality office, which alone takes
and carries complaints, to a manager's laptop, which reads the cases of its unit.

A case is one entity: its intake (never changed), its append-only events with the photos of each
investigation, the findings made from it, and where it stands as the office computed it. A later
step at the office makes a new revision of the entity; on the receiving side that revision only
appends the events it does not hold yet, after checking that those it holds are the same.

The complainant travels masked (``王**``, ``138****1234``): 「投诉人的姓名和电话只有质量办可见」—
their name and phone stay in the data folder of the office that took the call, so no exchange
file for a unit carries them (``mask_name``/``mask_phone``, the masking the services show readers).
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from inspector.domain.complaints import mask_name, mask_phone
from inspector.domain.records import RecordKind as K
from inspector.storage.travel.codec import Column as C
from inspector.storage.travel.codec import TableCodec, children, rejected, scalar
from inspector.storage.travel.ids import RecordIds

_STATE_FIELDS = ("status", "round", "due_at", "department_due_at", "extended", "investigated", "liability",
                 "opinion", "result_at", "closed_at", "updated_at")
_EVENT_FIELDS = ("seq", "kind", "at")


class ComplaintCodec(TableCodec):
    def read(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        body = super().read(db, ids, local_id)
        body["complainant_name"] = mask_name(str(body.get("complainant_name") or ""))
        body["complainant_phone"] = mask_phone(str(body.get("complainant_phone") or ""))
        return body

    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        events = []
        for seq, kind, at, by, data in db.execute(
                "SELECT seq, kind, at, by_user, data FROM complaint_events WHERE complaint_id = ? ORDER BY seq",
                [local_id]).fetchall():
            values = json.loads(data)
            if "findings" in values:  # local finding ids in the step's data travel as global ids
                values["findings"] = [ids.gid(K.FINDING, int(finding)) for finding in values["findings"]]
            events.append({"seq": seq, "kind": kind, "at": at, "by": ids.gid(K.USER, int(by)), "data": values})
        photos = [{"seq": seq, "photo": ids.gid(K.PHOTO, int(photo)), "position": position}
                  for seq, photo, position in db.execute(
                      "SELECT seq, photo_id, position FROM complaint_photos WHERE complaint_id = ?"
                      " ORDER BY seq, position", [local_id]).fetchall()]
        findings = [ids.gid(K.FINDING, int(row[0])) for row in db.execute(
            "SELECT finding_id FROM complaint_findings WHERE complaint_id = ? ORDER BY finding_id", [local_id])]
        row = db.execute(f"SELECT {', '.join(_STATE_FIELDS)} FROM complaint_state WHERE complaint_id = ?",
                         [local_id]).fetchone()
        return {"events": events, "photos": photos, "findings": findings,
                "state": dict(zip(_STATE_FIELDS, row)) if row is not None else None}

    def update(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
               record: str) -> None:
        """A later state of the case: the intake must be the one held (it never changes); the
        events, photos and findings held must be a beginning of those arriving."""
        held = self.values(ids, body, record)
        names = ", ".join(held)
        row = db.execute(f"SELECT {names} FROM complaints WHERE id = ?", [local_id]).fetchone()
        if row is None or list(row) != list(held.values()):
            raise rejected(record, "its intake differs from the one held here, and an intake never changes")
        self.write_children(db, ids, local_id, body, record, new=False)

    def write_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
                       record: str, *, new: bool) -> None:
        held = {int(row[0]): (row[1], row[2]) for row in db.execute(
            "SELECT seq, kind, at FROM complaint_events WHERE complaint_id = ?", [local_id]).fetchall()}
        arriving = children(body, "events", record)
        if len(arriving) < len(held):
            raise rejected(record, "it holds fewer steps than are recorded here, and steps are never removed")
        for event in arriving:
            seq, kind, at = (scalar(event, name, record) for name in _EVENT_FIELDS)
            if not isinstance(seq, int):
                raise rejected(record, "a step's number is not a whole number")
            if seq in held:
                if held[seq] != (kind, at):
                    raise rejected(record, f"its step {seq} differs from the one recorded here")
                continue
            data = event.get("data", {})
            if not isinstance(data, dict):
                raise rejected(record, f"the data of step {seq} is not a set of fields")
            if "findings" in data:
                data = {**data, "findings": [ids.require(K.FINDING, gid, record=record) for gid in data["findings"]]}
            by = ids.require(K.USER, scalar(event, "by", record), record=record)
            db.execute("INSERT INTO complaint_events (complaint_id, seq, kind, at, by_user, data) VALUES (?,?,?,?,?,?)",
                       [local_id, seq, kind, at, by, json.dumps(data, ensure_ascii=False, sort_keys=True)])
        for photo in children(body, "photos", record):
            photo_id = ids.require(K.PHOTO, scalar(photo, "photo", record), record=record)
            db.execute("INSERT OR IGNORE INTO complaint_photos (complaint_id, seq, photo_id, position)"
                       " VALUES (?,?,?,?)", [local_id, scalar(photo, "seq", record), photo_id,
                                             scalar(photo, "position", record)])
        findings = body.get("findings", [])
        if not isinstance(findings, list):
            raise rejected(record, "the field findings is not a list")
        for gid in findings:
            finding = ids.require(K.FINDING, gid, record=record)
            db.execute("INSERT OR IGNORE INTO complaint_findings (complaint_id, finding_id) VALUES (?, ?)",
                       [local_id, finding])
        state = body.get("state")
        if not isinstance(state, dict) or any(name not in state for name in _STATE_FIELDS):
            raise rejected(record, "it does not say where the case stands")
        values = [scalar(state, name, record, optional=True) for name in _STATE_FIELDS]
        db.execute(f"INSERT INTO complaint_state (complaint_id, {', '.join(_STATE_FIELDS)})"
                   f" VALUES (?, {', '.join('?' for _ in _STATE_FIELDS)}) ON CONFLICT(complaint_id) DO UPDATE SET "
                   + ", ".join(f"{name} = excluded.{name}" for name in _STATE_FIELDS), [local_id, *values])


COMPLAINT = ComplaintCodec(K.COMPLAINT, "complaints", (
    C("number"), C("channel"), C("kind"), C("order_no"), C("severity"), C("behaviour"), C("major"), C("urgent"),
    C("rural"), C("received_at"), C("event_at"), C("place"), C("route"), C("vehicle_id", K.VEHICLE),
    C("staff_id", K.STAFF), C("unit_id", K.UNIT), C("what"), C("complainant_name"), C("complainant_phone"),
    C("taken_by", K.USER), C("entered_at"),
), created="entered_at", natural=("number",), mutable=True)
