"""The templates page's spreadsheet actions: Import… a workbook (.xlsx, .xlsm or .xls; XLSForm or
the office's one-row-per-item layout) as a new draft, Export… the selected version to .xlsx.

The files are read and written by ``TemplateTransferService``; this module only asks where
(``SpreadsheetFiles``, a classmethod tests replace) and reports what happened. A file is read
first and its summary shown in ``TemplateImportDialog`` (every row mapped or skipped, and the
subject kind, which the user picks when the file names none); only then is it imported. A refused
file shows every problem (sheet, row, column) through ``show_error``; nothing is imported then.

The actions know the page only as a ``TransferHost`` (what is selected, where to say what
happened, how to select a new draft), so the page imports this module and not the other way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from inspector.domain.errors import InspectorError
from inspector.domain.templates import TemplateVersion
from inspector.domain.users import Permission
from inspector.ui.dialogs.errors import show_error
from inspector.ui.dialogs.template_import import CANCELLED, TemplateImportDialog
from inspector.ui.uicontext import UiContext


class TransferHost(Protocol):
    """What the actions need of the page that shows them."""

    ui: UiContext
    note: QLabel

    @property
    def current(self) -> TemplateVersion | None: ...

    def select_version(self, version_id: int) -> None: ...


class SpreadsheetFiles:
    """Where to read from and write to (file dialogs; tests monkeypatch these)."""

    @classmethod
    def choose_import(cls, parent: QWidget) -> Path | None:
        title = QCoreApplication.translate("TemplateTransfer", "Import a checklist spreadsheet")
        kinds = QCoreApplication.translate("TemplateTransfer", "Excel workbooks (*.xlsx *.xlsm *.xls)")
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), kinds)
        return Path(name) if name else None

    @classmethod
    def choose_export(cls, parent: QWidget, suggested: str) -> Path | None:
        title = QCoreApplication.translate("TemplateTransfer", "Export the checklist to a spreadsheet")
        kinds = QCoreApplication.translate("TemplateTransfer", "Excel workbooks (*.xlsx)")
        name, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), kinds)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class TemplateTransferActions(QObject):
    """Import… and Export… for a page's toolbar (``actions()``; the toolbar takes ownership)."""

    def __init__(self, host: TransferHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.parent_widget = parent
        self.import_action = QAction(parent)
        self.import_action.triggered.connect(lambda _checked=False: self.import_file())
        self.export_action = QAction(parent)
        self.export_action.triggered.connect(lambda _checked=False: self.export_selected())
        self.retranslate()

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action]

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("Import…"))
        self.import_action.setToolTip(self.tr(
            "Read a checklist workbook (.xlsx, .xls; an XLSForm from ODK or Kobo, or one row per item with "
            "分类 / 检查项目 / 检查标准 / 扣分) as a new draft"
        ))
        self.export_action.setText(self.tr("Export…"))
        self.export_action.setToolTip(self.tr("Write the selected version to an .xlsx spreadsheet"))

    def update(self) -> None:
        """Enable what the signed-in user may do with the current selection."""
        signed_in = self.host.ui.signed_in
        self.import_action.setEnabled(signed_in and self.host.ui.user.can(Permission.EDIT_TEMPLATES))
        self.export_action.setEnabled(signed_in and self.host.current is not None)

    def import_file(self, path: Path | None = None) -> bool:
        """Import ``path`` (asked for when None); True when a draft was created."""
        path = path or SpreadsheetFiles.choose_import(self.parent_widget)
        if path is None:
            return False
        transfer = self.host.ui.app.template_transfer
        try:
            sheet = transfer.read_xlsx(self.host.ui.user, path)
        except InspectorError as error:
            show_error(self.parent_widget, error)
            return False
        subject = TemplateImportDialog.review(self.parent_widget, path, sheet)
        if subject == CANCELLED:
            return False
        try:
            version, changes = transfer.import_xlsx(self.host.ui.user, path, subject, sheet=sheet)  # type: ignore[arg-type]
        except InspectorError as error:
            show_error(self.parent_widget, error)
            return False
        self.host.ui.hub.publish(changes)
        self.host.select_version(version.id)
        self.host.note.setText(self.tr(
            "{code} was imported as draft version {version} with {count} items. "
            "Check it in the editor, then publish it for a month."
        ).format(code=version.code, version=version.version, count=version.body.item_count))
        return True

    def export_selected(self, path: Path | None = None) -> Path | None:
        """Export the selected version to ``path`` (asked for when None)."""
        version = self.host.current
        if version is None:
            return None
        suggested = f"{version.code}-v{version.version}.xlsx"
        path = path or SpreadsheetFiles.choose_export(self.parent_widget, suggested)
        if path is None:
            return None
        try:
            written = self.host.ui.app.template_transfer.export_xlsx(self.host.ui.user, version.id, path)
        except InspectorError as error:
            show_error(self.parent_widget, error)
            return None
        self.host.note.setText(self.tr("Exported {code} v{version} to {path}.").format(
            code=version.code, version=version.version, path=str(written)))
        return written
