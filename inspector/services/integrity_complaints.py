"""``check`` for the complaints register: where each case stands (``complaint_state``, the one
table of the register that is rewritten) must be what its intake and append-only events say.

The events are replayed with the limits in force today; the limits may have changed since, so the
deadlines are not compared — only the status, the round, the result, the opinion and the closing.
"""

from __future__ import annotations

from inspector.domain.complaints import StepRefused, replay
from inspector.services.base import ServiceContext
from inspector.services.settings import SettingsService
from inspector.storage import complaints as complaints_repo

COMPARED = ("status", "round", "liability", "opinion", "closed_at")


class ComplaintStateCheck:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def problems(self) -> tuple[int, list[str]]:
        """(cases checked, one line per case whose stored state its events do not give)."""
        settings = SettingsService(self.ctx).get()
        limits, overrides = settings.complaints, settings.calendar.overrides()
        rows = complaints_repo.list_rows(self.ctx.db, limit=10**9)
        problems = []
        for row in rows:
            events = complaints_repo.events(self.ctx.db, row.id)
            try:
                state = replay(row.intake, events, limits, overrides)
            except StepRefused as refused:
                problems.append(f"complaint {row.number}: its steps are out of order ({refused.code})")
                continue
            stored, replayed = row.state.model_dump(include=set(COMPARED)), state.model_dump(include=set(COMPARED))
            changed = [name for name in COMPARED if stored[name] != replayed[name]]
            if changed:
                problems.append(f"complaint {row.number}: where it stands ({', '.join(changed)}) is not what its"
                                f" steps say (was complaint_state edited by hand?)")
        return len(rows), problems
