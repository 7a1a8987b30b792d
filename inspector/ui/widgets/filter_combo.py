"""Filter combo boxes of the list pages (inspections, notices, complaints): refilled from fresh
choices without losing what the user had chosen and without firing their change signals; and
sized to their words in the display language (``fit_to_words``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox


def fit_to_words(*combos: QComboBox) -> None:
    """Size each combo to its widest item whenever its items change. Qt's default sizes a combo
    once, when first shown: started in Chinese and switched to English, the filters read
    "All mode:" and "Any statu" (#14.9)."""
    for combo in combos:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)


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
