"""``inspector --self-check``: the facts of a good checkout all hold and ``ok`` is true (in its own
process, written to a file); in this process, an application without the stylesheet, or a
resources folder without the translation, is reported and ``ok`` is false."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from inspector import paths
from inspector.context import AppContext
from inspector.ui.selfcheck import collect_facts, minimal_pdf

ROOT = Path(__file__).resolve().parent.parent.parent
GUI = Path(sys.executable).with_name("inspector")


def test_self_check_of_this_checkout(tmp_path: Path) -> None:
    out = tmp_path / "facts.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(GUI), "--self-check", str(out)], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    facts = json.loads(out.read_text(encoding="utf-8"))
    assert facts["ok"] is True
    assert facts["translation_sample"] == "服务质量督查" and facts["qt_translation_sample"] == "取消"
    assert facts["font_family"] == "WenQuanYi Micro Hei"
    assert facts["first_window"] == "FirstAdminDialog" and facts["first_window_title"] == "创建管理员"
    assert facts["qtpdf_pages"] == 1 and facts["heic"] is True
    assert facts["camera_module_required"] is False  # on Linux the webcam module is an option
    assert list(tmp_path.iterdir()) == [out], "no leftover beside the facts"


def test_missing_stylesheet_and_translation_are_reported(qapp: QApplication, context: AppContext, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy)
    (copy / "translations" / "inspector_zh_CN.qm").unlink()
    monkeypatch.setattr(paths, "_resources_dir", lambda: copy)
    qapp.setStyleSheet("")
    facts = collect_facts(qapp, context.users, font_family=qapp.font().family())
    assert facts["ok"] is False
    assert facts["resources_missing"] == ["translations/inspector_zh_CN.qm"]
    assert facts["translation_ok"] is False and facts["translation_sample"] == "Inspector"
    assert facts["stylesheet_ok"] is False
    assert context.users.needs_first_admin(), "the first window was only shown, nobody was created"


def test_minimal_pdf_has_a_sound_cross_reference_table() -> None:
    data = minimal_pdf()
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[start:].startswith(b"xref\n0 4\n")
    second = int(data[start:].split(b"\n")[3].split(b" ")[0])
    assert data[second:].startswith(b"1 0 obj")


def test_a_windows_installation_without_qtmultimedia_is_reported(qapp: QApplication, context: AppContext,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows installs carry QtMultimedia for the webcam (pyproject.toml); one that cannot load it
    is not a good installation. On Linux the module is an option either way."""
    from PySide6.QtGui import QFont, QFontDatabase

    from inspector.ui import selfcheck
    from inspector.ui.dialogs import camera_capture

    class Loaded:
        QMediaDevices = object

    font, style = qapp.font(), qapp.styleSheet()
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(paths.font_path())))[0]
    qapp.setFont(QFont(family, 10))
    qapp.setStyleSheet("QWidget { }")  # the app's own is applied by configure_application
    try:
        def ok(platform: str, module: object | None) -> bool:
            monkeypatch.setattr(selfcheck.sys, "platform", platform)
            monkeypatch.setattr(camera_capture, "multimedia", lambda: module)
            facts = collect_facts(qapp, context.users, font_family=family)
            assert facts["camera_module"] is (module is not None)
            assert facts["camera_module_required"] is (platform == "win32")
            return facts["ok"]

        assert ok("linux", None) is True and ok("linux", Loaded()) is True
        assert ok("win32", Loaded()) is True
        assert ok("win32", None) is False
    finally:
        qapp.setFont(font)
        qapp.setStyleSheet(style)
