"""The import dialog: pick a CSV or Excel file, see what an import would do, then import.

``RegistryImportDialog.ask(parent, ui, kind)`` returns the ``ImportResult`` or None. The preview
comes from ``registry_import.preview`` (nothing is written): counts, then one line per problem
(row, column, reason). "Import" is offered only for a file without problems; "Import only the good
rows" leaves the problem rows out on purpose. The accepted column headers are listed so that the
office can fix its spreadsheet; the UI writes no template file itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from inspector.words import messages
from inspector.domain.errors import ImportRejected, InspectorError, RowProblem
from inspector.domain.registry import RegistryKind
from inspector.words.i18n import translate
from inspector.services.registry_columns import COLUMNS, UNIT_REF, accepted_headers
from inspector.services.registry_import import ImportPreview, ImportResult
from inspector.words.labels import label
from inspector.ui.dialogs.registry_edit import DIALOG_MARGINS
from inspector.ui.language import current_language
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.tables import setup_read_only_table


def _separator() -> str:
    """Between the items of a list: the enumeration comma in Chinese."""
    return "、" if current_language() == "zh_CN" else ", "


def problem_reason(problem: RowProblem) -> str:
    """``describe_problem`` without its "row 7, column 车牌: " lead, which the table shows apart."""
    text = messages.describe_problem(problem)
    where = translate(messages.CONTEXT, "row {row}, column {column}").format(row=problem.row, column=problem.column)
    return text[len(where):].lstrip(":： ") if text.startswith(where) else text


class RegistryImportDialog(QDialog):
    """The preview of one file for one kind; ``imported`` holds the ImportResult after importing."""

    ROW_COLUMN, COLUMN_COLUMN, REASON_COLUMN = range(3)

    def __init__(self, ui: UiContext, kind: RegistryKind, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.kind = kind
        self.path = path
        self.preview: ImportPreview | None = None
        self.imported: ImportResult | None = None  # not "result": QDialog.result() exists
        self.setWindowTitle(self.tr("Import {kind}").format(kind=label(kind)))
        self.resize(720, 480)

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.columns_label = QLabel(self._columns_text())
        self.columns_label.setWordWrap(True)
        self.columns_label.setToolTip(self._columns_tooltip())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        setup_read_only_table(self.problems)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(self.ROW_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMN_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.explanation = QLabel(self.tr(
            "When the file has problems nothing is imported, unless you choose to import only the good rows: "
            "the rows with problems are then left out. You can also fix the file and choose it again."))
        self.explanation.setWordWrap(True)

        self.choose_button = QPushButton(self.tr("Choose another file…"))
        self.import_button = QPushButton(self.tr("Import"))
        self.good_only_button = QPushButton(self.tr("Import only the good rows"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(self._choose_again)
        self.import_button.clicked.connect(lambda: self.run_import(good_rows_only=False))
        self.good_only_button.clicked.connect(lambda: self.run_import(good_rows_only=True))

        actions = QHBoxLayout()
        actions.addWidget(self.choose_button)
        actions.addStretch(1)
        actions.addWidget(self.good_only_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.addWidget(self.file_label)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.explanation)
        layout.addLayout(actions)
        self.load(path)

    @classmethod
    def choose_file(cls, parent: QWidget | None, kind: RegistryKind) -> Path | None:
        """Ask for a .csv, .xlsx or .xls file (tests replace this one function)."""
        title = QCoreApplication.translate("RegistryImportDialog", "Choose a file to import")
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()),
                                              "CSV / Excel (*.csv *.xlsx *.xlsm *.xls);;CSV (*.csv);;Excel (*.xlsx *.xlsm *.xls)")
        return Path(name) if name else None

    @classmethod
    def ask(cls, parent: QWidget | None, ui: UiContext, kind: RegistryKind) -> ImportResult | None:
        """Choose a file, preview it, import it; the result, or None when nothing was imported."""
        path = cls.choose_file(parent, kind)
        if path is None:
            return None
        dialog = cls(ui, kind, path, parent)
        try:
            return dialog.imported if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    # --- preview ----------------------------------------------------------------------------
    def load(self, path: Path) -> None:
        """Preview ``path``; a file that cannot be read says why and offers nothing to import."""
        self.path = path
        self.file_label.setText(self.tr("File: {file}").format(file=path))
        try:
            preview = self.ui.app.registry_import.preview(self.ui.user, self.kind, path)
        except InspectorError as error:
            self.preview = None
            self._show([], messages.describe(error))
            return
        self.preview = preview
        if preview.sheet:
            self.file_label.setText(self.tr("File: {file} (sheet {sheet})").format(file=path, sheet=preview.sheet))
        self._show(preview.problems, self._summary_text(preview))

    def _summary_text(self, preview: ImportPreview) -> str:
        good = self.tr("%n good row(s)", "", preview.good)
        if not preview.problems:
            return self.tr("{good}, no problems. Ready to import.").format(good=good)
        problems = self.tr("%n problem(s)", "", len(preview.problems))
        bad = self.tr("%n row(s) with problems", "", preview.bad_rows)
        comma = "，" if current_language() == "zh_CN" else ", "
        if preview.bad_rows and preview.bad_rows != len(preview.problems):
            return f"{good}{comma}{problems} ({bad})"
        return f"{good}{comma}{problems}"

    def _show(self, problems: list[RowProblem], summary: str) -> None:
        self.summary.setText(summary)
        self.problems.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            number = QTableWidgetItem()
            number.setData(0, problem.row)  # a number, so that row 10 sorts after row 9
            self.problems.setItem(row, self.ROW_COLUMN, number)
            self.problems.setItem(row, self.COLUMN_COLUMN, QTableWidgetItem(problem.column))
            reason = QTableWidgetItem(problem_reason(problem))
            reason.setToolTip(messages.describe_problem(problem))
            self.problems.setItem(row, self.REASON_COLUMN, reason)
        self.problems.setVisible(bool(problems))
        self.explanation.setVisible(bool(problems))
        preview = self.preview
        good = preview.good if preview else 0
        self.import_button.setEnabled(preview is not None and good > 0 and not problems)
        self.good_only_button.setEnabled(preview is not None and good > 0 and bool(problems))
        self.good_only_button.setVisible(bool(problems))
        default = self.import_button if self.import_button.isEnabled() else self.good_only_button
        default.setDefault(True)
        default.setFocus()

    def _columns_text(self) -> str:
        names = _separator().join(f"{c.label}*" if c.required else c.label for c in COLUMNS[self.kind])
        text = self.tr("Columns: {names} (* required). English field names and common variants are recognised "
                       "too; other columns are ignored.").format(names=names)
        if any(c.field == UNIT_REF for c in COLUMNS[self.kind]):
            text += " " + self.tr("The unit column takes a unit code or name.")
        return text

    def _columns_tooltip(self) -> str:
        return "\n".join(f"{c.label}: {', '.join(accepted_headers(c))}" for c in COLUMNS[self.kind])

    def problem_rows(self) -> list[tuple[int, str, str]]:
        """The problems on screen as (row, column, reason)."""
        return [(int(self.problems.item(r, self.ROW_COLUMN).data(0)),
                 self.problems.item(r, self.COLUMN_COLUMN).text(),
                 self.problems.item(r, self.REASON_COLUMN).text()) for r in range(self.problems.rowCount())]

    # --- importing --------------------------------------------------------------------------
    def run_import(self, *, good_rows_only: bool) -> None:
        """Import; a file that changed since the preview is shown again instead."""
        try:
            result, changes = self.ui.app.registry_import.run(self.ui.user, self.kind, self.path,
                                                               good_rows_only=good_rows_only)
        except ImportRejected as error:
            self.preview = None
            self.load(self.path)
            if self.preview is None:
                self._show(error.problems, messages.describe(error))
            return
        except InspectorError as error:
            self.summary.setText(messages.describe(error))
            return
        self.imported = result
        self.ui.hub.publish(changes)
        self.accept()

    def _choose_again(self) -> None:
        path = self.choose_file(self, self.kind)
        if path is not None:
            self.load(path)
