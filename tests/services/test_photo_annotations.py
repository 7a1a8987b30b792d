"""Annotating an evidence photo: the marks are stored as data and burned into the working and print
copies; the original and the thumbnail never change; only roles that record inspections may do
it, and a refusal writes nothing."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from inspector.context import AppContext
from inspector.domain.changes import Entity
from inspector.domain.errors import NotFound, PermissionDenied, ValidationError
from inspector.domain.photos import Annotation, AnnotationShape, Derivative, Photo
from inspector.domain.users import Role, User
from inspector.storage import audit_repo

MARKS = (
    Annotation(shape=AnnotationShape.RECTANGLE, x1=0.2, y1=0.2, x2=0.6, y2=0.7),
    Annotation(shape=AnnotationShape.ARROW, x1=0.9, y1=0.9, x2=0.62, y2=0.72, color="#fdd835"),
    Annotation(shape=AnnotationShape.TEXT, x1=0.05, y1=0.05, text="划痕", color="#ffffff"),
)


def _file_hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def photo(context: AppContext, users: dict[Role, User], tmp_path: Path) -> Photo:
    path = tmp_path / "bus.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1500), (70, 110, 150)).save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return context.photos.ingest(users[Role.SUPERVISOR], path)


def _bytes(context: AppContext, photo: Photo, kind: Derivative) -> bytes:
    path = context.photos.store.derivative_path(photo.sha256, kind)
    assert path is not None
    return path.read_bytes()


def test_marks_are_stored_and_burned_into_working_and_print_copies(
    context: AppContext, users: dict[Role, User], photo: Photo
) -> None:
    original = context.photos.store.original_path(photo.sha256)
    assert original is not None
    original_bytes = original.read_bytes()
    clean = {kind: _bytes(context, photo, kind) for kind in Derivative}

    updated, changes = context.photo_annotations.set_annotations(users[Role.SUPERVISOR], photo.id, MARKS)

    assert updated.annotations == MARKS
    assert context.photos.get(photo.id).annotations == MARKS  # read back from the database
    assert changes.changed == {Entity.PHOTO: frozenset({photo.id})}
    assert original.read_bytes() == original_bytes
    assert _bytes(context, photo, Derivative.WORKING) != clean[Derivative.WORKING]
    assert _bytes(context, photo, Derivative.PRINT) != clean[Derivative.PRINT]
    assert _bytes(context, photo, Derivative.THUMBNAIL) == clean[Derivative.THUMBNAIL]
    with Image.open(io.BytesIO(_bytes(context, photo, Derivative.WORKING))) as working:
        assert working.size == (1600, 1200)
        red, green, _ = working.convert("RGB").getpixel((int(0.4 * 1600), int(0.2 * 1200)))
        assert red > 180 and green < 110  # on the rectangle's top edge
    entries = [r for r in audit_repo.iter_records(context.db) if r.action == "photo.annotate"]
    assert len(entries) == 1 and entries[0].entity_id == photo.id
    assert [mark["text"] for mark in json.loads(entries[0].after)] == ["", "", "划痕"]


def test_clearing_the_marks_restores_the_clean_copies(
    context: AppContext, users: dict[Role, User], photo: Photo
) -> None:
    clean_working = _bytes(context, photo, Derivative.WORKING)
    supervisor = users[Role.SUPERVISOR]
    context.photo_annotations.set_annotations(supervisor, photo.id, MARKS)
    cleared, _ = context.photo_annotations.set_annotations(supervisor, photo.id, ())
    assert cleared.annotations == ()
    with Image.open(io.BytesIO(_bytes(context, photo, Derivative.WORKING))) as now, \
            Image.open(io.BytesIO(clean_working)) as before:
        assert now.convert("RGB").getpixel((640, 240)) == pytest.approx(before.convert("RGB").getpixel((640, 240)),
                                                                        abs=6)


def test_the_same_marks_again_change_nothing(context: AppContext, users: dict[Role, User], photo: Photo) -> None:
    supervisor = users[Role.SUPERVISOR]
    context.photo_annotations.set_annotations(supervisor, photo.id, MARKS)
    _, changes = context.photo_annotations.set_annotations(supervisor, photo.id, list(MARKS))
    assert changes.empty
    assert len([r for r in audit_repo.iter_records(context.db) if r.action == "photo.annotate"]) == 1


def test_quality_office_may_annotate_and_manager_may_not(
    context: AppContext, users: dict[Role, User], photo: Photo
) -> None:
    before = _file_hashes(context.paths.photos)
    with pytest.raises(PermissionDenied):
        context.photo_annotations.set_annotations(users[Role.MANAGER], photo.id, MARKS)
    assert _file_hashes(context.paths.photos) == before
    assert context.photos.get(photo.id).annotations == ()
    assert not [r for r in audit_repo.iter_records(context.db) if r.action == "photo.annotate"]
    updated, _ = context.photo_annotations.set_annotations(users[Role.QUALITY_OFFICE], photo.id, MARKS[:1])
    assert updated.annotations == MARKS[:1]


@pytest.mark.parametrize("bad", [
    Annotation(shape=AnnotationShape.RECTANGLE, x1=0.1, y1=0.1, x2=1.8, y2=0.5),
    Annotation(shape=AnnotationShape.TEXT, x1=0.1, y1=0.1, text="   "),
    Annotation(shape=AnnotationShape.TEXT, x1=0.1, y1=0.1, text="很长" * 30),
    Annotation(shape=AnnotationShape.ARROW, x1=float("nan"), y1=0.1, x2=0.2, y2=0.2),
])
def test_marks_that_make_no_sense_are_refused_before_anything_is_written(
    context: AppContext, users: dict[Role, User], photo: Photo, bad: Annotation
) -> None:
    before = _file_hashes(context.paths.photos)
    with pytest.raises(ValidationError):
        context.photo_annotations.set_annotations(users[Role.SUPERVISOR], photo.id, (MARKS[0], bad))
    assert _file_hashes(context.paths.photos) == before
    assert context.photos.get(photo.id).annotations == ()


def test_unknown_photo(context: AppContext, users: dict[Role, User]) -> None:
    with pytest.raises(NotFound):
        context.photo_annotations.set_annotations(users[Role.SUPERVISOR], 999, MARKS)


def test_a_failed_commit_puts_the_previous_copies_back(
    context: AppContext, users: dict[Role, User], photo: Photo, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = {kind: _bytes(context, photo, kind) for kind in (Derivative.WORKING, Derivative.PRINT)}

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("inspector.storage.photos_repo.set_annotations", broken)
    with pytest.raises(RuntimeError):
        context.photo_annotations.set_annotations(users[Role.SUPERVISOR], photo.id, MARKS)
    assert {kind: _bytes(context, photo, kind) for kind in clean} == clean


def test_clean_image_has_no_marks_and_the_working_geometry(
    context: AppContext, users: dict[Role, User], photo: Photo
) -> None:
    context.photo_annotations.set_annotations(users[Role.SUPERVISOR], photo.id, MARKS)
    with Image.open(io.BytesIO(context.photo_annotations.clean_image(photo.id))) as clean:
        assert clean.size == (1600, 1200)
        assert clean.convert("RGB").getpixel((640, 240)) == pytest.approx((70, 110, 150), abs=6)
