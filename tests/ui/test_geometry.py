"""Window size and splitter positions survive a restart, in a QSettings file under the test's tmp.

The offscreen screen is 800×800 and ``restoreGeometry`` keeps a window on its screen, so sizes are
checked on a small window class using the same mixin; the main window is checked for what it
stores (its geometry key and every named splitter) and restores (splitter positions).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from inspector.app import build_main_window
from inspector.domain.users import User
from inspector.ui.geometry import PreserveGeometry, settings_store
from inspector.ui.uicontext import UiContext


class Panel(PreserveGeometry, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panelSplitter")
        self.splitter.addWidget(QLabel("left"))
        self.splitter.addWidget(QLabel("right"))
        self.unnamed = QSplitter()  # no object name: no stable key, so it is not stored
        self.unnamed.addWidget(QLabel("a"))
        self.unnamed.addWidget(QLabel("b"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        layout.addWidget(self.unnamed)


def test_window_state_is_stored_in_the_tests_folder(_window_state_in_tmp: Path) -> None:
    assert Path(settings_store().fileName()).is_relative_to(_window_state_in_tmp)


def test_size_and_splitter_are_restored(qtbot: Any) -> None:
    first = Panel()
    qtbot.addWidget(first)
    first.show()
    first.resize(520, 340)
    first.splitter.setSizes([120, 380])
    saved = first.splitter.sizes()
    first.save_geometry()

    second = Panel()
    qtbot.addWidget(second)
    assert second.restore_geometry()
    second.show()

    assert (second.width(), second.height()) == (520, 340)
    assert second.splitter.sizes() == saved
    keys = settings_store().allKeys()
    assert "geometry/Panel" in keys and "splitters/Panel/panelSplitter" in keys
    assert not any(key.startswith("splitters/Panel/") and key.endswith("/") for key in keys)
    assert len([key for key in keys if key.startswith("splitters/Panel")]) == 1


def test_main_window_remembers_its_splitters(qtbot: Any, admin: User, sign_in: Callable[[User], UiContext]) -> None:
    """The main splitter has no room to move on the 800 px offscreen screen (the window sits at
    its minimum width), so the page splitter with room (templates, vertical) is the one compared."""
    ui = sign_in(admin)
    first = build_main_window(ui)
    qtbot.addWidget(first)
    first.show()
    templates = first.pages["templates"].splitter
    templates.setSizes([300, 300])
    saved = templates.sizes()
    first.close()
    keys = settings_store().allKeys()
    assert {"geometry/MainWindow", "splitters/MainWindow/mainSplitter",
            "splitters/MainWindow/templatesSplitter"} <= set(keys)

    second = build_main_window(ui)
    qtbot.addWidget(second)
    second.show()

    assert second.pages["templates"].splitter.sizes() == saved
    assert saved[0] == saved[1]


def test_first_start_uses_the_default_size(qtbot: Any) -> None:
    panel = Panel()
    qtbot.addWidget(panel)
    assert not panel.restore_geometry()
