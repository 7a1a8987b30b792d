"""Reading a template workbook into a ``TemplateBody``: every problem listed, or a sound body.

Layout detection: a workbook with a sheet named ``survey`` is XLSForm (what ``templates export``
writes, or a form written for ODK/Kobo with our extra columns); any other workbook is read as
the simple sheet a quality office writes (``template_sheets_office``).

XLSForm rules decided here:
- ``begin group`` / ``end group`` are sections (``name`` = section code), nested one level at
  most; every item sits inside a group. ``select_one LIST`` is a pass/fail item (LIST's choices
  must be named pass, fail and optionally na), ``decimal``/``integer`` a measured value,
  ``text`` an observation. ODK metadata and display rows (note, calculate, start, end,
  deviceid…) are skipped; any other type is refused with the list of supported ones.
- Labels: ``label::中文 (zh)`` / ``label::English (en)`` (any ``label::… (zh|en)``), and a bare
  ``label`` counts as the settings' ``default_language`` (Chinese when blank). An English-only
  form uses its English text as the Chinese until someone translates it. ``hint`` = guidance.
- Settings: ``form_id`` is the template code (the file name when blank, as pyxform does),
  ``form_title`` the Chinese title, ``subject`` is required; ``version`` is informational (the
  database numbers versions).
- Blank rows anywhere are skipped. Merged cells in these sheets are refused: a merge hides
  values from every row but the first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from inspector.domain.errors import ImportRejected, RowProblem
from inspector.domain.templates import (
    MONTH_PATTERN,
    Origin,
    ResponseType,
    ScoringScheme,
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)
from inspector.services.template_sheets_format import (
    CHOICE_NAMES,
    CHOICES,
    GROUP_COLUMNS,
    ITEM_COLUMNS,
    ORIGIN_WORDS,
    SCHEME_WORDS,
    SETTINGS,
    SETTINGS_COLUMNS,
    SEVERITY_WORDS,
    SUBJECT_WORDS,
    SUPPORTED_TYPES,
    SURVEY,
    RowValues,
    fold,
    language_of,
    parse_type,
    survey_key,
)
from inspector.services.template_sheets_office import read_office
from inspector.services.template_sheets_workbook import (
    Locations,
    Row,
    domain_problems,
    find_sheet,
    header_cells,
    merge_problems,
    merged_ranges,
    open_workbook,
    sheet_rows,
)

LAYOUT_XLSFORM, LAYOUT_OFFICE = "xlsform", "office"


@dataclass(frozen=True)
class SheetTemplate:
    """What a workbook holds: the body, which layout it used, its main sheet, the month it names."""

    body: TemplateBody
    layout: str
    sheet: str
    effective_month: str | None = None


def _map_header(cells: list[str], key_of: Callable[[str], str | None]) -> tuple[dict[str, int], dict[str, str]]:
    indexes: dict[str, int] = {}
    headers: dict[str, str] = {}
    for index, text in enumerate(cells):
        key = key_of(text) if text else None
        if key is not None and key not in indexes:
            indexes[key], headers[key] = index, text
    return indexes, headers


@dataclass
class _Table:
    """One XLSForm sheet: header position and mapping, and the non-blank rows below it."""

    name: str
    header_row: int
    indexes: dict[str, int]
    headers: dict[str, str]
    rows: list[tuple[int, Row]]


@dataclass
class _Open:
    """A ``begin group`` whose ``end group`` has not come yet."""

    row: int
    code: str
    title_zh: str
    title_en: str
    roles: tuple[Any, ...]
    deduct_cap: float | None
    too_deep: bool = False
    items: list[TemplateItem] = field(default_factory=list)
    sections: list[TemplateSection] = field(default_factory=list)

    def close(self) -> TemplateSection:
        return TemplateSection(code=self.code, title_zh=self.title_zh, title_en=self.title_en, roles=self.roles,
                               deduct_cap=self.deduct_cap, items=tuple(self.items), sections=tuple(self.sections))


class _XlsFormReader:
    def __init__(self, workbook: Any, path: Path) -> None:
        self.workbook, self.path = workbook, path
        self.problems: list[RowProblem] = []
        self.where = Locations(SURVEY)
        self.default_en = False
        self.unreadable = False  # a sheet or column is missing: the body is too partial to judge

    def problem(self, sheet: str, row: int, column: str, code: str, /, **params: Any) -> None:
        self.problems.append(RowProblem(row, column, code, params, sheet=sheet))

    def table(self, name: str, key_of: Callable[[str], str | None], required: tuple[str, ...]) -> _Table | None:
        sheet = find_sheet(self.workbook, name)
        if sheet is None:
            found = ", ".join(s.title for s in self.workbook.worksheets)
            self.problem(name, 0, "", "sheet_missing", sheet=name, found=found)
            self.unreadable = True
            return None
        rows = sheet_rows(sheet, self.path)
        filled = [(number, cells) for number, cells in enumerate(rows, start=1) if any(
            value is not None and str(value).strip() for value in cells)]
        if not filled:
            self.problem(sheet.title, 0, "", "sheet_empty")
            self.unreadable = True
            return None
        header_row, header = filled[0][0], header_cells(filled[0][1])
        indexes, headers = _map_header(header, key_of)
        for merge in merged_ranges(sheet, self.path):
            column = header[merge.min_col - 1] if merge.min_col <= len(header) else ""
            self.problem(sheet.title, merge.min_row, column or f"#{merge.min_col}", "merged_cells", range=merge.ref)
        missing = [key for key in required if key not in indexes]
        for key in missing:
            self.problem(sheet.title, header_row, key, "column_missing", expected=key)
        if missing:
            self.unreadable = True  # its rows would each repeat the same complaint
            return None
        return _Table(sheet.title, header_row, indexes, headers, filled[1:])

    def values(self, table: _Table, number: int, cells: Row) -> RowValues:
        return RowValues(table.name, number, cells, table.indexes, table.headers, self.problems)

    # --- settings -----------------------------------------------------------------------------
    def settings(self) -> tuple[dict[str, Any], str | None]:
        table = self.table(SETTINGS, lambda h: fold(h) if fold(h) in SETTINGS_COLUMNS else None, ())
        # The placeholder subject only lets a body be built so that every other problem is found too.
        found: dict[str, Any] = {"code": self.path.stem, "title_zh": "", "subject": SubjectKind.VEHICLE}
        self.where.template_sheet = SETTINGS
        if table is None:
            return found, None
        number, cells = table.rows[0] if table.rows else (table.header_row + 1, ())
        r = self.values(table, number, cells)
        self.default_en = language_of(fold(r.text("default_language"))) == "en"
        self.where.template_sheet, self.where.template_row = table.name, number
        self.where.template_columns = {field: table.headers.get(key, key) for field, key in (
            ("code", "form_id"), ("title", "form_title"), ("base_score", "base_score"))}
        found.update(code=r.text("form_id") or self.path.stem, title_zh=r.verbatim("form_title"),
                     title_en=r.verbatim("title_en") or (r.verbatim("form_title") if self.default_en else ""),
                     category=r.verbatim("category"),
                     scheme=r.choice("scheme", SCHEME_WORDS, ScoringScheme, ScoringScheme.DEDUCTION),
                     base_score=r.number("base_score", 100.0),
                     description_zh=r.verbatim("description_zh"), description_en=r.verbatim("description_en"))
        if not r.has("subject"):
            r.problem("subject", "required")
        found["subject"] = r.choice("subject", SUBJECT_WORDS, SubjectKind, SubjectKind.VEHICLE)
        month = r.raw("effective_month")
        month_text = month.strftime("%Y-%m") if isinstance(month, date) else r.text("effective_month")
        if month_text and not MONTH_PATTERN.match(month_text):
            r.problem("effective_month", "month_format", value=month_text)
        return found, (month_text if month_text and MONTH_PATTERN.match(month_text) else None)

    # --- survey -------------------------------------------------------------------------------
    def labels(self, r: RowValues, base: str) -> tuple[str, str]:
        zh, en, bare = r.verbatim(f"{base}_zh"), r.verbatim(f"{base}_en"), r.verbatim(base)
        if bare.strip() and self.default_en:
            en = en if en.strip() else bare
        elif bare.strip():
            zh = zh if zh.strip() else bare
        if base == "label" and not zh.strip() and en.strip():
            zh = en  # an English-only form: the English stands in until the office translates it
        return zh, en

    def item(self, r: RowValues, response: ResponseType) -> TemplateItem:
        text_zh, text_en = self.labels(r, "label")
        guidance_zh, guidance_en = self.labels(r, "hint")
        for key in GROUP_COLUMNS:
            if r.has(key):
                r.problem(key, "column_for_groups", value=r.text(key))
        return TemplateItem(
            code=r.text("name"), text_zh=text_zh, text_en=text_en, guidance_zh=guidance_zh, guidance_en=guidance_en,
            response=response, threshold=r.number("threshold", None, minimum=-math.inf), unit_of_measure=r.verbatim("unit"),
            severity=r.choice("severity", SEVERITY_WORDS, Severity, Severity.GENERAL),
            deduct=r.number("deduct", 0.0) or 0.0, weight=r.number("weight", 1.0) or 0.0,
            veto=r.flag("critical", False), photos_on_fail=r.whole("photo_required", 0, yes_no=True) or 0,
            covert=r.flag("covert", True), action_days=r.whole("action_days", None, minimum=1),
            origin=r.choice("origin", ORIGIN_WORDS, Origin, Origin.DIRECT), source=r.verbatim("source"),
            reference_photo=r.text("reference_photo") or None,
        )

    def group(self, r: RowValues, depth: int) -> _Open:
        title_zh, title_en = self.labels(r, "label")
        for key in ITEM_COLUMNS:
            if r.has(key):
                r.problem(key, "column_for_items", value=r.text(key))
        if depth >= 2:
            r.problem("type", "group_too_deep")
        return _Open(r.row, r.text("name"), title_zh, title_en, r.roles("role"), r.number("deduct_cap", None),
                     too_deep=depth >= 2)

    def survey(self) -> tuple[list[TemplateSection], dict[str, list[int]]]:
        """The sections, and the rows using each select_one list (checked against choices later)."""
        table = self.table(SURVEY, survey_key, ("type", "name"))
        if table is None:
            return [], {}
        if not {"label", "label_zh", "label_en"} & table.indexes.keys():
            self.problem(table.name, table.header_row, "label", "column_missing",
                         expected="label::中文 (zh), label::English (en), label")
            self.unreadable = True
            return [], {}
        text_column = next((table.headers[k] for k in ("label_zh", "label", "label_en") if k in table.headers), "label")
        self.where.sheet = table.name
        self.where.columns = {key: table.headers.get(key, key) for key in (
            "threshold", "deduct", "weight", "critical", "role", "deduct_cap")}
        self.where.columns.update(code=table.headers.get("name", "name"), text=text_column, title=text_column,
                                  type_header=table.headers.get("type", "type"))
        top: list[TemplateSection] = []
        stack: list[_Open] = []
        lists: dict[str, list[int]] = {}
        first_row: dict[tuple[str, str], int] = {}
        for number, cells in table.rows:
            r = self.values(table, number, cells)
            kind, argument = parse_type(r.text("type"))
            if kind == "ignored":
                continue
            if kind == "blank":
                if r.has("name") or any(r.has(k) for k in ("label", "label_zh", "label_en")):
                    r.problem("type", "required")
                continue
            if kind == "unknown":
                r.problem("type", "type_unknown", value=r.text("type"), expected=SUPPORTED_TYPES)
                continue
            if kind == "end":
                if not stack:
                    r.problem("type", "group_end_without_begin")
                    continue
                self.close(stack, top)
                continue
            what = "section" if kind == "begin" else "item"
            code = r.text("name")
            if not code:
                r.problem("name", "required")
            elif (what, code) in first_row:
                r.problem("name", f"duplicate_{what}_code", value=code, other_row=first_row[(what, code)])
            else:
                first_row[(what, code)] = number
                (self.where.sections if what == "section" else self.where.items)[code] = number
            if kind == "begin":
                stack.append(self.group(r, len(stack)))
                continue
            if argument:
                lists.setdefault(argument, []).append(number)
            item = self.item(r, ResponseType(kind))
            if not stack:
                r.problem("type", "item_outside_group")
            else:
                stack[-1].items.append(item)
        for unclosed in stack:
            self.problem(table.name, unclosed.row, table.headers.get("type", "type"), "group_unclosed",
                         value=unclosed.code)
        while stack:
            self.close(stack, top)
        return top, lists

    @staticmethod
    def close(stack: list[_Open], top: list[TemplateSection]) -> None:
        closing = stack.pop()
        if closing.too_deep:
            return  # already refused; its items are not placed anywhere
        (stack[-1].sections if stack else top).append(closing.close())

    # --- choices ------------------------------------------------------------------------------
    def choices(self, lists: dict[str, list[int]]) -> None:
        """Check that every select_one list exists and holds pass, fail and optionally na."""
        if not lists:
            return
        key_of: Callable[[str], str | None] = lambda h: {"list_name": "list_name", "list name": "list_name",
                                                         "name": "name", "score": "score", "flag": "flag"}.get(fold(h))
        table = self.table(CHOICES, key_of, ("list_name", "name"))
        if table is None or not {"list_name", "name"} <= table.indexes.keys():
            return
        seen: dict[str, dict[str, int]] = {}
        first: dict[str, int] = {}
        for number, cells in table.rows:
            r = self.values(table, number, cells)
            name_list = r.text("list_name")
            if name_list not in lists:
                continue  # a list no item uses: ODK forms may carry others
            first.setdefault(name_list, number)
            name = fold(r.text("name"))
            if name not in CHOICE_NAMES:
                r.problem("name", "choice_name_unknown", value=r.text("name"), expected=", ".join(CHOICE_NAMES))
            elif name in seen.setdefault(name_list, {}):
                r.problem("name", "duplicate_in_file", value=r.text("name"), other_row=seen[name_list][name])
            else:
                seen[name_list][name] = number
            r.number("score", None, minimum=-math.inf)
            r.flag("flag", False)
        type_column = self.where.columns.get("type_header", "type")
        for name_list, rows in lists.items():
            if name_list not in first:
                self.problem(SURVEY, rows[0], type_column, "choice_list_missing", value=name_list, count=len(rows))
                continue
            missing = [n for n in CHOICE_NAMES[:2] if n not in seen.get(name_list, {})]
            if missing:
                self.problem(table.name, first[name_list], table.headers["list_name"], "choice_list_incomplete",
                             value=name_list, missing=", ".join(missing))

    def read(self) -> tuple[SheetTemplate, list[RowProblem]]:
        found, month = self.settings()
        sections, lists = self.survey()
        self.choices(lists)
        body = TemplateBody(sections=tuple(sections), **found)
        problems = self.problems if self.unreadable else merge_problems(self.problems, domain_problems(body, self.where))
        return SheetTemplate(body, LAYOUT_XLSFORM, self.where.sheet, month), problems


def read_template_workbook(path: Path) -> SheetTemplate:
    """Read ``path`` (either layout). Raises ``ImportRejected`` listing every problem found."""
    path = Path(path)
    with open_workbook(path) as workbook:
        if find_sheet(workbook, SURVEY) is not None:
            result, problems = _XlsFormReader(workbook, path).read()
        else:
            body, sheet, problems = read_office(workbook, path)
            result = SheetTemplate(body, LAYOUT_OFFICE, sheet)
    if problems:
        raise ImportRejected(str(path), problems, result.sheet)
    return result


def read_template_xlsx(path: Path) -> TemplateBody:
    """The template body in ``path``; ``ImportRejected`` (every problem, with its place) otherwise."""
    return read_template_workbook(path).body
