"""The "Users" part of the settings page, shown to administrators: the accounts table with
Add user…, Edit… and Reset password…

Every change goes through ``UserService`` (which checks the admin's permission again); a refusal
is shown with ``show_error`` and, for Add and Edit, the dialog opens again with what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.domain.users import User
from inspector.ui.dialogs import errors
from inspector.ui.dialogs.password import PasswordDialog
from inspector.ui.dialogs.user_edit import UserEditDialog, UserValues
from inspector.ui.models.users_model import UsersModel
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.tables import row_height, setup_read_only_table

MIN_ROWS, MAX_ROWS = 3, 12  # the height of the accounts table, in rows


class UsersSection(QGroupBox):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.model = UsersModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(UsersModel.SortRole)
        self.proxy.setSourceModel(self.model)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UsersModel.COL_USERNAME, Qt.SortOrder.AscendingOrder)
        setup_read_only_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.reset_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_selected)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.activated.connect(  # a double click, or Enter on the selected row
            lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Users"))
        self.intro.setText(self.tr(
            "Everyone who uses Inspector on this laptop signs in with their own account; the role decides "
            "what they may do. Accounts are deactivated, never deleted, so their records keep a name."
        ))
        self.add_button.setText(self.tr("Add user…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.model.retranslate()

    def reload(self) -> None:
        keep = self.selected_user()
        try:
            users = self.ui.app.users.list(self.ui.user)
        except InspectorError as error:
            errors.show_error(self, error)
            users = []
        self.model.set_rows(users)
        self._fit_rows()
        if keep is not None:
            self.select_user(keep.id)
        self._selection_changed(QItemSelection(), QItemSelection())

    def _fit_rows(self) -> None:
        """As tall as its rows (at least three, at most twelve; it scrolls beyond)."""
        rows = min(max(self.model.rowCount(), MIN_ROWS), MAX_ROWS)
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows * row_height(self.table) + 2 * self.table.frameWidth())

    def selected_user(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(UsersModel.ObjectRole) if rows else None

    def select_user(self, user_id: int) -> bool:
        row = self.model.row_of(user_id)
        if row < 0:
            return False
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        chosen = self.selected_user() is not None
        self.edit_button.setEnabled(chosen)
        self.reset_button.setEnabled(chosen)

    # --- actions ----------------------------------------------------------------------------
    def add_user(self) -> User | None:
        """Ask for a new account until the service accepts it or the admin cancels."""
        values: UserValues | None = None
        while True:
            values = UserEditDialog.ask(self, initial=values)
            if values is None:
                return None
            try:
                user, changes = self.ui.app.users.create(
                    self.ui.user, username=values.username, display_name=values.display_name,
                    role=values.role, password=values.password or "",
                )
            except InspectorError as error:
                errors.show_error(self, error)
                continue
            self.ui.hub.publish(changes)
            self.select_user(user.id)
            return user

    def edit_selected(self) -> User | None:
        """Change the selected account's display name, role or active state."""
        target = self.selected_user()
        if target is None:
            return None
        values: UserValues | None = None
        while True:
            values = UserEditDialog.ask(self, user=target, initial=values)
            if values is None:
                return None
            try:
                user, changes = self.ui.app.users.update(
                    self.ui.user, target.id, display_name=values.display_name, role=values.role,
                    active=values.active, unit_id=target.unit_id,
                )
            except InspectorError as error:
                errors.show_error(self, error)
                continue
            self.ui.hub.publish(changes)
            if user.id == self.ui.user.id:
                self.ui.sign_in(user)  # the status bar and permissions follow the new role/name
            self.select_user(user.id)
            return user

    def reset_password(self) -> bool:
        """Give the selected account a new password (no current password needed for an admin)."""
        target = self.selected_user()
        if target is None:
            return False
        own = target.id == self.ui.user.id  # the service asks for one's own current password
        change = PasswordDialog.ask(self, need_current=own, account=target.display_name)
        if change is None:
            return False
        try:
            changes = self.ui.app.users.change_password(
                self.ui.user, target.id, change.new_password, current_password=change.current_password
            )
        except InspectorError as error:
            errors.show_error(self, error)
            return False
        self.ui.hub.publish(changes)
        return True
