"""Where things live: the user's data folder, the database, the photo store and bundled resources.

Bundled resources are the package ``inspector_resources`` (``resources_dir()``); what a working
install must hold is ``REQUIRED_RESOURCES`` (``missing_resources()`` lists what is not there).

The data folder is chosen in this order: an explicit ``--data-dir``, the ``INSPECTOR_DATA_DIR``
environment variable, then the platform's user data folder (platformdirs).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from inspector import APP_NAME
from inspector.domain.errors import InspectorError

ENV_DATA_DIR = "INSPECTOR_DATA_DIR"
DATABASE_NAME = "inspector.db"
BACKUPS_FOLDER = "backups"  # rotating backups of the database, each with its manifest
RESOURCES_PACKAGE = "inspector_resources"
FONT_FILE = "fonts/WenQuanYiMicroHei.ttf"
BUILTIN_TEMPLATE_FILES = ("templates/T1.json", "templates/T2.json", "templates/T3.json")
# What a working install must have (relative to resources_dir()); `check` reports any that is
# missing and `init` refuses to run without them. Icons are left out: a missing icon is blank.
REQUIRED_RESOURCES = (
    FONT_FILE,
    "fonts/LICENSE-WenQuanYiMicroHei.txt",
    "translations/inspector_zh_CN.qm",
    "style.qss",
    *BUILTIN_TEMPLATE_FILES,
)


class ResourcesNotFound(InspectorError):
    """The bundled resources cannot be found as a folder on disk (a broken install)."""

    code = "resources_not_found"
PRIVATE_FOLDER = 0o700


def default_data_dir() -> Path:
    """The platform's per-user data folder for Inspector."""
    import platformdirs  # imported here: a data folder given by option or environment needs none of it

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
    """The folder of bundled resources (fonts, translations, templates, icons, the stylesheet).

    They are the package ``inspector_resources`` (the top-level ``resources/`` folder), found with
    ``importlib.resources`` wherever Inspector runs: an installed wheel, an editable install, or a
    PyInstaller bundle (whose importer serves the package from the bundle's folder). A checkout
    run without installing (``python -m inspector.app`` from the source tree) has no such package
    and reads ``resources/`` beside ``inspector/`` instead.
    """
    return _resources_dir()


@functools.cache
def _resources_dir() -> Path:
    import importlib.resources  # imported here: a command that reads no resource pays nothing

    try:
        root = importlib.resources.files(RESOURCES_PACKAGE)
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parent.parent / "resources"
        if (checkout / "__init__.py").is_file():
            return checkout
        raise ResourcesNotFound(package=RESOURCES_PACKAGE, where=str(checkout.parent)) from None
    if isinstance(root, Path):
        return root
    # Not a folder on disk (a zip import, or a namespace package if resources/__init__.py went
    # missing): Qt, ReportLab and Pillow all need real file paths, so say what is wrong.
    raise ResourcesNotFound(package=RESOURCES_PACKAGE, where=repr(root))


def font_path() -> Path:
    """The bundled CJK TrueType font used by the UI and by every PDF."""
    return resources_dir() / FONT_FILE


def missing_resources() -> list[str]:
    """The required resource files (``REQUIRED_RESOURCES``) that are not there, as relative paths.

    Raises nothing: a resource package that cannot be found at all is reported as every file
    missing, so that ``inspector-cli check`` and ``init`` can say so in a sentence.
    """
    try:
        root = resources_dir()
    except ResourcesNotFound:
        return list(REQUIRED_RESOURCES)
    return [name for name in REQUIRED_RESOURCES if not (root / name).is_file()]


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
    def backups(self) -> Path:
        """Rotating backups of the database (``inspector-20261207-083000-daily.db`` + ``.json``)."""
        return self.root / BACKUPS_FOLDER

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
