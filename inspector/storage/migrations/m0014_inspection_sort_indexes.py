"""0014_inspection_sort_indexes: One index per sortable column of the inspections list, so a page of
1 M inspections in any order is an index walk that stops after the page (issue #18.4).

Each index is (column, observed_at, id) — the list's order with its tie rule, newest first — and
carries ``mode`` and ``author_id``, the covert rule's columns, so a supervisor's page and the
per-value counts of the grouped sorts (status, unit, template, author) are read from the index
alone, without visiting each row. Ordering by observation time, and by mode (three values, all
in it), walks ``inspections_list`` (0004). The subject's index also carries the unit and the
template: it holds every column the free-text search compares, so counting a search reads that
index (about 70 bytes a row) rather than the table's rows. About 50 bytes per inspection per index.
``inspections_covert`` (mode, author) is small (about 15 bytes a row): a supervisor's count is
every row less others' covert visits, one range of it, and the mode sort counts its three values
from it.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0014_inspection_sort_indexes"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE INDEX inspections_by_score ON inspections(score, observed_at, id, mode, author_id);
        CREATE INDEX inspections_by_subject ON inspections(subject_label, observed_at, id, mode, author_id, unit_id,
            template_version_id);
        CREATE INDEX inspections_by_status ON inspections(status, observed_at, id, mode, author_id);
        CREATE INDEX inspections_by_unit ON inspections(unit_id, observed_at, id, mode, author_id);
        CREATE INDEX inspections_by_template ON inspections(template_version_id, observed_at, id, mode, author_id);
        CREATE INDEX inspections_by_author ON inspections(author_id, observed_at, id, mode);
        CREATE INDEX inspections_covert ON inspections(mode, author_id);
        """,
    )
