"""What the monthly report's queries return for one month and scope, as frozen rows.

``inspector.domain.reports`` turns ``MonthlyFacts`` into the report. No row names an inspector:
covert inspections only ever feed counts and sums.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import NoticeStatus
from inspector.domain.templates import Severity, SubjectKind


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


# --- facts: rows from the queries ---------------------------------------------------------------

class ModeCount(Frozen):
    mode: InspectionMode
    count: int


class CoverageRow(Frozen):
    kind: SubjectKind
    covered: int  # active subjects of the scope inspected at least once in the month
    population: int  # active subjects of the scope in the registry


class FindingRow(Frozen):
    template_code: str
    section_code: str
    section_title: str
    section_title_en: str = ""  # the template's English title, "" when it has none
    severity: Severity
    count: int


class NoticeRow(Frozen):
    number: str = ""
    unit_name: str = ""
    issued_on: date
    deadline: date
    status: NoticeStatus
    replied_on: date | None = None
    closed_on: date | None = None
    ended_on: date | None = None  # when it stopped being open (closed, reissued or superseded)
    recurred: bool = False


class ProblemRow(Frozen):
    item_code: str
    text: str  # the item's Chinese text (documents)
    count: int
    text_en: str = ""  # the item's English text, "" when it has none


class ScoreRow(Frozen):
    """Sums over the scored inspections of one unit or staff member in one month."""

    id: int
    code: str
    name: str
    inspections: int
    score_sum: float
    rate_sum: float  # sum of score / max_score


class TrendRow(Frozen):
    unit_id: int
    unit_name: str
    month: str  # YYYY-MM
    inspections: int
    rate_sum: float


class BeforeAfter(Frozen):
    """A serious problem of a notice closed in the month: its finding's photo (before) and the
    follow-up's photo of the same problem (after), by SHA-256; the PDF shows them side by side."""

    notice_number: str
    item_code: str
    problem: str
    unit_name: str
    closed_on: date
    before: str  # photo sha256
    after: str  # photo sha256


class UncoveredSubject(Frozen):
    """An active registry subject of the scope that no completed inspection of the month was about."""

    kind: SubjectKind
    code: str  # fleet number, staff number, location or unit code
    name: str  # plate, name
    unit_name: str


class MonthlyFacts(Frozen):
    month: str  # YYYY-MM
    unit_id: int | None = None
    scope_name: str
    as_of: date
    generated_at: datetime
    modes: tuple[ModeCount, ...] = ()
    coverage: tuple[CoverageRow, ...] = ()
    items_checked: int = 0  # answers other than n/a
    items_passed: int = 0
    findings: tuple[FindingRow, ...] = ()
    notices: tuple[NoticeRow, ...] = ()
    problems: tuple[ProblemRow, ...] = ()
    problems_last_month: tuple[ProblemRow, ...] = ()
    units: tuple[ScoreRow, ...] = ()
    units_last_month: tuple[ScoreRow, ...] = ()
    staff: tuple[ScoreRow, ...] = ()
    staff_last_month: tuple[ScoreRow, ...] = ()
    trend: tuple[TrendRow, ...] = ()  # the twelve months ending with ``month``
    before_after: tuple[BeforeAfter, ...] = ()  # every candidate pair; the report keeps a few
    uncovered: tuple[UncoveredSubject, ...] = ()
    remarks: str = ""  # the quality office's written analysis and suggestions
    remarks_by: str = ""
    remarks_at: datetime | None = None
