"""The vehicle file (一车一档) and the staff file (个人服务质量档案): gathering one subject's
inspections, findings, notices and follow-ups into a ``SubjectArchive``, and its PDF export.

Who may: everyone holding ``Permission.VIEW_REPORTS``. Covert inspections (暗访) are part of the
file for all of them, as records with their findings and score, but the inspector's name is
never filled in; on a notice that came from a covert visit the follow-ups carry no name either.
Only completed inspections count: a draft has no score and may still change.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pydantic_core import PydanticCustomError

from inspector.domain.archives import (
    ArchiveComplaint,
    ArchiveFinding,
    ArchiveFollowUp,
    ArchiveInspection,
    ArchiveNotice,
    ArchiveSubject,
    SubjectArchive,
    score_series,
)
from inspector.domain.errors import NotFound, PermissionDenied
from inspector.domain.inspections import FindingStatus, InspectionMode
from inspector.domain.notices import FollowUpResult
from inspector.domain.registry import (
    RegistryKind,
    Staff,
    StaffRole,
    Vehicle,
    normalize_plate,
)
from inspector.domain.templates import Severity, SubjectKind, TemplateBody
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.complaint_access import may_read
from inspector.services.registry_columns import STAFF_ROLE_WORDS
from inspector.services.settings import SettingsService
from inspector.storage import archives_repo, notices_repo, registry_repo, templates_repo
from inspector.storage import complaints as complaints_repo
from inspector.storage.files import write_atomic

# The first Chinese word listed for each role (驾驶员, not 司机) is the one the file prints.
ROLE_WORDS: dict[StaffRole, str] = {role: word for word, role in reversed(STAFF_ROLE_WORDS.items())}


def render_archive(archive: SubjectArchive) -> bytes:
    from inspector.pdf.archive_pdf import (
        render_archive as render,  # ReportLab loads only when asked
    )

    return render(archive)


class ArchiveService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- the files -------------------------------------------------------------------------

    def vehicle(self, actor: User, key: str) -> SubjectArchive:
        """The file of the vehicle whose plate or fleet number (自编号) is ``key``."""
        self._check(actor)
        wanted = key.strip()
        record: Vehicle | None = None
        try:
            record = registry_repo.find(self.ctx.db, RegistryKind.VEHICLES, "plate", normalize_plate(wanted))
        except PydanticCustomError:  # not shaped like a plate: maybe a fleet number
            record = None
        record = record or registry_repo.find(self.ctx.db, RegistryKind.VEHICLES, "fleet_no", wanted)
        if record is None:
            raise NotFound("archive_vehicle_not_found", key=wanted)
        unit_code, unit_name = archives_repo.unit_of(self.ctx.db, record.unit_id)
        subject = ArchiveSubject(kind=SubjectKind.VEHICLE, id=record.id, plate=record.plate,
                                 fleet_no=record.fleet_no, route=record.route, model=record.model,
                                 unit_code=unit_code, unit_name=unit_name, active=record.active)
        return self._archive(actor, subject)

    def staff(self, actor: User, key: str) -> SubjectArchive:
        """The file of the staff member whose staff number (工号) is ``key``."""
        self._check(actor)
        wanted = key.strip()
        record: Staff | None = registry_repo.find(self.ctx.db, RegistryKind.STAFF, "staff_no", wanted)
        if record is None:
            raise NotFound("archive_staff_not_found", key=wanted)
        unit_code, unit_name = archives_repo.unit_of(self.ctx.db, record.unit_id)
        subject = ArchiveSubject(kind=SubjectKind.STAFF, id=record.id, name=record.name, staff_no=record.staff_no,
                                 role=ROLE_WORDS.get(record.role, str(record.role)), unit_code=unit_code,
                                 unit_name=unit_name, active=record.active)
        return self._archive(actor, subject)

    # --- PDF export ------------------------------------------------------------------------

    def export_vehicle(self, actor: User, key: str, path: Path) -> SubjectArchive:
        """Write the vehicle's file as a PDF to ``path`` (atomically); return what it shows."""
        archive = self.vehicle(actor, key)
        write_atomic(Path(path), render_archive(archive))
        return archive

    def export_staff(self, actor: User, key: str, path: Path) -> SubjectArchive:
        """Write the staff member's file as a PDF to ``path`` (atomically); return what it shows."""
        archive = self.staff(actor, key)
        write_atomic(Path(path), render_archive(archive))
        return archive

    # --- gathering -------------------------------------------------------------------------

    @staticmethod
    def _check(actor: User) -> None:
        if not actor.active:
            raise PermissionDenied("account_inactive", user=actor.username)
        require(actor, Permission.VIEW_REPORTS)

    def _archive(self, actor: User, subject: ArchiveSubject) -> SubjectArchive:
        db, kind = self.ctx.db, subject.kind.value
        today = self.ctx.clock().date()
        inspection_rows = archives_repo.inspections(db, kind, subject.id)
        links = archives_repo.notice_links(db, kind, subject.id)
        numbers_of: dict[int, list[str]] = {}
        notice_ids: list[int] = []
        for finding_id, notice_id, number in links:
            numbers_of.setdefault(finding_id, []).append(number)
            if notice_id not in notice_ids:
                notice_ids.append(notice_id)
        findings_of: dict[int, list[ArchiveFinding]] = {}
        item_texts = self._item_texts({row.template_version_id for row in inspection_rows})
        version_of = {row.id: row.template_version_id for row in inspection_rows}
        for row in archives_repo.findings(db, kind, subject.id):
            body_texts = item_texts.get(version_of.get(row.inspection_id, 0), {})
            findings_of.setdefault(row.inspection_id, []).append(ArchiveFinding(
                id=row.id, item_code=row.item_code, item_text=body_texts.get(row.item_code, ""),
                section_code=row.section_code, severity=Severity(row.severity), note=row.note,
                status=FindingStatus(row.status), notice_numbers=tuple(numbers_of.get(row.id, ()))))
        inspections = tuple(
            ArchiveInspection(
                id=row.id, observed_at=datetime.fromisoformat(row.observed_at), mode=InspectionMode(row.mode),
                template_code=row.template_code, template_title=row.template_title,
                # A walk-around is never scored (#13.4), whatever an older version stored.
                template_version=row.template_version,
                score=row.score if InspectionMode(row.mode).scored else None,
                max_score=row.max_score if InspectionMode(row.mode).scored else None,
                veto_failed=row.veto_failed and InspectionMode(row.mode).scored,
                inspector=None if row.mode == InspectionMode.COVERT.value else row.author_name,
                findings=tuple(findings_of.get(row.id, ())))
            for row in inspection_rows)
        notices, covert_notices = self._notices(notice_ids, today)
        number_of = {notice.id: notice.number for notice in notices}
        followups = tuple(
            ArchiveFollowUp(notice_number=number_of[row.notice_id], recorded_at=datetime.fromisoformat(row.recorded_at),
                            result=FollowUpResult(row.result), note=row.note,
                            recorded_by=None if row.notice_id in covert_notices else row.recorded_by_name)
            for row in archives_repo.followups(db, notice_ids))
        return SubjectArchive(subject=subject, generated_on=today,
                              organisation_name=SettingsService(self.ctx).get().organisation_name,
                              inspections=inspections, notices=notices, followups=followups,
                              scores=score_series(inspections), complaints=self._complaints(actor, subject))

    def _complaints(self, actor: User, subject: ArchiveSubject) -> tuple[ArchiveComplaint, ...]:
        """The register's cases about the subject that ``actor`` may read (a manager: their unit's),
        oldest first, with nothing of the complainant."""
        by = {"vehicle_id": subject.id} if subject.kind is SubjectKind.VEHICLE else {"staff_id": subject.id}
        now = self.ctx.clock()
        found = []
        for row in reversed(complaints_repo.list_rows(self.ctx.db, limit=100_000, **by)):
            if not may_read(actor, row.intake.unit_id):
                continue
            state, intake = row.state, row.intake
            late = state.closed_at > state.due_at if state.closed_at else now > state.due_at
            found.append(ArchiveComplaint(
                number=row.number, received_at=intake.received_at, kind=intake.kind, severity=intake.severity,
                major=intake.major, what=intake.what, status=state.status, liability=state.liability,
                opinion=state.opinion, closed_at=state.closed_at, late=late))
        return tuple(found)

    def _notices(self, notice_ids: list[int], today: date) -> tuple[tuple[ArchiveNotice, ...], set[int]]:
        found, covert = [], set()
        for notice_id in notice_ids:
            summary = notices_repo.get(self.ctx.db, notice_id)
            if summary is None:
                continue
            if summary.covert:
                covert.add(summary.id)
            found.append(ArchiveNotice(
                id=summary.id, number=summary.number, inspection_id=summary.inspection_id, status=summary.status,
                issued_at=summary.issued_at, deadline=summary.deadline, closed_at=summary.closed_at,
                late=summary.late(), overdue=summary.overdue(today), recurred=summary.recurred,
                successor_number=summary.successor_number))
        found.sort(key=lambda notice: (notice.issued_at, notice.id))
        return tuple(found), covert

    def _item_texts(self, version_ids: set[int]) -> dict[int, dict[str, str]]:
        """Item code → item text of each template version used (one read per version)."""
        texts: dict[int, dict[str, str]] = {}
        for version_id in version_ids:
            version = templates_repo.get_version(self.ctx.db, version_id)
            body: TemplateBody | None = version.body if version else None
            texts[version_id] = {item.code: item.text_zh for _, item in body.iter_items()} if body else {}
        return texts
