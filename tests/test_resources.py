"""A broken installation is noticed: ``init`` refuses with one ``error:`` line naming the missing
file, ``check`` reports it, loading the built-in templates names the missing one, and
``resources_dir()`` is a real folder found through ``importlib.resources``."""

from __future__ import annotations

import importlib.resources
import shutil
from pathlib import Path

import pytest

from inspector import paths
from inspector.cli import main as cli_main
from inspector.context import open_context
from inspector.domain.errors import InspectorError
from inspector.words.messages import describe
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def resources_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ that ``resources_dir()`` returns for the test; tests delete from it."""
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy)
    monkeypatch.setattr(paths, "_resources_dir", lambda: copy)
    return copy


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_resources_are_the_installed_package() -> None:
    found = importlib.resources.files(paths.RESOURCES_PACKAGE)
    assert isinstance(found, Path), "resources/ must be a real package (resources/__init__.py), not a namespace"
    assert paths.resources_dir() == found
    assert paths.missing_resources() == []


@pytest.mark.parametrize("name", [paths.FONT_FILE, "templates/T2.json", "translations/inspector_zh_CN.qm"])
def test_init_refuses_without_a_required_file(resources_copy: Path, data_dir: Path, name: str,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    (resources_copy / name).unlink()
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "init")
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err
    assert name in lines[0] and str(resources_copy) in lines[0] and "reinstall" in lines[0]
    assert not data_dir.exists(), "a broken install must not leave a half-made data folder"


def test_check_reports_missing_resources(resources_copy: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    code, _, err = _run(capsys, "--data-dir", str(data_dir), "init")
    assert code == 0, err
    code, out, _ = _run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 0 and "resources: ok" in out
    (resources_copy / "style.qss").unlink()
    (resources_copy / "templates" / "T3.json").unlink()
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1 and "Traceback" not in err
    assert "resources: MISSING (reinstall Inspector)" in err
    assert f"  style.qss is missing from {resources_copy}" in err
    assert f"  templates/T3.json is missing from {resources_copy}" in err


def test_loading_builtins_names_the_missing_template(resources_copy: Path, data_dir: Path) -> None:
    (resources_copy / "templates" / "T1.json").unlink()
    context = open_context(data_dir)
    try:
        with pytest.raises(InspectorError) as raised:
            context.templates.ensure_builtins()
    finally:
        context.close()
    assert raised.value.code == "template_resource_missing"
    assert str(resources_copy / "templates" / "T1.json") in describe(raised.value)


def test_a_namespace_package_is_refused_with_a_sentence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """What an install without resources/__init__.py gave: a MultiplexedPath, never a path."""
    from importlib.readers import MultiplexedPath

    (tmp_path / "a").mkdir()
    multiplexed = MultiplexedPath(tmp_path / "a")
    monkeypatch.setattr(importlib.resources, "files", lambda package: multiplexed)
    paths._resources_dir.cache_clear()
    try:
        with pytest.raises(paths.ResourcesNotFound) as raised:
            paths.resources_dir()
        assert paths.missing_resources() == list(paths.REQUIRED_RESOURCES)
    finally:
        paths._resources_dir.cache_clear()
    sentence = describe(raised.value)
    assert "inspector_resources" in sentence and "reinstall" in sentence
