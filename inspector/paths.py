"""Where things live: the user's data folder, the database, the photo store and bundled resources.

The data folder is chosen in this order: an explicit ``--data-dir``, the ``INSPECTOR_DATA_DIR``
environment variable, then the platform's user data folder (platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from inspector import APP_NAME

ENV_DATA_DIR = "INSPECTOR_DATA_DIR"
DATABASE_NAME = "inspector.db"
PRIVATE_FOLDER = 0o700


def default_data_dir() -> Path:
    """The platform's per-user data folder for Inspector."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``explicit`` if given, else $INSPECTOR_DATA_DIR, else the platform default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def resources_dir() -> Path:
    """The bundled resources (fonts, translations, templates, icons).

    A source or editable checkout reads the top-level ``resources/`` folder; an installed wheel
    ships the same folder as the ``inspector_resources`` package.
    """
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    import importlib.resources

    return Path(str(importlib.resources.files("inspector_resources")))


def font_path() -> Path:
    """The bundled CJK TrueType font used by the UI and by every PDF."""
    return resources_dir() / "fonts" / "WenQuanYiMicroHei.ttf"


@dataclass(frozen=True)
class DataPaths:
    """The files and folders inside one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def notices(self) -> Path:
        """Issued notice PDFs (``ZG-2026-11-0001.pdf``) and their PAdES-signed copies."""
        return self.root / "notices"

    @property
    def certs(self) -> Path:
        """The local CA's certificate, exported for anyone who verifies a signed notice."""
        return self.root / "certs"

    @property
    def lock_file(self) -> Path:
        return self.root / "inspector.lock"

    def ensure(self) -> "DataPaths":
        """Create the data folder if needed, readable by its owner only (0700 on POSIX: it holds
        covert visits and signing keys); refuse a file where the folder should be."""
        from inspector.domain.errors import StorageProblem

        if self.root.exists() and not self.root.is_dir():
            raise StorageProblem("data_dir_not_a_folder", file=str(self.root))
        try:
            self.root.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):  # a file on the way to it
            raise StorageProblem("data_dir_not_a_folder", file=str(self.root)) from None
        return self
