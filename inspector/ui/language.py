"""The display language while the app runs: switching it, and picking the zh/en text of a record.

``apply_language`` installs the translator (``inspector.words.i18n``) and makes the language Qt's
default locale, which is how screens know whether to show ``title_zh`` or ``title_en`` of
bilingual records such as checklist templates. Installing a translator makes Qt send
``QEvent.LanguageChange`` to every window, which retranslates what is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from inspector.words.i18n import install_translator

LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}  # each in its own language, never translated


def apply_language(language: str) -> bool:
    """Show the app in ``language`` ("zh_CN" or "en"); False when its translation is missing."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no application object")
    QLocale.setDefault(QLocale(language))
    return install_translator(app, language)


def current_language() -> str:
    """"zh_CN" when the default locale is Chinese, else "en"."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def localized(zh: str, en: str) -> str:
    """The text in the display language, falling back to the other one when it is empty."""
    if current_language() == "zh_CN":
        return zh or en
    return en or zh
