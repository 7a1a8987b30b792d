"""Checklist templates: sections, items, scoring scheme and versions.

A template *version* is a draft until the quality office publishes it for a month; published
versions are immutable, and an inspection records the exact version it used. The body of a
version is one pydantic tree (``TemplateBody``) stored whole, so a published version can never
be half-changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from inspector.domain.registry_kinds import StaffRole
from inspector.domain.text import NAME_LIMIT, NOTE_LIMIT, text_problem


class SubjectKind(StrEnum):
    VEHICLE = "vehicle"
    STAFF = "staff"
    LOCATION = "location"
    UNIT = "unit"


class ResponseType(StrEnum):
    PASS_FAIL = "pass_fail"  # 合格 / 不合格 / 不适用
    NUMERIC = "numeric"  # a measured value with a threshold (tyre tread depth…)
    TEXT = "text"  # a free observation, not scored


class Severity(StrEnum):
    GENERAL = "general"  # 一般
    SERIOUS = "serious"  # 严重


class ScoringScheme(StrEnum):
    DEDUCTION = "deduction"  # base 100 minus per-item deductions, capped per section
    WEIGHTED = "weighted"  # points earned / points possible
    FIVE_POINT = "five_point"  # 五分制: the percentage mapped onto 0–5


class Origin(StrEnum):
    """Where an item comes from in the customer's regulations (seeds-digest §3)."""

    DIRECT = "direct"
    ADAPTED = "adapted"
    INFERRED = "inferred"  # not in the sources: shipped, but marked for the customer to confirm


class TemplateStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


MONTH_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# The marker earlier built-in versions wrote into an inferred item's guidance. The item's ``origin``
# is the flag (shown only to the quality office, in the editor and the template list); documents,
# the recording screen and exports show the guidance without it (#13.6).
INFERRED_MARKS = ("【推定项,待确认】", "【推定项，待确认】", "[Inferred item — confirm with the quality office]")


def without_inferred_mark(text: str) -> str:
    """``text`` as supervisors and documents see it: any inferred-item marker taken out."""
    if not any(mark in text for mark in INFERRED_MARKS):
        return text
    for mark in INFERRED_MARKS:
        text = text.replace(mark, "")
    return text.strip()
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,31}$")


class TemplateItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str  # stable across versions, e.g. T1-1.2
    text_zh: str
    text_en: str = ""
    guidance_zh: str = ""  # 检查标准
    guidance_en: str = ""
    response: ResponseType = ResponseType.PASS_FAIL
    threshold: float | None = None  # NUMERIC: the minimum acceptable value
    unit_of_measure: str = ""
    severity: Severity = Severity.GENERAL
    deduct: float = 0.0  # DEDUCTION scheme: points deducted on fail
    weight: float = 1.0  # WEIGHTED scheme: points possible
    veto: bool = False  # 一票否决: failing it fails the whole inspection
    photos_on_fail: int = 0  # photos required when the item fails
    covert: bool = True  # 可暗访: may be checked on a covert visit
    action_days: int | None = None  # default rectification days, overriding the severity default
    origin: Origin = Origin.DIRECT
    source: str = ""  # where in the regulations, e.g. "F2·1 item 8"
    reference_photo: str | None = None  # sha256 of a "what good looks like" photo

    @property
    def shown_guidance_zh(self) -> str:
        """The Chinese standard as documents and supervisors see it (no inferred-item marker)."""
        return without_inferred_mark(self.guidance_zh)

    @property
    def shown_guidance_en(self) -> str:
        return without_inferred_mark(self.guidance_en)


class TemplateSection(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    title_zh: str
    title_en: str = ""
    roles: tuple[StaffRole, ...] = ()  # shown only when the staff subject has one of these roles
    deduct_cap: float | None = None  # DEDUCTION scheme: at most this much lost in this section
    items: tuple[TemplateItem, ...] = ()
    sections: tuple["TemplateSection", ...] = ()  # nestable one level


class TemplateBody(BaseModel):
    """The content of one template version."""

    model_config = ConfigDict(frozen=True)

    code: str  # T1, T2, T3 or the office's own
    title_zh: str
    title_en: str = ""
    category: str = ""  # vehicle_appearance / staff_conduct / facility_cleanliness …
    subject: SubjectKind
    scheme: ScoringScheme = ScoringScheme.DEDUCTION
    base_score: float = 100.0
    description_zh: str = ""
    description_en: str = ""
    sections: tuple[TemplateSection, ...] = ()

    def iter_sections(self) -> Iterator[TemplateSection]:
        for section in self.sections:
            yield section
            yield from section.sections

    def iter_items(self) -> Iterator[tuple[TemplateSection, TemplateItem]]:
        for section in self.iter_sections():
            for item in section.items:
                yield section, item

    @property
    def item_count(self) -> int:
        return sum(1 for _ in self.iter_items())

    def item(self, code: str) -> TemplateItem | None:
        return next((item for _, item in self.iter_items() if item.code == code), None)


class TemplateVersion(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    code: str
    version: int
    status: TemplateStatus
    effective_month: str | None = None  # YYYY-MM, set when published
    body: TemplateBody
    builtin: bool = False
    created_at: datetime
    published_at: datetime | None = None
    published_by: int | None = None


class TemplateProblem(BaseModel):
    """One reason a template body cannot be saved or published (code + where)."""

    code: str
    where: str = ""  # section or item code
    detail: str = ""
    field: str = ""  # for the text rules: which text (text_zh, guidance_zh, title_zh …); detail = the character
    limit: int = 0  # for text_too_long


# Which texts of a template are one-line names and which may be notes (``domain.text``).
_NAME_FIELDS = {"body": ("title_zh", "title_en", "category"), "section": ("title_zh", "title_en"),
                "item": ("unit_of_measure",)}
_NOTE_FIELDS = {"body": ("description_zh", "description_en"), "section": (),
                "item": ("text_zh", "text_en", "guidance_zh", "guidance_en", "source")}


def _text_problems(kind: str, owner: object, where: str) -> list[TemplateProblem]:
    found = []
    for fields, limit, multiline in ((_NAME_FIELDS[kind], NAME_LIMIT, False), (_NOTE_FIELDS[kind], NOTE_LIMIT, True)):
        for name in fields:
            problem = text_problem(getattr(owner, name) or "", limit=limit, multiline=multiline)
            if problem:
                found.append(TemplateProblem(code=problem[0], where=where, field=name, limit=limit,
                                             detail=str(problem[1].get("character", ""))))
    return found


def validate_template(body: TemplateBody) -> list[TemplateProblem]:
    """Every structural problem of a template body; an empty list means it is sound."""
    problems: list[TemplateProblem] = []
    if not CODE_PATTERN.match(body.code):
        problems.append(TemplateProblem(code="template_code_format", where=body.code))
    if not body.title_zh.strip():
        problems.append(TemplateProblem(code="template_title_empty", where=body.code))
    if body.scheme is ScoringScheme.DEDUCTION and not body.base_score > 0:
        problems.append(TemplateProblem(code="base_score_out_of_range", where=body.code))
    problems += _text_problems("body", body, body.code)
    seen_sections: set[str] = set()
    seen_items: set[str] = set()
    for section in body.sections:
        for sub in section.sections:
            if sub.sections:
                problems.append(TemplateProblem(code="section_too_deep", where=sub.code))
    for section in body.iter_sections():
        if section.code in seen_sections:
            problems.append(TemplateProblem(code="duplicate_section_code", where=section.code))
        seen_sections.add(section.code)
        if not section.title_zh.strip():
            problems.append(TemplateProblem(code="section_title_empty", where=section.code))
        problems += _text_problems("section", section, section.code)
        if section.roles and body.subject is not SubjectKind.STAFF:
            problems.append(TemplateProblem(code="roles_on_non_staff_template", where=section.code))
        if section.deduct_cap is not None and section.deduct_cap < 0:
            problems.append(TemplateProblem(code="deduct_cap_out_of_range", where=section.code))
        for item in section.items:
            if not CODE_PATTERN.match(item.code):
                problems.append(TemplateProblem(code="item_code_format", where=item.code))
            if item.code in seen_items:
                problems.append(TemplateProblem(code="duplicate_item_code", where=item.code))
            seen_items.add(item.code)
            if not item.text_zh.strip():
                problems.append(TemplateProblem(code="item_text_empty", where=item.code))
            problems += _text_problems("item", item, item.code)
            problems += _scoring_problems(body, item)
            if item.photos_on_fail < 0 or (item.action_days is not None and item.action_days < 1):
                problems.append(TemplateProblem(code="item_number_out_of_range", where=item.code))
    if seen_items == set():
        problems.append(TemplateProblem(code="template_without_items", where=body.code))
    return problems


def _scoring_problems(body: TemplateBody, item: TemplateItem) -> list[TemplateProblem]:
    """What makes an item unscorable under the body's scheme.

    A veto item may sit in any scheme and needs no deduction of its own (failing it zeroes the
    whole inspection), but a TEXT item is never scored, so it cannot veto anything.
    """
    found: list[str] = []
    if item.response is ResponseType.NUMERIC and item.threshold is None:
        found.append("numeric_without_threshold")
    if item.response is not ResponseType.NUMERIC and item.threshold is not None:
        found.append("threshold_on_non_numeric")
    if item.veto and item.response is ResponseType.TEXT:
        found.append("veto_on_text_item")
    if body.scheme is ScoringScheme.DEDUCTION:
        if item.deduct < 0:
            found.append("negative_deduction")
        elif item.deduct > body.base_score > 0:
            found.append("deduction_exceeds_base")
    elif item.weight < 0:
        found.append("negative_weight")
    return [TemplateProblem(code=code, where=item.code) for code in found]


def check_month(value: str) -> str:
    """Validate an effective month ``YYYY-MM``."""
    if not MONTH_PATTERN.match(value):
        raise ValueError("month_format")
    return value


TemplateSection.model_rebuild()
