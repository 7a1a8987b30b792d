"""The whole closed loop through the GUI, in one test: a supervisor inspects a bus with the
keyboard; the quality office issues a notice from the recording screen and PAdES-signs it on the
notices page; the depot signs for it; the supervisor records the unit's reply, a failed follow-up
(the failed problem is reissued on a new notice), then a passed follow-up that closes it."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from inspector.app import build_main_window
from inspector.context import AppContext
from inspector.domain.inspections import FindingStatus, InspectionMode, InspectionStatus
from inspector.domain.notices import NoticeStatus
from inspector.domain.users import Role, User
from inspector.ui.dialogs.notice_create import CreateNoticeDialog
from inspector.ui.dialogs.notice_followup import FollowUpDialog
from inspector.ui.dialogs.notice_reply import ReplyDialog
from inspector.ui.dialogs.signature_dialog import SignatureDialog, SignatureResult
from inspector.ui.pages.notices import NoticesPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.photo_strip import PhotoStrip
from tests.conftest import PASSWORD
from tests.notice_world import CST, jpeg, make_world, signature_png
from tests.pdf import have



def _dialog_runs(monkeypatch: pytest.MonkeyPatch, cls: type, fill: Callable[[Any], None]) -> list[Any]:
    """Replace ``cls.exec``/``open`` by: fill the dialog in as a user would, then press OK."""
    seen: list[Any] = []

    def run(dialog: Any) -> int:
        seen.append(dialog)
        fill(dialog)
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", run)
    monkeypatch.setattr(cls, "open", run)
    return seen


def test_inspect_notice_sign_reply_fail_reissue_pass_closed(
    qtbot: Any, context: AppContext, users: dict[Role, User], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = make_world(context, users, tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    context.certificates.init_ca(world.office, PASSWORD)
    context.certificates.issue(world.office, PASSWORD, world.office.username, PASSWORD)

    # 1. the supervisor inspects bus 粤A12345: two items fail, one with a photo
    ui = UiContext(app=context)
    ui.sign_in(world.sup)
    window = build_main_window(ui)
    qtbot.addWidget(window)
    window.show()
    inspection, _ = context.inspections.start(world.sup, template_version_id=world.template_id,
                                              mode=InspectionMode.ONSITE, subject=world.vehicle)
    host = window.go_to("inspections")
    screen = host.open_inspection(inspection.id)
    assert screen is not None
    photo = jpeg(tmp_path, 1)
    monkeypatch.setattr(PhotoStrip, "choose_files", classmethod(lambda cls, parent: [photo]))
    for code in ("N1-1", "N1-2", "N1-3", "N1-4"):
        assert screen.current == code
        if code in ("N1-1", "N1-3"):
            QTest.keyClick(screen, Qt.Key.Key_F)
            screen.fail_panel.note.insertPlainText("右侧后门" if code == "N1-1" else "压力不足")  # typed with an IME
            QTest.keyClick(screen, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
            QTest.keyClick(screen.fail_panel.note, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: not screen.pending_fail, timeout=10_000)
        else:
            QTest.keyClick(screen, Qt.Key.Key_P)
    QTest.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert context.inspections.get(world.sup, inspection.id).status is InspectionStatus.COMPLETED

    # 2. the quality office opens it and issues the notice from the recording screen
    ui.sign_in(world.office)
    screen = window.go_to("inspections").open_inspection(inspection.id)
    assert screen.findings_bar.create_button.isVisibleTo(screen)
    def tick_every_problem_and_issue(dialog: CreateNoticeDialog) -> None:
        [editor] = dialog.editors
        for row in range(editor.table.rowCount()):  # the general N1-1 too, by the office's choice
            editor.set_included(row, True)
        dialog.issue()

    created = _dialog_runs(monkeypatch, CreateNoticeDialog, tick_every_problem_and_issue)
    screen.findings_bar.create_button.click()
    [notice] = created[0].issued
    assert notice.number == "ZG-2026-11-0001" and notice.item_count == 2

    # 3. … and signs it (PAdES) on the notices page
    page = window.go_to("notices")
    assert isinstance(page, NoticesPage) and page.select(notice.id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (PASSWORD, True))
    signed = page.detail.sign()
    assert signed is not None
    check = context.certificates.verify(signed.read_bytes())
    assert check.intact and check.whole_document and check.trusted and check.signer_username == "qo1"
    if have("pdfsig"):
        out = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True).stdout
        assert "Total document signed" in out and "Signature is Valid." in out

    # 4. the depot's head signs for it on the supervisor's laptop; the reply comes in
    ui.sign_in(world.sup)
    page.select(notice.id)
    monkeypatch.setattr(SignatureDialog, "ask", classmethod(
        lambda cls, *args, **kwargs: SignatureResult(png=signature_png(), signer_name="孙站长", keep=False)))
    page.detail.receipt_button.click()
    assert context.notices.get(world.sup, notice.id).status is NoticeStatus.ACKNOWLEDGED
    world.clock.now = datetime(2026, 11, 18, 10, 0, tzinfo=CST)

    def reply(dialog: ReplyDialog) -> None:
        dialog.measures.setPlainText("已补漆，灭火器已更换")
        dialog.accept()

    _dialog_runs(monkeypatch, ReplyDialog, reply)
    page.select(notice.id)
    page.detail.reply_button.click()
    assert context.notices.get(world.sup, notice.id).status is NoticeStatus.REPLIED

    # 5. follow-up: the extinguisher is still not replaced → reissued on a new notice
    world.clock.now = datetime(2026, 11, 20, 10, 0, tzinfo=CST)
    after = jpeg(tmp_path, 2)

    def fail_second(dialog: FollowUpDialog) -> None:
        first, second = dialog.checks
        first.passed.setChecked(True)
        first.photos.photo_added.emit(context.photos.ingest(world.sup, after))
        second.failed.setChecked(True)
        second.note.setText("仍未更换")
        dialog.accept()

    followups = _dialog_runs(monkeypatch, FollowUpDialog, fail_second)
    page.select(notice.id)
    page.detail.followup_button.click()
    reissued = followups[-1].reissued
    assert reissued is not None and reissued.number == "ZG-2026-11-0002" and reissued.item_count == 1
    assert context.notices.get(world.sup, notice.id).status is NoticeStatus.REISSUED

    # 6. the second follow-up passes: closed
    world.clock.now = datetime(2026, 11, 24, 10, 0, tzinfo=CST)

    def pass_all(dialog: FollowUpDialog) -> None:
        for check_box in dialog.checks:
            check_box.passed.setChecked(True)
        dialog.accept()

    _dialog_runs(monkeypatch, FollowUpDialog, pass_all)
    assert page.select(reissued.id)
    page.detail.followup_button.click()
    closed = context.notices.get(world.sup, reissued.id)
    assert closed.status is NoticeStatus.CLOSED and not closed.late()
    assert {f.status for f in context.inspections.findings(world.sup, inspection.id)} == {FindingStatus.CLOSED}
    assert page.model.rowCount() == 0  # the page opens on open notices: none left
    page.set_filter(status="all")
    assert page.model.rowCount() == 2
    record = context.notice_files.record_pdf(world.sup, notice.id)
    assert record.startswith(b"%PDF")
    if have("pdftotext"):
        text_file = tmp_path / "record.pdf"
        text_file.write_bytes(record)
        text = subprocess.run(["pdftotext", str(text_file), "-"], capture_output=True, text=True).stdout
        assert "整改前" in text and "整改后" in text and "孙站长" in text
