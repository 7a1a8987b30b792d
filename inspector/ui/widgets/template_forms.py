"""The forms on the right of the template editor: the template header, a section, an item.

A form shows one record and reports what the user changed as ``edited(updates, merge)``:
``updates`` maps field names of the domain model to new values, ``merge`` is ``(field,
session)`` for typed fields and None for a choice or a tick. A form never saves anything; the
editor turns each report into an undoable command that saves the draft.

Typed fields (texts, numbers) report after a short pause in typing and again when editing
finishes (Enter, leaving the field): what is typed reaches the database within a second and
survives a crash, while one typing session stays one undo step (the editor merges reports with
the same ``merge``). Codes and thresholds report only when editing finishes, because every
intermediate value would be a different code or an unparsable number. Loading a record never
reports anything and leaves a field alone when it already shows the value, so a save made while
the user is typing does not move the cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from inspector.domain.registry import StaffRole
from inspector.domain.templates import ScoringScheme, SubjectKind, TemplateBody, TemplateProblem, TemplateSection
from inspector.words.labels import label
from inspector.ui.widgets.template_tree import problem_text

ThumbnailLookup = Callable[[str], Path | None]
Merge = tuple[str, int] | None
THUMBNAIL_SIZE = QSize(120, 90)
CATEGORIES = ("vehicle_appearance", "staff_conduct", "facility_cleanliness")
# Which field a problem code is about, to mark that field red.
PROBLEM_FIELDS: dict[str, tuple[str, ...]] = {
    "template_code_format": ("code",), "template_title_empty": ("title_zh",),
    "base_score_out_of_range": ("base_score",), "section_too_deep": ("code",),
    "duplicate_section_code": ("code",), "section_title_empty": ("title_zh",),
    "roles_on_non_staff_template": ("roles",), "deduct_cap_out_of_range": ("deduct_cap",),
    "item_code_format": ("code",), "duplicate_item_code": ("code",), "item_text_empty": ("text_zh",),
    "numeric_without_threshold": ("threshold",), "threshold_on_non_numeric": ("threshold",),
    "veto_on_text_item": ("veto",), "negative_deduction": ("points",), "deduction_exceeds_base": ("points",),
    "negative_weight": ("points",), "item_number_out_of_range": ("photos_on_fail", "action_days"),
}


def _set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class NodeForm(QWidget):
    """The machinery every form shares: field widgets bound to names, typing sessions, problems."""

    edited = Signal(object, object)  # dict[str, Any] of new values, Merge
    TYPING_MS = 700  # a pause this long in typing saves what was typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setProperty("role", "sectionTitle")
        self.problems_label = QLabel()  # this record's problems and the last refused edit
        self.problems_label.setProperty("role", "error")
        self.problems_label.setWordWrap(True)
        self.problems_label.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.problems_label)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.fields: dict[str, QWidget] = {}
        self.captions: dict[str, QLabel] = {}
        self.loading = False
        self.session = 0
        self._pending: tuple[str, Callable[[], Any]] | None = None
        self._refusal = ""
        self._problems: list[TemplateProblem] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.TYPING_MS)
        self.timer.timeout.connect(self._save_pending)

    # --- building ---------------------------------------------------------------------------
    def add_row(self, field: str, widget: QWidget) -> QWidget:
        caption = QLabel()
        caption.setBuddy(widget)
        self.captions[field] = caption
        self.fields.setdefault(field, widget)
        self.form.addRow(caption, widget)
        return widget

    def line(self, field: str, *, typing: bool = True, read: Callable[[str], Any] = str) -> QLineEdit:
        edit = QLineEdit()
        self.fields[field] = edit
        if typing:
            edit.textEdited.connect(lambda _text: self._typing(field, lambda: read(edit.text())))
        edit.editingFinished.connect(lambda: self._finish(field, lambda: read(edit.text())))
        return edit

    def text_box(self, field: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 14)
        box.setObjectName(field)
        box.installEventFilter(self)
        box.textChanged.connect(lambda: self._typing(field, box.toPlainText))
        self.fields[field] = box
        return box

    def spin(self, field: str, spin: QAbstractSpinBox, read: Callable[[], Any]) -> QAbstractSpinBox:
        spin.setKeyboardTracking(True)
        spin.valueChanged.connect(lambda _value: self._typing(field, read))  # type: ignore[attr-defined]
        spin.editingFinished.connect(lambda: self._finish(field, read))
        self.fields[field] = spin
        return spin

    def combo(self, field: str, kind: type[StrEnum]) -> QComboBox:
        """A choice among the members of ``kind`` (Qt keeps them as plain strings: turned back)."""
        box = QComboBox()
        box.activated.connect(lambda _index: self.choose({field: kind(box.currentData())}))
        self.fields[field] = box
        return box

    def check(self, field: str) -> QCheckBox:
        box = QCheckBox()
        box.clicked.connect(lambda checked: self.choose({field: bool(checked)}))
        self.fields[field] = box
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            box = watched
            self._finish(box.objectName(), box.toPlainText)
        return super().eventFilter(watched, event)

    # --- reporting --------------------------------------------------------------------------
    def _typing(self, field: str, read: Callable[[], Any]) -> None:
        if self.loading:
            return
        if self._pending is not None and self._pending[0] != field:
            self.flush()
        self._pending = (field, read)
        self.timer.start()

    def _save_pending(self) -> None:
        """A pause in typing: report the field, keeping the session open (it merges on)."""
        if self._pending is not None:
            field, read = self._pending
            self._pending = None
            self.timer.stop()
            self.edited.emit({field: read()}, (field, self.session))

    def _finish(self, field: str, read: Callable[[], Any]) -> None:
        if self.loading:
            return
        if self._pending is not None and self._pending[0] != field:
            self.flush()
        self._pending = None
        self.timer.stop()
        self.edited.emit({field: read()}, (field, self.session))
        self.session += 1

    def pending(self) -> bool:
        """Whether something typed waits for the pause that saves it."""
        return self._pending is not None

    def flush(self) -> None:
        """Report what is being typed now and end the typing session (before undo, a new row…)."""
        if self._pending is not None:
            self._save_pending()
            self.session += 1

    def choose(self, updates: dict[str, Any]) -> None:
        """A choice or a tick: reported at once, one undo step of its own."""
        if not self.loading:
            self.flush()
            self.edited.emit(updates, None)

    # --- showing ----------------------------------------------------------------------------
    def put(self, field: str, value: Any) -> None:
        """Show ``value`` in the widget of ``field`` unless it shows it already (keeps the cursor)."""
        widget = self.fields[field]
        if isinstance(widget, QLineEdit):
            text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
            if widget.text() != text:
                widget.setText(text)
                if not widget.hasFocus():
                    widget.setCursorPosition(0)  # show the beginning of a long title
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != value:
                widget.setPlainText(value)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0 and widget.isEditable():
                widget.setEditText(str(value))
            else:
                widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            if widget.value() != value:
                widget.setValue(value)

    def begin_load(self, same_record: bool) -> None:
        self.loading = True
        if not same_record:
            self._pending = None
            self.timer.stop()
            self._refusal = ""

    def end_load(self) -> None:
        self.loading = False

    def set_problems(self, problems: list[TemplateProblem]) -> None:
        """Mark the fields these problems are about and list them above the form."""
        self._problems = list(problems)
        marked = {field for problem in problems for field in PROBLEM_FIELDS.get(problem.code, ())}
        for field, widget in self.fields.items():
            _set_invalid(widget, field in marked or (field == "code" and bool(self._refusal)))
        self._show_messages()

    def refuse(self, field: str, message: str) -> None:
        """An edit the editor could not apply (a code already taken): say so beside the field."""
        self._refusal = message
        if field in self.fields:
            _set_invalid(self.fields[field], True)
        self._show_messages()

    def _show_messages(self) -> None:
        lines = [f"⚠ {problem_text(problem)}" for problem in self._problems]
        if self._refusal:
            lines.insert(0, f"⚠ {self._refusal}")
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(lines))


class HeaderForm(NodeForm):
    """Titles, category, what is inspected, the scoring scheme and the base score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = self.add_row("code", QLineEdit())
        self.code.setReadOnly(True)
        self.add_row("title_zh", self.line("title_zh"))
        self.add_row("title_en", self.line("title_en"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.activated.connect(lambda _index: self.choose({"category": self._category()}))
        self.category.lineEdit().editingFinished.connect(lambda: self.choose({"category": self._category()}))
        self.add_row("category", self.category)
        self.add_row("subject", self.combo("subject", SubjectKind))
        self.add_row("scheme", self.combo("scheme", ScoringScheme))
        base = QDoubleSpinBox()
        base.setRange(0, 10_000)
        base.setDecimals(1)
        self.add_row("base_score", self.spin("base_score", base, base.value))
        self.add_row("description_zh", self.text_box("description_zh"))
        self.add_row("description_en", self.text_box("description_en"))
        self.facts = QLabel()
        self.facts.setProperty("role", "hint")
        self.facts.setWordWrap(True)
        self.form.addRow(self.facts)
        self.retranslate()

    def _category(self) -> str:
        text = self.category.currentText().strip()
        index = self.category.findText(text)
        return self.category.itemData(index) if index >= 0 else text

    def load(self, body: TemplateBody, facts: str, same_record: bool) -> None:
        self.begin_load(same_record)
        self.heading.setText(self.tr("Template {code}").format(code=body.code))
        for field in ("code", "title_zh", "title_en", "subject", "scheme", "base_score", "description_zh",
                      "description_en"):
            self.put(field, getattr(body, field))
        index = self.category.findData(body.category)
        if index >= 0:
            self.category.setCurrentIndex(index)
        elif self.category.currentText() != body.category:
            self.category.setEditText(body.category)
        self.facts.setText(facts)
        self.captions["base_score"].setEnabled(body.scheme is ScoringScheme.DEDUCTION)
        self.fields["base_score"].setEnabled(body.scheme is ScoringScheme.DEDUCTION)
        self.end_load()

    def retranslate(self) -> None:
        texts = {"code": self.tr("Code"), "title_zh": self.tr("Title (Chinese)"), "title_en": self.tr("Title (English)"),
                 "category": self.tr("Category"), "subject": self.tr("Inspects"), "scheme": self.tr("Scoring"),
                 "base_score": self.tr("Base score"), "description_zh": self.tr("Description (Chinese)"),
                 "description_en": self.tr("Description (English)")}
        for field, text in texts.items():
            self.captions[field].setText(text)
        names = {"vehicle_appearance": self.tr("Vehicle appearance"), "staff_conduct": self.tr("Staff conduct"),
                 "facility_cleanliness": self.tr("Facility cleanliness")}
        refill(self.category, [(names[code], code) for code in CATEGORIES])
        refill(self.fields["subject"], [(label(kind), kind) for kind in SubjectKind])  # type: ignore[arg-type]
        refill(self.fields["scheme"], [(label(scheme), scheme) for scheme in ScoringScheme])  # type: ignore[arg-type]


def refill(box: QComboBox, choices: list[tuple[str, Any]]) -> None:
    """Set a combo box's entries again (after a language switch), keeping the choice."""
    current, text = box.currentData(), box.currentText()
    blocked = box.blockSignals(True)
    box.clear()
    for caption, value in choices:
        box.addItem(caption, value)
    index = box.findData(current)
    if index >= 0:
        box.setCurrentIndex(index)
    elif box.isEditable():
        box.setEditText(text)
    box.blockSignals(blocked)


class SectionForm(NodeForm):
    """Code, titles, the staff roles the section is for, and its deduction cap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_row("code", self.line("code", typing=False, read=str.strip))
        self.add_row("title_zh", self.line("title_zh"))
        self.add_row("title_en", self.line("title_en"))
        self.roles = QListWidget()
        self.roles.setFixedHeight(self.roles.fontMetrics().lineSpacing() * 5 + 16)
        for role in StaffRole:
            row = QListWidgetItem(label(role))
            row.setData(Qt.ItemDataRole.UserRole, role.value)
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.roles.addItem(row)
        self.roles.itemChanged.connect(lambda _row: self.choose({"roles": self.checked_roles()}))
        self.fields["roles"] = self.roles
        self.add_row("roles", self.roles)
        cap = QDoubleSpinBox()
        cap.setRange(0, 10_000)
        cap.setDecimals(1)
        self.add_row("deduct_cap", self.spin("deduct_cap", cap, lambda: cap.value() or None))
        self.retranslate()

    def checked_roles(self) -> tuple[StaffRole, ...]:
        rows = (self.roles.item(i) for i in range(self.roles.count()))
        return tuple(StaffRole(row.data(Qt.ItemDataRole.UserRole)) for row in rows
                     if row.checkState() == Qt.CheckState.Checked)

    def load(self, section: TemplateSection, body: TemplateBody, same_record: bool) -> None:
        self.begin_load(same_record)
        self.heading.setText(self.tr("Section {code}").format(code=section.code))
        for field in ("code", "title_zh", "title_en"):
            self.put(field, getattr(section, field))
        for i in range(self.roles.count()):
            row = self.roles.item(i)
            checked = row.data(Qt.ItemDataRole.UserRole) in section.roles
            row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.put("deduct_cap", section.deduct_cap or 0.0)
        show_roles = body.subject is SubjectKind.STAFF or bool(section.roles)
        self.roles.setVisible(show_roles)
        self.captions["roles"].setVisible(show_roles)
        deduction = body.scheme is ScoringScheme.DEDUCTION
        self.fields["deduct_cap"].setEnabled(deduction)
        self.captions["deduct_cap"].setEnabled(deduction)
        self.end_load()

    def retranslate(self) -> None:
        texts = {"code": self.tr("Code"), "title_zh": self.tr("Title (Chinese)"), "title_en": self.tr("Title (English)"),
                 "roles": self.tr("Only for roles"), "deduct_cap": self.tr("Deduction cap")}
        for field, text in texts.items():
            self.captions[field].setText(text)
        self.roles.setToolTip(self.tr("Tick none and the section applies to every staff member."))
        cap = self.fields["deduct_cap"]
        assert isinstance(cap, QDoubleSpinBox)
        cap.setSpecialValueText(self.tr("No cap"))
        for i in range(self.roles.count()):
            self.roles.item(i).setText(label(StaffRole(self.roles.item(i).data(Qt.ItemDataRole.UserRole))))
