"""Settings → 办公室服务器 (the office hub): the hub's DSN and this device's password, 测试连接
(test the connection, nothing kept) and 保存 (connect: the DSN kept without its password, the
password in the operating system's keyring). Both run on a worker thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.ui import hub_work
from inspector.ui.tasks import Task, run_task
from inspector.ui.uicontext import UiContext
from inspector.words import messages


class HubSettingsDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Office server"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The office's PostgreSQL hub. Paste the address the quality office gave this "
                               "device (hub add-device); the password is kept in the system keyring, never in "
                               "the database."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.dsn = QLineEdit()
        self.dsn.setObjectName("hubDsn")
        self.dsn.setPlaceholderText("postgresql://ROLE@SERVER:5432/DATABASE")
        link = ui.app.hub.link()
        if link is not None:
            self.dsn.setText(link.dsn)
        self.password = QLineEdit()
        self.password.setObjectName("hubPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Address (DSN)"), self.dsn)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.result = QLabel()
        self.result.setObjectName("hubResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("hubTest")
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _run(self, work: Any, *args: Any, done: Any) -> None:
        self.test_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.result.setText(self.tr("Connecting…"))

        def finished(value: Any) -> None:
            self._idle()
            done(value)

        self.task = run_task(work, *args, on_finished=finished, on_failed=self._failed)

    def _idle(self) -> None:
        self.task = None
        self.test_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self._idle()
        text = messages.describe(error) if isinstance(error, InspectorError) else str(error)
        self.result.setText(text)

    def test_connection(self) -> None:
        self._run(hub_work.probe, self.ui.app.paths.root, self.dsn.text(), self.password.text(),
                  done=lambda name: self.result.setText(self.tr("Connected: the hub of {name}.").format(name=name)))

    def save(self) -> None:
        def saved(link: Any) -> None:
            self.password.clear()
            self.dsn.setText(link.dsn)
            self.result.setText(self.tr("Saved. This device syncs as {role}.").format(role=link.role))
            self.accept()

        self._run(hub_work.connect, self.ui.app.paths.root, self.ui.user, self.dsn.text(), self.password.text(),
                  done=saved)
