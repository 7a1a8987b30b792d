"""The office hub on the desktop (#15.5): Tools → 办公室服务器… (the DSN, test connection, the
password to the keyring), Tools → 立即同步, and sync on a worker thread — after sign-in, after each
completed inspection and every 10 minutes while a hub is configured — never blocking recording.
The status bar's line says "已同步 10:42 · 待上传 3" or "离线 · 待上传 17"; conflicts found by a sync
are said in the status bar and listed in Tools → 同步冲突… (and by ``inspector-cli hub status``).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError
from inspector.ui import hub_work
from inspector.ui.tasks import Task, run_task
from inspector.ui.uicontext import UiContext
from inspector.words.hub_labels import hub_status_line

log = logging.getLogger(__name__)

EVERY_MS = 10 * 60 * 1000  # while reachable: every 10 minutes
AFTER_CHANGE_MS = 3_000  # a completed inspection: soon, once the screen has settled
OFFLINE_CODES = ("hub_unreachable", "hub_connection_lost", "hub_needed_for_number")


class HubActions(QObject):
    def __init__(self, ui: UiContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ui = ui
        self.window = window
        self.task: Task | None = None
        self.online: bool | None = None  # the last sync's outcome (None: none yet in this session)
        self.settings_action = QAction(window)
        self.settings_action.setObjectName("hubSettingsAction")
        self.settings_action.triggered.connect(lambda _checked=False: self.show_settings())
        self.sync_action = QAction(window)
        self.sync_action.setObjectName("hubSyncAction")
        self.sync_action.triggered.connect(lambda _checked=False: self.sync())
        self.conflicts_action = QAction(window)
        self.conflicts_action.setObjectName("hubConflictsAction")
        self.conflicts_action.triggered.connect(lambda _checked=False: self.show_conflicts())
        self.status_label = QLabel()
        self.status_label.setObjectName("hubStatus")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync)
        ui.hub.changed.connect(self._changed)
        ui.hub.user_changed.connect(lambda _user: self.schedule(0))
        self.retranslate()

    def retranslate(self) -> None:
        self.settings_action.setText(self.tr("Office &server…"))
        self.settings_action.setToolTip(self.tr("The office's PostgreSQL hub: address, test connection, password"))
        self.sync_action.setText(self.tr("S&ync with the office server now"))
        self.conflicts_action.setText(self.tr("Sync &conflicts…"))
        self.refresh_status()

    def configured(self) -> bool:
        return self.ui.signed_in and self.ui.app.hub.link() is not None

    def update_enabled(self) -> None:
        self.settings_action.setEnabled(self.ui.signed_in)
        self.sync_action.setEnabled(self.ui.signed_in and self.task is None and self.configured())
        self.conflicts_action.setEnabled(self.ui.signed_in and self.configured())

    def schedule(self, delay_ms: int) -> None:
        if self.configured():
            self.timer.start(delay_ms)
        self.refresh_status()

    def stop(self) -> None:
        self.timer.stop()

    def _changed(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.INSPECTION, Entity.NOTICE) and self.task is None:
            self.schedule(AFTER_CHANGE_MS)

    def sync(self) -> bool:
        """One sync on a worker thread (none while one runs); True when it started."""
        if self.task is not None or not self.configured() or not self.window.isVisible():
            return False
        self.task = run_task(hub_work.sync_now, self.ui.app.paths.root, self.ui.user, on_finished=self._synced,
                             on_failed=self._failed)
        self.update_enabled()
        return True

    def _synced(self, result: Any) -> None:
        self.task = None
        self.online = True
        conflicts = len(result.pushed.conflicts) + len(result.pulled.conflicts)
        if conflicts:
            self.window.statusBar().showMessage(
                self.tr("Sync: {count} conflicts kept aside (nothing overwritten); the office lists them with "
                        "hub status").format(count=conflicts), 30_000)
        received = sum(result.pulled.received.values())
        if received:
            self.ui.hub.publish(ChangeSet.of(Entity.INSPECTION).merge(ChangeSet.of(Entity.NOTICE)))
        self._next()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        if isinstance(error, InspectorError) and error.code in OFFLINE_CODES:
            self.online = False
        else:
            from inspector.words import messages

            log.warning("hub sync failed: %s", error)
            text = messages.describe(error) if isinstance(error, InspectorError) else str(error)
            self.window.statusBar().showMessage(text, 30_000)
            self.online = False
        self._next()

    def _next(self) -> None:
        self.update_enabled()
        self.refresh_status()
        if self.configured():
            self.timer.start(EVERY_MS)

    def refresh_status(self) -> str:
        if not self.ui.signed_in:
            return self.status_label.text()
        try:
            status = self.ui.app.hub.local_status()
        except InspectorError as error:
            log.warning("hub status unavailable: %s", error)
            return self.status_label.text()
        self.status_label.setVisible(status.configured)
        if not status.configured:
            self.status_label.setText("")
            return ""
        text = hub_status_line(online=self.online, synced_at=_clock(status.last_sync_at), waiting=status.waiting)
        self.status_label.setText(text)
        return text

    def show_conflicts(self) -> None:
        from inspector.ui.dialogs.hub_conflicts import HubConflictsDialog

        HubConflictsDialog(self.ui, self.window).exec()

    def show_settings(self) -> None:
        from inspector.ui.dialogs.hub_settings import HubSettingsDialog

        dialog = HubSettingsDialog(self.ui, self.window)
        dialog.exec()
        self.schedule(0)


def _clock(stamp: str | None) -> str | None:
    """``10:42`` today, ``12-05 10:42`` on another day, from a stored ISO time."""
    if not stamp:
        return None
    moment = datetime.fromisoformat(stamp)
    moment = moment.astimezone() if moment.tzinfo is not None else moment
    if moment.date() == datetime.now().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%m-%d %H:%M")
