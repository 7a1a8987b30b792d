"""The page contract: a QWidget built from a UiContext that refreshes on the changes it cares for."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.users import User
from inspector.ui.uicontext import UiContext


class Page(QWidget):
    """Subclasses set ``WATCHES`` and implement ``reload()``; the window calls ``on_changes``."""

    WATCHES: tuple[Entity, ...] = ()

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        ui.hub.changed.connect(self.on_changes)
        ui.hub.user_changed.connect(self.on_user_changed)

    def title(self) -> str:
        """The translated navigation label; pages override it."""
        return self.windowTitle()

    def reload(self) -> None:
        """Re-read what the page shows from the services."""

    def retranslate(self) -> None:
        """Set every text again after a language switch, keeping what the user selected.

        The main window calls it on ``QEvent.LanguageChange``; a page that does not override it
        is rebuilt from scratch instead (correct, but it loses selection and scroll position).
        """

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*self.WATCHES):
            self.reload()

    def on_user_changed(self, user: User) -> None:
        self.reload()
