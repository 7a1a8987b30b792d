"""Each user's own drawn signature (a transparent PNG), kept to be placed on the notices they
issue or sign. Any signed-in user may keep, replace or remove their own — never someone else's.

The image is checked before it is stored (PNG by its magic bytes, decodable by Pillow, at most
``MAX_BYTES`` and ``MAX_SIDE`` pixels a side). The audit trail records that a signature was
saved or removed with its size and SHA-256, never the image itself.
"""

from __future__ import annotations

import hashlib
import io


from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import ValidationError
from inspector.domain.users import User
from inspector.services.base import ServiceContext
from inspector.storage import user_signatures_repo

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000  # a drawn signature is at most ~800 px wide; this refuses crafted giants


def check_signature_png(png: bytes) -> tuple[int, int]:
    """The ``(width, height)`` of ``png``; ``signature_image_invalid`` unless it is a whole PNG
    of at most ``MAX_BYTES`` with sides of at most ``MAX_SIDE``."""
    if not isinstance(png, bytes | bytearray) or len(png) > MAX_BYTES or not png.startswith(PNG_MAGIC):
        raise _invalid()
    try:
        from PIL import Image  # on first use: Pillow is not needed to start the app

        with Image.open(io.BytesIO(png)) as image:
            if image.format != "PNG" or max(image.size) > MAX_SIDE or min(image.size) < 1:
                raise _invalid()
            size = image.size
            image.load()  # decodes every pixel: a truncated or corrupt file fails here
    except ValidationError:
        raise
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, zlib.error…) on bad data
        raise _invalid() from None
    return size


def _invalid() -> ValidationError:
    return ValidationError("signature_image_invalid", limit_mb=MAX_BYTES // (1024 * 1024))


class UserSignatureService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self, user_id: int) -> bytes | None:
        """The stored signature PNG of ``user_id``, or None."""
        return user_signatures_repo.get(self.ctx.db, user_id)

    def save(self, actor: User, png: bytes) -> ChangeSet:
        """Keep ``png`` as ``actor``'s own signature (replacing any earlier one)."""
        width, height = check_signature_png(png)
        data = bytes(png)
        with self.ctx.mutation():
            replaced = user_signatures_repo.put(self.ctx.db, actor.id, data, self.ctx.now_text())
            self.ctx.record(actor, "signature.save", Entity.SIGNATURE, actor.id, after={
                "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                "width": width, "height": height, "replaced": replaced,
            })
        return ChangeSet.of(Entity.SIGNATURE, actor.id)

    def clear(self, actor: User) -> ChangeSet:
        """Remove ``actor``'s own signature; an empty ChangeSet when there was none."""
        with self.ctx.mutation():
            if not user_signatures_repo.delete(self.ctx.db, actor.id):
                return ChangeSet()
            self.ctx.record(actor, "signature.clear", Entity.SIGNATURE, actor.id)
        return ChangeSet.of(Entity.SIGNATURE, actor.id)
