"""Template versions parsed once, not once per answer (#18.2).

A published version can never change: the triggers of migration 0002 refuse any UPDATE or DELETE
of its row. So once an inspection has read its version, the parsed body — and the items that
apply to each staff role — can be kept and handed to every later answer of that inspection (and
of every other inspection on the same version). ``PublishedTemplates`` keeps the most recently
used ones, a bounded number, keyed by the version's row id *and* its code and number as the
inspection row reads them (so a database put back by a restore under the same context cannot be
answered from another file's version). A version that is not published (a draft, which no
inspection can start on) is read and parsed every time, never kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from types import MappingProxyType
from typing import Generic, TypeVar

from inspector.domain.errors import NotFound
from inspector.domain.registry import StaffRole
from inspector.domain.scoring import applicable_items
from inspector.domain.templates import TemplateItem, TemplateStatus, TemplateVersion
from inspector.services.base import ServiceContext
from inspector.storage import templates_repo

K = TypeVar("K")
V = TypeVar("V")

VersionKey = tuple[int, str, int]  # row id, code, version number


class _Recent(Generic[K, V]):
    """At most ``size`` entries; the least recently used goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class PublishedTemplates:
    """The parsed published versions the inspections use, and their applicable items by role."""

    def __init__(self, ctx: ServiceContext, size: int = 32) -> None:
        self.ctx = ctx
        self._versions: _Recent[VersionKey, TemplateVersion] = _Recent(size)
        self._applicable: _Recent[tuple[VersionKey, StaffRole | None], Mapping[str, TemplateItem]] = _Recent(size * 2)

    def __len__(self) -> int:
        """How many parsed versions are kept."""
        return len(self._versions)

    def version(self, version_id: int, *, code: str, version: int) -> TemplateVersion:
        """Template version ``version_id`` (``code`` v``version``, as the inspection row names it)."""
        key = (version_id, code, version)
        kept = self._versions.get(key)
        if kept is not None:
            return kept
        template = templates_repo.get_version(self.ctx.db, version_id)
        if template is None:  # the foreign key makes this unreachable short of a damaged file
            raise NotFound(entity="template_version", key=str(version_id))
        if template.status is TemplateStatus.PUBLISHED and (template.code, template.version) == (code, version):
            self._versions.put(key, template)
        return template

    def by_id(self, version_id: int) -> TemplateVersion | None:
        """Template version ``version_id`` as its own row names it; None when there is none."""
        name = templates_repo.name_of(self.ctx.db, version_id)
        return None if name is None else self.version(version_id, code=name[0], version=name[1])

    def applicable(self, template: TemplateVersion, staff_role: StaffRole | None) -> Mapping[str, TemplateItem]:
        """Item code → item, of the items of ``template`` that apply to ``staff_role``, in order."""
        key = ((template.id, template.code, template.version), staff_role)
        kept = self._applicable.get(key)
        if kept is not None:
            return kept
        items = MappingProxyType({item.code: item for _, item in applicable_items(template.body,
                                                                                 staff_role=staff_role)})
        if template.status is TemplateStatus.PUBLISHED:
            self._applicable.put(key, items)
        return items
