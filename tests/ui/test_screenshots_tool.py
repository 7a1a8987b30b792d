"""``tools/screenshots.py`` runs unattended: every expected PNG is written and is a real picture,
and nothing it meets can wait for a person (a dialog's ``exec``, a message box, a modal window
opened from C++ are all refused, reported, and make the run fail).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

ROOT = Path(__file__).resolve().parents[2]
MIN_BYTES = 5 * 1024
MIN_COLOURS = 8  # distinct colours among the sampled pixels: text, borders, fills…


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots_tool", ROOT / "tools" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["screenshots_tool"] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(autouse=True)
def _restore_application_look(qapp: QApplication) -> Iterator[None]:
    """The tool styles the one shared QApplication; later tests get it back as it was."""
    font, sheet, name = qapp.font(), qapp.styleSheet(), qapp.applicationName()
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setApplicationName(name)


def colours(image: QImage, step: int = 7) -> set[int]:
    """The distinct colours on a grid of every ``step``-th pixel."""
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


@pytest.mark.timeout(120)
def test_every_screenshot_is_written_and_is_a_picture(tmp_path: Path, capsys: Any) -> None:
    assert tool.main(["--out", str(tmp_path), "--lang", "en", "--size", "1280x800"]) == 0
    written = sorted(path.stem for path in (tmp_path / "en").glob("*.png"))
    assert written == sorted(tool.SHOT_NAMES)
    assert not (tmp_path / "zh_CN").exists()  # only the language asked for
    for name in tool.SHOT_NAMES:
        path = tmp_path / "en" / f"{name}.png"
        assert path.stat().st_size > MIN_BYTES, name
        image = QImage(str(path))
        assert not image.isNull(), name
        assert len(colours(image)) >= MIN_COLOURS, name
    window = QImage(str(tmp_path / "en" / "registry-vehicles.png"))
    assert (window.width(), window.height()) == (1280, 800)  # the main window at the size asked for
    assert "something tried to wait" not in capsys.readouterr().err


def test_a_single_colour_image_is_not_a_picture() -> None:
    blank = QImage(200, 100, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFF)
    assert len(colours(blank)) == 1


def test_nothing_can_wait_for_a_person(qapp: QApplication) -> None:
    blocked: list[str] = []
    real_exec, real_warning = QDialog.__dict__["exec"], QMessageBox.__dict__["warning"]
    with tool.no_blocking_dialogs(blocked):
        assert QDialog().exec() == QDialog.DialogCode.Rejected
        assert QMessageBox.warning(None, "Inspector", "Careful") == QMessageBox.StandardButton.Cancel
        # A modal loop started inside Qt itself is closed by the watchdog.
        text, accepted = QInputDialog.getText(None, "Name?", "Name:")
        assert (text, accepted) == ("", False)
    assert len(blocked) == 3
    assert blocked[1] == "warning: Inspector" and blocked[2] == "modal window: Name?"
    assert QDialog.__dict__["exec"] is real_exec  # the real ones are back
    assert QMessageBox.__dict__["warning"] is real_warning


def test_a_bad_size_is_refused() -> None:
    with pytest.raises(SystemExit):
        tool.parse_args(["--out", "x", "--size", "huge"])
