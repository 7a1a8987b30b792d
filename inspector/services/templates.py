"""Checklist templates: loading the built-ins, listing versions, drafting and publishing.

A version is a draft until the quality office publishes it for a month; from then on it is
immutable (the service refuses, and a database trigger backs that up). Next month's changes start
as a copy of the latest version with the next version number, edited as a draft, then published.
Everyone signed in may read templates; editing and publishing need their own permissions.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pydantic

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import Conflict, NotFound, ValidationError
from inspector.domain.templates import (
    TemplateBody,
    TemplateStatus,
    TemplateVersion,
    check_month,
    validate_template,
)
from inspector.domain.users import Permission, User, require
from inspector.paths import resources_dir
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
    def ensure_builtins(self) -> list[str]:
        """Load each bundled template whose code is not in the database yet; idempotent.

        A loaded built-in is version 1, published for the current month, recorded as done by the
        system. Returns the codes loaded by this call (empty when all were already there).
        """
        bodies = load_builtin_bodies(builtin_templates_dir())
        if all(templates_repo.latest(self.ctx.db, body.code) is not None for body in bodies):
            return []
        month = self.ctx.clock().strftime("%Y-%m")
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

    def copy_to_month(self, actor: User, code: str, month: str) -> tuple[TemplateVersion, ChangeSet]:
        """Start a draft for ``month`` from the latest version of ``code`` (next version number)."""
        require(actor, Permission.EDIT_TEMPLATES)
        month = _checked_month(month)
        with self.ctx.mutation():
            source = templates_repo.latest(self.ctx.db, code)
            if source is None:
                raise NotFound(entity="template", key=code)
            number = templates_repo.next_version_number(self.ctx.db, code)
            version_id = templates_repo.insert_version(
                self.ctx.db, source.body, version=number, status=TemplateStatus.DRAFT, effective_month=month,
                builtin=False, created_at=self.ctx.now_text(),
            )
            self.ctx.record(actor, "template.copy", Entity.TEMPLATE, version_id,
                            before={"copied_from": source.id, "version": source.version},
                            after=_snapshot(self._get(version_id)))
        return self._get(version_id), ChangeSet.of(Entity.TEMPLATE, version_id)

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
