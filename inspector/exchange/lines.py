"""One record per line of ``data/records/<kind>.jsonl``: the record's canonical form with its
content hash beside it, and the strict reading of such a line.

A line is ``canonical_json({"body", "id", "kind", "origin", "sha256"})`` — the envelope plus
``sha256``, the SHA-256 of the envelope's own canonical form (``Record.content_hash``). Carrying
the hash lets the importer compare with what it stores without recomputing, and lets the reader
name the one line a faulty writer got wrong. The reader accepts a line only when it is exactly
the canonical bytes: a record has one spelling, so equal records are equal bytes in every file.
"""

from __future__ import annotations

import json

from pydantic import ValidationError as PydanticValidationError

from inspector.domain.records import Record, RecordKind, canonical_json
from inspector.exchange.errors import ExchangeRecordInvalid

HASH_KEY = "sha256"


def record_line(record: Record) -> bytes:
    """The line (with its newline) that carries ``record``."""
    return canonical_json({**record.envelope(), HASH_KEY: record.content_hash()}) + b"\n"


def parse_record_line(line: bytes, kind: RecordKind, *, file: str, member: str, number: int) -> Record:
    """The record on line ``number`` of ``member``; an ``ExchangeRecordInvalid`` naming the line otherwise."""
    where = {"file": file, "member": member, "line": number}
    body = line[:-1] if line.endswith(b"\n") else line
    try:
        fields = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ExchangeRecordInvalid("exchange_record_not_json", **where) from None
    if not isinstance(fields, dict) or not isinstance(fields.get(HASH_KEY), str):
        raise ExchangeRecordInvalid("exchange_record_invalid", **where, detail=HASH_KEY)
    claimed = fields.pop(HASH_KEY)
    try:
        record = Record.model_validate(fields)
    except PydanticValidationError as error:
        problem = error.errors()[0]
        detail = ".".join(str(part) for part in problem.get("loc", ())) or problem.get("type", "")
        raise ExchangeRecordInvalid("exchange_record_invalid", **where, detail=detail) from None
    if record.kind is not kind:
        raise ExchangeRecordInvalid("exchange_record_wrong_kind", **where, kind=record.kind.value)
    if record.content_hash() != claimed:
        raise ExchangeRecordInvalid("exchange_record_hash_mismatch", **where)
    if record_line(record) != body + b"\n":
        raise ExchangeRecordInvalid("exchange_record_not_canonical", **where)
    return record
