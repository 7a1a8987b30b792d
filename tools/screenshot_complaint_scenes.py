"""Screenshot scenes of the complaints register (投诉与意见), used by ``tools/screenshots.py`` (the
same ``shoot`` contract as ``screenshot_scenes.py``); the demo's 14 cases are the data.

- ``complaints-office``: the page as the quality office (``wangfang``) sees it — the complainant in
  full, "New case…" and the steps — on the case that has come furthest (the most steps).
- ``complaints-manager``: the page as the demo depot's manager (``liuyang``) sees it: their unit's
  cases only, the complainant masked, read only.
- ``complaint-new``: the new-case dialog (登记) filled in for a 12319 work order, as the duty
  officer would before pressing Register (nothing is saved).
- ``complaint-result``: the result dialog (处理结果) of a case under investigation, liable, with the
  measures and the apology.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from inspector.context import AppContext
from inspector.domain.complaints import ComplaintStatus
from inspector.domain.registry import RegistryKind
from inspector.ui.uicontext import UiContext
from screenshot_common import Shoot

COMPLAINT_SHOTS: tuple[str, ...] = ("complaints-office", "complaints-manager", "complaint-new", "complaint-result")
COMPLAINT_OFFICE = "wangfang"
COMPLAINT_MANAGER = "liuyang"
NEW_SIZE = (900, 540)
RESULT_SIZE = (660, 440)


_prepared: set[int] = set()  # id(context) of the data folders that have the demo's cases


def prepare_complaint_scene(context: AppContext) -> None:
    """The demo's cases in every state (the screenshot folder is made without inspections, which
    is when ``create_demo`` leaves them out)."""
    from inspector.demo.complaints import add_complaints

    if id(context) in _prepared or context.complaints.list(context.users.by_username(COMPLAINT_OFFICE), limit=1):
        return
    with context.services.mutation():
        add_complaints(context)
    _prepared.add(id(context))


def _signed_in(context: AppContext, username: str) -> UiContext:
    ui = UiContext(app=context)
    ui.sign_in(context.users.by_username(username))
    return ui


def prepare_complaints_page(page: Any) -> None:
    """The page on every case; selected, the open case with the most flags, then the most steps
    (its chips, its timeline and the steps still to take are the story)."""
    from inspector.ui.navigation import ALL_STATUSES

    page.set_filter(status=ALL_STATUSES, text="")
    service, user = page.ui.app.complaints, page.ui.user
    open_cases = [case for case in page.cases() if case.is_open]
    if open_cases:
        chosen = max(open_cases, key=lambda case: (len(service.flags(case)), len(service.get(user, case.id).events),
                                                   case.number))
        page.select(chosen.id)


def shoot_complaint_scenes(context: AppContext, folder: Path, shoot: Shoot, *, size: Any, open_window: Any,
                           close_window: Any, save: Any, parent: QWidget) -> list[Path]:
    from inspector.ui.dialogs.complaint_new import NewComplaintDialog
    from inspector.ui.dialogs.complaint_steps import ResolveDialog

    shots: list[Path] = []
    for username, name in ((COMPLAINT_OFFICE, "complaints-office"), (COMPLAINT_MANAGER, "complaints-manager")):
        window = open_window(_signed_in(context, username), size)
        try:
            prepare_complaints_page(window.go_to("complaints"))
            shots.append(save(window, folder / f"{name}.png"))
        finally:
            close_window(window)
    office = _signed_in(context, COMPLAINT_OFFICE)
    new = NewComplaintDialog(office, parent)
    new.order_no.setText("12319-20261207-031")
    new.severity.setCurrentIndex(new.severity.findData("general"))
    new.behaviour.setCurrentIndex(new.behaviour.findData("nonstandard"))
    new.event_known.setChecked(True)
    new.event_at.setDateTime(new.received.dateTime().addSecs(-2 * 3600))
    new.place.setText("火车站公交枢纽")
    vehicles = context.registry.list(office.user, RegistryKind.VEHICLES)
    if vehicles:
        new.vehicle.setText(vehicles[0].plate)
    new.what.setPlainText("乘客反映驾驶员到站未等乘客下车完毕即关门起步，态度生硬。")
    new.name.setText("王先生")
    new.phone.setText("13812341234")
    new.resize(*NEW_SIZE)
    shots.append(shoot(new, folder / "complaint-new.png"))
    investigating = context.complaints.list(office.user, statuses=[ComplaintStatus.INVESTIGATING])
    case = context.complaints.get(office.user, (investigating or context.complaints.list(office.user))[0].id)
    result = ResolveDialog(office, case, parent)
    result.measures.setPlainText("对当事驾驶员进行服务规范再培训，扣当月服务考核分。")
    result.apology.setChecked(True)
    result.resize(*RESULT_SIZE)
    shots.append(shoot(result, folder / "complaint-result.png"))
    return shots
