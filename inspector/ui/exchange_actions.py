"""The main window's exchange actions (#20): File → 导出交换文件… and 导入交换文件…, an ``.inspx``
dropped onto the window, Tools → 交换状态…, and the status bar's line about the last exchange.

Export and import run on a worker thread (``run_task`` with ``progress`` and ``cancelled``; the
work itself is ``inspector.ui.exchange_work``, over its own connection) behind a window-modal
progress dialog whose Cancel stops the service at its next look: an export cancelled leaves no
file (the writer works under a temporary name), an import cancelled changes nothing. A refused
file is shown in the sentence of ``inspector.words.exchange``, never a traceback; after an
import the summary dialog says what came in and every page reloads.

The status line is computed on the GUI thread a moment after the changes that can alter it (it
counts the records waiting to be sent), and never while a task holds the database for writing;
the first one a moment after the window is shown, so that the window paints first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QProgressDialog, QPushButton, QWidget

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import InspectorError
from inspector.domain.users import Permission, require
from inspector.ui.dialogs import errors
from inspector.ui.exchange_work import ExportRequest, export_file, import_file
from inspector.ui.tasks import Task, run_task
from inspector.ui.uicontext import UiContext

log = logging.getLogger(__name__)

SUFFIX = ".inspx"
CANCELLED = "exchange_cancelled"
STATUS_DELAY_MS = 1500  # after a change: a burst of answers recomputes the line once
AFTER_SHOW_MS = 200  # the first line once the window has painted: it imports the exchange service
PROGRESS_STEPS = 1000
# What an exchange file can bring in: every page that shows one of these reloads after an import.
EVERYTHING = ChangeSet(changed={entity: frozenset() for entity in Entity})
STATUS_WATCHES = (Entity.INSPECTION, Entity.FINDING, Entity.PHOTO, Entity.NOTICE, Entity.FOLLOWUP,
                  Entity.SETTINGS)


def exchange_file_in(mime: QMimeData) -> Path | None:
    """The first local ``.inspx`` file among dropped URLs, or None (other files are not ours)."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == SUFFIX:
                return path
    return None


class ExchangeFiles:
    """Which file to import (an open dialog; tests replace it)."""

    @classmethod
    def choose_import(cls, parent: QWidget | None) -> Path | None:
        title = QCoreApplication.translate("ExchangeActions", "Import an exchange file")
        kinds = QCoreApplication.translate("ExchangeActions", "Exchange files (*.inspx)")
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), kinds)
        return Path(name) if name else None


class ExchangeActions(QObject):
    """``done(result)`` after an export (``ExportResult``) or an import (``ImportSummary``);
    ``refused(error)`` after a refusal or a cancel (the ``InspectorError``)."""

    done = Signal(object)
    refused = Signal(object)

    def __init__(self, ui: UiContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ui = ui
        self.window = window
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.summary: QWidget | None = None
        self.on_sign_in: Callable[[], Any] | None = None  # Switch user…, offered after joining
        self.export_action = QAction(window)
        self.export_action.triggered.connect(lambda _checked=False: self.export_file())
        self.import_action = QAction(window)
        self.import_action.triggered.connect(lambda _checked=False: self.import_file())
        self.status_action = QAction(window)
        self.status_action.triggered.connect(lambda _checked=False: self.show_status())
        self.status_label = QLabel()
        self.status_label.setObjectName("exchangeStatus")
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self._timed_refresh)
        ui.hub.changed.connect(self._changed)
        ui.hub.user_changed.connect(lambda _user: self.schedule_status(0))
        self.retranslate()

    # --- texts and state ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.export_action.setText(self.tr("&Export an exchange file…"))
        self.export_action.setToolTip(self.tr(
            "A signed .inspx file: from a laptop for the quality office, at the office for one user's laptop"))
        self.import_action.setText(self.tr("&Import an exchange file…"))
        self.import_action.setToolTip(self.tr("Check a signed .inspx file and take in what it holds"))
        self.status_action.setText(self.tr("E&xchange status…"))
        if self.ui.signed_in and self.window.isVisible():  # a window not shown yet: see AFTER_SHOW_MS
            self.schedule_status(0)

    @property
    def busy(self) -> bool:
        return self.task is not None

    def update_enabled(self) -> None:
        signed_in = self.ui.signed_in and not self.busy
        for action in (self.export_action, self.import_action, self.status_action):
            action.setEnabled(signed_in)

    # --- export -------------------------------------------------------------------------------
    def export_file(self, request: ExportRequest | None = None) -> bool:
        """Ask (unless ``request`` is given), then write the file in the background. True when
        the export started."""
        if self.busy or not self.ui.signed_in:
            return False
        user = self.ui.user
        try:
            device = self.ui.app.exchange.device()
            if device.side == "unjoined":
                raise InspectorError("exchange_not_joined")
            if device.side == "office":
                require(user, Permission.EDIT_SETTINGS)  # the office's files: the quality office, admins
            if self.ui.app.certificates.certificate_of(user.id) is None:
                raise InspectorError("exchange_no_certificate", user=user.username)
        except InspectorError as error:
            self._show_refusal(error)
            return False
        if request is None:
            request = self._ask_export(device.side == "office", device.name)
            if request is None:
                return False
        self._start(self.tr("Writing the exchange file {file}…").format(file=request.path.name), export_file,
                    self.ui.app.paths.root, user, request, on_finished=self._exported)
        return True

    def _ask_export(self, office: bool, device_name: str) -> ExportRequest | None:
        from inspector.ui.dialogs.exchange_export import ExportDialog

        user = self.ui.user
        people = [person for person in self.ui.app.users.list(user) if person.active and person.id != user.id]
        dialog = ExportDialog(self.ui, office, user.display_name, people, self.window, device_name=device_name)
        try:
            if dialog.exec() != ExportDialog.DialogCode.Accepted:
                return None
            return dialog.request()
        finally:
            dialog.deleteLater()

    def _exported(self, result: Any) -> None:
        records = sum(result.counts.values())
        self.show_message(self.tr("Exchange file written: {file} (file {sequence}; {records} records, {photos} "
                                  "photos).").format(file=str(result.path), sequence=result.sequence,
                                                     records=records, photos=result.photos))
        self.done.emit(result)

    # --- import -------------------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> bool:
        """Verify and merge ``path`` (asked for when None) in the background. True when started."""
        if self.busy or not self.ui.signed_in:
            return False
        path = path or ExchangeFiles.choose_import(self.window)
        if path is None:
            return False
        self._start(self.tr("Checking and importing {file}…").format(file=path.name), import_file,
                    self.ui.app.paths.root, self.ui.user, path, on_finished=self._imported)
        return True

    def _imported(self, summary: Any) -> None:
        from inspector.ui.dialogs.exchange_summary import ExchangeSummaryDialog

        self.ui.hub.publish(EVERYTHING)
        joined_user = self.ui.app.exchange.device().joined_user if summary.joined else None
        dialog = ExchangeSummaryDialog(summary, self.window, joined_user=joined_user)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.on_sign_in is not None:
            dialog.sign_in_requested.connect(self.on_sign_in)
        dialog.destroyed.connect(self._summary_gone)
        self.summary = dialog
        dialog.open()
        self.done.emit(summary)

    def _summary_gone(self) -> None:
        self.summary = None

    def accepts(self, mime: QMimeData) -> bool:
        """Whether a drag carries an exchange file this window can take now."""
        return self.ui.signed_in and not self.busy and exchange_file_in(mime) is not None

    def drop(self, mime: QMimeData) -> bool:
        path = exchange_file_in(mime)
        return path is not None and self.import_file(path)

    # --- the background task ------------------------------------------------------------------
    def _start(self, text: str, work: Callable[..., Any], *args: Any, on_finished: Callable[[Any], None]) -> None:
        progress = QProgressDialog(text, self.tr("Cancel"), 0, PROGRESS_STEPS, self.window)
        progress.setWindowTitle(self.tr("Exchange"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(460)
        progress.setValue(0)
        self.progress = progress

        def finished(result: Any) -> None:
            self._end()
            on_finished(result)

        self._status_timer.stop()
        self.task = run_task(work, *args, on_finished=finished, on_failed=self._failed, on_progress=self._advance,
                             cancellable=True)
        progress.canceled.disconnect(progress.cancel)  # stay open, saying so, until the work has stopped
        progress.canceled.connect(self.cancel)
        progress.show()
        self.update_enabled()

    def cancel(self) -> None:
        """Ask the running export or import to stop (the progress dialog's Cancel)."""
        if self.task is not None:
            self.task.cancel()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling…"))
            button = self.progress.findChild(QPushButton)
            if button is not None:
                button.setEnabled(False)

    def _advance(self, fraction: float) -> None:
        if self.progress is not None and not (self.task is not None and self.task.cancelled()):
            self.progress.setValue(int(max(0.0, min(fraction, 1.0)) * PROGRESS_STEPS))

    def _end(self) -> None:
        self.task = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.update_enabled()
        self.refresh_status()

    def _failed(self, error: BaseException) -> None:
        self._end()
        if not isinstance(error, InspectorError):
            log.error("exchange task failed", exc_info=error)
            error = InspectorError("exchange_write_failed", file="", reason=str(error) or type(error).__name__)
        self._show_refusal(error)

    def _show_refusal(self, error: InspectorError) -> None:
        if error.code == CANCELLED:
            from inspector.words import messages  # the sentences, only when one is said

            self.show_message(messages.describe(error))
        else:
            errors.show_error(self.window, error)
        self.refused.emit(error)

    def show_message(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, 15_000)

    # --- status -------------------------------------------------------------------------------
    def show_status(self) -> None:
        from inspector.ui.dialogs.exchange_status import ExchangeStatusDialog

        ExchangeStatusDialog.open_for(self.ui, self.window)

    def _changed(self, changes: ChangeSet) -> None:
        if changes.touches(*STATUS_WATCHES):
            self.schedule_status(STATUS_DELAY_MS)

    def schedule_status(self, delay_ms: int) -> None:
        self._status_timer.start(delay_ms)

    def stop(self) -> None:
        """The window closes: no more status lines (the database may be closed next)."""
        self._status_timer.stop()

    def _timed_refresh(self) -> None:
        if self.window.isVisible():  # a closed window's context may be closed already
            self.refresh_status()

    def refresh_status(self) -> str:
        """Set the status bar's exchange line now (not while a task writes); returns it."""
        if self.busy or not self.ui.signed_in:
            return self.status_label.text()
        try:
            service = self.ui.app.exchange
            device = service.device()
            peers = service.status()
        except InspectorError as error:  # a damaged database shows itself elsewhere
            log.warning("exchange status unavailable: %s", error)
            return self.status_label.text()
        from inspector.words.exchange_labels import laptop_status_line, office_status_line, unjoined_status_line

        if device.side == "unjoined":
            text = unjoined_status_line()
        elif device.side == "laptop":
            office = peers[0] if peers else None  # a laptop exchanges with the office only
            stamps = [stamp for stamp in (office.last_sent_at, office.last_received_at) if stamp] if office else []
            text = laptop_status_line(office.name if office else self.tr("the quality office"),
                                      self.day_text(max(stamps, key=_moment)) if stamps else None,
                                      office.waiting if office else 0)
        else:
            reported = [peer for peer in peers if peer.last_received_at]
            latest = max(reported, key=lambda peer: _moment(peer.last_received_at or ""), default=None)
            text = office_status_line(len(reported), self.day_text(latest.last_received_at) if latest else None,
                                      latest.name if latest else None, sum(len(peer.missing) for peer in peers))
        self.status_label.setText(text)
        return text

    def day_text(self, stamp: str | None) -> str:
        """``12月5日`` / ``Dec 5``: the day of an exchange, as the status line says it."""
        if not stamp:
            return ""
        moment = _moment(stamp)
        day = QDate(moment.year, moment.month, moment.day)
        return QLocale().toString(day, self.tr("MMM d", "the day in the exchange status line (QLocale format)"))


def _moment(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment.astimezone() if moment.tzinfo is not None else moment
