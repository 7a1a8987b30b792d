"""The add/edit dialog for one registry record (unit, vehicle, staff member or location).

``RegistryEditDialog.ask(parent, ui, kind, record=None)`` returns the saved record or None. The
form is built per kind; OK calls ``registry.add`` or ``registry.update``. When the service refuses
(bad plate, duplicate code, retired unit…) the dialog stays open, the offending field is outlined
and the translated reason appears under it: the service validates before it writes, so nothing
was stored.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
    QWidget,
)

from inspector.words import messages
from inspector.domain.errors import InspectorError
from inspector.domain.registry import RegistryKind, Staff, StaffRole, Unit, UnitKind
from inspector.words.i18n import translate
from inspector.words.labels import choices
from inspector.ui.uicontext import UiContext

TEXT, UNIT_KIND, STAFF_ROLE, UNIT, PERSON = "text", "unit_kind", "staff_role", "unit", "person"
# The fields of each kind, in form order, and the editor each one gets.
FIELDS: dict[RegistryKind, tuple[tuple[str, str], ...]] = {
    RegistryKind.UNITS: (("code", TEXT), ("name", TEXT), ("kind", UNIT_KIND), ("head_name", TEXT),
                         ("head_phone", TEXT)),
    RegistryKind.VEHICLES: (("plate", TEXT), ("fleet_no", TEXT), ("route", TEXT), ("unit_id", UNIT),
                            ("model", TEXT)),
    RegistryKind.STAFF: (("staff_no", TEXT), ("name", TEXT), ("role", STAFF_ROLE), ("unit_id", UNIT),
                         ("phone", TEXT)),
    RegistryKind.LOCATIONS: (("code", TEXT), ("name", TEXT), ("unit_id", UNIT), ("responsible_staff_id", PERSON),
                             ("area", TEXT)),
}
# A value missing or of the wrong type (an empty unit combo gives None) reads as "a value is required".
_REQUIRED_CODES = {"required", "missing", "int_type", "int_parsing", "string_type"}
# Errors that name no field but clearly belong to one.
_ENTITY_FIELDS = {"units": "unit_id", "staff": "responsible_staff_id"}
DIALOG_MARGINS = (20, 18, 20, 16)  # as in the Designer forms of the other dialogs


class RegistryEditDialog(QDialog):
    """A form over one record of ``kind``; ``saved`` holds the stored record after OK."""

    def __init__(self, ui: UiContext, kind: RegistryKind, record: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.kind = kind
        self.record = record
        self.saved: Any = None
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.setWindowTitle(self._titles()[(kind, record is None)])
        self.setMinimumWidth(420)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, editor_kind in FIELDS[kind]:
            self._add_row(name, editor_kind)
        self.active_from: QDateEdit | None = None
        if record is None:  # a new record's first day in service (the monthly coverage counts from it)
            today = ui.app.services.clock().date()
            self.active_from = QDateEdit(QDate(today.year, today.month, today.day))
            self.active_from.setCalendarPopup(True)
            self.active_from.setDisplayFormat("yyyy-MM-dd")
            self.active_from.setToolTip(self.tr("Counted in the monthly coverage from this day on"))
            self.form.addRow(self.tr("In service from"), self.active_from)
        self.message = QLabel()  # errors that belong to no field (permission, missing record…)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if record is not None:
            self._fill(record)
        first = self.editors[FIELDS[kind][0][0]]
        first.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, ui: UiContext, kind: RegistryKind, record: Any = None) -> Any | None:
        """Show the dialog; the saved record, or None when cancelled."""
        dialog = cls(ui, kind, record, parent)
        try:
            return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    # --- building ---------------------------------------------------------------------------
    def _titles(self) -> dict[tuple[RegistryKind, bool], str]:
        return {
            (RegistryKind.UNITS, True): self.tr("Add unit"), (RegistryKind.UNITS, False): self.tr("Edit unit"),
            (RegistryKind.VEHICLES, True): self.tr("Add vehicle"),
            (RegistryKind.VEHICLES, False): self.tr("Edit vehicle"),
            (RegistryKind.STAFF, True): self.tr("Add staff member"),
            (RegistryKind.STAFF, False): self.tr("Edit staff member"),
            (RegistryKind.LOCATIONS, True): self.tr("Add location"),
            (RegistryKind.LOCATIONS, False): self.tr("Edit location"),
        }

    def _labels(self) -> dict[str, str]:
        code = self.tr("Location code") if self.kind is RegistryKind.LOCATIONS else self.tr("Unit code")
        # A person has a full name (姓名), a unit or place a name (名称).
        name = self.tr("Full name") if self.kind is RegistryKind.STAFF else self.tr("Name")
        return {
            "code": code, "name": name, "kind": self.tr("Type"), "head_name": self.tr("Head"),
            "head_phone": self.tr("Head's phone"), "plate": self.tr("Plate"), "fleet_no": self.tr("Fleet no."),
            "route": self.tr("Route"), "unit_id": self.tr("Unit"), "model": self.tr("Model"),
            "staff_no": self.tr("Staff no."), "role": self.tr("Role"), "phone": self.tr("Phone"),
            "responsible_staff_id": self.tr("Responsible"), "area": self.tr("Area"),
        }

    def _hints(self) -> dict[str, str]:
        key_hint = self.tr("Letters, digits, - and _ only")
        hints = {
            "plate": self.tr("Like 粤B·12345 (lower case, spaces or a dash are fine)"),
            "fleet_no": key_hint, "staff_no": key_hint,
            "head_name": self.tr("Rectification notices are addressed to this person"),
            "responsible_staff_id": self.tr("Type a staff no. or a name to search; leave empty for none"),
            "area": self.tr("Yard, restroom, meeting room…"),
        }
        if self.kind is RegistryKind.LOCATIONS:
            hints["code"] = self.tr("Like A-3F-WC-02 (building-floor-room-number)")
        else:
            hints["code"] = key_hint
        return hints

    def _add_row(self, name: str, editor_kind: str) -> None:
        editor = self._make_editor(editor_kind)
        editor.setObjectName(name)
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        hint = self._hints().get(name)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            column.addWidget(hint_label)
        error = QLabel()
        error.setWordWrap(True)
        error.setProperty("role", "error")
        error.hide()
        column.addWidget(error)
        label = QLabel(self.tr("{field}:").format(field=self._labels()[name]))  # like the other forms
        label.setBuddy(editor)
        self.form.addRow(label, cell)
        self.editors[name] = editor
        self.errors[name] = error
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text, field=name: self._clear_problem(field))
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda _index, field=name: self._clear_problem(field))
            if editor.isEditable():
                editor.lineEdit().textEdited.connect(lambda _text, field=name: self._clear_problem(field))

    def _make_editor(self, editor_kind: str) -> QWidget:
        if editor_kind == TEXT:
            return QLineEdit()
        combo = QComboBox()
        if editor_kind in (UNIT_KIND, STAFF_ROLE):
            for text, member in choices(UnitKind if editor_kind == UNIT_KIND else StaffRole):
                combo.addItem(text, member.value)
        elif editor_kind == UNIT:
            combo.setPlaceholderText(self.tr("Add a unit first"))
            for unit in self.ui.app.registry.list(self.ui.user, RegistryKind.UNITS):
                combo.addItem(self._unit_text(unit), unit.id)
            combo.setCurrentIndex(0 if combo.count() else -1)
        elif editor_kind == PERSON:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.lineEdit().setPlaceholderText(self.tr("Nobody"))
            combo.addItem("", None)
            for person in self.ui.app.registry.list(self.ui.user, RegistryKind.STAFF):
                combo.addItem(self._person_text(person), person.id)
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
            combo.setCurrentIndex(0)
        return combo

    def _unit_text(self, unit: Unit) -> str:
        text = f"{unit.code} {unit.name}"
        return text if unit.active else self.tr("{unit} (retired)").format(unit=text)

    def _person_text(self, person: Staff) -> str:
        text = f"{person.staff_no} {person.name}"
        return text if person.active else self.tr("{person} (retired)").format(person=text)

    def _fill(self, record: Any) -> None:
        for name, editor_kind in FIELDS[self.kind]:
            value = getattr(record, name)
            editor = self.editors[name]
            if isinstance(editor, QLineEdit):
                editor.setText(str(value or ""))
                continue
            assert isinstance(editor, QComboBox)
            if editor_kind in (UNIT, PERSON) and value is not None and editor.findData(value) < 0:
                # A retired unit or person is not offered for new records but must show on old ones.
                kind = RegistryKind.UNITS if editor_kind == UNIT else RegistryKind.STAFF
                try:
                    target = self.ui.app.registry.get(self.ui.user, kind, value)
                except InspectorError:
                    continue
                text = self._unit_text(target) if editor_kind == UNIT else self._person_text(target)
                editor.addItem(text, value)
            editor.setCurrentIndex(editor.findData(value.value if isinstance(value, StrEnum) else value))

    # --- reading and saving -----------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the form holds, as the values dict the registry service takes."""
        values: dict[str, Any] = {}
        for name, editor_kind in FIELDS[self.kind]:
            editor = self.editors[name]
            if isinstance(editor, QLineEdit):
                values[name] = editor.text()
            elif editor_kind == PERSON:
                values[name] = self._picked_person()
            else:
                assert isinstance(editor, QComboBox)
                values[name] = editor.currentData()
        return values

    def _picked_person(self) -> int | None:
        combo = self.editors["responsible_staff_id"]
        assert isinstance(combo, QComboBox)
        text = combo.currentText().strip()
        if not text:
            return None
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise _UnknownPerson
        return combo.itemData(index)

    def accept(self) -> None:
        """Save through the service; stay open and show why when it refuses."""
        self._clear_problems()
        try:
            values = self.values()
        except _UnknownPerson:
            self._show_field_problem("responsible_staff_id", self.tr("Pick a person from the list, or leave it empty."))
            return
        registry = self.ui.app.registry
        try:
            if self.record is None:
                picked = self.active_from.date() if self.active_from is not None else None
                since = date(picked.year(), picked.month(), picked.day()) if picked is not None else None
                saved, changes = registry.add(self.ui.user, self.kind, values, active_from=since)
            else:
                saved, changes = registry.update(self.ui.user, self.kind, self.record.id, values)
        except InspectorError as error:
            self.show_problem(error)
            return
        self.saved = saved
        self.ui.hub.publish(changes)
        super().accept()

    # --- problems ---------------------------------------------------------------------------
    def show_problem(self, error: InspectorError) -> None:
        """Put the translated reason next to the field it concerns (or above the buttons)."""
        field = self.problem_field(error)
        text = self.describe(error)
        if field in self.editors:
            self._show_field_problem(field, text)
        else:
            self.message.setText(text)
            self.message.show()

    def problem_field(self, error: InspectorError) -> str | None:
        field = str(error.params.get("field") or "")
        if field in self.editors:
            return field
        if error.code == "unit_retired":
            return "unit_id"
        if error.code == "not_found":
            return _ENTITY_FIELDS.get(str(error.params.get("entity")))
        return None

    def describe(self, error: InspectorError) -> str:
        """The sentence for ``error``. Next to a field the short, field-scoped import wording reads
        best ("… already exists in the registry"); otherwise the full sentence of ``messages``."""
        if self.problem_field(error) is not None:
            if error.code in _REQUIRED_CODES:
                return translate(messages.CONTEXT, messages.ROW_TEMPLATES["required"])
            if error.code in messages.ROW_TEMPLATES:
                template = translate(messages.CONTEXT, messages.ROW_TEMPLATES[error.code])
                try:
                    return template.format(**error.params)
                except (KeyError, IndexError):
                    pass  # this error lacks the template's parameters: use the full sentence
        return messages.describe(error)

    def _show_field_problem(self, field: str, text: str) -> None:
        editor = self.editors[field]
        self.errors[field].setText(text)
        self.errors[field].show()
        _mark_invalid(editor, True)
        editor.setFocus()
        if isinstance(editor, QLineEdit):
            editor.selectAll()

    def _clear_problem(self, field: str) -> None:
        editor = self.editors[field]
        if editor.property("invalid"):
            _mark_invalid(editor, False)
        self.errors[field].hide()
        self.errors[field].clear()

    def _clear_problems(self) -> None:
        for field in self.editors:
            self._clear_problem(field)
        self.message.hide()
        self.message.clear()

    def problems(self) -> dict[str, str]:
        """The messages on screen now, by field ("" for the one above the buttons)."""
        shown = {field: label.text() for field, label in self.errors.items() if label.text()}
        if self.message.text():
            shown[""] = self.message.text()
        return shown


def _mark_invalid(editor: QWidget, invalid: bool) -> None:
    """Outline ``editor`` in red (``[invalid="true"]`` in style.qss) or take the outline away."""
    editor.setProperty("invalid", invalid)
    editor.style().unpolish(editor)
    editor.style().polish(editor)


class _UnknownPerson(Exception):
    """The responsible-person box holds text that matches nobody in the list."""
