"""The hotline reports as a use case: the weekly report (热线周报, to the leaders) and the
complaints monthly report (投诉月报, to departments and depots), for every unit or one.

Role: ``VIEW_REPORTS``, as the monthly report; a manager (who reads the complaints of their own
unit only) gets their unit's report — no unit given means theirs, another unit is refused. The queries (``storage.complaint_reports_repo``)
count everything in SQL and never select the complainant's name; phones come back masked, so
no report made here — PDF or workbook — can carry a complainant. The limits of the figures are
each case's own (``due_at``, from the settings' 48 h / 72 h / 7 working days and any extension);
the settings' hours are printed beside them.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from pathlib import Path

from inspector.domain import complaint_reports as cr
from inspector.domain.errors import (
    InspectorError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from inspector.domain.users import Permission, Role, User, require
from inspector.services.base import ServiceContext
from inspector.services.settings import SettingsService
from inspector.storage import complaint_reports_repo as repo
from inspector.storage import reports_repo
from inspector.storage.files import write_atomic

ALL_UNITS = "全部单位"


def _instant(day: date, zone: tzinfo | None) -> str:
    return datetime.combine(day, time(), tzinfo=zone).isoformat()


class ComplaintReports:
    def __init__(self, ctx: ServiceContext, settings: SettingsService | None = None) -> None:
        self.ctx = ctx
        self.settings = settings or SettingsService(ctx)

    def weekly(self, actor: User, week: str, unit_id: int | None = None) -> cr.ComplaintReport:
        """The figures of ISO week ``week`` ("YYYY-Www")."""
        return self.report("weekly", week, self.scope(actor, unit_id))

    def monthly(self, actor: User, month: str, unit_id: int | None = None) -> cr.ComplaintReport:
        """The figures of ``month`` ("YYYY-MM")."""
        return self.report("monthly", month, self.scope(actor, unit_id))

    @staticmethod
    def scope(actor: User, unit_id: int | None) -> int | None:
        """The unit ``actor`` may have the report of: any for the office and the leaders, a
        manager's own only (``PermissionDenied`` for another or when they have none)."""
        require(actor, Permission.VIEW_REPORTS)
        if actor.role is not Role.MANAGER:
            return unit_id
        if actor.unit_id is None or unit_id not in (None, actor.unit_id):
            raise PermissionDenied("report_complaints_own_unit", user=actor.username)
        return actor.unit_id

    @staticmethod
    def may_see(actor: User, unit_id: int | None) -> bool:
        """Whether ``actor`` may see the complaints of this scope (the monthly report asks)."""
        return actor.role is not Role.MANAGER or (actor.unit_id is not None and unit_id == actor.unit_id)

    def report(self, period: str, label: str, unit_id: int | None = None) -> cr.ComplaintReport:
        """No role check: call through ``weekly`` / ``monthly`` (or the monthly report's service)."""
        label = label.strip().upper()
        first, end = self._range(period, label)
        scope_name = self._scope_name(unit_id)
        now = self.ctx.clock()
        limits = self.settings.get().complaints
        counts = self.counts(period, first, end, unit_id, now)
        return cr.complaint_report(period, label, scope_name, counts,
                                   as_of=now, generated_at=now, ordinary_hours=limits.ordinary_hours,
                                   major_hours=limits.major_hours)

    def counts(self, period: str, first: date, end: date, unit_id: int | None, now: datetime) -> cr.PeriodCounts:
        """The query rows of the period [first, end) in local days (the clock's zone), open cases
        judged at ``now``."""
        db = self.ctx.db
        zone = now.tzinfo or now.astimezone().tzinfo
        start, stop = _instant(first, zone), _instant(end, zone)
        before, _ = cr.previous_range(period, first)
        as_of = now.isoformat()
        total, major, urgent = repo.totals(db, start, stop, unit_id)
        liable, not_liable, satisfied, basically, unsatisfied = repo.outcomes(db, start, stop, unit_id)
        return cr.PeriodCounts(
            total=total, previous_total=repo.totals(db, _instant(before, zone), start, unit_id)[0], major=major,
            urgent=urgent,
            by_channel=tuple(repo.counts_by(db, "channel", start, stop, unit_id)),
            by_kind=tuple(repo.counts_by(db, "kind", start, stop, unit_id)),
            by_severity=tuple(repo.counts_by(db, "severity", start, stop, unit_id)),
            by_route=tuple(repo.counts_by(db, "route", start, stop, unit_id)),
            by_behaviour=tuple(repo.behaviours(db, start, stop, unit_id)),
            by_unit=tuple(repo.units(db, start, stop, unit_id)),
            by_staff=tuple(repo.staff(db, start, stop, unit_id)),
            liable=liable, not_liable=not_liable, satisfied=satisfied, basically=basically, unsatisfied=unsatisfied,
            limits=tuple(repo.limits(db, start, stop, unit_id, as_of)),
            open_cases=tuple(repo.open_cases(db, stop, unit_id)),
            repeat_complainants=tuple(repo.repeat_complainants(db, start, stop, unit_id)),
        )

    def export(self, actor: User, period: str, label: str, unit_id: int | None, path: Path) -> cr.ComplaintReport:
        """Write the report to ``path`` (.pdf or .xlsx, by its extension) atomically."""
        unit_id = self.scope(actor, unit_id)
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".pdf", ".xlsx"):
            raise ValidationError("report_output_format", file=str(path))
        report = self.report(period, label, unit_id)
        if not path.parent.is_dir():
            raise InspectorError("file_unwritable", file=str(path), reason="the folder does not exist")
        try:
            if suffix == ".pdf":
                from inspector.pdf.complaint_report_pdf import (
                    render_complaint_report,  # ReportLab on first use
                )

                write_atomic(path, render_complaint_report(report))
            else:
                from inspector.services.complaint_sheets import write_complaint_xlsx

                write_complaint_xlsx(report, path)
        except OSError as error:
            raise InspectorError("file_unwritable", file=str(path), reason=error.strerror or str(error)) from None
        return report

    @staticmethod
    def _range(period: str, label: str) -> tuple[date, date]:
        try:
            return cr.period_range(period, label)
        except ValueError:
            field = "week" if period == "weekly" else "month"
            raise ValidationError(f"report_{field}_format", value=label) from None

    def _scope_name(self, unit_id: int | None) -> str:
        if unit_id is None:
            return ALL_UNITS
        found = reports_repo.unit_name(self.ctx.db, unit_id)
        if found is None:
            raise NotFound("not_found", entity="unit", key=str(unit_id))
        return found
