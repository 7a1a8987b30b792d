"""``check``: every row's current content against what its last audit entry says (issue #12.8).

Each compact audit entry carries the facts of the rows its transaction changed (table, primary
key, hash of the content afterwards; ``domain.audit.RowFact``). Replaying them in order gives,
for every row the app wrote, the hash it must have now. A row edited with the sqlite3 shell (a
finding's note, an inspection's mode, a user's role, a swapped password hash or certificate),
a row inserted by hand, a row deleted by hand, and a log cut short or emptied (the rows its lost
entries wrote no longer match, or match nothing) all show here, by table and key. The lines name
tables and keys only, never a row's content (a covert visit's content stays out of the report).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from inspector.domain.audit import AuditRecord
from inspector.services.base import ServiceContext
from inspector.storage import row_facts

LINES_PER_KIND = 20  # per table and kind of problem; the rest are counted


@dataclass
class RowsReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)  # the tables with a problem


class RowStateCheck:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def problems(self, records: Iterable[AuditRecord]) -> RowsReport:
        """Compare every audited row with the last fact the (compact) entries give for it."""
        report = RowsReport()
        expected: dict[tuple[str, str], tuple[bytes | None, int]] = {}
        compact = False
        for record in records:
            if record.rows is None:
                continue
            compact = True
            for fact in record.rows:
                expected[(fact.table, fact.key)] = (fact.digest, record.id)
        untouched = {("device", "[1]")}  # all a new database holds before its first entry
        if not compact and not expected:
            current = list(row_facts.current(self.ctx.db))
            if {(table, key) for table, key, _ in current} <= untouched:
                report.checked = len(current)
                return report
        found: dict[tuple[str, str], list[str]] = {}
        for table, key, digest in row_facts.current(self.ctx.db):
            report.checked += 1
            fact = expected.pop((table, key), None)
            if fact is None or fact[0] is None:
                found.setdefault((table, "unrecorded"), []).append(
                    f"{table} {key}: no audit entry records this row (written outside Inspector,"
                    " or the entries that wrote it were removed from the audit log)")
            elif fact[0] != digest:
                found.setdefault((table, "changed"), []).append(
                    f"{table} {key}: not what audit entry {fact[1]} recorded (changed outside Inspector)")
        for (table, key), (digest, entry_id) in sorted(expected.items()):
            if digest is not None:
                found.setdefault((table, "deleted"), []).append(
                    f"{table} {key}: audit entry {entry_id} recorded it, but it is gone (deleted outside Inspector)")
        for (table, _kind), lines in sorted(found.items()):
            report.tables.add(table)
            report.problems += lines[:LINES_PER_KIND]
            if len(lines) > LINES_PER_KIND:
                report.problems.append(f"{table}: … and {len(lines) - LINES_PER_KIND} more rows like these")
        return report
