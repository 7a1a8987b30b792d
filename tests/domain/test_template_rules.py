"""validate_template's scoring rules: what each scheme accepts of vetoes, deductions, thresholds,
weights and role filters.
"""

from __future__ import annotations

import pytest

from inspector.domain.registry import StaffRole
from inspector.domain.templates import (
    ResponseType,
    ScoringScheme,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    validate_template,
)


def _body(*items: TemplateItem, scheme: ScoringScheme = ScoringScheme.DEDUCTION,
          subject: SubjectKind = SubjectKind.STAFF, roles: tuple[StaffRole, ...] = (),
          cap: float | None = None, base: float = 100.0) -> TemplateBody:
    section = TemplateSection(code="S1", title_zh="部分", roles=roles, deduct_cap=cap, items=items)
    return TemplateBody(code="TX", title_zh="测试", subject=subject, scheme=scheme, base_score=base,
                        sections=(section,))


def _problems(body: TemplateBody) -> list[tuple[str, str]]:
    return [(problem.code, problem.where) for problem in validate_template(body)]


@pytest.mark.parametrize("scheme", list(ScoringScheme))
def test_a_veto_item_is_fine_in_every_scheme_and_needs_no_deduction(scheme: ScoringScheme) -> None:
    veto = TemplateItem(code="A.1", text_zh="安全", veto=True, deduct=0.0)
    assert _problems(_body(veto, scheme=scheme)) == []


@pytest.mark.parametrize("scheme", list(ScoringScheme))
def test_a_text_item_cannot_veto(scheme: ScoringScheme) -> None:
    item = TemplateItem(code="A.1", text_zh="观察", response=ResponseType.TEXT, veto=True)
    assert _problems(_body(item, scheme=scheme)) == [("veto_on_text_item", "A.1")]


def test_deductions_must_fit_within_the_base_score() -> None:
    assert _problems(_body(TemplateItem(code="A.1", text_zh="x", deduct=100.0))) == []
    assert _problems(_body(TemplateItem(code="A.1", text_zh="x", deduct=100.5))) == [("deduction_exceeds_base", "A.1")]
    assert _problems(_body(TemplateItem(code="A.1", text_zh="x", deduct=12.0), base=10.0)) == [
        ("deduction_exceeds_base", "A.1")]
    assert _problems(_body(TemplateItem(code="A.1", text_zh="x", deduct=-1.0))) == [("negative_deduction", "A.1")]
    veto = TemplateItem(code="A.1", text_zh="x", deduct=-1.0, veto=True)
    assert _problems(_body(veto)) == [("negative_deduction", "A.1")]
    # Deductions mean nothing to the other schemes; weights do.
    big = TemplateItem(code="A.1", text_zh="x", deduct=500.0, weight=-1.0)
    assert _problems(_body(big, scheme=ScoringScheme.WEIGHTED)) == [("negative_weight", "A.1")]
    assert _problems(_body(big, scheme=ScoringScheme.FIVE_POINT)) == [("negative_weight", "A.1")]


def test_base_score_and_caps_must_not_be_negative() -> None:
    item = TemplateItem(code="A.1", text_zh="x", deduct=0.0)
    assert ("base_score_out_of_range", "TX") in _problems(_body(item, base=0.0))
    assert _problems(_body(item, cap=-1.0)) == [("deduct_cap_out_of_range", "S1")]
    assert _problems(_body(item, cap=0.0)) == []
    assert _problems(_body(item, base=0.0, scheme=ScoringScheme.WEIGHTED)) == []


def test_threshold_only_on_numeric_items() -> None:
    numeric = TemplateItem(code="A.1", text_zh="轮胎花纹深度", response=ResponseType.NUMERIC, threshold=1.6)
    assert _problems(_body(numeric)) == []
    assert _problems(_body(numeric.model_copy(update={"threshold": None}))) == [("numeric_without_threshold", "A.1")]
    for response in (ResponseType.PASS_FAIL, ResponseType.TEXT):
        item = numeric.model_copy(update={"response": response})
        assert _problems(_body(item)) == [("threshold_on_non_numeric", "A.1")]


@pytest.mark.parametrize("subject", [SubjectKind.VEHICLE, SubjectKind.LOCATION, SubjectKind.UNIT])
def test_roles_only_on_staff_templates(subject: SubjectKind) -> None:
    item = TemplateItem(code="A.1", text_zh="x")
    assert _problems(_body(item, subject=SubjectKind.STAFF, roles=(StaffRole.DRIVER,))) == []
    assert _problems(_body(item, subject=subject, roles=(StaffRole.DRIVER,))) == [("roles_on_non_staff_template", "S1")]
    sub = TemplateSection(code="S1-1", title_zh="分项", roles=(StaffRole.GUARD,), items=(item,))
    nested = TemplateBody(code="TX", title_zh="测试", subject=subject,
                          sections=(TemplateSection(code="S1", title_zh="部分", sections=(sub,)),))
    assert _problems(nested) == [("roles_on_non_staff_template", "S1-1")]
