"""Inspections, their answers and the findings that failed answers become.

The foundation defines the shapes; the inspections issue fills in recording, scoring and
completion. ``observed_at`` (when it happened) is kept apart from ``entered_at`` (when it was
written up) so covert visits can be entered after the fact.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from inspector.domain.templates import Severity, SubjectKind
from inspector.domain.text import check_name, check_note


class InspectionMode(StrEnum):
    ONSITE = "onsite"  # 明查
    COVERT = "covert"  # 暗访
    WALKAROUND = "walkaround"  # 走动式: a single finding without a full checklist

    @property
    def scored(self) -> bool:
        """Whether inspections of this mode get a score. A walk-around records findings: it counts
        for coverage and the findings tables, never in scores, averages or rankings (#13.4)."""
        return self is not InspectionMode.WALKAROUND


class InspectionStatus(StrEnum):
    DRAFT = "draft"
    COMPLETED = "completed"


class AnswerResult(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NA = "na"


class FindingStatus(StrEnum):
    OPEN = "open"  # failed, no notice yet
    FIXED_ON_SPOT = "fixed_on_spot"  # 日清日结: corrected during a walk-around
    NOTICED = "noticed"  # on a rectification notice
    CLOSED = "closed"  # verified at follow-up


class SubjectRef(BaseModel):
    """What was inspected: a registry record of one kind, with a label fixed at the time."""

    model_config = ConfigDict(frozen=True)

    kind: SubjectKind
    id: int
    label: str = ""


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True)

    item_code: str
    result: AnswerResult
    value: float | str | None = None  # numeric reading or text observation
    note: str = ""
    severity: Severity | None = None
    photo_ids: tuple[int, ...] = ()
    answered_at: datetime


class Evidence(BaseModel):
    """Covert-visit evidence (ticket or payment screenshot is a photo; these are the facts)."""

    model_config = ConfigDict(frozen=True)

    route: str = ""
    fleet_no: str = ""
    staff_no: str = ""
    ticket: str = ""
    remarks: str = ""


def check_evidence(evidence: Evidence) -> Evidence:
    """Evidence as typed: short facts are names, the remarks a note (``domain.text`` rules).

    Checked where evidence comes in, not in the model, so that stored evidence always reads back.
    """
    for field in ("route", "fleet_no", "staff_no", "ticket"):
        check_name(getattr(evidence, field), f"evidence.{field}")
    return evidence.model_copy(update={"remarks": check_note(evidence.remarks, "evidence.remarks")})


class InspectionHead(BaseModel):
    """An inspection's own row without its answers: what a recording call needs to check roles,
    status and the template version, whatever the number of answers already given (#18.2)."""

    model_config = ConfigDict(frozen=True)

    id: int
    template_version_id: int
    template_code: str
    template_version: int
    mode: InspectionMode
    status: InspectionStatus = InspectionStatus.DRAFT
    subject: SubjectRef
    unit_id: int | None = None  # the responsible unit
    responsible_staff_id: int | None = None
    author_id: int
    observed_at: datetime
    entered_at: datetime
    completed_at: datetime | None = None
    score: float | None = None
    max_score: float | None = None
    veto_failed: bool = False
    evidence: Evidence = Field(default_factory=Evidence)

    @property
    def covert(self) -> bool:
        return self.mode is InspectionMode.COVERT


class Inspection(InspectionHead):
    """The inspection with every answer it holds."""

    answers: tuple[Answer, ...] = ()


class Finding(BaseModel):
    """A failed item: the problem, who must fix it and how serious it is."""

    model_config = ConfigDict(frozen=True)

    id: int
    inspection_id: int
    item_code: str
    section_code: str = ""
    severity: Severity = Severity.GENERAL
    note: str = ""
    unit_id: int | None = None
    responsible_staff_id: int | None = None
    status: FindingStatus = FindingStatus.OPEN
    photo_ids: tuple[int, ...] = ()
    created_at: datetime


class DraftProgress(BaseModel):
    """An inspection its author has not completed yet, and how far it got (the resume offer)."""

    model_config = ConfigDict(frozen=True)

    inspection_id: int
    subject: SubjectRef
    mode: InspectionMode
    observed_at: datetime
    answered: int
    total: int


class RecordedAnswer(BaseModel):
    """What a recording call (answer, add or remove a photo) leaves: the one answer as stored,
    with its photos in order, and the draft's progress — the answers it holds against the items
    that apply. Built from that one row and an indexed count, never from the whole draft."""

    model_config = ConfigDict(frozen=True)

    inspection_id: int
    answer: Answer
    answered: int
    total: int
