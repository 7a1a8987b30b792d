"""The registry page and its table models: what a supervisor or the quality office sees and can do."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from inspector.context import AppContext
from inspector.domain.errors import InspectorError, PermissionDenied
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.words.messages import describe
from inspector.ui.dialogs.registry_edit import RegistryEditDialog
from inspector.ui.models.registry_model import (
    MODELS, LocationsModel, Names, RegistryModel, UnitsModel, VehiclesModel, natural_key,
)
from inspector.ui.pages import registry as registry_page
from inspector.ui.pages.registry import RegistryPage
from inspector.ui.uicontext import UiContext
from tests.ui.keys import double_click

K = RegistryKind


def make_ui(context: AppContext, user: User) -> UiContext:
    ui = UiContext(app=context)
    ui.sign_in(user)
    return ui


def seed(context: AppContext, admin: User) -> dict[str, Any]:
    """Two depots and a contractor, two vehicles each for the depots, staff and a location."""
    add = context.registry.add
    one, _ = add(admin, K.UNITS, {"code": "D01", "name": "一号总站", "kind": "depot", "head_name": "王建国"})
    two, _ = add(admin, K.UNITS, {"code": "D02", "name": "二号总站", "kind": "depot"})
    firm, _ = add(admin, K.UNITS, {"code": "WY-1", "name": "华南物业", "kind": "contractor"})
    v1, _ = add(admin, K.VEHICLES, {"plate": "粤B·12345", "fleet_no": "1001", "route": "M233", "unit_id": one.id})
    v2, _ = add(admin, K.VEHICLES, {"plate": "粤B·00100", "fleet_no": "210", "route": "高峰专线", "unit_id": two.id})
    v3, _ = add(admin, K.VEHICLES, {"plate": "粤B·00099", "fleet_no": "21", "route": "M301", "unit_id": two.id})
    cleaner, _ = add(admin, K.STAFF, {"staff_no": "BJ-07", "name": "刘秀英", "role": "cleaner", "unit_id": firm.id})
    room, _ = add(admin, K.LOCATIONS, {"code": "A-3F-WC-02", "name": "三楼卫生间", "unit_id": firm.id,
                                       "responsible_staff_id": cleaner.id, "area": "卫生间"})
    return {"one": one, "two": two, "firm": firm, "v1": v1, "v2": v2, "v3": v3, "cleaner": cleaner, "room": room}


@pytest.fixture
def data(context: AppContext, admin: User) -> dict[str, Any]:
    return seed(context, admin)


@pytest.fixture
def page(qtbot: Any, context: AppContext, admin: User, data: dict[str, Any]) -> RegistryPage:
    widget = RegistryPage(make_ui(context, admin))
    qtbot.addWidget(widget)
    return widget


def cells(page: RegistryPage, column: int) -> list[str]:
    proxy = page.proxy
    return [proxy.data(proxy.index(row, column)) for row in range(proxy.rowCount())]


# --- models ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", list(RegistryKind))
def test_every_model_passes_the_model_tester(qtmodeltester: Any, context: AppContext, admin: User,
                                             data: dict[str, Any], kind: RegistryKind) -> None:
    model = MODELS[kind]()
    units = context.registry.list(admin, K.UNITS)
    model.set_rows(context.registry.list(admin, kind), Names(units={u.id: u.name for u in units}))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_vehicle_rows_show_unit_names_and_sort_naturally(context: AppContext, admin: User,
                                                         data: dict[str, Any]) -> None:
    model = VehiclesModel()
    names = Names(units={data["one"].id: "一号总站", data["two"].id: "二号总站"})
    model.set_rows(context.registry.list(admin, K.VEHICLES), names)
    row = model.row_of(data["v1"].id)
    assert model.data(model.index(row, VehiclesModel.COL_UNIT)) == "一号总站"
    assert model.data(model.index(row, VehiclesModel.COL_PLATE)) == "粤B·12345"
    assert model.data(model.index(row, 0), RegistryModel.ObjectRole) == data["v1"]
    assert model.headerData(VehiclesModel.COL_FLEET_NO, Qt.Orientation.Horizontal) == "Fleet no."
    keys = sorted(["1001", "21", "210"], key=natural_key)
    assert keys == ["21", "210", "1001"]
    fleet_keys = [model.data(model.index(r, VehiclesModel.COL_FLEET_NO), RegistryModel.SortRole) for r in range(3)]
    assert sorted(fleet_keys) == [natural_key("21"), natural_key("210"), natural_key("1001")]


def test_retired_rows_are_grey_and_say_retired(context: AppContext, admin: User, data: dict[str, Any]) -> None:
    context.registry.set_active(admin, K.UNITS, data["two"].id, False)
    model = UnitsModel()
    model.set_rows(context.registry.list(admin, K.UNITS, include_retired=True))
    active, retired = model.row_of(data["one"].id), model.row_of(data["two"].id)
    assert model.data(model.index(retired, UnitsModel.COL_STATUS)) == "Retired"
    assert model.data(model.index(active, UnitsModel.COL_STATUS)) == "Active"
    assert model.data(model.index(retired, UnitsModel.COL_NAME), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(active, UnitsModel.COL_NAME), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(active, UnitsModel.COL_KIND)) == "Depot"


def test_location_rows_name_the_responsible_person(context: AppContext, admin: User, data: dict[str, Any]) -> None:
    model = LocationsModel()
    model.set_rows(context.registry.list(admin, K.LOCATIONS),
                   Names(units={data["firm"].id: "华南物业"}, staff={data["cleaner"].id: "刘秀英 (BJ-07)"}))
    assert model.data(model.index(0, LocationsModel.COL_RESPONSIBLE)) == "刘秀英 (BJ-07)"
    assert model.data(model.index(0, LocationsModel.COL_UNIT)) == "华南物业"
    assert model.data(QModelIndex()) is None


# --- the page ----------------------------------------------------------------------------------------
def test_tabs_show_each_kind_with_its_count(page: RegistryPage) -> None:
    assert page.proxy.rowCount() == 3
    assert page.count_label.text() == "3 unit(s)"
    assert not page.unit_filter.isEnabled()  # units belong to no unit
    page.set_kind(K.VEHICLES)
    assert page.tabs.currentIndex() == 1
    assert cells(page, VehiclesModel.COL_FLEET_NO) == ["21", "210", "1001"]  # natural order, not text order
    assert set(cells(page, VehiclesModel.COL_UNIT)) == {"一号总站", "二号总站"}
    assert page.count_label.text() == "3 vehicle(s)"
    assert page.unit_filter.isEnabled()
    page.tabs.setCurrentIndex(3)
    assert page.kind is K.LOCATIONS
    assert cells(page, LocationsModel.COL_RESPONSIBLE) == ["刘秀英 (BJ-07)"]


def test_search_is_debounced_and_finds_chinese_substrings(qtbot: Any, page: RegistryPage) -> None:
    page.search.setText("一")
    page.search.setText("一号")
    assert page.proxy.rowCount() == 3  # nothing re-read while typing…
    assert page.search_timer.isActive() and page.search_timer.remainingTime() > 100  # …until a pause
    with qtbot.waitSignal(page.search_timer.timeout, timeout=2000):
        pass
    assert cells(page, UnitsModel.COL_NAME) == ["一号总站"]
    page.search.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3, timeout=2000)


def test_typing_a_whole_plate_without_the_dot_finds_it(qtbot: Any, page: RegistryPage) -> None:
    page.set_kind(K.VEHICLES)
    page.search.setText("粤b12345")
    page.reload()
    assert cells(page, VehiclesModel.COL_PLATE) == ["粤B·12345"]


def test_unit_filter_shows_only_that_units_vehicles(page: RegistryPage, data: dict[str, Any]) -> None:
    page.set_kind(K.VEHICLES)
    index = page.unit_filter.findData(data["two"].id)
    assert page.unit_filter.itemText(0) == "All units"
    assert page.unit_filter.itemText(index) == "二号总站"
    page.unit_filter.setCurrentIndex(index)
    page.unit_filter.activated.emit(index)
    assert sorted(cells(page, VehiclesModel.COL_FLEET_NO)) == ["21", "210"]


def test_nothing_matching_says_so(page: RegistryPage) -> None:
    page.search.setText("没有这个")
    page.reload()
    assert page.stack.currentIndex() == 1
    assert "Nothing matches" in page.empty.text()


def test_retire_hides_the_row_unless_show_retired(qtbot: Any, page: RegistryPage, context: AppContext,
                                                  admin: User, data: dict[str, Any]) -> None:
    assert page.select_record(data["two"].id)
    assert page.toggle_button.text() == "Retire" and page.toggle_button.isEnabled()
    with qtbot.waitSignal(page.ui.hub.changed, timeout=2000):
        page.toggle_button.click()
    assert context.registry.get(admin, K.UNITS, data["two"].id).active is False
    assert "二号总站" not in cells(page, UnitsModel.COL_NAME)
    assert "D02" in page.notice.text()
    page.show_retired.setChecked(True)
    assert "二号总站" in cells(page, UnitsModel.COL_NAME)
    assert page.count_label.text() == "3 unit(s) · 1 retired"
    assert page.select_record(data["two"].id)
    assert page.toggle_button.text() == "Reactivate"
    page.toggle_button.click()
    assert context.registry.get(admin, K.UNITS, data["two"].id).active is True


def test_a_retired_unit_leaves_the_unit_filter(page: RegistryPage, context: AppContext, admin: User,
                                              data: dict[str, Any]) -> None:
    _, changes = context.registry.set_active(admin, K.UNITS, data["firm"].id, False)
    page.ui.hub.publish(changes)  # the page refreshes on what the hub says changed
    page.set_kind(K.STAFF)
    assert page.unit_filter.findData(data["firm"].id) == -1
    page.show_retired.setChecked(True)
    assert cells(page, 3) == ["华南物业"]  # the staff member still names the retired unit


def test_a_supervisor_cannot_change_anything(qtbot: Any, context: AppContext, users: dict[Role, User],
                                             data: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    supervisor = users[Role.SUPERVISOR]
    page = RegistryPage(make_ui(context, supervisor))
    qtbot.addWidget(page)
    page.select_record(data["one"].id)
    assert page.proxy.rowCount() == 3  # reading is allowed
    for button in (page.add_button, page.edit_button, page.toggle_button, page.import_button):
        assert not button.isEnabled()
        assert "quality office" in button.toolTip()
    shown: list[InspectorError] = []
    monkeypatch.setattr(registry_page, "show_error", lambda parent, error: shown.append(error))
    monkeypatch.setattr(page, "selected_record", lambda: data["one"])
    with qtbot.assertNotEmitted(page.ui.hub.changed):
        page.toggle_selected()
    assert len(shown) == 1 and isinstance(shown[0], PermissionDenied)
    assert "Supervisor" in describe(shown[0])
    assert context.registry.get(supervisor, K.UNITS, data["one"].id).active is True
    assert page.notice.text() == ""


def test_double_click_edits_only_for_editors(qtbot: Any, context: AppContext, users: dict[Role, User],
                                            data: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[RegistryKind, Any]] = []

    def fake_ask(parent: Any, ui: UiContext, kind: RegistryKind, record: Any = None) -> None:
        asked.append((kind, record))

    monkeypatch.setattr(RegistryEditDialog, "ask", staticmethod(fake_ask))
    for role, expected in ((Role.QUALITY_OFFICE, 1), (Role.SUPERVISOR, 0)):
        asked.clear()
        page = RegistryPage(make_ui(context, users[role]))
        qtbot.addWidget(page)
        page.select_record(data["one"].id)
        double_click(page.table, page.table.currentIndex())
        assert len(asked) == expected
        if expected:
            assert asked[0] == (K.UNITS, data["one"])


def test_add_button_opens_the_dialog_and_the_new_row_appears(qtbot: Any, page: RegistryPage,
                                                             context: AppContext, admin: User) -> None:
    """The real modal ``ask``: filled and confirmed from a timer while it runs."""
    page.set_kind(K.VEHICLES)
    filled: list[RegistryEditDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RegistryEditDialog)
        dialog.editors["plate"].setText("粤B 55501")
        dialog.editors["fleet_no"].setText("5501")
        filled.append(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(page.ui.hub.changed, timeout=5000):
        page.add_button.click()
    assert filled
    assert "粤B·55501" in cells(page, VehiclesModel.COL_PLATE)
    assert page.selected_record().plate == "粤B·55501"
    assert len(context.registry.list(admin, K.VEHICLES)) == 4


def test_an_empty_registry_explains_itself_and_keeps_add_and_import(qtbot: Any, context: AppContext,
                                                                    admin: User) -> None:
    page = RegistryPage(make_ui(context, admin))
    qtbot.addWidget(page)
    page.show()
    assert page.stack.currentIndex() == 1
    assert "No units yet" in page.empty.text()
    assert page.add_button.isVisible() and page.add_button.isEnabled()
    assert page.import_button.isVisible() and page.import_button.isEnabled()
    assert not page.edit_button.isEnabled()
    page.set_kind(K.VEHICLES)
    assert "No vehicles yet" in page.empty.text()


def test_changes_published_elsewhere_refresh_the_page(qtbot: Any, page: RegistryPage, context: AppContext,
                                                      admin: User) -> None:
    unit, changes = context.registry.add(admin, K.UNITS, {"code": "D03", "name": "三号总站"})
    assert "三号总站" not in cells(page, UnitsModel.COL_NAME)
    page.ui.hub.publish(changes)
    assert "三号总站" in cells(page, UnitsModel.COL_NAME)
    assert page.title() == "Registry"
