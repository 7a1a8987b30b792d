"""A picture in a QGraphicsView that zooms (Ctrl + wheel, +/−, 0 to fit, 1 for 100 %) and pans.

Shared by the photo viewer and the annotation canvas. The scene is in the picture's own pixels
(the pixmap sits at 0, 0), so "100 %" is the identity transform and "fit" scales the picture's
rectangle into the viewport; while fitting, a resize fits again. The picture is read by Qt from
a path or from bytes the service hands over: nothing here writes a file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QKeyEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

ZOOM_STEP = 1.25
MIN_SCALE = 0.02
MAX_SCALE = 16.0
BACKDROP = QColor(40, 40, 40)  # a neutral dark surround: a photo's colours are judged against grey


def read_image(source: Path | bytes) -> QImage:
    """The picture at ``source`` (or in its bytes), turned upright by its EXIF orientation if any;
    a null image when Qt cannot read it."""
    if isinstance(source, bytes):
        return QImage.fromData(QByteArray(source))
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    return reader.read()


class ZoomView(QGraphicsView):
    """Shows one picture; ``zoom_by``, ``fit`` and ``actual_size`` change the scale."""

    zoom_changed = Signal(float)  # the scale now (1.0 = one picture pixel per screen pixel)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(BACKDROP)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.pixmap_item.setZValue(-1)
        self.scene().addItem(self.pixmap_item)
        self.fitting = True

    # --- the picture --------------------------------------------------------------------------
    def set_image(self, source: Path | bytes | QImage) -> bool:
        """Show ``source``; False (and an empty view) when it cannot be read."""
        image = source if isinstance(source, QImage) else read_image(source)
        self.pixmap_item.setPixmap(QPixmap.fromImage(image) if not image.isNull() else QPixmap())
        self.scene().setSceneRect(self.image_rect())
        self.fit()
        return not image.isNull()

    def image_rect(self) -> QRectF:
        return QRectF(self.pixmap_item.pixmap().rect())

    def has_image(self) -> bool:
        return not self.pixmap_item.pixmap().isNull()

    # --- zoom ---------------------------------------------------------------------------------
    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor() * factor))
        self.fitting = False
        self.scale(target / self.scale_factor(), target / self.scale_factor())
        self.zoom_changed.emit(self.scale_factor())

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def actual_size(self) -> None:
        self.fitting = False
        self.resetTransform()
        self.zoom_changed.emit(1.0)

    def fit(self) -> None:
        self.fitting = True
        if self.has_image():
            self.fitInView(self.image_rect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.scale_factor())

    # --- input --------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl + wheel zooms around the pointer; the plain wheel scrolls as everywhere else."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.actual_size()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()
