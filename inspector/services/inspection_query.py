"""The inspections list as a use case: who may see which rows, then the storage query.

Any signed-in user may list inspections; covert visits appear only to their author and to those
with ``Permission.VIEW_ALL_COVERT`` (the storage query applies the rule in SQL). An inactive
account sees nothing. Reading changes nothing, so no method returns a ``ChangeSet``.
"""

from __future__ import annotations

from inspector.domain.inspection_query import (
    EmptyListing, InspectionFilter, InspectionListing, InspectionRow, InspectionSort,
)
from inspector.domain.users import Permission, User
from inspector.services.base import ServiceContext
from inspector.storage import inspections_query
from inspector.storage.inspections_listing import InspectionsListing


class InspectionQueryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def listing(self, actor: User, flt: InspectionFilter, sort: InspectionSort | None = None) -> InspectionListing:
        """The list ``actor`` may see through ``flt`` in ``sort`` order, as a window: its count and
        any page by position, without reading every id (the list page's model reads it)."""
        if not actor.active:
            return EmptyListing()
        return InspectionsListing(self.ctx.db, flt, sort or InspectionSort(), viewer_id=actor.id,
                                  sees_all_covert=actor.can(Permission.VIEW_ALL_COVERT))

    def ids(self, actor: User, flt: InspectionFilter, sort: InspectionSort | None = None) -> list[int]:
        """Every inspection id ``actor`` may see that passes ``flt``, in ``sort`` order (exports)."""
        if not actor.active:
            return []
        return inspections_query.ids(self.ctx.db, flt, sort or InspectionSort(), viewer_id=actor.id,
                                     sees_all_covert=actor.can(Permission.VIEW_ALL_COVERT))

    def count(self, actor: User, flt: InspectionFilter | None = None) -> int:
        if not actor.active:
            return 0
        return inspections_query.count(self.ctx.db, flt or InspectionFilter(), viewer_id=actor.id,
                                       sees_all_covert=actor.can(Permission.VIEW_ALL_COVERT))

    def search(
        self, actor: User, flt: InspectionFilter, sort: InspectionSort | None = None, *, limit: int = 200,
        offset: int = 0,
    ) -> list[InspectionRow]:
        """One page of rows (for the CLI and exports; the list page goes through ``listing``)."""
        if not actor.active:
            return []
        return inspections_query.search(self.ctx.db, flt, sort or InspectionSort(), viewer_id=actor.id,
                                        sees_all_covert=actor.can(Permission.VIEW_ALL_COVERT),
                                        limit=limit, offset=offset)
