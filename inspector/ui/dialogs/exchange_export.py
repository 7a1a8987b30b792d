"""File → 导出交换文件… (Export an exchange file): what the file is for, where it goes, and the
password that unlocks the acting user's signing key (every exchange file is signed).

At the quality office the file is for one user's laptop: the dialog lists the accounts to choose
from. On a laptop the file is for the office and carries what it has not acknowledged yet, or
with "everything" all that was recorded here. The dialog only asks; ``ExchangeActions`` runs the
export in the background and the service refuses what is not allowed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.users import User
from inspector.ui.exchange_work import ExportRequest
from inspector.ui.uicontext import UiContext
from inspector.words.labels import label

SUFFIX = ".inspx"


def with_suffix(name: str) -> Path:
    path = Path(name)
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def safe_name(text: str) -> str:
    """``text`` fit for a file name on every system (letters, digits, Chinese, - and _ kept)."""
    kept = "".join(char if char.isalnum() or char in "-_" else "-" for char in text.strip())
    return kept.strip("-") or "inspector"


class ExportDialog(QDialog):
    """``request()`` after ``exec()`` returned Accepted."""

    def __init__(self, ui: UiContext, office: bool, signer: str, people: list[User],
                 parent: QWidget | None = None, *, device_name: str = "") -> None:
        super().__init__(parent)
        self.ui = ui
        self.office = office
        self.device_name = device_name
        self.setWindowTitle(self.tr("Export an exchange file"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(
            "The file is for one user's laptop. It carries what that laptop needs: the organisation and its CA, "
            "the user's own account and signing key, the published checklists, the registry, the notices that "
            "concern the user, and the acknowledgement of what the office has received from them.")
            if office else self.tr(
            "The file is for the quality office. It carries what was recorded on this laptop and the office has "
            "not acknowledged yet."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(intro)

        self.people = QListWidget()
        self.everything = QCheckBox(self.tr("Everything recorded here, also what the office has acknowledged"))
        if office:
            layout.addWidget(QLabel(self.tr("For the laptop of:")))
            for person in people:
                item = QListWidgetItem(f"{person.display_name} ({person.username}) · {label(person.role)}")
                item.setData(Qt.ItemDataRole.UserRole, person.username)
                self.people.addItem(item)
            self.people.setMinimumHeight(150)
            self.people.currentItemChanged.connect(self._person_chosen)
            layout.addWidget(self.people, 1)
            self.everything.hide()
        else:
            self.people.hide()
            layout.addWidget(self.everything)

        self.file = QLineEdit()
        self.file.textChanged.connect(self._enable)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.textChanged.connect(self._enable)
        self.password_hint = QLabel(self.tr(
            "Exchange files are signed with your certificate (“{name}”). Your password unlocks your signing "
            "key.").format(name=signer))
        self.password_hint.setWordWrap(True)
        self.password_hint.setProperty("role", "hint")
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Your password:"), self.password)
        layout.addLayout(form)
        layout.addWidget(self.password_hint)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if not office:
            self.file.setText(str(Path.home() / self.suggested_name()))
        self._enable()

    # --- choosing -------------------------------------------------------------------------------
    def suggested_name(self, username: str | None = None) -> str:
        today = f"{date.today():%Y%m%d}"
        if username:
            return f"{safe_name(username)}-{today}{SUFFIX}"
        return f"{safe_name(self.device_name)}-{today}{SUFFIX}"

    def chosen_user(self) -> str | None:
        item = self.people.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def choose_user(self, username: str) -> bool:
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.ItemDataRole.UserRole) == username:
                self.people.setCurrentRow(row)
                return True
        return False

    def _person_chosen(self) -> None:
        username = self.chosen_user()
        if username is None:
            return
        current = self.file.text().strip()
        folder = Path(current).parent if current else Path.home()
        self.file.setText(str(folder / self.suggested_name(username)))
        self._enable()

    @classmethod
    def choose_file(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """Where to write the file (a save dialog; tests replace this)."""
        title = QCoreApplication.translate("ExportDialog", "Save the exchange file")
        kinds = QCoreApplication.translate("ExportDialog", "Exchange files (*.inspx)")
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), kinds)
        return with_suffix(name) if name else None

    def _choose(self) -> None:
        current = self.file.text().strip()
        chosen = self.choose_file(self, Path(current) if current else Path.home() / self.suggested_name())
        if chosen is not None:
            self.file.setText(str(chosen))

    def _enable(self) -> None:
        ready = bool(self.file.text().strip()) and bool(self.password.text())
        if self.office:
            ready = ready and self.chosen_user() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def request(self) -> ExportRequest:
        return ExportRequest(path=with_suffix(self.file.text().strip()), password=self.password.text(),
                             for_user=self.chosen_user() if self.office else None,
                             everything=not self.office and self.everything.isChecked())
