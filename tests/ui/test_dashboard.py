"""The dashboard shows real figures, follows the change hub, and never invents numbers."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt

from inspector.context import AppContext
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.ui.pages.dashboard import DashboardPage
from inspector.ui.uicontext import UiContext


def make_page(qtbot: Any, ui: UiContext) -> DashboardPage:
    page = DashboardPage(ui)
    qtbot.addWidget(page)
    page.show()
    return page


def test_registry_counts_follow_the_hub(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    ui = sign_in(admin)
    page = make_page(qtbot, ui)
    units = page.registry_cards[RegistryKind.UNITS]
    assert units.value.text() == "0"

    _unit, changes = context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一号总站", "kind": "depot"})
    assert units.value.text() == "0"  # nothing reloads until the change is published
    ui.hub.publish(changes)

    assert units.value.text() == "1"
    assert page.registry_cards[RegistryKind.VEHICLES].value.text() == "0"


def test_templates_in_force_are_counted_from_the_service(
    qtbot: Any, context: AppContext, admin: User, sign_in: Callable[[User], UiContext]
) -> None:
    ui = sign_in(admin)
    page = make_page(qtbot, ui)
    assert page.templates_card.value.text() == "0"
    assert "No template" in page.templates_card.note.text()

    loaded = context.templates.ensure_builtins()
    version = context.templates.list(admin)[0]
    _draft, changes = context.templates.copy_to_month(admin, version.code, "2099-01")
    ui.hub.publish(changes)

    assert page.templates_card.value.text() == str(len(loaded))  # a draft is not "in force"
    for code in loaded:
        assert code in page.templates_card.note.text()


def test_later_modules_show_no_numbers(qtbot: Any, admin: User, sign_in: Callable[[User], UiContext]) -> None:
    page = make_page(qtbot, sign_in(admin))
    for card in page.later_cards.values():
        assert not re.search(r"\d", card.value.text())
        assert "module" in card.note.text()


def test_signed_in_user_card(qtbot: Any, users: dict[Role, User], sign_in: Callable[[User], UiContext]) -> None:
    ui = sign_in(users[Role.QUALITY_OFFICE])
    page = make_page(qtbot, ui)
    assert page.user_card.value.text() == "qo1"
    assert "Quality office" in page.user_card.note.text()
    ui.sign_in(users[Role.MANAGER])
    assert page.user_card.value.text() == "mgr1"


def test_clicking_a_card_asks_to_open_its_page(qtbot: Any, admin: User, sign_in: Callable[[User], UiContext]) -> None:
    page = make_page(qtbot, sign_in(admin))
    card = page.registry_cards[RegistryKind.STAFF]
    with qtbot.waitSignal(page.navigate, timeout=1000) as blocker:
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert blocker.args == ["registry", RegistryKind.STAFF]
