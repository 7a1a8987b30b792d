"""The change hub: services return a ChangeSet, the hub re-emits it, pages refresh what it touches."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from inspector.domain.changes import ChangeSet


class ChangeHub(QObject):
    """One per window. ``changed`` after every mutation; ``user_changed`` after sign-in/switch."""

    changed = Signal(object)  # ChangeSet
    user_changed = Signal(object)  # User

    def publish(self, changes: ChangeSet) -> None:
        if not changes.empty:
            self.changed.emit(changes)
