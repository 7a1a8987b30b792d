"""The ``survey`` sheet of an XLSForm into template sections and items, row by row.

Rules (pyxform's where it has one; ``template_sheets_xlsform`` holds the vocabulary):
- ``begin group`` / ``begin repeat`` open a section (``name`` = its code); a repeat is answered
  once per inspection, and the summary says so. Sections nest one level: a group deeper than
  that gives its rows to the sub-section holding it (said in the summary). A group whose rows
  were all skipped is left out; one written empty stays.
- Questions outside any group go into one section named after the form, placed where the first
  of them stands.
- ``select_one LIST``: a pass/fail(/na) list (ours, or yes/no, 是/否, 合格/不合格, ok/not ok,
  有/无…) is a pass/fail item, the mapping listed in the summary; another list of 2–8 choices is
  a pass/fail item whose guidance shows the choices; a longer or shorter one is skipped.
  ``select_multiple`` is skipped. ``integer``/``decimal`` is a measured item when it has a
  ``threshold`` (skipped without one, unless the sheet has our threshold column: then the
  threshold is required). ``text`` is an observation item. An ``image`` right after an item is
  that item's photo when it fails (one photo per image row, unless the item's ``photo_required``
  cell says how many). Notes before the first question become the template description; other
  notes, metadata and the other question types are skipped, each listed with its row.
- Names: an item's code is its ``code`` cell (our column, for codes that are no XML name), else
  its ``name`` when that is a code, else (a long or non-Latin name pyxform accepts) one is made
  and the summary says which. A name pyxform refuses (a space, a digit first) is refused; a name
  used twice among siblings too, as pyxform refuses it.
- Labels: Chinese and English columns in any header spelling; a bare ``label`` is the settings'
  default language; an English-only form uses its English as the Chinese; a form in a third
  language only uses that language's text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from inspector.domain.templates import (
    Origin,
    ResponseType,
    Severity,
    TemplateItem,
    TemplateSection,
)
from inspector.services.template_sheets_choices import ChoiceLists
from inspector.services.template_sheets_format import (
    GROUP_COLUMNS,
    ITEM_COLUMNS,
    ORIGIN_WORDS,
    SEVERITY_WORDS,
    SURVEY,
    RowValues,
    fold,
)
from inspector.services.template_sheets_tables import SheetTables, Table
from inspector.services.template_sheets_xlsform import (
    CALCULATE,
    BEGIN,
    BLANK,
    END,
    MAX_SHOWN_CHOICES,
    METADATA,
    NOTE,
    NUMBER,
    PHOTO,
    SELECT_MULTIPLE,
    SELECT_ONE,
    SKIPPED,
    SUPPORTED_QUESTIONS,
    TEXT,
    UNKNOWN,
    RowType,
    classify_type,
    is_code,
    is_xml_name,
    translated_key,
)
from inspector.words.template_import import CHOICES_SHOWN_EN, CHOICES_SHOWN_ZH

_SURVEY_KEYS = frozenset({"type", "name", "required", "code", "relevant", "default", *ITEM_COLUMNS, *GROUP_COLUMNS})
# pyxform's spellings of a calculate row's expression (its aliases: calculation, calculate, bind::calculate)
_CALCULATION_HEADERS = {"calculation": "calculation", "calculate": "calculation", "bind::calculate": "calculation"}
# What pyxform's lexer counts as a dynamic default (pyxform.utils.default_is_dynamic): a ${reference},
# brackets, a function call, a union or an arithmetic operator, div and mod included
_DYNAMIC_DEFAULT = re.compile(r"\$\{|[\[\]()|*+\-]|\b(?:div|mod)\b")


def survey_key(header: str) -> str | None:
    key = translated_key(header)
    if key is not None:
        return key
    text = fold(header)
    return text if text in _SURVEY_KEYS else _CALCULATION_HEADERS.get(text)


@dataclass(frozen=True)
class FormSettings:
    """What the survey needs of the settings: the template code and title, the default language."""

    code: str
    title_zh: str
    title_en: str
    default_en: bool


@dataclass
class _Open:
    """A section whose ``end group`` has not come yet (or the section of loose questions)."""

    row: int
    code: str
    title_zh: str
    title_en: str
    control: str  # group or repeat
    roles: tuple[Any, ...] = ()
    deduct_cap: float | None = None
    target: _Open | None = None  # a group nested too deep hands its rows to this one
    rows_inside: int = 0
    items: list[TemplateItem] = field(default_factory=list)
    sections: list[TemplateSection] = field(default_factory=list)
    names: dict[str, int] = field(default_factory=dict)  # sibling names → row

    def close(self) -> TemplateSection:
        return TemplateSection(code=self.code, title_zh=self.title_zh, title_en=self.title_en, roles=self.roles,
                               deduct_cap=self.deduct_cap, items=tuple(self.items), sections=tuple(self.sections))


@dataclass
class _LastItem:
    """The item just read, which an ``image`` row right below it belongs to."""

    section: _Open
    index: int
    explicit_photos: bool


class SurveyReader:
    """Reads the survey sheet once into ``sections``, noting every row in the summary."""

    def __init__(self, tables: SheetTables, lists: ChoiceLists, settings: FormSettings) -> None:
        self.tables, self.lists, self.settings = tables, lists, settings
        self.table: Table | None = None
        self.top: list[TemplateSection | _Open] = []
        self.stack: list[_Open] = []
        self.loose: _Open | None = None
        self.last: _LastItem | None = None
        self.item_codes: dict[str, int] = {}
        self.section_codes: dict[str, int] = {}
        self.description: list[tuple[str, str]] = []
        self.questions_seen = False
        self.noted_lists: set[str] = set()
        self.missing_lists: dict[str, list[int]] = {}
        self.has_threshold_column = False
        self.root_names: dict[str, int] = {}

    # --- the sheet --------------------------------------------------------------------------
    def read(self) -> list[TemplateSection]:
        tables = self.tables
        table = tables.table(SURVEY, survey_key, ("type", "name"))
        if table is None:
            return []
        if not any(key == "label" or key.startswith(("label_", "label@")) for key in table.indexes):
            tables.problem(table.name, table.header_row, "label", "column_missing",
                           expected="label::中文 (zh), label::English (en), label:English, label")
            tables.unreadable = True
            return []
        self.table = table
        self.has_threshold_column = "threshold" in table.indexes
        label_keys = [k for k in ("label_zh", "label", "label_en") if k in table.headers] or [
            k for k in table.headers if k.startswith("label@")]
        text_column = table.headers[label_keys[0]]
        where = tables.where
        where.sheet = table.name
        where.columns = {key: table.column(key) for key in (
            "threshold", "deduct", "weight", "critical", "role", "deduct_cap")}
        where.columns.update(code=table.column("name"), text=text_column, title=text_column,
                             type_header=table.column("type"))
        for number, cells in table.rows:
            self.row(tables.values(table, number, cells))
        for unclosed in self.stack:
            tables.problem(table.name, unclosed.row, table.column("type"), "group_unclosed", value=unclosed.code)
        while self.stack:
            self.close()
        for name, rows in self.missing_lists.items():
            if self.lists.present:
                tables.problem(table.name, rows[0], table.column("type"), "choice_list_missing", value=name,
                               count=len(rows))
        if self.missing_lists and not self.lists.present:
            found = ", ".join(s.title for s in tables.workbook.worksheets)
            tables.problem("choices", 0, "", "sheet_missing", sheet="choices", found=found)
        return [slot.close() if isinstance(slot, _Open) else slot for slot in self.top]

    def row(self, r: RowValues) -> None:
        kind = classify_type(r.text("type"))
        if kind.kind != PHOTO:
            last, self.last = self.last, None
        else:
            last = self.last
        if kind.kind == BLANK:
            if r.has("name") or any(r.has(k) for k in r.indexes if k.startswith("label")):
                r.problem("type", "required")
            return
        if kind.kind == UNKNOWN:
            r.problem("type", "type_unknown", value=r.text("type"), expected=SUPPORTED_QUESTIONS)
            return
        if kind.kind == END:
            self.end(r, kind)
            return
        if kind.kind == BEGIN:
            self.begin(r, kind)
            return
        if self.stack:
            self.stack[-1].rows_inside += 1
        if kind.kind == NOTE:
            self.note(r)
            return
        if kind.kind == METADATA:
            self.skip(r, "skipped_metadata", type=kind.text)
            return
        self.questions_seen = True
        if kind.kind == SKIPPED:
            if self.calculation_missing(r, kind):
                r.problem("calculation", "calculation_missing")
                return
            self.skip(r, "skipped_type", type=kind.text)
        elif kind.kind == PHOTO:
            self.photo(r, last)
        elif kind.kind == SELECT_MULTIPLE:
            if self.choice_list(r, kind) is not None:
                self.skip(r, "skipped_multiple", type=kind.text)
        elif kind.kind == SELECT_ONE:
            self.select_one(r, kind)
        elif kind.kind == NUMBER:
            if r.has("threshold") or self.has_threshold_column:
                self.item(r, ResponseType.NUMERIC)
            else:
                self.skip(r, "skipped_number", type=kind.text)
        elif kind.kind == TEXT:
            self.item(r, ResponseType.TEXT)

    @staticmethod
    def calculation_missing(r: RowValues, kind: RowType) -> bool:
        """A calculate row says nothing without its expression: pyxform refuses it ("Missing calculation")
        unless a dynamic default computes the value instead."""
        if kind.argument != CALCULATE:
            return False
        return not r.has("calculation") and not _DYNAMIC_DEFAULT.search(r.text("default"))

    def skip(self, r: RowValues, code: str, **params: Any) -> None:
        self.tables.skip(r.sheet, r.row, r.headers.get("type", "type"), code, name=r.text("name"), **params)

    # --- groups -----------------------------------------------------------------------------
    def begin(self, r: RowValues, kind: RowType) -> None:
        title_zh, title_en = self.labels(r, "label")
        for key in ITEM_COLUMNS:
            if r.has(key):
                r.problem(key, "column_for_items", value=r.text(key))
        parent = self.stack[-1] if self.stack else None
        code = self.name_code(r, parent, self.section_codes, lambda: f"{self.settings.code}-{len(self.top) + 1}")
        if not title_zh.strip() and not title_en.strip() and code:
            title_zh = r.text("name")  # pyxform allows a group without a label; its name stands in
            self.tables.note(r.sheet, r.row, r.headers.get("name", "name"), "section_title_from_name", code=code)
        elif not title_zh.strip():
            title_zh = title_en
        real_depth = sum(1 for group in self.stack if group.target is None)
        target = None
        if real_depth >= 2:
            target = next(group for group in reversed(self.stack) if group.target is None)
            self.tables.note(r.sheet, r.row, r.headers.get("type", "type"), "group_merged", value=r.text("name"),
                             code=target.code)
        opened = _Open(r.row, code, title_zh, title_en, kind.argument, r.roles("role"), r.number("deduct_cap", None),
                       target=target)
        self.stack.append(opened)
        if target is None:
            self.tables.note(r.sheet, r.row, r.headers.get("type", "type"),
                             "mapped_repeat" if kind.argument == "repeat" else "mapped_section",
                             code=code, title=title_zh)
            if code:
                self.section_codes[code] = r.row
                self.tables.where.sections[code] = r.row

    def end(self, r: RowValues, kind: RowType) -> None:
        if not self.stack:
            r.problem("type", "group_end_without_begin")
            return
        if self.stack[-1].control != kind.argument:
            r.problem("type", "group_end_mismatch", value=r.text("type"), group=self.stack[-1].code)
        self.close()

    def close(self) -> None:
        closing = self.stack.pop()
        if closing.target is not None:
            return  # its rows went to the group holding it
        if not closing.items and not closing.sections and closing.rows_inside > 0:
            self.tables.skip(SURVEY if self.table is None else self.table.name, closing.row,
                             self.table.column("type") if self.table else "type", "skipped_group_empty",
                             name=closing.code)
            if self.stack:
                self.stack[-1].rows_inside += 1
            return
        if self.stack:
            self.stack[-1].sections.append(closing.close())
        else:
            self.top.append(closing.close())

    def holder(self, r: RowValues) -> _Open:
        """The section a question row goes into (the section of loose questions when none is open)."""
        if self.stack:
            open_group = self.stack[-1]
            return open_group.target or open_group
        if self.loose is None:
            code = self.free_code(self.section_codes, f"{self.settings.code}-0", r.row, "G")
            self.loose = _Open(r.row, code, self.settings.title_zh, self.settings.title_en, "group")
            self.section_codes[code] = r.row
            self.top.append(self.loose)
            self.tables.note(r.sheet, r.row, r.headers.get("type", "type"), "outside_group", code=code)
        return self.loose

    # --- names ------------------------------------------------------------------------------
    @staticmethod
    def free_code(taken: dict[str, int], wanted: str, row: int, prefix: str) -> str:
        if is_code(wanted) and wanted not in taken:
            return wanted
        return f"{prefix}{row}"

    def name_code(self, r: RowValues, parent: _Open | None, taken: dict[str, int], generated: Any) -> str:
        """The code of a group or item row (see the module docstring); "" when refused."""
        name, own = r.text("name"), r.text("code")
        what = "section" if taken is self.section_codes else "item"
        if not name:
            r.problem("name", "required")
            return ""
        if not is_xml_name(name) and not (own and is_code(own)):
            r.problem("name", "name_invalid", value=name)
            return ""
        siblings = parent.names if parent is not None else self.root_names
        if name in siblings:  # pyxform refuses a name twice among siblings (q1 and Q1 are two names)
            r.problem("name", f"duplicate_{what}_code", value=name, other_row=siblings[name])
            return ""
        siblings[name] = r.row
        if own and not is_code(own):
            r.problem("code", f"{what}_code_format", value=own)
            return ""
        wanted = own or name
        if is_code(wanted):
            if wanted not in taken:
                return wanted
            if own:
                r.problem("code", f"duplicate_{what}_code", value=wanted, other_row=taken[wanted])
                return ""
            # pyxform allows one name in two groups; a code is unique in the template: make one
        code = self.free_code(taken, generated(), r.row, "Q" if what == "item" else "G")
        self.tables.note(r.sheet, r.row, r.headers.get("name", "name"), "code_generated", value=name, code=code)
        return code

    # --- questions --------------------------------------------------------------------------
    def labels(self, r: RowValues, base: str) -> tuple[str, str]:
        zh, en, bare = r.verbatim(f"{base}_zh"), r.verbatim(f"{base}_en"), r.verbatim(base)
        if bare.strip() and self.settings.default_en:
            en = en if en.strip() else bare
        elif bare.strip():
            zh = zh if zh.strip() else bare
        if not zh.strip() and not en.strip():  # a form in a third language only
            zh = next((text for text in (r.verbatim(k) for k in r.indexes if k.startswith(f"{base}@"))
                       if text.strip()), "")
        keys = r.indexes.keys()
        english_only = not {"label_zh", "hint_zh"} & keys and (self.settings.default_en or not {"label", "hint"} & keys)
        if (base == "label" or english_only) and not zh.strip() and en.strip():
            zh = en  # an English-only form: the English stands in until the office translates it
        return zh, en

    def item(self, r: RowValues, response: ResponseType, choices: tuple[str, ...] = ()) -> None:
        section = self.holder(r)
        code = self.name_code(r, section, self.item_codes, lambda: f"{section.code}.{len(section.items) + 1}")
        text_zh, text_en = self.labels(r, "label")
        guidance_zh, guidance_en = self.labels(r, "hint")
        if not text_zh.strip() and not text_en.strip() and (guidance_zh.strip() or guidance_en.strip()):
            # pyxform accepts a question with a hint and no label: the hint is what it asks
            text_zh, text_en, guidance_zh, guidance_en = guidance_zh or guidance_en, guidance_en, "", ""
        if choices:
            shown = " / ".join(choices)
            guidance_zh = "\n".join(t for t in (guidance_zh, CHOICES_SHOWN_ZH.format(choices=shown)) if t)
            guidance_en = "\n".join(t for t in (guidance_en, CHOICES_SHOWN_EN.format(choices=shown)) if t)
        for key in GROUP_COLUMNS:
            if r.has(key):
                r.problem(key, "column_for_groups", value=r.text(key))
        item = TemplateItem(
            code=code, text_zh=text_zh, text_en=text_en, guidance_zh=guidance_zh, guidance_en=guidance_en,
            response=response, threshold=r.number("threshold", None, minimum=-math.inf), unit_of_measure=r.verbatim("unit"),
            severity=r.choice("severity", SEVERITY_WORDS, Severity, Severity.GENERAL),
            deduct=r.number("deduct", 0.0) or 0.0, weight=r.number("weight", 1.0) or 0.0,
            veto=r.flag("critical", False), photos_on_fail=r.whole("photo_required", 0, yes_no=True) or 0,
            covert=r.flag("covert", True), action_days=r.whole("action_days", None, minimum=1),
            origin=r.choice("origin", ORIGIN_WORDS, Origin, Origin.DIRECT), source=r.verbatim("source"),
            reference_photo=r.text("reference_photo") or None,
        )
        if code:
            self.item_codes[code] = r.row
            self.tables.where.items[code] = r.row
        section.items.append(item)
        self.last = _LastItem(section, len(section.items) - 1, r.has("photo_required"))
        self.tables.note(r.sheet, r.row, r.headers.get("type", "type"),
                         "item_choices_shown" if choices else f"mapped_{response.value}",
                         code=code, text=text_zh, choices=" / ".join(choices))

    def choice_list(self, r: RowValues, kind: RowType) -> Any:
        found = self.lists.get(kind.argument)
        if found is None:
            self.missing_lists.setdefault(kind.argument, []).append(r.row)
        return found

    def select_one(self, r: RowValues, kind: RowType) -> None:
        found = self.choice_list(r, kind)
        if found is None:
            return
        meaning = found.meaning
        if meaning is not None:
            if found.name not in self.noted_lists and any(name != value for name, value in meaning.items()):
                self.noted_lists.add(found.name)
                pairs = ", ".join(f"{choice.shown} → {meaning[choice.name]}" for choice in found.choices)
                self.tables.note(self.lists.table.name if self.lists.table else "choices", found.first_row,
                                 self.lists.column("list_name"), "choices_mapped", value=found.name, mapping=pairs)
            self.item(r, ResponseType.PASS_FAIL)
        elif 2 <= len(found.choices) <= MAX_SHOWN_CHOICES:
            self.item(r, ResponseType.PASS_FAIL, tuple(choice.shown for choice in found.choices))
        else:
            self.skip(r, "skipped_list", type=kind.text, value=found.name, count=len(found.choices))

    def photo(self, r: RowValues, last: _LastItem | None) -> None:
        if last is None:
            self.skip(r, "skipped_photo", type=r.text("type"))
            return
        item = last.section.items[last.index]
        if not last.explicit_photos:
            last.section.items[last.index] = item.model_copy(update={"photos_on_fail": item.photos_on_fail + 1})
        self.last = last  # a second image row is the item's second photo
        self.tables.note(r.sheet, r.row, r.headers.get("type", "type"), "photo_of_item", code=item.code)

    def note(self, r: RowValues) -> None:
        if self.questions_seen or self.stack or self.top:
            self.skip(r, "skipped_note", type=r.text("type"))
            return
        zh, en = self.labels(r, "label")
        self.description.append((zh, en))
        self.tables.note(r.sheet, r.row, r.headers.get("type", "type"), "note_description")
