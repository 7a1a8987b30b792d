"""Exports from the reports page: asking where to save (a save dialog that adds the suffix),
showing a service's refusal or an unwritable file, and the "Vehicle and staff files" box that
exports one vehicle's (一车一档) or staff member's (个人档案) file as a PDF through
``ArchiveService``. The services write every file; this module only asks and reports.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.ui.dialogs.errors import show_error
from inspector.ui.uicontext import UiContext

VEHICLE, STAFF = "vehicle", "staff"


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> Path | None:
    """The file the user chose (with ``suggested``'s suffix added when missing), or None."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / suggested), file_filter)
    if not name:
        return None
    suffix = Path(suggested).suffix
    return Path(name) if name.lower().endswith(suffix) else Path(f"{name}{suffix}")


def run_or_show(parent: QWidget, action: Callable[[], Any]) -> Any:
    """Call ``action()``; a refusal (or a file that cannot be written) is shown, None returned."""
    try:
        return action()
    except InspectorError as error:
        show_error(parent, error)
    except OSError as error:
        show_error(parent, InspectorError("file_unwritable", file=str(error.filename or ""),
                                          reason=error.strerror or str(error)))
    return None


class ArchiveExportBox(QGroupBox):
    """A kind (vehicle or staff member), a key and "Export file (.pdf)…"; ``exported(path)``."""

    exported = Signal(str)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.kind = QComboBox()
        self.key = QLineEdit()
        self.key.setMinimumWidth(200)
        self.button = QPushButton()
        self.button.clicked.connect(self.export)
        self.key.returnPressed.connect(self.export)
        layout = QHBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.key, 1)
        layout.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Vehicle and staff files"))
        chosen = self.kind.currentData() or VEHICLE
        self.kind.clear()
        self.kind.addItem(self.tr("Vehicle (plate or fleet no.)"), VEHICLE)
        self.kind.addItem(self.tr("Staff member (staff no.)"), STAFF)
        self.kind.setCurrentIndex(self.kind.findData(chosen))
        self.key.setPlaceholderText(self.tr("Plate, fleet number or staff number"))
        self.button.setText(self.tr("Export file (.pdf)…"))

    def export(self) -> Path | None:
        """Look the subject up (a wrong key is said before any dialog), ask where, have it written."""
        key = self.key.text().strip()
        if not key:
            return None
        archives = self.ui.app.archives
        staff = self.kind.currentData() == STAFF
        if run_or_show(self.window(), lambda: (archives.staff if staff else archives.vehicle)(self.ui.user, key)) is None:
            return None
        what = self.tr("staff-file") if staff else self.tr("vehicle-file")  # the file name's start
        path = ask_save_path(self.window(), self.tr("Export the file of {key}").format(key=key),
                             f"{what}-{key}.pdf", self.tr("PDF files (*.pdf)"))
        if path is None:
            return None
        export = archives.export_staff if staff else archives.export_vehicle
        if run_or_show(self.window(), lambda: export(self.ui.user, key, path)) is None:
            return None
        self.exported.emit(str(path))
        return path
