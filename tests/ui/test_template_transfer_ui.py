"""Spreadsheet import/export from the templates page: a new draft on import, every problem shown
for a broken file with nothing imported, an export that reads back identical, roles enforced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector.context import AppContext
from inspector.domain.errors import ImportRejected, InspectorError, PermissionDenied
from inspector.domain.templates import TemplateStatus
from inspector.domain.users import Role, User
from inspector.services.template_sheets_read import read_template_xlsx
from inspector.ui import template_transfer
from inspector.ui.pages.templates import TemplatesPage
from inspector.ui.uicontext import UiContext


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[InspectorError]:
    errors: list[InspectorError] = []
    monkeypatch.setattr(template_transfer, "show_error", lambda _parent, error: errors.append(error))
    return errors


def make_page(qtbot: Any, ui: UiContext) -> TemplatesPage:
    ui.app.templates.ensure_builtins()
    page = TemplatesPage(ui)
    qtbot.addWidget(page)
    page.show()
    return page


def t1(context: AppContext, user: User):  # noqa: ANN202 - TemplateVersion
    return context.templates.latest_published(user, "T1")


def test_export_then_import_makes_an_identical_draft(
    qtbot: Any, tmp_path: Path, context: AppContext, users: dict[Role, User],
    sign_in: Callable[[User], UiContext], shown: list[InspectorError], monkeypatch: pytest.MonkeyPatch,
) -> None:
    qo = users[Role.QUALITY_OFFICE]
    page = make_page(qtbot, sign_in(qo))
    assert page.select_version(t1(context, qo).id)
    target = tmp_path / "out" / "T1.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(template_transfer.SpreadsheetFiles, "choose_export", classmethod(lambda cls, p, s: target))
    assert page.transfer.export_selected() == target
    assert read_template_xlsx(target) == t1(context, qo).body
    assert "T1" in page.note.text()

    monkeypatch.setattr(template_transfer.SpreadsheetFiles, "choose_import", classmethod(lambda cls, p: target))
    reviewed: list[Any] = []
    monkeypatch.setattr(template_transfer.TemplateImportDialog, "review",
                        classmethod(lambda cls, parent, path, sheet: reviewed.append(sheet) or None))
    assert page.transfer.import_file()
    assert [sheet.body for sheet in reviewed] == [t1(context, qo).body]
    assert shown == []
    versions = context.templates.versions_of(qo, "T1")
    assert [v.version for v in versions] == [1, 2]
    draft = versions[-1]
    assert draft.status is TemplateStatus.DRAFT and draft.body == versions[0].body
    assert page.current is not None and page.current.id == draft.id
    assert "2" in page.note.text()


def test_a_broken_file_shows_every_problem_and_imports_nothing(
    qtbot: Any, tmp_path: Path, context: AppContext, users: dict[Role, User],
    sign_in: Callable[[User], UiContext], shown: list[InspectorError],
) -> None:
    qo = users[Role.QUALITY_OFFICE]
    page = make_page(qtbot, sign_in(qo))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is not a workbook")
    before = len(context.templates.list(qo))
    assert not page.transfer.import_file(broken)
    assert len(shown) == 1 and isinstance(shown[0], (ImportRejected, InspectorError))
    assert len(context.templates.list(qo)) == before


def test_a_supervisor_may_export_but_not_import(
    qtbot: Any, tmp_path: Path, context: AppContext, users: dict[Role, User],
    sign_in: Callable[[User], UiContext], shown: list[InspectorError],
) -> None:
    sup = users[Role.SUPERVISOR]
    page = make_page(qtbot, sign_in(sup))
    page.select_version(t1(context, sup).id)
    assert not page.transfer.import_action.isEnabled()
    assert page.transfer.export_action.isEnabled()
    source = tmp_path / "T1.xlsx"
    context.template_transfer.export_xlsx(users[Role.QUALITY_OFFICE], t1(context, sup).id, source)
    before = len(context.templates.list(sup))
    assert not page.transfer.import_file(source)  # forced past the disabled action
    assert isinstance(shown[0], PermissionDenied)
    assert len(context.templates.list(sup)) == before


def test_the_import_dialog_shows_every_row_and_asks_for_a_missing_subject(
    qtbot: Any, tmp_path: Path, context: AppContext, users: dict[Role, User],
    sign_in: Callable[[User], UiContext], shown: list[InspectorError], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inspector.domain.templates import SubjectKind
    from inspector.ui.dialogs.template_import import CANCELLED, TemplateImportDialog
    from tests.services.xlsform_forms import ODK_SAMPLE, write_form

    qo = users[Role.QUALITY_OFFICE]
    page = make_page(qtbot, sign_in(qo))
    path = write_form(tmp_path / "depot.xlsx", ODK_SAMPLE)
    sheet = context.template_transfer.read_xlsx(qo, path)
    dialog = TemplateImportDialog(path, sheet)
    qtbot.addWidget(dialog)
    assert dialog.mapped.count() == len(sheet.mapped) == 9 and dialog.skipped.count() == 7
    assert dialog.skipped.item(3).text().startswith("sheet survey, row 10, column type: skipped staff_count")
    assert "4 items in 2 sections" in dialog.headline.text()
    assert not dialog.import_button.isEnabled()  # no subject kind yet
    dialog.subject.setCurrentIndex(dialog.subject.findData(SubjectKind.LOCATION))
    assert dialog.import_button.isEnabled() and dialog.result_subject() is SubjectKind.LOCATION

    answers = iter([CANCELLED, SubjectKind.LOCATION])
    monkeypatch.setattr(TemplateImportDialog, "review", classmethod(lambda cls, parent, p, s: next(answers)))
    before = len(context.templates.list(qo))
    assert not page.transfer.import_file(path)  # cancelled in the dialog
    assert len(context.templates.list(qo)) == before and shown == []
    assert page.transfer.import_file(path)
    draft = context.templates.versions_of(qo, "depot_inspection")[-1]
    assert (draft.body.subject, draft.body.item_count) == (SubjectKind.LOCATION, 4)


def test_the_import_dialog_keeps_the_subject_a_file_names(qtbot: Any, tmp_path: Path, context: AppContext,
                                                          users: dict[Role, User]) -> None:
    from inspector.domain.templates import SubjectKind
    from inspector.ui.dialogs.template_import import TemplateImportDialog

    context.templates.ensure_builtins()
    qo = users[Role.QUALITY_OFFICE]
    path = context.template_transfer.export_xlsx(qo, t1(context, qo).id, tmp_path / "T1.xlsx")
    dialog = TemplateImportDialog(path, context.template_transfer.read_xlsx(qo, path))
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled() and dialog.chosen() is SubjectKind.VEHICLE
    assert dialog.result_subject() is None and dialog.skipped.count() == 0
