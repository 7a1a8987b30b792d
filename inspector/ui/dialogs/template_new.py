"""Starting a template draft: a new template of the office's own, or a copy for another month.

``NewTemplateDialog.ask(parent, ui)`` collects code, titles, what it inspects, the scoring scheme
and the category, calls ``TemplateService.new_template`` and returns the new draft (None when
cancelled); a refusal (code taken, bad code) is shown in the dialog, which stays open with the
values kept. ``CopyToMonthDialog.ask(parent, version)`` asks which month a copy of ``version`` is
for (next month unless told otherwise) and returns ``YYYY-MM``; the page makes the copy.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from inspector.words import messages
from inspector.domain.errors import InspectorError
from inspector.domain.templates import ScoringScheme, SubjectKind, TemplateVersion
from inspector.words.labels import choices, label
from inspector.ui.dialogs.template_publish import MONTH_FORMAT, month_date, month_in_words, next_month
from inspector.ui.language import localized
from inspector.ui.uicontext import UiContext

DIALOG_MARGINS = (20, 18, 20, 16)  # as in the Designer forms of the other dialogs


class NewTemplateDialog(QDialog):
    """Code, titles, subject, scheme, category → a draft v1 with one section and one item."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.created: TemplateVersion | None = None
        self.setWindowTitle(self.tr("New checklist template"))
        self.setMinimumWidth(460)
        self.intro = QLabel(self.tr(
            "A new template starts as a draft with one section and one item. The code is permanent and "
            "appears on inspections and notices (e.g. T4)."))
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.code = QLineEdit()
        self.code.setMaxLength(24)
        self.title_zh = QLineEdit()
        self.title_en = QLineEdit()
        self.subject = QComboBox()
        for text, kind in choices(SubjectKind):
            self.subject.addItem(text, kind)
        self.scheme = QComboBox()
        for text, scheme in choices(ScoringScheme):
            self.scheme.addItem(text, scheme)
        self.category = QLineEdit()
        self.category.setPlaceholderText(self.tr("optional, e.g. vehicle_appearance"))
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Code"), self.code)
        form.addRow(self.tr("Title (&Chinese)"), self.title_zh)
        form.addRow(self.tr("Title (&English)"), self.title_en)
        form.addRow(self.tr("&Inspects"), self.subject)
        form.addRow(self.tr("&Scoring"), self.scheme)
        form.addRow(self.tr("C&ategory"), self.category)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create draft"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.code.setFocus()

    def submit(self) -> None:
        """Create the draft; on a refusal say why and stay open."""
        try:
            draft, changes = self.ui.app.templates.new_template(
                self.ui.user, code=self.code.text(), title_zh=self.title_zh.text(), title_en=self.title_en.text(),
                subject=self.subject.currentData(), scheme=self.scheme.currentData(), category=self.category.text(),
            )
        except InspectorError as error:
            self.error.setText(messages.describe(error))
            self.error.show()
            return
        self.created = draft
        self.ui.hub.publish(changes)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ui: UiContext) -> TemplateVersion | None:
        """The new draft, or None when the user cancelled."""
        dialog = cls(ui, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.created if accepted else None


class CopyToMonthDialog(QDialog):
    """Which month a copy of one version is for; ``month`` holds the answer."""

    def __init__(self, version: TemplateVersion, *, default_month: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version = version
        self.month: str | None = None
        self.setWindowTitle(self.tr("Copy {code} v{version} to a month").format(
            code=version.code, version=version.version))
        self.setMinimumWidth(440)
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat(MONTH_FORMAT)
        self.month_edit.setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 1))
        start = month_date(default_month or next_month())
        self.month_edit.setDate(start if start.isValid() else month_date(next_month()))
        source = self.tr("v{version}, {status}").format(version=version.version, status=label(version.status))
        if version.effective_month:
            source = self.tr("{source}, for {month}").format(source=source, month=version.effective_month)
        self.explain = QLabel(self.tr(
            "A new draft of {code} · {title} starts as an exact copy of {source}. Edit it, then publish it "
            "for the month; the version it was copied from stays as it is.").format(
            code=version.code, title=localized(version.body.title_zh, version.body.title_en), source=source))
        self.explain.setWordWrap(True)
        self.in_words = QLabel()
        self.in_words.setProperty("role", "hint")
        form = QFormLayout()
        form.addRow(self.tr("&Month"), self.month_edit)
        form.addRow("", self.in_words)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start draft"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.month_edit.dateChanged.connect(lambda _date: self._show_words())
        self._show_words()

    def chosen_month(self) -> str:
        return self.month_edit.date().toString(MONTH_FORMAT)

    def _show_words(self) -> None:
        self.in_words.setText(month_in_words(self.chosen_month()))

    def submit(self) -> None:
        self.month = self.chosen_month()
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, version: TemplateVersion, *, default_month: str | None = None) -> str | None:
        """The month (``YYYY-MM``) for a copy of ``version``, or None when cancelled."""
        dialog = cls(version, default_month=default_month, parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.month if accepted else None
