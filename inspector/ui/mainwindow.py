"""The main window: navigation on the left, one page at a time on the right, menus and status bar.

It only routes: pages own their behaviour and talk to services themselves. The window switches
pages, switches the signed-in user (File → Switch user…), switches the display language live
(View → Language: saved through ``SettingsService.set_language``, then every text is set again on
``QEvent.LanguageChange``), and remembers its size and splitter positions (``PreserveGeometry``).
Tools → Verify a signed notice… checks a PDF's signature; Tools → Backups and restore… lists the
backups and restores one (the app then starts again through ``on_restart``). After each sign-in
(``after_sign_in``, called by ``inspector.app`` and by Switch user) the resume offer names an
inspection in progress, focused for one key, and a non-blocking reminder lists overdue notices.
File → Export/Import an exchange file…, an ``.inspx`` dropped onto the window, Tools → Exchange
status… and the status bar's exchange line are ``ExchangeActions`` (#20).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector import __version__
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError
from inspector.domain.users import User
from inspector.ui.dialogs import errors
from inspector.ui.exchange_actions import AFTER_SHOW_MS, ExchangeActions
from inspector.ui.hub_actions import HubActions
from inspector.ui.geometry import PreserveGeometry
from inspector.ui.icons import icon
from inspector.words.labels import label
from inspector.ui.language import LANGUAGE_NAMES, apply_language, current_language, localized
from inspector.ui.page_stack import PageStack
from inspector.ui.pages.base import Page
from inspector.ui.sign_in_memory import remember_username
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.resume_banner import ResumeBanner

PAGE_KEYS = ("dashboard", "inspections", "notices", "complaints", "comment_books", "templates", "reports", "registry",
             "settings")


class MainWindow(PreserveGeometry, QMainWindow):
    def __init__(self, ui: UiContext, parent: QWidget | None = None, *,
                 on_reset_demo: Callable[[], None] | None = None,
                 on_restart: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.on_reset_demo = on_reset_demo
        self.on_restart = on_restart  # quit and start again (after a restore); None: the user starts it
        self._retranslate_pending = False
        self.reminder: QDialog | None = None
        self.setWindowIcon(icon("app"))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(150)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_title = QLabel()
        self.page_title.setObjectName("pageTitle")
        # Pages are built when first shown (or asked for through ``pages[key]``).
        self.stack = self.pages = PageStack(PAGE_KEYS, self._new_page)
        for key in PAGE_KEYS:
            item = QListWidgetItem(icon(key), "")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(22, 16, 22, 12)
        right_layout.setSpacing(10)
        right_layout.addWidget(self.page_title)
        self.resume = ResumeBanner(ui)
        self.resume.resume_requested.connect(self.resume_inspection)
        right_layout.addWidget(self.resume)
        right_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([190, 1000])
        self.setCentralWidget(self.splitter)

        self.user_label = QLabel()
        self.folder_label = QLabel()
        self.folder_label.setToolTip(str(ui.app.paths.root))
        self.exchange = ExchangeActions(ui, self)  # File → export/import, the status line, dropped files
        self.exchange.on_sign_in = self.switch_user
        self.statusBar().addWidget(self.exchange.status_label, 1)
        self.hub_sync = HubActions(ui, self)  # the office hub: settings, sync on a worker thread, its line
        self.statusBar().addWidget(self.hub_sync.status_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.folder_label)
        self.setAcceptDrops(True)
        self._build_menus()

        self.nav.currentRowChanged.connect(self._show_row)
        ui.hub.user_changed.connect(self._user_changed)
        ui.hub.changed.connect(self._changed)
        self._default_size()
        self.restore_geometry()
        self.retranslate()
        self.go_to("dashboard")

    def _default_size(self) -> None:
        """1200×780, or nine tenths of a smaller screen (a 1366×768 laptop keeps its taskbar)."""
        available = self.screen().availableGeometry()
        self.resize(min(1200, available.width() * 9 // 10), min(780, available.height() * 9 // 10))

    # --- pages ----------------------------------------------------------------------------
    def _new_page(self, key: str) -> Page:
        """A page as the stack builds it on first use, with its remembered splitter positions."""
        page = self._make_page(key)
        self.restore_splitters(page)
        return page

    def _make_page(self, key: str) -> Page:
        # Each page's module is imported here, when the page is first needed, not at start-up.
        page: Page
        if key == "dashboard":
            from inspector.ui.pages.dashboard import DashboardPage

            page = DashboardPage(self.ui)
            page.navigate.connect(self.go_to)
        elif key == "inspections":
            from inspector.ui.pages.inspections_host import InspectionsHost

            page = InspectionsHost(self.ui)  # the list, and the recording screen in its place
        elif key == "notices":
            from inspector.ui.pages.notices import NoticesPage

            page = NoticesPage(self.ui)
        elif key == "complaints":
            from inspector.ui.pages.complaints import ComplaintsPage

            page = ComplaintsPage(self.ui)
        elif key == "comment_books":
            from inspector.ui.pages.comment_books import CommentBooksPage

            page = CommentBooksPage(self.ui)
        elif key == "templates":
            from inspector.ui.pages.templates import TemplatesPage

            page = TemplatesPage(self.ui)
        elif key == "reports":
            from inspector.ui.pages.reports import ReportsPage

            page = ReportsPage(self.ui)
            page.navigate.connect(self.go_to)
        elif key == "registry":
            from inspector.ui.pages.registry import RegistryPage

            page = RegistryPage(self.ui)
        elif key == "settings":
            from inspector.ui.pages.settings import SettingsPage

            page = SettingsPage(self.ui)
            page.language_chosen.connect(self.set_language)
        else:
            raise ValueError(f"unknown page {key!r}")
        return page

    def current_key(self) -> str:
        return PAGE_KEYS[max(self.nav.currentRow(), 0)]

    def go_to(self, key: str, detail: object = None) -> Page:
        """Show the page ``key``; ``detail`` opens the registry on one kind (a RegistryKind), the
        notices page on filters (a dict of ``NoticesPage.set_filter`` arguments, from the dashboard),
        or the inspections list on one failed item (a dict of ``InspectionsPage.show_failed_item``
        arguments)."""
        self.nav.setCurrentRow(PAGE_KEYS.index(key))
        page = self.pages.page(key)
        if key == "registry" and detail is not None:
            page.set_kind(detail)  # type: ignore[attr-defined]
        elif key == "notices" and isinstance(detail, dict):
            page.set_filter(**detail)  # type: ignore[attr-defined]
        elif key == "inspections" and isinstance(detail, dict):
            page.show_list()  # type: ignore[attr-defined]
            page.list_page.show_failed_item(**detail)  # type: ignore[attr-defined]
        return page

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(PAGE_KEYS):
            self.pages.show_page(PAGE_KEYS[row])
            self.page_title.setText(self.nav.item(row).text())

    # --- menus ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.switch_user_action = QAction(self)
        self.switch_user_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_user_action.triggered.connect(self.switch_user)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.switch_user_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.exchange.export_action)
        self.file_menu.addAction(self.exchange.import_action)
        self.reset_demo_action = QAction(self)
        self.reset_demo_action.triggered.connect(self.reset_demo)
        if self.on_reset_demo is not None:  # only on a demo folder
            self.file_menu.addAction(self.reset_demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.page_actions: list[QAction] = []
        for number, key in enumerate(PAGE_KEYS, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=key: self.go_to(key))
            self.view_menu.addAction(action)
            self.page_actions.append(action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.tools_menu = bar.addMenu("")
        self.verify_notice_action = QAction(self)
        self.verify_notice_action.triggered.connect(self.verify_notice)
        self.tools_menu.addAction(self.verify_notice_action)
        self.backups_action = QAction(self)
        self.backups_action.triggered.connect(self.open_backups)
        self.tools_menu.addAction(self.backups_action)
        self.tools_menu.addAction(self.exchange.status_action)
        self.tools_menu.addAction(self.hub_sync.settings_action)
        self.tools_menu.addAction(self.hub_sync.sync_action)
        self.tools_menu.addAction(self.hub_sync.conflicts_action)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    # --- actions ----------------------------------------------------------------------------
    def reset_demo(self) -> bool:
        """After the user confirms, replace the demo data with a fresh copy (the app starts again)."""
        if self.on_reset_demo is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Reset demo data"),
            self.tr("Make the demo data afresh? Everything done in the demo so far is replaced; Inspector "
                    "starts again on the new demo data."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.on_reset_demo()
        return True

    def switch_user(self) -> User | None:
        """Sign in as someone else; every page reloads for the new user."""
        from inspector.ui.dialogs.login import LoginDialog  # the window opens signed in: on Switch user only

        user = LoginDialog.ask(self, self.ui.app.users)
        if user is not None:
            remember_username(user.username)
            self.ui.sign_in(user)
            self.after_sign_in()
        return user

    def after_sign_in(self) -> None:
        """What follows each sign-in: the offer to go on with an inspection in progress (focused,
        one key), and the reminder of overdue notices (not blocking)."""
        self.resume.offer()
        self.remind_overdue()

    def resume_inspection(self, inspection_id: int) -> None:
        """Open ``inspection_id`` on the recording screen (the resume offer's button)."""
        host = self.go_to("inspections")
        screen = host.open_inspection(inspection_id)  # type: ignore[attr-defined]
        if screen is not None:
            self.resume.hide()

    def remind_overdue(self) -> QDialog | None:
        """Once per sign-in: the overdue notices the user can act on, in a dialog that does not block."""
        from inspector.ui.dialogs.overdue_reminder import OverdueReminderDialog

        if self.reminder is not None:
            self.reminder.close()  # the previous user's list
        self.reminder = OverdueReminderDialog.remind(self.ui, self)
        if self.reminder is not None:
            self.reminder.open_notices_requested.connect(lambda: self.go_to("notices"))
            self.reminder.destroyed.connect(self._reminder_gone)
        return self.reminder

    def _reminder_gone(self) -> None:
        self.reminder = None

    def verify_notice(self) -> None:
        """Tools → Verify a signed notice…: is a signed PDF intact, and who signed it?"""
        from inspector.ui.dialogs.verify_notice import VerifyNoticeDialog

        VerifyNoticeDialog.open_for(self.ui, self)

    def open_backups(self) -> None:
        """Tools → Backups and restore…: the list, back up now, restore (then start again)."""
        from inspector.ui.dialogs.backups import BackupsDialog

        BackupsDialog.open_for(self.ui, self, on_restart=self.on_restart)

    def set_language(self, language: str) -> bool:
        """Save ``language`` for this data folder and show every screen in it now."""
        try:
            self.ui.app.settings.set_language(language)
        except InspectorError as error:
            errors.show_error(self, error)
            return False
        loaded = apply_language(language)
        if not loaded:
            self.statusBar().showMessage(
                self.tr("The {language} translation is missing from this installation; texts stay in English.")
                .format(language=LANGUAGE_NAMES.get(language, language)), 10_000,
            )
        self._check_language()
        self._schedule_retranslate()
        return loaded

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Inspector"), self.about_text())

    def about_text(self) -> str:
        return self.tr(
            "<h3>Inspector {version}</h3>"
            "<p>Service-quality inspections, rectification notices and monthly reports on a laptop, "
            "with no server.</p><p>Data folder: {folder}</p>"
            "<p>Chinese text uses the bundled WenQuanYi Micro Hei font (Apache License 2.0 / GPLv3 "
            "with font exception).</p>"
        ).format(version=__version__, folder=self.ui.app.paths.root)

    # --- reacting ---------------------------------------------------------------------------
    def _user_changed(self, _user: User) -> None:
        self._show_status()

    def _changed(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.SETTINGS):
            self._show_title()
        if changes.touches(Entity.INSPECTION) and self.resume.isVisible():
            self.resume.refresh()  # completed, or more answered: the offer follows

    def _show_status(self) -> None:
        self.exchange.update_enabled()
        self.hub_sync.update_enabled()
        if self.ui.signed_in:
            user = self.ui.user
            self.user_label.setText(f"{user.display_name} · {label(user.role)}")
        folder = self.tr("Data folder: {path}").format(path=self.ui.app.paths.root)
        self.folder_label.setText(folder)

    def _show_title(self) -> None:
        settings = self.ui.app.settings.get()
        organisation = localized(settings.organisation_name, settings.organisation_name_en)
        app_name = self.tr("Inspector")
        self.setWindowTitle(f"{app_name} — {organisation}")

    def _check_language(self) -> None:
        action = self.language_actions.get(current_language())
        if action is not None:
            action.setChecked(True)

    def nav_titles(self) -> dict[str, str]:
        return {
            "dashboard": self.tr("Dashboard"), "inspections": self.tr("Inspections"),
            "notices": self.tr("Notices"), "complaints": self.tr("Complaints"),
            "comment_books": self.tr("Comment books"), "templates": self.tr("Templates"), "reports": self.tr("Reports"),
            "registry": self.tr("Registry"), "settings": self.tr("Settings"),
        }

    def retranslate(self) -> None:
        """Set every text of the window itself (pages retranslate themselves or are rebuilt)."""
        titles = self.nav_titles()
        for row, key in enumerate(PAGE_KEYS):
            self.nav.item(row).setText(titles[key])
            self.page_actions[row].setText(titles[key])
        self.file_menu.setTitle(self.tr("&File"))
        self.switch_user_action.setText(self.tr("&Switch user…"))
        self.reset_demo_action.setText(self.tr("&Reset demo data…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.verify_notice_action.setText(self.tr("&Verify a signed notice…"))
        self.backups_action.setText(self.tr("&Backups and restore…"))
        self.exchange.retranslate()
        self.hub_sync.retranslate()
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Inspector"))
        if 0 <= self.nav.currentRow() < len(PAGE_KEYS):
            self.page_title.setText(self.nav.currentItem().text())
        self._show_status()
        self._show_title()
        self._check_language()

    def retranslate_all(self) -> None:
        """The window's texts, then each page's (rebuilt when it cannot retranslate itself)."""
        self._retranslate_pending = False
        self.retranslate()
        for key, page in self.pages.built().items():
            if type(page).retranslate is Page.retranslate:
                self.pages.rebuild(key)
            else:
                page.retranslate()

    def _schedule_retranslate(self) -> None:
        # Removing one translator and installing another sends two LanguageChange events, and a
        # switch between two languages without a .qm sends none although bilingual data (template
        # titles) must still follow: coalesce all of it into one pass once control returns.
        if not self._retranslate_pending:
            self._retranslate_pending = True
            QTimer.singleShot(0, self, self.retranslate_all)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._schedule_retranslate()
        super().changeEvent(event)

    # --- an exchange file dropped onto the window -------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self.exchange.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        if self.exchange.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        if self.exchange.accepts(event.mimeData()):
            event.acceptProposedAction()
            self.exchange.drop(event.mimeData())
        else:
            event.ignore()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.exchange.schedule_status(AFTER_SHOW_MS)  # the exchange line once the window has painted
        self.hub_sync.schedule(0)  # a first sync once the window is up, when a hub is configured

    def closeEvent(self, event: QCloseEvent) -> None:
        self.exchange.stop()
        self.hub_sync.stop()
        self.save_geometry()
        super().closeEvent(event)

