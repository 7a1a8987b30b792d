"""Reading and changing the application settings (quality office and admins only)."""

from __future__ import annotations

import pydantic

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import ValidationError
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.settings import AppSettings
from inspector.storage import settings_repo

_KEY = "app"


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self) -> AppSettings:
        raw = settings_repo.read(self.ctx.db, _KEY)
        return AppSettings.upgrade(raw) if raw else AppSettings()

    def update(self, actor: User, **changes: object) -> tuple[AppSettings, ChangeSet]:
        require(actor, Permission.EDIT_SETTINGS)
        before = self.get()
        try:
            after = AppSettings.model_validate({**before.model_dump(), **changes})
        except pydantic.ValidationError as error:
            first = error.errors()[0]
            raise ValidationError("setting_invalid", field=".".join(map(str, first["loc"]))) from None
        with self.ctx.mutation():
            settings_repo.write(self.ctx.db, _KEY, after.model_dump(mode="json"))
            changed = sorted(k for k in changes if before.model_dump().get(k) != after.model_dump().get(k))
            self.ctx.record(actor, "settings.update", Entity.SETTINGS, None, after={"changed": changed})
        return after, ChangeSet.of(Entity.SETTINGS)

    def set_language(self, language: str) -> None:
        """Any signed-in user may choose their display language (not audited: not data)."""
        if language not in ("", "zh_CN", "en"):
            raise ValidationError("setting_invalid", field="language")
        after = self.get().model_copy(update={"language": language})
        with self.ctx.mutation():
            settings_repo.write(self.ctx.db, _KEY, after.model_dump(mode="json"))
