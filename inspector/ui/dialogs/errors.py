"""Telling the user why something was refused, in their language.

Every screen shows a service's ``InspectorError`` through ``show_error`` so that the wording
(``inspector.words.messages.describe``) and the look are the same everywhere. An ``ImportRejected``
also lists its problem lines (row, column, reason) under "Show Details…".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.domain.errors import ImportRejected, InspectorError

MAX_PROBLEMS_SHOWN = 200  # a 5,000-row file with a bad column must not make a 5,000-line box


def error_box(parent: QWidget | None, error: InspectorError) -> QMessageBox:
    """The message box ``show_error`` would show (built, not yet shown: tests read it)."""
    from inspector.words import messages  # every sentence of every error: loaded when one is said

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Inspector"))
    box.setText(messages.describe(error))
    if isinstance(error, ImportRejected) and error.problems:
        lines = messages.describe_import(error)[1:]
        shown = lines[:MAX_PROBLEMS_SHOWN]
        if len(lines) > len(shown):
            more = QCoreApplication.translate("ErrorDialog", "… and {count} more.")
            shown.append(more.format(count=len(lines) - len(shown)))
        box.setInformativeText(QCoreApplication.translate("ErrorDialog", "The first problem: {line}").format(line=lines[0]))
        box.setDetailedText("\n".join(shown))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, error: InspectorError) -> None:
    """Show ``error`` as a modal warning and wait for the user to close it."""
    error_box(parent, error).exec()
