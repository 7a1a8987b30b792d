"""What the inspections list asks for and what one of its rows holds (pure, no storage).

``InspectionFilter`` is every filter of the list page at once; an empty field filters nothing
(an empty ``modes`` set means every mode). ``InspectionSort`` names the column the list is
ordered by. ``InspectionRow`` is the flat, already-joined row the list shows — deliberately not
an ``Inspection``: a page of 200 rows must not pull in answers, evidence or template bodies.
``InspectionListing`` is one filtered, ordered list as a window: its count, any page of its rows,
and where one inspection stands in it — what a lazy table needs without holding a million ids.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict, model_validator

from inspector.domain.inspections import InspectionMode, InspectionStatus


class SortColumn(StrEnum):
    OBSERVED_AT = "observed_at"
    TEMPLATE = "template"
    SUBJECT = "subject"
    UNIT = "unit"
    MODE = "mode"
    STATUS = "status"
    SCORE = "score"
    AUTHOR = "author"


class InspectionSort(BaseModel):
    """The list's order; ties always fall back to the newest observation first."""

    model_config = ConfigDict(frozen=True)

    column: SortColumn = SortColumn.OBSERVED_AT
    descending: bool = True


class InspectionFilter(BaseModel):
    """The list's filters; ``date_from`` and ``date_to`` are inclusive local dates of observation."""

    model_config = ConfigDict(frozen=True)

    date_from: date | None = None
    date_to: date | None = None
    modes: frozenset[InspectionMode] = frozenset()
    unit_id: int | None = None
    template_code: str | None = None
    status: InspectionStatus | None = None
    score_min: float | None = None
    score_max: float | None = None
    failed_item: str = ""  # an item code: only inspections with a finding on that item
    text: str = ""

    @model_validator(mode="after")
    def _ranges_in_order(self) -> InspectionFilter:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        if self.score_min is not None and self.score_max is not None and self.score_min > self.score_max:
            raise ValueError("score_min is above score_max")
        return self

    @property
    def search(self) -> str:
        """The free text as searched: surrounding spaces dropped."""
        return self.text.strip()

    @property
    def empty(self) -> bool:
        """True when the filter lets every visible inspection through."""
        return not self.search and self.model_copy(update={"text": ""}) == InspectionFilter()


class InspectionRow(BaseModel):
    """One line of the inspections list; ``author_name`` is None where the author is masked."""

    model_config = ConfigDict(frozen=True)

    id: int
    observed_at: datetime
    mode: InspectionMode
    status: InspectionStatus
    template_code: str
    template_version: int
    subject_label: str
    unit_name: str | None
    author_name: str | None
    score: float | None
    max_score: float | None
    veto_failed: bool
    answered: int

    @property
    def covert(self) -> bool:
        return self.mode is InspectionMode.COVERT


class InspectionListing(Protocol):
    """One filtered list in one order, for one viewer, read a window at a time."""

    def count(self) -> int:
        """How many inspections the list holds."""
        ...

    def rows(self, offset: int, limit: int) -> list[InspectionRow]:
        """The rows from position ``offset`` (0 is the first), at most ``limit`` of them."""
        ...

    def position(self, inspection_id: int) -> int:
        """Where ``inspection_id`` stands in the list, -1 when the list does not hold it."""
        ...

    def first_rows(self, limit: int) -> list[InspectionRow] | None:
        """The first ``limit`` rows when they can be found before counting, which would cost a
        scan of a large table; None when the count is cheap or must come first."""
        ...


class EmptyListing:
    """The list of someone who may see nothing (an inactive account, nobody signed in)."""

    def count(self) -> int:
        return 0

    def rows(self, offset: int, limit: int) -> list[InspectionRow]:
        return []

    def position(self, inspection_id: int) -> int:
        return -1

    def first_rows(self, limit: int) -> list[InspectionRow] | None:
        return None
