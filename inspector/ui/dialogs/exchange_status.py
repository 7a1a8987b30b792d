"""Tools → 交换状态… (Exchange status): per laptop or user this data folder exchanges files with,
when it last reported, the last file number received and sent, the files that never arrived
(a sequence number skipped: a lost file, named), and the records still waiting to be sent.

At the quality office this is where the office sees which laptop has not reported for a while;
on a laptop it shows the one row of the office. The figures are ``ExchangeService.status()``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
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

from inspector.services.exchange import DeviceInfo, PeerStatus
from inspector.ui.uicontext import UiContext
from inspector.words.exchange_labels import side_label


def when_text(stamp: str | None) -> str:
    """``2026-12-05 14:30`` in local time from a stored ISO time; empty for never."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%Y-%m-%d %H:%M}"


class ExchangeStatusDialog(QDialog):
    COLUMNS = 7

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setWindowTitle(self.tr("Exchange status"))
        self.setMinimumSize(760, 360)
        self.device_line = QLabel()
        self.device_line.setWordWrap(True)
        self.device_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(self.tr("No exchange file has been sent or received yet."))
        self.empty.setProperty("role", "hint")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Laptop or user"), self.tr("Last report"), self.tr("Received"), self.tr("Last sent"),
            self.tr("Sent"), self.tr("Missing"), self.tr("Waiting")])
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.note = QLabel(self.tr(
            "Received and Sent are the last file numbers. A missing file is a number from that sender that never "
            "came in: ask for it again (files are taken in any order). Waiting: records not yet acknowledged."))
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(self.device_line)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(880, 420)
        self.refresh()

    def refresh(self) -> None:
        service = self.ui.app.exchange
        self.show_device(service.device())
        self.show_peers(service.status())

    def show_device(self, device: DeviceInfo) -> None:
        organisation = device.organisation_name or self.tr("no organisation yet")
        self.device_line.setText(self.tr("This data folder: {name} · {side} · {organisation}").format(
            name=device.name, side=side_label(device.side), organisation=organisation))

    def show_peers(self, peers: list[PeerStatus]) -> None:
        self.table.setRowCount(len(peers))
        never = self.tr("never")
        for row, peer in enumerate(peers):
            missing = ", ".join(map(str, peer.missing))
            cells = (peer.name, when_text(peer.last_received_at) or never, str(peer.last_received),
                     when_text(peer.last_sent_at) or never, str(peer.last_sent), missing or "—", str(peer.waiting))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(peer.peer)
                if column in (2, 4, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 5 and missing:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not peers)
        self.table.setVisible(bool(peers))

    @classmethod
    def open_for(cls, ui: UiContext, parent: QWidget | None = None) -> None:
        dialog = cls(ui, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
