"""The notice dialogs: issuing (edited measures, left-out problems, working days → deadline,
covert and estimated notes, corrections), the unit's reply, and the follow-up that closes a
notice or reissues its failed problems."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from inspector.context import AppContext
from inspector.domain.changes import Entity
from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import NoticeStatus, NoticeSummary
from inspector.domain.users import Role, User
from inspector.ui.dialogs import notice_create
from inspector.ui.dialogs.notice_create import CreateNoticeDialog
from inspector.ui.dialogs.notice_followup import FollowUpDialog
from inspector.ui.dialogs.notice_reply import ReplyDialog
from inspector.ui.dialogs.pdf_preview import PdfPreviewDialog
from inspector.ui.uicontext import UiContext
from tests.notice_world import CST, NoticeWorld, completed_inspection, jpeg, make_world


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every confirmation is answered Yes; the texts of the boxes shown are collected."""
    shown: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    def information(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", information)
    yield shown


def issue(context: AppContext, world: NoticeWorld, **kwargs: Any) -> NoticeSummary:
    inspection = completed_inspection(context, world, **kwargs)
    notice, _ = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    return notice


def test_the_create_dialog_issues_with_an_edited_measure(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld, answers: list[str],
) -> None:
    inspection = completed_inspection(context, world, fails=("N1-1", "N1-3", "N1-4"))
    ui = sign_in(world.office)
    published: list[Any] = []
    ui.hub.changed.connect(published.append)
    dialog = CreateNoticeDialog(ui, inspection.id)
    qtbot.addWidget(dialog)
    [editor] = dialog.editors
    assert not dialog.tabs.tabBar().isVisible() and not editor.covert_note.isVisibleTo(editor)
    assert (editor.unit.text(), editor.head.text()) == ("第一公交总站", "赵建国")
    assert editor.days.value() == 3  # the strictest period: the serious fire-extinguisher item
    # Regulation 5.3: the serious N1-3 is proposed; the general N1-1 and N1-4 start unticked
    # (立即整改) and the office ticks N1-1 to put it on the notice anyway.
    assert editor.included_rows() == [1]
    assert "2 general problem(s) are unticked" in dialog.intro.text()
    editor.set_included(0, True)
    editor.set_measure(0, "三日内补漆并报送照片")
    dialog.issue()
    assert answers[0].startswith("Issue 1 notice(s) now?")
    [notice] = dialog.issued
    assert answers[1] == f"Issued: {notice.number}" and dialog.result() == CreateNoticeDialog.DialogCode.Accepted
    items = context.notices.items(world.office, notice.id)
    assert [(item.item_code, item.measure) for item in items] == [("N1-1", "三日内补漆并报送照片"),
                                                                  ("N1-3", "过期灭火器立即更换")]
    assert published and all(changes.touches(Entity.NOTICE) for changes in published)
    # the problem left out is still open: a second notice can carry it
    assert [d.items[0].item_code for d in context.notices.drafts(world.office, inspection.id, every_open=True)] == ["N1-4"]


def test_working_days_update_the_deadline_and_an_estimate_is_marked(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
) -> None:
    inspection = completed_inspection(context, world)
    dialog = CreateNoticeDialog(sign_in(world.office), inspection.id)
    qtbot.addWidget(dialog)
    editor = dialog.editors[0]
    assert editor.deadline.text() == "Deadline: 2026-11-19 (Thu), follow-up 2026-11-20 (Fri)"
    editor.days.setValue(5)
    assert editor.deadline.text() == "Deadline: 2026-11-23 (Mon), follow-up 2026-11-24 (Tue)"
    assert editor.draft().deadline == date(2026, 11, 23) and editor.draft().working_days == 5
    world.clock.now = datetime(2026, 12, 28, 9, 0, tzinfo=CST)
    editor.days.setValue(4)
    assert "estimated: Monday–Friday, the official schedule for 2027 is not entered yet" in editor.deadline.text()


def test_a_manager_cannot_issue_and_is_told_why(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
) -> None:
    inspection = completed_inspection(context, world)
    dialog = CreateNoticeDialog(sign_in(world.manager), inspection.id)
    qtbot.addWidget(dialog)
    assert dialog.editors == [] and not dialog.issue_button.isEnabled()
    assert dialog.problem.isVisibleTo(dialog) and dialog.problem.text()


def test_covert_drafts_say_how_the_notice_reads_and_preview_shows_the_pdf(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
    monkeypatch: pytest.MonkeyPatch, answers: list[str],
) -> None:
    inspection = completed_inspection(context, world, mode=InspectionMode.COVERT)
    dialog = CreateNoticeDialog(sign_in(world.office), inspection.id)
    qtbot.addWidget(dialog)
    editor = dialog.editors[0]
    assert editor.covert_note.isVisibleTo(editor) and "经暗访检查发现" in editor.covert_note.text()
    seen: list[Path] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda preview: seen.append(preview.path) or 0)
    dialog.preview()
    assert seen and seen[0].read_bytes().startswith(b"%PDF")
    assert not dialog.issued  # a preview issues nothing
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda preview: PdfPreviewDialog.DialogCode.Accepted)
    dialog.preview()  # "Issue…" in the preview
    assert len(dialog.issued) == 1 and dialog.issued[0].covert


def test_the_signature_drawn_and_kept_is_stored(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inspector.ui.dialogs.signature_dialog import SignatureResult

    inspection = completed_inspection(context, world)
    dialog = CreateNoticeDialog(sign_in(world.office), inspection.id)
    qtbot.addWidget(dialog)
    assert dialog.signature.text() == "none yet"
    png = _signature_png()
    monkeypatch.setattr(notice_create.SignatureDialog, "ask",
                        classmethod(lambda cls, *args, **kwargs: SignatureResult(png=png, signer_name="", keep=True)))
    assert dialog.draw_signature()
    assert context.signatures.get(world.office.id) == png and dialog.signature.pixmap() is not None


def _signature_png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line((10, 80, 120, 20, 200, 70, 290, 30), fill=(20, 20, 80, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_a_correction_supersedes_the_notice(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld, answers: list[str],
) -> None:
    notice = issue(context, world)
    draft = context.notices.correction_draft(world.office, notice.id)
    dialog = CreateNoticeDialog(sign_in(world.office), notice.inspection_id, draft=draft)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Correct notice {notice.number}"
    dialog.editors[0].head.setText("赵建国（站长）")
    [new] = dialog.issue()
    assert new.supersedes_number == notice.number and new.addressee == "赵建国（站长）"
    assert context.notices.get(world.office, notice.id).status is NoticeStatus.SUPERSEDED


def test_the_reply_dialog_records_the_reply(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
) -> None:
    notice = issue(context, world)
    world.clock.now = datetime(2026, 11, 18, 10, 0, tzinfo=CST)
    ui = sign_in(world.sup)
    dialog = ReplyDialog(ui, notice)
    qtbot.addWidget(dialog)
    assert dialog.replied_on.date() == QDate(2026, 11, 18) and dialog.replied_by.text() == "赵建国"
    after = context.photos.ingest(world.sup, jpeg(world.folder, 77))
    dialog.photos.photo_added.emit(after)
    dialog.measures.setPlainText("已补漆，灭火器已更换")
    dialog.preventive.setPlainText("每日出车前检查")
    dialog.replied_on.setDate(QDate(2026, 11, 17))
    dialog.accept()
    assert dialog.result() == ReplyDialog.DialogCode.Accepted
    reply = context.followups.reply(world.sup, notice.id)
    assert reply is not None and (reply.measures, reply.preventive, reply.replied_on, reply.photo_ids) == (
        "已补漆，灭火器已更换", "每日出车前检查", date(2026, 11, 17), (after.id,))
    assert context.notices.get(world.sup, notice.id).status is NoticeStatus.REPLIED


def test_an_empty_reply_is_refused_and_the_dialog_stays_open(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inspector.ui.dialogs import notice_reply

    notice = issue(context, world)
    dialog = ReplyDialog(sign_in(world.sup), notice)
    qtbot.addWidget(dialog)
    errors: list[str] = []
    monkeypatch.setattr(notice_reply, "show_error", lambda parent, error: errors.append(error.code))
    dialog.accept()
    assert errors == ["reply_measures_required"] and dialog.result() != ReplyDialog.DialogCode.Accepted


def test_the_follow_up_with_one_fail_reissues_the_failed_problem(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
) -> None:
    notice = issue(context, world)
    world.clock.now = datetime(2026, 11, 20, 10, 0, tzinfo=CST)
    dialog = FollowUpDialog(sign_in(world.sup), notice)
    qtbot.addWidget(dialog)
    first, second = dialog.checks
    assert first.before.pixmap() is not None and not first.before.pixmap().isNull()  # the photo at issue
    assert not dialog.ok_button.isEnabled()
    assert dialog.outcome.text() == "Choose passed or failed for every problem."
    first.passed.setChecked(True)
    second.passed.setChecked(True)
    assert "All passed: the notice will be closed." in dialog.outcome.text() and not dialog.days.isEnabled()
    second.failed.setChecked(True)
    second.note.setText("灭火器仍未更换")
    assert dialog.days.isEnabled() and dialog.days.value() == 3
    assert "1 problem(s) failed: a new notice will be issued for them with a deadline of 2026-11-25 (Wed)." in (
        dialog.outcome.text())
    fixed = context.photos.ingest(world.sup, jpeg(world.folder, 55))
    first.photos.photo_added.emit(fixed)
    dialog.accept()
    assert dialog.result() == FollowUpDialog.DialogCode.Accepted
    assert dialog.closed is not None and dialog.closed.status is NoticeStatus.REISSUED
    assert dialog.reissued is not None and dialog.reissued.reissue_of_number == notice.number
    assert dialog.reissued.deadline == date(2026, 11, 25) and dialog.reissued.item_count == 1
    assert dialog.outcome_text() == (f"Follow-up recorded: the failed problems carry on in notice "
                                     f"{dialog.reissued.number}, due 2026-11-25.")
    [followup] = context.followups.followups(world.sup, notice.id)
    assert followup.items[0].photo_ids == (fixed.id,) and followup.items[1].note == "灭火器仍未更换"
