"""Every code the hub raises has a sentence, fed by each of its call sites (as tests/exchange/test_words.py)."""

from __future__ import annotations

import ast
import string
from collections import defaultdict
from pathlib import Path

from inspector.words.messages import TEMPLATES

PACKAGE = Path(__file__).resolve().parent.parent.parent / "inspector"
SOURCES = [*sorted((PACKAGE / "hub").glob("*.py")), *sorted((PACKAGE / "services").glob("hub*.py")),
           PACKAGE / "cli" / "commands_hub.py"]


def test_every_hub_code_has_a_sentence_fed_by_its_call_sites() -> None:
    found: dict[str, list[set[str]]] = defaultdict(list)
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and node.args[0].value.startswith("hub_")):
                found[node.args[0].value].append({keyword.arg for keyword in node.keywords if keyword.arg})
    assert len(found) > 15  # the walk finds them
    problems = []
    for code, sites in found.items():
        if code not in TEMPLATES:
            problems.append(f"{code}: no sentence")
            continue
        wanted = {name for _, name, _, _ in string.Formatter().parse(TEMPLATES[code]) if name}
        problems += [f"{code}: a call site lacks {sorted(wanted - passed)}" for passed in sites if wanted - passed]
    assert problems == []
