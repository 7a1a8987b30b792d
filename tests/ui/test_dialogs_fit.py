"""Every dialog fits the supervisors' 1366×768 laptop screen and remembers its size (#14.4).

The whole suite runs on an offscreen screen of that size (tests/conftest.py). Each dialog is shown
as the application shows it (with :class:`DialogSizes` installed, as ``configure_application``
does) and must lie inside the screen's free area, frame included, with every button of it inside
the visible part — the notice preview's 860×900 once put 打印…, 打开所在文件夹 and 关闭 off-screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog

from inspector.context import AppContext
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.ui.dialog_sizes import FRAME_ALLOWANCE, DialogSizes, install_dialog_sizes
from inspector.ui.uicontext import UiContext
from tests.notice_world import NoticeWorld, completed_inspection, jpeg, make_world


@dataclass
class Kit:
    context: AppContext
    world: NoticeWorld
    sign_in: Callable[[User], UiContext]
    folder: Path

    def pdf(self) -> Path:
        from reportlab.pdfgen import canvas

        path = self.folder / "page.pdf"
        sheet = canvas.Canvas(str(path))
        sheet.drawString(72, 720, "Inspector")
        sheet.showPage()
        sheet.save()
        return path

    def notice(self) -> Any:
        inspection = completed_inspection(self.context, self.world)
        notice, _ = self.context.notices.issue(self.world.office,
                                               self.context.notices.drafts(self.world.office, inspection.id, every_open=True)[0])
        return notice

    def registry_sheet(self) -> Path:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(["车牌号", "自编号", "线路", "所属单位"])
        sheet.append(["粤A55555", "1-0999", "9", "D01"])
        path = self.folder / "vehicles.xlsx"
        book.save(path)
        return path


def _login(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.login import LoginDialog
    return LoginDialog(kit.context.users)


def _first_admin(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.first_admin import FirstAdminDialog
    return FirstAdminDialog(kit.context.users)


def _password(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.password import PasswordDialog
    return PasswordDialog(need_current=True)


def _user_edit(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.user_edit import UserEditDialog
    return UserEditDialog()


def _signature(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.signature_dialog import SignatureDialog
    return SignatureDialog("签名", "请在下方签名")


def _overdue(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.overdue_reminder import OverdueReminderDialog
    return OverdueReminderDialog([kit.notice()], date(2026, 12, 30))


def _pdf_preview(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.pdf_preview import PdfPreviewDialog
    return PdfPreviewDialog(kit.pdf(), "整改通知单")


def _photo_viewer(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.photo_viewer import PhotoViewer
    return PhotoViewer([jpeg(kit.folder, 1, (1600, 1200))])


def _annotation(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.annotation_dialog import AnnotationDialog
    return AnnotationDialog(jpeg(kit.folder, 2, (1600, 1200)))


def _registry_edit(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.registry_edit import RegistryEditDialog
    return RegistryEditDialog(kit.sign_in(kit.world.office), RegistryKind.VEHICLES)


def _registry_import(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.registry_import import RegistryImportDialog
    return RegistryImportDialog(kit.sign_in(kit.world.office), RegistryKind.VEHICLES, kit.registry_sheet())


def _start_inspection(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.start_inspection import StartInspectionDialog
    return StartInspectionDialog(kit.sign_in(kit.world.sup))


def _new_template(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.template_new import NewTemplateDialog
    return NewTemplateDialog(kit.sign_in(kit.world.office))


def _copy_to_month(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.template_new import CopyToMonthDialog
    return CopyToMonthDialog(kit.context.templates.get(kit.world.office, kit.world.template_id))


def _publish(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.template_publish import PublishDialog
    return PublishDialog(kit.context.templates.get(kit.world.office, kit.world.template_id))


def _template_diff(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.template_diff import TemplateDiffDialog
    return TemplateDiffDialog(kit.sign_in(kit.world.office), "N1")


def _verify(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.verify_notice import VerifyNoticeDialog
    return VerifyNoticeDialog(kit.sign_in(kit.world.office))


def _create_notice(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.notice_create import CreateNoticeDialog
    inspection = completed_inspection(kit.context, kit.world, fails=("N1-1", "N1-3", "N1-4"))
    return CreateNoticeDialog(kit.sign_in(kit.world.office), inspection.id)


def _reply(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.notice_reply import ReplyDialog
    return ReplyDialog(kit.sign_in(kit.world.office), kit.notice())


def _follow_up(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.notice_followup import FollowUpDialog
    return FollowUpDialog(kit.sign_in(kit.world.sup), kit.notice())


def _exchange_export(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.exchange_export import ExportDialog
    ui = kit.sign_in(kit.world.office)
    return ExportDialog(ui, True, ui.user.display_name, kit.context.users.list(ui.user))


def _exchange_summary(kit: Kit) -> QDialog:
    """Every kind of record came in, some already here, files lost, and the data folder joined."""
    from inspector.domain.records import RecordKind
    from inspector.services.exchange_import import ImportSummary
    from inspector.ui.dialogs.exchange_summary import ExchangeSummaryDialog
    summary = ImportSummary(file=str(kit.folder / "zhangwei-20261207.inspx"), sender_name="质量办",
                            sender_device="0193a0b2-0000-7000-8000-000000000000", sequence=12, acting_user="wangfang",
                            photos_new=1500, photos_present=12, joined=True, gaps=(3, 7, 9))
    for kind in RecordKind:
        summary.new[kind.value] = 300
        summary.present[kind.value] = 2
    return ExchangeSummaryDialog(summary, joined_user="zhangwei")


def _exchange_status(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.exchange_status import ExchangeStatusDialog
    return ExchangeStatusDialog(kit.sign_in(kit.world.office))


def _note(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.note_dialog import NoteDialog
    return NoteDialog("当场整改", "做了什么（可不填）：")


def _complaint(kit: Kit) -> Any:
    from tests.complaints.world import add_case

    kit.context.registry.add(kit.world.office, RegistryKind.STAFF, {"staff_no": "D0123", "name": "李师傅",
                                                                    "role": "driver", "unit_id": kit.world.unit_id})
    return add_case(kit.context, kit.world)


def _complaint_new(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.complaint_new import NewComplaintDialog
    return NewComplaintDialog(kit.sign_in(kit.world.office))


def _complaint_step(name: str) -> Callable[[Kit], QDialog]:
    def make(kit: Kit) -> QDialog:
        from inspector.ui.dialogs import complaint_steps
        return getattr(complaint_steps, name)(kit.sign_in(kit.world.office), _complaint(kit))
    return make


def _comment_book_collect(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.comment_book_steps import CollectDialog
    return CollectDialog(kit.sign_in(kit.world.office), kit.world.clock.now.date())


def _comment_book_reply(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.comment_book_steps import ReplyDialog
    book, _ = kit.context.comment_books.collect(kit.world.office, vehicle="粤A12345", day=kit.world.clock.now.date(),
                                                entries=[("opinion", "车内空调太冷，希望调高一些" * 4)])
    return ReplyDialog(kit.sign_in(kit.world.office), book.entries[0], book)


def _photo_sources(kit: Kit) -> QDialog:
    from datetime import datetime

    from inspector.ui.dialogs.photo_sources import PhotoSourcesDialog
    return PhotoSourcesDialog(kit.sign_in(kit.world.sup), datetime.now().astimezone(), kit.folder)


def _template_import(kit: Kit) -> QDialog:
    from inspector.ui.dialogs.template_import import TemplateImportDialog
    from tests.services.xlsform_forms import ODK_SAMPLE, write_form

    path = write_form(kit.folder / "depot.xlsx", ODK_SAMPLE)
    return TemplateImportDialog(path, kit.context.template_transfer.read_xlsx(kit.world.office, path))


DIALOGS: dict[str, Callable[[Kit], QDialog]] = {
    "login": _login, "first admin": _first_admin, "password": _password, "user edit": _user_edit,
    "signature": _signature, "overdue reminder": _overdue, "pdf preview": _pdf_preview,
    "photo viewer": _photo_viewer, "annotation": _annotation, "registry edit": _registry_edit,
    "registry import": _registry_import, "start inspection": _start_inspection,
    "new template": _new_template, "copy to month": _copy_to_month, "publish": _publish,
    "template diff": _template_diff, "verify notice": _verify, "create notice": _create_notice,
    "reply": _reply, "follow-up": _follow_up, "exchange export": _exchange_export,
    "exchange summary": _exchange_summary, "exchange status": _exchange_status,
    "complaint new": _complaint_new, "complaint investigate": _complaint_step("InvestigateDialog"),
    "complaint result": _complaint_step("ResolveDialog"), "complaint feedback": _complaint_step("FeedbackDialog"),
    "complaint close": _complaint_step("CloseDialog"), "complaint extend": _complaint_step("ExtendDialog"),
    "complaint finding": _complaint_step("FindingDialog"), "photo sources": _photo_sources, "note": _note,
    "comment book collect": _comment_book_collect, "comment book reply": _comment_book_reply,
    "template import": _template_import,
}


@pytest.fixture
def kit(context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], tmp_path: Path) -> Kit:
    return Kit(context=context, world=make_world(context, users, tmp_path), sign_in=sign_in, folder=tmp_path)


@pytest.fixture
def sizes(qapp: QApplication) -> DialogSizes:
    return install_dialog_sizes(qapp)


def outside(dialog: QDialog) -> list[str]:
    """What of ``dialog`` a user could not see or reach on its screen: the window itself, frame
    included, beyond the free area; a button beyond the dialog's own visible rectangle."""
    area = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    window = QRect(frame.topLeft(), dialog.size() + FRAME_ALLOWANCE)  # a real title bar and borders
    problems = [] if area.contains(window) else [f"window {window.getRect()} beyond the screen {area.getRect()}"]
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisibleTo(dialog):
            continue
        corner = button.mapTo(dialog, button.rect().topLeft())
        if not dialog.rect().contains(QRect(corner, button.size())):
            problems.append(f"button {button.text() or button.objectName()!r} at {corner.toTuple()}")
    return problems


def test_the_screen_is_a_laptops(qapp: QApplication) -> None:
    assert qapp.primaryScreen().size() == QSize(1366, 768)


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_fits_a_1366x768_screen(qtbot: Any, kit: Kit, sizes: DialogSizes, name: str) -> None:
    dialog = DIALOGS[name](kit)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert outside(dialog) == []
    assert dialog.minimumSizeHint().height() <= dialog.screen().availableGeometry().height() - FRAME_ALLOWANCE.height()


def test_without_the_fitting_the_notice_preview_overflows(qtbot: Any, qapp: QApplication, kit: Kit) -> None:
    """The bug as it was, so the test above can fail."""
    for sizes in qapp.findChildren(DialogSizes):
        qapp.removeEventFilter(sizes)
        sizes.deleteLater()
    dialog = _pdf_preview(kit)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert any("beyond the screen" in problem for problem in outside(dialog))


def test_a_dialog_reopens_at_the_size_it_was_left_at(qtbot: Any, kit: Kit, sizes: DialogSizes) -> None:
    first = _pdf_preview(kit)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 520)
    first.close()

    second = _pdf_preview(kit)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == QSize(700, 520)


def test_a_remembered_size_too_big_for_this_screen_is_bounded(qtbot: Any, kit: Kit, sizes: DialogSizes) -> None:
    """Left at 1800×1100 on the office's big monitor, opened on the laptop: it still fits."""
    from inspector.ui.dialog_sizes import KEY_PREFIX
    from inspector.ui.dialogs.pdf_preview import PdfPreviewDialog
    from inspector.ui.geometry import settings_store

    settings_store().setValue(KEY_PREFIX + PdfPreviewDialog.__name__, QSize(1800, 1100))
    dialog = _pdf_preview(kit)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert outside(dialog) == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_fits_the_laptop_screen_in_both_languages(
    qtbot: Any, qapp: QApplication, kit: Kit, language: str,
) -> None:
    """The main window maximised on the laptop: no page asks for more room than there is."""
    from inspector.app import configure_application
    from inspector.ui.mainwindow import PAGE_KEYS, MainWindow
    from inspector.words.i18n import install_translator

    font, sheet = qapp.font(), qapp.styleSheet()
    configure_application(qapp)  # the real font and style sheet: both widen buttons and boxes
    install_translator(qapp, language)
    try:
        window = MainWindow(kit.sign_in(kit.world.office))
        qtbot.addWidget(window)
        room = window.screen().availableGeometry().size() - FRAME_ALLOWANCE
        window.resize(room)
        window.show()
        qtbot.waitExposed(window)
        for key in PAGE_KEYS:
            window.go_to(key)
            qtbot.wait(10)  # let the layouts settle
            assert window.size() == room, key
            hint = window.minimumSizeHint()
            assert hint.width() <= room.width() and hint.height() <= room.height(), (key, hint.toTuple())
    finally:
        install_translator(qapp, "en")
        qapp.setFont(font)
        qapp.setStyleSheet(sheet)
