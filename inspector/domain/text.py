"""What a text typed or imported may hold: no control characters, and a length limit.

A NUL byte in a registry name stopped the monthly workbook for everyone, an ESC sequence
rewrites a terminal, and a 10 MB name took a PDF report 39 s and 830 MB before failing. Every
name (units, vehicles' routes, staff, locations, accounts, checklist titles) is one line of at most
``NAME_LIMIT`` characters; every note (an answer's note, evidence remarks, a checklist's
guidance, a notice's measures) at most ``NOTE_LIMIT`` and may hold line breaks and tabs. Nothing
else below U+0020, no DEL and no C1 control is accepted anywhere. A Windows line end (CR LF) in a
note is read as a line break.

The rules raise pydantic's ``PydanticCustomError`` inside models (so importers report row and
column) and ``ValidationError`` from ``check_name`` / ``check_note`` in services; the codes are
``control_characters`` and ``text_too_long`` with ``limit`` and ``length``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from inspector.domain.errors import ValidationError

NAME_LIMIT = 100
NOTE_LIMIT = 2_000
# A notice's problem is the item's text, "：" and the finding's note; its measure the guidance.
PROBLEM_LIMIT = 2 * NOTE_LIMIT + 1
SHOWN_VALUE = 200  # how much of a refused value an error message quotes
CONTROL_CHARACTERS = "control_characters"
TEXT_TOO_LONG = "text_too_long"

_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_IN_NOTE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # \t and \n may stay


def text_problem(value: str, *, limit: int, multiline: bool) -> tuple[str, dict[str, Any]] | None:
    """The code and parameters of what is wrong with ``value``, or None when it may be kept."""
    found = (_IN_NOTE if multiline else _IN_LINE).search(value)
    if found:
        return CONTROL_CHARACTERS, {"character": f"U+{ord(found.group()):04X}", "position": found.start() + 1}
    if len(value) > limit:
        return TEXT_TOO_LONG, {"limit": limit, "length": len(value)}
    return None


def normal_note(value: str) -> str:
    return value.replace("\r\n", "\n")


def _checked(value: str, limit: int, multiline: bool) -> str:
    problem = text_problem(value, limit=limit, multiline=multiline)
    if problem:
        code, params = problem
        raise PydanticCustomError(code, code, params)
    return value


def name_rule(value: str) -> str:
    """For pydantic ``AfterValidator``: a one-line name of at most ``NAME_LIMIT`` characters."""
    return _checked(value, NAME_LIMIT, False)


def note_rule(value: str) -> str:
    """For pydantic ``AfterValidator``: a note of at most ``NOTE_LIMIT`` characters."""
    return _checked(normal_note(value), NOTE_LIMIT, True)


NameText = Annotated[str, AfterValidator(name_rule)]
NoteText = Annotated[str, AfterValidator(note_rule)]


def check_name(value: str, field: str, *, limit: int = NAME_LIMIT) -> str:
    """``value`` if it is a sound one-line name, else ``ValidationError`` naming ``field``."""
    problem = text_problem(value, limit=limit, multiline=False)
    if problem:
        raise ValidationError(problem[0], field=field, **problem[1])
    return value


def check_note(value: str, field: str, *, limit: int = NOTE_LIMIT) -> str:
    """``value`` (CR LF read as LF) if it is a sound note, else ``ValidationError`` naming ``field``."""
    value = normal_note(value)
    problem = text_problem(value, limit=limit, multiline=True)
    if problem:
        raise ValidationError(problem[0], field=field, **problem[1])
    return value
