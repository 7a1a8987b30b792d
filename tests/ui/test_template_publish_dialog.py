"""Publishing a draft: the month is chosen, every text names it (in words and as YYYY-MM), Cancel
gives None, and a draft with problems cannot be confirmed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from inspector.context import AppContext
from inspector.domain.templates import TemplateVersion
from inspector.domain.users import User
from inspector.ui.dialogs.template_publish import PublishDialog, month_in_words, next_month
from inspector.ui.language import apply_language


@pytest.fixture
def draft(context: AppContext, admin: User) -> TemplateVersion:
    context.templates.ensure_builtins()
    version, _ = context.templates.copy_to_month(admin, "T2", "2099-01")
    return version


def make_dialog(qtbot: Any, version: TemplateVersion, **kwargs: Any) -> PublishDialog:
    dialog = PublishDialog(version, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_texts_name_the_month_and_follow_it(qtbot: Any, draft: TemplateVersion) -> None:
    dialog = make_dialog(qtbot, draft)
    assert dialog.chosen_month() == "2099-01"  # the draft's own month
    assert dialog.question.text() == "Publish T2 v2 for January 2099?"
    assert dialog.publish_button.text() == "Publish for 2099-01"
    assert "inspections from 2099-01 on will use it" in dialog.details.text()
    assert f"{draft.body.item_count} item(s)" in dialog.details.text()
    assert "Maximum score: 100" in dialog.details.text()
    assert not dialog.warning.isVisible() and dialog.publish_button.isEnabled()

    dialog.set_month("2099-12")
    assert dialog.question.text() == "Publish T2 v2 for December 2099?"
    assert dialog.publish_button.text() == "Publish for 2099-12"
    assert "inspections from 2099-12 on will use it" in dialog.details.text()
    dialog.publish_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.month == "2099-12"


def test_ask_returns_the_chosen_month(qtbot: Any, monkeypatch: pytest.MonkeyPatch, draft: TemplateVersion) -> None:
    def choose_march(dialog: PublishDialog) -> int:
        dialog.set_month("2099-03")
        dialog.publish_button.click()
        return dialog.result()

    monkeypatch.setattr(PublishDialog, "exec", choose_march)
    assert PublishDialog.ask(None, draft) == "2099-03"


def test_cancel_returns_none(qtbot: Any, monkeypatch: pytest.MonkeyPatch, draft: TemplateVersion) -> None:
    def cancel(dialog: PublishDialog) -> int:
        dialog.set_month("2099-03")
        dialog.buttons.rejected.emit()
        return dialog.result()

    monkeypatch.setattr(PublishDialog, "exec", cancel)
    assert PublishDialog.ask(None, draft) is None


def test_starting_month(qtbot: Any, draft: TemplateVersion) -> None:
    assert make_dialog(qtbot, draft, default_month="2099-06").chosen_month() == "2099-06"
    undated = draft.model_copy(update={"effective_month": None})
    assert make_dialog(qtbot, undated).chosen_month() == next_month()
    assert next_month(QDate(2026, 12, 15)) == "2027-01"
    with pytest.raises(ValueError):
        make_dialog(qtbot, draft).set_month("2099-13")


def test_a_past_month_is_pointed_out(qtbot: Any, draft: TemplateVersion) -> None:
    dialog = make_dialog(qtbot, draft)
    dialog.set_month("2001-02")
    assert dialog.warning.isVisible()
    assert "February 2001 is already over" in dialog.warning.text()
    assert dialog.publish_button.isEnabled()  # allowed: the office may publish late on purpose


def test_a_draft_with_problems_cannot_be_confirmed(qtbot: Any, draft: TemplateVersion) -> None:
    first = draft.body.sections[0]
    broken_item = first.items[0].model_copy(update={"text_zh": " "})
    broken = draft.body.model_copy(update={"sections": (
        first.model_copy(update={"items": (broken_item, *first.items[1:])}), *draft.body.sections[1:])})
    dialog = make_dialog(qtbot, draft.model_copy(update={"body": broken}))
    assert not dialog.publish_button.isEnabled()
    assert dialog.warning.isVisible() and "1 problem(s)" in dialog.warning.text()
    assert broken_item.code in dialog.warning.text()
    dialog.submit()
    assert dialog.month is None and dialog.result() != QDialog.DialogCode.Accepted


def test_month_in_words_in_chinese(qtbot: Any, draft: TemplateVersion) -> None:
    assert month_in_words("2026-12") == "December 2026"
    if not apply_language("zh_CN"):
        pytest.skip("no Chinese translation compiled")
    assert month_in_words("2026-12") == "2026年12月"
    dialog = make_dialog(qtbot, draft)
    assert "2099年1月" in dialog.question.text()
    assert month_in_words("not a month") == "not a month"
