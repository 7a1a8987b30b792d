"""Complaints and passenger feedback (投诉与旅客意见): channels, kinds, severity, the procedure as
append-only events, the limits and the flags, and the masking of the complainant.

The procedure follows the customer's regulation (F2·2 「公交服务质量监督管理规范」):
「第一步,投诉受理阶段」 → 「第二步,调查解决阶段」 → 「第三步,反馈处理结果并征求意见」, then 销号.
Limits: 「一般性投诉不超过48小时;重大投诉不超过72小时,无法结案或需延长时间必须说明理由」;
the department or depot 「要在24小时内,将处置过程和结果书面或电话反馈给安全服务监察部」; the
rural-bus rule (F2·1) 「在7个工作日内答复处理」. An unsatisfied complainant gets 「“二次补救”措施」
(F1·1): the case reopens.

A complaint's intake never changes; every later step is an event appended after it. Where the case
stands (``ComplaintState``) is derived from the intake and its events by ``replay``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from inspector.domain.complaint_limits import ComplaintLimits  # defined apart (the settings need it alone)
from inspector.domain.deadlines import CalendarOverrides, add_working_days

COMPLAINT_PREFIX = "TS"
NUMBER_PATTERN = re.compile(r"^TS-(\d{4})-(\d{2})-(\d{4,})$")


class Channel(StrEnum):
    HOTLINE_12319 = "hotline_12319"  # the city hotline centre's 电子处理单 (has an order number)
    PHONE = "phone"  # 来电
    LETTER = "letter"  # 来信
    VISIT = "visit"  # 来人来访
    WEBSITE = "website"  # 网站留言板
    COMMENT_BOOK = "comment_book"  # 旅客意见簿
    SURVEY = "survey"  # 随车调查表


class ComplaintKind(StrEnum):
    ENQUIRY = "enquiry"  # 咨询: 「一般咨询由值班人员即时解答」
    COMPLAINT = "complaint"  # 投诉
    REPORT = "report"  # 举报
    SUGGESTION = "suggestion"  # 建议


class ComplaintSeverity(StrEnum):
    GENERAL = "general"  # 一般投诉
    SERIOUS = "serious"  # 严重投诉


class Behaviour(StrEnum):
    """The behaviours the regulation lists for each severity (「乘客投诉定性标准」)."""

    # 一般投诉
    NONSTANDARD = "nonstandard"  # 服务不规范,工作不认真,态度生硬
    INATTENTIVE = "inattentive"  # 照顾不周到,解答不耐心,不虚心听取乘客意见
    NO_APOLOGY = "no_apology"  # 因工作失误,失礼不道歉
    RULES_NOT_FOLLOWED = "rules_not_followed"  # 处理违章乘车行为不按章办事
    UNRELATED_WORK = "unrelated_work"  # 工作中做与工作无关的事,引发乘客投诉
    # 严重投诉
    DISCIPLINE = "discipline"  # 严重违反服务纪律或因不履行工作职责,引发服务矛盾
    ABUSE = "abuse"  # 歧视、漫骂乘客,造成严重后果
    ESCALATION = "escalation"  # 因接待、处理失当,致使矛盾激化,造成乘客投诉
    PRESS = "press"  # 新闻批评属实,造成乘客投诉 / 在社会上造成一定影响


BEHAVIOURS: dict[ComplaintSeverity, tuple[Behaviour, ...]] = {
    ComplaintSeverity.GENERAL: (Behaviour.NONSTANDARD, Behaviour.INATTENTIVE, Behaviour.NO_APOLOGY,
                                Behaviour.RULES_NOT_FOLLOWED, Behaviour.UNRELATED_WORK),
    ComplaintSeverity.SERIOUS: (Behaviour.DISCIPLINE, Behaviour.ABUSE, Behaviour.ESCALATION, Behaviour.PRESS),
}


class ComplaintStatus(StrEnum):
    RECEIVED = "received"  # 已受理
    INVESTIGATING = "investigating"  # 调查中 (also after a reopening, 二次补救)
    RESOLVED = "resolved"  # 已处理: the result is recorded, the complainant not yet told
    ANSWERED = "answered"  # 已反馈: the complainant was told and was (basically) satisfied
    CLOSED = "closed"  # 已销号


OPEN_STATUSES = frozenset({ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING, ComplaintStatus.RESOLVED,
                           ComplaintStatus.ANSWERED})


class Liability(StrEnum):
    LIABLE = "liable"  # 有责
    NOT_LIABLE = "not_liable"  # 无责


class Opinion(StrEnum):
    SATISFIED = "satisfied"  # 满意
    BASICALLY = "basically"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意


class EventKind(StrEnum):
    INTAKE = "intake"
    ANSWERED_ON_SPOT = "answered_on_spot"  # an enquiry answered at once: closes the case
    INVESTIGATION = "investigation"
    RESULT = "result"
    FEEDBACK = "feedback"
    EXTENSION = "extension"
    FINDING = "finding"  # a finding on the responsible unit was made from the case
    CLOSED = "closed"


class ComplaintFlag(StrEnum):
    OVERDUE = "overdue"  # open past its limit
    DUE_SOON = "due_soon"  # open, the limit within the due-soon window
    DEPARTMENT_OVERDUE = "department_overdue"  # no result 24 h after intake
    LATE = "late"  # closed after its limit
    REPORT_TO_LEADER = "report_to_leader"  # 「投诉事件严重、紧急……应立即报告领导」; 「凡受理重大事件……上报公司领导」
    SECOND_REMEDY = "second_remedy"  # reopened after an unsatisfied feedback


class Intake(BaseModel):
    """What the duty officer records at 受理 (「了解投诉事件的时间、地点、线路、车号或证号并将事情经过记录清楚」)."""

    model_config = ConfigDict(frozen=True)

    channel: Channel
    kind: ComplaintKind
    order_no: str = ""  # the 12319 electronic work order's number
    severity: ComplaintSeverity | None = None  # complaints only
    behaviour: Behaviour | None = None
    major: bool = False  # 重大
    urgent: bool = False  # 紧急 / 上级部门有特殊要求
    rural: bool = False  # a rural route: 7 working days
    received_at: datetime
    event_at: datetime | None = None
    place: str = ""
    route: str = ""
    vehicle_id: int | None = None
    staff_id: int | None = None
    unit_id: int | None = None  # the vehicle's or the staff member's unit
    what: str
    complainant_name: str = ""
    complainant_phone: str = ""


class Event(BaseModel):
    model_config = ConfigDict(frozen=True)

    seq: int
    kind: EventKind
    at: datetime
    by: int
    by_name: str = ""
    data: dict = Field(default_factory=dict)


class Complaint(BaseModel):
    """One case as a reader sees it: the intake (masked for who may not see the complainant), where
    it stands, its limits and its events."""

    model_config = ConfigDict(frozen=True)

    id: int
    number: str
    intake: Intake
    taken_by: int
    taken_by_name: str = ""
    vehicle_label: str = ""
    staff_label: str = ""
    unit_name: str = ""
    status: ComplaintStatus
    round: int = 1  # 2 and more: 二次补救
    due_at: datetime
    department_due_at: datetime | None = None
    extended: bool = False
    liability: Liability | None = None
    opinion: Opinion | None = None
    result_at: datetime | None = None
    closed_at: datetime | None = None
    finding_ids: tuple[int, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def flags(self, now: datetime, limits: ComplaintLimits) -> frozenset[ComplaintFlag]:
        return complaint_flags(self, now, limits)


# --- limits -------------------------------------------------------------------------------------

def end_of_day(day: date, like: datetime) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=like.tzinfo)


def due_from(start: datetime, intake: Intake, limits: ComplaintLimits,
             overrides: CalendarOverrides) -> datetime:
    """When the case must be concluded, counted from ``start`` (the intake, or a reopening).

    Rural routes: the end of the ``rural_working_days``-th working day after the day of ``start``
    (holidays skipped, 调休 counted, via chinese-calendar). Otherwise clock hours: 48 h, or 72 h
    for a major (重大) case, over nights and weekends alike — the regulation counts hours."""
    if intake.rural:
        day, _ = add_working_days(start.date(), limits.rural_working_days, overrides)
        return end_of_day(day, start)
    hours = limits.major_hours if intake.major else limits.ordinary_hours
    return start + timedelta(hours=hours)


def needs_department(intake: Intake) -> bool:
    """A complaint, report or suggestion that concerns a unit goes to it for 24-hour feedback."""
    return intake.kind is not ComplaintKind.ENQUIRY and intake.unit_id is not None


def report_to_leader(intake: Intake) -> bool:
    return intake.major or intake.urgent or intake.severity is ComplaintSeverity.SERIOUS


def complaint_flags(case: Complaint, now: datetime, limits: ComplaintLimits) -> frozenset[ComplaintFlag]:
    found: set[ComplaintFlag] = set()
    if case.is_open:
        if now > case.due_at:
            found.add(ComplaintFlag.OVERDUE)
        elif case.due_at - now <= timedelta(hours=limits.due_soon_hours):
            found.add(ComplaintFlag.DUE_SOON)
        if (case.department_due_at is not None and case.result_at is None and now > case.department_due_at):
            found.add(ComplaintFlag.DEPARTMENT_OVERDUE)
        if report_to_leader(case.intake):
            found.add(ComplaintFlag.REPORT_TO_LEADER)
    elif case.closed_at is not None and case.closed_at > case.due_at:
        found.add(ComplaintFlag.LATE)
    if case.round > 1:
        found.add(ComplaintFlag.SECOND_REMEDY)
    return frozenset(found)


# --- the procedure ------------------------------------------------------------------------------

class ComplaintState(BaseModel):
    """Where a case stands after its events (the columns of ``complaint_state``)."""

    model_config = ConfigDict(frozen=True)

    status: ComplaintStatus
    round: int = 1
    due_at: datetime
    department_due_at: datetime | None = None
    extended: bool = False
    investigated: bool = False  # an investigation in this round
    liability: Liability | None = None
    opinion: Opinion | None = None
    result_at: datetime | None = None
    closed_at: datetime | None = None


def initial_state(intake: Intake, limits: ComplaintLimits, overrides: CalendarOverrides) -> ComplaintState:
    department = (intake.received_at + timedelta(hours=limits.department_hours)
                  if needs_department(intake) else None)
    return ComplaintState(status=ComplaintStatus.RECEIVED, due_at=due_from(intake.received_at, intake, limits,
                                                                          overrides),
                          department_due_at=department)


class StepRefused(ValueError):
    """A step the case's state does not allow: ``code`` and ``params`` for the error sentence."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def apply_event(state: ComplaintState, intake: Intake, kind: EventKind, at: datetime, data: dict,
                limits: ComplaintLimits, overrides: CalendarOverrides) -> ComplaintState:
    """The state after one more event, or ``StepRefused`` when the procedure does not allow it."""
    if state.status is ComplaintStatus.CLOSED and kind is not EventKind.FINDING:
        raise StepRefused("complaint_closed")
    if kind is EventKind.ANSWERED_ON_SPOT:
        if intake.kind is not ComplaintKind.ENQUIRY or state.status is not ComplaintStatus.RECEIVED:
            raise StepRefused("complaint_on_spot_enquiry_only")
        return state.model_copy(update={"status": ComplaintStatus.CLOSED, "closed_at": at, "result_at": at})
    if kind is EventKind.INVESTIGATION:
        if state.status not in (ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING):
            raise StepRefused("complaint_investigation_after_result", complaint_status=state.status.value)
        return state.model_copy(update={"status": ComplaintStatus.INVESTIGATING, "investigated": True})
    if kind is EventKind.RESULT:
        if not state.investigated:
            raise StepRefused("complaint_result_without_investigation")
        if state.status is not ComplaintStatus.INVESTIGATING:
            raise StepRefused("complaint_result_twice", complaint_status=state.status.value)
        return state.model_copy(update={"status": ComplaintStatus.RESOLVED, "liability": Liability(data["liability"]),
                                        "result_at": state.result_at or at})
    if kind is EventKind.FEEDBACK:
        if state.status is not ComplaintStatus.RESOLVED:
            raise StepRefused("complaint_feedback_without_result", complaint_status=state.status.value)
        opinion = Opinion(data["opinion"])
        if opinion is Opinion.UNSATISFIED:  # 二次补救: investigate again, with a fresh limit
            return state.model_copy(update={
                "status": ComplaintStatus.INVESTIGATING, "round": state.round + 1, "investigated": False,
                "opinion": opinion, "liability": None, "due_at": due_from(at, intake, limits, overrides),
                "extended": False})
        return state.model_copy(update={"status": ComplaintStatus.ANSWERED, "opinion": opinion})
    if kind is EventKind.EXTENSION:
        new_due = datetime.fromisoformat(data["due_at"])
        if new_due <= state.due_at:
            raise StepRefused("complaint_extension_earlier", due=state.due_at.isoformat(timespec="minutes"))
        return state.model_copy(update={"due_at": new_due, "extended": True})
    if kind is EventKind.FINDING:
        if state.liability is not Liability.LIABLE:
            raise StepRefused("complaint_finding_not_liable")
        return state
    if kind is EventKind.CLOSED:
        if state.status is not ComplaintStatus.ANSWERED:
            raise StepRefused("complaint_close_without_feedback", complaint_status=state.status.value)
        return state.model_copy(update={"status": ComplaintStatus.CLOSED, "closed_at": at})
    raise StepRefused("complaint_unknown_step", step=str(kind))


def replay(intake: Intake, events: list[Event] | tuple[Event, ...], limits: ComplaintLimits,
           overrides: CalendarOverrides) -> ComplaintState:
    """The state from the intake and every event after it, in order (the intake event included)."""
    state = initial_state(intake, limits, overrides)
    for event in events:
        if event.kind is not EventKind.INTAKE:
            state = apply_event(state, intake, event.kind, event.at, event.data, limits, overrides)
    return state


# --- numbers and masking ------------------------------------------------------------------------

def format_complaint_number(received: date, serial: int) -> str:
    """``TS-2026-12-0001``: year and month of intake, serial counted per year."""
    if serial < 1:
        raise ValueError("serial_must_be_positive")
    return f"{COMPLAINT_PREFIX}-{received.year:04d}-{received.month:02d}-{serial:04d}"


def mask_phone(phone: str) -> str:
    """``13812341234`` → ``138****1234``; short numbers keep only their last two digits."""
    digits = phone.strip()
    if not digits:
        return ""
    if len(digits) >= 7:
        return digits[:3] + "*" * 4 + digits[-4:]
    return "*" * max(len(digits) - 2, 1) + digits[-2:]


def mask_name(name: str) -> str:
    """``王小明`` → ``王**``: the family name alone."""
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * max(len(name) - 1, 1)
