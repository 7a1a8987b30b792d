"""Confirming the publication of a template draft for a month.

``PublishDialog.ask(parent, version, default_month=…)`` returns the chosen month (``YYYY-MM``) or
None when cancelled; the caller then calls ``TemplateService.publish`` and shows any refusal.
The month starts at ``default_month`` when given, else the draft's own effective month, else next
month. The question names the month in words ("December 2026", "2026年12月") because a wrong
month is the costly mistake here: a published version can never change, and every inspection from
that month on uses it. The text also gives the number of items and the maximum score, and the
Publish button repeats the month ("Publish for 2026-12") as it changes. A draft with structural
problems cannot be published: the dialog says why and disables the button instead of letting
the service refuse afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from inspector.domain.templates import MONTH_PATTERN, TemplateVersion, validate_template
from inspector.ui.language import current_language, localized
from inspector.ui.widgets.template_preview import maximum_text
from inspector.ui.widgets.template_tree import problem_text

DIALOG_MARGINS = (20, 18, 20, 16)  # as in the Designer forms of the other dialogs
MONTH_FORMAT = "yyyy-MM"


def month_date(month: str) -> QDate:
    """The first day of ``YYYY-MM`` (an invalid QDate for anything else)."""
    if not MONTH_PATTERN.match(month):
        return QDate()
    year, number = month.split("-")
    return QDate(int(year), int(number), 1)


def month_in_words(month: str) -> str:
    """"2026年12月" in Chinese, "December 2026" in English (the display language's month name)."""
    date = month_date(month)
    if not date.isValid():
        return month
    if current_language() == "zh_CN":
        return f"{date.year()}年{date.month()}月"
    return QLocale().toString(date, "MMMM yyyy")


def next_month(today: QDate | None = None) -> str:
    today = today or QDate.currentDate()
    return today.addMonths(1).toString(MONTH_FORMAT)


class PublishDialog(QDialog):
    """A month picker and a confirmation that names the month; ``month`` holds the answer."""

    def __init__(self, version: TemplateVersion, *, default_month: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version = version
        self.month: str | None = None
        self.setMinimumWidth(540)
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat(MONTH_FORMAT)
        self.month_edit.setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 1))
        start = month_date(default_month or version.effective_month or next_month())
        self.month_edit.setDate(start if start.isValid() else month_date(next_month()))
        self.month_caption = QLabel()
        self.month_caption.setBuddy(self.month_edit)
        self.question = QLabel()
        self.question.setProperty("role", "sectionTitle")
        self.question.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setProperty("role", "error")
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self.month_edit.setMinimumWidth(120)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.month_caption, self.month_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.question)
        layout.addWidget(self.details)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.problems = validate_template(version.body)
        self.month_edit.dateChanged.connect(self.refresh)
        self.refresh()
        self.month_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, version: TemplateVersion, *, default_month: str | None = None) -> str | None:
        """The month (``YYYY-MM``) to publish ``version`` for, or None if the user cancelled."""
        dialog = cls(version, default_month=default_month, parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.month if accepted else None

    def chosen_month(self) -> str:
        return self.month_edit.date().toString(MONTH_FORMAT)

    def set_month(self, month: str) -> None:
        """Choose ``month`` (``YYYY-MM``) as if picked in the editor."""
        date = month_date(month)
        if not date.isValid():
            raise ValueError(f"not a month: {month!r}")
        self.month_edit.setDate(date)

    def refresh(self) -> None:
        """Every text that names the month, for the month now chosen."""
        version, body = self.version, self.version.body
        month = self.chosen_month()
        self.setWindowTitle(self.tr("Publish {code} v{version}").format(code=version.code, version=version.version))
        self.month_caption.setText(self.tr("&Effective from:"))
        self.question.setText(self.tr("Publish {code} v{version} for {month}?").format(
            code=version.code, version=version.version, month=month_in_words(month)))
        facts = " · ".join([localized(body.title_zh, body.title_en), self.tr("%n item(s)", "", body.item_count),
                            maximum_text(body)])
        rule = self.tr("Published versions cannot be changed; inspections from {month} on will use it.")
        self.details.setText(f"{facts}\n\n{rule.format(month=month)}")
        self.publish_button.setText(self.tr("Publish for {month}").format(month=month))
        warnings = []
        if self.problems:
            warnings.append(self.tr("This draft cannot be published yet: %n problem(s) to fix in the editor, the "
                                    "first: {problem}", "", len(self.problems)).format(
                problem=problem_text(self.problems[0])))
        if month < QDate.currentDate().toString(MONTH_FORMAT):
            warnings.append(self.tr(
                "{month} is already over: inspections recorded in it keep the version they were recorded with."
            ).format(month=month_in_words(month)))
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        self.publish_button.setEnabled(not self.problems)

    def submit(self) -> None:
        if self.problems:
            return
        self.month = self.chosen_month()
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "problems"):
            self.refresh()
        super().changeEvent(event)
