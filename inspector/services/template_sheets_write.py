"""Writing a template version as an XLSForm-compatible workbook (survey, choices, settings).

ODK/Kobo tools can open the file (they ignore our extra columns); ``template_sheets_read`` reads
it back into an identical ``TemplateBody``. The workbook is written in openpyxl's normal mode,
not write-only: it costs the same for a 2 000-item template, and only normal mode records the
sheet's dimension, without which every read-only load parses the whole sheet once more just to
size it. It goes to a temporary name in the target folder, then into place with ``os.replace``
(``storage.files.write_atomic_with``), so that a crash never leaves half a file under the real
name and a device node at the target is refused, not replaced.

ODK Collect reads the file as a form: an item that requires photos when it fails is followed by
one ``image`` question per photo, shown (``relevant``) only when the item fails — answered
``fail``, or a measured value under its threshold — so that Collect asks for the photo. The
``photo_required`` column still holds the count (our reader takes it from there, not from the
image rows). A code that is not an XML name (``1.2``: a digit first) is written as the name
``_1.2`` with the exact code in our ``code`` column.

A blank cell means the default where the default is what a reader expects of a blank: weight 1,
not critical, no photos, origin direct, no cap, no roles. Deduction, severity and covert are
always written, so that whoever edits the sheet sees the value that applies (covert's default
is *yes*, which a blank would not suggest).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from inspector.domain.templates import (
    Origin,
    ResponseType,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)
from inspector.services.template_sheets_format import (
    BEGIN_GROUP,
    CHOICE_COLUMNS,
    CHOICES,
    END_GROUP,
    ITEM_TYPES,
    PASS_FAIL_CHOICES,
    PASS_FAIL_LIST,
    PHOTO_LABEL_EN,
    PHOTO_LABEL_ZH,
    PHOTO_TYPE,
    SETTINGS,
    SETTINGS_COLUMNS,
    SURVEY,
    SURVEY_COLUMNS,
    ZH_LANGUAGE,
    yes_no_text,
)
from inspector.services.sheet_cells import set_value
from inspector.services.template_sheets_xlsform import is_xml_name
from inspector.storage.files import write_atomic_with

# Column widths in characters: wide for texts, narrow for flags and numbers.
_WIDTHS: dict[str, float] = {
    "type": 22, "name": 14, "label::中文 (zh)": 40, "label::English (en)": 40, "hint::中文 (zh)": 44,
    "hint::English (en)": 44, "source": 28, "reference_photo": 20, "role": 20, "list_name": 14,
    "form_title": 30, "form_id": 12, "title_en": 36, "category": 22, "description_zh": 50,
    "description_en": 50, "default_language": 16, "effective_month": 14,
}
_GROUP_FILL = "DDEBF7"  # light blue: the section rows stand out in Excel and WPS
_END_FILL = "F2F2F2"


def _number(value: float | None) -> int | float | None:
    """Whole numbers as ints (Excel shows 2, not 2.0); None stays blank."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _text(value: str) -> str | None:
    """Blank for "", else the text minus the control characters an .xlsx cannot hold (\\x00–\\x08…)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) or None


def _section_row(section: TemplateSection) -> dict[str, Any]:
    return {
        "type": BEGIN_GROUP, "name": xml_name(section.code),
        "code": None if is_xml_name(section.code) else section.code, "label::中文 (zh)": _text(section.title_zh),
        "label::English (en)": _text(section.title_en), "deduct_cap": _number(section.deduct_cap),
        "role": " ".join(role.value for role in section.roles) or None,
    }


def xml_name(code: str) -> str:
    """``code`` as an XLSForm name: unchanged when it is one, else behind an underscore."""
    return code if is_xml_name(code) else f"_{code}"


def _photo_rows(item: TemplateItem) -> Iterator[dict[str, Any]]:
    """The ODK image questions of an item that needs photos when it fails (none for text items)."""
    if not item.photos_on_fail or item.response is ResponseType.TEXT:
        return
    name = xml_name(item.code)
    if item.response is ResponseType.NUMERIC:
        relevant = f"${{{name}}} < {_number(item.threshold)}"
    else:
        relevant = f"${{{name}}} = 'fail'"
    for number in range(1, item.photos_on_fail + 1):
        yield {"type": PHOTO_TYPE, "name": f"{name}_photo{number}", "label::中文 (zh)": PHOTO_LABEL_ZH,
               "label::English (en)": PHOTO_LABEL_EN, "required": "yes", "relevant": relevant}


def _item_row(item: TemplateItem) -> dict[str, Any]:
    return {
        "type": ITEM_TYPES[item.response], "name": xml_name(item.code),
        "code": None if is_xml_name(item.code) else item.code,
        "label::中文 (zh)": _text(item.text_zh), "label::English (en)": _text(item.text_en),
        "hint::中文 (zh)": _text(item.shown_guidance_zh), "hint::English (en)": _text(item.shown_guidance_en),
        "required": None if item.response is ResponseType.TEXT else "yes",
        "deduct": _number(item.deduct), "weight": None if item.weight == 1 else _number(item.weight),
        "critical": "yes" if item.veto else None, "photo_required": item.photos_on_fail or None,
        "covert": yes_no_text(item.covert), "severity": item.severity.value, "action_days": item.action_days,
        "threshold": _number(item.threshold), "unit": _text(item.unit_of_measure),
        "origin": None if item.origin is Origin.DIRECT else item.origin.value, "source": _text(item.source),
        "reference_photo": item.reference_photo,
    }


def _survey_rows(sections: Sequence[TemplateSection]) -> Iterator[tuple[dict[str, Any], str | None]]:
    """(row, fill colour) in sheet order: a section's items, then its sub-sections, then its end."""
    for section in sections:
        yield _section_row(section), _GROUP_FILL
        for item in section.items:
            yield _item_row(item), None
            for photo in _photo_rows(item):
                yield photo, None
        yield from _survey_rows(section.sections)
        yield {"type": END_GROUP}, _END_FILL


def _settings_row(body: TemplateBody, version: int | None, effective_month: str | None) -> dict[str, Any]:
    return {
        "form_title": _text(body.title_zh), "form_id": body.code,
        "version": None if version is None else str(version),  # XLSForm's version is a string
        "default_language": ZH_LANGUAGE, "title_en": _text(body.title_en), "category": _text(body.category),
        "subject": body.subject.value, "scheme": body.scheme.value, "base_score": _number(body.base_score),
        "description_zh": _text(body.description_zh), "description_en": _text(body.description_en),
        "effective_month": effective_month,
    }


class _SheetWriter:
    """One sheet: a bold frozen header, column widths, optional row fills."""

    def __init__(self, workbook: Any, title: str, columns: Sequence[str]) -> None:
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        self._fill_type = PatternFill
        self._fills: dict[str, Any] = {}
        self.sheet = workbook.create_sheet(title)
        self.columns = columns
        for index, column in enumerate(columns, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(column, 12)
        self.sheet.freeze_panes = "A2"
        self.sheet.append(list(columns))
        self.rows = 1  # counted here: the sheet's max_row scans every cell on each call
        bold = Font(bold=True)
        for index in range(1, len(columns) + 1):
            self.sheet.cell(row=1, column=index).font = bold

    def append(self, values: dict[str, Any], fill: str | None = None) -> None:
        self.rows += 1
        for index, column in enumerate(self.columns, start=1):
            cell = self.sheet.cell(row=self.rows, column=index)
            value = values.get(column)
            if value is not None:
                set_value(cell, value)  # text stays text: "=…" is never a formula
            if fill is not None:
                cell.fill = self._fill(fill)

    def _fill(self, colour: str) -> Any:
        if colour not in self._fills:
            self._fills[colour] = self._fill_type(fill_type="solid", start_color=colour, end_color=colour)
        return self._fills[colour]


def write_template_xlsx(
    body: TemplateBody, path: Path, *, version: int | None = None, effective_month: str | None = None
) -> None:
    """Write ``body`` to ``path`` (.xlsx) atomically; ``version``/``effective_month`` go to settings.

    Raises ``OSError`` when the folder cannot be written.
    """
    import openpyxl  # imported here: ~100 ms that the app's start-up should not pay

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    survey = _SheetWriter(workbook, SURVEY, SURVEY_COLUMNS)
    for row, fill in _survey_rows(body.sections):
        survey.append(row, fill)
    choices = _SheetWriter(workbook, CHOICES, CHOICE_COLUMNS)
    for name, zh, en, score, flag in PASS_FAIL_CHOICES:
        choices.append({"list_name": PASS_FAIL_LIST, "name": name, "label::中文 (zh)": zh,
                        "label::English (en)": en, "score": score, "flag": flag})
    settings = _SheetWriter(workbook, SETTINGS, SETTINGS_COLUMNS)
    settings.append(_settings_row(body, version, effective_month))

    write_atomic_with(Path(path), lambda temporary: workbook.save(temporary), suffix=".xlsx.tmp")
