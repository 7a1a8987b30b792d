"""Building the application context: paths → database (migrated) → services.

The desktop app (``app.py``), the CLI and the tests all build the same ``AppContext`` over a data
folder; nothing reaches for module globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inspector.paths import DataPaths
from inspector.services.base import ServiceContext
from inspector.services.archives import ArchiveService
from inspector.services.certificates import CertificateService
from inspector.services.inspection_query import InspectionQueryService
from inspector.services.inspections import InspectionService
from inspector.services.integrity import IntegrityService
from inspector.services.photo_annotations import PhotoAnnotationService
from inspector.services.notice_documents import NoticeDocuments
from inspector.services.notice_files import NoticeFiles
from inspector.services.notice_followups import FollowUpService
from inspector.services.notices import NoticeService
from inspector.services.photos import PhotoService
from inspector.services.registry import RegistryService
from inspector.services.registry_import import RegistryImporter
from inspector.services.reports import ReportService
from inspector.services.settings import SettingsService
from inspector.services.template_transfer import TemplateTransferService
from inspector.services.templates import TemplateService
from inspector.services.user_signatures import UserSignatureService
from inspector.services.users import UserService
from inspector.storage.database import OpenResult, open_database, open_existing_database


@dataclass
class AppContext:
    paths: DataPaths
    opened: OpenResult
    services: ServiceContext
    users: UserService
    settings: SettingsService
    integrity: IntegrityService
    registry: RegistryService
    inspections: InspectionService
    inspection_query: InspectionQueryService
    templates: TemplateService
    registry_import: RegistryImporter
    photos: PhotoService
    photo_annotations: PhotoAnnotationService
    template_transfer: TemplateTransferService
    signatures: UserSignatureService
    certificates: CertificateService

    # Built from the services above (see __post_init__).
    notices: NoticeService = field(init=False)
    followups: FollowUpService = field(init=False)
    notice_files: NoticeFiles = field(init=False)
    archives: ArchiveService = field(init=False)
    reports: ReportService = field(init=False)

    def __post_init__(self) -> None:
        documents = NoticeDocuments(self.services, self.photos)
        self.notices = NoticeService(self.services, self.inspections, self.settings, documents, self.signatures)
        self.followups = FollowUpService(self.notices)
        self.notice_files = NoticeFiles(self.notices, self.certificates)
        self.archives = ArchiveService(self.services)
        self.reports = ReportService(self.services)

    @property
    def db(self):
        return self.opened.db

    def close(self) -> None:
        self.opened.db.close()


def open_context(data_dir: Path, *, existing: bool = False) -> AppContext:
    """Open (creating and migrating if needed) the data folder and wire the services.

    ``existing`` (``check``): open the database exactly as it is, creating no folder and no
    schema and applying no migration; a missing, empty or out-of-date database is refused."""
    paths = DataPaths(data_dir) if existing else DataPaths(data_dir).ensure()
    opened = open_existing_database(paths.database) if existing else open_database(paths.database)
    ctx = ServiceContext(db=opened.db, paths=paths)
    users = UserService(ctx)
    certificates = CertificateService(ctx, users)
    # Signing keys are locked with their holder's login password: a password change re-locks them.
    users.when_own_password_changes(certificates.rekey)
    return AppContext(
        paths=paths,
        opened=opened,
        services=ctx,
        users=users,
        settings=SettingsService(ctx),
        integrity=IntegrityService(ctx),
        registry=RegistryService(ctx),
        inspections=InspectionService(ctx),
        inspection_query=InspectionQueryService(ctx),
        templates=TemplateService(ctx),
        registry_import=RegistryImporter(ctx),
        photos=PhotoService(ctx),
        photo_annotations=PhotoAnnotationService(ctx),
        template_transfer=TemplateTransferService(ctx),
        signatures=UserSignatureService(ctx),
        certificates=certificates,
    )
