"""Qt's own dialogs follow the display language (#14.9): in Chinese the file dialog's buttons and
the message boxes' standard buttons are Chinese (Qt's qtbase translations are loaded beside ours),
and dates read 2026年12月6日; back in English they are English again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from inspector.ui.language import apply_language


def file_dialog_buttons(qtbot: Any) -> list[str]:
    dialog = QFileDialog(None, "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog Qt draws, as on Linux
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return [button.text() for button in box.findChildren(QPushButton)]


def test_qt_dialogs_and_dates_follow_the_chinese_ui(qtbot: Any, qapp: QApplication) -> None:
    try:
        assert apply_language("zh_CN")
        assert "取消" in file_dialog_buttons(qtbot)
        box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        qtbot.addWidget(box)
        assert sorted(button.text() for button in box.buttons()) == ["否(&N)", "是(&Y)"]
        assert QLocale().toString(QDate(2026, 12, 6), QLocale.FormatType.LongFormat) == "2026年12月6日星期日"
    finally:
        apply_language("en")
    assert "Cancel" in file_dialog_buttons(qtbot)
    assert QLocale().toString(QDate(2026, 12, 6), "d MMMM yyyy") == "6 December 2026"
