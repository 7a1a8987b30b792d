"""The complaint register's time limits, apart from the register's records.

They are part of the settings (``inspector.settings.AppSettings.complaints``), which every start of
the app and every CLI command that makes the daily backup reads; the register's own models and
deadline arithmetic (``inspector.domain.complaints``, which re-exports this) are built only when
complaints are handled.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ComplaintLimits(BaseModel):
    """The regulation's limits; the quality office may change them (settings)."""

    model_config = ConfigDict(frozen=True)

    ordinary_hours: int = Field(default=48, ge=1, le=24 * 60)
    major_hours: int = Field(default=72, ge=1, le=24 * 60)
    department_hours: int = Field(default=24, ge=1, le=24 * 60)
    rural_working_days: int = Field(default=7, ge=1, le=60)
    due_soon_hours: int = Field(default=12, ge=1, le=24 * 30)
