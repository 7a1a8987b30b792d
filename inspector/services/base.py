"""What every service shares: the database, the data folder, a clock, and the audit helper.

``mutation()`` is the one way services write: it opens the write transaction, and ``record()``
appends the audit entry inside it, so a change and its audit entry commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlite_utils

from inspector.domain.audit import canonical_json
from inspector.domain.changes import Entity
from inspector.domain.users import User
from inspector.paths import DataPaths
from inspector.storage import audit_repo, row_facts
from inspector.storage.transaction import write_transaction

SYSTEM_ACTOR = "system"


def local_now() -> datetime:
    """Wall-clock time with the local offset, to the second (what a supervisor reads)."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass
class ServiceContext:
    db: sqlite_utils.Database
    paths: DataPaths
    clock: Callable[[], datetime] = field(default=local_now)

    def __post_init__(self) -> None:
        # Row facts (#12.8): the connection notes what it changes from its first write on, even a
        # write made outside ``mutation()`` (its facts then go on the next entry).
        row_facts.ensure_capture(self.db)

    def now_text(self) -> str:
        return self.clock().isoformat()

    @contextmanager
    def mutation(self) -> Iterator[sqlite_utils.Database]:
        with write_transaction(self.db) as db:
            yield db

    def record(
        self,
        actor: User | None,
        action: str,
        entity: Entity | str,
        entity_id: int | None,
        *,
        before: Any = None,
        after: Any = None,
    ) -> None:
        """Append an audit entry; call inside ``mutation()``."""
        audit_repo.append(
            self.db,
            at=self.now_text(),
            actor_id=actor.id if actor else None,
            actor=actor.username if actor else SYSTEM_ACTOR,
            action=action,
            entity=str(entity),
            entity_id=entity_id,
            before="" if before is None else canonical_json(before),
            after="" if after is None else canonical_json(after),
        )
