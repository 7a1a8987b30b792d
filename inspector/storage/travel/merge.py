"""One incoming record against what is stored: new (inserted, or adopted when the same entity
was made here from the same source), the same (skipped), a later state of an entity that may
change (applied), an earlier one (kept as history), or a conflict (refused, naming it)."""

from __future__ import annotations

from enum import StrEnum

import sqlite_utils

from inspector.domain.errors import InspectorError
from inspector.domain.records import Record, is_id
from inspector.storage.travel.catalogue import BY_KIND
from inspector.storage.travel.codec import rejected
from inspector.storage.travel.ids import RecordIds, Revisions


class Outcome(StrEnum):
    NEW = "new"
    SAME = "same"
    UPDATED = "updated"
    OLDER = "older"


def record_name(record: Record) -> str:
    return f"{record.kind.value} {record.body.get('entity', record.id)}"


def apply(db: sqlite_utils.Database, ids: RecordIds, revisions: Revisions, record: Record, sha256: str, *,
          sender: str, at: str) -> Outcome:
    name = record_name(record)
    known = revisions.get(record.id)
    if known is not None:
        if known.sha256 == sha256 and known.kind == record.kind.value:
            return Outcome.SAME
        raise InspectorError("exchange_record_conflict", record=name)
    entity = record.body.get("entity")
    if not is_id(entity):
        raise rejected(name, "it names no entity (a UUID v7)")
    assert isinstance(entity, str)
    codec = BY_KIND[record.kind]
    body = {key: value for key, value in record.body.items() if key != "entity"}
    local = ids.local(record.kind, entity)
    outcome = Outcome.NEW
    if local is None:
        adopted = codec.adopt(db, codec.values(ids, body, name))
        if adopted is not None:
            if ids.local_gid(record.kind, adopted) is not None:
                raise InspectorError("exchange_record_conflict", record=name)
            ids.bind(record.kind, adopted, entity, record.origin)
            if codec.mutable:
                codec.update(db, ids, adopted, body, name)
        else:
            local = codec.insert(db, ids, body, name)
            ids.bind(record.kind, local, entity, record.origin)
            codec.after_write(db, local, at)
    else:
        latest = revisions.latest(entity)
        if latest is not None and latest.record_id > record.id:
            outcome = Outcome.OLDER  # a later state is here already: this one is history
        else:
            codec.update(db, ids, local, body, name)
            outcome = Outcome.UPDATED
    revisions.add(record.id, record.kind, entity, sha256, record.origin, at, received_from=sender)
    return outcome
