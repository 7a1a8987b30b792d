"""Tools → 备份与恢复 (Backups and restore): the backups of this data folder (date, reason, size,
photos), "back up now", how many to keep, and restoring one — the selected backup or a file.

Restoring replaces the whole database, so it is offered to users who may edit settings (the
quality office, admins), asks first (saying that the current database is kept aside and that
Inspector starts again), and is checked by ``RestoreService`` before anything changes. Once the
backup is in place the main window's ``on_restart`` quits and starts Inspector again on the
restored data (``inspector.app``); without one (tests, a window built by hand) the user is told
to start it again and the window closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.domain.users import Permission
from inspector.services.backups import BackupInfo
from inspector.services.restore import RestoreCheck
from inspector.ui.dialogs.errors import show_error
from inspector.ui.uicontext import UiContext
from inspector.words.backups import reason_label

DIALOG_MARGINS = (20, 18, 20, 16)
COLUMNS = 4  # date, reason, size, photos


class BackupsDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None, *,
                 on_restart: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.on_restart = on_restart
        self.restored = False
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Backups and restore"))
        self.setMinimumSize(640, 420)

        intro = QLabel(self.tr(
            "Inspector backs the database up on the first start of every day, before every upgrade and "
            "before every import. Photos are not copied: the photo store never changes or removes a photo a "
            "backup refers to."))
        intro.setWordWrap(True)
        self.folder = QLabel(self.tr("Folder: {path}").format(path=ui.app.paths.backups))
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size"), self.tr("Photos")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)

        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(ui.app.backups.keep())
        self.keep.setEnabled(self.may_restore())
        self.keep.editingFinished.connect(self.save_keep)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Keep the newest")))
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel(self.tr("backups, and one of every month")))
        keep_row.addStretch(1)

        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore selected…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        actions = QHBoxLayout()
        actions.addWidget(self.back_up_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.restore_file_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.addWidget(intro)
        layout.addWidget(self.folder)
        layout.addWidget(self.table, 1)
        layout.addLayout(keep_row)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    # --- the list ---------------------------------------------------------------------------------
    def may_restore(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.EDIT_SETTINGS)

    def refresh(self) -> None:
        self.backups = self.ui.app.backups.list()
        locale = QLocale()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            photos = "" if info.photos is None else str(info.photos)
            reason = reason_label(info.reason)  # lower-case for the sentences; a cell starts with a capital
            cells = (f"{info.created_at:%Y-%m-%d %H:%M}", reason[:1].upper() + reason[1:],
                     locale.formattedDataSize(info.size), photos)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self._enable()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.may_restore() and self.selected() is not None)
        self.restore_file_button.setEnabled(self.may_restore())

    # --- backing up -------------------------------------------------------------------------------
    def back_up_now(self) -> BackupInfo | None:
        try:
            info = self.ui.app.backups.make()
        except InspectorError as error:
            show_error(self, error)
            return None
        self.refresh()
        self.status.setText(self.tr("Backup written: {file}").format(file=info.path.name))
        return info

    def save_keep(self) -> None:
        if not self.may_restore() or self.keep.value() == self.ui.app.backups.keep():
            return
        try:
            _, changes = self.ui.app.settings.update(self.ui.user, backups_keep=self.keep.value())
        except InspectorError as error:
            show_error(self, error)
            self.keep.setValue(self.ui.app.backups.keep())
            return
        self.ui.hub.publish(changes)

    # --- restoring --------------------------------------------------------------------------------
    @classmethod
    def choose_file(cls, parent: QWidget | None) -> Path | None:
        """The backup file to restore (tests replace this)."""
        title = QCoreApplication.translate("BackupsDialog", "Choose a backup to restore")
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()),
                                              QCoreApplication.translate("BackupsDialog", "Backups (*.db);;* (*)"))
        return Path(name) if name else None

    def restore_selected(self) -> bool:
        info = self.selected()
        return info is not None and self.restore(info.path)

    def restore_from_file(self) -> bool:
        path = self.choose_file(self)
        return path is not None and self.restore(path)

    def restore(self, path: Path) -> bool:
        """Check ``path``, ask, restore, then start again. True when the backup is in place."""
        if not self.may_restore():
            return False
        try:
            check = self.ui.app.restore.check(path)
        except InspectorError as error:
            show_error(self, error)
            return False
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"), self.confirmation(check),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = self.ui.app.restore.restore(path)
        except InspectorError as error:
            show_error(self, error)
            return False
        self.restored = True
        kept = "" if result.kept_aside is None else result.kept_aside.name
        if self.on_restart is not None:
            QMessageBox.information(self, self.tr("Backup restored"), self.tr(
                "The backup is in place; the database as it was is kept as {kept}. Inspector starts again now."
            ).format(kept=kept))
            self.accept()
            self.on_restart()
        else:
            QMessageBox.information(self, self.tr("Backup restored"), self.tr(
                "The backup is in place; the database as it was is kept as {kept}. Inspector closes now: "
                "start it again to work on the restored data.").format(kept=kept))
            self.accept()
            window = self.parentWidget()
            if window is not None:
                window.window().close()
        return True

    def confirmation(self, check: RestoreCheck) -> str:
        manifest = check.manifest
        if manifest is not None:
            what = self.tr("Restore the backup made {when} ({why})?").format(
                when=f"{manifest.created_at:%Y-%m-%d %H:%M}", why=reason_label(manifest.reason.value))
        else:
            what = self.tr("Restore the backup {file}?").format(file=check.file.name)
        lines = [what, self.tr(
            "Everything recorded since then is replaced. The current database is kept aside beside it "
            "(inspector.db.before-restore-…), and Inspector closes and starts again on the restored data.")]
        if check.migrations_to_apply:
            lines.append(self.tr("The backup is from an earlier version; it is upgraded when Inspector starts again."))
        if check.photos_missing:
            lines.append(self.tr("{count} photos it refers to are no longer in the photo store.").format(
                count=len(check.photos_missing)))
        return "\n\n".join(lines)

    @classmethod
    def open_for(cls, ui: UiContext, parent: QWidget | None = None, *,
                 on_restart: Callable[[], None] | None = None) -> None:
        """Show the dialog modally (the menu action's one call)."""
        dialog = cls(ui, parent, on_restart=on_restart)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
