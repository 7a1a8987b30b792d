"""The line icons of the navigation and status bar: ``resources/icons/<name>.svg`` as QIcons.

Icons are plain SVG files found through ``inspector.paths.resources_dir()`` (works from a checkout
and from an installed wheel), so no compiled resource module has to be kept in sync.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from inspector.paths import resources_dir


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (a null QIcon when the file is missing)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
