"""Every code the exchange format and the record rules raise has a sentence, and every call site
passes each parameter its sentence names — so no refusal prints a bare code or a "{member}"."""

from __future__ import annotations

import ast
import re
import string
from collections import defaultdict
from pathlib import Path

from inspector.exchange import ExchangeRecordInvalid
from inspector.words.messages import TEMPLATES, describe

PACKAGE = Path(__file__).resolve().parent.parent.parent / "inspector"
SOURCES = [*sorted((PACKAGE / "exchange").glob("*.py")), PACKAGE / "domain" / "records.py",
           *sorted((PACKAGE / "services").glob("exchange*.py")), *sorted((PACKAGE / "storage" / "travel").glob("*.py")),
           PACKAGE / "cli" / "commands_exchange.py"]
NOT_OURS = {"file_missing", "file_unreadable"}  # long-standing codes with their own sentences


def raised_codes() -> dict[str, list[set[str]]]:
    """code → the keyword names passed at each place an error with that code is made."""
    found: dict[str, list[set[str]]] = defaultdict(list)
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # ``where = {"file": …, "member": …}`` spread into a call as ``**where``
        spreads = {target.id: {key.value for key in node.value.keys if isinstance(key, ast.Constant)}
                   for node in ast.walk(tree) if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
                   for target in node.targets if isinstance(target, ast.Name)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and (node.args[0].value.startswith("exchange_") or node.args[0].value.endswith("_id_invalid"))):
                passed = {keyword.arg for keyword in node.keywords if keyword.arg}
                for keyword in node.keywords:
                    if keyword.arg is None and isinstance(keyword.value, ast.Name):
                        passed |= spreads.get(keyword.value.id, set())
                found[node.args[0].value].append(passed)
    return found


def test_every_code_has_a_sentence_fed_by_its_call_sites() -> None:
    codes = raised_codes()
    assert len(codes) > 30  # the walk finds the codes
    problems = []
    for code, call_sites in codes.items():
        if code not in TEMPLATES:
            problems.append(f"{code}: no sentence")
            continue
        wanted = {name for _, name, _, _ in string.Formatter().parse(TEMPLATES[code]) if name}
        problems += [f"{code}: a call site lacks {sorted(wanted - passed)}" for passed in call_sites
                     if wanted - passed and code not in NOT_OURS]
    assert problems == []


def test_codes_chosen_in_expressions_have_sentences_too() -> None:
    """``code = "exchange_truncated" if … else "exchange_not_a_zip"``: every such literal is a code."""
    literals = {node.value for path in SOURCES for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
                and re.fullmatch(r"exchange_[a-z_]+", node.value)}
    assert "exchange_member_symlink" in literals and "exchange_truncated" in literals
    assert sorted(literals - set(TEMPLATES) - {"exchange_rejected"}) == []


def test_a_refusal_reads_as_a_sentence_naming_where() -> None:
    text = describe(ExchangeRecordInvalid("exchange_record_not_json", file="12月.inspx",
                                          member="data/records/inspection.jsonl", line=3))
    assert text == "12月.inspx: line 3 of data/records/inspection.jsonl is not valid JSON."
