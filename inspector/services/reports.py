"""The monthly report (月度报告) as a use case: check the role, run the report queries for a
month and scope, name sections and items from the template versions used, and hand the rows to
the pure ``domain.reports.monthly_report``.

The typical before/after pairs carry photo hashes only; ``photo_paths`` resolves them to the
print-size copies the PDF embeds. ``save_remarks`` keeps the quality office's written analysis
and suggestions (分析意见与改进建议) per month and scope; the report carries it to the page,
the PDF and the table.

Covert inspections are counted like any other but only ever as numbers: the queries never
select who inspected, so the report cannot name an inspector.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from inspector.domain import reports
from inspector.domain.errors import InspectorError, NotFound, ValidationError
from inspector.domain.inspections import InspectionMode
from inspector.domain.notices import NoticeStatus
from inspector.domain.photos import Derivative
from inspector.domain.templates import Severity, SubjectKind, TemplateVersion
from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.complaint_reports import ComplaintReports
from inspector.services.photos import PhotoService
from inspector.services.report_sheets import write_monthly_xlsx
from inspector.storage import reports_repo, templates_repo
from inspector.storage.files import write_atomic

ALL_UNITS = "全部单位"
REMARKS_LIMIT = 4000  # characters: about two printed pages
_ENDED = {NoticeStatus.CLOSED, NoticeStatus.REISSUED, NoticeStatus.SUPERSEDED}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


class _Templates:
    """Template versions by id, each read once per report."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._versions: dict[int, TemplateVersion | None] = {}

    def version(self, version_id: int) -> TemplateVersion | None:
        if version_id not in self._versions:
            self._versions[version_id] = templates_repo.get_version(self.ctx.db, version_id)
        return self._versions[version_id]

    def code(self, version_id: int) -> str:
        version = self.version(version_id)
        return version.code if version else ""

    def section_title(self, version_id: int, section_code: str) -> str:
        return self.section_titles(version_id, section_code)[0]

    def section_titles(self, version_id: int, section_code: str) -> tuple[str, str]:
        """The section's Chinese and English titles (the code and "" when the version lacks it)."""
        version = self.version(version_id)
        for section in version.body.iter_sections() if version else ():
            if section.code == section_code:
                return section.title_zh, section.title_en
        return section_code, ""

    def item_text(self, version_id: int, item_code: str) -> tuple[str, str]:
        """The item's Chinese and English texts (the code and "" when the version lacks it)."""
        version = self.version(version_id)
        item = version.body.item(item_code) if version else None
        return (item.text_zh, item.text_en) if item is not None else (item_code, "")


class ReportService:
    def __init__(self, ctx: ServiceContext, photos: PhotoService | None = None) -> None:
        self.ctx = ctx
        self.photos = photos or PhotoService(ctx)

    def monthly(self, actor: User, month: str, unit_id: int | None = None) -> reports.MonthlyReport:
        """The figures of ``month`` ("YYYY-MM") for every unit, or for ``unit_id`` only."""
        require(actor, Permission.VIEW_REPORTS)
        report = reports.monthly_report(self.facts(month, unit_id))
        # 「以月报形式送相关职能部门和总站了解动态」: the complaints register's month rides along —
        # not for a manager's report of other units (a manager reads their own unit's complaints).
        if not ComplaintReports.may_see(actor, unit_id):
            return report
        complaints = ComplaintReports(self.ctx).report("monthly", report.month, unit_id)
        return report.model_copy(update={"complaints": complaints})

    def export_xlsx(self, actor: User, month: str, unit_id: int | None, path: Path) -> reports.MonthlyReport:
        """Write the month's table (月度报表, .xlsx) to ``path`` atomically; return what it holds."""
        report = self.monthly(actor, month, unit_id)
        _folder_exists(Path(path))
        try:
            write_monthly_xlsx(report, Path(path), more=_complaint_sheets(report))
        except OSError as error:
            raise InspectorError("file_unwritable", file=str(path), reason=error.strerror or str(error)) from None
        return report

    def export_pdf(self, actor: User, month: str, unit_id: int | None, path: Path) -> reports.MonthlyReport:
        """Write the month's report (月度报告, .pdf) to ``path`` atomically; return what it shows."""
        from inspector.pdf.report_pdf import render_monthly_report  # ReportLab loads on first export

        report = self.monthly(actor, month, unit_id)
        _folder_exists(Path(path))
        try:
            write_atomic(Path(path), render_monthly_report(report, self.photo_paths(report)))
        except OSError as error:
            raise InspectorError("file_unwritable", file=str(path), reason=error.strerror or str(error)) from None
        return report

    def photo_paths(self, report: reports.MonthlyReport) -> dict[str, Path]:
        """sha256 → print-size copy of every photo of the report's before/after pairs (a photo with
        no sound copy is left out; the PDF then leaves its pair out)."""
        paths: dict[str, Path] = {}
        for pair in report.before_after:
            for sha in (pair.before, pair.after):
                found = paths.get(sha) or self.photos.derivative_path(sha, Derivative.PRINT)
                if found is not None:
                    paths[sha] = found
        return paths

    def save_remarks(self, actor: User, month: str, unit_id: int | None, text: str) -> ChangeSet:
        """Keep the quality office's analysis and suggestions for the month and scope (the whole
        text, replacing the last one; blank removes it). Saved as typed: the page calls this
        after a short pause in typing, so nothing written is lost."""
        require(actor, Permission.WRITE_REPORTS)
        first, _ = self._month(month)
        self._scope_name(unit_id)
        text = text.strip()
        if len(text) > REMARKS_LIMIT:
            raise ValidationError("report_remarks_too_long", length=len(text), limit=REMARKS_LIMIT)
        with self.ctx.mutation():
            reports_repo.write_remarks(self.ctx.db, first.strftime("%Y-%m"), unit_id, text, actor.id,
                                       self.ctx.clock().isoformat(timespec="seconds"))
        return ChangeSet.of(Entity.REPORT)

    @staticmethod
    def _month(month: str) -> tuple[date, date]:
        try:
            return reports.month_range(month.strip())
        except ValueError:
            raise ValidationError("invalid_value", field="month", value=month) from None

    def _scope_name(self, unit_id: int | None) -> str:
        if unit_id is None:
            return ALL_UNITS
        found = reports_repo.unit_name(self.ctx.db, unit_id)
        if found is None:
            raise NotFound("not_found", entity="unit", key=str(unit_id))
        return found

    def facts(self, month: str, unit_id: int | None = None) -> reports.MonthlyFacts:
        """The query rows behind the report (no role check: call through ``monthly``)."""
        first, end = self._month(month)
        scope_name = self._scope_name(unit_id)
        db = self.ctx.db
        remarks = reports_repo.remarks(db, first.strftime("%Y-%m"), unit_id)
        templates = _Templates(self.ctx)
        start, stop = first.isoformat(), end.isoformat()
        last_start = reports.shift_month(first, -1).isoformat()
        trend_start = reports.shift_month(first, 1 - reports.TREND_MONTHS).isoformat()
        today = self.ctx.clock().date()
        checked, passed = reports_repo.answer_totals(db, start, stop, unit_id)
        kinds = self.inspected_kinds(first.strftime("%Y-%m"))
        return reports.MonthlyFacts(
            month=first.strftime("%Y-%m"), unit_id=unit_id, scope_name=scope_name,
            as_of=min(today, date.fromordinal(end.toordinal() - 1)), generated_at=self.ctx.clock(),
            modes=tuple(reports.ModeCount(mode=InspectionMode(mode), count=count)
                        for mode, count in reports_repo.mode_counts(db, start, stop, unit_id)),
            coverage=tuple(reports.CoverageRow(kind=SubjectKind(kind), covered=covered, population=population)
                           for kind, covered, population in reports_repo.coverage(db, start, stop, unit_id, kinds)),
            items_checked=checked, items_passed=passed,
            findings=tuple(
                reports.FindingRow(template_code=templates.code(version_id), section_code=section,
                                   section_title=templates.section_titles(version_id, section)[0],
                                   section_title_en=templates.section_titles(version_id, section)[1],
                                   severity=Severity(severity), count=count)
                for version_id, section, severity, count in reports_repo.findings_by_section(db, start, stop, unit_id)),
            notices=tuple(self._notice_row(row) for row in reports_repo.notices(db, start, stop, unit_id)),
            problems=self._problems(templates, start, stop, unit_id),
            problems_last_month=self._problems(templates, last_start, start, unit_id),
            units=self._scores(reports_repo.unit_scores(db, start, stop, unit_id)),
            units_last_month=self._scores(reports_repo.unit_scores(db, last_start, start, unit_id)),
            staff=self._scores(reports_repo.staff_scores(db, start, stop, unit_id)),
            staff_last_month=self._scores(reports_repo.staff_scores(db, last_start, start, unit_id)),
            trend=tuple(reports.TrendRow(unit_id=row[0], unit_name=row[1], month=row[2], inspections=row[3],
                                         rate_sum=row[4])
                        for row in reports_repo.unit_trend(db, trend_start, stop, unit_id)),
            before_after=tuple(
                reports.BeforeAfter(notice_number=row[0], item_code=row[1], problem=row[2], unit_name=row[3],
                                    closed_on=_day(row[4]), before=row[5], after=row[6])
                for row in reports_repo.before_after(db, start, stop, unit_id)),
            remarks=remarks[0] if remarks else "", remarks_by=remarks[2] if remarks else "",
            remarks_at=datetime.fromisoformat(remarks[1]) if remarks else None,
            uncovered=tuple(reports.UncoveredSubject(kind=SubjectKind(kind), code=code, name=name, unit_name=unit)
                            for kind, code, name, unit in reports_repo.uncovered(db, start, stop, unit_id, kinds)),
        )

    def inspected_kinds(self, month: str) -> list[str]:
        """The subject kinds a published checklist in force in ``month`` inspects, in report
        order: coverage counts only these (no checklist inspects a unit as such, so units are not
        a row of their own unless the office publishes one that does)."""
        found = set()
        for code in templates_repo.codes(self.ctx.db):
            version = templates_repo.in_force(self.ctx.db, code, month)
            if version is not None:
                found.add(version.body.subject)
        return [kind.value for kind in SubjectKind if kind in found]

    @staticmethod
    def _notice_row(row: dict) -> reports.NoticeRow:
        status = NoticeStatus(row["status"])
        closed_on = _day(row["closed_at"])
        ended_on = (closed_on or _day(row["updated_at"])) if status in _ENDED else None
        return reports.NoticeRow(number=row["number"], unit_name=row["unit_name"], issued_on=_day(row["issued_at"]),
                                 deadline=_day(row["deadline"]), status=status, replied_on=_day(row["replied_at"]),
                                 closed_on=closed_on, ended_on=ended_on, recurred=bool(row["recurred"]))

    def _problems(self, templates: _Templates, start: str, stop: str,
                  unit_id: int | None) -> tuple[reports.ProblemRow, ...]:
        return tuple(reports.ProblemRow(item_code=code, text=text, text_en=text_en, count=count)
                     for code, version_id, count in reports_repo.problem_counts(self.ctx.db, start, stop, unit_id)
                     for text, text_en in [templates.item_text(version_id, code)])

    @staticmethod
    def _scores(rows: list[tuple]) -> tuple[reports.ScoreRow, ...]:
        return tuple(reports.ScoreRow(id=row[0], code=row[1], name=row[2], inspections=row[3], score_sum=row[4],
                                      rate_sum=row[5]) for row in rows)


def _complaint_sheets(report: reports.MonthlyReport):  # type: ignore[no-untyped-def]
    """The complaints section's sheets (投诉·…) for the monthly table, when the report has one."""
    if report.complaints is None:
        return None
    from inspector.services.complaint_sheets import add_complaint_sheets

    return lambda workbook: add_complaint_sheets(workbook, report.complaints, prefix="投诉·")


def _folder_exists(path: Path) -> None:
    """A report goes where the user chose; a folder that is not there is said, never made."""
    if not path.parent.is_dir():
        raise InspectorError("file_unwritable", file=str(path), reason="the folder does not exist")
