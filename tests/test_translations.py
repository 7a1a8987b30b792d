"""Both languages complete: every string in the code is English source text, every one of them
has a finished Chinese translation, and the committed .qm matches its .ts.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
i18n_tool = importlib.util.module_from_spec(_spec)
sys.modules["i18n_tool"] = i18n_tool
_spec.loader.exec_module(i18n_tool)  # type: ignore[union-attr]

HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
TR_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def test_every_string_has_a_chinese_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    i18n_tool.lupdate(fresh)
    extracted = set(i18n_tool.messages(fresh))
    assert extracted, "lupdate found no strings: the pipeline is broken"
    committed = i18n_tool.messages(i18n_tool.ts_path("zh_CN"))
    missing = sorted(key for key in extracted if key not in committed or not committed[key][0].strip()
                     or committed[key][1] in ("unfinished", "vanished", "obsolete"))
    assert missing == [], f"{len(missing)} strings lack a Chinese translation; run tools/i18n.py update"


def test_source_strings_are_english() -> None:
    """English is complete because it is the source: no Chinese inside tr()/translate() calls."""
    offenders = []
    for path in i18n_tool.sources():
        if path.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in TR_CALLS:
                    for arg in node.args:
                        text = arg.value if isinstance(arg, ast.Constant) else None
                        # Chinese examples inside English text are fine ("a plate like 粤B·12345").
                        if isinstance(text, str) and HAN.search(text) and not ENGLISH_WORD.search(text):
                            offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    assert offenders == []


# Calls whose strings become suggested file names or chart labels (#14.9): their words must come
# from tr() or from data, never from Chinese written into the code.
FILE_NAME_AND_CHART_CALLS = {"getSaveFileName", "ask_save_path", "choose_export", "choose_file", "set_texts",
                             "set_data", "SectionBar", "TrendSeries", "drawText"}
FILE_NAME_FUNCTIONS = re.compile(r"file_name|suggested|section_label|trend_data")


def _chinese_literals(node: ast.AST) -> list[str]:
    """Chinese string constants inside ``node`` (f-string parts included), not counting what is
    inside tr() (checked above) and docstrings (they are no label)."""
    if isinstance(node, ast.Call):
        func = node.func
        if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) in TR_CALLS:
            return []
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return []  # a docstring or a bare string statement
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) and HAN.search(node.value) else []
    return [text for child in ast.iter_child_nodes(node) for text in _chinese_literals(child)]


def test_file_names_and_chart_labels_have_no_chinese_of_their_own() -> None:
    """The untranslated-string check extended to suggested file names and chart labels: the
    English UI suggested 月度报表-….xlsx and drew chart sections in Chinese. The run-time half is
    tests/ui/test_english_words.py (what English shows, data apart)."""
    offenders = []
    for path in sorted((ROOT / "inspector" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            scope: ast.AST | None = None
            if isinstance(node, ast.Call):
                func = node.func
                if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) in FILE_NAME_AND_CHART_CALLS:
                    scope = node
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and FILE_NAME_FUNCTIONS.search(node.name):
                scope = node
            if scope is not None:
                offenders += [f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}" for text in _chinese_literals(scope)]
    assert sorted(set(offenders)) == []


@pytest.mark.parametrize("language", i18n_tool.LANGUAGES)
def test_compiled_translations_are_fresh(tmp_path: Path, language: str) -> None:
    compiled = tmp_path / "out.qm"
    i18n_tool.lrelease(i18n_tool.ts_path(language), compiled)
    assert compiled.read_bytes() == i18n_tool.qm_path(language).read_bytes(), "run tools/i18n.py release"
