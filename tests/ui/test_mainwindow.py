"""The main window: navigation for every role, status bar, switching user, switching language live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from inspector import __version__
from inspector.app import build_main_window, configure_application
from inspector.context import AppContext
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.words.i18n import translations_dir
from inspector.ui.dialogs.login import LoginDialog
from inspector.words.labels import label
from inspector.ui.mainwindow import PAGE_KEYS, MainWindow
from inspector.ui.pages.base import Page
from inspector.ui.pages.notices import NoticesPage
from inspector.ui.pages.inspections import InspectionsPage
from inspector.ui.pages.registry import RegistryPage
from inspector.ui.pages.reports import ReportsPage
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.uicontext import UiContext

NAV = ["Dashboard", "Inspections", "Notices", "Complaints", "Comment books", "Templates", "Reports", "Registry",
       "Settings"]


def make_window(qtbot: Any, ui: UiContext) -> MainWindow:
    window = build_main_window(ui)
    qtbot.addWidget(window)
    window.show()
    return window


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


@pytest.mark.parametrize("role", list(Role))
def test_every_role_gets_all_nine_pages(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext], role: Role
) -> None:
    user = users[role]
    window = make_window(qtbot, sign_in(user))
    assert nav_texts(window) == NAV
    assert all(not window.nav.item(row).icon().isNull() for row in range(window.nav.count()))
    for key, title in zip(PAGE_KEYS, NAV, strict=True):
        page = window.go_to(key)
        assert window.stack.currentWidget() is page
        assert window.page_title.text() == title
    assert isinstance(window.pages["registry"], RegistryPage)
    assert isinstance(window.pages["inspections"].list_page, InspectionsPage)
    assert isinstance(window.pages["notices"], NoticesPage)
    assert isinstance(window.pages["reports"], ReportsPage)
    assert window.user_label.text() == f"{user.display_name} · {label(user.role)}"
    assert str(context.paths.root) in window.folder_label.text()


def test_window_needs_a_signed_in_user(context: AppContext) -> None:
    with pytest.raises(RuntimeError):
        build_main_window(UiContext(app=context))


def test_dashboard_card_opens_the_registry_on_its_kind(
    qtbot: Any, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    window = make_window(qtbot, sign_in(admin))
    window.pages["dashboard"].navigate.emit("registry", RegistryKind.VEHICLES)
    registry = window.pages["registry"]
    assert window.stack.currentWidget() is registry
    assert isinstance(registry, RegistryPage) and registry.kind is RegistryKind.VEHICLES


def test_a_top_problem_opens_the_inspections_that_failed_it(
    qtbot: Any, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    window = make_window(qtbot, sign_in(admin))
    window.pages["dashboard"].navigate.emit("inspections", {
        "item_code": "T1-1.1", "text": "车身无明显划痕", "first": date(2026, 11, 1), "last": date(2026, 11, 30)})
    host = window.pages["inspections"]
    assert window.stack.currentWidget() is host
    flt = host.list_page.current_filter()
    assert (flt.failed_item, flt.date_from, flt.date_to) == ("T1-1.1", date(2026, 11, 1), date(2026, 11, 30))


def test_the_reports_page_can_open_the_notices_page(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    window = make_window(qtbot, sign_in(users[Role.QUALITY_OFFICE]))
    window.pages["reports"].navigate.emit("notices", {"status": "all", "text": "ZG-2026-11-0001"})
    notices = window.pages["notices"]
    assert window.stack.currentWidget() is notices and notices.search.text() == "ZG-2026-11-0001"


def test_switch_user_updates_status_and_pages(
    qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, sign_in(users[Role.ADMIN]))
    settings = window.pages["settings"]
    assert isinstance(settings, SettingsPage)
    window.go_to("settings")
    assert settings.users.isVisible()
    supervisor = users[Role.SUPERVISOR]
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, parent, service, **kw: supervisor))

    assert window.switch_user() == supervisor

    assert window.user_label.text() == f"{supervisor.display_name} · Supervisor"
    assert not settings.users.isVisible()
    assert window.pages["dashboard"].user_card.value.text() == supervisor.display_name


def test_cancelled_switch_keeps_the_user(
    qtbot: Any, admin: User, sign_in: Callable[[User], UiContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    ui = sign_in(admin)
    window = make_window(qtbot, ui)
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, parent, service, **kw: None))
    assert window.switch_user() is None
    assert ui.user == admin


class MarkingTranslator(QTranslator):
    """A stand-in language: every source text comes back prefixed with "ZZ "."""

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"ZZ {source}" if source else ""


def test_language_change_retranslates_every_page(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    context.templates.ensure_builtins()
    window = make_window(qtbot, sign_in(admin))
    templates = window.pages["templates"]
    window.go_to("templates")
    selected = templates.current
    registry_before = window.pages["registry"]
    # A page without its own retranslate() is rebuilt in the new language instead.
    bare = Page(window.ui)
    window.pages.put("reports", bare)
    assert window.pages["reports"] is bare
    app = QCoreApplication.instance()
    translator = MarkingTranslator()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: window.nav.item(0).text() == "ZZ Dashboard", timeout=2000)
        assert window.page_title.text() == "ZZ Templates"
        assert window.file_menu.title() == "ZZ &File"
        assert window.pages["dashboard"].headings[0].text() == "ZZ Registry"
        assert templates.note.text().startswith("ZZ ")
        assert templates.current == selected  # retranslated in place, selection kept
        assert window.pages["settings"].save_button.text() == "ZZ Save"
        assert window.pages["inspections"].list_page.search.placeholderText().startswith("ZZ Search")
        assert window.pages["notices"].search.placeholderText().startswith("ZZ Search")
        assert window.pages["registry"] is registry_before  # retranslated in place
        assert window.pages["registry"].show_retired.text() == "ZZ Show retired"
        assert isinstance(window.pages["reports"], ReportsPage)  # the bare page was rebuilt
        assert window.pages["reports"].export_table_button.text().startswith("ZZ ")
        assert window.stack.indexOf(window.pages["reports"]) == PAGE_KEYS.index("reports")
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Dashboard", timeout=2000)


def test_language_switch_keeps_the_registry_tab_search_and_selection(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    add = context.registry.add
    unit, _ = add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一号总站", "kind": "depot"})
    add(admin, RegistryKind.VEHICLES, {"plate": "粤B·12345", "fleet_no": "1001", "unit_id": unit.id})
    second, _ = add(admin, RegistryKind.VEHICLES, {"plate": "粤B·00100", "fleet_no": "210", "unit_id": unit.id})
    add(admin, RegistryKind.VEHICLES, {"plate": "粤A·55555", "fleet_no": "7", "unit_id": unit.id})
    window = make_window(qtbot, sign_in(admin))
    page = window.go_to("registry", RegistryKind.VEHICLES)
    assert isinstance(page, RegistryPage)
    page.search.setText("粤B")
    page.reload()
    assert page.select_record(second.id)
    app = QCoreApplication.instance()
    translator = MarkingTranslator()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: page.show_retired.text() == "ZZ Show retired", timeout=2000)
        assert window.pages["registry"] is page
        assert page.kind is RegistryKind.VEHICLES and page.tabs.currentIndex() == 1
        assert page.search.text() == "粤B"
        assert page.proxy.rowCount() == 2  # the search still applies
        assert page.selected_record().id == second.id
        assert page.tabs.tabText(1) == "ZZ Vehicles"
        assert page.proxy.headerData(0, Qt.Orientation.Horizontal) == "ZZ Plate"
        assert page.search.placeholderText().startswith("ZZ Search plate")
        assert page.unit_filter.itemText(0) == "ZZ All units"
        assert page.count_label.text() == "ZZ 2 vehicle(s)"
        assert page.edit_button.text() == "ZZ Edit…" and page.edit_button.isEnabled()
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: page.show_retired.text() == "Show retired", timeout=2000)
    assert page.search.text() == "粤B" and page.selected_record().id == second.id


def test_the_window_fits_a_1024_pixel_wide_screen(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    unit, _ = context.registry.add(admin, RegistryKind.UNITS, {"code": "C02", "name": "洁美物业保洁服务有限公司",
                                                               "kind": "contractor"})
    context.registry.add(admin, RegistryKind.VEHICLES, {"plate": "粤B·12345", "fleet_no": "1001", "unit_id": unit.id})
    app = QApplication.instance()
    font, sheet, name = app.font(), app.styleSheet(), app.applicationName()
    configure_application(app)  # the real font and style sheet: both widen buttons and boxes
    try:
        window = make_window(qtbot, sign_in(admin))
        window.resize(1024, 700)
        registry = window.pages["registry"]
        for kind in RegistryKind:  # the vehicles, staff and locations tabs add the unit filter
            window.go_to("registry", kind)
            qtbot.wait(10)  # let the layouts settle
            assert window.width() == 1024
            assert registry.width() >= registry.minimumSizeHint().width(), kind
            assert registry.import_button.geometry().right() <= registry.width(), kind  # nothing cut off
    finally:
        app.setFont(font)
        app.setStyleSheet(sheet)
        app.setApplicationName(name)


def test_language_choice_is_saved_and_applied(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    window = make_window(qtbot, sign_in(users[Role.SUPERVISOR]))  # any role may choose a language
    shipped = (translations_dir() / "inspector_zh_CN.qm").exists()

    assert window.set_language("zh_CN") is shipped
    assert context.settings.get().language == "zh_CN"
    assert window.language_actions["zh_CN"].isChecked()
    if not shipped:
        assert "translation is missing" in window.statusBar().currentMessage()

    assert window.set_language("en")
    assert context.settings.get().language == "en"
    assert window.language_actions["en"].isChecked()
    assert nav_texts(window) == NAV


def test_bilingual_data_follows_the_language_switch(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    """Template titles switch with the language even where no translator changes (no .qm)."""
    context.templates.ensure_builtins()
    window = make_window(qtbot, sign_in(admin))
    page = window.pages["templates"]
    version = page.current
    assert version is not None and page.heading.text().endswith(version.body.title_en)

    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: page.heading.text().endswith(version.body.title_zh), timeout=2000)
    assert page.current == version

    window.set_language("en")
    qtbot.waitUntil(lambda: page.heading.text().endswith(version.body.title_en), timeout=2000)


def test_window_title_shows_the_organisation(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext]
) -> None:
    ui = sign_in(users[Role.QUALITY_OFFICE])
    window = make_window(qtbot, ui)
    assert window.windowTitle() == "Inspector — Service Quality Office"
    _settings, changes = context.settings.update(users[Role.QUALITY_OFFICE], organisation_name_en="Depot 3 QA")
    ui.hub.publish(changes)
    assert window.windowTitle() == "Inspector — Depot 3 QA"


def test_about_names_version_and_folder(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    window = make_window(qtbot, sign_in(admin))
    text = window.about_text()
    assert __version__ in text and str(Path(context.paths.root)) in text
