"""The editor's tree model: a sound QAbstractItemModel over a template body, its texts and problem
marks, and drag and drop that asks for a move instead of changing the body.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from inspector.domain.registry import StaffRole
from inspector.domain.templates import (
    ScoringScheme, SubjectKind, TemplateBody, TemplateItem, TemplateSection, validate_template,
)
from inspector.ui.models.template_tree_model import MIME_TYPE, NodeKind, TemplateTreeModel
from inspector.ui.widgets.template_tree import TemplateTree, problem_text

ITEM, SECTION, TEMPLATE = NodeKind.ITEM, NodeKind.SECTION, NodeKind.TEMPLATE


def make_body(*, scheme: ScoringScheme = ScoringScheme.DEDUCTION) -> TemplateBody:
    """X-1 (items X-1.1..X-1.3, sub-section X-1-1 with X-1-1.1), X-2 (item X-2.1, for drivers), X-3 (empty)."""
    items = tuple(TemplateItem(code=f"X-1.{n}", text_zh=f"条目{n}", text_en=f"Item {n}", deduct=n) for n in (1, 2, 3))
    sub = TemplateSection(code="X-1-1", title_zh="小节", items=(TemplateItem(code="X-1-1.1", text_zh="子条目"),))
    first = TemplateSection(code="X-1", title_zh="第一部分", title_en="Part 1", deduct_cap=10, items=items,
                            sections=(sub,))
    second = TemplateSection(code="X-2", title_zh="第二部分", roles=(StaffRole.DRIVER,),
                             items=(TemplateItem(code="X-2.1", text_zh="否决项", veto=True, photos_on_fail=2),))
    third = TemplateSection(code="X-3", title_zh="第三部分")
    return TemplateBody(code="X", title_zh="测试表", title_en="Test checklist", subject=SubjectKind.STAFF,
                        scheme=scheme, sections=(first, second, third))


@pytest.fixture
def model(qapp: Any) -> TemplateTreeModel:
    model = TemplateTreeModel(describe=problem_text)
    body = make_body()
    model.set_body(body, validate_template(body))
    model.set_editable(True)
    return model


def requests(model: TemplateTreeModel) -> list[tuple[str, str, str | None, int]]:
    found: list[tuple[str, str, str | None, int]] = []
    model.move_requested.connect(lambda *args: found.append(args))
    return found


def drop(model: TemplateTreeModel, ref: tuple[NodeKind, str], parent: tuple[NodeKind, str], row: int) -> bool:
    data = model.mimeData([model.index_of(ref)])
    assert data is not None
    return model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, model.index_of(parent))


def test_the_model_is_sound(qtmodeltester: Any, model: TemplateTreeModel) -> None:
    qtmodeltester.check(model)
    empty = TemplateTreeModel()
    qtmodeltester.check(empty)
    assert empty.rowCount() == 0


def test_rows_follow_the_body(model: TemplateTreeModel) -> None:
    root = model.index(0, 0)
    assert model.rowCount() == 1 and root.data() == "X" and model.index(0, 1).data() == "Test checklist"
    assert [model.index(row, 0, root).data() for row in range(model.rowCount(root))] == ["X-1", "X-2", "X-3"]
    first = model.index_of((SECTION, "X-1"))
    # items first, then sub-sections, as the body holds them
    assert [model.index(row, 0, first).data() for row in range(model.rowCount(first))] == \
        ["X-1.1", "X-1.2", "X-1.3", "X-1-1"]
    assert model.index(first.row(), TemplateTreeModel.COL_POINTS, root).data() == "max 10"
    assert model.data(first, Qt.ItemDataRole.FontRole).bold()
    item = model.index_of((ITEM, "X-1.2"))
    assert model.index(item.row(), TemplateTreeModel.COL_TEXT, first).data() == "Item 2"
    assert model.index(item.row(), TemplateTreeModel.COL_POINTS, first).data() == "−2"
    assert model.index(item.row(), TemplateTreeModel.COL_SEVERITY, first).data() == "General"
    second = model.index_of((SECTION, "X-2"))
    assert model.index(second.row(), TemplateTreeModel.COL_TEXT, root).data() == "第二部分  [Driver]"
    veto = model.index_of((ITEM, "X-2.1"))
    assert model.index(veto.row(), TemplateTreeModel.COL_VETO, second).data() == "Veto"
    assert model.index(veto.row(), TemplateTreeModel.COL_PHOTOS, second).data() == "2"
    assert model.headerData(TemplateTreeModel.COL_POINTS, Qt.Orientation.Horizontal) == "Deduction"
    assert model.ref_of(veto) == (ITEM, "X-2.1")
    assert model.data(veto, TemplateTreeModel.ObjectRole).veto is True


def test_weighted_templates_show_weights(qapp: Any) -> None:
    model = TemplateTreeModel()
    model.set_body(make_body(scheme=ScoringScheme.WEIGHTED))
    assert model.headerData(TemplateTreeModel.COL_POINTS, Qt.Orientation.Horizontal) == "Weight"
    item = model.index_of((ITEM, "X-1.3"))
    assert model.index(item.row(), TemplateTreeModel.COL_POINTS, item.parent()).data() == "1"


def test_problems_are_marked_with_an_icon_and_a_sentence(model: TemplateTreeModel) -> None:
    body = make_body()
    sections = list(body.sections)
    sections[2] = sections[2].model_copy(update={"title_zh": " "})  # X-3 without a Chinese title
    broken = body.model_copy(update={"sections": tuple(sections)})
    model.set_body(broken, validate_template(broken))
    marked = model.index_of((SECTION, "X-3"))
    assert [p.code for p in marked.data(TemplateTreeModel.ProblemsRole)] == ["section_title_empty"]
    assert marked.data(Qt.ItemDataRole.ToolTipRole) == "⚠ Section X-3 has no Chinese title."
    clean = model.index_of((SECTION, "X-2"))
    assert model.data(clean, Qt.ItemDataRole.DecorationRole) is None
    assert model.problem_ref(marked.data(TemplateTreeModel.ProblemsRole)[0]) == (SECTION, "X-3")
    tree_model = TemplateTree().tree_model  # the tree hands the model its icon
    tree_model.set_body(broken, validate_template(broken))
    assert not tree_model.data(tree_model.index_of((SECTION, "X-3")), Qt.ItemDataRole.DecorationRole).isNull()


def test_a_drop_asks_for_the_move_and_leaves_the_body_alone(model: TemplateTreeModel) -> None:
    asked = requests(model)
    body = model.body()
    assert drop(model, (ITEM, "X-1.1"), (SECTION, "X-2"), 1)
    assert drop(model, (ITEM, "X-1.1"), (SECTION, "X-1"), 3)  # below: index 2 once taken out
    assert drop(model, (ITEM, "X-1.3"), (SECTION, "X-1"), 0)
    assert drop(model, (ITEM, "X-2.1"), (SECTION, "X-1-1"), -1)  # on a section: at the end of its items
    assert drop(model, (ITEM, "X-2.1"), (SECTION, "X-1"), 4)  # below the sub-section: last item
    assert drop(model, (SECTION, "X-3"), (TEMPLATE, "X"), 0)
    assert drop(model, (SECTION, "X-1"), (TEMPLATE, "X"), 3)  # to the end: index 2 once taken out
    assert drop(model, (SECTION, "X-3"), (SECTION, "X-1"), 4)  # becomes a sub-section after X-1-1
    assert drop(model, (SECTION, "X-1-1"), (TEMPLATE, "X"), 1)  # a sub-section to the top level
    assert asked == [
        ("item", "X-1.1", "X-2", 1), ("item", "X-1.1", "X-1", 2), ("item", "X-1.3", "X-1", 0),
        ("item", "X-2.1", "X-1-1", 1), ("item", "X-2.1", "X-1", 3), ("section", "X-3", None, 0),
        ("section", "X-1", None, 2), ("section", "X-3", "X-1", 1), ("section", "X-1-1", None, 1),
    ]
    assert model.body() is body and model.rowCount(model.index_of((SECTION, "X-1"))) == 4


def test_drops_that_make_no_sense_are_refused(model: TemplateTreeModel) -> None:
    asked = requests(model)
    assert not drop(model, (ITEM, "X-1.1"), (TEMPLATE, "X"), 0)  # items live in sections
    assert not drop(model, (ITEM, "X-1.1"), (ITEM, "X-1.2"), -1)  # onto an item
    assert not drop(model, (SECTION, "X-1"), (SECTION, "X-2"), 0)  # X-1 has a sub-section: too deep
    assert not drop(model, (SECTION, "X-2"), (SECTION, "X-1-1"), 0)  # into a sub-section: too deep
    assert not drop(model, (SECTION, "X-1"), (SECTION, "X-1"), 0)  # into itself
    assert not drop(model, (ITEM, "X-1.2"), (SECTION, "X-1"), 1)  # where it already is
    assert not drop(model, (ITEM, "X-1.2"), (SECTION, "X-1"), 2)  # just below itself: the same place
    foreign = QMimeData()
    foreign.setData(MIME_TYPE, b'{"template": "T9", "kind": "item", "code": "X-1.1"}')
    assert not model.dropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, model.index_of((SECTION, "X-2")))
    garbage = QMimeData()
    garbage.setData(MIME_TYPE, b"not json")
    assert not model.canDropMimeData(garbage, Qt.DropAction.MoveAction, 0, 0, model.index_of((SECTION, "X-2")))
    data = model.mimeData([model.index_of((ITEM, "X-1.1"))])
    assert not model.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, model.index_of((SECTION, "X-2")))
    assert model.mimeData([model.index(0, 0)]) is None  # the template row cannot be dragged
    assert asked == []


def test_a_read_only_tree_cannot_be_dragged(model: TemplateTreeModel) -> None:
    item = model.index_of((ITEM, "X-1.1"))
    assert model.flags(item) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(model.index_of((SECTION, "X-2"))) & Qt.ItemFlag.ItemIsDropEnabled
    assert not model.flags(item) & Qt.ItemFlag.ItemIsDropEnabled
    model.set_editable(False)
    assert not model.flags(item) & Qt.ItemFlag.ItemIsDragEnabled
    assert not drop(model, (ITEM, "X-1.1"), (SECTION, "X-2"), 0)
    assert model.supportedDropActions() == Qt.DropAction.MoveAction
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_the_tree_keeps_collapsed_rows_and_selection_across_a_new_body(qtbot: Any) -> None:
    tree = TemplateTree()
    qtbot.addWidget(tree)
    body = make_body()
    tree.set_body(body, select=(ITEM, "X-1.2"), editable=True)
    assert tree.current_ref() == (ITEM, "X-1.2")
    selected: list[Any] = []
    tree.node_selected.connect(selected.append)
    tree.collapse(tree.tree_model.index_of((SECTION, "X-2")))
    changed = body.model_copy(update={"title_en": "Renamed"})
    tree.set_body(changed, editable=True)
    assert tree.current_ref() == (ITEM, "X-1.2") and selected[-1] == (ITEM, "X-1.2")
    assert not tree.isExpanded(tree.tree_model.index_of((SECTION, "X-2")))
    assert tree.isExpanded(tree.tree_model.index_of((SECTION, "X-1")))
    assert tree.select((SECTION, "X-3")) and selected[-1] == (SECTION, "X-3")
    assert not tree.select((ITEM, "nope"))
