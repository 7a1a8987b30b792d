"""Typed, versioned application settings stored in the database (table ``settings``, key
``app``). QSettings keeps only window geometry and splitter state (see ui/geometry.py).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from inspector.domain.complaint_limits import ComplaintLimits
from inspector.domain.deadlines import CalendarOverrides

SETTINGS_VERSION = 1
DEFAULT_PHOTO_LIMIT_MB = 50  # a phone's largest JPEG or HEIC is ~15 MB; a 4 GB ".jpg" is an attack
MAX_PHOTO_LIMIT_MB = 500


class ImmediateCheck(StrEnum):
    """When a general problem put right at once (立即整改) is checked again."""

    SAME_DAY = "same_day"
    NEXT_WORKING_DAY = "next_working_day"


class DeadlineDefaults(BaseModel):
    """Default rectification periods in working days, per severity (used when a finding goes on a
    notice), and when a general problem, put right at once without a notice, is checked."""

    model_config = ConfigDict(frozen=True)

    general: int = Field(default=5, ge=1, le=90)
    serious: int = Field(default=3, ge=1, le=90)
    immediate_check: ImmediateCheck = ImmediateCheck.SAME_DAY


class CalendarSettings(BaseModel):
    """The official schedule entered by the quality office for years ``chinese-calendar`` does not
    know yet (published each November): extra holidays and make-up working days (调休)."""

    model_config = ConfigDict(frozen=True)

    holidays: tuple[date, ...] = ()
    workdays: tuple[date, ...] = ()

    @model_validator(mode="after")
    def _no_day_both_ways(self) -> "CalendarSettings":
        self.overrides()  # raises DeadlineError (a ValueError) for a day listed as both
        return self

    def overrides(self) -> CalendarOverrides:
        return CalendarOverrides(holidays=frozenset(self.holidays), workdays=frozenset(self.workdays))


class AppSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: int = SETTINGS_VERSION
    organisation_name: str = "服务质量管理办公室"
    organisation_name_en: str = "Service Quality Office"
    logo_path: str = ""  # a PNG/JPEG printed on notice letterheads
    seal_path: str = ""  # 检查专用章 image, optional
    language: str = ""  # "" follows the system: zh_CN unless the system is English
    deadlines: DeadlineDefaults = Field(default_factory=DeadlineDefaults)
    recurrence_window_days: int = Field(default=90, ge=1, le=730)  # 再次发生 window
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    backups_keep: int = Field(default=14, ge=1, le=365)  # rotating backups kept, besides one a month
    # The largest photo file accepted, checked before a byte of it is read.
    photo_limit_mb: int = Field(default=DEFAULT_PHOTO_LIMIT_MB, ge=1, le=MAX_PHOTO_LIMIT_MB)
    # The complaints register's limits (48 h / 72 h / 24 h / 7 working days, F2·1 and F2·2).
    complaints: ComplaintLimits = Field(default_factory=ComplaintLimits)

    @property
    def photo_limit_bytes(self) -> int:
        return self.photo_limit_mb * 1024 * 1024

    @classmethod
    def upgrade(cls, raw: dict) -> "AppSettings":
        """Read settings written by any earlier version (unknown keys are dropped)."""
        known = {key: value for key, value in raw.items() if key in cls.model_fields}
        known["version"] = SETTINGS_VERSION
        return cls.model_validate(known)
