"""The complaints page (投诉与意见): the list with its flags and filters, the detail panel, every step
through its dialog on the real services, refusals shown with nothing saved, the complainant
masked for a manager in every widget, and the buttons each role gets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from inspector.context import AppContext
from inspector.domain.complaints import Channel, ComplaintKind, ComplaintStatus, EventKind, Liability, Opinion
from inspector.domain.users import Role, User
from inspector.ui.dialogs import complaint_new, complaint_steps
from inspector.ui.dialogs.complaint_new import NewComplaintDialog
from inspector.ui.dialogs.complaint_steps import (
    CloseDialog, ExtendDialog, FeedbackDialog, FindingDialog, InvestigateDialog, ResolveDialog, StepDialog,
)
from inspector.ui.models.complaints_model import ComplaintsModel
from inspector.ui.navigation import ALL_STATUSES
from inspector.ui.pages.complaints import ComplaintsPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.complaint_detail import STEP_KEYS
from tests.complaints.world import NAME, PHONE, add_case, complaint_world
from tests.notice_world import CST, NoticeWorld, jpeg


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return complaint_world(context, users, tmp_path)


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The codes of the refusals the dialogs showed (instead of a modal box)."""
    shown: list[str] = []
    for module in (complaint_steps, complaint_new):
        monkeypatch.setattr(module, "show_error", lambda _parent, error: shown.append(error.code))
    return shown


def open_page(qtbot: Any, sign_in: Callable[[User], UiContext], user: User) -> ComplaintsPage:
    page = ComplaintsPage(sign_in(user))
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    return page


def column(page: ComplaintsPage, col: int) -> list[str]:
    return [page.proxy.index(row, col).data() for row in range(page.proxy.rowCount())]


def answer_with(monkeypatch: pytest.MonkeyPatch, dialog_type: type, fill: Callable[[Any], None]) -> list[Any]:
    """Replace ``exec`` of ``dialog_type``: fill the dialog as a person would, press OK once."""
    opened: list[Any] = []

    def run(dialog: Any) -> int:
        opened.append(dialog)
        fill(dialog)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(dialog_type, "exec", run)
    return opened


def texts_of(root: QWidget) -> str:
    """Every text a person could read in ``root``: labels, fields, buttons, combos, cells, tooltips."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found.append(widget.toolTip())
        if isinstance(widget, QLabel):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit):
            found += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QPlainTextEdit):
            found.append(widget.toPlainText())
        elif isinstance(widget, QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(index) for index in range(widget.count())]
    return "\n".join(found)


def model_texts(page: ComplaintsPage) -> str:
    from PySide6.QtCore import Qt

    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return "\n".join(str(page.model.index(row, col).data(role)) for row in range(page.model.rowCount())
                     for col in range(page.model.columnCount()) for role in roles)


# --- the list and the filters -------------------------------------------------------------------
def test_the_list_shows_cases_with_flags_and_the_filters_narrow_it(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    major = add_case(context, world, major=True, severity="serious", behaviour="abuse")
    world.clock.now += timedelta(hours=1)
    enquiry = add_case(context, world, channel="phone", kind="enquiry", order_no="", severity=None, behaviour=None,
                       vehicle="", what="询问8路首班车时间", answered="首班车6:00")
    suggestion = add_case(context, world, channel="website", kind="suggestion", order_no="", severity=None,
                          behaviour=None, what="建议8路增加晚班车次", vehicle="1-0801")
    world.clock.now += timedelta(hours=60)  # the 48 h suggestion is overdue, the 72 h major case due soon
    page = open_page(qtbot, sign_in, world.office)

    assert sorted(column(page, ComplaintsModel.COL_NUMBER)) == sorted([major.number, suggestion.number])  # all open
    assert page.count_label.text() == "2 case(s)"
    row = page.model.row_of(major.id)
    assert page.model.index(row, ComplaintsModel.COL_CHANNEL).data() == "12319 work order"
    assert page.model.index(row, ComplaintsModel.COL_KIND).data() == "Serious complaint · Major (重大)"
    assert page.model.index(page.model.row_of(suggestion.id), ComplaintsModel.COL_KIND).data() == "Suggestion"
    assert page.model.index(row, ComplaintsModel.COL_SUBJECT).data() == major.vehicle_label
    assert page.model.index(row, ComplaintsModel.COL_UNIT).data() == "第一公交总站"
    assert page.model.index(row, ComplaintsModel.COL_STATUS).data() == "Received"
    flags = dict(zip(column(page, ComplaintsModel.COL_NUMBER), column(page, ComplaintsModel.COL_FLAGS)))
    assert flags[major.number] == "Due soon · Department's feedback overdue · Report to the leader at once"
    assert flags[suggestion.number].startswith("Overdue")

    page.set_filter(status=ALL_STATUSES)
    assert len(page.cases()) == 3
    page.set_filter(status=ALL_STATUSES, kind=ComplaintKind.ENQUIRY)
    assert [case.number for case in page.cases()] == [enquiry.number]
    assert column(page, ComplaintsModel.COL_STATUS) == ["Closed"]
    page.set_filter(status=ALL_STATUSES, channel=Channel.WEBSITE)
    assert [case.number for case in page.cases()] == [suggestion.number]
    page.set_filter(status=ALL_STATUSES, overdue=True)
    assert [case.number for case in page.cases()] == [suggestion.number]
    page.set_filter(status=ALL_STATUSES, text="首班车")
    assert [case.number for case in page.cases()] == [enquiry.number]
    assert page.detail.number.text() == enquiry.number  # one found: shown at once
    page.set_filter(status=ALL_STATUSES, text="nothing like this")
    assert page.cases() == [] and page.empty.text() == "No case matches these filters."
    page.set_filter(status=ComplaintStatus.CLOSED.value, text="")
    assert [case.number for case in page.cases()] == [enquiry.number]


def test_the_page_before_any_case_says_how_to_begin(
        qtbot: Any, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    page = open_page(qtbot, sign_in, world.office)
    assert page.stack.currentWidget() is page.empty and "New case…" in page.empty.text()


# --- the detail panel ----------------------------------------------------------------------------
def test_the_detail_panel_shows_intake_complainant_and_steps(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="询问司机及两名乘客")
    page = open_page(qtbot, sign_in, world.office)
    assert page.select(case.id)
    detail = page.detail
    assert detail.number.text() == case.number
    assert "Under investigation" in detail.state.text()
    facts = texts_of(detail)
    assert "12319 work order 12319-20261116-007" in facts
    assert "General complaint" in facts and "Kind" in facts
    assert "Non-standard service, careless work, a curt manner" in facts
    assert f"{NAME} {PHONE}" in facts  # the quality office sees the complainant in full
    assert "2026-11-18 09:30" in facts  # due: 48 hours after intake
    assert "火车站" in facts and "司机态度生硬" in detail.what.text()
    assert "Intake by" in detail.timeline.text() and "Notes: 询问司机及两名乘客" in detail.timeline.text()
    enabled = {key for key in STEP_KEYS if detail.buttons[key].isEnabled()}
    assert enabled == {"investigate", "resolve", "extend"}
    assert detail.read_only.isHidden()


# --- every step through its dialog -----------------------------------------------------------------
def test_a_new_case_through_the_dialog_then_every_step_to_its_close(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, world: NoticeWorld,
        sign_in: Callable[[User], UiContext], errors_shown: list[str]) -> None:
    page = open_page(qtbot, sign_in, world.office)

    def intake(dialog: NewComplaintDialog) -> None:
        assert dialog.order_no.isEnabled() and dialog.severity.isEnabled()
        dialog.order_no.setText("12319-20261116-009")
        dialog.severity.setCurrentIndex(dialog.severity.findData("general"))
        dialog.behaviour.setCurrentIndex(dialog.behaviour.findData("inattentive"))
        dialog.event_known.setChecked(True)
        dialog.event_at.setDateTime(dialog.received.dateTime().addSecs(-3600))
        dialog.place.setText("火车站")
        dialog.vehicle.setText("粤A12345")
        dialog.what.setPlainText("乘客询问换乘，驾驶员不耐烦")
        dialog.name.setText(NAME)
        dialog.phone.setText(PHONE)

    answer_with(monkeypatch, NewComplaintDialog, intake)
    case = page.new_case()
    assert case is not None and errors_shown == []
    assert page.detail.number.text() == case.number and f"{case.number} registered." in page.detail.message.text()
    stored = context.complaints.get(world.office, case.id)
    assert stored.intake.behaviour == "inattentive" and stored.intake.vehicle_id is not None
    assert stored.intake.complainant_phone == PHONE and stored.intake.event_at is not None

    photo = jpeg(world.folder, 3)

    def investigate(dialog: InvestigateDialog) -> None:
        dialog.notes.setPlainText("调阅车载视频，询问当事司机")
        dialog.statement.setPlainText("本人当时态度不好，愿意道歉")
        dialog.photos.add_files([photo])
        qtbot.waitUntil(lambda: not dialog.photos.busy, timeout=10_000)
        assert dialog.photos.list.count() == 1

    answer_with(monkeypatch, InvestigateDialog, investigate)
    assert page.detail.run_step(InvestigateDialog)
    stored = context.complaints.get(world.office, case.id)
    assert stored.status is ComplaintStatus.INVESTIGATING and stored.events[-1].data["photos"] == 1
    assert "1 photo(s) or scan(s)" in page.detail.timeline.text()
    assert page.detail.buttons["resolve"].isEnabled()

    def resolve(dialog: ResolveDialog) -> None:
        dialog.liable.setChecked(True)
        dialog.measures.setPlainText("对驾驶员进行服务规范培训，扣当月服务分")
        dialog.apology.setChecked(True)
        assert dialog.finding.choose("N1-1")

    answer_with(monkeypatch, ResolveDialog, resolve)
    assert page.detail.run_step(ResolveDialog)
    stored = context.complaints.get(world.office, case.id)
    assert stored.status is ComplaintStatus.RESOLVED and stored.liability is Liability.LIABLE
    assert len(stored.finding_ids) == 1 and not page.detail.buttons["finding"].isEnabled()
    assert "Measures: 对驾驶员进行服务规范培训" in page.detail.timeline.text()

    def feedback(dialog: FeedbackDialog) -> None:
        dialog.opinions[Opinion.BASICALLY].setChecked(True)
        dialog.note.setPlainText("电话告知处理结果")

    answer_with(monkeypatch, FeedbackDialog, feedback)
    assert page.detail.run_step(FeedbackDialog)
    assert context.complaints.get(world.office, case.id).status is ComplaintStatus.ANSWERED
    assert {key for key in STEP_KEYS if page.detail.buttons[key].isEnabled()} == {"close", "extend"}

    answer_with(monkeypatch, CloseDialog, lambda dialog: dialog.note.setPlainText("销号"))
    assert page.detail.run_step(CloseDialog)
    assert context.complaints.get(world.office, case.id).status is ComplaintStatus.CLOSED
    assert not any(page.detail.buttons[key].isEnabled() for key in STEP_KEYS)
    assert errors_shown == []


def test_an_unsatisfied_complainant_reopens_the_case_and_the_result_waits_for_a_new_investigation(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, world: NoticeWorld,
        sign_in: Callable[[User], UiContext], errors_shown: list[str]) -> None:
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="询问")
    context.complaints.resolve(world.office, case.id, liability="not_liable", measures="解释说明")
    page = open_page(qtbot, sign_in, world.office)
    page.select(case.id)
    answer_with(monkeypatch, FeedbackDialog, lambda dialog: dialog.opinions[Opinion.UNSATISFIED].setChecked(True))
    assert page.detail.run_step(FeedbackDialog)
    stored = context.complaints.get(world.office, case.id)
    assert stored.status is ComplaintStatus.INVESTIGATING and stored.round == 2
    assert "round 2" in page.detail.state.text() and "Second remedy" in page.detail.state.text()
    assert "reopened for a second remedy" in page.detail.timeline.text()
    assert not page.detail.buttons["resolve"].isEnabled() and page.detail.buttons["investigate"].isEnabled()
    assert not page.detail.buttons["finding"].isEnabled()  # not liable


def test_an_extension_needs_its_reason_and_a_refusal_saves_nothing(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, world: NoticeWorld,
        sign_in: Callable[[User], UiContext], errors_shown: list[str]) -> None:
    case = add_case(context, world, major=True)
    page = open_page(qtbot, sign_in, world.office)
    page.select(case.id)
    opened = answer_with(monkeypatch, ExtendDialog, lambda dialog: None)  # no reason written
    assert not page.detail.run_step(ExtendDialog)
    assert errors_shown == ["complaint_extension_reason"] and opened[0].isVisible() is False
    assert len(context.complaints.get(world.office, case.id).events) == 1  # the intake alone

    def extend(dialog: ExtendDialog) -> None:
        dialog.until.setDateTime(dialog.until.dateTime().addDays(1))
        dialog.reason.setPlainText("当事司机休假至11月21日")

    answer_with(monkeypatch, ExtendDialog, extend)
    assert page.detail.run_step(ExtendDialog)
    stored = context.complaints.get(world.office, case.id)
    assert stored.extended and stored.due_at == datetime(2026, 11, 21, 9, 30, tzinfo=CST)
    assert "(extended)" in texts_of(page.detail) and "当事司机休假" in page.detail.timeline.text()


def test_a_result_refused_by_the_service_is_shown_and_nothing_is_saved(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, world: NoticeWorld,
        sign_in: Callable[[User], UiContext], errors_shown: list[str]) -> None:
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="询问")
    page = open_page(qtbot, sign_in, world.office)
    page.select(case.id)
    opened = answer_with(monkeypatch, ResolveDialog, lambda dialog: dialog.finding.choose("N1-1"))  # no measures
    assert not page.detail.run_step(ResolveDialog)
    assert errors_shown == ["complaint_measures_required"]
    assert opened[0].result() != StepDialog.DialogCode.Accepted
    stored = context.complaints.get(world.office, case.id)
    assert stored.status is ComplaintStatus.INVESTIGATING and stored.finding_ids == ()
    assert [event.kind for event in stored.events] == [EventKind.INTAKE, EventKind.INVESTIGATION]


def test_a_finding_made_afterwards_on_a_liable_case(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, world: NoticeWorld,
        sign_in: Callable[[User], UiContext], errors_shown: list[str]) -> None:
    from inspector.services.photos import EVIDENCE_DERIVATIVES, prepare_file

    case = add_case(context, world)
    photo = prepare_file(jpeg(world.folder, 4), EVIDENCE_DERIVATIVES, limit_bytes=50 * 2**20)
    context.complaints.investigate(world.office, case.id, notes="询问", photos=[photo])
    context.complaints.resolve(world.office, case.id, liability="liable", measures="批评教育")
    page = open_page(qtbot, sign_in, world.office)
    page.select(case.id)
    assert page.detail.buttons["finding"].isEnabled()

    def choose(dialog: FindingDialog) -> None:
        assert not dialog.ok_button.isEnabled()  # nothing chosen yet
        dialog.finding.choose("N1-1")

    answer_with(monkeypatch, FindingDialog, choose)
    assert page.detail.run_step(FindingDialog)
    assert len(context.complaints.get(world.office, case.id).finding_ids) == 1
    assert "Item N1-1: finding #" in page.detail.timeline.text()


def test_an_unknown_plate_is_refused_with_the_closest_as_buttons_and_nothing_is_saved(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, world: NoticeWorld,
        sign_in: Callable[[User], UiContext], errors_shown: list[str]) -> None:
    ui = sign_in(world.office)
    dialog = NewComplaintDialog(ui)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.order_no.setText("12319-20261116-010")
    dialog.vehicle.setText("粤A12346")
    dialog.what.setPlainText("司机急刹车")
    dialog.ok_button.click()
    assert errors_shown == ["complaint_vehicle_unknown"]
    assert dialog.isVisible() and dialog.case is None
    assert context.complaints.list(world.office) == []
    assert dialog.vehicle_suggestions.isVisible()
    assert [button.text() for button in dialog.vehicle_suggestions.buttons] == ["粤A·12345"]
    dialog.vehicle_suggestions.buttons[0].click()
    assert dialog.vehicle.text() == "粤A·12345" and not dialog.vehicle_suggestions.isVisible()
    dialog.staff.setText("D0124")
    dialog.ok_button.click()
    assert errors_shown[-1] == "complaint_staff_unknown" and dialog.case is None
    assert [button.text() for button in dialog.staff_suggestions.buttons] == ["D0123"]
    dialog.staff_suggestions.buttons[0].click()
    dialog.ok_button.click()
    assert dialog.case is not None and [case.number for case in context.complaints.list(world.office)] == [
        dialog.case.number]


def test_a_time_in_the_future_and_a_missing_order_number_are_refused(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
        errors_shown: list[str]) -> None:
    dialog = NewComplaintDialog(sign_in(world.office))
    qtbot.addWidget(dialog)
    dialog.what.setPlainText("司机急刹车")
    dialog.ok_button.click()
    dialog.order_no.setText("12319-1")
    dialog.received.setDateTime(dialog.received.dateTime().addDays(1))
    dialog.ok_button.click()
    assert errors_shown == ["complaint_order_no_required", "complaint_time_future"]
    assert context.complaints.list(world.office) == []


def test_an_enquiry_answered_on_the_spot_closes_at_once(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext],
        errors_shown: list[str]) -> None:
    dialog = NewComplaintDialog(sign_in(world.office))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.answered_on_spot.isVisible()
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.PHONE.value))
    dialog.kind.setCurrentIndex(dialog.kind.findData(ComplaintKind.ENQUIRY.value))
    assert not dialog.order_no.isEnabled() and not dialog.severity.isEnabled()
    assert dialog.answered_on_spot.isVisible() and not dialog.answer_box.isVisible()
    dialog.answered_on_spot.setChecked(True)
    dialog.answer.setPlainText("首班车6:00发车")
    dialog.what.setPlainText("询问8路首班车时间")
    dialog.ok_button.click()
    assert errors_shown == [] and dialog.case is not None
    assert dialog.case.status is ComplaintStatus.CLOSED and dialog.case.intake.severity is None


def test_the_behaviours_offered_follow_the_severity(
        qtbot: Any, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    dialog = NewComplaintDialog(sign_in(world.office))
    qtbot.addWidget(dialog)
    general = [dialog.behaviour.itemData(index) for index in range(1, dialog.behaviour.count())]
    dialog.severity.setCurrentIndex(dialog.severity.findData("serious"))
    serious = [dialog.behaviour.itemData(index) for index in range(1, dialog.behaviour.count())]
    assert "nonstandard" in general and "abuse" not in general
    assert "abuse" in serious and "nonstandard" not in serious


# --- roles and masking ---------------------------------------------------------------------------
def test_a_manager_reads_their_units_cases_masked_and_without_steps(
        qtbot: Any, context: AppContext, world: NoticeWorld, admin: User,
        sign_in: Callable[[User], UiContext]) -> None:
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="询问")
    manager, _ = context.users.create(admin, username="mgrd01", display_name="赵站长", role=Role.MANAGER,
                                      password="secret-pass", unit_id=world.unit_id)
    page = open_page(qtbot, sign_in, manager)
    assert [shown.number for shown in page.cases()] == [case.number]
    assert page.select(case.id)
    shown = texts_of(page) + model_texts(page)
    assert PHONE not in shown and NAME not in shown
    assert "138****1234" in shown and "王**" in shown
    assert page.new_button.isHidden()
    assert all(page.detail.buttons[key].isHidden() for key in STEP_KEYS)
    assert page.detail.read_only.isVisible()


def test_a_manager_of_another_unit_sees_none_and_a_supervisor_reads_all_masked(
        qtbot: Any, context: AppContext, world: NoticeWorld, admin: User,
        sign_in: Callable[[User], UiContext]) -> None:
    from inspector.domain.registry import RegistryKind

    case = add_case(context, world)
    other, _ = context.registry.add(world.office, RegistryKind.UNITS, {"code": "D02", "name": "第二总站"})
    stranger, _ = context.users.create(admin, username="mgrd02", display_name="钱站长", role=Role.MANAGER,
                                       password="secret-pass", unit_id=other.id)
    page = open_page(qtbot, sign_in, stranger)
    assert page.cases() == [] and page.stack.currentWidget() is page.empty
    for reader in (world.sup, world.admin):
        page = open_page(qtbot, sign_in, reader)
        assert page.select(case.id)
        shown = texts_of(page) + model_texts(page)
        assert PHONE not in shown and "138****1234" in shown
        assert page.new_button.isHidden() and page.detail.read_only.isVisible()


def test_the_office_gets_new_case_and_the_steps(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    add_case(context, world)
    page = open_page(qtbot, sign_in, world.office)
    page.table.selectRow(0)
    assert page.new_button.isVisible() and not page.detail.read_only.isVisible()
    assert all(page.detail.buttons[key].isVisible() for key in STEP_KEYS)


def test_the_page_follows_a_language_switch(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    from inspector.ui.language import apply_language

    case = add_case(context, world)
    page = open_page(qtbot, sign_in, world.office)
    page.select(case.id)
    assert apply_language("zh_CN")
    page.retranslate()
    assert page.new_button.text() != "New case…"
    assert page.model.index(0, ComplaintsModel.COL_CHANNEL).data() != "12319 work order"
    assert page.detail.number.text() == case.number


def test_on_a_narrow_table_channel_and_unit_give_way_and_the_flags_stay_in_sight(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    add_case(context, world, major=True, severity="serious", behaviour="abuse")
    world.clock.now += timedelta(hours=30)  # department overdue, report to the leader
    page = open_page(qtbot, sign_in, world.office)
    page.resize(1900, 720)
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(ComplaintsModel.COL_CHANNEL))
    assert not page.table.isColumnHidden(ComplaintsModel.COL_UNIT)
    page.resize(900, 720)
    qtbot.waitUntil(lambda: page.table.isColumnHidden(ComplaintsModel.COL_CHANNEL))
    header = page.table.horizontalHeader()
    flags = ComplaintsModel.COL_FLAGS
    assert header.sectionViewportPosition(flags) + 100 <= page.table.viewport().width()  # a chip is in sight
    assert page.table.horizontalScrollBar().maximum() == 0  # nothing hidden sideways
    assert page.model.index(0, ComplaintsModel.COL_CHANNEL).data() == "12319 work order"  # still in the model


def test_on_a_laptop_wide_table_the_kind_and_status_are_shown_whole(
        qtbot: Any, context: AppContext, world: NoticeWorld, sign_in: Callable[[User], UiContext]) -> None:
    """Seen in the English window at 1366×768: "Report · General co…" and "Resolved, not yet f…"
    were cut at 150 px while the flags column had room to spare; now only a rare long kind
    ("Serious complaint · Major") gives way, never the state the office acts on."""
    add_case(context, world, major=True, severity="serious", behaviour="abuse")
    case = add_case(context, world)
    context.complaints.investigate(world.office, case.id, notes="询问")
    context.complaints.resolve(world.office, case.id, liability="not_liable", measures="解释说明")
    page = open_page(qtbot, sign_in, world.office)
    page.resize(1150, 600)  # the page's width beside the navigation at 1366
    qtbot.waitUntil(lambda: page.table.viewport().width() > 700)
    statuses = column(page, ComplaintsModel.COL_STATUS)
    assert any(len(text) > 20 for text in statuses), statuses  # "Resolved, not yet fed back"
    needed = page.table.sizeHintForColumn(ComplaintsModel.COL_STATUS)
    qtbot.waitUntil(lambda: page.table.columnWidth(ComplaintsModel.COL_STATUS) >= needed)
    general = page.table.fontMetrics().horizontalAdvance("General complaint") + 12
    assert page.table.columnWidth(ComplaintsModel.COL_KIND) >= general
