"""What came in with an exchange file: per kind of record how many were new and how many were
here already, the photo files, "nothing new" for a file seen before, the files from the same sender
that never arrived, and — when this data folder has just joined the organisation — whom to sign
in as. Shown by ``ExchangeActions`` after a successful import (not blocking: ``open()``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.records import RecordKind
from inspector.services.exchange_import import ImportSummary
from inspector.words.exchange_labels import kind_label, photo_files_label


def summary_rows(summary: ImportSummary) -> list[tuple[str, int, int]]:
    """(label, new, already present) for every kind the file carried, in the order records
    travel, then the photo files."""
    rows = []
    for kind in RecordKind:
        new, present = summary.new.get(kind.value, 0), summary.present.get(kind.value, 0)
        if new or present:
            rows.append((kind_label(kind.value), new, present))
    if summary.photos_new or summary.photos_present:
        rows.append((photo_files_label(), summary.photos_new, summary.photos_present))
    return rows


class ExchangeSummaryDialog(QDialog):
    """``sign_in_requested`` asks the window for Switch user… (after joining)."""

    sign_in_requested = Signal()

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None, *,
                 joined_user: str | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(self.tr("Exchange file imported"))
        self.setMinimumWidth(520)
        self.headline = QLabel(self.headline_text())
        self.headline.setWordWrap(True)
        self.headline.setObjectName("summaryHeadline")
        self.source = QLabel(self.tr("{file} · file {sequence} from {sender}, signed by {user}").format(
            file=summary.file, sequence=summary.sequence, sender=summary.sender_name, user=summary.acting_user))
        self.source.setWordWrap(True)
        self.source.setProperty("role", "hint")
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        rows = summary_rows(summary)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("New"), self.tr("Already here")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, (what, new, present) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            for column, count in ((1, new), (2, present)):
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(rows) and not summary.repeated)
        self.table.setFixedHeight(self._table_height(len(rows)))  # every row shown, even in a size remembered

        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setProperty("role", "error")
        if summary.gaps:
            self.gaps.setText(self.tr(
                "Files {numbers} from {sender} never arrived here; ask {sender} to send them again.").format(
                numbers=", ".join(map(str, summary.gaps)), sender=summary.sender_name))
        self.gaps.setVisible(bool(summary.gaps))

        self.joined = QLabel()
        self.joined.setWordWrap(True)
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_in_button.clicked.connect(self._sign_in)
        if summary.joined:
            who = joined_user or self.tr("your user name")
            self.joined.setText(self.tr(
                "This data folder has joined the organisation: sign in as {user} with the password the quality "
                "office gave you.").format(user=who))
        self.joined.setVisible(summary.joined)
        self.sign_in_button.setVisible(summary.joined)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if summary.joined:
            buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        for widget in (self.headline, self.source, self.table, self.gaps, self.joined):
            layout.addWidget(widget)
        layout.addStretch(1)  # a taller window keeps the lines together above the buttons
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _table_height(self, rows: int) -> int:
        """Tall enough for every row (no empty space under a short list), at most 12 rows."""
        self.table.resizeRowsToContents()
        shown = sum(self.table.rowHeight(row) for row in range(min(rows, 12)))
        return self.table.horizontalHeader().sizeHint().height() + shown + 2 * self.table.frameWidth() + 2

    def headline_text(self) -> str:
        summary = self.summary
        if summary.repeated:
            return self.tr("Nothing new: this file came in before.")
        if summary.nothing_new:
            return self.tr("Nothing new: everything in the file was here already.")
        new = sum(summary.new.values())
        return self.tr("{count} new records and {photos} new photos came in.").format(
            count=new, photos=summary.photos_new)

    def _sign_in(self) -> None:
        self.accept()
        self.sign_in_requested.emit()
