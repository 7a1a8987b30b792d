"""Drawing marks on a photo: arrows, ellipses, rectangles and short text, kept as data.

``AnnotationCanvas`` is a ``ZoomView`` whose scene is the upright picture in its own pixels; each
mark is a ``MarkItem`` holding its two points in those pixels. ``annotations()`` turns them into
``Annotation`` values in fractions of the picture, ``set_annotations`` does the reverse. Sizes and
colours come from ``inspector.media.annotate`` (stroke width, text size, arrow head, the shade of
the text box), so what is drawn here is what the service burns into the working and print copies.

Tools: select (move, rubber-band, Delete removes), arrow, ellipse, rectangle (press, drag,
release) and text (a click asks for the words through ``ask_text``, a classmethod tests replace).
``undo()`` takes back the last addition or deletion made since the marks were set.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsView,
    QInputDialog,
    QLineEdit,
    QStyleOptionGraphicsItem,
    QWidget,
)

from inspector.domain.photos import Annotation, AnnotationShape
from inspector.media.annotate import (
    HALO,
    TEXT_BOX_DARK,
    TEXT_BOX_LIGHT,
    arrow_head,
    halo_width,
    parse_color,
    shaft_end,
    stroke_width,
    text_box_is_dark,
    text_size,
)
from inspector.ui.widgets.zoom_view import ZoomView


class Tool(StrEnum):
    SELECT = "select"
    ARROW = "arrow"
    ELLIPSE = "ellipse"
    RECTANGLE = "rectangle"
    TEXT = "text"


SHAPE_OF_TOOL = {Tool.ARROW: AnnotationShape.ARROW, Tool.ELLIPSE: AnnotationShape.ELLIPSE,
                 Tool.RECTANGLE: AnnotationShape.RECTANGLE, Tool.TEXT: AnnotationShape.TEXT}
# Red for faults, yellow where red drowns (a red bus), white on dark interiors.
COLORS: dict[str, str] = {"red": "#e53935", "yellow": "#fdd835", "white": "#ffffff"}
MIN_DRAG_SCREEN_PX = 6  # a press and release closer than this is a slip, not a mark
SELECTION_PEN = QPen(QColor("#4fc3f7"), 0, Qt.PenStyle.DashLine)  # cosmetic: 1 px at any zoom


def _rgba(color: tuple[int, ...]) -> QColor:
    return QColor(*color)


class MarkItem(QGraphicsItem):
    """One mark: ``p1`` and ``p2`` in picture pixels relative to the item's position."""

    def __init__(self, shape: AnnotationShape, p1: QPointF, p2: QPointF, *, text: str = "",
                 color: str = COLORS["red"], picture: QRectF) -> None:
        super().__init__()
        self.mark_shape, self.p1, self.p2, self.text, self.color = shape, QPointF(p1), QPointF(p2), text, color
        self.picture = picture
        self.stroke = stroke_width(int(picture.width()), int(picture.height()))
        self.font = QFont()
        self.font.setPixelSize(text_size(int(picture.width()), int(picture.height())))
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)

    # --- geometry -------------------------------------------------------------------------------
    def set_end(self, point: QPointF) -> None:
        self.prepareGeometryChange()
        self.p2 = QPointF(point) - self.pos()

    def set_color(self, color: str) -> None:
        self.color = color
        self.update()

    def _text_rect(self) -> QRectF:
        metrics = QFontMetricsF(self.font)
        pad = max(4.0, self.font.pixelSize() // 5)
        width = metrics.horizontalAdvance(self.text) + 2 * pad
        return QRectF(self.p1.x(), self.p1.y(), width, metrics.height() + 2 * pad)

    def _box(self) -> QRectF:
        return QRectF(self.p1, self.p2).normalized()

    def boundingRect(self) -> QRectF:
        if self.mark_shape is AnnotationShape.TEXT:
            return self._text_rect()
        margin = self.stroke * 6  # the halo and the arrow head reach past the points
        return self._box().adjusted(-margin, -margin, margin, margin)

    def clamped(self, pos: QPointF) -> QPointF:
        """``pos`` moved as little as needed for the mark to lie on the picture."""
        box = self._text_rect() if self.mark_shape is AnnotationShape.TEXT else self._box()
        x = max(-box.left(), min(pos.x(), self.picture.width() - box.right()))
        y = max(-box.top(), min(pos.y(), self.picture.height() - box.bottom()))
        return QPointF(x, y)

    def keep_inside(self) -> None:
        self.setPos(self.clamped(self.pos()))

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        """A dragged mark stays on the picture."""
        if change is QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(value, QPointF):
            return self.clamped(value)
        return super().itemChange(change, value)

    def annotation(self) -> Annotation:
        """This mark in fractions of the picture."""
        width, height = max(1.0, self.picture.width()), max(1.0, self.picture.height())
        a, b = self.p1 + self.pos(), self.p2 + self.pos()
        return Annotation(shape=self.mark_shape, x1=round(a.x() / width, 5), y1=round(a.y() / height, 5),
                          x2=round(b.x() / width, 5), y2=round(b.y() / height, 5), text=self.text, color=self.color)

    # --- painting -------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(*parse_color(self.color))
        if self.mark_shape is AnnotationShape.TEXT:
            self._paint_text(painter, color)
        else:
            self._paint_shape(painter, _rgba(HALO), halo_width(self.stroke))
            self._paint_shape(painter, color, self.stroke)
        if self.isSelected():
            painter.setPen(SELECTION_PEN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.boundingRect())

    def _paint_shape(self, painter: QPainter, color: QColor, width: int) -> None:
        """One pass of the mark: the halo (``width`` wider than the stroke) or the stroke itself,
        in the geometry ``burn_in`` uses."""
        pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # Pillow draws outlines inside the box: the stroke's centre line is half a stroke inwards.
        inset = self.stroke / 2
        inner = self._box().adjusted(inset, inset, -inset, -inset)
        if self.mark_shape is AnnotationShape.RECTANGLE:
            painter.drawRect(inner)
        elif self.mark_shape is AnnotationShape.ELLIPSE:
            painter.drawEllipse(inner)
        else:
            x1, y1, x2, y2 = self.p1.x(), self.p1.y(), self.p2.x(), self.p2.y()
            painter.drawLine(self.p1, QPointF(*shaft_end(x1, y1, x2, y2, self.stroke)))
            head = QPolygonF([QPointF(x, y) for x, y in arrow_head(x1, y1, x2, y2, self.stroke)])
            if width > self.stroke:  # the halo around the head, centred on its edges
                painter.setPen(QPen(color, width - self.stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(color))
            painter.drawPolygon(head)

    def _paint_text(self, painter: QPainter, color: QColor) -> None:
        rect = self._text_rect()
        pad = max(4.0, self.font.pixelSize() // 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_rgba(TEXT_BOX_DARK if text_box_is_dark(self.color) else TEXT_BOX_LIGHT))
        painter.drawRoundedRect(rect, pad, pad)
        painter.setFont(self.font)
        painter.setPen(color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)


class AnnotationCanvas(ZoomView):
    """A photo with editable marks; ``changed`` whenever a mark is added, moved or removed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tool = Tool.SELECT
        self.color = COLORS["red"]
        self.marks: list[MarkItem] = []
        self._undo: list[tuple[str, list[tuple[int, MarkItem]]]] = []
        self._drawing: MarkItem | None = None
        self._press_at = QPointF()
        self.set_tool(Tool.SELECT)

    @classmethod
    def ask_text(cls, parent: QWidget | None) -> str | None:
        """The words of a text mark, or None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getText(parent, QCoreApplication.translate("AnnotationCanvas", "Text"),
                                        QCoreApplication.translate("AnnotationCanvas", "Label:"),
                                        QLineEdit.EchoMode.Normal)
        return text.strip() if ok and text.strip() else None

    # --- tools and colour -----------------------------------------------------------------------
    def set_tool(self, tool: Tool) -> None:
        self.tool = Tool(tool)
        selecting = self.tool is Tool.SELECT
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if selecting else QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor if selecting else Qt.CursorShape.CrossCursor)
        if not selecting:
            self.scene().clearSelection()

    def set_color(self, color: str) -> None:
        """The colour of the next marks, and of the selected ones."""
        self.color = color
        for mark in self.selected_marks():
            mark.set_color(color)
        if self.selected_marks():
            self.changed.emit()

    def selected_marks(self) -> list[MarkItem]:
        return [mark for mark in self.marks if mark.isSelected()]

    # --- the marks as data ----------------------------------------------------------------------
    def annotations(self) -> tuple[Annotation, ...]:
        return tuple(mark.annotation() for mark in self.marks)

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Replace the marks (the picture must be set first); clears the undo history."""
        for mark in self.marks:
            self.scene().removeItem(mark)
        self.marks, self._undo = [], []
        picture = self.image_rect()
        for given in annotations:
            a = QPointF(given.x1 * picture.width(), given.y1 * picture.height())
            b = QPointF(given.x2 * picture.width(), given.y2 * picture.height())
            self._add(MarkItem(given.shape, a, b, text=given.text, color=given.color, picture=picture))
        self.changed.emit()

    def _add(self, mark: MarkItem, index: int | None = None) -> None:
        self.scene().addItem(mark)
        self.marks.insert(len(self.marks) if index is None else index, mark)

    def _finish(self, mark: MarkItem) -> None:
        self._undo.append(("add", [(self.marks.index(mark), mark)]))
        self.changed.emit()

    def delete_selected(self) -> int:
        """Remove the selected marks (undoable); how many."""
        chosen = [(index, mark) for index, mark in enumerate(self.marks) if mark.isSelected()]
        for _, mark in chosen:
            self.scene().removeItem(mark)
            self.marks.remove(mark)
        if chosen:
            self._undo.append(("delete", chosen))
            self.changed.emit()
        return len(chosen)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> None:
        """Take back the last addition or deletion."""
        if not self._undo:
            return
        kind, entries = self._undo.pop()
        for index, mark in sorted(entries, reverse=kind == "add"):
            if kind == "add":
                self.scene().removeItem(mark)
                self.marks.remove(mark)
            else:
                mark.setSelected(False)
                self._add(mark, index)
        self.changed.emit()

    # --- input ----------------------------------------------------------------------------------
    def _picture_point(self, event: QMouseEvent) -> QPointF:
        point = self.mapToScene(event.position().toPoint())
        rect = self.image_rect()
        return QPointF(min(max(point.x(), 0.0), rect.width()), min(max(point.y(), 0.0), rect.height()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.tool is Tool.SELECT or event.button() != Qt.MouseButton.LeftButton or not self.has_image():
            super().mousePressEvent(event)
            return
        event.accept()
        start = self._picture_point(event)
        if self.tool is Tool.TEXT:
            text = type(self).ask_text(self)
            if text:
                mark = MarkItem(AnnotationShape.TEXT, start, start, text=text, color=self.color,
                                picture=self.image_rect())
                self._add(mark)
                mark.keep_inside()
                self._finish(mark)
            return
        self._press_at = event.position()
        self._drawing = MarkItem(SHAPE_OF_TOOL[self.tool], start, start, color=self.color, picture=self.image_rect())
        self._add(self._drawing)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing is None:
            super().mouseMoveEvent(event)
            return
        self._drawing.set_end(self._picture_point(event))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        mark, self._drawing = self._drawing, None
        if mark is None:
            super().mouseReleaseEvent(event)
            if self.selected_marks():
                self.changed.emit()  # a drag of the selection may have moved marks
            return
        mark.set_end(self._picture_point(event))
        moved = event.position() - self._press_at
        if max(abs(moved.x()), abs(moved.y())) < MIN_DRAG_SCREEN_PX:
            self.scene().removeItem(mark)
            self.marks.remove(mark)
        else:
            self._finish(mark)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_marks():
            self.delete_selected()
            event.accept()
            return
        super().keyPressEvent(event)
