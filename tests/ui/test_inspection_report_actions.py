"""The written inspection report from the screens. The regulation (seeds-digest D-121):
「检查结束后形成书面检查报告反馈各单位、部门」 — so the recording screen of a completed inspection
saves its report and takes the inspected party's on-site acknowledgement, and the inspections list
saves the selected one's report or every completed inspection of the filtered list as one PDF,
with progress and cancel (a cancelled export leaves no file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog

from inspector.context import AppContext
from inspector.domain.inspection_report import report_number
from inspector.domain.inspections import InspectionMode
from inspector.domain.users import Role, User
from inspector.ui.dialogs.signature_dialog import SignatureDialog, SignatureResult
from inspector.ui.pages.inspections import InspectionsPage
from inspector.ui.pages.recording import RecordingScreen
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets import inspection_report_actions
from tests.notice_world import NoticeWorld, completed_inspection, make_world, signature_png
from tests.pdf import page_count, pdftotext


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def ask(_parent: Any, _caption: str, suggested: str, _filter: str) -> Path:
        asked.append(suggested)
        return path

    monkeypatch.setattr(inspection_report_actions, "ask_save_path", ask)
    return asked


def _screen(qtbot: Any, ui: UiContext, inspection_id: int) -> RecordingScreen:
    screen = RecordingScreen(ui, inspection_id)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_the_recording_screen_saves_the_report_of_a_completed_inspection_only(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """「形成书面检查报告」 after the check: offered once the inspection is completed, clean or not."""
    clean = completed_inspection(context, world, fails=())
    screen = _screen(qtbot, sign_in(world.sup), clean.id)
    assert screen.header.report_button.isVisible() and screen.header.acknowledge_button.isVisible()
    target = tmp_path / "saved.pdf"
    asked = _save_to(monkeypatch, target)
    screen.header.report_button.click()
    assert asked == [f"{report_number(clean.id)}.pdf"]
    assert report_number(clean.id) in pdftotext(target.read_bytes(), tmp_path)

    draft, _ = context.inspections.start(world.sup, template_version_id=world.template_id,
                                         mode=InspectionMode.ONSITE, subject=world.vehicle)
    draft_screen = _screen(qtbot, sign_in(world.sup), draft.id)
    assert not draft_screen.header.report_button.isVisible()
    covert = completed_inspection(context, world, mode=InspectionMode.COVERT, seed=2)
    covert_screen = _screen(qtbot, sign_in(world.sup), covert.id)
    assert covert_screen.header.report_button.isVisible()
    assert not covert_screen.header.acknowledge_button.isVisible()  # nobody on site knows of a covert visit


def test_the_on_site_acknowledgement_is_signed_on_the_laptop_and_printed(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    inspection = completed_inspection(context, world, fails=("N1-2",), seed=3)
    screen = _screen(qtbot, sign_in(world.sup), inspection.id)
    monkeypatch.setattr(SignatureDialog, "ask", classmethod(
        lambda cls, *args, **options: SignatureResult(png=signature_png(), signer_name="孙站长", keep=False)))
    screen.header.acknowledge_button.click()
    stored = context.inspection_reports.report(world.sup, inspection.id).acknowledgement
    assert stored is not None and stored.signer_name == "孙站长" and stored.signature_png == signature_png()
    target = tmp_path / "ack.pdf"
    _save_to(monkeypatch, target)
    screen.header.report_button.click()
    assert "孙站长" in pdftotext(target.read_bytes(), tmp_path)


def test_the_list_saves_every_completed_inspection_of_the_filter_as_one_pdf(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    done = [completed_inspection(context, world, fails=fails, seed=seed)
            for seed, fails in ((4, ()), (5, ("N1-1",)))]
    context.inspections.start(world.sup, template_version_id=world.template_id, mode=InspectionMode.ONSITE,
                              subject=world.vehicle)  # a draft in the list: left out of the PDF
    page = InspectionsPage(sign_in(world.office))
    qtbot.addWidget(page)
    page.show()
    assert len(page.model.listed_ids()) == 3
    target = tmp_path / "list.pdf"
    _save_to(monkeypatch, target)
    shown: list[int] = []
    monkeypatch.setattr(QProgressDialog, "setValue", lambda self, value: shown.append(value))
    assert page.export_list_reports() == target
    text = pdftotext(target.read_bytes(), tmp_path)
    assert all(report_number(inspection.id) in text for inspection in done)
    assert page_count(target.read_bytes()) >= 2 and shown[-1] == 3  # two reports, then the file

    page.table.selectRow(page.model.listed_ids().index(done[0].id))
    single = tmp_path / "one.pdf"
    _save_to(monkeypatch, single)
    assert page.export_selected_report() == single
    assert page_count(single.read_bytes()) < page_count(target.read_bytes())
    assert report_number(done[0].id) in pdftotext(single.read_bytes(), tmp_path)


def test_cancelling_the_list_export_writes_no_file(
    qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    for seed in (6, 7):
        completed_inspection(context, world, fails=(), seed=seed)
    page = InspectionsPage(sign_in(world.office))
    qtbot.addWidget(page)
    target = tmp_path / "cancelled.pdf"
    _save_to(monkeypatch, target)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert page.export_list_reports() is None
    assert not target.exists() and not list(tmp_path.glob(".cancelled.pdf.*"))
