"""Qt's own dialogs follow the display language (#14.9): in Chinese the file dialog's buttons and
the message boxes' standard buttons are Chinese (Qt's qtbase translations are loaded beside ours),
and dates read 2026年12月6日; back in English they are English again. The labels Qt's Chinese
catalogue misses ("&Look in:", "Files of &type:", the print dialog's "Page &Set:"…) come from ours
(``inspector.words.qt_gaps``)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from inspector.ui.language import apply_language


def file_dialog(qtbot: Any) -> QFileDialog:
    dialog = QFileDialog(None, "", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog Qt draws, as on Linux
    qtbot.addWidget(dialog)
    return dialog


def file_dialog_buttons(qtbot: Any) -> list[str]:
    dialog = file_dialog(qtbot)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return [button.text() for button in box.findChildren(QPushButton)]


def labels(dialog: QWidget) -> dict[str, str]:
    """Object name → text of the dialog's labels that have a name (Qt's .ui forms name them)."""
    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}


def test_the_chinese_file_and_print_dialogs_have_no_english_label(qtbot: Any, qapp: QApplication) -> None:
    """PySide6 6.12's qtbase_zh_CN.qm translates "Look in:" but Qt asks for "&Look in:"."""
    printer = QPrinter()
    try:
        assert apply_language("zh_CN")
        files = file_dialog(qtbot)
        found = labels(files)
        assert (found["lookInLabel"], found["fileNameLabel"], found["fileTypeLabel"]) == (
            "查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)：")
        printing = QPrintDialog(printer)
        qtbot.addWidget(printing)
        assert labels(printing)["pageSetLabel"] == "页面组(&S)："
        english = [text for text in (*found.values(), *labels(printing).values())
                   if re.search(r"[A-Za-z]{3}", text.replace("PDF", ""))]
        assert english == []
    finally:
        apply_language("en")
    files = file_dialog(qtbot)
    found = labels(files)
    assert (found["lookInLabel"], found["fileTypeLabel"]) == ("&Look in:", "Files of &type:")


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
