"""A pad to draw a handwritten signature with a mouse, a pen (pressure-sensitive) or a finger.

Strokes are kept as points in *pad coordinates*: the widget's size when the first ink went down
(or the signature was loaded). Painting maps them into the current widget with one uniform
scale, centred, so a resized or re-laid-out pad shows the same signature undistorted, and new
points drawn at the new size are mapped back into the same space.

Each stroke is drawn as quadratic curves through the midpoints of successive points (the points
themselves are the control points), which smooths the jitter of mouse and touch input; a pen's
pressure sets the width of each piece. ``to_png`` renders only the ink — cropped with a small
margin, transparent background, dark blue-black, at most ``MAX_PNG_WIDTH`` pixels wide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEventPoint,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor(22, 32, 66)  # blue-black, like a fountain pen's
BASE_WIDTH = 2.6  # pad pixels at pressure 0.5 (mouse and touch)
MAX_PNG_WIDTH = 800
PNG_SCALE = 2.0  # pad pixel → PNG pixels, before the width limit; enough for print at signature size
PNG_MARGIN = 12  # PNG pixels of transparent margin around the ink


@dataclass
class Stroke:
    """One continuous line: points in pad coordinates and the pen's pressure at each (0–1)."""

    points: list[QPointF] = field(default_factory=list)
    pressures: list[float] = field(default_factory=list)

    def add(self, point: QPointF, pressure: float) -> None:
        if self.points and (self.points[-1] - point).manhattanLength() < 0.5:
            return  # the same spot again adds nothing but a kink
        self.points.append(point)
        self.pressures.append(pressure)

    def bounds(self) -> QRectF:
        xs = [p.x() for p in self.points]
        ys = [p.y() for p in self.points]
        half = BASE_WIDTH * _width_factor(max(self.pressures)) / 2 + 1
        return QRectF(min(xs) - half, min(ys) - half, max(xs) - min(xs) + 2 * half, max(ys) - min(ys) + 2 * half)


def _width_factor(pressure: float) -> float:
    """Pressure 0 → 0.45×, 0.5 → 1×, 1 → 1.55× the base width."""
    return 0.45 + 1.1 * max(0.0, min(1.0, pressure))


def _clean_pressure(pressure: float) -> float:
    # Touch screens and some drivers report 0 or exactly 1 for "no pressure information".
    return pressure if 0.0 < pressure < 1.0 else 0.5


def paint_stroke(painter: QPainter, stroke: Stroke) -> None:
    """Draw ``stroke`` (pad coordinates; the painter's transform maps them) with round ends."""
    points, pressures = stroke.points, stroke.pressures
    pen = QPen(INK, BASE_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    if len(points) == 1:
        pen.setWidthF(BASE_WIDTH * _width_factor(pressures[0]) * 1.3)
        painter.setPen(pen)
        painter.drawPoint(points[0])
        return
    if len(points) == 2:
        pen.setWidthF(BASE_WIDTH * _width_factor(sum(pressures) / 2))
        painter.setPen(pen)
        painter.drawLine(points[0], points[1])
        return
    # From the first point to the first midpoint, then curves midpoint → midpoint, then to the end.
    start = points[0]
    for index in range(1, len(points)):
        end = points[index] if index == len(points) - 1 else (points[index] + points[index + 1]) / 2
        path = QPainterPath(start)
        if index == len(points) - 1:
            path.lineTo(end)
        else:
            path.quadTo(points[index], end)
        pen.setWidthF(BASE_WIDTH * _width_factor((pressures[index - 1] + pressures[index]) / 2))
        painter.strokePath(path, pen)
        start = end


class SignaturePad(QWidget):
    """``changed()`` is emitted when a stroke ends, and on clear, undo and load."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._touch_id: int | None = None
        self._pad_size: QSize | None = None  # the coordinate space of the strokes
        self._image: QImage | None = None  # a loaded earlier signature
        self._image_rect = QRectF()  # where it sits, in pad coordinates
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setMinimumSize(320, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        return QSize(560, 220)

    # --- public API -----------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self.strokes and self._image is None and self._current is None

    def clear(self) -> None:
        self.strokes.clear()
        self._current = None
        self._touch_id = None
        self._image = None
        self._pad_size = None
        self.update()
        self.changed.emit()

    def undo_stroke(self) -> None:
        """Remove the last stroke; with no stroke left, the loaded signature goes."""
        if self.strokes:
            self.strokes.pop()
        elif self._image is not None:
            self._image = None
        else:
            return
        if self.is_empty():
            self._pad_size = None
        self.update()
        self.changed.emit()

    def load_png(self, data: bytes) -> bool:
        """Start from an existing signature image (replacing everything); False if unreadable."""
        image = QImage.fromData(QByteArray(data))
        if image.isNull():
            return False
        self.strokes.clear()
        self._current = None
        self._image = image
        self._place_image()
        self.update()
        self.changed.emit()
        return True

    def to_png(self) -> bytes:
        """The ink as a PNG (transparent, cropped with a margin); b"" when the pad is empty."""
        bounds = self._ink_bounds()
        if bounds is None:
            return b""
        scale = min(PNG_SCALE, (MAX_PNG_WIDTH - 2 * PNG_MARGIN) / max(bounds.width(), 1.0))
        width = max(1, round(bounds.width() * scale) + 2 * PNG_MARGIN)
        height = max(1, round(bounds.height() * scale) + 2 * PNG_MARGIN)
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        painter.translate(PNG_MARGIN, PNG_MARGIN)
        painter.scale(scale, scale)
        painter.translate(-bounds.topLeft())
        self._paint_ink(painter)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data().data())

    # --- geometry -------------------------------------------------------------------------
    def _place_image(self) -> None:
        """Fit the loaded image on the baseline of the pad as it is now; the pad's coordinate
        space starts here (the image is the first "stroke")."""
        assert self._image is not None
        self._pad_size = QSize(max(1, self.width()), max(1, self.height()))
        area = self._ink_area(QRectF(0, 0, self._pad_size.width(), self._pad_size.height()))
        # Its natural size in pad pixels (our PNGs are made at PNG_SCALE), shrunk to fit.
        scale = min(1 / PNG_SCALE, area.width() / self._image.width(), area.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        self._image_rect = QRectF(area.center().x() - width / 2, area.bottom() - height, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A pad resized before anything is drawn on the loaded image (a dialog laying itself
        # out) places the image again, rather than scaling up what was fitted to a small pad.
        if self._image is not None and not self.strokes and self._current is None:
            self._place_image()
        super().resizeEvent(event)

    @staticmethod
    def _ink_area(rect: QRectF) -> QRectF:
        """Where a signature is expected: above the baseline, inside side margins."""
        return QRectF(rect.left() + rect.width() * 0.06, rect.top() + rect.height() * 0.1,
                      rect.width() * 0.88, rect.height() * 0.66)

    def _to_widget(self) -> QTransform:
        """Pad coordinates → widget coordinates (uniform scale, centred)."""
        if self._pad_size is None:
            return QTransform()
        sx = self.width() / self._pad_size.width()
        sy = self.height() / self._pad_size.height()
        scale = min(sx, sy)
        dx = (self.width() - self._pad_size.width() * scale) / 2
        dy = (self.height() - self._pad_size.height() * scale) / 2
        return QTransform(scale, 0, 0, scale, dx, dy)

    def _to_pad(self, point: QPointF) -> QPointF:
        inverse, _ok = self._to_widget().inverted()
        return inverse.map(point)

    def _ink_bounds(self) -> QRectF | None:
        rects = [stroke.bounds() for stroke in self.strokes if stroke.points]
        if self._image is not None:
            # Our PNGs carry PNG_MARGIN transparent pixels around the ink: leave them out, or
            # every load-and-save round trip would widen the margin.
            inset = self._image_rect.width() / self._image.width() * min(PNG_MARGIN, self._image.width() // 4)
            rects.append(self._image_rect.adjusted(inset, inset, -inset, -inset))
        if not rects:
            return None
        bounds = rects[0]
        for rect in rects[1:]:
            bounds = bounds.united(rect)
        return bounds

    # --- drawing --------------------------------------------------------------------------
    def _begin(self, position: QPointF, pressure: float) -> None:
        if self._pad_size is None:
            self._pad_size = QSize(max(1, self.width()), max(1, self.height()))
        self._current = Stroke()
        self._current.add(self._to_pad(position), pressure)
        self.update()

    def _extend(self, position: QPointF, pressure: float) -> None:
        if self._current is not None:
            self._current.add(self._to_pad(position), pressure)
            self.update()

    def _finish(self, position: QPointF | None = None, pressure: float = 0.5) -> None:
        if self._current is None:
            return
        if position is not None:
            self._current.add(self._to_pad(position), pressure)
        self.strokes.append(self._current)
        self._current = None
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 0.5)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None and self._touch_id is None:
            self._extend(event.position(), 0.5)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._touch_id is None:
            self._finish(event.position(), 0.5)
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting stops Qt from also sending the mouse events it would synthesise.
        pressure = max(0.0, min(1.0, event.pressure()))
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._finish(event.position(), pressure)
        event.accept()

    def event(self, event) -> bool:  # noqa: ANN001 - any QEvent
        kind = event.type()
        if kind in (QTouchEvent.Type.TouchBegin, QTouchEvent.Type.TouchUpdate, QTouchEvent.Type.TouchEnd,
                    QTouchEvent.Type.TouchCancel):
            self._touch(event)
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger draws (the first down); others are ignored, so a resting palm does not."""
        if event.type() == QTouchEvent.Type.TouchCancel:
            self._current = None
            self._touch_id = None
            self.update()
            event.accept()
            return
        for point in event.points():
            state = point.state()
            pressure = _clean_pressure(point.pressure())
            if self._touch_id is None and state == QEventPoint.State.Pressed:
                self._touch_id = point.id()
                self._begin(point.position(), pressure)
            elif point.id() != self._touch_id:
                continue
            elif state == QEventPoint.State.Released:
                self._finish(point.position(), pressure)
                self._touch_id = None
            elif state in (QEventPoint.State.Updated, QEventPoint.State.Stationary):
                self._extend(point.position(), pressure)
        event.accept()

    # --- painting -------------------------------------------------------------------------
    def _paint_ink(self, painter: QPainter) -> None:
        if self._image is not None:
            painter.drawImage(self._image_rect, self._image)
        for stroke in (*self.strokes, *([self._current] if self._current else [])):
            if stroke.points:
                paint_stroke(painter, stroke)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        palette = self.palette()
        painter.fillRect(rect, QColor("#fffefb"))
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        area = self._ink_area(rect)
        baseline_y = area.bottom() + rect.height() * 0.04
        painter.setPen(QPen(QColor(150, 150, 160), 1.2))
        painter.drawLine(QPointF(area.left(), baseline_y), QPointF(area.right(), baseline_y))
        painter.drawText(QRectF(area.left(), baseline_y - 24, 20, 22), Qt.AlignmentFlag.AlignBottom, "×")
        if self.is_empty():
            font = painter.font()
            font.setPointSizeF(max(11.0, font.pointSizeF() * 1.5))
            painter.setFont(font)
            painter.setPen(QColor(170, 170, 180))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("Sign here"))
        painter.setTransform(self._to_widget(), combine=True)
        self._paint_ink(painter)
        painter.end()
