"""Filter combo boxes of the list pages (inspections, notices): refilled from fresh choices
without losing what the user had chosen and without firing their change signals."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox


def refill_combo(combo: QComboBox, everything: str, choices: list[tuple[str, Any]]) -> None:
    """Replace ``combo``'s items by "``everything``" (data None) and ``choices`` (text, data),
    keeping the chosen one if it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in choices:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    combo.blockSignals(False)
