"""Window geometry and splitter state, remembered between runs (Picard's PreserveGeometry).

This is the only place that uses QSettings: everything else the user configures is typed
(``inspector.settings``) and stored in the database. Keys are ``geometry/<ClassName>`` and
``splitters/<ClassName>/<splitter objectName>``; a splitter without an object name is skipped
because its key would not be stable between runs.

The store is always INI format in the user scope so that tests can redirect it with
``QSettings.setPath`` (Qt caches ``XDG_CONFIG_HOME`` on first use, so the environment alone
cannot isolate one test from the next).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QWidget

from inspector import APP_NAME

ORGANISATION = "Inspector"


def settings_store() -> QSettings:
    """The per-user QSettings file holding window state."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APP_NAME)


class PreserveGeometry:
    """Mix into a QWidget subclass; call ``restore_geometry()`` once built, ``save_geometry()`` on close."""

    def _geometry_key(self) -> str:
        return f"geometry/{type(self).__name__}"

    def _splitters(self) -> list[QSplitter]:
        assert isinstance(self, QWidget)
        return [s for s in self.findChildren(QSplitter) if s.objectName()]

    def _splitter_key(self, splitter: QSplitter) -> str:
        return f"splitters/{type(self).__name__}/{splitter.objectName()}"

    def save_geometry(self) -> None:
        assert isinstance(self, QWidget)
        store = settings_store()
        store.setValue(self._geometry_key(), self.saveGeometry())
        for splitter in self._splitters():
            store.setValue(self._splitter_key(splitter), splitter.saveState())
        store.sync()

    def restore_geometry(self) -> bool:
        """Apply the saved state; False when nothing was saved yet (keep the default size).

        Splitter positions are applied once the window is shown: before that the splitters do not
        have their final width, and restoring into a provisional width would squeeze the panes.
        """
        assert isinstance(self, QWidget)
        store = settings_store()
        restored = False
        geometry = store.value(self._geometry_key())
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            restored = self.restoreGeometry(geometry)
        self._pending_splitters = {}
        for splitter in self._splitters():
            state = store.value(self._splitter_key(splitter))
            if isinstance(state, QByteArray) and not state.isEmpty():
                self._pending_splitters[splitter.objectName()] = state
        if self.isVisible():
            self._apply_splitters()
        return restored

    def restore_splitters(self, within: QWidget) -> None:
        """Apply the saved state to the splitters of ``within``, a part built after the window
        restored its geometry (a page built the first time it is shown)."""
        assert isinstance(self, QWidget)
        store = settings_store()
        pending: dict[str, QByteArray] = getattr(self, "_pending_splitters", {})
        for splitter in within.findChildren(QSplitter):
            if not splitter.objectName():
                continue
            state = store.value(self._splitter_key(splitter))
            if not isinstance(state, QByteArray) or state.isEmpty():
                continue
            if self.isVisible():
                splitter.restoreState(state)
            else:
                pending[splitter.objectName()] = state
        self._pending_splitters = pending

    def _apply_splitters(self) -> None:
        pending: dict[str, QByteArray] = getattr(self, "_pending_splitters", {})
        for splitter in self._splitters():
            state = pending.get(splitter.objectName())
            if state is not None:
                splitter.restoreState(state)
        self._pending_splitters = {}

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        self._apply_splitters()
