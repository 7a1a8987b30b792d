"""Screenshot scenes of the field ⇄ office exchange (#20), used by ``tools/screenshots.py``.

Prepared once before any language is shot (``prepare_exchange_scene``): the demo folder is the
quality office (named 质量办); it exports the files for zhangwei's and lina's laptops; a fresh laptop folder
beside it joins with zhangwei's file (the office issues him a certificate first), is named 张伟的笔记本, records three inspections and sends
the office two files, of which the office imports only the second (so the first is missing).

- ``exchange-export``: File → 导出交换文件… at the office, zhangwei chosen, the password typed.
- ``exchange-joined``: the summary on the laptop after joining with the office's file.
- ``exchange-summary``: the summary at the office after the laptop's second file, the lost first named.
- ``exchange-status``: Tools → 交换状态… at the office.
- ``exchange-laptop``: the laptop's window on Settings (this data folder) with the status line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from inspector.context import AppContext, open_context
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.scoring import applicable_items
from inspector.domain.templates import ResponseType, SubjectKind
from inspector.ui.dialogs.exchange_export import ExportDialog
from inspector.ui.dialogs.exchange_status import ExchangeStatusDialog
from inspector.ui.dialogs.exchange_summary import ExchangeSummaryDialog
from inspector.ui.uicontext import UiContext
from screenshot_common import Shoot

EXCHANGE_SHOTS: tuple[str, ...] = ("exchange-export", "exchange-joined", "exchange-summary", "exchange-status",
                                   "exchange-laptop")
OFFICE = "wangfang"
SUPERVISOR = "zhangwei"
LAPTOP_NAME = "张伟的笔记本"
LAPTOP_INSPECTIONS = 3


@dataclass
class ExchangeScene:
    laptop: AppContext
    joined: Any  # ImportSummary of the laptop's first import
    received: Any  # ImportSummary of the office's import of the laptop's second file

    def close(self) -> None:
        self.laptop.close()


def _signed_in(context: AppContext, username: str, password: str) -> UiContext:
    ui = UiContext(app=context)
    ui.sign_in(context.users.authenticate(username, password))
    return ui


def _record(laptop: AppContext, ui: UiContext) -> None:
    """A few completed T1 inspections of the first buses, every item passed."""
    template = laptop.templates.latest_published(ui.user, "T1")
    items = [item for _, item in applicable_items(template.body, staff_role=None)
             if item.response is ResponseType.PASS_FAIL]
    buses = laptop.registry.list(ui.user, RegistryKind.VEHICLES)
    now = datetime.now().astimezone().replace(microsecond=0)
    for number in range(LAPTOP_INSPECTIONS):
        inspection, _ = laptop.inspections.start(
            ui.user, template_version_id=template.id, mode=InspectionMode.ONSITE,
            observed_at=now - timedelta(hours=number + 1), subject=SubjectRef(kind=SubjectKind.VEHICLE,
                                                                              id=buses[number].id))
        for item in items:
            laptop.inspections.answer(ui.user, inspection.id, item.code, AnswerResult.PASS)
        laptop.inspections.complete(ui.user, inspection.id)


def prepare_exchange_scene(context: AppContext, work: Path, password: str) -> ExchangeScene:
    """The office's files out, a laptop that joined and reported twice, one file lost (see above)."""
    office = _signed_in(context, OFFICE, password).user
    context.exchange.rename(office, "质量办")  # the demo's office folder has its host's name
    files = work / "exchange"
    files.mkdir(exist_ok=True)
    if context.certificates.certificate_of(context.users.by_username(SUPERVISOR).id) is None:
        context.certificates.issue(office, password, SUPERVISOR, password)  # the demo issues none for him
    for_zhangwei = files / "zhangwei.inspx"
    context.exchange.export_for(office, password, SUPERVISOR, for_zhangwei)
    context.exchange.export_for(office, password, "lina", files / "lina.inspx")
    laptop = open_context(work / "laptop" / "data")
    admin, _ = laptop.users.create_first_admin("admin", "本机管理员", password)
    joined = laptop.exchange.import_file(admin, for_zhangwei)
    supervisor = _signed_in(laptop, SUPERVISOR, password)
    laptop.exchange.rename(supervisor.user, LAPTOP_NAME)
    _record(laptop, supervisor)
    laptop.exchange.export_to_office(supervisor.user, password, files / "laptop-1.inspx")
    laptop.exchange.export_to_office(supervisor.user, password, files / "laptop-2.inspx", everything=True)
    received = context.exchange.import_file(office, files / "laptop-2.inspx")  # the first one is "lost"
    return ExchangeScene(laptop, joined, received)


def shoot_exchange_scenes(context: AppContext, scene: ExchangeScene, window: QWidget, folder: Path, shoot: Shoot,
                          *, password: str, size: QSize, open_window: Callable[[UiContext, QSize], Any],
                          close_window: Callable[[Any], None], save: Callable[[QWidget, Path], Path]) -> list[Path]:
    office = _signed_in(context, OFFICE, password)
    people = [person for person in context.users.list(office.user) if person.active and person.id != office.user.id]
    export = ExportDialog(office, True, office.user.display_name, people, window)
    export.choose_user(SUPERVISOR)
    export.password.setText(password)
    shots = [shoot(export, folder / "exchange-export.png")]
    shots.append(shoot(ExchangeSummaryDialog(scene.joined, window, joined_user=SUPERVISOR),
                       folder / "exchange-joined.png"))
    shots.append(shoot(ExchangeSummaryDialog(scene.received, window), folder / "exchange-summary.png"))
    shots.append(shoot(ExchangeStatusDialog(office, window), folder / "exchange-status.png"))
    laptop_window = open_window(_signed_in(scene.laptop, SUPERVISOR, password), size)
    try:
        laptop_window.go_to("settings")
        laptop_window.exchange.refresh_status()
        shots.append(save(laptop_window, folder / "exchange-laptop.png"))
    finally:
        close_window(laptop_window)
    return shots
