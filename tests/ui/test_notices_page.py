"""The notices page: the list with its flags, the filters, and the detail panel's actions, enabled
by the notice's status and the user's role, carried out through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from inspector.context import AppContext
from inspector.domain.errors import InspectorError
from inspector.domain.notices import FollowUpItemResult, FollowUpResult, NoticeFlag, NoticeStatus, NoticeSummary
from inspector.domain.users import Role, User
from inspector.ui.dialogs.pdf_preview import PdfPreviewDialog
from inspector.ui.dialogs.signature_dialog import SignatureDialog, SignatureResult
from inspector.ui.dialogs.verify_notice import VerifyNoticeDialog
from inspector.ui.models.notices_model import NoticesModel
from inspector.ui.pages.notices import ALL_STATUSES, NoticesPage
from inspector.ui.uicontext import UiContext
from tests.ui.keys import double_click
from inspector.ui.widgets import notice_detail
from tests.notice_world import CST, NoticeWorld, completed_inspection, make_world, signature_png


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


def issue(context: AppContext, world: NoticeWorld, **kwargs: Any) -> NoticeSummary:
    inspection = completed_inspection(context, world, **kwargs)
    notice, _ = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    return notice


@pytest.fixture
def two_notices(context: AppContext, world: NoticeWorld) -> tuple[NoticeSummary, NoticeSummary]:
    """The first due Mon 23 Nov; the second (same item, same bus) recurred; today Tue 24th: the first is overdue."""
    first = issue(context, world, fails=("N1-1",), seed=1)
    world.clock.now = datetime(2026, 11, 20, 9, 0, tzinfo=CST)
    second = issue(context, world, fails=("N1-1",), seed=2)
    world.clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=CST)
    return first, second


def open_page(qtbot: Any, sign_in: Callable[[User], UiContext], user: User) -> NoticesPage:
    page = NoticesPage(sign_in(user))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    return page


def column(page: NoticesPage, col: int) -> list[str]:
    return [page.proxy.index(row, col).data() for row in range(page.proxy.rowCount())]


def test_the_page_lists_notices_with_their_flags(qtbot: Any, sign_in: Callable[[User], UiContext],
                                                 world: NoticeWorld, two_notices: tuple[NoticeSummary, ...]) -> None:
    first, second = two_notices
    page = open_page(qtbot, sign_in, world.office)
    assert sorted(column(page, NoticesModel.COL_NUMBER)) == [first.number, second.number]
    flags = dict(zip(column(page, NoticesModel.COL_NUMBER), column(page, NoticesModel.COL_FLAGS)))
    assert flags[first.number] == "Overdue"  # unfinished goes unsaid: an overdue notice is unfinished
    assert flags[second.number] == "Recurred"
    row = page.model.row_of(first.id)
    assert page.model.index(row, NoticesModel.COL_FLAGS).data(NoticesModel.FlagsRole) == [NoticeFlag.OVERDUE]
    page.set_filter(flag=NoticeFlag.UNFINISHED)  # the filter still finds it
    assert column(page, NoticesModel.COL_NUMBER) == [first.number]
    page.set_filter()
    assert page.model.index(row, NoticesModel.COL_DEADLINE).data() == "2026-11-23"
    assert page.count_label.text() == "2 notice(s)"
    assert page.select(first.id)
    assert page.detail.number.text() == first.number
    assert "Overdue" in page.detail.state.text() and "车身无明显划痕" in page.detail.problems.text()
    assert "Issued 2026-11-16" in page.detail.history.text()


def test_filters_narrow_the_rows(qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext],
                                 world: NoticeWorld, two_notices: tuple[NoticeSummary, ...]) -> None:
    first, second = two_notices
    page = open_page(qtbot, sign_in, world.office)
    page.set_filter(flag=NoticeFlag.OVERDUE)
    assert column(page, 0) == [first.number]
    page.set_filter(flag=NoticeFlag.RECURRED)
    assert column(page, 0) == [second.number]
    context.followups.record_followup(world.sup, first.id, [FollowUpItemResult(position=1, result=FollowUpResult.PASS)])
    page.set_filter()  # all open: the closed one is gone
    assert column(page, 0) == [second.number]
    page.set_filter(status=NoticeStatus.CLOSED.value)
    assert column(page, 0) == [first.number]
    assert column(page, NoticesModel.COL_FLAGS) == ["Late"]  # closed after its deadline: 整改不及时
    page.set_filter(status=ALL_STATUSES, text="no such depot")
    assert column(page, 0) == [] and page.stack.currentWidget() is page.empty
    assert page.empty.text() == "No notice matches these filters."
    page.set_filter(status=ALL_STATUSES, text="", unit_id=world.unit_id, month="2026-11")
    assert len(column(page, 0)) == 2
    assert page.month.itemData(1) == "2026-11"


def test_an_empty_page_says_where_notices_come_from(qtbot: Any, sign_in: Callable[[User], UiContext],
                                                   world: NoticeWorld) -> None:
    page = open_page(qtbot, sign_in, world.office)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text().startswith("No rectification notices yet.")
    assert page.detail.empty.isVisibleTo(page.detail) and not page.detail.preview_button.isEnabled()


def enabled(page: NoticesPage) -> set[str]:
    detail = page.detail
    buttons = {"preview": detail.preview_button, "record": detail.record_button, "receipt": detail.receipt_button,
               "reply": detail.reply_button, "followup": detail.followup_button, "sign": detail.sign_button,
               "export": detail.export_button, "correct": detail.correct_button}
    return {name for name, button in buttons.items() if button.isEnabled()}


def test_buttons_follow_status_and_role(qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext],
                                        world: NoticeWorld) -> None:
    notice = issue(context, world)
    office = open_page(qtbot, sign_in, world.office)
    office.select(notice.id)
    assert enabled(office) == {"preview", "record", "receipt", "reply", "followup", "sign", "export", "correct"}
    manager = open_page(qtbot, sign_in, world.manager)
    manager.select(notice.id)
    assert enabled(manager) == {"preview", "record", "export", "sign"}  # a manager signs, never issues
    supervisor = open_page(qtbot, sign_in, world.sup)
    supervisor.select(notice.id)
    assert enabled(supervisor) == {"preview", "record", "export", "receipt", "reply", "followup"}
    changes = context.followups.acknowledge(world.sup, notice.id, "孙站长")
    supervisor.ui.hub.publish(changes)
    assert supervisor.selected_id() == notice.id  # the selection survives the reload
    assert enabled(supervisor) == {"preview", "record", "export", "reply", "followup"}
    context.followups.record_followup(world.sup, notice.id, [
        FollowUpItemResult(position=p, result=FollowUpResult.PASS) for p in (1, 2)])
    supervisor.set_filter(status=ALL_STATUSES)
    supervisor.select(notice.id)
    assert enabled(supervisor) == {"preview", "record", "export"}
    assert "Closed" in supervisor.detail.history.text()


def test_a_supervisor_records_the_receipt_with_a_drawn_signature(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notice = issue(context, world)
    page = open_page(qtbot, sign_in, world.sup)
    page.select(notice.id)
    asked: list[dict[str, Any]] = []

    def ask(cls: type, parent: Any, title: str, instruction: str, **options: Any) -> SignatureResult:
        asked.append(options)
        return SignatureResult(png=signature_png(), signer_name="孙站长", keep=False)

    monkeypatch.setattr(SignatureDialog, "ask", classmethod(ask))
    page.detail.receipt_button.click()
    assert asked[0]["ask_name"] is True and asked[0]["name"] == "赵建国"  # the unit's head, changeable
    assert context.notices.get(world.sup, notice.id).status is NoticeStatus.ACKNOWLEDGED
    assert "Signed for by 孙站长" in page.detail.history.text()
    assert page.detail.message.text() == "Receipt recorded: signed by 孙站长."


def test_preview_export_and_a_refused_signature(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    notice = issue(context, world)
    page = open_page(qtbot, sign_in, world.office)
    shown: list[tuple[Path, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda dialog: shown.append((dialog.path, dialog.windowTitle())) or 0)
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(notice.id), 0))
    double_click(page.table, row)
    assert shown == [(context.notices.pdf_file(world.office, notice.id), f"Notice {notice.number}")]
    page.detail.record_button.click()
    assert shown[-1][0].name == f"{notice.number}-record.pdf" and shown[-1][0].read_bytes().startswith(b"%PDF")

    target = tmp_path / "out" / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"))
    assert page.detail.export() == target.with_suffix(".pdf")
    assert target.with_suffix(".pdf").read_bytes() == context.notice_files.issued_pdf(world.office, notice.id)
    assert str(target.with_suffix(".pdf")) in page.detail.message.text()

    errors: list[InspectorError] = []
    monkeypatch.setattr(notice_detail, "show_error", lambda parent, error: errors.append(error))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("secret-pass", True))
    assert page.detail.sign() is None  # no certificate yet: the service's sentence is shown
    assert [error.code for error in errors] in (["no_ca"], ["no_certificate"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", False))
    assert page.detail.sign() is None and len(errors) == 1  # cancelled: nothing asked of the service


def test_signing_keeps_a_signed_copy_and_says_where_and_verify_opens_it(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.conftest import PASSWORD

    notice = issue(context, world)
    context.certificates.init_ca(world.office, PASSWORD)
    context.certificates.issue(world.office, PASSWORD, world.office.username, PASSWORD)
    page = open_page(qtbot, sign_in, world.office)
    page.select(notice.id)
    # A mistyped password asks again, saying why, instead of closing (#12.15).
    typed = iter(["mistyped", PASSWORD])
    prompts: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda parent, title, prompt, *args, **kwargs: (prompts.append(prompt), (next(typed), True))[1])
    path = page.detail.sign()
    assert len(prompts) == 2 and prompts[1].startswith('Wrong user name or password for "qo1".')
    assert prompts[1].endswith(prompts[0])
    assert path is not None and path.read_bytes().startswith(b"%PDF") and path != context.notices.pdf_file(
        world.office, notice.id)
    assert page.detail.message.text() == f"Signed copy saved as {path}"
    assert "Signed (PAdES) by qo1" in page.detail.history.text()
    assert page.detail.verify_button.isVisibleTo(page.detail)
    opened: list[Path | None] = []
    monkeypatch.setattr(VerifyNoticeDialog, "open_for",
                        classmethod(lambda cls, ui, parent=None, path=None: opened.append(path)))
    page.detail.verify_button.click()
    assert opened == [path]


def test_every_flag_chip_is_seen_or_counted_and_the_tooltip_names_them_all(
    qtbot: Any, sign_in: Callable[[User], UiContext], world: NoticeWorld, two_notices: tuple[NoticeSummary, ...],
) -> None:
    """#14.7: a narrow flags column once dropped 再次发生 without a word."""
    from PySide6.QtGui import QFont, QFontMetrics

    from inspector.ui.models.notices_model import FlagChipsDelegate

    _, second = two_notices
    world.clock.now = datetime(2026, 12, 30, 9, 0, tzinfo=CST)  # the recurred one is overdue now too
    page = open_page(qtbot, sign_in, world.office)
    page.show()
    qtbot.waitExposed(page)
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(second.id), NoticesModel.COL_FLAGS)).row()
    index = page.proxy.index(row, NoticesModel.COL_FLAGS)
    assert index.data(NoticesModel.FlagsRole) == [NoticeFlag.OVERDUE, NoticeFlag.RECURRED]
    assert index.data() == "Overdue · Recurred"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Overdue\nRecurred"
    delegate = page.table.itemDelegateForColumn(NoticesModel.COL_FLAGS)
    assert isinstance(delegate, FlagChipsDelegate)
    # The column is given the room its widest row needs.
    assert page.table.columnWidth(NoticesModel.COL_FLAGS) >= page.table.sizeHintForColumn(NoticesModel.COL_FLAGS)

    flags = [NoticeFlag.OVERDUE, NoticeFlag.RECURRED]
    metrics = QFontMetrics(QFont())
    shown, hidden = delegate.fitting(flags, metrics, 1000)
    assert (shown, hidden) == (flags, [])
    narrow = delegate._chip_width(metrics, "Overdue") + delegate._chip_width(metrics, "+1") + 3 * delegate.GAP
    shown, hidden = delegate.fitting(flags, metrics, narrow)
    assert (shown, hidden) == ([NoticeFlag.OVERDUE], [NoticeFlag.RECURRED])  # drawn as "+1"
    shown, hidden = delegate.fitting(flags, metrics, 10)
    assert (shown, hidden) == ([], flags)  # "+2": never nothing at all


def test_signing_a_covert_notice_says_the_office_seal_signs_it(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #12.2 on screen: the password prompt says, before anything is signed, that the
    covert notice carries the office seal and not the user's personal certificate."""
    from inspector.domain.inspections import InspectionMode
    from tests.conftest import PASSWORD

    office = world.office
    context.certificates.init_ca(office, PASSWORD)
    context.certificates.issue(office, PASSWORD, office.username, PASSWORD)
    context.certificates.init_seal(office, PASSWORD)
    covert = issue(context, world, mode=InspectionMode.COVERT)
    onsite = issue(context, world, seed=2)
    page = open_page(qtbot, sign_in, office)
    prompts: list[str] = []

    def answer(parent: Any, title: str, label: str, *args: Any, **kwargs: Any) -> tuple[str, bool]:
        prompts.append(label)
        return PASSWORD, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    seal = f"{context.settings.get().organisation_name} 检查专用章"
    assert page.select(covert.id)
    signed = page.detail.sign()
    assert signed is not None
    assert prompts[-1].startswith(f"Covert visit: this notice is signed with the office seal certificate “{seal}”")
    assert f"The quality office holds the seal's key ({office.display_name})." in prompts[-1]  # who holds it
    assert page.detail.message.text().startswith(f"Covert visit: signed with the office seal certificate “{seal}”")
    assert f"Signed (PAdES) by {seal}" in page.detail.history.text() and office.display_name not in (
        context.notice_files.signed_copies(office, covert.id)[0]["signer_name"])
    assert page.select(onsite.id) and page.detail.sign() is not None
    assert prompts[-1].startswith("Signed with your personal certificate")


def test_the_office_reissues_what_a_laptops_follow_up_found_not_fixed(
    qtbot: Any, context: AppContext, sign_in: Callable[[User], UiContext], world: NoticeWorld,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Notices and their numbers are the office's: a failed follow-up recorded on a laptop makes no
    notice there; back at the office, Reissue… issues the new one (#20)."""
    from PySide6.QtWidgets import QMessageBox

    notice = issue(context, world)
    items = context.notices.items(world.office, notice.id)
    context.db.execute("UPDATE device SET office_device_id = 'the-office' WHERE id = 1")  # as on a laptop
    old, successor, _ = context.followups.record_followup(world.sup, notice.id, [
        FollowUpItemResult(position=item.position, result=FollowUpResult.FAIL) for item in items])
    assert successor is None and old.status is notice.status and len(context.notices.list(world.office)) == 1
    context.db.execute("UPDATE device SET office_device_id = NULL WHERE id = 1")  # the file reached the office
    page = open_page(qtbot, sign_in, world.office)
    page.select(notice.id)
    assert page.detail.reissue_button.isVisibleTo(page.detail)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    new = page.detail.reissue()
    assert new is not None and new.number != notice.number
    assert page.detail.message.text().startswith(f"Reissued as {new.number}, due ")
    assert context.notices.get(world.office, notice.id).status is NoticeStatus.REISSUED
    page.select(notice.id)
    assert not page.detail.reissue_button.isVisibleTo(page.detail)
