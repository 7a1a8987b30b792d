"""The vocabulary shared by template spreadsheet export and import: sheet and column names of our
XLSForm dialect, the words accepted for yes/no and for each enum (English values and the Chinese
an office writes), how survey headers (``label::中文 (zh)``…) and ``type`` cells are read, and
``RowValues``, which parses one row's cells and records a ``RowProblem`` naming sheet, row and
column for every cell it cannot read.

Sheets and columns (``template_sheets_write`` writes exactly these; the reader accepts them in
any order, plus every spelling pyxform accepts: ``template_sheets_xlsform``):

- ``survey``: type, name, label::中文 (zh), label::English (en), hint::中文 (zh),
  hint::English (en), required, relevant (on the ``image`` rows a photo-required item is
  followed by), then our extras, which ODK/Kobo ignore: deduct, weight, critical,
  photo_required, covert, severity, action_days, threshold, unit, origin, source,
  reference_photo on item rows; deduct_cap and role on ``begin group`` rows; code (the exact
  code where it is no XML name, the name then being ``_`` + code).
- ``choices``: list_name, name, labels, and our score / flag.
- ``settings``: form_title, form_id, version, default_language, then title_en, category,
  subject, scheme, base_score, description_zh, description_en, effective_month.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

from inspector.domain.errors import RowProblem
from inspector.domain.registry import StaffRole
from inspector.domain.templates import (
    Origin,
    ResponseType,
    ScoringScheme,
    Severity,
    SubjectKind,
)
from inspector.services.registry_columns import STAFF_ROLE_WORDS

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
PASS_FAIL_LIST = "pass_fail"
ZH_LANGUAGE, EN_LANGUAGE = "中文 (zh)", "English (en)"
LABEL_ZH, LABEL_EN = f"label::{ZH_LANGUAGE}", f"label::{EN_LANGUAGE}"
HINT_ZH, HINT_EN = f"hint::{ZH_LANGUAGE}", f"hint::{EN_LANGUAGE}"

GROUP_COLUMNS = ("deduct_cap", "role")  # our extras that belong on ``begin group`` rows only
ITEM_COLUMNS = ("deduct", "weight", "critical", "photo_required", "covert", "severity", "action_days",
                "threshold", "unit", "origin", "source", "reference_photo")
SURVEY_COLUMNS = ("type", "name", LABEL_ZH, LABEL_EN, HINT_ZH, HINT_EN, "required", "relevant",
                  ITEM_COLUMNS[0], ITEM_COLUMNS[1], GROUP_COLUMNS[0], *ITEM_COLUMNS[2:7], GROUP_COLUMNS[1],
                  *ITEM_COLUMNS[7:], "code")
# The photo an item asks for when it fails: an ODK ``image`` question shown (``relevant``) then.
PHOTO_TYPE = "image"
PHOTO_LABEL_ZH, PHOTO_LABEL_EN = "不合格时拍照", "Photo when it fails"
CHOICE_COLUMNS = ("list_name", "name", LABEL_ZH, LABEL_EN, "score", "flag")
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language", "title_en", "category",
                    "subject", "scheme", "base_score", "description_zh", "description_en", "effective_month")

BEGIN_GROUP, END_GROUP = "begin group", "end group"
ITEM_TYPES: dict[ResponseType, str] = {
    ResponseType.PASS_FAIL: f"select_one {PASS_FAIL_LIST}",
    ResponseType.NUMERIC: "decimal",
    ResponseType.TEXT: "text",
}
# (name, 中文, English, score, flag) of the pass/fail/na list
PASS_FAIL_CHOICES = (("pass", "合格", "Pass", 1, "no"), ("fail", "不合格", "Fail", 0, "yes"),
                     ("na", "不适用", "Not applicable", None, "no"))
CHOICE_NAMES = tuple(choice[0] for choice in PASS_FAIL_CHOICES)
YES_WORDS = frozenset({"yes", "y", "true", "true()", "1", "是", "√", "✓", "✔", "对", "要"})
NO_WORDS = frozenset({"no", "n", "false", "false()", "0", "否", "×", "✗", "不", "不要"})  # not "x": some tick with it
SEVERITY_WORDS: dict[str, Severity] = {"一般": Severity.GENERAL, "轻微": Severity.GENERAL,
                                       "严重": Severity.SERIOUS, "重大": Severity.SERIOUS}
SUBJECT_WORDS: dict[str, SubjectKind] = {
    "车辆": SubjectKind.VEHICLE, "车": SubjectKind.VEHICLE, "人员": SubjectKind.STAFF, "员工": SubjectKind.STAFF,
    "位置": SubjectKind.LOCATION, "点位": SubjectKind.LOCATION, "场所": SubjectKind.LOCATION,
    "单位": SubjectKind.UNIT,
}
SCHEME_WORDS: dict[str, ScoringScheme] = {"扣分制": ScoringScheme.DEDUCTION, "扣分": ScoringScheme.DEDUCTION,
                                          "加权": ScoringScheme.WEIGHTED, "权重": ScoringScheme.WEIGHTED,
                                          "五分制": ScoringScheme.FIVE_POINT}
ORIGIN_WORDS: dict[str, Origin] = {"直接": Origin.DIRECT, "改编": Origin.ADAPTED, "借鉴": Origin.ADAPTED,
                                   "推定": Origin.INFERRED}

E = TypeVar("E", bound=StrEnum)
_LANGUAGE_CODE = re.compile(r"\(([a-z]{2,3})(?:[-_][a-z0-9]+)?\)")
_DEDUCTION_TEXT = re.compile(r"^(?:每[^\d\-]{0,8})?(?:扣除?)?\s*(-?\d+(?:\.\d+)?)\s*分?$")


def fold(text: str) -> str:
    """Width, case and surrounding blanks folded away: ``" Ｓurvey "`` → ``survey``."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def cell_text(value: Any) -> str:
    """Any cell as stripped text ("" when blank): 12.0 → "12", a date → "2025-03-01"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()


def yes_no_text(value: bool) -> str:
    return "yes" if value else "no"


def enum_words(words: Mapping[str, E], enum: type[E]) -> str:
    """``general, serious (or 一般, 严重)`` for an ``enum`` problem."""
    chinese: dict[str, str] = {}
    for word, member in words.items():
        chinese.setdefault(member.value, word)
    values = ", ".join(member.value for member in enum)
    return f"{values} (or {', '.join(chinese.values())})" if chinese else values


def parse_enum(text: str, words: Mapping[str, E], enum: type[E]) -> E | None:
    folded = fold(text)
    for member in enum:
        if fold(member.value) == folded or fold(member.value.replace("_", " ")) == folded:
            return member
    return next((member for word, member in words.items() if fold(word) == folded), None)


def language_of(tag: str) -> str | None:
    """``中文 (zh)``, ``Chinese``, ``zh-CN`` → zh; ``English (en)``, ``english``, ``en-GB`` → en;
    other languages → None."""
    tag = fold(tag)
    code = _LANGUAGE_CODE.search(tag)
    if code:
        return code.group(1) if code.group(1) in ("zh", "en") else None
    base = re.split(r"[-_\s]", tag)[0] if tag else ""
    if base in ("zh", "cn", "chinese", "zho", "chi") or "中文" in tag or "汉" in tag or "中" == tag:
        return "zh"
    return "en" if base in ("en", "english", "eng") or tag == "英文" else None


@dataclass
class RowValues:
    """One spreadsheet row read by column key, recording a problem at each unreadable cell.

    ``headers`` maps a column key to the header text the file uses (named in problems) and
    ``indexes`` to its position; ``lenient_numbers`` accepts "2分", "扣2分", "每处扣2分".
    """

    sheet: str | None
    row: int
    cells: tuple[Any, ...]
    indexes: Mapping[str, int]
    headers: Mapping[str, str]
    problems: list[RowProblem]
    lenient_numbers: bool = False

    def raw(self, key: str) -> Any:
        index = self.indexes.get(key)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def text(self, key: str) -> str:
        return cell_text(self.raw(key))

    def verbatim(self, key: str) -> str:
        """Free text exactly as typed (blanks kept), so that export → import changes nothing."""
        raw = self.raw(key)
        return raw if isinstance(raw, str) else self.text(key)

    def has(self, key: str) -> bool:
        return self.text(key) != ""

    def problem(self, key: str, code: str, **params: Any) -> None:
        column = self.headers.get(key, key)
        self.problems.append(RowProblem(self.row, column, code, params, sheet=self.sheet))

    def number(self, key: str, default: float | None, *, minimum: float = 0.0,
               whole: bool = False, yes_no: bool = False) -> float | None:
        """The cell as a number ≥ ``minimum`` (a whole one if ``whole``); ``default`` when blank."""
        raw, text = self.raw(key), self.text(key)
        if text == "":
            return default
        value: float | None = None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            value = float(raw)
        elif yes_no and fold(text) in YES_WORDS | NO_WORDS:
            value = 1.0 if fold(text) in YES_WORDS else 0.0
        else:
            folded = unicodedata.normalize("NFKC", text).replace(",", "").strip()
            match = _DEDUCTION_TEXT.match(folded) if self.lenient_numbers else None
            try:
                value = float(match.group(1) if match else folded)
            except ValueError:
                value = None
        if value is None or not math.isfinite(value):
            self.problem(key, "int_parsing" if whole else "float_parsing", value=text)
            return default
        if whole and not value.is_integer():
            self.problem(key, "int_parsing", value=text)
            return default
        if value < minimum:
            self.problem(key, "number_too_small", value=text, minimum=cell_text(minimum))
            return default
        return value

    def whole(self, key: str, default: int | None, *, minimum: int = 0, yes_no: bool = False) -> int | None:
        value = self.number(key, None, minimum=minimum, whole=True, yes_no=yes_no)
        return default if value is None else int(value)

    def flag(self, key: str, default: bool) -> bool:
        text = fold(self.text(key))
        if text == "":
            return default
        if text in YES_WORDS or text in NO_WORDS:
            return text in YES_WORDS
        self.problem(key, "yes_no_expected", value=self.text(key))
        return default

    def choice(self, key: str, words: Mapping[str, E], enum: type[E], default: E) -> E:
        text = self.text(key)
        if text == "":
            return default
        member = parse_enum(text, words, enum)
        if member is None:
            self.problem(key, "enum", value=text, expected=enum_words(words, enum))
            return default
        return member

    def roles(self, key: str) -> tuple[StaffRole, ...]:
        """Space-, comma- or 、-separated staff roles (``driver conductor`` or ``驾驶员、乘务员``)."""
        found: list[StaffRole] = []
        for word in re.split(r"[\s,，、;；/]+", self.text(key)):
            if not word:
                continue
            role = parse_enum(word, STAFF_ROLE_WORDS, StaffRole)
            if role is None:
                self.problem(key, "enum", value=word, expected=enum_words(STAFF_ROLE_WORDS, StaffRole))
            elif role not in found:
                found.append(role)
        return tuple(found)
