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
- ``start-inspection``: the start dialog of the demo supervisor, a bus found by part of its plate.
- ``recording``: the recording screen of a T1 inspection, a failed item selected with its note and
  two photos (generated with Pillow, stored through ``PhotoService.ingest``).
- ``annotation``: the annotation tool on a generated photo of a bus side with a scratch: an
  arrow, an ellipse and the label "划痕".
- the notice and report scenes live in ``screenshot_notice_scenes.py`` (``NOTICE_SHOTS``), the helpers
  both use in ``screenshot_common.py``.
"""

from __future__ import annotations

import tempfile
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path


from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from inspector.context import AppContext
from inspector.domain.errors import NotFound
from inspector.domain.photos import Annotation, AnnotationShape
from inspector.domain.inspection_query import InspectionFilter
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind, StaffRole
from inspector.domain.scoring import applicable_items
from inspector.domain.template_edit import insert_item
from inspector.domain.templates import (
    Origin, ResponseType, Severity, SubjectKind, TemplateBody, TemplateItem, TemplateSection, TemplateVersion,
)
from inspector.ui.dialogs.annotation_dialog import AnnotationDialog
from inspector.ui.dialogs.start_inspection import StartInspectionDialog
from inspector.ui.dialogs.template_diff import TemplateDiffDialog
from inspector.ui.dialogs.template_publish import PublishDialog
from inspector.ui.mainwindow import MainWindow
from inspector.ui.models.template_tree_model import NodeKind
from inspector.ui.pages.recording import RecordingScreen
from inspector.ui.pages.templates import TemplatesPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.template_preview import TemplatePreview
from screenshot_common import Shoot, as_supervisor, bus_side_photo, host_dialog

TEMPLATE_SHOTS: tuple[str, ...] = ("template-preview", "template-diff", "template-publish", "template-editor",
                                    "annotation", "start-inspection", "recording")
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


SCENE_INSPECTIONS = 40


def prepare_inspection_scene(context: AppContext, ui: UiContext, seed: int = 11) -> None:
    """~40 T1 inspections of demo buses by ``ui.user`` over the last 30 days, when there are none.

    Each is started and every item answered (pass/fail items only; a fail where no photo is
    required, about one in nine), and completed — hence scored — when validation allows it;
    every fifth stays a draft and every sixth is covert.
    """
    if context.inspection_query.count(ui.user, InspectionFilter()):
        return
    rng = random.Random(seed)
    service = context.inspections
    template = context.templates.latest_published(ui.user, "T1")
    items = [item for _, item in applicable_items(template.body, staff_role=None)]
    buses = context.registry.list(ui.user, RegistryKind.VEHICLES)
    now = datetime.now().astimezone().replace(microsecond=0)
    for number in range(SCENE_INSPECTIONS):
        observed = now - timedelta(days=rng.randrange(30), hours=rng.randrange(8), minutes=rng.randrange(60))
        mode = InspectionMode.COVERT if number % 6 == 5 else InspectionMode.ONSITE
        bus = rng.choice(buses)
        inspection, _ = service.start(ui.user, template_version_id=template.id, mode=mode, observed_at=observed,
                                      subject=SubjectRef(kind=SubjectKind.VEHICLE, id=bus.id))
        for item in items:
            if item.response is ResponseType.PASS_FAIL:
                failed = item.photos_on_fail == 0 and rng.random() < 0.11
                service.answer(ui.user, inspection.id, item.code, AnswerResult.FAIL if failed else AnswerResult.PASS)
        if number % 5 != 4 and not service.validate_for_completion(ui.user, inspection.id):
            service.complete(ui.user, inspection.id)


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


def shoot_template_scenes(context: AppContext, ui: UiContext, window: QWidget, folder: Path,
                          shoot: Shoot) -> list[Path]:
    """``template-preview``, ``template-diff`` and ``template-publish`` into ``folder``."""
    shots: list[Path] = []
    preview = TemplatePreview(thumbnails=context.photos.thumbnail_path)
    preview.set_body(context.templates.latest_published(ui.user, "T2").body, staff_role=StaffRole.DRIVER)
    shots.append(shoot(host_dialog(window, preview, PREVIEW_SIZE), folder / "template-preview.png"))

    draft = t1_draft(context, ui)
    diff = TemplateDiffDialog(ui, "T1", parent=window)
    diff.resize(*DIFF_SIZE)
    shots.append(shoot(diff, folder / "template-diff.png"))
    shots.append(shoot(PublishDialog(draft, parent=window), folder / "template-publish.png"))
    shots.append(shoot(annotation_dialog(window), folder / "annotation.png"))
    shots += shoot_inspection_scenes(context, window, folder, shoot)
    return shots


SCRATCH_MARKS = (
    Annotation(shape=AnnotationShape.ELLIPSE, x1=0.38, y1=0.55, x2=0.58, y2=0.75),
    Annotation(shape=AnnotationShape.ARROW, x1=0.7, y1=0.1, x2=0.56, y2=0.54, color="#fdd835"),
    Annotation(shape=AnnotationShape.TEXT, x1=0.71, y1=0.03, text="划痕", color="#ffffff"),
)


def annotation_dialog(window: QWidget) -> AnnotationDialog:
    """The annotation tool on the bus photo with its three marks, the ellipse selected."""
    dialog = AnnotationDialog(bus_side_photo(), SCRATCH_MARKS, parent=window)
    dialog.canvas.marks[0].setSelected(True)
    return dialog


RECORDING_SIZE = (1240, 760)
_recorded: dict[int, int] = {}  # id(context) → the scene's inspection, made once for every language


def scene_inspection(context: AppContext, ui: UiContext) -> int:
    """A T1 draft on the first demo bus: eight items answered, T1-1.6 failed with a note and two photos."""
    if id(context) in _recorded:
        return _recorded[id(context)]
    version = context.templates.latest_published(ui.user, "T1")
    bus = context.registry.list(ui.user, RegistryKind.VEHICLES)[0]
    inspection, _ = context.inspections.start(ui.user, template_version_id=version.id, mode=InspectionMode.ONSITE,
                                              subject=SubjectRef(kind=SubjectKind.VEHICLE, id=bus.id))
    codes = [item.code for _, item in version.body.iter_items()]
    failed = "T1-1.6" if "T1-1.6" in codes else codes[5]
    for code in codes[:codes.index(failed)]:
        context.inspections.answer(ui.user, inspection.id, code, AnswerResult.PASS)
    with tempfile.TemporaryDirectory() as folder:
        photos = []
        for index, data in enumerate((bus_side_photo(), bus_side_photo((1200, 900)))):
            path = Path(folder) / f"IMG_20{index}.jpg"
            path.write_bytes(data)
            photos.append(context.photos.ingest(ui.user, path).id)
    context.inspections.answer(ui.user, inspection.id, failed, AnswerResult.FAIL, severity=Severity.SERIOUS,
                               note="车身左侧下部划痕约30厘米,未报修", photo_ids=photos)
    _recorded[id(context)] = inspection.id
    return inspection.id


def shoot_inspection_scenes(context: AppContext, window: QWidget, folder: Path, shoot: Shoot) -> list[Path]:
    """``start-inspection`` and ``recording`` as the demo supervisor sees them."""
    ui = as_supervisor(context)
    start = StartInspectionDialog(ui, window)
    start.search.setText("粤B")
    start.matches.setCurrentRow(0)
    shots = [shoot(start, folder / "start-inspection.png")]
    inspection_id = scene_inspection(context, ui)
    screen = RecordingScreen(ui, inspection_id)
    failed = next(a.item_code for a in context.inspections.get(ui.user, inspection_id).answers
                  if a.result is AnswerResult.FAIL)
    screen.go_to(failed)
    shots.append(shoot(host_dialog(window, screen, RECORDING_SIZE), folder / "recording.png"))
    return shots


# --- rectification notices ------------------------------------------------------------------------
