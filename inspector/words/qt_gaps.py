"""Qt's own dialog words that Qt's Chinese catalogue misses, so that our catalogue carries them.

``install_translator`` loads ``qtbase_zh_CN.qm`` from PySide6 beside ours, and Qt's file and print
dialogs speak Chinese from it, except for a few labels whose source text gained a keyboard
accelerator in Qt 6 ("Look in:" became "&Look in:") after that catalogue was last translated:
6.12's ``qtbase_zh_CN.qm`` has only the old texts, so the Chinese file dialog said "Look in:" and
"Files of type:" (#14.9). Qt asks every installed translator in turn for a text in its own
context (``QFileDialog``…), so marking the same text in the same context here makes lupdate put
it in ``inspector_zh_CN.ts`` and the dialog finds our translation. Nothing imports this module:
lupdate reads it, ``tests/ui/test_qt_own_words.py`` opens the dialogs.

When a newer PySide6 translates these itself, Qt's translation wins (it is installed last) and
these lines only keep agreeing with it.
"""

from __future__ import annotations

from inspector.words.i18n import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
)
