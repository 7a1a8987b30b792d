"""``check`` on what an issued notice says (issue #12.7): the stored document must still hash to
the content hash printed in its QR code, the columns that repeat it (deadline, year, covert …)
and its problem rows must say the same, and the audit entry written when it was issued must
name the same content and PDF hashes.

Triggers keep an issued notice from changing, but a local administrator can drop a trigger,
edit the row in SQLite and put the trigger back; the triggers themselves are compared with the
migrations (``schema_check``), and this finds the edit. Rewriting the document *and* its hash
still leaves the audit entry of the issue (hash-chained) saying otherwise.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError as PydanticError

from inspector.domain.notice_document import NoticeDocument
from inspector.services.base import ServiceContext
from inspector.storage import audit_repo, notices_repo


def _expected_columns(document: NoticeDocument) -> dict[str, Any]:
    """What each repeated column must hold for this document, in the column's stored form."""
    return {
        "number": document.number, "year": document.issued_on.year, "covert": int(document.covert),
        "working_days": document.working_days, "deadline": document.deadline.isoformat(),
        "followup_date": document.followup_date.isoformat(),
        "deadline_estimated": int(document.deadline_estimated), "addressee_unit": document.addressee_unit,
        "addressee": document.addressee_head, "content_sha256": document.content_sha256,
    }


class NoticeContentCheck:
    """Recomputes every issued notice's content hash and compares what repeats it."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def problems(self) -> tuple[int, list[str]]:
        """(notices checked, problems), each problem naming its notice's number."""
        issued = self._issue_entries()
        rows = notices_repo.issued_rows(self.ctx.db)
        problems: list[str] = []
        for row in rows:
            problems += [f"notice {row['number']}: {line}" for line in self._row_problems(row, issued.get(row["id"]))]
        return len(rows), problems

    def _issue_entries(self) -> dict[int, dict[str, Any]]:
        """The audit entry of each notice's issue here (``notice.issue``) or of its arrival from the
        office in an exchange file (``notice.receive``) — its ``after`` — by notice id."""
        entries: dict[int, dict[str, Any]] = {}
        records = [*audit_repo.with_action(self.ctx.db, "notice.issue"),
                   *audit_repo.with_action(self.ctx.db, "notice.receive")]
        for record in records:
            try:
                after = json.loads(record.after)
            except ValueError:
                after = {}
            if record.entity_id is not None and isinstance(after, dict):
                entries.setdefault(record.entity_id, after)
        return entries

    def _row_problems(self, row: dict[str, Any], issue_entry: dict[str, Any] | None) -> list[str]:
        try:
            document = NoticeDocument.model_validate_json(row["document"])
        except (PydanticError, ValueError, TypeError) as error:
            first = str(error).splitlines()[0]
            return [f"its stored document no longer reads as a notice ({first}): it was edited outside the app"]
        lines = []
        recomputed = document.content_hash()
        if recomputed != document.content_sha256:
            lines.append("its stored document was changed after issue: it no longer hashes to the content hash"
                         f" printed in its QR code ({document.content_sha256[:12]}…, now {recomputed[:12]}…)")
        for column, expected in _expected_columns(document).items():
            if row[column] != expected:
                lines.append(f"the {column} stored with it ({row[column]}) differs from the notice as issued"
                             f" ({expected})")
        lines += self._item_problems(row["id"], document)
        if issue_entry is None:
            lines.append("no audit entry records its issue (the audit trail lost it, or the notice was added by hand)")
        else:
            for key in ("content_sha256", "pdf_sha256", "deadline"):
                if key in issue_entry and issue_entry[key] != row[key]:
                    lines.append(f"its {key} ({row[key]}) differs from the one the audit trail recorded when it was"
                                 f" issued ({issue_entry[key]})")
        return lines

    def _item_problems(self, notice_id: int, document: NoticeDocument) -> list[str]:
        stored = notices_repo.items(self.ctx.db, notice_id)
        if len(stored) != len(document.items):
            return [f"it has {len(stored)} problem rows, the notice as issued lists {len(document.items)}"]
        lines = []
        for item, printed in zip(stored, document.items, strict=True):
            if (item.position, item.item_code, item.problem, item.measure, item.severity, item.recurred) != (
                    printed.index, printed.item_code, printed.problem, printed.measure, printed.severity,
                    printed.recurred):
                lines.append(f"problem row {item.position} ({item.item_code}) differs from the notice as issued")
        return lines
