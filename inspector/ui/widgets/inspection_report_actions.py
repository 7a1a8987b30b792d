"""The written inspection report (书面检查报告 / 客服质量检查记录) from the screens: save one
inspection's report, every completed inspection of the filtered list as one PDF (with progress
and cancel), and record the inspected party's on-site acknowledgement (a drawn signature).

``InspectionReportActions`` only asks and reports; ``InspectionReports`` gathers, renders and
writes every file (atomically: a cancelled export leaves no file).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from inspector.domain.inspection_report import report_number
from inspector.domain.inspections import Inspection
from inspector.ui.dialogs.signature_dialog import SignatureDialog
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.report_exports import ask_save_path, run_or_show


class InspectionReportActions(QObject):
    """What the recording screen and the inspections list offer around the report."""

    def __init__(self, ui: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui = ui
        self.owner = parent
        self.progress: QProgressDialog | None = None  # while a many-report export runs

    def export_one(self, inspection_id: int) -> Path | None:
        """Ask where, then write the report of ``inspection_id``; the path or None."""
        window = self.owner.window()
        path = ask_save_path(window, self.tr("Save the inspection report"), f"{report_number(inspection_id)}.pdf",
                             self.tr("PDF files (*.pdf)"))
        if path is None:
            return None
        reports = self.ui.app.inspection_reports
        if run_or_show(window, lambda: reports.export(self.ui.user, inspection_id, path)) is None:
            return None
        return path

    def export_many(self, inspection_ids: Sequence[int], suggested: str) -> Path | None:
        """Every completed inspection of ``inspection_ids`` in one PDF; progress and cancel."""
        from inspector.services.inspection_reports import ExportCancelled

        window = self.owner.window()
        if not inspection_ids:
            QMessageBox.information(window, self.tr("Inspection reports"), self.tr("The list is empty."))
            return None
        path = ask_save_path(window, self.tr("Save the inspection reports of the list"), suggested,
                             self.tr("PDF files (*.pdf)"))
        if path is None:
            return None
        dialog = QProgressDialog(self.tr("Preparing the inspection reports…"), self.tr("Cancel"), 0,
                                 len(inspection_ids) + 1, window)
        dialog.setWindowTitle(self.tr("Inspection reports"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        self.progress = dialog

        def step(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Report {done} of {total}…").format(done=min(done, total - 1), total=total - 1)
                                if done < total else self.tr("Writing the file…"))
            QApplication.processEvents()
            return not dialog.wasCanceled()

        reports = self.ui.app.inspection_reports
        try:
            written = run_or_show(window, lambda: reports.export_many(self.ui.user, inspection_ids, path, progress=step))
        except ExportCancelled:
            written = None
        finally:
            dialog.reset()
            dialog.deleteLater()
            self.progress = None
        return path if written is not None else None

    def acknowledge(self, inspection: Inspection) -> bool:
        """现场确认: the inspected party's person signs on this laptop; True when recorded."""
        signed = SignatureDialog.ask(
            self.owner.window(), self.tr("On-site acknowledgement"),
            self.tr("The person in charge on site for {subject} confirms the result and signs below.").format(
                subject=inspection.subject.label),
            ask_name=True)
        if signed is None:
            return False
        reports = self.ui.app.inspection_reports
        changes = run_or_show(self.owner.window(), lambda: reports.acknowledge(
            self.ui.user, inspection.id, signed.signer_name, signed.png))
        if changes is None:
            return False
        self.ui.hub.publish(changes)
        return True
