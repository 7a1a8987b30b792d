"""Scoring an inspection against the exact template version it used: pure functions, no storage.

Three schemes, chosen by the template (``ScoringScheme``):

- DEDUCTION (扣分制): start from ``base_score`` and take off each failed item's ``deduct``. A
  section loses at most its ``deduct_cap``; a sub-section's losses count toward its own cap first
  and then, capped, toward its parent's. The score never goes below zero.
- WEIGHTED (权重制): each item is worth its ``weight``; the maximum is the weight of the items that
  apply and were answered other than N/A, the score is that maximum less the weight of failed items.
- FIVE_POINT (五分制): the share of passed weight among the answered, not-N/A items, mapped onto
  0–5 and rounded to one decimal.

Common rules: only items that apply (``applicable_items``) count, TEXT items are never scored,
N/A never loses anything, results for unknown codes are ignored, and any failed veto item
(一票否决) makes the whole inspection score zero. An item not answered never counts as passed
(#13.4): it earns no weight (WEIGHTED, FIVE_POINT) and, like N/A, costs nothing under DEDUCTION,
whose maximum is the template's base score; ``answered`` / ``applicable`` say how much was
checked. Walk-arounds are not scored at all (``InspectionMode.scored``).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from inspector.domain.errors import ValidationError
from inspector.domain.inspections import Answer, AnswerResult
from inspector.domain.registry import StaffRole
from inspector.domain.templates import ResponseType, ScoringScheme, TemplateBody, TemplateItem, TemplateSection

FIVE_POINT_MAX = 5.0
POINT_DIGITS = 6  # points are rounded here so that 100 − 3 × 0.1 reads 99.7, not 99.69999999999999


def _points(value: float) -> float:
    return round(value, POINT_DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0


@dataclass(frozen=True)
class ScoreResult:
    """An inspection's score in its template's scheme.

    ``deducted`` is what failed items cost in the score's own points before a veto (capped
    deductions; lost weight; 5 − score on the five-point scale). ``section_deductions`` gives the
    loss per section code that applies — capped deduction points (DEDUCTION) or lost weight
    (WEIGHTED, FIVE_POINT) — and a parent's figure includes its sub-sections'. ``percent`` is the
    unrounded share (a failed veto makes it 0). ``applicable`` counts the scored items that apply,
    ``answered`` how many of them have a result (N/A included).
    """

    score: float
    max_score: float
    percent: float
    deducted: float
    veto_failed: bool
    veto_items: tuple[str, ...]
    answered: int
    applicable: int
    failed: tuple[str, ...]
    section_deductions: Mapping[str, float] = field(default_factory=dict)


def _applies(roles: tuple[StaffRole, ...], staff_role: StaffRole | None) -> bool:
    return staff_role is None or not roles or staff_role in roles


def _applicable_sections(body: TemplateBody, staff_role: StaffRole | None) -> list[TemplateSection]:
    found: list[TemplateSection] = []
    for section in body.sections:
        if _applies(section.roles, staff_role):
            found.append(section)
        found += [sub for sub in section.sections if _applies(sub.roles or section.roles, staff_role)]
    return found


def applicable_items(
    body: TemplateBody, *, staff_role: StaffRole | None = None
) -> list[tuple[TemplateSection, TemplateItem]]:
    """The items an inspection of a subject with ``staff_role`` goes through, in template order.

    A section applies when it names no roles or names ``staff_role``; a sub-section without roles
    of its own follows its parent. ``staff_role=None`` (a vehicle, a location, the editor's
    preview) means every section applies. TEXT items are listed although they are never scored.
    """
    return [(section, item) for section in _applicable_sections(body, staff_role) for item in section.items]


def _scored(body: TemplateBody, staff_role: StaffRole | None) -> list[tuple[TemplateSection, TemplateItem]]:
    return [(s, item) for s, item in applicable_items(body, staff_role=staff_role)
            if item.response is not ResponseType.TEXT]


def lacks_photos(item: TemplateItem, answer: Answer | None) -> bool:
    """A failed ``answer`` with fewer photos than ``item`` asks for when it fails: completion waits
    for them (the recording screen lists such items as they happen, #14.1)."""
    return answer is not None and answer.result is AnswerResult.FAIL and len(answer.photo_ids) < item.photos_on_fail


def evaluate_numeric(item: TemplateItem, value: float) -> AnswerResult:
    """PASS when a measured ``value`` reaches the item's threshold (tyre tread ≥ 1.6 mm), else FAIL."""
    if item.response is not ResponseType.NUMERIC:
        raise ValidationError("item_not_numeric", item=item.code)
    if item.threshold is None:
        raise ValidationError("numeric_without_threshold", item=item.code)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError("invalid_value", field="value", value=str(value), item=item.code)
    return AnswerResult.PASS if value >= item.threshold else AnswerResult.FAIL


def max_score(
    body: TemplateBody, *, staff_role: StaffRole | None = None, na_codes: Collection[str] = ()
) -> float:
    """The most an inspection can score: ``base_score`` (DEDUCTION), the weight of the applicable
    scored items not marked N/A (WEIGHTED), or 5 (FIVE_POINT)."""
    if body.scheme is ScoringScheme.DEDUCTION:
        return _points(max(body.base_score, 0.0))
    if body.scheme is ScoringScheme.FIVE_POINT:
        return FIVE_POINT_MAX
    return _points(sum(max(item.weight, 0.0) for _, item in _scored(body, staff_role)
                       if item.code not in na_codes))


def _capped(amount: float, cap: float | None) -> float:
    return amount if cap is None else min(amount, max(cap, 0.0))


def _section_losses(
    body: TemplateBody, staff_role: StaffRole | None, failed: set[str], *, capped: bool
) -> dict[str, float]:
    """What failed items cost per section code, for every top-level section that has anything
    applicable and each applicable sub-section; a parent's figure includes its sub-sections'.

    With ``capped`` (DEDUCTION) an item costs its ``deduct`` and a sub-section's losses are capped
    by its own ``deduct_cap`` and then, with the parent's own items, by the parent's. Otherwise an
    item costs its ``weight`` and nothing is capped.
    """
    def cost(section: TemplateSection) -> float:  # ``failed`` holds scored, applicable codes only
        return sum(max(item.deduct if capped else item.weight, 0.0) for item in section.items
                   if item.code in failed)

    def limit(amount: float, section: TemplateSection) -> float:
        return _capped(amount, section.deduct_cap) if capped else amount

    losses: dict[str, float] = {}
    for section in body.sections:
        parent_applies = _applies(section.roles, staff_role)
        subs = [sub for sub in section.sections if _applies(sub.roles or section.roles, staff_role)]
        if not parent_applies and not subs:
            continue
        sub_losses = {sub.code: limit(cost(sub), sub) for sub in subs}
        own = cost(section) if parent_applies else 0.0
        losses[section.code] = _points(limit(own + sum(sub_losses.values()), section))
        losses.update((code, _points(amount)) for code, amount in sub_losses.items())
    return losses


def score(
    body: TemplateBody, results: Mapping[str, AnswerResult], *, staff_role: StaffRole | None = None
) -> ScoreResult:
    """Score ``results`` (item code → result) by ``body``'s scheme; see the module docstring."""
    scored = _scored(body, staff_role)
    codes = {item.code for _, item in scored}
    given = {code: AnswerResult(result) for code, result in results.items() if code in codes}
    failed = tuple(item.code for _, item in scored if given.get(item.code) is AnswerResult.FAIL)
    na = {code for code, result in given.items() if result is AnswerResult.NA}
    veto_items = tuple(item.code for _, item in scored if item.veto and item.code in failed)
    top_codes = {section.code for section in body.sections}

    if body.scheme is ScoringScheme.DEDUCTION:
        sections = _section_losses(body, staff_role, set(failed), capped=True)
        ceiling = max_score(body)
        deducted = _points(min(ceiling, _total(sections, top_codes)))
        value = _points(ceiling - deducted)
        percent = 100.0 * value / ceiling if ceiling > 0 else 100.0
    else:
        sections = _section_losses(body, staff_role, set(failed), capped=False)
        lost = _total(sections, top_codes)
        if body.scheme is ScoringScheme.WEIGHTED:
            unanswered = codes - set(given)  # never counted as passed (#13.4)
            ceiling = max_score(body, staff_role=staff_role, na_codes=na | unanswered)
            deducted = _points(min(ceiling, lost))
            value = _points(ceiling - deducted)
            percent = 100.0 * value / ceiling if ceiling > 0 else 100.0
        else:
            answered_weight = sum(max(item.weight, 0.0) for _, item in scored
                                  if item.code in given and item.code not in na)
            share = 1.0 - min(lost, answered_weight) / answered_weight if answered_weight > 0 else 1.0
            ceiling = FIVE_POINT_MAX
            value = round(FIVE_POINT_MAX * share, 1)
            deducted = round(FIVE_POINT_MAX - value, 1)
            percent = 100.0 * share

    if veto_items:
        value, percent = 0.0, 0.0
    return ScoreResult(
        score=value, max_score=ceiling, percent=percent, deducted=deducted, veto_failed=bool(veto_items),
        veto_items=veto_items, answered=len(given), applicable=len(scored), failed=failed,
        section_deductions=MappingProxyType(sections),
    )


def _total(sections: Mapping[str, float], top_codes: set[str]) -> float:
    """The sum over top-level sections (each already includes its sub-sections)."""
    return sum(amount for code, amount in sections.items() if code in top_codes)
