"""Translation for code that is not a QObject (CLI messages, PDF text, error sentences).

Widgets use ``self.tr()``. Everything else calls ``translate(context, text)``, which
``pyside6-lupdate`` extracts like ``QCoreApplication.translate``. ``install_translator`` loads the
compiled ``.qm`` for a language into a Q(Core)Application; without one, the English source text
is returned unchanged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from inspector.paths import resources_dir

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []


def translate(context: str, text: str) -> str:
    """The translation of ``text`` in ``context`` for the installed language (else ``text``)."""
    if QCoreApplication.instance() is None:
        return text
    return QCoreApplication.translate(context, text)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def pick_language(configured: str | None) -> str:
    """The configured language, else zh_CN unless the system locale is clearly not Chinese-first."""
    if configured in LANGUAGES:
        return configured  # type: ignore[return-value]
    system = QLocale.system().name()
    if system.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Load ``inspector_<language>.qm`` (and Qt's own strings where shipped); True when loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return True  # the source language
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / f"inspector_{language}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    from PySide6.QtCore import QLibraryInfo

    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return True
