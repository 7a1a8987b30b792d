"""Reading and changing the application settings (quality office and admins only), and keeping
the letterhead images (logo, 检查专用章 seal) inside the data folder.

The settings model (``inspector.settings``) is imported when settings are first read: a command
that never reads them (``templates list``) builds neither it nor the complaint limits it holds.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pydantic

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError, ValidationError
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.storage import settings_repo

if TYPE_CHECKING:
    from inspector.settings import AppSettings

_KEY = "app"
LETTERHEAD_FOLDER = "letterhead"
MAX_IMAGE_BYTES = 10 * 1024 * 1024
_IMAGE_SUFFIXES = {"PNG": ".png", "JPEG": ".jpg"}
ImageKind = Literal["logo", "seal"]


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self) -> AppSettings:
        from inspector.settings import AppSettings

        raw = settings_repo.read(self.ctx.db, _KEY)
        return AppSettings.upgrade(raw) if raw else AppSettings()

    def update(self, actor: User, **changes: object) -> tuple[AppSettings, ChangeSet]:
        from inspector.settings import AppSettings

        require(actor, Permission.EDIT_SETTINGS)
        before = self.get()
        try:
            after = AppSettings.model_validate({**before.model_dump(), **changes})
        except pydantic.ValidationError as error:
            first = error.errors()[0]
            cause = first.get("ctx", {}).get("error")
            if isinstance(cause, InspectorError):  # e.g. calendar_override_conflict naming the dates
                raise cause from None
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

    def store_image(self, actor: User, kind: ImageKind, source: Path) -> str:
        """Copy the letterhead ``kind`` image (a PNG or JPEG) into the data folder and return its
        path relative to the data folder, for ``update(logo_path=…)`` / ``update(seal_path=…)``.

        The copy is named by its content, so a file a notice already used is never overwritten,
        and moving or deleting the original later breaks nothing.
        """
        from inspector.storage.files import read_limited, write_atomic

        require(actor, Permission.EDIT_SETTINGS)
        if kind not in ("logo", "seal"):
            raise ValidationError("setting_invalid", field="kind")
        source = Path(source)
        data = read_limited(source, MAX_IMAGE_BYTES)  # a device or a huge file is refused unread
        suffix = _image_suffix(data, source.name)
        relative = f"{LETTERHEAD_FOLDER}/{kind}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
        write_atomic(self.ctx.paths.root / relative, data)
        return relative

    def image_file(self, stored: str) -> Path | None:
        """The file a ``logo_path`` / ``seal_path`` value names (relative to the data folder, or
        absolute as older settings kept it), or None when it is empty or the file is gone."""
        if not stored:
            return None
        path = Path(stored)
        if not path.is_absolute():
            path = self.ctx.paths.root / path
        return path if path.is_file() else None


def _image_suffix(data: bytes, name: str) -> str:
    """``.png`` or ``.jpg`` for a whole PNG/JPEG of at most ``MAX_IMAGE_BYTES``, else
    ``letterhead_image_invalid``."""
    problem = ValidationError("letterhead_image_invalid", file=name, limit_mb=MAX_IMAGE_BYTES // (1024 * 1024))
    if not data or len(data) > MAX_IMAGE_BYTES:
        raise problem
    try:
        from PIL import Image  # on first use: Pillow is not needed to start the app

        with Image.open(io.BytesIO(data)) as image:
            if image.format not in _IMAGE_SUFFIXES:
                raise problem
            image.load()  # a truncated or corrupt file fails here, not later on a printed notice
            return _IMAGE_SUFFIXES[image.format]
    except ValidationError:
        raise
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, DecompressionBombError…)
        raise problem from None
