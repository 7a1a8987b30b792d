"""Each user's own stored signature: kept, replaced, removed, checked, audited without the image."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image, ImageDraw

from inspector.context import AppContext
from inspector.domain.changes import Entity
from inspector.domain.errors import ValidationError
from inspector.domain.users import Role, User
from inspector.services.user_signatures import MAX_BYTES, MAX_SIDE
from inspector.storage import audit_repo


def signature_png(width: int = 400, height: int = 120, colour: tuple[int, int, int, int] = (20, 30, 80, 255)) -> bytes:
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).line((10, height - 20, width - 10, 20), fill=colour, width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def signature_audit(context: AppContext) -> list:
    return [record for record in audit_repo.iter_records(context.db) if record.entity == Entity.SIGNATURE]


def test_every_role_keeps_replaces_and_removes_its_own_signature(
    context: AppContext, users: dict[Role, User]
) -> None:
    for role, user in users.items():
        assert context.signatures.get(user.id) is None
        first = signature_png()
        changes = context.signatures.save(user, first)
        assert changes.changed == {Entity.SIGNATURE: frozenset({user.id})}
        assert context.signatures.get(user.id) == first, role
    supervisor, manager = users[Role.SUPERVISOR], users[Role.MANAGER]
    second = signature_png(300, 100, (0, 0, 0, 255))
    context.signatures.save(supervisor, second)
    assert context.signatures.get(supervisor.id) == second
    assert context.signatures.get(manager.id) != second  # nobody else's changed

    assert context.signatures.clear(supervisor).touches(Entity.SIGNATURE)
    assert context.signatures.get(supervisor.id) is None
    assert context.signatures.get(manager.id) is not None
    assert context.signatures.clear(supervisor).empty  # nothing left to remove


def test_the_audit_says_who_and_what_but_holds_no_image(context: AppContext, users: dict[Role, User]) -> None:
    user = users[Role.QUALITY_OFFICE]
    png = signature_png()
    context.signatures.save(user, png)
    context.signatures.save(user, signature_png(200, 80))
    context.signatures.clear(user)
    records = signature_audit(context)
    assert [(r.action, r.actor, r.entity_id) for r in records] == [
        ("signature.save", "qo1", user.id), ("signature.save", "qo1", user.id), ("signature.clear", "qo1", user.id),
    ]
    first = json.loads(records[0].after)
    assert first["bytes"] == len(png) and first["width"] == 400 and first["replaced"] is False
    assert json.loads(records[1].after)["replaced"] is True
    for record in records:
        assert len(record.after) < 300  # a size and a hash, never the picture


def _truncated() -> bytes:
    return signature_png()[:-40]


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (100, 40), "white").save(buffer, "JPEG")
    return buffer.getvalue()


def _huge_file() -> bytes:
    image = Image.effect_noise((1000, 800), 100).convert("RGB")  # noise does not compress
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=0)
    data = buffer.getvalue()
    assert len(data) > MAX_BYTES
    return data


def _too_wide() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (MAX_SIDE + 1, 2)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("make", [lambda: b"", lambda: b"not a picture", _truncated, _jpeg, _huge_file, _too_wide,
                                  lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 64],
                         ids=["empty", "text", "truncated", "jpeg", "over-2-MB", "too-wide", "magic-only"])
def test_anything_but_a_whole_small_png_is_refused_and_nothing_is_stored(
    context: AppContext, users: dict[Role, User], make
) -> None:
    user = users[Role.SUPERVISOR]
    context.signatures.save(user, signature_png())
    kept = context.signatures.get(user.id)
    audit_before = len(signature_audit(context))
    with pytest.raises(ValidationError) as caught:
        context.signatures.save(user, make())
    assert caught.value.code == "signature_image_invalid"
    assert context.signatures.get(user.id) == kept
    assert len(signature_audit(context)) == audit_before


def test_the_refusal_reads_as_a_sentence(context: AppContext, users: dict[Role, User]) -> None:
    from inspector.words import messages

    with pytest.raises(ValidationError) as caught:
        context.signatures.save(users[Role.MANAGER], b"GIF89a")
    assert messages.describe(caught.value) == (
        "The signature cannot be used: it must be a whole PNG picture of at most 2 MB."
    )
