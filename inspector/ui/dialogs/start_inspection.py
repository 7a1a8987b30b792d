"""Starting an inspection: which checklist, how (明查 / 暗访 / 走动式), on what, and who answers for it.

``StartInspectionDialog.ask(parent, ui)`` returns the new draft ``Inspection`` (None when
cancelled). The subject is found by typing any part of a plate, 自编号, 工号, location code or
name: the matches of the template's subject kind (``RegistryService.list(search=…)``) fill a
short list under the line edit, and choosing one fills the responsible unit and person, which
stay editable. A covert visit also takes the time it happened (now unless changed; entering a
visit after the fact means a time in the past) and its evidence. OK calls
``InspectionService.start`` and, for evidence, ``update_header``; a refusal is shown in the
dialog, which stays open with everything kept. Under the checklist it says which version the
inspection uses — the one in force in the month observed (a covert visit's time, else now) — or
plainly that no published version covers that month (#13.2).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QVBoxLayout, QWidget,
)

from inspector.words import messages
from inspector.domain.changes import ChangeSet
from inspector.domain.errors import InspectorError
from inspector.domain.inspections import Evidence, Inspection, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import SubjectKind, TemplateStatus, TemplateVersion
from inspector.words.labels import label
from inspector.services.inspections import REGISTRY_KINDS, subject_label
from inspector.ui.language import localized
from inspector.ui.uicontext import UiContext

DIALOG_MARGINS = (20, 18, 20, 16)
MATCH_LIMIT = 30  # enough to pick from; typing more narrows it
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def template_title(version: TemplateVersion) -> str:
    """``T1 车容车貌检查表`` (which version is used depends on the month observed)."""
    return f"{version.code} {localized(version.body.title_zh, version.body.title_en)}"


def checklists(versions: list[TemplateVersion]) -> list[TemplateVersion]:
    """One entry per checklist with a published version (its latest, for the title), by code."""
    latest: dict[str, TemplateVersion] = {}
    for version in versions:
        if version.status is TemplateStatus.PUBLISHED and (
                version.code not in latest or version.version > latest[version.code].version):
            latest[version.code] = version
    return [latest[code] for code in sorted(latest)]


def in_force(versions: list[TemplateVersion], code: str, month: str) -> TemplateVersion | None:
    """The version of ``code`` an inspection observed in ``month`` uses (as the service picks it):
    the latest published one whose effective month is not after ``month``."""
    covering = [v for v in versions if v.code == code and v.status is TemplateStatus.PUBLISHED
                and v.effective_month and v.effective_month <= month]
    return max(covering, key=lambda v: (v.effective_month or "", v.version), default=None)


def match_text(kind: SubjectKind, record: Any) -> str:
    """One line of the match list: the label plus what else identifies the record."""
    text = subject_label(kind, record)
    if kind is SubjectKind.VEHICLE:
        extra = [record.fleet_no, record.route]
        return " · ".join([text, *(part for part in extra if part)])
    if kind is SubjectKind.STAFF:
        return f"{text} · {label(record.role)}"
    return text


class StartInspectionDialog(QDialog):
    """Template, mode, subject, responsible unit and person; covert time and evidence."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.started: Inspection | None = None
        self.changes = ChangeSet()
        self.setWindowTitle(self.tr("Start inspection"))
        self.setMinimumWidth(620)
        self.template = QComboBox()
        self.versions = ui.app.templates.list(ui.user)
        for version in checklists(self.versions):
            self.template.addItem(template_title(version), version)
        self.version_used = QLabel()
        self.version_used.setProperty("role", "hint")
        self.version_used.setWordWrap(True)
        self.mode_group = QButtonGroup(self)
        modes = QVBoxLayout()
        modes.setSpacing(2)
        explanations = {
            InspectionMode.ONSITE: self.tr("Announced visit: the unit knows it is being checked."),
            InspectionMode.COVERT: self.tr("Unannounced, as a passenger or customer; may be entered afterwards."),
            InspectionMode.WALKAROUND: self.tr("A single finding seen while walking round, without the full list."),
        }
        self.mode_buttons: dict[InspectionMode, QRadioButton] = {}
        for mode, explanation in explanations.items():
            button = QRadioButton(label(mode))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            hint = QLabel(explanation)
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            hint.setContentsMargins(24, 0, 0, 4)
            modes.addWidget(button)
            modes.addWidget(hint)
        self.mode_buttons[InspectionMode.ONSITE].setChecked(True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(120)
        self.chosen = QLabel()
        self.chosen.setProperty("role", "hint")
        self.unit = QComboBox()
        self.person = QComboBox()
        for unit in ui.app.registry.list(ui.user, RegistryKind.UNITS):
            self.unit.addItem(f"{unit.code} {unit.name}", unit.id)
        self.observed_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.observed_at.setDisplayFormat(DATETIME_FORMAT)
        self.observed_at.setCalendarPopup(True)
        self.observed_at.setMaximumDateTime(QDateTime.currentDateTime().addSecs(300))
        self.route = QLineEdit()
        self.fleet_no = QLineEdit()
        self.staff_no = QLineEdit()
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText(self.tr("e.g. paid ¥2 by QR code 14:05, screenshot kept"))
        self.covert_box = QGroupBox(self.tr("Covert visit"))
        covert_form = QFormLayout(self.covert_box)
        covert_form.addRow(self.tr("&Observed at"), self.observed_at)
        covert_form.addRow(self.tr("&Route"), self.route)
        covert_form.addRow(self.tr("Vehicle &fleet no."), self.fleet_no)
        covert_form.addRow(self.tr("Staff &no."), self.staff_no)
        covert_form.addRow(self.tr("&Ticket / payment"), self.ticket)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Checklist"), self.template)
        form.addRow("", self.version_used)
        form.addRow(self.tr("Mode"), modes)
        form.addRow(self.tr("&Subject"), self.search)
        form.addRow("", self.matches)
        form.addRow("", self.chosen)
        form.addRow(self.tr("Responsible &unit"), self.unit)
        form.addRow(self.tr("Responsible &person"), self.person)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.covert_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.template.currentIndexChanged.connect(lambda _index: self._template_changed())
        self.mode_group.buttonToggled.connect(lambda _button, _on: self._mode_changed())
        self.search.textChanged.connect(self.find_matches)
        self.matches.currentItemChanged.connect(lambda current, _previous: self._choose(current))
        self.unit.currentIndexChanged.connect(lambda _index: self._fill_people())
        self.observed_at.dateTimeChanged.connect(lambda _moment: self._show_version_used())
        self._template_changed()
        self._mode_changed()
        self.search.setFocus()

    # --- state ----------------------------------------------------------------------------
    def checklist(self) -> TemplateVersion | None:
        """The chosen checklist (its latest published version: code, title, subject kind)."""
        return self.template.currentData()

    def observed_month(self) -> str:
        """``YYYY-MM`` of the moment observed: the covert visit's time, else now."""
        if self.mode() is InspectionMode.COVERT:
            return self.observed_at.dateTime().toPython().strftime("%Y-%m")
        return datetime.now().strftime("%Y-%m")

    def version(self) -> TemplateVersion | None:
        """The version the inspection will use: the one in force in the month observed."""
        checklist = self.checklist()
        return None if checklist is None else in_force(self.versions, checklist.code, self.observed_month())

    def subject_kind(self) -> SubjectKind | None:
        checklist = self.checklist()
        return None if checklist is None else checklist.body.subject

    def mode(self) -> InspectionMode:
        return next(mode for mode, button in self.mode_buttons.items() if button.isChecked())

    def subject(self) -> Any:
        item = self.matches.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def set_mode(self, mode: InspectionMode) -> None:
        self.mode_buttons[mode].setChecked(True)

    def evidence(self) -> Evidence:
        return Evidence(route=self.route.text().strip(), fleet_no=self.fleet_no.text().strip(),
                        staff_no=self.staff_no.text().strip(), ticket=self.ticket.text().strip())

    # --- reacting -------------------------------------------------------------------------
    def _show_version_used(self) -> None:
        """Say which version and month the inspection uses, or plainly that none covers the month."""
        checklist, version, month = self.checklist(), self.version(), self.observed_month()
        if checklist is None:
            self.version_used.setText("")
        elif version is None:
            self.version_used.setText(self.tr(
                "No published version of {code} covers {month}: the quality office publishes one first."
            ).format(code=checklist.code, month=month))
        else:
            self.version_used.setText(self.tr("Uses version {version}, in force from {effective} (observed in {month})."
                                              ).format(version=version.version, effective=version.effective_month,
                                                       month=month))

    def _template_changed(self) -> None:
        self._show_version_used()
        kind = self.subject_kind()
        hints = {
            SubjectKind.VEHICLE: self.tr("Plate or fleet no., e.g. 12345 or 1E-101"),
            SubjectKind.STAFF: self.tr("Staff no. or name"),
            SubjectKind.LOCATION: self.tr("Location code or name, e.g. A-3F-WC"),
            SubjectKind.UNIT: self.tr("Unit code or name"),
        }
        self.search.setPlaceholderText(hints.get(kind, "") if kind else "")
        self.find_matches(self.search.text())

    def _mode_changed(self) -> None:
        self.covert_box.setVisible(self.mode() is InspectionMode.COVERT)
        self._show_version_used()
        self.adjustSize()

    def find_matches(self, text: str) -> None:
        """List the records of the template's subject kind that match ``text``."""
        self.matches.clear()
        kind = self.subject_kind()
        if kind is None:
            return
        records = self.ui.app.registry.list(self.ui.user, REGISTRY_KINDS[kind], search=text.strip(),
                                            limit=MATCH_LIMIT)
        for record in records:
            item = QListWidgetItem(match_text(kind, record))
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.matches.addItem(item)
        if len(records) == 1:
            self.matches.setCurrentRow(0)
        else:
            self._choose(None)

    def _choose(self, item: QListWidgetItem | None) -> None:
        kind = self.subject_kind()
        record = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        if record is None or kind is None:
            self.chosen.setText(self.tr("Type to search, then pick one from the list."))
            return
        self.chosen.setText(self.tr("Inspecting: {subject}").format(subject=subject_label(kind, record)))
        unit_id = record.id if kind is SubjectKind.UNIT else record.unit_id
        index = self.unit.findData(unit_id)
        if index >= 0:
            self.unit.setCurrentIndex(index)
        self._fill_people()
        person = record.id if kind is SubjectKind.STAFF else getattr(record, "responsible_staff_id", None)
        index = self.person.findData(person)
        self.person.setCurrentIndex(max(index, 0))
        if kind is SubjectKind.VEHICLE:
            self.fleet_no.setText(self.fleet_no.text() or record.fleet_no)
            self.route.setText(self.route.text() or record.route)
        elif kind is SubjectKind.STAFF:
            self.staff_no.setText(self.staff_no.text() or record.staff_no)

    def _fill_people(self) -> None:
        """The staff of the chosen unit, after "nobody in particular"."""
        keep = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("(nobody in particular)"), None)
        unit_id = self.unit.currentData()
        if unit_id is not None:
            for staff in self.ui.app.registry.list(self.ui.user, RegistryKind.STAFF, unit_id=unit_id):
                self.person.addItem(f"{staff.staff_no} {staff.name} · {label(staff.role)}", staff.id)
        self.person.setCurrentIndex(max(self.person.findData(keep), 0))
        self.person.blockSignals(False)

    # --- finishing ------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:
        """Start the inspection; on a refusal say why and stay open."""
        checklist, kind, record = self.checklist(), self.subject_kind(), self.subject()
        if checklist is None or kind is None:
            self._show_error(self.tr("No published checklist yet: the quality office publishes one first."))
            return
        if record is None:
            self._show_error(self.tr("Choose what is inspected: type part of its name or number and pick it."))
            return
        covert = self.mode() is InspectionMode.COVERT
        observed: datetime | None = self.observed_at.dateTime().toPython() if covert else None
        evidence = self.evidence() if covert else Evidence()
        try:
            inspection, changes = self.ui.app.inspections.start(
                self.ui.user, template_code=checklist.code, mode=self.mode(),
                subject=SubjectRef(kind=kind, id=record.id), observed_at=observed,
                unit_id=self.unit.currentData(), responsible_staff_id=self.person.currentData(),
            )
            if evidence != Evidence():
                inspection, more = self.ui.app.inspections.update_header(self.ui.user, inspection.id,
                                                                         evidence=evidence)
                changes = changes.merge(more)
        except InspectorError as error:
            self._show_error(messages.describe(error))
            return
        self.started = inspection
        self.changes = changes
        self.ui.hub.publish(changes)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ui: UiContext) -> Inspection | None:
        """The new draft inspection, or None when the user cancelled."""
        dialog = cls(ui, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.started if accepted else None
