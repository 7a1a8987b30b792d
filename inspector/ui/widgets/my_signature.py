"""The settings page's "My signature" group: the signed-in user's own stored signature, shown as
it will be printed, with "Draw…" (the signature dialog) and "Remove". Any signed-in user may
keep one; it is placed on the notices they issue or sign so they need not draw it every time.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.domain.errors import InspectorError
from inspector.ui.dialogs import errors
from inspector.ui.dialogs.signature_dialog import SignatureDialog
from inspector.ui.uicontext import UiContext

PREVIEW_SIZE = (320, 110)


class MySignatureGroup(QGroupBox):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.picture = QLabel()
        self.picture.setFixedSize(*PREVIEW_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: white; border: 1px solid palette(mid);")
        self.draw_button = QPushButton()
        self.remove_button = QPushButton()
        buttons = QVBoxLayout()
        buttons.addWidget(self.draw_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.picture)
        row.addLayout(buttons)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        self.draw_button.clicked.connect(self.draw)
        self.remove_button.clicked.connect(self.remove)
        self.retranslate()

    def stored(self) -> bytes | None:
        return self.ui.app.signatures.get(self.ui.user.id) if self.ui.signed_in else None

    def reload(self) -> None:
        png = self.stored()
        pixmap = QPixmap()
        if png:
            pixmap.loadFromData(QByteArray(png), "PNG")
        if pixmap.isNull():
            self.picture.clear()
            self.picture.setText(self.tr("No signature kept yet."))
        else:
            width, height = PREVIEW_SIZE
            self.picture.setPixmap(pixmap.scaled(width - 16, height - 12, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        self.remove_button.setEnabled(bool(png))
        self.draw_button.setEnabled(self.ui.signed_in)

    def draw(self) -> bool:
        """Draw a new signature and keep it; False when cancelled or refused."""
        result = SignatureDialog.ask(
            self, self.tr("My signature"),
            self.tr("Sign in the box with the mouse, a pen or your finger. It is kept for the notices you "
                    "issue or sign, and you can draw it again at any time."),
        )
        if result is None:
            return False
        try:
            changes = self.ui.app.signatures.save(self.ui.user, result.png)
        except InspectorError as error:
            errors.show_error(self, error)
            return False
        self.ui.hub.publish(changes)
        self.reload()
        return True

    def remove(self) -> bool:
        try:
            changes = self.ui.app.signatures.clear(self.ui.user)
        except InspectorError as error:
            errors.show_error(self, error)
            return False
        self.ui.hub.publish(changes)
        self.reload()
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("My signature"))
        self.intro.setText(self.tr("Your handwritten signature, placed on the notices you issue or sign."))
        self.draw_button.setText(self.tr("Draw…"))
        self.remove_button.setText(self.tr("Remove"))
        if self.ui.signed_in:
            self.reload()
