"""Building the application context: paths → database (migrated) → services.

The desktop app (``app.py``), the CLI, the demo and the tests all build the same ``AppContext``
over a data folder; nothing reaches for module globals.

The services every command needs (accounts, settings, templates) are built at once. The others
— the registry, inspections, photos, notices and reports, signing and certificates, spreadsheet
import and export, vehicle and staff files, annotation, the integrity check, backups (the daily
one included: ``BackupService.ensure_daily``), the office hub and restore — are built, and their
modules imported, the first time they are used: a CLI command or a start of the app that does not
need them does not pay for importing them (``bench/startup.py``, ``bench/cli.py``).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from inspector.paths import DataPaths
from inspector.services.base import ServiceContext
from inspector.services.settings import SettingsService
from inspector.services.templates import TemplateService
from inspector.services.users import UserService
from inspector.storage.database import OpenResult, open_database, open_existing_database

if TYPE_CHECKING:
    from inspector.services.archives import ArchiveService
    from inspector.services.backups import BackupService
    from inspector.services.certificates import CertificateService
    from inspector.services.comment_books import CommentBookService
    from inspector.services.complaint_reports import ComplaintReports
    from inspector.services.complaints import ComplaintService
    from inspector.services.exchange import ExchangeService
    from inspector.services.hub_sync import HubService
    from inspector.services.inspection_query import InspectionQueryService
    from inspector.services.inspection_reports import InspectionReports
    from inspector.services.inspections import InspectionService
    from inspector.services.integrity import IntegrityService
    from inspector.services.notice_files import NoticeFiles
    from inspector.services.notice_followups import FollowUpService
    from inspector.services.notices import NoticeService
    from inspector.services.photo_annotations import PhotoAnnotationService
    from inspector.services.photos import PhotoService
    from inspector.services.registry import RegistryService
    from inspector.services.registry_import import RegistryImporter
    from inspector.services.reports import ReportService
    from inspector.services.restore import RestoreService
    from inspector.services.template_transfer import TemplateTransferService
    from inspector.services.user_signatures import UserSignatureService


class AppContext:
    """The services of one open data folder, wired once."""

    def __init__(self, paths: DataPaths, opened: OpenResult) -> None:
        self.paths = paths
        self.opened = opened
        self.services = ServiceContext(db=opened.db, paths=paths)
        ctx = self.services
        self.users = UserService(ctx)
        self.settings = SettingsService(ctx)
        self.templates = TemplateService(ctx)
        # Signing keys are locked with their holder's login password: a password change re-locks
        # them, through the certificate service (built then, if it was not yet).
        self.users.when_own_password_changes(
            lambda user, old, new: self.certificates.rekey(user, old, new))

    @cached_property
    def registry(self) -> RegistryService:
        """Built on first use: a command about templates or accounts builds no registry models."""
        from inspector.services.registry import RegistryService

        return RegistryService(self.services)

    # --- the services of the inspections, notices and reports: built on first use too, so that a
    # command about accounts, templates or the registry does not import them (bench/cli.py) ----
    @cached_property
    def inspections(self) -> InspectionService:
        from inspector.services.inspections import InspectionService

        return InspectionService(self.services)

    @cached_property
    def inspection_query(self) -> InspectionQueryService:
        from inspector.services.inspection_query import InspectionQueryService

        return InspectionQueryService(self.services)

    @cached_property
    def photos(self) -> PhotoService:
        from inspector.services.photos import PhotoService

        return PhotoService(self.services)

    @cached_property
    def signatures(self) -> UserSignatureService:
        from inspector.services.user_signatures import UserSignatureService

        return UserSignatureService(self.services)

    @cached_property
    def notices(self) -> NoticeService:
        from inspector.services.notice_documents import NoticeDocuments
        from inspector.services.notices import NoticeService

        from inspector.services.hub_serials import HubNoticeSerials

        notices = NoticeService(self.services, self.inspections, self.settings,
                                NoticeDocuments(self.services, self.photos), self.signatures)
        notices.serials = HubNoticeSerials()  # the hub's counter when one is configured (#15.4)
        return notices

    @cached_property
    def followups(self) -> FollowUpService:
        from inspector.services.notice_followups import FollowUpService

        return FollowUpService(self.notices)

    @cached_property
    def reports(self) -> ReportService:
        from inspector.services.reports import ReportService

        return ReportService(self.services)

    # --- built on first use ---------------------------------------------------------------------
    @cached_property
    def certificates(self) -> CertificateService:
        from inspector.services.certificates import CertificateService

        return CertificateService(self.services, self.users)

    @cached_property
    def complaints(self) -> ComplaintService:
        from inspector.services.complaint_findings import ComplaintFindings
        from inspector.services.complaints import ComplaintService

        return ComplaintService(self.services, self.settings, self.registry, self.photos,
                                ComplaintFindings(self.services, self.inspections))

    @cached_property
    def comment_books(self) -> CommentBookService:
        from inspector.services.comment_books import CommentBookService

        return CommentBookService(self.services, self.complaints)

    @cached_property
    def complaint_reports(self) -> ComplaintReports:
        from inspector.services.complaint_reports import ComplaintReports

        return ComplaintReports(self.services, self.settings)

    @cached_property
    def notice_files(self) -> NoticeFiles:
        from inspector.services.notice_files import NoticeFiles

        return NoticeFiles(self.notices, self.certificates)

    @cached_property
    def integrity(self) -> IntegrityService:
        from inspector.services.integrity import IntegrityService

        return IntegrityService(self.services, backups=self.backups)

    @cached_property
    def backups(self) -> BackupService:
        from inspector.services.backups import BackupService

        return BackupService(self.services, self.settings)

    @cached_property
    def exchange(self) -> ExchangeService:
        from inspector.domain.backups import BackupReason
        from inspector.services.exchange import ExchangeService

        return ExchangeService(self.services, before_import=lambda: self.backups.make(BackupReason.IMPORT))

    @cached_property
    def hub(self) -> HubService:
        from inspector.services.hub_sync import HubService

        return HubService(self.services, lambda: self.exchange)

    @cached_property
    def restore(self) -> RestoreService:
        from inspector.services.restore import RestoreService

        return RestoreService(self.paths, self.services.clock)

    @cached_property
    def registry_import(self) -> RegistryImporter:
        from inspector.services.registry_import import RegistryImporter

        return RegistryImporter(self.services)

    @cached_property
    def template_transfer(self) -> TemplateTransferService:
        from inspector.services.template_transfer import TemplateTransferService

        return TemplateTransferService(self.services)

    @cached_property
    def photo_annotations(self) -> PhotoAnnotationService:
        from inspector.services.photo_annotations import PhotoAnnotationService

        return PhotoAnnotationService(self.services)

    @cached_property
    def inspection_reports(self) -> InspectionReports:
        from inspector.services.inspection_reports import InspectionReports

        return InspectionReports(self.inspections, self.inspection_query, self.notices.documents)

    @cached_property
    def archives(self) -> ArchiveService:
        from inspector.services.archives import ArchiveService

        return ArchiveService(self.services)

    def ensure_daily_backup(self) -> None:
        """The day's first start or command backs the database up (``BackupService.ensure_daily``,
        which raises as it does). A look at the backup folder's names comes first: when today's
        backup is there, as on every start but the day's first, the backup service is not even
        imported. (The backup before migrations is ``open_database``'s, before any of this.)"""
        from inspector.storage.backup_names import any_made_on

        if not any_made_on(self.paths.backups, self.services.clock().date()):
            self.backups.ensure_daily()

    # --- the database -----------------------------------------------------------------------------
    @property
    def db(self) -> sqlite_utils.Database:
        return self.opened.db

    def close(self) -> None:
        self.opened.db.close()


def open_context(data_dir: Path, *, existing: bool = False) -> AppContext:
    """Open (creating and migrating if needed) the data folder and wire the services.

    ``existing`` (``check``): open the database exactly as it is, creating no folder and no
    schema and applying no migration; a missing, empty or out-of-date database is refused."""
    paths = DataPaths(data_dir) if existing else DataPaths(data_dir).ensure()
    opened = open_existing_database(paths.database) if existing else open_database(paths.database)
    return AppContext(paths, opened)
