"""The dialog in which a person signs: the issuer of a notice, or the unit's representative who
signs its receipt (签收) on the laptop at the depot.

The caller gives the title and the instruction; the dialog can ask for the signer's name (the
receipt: required when shown), start from an earlier signature, and offer "Keep as my signature"
(the issuer). OK stays disabled until there is ink (and a name when asked). ``ask`` returns a
``SignatureResult`` or None, so tests replace one function instead of drawing in a modal.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.widgets.signature_pad import SignaturePad


@dataclass(frozen=True)
class SignatureResult:
    png: bytes
    signer_name: str
    keep: bool


class SignatureDialog(QDialog):
    def __init__(
        self,
        title: str,
        instruction: str,
        parent: QWidget | None = None,
        *,
        ask_name: bool = False,
        name: str = "",
        offer_keep: bool = False,
        keep: bool = False,
        initial_png: bytes | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.instruction = QLabel(instruction)
        self.instruction.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name_label = QLabel(self.tr("Name of the person signing:"))
        self.name_label.setBuddy(self.name)
        self.pad = SignaturePad()
        self.clear_button = QPushButton(self.tr("Clear"))
        self.undo_button = QPushButton(self.tr("Undo stroke"))
        self.keep_box = QCheckBox(self.tr("Keep as my signature"))
        self.keep_box.setChecked(keep)
        self.keep_box.setToolTip(self.tr("Use this signature again next time, without drawing it."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign"))

        name_form = QFormLayout()
        name_form.addRow(self.name_label, self.name)
        self.name_row = QWidget()
        self.name_row.setLayout(name_form)
        name_form.setContentsMargins(0, 0, 0, 0)
        self.name_row.setVisible(ask_name)
        self.keep_box.setVisible(offer_keep)
        tools = QHBoxLayout()
        tools.addWidget(self.clear_button)
        tools.addWidget(self.undo_button)
        tools.addStretch(1)
        tools.addWidget(self.keep_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.instruction)
        layout.addWidget(self.name_row)
        layout.addWidget(self.pad, 1)
        layout.addLayout(tools)
        layout.addWidget(self.buttons)
        self.resize(640, 420)

        self._ask_name = ask_name
        self._offer_keep = offer_keep
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.pad.changed.connect(self._update_buttons)
        self.name.textChanged.connect(self._update_buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if initial_png:
            self.pad.load_png(initial_png)
        self._update_buttons()
        (self.name if ask_name and not name else self.pad).setFocus()

    def _update_buttons(self) -> None:
        empty = self.pad.is_empty()
        self.ok_button.setEnabled(not empty and (not self._ask_name or bool(self.signer_name())))
        self.clear_button.setEnabled(not empty)
        self.undo_button.setEnabled(not empty)

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in the name field must not sign an empty pad
            super().accept()

    # --- results --------------------------------------------------------------------------
    def png(self) -> bytes:
        return self.pad.to_png()

    def signer_name(self) -> str:
        return self.name.text().strip() if self._ask_name else ""

    def keep(self) -> bool:
        return self._offer_keep and self.keep_box.isChecked()

    def result_value(self) -> SignatureResult:
        return SignatureResult(png=self.png(), signer_name=self.signer_name(), keep=self.keep())

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, instruction: str, **options: object) -> SignatureResult | None:
        """Show the dialog; the signature (and name, keep choice) or None when cancelled."""
        dialog = cls(title, instruction, parent, **options)  # type: ignore[arg-type]
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.result_value()
        finally:
            dialog.deleteLater()
