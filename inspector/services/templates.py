"""Checklist templates: loading the built-ins, listing versions, drafting and publishing.

A version is a draft until the quality office publishes it for a month; from then on it is
immutable (the service refuses, and a database trigger backs that up). Next month's changes start
as a copy of a version (the latest, or any earlier one) with the next version number, edited as a
draft, then published. The office may also start a template of its own (``new_template``) and throw
away a draft nobody used (``delete_draft``). Everyone signed in may read templates; editing and
publishing need their own permissions.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from enum import Enum
from typing import Any, TypeVar

import pydantic

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import Conflict, NotFound, ValidationError
from inspector.domain.templates import (
    CODE_PATTERN,
    ScoringScheme,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
    TemplateVersion,
    check_month,
    validate_template,
)
from inspector.domain.users import Permission, User, require
from inspector.paths import BUILTIN_TEMPLATE_FILES, resources_dir
from inspector.services.base import ServiceContext
from inspector.storage import templates_repo


def builtin_templates_dir() -> Path:
    return resources_dir() / "templates"


def _resource_error(path: Path, detail: str) -> ValidationError:
    return ValidationError("template_resource_invalid", file=str(path), detail=detail)


def load_builtin_bodies(folder: Path) -> list[TemplateBody]:
    """Every ``*.json`` template body in ``folder`` (sorted by file name), each fully validated.

    Raises ``template_resource_invalid`` naming the file on unreadable JSON, a body the model
    rejects, a body with structural problems, or a code that another file already uses.
    """
    bodies: list[TemplateBody] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            body = TemplateBody.model_validate_json(path.read_bytes())
        except OSError as error:
            raise _resource_error(path, error.strerror or str(error)) from None
        except pydantic.ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise _resource_error(path, f"{where}: {first['msg']}" if where else first["msg"]) from None
        problems = validate_template(body)
        if problems:
            raise _resource_error(path, f"{problems[0].code} at {problems[0].where}")
        if body.code in seen:
            raise _resource_error(path, f"code {body.code} is also used by {seen[body.code].name}")
        seen[body.code] = path
        bodies.append(body)
    return bodies


def _checked_month(month: str) -> str:
    month = month.strip()
    try:
        return check_month(month)
    except ValueError:
        raise ValidationError("month_format", month=month) from None


E = TypeVar("E", bound=Enum)
NEW_CODE_MAX = 24  # leaves room for item codes like {code}-12.34 within CODE_PATTERN's 32


def starter_body(
    code: str, title_zh: str, title_en: str, subject: SubjectKind, scheme: ScoringScheme, category: str
) -> TemplateBody:
    """A new template's first body: one section and one item, so that it is sound from the start."""
    item = TemplateItem(code=f"{code}-1.1", text_zh="新检查项目", text_en="New item")
    section = TemplateSection(code=f"{code}-1", title_zh="第一部分", title_en="Part 1", items=(item,))
    return TemplateBody(code=code, title_zh=title_zh, title_en=title_en, category=category, subject=subject,
                        scheme=scheme, sections=(section,))


def _enum_value(kind: type[E], value: object, field: str) -> E:
    try:
        return kind(value)
    except ValueError:
        raise ValidationError("invalid_value", field=field, value=str(value)) from None


def _snapshot(version: TemplateVersion) -> dict[str, Any]:
    """What the audit log keeps of a version: identity, state and a fingerprint of the body."""
    body_json = version.body.model_dump_json()
    return {
        "code": version.code,
        "version": version.version,
        "status": version.status.value,
        "effective_month": version.effective_month,
        "item_count": version.body.item_count,
        "body_sha256": hashlib.sha256(body_json.encode("utf-8")).hexdigest(),
    }


class TemplateService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- built-ins -------------------------------------------------------------------------
    def ensure_builtins(self, *, month: str | None = None) -> list[str]:
        """Load each bundled template whose code is not in the database yet; idempotent.

        A loaded built-in is version 1, published for the current month (or ``month``: the demo
        loads them for the first month it records visits in, since an inspection uses the version
        in force in the month it was observed), recorded as done by the system. Returns the codes loaded by this call (empty when all were already there).
        Raises ``template_resource_missing`` naming the file when a bundled template is not there.
        """
        for name in BUILTIN_TEMPLATE_FILES:
            if not (resources_dir() / name).is_file():
                raise NotFound("template_resource_missing", file=str(resources_dir() / name))
        bodies = load_builtin_bodies(builtin_templates_dir())
        if all(templates_repo.latest(self.ctx.db, body.code) is not None for body in bodies):
            return []
        month = _checked_month(month) if month is not None else self.ctx.clock().strftime("%Y-%m")
        loaded: list[str] = []
        with self.ctx.mutation():
            for body in bodies:
                # Checked again inside the write transaction: another process may have loaded it.
                if templates_repo.latest(self.ctx.db, body.code) is not None:
                    continue
                now = self.ctx.now_text()
                version_id = templates_repo.insert_version(
                    self.ctx.db, body, version=1, status=TemplateStatus.PUBLISHED, effective_month=month,
                    builtin=True, created_at=now, published_at=now, published_by=None,
                )
                self.ctx.record(None, "template.load_builtin", Entity.TEMPLATE, version_id,
                                after=_snapshot(self._get(version_id)))
                loaded.append(body.code)
        return loaded

    # --- reading -------------------------------------------------------------------------
    def list(self, actor: User, *, code: str | None = None) -> list[TemplateVersion]:
        """Every version (of ``code`` if given), ordered by code then version."""
        require(actor, Permission.VIEW_TEMPLATES)
        return templates_repo.list_versions(self.ctx.db, code=code)

    def get(self, actor: User, version_id: int) -> TemplateVersion:
        require(actor, Permission.VIEW_TEMPLATES)
        return self._get(version_id)

    def latest_published(self, actor: User, code: str) -> TemplateVersion:
        require(actor, Permission.VIEW_TEMPLATES)
        version = templates_repo.latest(self.ctx.db, code, TemplateStatus.PUBLISHED)
        if version is None:
            raise NotFound(entity="template", key=code)
        return version

    def in_force(self, actor: User, code: str, month: str) -> TemplateVersion:
        """The version of ``code`` an inspection observed in ``month`` uses: the latest published
        version whose effective month is not after ``month``. ``no_checklist_for_month`` when none
        covers it (a version published for a later month is never used before that month)."""
        require(actor, Permission.VIEW_TEMPLATES)
        month = _checked_month(month)
        version = templates_repo.in_force(self.ctx.db, code, month)
        if version is None:
            if templates_repo.latest(self.ctx.db, code) is None:
                raise NotFound(entity="template", key=code)
            raise NotFound("no_checklist_for_month", template=code, month=month)
        return version

    def versions_of(self, actor: User, code: str) -> list[TemplateVersion]:
        """Every version of ``code``, oldest first; ``not_found`` when the code has none."""
        require(actor, Permission.VIEW_TEMPLATES)
        versions = templates_repo.list_versions(self.ctx.db, code=code)
        if not versions:
            raise NotFound(entity="template", key=code)
        return versions

    def latest_draft(self, actor: User, code: str) -> TemplateVersion:
        """The highest-numbered draft of ``code``; ``template_no_draft`` when there is none."""
        require(actor, Permission.VIEW_TEMPLATES)
        if templates_repo.latest(self.ctx.db, code) is None:
            raise NotFound(entity="template", key=code)
        version = templates_repo.latest(self.ctx.db, code, TemplateStatus.DRAFT)
        if version is None:
            raise NotFound("template_no_draft", code=code)
        return version

    # --- writing ---------------------------------------------------------------------------
    def publish(self, actor: User, version_id: int, month: str) -> tuple[TemplateVersion, ChangeSet]:
        """Make a draft the version in force from ``month`` on; it can never change again."""
        require(actor, Permission.PUBLISH_TEMPLATES)
        month = _checked_month(month)
        with self.ctx.mutation():
            current = self._get(version_id)
            self._refuse_published(current)
            problems = validate_template(current.body)
            if problems:
                raise ValidationError(
                    "template_invalid", code=current.code, version=current.version, count=len(problems),
                    first=f"{problems[0].code} ({problems[0].where})",
                    problems=[problem.model_dump() for problem in problems],
                )
            templates_repo.mark_published(self.ctx.db, version_id, month, self.ctx.now_text(), actor.id)
            self.ctx.record(actor, "template.publish", Entity.TEMPLATE, version_id,
                            before=_snapshot(current), after=_snapshot(self._get(version_id)))
        return self._get(version_id), ChangeSet.of(Entity.TEMPLATE, version_id)

    def publish_latest_draft(self, actor: User, code: str, month: str) -> tuple[TemplateVersion, ChangeSet]:
        """``publish`` the highest-numbered draft of ``code`` (what ``templates publish`` does)."""
        require(actor, Permission.PUBLISH_TEMPLATES)
        _checked_month(month)
        return self.publish(actor, self.latest_draft(actor, code).id, month)

    def new_template(
        self, actor: User, *, code: str, title_zh: str, title_en: str = "", subject: SubjectKind,
        scheme: ScoringScheme = ScoringScheme.DEDUCTION, category: str = "",
    ) -> tuple[TemplateVersion, ChangeSet]:
        """Start a template of the office's own: draft version 1 with one section and one item."""
        require(actor, Permission.EDIT_TEMPLATES)
        code, title_zh = code.strip(), title_zh.strip()
        if not CODE_PATTERN.match(code) or len(code) > NEW_CODE_MAX:
            raise ValidationError("template_code_format", code=code, maximum=NEW_CODE_MAX)
        if not title_zh:
            raise ValidationError("template_title_empty", field="title_zh")
        subject = _enum_value(SubjectKind, subject, "subject")
        scheme = _enum_value(ScoringScheme, scheme, "scheme")
        body = starter_body(code, title_zh, title_en.strip(), subject, scheme, category.strip())
        with self.ctx.mutation():
            # Codes differing only in case would read as the same template on a printed notice.
            taken = next((c for c in templates_repo.codes(self.ctx.db) if c.casefold() == code.casefold()), None)
            if taken is not None:
                raise Conflict("template_code_taken", code=code, existing=taken)
            version_id = templates_repo.insert_version(
                self.ctx.db, body, version=1, status=TemplateStatus.DRAFT, effective_month=None,
                builtin=False, created_at=self.ctx.now_text(),
            )
            self.ctx.record(actor, "template.create", Entity.TEMPLATE, version_id,
                            after=_snapshot(self._get(version_id)))
        return self._get(version_id), ChangeSet.of(Entity.TEMPLATE, version_id)

    def copy_to_month(
        self, actor: User, code: str, month: str, *, from_version_id: int | None = None
    ) -> tuple[TemplateVersion, ChangeSet]:
        """Start a draft for ``month`` from a version of ``code`` (the latest unless
        ``from_version_id`` names another, published or not), with the next version number."""
        require(actor, Permission.EDIT_TEMPLATES)
        month = _checked_month(month)
        with self.ctx.mutation():
            if from_version_id is None:
                source = templates_repo.latest(self.ctx.db, code)
                if source is None:
                    raise NotFound(entity="template", key=code)
            else:
                source = self._get(from_version_id)
                if source.code != code:
                    raise ValidationError("template_code_mismatch", code=source.code, expected=code)
            number = templates_repo.next_version_number(self.ctx.db, code)
            version_id = templates_repo.insert_version(
                self.ctx.db, source.body, version=number, status=TemplateStatus.DRAFT, effective_month=month,
                builtin=False, created_at=self.ctx.now_text(),
            )
            self.ctx.record(actor, "template.copy", Entity.TEMPLATE, version_id,
                            before={"copied_from": source.id, "version": source.version},
                            after=_snapshot(self._get(version_id)))
        return self._get(version_id), ChangeSet.of(Entity.TEMPLATE, version_id)

    def delete_draft(self, actor: User, version_id: int) -> ChangeSet:
        """Throw away a draft nobody has used; a published version is kept forever."""
        require(actor, Permission.EDIT_TEMPLATES)
        with self.ctx.mutation():
            current = self._get(version_id)
            self._refuse_published(current)
            used = templates_repo.usage_count(self.ctx.db, version_id)
            if used:
                raise Conflict("template_in_use", code=current.code, version=current.version, count=used)
            templates_repo.delete_draft(self.ctx.db, version_id)
            self.ctx.record(actor, "template.delete_draft", Entity.TEMPLATE, version_id, before=_snapshot(current))
        return ChangeSet.of(Entity.TEMPLATE, version_id)

    def save_draft(
        self, actor: User, version_id: int, body: TemplateBody
    ) -> tuple[TemplateVersion, ChangeSet]:
        """Replace a draft's body. Structural problems are allowed here; ``publish`` refuses them."""
        require(actor, Permission.EDIT_TEMPLATES)
        with self.ctx.mutation():
            current = self._get(version_id)
            self._refuse_published(current)
            if body.code != current.code:
                raise ValidationError("template_code_mismatch", code=body.code, expected=current.code)
            if body == current.body:
                return current, ChangeSet()
            templates_repo.update_draft_body(self.ctx.db, version_id, body)
            self.ctx.record(actor, "template.save_draft", Entity.TEMPLATE, version_id,
                            before=_snapshot(current), after=_snapshot(self._get(version_id)))
        return self._get(version_id), ChangeSet.of(Entity.TEMPLATE, version_id)

    # --- helpers ---------------------------------------------------------------------------
    def _get(self, version_id: int) -> TemplateVersion:
        version = templates_repo.get_version(self.ctx.db, version_id)
        if version is None:
            raise NotFound(entity="template", key=str(version_id))
        return version

    @staticmethod
    def _refuse_published(version: TemplateVersion) -> None:
        if version.status is TemplateStatus.PUBLISHED:
            raise Conflict("template_published", code=version.code, version=version.version,
                           month=version.effective_month or "")
