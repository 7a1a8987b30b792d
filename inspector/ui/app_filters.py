"""Application-wide event filters (the wheel guard, dialog sizes), each installed once."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

F = TypeVar("F", bound=QObject)


def install_once(app: QApplication, kind: type[F]) -> F:
    """The ``kind`` filter on ``app``: the one already installed, or a new one parented to ``app``
    (so it lives as long as the application) and installed."""
    existing = app.findChild(kind)
    if existing is not None:
        return existing
    made = kind(app)
    app.installEventFilter(made)
    return made
