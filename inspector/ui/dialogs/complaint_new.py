"""登记: a new case in the complaints register, as the duty officer takes it (「了解投诉事件的时间、
地点、线路、车号或证号并将事情经过记录清楚」).

The channel (a 12319 work order needs its order number), the kind, for a complaint or a report
its severity with the behaviours the regulation lists for it as the choices, 重大 / urgent / rural
route, when it was received, when and where it happened, the route, the vehicle (plate or 自编号)
and/or the staff member (工号) — both completed from the registry as one types — what happened,
the complainant, and for an enquiry the answer given on the spot (which closes it at once).

OK calls ``ComplaintService.add``; a refusal is shown in the service's words and the dialog stays
open with everything typed. An unknown plate or staff number also puts the closest matches the
service found under the field as buttons: one click puts the match in the field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QScrollArea, QFrame, QVBoxLayout, QWidget,
)

from inspector.domain.complaints import BEHAVIOURS, Channel, Complaint, ComplaintKind, ComplaintSeverity
from inspector.domain.errors import InspectorError, NotFound
from inspector.domain.registry import RegistryKind
from inspector.ui.dialogs.complaint_steps import date_time_edit, from_qt, text_box
from inspector.ui.dialogs.errors import show_error
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.length_counter import with_counter
from inspector.words.complaints import complaint_label

SEVERE_KINDS = (ComplaintKind.COMPLAINT, ComplaintKind.REPORT)


class Suggestions(QWidget):
    """"Closest:" and one button per match; a click puts the match into ``target``."""

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setProperty("role", "hint")
        self.buttons: list[QPushButton] = []
        self.row.addWidget(self.label)
        self.row.addStretch(1)
        self.hide()

    def offer(self, matches: list[str]) -> None:
        for button in self.buttons:
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for index, match in enumerate(matches):
            button = QPushButton(match)
            button.setProperty("role", "link")
            button.clicked.connect(lambda _checked=False, text=match: self.take(text))
            self.row.insertWidget(1 + index, button)
            self.buttons.append(button)
        self.label.setText(self.tr("Closest:"))
        self.setVisible(bool(matches))

    def take(self, text: str) -> None:
        self.target.setText(text)
        self.hide()


class NewComplaintDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.case: Complaint | None = None
        self.setWindowTitle(self.tr("New case (登记)"))
        now = ui.app.services.clock()
        self.now = now
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(complaint_label(channel), channel.value)
        self.order_no = QLineEdit()
        self.order_no.setPlaceholderText(self.tr("e.g. 12319-20261116-007"))
        self.kind = QComboBox()
        for kind in ComplaintKind:
            self.kind.addItem(complaint_label(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(ComplaintKind.COMPLAINT.value))
        self.severity = QComboBox()
        for severity in ComplaintSeverity:
            self.severity.addItem(complaint_label(severity), severity.value)
        self.behaviour = QComboBox()
        self.behaviour.setMinimumContentsLength(30)
        self.behaviour.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.major = QCheckBox(self.tr("Major (重大): 72 hours"))
        self.urgent = QCheckBox(self.tr("Urgent"))
        self.rural = QCheckBox(self.tr("Rural route: 7 working days"))
        self.received = date_time_edit(now)
        self.event_known = QCheckBox(self.tr("Known:"))
        self.event_at = date_time_edit(now)
        self.event_at.setEnabled(False)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. 火车站 stop"))
        self.route = QLineEdit()
        self.route.setPlaceholderText(self.tr("the vehicle's when empty"))
        self.vehicle = QLineEdit()
        self.vehicle.setPlaceholderText(self.tr("plate or fleet number (自编号)"))
        self.staff = QLineEdit()
        self.staff.setPlaceholderText(self.tr("staff number (工号)"))
        self.vehicle_suggestions = Suggestions(self.vehicle)
        self.staff_suggestions = Suggestions(self.staff)
        self._complete_from_registry()
        self.what = text_box(self.tr("what the passenger reported, in their words"), 96)
        self.what.setMaximumHeight(150)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("seen by the quality office only"))
        self.answered_on_spot = QCheckBox(self.tr("Answered on the spot (closes the enquiry at once)"))
        self.answer = text_box(self.tr("the answer given"), 56)
        self.answer.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Register"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.channel.currentIndexChanged.connect(lambda _index: self._update())
        self.kind.currentIndexChanged.connect(lambda _index: self._update())
        self.severity.currentIndexChanged.connect(lambda _index: self._fill_behaviours())
        self.event_known.toggled.connect(self.event_at.setEnabled)
        self.answered_on_spot.toggled.connect(lambda _on: self._update())
        self._fill_behaviours()
        self._update()
        self.resize(860, 540)
        self.channel.setFocus()

    def _complete_from_registry(self) -> None:
        try:
            vehicles = self.ui.app.registry.list(self.ui.user, RegistryKind.VEHICLES)
            staff = self.ui.app.registry.list(self.ui.user, RegistryKind.STAFF)
        except InspectorError:
            vehicles, staff = [], []
        plates = sorted({key for vehicle in vehicles for key in (vehicle.plate, vehicle.fleet_no) if key})
        numbers = sorted({person.staff_no for person in staff if person.staff_no})
        for edit, words in ((self.vehicle, plates), (self.staff, numbers)):
            completer = QCompleter(words, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)

    def _lay_out(self) -> None:
        flags = QHBoxLayout()
        for box in (self.major, self.urgent, self.rural):
            flags.addWidget(box)
        flags.addStretch(1)
        received = QHBoxLayout()
        received.addWidget(self.received)
        received.addStretch(1)
        event = QHBoxLayout()
        event.addWidget(self.event_known)
        event.addWidget(self.event_at)
        event.addStretch(1)
        left = QFormLayout()
        left.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        left.addRow(self.tr("Channel:"), self.channel)
        left.addRow(self.tr("Order number:"), self.order_no)
        left.addRow(self.tr("Kind:"), self.kind)
        left.addRow(self.tr("Severity:"), self.severity)
        left.addRow(self.tr("Behaviour:"), self.behaviour)
        left.addRow("", flags)
        left.addRow(self.tr("Received:"), received)
        left.addRow(self.tr("Event time:"), event)
        right = QFormLayout()
        right.addRow(self.tr("Place:"), self.place)
        right.addRow(self.tr("Route:"), self.route)
        right.addRow(self.tr("Vehicle:"), self.vehicle)
        right.addRow("", self.vehicle_suggestions)
        right.addRow(self.tr("Staff:"), self.staff)
        right.addRow("", self.staff_suggestions)
        right.addRow(self.tr("Complainant:"), self.name)
        right.addRow(self.tr("Phone:"), self.phone)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        what_box, _ = with_counter(self.what)
        answer_box, _ = with_counter(self.answer)
        self.answer_box = answer_box
        bottom = QFormLayout()
        bottom.addRow(self.tr("What happened:"), what_box)
        bottom.addRow("", self.answered_on_spot)
        bottom.addRow("", answer_box)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(grid)
        inner.addLayout(bottom)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

    def _fill_behaviours(self) -> None:
        severity = ComplaintSeverity(self.severity.currentData() or ComplaintSeverity.GENERAL.value)
        chosen = self.behaviour.currentData()
        self.behaviour.clear()
        self.behaviour.addItem(self.tr("(not said)"), None)
        for behaviour in BEHAVIOURS[severity]:
            self.behaviour.addItem(complaint_label(behaviour), behaviour.value)
        self.behaviour.setCurrentIndex(max(self.behaviour.findData(chosen), 0) if chosen is not None else 0)

    def chosen_kind(self) -> ComplaintKind:
        return ComplaintKind(self.kind.currentData())

    def chosen_channel(self) -> Channel:
        return Channel(self.channel.currentData())

    def _update(self) -> None:
        kind = self.chosen_kind()
        hotline = self.chosen_channel() is Channel.HOTLINE_12319
        self.order_no.setEnabled(hotline)
        graded = kind in SEVERE_KINDS
        self.severity.setEnabled(graded)
        self.behaviour.setEnabled(graded)
        enquiry = kind is ComplaintKind.ENQUIRY
        self.answered_on_spot.setVisible(enquiry)
        self.answer_box.setVisible(enquiry and self.answered_on_spot.isChecked())

    # --- registering ------------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        kind = self.chosen_kind()
        graded = kind in SEVERE_KINDS
        enquiry = kind is ComplaintKind.ENQUIRY
        return {
            "channel": self.chosen_channel(), "kind": kind,
            "order_no": self.order_no.text() if self.chosen_channel() is Channel.HOTLINE_12319 else "",
            "severity": self.severity.currentData() if graded else None,
            "behaviour": self.behaviour.currentData() if graded else None,
            "major": self.major.isChecked(), "urgent": self.urgent.isChecked(), "rural": self.rural.isChecked(),
            "received_at": from_qt(self.received, self.now),
            "event_at": from_qt(self.event_at, self.now) if self.event_known.isChecked() else None,
            "place": self.place.text(), "route": self.route.text(), "vehicle": self.vehicle.text(),
            "staff": self.staff.text(), "what": self.what.toPlainText(), "name": self.name.text(),
            "phone": self.phone.text(),
            "answered": self.answer.toPlainText() if enquiry and self.answered_on_spot.isChecked() else "",
        }

    def accept(self) -> None:
        """Register the case; stay open when the service refuses (with matches for an unknown key)."""
        self.vehicle_suggestions.hide()
        self.staff_suggestions.hide()
        try:
            case, changes = self.ui.app.complaints.add(self.ui.user, **self.values())  # type: ignore[arg-type]
        except InspectorError as error:
            self._suggest(error)
            show_error(self, error)
            return
        self.case = case
        self.ui.hub.publish(changes)
        super().accept()

    def _suggest(self, error: InspectorError) -> None:
        if not isinstance(error, NotFound):
            return
        matches = [match.strip() for match in str(error.params.get("matches", "")).split(",") if match.strip()]
        if error.code.startswith("complaint_vehicle_unknown"):
            self.vehicle_suggestions.offer(matches)
            self.vehicle.setFocus()
        elif error.code.startswith("complaint_staff_unknown"):
            self.staff_suggestions.offer(matches)
            self.staff.setFocus()
