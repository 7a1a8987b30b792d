"""The registry (master data): units, vehicles, staff and locations.

Validation failures raise pydantic errors whose *type* is a stable code (``plate_format``,
``required`` …) so that an importer can report "row 7, column 车牌: plate_format" and the UI can
translate the code. Records are never deleted, only retired (``active = False``): inspections and
notices keep pointing at them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

# The kinds and roles live apart (no pydantic) and stay importable from here.
from inspector.domain.registry_kinds import RegistryKind, StaffRole, UnitKind  # noqa: F401
from inspector.domain.text import name_rule


PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = re.compile(
    rf"^([{PROVINCES}])([A-HJ-NP-Z])[·•.\-\s]?([A-HJ-NP-Z0-9]{{4,5}}[A-HJ-NP-Z0-9挂学警])$"
)
_LOCATION_CODE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,31}$")


def _fail(code: str, message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(code, message, ctx or None)


def _stripped(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # spreadsheets turn 0012 into 12.0
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _required(value: str) -> str:
    if not value:
        raise _fail("required", "a value is required")
    return value


def normalize_plate(value: str) -> str:
    """``粤b12345`` / ``粤B 12345`` / ``粤B-12345`` → ``粤B·12345``; raises on anything else."""
    compact = value.strip().upper().replace(" ", "")
    match = _PLATE.match(compact)
    if not match:
        raise _fail("plate_format", "expected a plate like 粤B·12345", value=value)
    return f"{match.group(1)}{match.group(2)}·{match.group(3)}"


def normalize_location_code(value: str) -> str:
    code = value.strip().upper()
    if not _LOCATION_CODE.match(code) or len(code) > 40:
        raise _fail("location_code_format", "expected a code like A-3F-WC-02", value=value)
    return code


def check_key(value: str) -> str:
    """Short identifiers (unit code, 工号, 自编号): letters, digits, ``-`` and ``_``."""
    if not _KEY.match(value):
        raise _fail("key_format", "letters, digits, - and _ only (max 32)", value=value)
    return value


# Names and short texts: one line of at most NAME_LIMIT characters, no control characters (a NUL
# in a name stopped the monthly workbook; a 10 MB name the PDF report).
Text = Annotated[str, BeforeValidator(_stripped), AfterValidator(_required), AfterValidator(name_rule)]
OptionalText = Annotated[str, BeforeValidator(lambda v: "" if v is None else _stripped(v)), AfterValidator(name_rule)]
Key = Annotated[str, BeforeValidator(_stripped), AfterValidator(_required), AfterValidator(check_key)]
Plate = Annotated[str, BeforeValidator(_stripped), AfterValidator(_required), AfterValidator(normalize_plate)]
LocationCode = Annotated[
    str, BeforeValidator(_stripped), AfterValidator(_required), AfterValidator(normalize_location_code)
]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)


class UnitData(_Record):
    """A unit: a depot (总站), a contractor (外委单位), a department or a site."""

    code: Key
    name: Text
    kind: UnitKind = UnitKind.DEPOT
    head_name: OptionalText = ""  # 负责人, the addressee of rectification notices
    head_phone: OptionalText = ""


class VehicleData(_Record):
    plate: Plate  # 车牌
    fleet_no: Key  # 自编号
    route: OptionalText = ""  # 线路
    unit_id: int
    model: OptionalText = ""


class StaffData(_Record):
    staff_no: Key  # 工号
    name: Text
    role: StaffRole
    unit_id: int
    phone: OptionalText = ""


class LocationData(_Record):
    code: LocationCode  # 编码, e.g. A-3F-WC-02
    name: Text
    unit_id: int
    responsible_staff_id: int | None = None  # 责任人
    area: OptionalText = ""  # 区域 (院落、卫生间、会议室…)


class _Service(BaseModel):
    """When a record is in service: ``active_from`` its first day (None: since before the
    registry kept dates, i.e. every past month), ``retired_on`` the day it was retired (None while
    in service). Retiring never deletes: the record keeps its past months."""

    active_from: date | None = None
    retired_on: date | None = None

    def in_service(self, first: date, last: date) -> bool:
        """Whether the record was in service on any day from ``first`` to ``last`` (included)."""
        return (self.active_from is None or self.active_from <= last) and (
            self.retired_on is None or self.retired_on >= first)


class Unit(UnitData, _Service):
    id: int
    active: bool = True


class Vehicle(VehicleData, _Service):
    id: int
    active: bool = True


class Staff(StaffData, _Service):
    id: int
    active: bool = True


class Location(LocationData, _Service):
    id: int
    active: bool = True


class ServicePeriod(_Record):
    """One stretch of a record in service in one unit, both days included (``until`` None while
    it lasts; ``since`` None: since before dates were kept). A transfer ends one and starts the
    next; a retirement ends the last; a reactivation starts a new one."""

    unit_id: int
    since: date | None = None
    until: date | None = None


DATA_MODELS: dict[RegistryKind, type[_Record]] = {
    RegistryKind.UNITS: UnitData,
    RegistryKind.VEHICLES: VehicleData,
    RegistryKind.STAFF: StaffData,
    RegistryKind.LOCATIONS: LocationData,
}
RECORD_MODELS: dict[RegistryKind, type[_Record]] = {
    RegistryKind.UNITS: Unit,
    RegistryKind.VEHICLES: Vehicle,
    RegistryKind.STAFF: Staff,
    RegistryKind.LOCATIONS: Location,
}
# The natural key of each kind: unique among records, used by imports and the CLI (KIND:KEY).
NATURAL_KEYS: dict[RegistryKind, str] = {
    RegistryKind.UNITS: "code",
    RegistryKind.VEHICLES: "plate",
    RegistryKind.STAFF: "staff_no",
    RegistryKind.LOCATIONS: "code",
}
