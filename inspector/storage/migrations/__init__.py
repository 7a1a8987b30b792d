"""The schema's migrations: one file per migration (``mNNNN_name.py`` with ``NAME`` and
``migrate(db)``), registered here in order on ``MIGRATIONS`` (sqlite-utils).

NEVER edit a migration after it has landed: add a new file and append it to ``ORDER``. The name
stored in the database is ``NAME``; tests keep a fixture database per released schema
(tests/fixtures/schema_NNNN.db) and upgrade each.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from inspector.storage.migrations import (
    m0001_core,
    m0002_templates_inspections,
    m0003_photos_findings,
    m0004_inspection_list_indexes,
    m0005_notices,
    m0006_responsible_staff_index,
    m0007_report_remarks,
    m0008_office_seal,
    m0009_identities,
    m0010_inspection_acknowledgement,
    m0011_complaints,
    m0012_sign_in_failures,
    m0013_registry_history,
    m0014_inspection_sort_indexes,
    m0015_comment_books,
    m0016_hub,
    m0017_audit_row_facts,
    m0018_report_summaries,
)

ORDER = (
    m0001_core,
    m0002_templates_inspections,
    m0003_photos_findings,
    m0004_inspection_list_indexes,
    m0005_notices,
    m0006_responsible_staff_index,
    m0007_report_remarks,
    m0008_office_seal,
    m0009_identities,
    m0010_inspection_acknowledgement,
    m0011_complaints,
    m0012_sign_in_failures,
    m0013_registry_history,
    m0014_inspection_sort_indexes,
    m0015_comment_books,
    m0016_hub,
    m0017_audit_row_facts,
    m0018_report_summaries,
)

MIGRATIONS = Migrations("inspector")
for _migration in ORDER:
    MIGRATIONS(name=_migration.NAME)(_migration.migrate)
