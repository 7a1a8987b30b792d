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


@pytest.mark.parametrize("language", i18n_tool.LANGUAGES)
def test_compiled_translations_are_fresh(tmp_path: Path, language: str) -> None:
    compiled = tmp_path / "out.qm"
    i18n_tool.lrelease(i18n_tool.ts_path(language), compiled)
    assert compiled.read_bytes() == i18n_tool.qm_path(language).read_bytes(), "run tools/i18n.py release"
