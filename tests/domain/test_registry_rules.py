"""Registry rules: plate and location-code normalisation, keys, and the record models' codes."""

from __future__ import annotations

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from inspector.domain.registry import (
    PROVINCES,
    LocationData,
    StaffData,
    VehicleData,
    check_key,
    normalize_location_code,
    normalize_plate,
)

PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("粤b 12345", "粤B·12345"),
        ("粤b12345", "粤B·12345"),
        ("粤B-12345", "粤B·12345"),
        ("  粤B·12345 ", "粤B·12345"),
        ("粤B.A1234", "粤B·A1234"),
        ("粤BD12345", "粤B·D12345"),  # new-energy plate: six characters after the letter
        ("粤b·d12345", "粤B·D12345"),
        ("京A1234学", "京A·1234学"),
        ("沪C 1234挂", "沪C·1234挂"),
    ],
)
def test_plates_are_normalised(raw: str, expected: str) -> None:
    assert normalize_plate(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "粤B1234", "粤B1234567", "XXB12345", "粤I12345", "粤O12345", "粤112345", "B12345", "粤B12O45", "粤B·12345·"],
)
def test_bad_plates_are_refused_with_a_code(raw: str) -> None:
    with pytest.raises(PydanticCustomError) as raised:
        normalize_plate(raw)
    assert raised.value.type == "plate_format"


@st.composite
def valid_plates(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(PROVINCES))
    letter = draw(st.sampled_from(PLATE_LETTERS + PLATE_LETTERS.lower()))
    body = draw(st.text(alphabet=PLATE_LETTERS + "0123456789", min_size=5, max_size=6))
    separator = draw(st.sampled_from(["", " ", "-", "·", "."]))
    return f"{province}{letter}{separator}{body}"


@given(valid_plates())
def test_normalize_plate_is_idempotent_on_valid_plates(raw: str) -> None:
    once = normalize_plate(raw)
    assert normalize_plate(once) == once
    assert once[2] == "·" and once == once.upper()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a-3f-wc-02", "A-3F-WC-02"), (" B2 ", "B2"), ("HALL-1", "HALL-1")],
)
def test_location_codes_are_normalised(raw: str, expected: str) -> None:
    assert normalize_location_code(raw) == expected


@pytest.mark.parametrize("raw", ["", "A--3", "-A3", "A3-", "A 3F", "卫生间", "A" * 41])
def test_bad_location_codes_are_refused(raw: str) -> None:
    with pytest.raises(PydanticCustomError) as raised:
        normalize_location_code(raw)
    assert raised.value.type == "location_code_format"


def test_keys() -> None:
    assert check_key("F1001") == "F1001"
    assert check_key("S_01-a") == "S_01-a"
    for bad in ["-F1", "F 1", "工号", "x" * 33]:
        with pytest.raises(PydanticCustomError):
            check_key(bad)


def test_vehicle_model_normalises_and_reports_codes() -> None:
    vehicle = VehicleData(plate="粤b 12345", fleet_no=1001.0, unit_id=1)
    assert vehicle.plate == "粤B·12345"
    assert vehicle.fleet_no == "1001"  # a spreadsheet's 1001.0
    with pytest.raises(pydantic.ValidationError) as raised:
        VehicleData(plate="nonsense", fleet_no="F1", unit_id=1)
    assert [error["type"] for error in raised.value.errors()] == ["plate_format"]


def test_required_and_enum_codes() -> None:
    with pytest.raises(pydantic.ValidationError) as raised:
        StaffData(staff_no="S1", name="  ", role="pilot", unit_id=1)
    assert sorted(error["type"] for error in raised.value.errors()) == ["enum", "required"]
    location = LocationData(code="a-1f-wc", name="一楼卫生间", unit_id=1, responsible_staff_id=None)
    assert location.code == "A-1F-WC"
