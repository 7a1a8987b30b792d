"""Screenshot scenes of notices and reports, used by ``tools/screenshots.py`` through
``screenshot_scenes.shoot_template_scenes`` (the same ``shoot`` contract).

- ``notice-create`` and ``notice-followup``: issuing a notice from an inspection with three
  problems, and a follow-up with one problem passed and one failed; the notices page itself shows
  the demo's notices in every state (``prepare_notice_scene``).
- ``reports-lists``: last month's analysis, overdue notices and subjects not inspected, at the foot
  of the reports page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from inspector.context import AppContext
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.scoring import applicable_items
from inspector.domain.templates import ResponseType, Severity, SubjectKind
from inspector.ui.pages.reports import ReportsPage
from inspector.ui.uicontext import UiContext
from screenshot_common import Shoot, as_supervisor, bus_side_photo, host_dialog

NOTICE_SHOTS: tuple[str, ...] = ("notice-create", "notice-followup", "reports-lists")
NOTICE_OFFICE = "wangfang"
CREATE_SIZE = (1060, 600)
NOTICE_SCENE_INSPECTIONS = 200  # every plan of the demo notices (8 inspections each)
FOLLOWUP_SIZE = (820, 760)
REPORTS_LISTS_SIZE = (1060, 760)
_notice_scene: dict[int, tuple[int, int]] = {}  # id(context) → (inspection to notice, notice to follow up)
SCENE_FAILS = (("车身左侧下部划痕约30厘米，未报修", Severity.SERIOUS), ("前挡风玻璃有明显污渍", Severity.GENERAL),
               ("轮毂积泥，未按要求清洗", Severity.GENERAL))


def _signed_in(context: AppContext, username: str) -> UiContext:
    ui = UiContext(app=context)
    ui.sign_in(context.users.by_username(username))
    return ui


def _inspection_with_fails(context: AppContext, ui: UiContext, bus_index: int, count: int, folder: Path) -> int:
    """A completed T1 inspection of a demo bus: ``count`` exterior items failed, each with a photo."""
    version = context.templates.latest_published(ui.user, "T1")
    bus = context.registry.list(ui.user, RegistryKind.VEHICLES)[bus_index]
    inspection, _ = context.inspections.start(ui.user, template_version_id=version.id, mode=InspectionMode.ONSITE,
                                              subject=SubjectRef(kind=SubjectKind.VEHICLE, id=bus.id))
    items = [item for _, item in applicable_items(version.body, staff_role=None)
             if item.response is ResponseType.PASS_FAIL]
    failing = {item.code: SCENE_FAILS[index] for index, item in enumerate(items[1:1 + 2 * count:2])}
    for index, item in enumerate(items):
        if item.code not in failing:
            context.inspections.answer(ui.user, inspection.id, item.code, AnswerResult.PASS)
            continue
        path = folder / f"scene-{bus_index}-{index}.jpg"
        path.write_bytes(bus_side_photo((1200 + 40 * index, 800)))
        photo = context.photos.ingest(ui.user, path)
        note, severity = failing[item.code]
        context.inspections.answer(ui.user, inspection.id, item.code, AnswerResult.FAIL, note=note,
                                   severity=severity, photo_ids=[photo.id])
    context.inspections.complete(ui.user, inspection.id)
    return inspection.id


def prepare_notice_scene(context: AppContext, password: str) -> None:
    """Notices in every state (the demo's own ``add_notices`` over the scene inspections), then one
    inspection with three problems still to notice and one notice waiting for its follow-up."""
    from inspector.demo.inspections import add_inspections
    from inspector.demo.notices import add_notices
    from inspector.demo.reports import add_report_remarks

    if id(context) in _notice_scene:
        return
    with context.services.mutation():  # as the demo does: visits over half a year, then their notices
        add_inspections(context, context.users.by_username("admin"), NOTICE_SCENE_INSPECTIONS)
        add_notices(context, password=password, inspections=NOTICE_SCENE_INSPECTIONS)
        add_report_remarks(context)  # last month's analysis, shown by reports-lists
    supervisor = as_supervisor(context)
    office = _signed_in(context, NOTICE_OFFICE)
    with tempfile.TemporaryDirectory() as folder:
        to_notice = _inspection_with_fails(context, supervisor, 1, 3, Path(folder))
        to_follow = _inspection_with_fails(context, supervisor, 2, 2, Path(folder))
    draft = context.notices.drafts(office.user, to_follow, every_open=True)[0]  # both problems, by choice
    notice, _ = context.notices.issue(office.user, draft)
    _notice_scene[id(context)] = (to_notice, notice.id)


def prepare_notices_page(page: Any) -> None:
    """The notices page with its first row selected (its detail panel filled)."""
    page.table.selectRow(0)


def shoot_notice_scenes(context: AppContext, window: QWidget, folder: Path, shoot: Shoot) -> list[Path]:
    """``notice-create`` (the office issuing from an inspection) and ``notice-followup`` (a supervisor
    checking a notice: one problem passed, one failed with a note), then ``reports-lists`` as the office sees it."""
    from inspector.ui.dialogs.notice_create import CreateNoticeDialog
    from inspector.ui.dialogs.notice_followup import FollowUpDialog

    to_notice, to_follow = _notice_scene[id(context)]
    office = _signed_in(context, NOTICE_OFFICE)
    create = CreateNoticeDialog(office, to_notice, window)
    create.editors[0].set_measure(0, "三个工作日内完成补漆，报送整改前后照片。")
    create.resize(*CREATE_SIZE)
    shots = [shoot(create, folder / "notice-create.png")]
    supervisor = as_supervisor(context)
    followup = FollowUpDialog(supervisor, context.notices.get(supervisor.user, to_follow), window)
    first, second = followup.checks[:2]
    first.passed.setChecked(True)
    first.note.setText("已补漆，颜色一致")
    second.failed.setChecked(True)
    second.note.setText("玻璃仍有污渍")
    followup.resize(*FOLLOWUP_SIZE)
    shots.append(shoot(followup, folder / "notice-followup.png"))
    reports = ReportsPage(office)
    host = host_dialog(window, reports, REPORTS_LISTS_SIZE)
    reports.set_scope(reports.month.itemData(1))  # last month: the demo office has written its analysis
    host.show()  # laid out, so that the page can scroll to its lists before the shot
    QApplication.processEvents()
    reports.scroll.verticalScrollBar().setValue(reports.remarks.y())
    shots.append(shoot(host, folder / "reports-lists.png"))
    return shots
