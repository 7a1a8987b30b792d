"""Reading a template workbook into a ``TemplateBody``: every problem listed, or a sound body
with the import summary (what each row became, what was skipped and why, row by row).

Layout detection: a workbook with a sheet named ``survey`` is XLSForm (what ``templates export``
writes, or any form pyxform accepts: ODK's samples, Kobo's library, an office's own); any other
workbook is read as the simple sheet a quality office writes (``template_sheets_office``).
Either layout may be an .xlsx, an .xlsm (its macros ignored, and the summary says so) or an
Excel 97–2003 .xls (``template_sheets_workbook``).

XLSForm rules decided here (the survey's in ``template_sheets_survey``, the choices' in
``template_sheets_choices``):
- The settings sheet is optional, as in XLSForm. ``form_id`` is the template code (the file
  name when blank, as pyxform does; one that is not a code is turned into one, said in the
  summary); ``form_title`` the Chinese title (else the code); ``subject`` is our column: when a
  form has none, ``subject_missing`` is set and the caller asks (the GUI's import dialog, the
  CLI's ``--subject``). ``version`` is informational (the database numbers versions).
- Blank rows anywhere are skipped. Merged cells in these sheets are refused: a merge hides
  values from every row but the first.
- A workbook whose questions all map to nothing is refused with "no checklist items found" and
  every skipped row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from inspector.domain.errors import ImportRejected, RowProblem
from inspector.domain.templates import (
    MONTH_PATTERN,
    ScoringScheme,
    SubjectKind,
    TemplateBody,
)
from inspector.services.template_sheets_choices import ChoiceLists
from inspector.services.template_sheets_format import (
    SCHEME_WORDS,
    SETTINGS,
    SETTINGS_COLUMNS,
    SUBJECT_WORDS,
    SURVEY,
    fold,
    language_of,
)
from inspector.services.template_sheets_office import read_office
from inspector.services.template_sheets_survey import FormSettings, SurveyReader
from inspector.services.template_sheets_tables import SheetTables
from inspector.services.template_sheets_workbook import (
    Book,
    Locations,
    domain_problems,
    find_sheet,
    merge_problems,
    open_workbook,
)
from inspector.services.template_sheets_xlsform import code_from, is_code

_SETTINGS_ALIASES = {"set_form_title": "form_title", "set_form_id": "form_id"}


LAYOUT_XLSFORM, LAYOUT_OFFICE = "xlsform", "office"


@dataclass(frozen=True)
class SheetTemplate:
    """What a workbook holds: the body, which layout it used, its main sheet, the month it names,
    whether it named its subject kind (else the body's is a placeholder), and the summary."""

    body: TemplateBody
    layout: str
    sheet: str
    effective_month: str | None = None
    subject_missing: bool = False
    mapped: tuple[RowProblem, ...] = ()
    skipped: tuple[RowProblem, ...] = ()
    format: str = "xlsx"


class _XlsFormReader:
    """Settings first (the code, title and language the survey needs), then choices, then survey."""

    def __init__(self, workbook: Book, path: Path) -> None:
        self.path = path
        self.tables = SheetTables(workbook, path, Locations(SURVEY))
        self.subject_missing = False

    def settings(self) -> tuple[dict[str, Any], str | None, bool]:
        """(body fields, effective month, default language English)."""
        tables, where = self.tables, self.tables.where
        key_of = lambda h: _SETTINGS_ALIASES.get(fold(h), fold(h)) if _SETTINGS_ALIASES.get(
            fold(h), fold(h)) in SETTINGS_COLUMNS else None
        table = tables.table(SETTINGS, key_of, (), optional=True)
        # Placeholders let a body be built so that every other problem is found too; staff, because
        # it is the one subject kind no section's roles can contradict.
        found: dict[str, Any] = {"code": self.path.stem, "title_zh": "", "subject": SubjectKind.STAFF}
        where.template_sheet = SETTINGS
        if table is None or not table.rows:
            tables.note(SETTINGS, 0, "", "settings_missing")
            found.update(code=self.code(self.path.stem, None, 0, ""), title_zh=self.path.stem)
            self.subject_missing = True
            return found, None, False
        number, cells = table.rows[0]
        r = tables.values(table, number, cells)
        default_en = language_of(r.text("default_language")) == "en"
        where.template_sheet, where.template_row = table.name, number
        where.template_columns = {field: table.column(key) for field, key in (
            ("code", "form_id"), ("title", "form_title"), ("base_score", "base_score"))}
        code = self.code(r.text("form_id"), table.name, number, table.column("form_id"))
        title = r.verbatim("form_title")
        found.update(code=code, title_zh=title if title.strip() else (r.text("form_id") or self.path.stem),
                     title_en=r.verbatim("title_en") or (title if default_en else ""),
                     category=r.verbatim("category"),
                     scheme=r.choice("scheme", SCHEME_WORDS, ScoringScheme, ScoringScheme.DEDUCTION),
                     base_score=r.number("base_score", 100.0),
                     description_zh=r.verbatim("description_zh"), description_en=r.verbatim("description_en"))
        if r.has("subject"):
            found["subject"] = r.choice("subject", SUBJECT_WORDS, SubjectKind, SubjectKind.STAFF)
        else:
            self.subject_missing = True
        month = r.raw("effective_month")
        month_text = month.strftime("%Y-%m") if isinstance(month, date) else r.text("effective_month")
        if month_text and not MONTH_PATTERN.match(month_text):
            r.problem("effective_month", "month_format", value=month_text)
        return found, (month_text if month_text and MONTH_PATTERN.match(month_text) else None), default_en

    def code(self, form_id: str, sheet: str | None, row: int, column: str) -> str:
        """The template code: form_id, else the file name; either turned into a code if it is not one."""
        text = form_id or self.path.stem
        if is_code(text):
            if not form_id:
                self.tables.note(sheet or SETTINGS, row, column, "template_code_from_file", code=text)
            return text
        made = code_from(text)
        self.tables.note(sheet or SETTINGS, row, column, "template_code_generated", value=text, code=made)
        return made

    def read(self) -> tuple[SheetTemplate, list[RowProblem]]:
        tables = self.tables
        found, month, default_en = self.settings()
        lists = ChoiceLists(tables, default_en)
        lists.read()
        survey = SurveyReader(tables, lists, FormSettings(found["code"], found["title_zh"],
                                                           found.get("title_en", ""), default_en))
        sections = survey.read()
        if survey.description and not found.get("description_zh"):
            found["description_zh"] = "\n".join(zh for zh, _ in survey.description if zh.strip())
            found["description_en"] = found.get("description_en") or "\n".join(
                en for _, en in survey.description if en.strip())
        body = TemplateBody(sections=tuple(sections), **found)
        problems = list(tables.problems)
        if not tables.unreadable and body.item_count == 0 and not problems:
            problems = [RowProblem(0, "", "no_checklist_items", {"count": len(tables.skipped)},
                                   sheet=tables.where.sheet), *tables.skipped]
        elif not tables.unreadable:
            problems = merge_problems(problems, domain_problems(body, tables.where))
        if tables.workbook.macros:
            tables.note(None, 0, "", "macros_ignored")
        result = SheetTemplate(body, LAYOUT_XLSFORM, tables.where.sheet, month, self.subject_missing,
                               tuple(tables.mapped), tuple(tables.skipped), tables.workbook.format)
        return result, problems


def _office_lines(body: TemplateBody, where: Locations) -> list[RowProblem]:
    """What each row of an office sheet became, in row order."""
    lines = []
    for section in body.iter_sections():
        row = where.sections.get(section.code, 0)
        lines.append(RowProblem(row, where.columns.get("title", ""), "mapped_section",
                                {"code": section.code, "title": section.title_zh}, sheet=where.sheet))
        lines += [RowProblem(where.items.get(item.code, 0), where.columns.get("text", ""), "mapped_pass_fail",
                             {"code": item.code, "text": item.text_zh, "choices": ""}, sheet=where.sheet)
                  for item in section.items]
    return sorted(lines, key=lambda line: line.row)


def read_template_workbook(path: Path) -> SheetTemplate:
    """Read ``path`` (either layout). Raises ``ImportRejected`` listing every problem found."""
    path = Path(path)
    with open_workbook(path) as workbook:
        if find_sheet(workbook, SURVEY) is not None:
            result, problems = _XlsFormReader(workbook, path).read()
        else:
            body, sheet, problems, where = read_office(workbook, path)
            mapped = [RowProblem(0, "", "office_layout", {"items": body.item_count,
                                                          "sections": sum(1 for _ in body.iter_sections())},
                                 sheet=sheet or None)]
            mapped += _office_lines(body, where)
            if workbook.macros:
                mapped.append(RowProblem(0, "", "macros_ignored", {}))
            result = SheetTemplate(body, LAYOUT_OFFICE, sheet, mapped=tuple(mapped), format=workbook.format)
    if problems:
        raise ImportRejected(str(path), problems, result.sheet)
    return result


def read_template_xlsx(path: Path) -> TemplateBody:
    """The template body in ``path``; ``ImportRejected`` (every problem, with its place) otherwise."""
    return read_template_workbook(path).body
