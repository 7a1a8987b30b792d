"""What the screenshot scenes share: the ``Shoot`` callback type, a plain dialog to host a widget,
the demo supervisor's session, and a generated photo of a bus side with a scratch.

Kept apart from the scene modules so that each of them imports these, and none imports another.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from inspector.context import AppContext
from inspector.ui.uicontext import UiContext

Shoot = Callable[[QDialog, Path], Path]
SCENE_SUPERVISOR = "zhangwei"


def host_dialog(parent: QWidget, content: QWidget, size: tuple[int, int]) -> QDialog:
    """A plain dialog around ``content`` so that it gets the window background and margins."""
    host = QDialog(parent)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(16, 14, 16, 14)
    layout.addWidget(content)
    host.resize(*size)
    return host


def as_supervisor(context: AppContext) -> UiContext:
    ui = UiContext(app=context)
    ui.sign_in(context.users.by_username(SCENE_SUPERVISOR))
    return ui


def bus_side_photo(size: tuple[int, int] = (1600, 1067)) -> bytes:
    """A JPEG of a green-and-white city bus seen from the side, a scratch on its lower panel."""
    width, height = size
    image = Image.new("RGB", size, (178, 208, 232))
    draw = ImageDraw.Draw(image)
    for row in range(height // 2):  # sky lightening towards the horizon
        shade = 178 + row * 50 // (height // 2)
        draw.line((0, row, width, row), fill=(shade, min(255, shade + 28), 240))
    draw.rectangle((0, int(height * 0.78), width, height), fill=(96, 98, 102))  # the road
    left, top, right, bottom = int(width * 0.06), int(height * 0.22), int(width * 0.94), int(height * 0.8)
    draw.rounded_rectangle((left, top, right, bottom), radius=40, fill=(236, 238, 236))
    draw.rectangle((left, int(height * 0.58), right, int(height * 0.66)), fill=(46, 139, 87))  # livery stripe
    pane = (int(width * 0.78) - left - 40) // 5  # five windows, then the door
    for index in range(5):
        x = left + 40 + index * pane
        draw.rounded_rectangle((x + 6, int(height * 0.28), x + pane - 6, int(height * 0.5)), radius=10,
                               fill=(52, 70, 92))
    draw.rectangle((int(width * 0.8), int(height * 0.3), int(width * 0.88), bottom - 8), fill=(60, 78, 98))  # door
    for wheel in (0.2, 0.72):
        cx, cy, r = int(width * wheel), bottom, int(height * 0.09)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(28, 28, 30))
        draw.ellipse((cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2), fill=(150, 150, 155))
    for offset in range(3):  # the scratch: thin bright lines across the stripe and the panel below
        draw.line((int(width * 0.41), int(height * 0.6) + offset * 9, int(width * 0.55),
                   int(height * 0.69) + offset * 7), fill=(205, 208, 204), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()
