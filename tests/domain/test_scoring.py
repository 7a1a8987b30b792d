"""Scoring rules: properties that must hold for any template and any answers (hypothesis), and
hand-computed examples on the built-in templates for each scheme.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.domain.errors import ValidationError
from inspector.domain.inspections import AnswerResult
from inspector.domain.registry import StaffRole
from inspector.domain.scoring import applicable_items, evaluate_numeric, max_score, score
from inspector.domain.templates import (
    ResponseType,
    ScoringScheme,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"
PASS, FAIL, NA = AnswerResult.PASS, AnswerResult.FAIL, AnswerResult.NA


def _builtin(code: str) -> TemplateBody:
    return TemplateBody.model_validate_json((TEMPLATES / f"{code}.json").read_bytes())


T1 = _builtin("T1")
T2 = _builtin("T2")

# --- strategies ------------------------------------------------------------------------------
halves = st.integers(0, 20).map(lambda n: n / 2)  # 0, 0.5 … 10: the points checklists use
roles = st.lists(st.sampled_from(list(StaffRole)), max_size=2, unique=True).map(tuple)


@st.composite
def item_lists(draw: st.DrawFn, section_code: str, *, veto: bool) -> tuple[TemplateItem, ...]:
    made = []
    for number in range(1, draw(st.integers(0, 4)) + 1):
        response = draw(st.sampled_from([ResponseType.PASS_FAIL] * 3 + [ResponseType.NUMERIC, ResponseType.TEXT]))
        made.append(TemplateItem(
            code=f"{section_code}.{number}", text_zh="检查项", response=response,
            threshold=1.6 if response is ResponseType.NUMERIC else None,
            deduct=draw(halves), weight=draw(halves),
            veto=veto and response is not ResponseType.TEXT and draw(st.sampled_from([False] * 5 + [True])),
        ))
    return tuple(made)


@st.composite
def bodies(draw: st.DrawFn, *, scheme: ScoringScheme | None = None, veto: bool = True) -> TemplateBody:
    sections = []
    for top in range(1, draw(st.integers(1, 4)) + 1):
        code = f"S{top}"
        subs = tuple(
            TemplateSection(code=f"{code}-{sub}", title_zh="分项", roles=draw(roles),
                            deduct_cap=draw(st.none() | halves), items=draw(item_lists(f"{code}-{sub}", veto=veto)))
            for sub in range(1, draw(st.integers(0, 2)) + 1)
        )
        sections.append(TemplateSection(code=code, title_zh="部分", roles=draw(roles),
                                        deduct_cap=draw(st.none() | st.integers(0, 30).map(float)),
                                        items=draw(item_lists(code, veto=veto)), sections=subs))
    return TemplateBody(code="TX", title_zh="测试", subject=SubjectKind.STAFF,
                        scheme=scheme or draw(st.sampled_from(list(ScoringScheme))),
                        base_score=draw(st.sampled_from([100.0, 50.0, 10.0])), sections=tuple(sections))


@st.composite
def cases(
    draw: st.DrawFn, *, scheme: ScoringScheme | None = None, veto: bool = True
) -> tuple[TemplateBody, dict[str, AnswerResult], StaffRole | None]:
    body = draw(bodies(scheme=scheme, veto=veto))
    results = {}
    for _, item in body.iter_items():
        result = draw(st.sampled_from([None, PASS, FAIL, NA]))
        if result is not None:
            results[item.code] = result
    results["NOT-IN-TEMPLATE"] = FAIL
    return body, results, draw(st.none() | st.sampled_from(list(StaffRole)))


def _scored_codes(body: TemplateBody, role: StaffRole | None) -> list[str]:
    return [item.code for _, item in applicable_items(body, staff_role=role) if item.response is not ResponseType.TEXT]


# --- properties ------------------------------------------------------------------------------
@given(cases())
def test_score_stays_between_zero_and_the_maximum(case: tuple) -> None:
    body, results, role = case
    result = score(body, results, staff_role=role)
    assert 0 <= result.score <= result.max_score
    assert 0 <= result.percent <= 100
    # An item not answered never counts as passed (#13.4): like N/A it leaves the weighted maximum.
    unanswered = set(_scored_codes(body, role)) - set(results)
    assert result.max_score == max_score(body, staff_role=role,
                                         na_codes={c for c, r in results.items() if r is NA} | unanswered)


@given(cases(veto=False))
def test_all_pass_scores_the_maximum(case: tuple) -> None:
    body, _, role = case
    result = score(body, {code: PASS for code in _scored_codes(body, role)}, staff_role=role)
    assert (result.score, result.percent, result.deducted, result.failed) == (result.max_score, 100.0, 0.0, ())
    assert result.answered == result.applicable == len(_scored_codes(body, role))


@given(cases(), st.data())
def test_one_more_failure_never_raises_the_score(case: tuple, data: st.DataObject) -> None:
    body, results, role = case
    candidates = [code for code in _scored_codes(body, role) if results.get(code) in (PASS, None)]
    if not candidates:
        return
    code = data.draw(st.sampled_from(candidates))
    before = score(body, results, staff_role=role)
    after = score(body, {**results, code: FAIL}, staff_role=role)
    assert after.score <= before.score and after.percent <= before.percent
    assert code in after.failed


@given(cases(scheme=ScoringScheme.DEDUCTION), st.data())
def test_na_never_lowers_a_deduction_score(case: tuple, data: st.DataObject) -> None:
    body, results, role = case
    codes = _scored_codes(body, role)
    if not codes:
        return
    code = data.draw(st.sampled_from(codes))
    assert score(body, {**results, code: NA}, staff_role=role).score >= score(body, results, staff_role=role).score


@given(cases(scheme=ScoringScheme.DEDUCTION))
def test_section_deductions_respect_their_caps(case: tuple) -> None:
    body, results, role = case
    result = score(body, results, staff_role=role)
    for section in body.iter_sections():
        if section.code in result.section_deductions and section.deduct_cap is not None:
            assert result.section_deductions[section.code] <= section.deduct_cap
    tops = sum(result.section_deductions.get(section.code, 0.0) for section in body.sections)
    assert result.deducted == pytest.approx(min(tops, body.base_score))
    if not result.veto_failed:
        assert result.score == pytest.approx(body.base_score - result.deducted)


@given(cases(), st.data())
def test_a_failed_veto_item_zeroes_the_score(case: tuple, data: st.DataObject) -> None:
    body, results, role = case
    vetoes = [item.code for _, item in applicable_items(body, staff_role=role) if item.veto]
    if not vetoes:
        return
    code = data.draw(st.sampled_from(vetoes))
    result = score(body, {**results, code: FAIL}, staff_role=role)
    assert (result.score, result.percent, result.veto_failed) == (0.0, 0.0, True)
    assert code in result.veto_items and code in result.failed


@given(cases(), st.sampled_from(list(StaffRole)), st.data())
def test_sections_for_other_roles_never_affect_the_score(case: tuple, role: StaffRole, data: st.DataObject) -> None:
    body, results, _ = case
    applicable = set(_scored_codes(body, role))
    others = [item.code for _, item in body.iter_items() if item.code not in applicable]
    changed = dict(results)
    for code in others:
        changed[code] = data.draw(st.sampled_from([PASS, FAIL, NA]))
    before, after = score(body, results, staff_role=role), score(body, changed, staff_role=role)
    assert (after.score, after.max_score, after.percent, after.veto_failed) == (
        before.score, before.max_score, before.percent, before.veto_failed)
    assert set(after.failed) <= applicable


@settings(max_examples=50)
@given(cases(scheme=ScoringScheme.WEIGHTED), st.data())
def test_weighted_na_leaves_the_maximum(case: tuple, data: st.DataObject) -> None:
    body, results, role = case
    codes = [c for c in _scored_codes(body, role) if c in results and results[c] is not NA]
    if not codes:
        return
    code = data.draw(st.sampled_from(codes))
    weight = body.item(code).weight
    assert score(body, {**results, code: NA}, staff_role=role).max_score == pytest.approx(
        score(body, results, staff_role=role).max_score - weight)


# --- DEDUCTION on T1 (base 100, caps 20, 2 points general, 5 serious, T1-4.2 veto) ----------------
def test_t1_deduction_examples() -> None:
    result = score(T1, {"T1-1.1": FAIL, "T1-1.6": FAIL, "T1-2.1": NA, "T1-3.1": PASS})
    assert (result.score, result.max_score, result.percent, result.deducted) == (93.0, 100.0, 93.0, 7.0)
    assert result.failed == ("T1-1.1", "T1-1.6") and result.answered == 4 and result.applicable == 25
    assert dict(result.section_deductions) == {"T1-1": 7.0, "T1-2": 0.0, "T1-3": 0.0, "T1-4": 0.0, "T1-5": 0.0,
                                               "T1-6": 0.0}
    everything = {item.code: FAIL for _, item in T1.iter_items() if item.code != "T1-4.2"}
    # T1-1 loses 15, T1-2 12, T1-3 14, T1-4 5, T1-5 6, T1-6 2: 54 in all, under every cap.
    assert score(T1, everything).score == 46.0


def test_t1_section_cap_and_veto() -> None:
    capped = T1.model_copy(update={"sections": (T1.sections[0].model_copy(update={"deduct_cap": 10.0}),
                                                *T1.sections[1:])})
    section_one = {item.code: FAIL for item in T1.sections[0].items}  # 5 × 2 + 5 = 15
    assert score(T1, section_one).score == 85.0
    assert score(capped, section_one).score == 90.0
    assert score(capped, section_one).section_deductions["T1-1"] == 10.0
    vetoed = score(T1, {"T1-4.2": FAIL, "T1-1.1": PASS})
    assert (vetoed.score, vetoed.percent, vetoed.veto_failed, vetoed.veto_items) == (0.0, 0.0, True, ("T1-4.2",))
    assert score(T1, {"T1-4.2": NA}).veto_failed is False


def test_sub_section_deductions_count_toward_both_caps() -> None:
    sub = TemplateSection(code="P-1", title_zh="分项", deduct_cap=4.0, items=(
        TemplateItem(code="P-1.1", text_zh="a", deduct=3.0), TemplateItem(code="P-1.2", text_zh="b", deduct=3.0)))
    parent = TemplateSection(code="P", title_zh="部分", deduct_cap=10.0, sections=(sub,), items=(
        TemplateItem(code="P.1", text_zh="c", deduct=5.0), TemplateItem(code="P.2", text_zh="d", deduct=3.0)))
    body = TemplateBody(code="TP", title_zh="测试", subject=SubjectKind.UNIT, sections=(parent,))
    result = score(body, {"P-1.1": FAIL, "P-1.2": FAIL, "P.1": FAIL})  # sub 6 → 4; parent 5 + 4 = 9
    assert dict(result.section_deductions) == {"P": 9.0, "P-1": 4.0} and result.score == 91.0
    assert score(body, {"P-1.1": FAIL, "P-1.2": FAIL, "P.1": FAIL, "P.2": FAIL}).score == 90.0  # 12 → cap 10


# --- WEIGHTED and FIVE_POINT on T1 -----------------------------------------------------------------
def test_t1_weighted_examples() -> None:
    weighted = T1.model_copy(update={"scheme": ScoringScheme.WEIGHTED})
    assert max_score(weighted) == 25.0 and max_score(weighted, na_codes={"T1-1.1", "T1-9.9"}) == 24.0
    results = {"T1-1.1": FAIL, "T1-1.2": FAIL, "T1-2.1": FAIL, "T1-3.1": NA, "T1-3.2": NA, "T1-3.3": PASS}
    result = score(weighted, results)
    # Four items checked (three failed, one passed); the 19 not answered never count as passed (#13.4).
    assert (result.score, result.max_score, result.deducted) == (1.0, 4.0, 3.0)
    assert result.percent == pytest.approx(25.0)
    assert score(weighted, {"T1-4.2": FAIL}).score == 0.0  # the veto holds in every scheme
    assert score(weighted, {}).percent == 100.0  # nothing answered yet: nothing failed


def test_t1_five_point_examples() -> None:
    five = T1.model_copy(update={"scheme": ScoringScheme.FIVE_POINT})
    answers = {f"T1-2.{n}": PASS for n in range(1, 7)} | {"T1-3.1": PASS, "T1-3.2": PASS,
                                                          "T1-1.1": FAIL, "T1-1.2": FAIL, "T1-1.3": NA}
    result = score(five, answers)  # 8 of 10 answered, not N/A, passed: 80 % → 4.0
    assert (result.score, result.max_score, result.percent) == (4.0, 5.0, pytest.approx(80.0))
    two_of_three = score(five, {"T1-1.1": PASS, "T1-1.2": PASS, "T1-1.3": FAIL})
    assert two_of_three.score == 3.3 and max_score(five) == 5.0
    assert score(five, {}).score == 5.0


# --- role filters, TEXT items, numeric readings -------------------------------------------------------
def test_t2_role_sections_apply_only_to_their_roles() -> None:
    def sections_for(role: StaffRole | None) -> set[str]:
        return {section.code for section, _ in applicable_items(T2, staff_role=role)}

    common = {f"T2-{n}" for n in range(1, 6)}
    assert sections_for(StaffRole.DRIVER) == common | {"T2-6"}
    assert sections_for(StaffRole.GUARD) == common | {"T2-7"}
    assert sections_for(StaffRole.MANAGER) == common
    assert sections_for(None) == common | {"T2-6", "T2-7", "T2-8", "T2-9"}
    assert score(T2, {"T2-7.1": FAIL}, staff_role=StaffRole.DRIVER).score == 100.0
    assert score(T2, {"T2-7.1": FAIL}, staff_role=StaffRole.GUARD).score == 98.0
    assert score(T2, {}, staff_role=StaffRole.DRIVER).applicable == 29 + 5  # T2-1…T2-5 and the crew section T2-6


def test_sub_sections_inherit_or_override_the_role_filter() -> None:
    inherit = TemplateSection(code="D-1", title_zh="x", items=(TemplateItem(code="D-1.1", text_zh="x", deduct=2),))
    own = TemplateSection(code="D-2", title_zh="y", roles=(StaffRole.GUARD,),
                          items=(TemplateItem(code="D-2.1", text_zh="y", deduct=3),))
    drivers = TemplateSection(code="D", title_zh="z", roles=(StaffRole.DRIVER,), sections=(inherit, own),
                              items=(TemplateItem(code="D.1", text_zh="z"),))
    body = TemplateBody(code="TD", title_zh="测试", subject=SubjectKind.STAFF, sections=(drivers,))

    def codes(role: StaffRole) -> list[str]:
        return [item.code for _, item in applicable_items(body, staff_role=role)]

    assert codes(StaffRole.DRIVER) == ["D.1", "D-1.1"]
    assert codes(StaffRole.GUARD) == ["D-2.1"]
    assert score(body, {"D-2.1": FAIL, "D-1.1": FAIL}, staff_role=StaffRole.GUARD).score == 97.0
    assert score(body, {"D-2.1": FAIL, "D-1.1": FAIL}, staff_role=StaffRole.DRIVER).score == 98.0


def test_text_items_are_listed_but_never_scored() -> None:
    section = TemplateSection(code="X", title_zh="x", items=(
        TemplateItem(code="X.1", text_zh="观察", response=ResponseType.TEXT, deduct=5.0, weight=3.0),
        TemplateItem(code="X.2", text_zh="检查", deduct=5.0, weight=1.0)))
    for scheme in ScoringScheme:
        body = TemplateBody(code="TT", title_zh="测试", subject=SubjectKind.UNIT, scheme=scheme, sections=(section,))
        assert [item.code for _, item in applicable_items(body)] == ["X.1", "X.2"]
        result = score(body, {"X.1": FAIL, "X.2": PASS})
        assert (result.score, result.failed, result.applicable, result.answered) == (
            max_score(body), (), 1, 1)
    weighted = TemplateBody(code="TT", title_zh="测试", subject=SubjectKind.UNIT, scheme=ScoringScheme.WEIGHTED,
                            sections=(section,))
    assert max_score(weighted) == 1.0


def test_evaluate_numeric() -> None:
    tread = TemplateItem(code="V.1", text_zh="轮胎花纹深度", response=ResponseType.NUMERIC, threshold=1.6)
    assert evaluate_numeric(tread, 1.6) is PASS and evaluate_numeric(tread, 3) is PASS
    assert evaluate_numeric(tread, 1.59) is FAIL
    with pytest.raises(ValidationError) as caught:
        evaluate_numeric(tread, math.nan)
    assert caught.value.code == "invalid_value"
    for item, code in [(TemplateItem(code="V.2", text_zh="x"), "item_not_numeric"),
                       (TemplateItem(code="V.3", text_zh="x", response=ResponseType.NUMERIC), "numeric_without_threshold")]:
        with pytest.raises(ValidationError) as caught:
            evaluate_numeric(item, 2.0)
        assert caught.value.code == code and caught.value.params["item"] == item.code
