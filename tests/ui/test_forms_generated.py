"""The committed ``inspector/ui/forms/ui_*.py`` are exactly what ``tools/build_forms.py`` makes of
``forms/*.ui`` today: edit a form and forget to regenerate, and this fails."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _build_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_forms", ROOT / "tools" / "build_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_form_has_a_committed_generated_module() -> None:
    forms = sorted(p.stem for p in (ROOT / "forms").glob("*.ui"))
    generated = sorted(p.stem.removeprefix("ui_") for p in (ROOT / "inspector/ui/forms").glob("ui_*.py"))
    assert forms == generated
    assert {"login", "first_admin", "password"} <= set(forms)


def test_generated_forms_match_a_fresh_generation(tmp_path: Path) -> None:
    written = _build_forms().build(tmp_path)
    assert written, "no forms were generated"
    for fresh in written:
        committed = ROOT / "inspector" / "ui" / "forms" / fresh.name
        assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
            f"{committed.name} is stale: run python tools/build_forms.py"
        )


def test_generated_files_say_so_on_their_first_line() -> None:
    for path in (ROOT / "inspector" / "ui" / "forms").glob("ui_*.py"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Generated from forms/") and "Do not edit" in first
