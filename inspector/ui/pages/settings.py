"""The settings page: organisation name, default rectification periods, the recurrence window and
the largest photo accepted, the letterhead pictures and the working-day calendar (quality office and admins), the display
language, one's own password and signature (everyone), user accounts (admins), and this data
folder's device id, name and organisation (``DeviceIdentityGroup``, #20).

Fields are read-only for roles without ``EDIT_SETTINGS``, but the service is what enforces it:
``save_settings`` always asks ``SettingsService.update`` and shows its refusal in words.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError, PermissionDenied
from inspector.domain.templates import Severity
from inspector.domain.users import Permission, User
from inspector.settings import MAX_PHOTO_LIMIT_MB, AppSettings, ImmediateCheck
from inspector.ui.dialogs import errors
from inspector.ui.dialogs.password import PasswordDialog
from inspector.words.labels import label
from inspector.ui.language import LANGUAGE_NAMES, current_language
from inspector.ui.pages.base import Page
from inspector.ui.pages.users_section import UsersSection
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.calendar_overrides import CalendarOverridesGroup
from inspector.ui.widgets.device_identity import DeviceIdentityGroup
from inspector.ui.widgets.letterhead_images import LetterheadImagesGroup
from inspector.ui.widgets.my_signature import MySignatureGroup


class SettingsPage(Page):
    """``language_chosen(code)`` asks the main window to switch the display language."""

    WATCHES = (Entity.SETTINGS, Entity.USER, Entity.SIGNATURE)
    language_chosen = Signal(str)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        # --- organisation and deadlines
        self.org_group = QGroupBox()
        self.org_zh = QLineEdit()
        self.org_en = QLineEdit()
        self.days: dict[Severity, QSpinBox] = {}
        for severity in Severity:
            spin = QSpinBox()
            spin.setRange(1, 90)
            spin.setMinimumWidth(140)
            spin.setMaximumWidth(190)
            spin.lineEdit().setTextMargins(5, 0, 0, 0)  # the style sheet's padding skips a spin box's editor
            self.days[severity] = spin
        self.immediate_check = QComboBox()
        self.immediate_check.setMaximumWidth(260)
        for choice in ImmediateCheck:
            self.immediate_check.addItem("", choice.value)
        self.recurrence_days = QSpinBox()
        self.recurrence_days.setRange(1, 730)
        self.recurrence_days.setMinimumWidth(140)
        self.recurrence_days.setMaximumWidth(190)
        self.recurrence_days.lineEdit().setTextMargins(5, 0, 0, 0)
        self.photo_limit = QSpinBox()
        self.photo_limit.setRange(1, MAX_PHOTO_LIMIT_MB)
        self.photo_limit.setMinimumWidth(140)
        self.photo_limit.setMaximumWidth(190)
        self.photo_limit.lineEdit().setTextMargins(5, 0, 0, 0)
        self.read_only_note = QLabel()
        self.read_only_note.setProperty("role", "hint")
        self.read_only_note.setWordWrap(True)
        self.save_button = QPushButton()
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "hint")
        self.org_form = QFormLayout()
        self.org_form.setHorizontalSpacing(14)
        self.org_form.setVerticalSpacing(8)
        self.form_labels = [QLabel() for _ in range(5 + len(Severity))]
        fields = [self.org_zh, self.org_en, *self.days.values(), self.immediate_check, self.recurrence_days,
                  self.photo_limit]
        for form_label, field in zip(self.form_labels, fields):
            form_label.setBuddy(field)
            self.org_form.addRow(form_label, field)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)
        org_layout = QVBoxLayout(self.org_group)
        org_layout.addWidget(self.read_only_note)
        org_layout.addLayout(self.org_form)
        org_layout.addLayout(save_row)
        # --- language
        self.language_group = QGroupBox()
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language_hint = QLabel()
        self.language_hint.setProperty("role", "hint")
        self.language_hint.setWordWrap(True)
        language_layout = QHBoxLayout(self.language_group)
        language_layout.addWidget(self.language)
        language_layout.addWidget(self.language_hint, 1)
        # --- my account
        self.account_group = QGroupBox()
        self.account_label = QLabel()
        self.account_label.setWordWrap(True)
        self.password_button = QPushButton()
        account_layout = QHBoxLayout(self.account_group)
        account_layout.addWidget(self.account_label, 1)
        account_layout.addWidget(self.password_button)
        # --- letterhead pictures, working-day calendar, my signature
        self.letterhead = LetterheadImagesGroup(ui)
        self.calendar = CalendarOverridesGroup(ui)
        self.my_signature = MySignatureGroup(ui)
        self.device_group = DeviceIdentityGroup(ui)
        # --- users (admins)
        self.users = UsersSection(ui)

        content = QWidget()
        content.setObjectName("scrollContent")
        content.setMaximumWidth(880)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 12, 12)
        column.setSpacing(12)
        for group in (self.org_group, self.device_group, self.letterhead, self.calendar, self.language_group,
                      self.account_group, self.my_signature, self.users):
            column.addWidget(group)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.save_button.clicked.connect(self.save_settings)
        self.password_button.clicked.connect(self.change_my_password)
        self.language.activated.connect(lambda index: self.language_chosen.emit(self.language.itemData(index)))
        self.retranslate()
        if ui.signed_in:
            self.reload()

    def title(self) -> str:
        return self.tr("Settings")

    # --- data -----------------------------------------------------------------------------
    def can_edit(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.EDIT_SETTINGS)

    def reload(self) -> None:
        self.load_settings()
        self._show_user(self.ui.user)
        self.my_signature.reload()
        self.device_group.reload()
        admin = self.ui.user.can(Permission.MANAGE_USERS)
        self.users.setVisible(admin)
        if admin:
            self.users.reload()

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.SETTINGS):
            self.load_settings()
            self.device_group.reload()
        if changes.touches(Entity.SIGNATURE):
            self.my_signature.reload()
        if changes.touches(Entity.USER) and self.users.isVisible():
            self.users.reload()

    def load_settings(self) -> None:
        """Show the stored settings (discarding unsaved edits)."""
        settings = self.ui.app.settings.get()
        self.org_zh.setText(settings.organisation_name)
        self.org_en.setText(settings.organisation_name_en)
        self.days[Severity.GENERAL].setValue(settings.deadlines.general)
        self.days[Severity.SERIOUS].setValue(settings.deadlines.serious)
        self.immediate_check.setCurrentIndex(max(0, self.immediate_check.findData(
            settings.deadlines.immediate_check.value)))
        self.recurrence_days.setValue(settings.recurrence_window_days)
        self.photo_limit.setValue(settings.photo_limit_mb)
        editable = self.can_edit()
        for field in (self.org_zh, self.org_en):
            field.setReadOnly(not editable)
        for spin in (*self.days.values(), self.immediate_check, self.recurrence_days, self.photo_limit):
            spin.setEnabled(editable)
        self.save_button.setVisible(editable)
        self.saved_label.setVisible(editable)
        self.read_only_note.setVisible(not editable)
        self.saved_label.clear()
        self._show_language()
        self.letterhead.reload()
        self.calendar.reload()

    def save_settings(self) -> AppSettings | None:
        """Ask the service to store the fields; its refusal is shown and nothing is written."""
        try:
            settings, changes = self.ui.app.settings.update(
                self.ui.user,
                organisation_name=self.org_zh.text().strip(),
                organisation_name_en=self.org_en.text().strip(),
                deadlines={
                    "general": self.days[Severity.GENERAL].value(),
                    "serious": self.days[Severity.SERIOUS].value(),
                    "immediate_check": self.immediate_check.currentData(),
                },
                recurrence_window_days=self.recurrence_days.value(),
                photo_limit_mb=self.photo_limit.value(),
            )
        except InspectorError as error:
            errors.show_error(self, error)
            if isinstance(error, PermissionDenied):
                self.load_settings()
            return None
        self.ui.hub.publish(changes)
        self.saved_label.setText(self.tr("Saved."))
        return settings

    def change_my_password(self) -> bool:
        change = PasswordDialog.ask(self, need_current=True)
        if change is None:
            return False
        user = self.ui.user
        try:
            changes = self.ui.app.users.change_password(
                user, user.id, change.new_password, current_password=change.current_password
            )
        except InspectorError as error:
            errors.show_error(self, error)
            return False
        self.ui.hub.publish(changes)
        self.saved_label.clear()
        self.account_label.setText(self._account_text(user) + "\n" + self.tr("Your password was changed."))
        return True

    # --- texts ----------------------------------------------------------------------------
    def _account_text(self, user: User) -> str:
        return self.tr("Signed in as {name} ({role}); user name {username}.").format(
            name=user.display_name, role=label(user.role), username=user.username
        )

    def _show_user(self, user: User) -> None:
        self.account_label.setText(self._account_text(user))

    def _show_language(self) -> None:
        index = self.language.findData(current_language())
        if index >= 0:
            self.language.setCurrentIndex(index)

    def retranslate(self) -> None:
        self.org_group.setTitle(self.tr("Organisation and deadlines"))
        self.read_only_note.setText(self.tr(
            "Only the quality office and administrators can change these settings."
        ))
        form_labels = [
            self.tr("Organisation name (Chinese):"),
            self.tr("Organisation name (English):"),
            self.tr("Days to rectify, {severity}:").format(severity=label(Severity.GENERAL)),
            self.tr("Days to rectify, {severity}:").format(severity=label(Severity.SERIOUS)),
            self.tr("General problem put right at once, checked:"),
            self.tr("Same problem again within:"),
            self.tr("Largest photo accepted:"),
        ]
        for form_label, text in zip(self.form_labels, form_labels):
            form_label.setText(text)
        for spin in self.days.values():
            spin.setSuffix(self.tr(" working days"))
        self.immediate_check.setItemText(0, self.tr("the same day"))
        self.immediate_check.setItemText(1, self.tr("the next working day"))
        self.immediate_check.setToolTip(self.tr(
            "Regulation 5.3: a general problem is put right at once (立即整改) and checked, without a notice; "
            "the written notice is for serious problems. The office may still put a general problem on a notice."
        ))
        self.recurrence_days.setSuffix(self.tr(" days"))
        self.recurrence_days.setToolTip(self.tr(
            "A problem found again on the same item and subject within this many days is flagged as recurred (再次发生)."
        ))
        self.photo_limit.setSuffix(self.tr(" MB"))
        self.photo_limit.setToolTip(self.tr(
            "A photo file larger than this is refused before it is read. Phone photos are at most about 15 MB."
        ))
        self.save_button.setText(self.tr("Save"))
        self.language_group.setTitle(self.tr("Language"))
        self.language_hint.setText(self.tr("Applies at once to every screen and is kept for this data folder."))
        self.account_group.setTitle(self.tr("My account"))
        self.password_button.setText(self.tr("Change my password…"))
        if self.ui.signed_in:
            self._show_user(self.ui.user)
        self._show_language()
        self.users.retranslate()
        for group in (self.letterhead, self.calendar, self.my_signature, self.device_group):
            group.retranslate()
