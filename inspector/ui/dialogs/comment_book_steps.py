"""The comment-book dialogs: entering a bus's book collected on a day (回收录入: the bus, the day,
when it was collected, and each entry — praise, opinion or complaint — as the passenger wrote it;
no entry: an empty book), and the same-day reply to an opinion (当天反馈).

Each calls one ``CommentBookService`` step on OK. A refusal is shown in the service's words and the
dialog stays open with what was typed: nothing is saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QVBoxLayout, QWidget,
)

from inspector.domain.comment_books import Collection, Entry, EntryKind
from inspector.domain.errors import InspectorError
from inspector.domain.registry import RegistryKind
from inspector.ui.dialogs.complaint_steps import date_time_edit, from_qt, text_box
from inspector.ui.dialogs.errors import show_error
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.length_counter import with_counter
from inspector.words.comment_books import kind_label


class CollectDialog(QDialog):
    """回收录入: one book of one bus for one day, with its entries."""

    def __init__(self, ui: UiContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.book: Collection | None = None
        now = ui.app.services.clock()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.vehicle = QComboBox()
        self.vehicle.setEditable(True)
        self.vehicle.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for bus in ui.app.registry.list(ui.user, RegistryKind.VEHICLES):
            if bus.active:
                self.vehicle.addItem(f"{bus.plate} ({bus.fleet_no})" if bus.fleet_no else bus.plate, bus.plate)
        self.vehicle.setCurrentIndex(-1)
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate(now.year, now.month, now.day))
        self.collected = date_time_edit(now)
        self.note = QLineEdit()
        self.entries = QTableWidget(0, 2)
        self.entries.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.entries.verticalHeader().setVisible(False)
        self.entries.setMinimumHeight(160)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda _checked=False: self.add_entry())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_entry())
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.vehicle_label, self.day_label, self.collected_label, self.note_label = (QLabel() for _ in range(4))
        form.addRow(self.vehicle_label, self.vehicle)
        form.addRow(self.day_label, self.day)
        form.addRow(self.collected_label, self.collected)
        form.addRow(self.note_label, self.note)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.entries, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(620, 520)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enter a comment book"))
        self.intro.setText(self.tr("Copy in what passengers wrote in the bus's comment book (旅客意见簿) for the day."
                                   " A book with nothing written in it is entered without entries: it was collected."))
        self.vehicle_label.setText(self.tr("Vehicle"))
        self.vehicle.lineEdit().setPlaceholderText(self.tr("Plate or fleet number"))
        self.day_label.setText(self.tr("Day of the book"))
        self.collected_label.setText(self.tr("Collected at"))
        self.note_label.setText(self.tr("Note"))
        self.entries.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("What the passenger wrote")])
        self.add_button.setText(self.tr("Add an entry"))
        self.remove_button.setText(self.tr("Remove the entry"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save the book"))

    def add_entry(self, kind: EntryKind = EntryKind.OPINION, text: str = "") -> int:
        row = self.entries.rowCount()
        self.entries.insertRow(row)
        combo = QComboBox()
        for member in EntryKind:
            combo.addItem(kind_label(member), member.value)
        combo.setCurrentIndex(list(EntryKind).index(kind))
        edit = QLineEdit(text)
        self.entries.setCellWidget(row, 0, combo)
        self.entries.setCellWidget(row, 1, edit)
        edit.setFocus()
        return row

    def remove_entry(self) -> None:
        row = self.entries.currentRow()
        if row < 0:
            row = self.entries.rowCount() - 1
        if row >= 0:
            self.entries.removeRow(row)

    def typed_entries(self) -> list[tuple[str, str]]:
        found = []
        for row in range(self.entries.rowCount()):
            combo = self.entries.cellWidget(row, 0)
            edit = self.entries.cellWidget(row, 1)
            assert isinstance(combo, QComboBox) and isinstance(edit, QLineEdit)
            found.append((str(combo.currentData()), edit.text()))
        return found

    def chosen_vehicle(self) -> str:
        index = self.vehicle.currentIndex()
        typed = self.vehicle.currentText().strip()
        if index >= 0 and self.vehicle.itemText(index) == typed:
            return str(self.vehicle.itemData(index))
        return typed

    def accept(self) -> None:
        now = self.ui.app.services.clock()
        day = self.day.date().toPython()
        try:
            book, changes = self.ui.app.comment_books.collect(
                self.ui.user, vehicle=self.chosen_vehicle(), day=day, entries=self.typed_entries(),
                note=self.note.text(), collected_at=from_qt(self.collected, now))
        except InspectorError as error:
            show_error(self, error)
            return
        self.book = book
        self.ui.hub.publish(changes)
        super().accept()


class ReplyDialog(QDialog):
    """当天反馈: what was explained to the passenger or improved, for one opinion."""

    def __init__(self, ui: UiContext, entry: Entry, book: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.entry = entry
        self.book = book
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.reply = text_box(height=96)
        holder, self.counter = with_counter(self.reply)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(holder, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(520, 300)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reply to an opinion"))
        self.intro.setText(self.tr("{vehicle}, {day}: “{text}”\nWrite the explanation or the improvement, as it is"
                                   " written back into the book or told to the passenger (当天反馈).").format(
            vehicle=self.book.vehicle_label, day=self.book.day.isoformat(), text=self.entry.text))
        self.reply.setPlaceholderText(self.tr("e.g. the air conditioning was set to 26 °C and the passenger told"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save the reply"))

    def accept(self) -> None:
        try:
            entry, changes = self.ui.app.comment_books.reply(self.ui.user, self.entry.id, self.reply.toPlainText())
        except InspectorError as error:
            show_error(self, error)
            return
        self.entry = entry
        self.ui.hub.publish(changes)
        super().accept()

