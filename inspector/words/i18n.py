"""Translation for code that is not a QObject (CLI messages, PDF text, error sentences).

Widgets use ``self.tr()``. Everything else calls ``translate(context, text)``, which
``pyside6-lupdate`` extracts like ``QCoreApplication.translate``, and marks the sentences of its
tables with ``QT_TRANSLATE_NOOP(context, text)`` (defined here: lupdate recognises the name, and
the words can be imported without Qt). ``install_translator`` loads the compiled ``.qm`` for a
language into a Q(Core)Application; without one, the English source text is returned unchanged.

Nothing here imports Qt at module level: a CLI command that prints a table or an error must not
pay for loading Qt (``bench/cli.py``). Translation needs a Qt application with a translator, so
where Qt was never loaded there is nothing to translate with and the source text is the answer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; translated where it is shown."""
    return text


def translate(context: str, text: str) -> str:
    """The translation of ``text`` in ``context`` for the installed language (else ``text``)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None or qtcore.QCoreApplication.instance() is None:
        return text
    return str(qtcore.QCoreApplication.translate(context, text))


def translations_dir() -> Path:
    return resources_dir() / "translations"


def pick_language(configured: str | None) -> str:
    """The configured language, else zh_CN unless the system locale is clearly not Chinese-first."""
    if configured in LANGUAGES:
        return configured  # type: ignore[return-value]
    from PySide6.QtCore import QLocale

    system = QLocale.system().name()
    if system.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Load ``inspector_<language>.qm`` (and Qt's own strings where shipped); True when loaded."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

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
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return True
