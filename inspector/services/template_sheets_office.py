"""Reading the simple sheet a quality office really writes: one row per item under a header such
as 分类 | 检查项目 | 检查标准 | 扣分.

Rules (the reader in ``template_sheets_read`` comes here when a workbook has no ``survey`` sheet):
- **Which sheet**: the first whose header row (within the first 10 rows) names the item column
  (检查项目, 检查内容, 考核项目, 项目, item…). Headers are matched like registry headers: width,
  case, blanks and bracketed notes ignored (``扣分（分）`` = 扣分). When a sheet has both 检查项目
  and 检查内容 but no 分类 column, 检查项目 is the section and 检查内容 the item.
- **Columns**: 分类/类别/检查类别 → section; 检查标准/标准/要求 → guidance; 扣分/分值/扣分标准 →
  deduction (a number; "2分", "扣2分", "每处扣2分" accepted); 编码/编号 or 序号 → item code;
  严重程度 (一般/严重), 一票否决 (是/否/√), 拍照 (a count, or 是 = 1), 暗访 (是/否). Other columns
  are ignored.
- **Sections**: an empty 分类 cell continues the section above (so a vertically merged 分类 cell
  works), and a row with no item, no standard and no deduction is a section heading. Items
  before any section go into one named after the template. Vertically merged cells give every
  row they cover the value shown.
- **Codes**: the template code is the value of a 编码 cell above the header (``编码：T9`` or
  编码 | T9), else the file name (``T9.xlsx`` → T9). An item's code is its 编码/序号 value when
  that is a code (``1.2`` becomes ``T9-1.2``); a bare running number (1, 2, 3…) or a blank gives
  ``T9-<section#>.<item#>``; sections are ``T9-<section#>``.
- **Title and subject**: the first text row above the header is the title (else the sheet
  name). The subject is a 检查对象 cell above the header (车辆/人员/位置/单位), else guessed from
  the title and sheet name (车辆/车容… → vehicle; 人员/驾驶员/服务规范… → staff; else location).
- The scheme is deduction from 100.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.domain.errors import RowProblem
from inspector.domain.templates import (
    CODE_PATTERN,
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)
from inspector.services.registry_columns import HEADER_SEARCH_ROWS, normalize_header
from inspector.services.template_sheets_format import (
    SEVERITY_WORDS,
    SUBJECT_WORDS,
    RowValues,
    cell_text,
    enum_words,
    parse_enum,
)
from inspector.services.template_sheets_workbook import (
    Locations,
    Row,
    domain_problems,
    header_cells,
    merge_problems,
    merged_ranges,
    sheet_rows,
)

# key → accepted headers, most specific first (the first present wins)
OFFICE_COLUMNS: dict[str, tuple[str, ...]] = {
    "section": ("分类", "类别", "检查类别", "检查分类", "项目类别", "考核类别", "大类", "类目", "section", "category"),
    "item": ("检查项目", "检查内容", "考核项目", "考核内容", "项目", "内容", "item"),
    "guidance": ("检查标准", "标准", "要求", "检查要求", "考核标准", "评分标准", "标准要求", "guidance", "standard"),
    "deduct": ("扣分", "分值", "扣分标准", "扣分值", "扣分分值", "标准分", "deduct", "points"),
    "code": ("编码", "编号", "项目编码", "code"),
    "number": ("序号", "no"),
    "severity": ("严重程度", "问题等级", "等级", "severity"),
    "veto": ("一票否决", "否决", "否决项", "veto", "critical"),
    "photos": ("拍照", "照片", "拍照要求", "照片数", "photos", "photo"),
    "covert": ("暗访", "可暗访", "covert"),
}
_CODE_KEYS = {normalize_header(k) for k in ("编码", "模板编码", "表单编码", "检查表编码", "code", "template code")}
_SUBJECT_KEYS = {normalize_header(k) for k in ("检查对象", "对象", "subject")}
_GUESSES: tuple[tuple[SubjectKind, tuple[str, ...]], ...] = (
    (SubjectKind.VEHICLE, ("车辆", "车容", "车貌", "车厢", "公交车", "客车", "vehicle")),
    (SubjectKind.STAFF, ("人员", "员工", "驾驶员", "乘务", "司机", "服务规范", "仪容", "岗位", "staff")),
)
_RUNNING_NUMBER = re.compile(r"^\d+$")
_DOTTED_NUMBER = re.compile(r"^\d+(?:\.\d+)+$")


def office_header(cells: list[str]) -> tuple[dict[str, int], dict[str, str]]:
    """Column index and header text of every office column found in one row."""
    folded = [normalize_header(text) if text else "" for text in cells]
    indexes: dict[str, int] = {}
    for key, aliases in OFFICE_COLUMNS.items():
        for alias in aliases:
            wanted = normalize_header(alias)
            index = next((i for i, text in enumerate(folded) if text == wanted and i not in indexes.values()), None)
            if index is not None:
                indexes[key] = index
                break
    if "section" not in indexes and "item" in indexes and folded[indexes["item"]] == normalize_header("检查项目"):
        content = next((i for i, text in enumerate(folded) if text == normalize_header("检查内容")), None)
        if content is not None:
            indexes["section"], indexes["item"] = indexes["item"], content
    return indexes, {key: cells[index] for key, index in indexes.items()}


@dataclass
class _Section:
    code: str
    title: str
    row: int
    items: list[TemplateItem] = field(default_factory=list)


@dataclass
class _Above:
    """What the rows above the header say: title, template code and subject, with their places."""

    title: str = ""
    title_row: int = 0
    code: str = ""
    code_row: int = 0
    subject: str = ""
    subject_row: int = 0


def _read_above(rows: list[Row]) -> _Above:
    found = _Above()
    for number, row in enumerate(rows, start=1):
        texts = [cell_text(value) for value in row]
        keyed = False
        for index, text in enumerate(texts):
            parts = re.split(r"[:：]", text, maxsplit=1)
            key, value = parts if len(parts) == 2 else (text, next((t for t in texts[index + 1:] if t), ""))
            folded = normalize_header(key)
            if folded in _CODE_KEYS and value.strip():
                found.code, found.code_row, keyed = value.strip(), number, True
            elif folded in _SUBJECT_KEYS and value.strip():
                found.subject, found.subject_row, keyed = value.strip(), number, True
        first = next((t for t in texts if t), "")
        if first and not keyed and not found.title:
            found.title, found.title_row = first, number
    return found


def _guess_subject(*texts: str) -> SubjectKind:
    for subject, words in _GUESSES:
        if any(word in text for text in texts for word in words):
            return subject
    return SubjectKind.LOCATION


def _find_header(workbook: Any, path: Path) -> tuple[Any, int, dict[str, int], dict[str, str]] | None:
    """(sheet, header row, indexes, headers) of the first sheet with an office header, or one with
    some office columns but no item column (so that the missing column can be named)."""
    partial = None
    for sheet in workbook.worksheets:
        for number, row in enumerate(sheet_rows(sheet, path, limit=HEADER_SEARCH_ROWS), start=1):
            indexes, headers = office_header(header_cells(row))
            if "item" in indexes:
                return sheet, number, indexes, headers
            if len(indexes) >= 2 and partial is None:
                partial = (sheet, number, indexes, headers)
    return partial


def _spread_merges(rows: list[Row], merges: list[Any], header_row: int) -> list[Row]:
    """Every row a vertical merge covers gets the value its first cell shows."""
    spread: dict[int, list[Any]] = {}
    for merge in merges:
        if merge.min_row <= header_row or merge.max_row == merge.min_row or merge.min_row > len(rows):
            continue
        source = rows[merge.min_row - 1]
        value = source[merge.min_col - 1] if merge.min_col <= len(source) else None
        for number in range(merge.min_row + 1, min(merge.max_row, len(rows)) + 1):
            cells = spread.setdefault(number, list(rows[number - 1]))
            cells.extend([None] * (merge.min_col - len(cells)))
            cells[merge.min_col - 1] = value
    return [tuple(spread[n]) if n in spread else row for n, row in enumerate(rows, start=1)]


def _item_code(template_code: str, given: str, section: int, position: int) -> str:
    if not given or _RUNNING_NUMBER.match(given):
        return f"{template_code}-{section}.{position}"
    return f"{template_code}-{given}" if _DOTTED_NUMBER.match(given) else given


def read_office(workbook: Any, path: Path) -> tuple[TemplateBody, str, list[RowProblem], Locations]:
    """(body, sheet name, problems, the row of each section and item) of the office layout in ``workbook``."""
    problems: list[RowProblem] = []
    found = _find_header(workbook, path)
    placeholder = TemplateBody(code=path.stem, title_zh=path.stem, subject=SubjectKind.LOCATION)
    if found is None:
        problems.append(RowProblem(0, "", "layout_unknown", {"file": path.name}))
        return placeholder, "", problems, Locations("")
    sheet, header_row, indexes, headers = found
    if "item" not in indexes:
        expected = ", ".join(OFFICE_COLUMNS["item"])
        problems.append(RowProblem(header_row, OFFICE_COLUMNS["item"][0], "column_missing", {"expected": expected},
                                   sheet=sheet.title))
        return placeholder, sheet.title, problems, Locations(sheet.title)
    rows = _spread_merges(sheet_rows(sheet, path), merged_ranges(sheet, path), header_row)
    above = _read_above(rows[:header_row - 1])
    where = Locations(sheet.title, columns={"code": headers.get("code", headers["item"]), "text": headers["item"],
                                            "title": headers.get("section", headers["item"]),
                                            "deduct": headers.get("deduct", ""), "critical": headers.get("veto", "")})
    title = above.title or sheet.title
    code = above.code or path.stem
    where.template_sheet, where.template_row, where.template_columns = sheet.title, above.code_row, {"code": "编码"}
    if not above.code and not CODE_PATTERN.match(code):
        problems.append(RowProblem(0, "", "template_code_from_name", {"value": code}, sheet=sheet.title))
    subject = _guess_subject(title, sheet.title)
    if above.subject:
        parsed = parse_enum(above.subject, SUBJECT_WORDS, SubjectKind)
        if parsed is None:
            problems.append(RowProblem(above.subject_row, "检查对象", "enum", sheet=sheet.title, params={
                "value": above.subject, "expected": enum_words(SUBJECT_WORDS, SubjectKind)}))
        subject = parsed or subject
    sections = _read_items(sheet.title, rows, header_row, indexes, headers, code, title, problems, where)
    body = TemplateBody(code=code, title_zh=title, subject=subject,
                        sections=tuple(TemplateSection(code=s.code, title_zh=s.title, items=tuple(s.items))
                                       for s in sections))
    found = domain_problems(body, where)
    if not CODE_PATTERN.match(code):  # then every generated item code is bad too: say it once
        found = [p for p in found if not (p.code == "item_code_format" and p.params["value"].startswith(f"{code}-"))]
    return body, sheet.title, merge_problems(problems, found), where


def _read_items(sheet: str, rows: list[Row], header_row: int, indexes: Mapping[str, int], headers: Mapping[str, str],
                code: str, title: str, problems: list[RowProblem], where: Locations) -> list[_Section]:
    sections: dict[str, _Section] = {}
    current = title
    seen: dict[str, int] = {}
    for number in range(header_row + 1, len(rows) + 1):
        cells = rows[number - 1]
        filled = [cell_text(value) for value in cells if cell_text(value)]
        if not filled:
            continue  # blank rows anywhere are skipped
        r = RowValues(sheet, number, cells, indexes, headers, problems, lenient_numbers=True)
        if not r.has("item"):
            if r.has("guidance") or r.has("deduct"):
                r.problem("item", "item_text_empty", value="")
            else:
                current = r.text("section") or filled[0]  # a section heading row
            continue
        current = r.text("section") or current
        if current not in sections:
            sections[current] = _Section(f"{code}-{len(sections) + 1}", current, number)
            where.sections[sections[current].code] = number
        section = sections[current]
        section_number = list(sections).index(current) + 1
        given = r.text("code") or r.text("number")
        item_code = _item_code(code, given, section_number, len(section.items) + 1)
        if item_code in seen:
            r.problem("code" if r.has("code") else "number", "duplicate_item_code", value=item_code,
                      other_row=seen[item_code])
        else:
            seen[item_code] = where.items[item_code] = number
        section.items.append(TemplateItem(
            code=item_code, text_zh=r.text("item"), guidance_zh=r.text("guidance"),
            deduct=r.number("deduct", 0.0) or 0.0,
            severity=r.choice("severity", SEVERITY_WORDS, Severity, Severity.GENERAL),
            veto=r.flag("veto", False), photos_on_fail=r.whole("photos", 0, yes_no=True) or 0,
            covert=r.flag("covert", True),
        ))
    return list(sections.values())
