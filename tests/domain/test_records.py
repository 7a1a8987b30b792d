"""Global ids (UUID v7), the record envelope's canonical form and hash, ownership, merge decisions."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError as PydanticValidationError

from inspector.domain.errors import ValidationError
from inspector.domain.records import (
    OWNER_OF, IdGenerator, Merge, Owner, Record, RecordKind, canonical_json, id_at, id_time, is_id,
    may_author, merge_decision, new_id, parse_device_id, parse_id, plan_merge,
)

DEVICE = "0192f3a4-5b6c-7d8e-9f01-23456789abcd"
PHOTO_HASH = "ab" * 32


def test_ids_made_in_a_tight_loop_are_unique_and_sort_in_the_order_made() -> None:
    ids = [new_id() for _ in range(20_000)]  # far more than one per millisecond
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    assert [uuid.UUID(i).bytes for i in ids] == sorted(uuid.UUID(i).bytes for i in ids)


def test_id_bits_follow_rfc_9562_version_7() -> None:
    before = datetime.now(UTC)
    text = new_id()
    after = datetime.now(UTC)
    value = uuid.UUID(text)
    assert value.version == 7 and value.variant == uuid.RFC_4122
    assert (value.int >> 76) & 0xF == 7 and (value.int >> 62) & 0b11 == 0b10
    assert text == str(value) and text == text.lower() and len(text) == 36
    stamp = id_time(text)
    assert before - timedelta(milliseconds=1) <= stamp <= after + timedelta(milliseconds=1)


def test_ids_keep_increasing_when_the_clock_stands_still_or_steps_back() -> None:
    clock = iter([1_000, 1_000, 1_000, 999, 990, 1_000, 1_001])
    generator = IdGenerator(clock_ms=lambda: next(clock))
    ids = [generator.new() for _ in range(7)]
    assert ids == sorted(ids) and len(set(ids)) == 7
    assert [id_time(i) - id_time(ids[0]) for i in ids] == [timedelta(0)] * 6 + [timedelta(milliseconds=1)]


def test_a_full_millisecond_spills_into_the_next_one() -> None:
    # Random source at its maximum: every step in the same millisecond is as large as it can be.
    generator = IdGenerator(clock_ms=lambda: 5_000, random_bits=lambda bits: (1 << bits) - 1)
    ids = [generator.new()]
    # Reaching the top honestly takes 2**41 ids; start just below it instead.
    generator._last_random = (1 << 74) - 2
    ids += [generator.new() for _ in range(2)]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert id_time(ids[-1]) > id_time(ids[0])


def test_id_at_sorts_by_the_moment_given() -> None:
    early = datetime(2025, 3, 1, 8, 30, tzinfo=UTC)
    ids = [id_at(early + timedelta(seconds=n)) for n in range(5)]
    assert ids == sorted(ids)
    assert id_time(ids[0]) == early and all(is_id(i) for i in ids)
    with pytest.raises(ValueError):
        id_at(datetime(2025, 3, 1))


@pytest.mark.parametrize("text", [
    "not an id", "", None, 42,
    str(uuid.uuid4()),  # version 4: not time-ordered
    new_id().upper(),  # not canonical: the same id must never be spelt two ways
    "{" + new_id() + "}",
    new_id().replace("-", ""),
])
def test_parse_id_refuses_anything_but_a_canonical_v7(text: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_id(text)
    assert caught.value.code == "record_id_invalid"
    assert not is_id(text)


def test_device_ids_may_be_any_canonical_uuid() -> None:
    assert parse_device_id(str(uuid.uuid4())).version == 4
    assert parse_device_id(new_id()).version == 7
    with pytest.raises(ValidationError) as caught:
        parse_device_id("office")
    assert caught.value.code == "device_id_invalid"


def _record(**body: object) -> Record:
    return Record(kind=RecordKind.INSPECTION, id="0192f3a4-5b6c-7d8e-9f01-000000000001", origin=DEVICE, body=body)


def test_canonical_form_is_stable_across_key_order_and_equal_for_equal_content() -> None:
    one = _record(unit="一车队", answers=[{"item": "A1", "ok": True}], score=95, lat=22.543096)
    other = _record(lat=22.543096, score=95, answers=[{"ok": True, "item": "A1"}], unit="一车队")
    assert one.canonical() == other.canonical()
    assert one.content_hash() == other.content_hash()
    text = one.canonical().decode("utf-8")
    assert "一车队" in text and " " not in text and "\n" not in text
    assert text.index('"body"') < text.index('"id"') < text.index('"kind"') < text.index('"origin"')
    assert Record.model_validate_json(one.canonical()).canonical() == one.canonical()
    assert Record.model_validate(json.loads(one.canonical())) == one


def test_different_content_gives_a_different_hash() -> None:
    base = _record(score=95)
    assert base.content_hash() != _record(score=96).content_hash()
    assert base.content_hash() != base.model_copy(update={"origin": str(uuid.uuid4())}).content_hash()
    assert base.content_hash() != Record(kind=RecordKind.FINDING, id=base.id, origin=DEVICE,
                                         body=base.body).content_hash()


def test_canonical_json_refuses_nan() -> None:
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


@pytest.mark.parametrize("fields", [
    {"kind": "inspection", "id": "0192f3a4-5b6c-7d8e-9f01-000000000001", "origin": DEVICE, "body": {}, "extra": 1},
    {"kind": "spaceship", "id": "0192f3a4-5b6c-7d8e-9f01-000000000001", "origin": DEVICE, "body": {}},
    {"kind": "inspection", "id": str(uuid.uuid4()), "origin": DEVICE, "body": {}},
    {"kind": "inspection", "id": "0192f3a4-5b6c-7d8e-9f01-000000000001", "origin": "laptop", "body": {}},
    {"kind": "inspection", "id": "0192f3a4-5b6c-7d8e-9f01-000000000001", "origin": DEVICE, "body": []},
    {"kind": "photo", "id": "0192f3a4-5b6c-7d8e-9f01-000000000001", "origin": DEVICE, "body": {"sha256": "xyz"}},
    {"kind": "photo", "id": "0192f3a4-5b6c-7d8e-9f01-000000000001", "origin": DEVICE, "body": {}},
])
def test_a_malformed_envelope_is_refused(fields: dict[str, object]) -> None:
    with pytest.raises((PydanticValidationError, ValueError)):
        Record.model_validate(fields)


def test_a_photo_record_names_its_bytes() -> None:
    photo = Record(kind=RecordKind.PHOTO, id=new_id(), origin=DEVICE, body={"sha256": PHOTO_HASH})
    assert photo.body["sha256"] == PHOTO_HASH


def test_every_kind_has_exactly_one_owner() -> None:
    assert set(OWNER_OF) == set(RecordKind)
    for kind in RecordKind:
        assert [side for side in Owner if may_author(kind, side)] == [OWNER_OF[kind]]


def test_the_ownership_table_says_what_the_architecture_says() -> None:
    office = {RecordKind.TEMPLATE_VERSION, RecordKind.UNIT, RecordKind.VEHICLE, RecordKind.STAFF, RecordKind.LOCATION,
              RecordKind.USER, RecordKind.CERTIFICATE, RecordKind.CA_CERTIFICATE, RecordKind.NOTICE,
              RecordKind.SETTINGS, RecordKind.ACKNOWLEDGEMENT}
    laptop = {RecordKind.INSPECTION, RecordKind.FINDING, RecordKind.PHOTO, RecordKind.RECEIPT, RecordKind.FOLLOWUP}
    assert all(OWNER_OF[kind] is Owner.OFFICE for kind in office)
    assert all(OWNER_OF[kind] is Owner.LAPTOP for kind in laptop)


def test_merge_decisions() -> None:
    incoming = _record(score=95).content_hash()
    assert merge_decision(incoming, None) is Merge.NEW
    assert merge_decision(incoming, incoming) is Merge.SAME
    assert merge_decision(incoming, _record(score=90).content_hash()) is Merge.CONFLICT


def test_a_merge_plan_decides_a_batch_and_a_repeat_inside_it() -> None:
    stored_record = _record(score=95)
    fresh = Record(kind=RecordKind.FINDING, id=new_id(), origin=DEVICE, body={"item": "A1"})
    changed = Record(kind=RecordKind.FINDING, id=new_id(), origin=DEVICE, body={"item": "B2"})
    stored = {stored_record.id: stored_record.content_hash(), changed.id: "0" * 64}
    repeat_of_fresh = fresh.model_copy(update={"body": {"item": "A1", "note": "edited"}})
    plan = plan_merge([stored_record, fresh, changed, fresh, repeat_of_fresh], stored)
    assert plan.new == [fresh.id]
    assert plan.same == [stored_record.id, fresh.id]
    assert plan.conflicts == [changed.id, fresh.id]
    assert not plan.clean
    assert plan_merge([stored_record], stored).clean
