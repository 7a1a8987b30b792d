"""Marks on an evidence photo: stored as data, burned into the working and print copies.

The original file is never touched. Order of work, as for every photo write: everything that can
refuse (role, unknown photo, bad marks, an original that no longer matches its hash) is checked
first; the annotated copies are rendered in memory from the original; they replace the old copies
atomically (``PhotoStore.put_derivative``); then the row and its audit entry commit together. If
that commit fails, the previous copies are put back, so the files never show marks the database
does not hold. The thumbnail stays clean: it is for recognising a photo in a list, and marks at
256 px would only be noise.

The annotation dialog is given ``clean_image``: the upright working-size picture without marks,
the same geometry as the working copy, so fractions drawn on it land in the same place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError, NotFound, ValidationError
from inspector.domain.photos import Annotation, AnnotationShape, Derivative, Photo
from inspector.domain.users import Permission, User, require
from inspector.media.annotate import annotated_derivatives
from inspector.media.images import PRINT_SIDE, WORKING_SIDE, make_derivative
from inspector.paths import font_path
from inspector.services.base import ServiceContext
from inspector.storage import photos_repo
from inspector.storage.photo_store import PhotoStore, sha256_of

ANNOTATED: dict[Derivative, int] = {Derivative.WORKING: WORKING_SIDE, Derivative.PRINT: PRINT_SIDE}
MAX_MARKS = 50  # many more than anyone draws on one photo; a bound keeps the JSON and the render small
MAX_TEXT = 40  # "short text": a label, not a description (the finding's note holds that)
ANNOTATE_PERMISSION = Permission.RECORD_INSPECTIONS


def check_annotations(annotations: Sequence[Annotation]) -> tuple[Annotation, ...]:
    """The marks as a tuple, or ``ValidationError(field="annotations")`` when one makes no sense."""
    marks = tuple(annotations)
    if len(marks) > MAX_MARKS:
        raise ValidationError(field="annotations", reason="too_many", limit=MAX_MARKS)
    for mark in marks:
        points = (mark.x1, mark.y1, mark.x2, mark.y2)
        if not all(math.isfinite(value) and -0.001 <= value <= 1.001 for value in points):
            raise ValidationError(field="annotations", reason="outside")
        if mark.shape is AnnotationShape.TEXT and not (0 < len(mark.text.strip()) <= MAX_TEXT):
            raise ValidationError(field="annotations", reason="text", limit=MAX_TEXT)
    return marks


class PhotoAnnotationService:
    """Setting the marks of a photo; reading the clean picture to draw them on."""

    def __init__(self, ctx: ServiceContext, store: PhotoStore | None = None, *, font: Path | None = None) -> None:
        self.ctx = ctx
        self.store = store or PhotoStore(ctx.paths.photos)
        self.font = font or font_path()

    def _photo(self, photo_id: int) -> Photo:
        photo = photos_repo.get(self.ctx.db, photo_id)
        if photo is None:
            raise NotFound(entity="photo", key=str(photo_id))
        return photo

    def _original(self, photo: Photo) -> Path:
        original = self.store.original_path(photo.sha256)
        if original is None:
            raise InspectorError("file_missing", file=photo.original_name or photo.sha256)
        return original

    def clean_image(self, photo_id: int) -> bytes:
        """The photo upright at working size without any marks (JPEG bytes), for the editor."""
        return make_derivative(self._original(self._photo(photo_id)), WORKING_SIDE)

    def set_annotations(self, actor: User, photo_id: int,
                        annotations: Sequence[Annotation]) -> tuple[Photo, ChangeSet]:
        """Store ``annotations`` (replacing the photo's marks) and re-render its working and print
        copies with them burned in; audited as ``photo.annotate``. Setting the marks it already
        has changes nothing."""
        require(actor, ANNOTATE_PERMISSION)
        marks = check_annotations(annotations)
        photo = self._photo(photo_id)
        if marks == photo.annotations:
            return photo, ChangeSet()
        original = self._original(photo)
        if sha256_of(original) != photo.sha256:  # drawing on a damaged original would hide it
            raise InspectorError("photo_unreadable", file=photo.original_name or photo.sha256, reason="damaged")
        copies = annotated_derivatives(original, marks, ANNOTATED, font_path=self.font)
        # What to put back if the commit fails: the copies as they are (made again when missing).
        previous = {kind: path.read_bytes() for kind in ANNOTATED
                    if (path := self.store.derivative_path(photo.sha256, kind)) is not None}
        missing = {kind: side for kind, side in ANNOTATED.items() if kind not in previous}
        if missing:
            previous.update(annotated_derivatives(original, photo.annotations, missing, font_path=self.font))
        for kind, data in copies.items():
            self.store.put_derivative(photo.sha256, kind, data)
        try:
            with self.ctx.mutation():
                photos_repo.set_annotations(self.ctx.db, photo_id, marks)
                self.ctx.record(actor, "photo.annotate", Entity.PHOTO, photo_id,
                                before=[mark.model_dump(mode="json") for mark in photo.annotations],
                                after=[mark.model_dump(mode="json") for mark in marks])
        except BaseException:
            for kind, data in previous.items():
                self.store.put_derivative(photo.sha256, kind, data)
            raise
        return self._photo(photo_id), ChangeSet.of(Entity.PHOTO, photo_id)
