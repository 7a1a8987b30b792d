"""``inspector-cli check``: is the database sound and the audit chain unbroken?

Photos: a referenced original that is missing or whose bytes no longer hash to its name fails
the check; orphans and temporary leftovers are listed as litter that ``check --clean`` removes.
Notices: every issued PDF and every signed copy must still hash to the SHA-256 stored with it,
and every issued notice's stored content must still hash to its content hash and agree with its
columns, problem rows and the audit entry of its issue (``integrity_notices``); a notice PDF no row points to fails too
(``integrity_files``).
Triggers: every trigger the migrations define must be present with the same text, and no other
trigger may exist (``storage.schema_check``).
Rows: every audited row's current content against the row facts of its last audit entry
(``integrity_rows``); with ``--checkpoint`` the chain against heads kept outside the database
(``audit_anchors``).
Report summaries: the per-month tables the monthly report reads (migration 0018) must hold what
the inspections, answers and findings give (``storage.report_summaries_repo``);
``rebuild_report_summaries`` recomputes them.
Resources: the installation's required bundled files (font, translations, stylesheet, built-in
templates: ``inspector.paths.REQUIRED_RESOURCES``) must be there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.domain.audit import verify_chain
from inspector.domain.errors import InspectorError
from inspector.paths import missing_resources, resources_dir
from inspector.services.audit_anchors import AuditAnchors
from inspector.services.base import ServiceContext
from inspector.services.integrity_complaints import ComplaintStateCheck
from inspector.services.integrity_files import FolderFiles
from inspector.services.integrity_notices import NoticeContentCheck
from inspector.domain.users import User, require
from inspector.services.integrity_rows import RowStateCheck
from inspector.services.photos import CLEAN_PERMISSION, PhotoService, StoreReport
from inspector.storage import audit_repo, notices_repo, report_summaries_repo
from inspector.storage.database import integrity_problems
from inspector.storage.schema_check import trigger_problems

TRIGGER_SENTENCES = {
    "missing": "protective trigger {name} is missing (was it dropped by hand?)",
    "different": "protective trigger {name} is not the one the migrations define (was it re-created by hand?)",
    "unknown": "trigger {name} is not one Inspector defines (was it added by hand?)",
}

if TYPE_CHECKING:
    from inspector.services.backups import BackupService


@dataclass
class CheckReport:
    database: list[str] = field(default_factory=list)
    audit: list[str] = field(default_factory=list)
    audit_entries: int = 0
    photos: list[str] = field(default_factory=list)  # failures: missing or changed originals
    photo_litter: list[str] = field(default_factory=list)  # orphans and leftovers: not failures
    photos_referenced: int = 0
    notices: list[str] = field(default_factory=list)  # failures: missing or changed notice PDFs
    notice_files: int = 0
    last_backup: str = ""  # the age of the newest backup (never a failure)
    contents: list[str] = field(default_factory=list)  # failures: an issued notice's content edited
    notices_checked: int = 0
    resources: list[str] = field(default_factory=list)  # failures: required bundled files missing
    complaints: list[str] = field(default_factory=list)  # failures: a case's state is not what its steps say
    complaints_checked: int = 0
    rows: list[str] = field(default_factory=list)  # failures: a row is not what its last audit entry says
    rows_checked: int = 0
    anchors: list[str] = field(default_factory=list)  # what each checkpoint or exchange file compared proved
    anchor_problems: list[str] = field(default_factory=list)  # failures: a rewritten or cut chain

    @property
    def ok(self) -> bool:
        return not (self.database or self.audit or self.photos or self.notices or self.contents or self.resources
                    or self.complaints or self.rows or self.anchor_problems)

    def lines(self) -> list[str]:
        out = [f"database: {'ok' if not self.database else 'PROBLEMS'}"]
        out += [f"  {line}" for line in self.database]
        out.append(f"audit trail: {self.audit_entries} entries, {'intact' if not self.audit else 'BROKEN'}")
        out += [f"  {line}" for line in self.audit]
        out.append(f"rows: {self.rows_checked} checked against the audit trail,"
                   f" {'as recorded' if not self.rows else 'CHANGED OUTSIDE INSPECTOR'}")
        out += [f"  {line}" for line in self.rows]
        if self.anchors or self.anchor_problems:
            out.append(f"anchors: {'the chain is the one they recorded' if not self.anchor_problems else 'REWRITTEN'}")
            out += [f"  {line}" for line in self.anchor_problems + self.anchors]
        out.append(f"photos: {self.photos_referenced} referenced, {'ok' if not self.photos else 'PROBLEMS'}")
        out += [f"  {line}" for line in self.photos]
        out.append(f"notice PDFs: {self.notice_files} checked, {'ok' if not self.notices else 'PROBLEMS'}")
        out += [f"  {line}" for line in self.notices]
        if self.last_backup:
            out.append(self.last_backup)
        out.append(f"issued notices: {self.notices_checked} checked, {'as issued' if not self.contents else 'CHANGED'}")
        out += [f"  {line}" for line in self.contents]
        out.append(f"complaints: {self.complaints_checked} checked,"
                   f" {'as their steps say' if not self.complaints else 'CHANGED'}")
        out += [f"  {line}" for line in self.complaints]
        out.append(f"resources: {'ok' if not self.resources else 'MISSING (reinstall Inspector)'}")
        out += [f"  {line}" for line in self.resources]
        if self.photo_litter:
            out.append("photo store: files nothing refers to (`inspector-cli check --clean` removes them)")
            out += [f"  {line}" for line in self.photo_litter]
        return out


def photo_lines(store: StoreReport) -> tuple[list[str], list[str]]:
    """(failures, litter) as report lines."""
    failures = [f"photo {sha256} is missing (used by {', '.join(places)})"
                for sha256, places in store.missing.items()]
    failures += [f"photo {sha256} was changed on disk: its bytes no longer match its SHA-256"
                 f" (used by {', '.join(places)})" for sha256, places in store.corrupt.items()]
    recent_orphans, recent_temp = set(store.recent_orphans), set(store.recent_temp_files)
    litter = [f"orphan {path}" + (" (stored within the last day: kept for now)" if path in recent_orphans else "")
              for path in store.orphans]
    litter += [f"leftover {path}" + (" (written within the last hour: kept for now)" if path in recent_temp else "")
               for path in store.temp_files]
    return failures, litter


def summary_lines(differences: list[tuple[str, tuple, tuple | None, tuple | None]]) -> list[str]:
    """One line per report summary row that is not what the base tables give."""
    lines = []
    for table, key, stored, fresh in differences:
        where = ", ".join(str(part) for part in key)
        lines.append(f"report summary {table} ({where}) holds {stored or 'nothing'} where the inspections give"
                     f" {fresh or 'nothing'} (was it edited by hand? rebuild the report summaries)")
    return lines


def resource_problems() -> list[str]:
    """One line per required bundled file that is missing from the installation."""
    missing = missing_resources()
    if not missing:
        return []
    try:
        folder = str(resources_dir())
    except InspectorError as error:
        return [f"the bundled resources cannot be found ({error.params.get('where', '')})"]
    return [f"{name} is missing from {folder}" for name in missing]


class IntegrityService:
    def __init__(self, ctx: ServiceContext, photos: PhotoService | None = None, *,
                 backups: BackupService | None = None) -> None:
        self.ctx = ctx
        self.photos = photos or PhotoService(ctx)
        self.backups = backups

    def check(self, *, checkpoints: Sequence[Path] = (), trust_pem: bytes | None = None) -> CheckReport:
        """The whole check; ``checkpoints`` (signed checkpoints, exchange files this data folder
        sent) are compared with the chain recomputed from the entries (``audit_anchors``)."""
        report = CheckReport(database=integrity_problems(self.ctx.db), resources=resource_problems())
        for trigger in trigger_problems(self.ctx.db):
            report.database.append(TRIGGER_SENTENCES[trigger.kind].format(name=trigger.name))
        report.database += summary_lines(report_summaries_repo.differences(self.ctx.db))
        records = list(audit_repo.iter_records(self.ctx.db))
        report.audit_entries = len(records)
        if checkpoints:
            anchors = AuditAnchors(self.ctx).compare(checkpoints, records, trust_pem=trust_pem)
            report.anchors, report.anchor_problems = anchors.lines, anchors.problems
        rows = RowStateCheck(self.ctx).problems(records)
        report.rows_checked, report.rows = rows.checked, rows.problems
        for chain_break in verify_chain(records):
            what = "was altered" if chain_break.reason == "hash_mismatch" else "does not follow the entry before it (removed or reordered)"
            report.audit.append(f"audit entry {chain_break.entry_id} {what}")
        report.notice_files, report.notices = self.notice_pdf_problems()
        if self.backups is not None:
            report.last_backup = self.backups.age_line()
        report.notices += [f"{relative}: no notice row points to it (was a notice removed from the database?)"
                           for relative in FolderFiles(self.ctx.paths).orphan_notice_pdfs(self.ctx.db)]
        report.notices_checked, report.contents = NoticeContentCheck(self.ctx).problems()
        report.complaints_checked, report.complaints = ComplaintStateCheck(self.ctx).problems()
        try:
            store = self.photos.check_store()
        except ValueError as error:  # a stored template body that no longer parses (pydantic)
            report.photos.append(f"photo references could not be read, photos not checked: {error}".splitlines()[0])
            return report
        report.photos_referenced = store.referenced
        report.photos, report.photo_litter = photo_lines(store)
        return report

    def rebuild_report_summaries(self, actor: User) -> int:
        """Recompute the monthly report's per-month summaries from the base tables, in one
        transaction with its audit entry (after ``check`` found them different); how many rows
        differed. Who may clean the photo store may do this (an admin, the quality office)."""
        require(actor, CLEAN_PERMISSION)
        with self.ctx.mutation():
            differing = len(report_summaries_repo.differences(self.ctx.db))
            report_summaries_repo.rebuild(self.ctx.db)
            self.ctx.record(actor, "report_summaries.rebuild", "report", None, after={"rows_differing": differing})
        return differing

    def notice_pdf_problems(self) -> tuple[int, list[str]]:
        """(files checked, problems): each issued PDF and signed copy against its stored SHA-256."""
        problems = []
        files = notices_repo.pdf_files(self.ctx.db)
        for number, relative, sha256 in files:
            path = self.ctx.paths.root / relative
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                problems.append(f"notice {number}: {relative} is missing")
                continue
            if digest != sha256:
                problems.append(f"notice {number}: {relative} was changed on disk: its bytes no longer match"
                                f" the SHA-256 stored when it was written")
        return len(files), problems
