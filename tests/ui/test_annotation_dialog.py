"""The annotation dialog and the photo viewer: drawing with the mouse gives marks in fractions of
the picture, text asks for its words, Delete and undo work, zoom keys change the view, and the
viewer steps through its photos."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from inspector.domain.photos import Annotation, AnnotationShape
from inspector.ui.dialogs.annotation_dialog import AnnotationDialog
from inspector.ui.dialogs.photo_viewer import PhotoViewer
from inspector.ui.widgets.annotation_canvas import COLORS, AnnotationCanvas, Tool

WIDTH, HEIGHT = 800, 500


def _photo(folder: Path, name: str = "photo.jpg", size: tuple[int, int] = (WIDTH, HEIGHT)) -> Path:
    path = folder / name
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 120, 160)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> AnnotationDialog:
    shown = AnnotationDialog(_photo(tmp_path))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.canvas.actual_size()  # one picture pixel per screen pixel: easy arithmetic below
    shown.canvas.centerOn(0, 0)
    return shown


def _screen(dialog: AnnotationDialog, x: float, y: float) -> QPoint:
    """The viewport point showing picture pixel (x, y)."""
    return dialog.canvas.mapFromScene(QPointF(x, y))


def _drag(dialog: AnnotationDialog, start: QPoint, end: QPoint) -> None:
    viewport = dialog.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, (start + end) / 2)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_drawing_a_rectangle_gives_its_fractions(dialog: AnnotationDialog) -> None:
    QTest.keyClick(dialog.canvas, Qt.Key.Key_R)
    assert dialog.canvas.tool is Tool.RECTANGLE
    _drag(dialog, _screen(dialog, 100, 50), _screen(dialog, 300, 250))
    marks = dialog.annotations()
    assert len(marks) == 1
    mark = marks[0]
    assert mark.shape is AnnotationShape.RECTANGLE and mark.color == COLORS["red"]
    assert (mark.x1, mark.y1) == pytest.approx((100 / WIDTH, 50 / HEIGHT), abs=0.003)
    assert (mark.x2, mark.y2) == pytest.approx((300 / WIDTH, 250 / HEIGHT), abs=0.003)
    assert "1 mark" in dialog.hint.text()


def test_a_click_without_a_drag_draws_nothing(dialog: AnnotationDialog) -> None:
    dialog.set_tool(Tool.ELLIPSE)
    point = _screen(dialog, 200, 200)
    QTest.mouseClick(dialog.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert dialog.annotations() == ()


def test_arrow_in_the_chosen_colour_and_undo(dialog: AnnotationDialog) -> None:
    dialog.color_actions[COLORS["yellow"]].trigger()
    QTest.keyClick(dialog.canvas, Qt.Key.Key_A)
    _drag(dialog, _screen(dialog, 400, 300), _screen(dialog, 200, 100))
    (arrow,) = dialog.annotations()
    assert arrow.shape is AnnotationShape.ARROW and arrow.color == COLORS["yellow"]
    assert (arrow.x2, arrow.y2) == pytest.approx((200 / WIDTH, 100 / HEIGHT), abs=0.003)  # the point
    dialog.undo_action.trigger()
    assert dialog.annotations() == ()


def test_text_tool_asks_for_the_words(dialog: AnnotationDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AnnotationCanvas, "ask_text", classmethod(lambda cls, parent: "划痕"))
    QTest.keyClick(dialog.canvas, Qt.Key.Key_T)
    point = _screen(dialog, 160, 100)
    QTest.mouseClick(dialog.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    (label,) = dialog.annotations()
    assert label.shape is AnnotationShape.TEXT and label.text == "划痕"
    assert (label.x1, label.y1) == pytest.approx((160 / WIDTH, 100 / HEIGHT), abs=0.003)


def test_cancelled_text_adds_nothing(dialog: AnnotationDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AnnotationCanvas, "ask_text", classmethod(lambda cls, parent: None))
    dialog.set_tool(Tool.TEXT)
    QTest.mouseClick(dialog.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _screen(dialog, 100, 100))
    assert dialog.annotations() == ()


def test_delete_removes_the_selected_mark_and_undo_brings_it_back(qtbot: QtBot, tmp_path: Path) -> None:
    kept = Annotation(shape=AnnotationShape.ELLIPSE, x1=0.1, y1=0.1, x2=0.3, y2=0.3)
    removed = Annotation(shape=AnnotationShape.RECTANGLE, x1=0.6, y1=0.6, x2=0.9, y2=0.9, color=COLORS["white"])
    dialog = AnnotationDialog(_photo(tmp_path), (kept, removed))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.annotations() == (kept, removed)
    QTest.mouseClick(dialog.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _screen(dialog, 0.75 * WIDTH, 0.6 * HEIGHT))  # on the rectangle's top edge
    assert [mark.annotation() for mark in dialog.canvas.selected_marks()] == [removed]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # first Esc: clears the selection, keeps the dialog
    assert dialog.isVisible() and dialog.canvas.selected_marks() == []
    QTest.mouseClick(dialog.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _screen(dialog, 0.75 * WIDTH, 0.6 * HEIGHT))
    QTest.keyClick(dialog.canvas, Qt.Key.Key_Delete)
    assert dialog.annotations() == (kept,)
    dialog.canvas.undo()
    assert dialog.annotations() == (kept, removed)


def test_escape_leaves_a_drawing_tool_before_it_cancels(dialog: AnnotationDialog) -> None:
    dialog.set_tool(Tool.ARROW)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.canvas.tool is Tool.SELECT and dialog.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == AnnotationDialog.DialogCode.Rejected


def test_zoom_keys_change_the_view(dialog: AnnotationDialog) -> None:
    canvas = dialog.canvas
    assert canvas.scale_factor() == pytest.approx(1.0)
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.scale_factor() == pytest.approx(1.25)
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.scale_factor() == pytest.approx(0.8)
    QTest.keyClick(canvas, Qt.Key.Key_0)
    picture = canvas.mapFromScene(canvas.image_rect()).boundingRect()
    viewport = canvas.viewport().rect()
    # Fitted: the whole picture is inside the view and fills it in one direction.
    assert viewport.contains(picture.adjusted(1, 1, -1, -1))
    assert picture.width() >= viewport.width() - 4 or picture.height() >= viewport.height() - 4


def test_marks_survive_zoom(dialog: AnnotationDialog) -> None:
    dialog.canvas.zoom_by(2.0)
    dialog.canvas.centerOn(0, 0)
    dialog.set_tool(Tool.RECTANGLE)
    _drag(dialog, _screen(dialog, 40, 20), _screen(dialog, 120, 80))
    (mark,) = dialog.annotations()
    assert (mark.x1, mark.x2) == pytest.approx((40 / WIDTH, 120 / WIDTH), abs=0.002)


def test_ask_returns_the_marks_or_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    given = (Annotation(shape=AnnotationShape.RECTANGLE, x1=0.1, y1=0.2, x2=0.3, y2=0.4),)
    monkeypatch.setattr(AnnotationDialog, "exec", lambda self: AnnotationDialog.DialogCode.Accepted)
    assert AnnotationDialog.ask(None, _photo(tmp_path), given) == given
    monkeypatch.setattr(AnnotationDialog, "exec", lambda self: AnnotationDialog.DialogCode.Rejected)
    assert AnnotationDialog.ask(None, _photo(tmp_path), given) is None


def test_photo_viewer_steps_through_its_photos(qtbot: QtBot, tmp_path: Path) -> None:
    paths = [_photo(tmp_path, "a.jpg", (640, 480)), _photo(tmp_path, "b.jpg", (300, 900)),
             _photo(tmp_path, "c.jpg", (500, 500))]
    viewer = PhotoViewer(paths, 1, taken=[None, datetime(2025, 5, 1, 14, 32), None])
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    assert viewer.index == 1 and viewer.view.image_rect().height() == 900
    assert "2 of 3" in viewer.caption.text() and "2025-05-01 14:32" in viewer.caption.text()
    QTest.keyClick(viewer.view, Qt.Key.Key_Right)
    assert viewer.index == 2 and viewer.view.image_rect().width() == 500
    assert "taken" not in viewer.caption.text()
    QTest.keyClick(viewer.view, Qt.Key.Key_Right)  # the last one: stays
    assert viewer.index == 2 and not viewer.next_button.isEnabled()
    QTest.keyClick(viewer.view, Qt.Key.Key_Left)
    QTest.keyClick(viewer.view, Qt.Key.Key_Left)
    assert viewer.index == 0 and not viewer.previous_button.isEnabled()


def test_photo_viewer_zoom_and_actual_size(qtbot: QtBot, tmp_path: Path) -> None:
    viewer = PhotoViewer([_photo(tmp_path, size=(4000, 3000))])
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    fitted = viewer.view.scale_factor()
    assert fitted < 0.5  # a large photo starts fitted to the window
    QTest.keyClick(viewer.view, Qt.Key.Key_Plus)
    assert viewer.view.scale_factor() == pytest.approx(fitted * 1.25)
    viewer.actual_button.click()
    assert viewer.view.scale_factor() == pytest.approx(1.0) and "100 %" in viewer.caption.text()
    QTest.keyClick(viewer.view, Qt.Key.Key_0)
    assert viewer.view.scale_factor() == pytest.approx(fitted)
