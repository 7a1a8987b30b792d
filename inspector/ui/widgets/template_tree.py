"""The editor's tree of sections and items, and the list of problems under it.

``TemplateTree`` is a ``QTreeView`` over ``TemplateTreeModel``: one row selected at a time, rows
dragged and dropped to move them (the model turns a drop into a request, the editor into an
undoable command), and ``set_body`` that keeps what the user had collapsed, the scroll position
and the selection across the model reset every edit causes. ``ProblemsList`` shows the problems
``validate_template`` reports as sentences; choosing one selects the row it is about.

How a problem reads and looks (``problem_text``, ``warning_icon``) is decided here, once, for the
tree's tooltips, the problems list and the editor's inline messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, QModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListWidget, QListWidgetItem, QTreeView, QWidget

from inspector.domain.templates import TemplateBody, TemplateProblem
from inspector.ui.models.template_tree_model import NodeRef, TemplateTreeModel

ProblemRole = Qt.ItemDataRole.UserRole + 1  # the TemplateProblem behind a row of the problems list

# Sentences for the codes of ``validate_template`` (a code not listed here shows as itself).
PROBLEM_TEXTS: dict[str, str] = {
    "template_code_format": QT_TRANSLATE_NOOP("TemplateProblems", "The template code {where} is not valid."),
    "template_title_empty": QT_TRANSLATE_NOOP("TemplateProblems", "The template has no Chinese title."),
    "base_score_out_of_range": QT_TRANSLATE_NOOP("TemplateProblems", "The base score must be above 0."),
    "template_without_items": QT_TRANSLATE_NOOP("TemplateProblems", "The template has no check items yet."),
    "section_too_deep": QT_TRANSLATE_NOOP("TemplateProblems", "Section {where} is nested more than one level."),
    "duplicate_section_code": QT_TRANSLATE_NOOP("TemplateProblems", "The section code {where} is used twice."),
    "section_title_empty": QT_TRANSLATE_NOOP("TemplateProblems", "Section {where} has no Chinese title."),
    "roles_on_non_staff_template": QT_TRANSLATE_NOOP(
        "TemplateProblems", "Section {where} is limited to staff roles, but this template does not inspect staff."),
    "deduct_cap_out_of_range": QT_TRANSLATE_NOOP(
        "TemplateProblems", "The deduction cap of section {where} is negative."),
    "item_code_format": QT_TRANSLATE_NOOP(
        "TemplateProblems", "The item code {where} is not valid (letters, digits, . _ - only)."),
    "duplicate_item_code": QT_TRANSLATE_NOOP("TemplateProblems", "The item code {where} is used twice."),
    "item_text_empty": QT_TRANSLATE_NOOP("TemplateProblems", "Item {where} has no Chinese text."),
    "numeric_without_threshold": QT_TRANSLATE_NOOP(
        "TemplateProblems", "Item {where} is measured but has no threshold."),
    "threshold_on_non_numeric": QT_TRANSLATE_NOOP(
        "TemplateProblems", "Item {where} has a threshold but is not a measured item."),
    "veto_on_text_item": QT_TRANSLATE_NOOP(
        "TemplateProblems", "Item {where} is a free observation and cannot veto the inspection."),
    "negative_deduction": QT_TRANSLATE_NOOP("TemplateProblems", "Item {where} has a negative deduction."),
    "deduction_exceeds_base": QT_TRANSLATE_NOOP(
        "TemplateProblems", "Item {where} deducts more than the base score."),
    "negative_weight": QT_TRANSLATE_NOOP("TemplateProblems", "Item {where} has a negative weight."),
    "item_number_out_of_range": QT_TRANSLATE_NOOP(
        "TemplateProblems", "Item {where}: photos must be 0 or more, rectification days 1 or more."),
    "control_characters": QT_TRANSLATE_NOOP(
        "TemplateProblems", "{where}: the text {field} holds a control character ({character}); remove it."),
    "text_too_long": QT_TRANSLATE_NOOP(
        "TemplateProblems", "{where}: the text {field} is longer than the {limit} characters allowed."),
}


def problem_text(problem: TemplateProblem) -> str:
    """One problem as a sentence in the display language."""
    text = PROBLEM_TEXTS.get(problem.code)
    if text is None:
        return f"{problem.code} ({problem.where})" if problem.where else problem.code
    return QCoreApplication.translate("TemplateProblems", text).format(
        where=problem.where, field=problem.field, limit=problem.limit, character=problem.detail)


@cache
def warning_icon() -> QIcon:
    """An amber triangle with an exclamation mark, drawn (no theme icon exists offscreen)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath(QPointF(16, 3))
    path.lineTo(30, 28)
    path.lineTo(2, 28)
    path.closeSubpath()
    painter.fillPath(path, QColor("#e0a100"))
    painter.setPen(QPen(QColor("#ffffff"), 3.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(16, 11), QPointF(16, 19))
    painter.drawPoint(QPointF(16, 24))
    painter.end()
    return QIcon(pixmap)


class TemplateTree(QTreeView):
    """Sections and items of one body; ``node_selected`` tells which row is current."""

    node_selected = Signal(object)  # NodeRef or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree_model = TemplateTreeModel(self, describe=problem_text, marker=warning_icon())
        self.setModel(self.tree_model)
        self.setObjectName("templateTree")
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        for column in range(self.tree_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TemplateTreeModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self._collapsed: set[NodeRef] = set()
        self.collapsed.connect(lambda index: self._remember(index, collapsed=True))
        self.expanded.connect(lambda index: self._remember(index, collapsed=False))
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_body(self, body: TemplateBody | None, problems: Sequence[TemplateProblem] = (), *,
                 select: NodeRef | None = None, editable: bool = False) -> None:
        """Show ``body``: rows the user collapsed stay collapsed, new ones open; ``select`` (or
        else the row that was current, or else the template row) becomes current."""
        keep = select if select is not None else self.current_ref()
        position = self.verticalScrollBar().value()
        blocked = self.blockSignals(True)  # the reset would report "no current row" on the way
        try:
            self.tree_model.set_editable(editable)
            self.tree_model.set_body(body, problems)
            self.expandAll()
            for ref in list(self._collapsed):
                index = self.tree_model.index_of(ref)
                if index.isValid():
                    self.collapse(index)
        finally:
            self.blockSignals(blocked)
        self.verticalScrollBar().setValue(position)
        target = self.tree_model.index_of(keep)
        if not target.isValid():
            target = self.tree_model.index(0, 0)
        self._set_current(target)
        self.node_selected.emit(self.current_ref())

    def current_ref(self) -> NodeRef | None:
        return self.tree_model.ref_of(self.currentIndex())

    def select(self, ref: NodeRef | None) -> bool:
        """Make the row of ``ref`` current (opening its section); False when there is none."""
        index = self.tree_model.index_of(ref)
        if not index.isValid():
            return False
        self._set_current(index)
        return True

    def _set_current(self, index: QModelIndex) -> None:
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        if index.isValid():
            self.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self.signalsBlocked():
            self.node_selected.emit(self.tree_model.ref_of(current))

    def _remember(self, index: QModelIndex, *, collapsed: bool) -> None:
        if self.signalsBlocked():
            return
        ref = self.tree_model.ref_of(index)
        if ref is not None:
            (self._collapsed.add if collapsed else self._collapsed.discard)(ref)


class ProblemsList(QListWidget):
    """What keeps a draft from being published, one sentence per row; ``problem_chosen`` on click."""

    problem_chosen = Signal(object)  # TemplateProblem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateProblems")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_problems(self, problems: Sequence[TemplateProblem]) -> None:
        self.clear()
        for problem in problems:
            row = QListWidgetItem(warning_icon(), problem_text(problem))
            row.setData(ProblemRole, problem)
            self.addItem(row)

    def problems(self) -> list[TemplateProblem]:
        return [self.item(row).data(ProblemRole) for row in range(self.count())]

    def _clicked(self, row: QListWidgetItem) -> None:
        problem = row.data(ProblemRole)
        if isinstance(problem, TemplateProblem):
            self.problem_chosen.emit(problem)
