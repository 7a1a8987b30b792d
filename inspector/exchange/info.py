"""What an exchange file says about itself (``bag-info.txt``): who sent it to whom, in which
order, under which schema, and what it holds.

The file is written as BagIt tag lines (``Label: value``, RFC 8493 §2.2.2), UTF-8, one value
per line; the reserved labels ``Source-Organization``, ``Bagging-Date``, ``Bag-Software-Agent``
and ``Payload-Oxum`` keep their BagIt meaning, everything of ours is ``Inspector-…``. Parsing
refuses a missing or unreadable field with ``exchange_info_invalid`` naming the label; labels it
does not know are skipped, so a later build may add a field without a new format version.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from inspector.domain.errors import ValidationError
from inspector.domain.records import RecordKind, parse_device_id
from inspector.exchange.errors import ExchangeInfoInvalid, ExchangeTooNew
from inspector.exchange.layout import FORMAT_VERSION, PhotoKind

OFFICE = "office"  # the receiver of a laptop's file: whichever data folder is the quality office
USER_PREFIX = "user:"  # the receiver of the office's file for a user whose laptop it does not know yet
_USERNAME = re.compile(r"^[^\s:/\\]{1,64}$")
_WHITESPACE = re.compile(r"\s+")
_COUNT = re.compile(r"^([a-z_]+)=(\d{1,12})$")
_OXUM = re.compile(r"^(\d{1,15})\.(\d{1,9})$")

LABELS = {
    "organisation_name": "Source-Organization",
    "format": "Inspector-Format",
    "schema": "Inspector-Schema",
    "organisation_id": "Inspector-Organization-Id",
    "sender_device": "Inspector-Sender-Device",
    "sender_name": "Inspector-Sender-Name",
    "receiver": "Inspector-Receiver",
    "sequence": "Inspector-Sequence",
    "acting_user": "Inspector-Acting-User",
    "audit_head": "Inspector-Audit-Head",
    "created": "Inspector-Created",
}
RECORDS_LABEL = "Inspector-Records"
PHOTOS_LABEL = "Inspector-Photos"
OXUM_LABEL = "Payload-Oxum"


def _is_device(value: str) -> bool:
    try:
        parse_device_id(value)
    except ValidationError:
        return False
    return True


class ExchangeInfo(BaseModel):
    """The header of one exchange file. The caller fills everything but the counts, which the
    writer sets from what was added and the reader checks against what it found."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    organisation_name: str
    organisation_id: str
    sender_device: str
    sender_name: str
    receiver: str  # a device id, OFFICE, or USER_PREFIX + a username
    sequence: int = Field(ge=1)  # per sender: 1, 2, 3… so that a lost file shows as a gap
    schema_version: int = Field(ge=1, alias="schema")
    acting_user: str  # the username whose certificate signs the file
    audit_head: str  # the sender's audit chain head, as the audit service spells it
    created: datetime
    format: int = FORMAT_VERSION
    record_counts: dict[RecordKind, int] = Field(default_factory=dict)
    photo_counts: dict[PhotoKind, int] = Field(default_factory=dict)

    @field_validator("organisation_name", "sender_name", "acting_user", "audit_head", mode="before")
    @classmethod
    def _one_line(cls, value: Any) -> Any:
        # A tag value is one line; a name typed with a line break would otherwise forge a field.
        return _WHITESPACE.sub(" ", value).strip() if isinstance(value, str) else value

    @field_validator("organisation_name", "sender_name", "acting_user")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value:
            raise ValueError("must not be empty")
        return value

    @field_validator("organisation_id", "sender_device")
    @classmethod
    def _device_like(cls, value: str) -> str:
        if not _is_device(value):
            raise ValueError("must be a UUID in canonical form")
        return value

    @field_validator("receiver")
    @classmethod
    def _receiver(cls, value: str) -> str:
        if value.startswith(USER_PREFIX) and _USERNAME.match(value[len(USER_PREFIX):]):
            return value
        if value != OFFICE and not _is_device(value):
            raise ValueError(f"must be a device id, {OFFICE!r} or {USER_PREFIX}<username>")
        return value

    @field_validator("created")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("must carry its time zone")
        return value.astimezone(UTC)


def render_bag_info(info: ExchangeInfo, payload_bytes: int, payload_files: int, agent: str) -> bytes:
    """``bag-info.txt`` for ``info`` (counts included) and the payload's size (Payload-Oxum)."""
    values = {
        "organisation_name": info.organisation_name, "format": str(info.format),
        "schema": str(info.schema_version), "organisation_id": info.organisation_id,
        "sender_device": info.sender_device, "sender_name": info.sender_name, "receiver": info.receiver,
        "sequence": str(info.sequence), "acting_user": info.acting_user, "audit_head": info.audit_head,
        "created": info.created.isoformat(),
    }
    lines = [f"Bag-Software-Agent: {agent}", f"Bagging-Date: {info.created.date().isoformat()}"]
    lines += [f"{LABELS[key]}: {value}" for key, value in values.items()]
    lines += [f"{RECORDS_LABEL}: {kind.value}={count}" for kind, count in sorted(info.record_counts.items())]
    lines += [f"{PHOTOS_LABEL}: {kind.value}={count}" for kind, count in sorted(info.photo_counts.items())]
    lines.append(f"{OXUM_LABEL}: {payload_bytes}.{payload_files}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _tags(data: bytes, file: str) -> dict[str, list[str]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ExchangeInfoInvalid("exchange_info_invalid", file=file, field="encoding") from None
    tags: dict[str, list[str]] = {}
    for line in text.split("\n"):
        if not line.strip():
            continue
        # Our writer never folds lines; a continuation line would be a second reading of a value.
        label, colon, value = line.partition(":")
        if not colon or line[0].isspace():
            raise ExchangeInfoInvalid("exchange_info_invalid", file=file, field=line[:40])
        tags.setdefault(label.strip(), []).append(value.strip())
    return tags


def _counts(values: list[str], known: type[RecordKind] | type[PhotoKind], file: str, label: str) -> dict[Any, int]:
    counts: dict[Any, int] = {}
    for value in values:
        match = _COUNT.match(value)
        try:
            kind = known(match.group(1)) if match else None
        except ValueError:
            kind = None
        if match is None or kind is None or kind in counts:
            raise ExchangeInfoInvalid("exchange_info_invalid", file=file, field=label)
        counts[kind] = int(match.group(2))
    return counts


def parse_bag_info(data: bytes, file: str) -> tuple[ExchangeInfo, tuple[int, int]]:
    """The header and the Payload-Oxum (bytes, files) of ``bag-info.txt``.

    The format version is read first: a newer layout may name its other fields differently, and
    "written by a newer version" is the message that helps, not "field missing".
    """
    tags = _tags(data, file)
    format_values = tags.get(LABELS["format"], [])
    if len(format_values) == 1 and format_values[0].isdigit() and int(format_values[0]) > FORMAT_VERSION:
        raise ExchangeTooNew("exchange_format_too_new", file=file, version=int(format_values[0]),
                             newest=FORMAT_VERSION)
    fields: dict[str, Any] = {}
    for key, label in LABELS.items():
        values = tags.get(label, [])
        if len(values) != 1:
            raise ExchangeInfoInvalid("exchange_info_invalid", file=file, field=label)
        fields[key] = values[0]
    oxum = tags.get(OXUM_LABEL, [])
    match = _OXUM.match(oxum[0]) if len(oxum) == 1 else None
    if match is None:
        raise ExchangeInfoInvalid("exchange_info_invalid", file=file, field=OXUM_LABEL)
    fields["record_counts"] = _counts(tags.get(RECORDS_LABEL, []), RecordKind, file, RECORDS_LABEL)
    fields["photo_counts"] = _counts(tags.get(PHOTOS_LABEL, []), PhotoKind, file, PHOTOS_LABEL)
    for key in ("format", "schema", "sequence"):
        if not re.fullmatch(r"\d{1,9}", fields[key]):
            raise ExchangeInfoInvalid("exchange_info_invalid", file=file, field=LABELS[key])
    try:
        info = ExchangeInfo.model_validate(fields)
    except ValueError as error:
        problem = getattr(error, "errors", lambda: [{"loc": ("?",)}])()[0]
        key = str(problem["loc"][0]) if problem.get("loc") else "?"
        raise ExchangeInfoInvalid("exchange_info_invalid", file=file, field=LABELS.get(key, key)) from None
    return info, (int(match.group(1)), int(match.group(2)))
