"""Marks drawn on a photo on the laptop show at the office: only the original and the print copy
travel, so the office makes the working copy again — with the marks burned in, as annotating made
it — and marks drawn later replace the office's copies (found while measuring #18.5)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.inspections import InspectionMode
from inspector.domain.photos import Annotation, AnnotationShape, Derivative
from inspector.media.annotate import annotated_derivatives
from inspector.media.images import make_derivative
from inspector.paths import font_path
from tests.exchange.organisation import PASSWORD, build_office, cli, photo_files, record_inspection

CIRCLE = Annotation(shape=AnnotationShape.ELLIPSE, x1=0.2, y1=0.2, x2=0.6, y2=0.7)
ARROW = Annotation(shape=AnnotationShape.ARROW, x1=0.1, y1=0.9, x2=0.5, y2=0.5)


def _annotate(laptop: Path, marks: list[Annotation]) -> tuple[str, Path]:
    context = open_context(laptop)
    try:
        user = context.users.authenticate("zhangwei", PASSWORD)
        photo_id = context.db.execute("SELECT id FROM photos").fetchone()[0]
        photo, _ = context.photo_annotations.set_annotations(user, photo_id, marks)
        return photo.sha256, Path(context.photos.store.original_path(photo.sha256))
    finally:
        context.close()


def _working_copy(folder: Path, sha256: str) -> bytes:
    context = open_context(folder)
    try:
        path = context.photos.working_path(sha256)
        assert path is not None
        return path.read_bytes()
    finally:
        context.close()


def test_the_office_shows_the_marks_drawn_on_the_laptop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office, laptop = tmp_path / "office", tmp_path / "a"
    build_office(capsys, office)
    o = ("--data-dir", str(office), "--user", "wangfang")
    a = ("--data-dir", str(laptop), "--user", "zhangwei")
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(tmp_path / "to-a.inspx"))
    cli(capsys, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
    cli(capsys, "--data-dir", str(laptop), "exchange", "import", str(tmp_path / "to-a.inspx"))
    record_inspection(laptop, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photo_files()[0])
    sha256, original = _annotate(laptop, [CIRCLE])
    cli(capsys, *a, "exchange", "export", "-o", str(tmp_path / "from-a-1.inspx"))
    cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-1.inspx"))
    clean = make_derivative(original, 1600)
    marked = annotated_derivatives(original, [CIRCLE], {Derivative.WORKING: 1600}, font_path=font_path())
    at_office = _working_copy(office, sha256)
    assert at_office != clean and at_office == marked[Derivative.WORKING]

    # Marks drawn again later on the laptop: the next file replaces the office's copies.
    _annotate(laptop, [CIRCLE, ARROW])
    cli(capsys, *a, "exchange", "export", "-o", str(tmp_path / "from-a-2.inspx"))
    cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-2.inspx"))
    both = annotated_derivatives(original, [CIRCLE, ARROW], {Derivative.WORKING: 1600, Derivative.PRINT: 1000},
                                 font_path=font_path())
    assert _working_copy(office, sha256) == both[Derivative.WORKING]
    conn = sqlite3.connect(office / "inspector.db")
    try:
        assert '"arrow"' in conn.execute("SELECT annotations FROM photos WHERE sha256 = ?", [sha256]).fetchone()[0]
    finally:
        conn.close()
    context = open_context(office)
    try:
        printed = context.photos.derivative_path(sha256, Derivative.PRINT)
        assert printed is not None and printed.read_bytes() == both[Derivative.PRINT]
    finally:
        context.close()
