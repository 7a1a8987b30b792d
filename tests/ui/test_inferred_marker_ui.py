"""The inferred-item marker is the quality office's flag, never a supervisor's text (#13.6): the
recording screen and the walk-around search show an old built-in's guidance without
「【推定项,待确认】」, while the template editor's preview and the template list flag the item."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector.context import AppContext
from inspector.domain.users import Role, User
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.recording_panels import ItemPanel
from inspector.ui.widgets.template_preview import TemplatePreview
from inspector.ui.widgets.walkaround_panel import WalkaroundPanel
from tests.services.test_inferred_marker import MARK_EN, MARK_ZH, _marked_body


def test_recording_screen_and_walkaround_show_the_standard_without_the_marker(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
) -> None:
    """「对服务人员的服务过程不定期的进行现场抽查」 (F2·4): what the supervisor reads on site is the
    standard alone; 「服务规范必须具体、可行」 (F2·4)."""
    item = _marked_body().item("N1-1")
    assert item is not None
    panel = ItemPanel(sign_in(users[Role.SUPERVISOR]))
    qtbot.addWidget(panel)
    panel.show_item(item, None, [], pending=False, editable=True, reference=None)
    assert panel.guidance.text() == "Paint intact."  # the English standard, the test's language
    walk = WalkaroundPanel()
    qtbot.addWidget(walk)
    walk.show_items([item], {})
    walk.search.setText("N1-1")
    tips = [walk.matches.item(row).toolTip() for row in range(walk.matches.count())]
    assert tips == ["Paint intact."]


def test_the_editor_preview_flags_the_item_but_prints_no_marker(qtbot: Any) -> None:
    """「服务规范是质量监督人员制定的,即没有充分听取一线员工的意见」 (F1·1): the office sees which
    items are its own suggestions to confirm — as a flag, not as words in the standard."""
    preview = TemplatePreview()
    qtbot.addWidget(preview)
    preview.show()
    preview.set_body(_marked_body())
    qtbot.waitUntil(lambda: "N1-1" in preview.browser.toPlainText())
    shown = preview.browser.toPlainText()
    assert "inferred, to confirm" in shown and "Paint intact." in shown
    assert MARK_ZH not in shown and MARK_EN not in shown
