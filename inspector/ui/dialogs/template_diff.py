"""What changed between two versions of one checklist template: items added, removed and changed
(field by field, old → new), sections added, removed or renamed, and header changes.

``TemplateDiffDialog.ask(parent, ui, code, left_id=…, right_id=…)`` opens it without blocking the
editor behind it; tests build the dialog directly. Two combos choose the versions ("v3 · 2026-12 ·
Draft"), by default the latest published against the latest draft (else the two newest). The
comparison is ``diff_templates``; the dialog words and colours it, and follows template changes
published on the hub while it is open.

Colours (green added, red struck-through removed, amber changed; dark enough for white paper) are
Qt properties the stylesheet can set (``TemplateDiffDialog { qproperty-addedColor: #1a7f37 }``);
the defaults match the palette of ``resources/style.qss``.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, Property, QCoreApplication, QEvent, QModelIndex, QRect, QSignalBlocker, QSize, Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QStyledItemDelegate,
    QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from inspector.words import messages
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError
from inspector.domain.template_diff import ItemChange, SectionChange, SectionChangeKind, TemplateDiff, diff_templates
from inspector.domain.templates import (
    Origin, ResponseType, ScoringScheme, TemplateBody, TemplateItem, TemplateSection, TemplateStatus, TemplateVersion,
)
from inspector.words.labels import label
from inspector.ui.language import localized
from inspector.ui.uicontext import UiContext

DIALOG_MARGINS = (20, 18, 20, 16)  # as in the Designer forms of the other dialogs
TEXT_LIMIT = 160  # longer values are cut in the cell (wrapped up to there) and shown whole in the tooltip
# Field names of items, sections and the header, as a reader of the diff knows them ("text_zh" is
# "Text" with the language after it); each names a row of the tree, so it starts with a capital.
FIELD_NAMES: dict[str, str] = {
    "text": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Text"),
    "guidance": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Guidance"),
    "response": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Answer type"),
    "threshold": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Threshold"),
    "unit_of_measure": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Unit of measure"),
    "severity": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Severity"),
    "deduct": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Deduction"),
    "weight": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Weight"),
    "veto": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Veto"),
    "photos_on_fail": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Photos on fail"),
    "covert": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Checkable covertly"),
    "action_days": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Days to rectify"),
    "origin": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Origin"),
    "source": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Source in the regulations"),
    "reference_photo": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Reference photo"),
    "section": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Section"),
    "position": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Position"),
    "title": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Title"),
    "roles": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Only for roles"),
    "deduct_cap": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Section cap"),
    "parent": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Parent section"),
    "category": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Category"),
    "subject": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Inspects"),
    "scheme": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Scoring"),
    "base_score": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Base score"),
    "description": QT_TRANSLATE_NOOP("TemplateDiffDialog", "Description"),
}
CODE_WORDS: dict[StrEnum, str] = {
    ResponseType.PASS_FAIL: QT_TRANSLATE_NOOP("TemplateDiffDialog", "pass / fail"),
    ResponseType.NUMERIC: QT_TRANSLATE_NOOP("TemplateDiffDialog", "measured value"),
    ResponseType.TEXT: QT_TRANSLATE_NOOP("TemplateDiffDialog", "observation"),
    Origin.DIRECT: QT_TRANSLATE_NOOP("TemplateDiffDialog", "from the regulations"),
    Origin.ADAPTED: QT_TRANSLATE_NOOP("TemplateDiffDialog", "adapted from the regulations"),
    Origin.INFERRED: QT_TRANSLATE_NOOP("TemplateDiffDialog", "inferred, to confirm"),
}
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "added" / "removed" / "changed" / "field" on each row


def version_label(version: TemplateVersion) -> str:
    """"v3 · 2026-12 · Draft"."""
    number = QCoreApplication.translate("TemplateDiffDialog", "v{version}").format(version=version.version)
    return f"{number} · {version.effective_month or '—'} · {label(version.status)}"


def default_pair(versions: list[TemplateVersion]) -> tuple[TemplateVersion | None, TemplateVersion | None]:
    """Latest published (left) vs latest draft (right); else the two newest, older on the left."""
    ordered = sorted(versions, key=lambda v: v.version)
    drafts = [v for v in ordered if v.status is TemplateStatus.DRAFT]
    published = [v for v in ordered if v.status is TemplateStatus.PUBLISHED]
    if drafts and published:
        return published[-1], drafts[-1]
    newest: list[TemplateVersion | None] = [*ordered[-2:]] or [None]
    return newest[0], newest[-1]


class _Wrapping(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the column: QTreeView alone keeps every row one line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        if index.column() == 0 or not isinstance(view, QTreeWidget):
            return size
        frame = QRect(0, 0, max(view.header().sectionSize(index.column()) - 16, 40), 10_000)
        text = option.fontMetrics.boundingRect(frame, Qt.TextFlag.TextWordWrap, str(index.data() or ""))
        return QSize(size.width(), max(size.height(), text.height() + 6))


def _colour_property(kind: str) -> Property:
    return Property(QColor, lambda self: QColor(self._colours[kind]),
                    lambda self, colour: self._set_colour(kind, colour))


class TemplateDiffDialog(QDialog):
    """Two version combos over one template code, a summary line and the grouped changes."""

    def __init__(self, ui: UiContext, code: str, *, left_id: int | None = None, right_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.code = ui, code
        self.versions: list[TemplateVersion] = []
        self.diff = TemplateDiff()
        self._colours = {"added": QColor("#1a7f37"), "removed": QColor("#b3261e"), "changed": QColor("#9a6700")}
        self.resize(900, 600)
        self.left_caption, self.right_caption = QLabel(), QLabel()
        self.left_combo, self.right_combo = QComboBox(), QComboBox()
        self.summary, self.message = QLabel(), QLabel()
        for widget, role in ((self.summary, "sectionTitle"), (self.message, "error")):
            widget.setProperty("role", role)
            widget.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setItemDelegate(_Wrapping(self.tree))
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())  # wrapped rows grow or shrink
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        pick = QHBoxLayout()
        for caption, combo in ((self.left_caption, self.left_combo), (self.right_caption, self.right_combo)):
            caption.setBuddy(combo)
            pick.addWidget(caption)
            pick.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.addLayout(pick)
        for widget in (self.summary, self.message, self.tree, self.buttons):
            layout.addWidget(widget, 1 if widget is self.tree else 0)
        self._retranslate()
        self.load(left_id, right_id)
        self.left_combo.currentIndexChanged.connect(self.compare)
        self.right_combo.currentIndexChanged.connect(self.compare)
        ui.hub.changed.connect(self._on_changes)

    @classmethod
    def ask(cls, parent: QWidget | None, ui: UiContext, code: str, *, left_id: int | None = None,
            right_id: int | None = None) -> None:
        """Show the comparison beside ``parent`` without blocking it (modal when there is no parent)."""
        dialog = cls(ui, code, left_id=left_id, right_id=right_id, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if parent is None:
            dialog.exec()
            return
        dialog.show()

    # --- colours the stylesheet may set ------------------------------------------------------
    def _set_colour(self, kind: str, colour: QColor) -> None:
        self._colours[kind] = QColor(colour)
        self._fill_tree()

    addedColor = _colour_property("added")
    removedColor = _colour_property("removed")
    changedColor = _colour_property("changed")

    # --- data --------------------------------------------------------------------------------
    def load(self, left_id: int | None = None, right_id: int | None = None) -> None:
        """Read the versions of the code again and select ``left_id`` / ``right_id`` (or the defaults)."""
        try:
            self.versions, problem = self.ui.app.templates.versions_of(self.ui.user, self.code), ""  # oldest first
        except InspectorError as error:
            self.versions, problem = [], messages.describe(error)
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        left, right = default_pair(self.versions)
        by_id = {version.id: version for version in self.versions}
        left, right = by_id.get(left_id, left), by_id.get(right_id, right)  # type: ignore[arg-type]
        for combo, chosen in ((self.left_combo, left), (self.right_combo, right)):
            with QSignalBlocker(combo):
                combo.clear()
                for version in self.versions:
                    combo.addItem(version_label(version), version.id)
                combo.setCurrentIndex(combo.findData(chosen.id) if chosen is not None else -1)
                combo.setEnabled(bool(self.versions))
        self.compare()

    def chosen(self) -> tuple[TemplateVersion | None, TemplateVersion | None]:
        by_id = {version.id: version for version in self.versions}
        return by_id.get(self.left_combo.currentData()), by_id.get(self.right_combo.currentData())

    def compare(self) -> None:
        """Diff the two chosen versions and show the result."""
        left, right = self.chosen()
        self.left_body, self.right_body = (left.body if left else None), (right.body if right else None)
        self.diff = diff_templates(left.body, right.body) if left and right else TemplateDiff()
        self._fill_summary(left, right)
        self._fill_tree()

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.TEMPLATE):
            self.load(self.left_combo.currentData(), self.right_combo.currentData())

    # --- words -------------------------------------------------------------------------------
    def _fill_summary(self, left: TemplateVersion | None, right: TemplateVersion | None) -> None:
        diff = self.diff
        if left is None or right is None:
            self.summary.setText(self.tr("No versions of {code} to compare.").format(code=self.code))
            return
        if left.id == right.id or diff.empty:
            same = self.tr("The same version is chosen on both sides.")
            self.summary.setText(same if left.id == right.id else self.tr("No differences."))
            return
        parts = [self.tr("{added} added, {removed} removed, {changed} changed").format(
            added=len(diff.added), removed=len(diff.removed), changed=len(diff.changed))]
        if diff.sections:
            parts.append(self.tr("%n section change(s)", "", len(diff.sections)))
        if diff.header_fields:
            parts.append(self.tr("header changed"))
        parts.append(self.tr("items {old} → {new}").format(old=left.body.item_count, new=right.body.item_count))
        self.summary.setText(" · ".join(parts))

    def field_name(self, field: str) -> str:
        base, language = (field[:-3], field[-2:]) if field.endswith(("_zh", "_en")) else (field, "")
        name = QCoreApplication.translate("TemplateDiffDialog", FIELD_NAMES.get(base, base))
        languages = {"zh": self.tr("{field} (Chinese)"), "en": self.tr("{field} (English)")}
        return languages[language].format(field=name) if language else name

    def value_text(self, field: str, value: object) -> str:
        """A field's value as a reader knows it (numbers, yes/no, translated codes, section titles)."""
        if value is None:
            return {"action_days": self.tr("default"), "deduct_cap": self.tr("no cap"),
                    "reference_photo": self.tr("none")}.get(field, "—")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if field in ("deduct", "deduct_cap"):
            return f"−{value:g}" if value else "0"
        if isinstance(value, float):
            return f"{value:g}"
        if field == "roles":
            return ", ".join(label(role) for role in value) or self.tr("every role")  # type: ignore[attr-defined]
        if field == "reference_photo":
            return self.tr("photo {hash}").format(hash=str(value)[:8])
        if isinstance(value, StrEnum):
            words = CODE_WORDS.get(value)
            return QCoreApplication.translate("TemplateDiffDialog", words) if words else label(value)
        return str(value)

    def section_name(self, code: str, body: TemplateBody | None) -> str:
        section = self._section(body, code)
        return f"{code} {localized(section.title_zh, section.title_en)}" if section is not None else code

    # --- the tree ----------------------------------------------------------------------------
    def _fill_tree(self) -> None:
        if not hasattr(self, "tree"):
            return  # a stylesheet colour applied while the dialog is still being built
        self.tree.clear()
        diff = self.diff
        for kind, title, changes in (("added", self.tr("Added (%n)", "", len(diff.added)), diff.added),
                                     ("removed", self.tr("Removed (%n)", "", len(diff.removed)), diff.removed),
                                     ("changed", self.tr("Changed (%n)", "", len(diff.changed)), diff.changed)):
            if changes:
                group = self._group(title, kind)
                for change in changes:
                    self._item_row(group, kind, change)
        if diff.sections:
            group = self._group(self.tr("Sections (%n)", "", len(diff.sections)), "changed")
            for section in diff.sections:
                self._section_row(group, section)
        if diff.header_fields:
            group = self._group(self.tr("Template header (%n)", "", len(diff.header_fields)), "changed")
            self._field_rows(group, diff.header_fields, self.code, self.left_body, self.right_body, is_item=False,
                             moves=("", ""))
        self.tree.expandAll()

    def _paint(self, row: QTreeWidgetItem, kind: str, *, strike: bool = False, bold: bool = False) -> None:
        brush, font = QBrush(self._colours[kind]), QFont(self.tree.font())
        font.setStrikeOut(strike)
        font.setBold(bold)
        for column in range(self.tree.columnCount()):
            row.setForeground(column, brush)
            row.setFont(column, font)
        row.setData(0, KIND_ROLE, kind)

    def _group(self, title: str, kind: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [title])
        group.setFirstColumnSpanned(True)
        self._paint(group, kind, bold=True)
        return group

    def _item_row(self, group: QTreeWidgetItem, kind: str, change: ItemChange) -> None:
        item = change.new or change.old
        assert item is not None
        body = self.right_body if change.new is not None else self.left_body
        where = self.tr("in {section}").format(section=self.section_name(change.section_code, body))
        facts = f"{where} · {self._points(item, body)}"
        before, after = {"added": ("—", facts), "removed": (facts, "—")}.get(kind, ("", ""))
        row = QTreeWidgetItem(group, [change.code, self._cut(localized(item.text_zh, item.text_en)), before, after])
        self._paint(row, kind, strike=kind == "removed")
        self._field_rows(row, change.fields, change.code, change.old, change.new, is_item=True,
                         moves=(change.moved_from or "", change.section_code))

    def _section_row(self, group: QTreeWidgetItem, change: SectionChange) -> None:
        before, after = {SectionChangeKind.ADDED: ("—", self.tr("new section")),
                         SectionChangeKind.REMOVED: (self.tr("section removed"), "—")}.get(change.kind, ("", ""))
        removed = change.kind is SectionChangeKind.REMOVED
        section = self._section(self.left_body if removed else self.right_body, change.code)
        title = localized(section.title_zh, section.title_en) if section is not None else ""
        row = QTreeWidgetItem(group, [change.code, title, before, after])
        self._paint(row, change.kind.value, strike=removed)
        old, new = self._section(self.left_body, change.code), self._section(self.right_body, change.code)
        moves = (self._parent_of(self.left_body, change.code), self._parent_of(self.right_body, change.code))
        self._field_rows(row, change.fields, change.code, old, new, is_item=False, moves=moves)

    def _field_rows(self, row: QTreeWidgetItem, fields: tuple[str, ...], code: str, old: object, new: object, *,
                    is_item: bool, moves: tuple[str, str]) -> None:
        """One child row per changed field: its name, the value before and after."""
        for field in fields:
            if field == "position":
                before, after = self._place(self.left_body, code, is_item), self._place(self.right_body, code, is_item)
            elif field == "section":
                before = self.tr("moved from section {section}").format(
                    section=self.section_name(moves[0], self.left_body))
                after = self.section_name(moves[1], self.right_body)
            elif field == "parent":
                before, after = moves
            else:
                before, after = self.value_text(field, getattr(old, field, None)), self.value_text(
                    field, getattr(new, field, None))
            child = QTreeWidgetItem(row, ["", self.field_name(field), self._cut(before), self._cut(after)])
            child.setToolTip(2, before)
            child.setToolTip(3, after)
            child.setData(0, KIND_ROLE, "field")

    # --- helpers -----------------------------------------------------------------------------
    def _points(self, item: TemplateItem, body: TemplateBody | None) -> str:
        if body is not None and body.scheme is ScoringScheme.DEDUCTION:
            return self.tr("deduction {points}").format(points=self.value_text("deduct", item.deduct))
        return self.tr("weight {points}").format(points=f"{item.weight:g}")

    @staticmethod
    def _section(body: TemplateBody | None, code: str) -> TemplateSection | None:
        return next((s for s in body.iter_sections() if s.code == code), None) if body is not None else None

    def _place(self, body: TemplateBody | None, code: str, is_item: bool) -> str:
        """"item 2 of 6" in its section, or "section 3 of 9" among its siblings."""
        if body is None:
            return "—"
        if is_item:
            groups = [[item.code for item in section.items] for section in body.iter_sections()]
            words = self.tr("item {place} of {count}")
        else:
            groups = [[s.code for s in siblings] for siblings in (body.sections, *(s.sections for s in body.sections))]
            words = self.tr("section {place} of {count}")
        codes = next((group for group in groups if code in group), None)
        return words.format(place=codes.index(code) + 1, count=len(codes)) if codes else "—"

    def _parent_of(self, body: TemplateBody | None, code: str) -> str:
        for section in body.sections if body is not None else ():
            if any(sub.code == code for sub in section.sections):
                return self.section_name(section.code, body)
        return self.tr("top level")

    @staticmethod
    def _cut(text: str) -> str:
        return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare versions of {code}").format(code=self.code))
        self.left_caption.setText(self.tr("&From:"))
        self.right_caption.setText(self.tr("&To:"))
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Item / field"), self.tr("Before"), self.tr("After")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tree"):
            self._retranslate()
            self._fill_summary(*self.chosen())
            self._fill_tree()
        super().changeEvent(event)
