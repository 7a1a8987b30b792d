"""Marking a photo: arrows, ellipses, rectangles and short text, returned as data.

``AnnotationDialog.ask(parent, image, annotations)`` shows the clean upright picture (a path, or
the bytes the photo service hands over) with the current marks and returns the edited marks, or
None when cancelled. The caller passes them to the annotation service, which stores them and
burns them into the working and print copies; the dialog itself writes nothing.

Keyboard: A arrow, E ellipse, R rectangle, T text, Esc back to selecting (and, when already
selecting with nothing selected, cancel), Delete removes the selected marks, Ctrl+Z undoes,
+ / − / 0 zoom in, out and fit. The toolbar shows the same tools and the three colours.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.photos import Annotation
from inspector.ui.widgets.annotation_canvas import COLORS, AnnotationCanvas, Tool

DIALOG_SIZE = (1100, 780)
SWATCH_PX = 16


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(SWATCH_PX, SWATCH_PX)
    pixmap.fill(QColor(color))
    painter = QPainter(pixmap)
    painter.setPen(QColor(110, 110, 110))  # a border, or white vanishes on a light toolbar
    painter.drawRect(0, 0, SWATCH_PX - 1, SWATCH_PX - 1)
    painter.end()
    return QIcon(pixmap)


class AnnotationDialog(QDialog):
    """The canvas, a toolbar of tools and colours, and OK / Cancel."""

    def __init__(self, image: Path | bytes, annotations: tuple[Annotation, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark the photo"))
        self.resize(*DIALOG_SIZE)
        self.canvas = AnnotationCanvas(self)
        self.loaded = self.canvas.set_image(image)
        self.canvas.set_annotations(annotations)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tool_actions: dict[Tool, QAction] = {}
        self.color_actions: dict[str, QAction] = {}
        self._build_tools()
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.loaded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.canvas.changed.connect(self._refresh)
        self.set_tool(Tool.SELECT)
        self.canvas.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, image_path: Path | bytes,
            annotations: tuple[Annotation, ...]) -> tuple[Annotation, ...] | None:
        """The marks as the user left them, or None when cancelled."""
        dialog = cls(image_path, annotations, parent)
        try:
            return dialog.canvas.annotations() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def annotations(self) -> tuple[Annotation, ...]:
        return self.canvas.annotations()

    # --- building -------------------------------------------------------------------------------
    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey, slot: object,
                *, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work while the focus is anywhere in the dialog
        self.toolbar.addAction(action)
        return action

    def _build_tools(self) -> None:
        tools = QActionGroup(self)
        labels = {Tool.SELECT: (self.tr("Select"), "Esc"), Tool.ARROW: (self.tr("Arrow"), "A"),
                  Tool.ELLIPSE: (self.tr("Ellipse"), "E"), Tool.RECTANGLE: (self.tr("Rectangle"), "R"),
                  Tool.TEXT: (self.tr("Text"), "T")}
        for tool, (label, key) in labels.items():
            # Esc is handled in keyPressEvent: as a shortcut it would never reach the dialog's cancel.
            action = self._action(label, "" if tool is Tool.SELECT else key,
                                  lambda _=False, chosen=tool: self.set_tool(chosen), checkable=True)
            action.setToolTip(f"{label} ({key})")
            tools.addAction(action)
            self.tool_actions[tool] = action
        self.toolbar.addSeparator()
        colours = QActionGroup(self)
        names = {"red": self.tr("Red"), "yellow": self.tr("Yellow"), "white": self.tr("White")}
        for name, value in COLORS.items():
            action = QAction(_swatch(value), names[name], self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, chosen=value: self.set_color(chosen))
            colours.addAction(action)
            self.toolbar.addAction(action)
            self.color_actions[value] = action
        self.color_actions[self.canvas.color].setChecked(True)
        self.toolbar.addSeparator()
        self.undo_action = self._action(self.tr("Undo"), QKeySequence.StandardKey.Undo, self.canvas.undo)
        self.delete_action = self._action(self.tr("Delete"), "", self.canvas.delete_selected)
        self.toolbar.addSeparator()
        self._action(self.tr("Zoom in"), "+", self.canvas.zoom_in)
        self._action(self.tr("Zoom out"), "-", self.canvas.zoom_out)
        self._action(self.tr("Fit"), "0", self.canvas.fit)

    # --- state ----------------------------------------------------------------------------------
    def set_tool(self, tool: Tool) -> None:
        self.canvas.set_tool(tool)
        self.tool_actions[tool].setChecked(True)
        self._refresh()

    def set_color(self, color: str) -> None:
        self.canvas.set_color(color)
        self.color_actions[color].setChecked(True)

    def _refresh(self) -> None:
        self.undo_action.setEnabled(self.canvas.can_undo())
        hints = {
            Tool.SELECT: self.tr("Click a mark to select it; drag to move it; Delete removes it."),
            Tool.ARROW: self.tr("Drag from the tail to the point of the arrow."),
            Tool.ELLIPSE: self.tr("Drag across the area to circle."),
            Tool.RECTANGLE: self.tr("Drag across the area to frame."),
            Tool.TEXT: self.tr("Click where the label should start."),
        }
        count = len(self.canvas.marks)
        marks = self.tr("%n mark(s)", "", count)
        self.hint.setText(f"{marks}  ·  {hints[self.canvas.tool]}" if self.loaded else
                          self.tr("This photo cannot be shown."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc leaves a drawing tool, then clears the selection, and only then cancels."""
        if event.key() == Qt.Key.Key_Escape:
            if self.canvas.tool is not Tool.SELECT:
                self.set_tool(Tool.SELECT)
                return
            if self.canvas.selected_marks():
                self.canvas.scene().clearSelection()
                return
        super().keyPressEvent(event)
