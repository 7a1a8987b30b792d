"""The comment-books page (旅客意见簿): a day's books — what passengers wrote in each bus's book,
where each entry stands, and the buses whose book was not collected that day.

F2·1: 「每日回收、整理、分析旅客意见簿信息……当天将对意见的解释和改进措施等反馈到意见簿上或提意见的旅客本人」.
A day picker (with the previous and next day) or "still to do" (every book with an opinion not
answered or a complaint not registered, whatever its day) fills the entries table; beside it the
buses not collected that day and, for the quality office, the actions: enter a book, reply to
the selected opinion the same day, register the selected entry as a complaint (the complaints
register then carries it). A manager reads their own unit's buses only, as in the register.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QListWidget, QMessageBox,
    QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout, QWidget,
)

from inspector.domain.changes import Entity
from inspector.domain.comment_books import Collection, Entry, EntryKind, EntryState
from inspector.domain.errors import InspectorError
from inspector.domain.users import Permission
from inspector.ui.dialogs.errors import show_error
from inspector.ui.pages.base import Page
from inspector.ui.uicontext import UiContext
from inspector.words.comment_books import kind_label, state_label

STATE_COLOURS = {EntryState.OPEN: "#b3261e", EntryState.ANSWERED_LATE: "#9a6700"}


class CommentBooksPage(Page):
    WATCHES = (Entity.COMMENT_BOOK, Entity.COMPLAINT, Entity.VEHICLE, Entity.UNIT, Entity.USER)
    COL_VEHICLE, COL_KIND, COL_TEXT, COL_STATE, COL_ANSWER = range(5)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.rows: list[tuple[Entry, Collection]] = []
        self.last_dialog: QWidget | None = None
        today = ui.app.services.clock().date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.previous = QToolButton()
        self.previous.setText("◀")
        self.next = QToolButton()
        self.next.setText("▶")
        self.to_do = QCheckBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.collect_button = QPushButton()
        self.collect_button.setProperty("role", "primary")
        self.reply_button = QPushButton()
        self.register_button = QPushButton()
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_ANSWER, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.missed_title = QLabel()
        self.missed_title.setProperty("role", "section")
        self.missed = QListWidget()
        self._lay_out()
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.previous.clicked.connect(lambda _c=False: self._step(-1))
        self.next.clicked.connect(lambda _c=False: self._step(1))
        self.to_do.toggled.connect(lambda _on: self.reload())
        self.collect_button.clicked.connect(lambda _c=False: self.collect())
        self.reply_button.clicked.connect(lambda _c=False: self.reply_selected())
        self.register_button.clicked.connect(lambda _c=False: self.register_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.reply_selected())
        self.retranslate()
        if ui.signed_in:
            self.reload()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        for widget in (self.previous, self.day, self.next, self.to_do):
            bar.addWidget(widget)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.collect_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        actions = QHBoxLayout()
        actions.addWidget(self.reply_button)
        actions.addWidget(self.register_button)
        actions.addStretch(1)
        left_layout.addLayout(actions)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.missed_title)
        right_layout.addWidget(self.missed, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("commentBooksSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([820, 240])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def title(self) -> str:
        return self.tr("Comment books")

    def retranslate(self) -> None:
        self.previous.setToolTip(self.tr("The day before"))
        self.next.setToolTip(self.tr("The day after"))
        self.to_do.setText(self.tr("Still to do, any day"))
        self.collect_button.setText(self.tr("Enter a book…"))
        self.collect_button.setToolTip(self.tr("Enter a bus's comment book collected today or earlier (回收录入)"))
        self.reply_button.setText(self.tr("Reply…"))
        self.reply_button.setToolTip(self.tr("The same-day reply to the selected opinion (当天反馈)"))
        self.register_button.setText(self.tr("Register as a complaint"))
        self.table.setHorizontalHeaderLabels([self.tr("Vehicle"), self.tr("Kind"), self.tr("What the passenger wrote"),
                                              self.tr("State"), self.tr("Reply or complaint")])
        if self.ui.signed_in:
            self.reload()

    # --- what is shown ----------------------------------------------------------------------
    def chosen_day(self) -> date:
        return self.day.date().toPython()

    def _step(self, days: int) -> None:
        self.day.setDate(self.day.date().addDays(days))

    def reload(self) -> None:
        if not self.ui.signed_in:
            return
        user = self.ui.user
        office = user.can(Permission.HANDLE_COMPLAINTS)
        self.collect_button.setVisible(office)
        self.reply_button.setVisible(office)
        self.register_button.setVisible(office)
        today = self.ui.app.services.clock().date()
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setEnabled(not self.to_do.isChecked())
        self.previous.setEnabled(not self.to_do.isChecked())
        self.next.setEnabled(not self.to_do.isChecked() and self.chosen_day() < today)
        service = self.ui.app.comment_books
        try:
            if self.to_do.isChecked():
                books = service.open(user)
                missed: tuple = ()
            else:
                overview = service.day(user, self.chosen_day())
                books, missed = list(overview.collected), overview.uncollected
        except InspectorError as error:
            show_error(self, error)
            return
        chosen = self.selected()
        self.rows = [(entry, book) for book in books for entry in book.entries
                     if not self.to_do.isChecked() or entry.state(book.day) is EntryState.OPEN]
        self._fill_table(chosen.id if chosen else None)
        self.missed.clear()
        for bus in missed:
            self.missed.addItem(f"{bus.vehicle_label} · {bus.unit_name}" if bus.unit_name else bus.vehicle_label)
        self.missed_title.setVisible(not self.to_do.isChecked())
        self.missed.setVisible(not self.to_do.isChecked())
        self.missed_title.setText(self.tr("Not collected that day: {count}").format(count=len(missed)))
        entries = len(self.rows)
        still = sum(1 for entry, book in self.rows if entry.state(book.day) is EntryState.OPEN)
        if self.to_do.isChecked():
            self.summary.setText(self.tr("{count} entries still to answer or register").format(count=still))
        else:
            self.summary.setText(self.tr("{books} books collected · {entries} entries · {open} to answer ·"
                                         " {missed} buses not collected").format(
                books=len(books), entries=entries, open=still, missed=len(missed)))
        self.empty.setVisible(not self.rows)
        self.empty.setText(self.tr("Nothing is still to do.") if self.to_do.isChecked() else
                           self.tr("No entry in the books of this day (empty books count as collected)."))
        self._update_buttons()

    def _fill_table(self, keep: int | None) -> None:
        self.table.setRowCount(len(self.rows))
        now = self.ui.app.services.clock()
        for row, (entry, book) in enumerate(self.rows):
            state = entry.state(book.day)
            label = state_label(state)
            if entry.overdue(book.day, now):
                label = self.tr("{state} (day passed)").format(state=label)
            answer = entry.complaint_number or entry.reply or ""
            vehicle = book.vehicle_label if not self.to_do.isChecked() else f"{book.vehicle_label} · {book.day.isoformat()}"
            cells = (vehicle, kind_label(entry.kind), entry.text, label, answer)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == self.COL_STATE and state in STATE_COLOURS:
                    item.setForeground(QColor(STATE_COLOURS[state]))
                self.table.setItem(row, column, item)
            if entry.id == keep:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()

    def selected(self) -> Entry | None:
        found = self.selected_row()
        return found[0] if found else None

    def selected_row(self) -> tuple[Entry, Collection] | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _update_buttons(self) -> None:
        found = self.selected_row()
        open_ = found is not None and found[0].state(found[1].day) is EntryState.OPEN
        self.reply_button.setEnabled(open_ and found is not None and found[0].kind is EntryKind.OPINION)
        self.register_button.setEnabled(open_)

    # --- actions ------------------------------------------------------------------------------
    def collect(self) -> None:
        from inspector.ui.dialogs.comment_book_steps import CollectDialog

        dialog = CollectDialog(self.ui, self.chosen_day(), self)
        self.last_dialog = dialog
        if dialog.exec() and dialog.book is not None:
            self.to_do.setChecked(False)
            self.day.setDate(QDate(dialog.book.day.year, dialog.book.day.month, dialog.book.day.day))

    def reply_selected(self) -> None:
        found = self.selected_row()
        if found is None or not self.reply_button.isEnabled() or not self.reply_button.isVisible():
            return
        from inspector.ui.dialogs.comment_book_steps import ReplyDialog

        dialog = ReplyDialog(self.ui, found[0], found[1], self)
        self.last_dialog = dialog
        dialog.exec()

    def register_selected(self) -> None:
        found = self.selected_row()
        if found is None or not self.register_button.isEnabled():
            return
        entry, book = found
        answer = QMessageBox.question(self, self.tr("Register as a complaint"), self.tr(
            "Register “{text}” ({vehicle}, {day}) in the complaints register? The register's procedure and"
            " limits then carry it.").format(text=entry.text, vehicle=book.vehicle_label, day=book.day.isoformat()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            _, changes = self.ui.app.comment_books.register(self.ui.user, entry.id)
        except InspectorError as error:
            show_error(self, error)
            return
        self.ui.hub.publish(changes)
