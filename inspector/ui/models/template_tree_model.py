"""The tree of one template body for the editor: the template itself at the root, its sections
(bold, with their deduction cap) → sub-sections → items (code, text in the display language,
severity, deduction or weight as the scheme says, veto mark, photos required on fail). Rows that
``validate_template`` finds fault with carry a warning icon and the reasons as a tooltip.

The model is a view of a frozen ``TemplateBody``: it never changes the body. Dragging a row and
dropping it elsewhere (an internal MIME type, move only) emits ``move_requested`` with where the
node should go, in the terms of ``inspector.domain.template_edit.move_item`` / ``move_section``
(an index among the target's children once the moved node is taken out); the editor turns that
into an undoable command and hands the new body back through ``set_body``.

Children of a section are its items first, then its sub-sections, as the body holds them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from inspector.domain.templates import (
    ResponseType, ScoringScheme, TemplateBody, TemplateItem, TemplateProblem, TemplateSection,
)
from inspector.words.labels import label
from inspector.ui.language import localized

ModelIndex = QModelIndex | QPersistentModelIndex
Describe = Callable[[TemplateProblem], str]
MIME_TYPE = "application/x-inspector-template-node"
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class NodeKind(StrEnum):
    TEMPLATE = "template"
    SECTION = "section"
    ITEM = "item"


NodeRef = tuple[NodeKind, str]  # what a node is and its code: the editor's way to name a selection


@dataclass(eq=False)
class _Node:
    key: int  # the index's internal id
    kind: NodeKind
    code: str
    record: TemplateBody | TemplateSection | TemplateItem
    parent: _Node | None
    row: int
    children: list[_Node] = field(default_factory=list)
    problems: list[TemplateProblem] = field(default_factory=list)

    @property
    def ref(self) -> NodeRef:
        return (self.kind, self.code)

    def item_count(self) -> int:
        """How many of the children are items (they come before the sub-sections)."""
        return sum(1 for child in self.children if child.kind is NodeKind.ITEM)


class TemplateTreeModel(QAbstractItemModel):
    """Read-only tree over a body; drops become ``move_requested`` (kind, code, parent, index)."""

    COL_CODE, COL_TEXT, COL_SEVERITY, COL_POINTS, COL_VETO, COL_PHOTOS = range(6)
    ObjectRole = Qt.ItemDataRole.UserRole + 1  # the TemplateBody / TemplateSection / TemplateItem
    RefRole = Qt.ItemDataRole.UserRole + 2  # the NodeRef (kind, code)
    ProblemsRole = Qt.ItemDataRole.UserRole + 3  # list[TemplateProblem] of this node

    # (kind, code, target parent section code or None for the top level, index after removal)
    move_requested = Signal(str, str, object, int)

    def __init__(self, parent: QObject | None = None, *, describe: Describe = lambda p: p.code,
                 marker: QIcon | None = None) -> None:
        """``describe`` turns a problem into a sentence, ``marker`` is the warning icon (both
        given by ``TemplateTree``, which owns how problems look)."""
        super().__init__(parent)
        self._describe = describe
        self._marker = marker if marker is not None else QIcon()
        self._body: TemplateBody | None = None
        self._nodes: dict[int, _Node] = {}
        self._root: _Node | None = None
        self._editable = False

    # --- filling ------------------------------------------------------------------------------
    def set_body(self, body: TemplateBody | None, problems: Sequence[TemplateProblem] = ()) -> None:
        """Show ``body`` with ``problems`` (from ``validate_template``) marked on their rows."""
        self.beginResetModel()
        self._body = body
        self._nodes = {}
        self._root = None
        if body is not None:
            self._root = self._add(NodeKind.TEMPLATE, body.code, body, None, 0)
            for row, section in enumerate(body.sections):
                self._add_section(section, self._root, row)
            self._attach(problems)
        self.endResetModel()

    def _add(self, kind: NodeKind, code: str, record: Any, parent: _Node | None, row: int) -> _Node:
        node = _Node(len(self._nodes) + 1, kind, code, record, parent, row)
        self._nodes[node.key] = node
        if parent is not None:
            parent.children.append(node)
        return node

    def _add_section(self, section: TemplateSection, parent: _Node, row: int) -> None:
        node = self._add(NodeKind.SECTION, section.code, section, parent, row)
        for index, item in enumerate(section.items):
            self._add(NodeKind.ITEM, item.code, item, node, index)
        for index, sub in enumerate(section.sections):
            self._add_section(sub, node, len(section.items) + index)

    def _attach(self, problems: Iterable[TemplateProblem]) -> None:
        """Hang each problem on the nodes it names: the template's own codes on the root."""
        for problem in problems:
            if problem.code.startswith("template_") or problem.code == "base_score_out_of_range":
                targets = [self._root] if self._root is not None else []
            else:
                targets = [node for node in self._nodes.values()
                           if node.kind is not NodeKind.TEMPLATE and node.code == problem.where]
                if not targets and self._root is not None:
                    targets = [self._root]
            for node in targets:
                node.problems.append(problem)

    def set_editable(self, editable: bool) -> None:
        """Whether rows may be dragged (never for a published version or a reader)."""
        self._editable = editable

    def body(self) -> TemplateBody | None:
        return self._body

    # --- finding ------------------------------------------------------------------------------
    def index_of(self, ref: NodeRef | None) -> QModelIndex:
        """The first-column index of the node ``ref`` (invalid when it is not in the tree)."""
        if ref is None:
            return QModelIndex()
        node = next((n for n in self._nodes.values() if n.ref == ref), None)
        return self.createIndex(node.row, 0, node.key) if node is not None else QModelIndex()

    def ref_of(self, index: ModelIndex) -> NodeRef | None:
        node = self._node(index)
        return node.ref if node is not None else None

    def problem_ref(self, problem: TemplateProblem) -> NodeRef | None:
        """The node a problem is marked on (the first, when a duplicate code marks two)."""
        return next((node.ref for node in self._nodes.values() if problem in node.problems), None)

    def refs(self) -> list[NodeRef]:
        """Every node, depth first (template, section, its items, its sub-sections…)."""
        found: list[NodeRef] = []
        stack = [self._root] if self._root is not None else []
        while stack:
            node = stack.pop()
            found.append(node.ref)
            stack.extend(reversed(node.children))
        return found

    def _node(self, index: ModelIndex) -> _Node | None:
        return self._nodes.get(index.internalId()) if index.isValid() else None

    # --- QAbstractItemModel ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < self.columnCount():
            return QModelIndex()
        if not parent.isValid():
            if row == 0 and self._root is not None:
                return self.createIndex(0, column, self._root.key)
            return QModelIndex()
        node = self._node(parent)
        if node is None or parent.column() != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].key)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.key)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1 if self._root is not None else 0
        node = self._node(parent)
        return len(node.children) if node is not None and parent.column() == 0 else 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 6:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (self.COL_POINTS, self.COL_PHOTOS):
            return _RIGHT
        return None

    def headers(self) -> list[str]:
        weighted = self._body is not None and self._body.scheme is not ScoringScheme.DEDUCTION
        points = self.tr("Weight") if weighted else self.tr("Deduction")
        return [self.tr("Code"), self.tr("Check item"), self.tr("Severity"), points, self.tr("Veto"),
                self.tr("Photos")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_CODE and node.problems:
            return self._marker
        if role == Qt.ItemDataRole.FontRole and node.kind is not NodeKind.ITEM:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_VETO:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COL_POINTS, self.COL_PHOTOS):
            return _RIGHT
        if role == self.ObjectRole:
            return node.record
        if role == self.RefRole:
            return node.ref
        if role == self.ProblemsRole:
            return list(node.problems)
        return None

    def _text(self, node: _Node, column: int) -> str:
        record = node.record
        if column == self.COL_CODE:
            return node.code
        if isinstance(record, TemplateBody):
            return localized(record.title_zh, record.title_en) if column == self.COL_TEXT else ""
        if isinstance(record, TemplateSection):
            return self._section_text(record, column)
        assert isinstance(record, TemplateItem)
        if column == self.COL_TEXT:
            return localized(record.text_zh, record.text_en)
        if column == self.COL_SEVERITY:
            return label(record.severity)
        if column == self.COL_POINTS:
            return self._points(record)
        if column == self.COL_VETO:
            return self.tr("Veto") if record.veto else ""
        return str(record.photos_on_fail) if record.photos_on_fail else ""

    def _section_text(self, section: TemplateSection, column: int) -> str:
        if column == self.COL_TEXT:
            title = localized(section.title_zh, section.title_en)
            if section.roles:
                roles = ", ".join(label(role) for role in section.roles)
                return f"{title}  [{roles}]"
            return title
        deduction = self._body is not None and self._body.scheme is ScoringScheme.DEDUCTION
        if column == self.COL_POINTS and deduction and section.deduct_cap is not None:
            return self.tr("max {cap}").format(cap=f"{section.deduct_cap:g}")
        return ""

    def _points(self, item: TemplateItem) -> str:
        if item.response is ResponseType.TEXT:
            return "—"
        if self._body is not None and self._body.scheme is ScoringScheme.DEDUCTION:
            return f"−{item.deduct:g}" if item.deduct else "0"
        return f"{item.weight:g}"

    def _tooltip(self, node: _Node, column: int) -> str:
        if node.problems:
            return "\n".join(f"⚠ {self._describe(problem)}" for problem in node.problems)
        if column == self.COL_VETO and isinstance(node.record, TemplateItem) and node.record.veto:
            return self.tr("Failing this item fails the whole inspection (一票否决).")
        return self._text(node, column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind is NodeKind.ITEM:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        if self._editable:
            if node.kind is not NodeKind.TEMPLATE:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            if node.kind is not NodeKind.ITEM:
                flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # --- drag and drop ----------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
        """The dragged node (the first row named; the tree selects one row at a time)."""
        nodes = [self._node(index) for index in indexes]
        node = next((n for n in nodes if n is not None and n.kind is not NodeKind.TEMPLATE), None)
        if node is None or self._body is None:
            return None
        data = QMimeData()
        payload = {"template": self._body.code, "kind": node.kind.value, "code": node.code}
        data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: ModelIndex) -> bool:
        return self._target(data, action, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        """Ask for the move (``move_requested``); the body itself is left to the editor."""
        target = self._target(data, action, row, parent)
        if target is None:
            return False
        kind, code, parent_code, index = target
        self.move_requested.emit(kind.value, code, parent_code, index)
        return True

    def _dragged(self, data: QMimeData) -> _Node | None:
        if self._body is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
            ref = (NodeKind(payload["kind"]), str(payload["code"]))
        except (ValueError, KeyError, TypeError):
            return None
        if payload.get("template") != self._body.code:
            return None  # a drag from another template's editor
        return next((node for node in self._nodes.values() if node.ref == ref), None)

    def _target(self, data: QMimeData, action: Qt.DropAction, row: int,
                parent: ModelIndex) -> tuple[NodeKind, str, str | None, int] | None:
        """(kind, code, parent section or None, index after removal), or None when refused."""
        if not self._editable or action != Qt.DropAction.MoveAction:
            return None
        node, holder = self._dragged(data), self._node(parent)
        if node is None or holder is None or node.parent is None or holder.kind is NodeKind.ITEM:
            return None
        items = holder.item_count()
        if node.kind is NodeKind.ITEM:
            if holder.kind is not NodeKind.SECTION:
                return None
            index = items if row < 0 or row > items else row
            current = node.row
        else:
            if holder is node or not self._section_fits(node, holder):
                return None
            count = len(holder.children) - items
            index = count if row < 0 else min(max(row - items, 0), count)
            current = node.row - node.parent.item_count()
        if node.parent is holder and index > current:
            index -= 1  # the index counts the siblings once the node is taken out
        if node.parent is holder and index == current:
            return None  # dropped where it already is
        parent_code = None if holder.kind is NodeKind.TEMPLATE else holder.code
        return node.kind, node.code, parent_code, index

    @staticmethod
    def _section_fits(node: _Node, holder: _Node) -> bool:
        """Sections nest one level: into a top-level section only when it has no sub-sections."""
        if holder.kind is NodeKind.TEMPLATE:
            return True
        top_level = holder.parent is not None and holder.parent.kind is NodeKind.TEMPLATE
        has_subsections = any(child.kind is NodeKind.SECTION for child in node.children)
        return top_level and not has_subsections

    def retranslate(self) -> None:
        """Headers again after a language switch (the editor sets the body again for the rest)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
