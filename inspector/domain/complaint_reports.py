"""The hotline reports (热线周报 to the leaders, 投诉月报 to departments and depots) as pure
functions of what the aggregation queries return.

The regulation (F2·2, 「公交12319服务热线管理办法」 十): 「安全服务监察部定期对受理、回复及办理情况进行
统计分析，对带共性的问题提出工作建议，以周报形式报公司领导作为决策参考，以月报形式送相关职能部门和总站
了解动态」. Hence: counts by channel, kind, severity, route, unit and staff; the on-time figures
against each case's limit (「一般性投诉不超过48小时;重大投诉不超过72小时」, the limits in settings,
an extension moves the limit); the common problems by the regulation's behaviours with a
suggestion each; repeat complainants (by masked phone, counted — never the number) and repeat staff.

Every figure is counted in SQL (``storage.complaint_reports_repo``); this module only names,
orders and divides. The complainant's name never reaches it, the phone only masked.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from inspector.domain.complaints import (
    BEHAVIOURS,
    Behaviour,
    Channel,
    ComplaintKind,
    ComplaintSeverity,
    ComplaintStatus,
)
from inspector.domain.report_facts import Frozen

WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")
TOP_LINES = 10  # routes, units, staff, behaviours shown in the PDF; the workbook has them all

CHANNEL_ZH = {Channel.HOTLINE_12319: "12319工单", Channel.PHONE: "来电", Channel.LETTER: "来信",
              Channel.VISIT: "来访", Channel.WEBSITE: "网站留言", Channel.COMMENT_BOOK: "意见簿",
              Channel.SURVEY: "调查表"}
KIND_ZH = {ComplaintKind.ENQUIRY: "咨询", ComplaintKind.COMPLAINT: "投诉", ComplaintKind.REPORT: "举报",
           ComplaintKind.SUGGESTION: "建议"}
SEVERITY_ZH = {ComplaintSeverity.GENERAL: "一般投诉", ComplaintSeverity.SERIOUS: "严重投诉"}
STATUS_ZH = {ComplaintStatus.RECEIVED: "已受理", ComplaintStatus.INVESTIGATING: "调查中",
             ComplaintStatus.RESOLVED: "已处理待反馈", ComplaintStatus.ANSWERED: "已反馈待销号",
             ComplaintStatus.CLOSED: "已销号"}
BEHAVIOUR_ZH = {
    Behaviour.NONSTANDARD: "服务不规范，工作不认真，态度生硬",
    Behaviour.INATTENTIVE: "照顾不周到，解答不耐心，不虚心听取乘客意见",
    Behaviour.NO_APOLOGY: "因工作失误，失礼不道歉",
    Behaviour.RULES_NOT_FOLLOWED: "处理违章乘车行为不按章办事",
    Behaviour.UNRELATED_WORK: "工作中做与工作无关的事",
    Behaviour.DISCIPLINE: "严重违反服务纪律或不履行工作职责，引发服务矛盾",
    Behaviour.ABUSE: "歧视、漫骂乘客",
    Behaviour.ESCALATION: "接待、处理失当，致使矛盾激化",
    Behaviour.PRESS: "新闻批评属实，造成社会影响",
}
# The office's standing suggestion for each common problem (「对带共性的问题提出工作建议」).
SUGGESTION_ZH = {
    Behaviour.NONSTANDARD: "组织服务规范再培训，将文明用语、规范操作纳入每日车容车貌及服务检查。",
    Behaviour.INATTENTIVE: "加强照顾老幼病残孕乘客和耐心解答的训练，总站开展优质服务案例讲评。",
    Behaviour.NO_APOLOGY: "明确“失误即致歉”要求，被投诉人员当面向乘客赔礼道歉并写出书面检查。",
    Behaviour.RULES_NOT_FOLLOWED: "组织学习《城市公共交通车船乘坐规则》，统一违章乘车的处理口径。",
    Behaviour.UNRELATED_WORK: "加大明查暗访频次，重点检查营运中使用手机、闲聊等与工作无关的行为。",
    Behaviour.DISCIPLINE: "对违反服务纪律者停班调查，按服务质量考核办法处理，并在总站通报。",
    Behaviour.ABUSE: "严肃处理歧视、漫骂乘客行为，开展职业道德教育，必要时调离服务岗位。",
    Behaviour.ESCALATION: "加强纠纷处置培训，坚持“你说，他不说”的原则，矛盾激化时立即报告总站。",
    Behaviour.PRESS: "对新闻批评事项专人跟踪、限时整改，处理结果及时报告公司领导。",
}


class CountLine(Frozen):
    key: str  # the enum value, the route, the unit's or staff member's code
    name: str  # what the report shows
    count: int
    unit_name: str = ""  # staff only


class BehaviourLine(Frozen):
    rank: int
    behaviour: Behaviour
    name: str
    severity: ComplaintSeverity
    count: int
    suggestion: str


class RepeatComplainant(Frozen):
    """Several cases from one phone number: the number masked (``138****1234``), never whole."""

    masked_phone: str
    count: int
    last_received: datetime


class LimitFigures(Frozen):
    """Cases of the period against their limits, the open ones as of the report's making."""

    closed_on_time: int = 0  # closed (销号) at or before the limit
    closed_late: int = 0  # closed after the limit
    open_in_time: int = 0
    open_overdue: int = 0  # still open, the limit passed

    @property
    def closed(self) -> int:
        return self.closed_on_time + self.closed_late

    @property
    def on_time_rate(self) -> float | None:
        """On time / (closed + open overdue): a case still open past its limit is not on time."""
        return rate(self.closed_on_time, self.closed + self.open_overdue)


class OpenCase(Frozen):
    number: str
    received_at: datetime
    kind: ComplaintKind
    severity: ComplaintSeverity | None
    major: bool
    unit_name: str
    status: ComplaintStatus
    due_at: datetime
    hours_overdue: int  # whole hours past the limit at ``as_of``; 0 while in time


class PeriodCounts(Frozen):
    """What the queries return for one period and scope (no complainant, phones masked)."""

    total: int = 0
    previous_total: int = 0
    major: int = 0
    urgent: int = 0
    by_channel: tuple[tuple[str, int], ...] = ()
    by_kind: tuple[tuple[str, int], ...] = ()
    by_severity: tuple[tuple[str, int], ...] = ()
    by_behaviour: tuple[tuple[str, str, int], ...] = ()  # (behaviour, severity, count)
    by_route: tuple[tuple[str, int], ...] = ()
    by_unit: tuple[tuple[str, str, int], ...] = ()  # (code, name, count)
    by_staff: tuple[tuple[str, str, str, int], ...] = ()  # (staff no, name, unit name, count)
    liable: int = 0
    not_liable: int = 0
    satisfied: int = 0
    basically: int = 0
    unsatisfied: int = 0
    limits: tuple[tuple[bool, int, int, int, int], ...] = ()  # (major, closed on time, late, open in time, overdue)
    open_cases: tuple[tuple, ...] = ()  # (number, received, kind, severity, major, unit, status, due)
    repeat_complainants: tuple[tuple[str, int, str], ...] = ()  # (masked phone, count, last received)


class ComplaintReport(Frozen):
    period: str  # "weekly" | "monthly"
    label: str  # "2026-W49" | "2026-12"
    scope_name: str
    first_day: date
    last_day: date
    as_of: datetime
    generated_at: datetime
    ordinary_hours: int
    major_hours: int
    total: int
    previous_total: int
    major: int
    urgent: int
    by_channel: tuple[CountLine, ...]
    by_kind: tuple[CountLine, ...]
    by_severity: tuple[CountLine, ...]
    by_route: tuple[CountLine, ...]
    by_unit: tuple[CountLine, ...]
    by_staff: tuple[CountLine, ...]
    behaviours: tuple[BehaviourLine, ...]
    liable: int
    not_liable: int
    satisfied: int
    basically: int
    unsatisfied: int
    limits: LimitFigures  # every case
    ordinary_limits: LimitFigures  # the ordinary ones (一般性, 48 h by default)
    major_limits: LimitFigures  # the major ones (重大, 72 h by default)
    open_cases: tuple[OpenCase, ...]  # every case still open received before the period's end, overdue first
    repeat_complainants: tuple[RepeatComplainant, ...]
    repeat_staff: tuple[CountLine, ...]

    @property
    def title(self) -> str:
        return "投诉热线周报" if self.period == "weekly" else "投诉热线月报"

    @property
    def period_text(self) -> str:
        if self.period == "weekly":
            year, week = self.label.split("-W")
            return f"{year}年第{int(week)}周"
        year, month = self.label.split("-")
        return f"{year}年{int(month)}月"


# --- periods ------------------------------------------------------------------------------------

def week_range(week: str) -> tuple[date, date]:
    """``"2026-W49"`` → (Monday 2026-11-30, the next Monday): the half-open ISO week; ValueError
    when malformed or when the year has no such week."""
    found = WEEK_PATTERN.match(week.strip().upper())
    if not found:
        raise ValueError("week_format")
    first = date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)  # ValueError: no week 53
    return first, first + timedelta(days=7)


def month_range(month: str) -> tuple[date, date]:
    """``"2026-11"`` → (2026-11-01, 2026-12-01), as ``domain.reports.month_range`` (which imports
    this module for the monthly report's complaints section)."""
    found = re.match(r"^(\d{4})-(\d{2})$", month.strip())
    if not found:
        raise ValueError("month_format")
    first = date(int(found.group(1)), int(found.group(2)), 1)  # ValueError: month 13
    return first, (date(first.year + 1, 1, 1) if first.month == 12 else date(first.year, first.month + 1, 1))


def period_range(period: str, label: str) -> tuple[date, date]:
    return week_range(label) if period == "weekly" else month_range(label)


def previous_range(period: str, first: date) -> tuple[date, date]:
    if period == "weekly":
        return first - timedelta(days=7), first
    year, month = (first.year, first.month - 1) if first.month > 1 else (first.year - 1, 12)
    return date(year, month, 1), first


# --- the report ---------------------------------------------------------------------------------

def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _enum_lines(rows: tuple[tuple[str, int], ...], names: dict) -> tuple[CountLine, ...]:
    """Every value of the enum in its own order, zeros included."""
    counts = dict(rows)
    return tuple(CountLine(key=key.value, name=name, count=counts.get(key.value, 0)) for key, name in names.items())


def _ranked(rows: list[CountLine]) -> tuple[CountLine, ...]:
    return tuple(sorted(rows, key=lambda line: (-line.count, line.key)))


def limit_figures(rows: tuple[tuple[bool, int, int, int, int], ...]) -> tuple[LimitFigures, LimitFigures,
                                                                         LimitFigures]:
    """(ordinary, major, all) from the rows of ``complaint_reports_repo.limits``."""
    found = {False: LimitFigures(), True: LimitFigures()}
    for major, on_time, late, in_time, overdue in rows:
        found[bool(major)] = LimitFigures(closed_on_time=on_time, closed_late=late, open_in_time=in_time,
                                          open_overdue=overdue)
    ordinary, major = found[False], found[True]
    return ordinary, major, LimitFigures(
        closed_on_time=ordinary.closed_on_time + major.closed_on_time, closed_late=ordinary.closed_late + major.closed_late,
        open_in_time=ordinary.open_in_time + major.open_in_time, open_overdue=ordinary.open_overdue + major.open_overdue)


def behaviour_lines(rows: tuple[tuple[str, str, int], ...]) -> tuple[BehaviourLine, ...]:
    counts: dict[Behaviour, int] = {}
    for behaviour, _severity, count in rows:
        counts[Behaviour(behaviour)] = counts.get(Behaviour(behaviour), 0) + count
    severity_of = {behaviour: severity for severity, listed in BEHAVIOURS.items() for behaviour in listed}
    ordered = sorted(counts, key=lambda behaviour: (-counts[behaviour], list(Behaviour).index(behaviour)))
    return tuple(BehaviourLine(rank=rank, behaviour=behaviour, name=BEHAVIOUR_ZH[behaviour],
                               severity=severity_of[behaviour], count=counts[behaviour],
                               suggestion=SUGGESTION_ZH[behaviour])
                 for rank, behaviour in enumerate(ordered, start=1))


def _open_case(row: tuple, as_of: datetime) -> OpenCase:
    number, received, kind, severity, major, unit_name, status, due = row
    due_at = datetime.fromisoformat(due)
    late = as_of - due_at
    # ``model_construct``: the rows come from our own tables, already checked when written; a
    # week's backlog can be thousands of rows, and validating each would cost more than the SQL.
    return OpenCase.model_construct(number=number, received_at=datetime.fromisoformat(received), kind=ComplaintKind(kind),
                    severity=ComplaintSeverity(severity) if severity else None, major=bool(major),
                    unit_name=unit_name or "", status=ComplaintStatus(status), due_at=due_at,
                    hours_overdue=int(late.total_seconds() // 3600) if late.total_seconds() > 0 else 0)


def complaint_report(period: str, label: str, scope_name: str, counts: PeriodCounts, as_of: datetime,
                     generated_at: datetime, ordinary_hours: int, major_hours: int) -> ComplaintReport:
    first, end = period_range(period, label)
    staff = [CountLine.model_construct(key=code, name=name, unit_name=unit, count=count)
             for code, name, unit, count in counts.by_staff]
    ordinary, major, every = limit_figures(counts.limits)
    open_cases = sorted((_open_case(row, as_of) for row in counts.open_cases),
                        key=lambda case: (-case.hours_overdue, case.due_at, case.number))
    return ComplaintReport(
        period=period, label=label, scope_name=scope_name, first_day=first, last_day=end - timedelta(days=1),
        as_of=as_of, generated_at=generated_at, ordinary_hours=ordinary_hours, major_hours=major_hours,
        total=counts.total, previous_total=counts.previous_total, major=counts.major, urgent=counts.urgent,
        by_channel=_enum_lines(counts.by_channel, CHANNEL_ZH), by_kind=_enum_lines(counts.by_kind, KIND_ZH),
        by_severity=_enum_lines(counts.by_severity, SEVERITY_ZH),
        by_route=_ranked([CountLine(key=route, name=route, count=count) for route, count in counts.by_route]),
        by_unit=_ranked([CountLine(key=code, name=name, count=count) for code, name, count in counts.by_unit]),
        by_staff=_ranked(staff), behaviours=behaviour_lines(counts.by_behaviour),
        liable=counts.liable, not_liable=counts.not_liable, satisfied=counts.satisfied, basically=counts.basically,
        unsatisfied=counts.unsatisfied, limits=every, ordinary_limits=ordinary, major_limits=major,
        open_cases=tuple(open_cases),
        repeat_complainants=tuple(sorted(
            (RepeatComplainant(masked_phone=phone, count=count, last_received=datetime.fromisoformat(last))
             for phone, count, last in counts.repeat_complainants),
            key=lambda line: (-line.count, line.masked_phone))),
        repeat_staff=_ranked([line for line in staff if line.count >= 2]),
    )

