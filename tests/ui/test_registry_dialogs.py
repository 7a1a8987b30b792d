"""The registry edit and import dialogs: what is saved, what is refused and what the user reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit

from inspector.context import AppContext
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.registry import RegistryKind, UnitKind
from inspector.domain.users import Role, User
from inspector.ui.dialogs.registry_edit import RegistryEditDialog
from inspector.ui.dialogs.registry_import import RegistryImportDialog
from inspector.ui.models.registry_model import UnitsModel
from inspector.ui.pages.registry import RegistryPage
from inspector.ui.uicontext import UiContext

K = RegistryKind


@pytest.fixture
def ui(context: AppContext, admin: User) -> UiContext:
    made = UiContext(app=context)
    made.sign_in(admin)
    return made


def edit(qtbot: Any, ui: UiContext, which: RegistryKind, record: Any = None, /, **values: Any) -> RegistryEditDialog:
    """A shown dialog with ``values`` typed or picked into its fields."""
    dialog = RegistryEditDialog(ui, which, record)
    qtbot.addWidget(dialog)
    dialog.show()
    for name, value in values.items():
        editor = dialog.editors[name]
        if isinstance(editor, QLineEdit):
            editor.setText(value)
        elif isinstance(editor, QComboBox) and editor.isEditable() and isinstance(value, str):
            editor.setEditText(value)
        else:
            assert isinstance(editor, QComboBox)
            index = editor.findData(value)
            assert index >= 0, (name, value)
            editor.setCurrentIndex(index)
    return dialog


def ok(dialog: RegistryEditDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def add_unit(context: AppContext, admin: User, code: str = "D01", name: str = "一号总站") -> Any:
    return context.registry.add(admin, K.UNITS, {"code": code, "name": name})[0]


# --- the edit dialog ---------------------------------------------------------------------------------
def test_adding_a_unit_then_a_vehicle_saves_them_and_tells_the_hub(qtbot: Any, ui: UiContext,
                                                                   context: AppContext, admin: User) -> None:
    page = RegistryPage(ui)
    qtbot.addWidget(page)
    dialog = edit(qtbot, ui, K.UNITS, code="D07", name="七号总站", kind=UnitKind.CONTRACTOR.value,
                  head_name="王建国")
    with qtbot.waitSignal(ui.hub.changed, timeout=2000) as signal:
        ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    unit = dialog.saved
    assert (unit.code, unit.name, unit.kind, unit.head_name) == ("D07", "七号总站", UnitKind.CONTRACTOR, "王建国")
    assert signal.args[0] == ChangeSet.of(Entity.UNIT, unit.id)
    assert page.proxy.rowCount() == 1  # the page re-read on the hub's word

    page.set_kind(K.VEHICLES)
    dialog = edit(qtbot, ui, K.VEHICLES, plate="粤b 12345", fleet_no="1001", route="M233", unit_id=unit.id)
    assert dialog.editors["unit_id"].currentText() == "D07 七号总站"
    with qtbot.waitSignal(ui.hub.changed, timeout=2000):
        ok(dialog)
    assert dialog.saved.plate == "粤B·12345" and dialog.saved.unit_id == unit.id
    assert page.proxy.rowCount() == 1
    assert page.proxy.data(page.proxy.index(0, 3)) == "七号总站"


def test_a_bad_plate_keeps_the_dialog_open_and_writes_nothing(qtbot: Any, ui: UiContext, context: AppContext,
                                                              admin: User) -> None:
    unit = add_unit(context, admin)
    dialog = edit(qtbot, ui, K.VEHICLES, plate="XX123", fleet_no="1001", unit_id=unit.id)
    with qtbot.assertNotEmitted(ui.hub.changed):
        ok(dialog)
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.problems() == {"plate": "\"XX123\" is not a plate like 粤B·12345"}
    assert dialog.editors["plate"].property("invalid") is True
    assert dialog.errors["plate"].isVisible()
    assert context.registry.list(admin, K.VEHICLES) == []
    dialog.editors["plate"].textEdited.emit("粤B·1")  # typing again clears the mark
    assert dialog.problems() == {} and not dialog.editors["plate"].property("invalid")


def test_a_duplicate_code_and_an_empty_name_are_shown_by_their_fields(qtbot: Any, ui: UiContext,
                                                                      context: AppContext, admin: User) -> None:
    add_unit(context, admin)
    dialog = edit(qtbot, ui, K.UNITS, code="D01", name="另一个")
    ok(dialog)
    assert dialog.problems() == {"code": "\"D01\" already exists in the registry"}
    dialog.editors["code"].setText("D02")
    dialog.editors["name"].setText("   ")
    ok(dialog)
    assert dialog.problems() == {"name": "a value is required"}
    assert len(context.registry.list(admin, K.UNITS)) == 1


def test_a_vehicle_needs_a_unit(qtbot: Any, ui: UiContext, context: AppContext, admin: User) -> None:
    dialog = edit(qtbot, ui, K.VEHICLES, plate="粤B·12345", fleet_no="1001")
    assert dialog.editors["unit_id"].currentIndex() == -1  # no unit exists yet
    ok(dialog)
    assert dialog.problems() == {"unit_id": "a value is required"}
    assert context.registry.list(admin, K.VEHICLES) == []


def test_editing_a_location_keeps_its_values_and_picks_a_responsible_person(
    qtbot: Any, ui: UiContext, context: AppContext, admin: User
) -> None:
    unit = add_unit(context, admin)
    first, _ = context.registry.add(admin, K.STAFF, {"staff_no": "BJ-07", "name": "刘秀英", "role": "cleaner",
                                                     "unit_id": unit.id})
    second, _ = context.registry.add(admin, K.STAFF, {"staff_no": "BJ-08", "name": "赵强", "role": "cleaner",
                                                      "unit_id": unit.id})
    room, _ = context.registry.add(admin, K.LOCATIONS, {"code": "A-3F-WC-02", "name": "三楼卫生间",
                                                        "unit_id": unit.id, "responsible_staff_id": first.id})
    dialog = edit(qtbot, ui, K.LOCATIONS, room)
    assert dialog.editors["code"].text() == "A-3F-WC-02"
    assert dialog.editors["responsible_staff_id"].currentText() == "BJ-07 刘秀英"
    dialog.editors["responsible_staff_id"].setEditText("nobody-like-this")
    ok(dialog)
    assert "Pick a person" in dialog.problems()["responsible_staff_id"]
    dialog.editors["responsible_staff_id"].setEditText("BJ-08 赵强")
    dialog.editors["area"].setText("卫生间")
    with qtbot.waitSignal(ui.hub.changed, timeout=2000):
        ok(dialog)
    saved = context.registry.get(admin, K.LOCATIONS, room.id)
    assert (saved.responsible_staff_id, saved.area, saved.name) == (second.id, "卫生间", "三楼卫生间")


def test_a_record_of_a_retired_unit_shows_it_and_asks_for_an_active_one(
    qtbot: Any, ui: UiContext, context: AppContext, admin: User
) -> None:
    old = add_unit(context, admin, "D09", "九号总站")
    new = add_unit(context, admin, "D10", "十号总站")
    bus, _ = context.registry.add(admin, K.VEHICLES, {"plate": "粤B·12345", "fleet_no": "1001", "unit_id": old.id})
    context.registry.set_active(admin, K.UNITS, old.id, False)
    dialog = edit(qtbot, ui, K.VEHICLES, bus, route="M1")
    assert dialog.editors["unit_id"].currentText() == "D09 九号总站 (retired)"
    ok(dialog)
    assert "D09" in dialog.problems()["unit_id"] and "retired" in dialog.problems()["unit_id"]
    assert context.registry.get(admin, K.VEHICLES, bus.id).route == ""
    dialog.editors["unit_id"].setCurrentIndex(dialog.editors["unit_id"].findData(new.id))
    ok(dialog)
    assert context.registry.get(admin, K.VEHICLES, bus.id).unit_id == new.id


def test_a_supervisor_is_refused_inside_the_dialog(qtbot: Any, context: AppContext, users: dict[Role, User]) -> None:
    supervisor_ui = UiContext(app=context)
    supervisor_ui.sign_in(users[Role.SUPERVISOR])
    dialog = edit(qtbot, supervisor_ui, K.UNITS, code="D01", name="一号总站")
    ok(dialog)
    assert "Supervisor" in dialog.problems()[""]
    assert context.registry.list(users[Role.ADMIN], K.UNITS) == []


# --- the import dialog ---------------------------------------------------------------------------------
def vehicles_csv(folder: Path, *rows: str) -> Path:
    path = folder / "车辆.csv"
    path.write_text("\n".join(["车牌,自编号,线路,所属单位", *rows]) + "\n", encoding="utf-8")
    return path


def test_a_file_with_a_bad_row_imports_only_when_asked_for_the_good_rows(
    qtbot: Any, ui: UiContext, context: AppContext, admin: User, tmp_path: Path
) -> None:
    add_unit(context, admin)
    path = vehicles_csv(tmp_path, "粤B·55501,5501,M233,D01", "粤X-bad,5502,M233,D01", "粤B·55503,5503,M233,一号总站")
    dialog = RegistryImportDialog(ui, K.VEHICLES, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "2 good row(s), 1 problem(s)"
    assert dialog.problem_rows() == [(3, "车牌", "\"粤X-bad\" is not a plate like 粤B·12345")]
    assert not dialog.import_button.isEnabled()
    assert dialog.good_only_button.isEnabled() and dialog.explanation.isVisible()
    assert "车牌*" in dialog.columns_label.text() and "线路" in dialog.columns_label.text()
    assert context.registry.list(admin, K.VEHICLES) == []  # the preview wrote nothing
    with qtbot.waitSignal(ui.hub.changed, timeout=5000):
        dialog.good_only_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.imported.imported == 2 and dialog.imported.skipped_rows == 1
    plates = sorted(v.plate for v in context.registry.list(admin, K.VEHICLES))
    assert plates == ["粤B·55501", "粤B·55503"]


def test_a_clean_file_imports_with_the_plain_button(qtbot: Any, ui: UiContext, context: AppContext,
                                                    admin: User, tmp_path: Path) -> None:
    add_unit(context, admin)
    path = vehicles_csv(tmp_path, "粤B·55501,5501,M233,D01")
    dialog = RegistryImportDialog(ui, K.VEHICLES, path)
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled() and not dialog.good_only_button.isEnabled()
    assert dialog.problem_rows() == []
    dialog.import_button.click()
    assert dialog.imported is not None and dialog.imported.imported == 1
    assert [v.fleet_no for v in context.registry.list(admin, K.VEHICLES)] == ["5501"]


def test_a_file_that_changed_after_the_preview_is_shown_again(qtbot: Any, ui: UiContext, context: AppContext,
                                                               admin: User, tmp_path: Path) -> None:
    add_unit(context, admin)
    path = vehicles_csv(tmp_path, "粤B·55501,5501,M233,D01")
    dialog = RegistryImportDialog(ui, K.VEHICLES, path)
    qtbot.addWidget(dialog)
    vehicles_csv(tmp_path, "粤B·55501,5501,M233,没有的单位")
    with qtbot.assertNotEmitted(ui.hub.changed):
        dialog.import_button.click()
    assert dialog.imported is None and dialog.result() != QDialog.DialogCode.Accepted
    assert [row[1] for row in dialog.problem_rows()] == ["所属单位"]
    assert not dialog.import_button.isEnabled()
    assert context.registry.list(admin, K.VEHICLES) == []


def test_an_unreadable_file_or_a_supervisor_gets_a_reason_and_no_import(
    qtbot: Any, context: AppContext, users: dict[Role, User], ui: UiContext, tmp_path: Path
) -> None:
    missing = RegistryImportDialog(ui, K.VEHICLES, tmp_path / "nope.csv")
    qtbot.addWidget(missing)
    assert "does not exist" in missing.summary.text()
    assert not missing.import_button.isEnabled() and not missing.good_only_button.isEnabled()
    supervisor_ui = UiContext(app=context)
    supervisor_ui.sign_in(users[Role.SUPERVISOR])
    refused = RegistryImportDialog(supervisor_ui, K.VEHICLES, vehicles_csv(tmp_path, "粤B·55501,5501,M233,D01"))
    qtbot.addWidget(refused)
    assert "Supervisor" in refused.summary.text()
    assert not refused.import_button.isEnabled()


def test_ask_returns_none_when_no_file_is_chosen(qtbot: Any, ui: UiContext, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen: list[RegistryKind] = []

    def choose(parent: Any, kind: RegistryKind) -> None:
        chosen.append(kind)

    monkeypatch.setattr(RegistryImportDialog, "choose_file", staticmethod(choose))
    assert RegistryImportDialog.ask(None, ui, K.STAFF) is None
    assert chosen == [K.STAFF]


def test_the_page_reports_what_an_import_did(qtbot: Any, ui: UiContext, context: AppContext, admin: User,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_unit(context, admin)
    path = vehicles_csv(tmp_path, "粤B·55501,5501,M233,D01", "bad,5502,M233,D01")

    def fake_ask(parent: Any, ui_: UiContext, kind: RegistryKind) -> Any:
        dialog = RegistryImportDialog(ui_, kind, path)
        qtbot.addWidget(dialog)
        dialog.good_only_button.click()
        return dialog.imported

    monkeypatch.setattr(RegistryImportDialog, "ask", staticmethod(fake_ask))
    page = RegistryPage(ui)
    qtbot.addWidget(page)
    page.set_kind(K.VEHICLES)
    page.import_button.click()
    assert page.notice.text() == "Imported 1 record(s). 1 row(s) with problems were left out."
    assert page.proxy.rowCount() == 1


def test_a_new_record_is_in_service_from_the_day_chosen(qtbot: Any, ui: UiContext) -> None:
    """「检查覆盖率达到100%」 is of the month's registry (#13.5): the add dialog asks from which day a
    record is in service (today unless changed) and the registry keeps it; the list shows it."""
    dialog = RegistryEditDialog(ui, RegistryKind.UNITS)
    qtbot.addWidget(dialog)
    assert dialog.active_from is not None
    today = ui.app.services.clock().date()
    assert dialog.active_from.date() == QDate(today.year, today.month, today.day)
    dialog.editors["code"].setText("D9")
    dialog.editors["name"].setText("九号总站")
    dialog.active_from.setDate(QDate(2026, 3, 1))
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.active_from == date(2026, 3, 1)
    model = UnitsModel()
    model.set_rows([dialog.saved])
    assert model.headers()[-1] == "In service"
    assert model.data(model.index(0, model.COL_SERVICE)) == "2026-03-01 –"
    edit = RegistryEditDialog(ui, RegistryKind.UNITS, dialog.saved)
    qtbot.addWidget(edit)
    assert edit.active_from is None  # the first day is kept; a change of unit is a transfer from today
