"""The comment-books page (旅客意见簿, #16.3): a day's entries and the buses missed, a book entered
through its dialog (typed with the keyboard), the same-day reply, an entry registered as a
complaint, refusals shown with nothing saved, and what each role gets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QMessageBox

from inspector.context import AppContext
from inspector.domain.comment_books import EntryState
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.ui.dialogs import comment_book_steps
from inspector.ui.dialogs.comment_book_steps import CollectDialog, ReplyDialog
from inspector.ui.pages.comment_books import CommentBooksPage
from inspector.ui.uicontext import UiContext
from tests.complaints.world import complaint_world
from tests.notice_world import CST, NoticeWorld

TODAY = date(2026, 11, 16)


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    found = complaint_world(context, users, tmp_path, now=datetime(2026, 11, 16, 18, 0, tzinfo=CST))
    context.registry.add(found.office, RegistryKind.VEHICLES,
                         {"plate": "粤A54321", "fleet_no": "1-0802", "route": "8", "unit_id": found.unit_id})
    return found


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(comment_book_steps, "show_error", lambda _parent, error: shown.append(error.code))
    return shown


def open_page(qtbot: Any, sign_in: Callable[[User], UiContext], user: User) -> CommentBooksPage:
    page = CommentBooksPage(sign_in(user))
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    return page


def cells(page: CommentBooksPage, column: int) -> list[str]:
    return [page.table.item(row, column).text() for row in range(page.table.rowCount())]


def type_text(qtbot: Any, edit: Any, text: str) -> None:
    """What a person types: ASCII as key clicks, Chinese as an input method commits it."""
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text) if isinstance(edit, QLineEdit) else edit.insertPlainText(text)


def type_book(qtbot: Any, dialog: CollectDialog, vehicle: str, entries: list[tuple[int, str]]) -> None:
    """Fill the dialog: the bus typed, each entry added, its kind chosen, its text typed."""
    type_text(qtbot, dialog.vehicle.lineEdit(), vehicle)
    for kind_index, text in entries:
        row = dialog.add_entry()
        combo = dialog.entries.cellWidget(row, 0)
        edit = dialog.entries.cellWidget(row, 1)
        assert isinstance(combo, QComboBox) and isinstance(edit, QLineEdit)
        combo.setCurrentIndex(kind_index)
        type_text(qtbot, edit, text)


def test_a_book_entered_answered_and_registered_on_the_page(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, world: NoticeWorld,
        sign_in: Callable[[User], UiContext], errors_shown: list[str]) -> None:
    page = open_page(qtbot, sign_in, world.office)
    assert page.chosen_day() == TODAY and page.missed.count() == 2 and page.table.rowCount() == 0
    assert page.collect_button.isVisible()

    def fill(dialog: CollectDialog) -> int:
        type_book(qtbot, dialog, "粤A12345", [(0, "司机热情"), (1, "车内空调太冷"), (2, "到站不停")])
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(CollectDialog, "exec", fill)
    page.collect()
    assert errors_shown == []
    assert cells(page, page.COL_TEXT) == ["司机热情", "车内空调太冷", "到站不停"]
    assert page.missed.count() == 1 and "粤A·54321" in page.missed.item(0).text()
    assert page.summary.text() == "1 books collected · 3 entries · 2 to answer · 1 buses not collected"

    page.table.selectRow(0)  # praise: nothing to do
    assert not page.reply_button.isEnabled() and not page.register_button.isEnabled()
    page.table.selectRow(1)
    assert page.reply_button.isEnabled()

    def reply(dialog: ReplyDialog) -> int:
        type_text(qtbot, dialog.reply, "已调高温度")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(ReplyDialog, "exec", reply)
    page.reply_selected()
    assert cells(page, page.COL_ANSWER)[1] == "已调高温度"
    page.table.selectRow(2)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.register_selected()
    assert cells(page, page.COL_ANSWER)[2].startswith("TS-2026-11-")
    overview = context.comment_books.day(world.office, TODAY)
    assert [e.state(TODAY) for e in overview.collected[0].entries] == [
        EntryState.KEPT, EntryState.ANSWERED, EntryState.REGISTERED]
    page.to_do.setChecked(True)
    assert page.table.rowCount() == 0 and not page.missed.isVisible()


def test_a_refused_book_stays_in_its_dialog_and_nothing_is_saved(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
        errors_shown: list[str]) -> None:
    ui = sign_in(world.office)
    dialog = CollectDialog(ui, TODAY)
    qtbot.addWidget(dialog)
    type_book(qtbot, dialog, "粤A12346", [(1, "车内空调太冷")])
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert errors_shown == ["complaint_vehicle_unknown"] and dialog.book is None
    dialog.vehicle.lineEdit().clear()
    type_text(qtbot, dialog.vehicle.lineEdit(), "1-0801")
    edit = dialog.entries.cellWidget(0, 1)
    assert isinstance(edit, QLineEdit) and edit.text() == "车内空调太冷"  # what was typed is kept
    edit.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert errors_shown[-1] == "comment_book_entry_empty"
    assert context.db.execute("SELECT count(*) FROM comment_book_collections").fetchone()[0] == 0
    dialog.day.setDate(QDate(2026, 11, 17))  # tomorrow cannot be chosen
    assert dialog.day.date() == QDate(2026, 11, 16)


def test_a_supervisor_reads_and_a_manager_of_another_unit_sees_nothing(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    context.comment_books.collect(world.office, vehicle="粤A12345", day=TODAY, entries=[("opinion", "报站声音太小")])
    page = open_page(qtbot, sign_in, world.sup)
    assert cells(page, page.COL_TEXT) == ["报站声音太小"]
    assert not page.collect_button.isVisible() and not page.reply_button.isVisible()
    manager = open_page(qtbot, sign_in, world.manager)  # no unit of their own
    assert manager.table.rowCount() == 0 and manager.missed.count() == 0

