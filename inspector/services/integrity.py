"""``inspector-cli check``: is the database sound and the audit chain unbroken?

Later issues add the photo store (orphans, missing files, hash mismatches) to the same report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector.domain.audit import verify_chain
from inspector.services.base import ServiceContext
from inspector.storage import audit_repo
from inspector.storage.database import integrity_problems, missing_triggers


@dataclass
class CheckReport:
    database: list[str] = field(default_factory=list)
    audit: list[str] = field(default_factory=list)
    audit_entries: int = 0

    @property
    def ok(self) -> bool:
        return not (self.database or self.audit)

    def lines(self) -> list[str]:
        out = [f"database: {'ok' if not self.database else 'PROBLEMS'}"]
        out += [f"  {line}" for line in self.database]
        out.append(f"audit trail: {self.audit_entries} entries, {'intact' if not self.audit else 'BROKEN'}")
        out += [f"  {line}" for line in self.audit]
        return out


class IntegrityService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def check(self) -> CheckReport:
        report = CheckReport(database=integrity_problems(self.ctx.db))
        for trigger in missing_triggers(self.ctx.db):
            report.database.append(f"protective trigger {trigger} is missing (was it dropped by hand?)")
        records = list(audit_repo.iter_records(self.ctx.db))
        report.audit_entries = len(records)
        for chain_break in verify_chain(records):
            what = "was altered" if chain_break.reason == "hash_mismatch" else "does not follow the entry before it (removed or reordered)"
            report.audit.append(f"audit entry {chain_break.entry_id} {what}")
        return report
