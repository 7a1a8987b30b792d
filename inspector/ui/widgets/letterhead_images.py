"""The settings page's "Letterhead" group: the logo printed at the top of every notice and the
inspection seal (检查专用章) printed beside the office's signature, each a PNG or JPEG.

Choosing a picture asks ``SettingsService.store_image`` to copy it into the data folder (so a
moved or deleted original breaks no notice) and then stores the copy's path in the settings;
the widget itself never writes a file. Roles without ``EDIT_SETTINGS`` see the pictures only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.domain.errors import InspectorError, PermissionDenied
from inspector.domain.users import Permission
from inspector.ui.dialogs import errors
from inspector.ui.uicontext import UiContext

THUMB_HEIGHT = 64
KINDS = ("logo", "seal")


def ask_image_file(parent: QWidget, title: str) -> Path | None:
    """The picture the user picks, or None (tests replace this one function)."""
    pattern = QCoreApplication.translate("LetterheadImages", "Pictures (*.png *.jpg *.jpeg)")
    chosen, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return Path(chosen) if chosen else None


@dataclass
class _Row:
    label: QLabel
    picture: QLabel
    file: QLabel
    choose: QPushButton
    remove: QPushButton


class LetterheadImagesGroup(QGroupBox):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(2, 1)
        self.rows: dict[str, _Row] = {}
        for line, kind in enumerate(KINDS):
            picture = QLabel()
            picture.setFixedSize(THUMB_HEIGHT * 2, THUMB_HEIGHT)
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setStyleSheet("background: white; border: 1px solid palette(mid);")
            file = QLabel()
            file.setProperty("role", "hint")
            file.setWordWrap(True)
            row = _Row(QLabel(), picture, file, QPushButton(), QPushButton())
            row.choose.clicked.connect(lambda _checked=False, k=kind: self.choose(k))
            row.remove.clicked.connect(lambda _checked=False, k=kind: self.remove(k))
            for column, widget in enumerate((row.label, row.picture, row.file, row.choose, row.remove)):
                grid.addWidget(widget, line, column)
            self.rows[kind] = row
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        self.retranslate()

    def can_edit(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.EDIT_SETTINGS)

    def stored(self, kind: str) -> str:
        settings = self.ui.app.settings.get()
        return settings.logo_path if kind == "logo" else settings.seal_path

    def reload(self) -> None:
        editable = self.can_edit()
        for kind, row in self.rows.items():
            stored = self.stored(kind)
            path = self.ui.app.settings.image_file(stored)
            pixmap = QPixmap(str(path)) if path else QPixmap()
            if not pixmap.isNull():
                row.picture.setPixmap(pixmap.scaled(row.picture.size() * 0.9, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))
                row.file.setText(stored)
            else:
                row.picture.clear()
                row.picture.setText("—")
                row.file.setText(self.tr("The file {file} is missing.").format(file=stored) if stored
                                 else self.tr("None"))
            row.choose.setVisible(editable)
            row.remove.setVisible(editable)
            row.remove.setEnabled(bool(stored))

    def choose(self, kind: str) -> bool:
        title = self.tr("Choose the logo") if kind == "logo" else self.tr("Choose the seal image")
        source = ask_image_file(self, title)
        if source is None:
            return False
        try:
            relative = self.ui.app.settings.store_image(self.ui.user, kind, source)  # type: ignore[arg-type]
            return self._store(kind, relative)
        except InspectorError as error:
            errors.show_error(self, error)
            if isinstance(error, PermissionDenied):
                self.reload()
            return False

    def remove(self, kind: str) -> bool:
        try:
            return self._store(kind, "")
        except InspectorError as error:
            errors.show_error(self, error)
            return False

    def _store(self, kind: str, value: str) -> bool:
        field = "logo_path" if kind == "logo" else "seal_path"
        _settings, changes = self.ui.app.settings.update(self.ui.user, **{field: value})
        self.ui.hub.publish(changes)
        self.reload()
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Letterhead"))
        self.intro.setText(self.tr(
            "The logo is printed at the top of every notice, the seal beside the quality office's signature. "
            "A copy of the picture is kept in the data folder."
        ))
        self.rows["logo"].label.setText(self.tr("Logo:"))
        self.rows["seal"].label.setText(self.tr("Inspection seal (检查专用章):"))
        for row in self.rows.values():
            row.choose.setText(self.tr("Choose…"))
            row.remove.setText(self.tr("Remove"))
        if self.ui.signed_in:
            self.reload()
