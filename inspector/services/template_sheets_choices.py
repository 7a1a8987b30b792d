"""The ``choices`` sheet of an XLSForm: every list with its choices, checked as pyxform checks
them (a list_name and a name column, no choice without a name, no name twice in one list), and
what each list used by a ``select_one`` means for a checklist (``template_sheets_xlsform``).

Our own export's ``pass_fail`` list carries ``score`` and ``flag`` columns (ODK ignores them);
they are checked to be a number and yes/no. A list no question uses is not judged: ODK forms
often carry spare ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from inspector.services.template_sheets_format import CHOICES, RowValues, fold
from inspector.services.template_sheets_tables import SheetTables, Table
from inspector.services.template_sheets_xlsform import (
    Choice,
    list_meaning,
    translated_key,
)

_CHOICE_KEYS = {"list_name": "list_name", "list name": "list_name", "name": "name", "value": "name",
                "score": "score", "flag": "flag"}


def _choice_key(header: str) -> str | None:
    return _CHOICE_KEYS.get(fold(header)) or translated_key(header)


@dataclass
class ChoiceList:
    name: str
    first_row: int
    choices: list[Choice] = field(default_factory=list)

    @property
    def meaning(self) -> dict[str, str] | None:
        return list_meaning(self.choices)


class ChoiceLists:
    """Reads the choices sheet once; ``get(name)`` gives a list, ``meaning`` what it stands for."""

    def __init__(self, tables: SheetTables, default_en: bool) -> None:
        self.tables = tables
        self.default_en = default_en
        self.lists: dict[str, ChoiceList] = {}
        self.table: Table | None = None
        self.present = False

    def read(self) -> None:
        table = self.tables.table(CHOICES, _choice_key, (), optional=True)
        self.present = table is not None
        if table is None:
            return
        for key in ("list_name", "name"):
            if key not in table.indexes:
                self.tables.problem(table.name, table.header_row, key, "column_missing", expected=key)
                self.tables.unreadable = True
        if not {"list_name", "name"} <= table.indexes.keys():
            return
        self.table = table
        seen: dict[tuple[str, str], int] = {}
        for number, cells in table.rows:
            r = self.tables.values(table, number, cells)
            list_name, name = r.text("list_name"), r.text("name")
            if not list_name and not name:
                continue  # a row of labels or media only
            if not list_name:
                r.problem("list_name", "required")
                continue
            choice_list = self.lists.setdefault(list_name, ChoiceList(list_name, number))
            if not name:
                r.problem("name", "required")
                continue
            if (list_name, fold(name)) in seen:
                r.problem("name", "duplicate_in_file", value=name, other_row=seen[(list_name, fold(name))])
                continue
            seen[(list_name, fold(name))] = number
            r.number("score", None, minimum=-math.inf)
            r.flag("flag", False)
            choice_list.choices.append(Choice(number, name, *self._labels(r)))

    def _labels(self, r: RowValues) -> tuple[str, str]:
        zh, en, bare = r.verbatim("label_zh").strip(), r.verbatim("label_en").strip(), r.verbatim("label").strip()
        if bare and self.default_en:
            en = en or bare
        elif bare:
            zh = zh or bare
        if not zh and not en:  # a form in a third language only
            zh = next((text for text in (r.verbatim(k).strip() for k in r.indexes if k.startswith("label@")) if text), "")
        return zh, en

    def get(self, name: str) -> ChoiceList | None:
        return self.lists.get(name)

    def column(self, key: str) -> str:
        return self.table.column(key) if self.table else key
