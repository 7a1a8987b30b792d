"""``tools/xvfb_screenshots.py`` is run by hand (a real X server, minutes): only its arguments and its
refusal to start without Xvfb, xdotool or ImageMagick are checked here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("xvfb_screenshots_tool", ROOT / "tools" / "xvfb_screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["xvfb_screenshots_tool"] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def test_the_arguments_default_to_the_readme_pictures_in_both_languages() -> None:
    args = tool.parse_args([])
    assert args.out == ROOT / "docs" / "screenshots" and args.lang == "all" and args.display == ":99"
    assert tool.parse_args(["--lang", "en", "--display", ":82"]).display == ":82"


@pytest.mark.parametrize("bad", [["--display", "82"], ["--display", ":x"], ["--inspections", "3"], ["--lang", "fr"]])
def test_bad_arguments_are_refused(bad: list[str], capsys: Any) -> None:
    with pytest.raises(SystemExit) as done:
        tool.parse_args(bad)
    assert done.value.code == 2


def test_without_xvfb_or_xdotool_it_says_what_is_missing_and_exits_2(monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: Any) -> None:
    monkeypatch.setattr(tool.shutil, "which", lambda name: None if name in ("Xvfb", "xdotool") else f"/usr/bin/{name}")
    with pytest.raises(SystemExit) as done:
        tool.main(["--lang", "en"])
    assert done.value.code == 2
    message = capsys.readouterr().err
    assert message.startswith("error: Xvfb, xdotool not found") and "apt-get install xdotool xvfb" in message


def test_the_readme_shows_the_pictures_it_takes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in tool.SHOTS:
        assert f"docs/screenshots/zh_CN/{name}.png" in readme, name
