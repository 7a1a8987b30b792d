"""The detail panel of the notices page: one notice's facts, its problems, what happened to it
(receipt 签收, reply, follow-ups 复查, signed copies) and the actions that apply to it now.

Each action button is enabled by the notice's status AND the signed-in user's permissions; the
services still decide (a refusal is shown with ``show_error``). Every mutation publishes its
``ChangeSet`` on the hub, so the page reloads and this panel shows the notice again. A line under
the facts says what the last action did (where the signed copy or the export went).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import AuthenticationFailed, InspectorError, SignInWait
from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import (
    OPEN_STATUSES,
    FollowUpResult,
    NoticeStatus,
    NoticeSummary,
)
from inspector.domain.users import Permission
from inspector.ui.dialogs.errors import show_error
from inspector.ui.dialogs.notice_create import CreateNoticeDialog
from inspector.ui.dialogs.notice_followup import FollowUpDialog
from inspector.ui.dialogs.notice_reply import ReplyDialog
from inspector.ui.dialogs.pdf_preview import PdfPreviewDialog
from inspector.ui.dialogs.signature_dialog import SignatureDialog
from inspector.ui.dialogs.verify_notice import VerifyNoticeDialog
from inspector.ui.models.notices_model import flags_html, status_label
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.detail_panel import rich_label, scrolled_column
from inspector.words import messages
from inspector.words.labels import label
from inspector.words.signatures import seal_notice, signing_prompt


class NoticeDetail(QWidget):
    """Shows ``notice`` (``show_notice``) and carries out the actions on it."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.notice: NoticeSummary | None = None
        self.number = QLabel()
        self.number.setProperty("role", "sectionTitle")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.problems_title = QLabel()
        self.problems_title.setProperty("role", "sectionTitle")
        self.problems = rich_label()
        self.history_title = QLabel()
        self.history_title.setProperty("role", "sectionTitle")
        self.history = rich_label()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "hint")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.preview_button = QPushButton()
        self.record_button = QPushButton()
        self.receipt_button = QPushButton()
        self.reply_button = QPushButton()
        self.followup_button = QPushButton()
        self.sign_button = QPushButton()
        self.export_button = QPushButton()
        self.correct_button = QPushButton()
        self.verify_button = QPushButton()
        self.reissue_button = QPushButton()  # at the office, for a failure recorded on a laptop
        self._lay_out()
        for button, action in ((self.preview_button, self.preview), (self.record_button, self.show_record),
                               (self.receipt_button, self.record_receipt), (self.reply_button, self.record_reply),
                               (self.followup_button, self.record_followup), (self.sign_button, self.sign),
                               (self.export_button, self.export), (self.correct_button, self.correct),
                               (self.verify_button, self.verify), (self.reissue_button, self.reissue)):
            button.clicked.connect(lambda _checked=False, act=action: act())
        self.retranslate()
        self.show_notice(None)

    def _lay_out(self) -> None:
        self.scroll = scrolled_column(self.number, self.state, self.facts, self.problems_title, self.problems,
                                      self.history_title, self.history)
        buttons = QGridLayout()
        buttons.setSpacing(6)
        for index, button in enumerate((self.preview_button, self.record_button, self.receipt_button,
                                        self.reply_button, self.followup_button, self.sign_button,
                                        self.correct_button, self.export_button, self.verify_button,
                                        self.reissue_button)):
            buttons.addWidget(button, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.problems_title.setText(self.tr("Problems"))
        self.history_title.setText(self.tr("History"))
        self.empty.setText(self.tr("Select a notice to see its problems, its history and what can be done next."))
        texts = ((self.preview_button, self.tr("Preview / print")), (self.record_button, self.tr("Record (整改档案)")),
                 (self.receipt_button, self.tr("Receipt (签收)…")), (self.reply_button, self.tr("Reply…")),
                 (self.followup_button, self.tr("Follow-up…")), (self.sign_button, self.tr("Sign (PAdES)…")),
                 (self.export_button, self.tr("Export…")), (self.correct_button, self.tr("Correct…")),
                 (self.verify_button, self.tr("Verify…")), (self.reissue_button, self.tr("Reissue…")))
        for button, text in texts:
            button.setText(text)
        self.preview_button.setToolTip(self.tr("The issued notice as printed (double-click a row)"))
        self.record_button.setToolTip(self.tr("The notice with its receipt, reply, follow-ups and before/after photos"))
        self.correct_button.setToolTip(self.tr("Issue a corrected notice that replaces this one"))
        self.reissue_button.setToolTip(self.tr("A follow-up recorded on a laptop found problems not fixed: issue "
                                               "the new notice for them"))
        self.show_notice(self.notice)

    # --- showing ----------------------------------------------------------------------------
    def show_notice(self, notice: NoticeSummary | None) -> None:
        if notice is None or self.notice is None or notice.id != self.notice.id:
            self.message.clear()
        self.notice = notice
        self.scroll.setVisible(notice is not None)
        self.empty.setVisible(notice is None)
        while self.facts.rowCount():
            self.facts.removeRow(0)
        if notice is not None and self.ui.signed_in:
            self._show_facts(notice)
            try:
                self._show_items_and_history(notice)
            except InspectorError as error:
                self.history.setText(html.escape(messages.describe(error)))
        self.update_buttons()

    def _show_facts(self, notice: NoticeSummary) -> None:
        today = self.ui.app.notices.today()
        self.number.setText(notice.number)
        flags = flags_html(notice.flags(today))
        self.state.setText(f"<b>{html.escape(status_label(notice.status))}</b>" + (f"&nbsp;&nbsp;{flags}" if flags else ""))
        deadline = notice.deadline.isoformat()
        if notice.deadline_estimated:
            deadline = self.tr("{date} (estimated: Monday–Friday)").format(date=deadline)
        rows = [
            (self.tr("Addressee"), f"{notice.addressee_unit} — {notice.addressee}"),
            (self.tr("Issued"), self.tr("{date} by {name}").format(
                date=notice.issued_at.strftime("%Y-%m-%d %H:%M"), name=notice.issuer_name or "—")),
            (self.tr("Deadline"), self.tr("{date} ({days} working days)").format(date=deadline,
                                                                                days=notice.working_days)),
            (self.tr("Follow-up"), notice.followup_date.isoformat()),
            (self.tr("Inspection"), f"#{notice.inspection_id}" + (f" · {label(InspectionMode.COVERT)}" if notice.covert else "")),
        ]
        if notice.supersedes_number:
            rows.append((self.tr("Corrects"), notice.supersedes_number))
        if notice.reissue_of_number:
            rows.append((self.tr("Reissue of"), notice.reissue_of_number))
        if notice.successor_number:
            rows.append((self.tr("Replaced by"), notice.successor_number))
        for name, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(name, text)

    def _show_items_and_history(self, notice: NoticeSummary) -> None:
        app, user = self.ui.app, self.ui.user
        lines = []
        for item in app.notices.items(user, notice.id):
            marks = [label(item.severity)] + ([self.tr("recurred")] if item.recurred else [])
            measure_text = self.tr("Measure: {text}").format(text=item.measure) if item.measure else ""
            measure = f"<br/><span style='color:#5a6b7f'>{html.escape(measure_text)}</span>" if measure_text else ""
            lines.append(f"<p style='margin:0 0 6px 0'><b>{item.position}. {html.escape(item.item_code)}</b> "
                         f"{html.escape(item.problem)} <i>({html.escape(', '.join(marks))})</i>{measure}</p>")
        self.problems.setText("".join(lines))
        events = [self.tr("Issued {time} by {name}.").format(time=notice.issued_at.strftime("%Y-%m-%d %H:%M"),
                                                              name=notice.issuer_name or "—")]
        receipt = app.followups.receipt(user, notice.id)
        if receipt is not None:
            events.append(self.tr("Signed for by {name} on {time}{drawn}.").format(
                name=receipt.signer_name, time=receipt.signed_at.strftime("%Y-%m-%d %H:%M"),
                drawn=self.tr(" (signature drawn)") if receipt.signature_png else ""))
        reply = app.followups.reply(user, notice.id)
        if reply is not None:
            text = self.tr("Reply of {date} by {name}: {measures}").format(
                date=reply.replied_on.isoformat(), name=reply.replied_by, measures=reply.measures)
            if reply.preventive:
                text += " " + self.tr("Preventive: {text}").format(text=reply.preventive)
            if reply.photo_ids:
                text += " " + self.tr("(%n photo(s))", "", len(reply.photo_ids))
            events.append(text)
        for followup in app.followups.followups(user, notice.id):
            failed = [str(item.position) for item in followup.items if item.result is FollowUpResult.FAIL]
            verdict = (self.tr("all passed") if not failed
                       else self.tr("failed: problem(s) {positions}").format(positions=", ".join(failed)))
            text = self.tr("Follow-up {time} by {name}: {verdict}.").format(
                time=followup.recorded_at.strftime("%Y-%m-%d %H:%M"), name=self._user_name(followup.recorded_by),
                verdict=verdict)
            if followup.note:
                text += " " + followup.note
            events.append(text)
        if notice.status is NoticeStatus.CLOSED and notice.closed_at:
            events.append(self.tr("Closed {time}.").format(time=notice.closed_at.strftime("%Y-%m-%d %H:%M")))
        if notice.successor_number:
            events.append(self.tr("Carried on by notice {number}.").format(number=notice.successor_number))
        for copy in app.notice_files.signed_copies(user, notice.id):
            events.append(self.tr("Signed (PAdES) by {name} on {time}.").format(
                name=copy["signer_name"] or "—", time=" ".join(str(copy["signed_at"])[:16].split("T"))))
        self.history.setText("".join(f"<p style='margin:0 0 6px 0'>{html.escape(event)}</p>" for event in events))

    def _user_name(self, user_id: int) -> str:
        try:
            return self.ui.app.users.get(user_id).display_name
        except InspectorError:
            return "—"

    def update_buttons(self) -> None:
        notice = self.notice
        signed_in = self.ui.signed_in and notice is not None
        can = self.ui.user.can if self.ui.signed_in else (lambda _permission: False)
        status = notice.status if notice is not None else None
        follow = can(Permission.RECORD_FOLLOWUPS)
        self.preview_button.setEnabled(signed_in)
        self.record_button.setEnabled(signed_in)
        self.export_button.setEnabled(signed_in)
        self.verify_button.setEnabled(self.ui.signed_in)
        self.receipt_button.setEnabled(signed_in and follow and status is NoticeStatus.ISSUED)
        self.reply_button.setEnabled(signed_in and follow and status in (NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED))
        self.followup_button.setEnabled(signed_in and follow and status in OPEN_STATUSES)
        self.sign_button.setEnabled(signed_in and can(Permission.SIGN_NOTICES) and status is not NoticeStatus.SUPERSEDED)
        self.correct_button.setEnabled(signed_in and can(Permission.ISSUE_NOTICES) and status in OPEN_STATUSES)
        waiting = bool(signed_in and notice is not None and can(Permission.ISSUE_NOTICES) and status in OPEN_STATUSES
                       and self._run(lambda: self.ui.app.followups.waiting_reissue(self.ui.user, notice.id)))
        self.reissue_button.setVisible(waiting)

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    # --- actions ----------------------------------------------------------------------------
    def _run(self, action):  # type: ignore[no-untyped-def]
        """Call ``action()``; a service's refusal is shown and None returned."""
        try:
            return action()
        except InspectorError as error:
            show_error(self.window(), error)
            return None

    def preview(self) -> PdfPreviewDialog | None:
        """The issued PDF in the preview (print, open folder)."""
        if self.notice is None:
            return None
        notice = self.notice
        path = self._run(lambda: self.ui.app.notice_files.issued_path(self.ui.user, notice.id))
        if path is None:
            return None
        dialog = PdfPreviewDialog(path, self.tr("Notice {number}").format(number=notice.number), self.window())
        dialog.exec()
        return dialog

    def show_record(self) -> PdfPreviewDialog | None:
        """The record (整改档案): notice, receipt, reply, follow-ups, before/after photos."""
        if self.notice is None:
            return None
        notice = self.notice
        path = self._run(lambda: self.ui.app.notice_files.record_preview_file(self.ui.user, notice.id))
        if path is None:
            return None
        dialog = PdfPreviewDialog(path, self.tr("Record of notice {number}").format(number=notice.number),
                                  self.window())
        dialog.exec()
        return dialog

    def record_receipt(self) -> bool:
        """The unit's person signs for the notice on this laptop (签收)."""
        if self.notice is None:
            return False
        notice = self.notice
        signed = SignatureDialog.ask(
            self.window(), self.tr("Receipt of notice {number}").format(number=notice.number),
            self.tr("The person receiving the notice for {unit} signs below.").format(unit=notice.addressee_unit),
            ask_name=True, name=notice.addressee)
        if signed is None:
            return False
        changes = self._run(lambda: self.ui.app.followups.acknowledge(
            self.ui.user, notice.id, signed.signer_name, signed.png))
        if changes is None:
            return False
        self.ui.hub.publish(changes)
        self.set_message(self.tr("Receipt recorded: signed by {name}.").format(name=signed.signer_name))
        return True

    def record_reply(self) -> bool:
        if self.notice is None:
            return False
        dialog = ReplyDialog(self.ui, self.notice, self.window())
        if dialog.exec() != ReplyDialog.DialogCode.Accepted:
            return False
        self.set_message(self.tr("The unit's reply is recorded."))
        return True

    def record_followup(self) -> bool:
        if self.notice is None:
            return False
        dialog = FollowUpDialog(self.ui, self.notice, self.window())
        if dialog.exec() != FollowUpDialog.DialogCode.Accepted:
            return False
        self.set_message(dialog.outcome_text())
        return True

    def sign(self) -> Path | None:
        """Add a PAdES signature — the user's own, or for a covert notice the office seal, which
        the password prompt says before anything is signed; the signed copy is kept beside the
        issued PDF."""
        if self.notice is None:
            return None
        notice = self.notice
        identity = self._run(lambda: self.ui.app.notice_files.signing_identity(self.ui.user, notice.id))
        if identity is None:
            return None
        prompt = signing_prompt(identity)
        while True:  # a mistyped password asks again, saying why (#12.15), until signed or cancelled
            password, ok = QInputDialog.getText(
                self.window(), self.tr("Sign notice {number}").format(number=notice.number),
                prompt, QLineEdit.EchoMode.Password)
            if not ok:
                return None
            try:
                path, changes = self.ui.app.notice_files.sign(self.ui.user, notice.id, password)
            except (AuthenticationFailed, SignInWait) as error:
                prompt = f"{messages.describe(error)}\n\n{signing_prompt(identity)}"
                continue
            except InspectorError as error:
                show_error(self.window(), error)
                return None
            break
        self.ui.hub.publish(changes)
        saved = self.tr("Signed copy saved as {path}").format(path=str(path))
        self.set_message(f"{seal_notice(identity)} {saved}" if identity.seal else saved)
        return path

    def export(self) -> Path | None:
        """Save a copy of the issued PDF where the user chooses (the service writes it)."""
        if self.notice is None:
            return None
        notice = self.notice
        name, _ = QFileDialog.getSaveFileName(
            self.window(), self.tr("Export notice {number}").format(number=notice.number),
            str(Path.home() / f"{notice.number}.pdf"), self.tr("PDF files (*.pdf)"))
        if not name:
            return None
        target = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        written = self._run(lambda: self.ui.app.notice_files.export(self.ui.user, notice.id, target))
        if written is not None:
            self.set_message(self.tr("Exported to {path}").format(path=str(written)))
        return written

    def reissue(self) -> NoticeSummary | None:
        """Issue the new notice for what a laptop's follow-up found not fixed (confirmed first)."""
        if self.notice is None:
            return None
        notice = self.notice
        answer = QMessageBox.question(self.window(), self.tr("Reissue notice {number}").format(number=notice.number),
                                      self.tr("A follow-up found problems of notice {number} not fixed. Issue the "
                                              "new notice for them now?").format(number=notice.number))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        done = self._run(lambda: self.ui.app.followups.reissue(self.ui.user, notice.id))
        if done is None:
            return None
        successor, changes = done
        self.ui.hub.publish(changes)
        self.set_message(self.tr("Reissued as {number}, due {date}.").format(
            number=successor.number, date=successor.deadline.isoformat()))
        return successor

    def correct(self) -> bool:
        """Issue a corrected notice that supersedes this one."""
        if self.notice is None:
            return False
        notice = self.notice
        draft = self._run(lambda: self.ui.app.notices.correction_draft(self.ui.user, notice.id))
        if draft is None:
            return False
        dialog = CreateNoticeDialog(self.ui, notice.inspection_id, self.window(), draft=draft)
        return dialog.exec() == CreateNoticeDialog.DialogCode.Accepted

    def verify(self) -> None:
        """Check a signed copy (this notice's latest, when it has one) in the verify dialog."""
        path = None
        if self.notice is not None and self.ui.signed_in:
            notice = self.notice
            path = self._run(lambda: self.ui.app.notice_files.latest_signed(self.ui.user, notice.id))
        VerifyNoticeDialog.open_for(self.ui, self.window(), path)
