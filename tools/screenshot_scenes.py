"""Screenshot scenes for the checklist-template screens, used by ``tools/screenshots.py``.

Each scene sets up what it shows through the real services (never SQL), builds the widget or
dialog directly and hands it to the ``shoot`` function of the screenshot tool, which shows it
without a modal loop, saves ``<name>.png`` and closes it. Shared with the template editor's
scenes: add a function and its file names to ``TEMPLATE_SHOTS``.

- ``template-preview``: T2 as a driver meets it while recording (driver-only sections, maximum).
- ``template-diff``: T1 v1 (published) against a v2 draft for next month with a few changes.
- ``template-publish``: the confirmation of publishing that draft for its month.
- ``template-editor``: the main window of the quality office on a draft copy of T2 for next month,
  a measured item just added (no threshold yet) selected: its form, its problem in the list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from inspector.context import AppContext
from inspector.domain.errors import NotFound
from inspector.domain.registry import StaffRole
from inspector.domain.template_edit import insert_item
from inspector.domain.templates import (
    Origin, ResponseType, Severity, TemplateBody, TemplateItem, TemplateSection, TemplateVersion,
)
from inspector.ui.dialogs.template_diff import TemplateDiffDialog
from inspector.ui.dialogs.template_publish import PublishDialog
from inspector.ui.mainwindow import MainWindow
from inspector.ui.models.template_tree_model import NodeKind
from inspector.ui.pages.templates import TemplatesPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.template_preview import TemplatePreview

Shoot = Callable[[QDialog, Path], Path]
TEMPLATE_SHOTS: tuple[str, ...] = ("template-preview", "template-diff", "template-publish", "template-editor")
PREVIEW_SIZE = (920, 720)
DIFF_SIZE = (1000, 640)

NEW_ITEM = TemplateItem(
    code="T1-2.7", text_zh="车厢扶手、拉环按规定消毒并有记录", text_en="Handrails and straps disinfected, with a log",
    guidance_zh="查看当日消毒记录,抽查扶手表面。", guidance_en="Check today's disinfection log; spot-check the handrails.",
    deduct=2.0, photos_on_fail=1,
)


def _replace_items(section: TemplateSection, items: list[TemplateItem]) -> TemplateSection:
    return section.model_copy(update={"items": tuple(items)})


def t1_changes(body: TemplateBody) -> TemplateBody:
    """T1 as next month's draft: an item added to T1-2, T1-3.6 dropped, T1-1.2 costs 3 points and
    T1-1.6 needs two photos, the route-sign item T1-1.5 moved into T1-3, T1-6 renamed."""
    sections = {section.code: section for section in body.sections}
    exterior = [item for item in sections["T1-1"].items if item.code != "T1-1.5"]
    exterior = [item.model_copy(update={"deduct": 3.0}) if item.code == "T1-1.2" else
                item.model_copy(update={"photos_on_fail": 2, "severity": Severity.SERIOUS}) if item.code == "T1-1.6"
                else item for item in exterior]
    moved = next(item for item in sections["T1-1"].items if item.code == "T1-1.5")
    facilities = [item for item in sections["T1-3"].items if item.code != "T1-3.6"] + [moved]
    updated = {
        "T1-1": _replace_items(sections["T1-1"], exterior),
        "T1-2": _replace_items(sections["T1-2"], [*sections["T1-2"].items, NEW_ITEM]),
        "T1-3": _replace_items(sections["T1-3"], facilities),
        "T1-6": sections["T1-6"].model_copy(update={"title_zh": "运营与投放(抽查)", "title_en": "Deployment (spot check)"}),
    }
    return body.model_copy(update={"sections": tuple(updated.get(s.code, s) for s in body.sections)})


def t1_draft(context: AppContext, ui: UiContext) -> TemplateVersion:
    """The latest T1 draft; made (copied to next month and changed by ``t1_changes``) when none exists."""
    try:
        return context.templates.latest_draft(ui.user, "T1")
    except NotFound:
        pass
    month = QDate.currentDate().addMonths(1).toString("yyyy-MM")
    draft, _ = context.templates.copy_to_month(ui.user, "T1", month)
    draft, _ = context.templates.save_draft(ui.user, draft.id, t1_changes(draft.body))
    return draft


NAIL_ITEM = TemplateItem(
    code="T2-2.5", text_zh="指甲修剪整齐,长度符合要求", text_en="Fingernails trimmed to the required length",
    guidance_zh="指甲不超过指尖,不涂有色指甲油。", guidance_en="Nails not beyond the fingertip; no coloured polish.",
    response=ResponseType.NUMERIC, unit_of_measure="mm", deduct=1.0, origin=Origin.INFERRED,
)


def t2_draft(context: AppContext, ui: UiContext) -> TemplateVersion:
    """The latest T2 draft; made when none exists: next month's copy with a measured item added
    to T2-2 whose threshold is still to be set (a problem the editor lists)."""
    try:
        return context.templates.latest_draft(ui.user, "T2")
    except NotFound:
        pass
    month = QDate.currentDate().addMonths(1).toString("yyyy-MM")
    draft, _ = context.templates.copy_to_month(ui.user, "T2", month)
    draft, _ = context.templates.save_draft(ui.user, draft.id, insert_item(draft.body, "T2-2", 4, NAIL_ITEM))
    return draft


def prepare_template_scenes(context: AppContext, ui: UiContext) -> None:
    """The data the scenes show, made once before any language is shot (so every page agrees)."""
    t1_draft(context, ui)
    t2_draft(context, ui)


def shoot_editor_scene(ui: UiContext, window: MainWindow, folder: Path, save: Callable[[QWidget, Path], Path]) -> Path:
    """``template-editor``: ``window`` (signed in as the quality office) on the T2 draft."""
    page = window.go_to("templates")
    assert isinstance(page, TemplatesPage)
    editor = page.open_version(t2_draft(ui.app, ui))
    editor.select((NodeKind.ITEM, NAIL_ITEM.code))
    try:
        return save(window, folder / "template-editor.png")
    finally:
        page.close_editor()


def _host(parent: QWidget, content: QWidget, size: tuple[int, int]) -> QDialog:
    """A plain dialog around ``content`` so that it gets the window background and margins."""
    host = QDialog(parent)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(16, 14, 16, 14)
    layout.addWidget(content)
    host.resize(*size)
    return host


def shoot_template_scenes(context: AppContext, ui: UiContext, window: QWidget, folder: Path,
                          shoot: Shoot) -> list[Path]:
    """``template-preview``, ``template-diff`` and ``template-publish`` into ``folder``."""
    shots: list[Path] = []
    preview = TemplatePreview(thumbnails=context.photos.thumbnail_path)
    preview.set_body(context.templates.latest_published(ui.user, "T2").body, staff_role=StaffRole.DRIVER)
    shots.append(shoot(_host(window, preview, PREVIEW_SIZE), folder / "template-preview.png"))

    draft = t1_draft(context, ui)
    diff = TemplateDiffDialog(ui, "T1", parent=window)
    diff.resize(*DIFF_SIZE)
    shots.append(shoot(diff, folder / "template-diff.png"))
    shots.append(shoot(PublishDialog(draft, parent=window), folder / "template-publish.png"))
    return shots
