"""Every code the complaints register raises has a sentence, every call site passes each parameter
its sentence names, and zh_CN has every sentence and label (no refusal prints a bare code)."""

from __future__ import annotations

import ast
import string
from collections import defaultdict
from pathlib import Path

from inspector.domain.complaints import (
    Behaviour,
    Channel,
    ComplaintFlag,
    ComplaintKind,
    ComplaintSeverity,
    ComplaintStatus,
    EventKind,
    Liability,
    Opinion,
)
from inspector.words.complaints import _LABELS
from inspector.words.messages import TEMPLATES

PACKAGE = Path(__file__).resolve().parent.parent.parent / "inspector"
SOURCES = [PACKAGE / "domain" / "complaints.py", *sorted((PACKAGE / "services").glob("complaint*.py")),
           PACKAGE / "cli" / "commands_complaints.py"]


def raised_codes() -> dict[str, list[set[str]]]:
    found: dict[str, list[set[str]]] = defaultdict(list)
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and node.args[0].value.startswith("complaint_")):
                found[node.args[0].value].append({keyword.arg for keyword in node.keywords if keyword.arg})
    return found


def test_every_code_has_a_sentence_and_its_parameters() -> None:
    codes = raised_codes()
    assert len(codes) >= 25  # the scan finds the register's refusals
    for code, calls in codes.items():
        assert code in TEMPLATES, code
        named = {field for _, field, _, _ in string.Formatter().parse(TEMPLATES[code]) if field}
        for passed in calls:
            assert named <= passed, (code, named - passed)


def test_every_choice_has_a_label() -> None:
    for enum in (Channel, ComplaintKind, ComplaintSeverity, Behaviour, ComplaintStatus, Liability, Opinion,
                 EventKind, ComplaintFlag):
        for member in enum:
            assert (enum, member.value) in _LABELS, member
