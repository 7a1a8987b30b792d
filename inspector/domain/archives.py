"""The vehicle file (一车一档) and the staff file (个人服务质量档案) as pure shapes.

A ``SubjectArchive`` holds everything recorded about one vehicle or one person: the subject's
registry facts, every completed inspection with its findings, the rectification notices that
carry those findings, their follow-ups, and the score series drawn as "score over time".
Nothing here touches the database; ``score_series`` and the figures are plain functions of the
shapes so that tests can compute them by hand.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from inspector.domain.complaints import (
    ComplaintKind,
    ComplaintSeverity,
    ComplaintStatus,
    Liability,
    Opinion,
)
from inspector.domain.inspections import FindingStatus, InspectionMode
from inspector.domain.notices import FollowUpResult, NoticeStatus
from inspector.domain.templates import Severity, SubjectKind


class ArchiveSubject(BaseModel):
    """Who or what the file is about, as the registry has it today."""

    model_config = ConfigDict(frozen=True)

    kind: SubjectKind  # vehicle or staff
    id: int
    plate: str = ""
    fleet_no: str = ""
    route: str = ""
    model: str = ""
    name: str = ""
    staff_no: str = ""
    role: str = ""  # the role's Chinese word (驾驶员, 乘务员…)
    unit_code: str = ""
    unit_name: str = ""
    active: bool = True

    @property
    def key(self) -> str:
        """The natural key printed on the file: the plate or the staff number."""
        return self.plate if self.kind is SubjectKind.VEHICLE else self.staff_no


class ArchiveFinding(BaseModel):
    """One failed item of an inspection, with the notices it was put on (oldest first)."""

    model_config = ConfigDict(frozen=True)

    id: int
    item_code: str
    item_text: str = ""
    section_code: str = ""
    severity: Severity = Severity.GENERAL
    note: str = ""
    status: FindingStatus = FindingStatus.OPEN
    notice_numbers: tuple[str, ...] = ()


class ArchiveInspection(BaseModel):
    """A completed inspection of the subject. ``inspector`` is None for a covert visit: the file
    shows that it happened and what it found, never who made it."""

    model_config = ConfigDict(frozen=True)

    id: int
    observed_at: datetime
    mode: InspectionMode
    template_code: str
    template_title: str = ""
    template_version: int = 1
    score: float | None = None
    max_score: float | None = None
    veto_failed: bool = False
    inspector: str | None = None
    findings: tuple[ArchiveFinding, ...] = ()

    @property
    def percent(self) -> float | None:
        """The score as a percentage of the maximum (templates differ in their maximum)."""
        if self.score is None or not self.max_score:
            return None
        return round(100.0 * self.score / self.max_score, 1)


class ArchiveNotice(BaseModel):
    """A rectification notice carrying at least one of the subject's findings."""

    model_config = ConfigDict(frozen=True)

    id: int
    number: str
    inspection_id: int
    status: NoticeStatus
    issued_at: datetime
    deadline: date
    closed_at: datetime | None = None
    late: bool = False  # 整改不及时
    overdue: bool = False  # open past its deadline on the file's date
    recurred: bool = False  # 再次发生
    successor_number: str | None = None

    @property
    def closed(self) -> bool:
        return self.status is NoticeStatus.CLOSED


class ArchiveFollowUp(BaseModel):
    """A follow-up check (复查) of one of the notices. ``recorded_by`` is None on a covert notice."""

    model_config = ConfigDict(frozen=True)

    notice_number: str
    recorded_at: datetime
    result: FollowUpResult
    note: str = ""
    recorded_by: str | None = None


class ScorePoint(BaseModel):
    """One point of the score-over-time chart."""

    model_config = ConfigDict(frozen=True)

    inspection_id: int
    observed_on: date
    percent: float
    veto_failed: bool = False


class ArchiveComplaint(BaseModel):
    """A complaint about the subject as the file lists it: what happened and how it was handled,
    never who complained (the file goes to the units)."""

    model_config = ConfigDict(frozen=True)

    number: str
    received_at: datetime
    kind: ComplaintKind
    severity: ComplaintSeverity | None = None
    major: bool = False
    what: str
    status: ComplaintStatus
    liability: Liability | None = None
    opinion: Opinion | None = None
    closed_at: datetime | None = None
    late: bool = False  # closed after its limit, or still open past it

    @property
    def closed(self) -> bool:
        return self.status is ComplaintStatus.CLOSED


class SupervisionFacts(BaseModel):
    """What the regulation asks the file to answer (服务质量监督档案, F2·1):
    「是否有违章，是否有旅客投诉，旅客意见、建议的处理结果情况」 — from the inspections, the notices and
    the complaints register. ``complaints`` is None only for a file made without the register (the
    file then says so instead of answering 无); the service always asks it."""

    model_config = ConfigDict(frozen=True)

    inspections: int
    violations: int  # findings of the subject's completed inspections
    serious: int
    found_in: int  # how many of the inspections found something
    fixed_on_spot: int  # 当场整改
    awaiting: int  # found, neither fixed on the spot nor on a notice yet
    notices: int
    notices_closed: int
    notices_closed_late: int  # 整改不及时
    notices_open: int
    notices_overdue: int
    complaints: int | None = None
    complaints_liable: int = 0
    complaints_closed: int = 0


class SubjectArchive(BaseModel):
    """The whole file of one vehicle or one person, as of ``generated_on``."""

    model_config = ConfigDict(frozen=True)

    subject: ArchiveSubject
    generated_on: date
    organisation_name: str = ""
    inspections: tuple[ArchiveInspection, ...] = ()  # oldest first
    notices: tuple[ArchiveNotice, ...] = ()  # oldest first
    followups: tuple[ArchiveFollowUp, ...] = ()  # oldest first
    scores: tuple[ScorePoint, ...] = ()
    complaints: tuple[ArchiveComplaint, ...] | None = None  # oldest first; None: no register to ask

    @property
    def finding_count(self) -> int:
        return sum(len(inspection.findings) for inspection in self.inspections)

    def supervision(self) -> SupervisionFacts:
        """The answers to the regulation's three questions, counted from this file."""
        findings = [(inspection, finding) for inspection in self.inspections for finding in inspection.findings]
        closed = [notice for notice in self.notices if notice.closed]
        current = [notice for notice in self.notices
                   if notice.status not in (NoticeStatus.CLOSED, NoticeStatus.SUPERSEDED, NoticeStatus.REISSUED)]
        return SupervisionFacts(
            inspections=len(self.inspections), violations=len(findings),
            serious=sum(1 for _, finding in findings if finding.severity is Severity.SERIOUS),
            found_in=sum(1 for inspection in self.inspections if inspection.findings),
            fixed_on_spot=sum(1 for _, finding in findings if finding.status is FindingStatus.FIXED_ON_SPOT),
            awaiting=sum(1 for _, finding in findings if finding.status is FindingStatus.OPEN),
            notices=len(self.notices), notices_closed=len(closed),
            notices_closed_late=sum(1 for notice in closed if notice.late),
            notices_open=len(current), notices_overdue=sum(1 for notice in current if notice.overdue),
            complaints=None if self.complaints is None else len(self.complaints),
            complaints_liable=sum(1 for case in self.complaints or () if case.liability is Liability.LIABLE),
            complaints_closed=sum(1 for case in self.complaints or () if case.closed),
        )

    @property
    def average_percent(self) -> float | None:
        if not self.scores:
            return None
        return round(sum(point.percent for point in self.scores) / len(self.scores), 1)


def score_series(inspections: tuple[ArchiveInspection, ...] | list[ArchiveInspection]) -> tuple[ScorePoint, ...]:
    """The scored inspections in time order as percentages; unscored ones are left out."""
    points = [
        ScorePoint(inspection_id=inspection.id, observed_on=inspection.observed_at.date(),
                   percent=percent, veto_failed=inspection.veto_failed)
        for inspection in sorted(inspections, key=lambda each: (each.observed_at, each.id))
        if (percent := inspection.percent) is not None
    ]
    return tuple(points)
