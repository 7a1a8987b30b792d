"""The read-only templates browser: versions, their sections and items, the item's standard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from inspector.context import AppContext
from inspector.domain.templates import Origin, TemplateStatus
from inspector.domain.users import Role, User
from inspector.ui.models.templates_model import TemplatesModel
from inspector.ui.pages.templates import ItemRole, TemplatesPage
from inspector.ui.uicontext import UiContext
from inspector.words.labels import label


@pytest.fixture
def loaded(context: AppContext) -> list[str]:
    return context.templates.ensure_builtins()


def make_page(qtbot: Any, ui: UiContext) -> TemplatesPage:
    page = TemplatesPage(ui)
    qtbot.addWidget(page)
    page.show()
    return page


def column(model: TemplatesModel, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_lists_every_version(
    qtbot: Any, qtmodeltester: Any, loaded: list[str], users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    page = make_page(qtbot, sign_in(users[Role.SUPERVISOR]))
    model = page.model
    assert sorted(column(model, TemplatesModel.COL_CODE)) == sorted(loaded)
    assert set(column(model, TemplatesModel.COL_STATUS)) == {"Published"}
    versions = model.versions()
    assert column(model, TemplatesModel.COL_ITEMS) == [str(v.body.item_count) for v in versions]
    assert column(model, TemplatesModel.COL_TITLE) == [v.body.title_en or v.body.title_zh for v in versions]
    assert not page.empty.isVisible()
    qtmodeltester.check(model)


def test_selected_version_shows_sections_items_and_marks(
    qtbot: Any, loaded: list[str], admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    page = make_page(qtbot, sign_in(admin))
    version = page.current
    assert version is not None  # the first row is selected on open
    body = version.body
    # each part of the facts line starts with a capital (#14.9)
    assert f" · Inspects: {label(body.subject)} · Scoring: {label(body.scheme)} · " in page.summary.text()
    tree = page.tree
    assert tree.topLevelItemCount() == len(body.sections)
    rows = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        row = stack.pop()
        rows.append(row)
        stack.extend(row.child(i) for i in range(row.childCount()))
    item_rows = [r for r in rows if r.data(page.COL_CODE, ItemRole) is not None]
    assert len(item_rows) == body.item_count
    vetoes = sum(1 for _s, item in body.iter_items() if item.veto)
    inferred = sum(1 for _s, item in body.iter_items() if item.origin is Origin.INFERRED)
    assert sum(1 for r in item_rows if r.text(page.COL_VETO) == "Veto") == vetoes
    assert sum(1 for r in item_rows if r.text(page.COL_ORIGIN) == "Inferred") == inferred

    _section, first_item = next(body.iter_items())
    row = next(r for r in item_rows if r.text(page.COL_CODE) == first_item.code)
    assert row.text(page.COL_SEVERITY) == {"general": "General", "serious": "Serious"}[first_item.severity.value]
    tree.setCurrentItem(row)
    assert first_item.code in page.guidance.text()
    assert (first_item.guidance_en or first_item.guidance_zh)[:10] in page.guidance.text()


def test_titles_follow_the_display_language(
    qtbot: Any, loaded: list[str], admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    page = make_page(qtbot, sign_in(admin))
    versions = page.model.versions()
    assert column(page.model, TemplatesModel.COL_TITLE) == [v.body.title_zh for v in versions]
    assert versions[0].body.title_zh in page.heading.text()


def test_a_new_draft_appears_after_the_change_is_published(
    qtbot: Any, context: AppContext, loaded: list[str], users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    ui = sign_in(users[Role.QUALITY_OFFICE])
    page = make_page(qtbot, ui)
    draft, changes = context.templates.copy_to_month(users[Role.QUALITY_OFFICE], loaded[0], "2099-02")
    ui.hub.publish(changes)
    assert page.model.rowCount() == len(loaded) + 1
    row = page.model.row_of(draft.id)
    assert page.model.index(row, TemplatesModel.COL_STATUS).data() == "Draft"
    assert draft.status is TemplateStatus.DRAFT


def test_empty_data_folder_says_so(qtbot: Any, admin: User, sign_in: Callable[[User], UiContext]) -> None:
    page = make_page(qtbot, sign_in(admin))
    assert page.model.rowCount() == 0
    assert page.empty.isVisible() and page.tree.topLevelItemCount() == 0
