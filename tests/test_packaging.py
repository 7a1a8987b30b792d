"""An installed wheel carries every package and the bundled resources, not only a checkout."""

from __future__ import annotations

import tomllib
from pathlib import Path

from inspector.paths import font_path, resources_dir

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "inspector").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert on_disk - listed == set(), "add the new package to [tool.setuptools] packages"
    assert "inspector_resources" in listed


def test_resources_are_found() -> None:
    assert font_path().is_file()
    assert font_path().stat().st_size > 1_000_000  # the whole CJK face, not a subset
    assert (resources_dir() / "fonts" / "LICENSE-WenQuanYiMicroHei.txt").is_file()
