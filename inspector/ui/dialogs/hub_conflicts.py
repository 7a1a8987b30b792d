"""Tools → 同步冲突… (sync conflicts): the records the office hub set aside because a device sent
another content under an id the hub already held — which record, what kind, from which device,
when and by whom found. Nothing was overwritten; the office settles each with the device's
owner (the stored record stands). The list is ``HubService.status()``, read on a worker thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.ui import hub_work
from inspector.ui.tasks import Task, run_task
from inspector.ui.uicontext import UiContext
from inspector.words import messages
from inspector.words.exchange_labels import kind_label


class HubConflictsDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Asking the office server…"))
        self.summary.setObjectName("hubConflictsSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("hubConflicts")
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Kind"), self.tr("From device"),
                                              self.tr("Found")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.task = run_task(hub_work.status, self.ui.app.paths.root, on_finished=self._show, on_failed=self._failed)

    def _show(self, status: Any) -> None:
        self.task = None
        if not status.reachable:
            self.summary.setText(status.reason or self.tr("The office server cannot be reached."))
            return
        conflicts = status.conflicts
        self.summary.setText(self.tr("{count} records set aside: the hub keeps what it held, nothing was "
                                     "overwritten. Settle each with the device's owner.").format(count=len(conflicts)))
        self.table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            values = (conflict["record"], kind_label(conflict["kind"]), conflict["origin"],
                      f"{conflict['found_at'][:16]} · {conflict['found_by']}")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.summary.setText(messages.describe(error) if isinstance(error, InspectorError) else str(error))
