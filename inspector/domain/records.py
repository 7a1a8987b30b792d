"""Records that travel between machines: global ids, the envelope, its canonical form, who may
author each kind, and what a merge does with one incoming record.

A record that leaves its machine is a ``Record``: its kind, a global id fixed at creation (a UUID
version 7, RFC 9562: 48 bits of Unix milliseconds, then random bits, so ids sort by creation time
and index well), the id of the device that created it, and a JSON body. Its *canonical form* is
one byte string — JSON with sorted keys, no whitespace, UTF-8 with the characters themselves
(``ensure_ascii=False``) — and its *content hash* is the SHA-256 of that form. Both transports
(the ``.inspx`` file and, later, the office hub) carry exactly this form, so two machines agree
on "the same record" by comparing hashes.

One writer per record: every kind has exactly one owner side (``OWNER_OF``). A later state is a
new record (an event), never an edit, so a merge never chooses a winner: an incoming record is
``new``, the ``same`` as the one stored, or a ``conflict`` (same id, other content), which is
reported and never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, JsonValue, field_validator, model_validator

from inspector.domain.errors import ValidationError
from inspector.domain.photos import SHA256_PATTERN

_RANDOM_BITS = 74  # rand_a (12) + rand_b (62): everything after the timestamp but version and variant
_MAX_RANDOM = (1 << _RANDOM_BITS) - 1
# Within one millisecond each id adds at least 1 and at most 2**32 to the random field: far below
# 2**74, so a millisecond holds billions of ids, yet the next id cannot be guessed from the last.
_STEP_BITS = 32


class IdGenerator:
    """UUID v7 ids that strictly increase, also within one millisecond and when the clock steps back.

    RFC 9562 §6.2 method 3 ("monotonic random"): in the same millisecond the 74 random bits of the
    previous id grow by a random step instead of being drawn afresh; if they would overflow, the
    timestamp moves one millisecond ahead. A clock that steps back is ignored until it has caught
    up, so ids made on one machine always sort in the order they were made.
    """

    def __init__(self, clock_ms: Callable[[], int] | None = None,
                 random_bits: Callable[[int], int] | None = None) -> None:
        self._clock_ms = clock_ms or (lambda: time.time_ns() // 1_000_000)
        self._random_bits = random_bits or (lambda bits: int.from_bytes(os.urandom((bits + 7) // 8)) >> (-bits % 8))
        self._lock = threading.Lock()  # ids may be made from worker threads (photo ingest)
        self._last_ms = -1
        self._last_random = 0

    def new(self) -> str:
        with self._lock:
            now = self._clock_ms()
            if now > self._last_ms:
                # Leave headroom below the top so that a burst in this millisecond rarely overflows.
                milliseconds, random = now, self._random_bits(_RANDOM_BITS - 1)
            else:
                milliseconds = self._last_ms
                random = self._last_random + 1 + self._random_bits(_STEP_BITS)
                if random > _MAX_RANDOM:
                    milliseconds, random = milliseconds + 1, self._random_bits(_RANDOM_BITS - 1)
            self._last_ms, self._last_random = milliseconds, random
        return str(_assemble(milliseconds, random))


def _assemble(milliseconds: int, random: int) -> uuid.UUID:
    if not 0 <= milliseconds < 1 << 48:
        raise ValueError(f"timestamp {milliseconds} ms does not fit in 48 bits")
    rand_a, rand_b = random >> 62, random & ((1 << 62) - 1)
    return uuid.UUID(int=(milliseconds << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b)


# One generator per process, like the uuid module's own state: ids must increase across every
# caller in the process, which separate generators could not promise.
_GENERATOR = IdGenerator()


def new_id() -> str:
    """A fresh global id: a UUID v7 in its canonical lowercase form, greater than every earlier one."""
    return _GENERATOR.new()


def id_at(moment: datetime) -> str:
    """A UUID v7 whose timestamp is ``moment`` and whose other bits are random — for giving rows
    that existed before global ids an id that sorts by when they were created."""
    if moment.tzinfo is None:
        raise ValueError("id_at needs an aware datetime")
    milliseconds = int(moment.timestamp() * 1000)
    return str(_assemble(milliseconds, int.from_bytes(os.urandom(10)) >> (80 - _RANDOM_BITS)))


def _canonical_uuid(text: Any) -> uuid.UUID | None:
    if not isinstance(text, str) or len(text) != 36:
        return None
    try:
        value = uuid.UUID(text)
    except ValueError:
        return None
    # Only the canonical spelling: otherwise one id could be written two ways and hash differently.
    return value if str(value) == text else None


def parse_id(text: Any) -> uuid.UUID:
    """``text`` as a UUID v7 of RFC 9562; ``record_id_invalid`` when it is not one, spelt canonically."""
    value = _canonical_uuid(text)
    if value is None or value.version != 7 or value.variant != uuid.RFC_4122:
        raise ValidationError("record_id_invalid", value=str(text)[:80])
    return value


def is_id(text: Any) -> bool:
    try:
        parse_id(text)
    except ValidationError:
        return False
    return True


def id_time(text: str) -> datetime:
    """When the id ``text`` was made (its 48-bit timestamp), in UTC."""
    return datetime.fromtimestamp(0, UTC) + timedelta(milliseconds=parse_id(text).int >> 80)


def _is_device_id(text: Any) -> bool:
    value = _canonical_uuid(text)
    return value is not None and value.variant == uuid.RFC_4122 and value.version in range(1, 9)


def parse_device_id(text: Any) -> uuid.UUID:
    """A device id: any RFC 9562 UUID in canonical form (v7 from ``new_id`` or v4 from elsewhere)."""
    if not _is_device_id(text):
        raise ValidationError("device_id_invalid", value=str(text)[:80])
    return uuid.UUID(text)


class RecordKind(StrEnum):
    """Every kind of record that travels. The value names the file in an exchange bag."""

    TEMPLATE_VERSION = "template_version"
    UNIT = "unit"
    VEHICLE = "vehicle"
    STAFF = "staff"
    LOCATION = "location"
    USER = "user"
    CERTIFICATE = "certificate"
    CA_CERTIFICATE = "ca_certificate"
    INSPECTION = "inspection"  # with its answers in the body
    FINDING = "finding"
    PHOTO = "photo"  # metadata only; the bytes travel beside it, named by body["sha256"]
    NOTICE = "notice"  # with its items in the body
    RECEIPT = "receipt"
    REPLY = "reply"
    FOLLOWUP = "followup"
    SIGNATURE = "signature"
    COMPLAINT = "complaint"  # the intake, its steps and where the case stands, complainant masked
    SETTINGS = "settings"
    ACKNOWLEDGEMENT = "acknowledgement"


class Owner(StrEnum):
    """The side of the organisation that may author a kind of record."""

    OFFICE = "office"  # the quality office's data folder (admin)
    LAPTOP = "laptop"  # a supervisor's or manager's data folder in the field


OWNER_OF: dict[RecordKind, Owner] = {
    # The office publishes the checklists and keeps the registry, the accounts and the CA.
    RecordKind.TEMPLATE_VERSION: Owner.OFFICE,
    RecordKind.UNIT: Owner.OFFICE,
    RecordKind.VEHICLE: Owner.OFFICE,
    RecordKind.STAFF: Owner.OFFICE,
    RecordKind.LOCATION: Owner.OFFICE,
    RecordKind.USER: Owner.OFFICE,
    RecordKind.CERTIFICATE: Owner.OFFICE,
    RecordKind.CA_CERTIFICATE: Owner.OFFICE,
    # What is seen in the field is recorded on the laptop that was there.
    RecordKind.INSPECTION: Owner.LAPTOP,
    RecordKind.FINDING: Owner.LAPTOP,
    RecordKind.PHOTO: Owner.LAPTOP,
    # Notices carry numbers from the office's one register, so only the office issues them, and
    # the signature of an issued notice (signer, time, PDF hash) is made where it is issued.
    RecordKind.NOTICE: Owner.OFFICE,
    RecordKind.SIGNATURE: Owner.OFFICE,
    # The unit signs for the notice, answers it and is checked again at the depot, in front of the
    # supervisor assigned to the follow-up: those steps are recorded on that supervisor's laptop.
    RecordKind.RECEIPT: Owner.LAPTOP,
    RecordKind.REPLY: Owner.LAPTOP,
    RecordKind.FOLLOWUP: Owner.LAPTOP,
    # Complaints are taken and carried by the quality office alone (a manager reads their unit's).
    RecordKind.COMPLAINT: Owner.OFFICE,
    # Working-day overrides and default periods are the office's; so is saying what it received.
    RecordKind.SETTINGS: Owner.OFFICE,
    RecordKind.ACKNOWLEDGEMENT: Owner.OFFICE,
}


def may_author(kind: RecordKind, side: Owner) -> bool:
    """Whether a data folder on ``side`` may create records of ``kind``."""
    return OWNER_OF[kind] is side


class Record(BaseModel):
    """One record as it travels: what it is, its global id, the device that made it, its content."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    kind: RecordKind
    id: str
    origin: str
    body: dict[str, JsonValue]

    @field_validator("kind", mode="before")
    @classmethod
    def _kind_from_text(cls, value: Any) -> Any:
        # Strict mode refuses a plain string for an enum; JSON only has strings.
        return RecordKind(value) if isinstance(value, str) else value

    @field_validator("id")
    @classmethod
    def _id_is_v7(cls, value: str) -> str:
        if not is_id(value):
            raise ValueError("id must be a UUID v7 in canonical form")
        return value

    @field_validator("origin")
    @classmethod
    def _origin_is_device(cls, value: str) -> str:
        if not _is_device_id(value):
            raise ValueError("origin must be a device id (a UUID in canonical form)")
        return value

    @model_validator(mode="after")
    def _photo_names_its_bytes(self) -> Record:
        if self.kind is RecordKind.PHOTO:
            sha256 = self.body.get("sha256")
            if not isinstance(sha256, str) or not SHA256_PATTERN.match(sha256):
                raise ValueError("a photo record's body needs the photo's sha256 (64 lowercase hex digits)")
        return self

    def canonical(self) -> bytes:
        """The one serialisation both transports carry: sorted keys, no whitespace, UTF-8."""
        return canonical_json(self.envelope())

    def content_hash(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()

    def envelope(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "id": self.id, "origin": self.origin, "body": self.body}


def canonical_json(value: Any) -> bytes:
    """``value`` as canonical JSON bytes (sorted keys, ``,``/``:`` separators, UTF-8, no NaN).

    Floats (a photo's latitude) are written as Python's shortest round-trip repr, so parsing the
    form and writing it again gives the same bytes on every machine running this code; NaN and
    infinities have no JSON spelling and are refused.
    """
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


class Merge(StrEnum):
    """What to do with one incoming record."""

    NEW = "new"  # not here yet: insert it
    SAME = "same"  # already here with the same content: skip it (a resent file is harmless)
    CONFLICT = "conflict"  # here with other content: refuse and name it, never overwrite


def merge_decision(incoming_hash: str, stored_hash: str | None) -> Merge:
    """The decision for a record whose content hash is ``incoming_hash`` when the record stored
    under the same id has ``stored_hash`` (None: no record with that id is stored)."""
    if stored_hash is None:
        return Merge.NEW
    return Merge.SAME if stored_hash == incoming_hash else Merge.CONFLICT


@dataclass
class MergePlan:
    """The decisions for a batch of incoming records, by id (in the order they came)."""

    new: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def plan_merge(incoming: Iterable[Record], stored: Mapping[str, str]) -> MergePlan:
    """Decide every record of ``incoming`` against ``stored`` (id → content hash of what is here).

    A record that appears twice in ``incoming`` is decided against its first appearance, as an
    importer inserting one after the other would.
    """
    plan = MergePlan()
    seen: dict[str, str] = {}
    for record in incoming:
        content = record.content_hash()
        decision = merge_decision(content, seen.get(record.id, stored.get(record.id)))
        seen.setdefault(record.id, content)
        {Merge.NEW: plan.new, Merge.SAME: plan.same, Merge.CONFLICT: plan.conflicts}[decision].append(record.id)
    return plan
