"""Every dialog fits the screen it opens on, and reopens at the size the user left it.

A dialog asks for the size its content reads best at (``resize`` in its constructor, or Qt's size
hint). On a 1366×768 laptop the notice preview's 860×900 put 打印…, 打开所在文件夹 and 关闭 below
the taskbar. :class:`DialogSizes`, installed once on the application, acts on every dialog of ours
as it is shown: the size the user last left that dialog at (QSettings ``dialog-size/<ClassName>``,
the store of :mod:`inspector.ui.geometry`) replaces the preferred one, and the result is bounded
by the screen's free area less the window frame, then centred on its parent. When the dialog is
hidden its size is remembered. Qt's own dialogs (message boxes, the file dialog) are only bounded.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from inspector.ui.app_filters import install_once
from inspector.ui.geometry import settings_store

# What a window manager adds around the client area: borders, and the title bar above.
FRAME_ALLOWANCE = QSize(16, 40)
KEY_PREFIX = "dialog-size/"


def ours(dialog: QDialog) -> bool:
    return type(dialog).__module__.startswith("inspector.")


def free_area(widget: QWidget) -> QRect:
    """The screen area a window of ``widget`` may use (the taskbar excluded)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def bounded(size: QSize, widget: QWidget) -> QSize:
    """``size`` made to fit the free area of ``widget``'s screen, frame included."""
    room = free_area(widget).size() - FRAME_ALLOWANCE
    return size.boundedTo(room)


class DialogSizes(QObject):
    """Application-wide event filter; see the module's doc string."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            self._fit(watched)
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow() and ours(watched):
            store = settings_store()
            store.setValue(KEY_PREFIX + type(watched).__name__, watched.size())
            store.sync()
        return False

    def _fit(self, dialog: QDialog) -> None:
        size = dialog.size()
        if ours(dialog) and not dialog.property("_inspector_size_restored"):
            dialog.setProperty("_inspector_size_restored", True)
            remembered = settings_store().value(KEY_PREFIX + type(dialog).__name__)
            if isinstance(remembered, QSize) and remembered.isValid():
                size = remembered.expandedTo(dialog.minimumSizeHint())
        fitted = bounded(size, dialog)
        if fitted != dialog.size():
            dialog.resize(fitted)
        # Before it is mapped a window's frame is not known yet: count the allowance for it.
        area = free_area(dialog)
        window = QRect(dialog.frameGeometry().topLeft(), dialog.size() + FRAME_ALLOWANCE)
        if not area.contains(window):
            parent = dialog.parentWidget()
            window.moveCenter(parent.window().frameGeometry().center() if parent is not None else area.center())
            x = min(max(window.left(), area.left()), area.right() - window.width() + 1)
            y = min(max(window.top(), area.top()), area.bottom() - window.height() + 1)
            dialog.move(QPoint(x, y))


def install_dialog_sizes(app: QApplication) -> DialogSizes:
    """Install the filter on ``app`` once."""
    return install_once(app, DialogSizes)
