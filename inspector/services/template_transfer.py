"""Template import and export as spreadsheets (``templates import`` / ``templates export``).

A workbook may leave the subject kind out (no outside form has our ``subject`` column): the
caller then gives it (the GUI's import dialog asks, the CLI takes ``--subject``); without one the
import is refused with ``template_subject_missing`` before anything is written. ``read_xlsx``
reads and checks a file without importing it, so that the dialog can show the summary first.

Import never touches an existing version: a new code becomes version 1, a known code gets the
next version number, always as a draft that the quality office then reviews and publishes. The
file is read and fully checked before the write transaction opens; any problem (unreadable file,
a malformed sheet, a body ``validate_template`` refuses) raises ``ImportRejected`` listing every
one, and nothing is written. One audit entry records each import.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import ImportRejected, InspectorError, NotFound, RowProblem
from inspector.domain.templates import (
    SubjectKind,
    TemplateStatus,
    TemplateVersion,
    validate_template,
)
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.template_sheets_read import (
    SheetTemplate,
    read_template_workbook,
)
from inspector.services.template_sheets_write import write_template_xlsx
from inspector.storage import templates_repo

EXPORT_SUFFIX = ".xlsx"


def _fingerprint(version: TemplateVersion) -> dict[str, Any]:
    body_json = version.body.model_dump_json()
    return {
        "code": version.code, "version": version.version, "status": version.status.value,
        "effective_month": version.effective_month, "item_count": version.body.item_count,
        "body_sha256": hashlib.sha256(body_json.encode("utf-8")).hexdigest(),
    }


class TemplateTransferService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def read_xlsx(self, actor: User, path: Path | str) -> SheetTemplate:
        """The template in ``path`` with its import summary, checked but not imported."""
        require(actor, Permission.EDIT_TEMPLATES)
        return read_template_workbook(Path(path))

    def import_xlsx(self, actor: User, path: Path | str, subject: SubjectKind | None = None,
                    sheet: SheetTemplate | None = None) -> tuple[TemplateVersion, ChangeSet]:
        """Read ``path`` (XLSForm or the office layout) into a new draft version of its code.

        ``subject`` is required when the file names none, and replaces the file's when given;
        ``sheet`` is what ``read_xlsx`` returned for ``path`` (not read again then).
        """
        require(actor, Permission.EDIT_TEMPLATES)
        path = Path(path)
        sheet = sheet or read_template_workbook(path)
        if subject is None and sheet.subject_missing:
            raise InspectorError("template_subject_missing", file=path.name,
                                 kinds=", ".join(kind.value for kind in SubjectKind))
        if subject is not None:
            sheet = replace(sheet, body=sheet.body.model_copy(update={"subject": SubjectKind(subject)}))
        self._refuse_invalid(path, sheet)
        with self.ctx.mutation():
            number = templates_repo.next_version_number(self.ctx.db, sheet.body.code)
            version_id = templates_repo.insert_version(
                self.ctx.db, sheet.body, version=number, status=TemplateStatus.DRAFT,
                effective_month=sheet.effective_month, builtin=False, created_at=self.ctx.now_text(),
            )
            imported = self._get(version_id)
            self.ctx.record(actor, "template.import", Entity.TEMPLATE, version_id, after={
                **_fingerprint(imported), "file": path.name, "layout": sheet.layout, "sheet": sheet.sheet,
                "format": sheet.format, "subject_given": subject is not None, "skipped_rows": len(sheet.skipped),
            })
        return imported, ChangeSet.of(Entity.TEMPLATE, version_id)

    def export_xlsx(self, actor: User, version_id: int, path: Path | str) -> Path:
        """Write version ``version_id`` to ``path`` (.xlsx), replacing any file there atomically."""
        require(actor, Permission.VIEW_TEMPLATES)
        path = Path(path)
        if path.suffix.lower() != EXPORT_SUFFIX:
            raise InspectorError("unsupported_format", file=str(path), suffix=path.suffix or "(none)",
                                 expected=EXPORT_SUFFIX)
        version = self._get(version_id)
        if not path.parent.is_dir():
            raise InspectorError("file_unwritable", file=str(path), reason="the folder does not exist")
        try:
            write_template_xlsx(version.body, path, version=version.version, effective_month=version.effective_month)
        except OSError as error:
            raise InspectorError("file_unwritable", file=str(path), reason=error.strerror or str(error)) from None
        return path

    def version_for_export(self, actor: User, code: str, number: int | None = None) -> TemplateVersion:
        """Version ``number`` of ``code``; without a number the latest published, else the latest draft."""
        require(actor, Permission.VIEW_TEMPLATES)
        if number is not None:
            found = next((v for v in templates_repo.list_versions(self.ctx.db, code=code) if v.version == number), None)
            if found is None:
                raise NotFound(entity="template", key=f"{code} v{number}")
            return found
        version = templates_repo.latest(self.ctx.db, code, TemplateStatus.PUBLISHED) or templates_repo.latest(
            self.ctx.db, code)
        if version is None:
            raise NotFound(entity="template", key=code)
        return version

    def _get(self, version_id: int) -> TemplateVersion:
        version = templates_repo.get_version(self.ctx.db, version_id)
        if version is None:
            raise NotFound(entity="template", key=str(version_id))
        return version

    @staticmethod
    def _refuse_invalid(path: Path, sheet: SheetTemplate) -> None:
        """The readers map domain problems to cells already; this catches any they did not place."""
        problems = validate_template(sheet.body)
        if problems:
            raise ImportRejected(str(path), [
                RowProblem(0, problem.where, problem.code, {"value": problem.where}, sheet=sheet.sheet)
                for problem in problems], sheet.sheet)
