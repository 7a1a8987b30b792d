"""The detail panel of the complaints page: one case's intake, the complainant as the service
returns them (masked for everyone but the quality office — this panel never unmasks), where the
case stands, its timeline of steps, and the steps that apply to it now.

The step buttons exist for the quality office only (``HANDLE_COMPLAINTS``); a manager, a
supervisor or an administrator reads the case and is told the quality office handles it. Each
button is enabled by the case's state; the service still decides, and a refusal is shown by the
step's dialog. Every step publishes its ``ChangeSet``, so the page reloads and shows the case again.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.complaints import (
    Behaviour,
    Complaint,
    ComplaintStatus,
    Event,
    EventKind,
    Liability,
    Opinion,
)
from inspector.domain.errors import InspectorError
from inspector.domain.users import Permission
from inspector.ui.dialogs.complaint_steps import (
    CloseDialog,
    ExtendDialog,
    FeedbackDialog,
    FindingDialog,
    InvestigateDialog,
    ResolveDialog,
    StepDialog,
)
from inspector.ui.models.complaints_model import (
    TIME_FORMAT,
    flags_html,
    kind_words,
    subject_text,
)
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.detail_panel import rich_label, scrolled_column
from inspector.words.complaints import complaint_label

STEP_KEYS = ("investigate", "resolve", "feedback", "close", "extend", "finding")


def investigated_this_round(case: Complaint) -> bool:
    """An investigation since the case was (re)opened: a result may follow."""
    for event in reversed(case.events):
        if event.kind is EventKind.INVESTIGATION:
            return True
        if event.kind is EventKind.FEEDBACK:
            return False
    return False


def step_allowed(case: Complaint, key: str) -> bool:
    """Whether the procedure lets ``key`` follow where ``case`` stands (the service checks again)."""
    status = case.status
    if key == "investigate":
        return status in (ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING)
    if key == "resolve":
        return status is ComplaintStatus.INVESTIGATING and investigated_this_round(case)
    if key == "feedback":
        return status is ComplaintStatus.RESOLVED
    if key == "close":
        return status is ComplaintStatus.ANSWERED
    if key == "extend":
        return case.is_open
    if key == "finding":
        return (case.liability is Liability.LIABLE and not case.finding_ids
                and (case.intake.vehicle_id is not None or case.intake.staff_id is not None))
    raise ValueError(key)


class ComplaintDetail(QWidget):
    """Shows ``case`` (``show_case``) and carries out the steps on it."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.case: Complaint | None = None
        self.last_dialog: StepDialog | None = None
        self.number = QLabel()
        self.number.setProperty("role", "sectionTitle")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.state.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.what_title = QLabel()
        self.what_title.setProperty("role", "sectionTitle")
        self.what = rich_label()
        self.timeline_title = QLabel()
        self.timeline_title.setProperty("role", "sectionTitle")
        self.timeline = rich_label()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "hint")
        self.read_only = QLabel()
        self.read_only.setWordWrap(True)
        self.read_only.setProperty("role", "hint")
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: dict[str, QPushButton] = {key: QPushButton() for key in STEP_KEYS}
        self.buttons["investigate"].clicked.connect(lambda: self.run_step(InvestigateDialog))
        self.buttons["resolve"].clicked.connect(lambda: self.run_step(ResolveDialog))
        self.buttons["feedback"].clicked.connect(lambda: self.run_step(FeedbackDialog))
        self.buttons["close"].clicked.connect(lambda: self.run_step(CloseDialog))
        self.buttons["extend"].clicked.connect(lambda: self.run_step(ExtendDialog))
        self.buttons["finding"].clicked.connect(lambda: self.run_step(FindingDialog))
        self._lay_out()
        self.retranslate()
        self.show_case(None)

    def _lay_out(self) -> None:
        self.scroll = scrolled_column(self.number, self.state, self.facts, self.what_title, self.what,
                                      self.timeline_title, self.timeline)
        grid = QGridLayout()
        grid.setSpacing(6)
        for index, key in enumerate(STEP_KEYS):
            grid.addWidget(self.buttons[key], index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.read_only)
        layout.addLayout(grid)

    def retranslate(self) -> None:
        self.what_title.setText(self.tr("What happened"))
        self.timeline_title.setText(self.tr("Steps"))
        self.empty.setText(self.tr("Select a case to see its intake, its steps and what can be done next."))
        self.read_only.setText(self.tr("Read only: the quality office handles complaints."))
        texts = {"investigate": self.tr("Investigate…"), "resolve": self.tr("Result…"),
                 "feedback": self.tr("Feedback…"), "close": self.tr("Close…"),
                 "extend": self.tr("Extend…"), "finding": self.tr("Finding…")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.buttons["investigate"].setToolTip(self.tr("Interview notes, the staff member's statement, photos (调查)"))
        self.buttons["resolve"].setToolTip(self.tr("Liable or not, the measures, the apology (处理结果)"))
        self.buttons["feedback"].setToolTip(self.tr("The complainant's opinion of the result (反馈)"))
        self.buttons["close"].setToolTip(self.tr("Close the case after the complainant's feedback (销号)"))
        self.buttons["extend"].setToolTip(self.tr("A later limit, with the written reason (延期)"))
        self.buttons["finding"].setToolTip(self.tr("A finding on the responsible unit, carried by a notice"))
        self.show_case(self.case)

    # --- showing ----------------------------------------------------------------------------
    @property
    def handles(self) -> bool:
        return self.ui.signed_in and self.ui.user.can(Permission.HANDLE_COMPLAINTS)

    def show_case(self, case: Complaint | None) -> None:
        if case is None or self.case is None or case.id != self.case.id:
            self.message.clear()
        self.case = case
        self.scroll.setVisible(case is not None)
        self.empty.setVisible(case is None)
        while self.facts.rowCount():
            self.facts.removeRow(0)
        if case is not None and self.ui.signed_in:
            self._show_facts(case)
            self.what.setText(f"<p style='margin:0'>{html.escape(case.intake.what)}</p>")
            self.timeline.setText("".join(self._event_html(case, event) for event in case.events))
        self.update_buttons()

    def _show_facts(self, case: Complaint) -> None:
        intake = case.intake
        now, limits = self.ui.app.services.clock(), self.ui.app.complaints.limits()
        self.number.setText(case.number)
        flags = flags_html(case.flags(now, limits))
        status = complaint_label(case.status)
        if case.round > 1:
            status += " · " + self.tr("round {round}").format(round=case.round)
        self.state.setText(f"<b>{html.escape(status)}</b>" + (f"&nbsp;&nbsp;{flags}" if flags else ""))
        channel = complaint_label(intake.channel) + (f" {intake.order_no}" if intake.order_no else "")
        kind = [kind_words(case)]
        for marked, word in ((intake.urgent, self.tr("urgent")), (intake.rural, self.tr("rural route"))):
            if marked:
                kind.append(word)
        rows = [
            (self.tr("Channel"), channel),
            (self.tr("Kind"), " · ".join(kind)),
        ]
        if intake.behaviour is not None:
            rows.append((self.tr("Behaviour"), complaint_label(Behaviour(intake.behaviour))))
        rows.append((self.tr("Received"), self.tr("{time} by {name}").format(
            time=intake.received_at.strftime(TIME_FORMAT), name=case.taken_by_name or "—")))
        if intake.event_at is not None or intake.place:
            when = intake.event_at.strftime(TIME_FORMAT) if intake.event_at else ""
            rows.append((self.tr("Event"), " · ".join(part for part in (when, intake.place) if part)))
        if intake.route:
            rows.append((self.tr("Route"), intake.route))
        rows.append((self.tr("Vehicle / staff"), subject_text(case)))
        rows.append((self.tr("Unit"), case.unit_name or "—"))
        due = case.due_at.strftime(TIME_FORMAT) + (" " + self.tr("(extended)") if case.extended else "")
        rows.append((self.tr("Due"), due))
        if case.department_due_at is not None:
            rows.append((self.tr("Unit's feedback by"), case.department_due_at.strftime(TIME_FORMAT)))
        if intake.complainant_name or intake.complainant_phone:
            rows.append((self.tr("Complainant"), " ".join(part for part in (intake.complainant_name,
                                                                            intake.complainant_phone) if part)))
        if case.liability is not None:
            rows.append((self.tr("Result"), complaint_label(case.liability)))
        if case.opinion is not None:
            rows.append((self.tr("Opinion"), complaint_label(case.opinion)))
        if case.finding_ids:
            rows.append((self.tr("Findings"), ", ".join(f"#{finding}" for finding in case.finding_ids)))
        for name, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(name, text)

    def _event_html(self, case: Complaint, event: Event) -> str:
        head = self.tr("{time} {step} by {name}").format(
            time=event.at.strftime(TIME_FORMAT), step=complaint_label(event.kind), name=event.by_name or "—")
        lines = self._event_lines(event)
        body = "".join(f"<br/><span style='color:#5a6b7f'>{html.escape(line)}</span>" for line in lines)
        return f"<p style='margin:0 0 6px 0'><b>{html.escape(head)}</b>{body}</p>"

    def _event_lines(self, event: Event) -> list[str]:
        data = event.data
        lines: list[str] = []
        if data.get("answer"):
            lines.append(self.tr("Answer: {text}").format(text=data["answer"]))
        if data.get("notes"):
            lines.append(self.tr("Notes: {text}").format(text=data["notes"]))
        if data.get("statement"):
            lines.append(self.tr("Statement: {text}").format(text=data["statement"]))
        if data.get("photos"):
            count = data["photos"] if isinstance(data["photos"], int) else len(data["photos"])
            lines.append(self.tr("%n photo(s) or scan(s)", "", count))
        if data.get("liability") in Liability._value2member_map_:
            apology = self.tr(", apology made") if data.get("apology") else ""
            lines.append(complaint_label(Liability(data["liability"])) + apology)
        if data.get("measures"):
            lines.append(self.tr("Measures: {text}").format(text=data["measures"]))
        if data.get("opinion") in Opinion._value2member_map_:
            opinion = complaint_label(Opinion(data["opinion"]))
            if data["opinion"] == Opinion.UNSATISFIED.value:
                opinion += " — " + self.tr("reopened for a second remedy (二次补救)")
            lines.append(opinion)
        if data.get("due_at"):
            due = datetime.fromisoformat(data["due_at"]).strftime(TIME_FORMAT)
            lines.append(self.tr("New limit {due}: {reason}").format(due=due, reason=data.get("reason", "")))
        if event.kind is EventKind.FINDING and data.get("item"):
            found = ", ".join(f"#{finding}" for finding in data.get("findings", []))
            lines.append(self.tr("Item {item}: finding {findings}").format(item=data["item"], findings=found or "—"))
        if data.get("note"):
            lines.append(self.tr("Note: {text}").format(text=data["note"]))
        return lines

    def update_buttons(self) -> None:
        case = self.case
        handles = self.handles
        for key, button in self.buttons.items():
            button.setVisible(handles)
            button.setEnabled(handles and case is not None and step_allowed(case, key))
        self.read_only.setVisible(self.ui.signed_in and not handles and case is not None)

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    # --- steps ------------------------------------------------------------------------------
    def run_step(self, dialog_type: type[StepDialog]) -> bool:
        """Open the step's dialog on the case; True when the step was recorded."""
        if self.case is None:
            return False
        try:
            dialog = dialog_type(self.ui, self.case, self.window())
        except InspectorError:
            return False
        self.last_dialog = dialog
        if dialog.exec() != StepDialog.DialogCode.Accepted:
            return False
        case = dialog.case
        self.show_case(case)
        self.set_message(self.tr("{number}: {status}.").format(number=case.number,
                                                               status=complaint_label(case.status)))
        return True
