"""Typed, versioned application settings stored in the database (table ``settings``, key
``app``). QSettings keeps only window geometry and splitter state (see ui/geometry.py).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

SETTINGS_VERSION = 1


class DeadlineDefaults(BaseModel):
    """Default rectification periods in working days, per severity."""

    model_config = ConfigDict(frozen=True)

    general: int = Field(default=5, ge=1, le=90)
    serious: int = Field(default=3, ge=1, le=90)


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

    @classmethod
    def upgrade(cls, raw: dict) -> "AppSettings":
        """Read settings written by any earlier version (unknown keys are dropped)."""
        known = {key: value for key, value in raw.items() if key in cls.model_fields}
        known["version"] = SETTINGS_VERSION
        return cls.model_validate(known)
