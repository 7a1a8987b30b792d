"""Reviewing a checklist spreadsheet before it is imported as a draft.

``TemplateImportDialog.review(parent, path, sheet)`` shows what the file will become — the code,
title and item count, then the summary row by row: what each row became and what was skipped
and why (``SheetTemplate.mapped`` / ``skipped``, worded by ``describe_problem``) — and the
subject kind: chosen from the file when it names one, else the user must pick one before Import
is enabled. It returns the subject kind to import with (None when the file's own is kept), or
``CANCELLED``; the caller then calls ``TemplateTransferService.import_xlsx``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.templates import SubjectKind
from inspector.services.template_sheets_read import SheetTemplate
from inspector.words.labels import choices
from inspector.words.messages import describe_problem

DIALOG_MARGINS = (20, 18, 20, 16)
CANCELLED: Final = "cancelled"


class TemplateImportDialog(QDialog):
    """The summary of one file and the subject kind; ``subject`` holds the answer when accepted."""

    def __init__(self, path: Path, sheet: SheetTemplate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.sheet = path, sheet
        self.setMinimumWidth(640)
        self.headline = QLabel()
        self.headline.setProperty("role", "sectionTitle")
        self.headline.setWordWrap(True)
        self.subject = QComboBox()
        if sheet.subject_missing:
            self.subject.addItem("", None)
        for text, kind in choices(SubjectKind):
            self.subject.addItem(text, kind)
        if not sheet.subject_missing:
            self.subject.setCurrentIndex(self.subject.findData(sheet.body.subject))
        self.subject_caption = QLabel()
        self.subject_caption.setBuddy(self.subject)
        self.subject_hint = QLabel()
        self.subject_hint.setWordWrap(True)
        self.mapped_caption = QLabel()
        self.mapped = QListWidget()
        self.skipped_caption = QLabel()
        self.skipped = QListWidget()
        for target, lines in ((self.mapped, sheet.mapped), (self.skipped, sheet.skipped)):
            for line in lines:
                QListWidgetItem(describe_problem(line), target)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.subject.currentIndexChanged.connect(lambda _index: self.update_button())

        form = QFormLayout()
        form.addRow(self.subject_caption, self.subject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.addWidget(self.headline)
        layout.addLayout(form)
        layout.addWidget(self.subject_hint)
        layout.addWidget(self.mapped_caption)
        layout.addWidget(self.mapped, 2)
        layout.addWidget(self.skipped_caption)
        layout.addWidget(self.skipped, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.update_button()

    def chosen(self) -> SubjectKind | None:
        data = self.subject.currentData()
        return SubjectKind(data) if data is not None else None

    def update_button(self) -> None:
        self.import_button.setEnabled(self.chosen() is not None)

    def result_subject(self) -> SubjectKind | None:
        """The subject kind to pass on import: None when the file's own is kept unchanged."""
        chosen = self.chosen()
        if not self.sheet.subject_missing and chosen == self.sheet.body.subject:
            return None
        return chosen

    def retranslate(self) -> None:
        body = self.sheet.body
        self.setWindowTitle(self.tr("Import a checklist"))
        self.headline.setText(self.tr("{file}: {code} {title}, {items} items in {sections} sections").format(
            file=self.path.name, code=body.code, title=body.title_zh, items=body.item_count,
            sections=sum(1 for _ in body.iter_sections())))
        self.subject_caption.setText(self.tr("Subject kind:"))
        self.subject_hint.setText(self.tr(
            "The file does not say what it inspects: choose the subject kind.") if self.sheet.subject_missing
            else self.tr("As the file says; change it if it is wrong."))
        self.mapped_caption.setText(self.tr("What the rows became ({count}):").format(count=len(self.sheet.mapped)))
        self.skipped_caption.setText(self.tr("Skipped rows ({count}):").format(count=len(self.sheet.skipped)))
        self.import_button.setText(self.tr("Import as a draft"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @classmethod
    def review(cls, parent: QWidget | None, path: Path, sheet: SheetTemplate) -> SubjectKind | None | str:
        """The subject kind to import with (None: the file's), or ``CANCELLED``."""
        dialog = cls(path, sheet, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return CANCELLED
        return dialog.result_subject()
