"""0018_report_summaries: per-month summaries of the completed inspections, so that a month's report
reads that month's few thousand summary rows instead of a range of the inspections, answers and
findings tables (whose rows of one month are spread over the whole file as laptops send them in).

- ``report_unit_months`` (month, unit, mode): completed inspections; of them the scored ones (a
  score, a maximum above 0, not a walk-around) with the sums of score and of score / maximum; and
  the answers other than n/a and the passed ones. ``unit_id`` 0 stands for an inspection with no
  unit.
- ``report_staff_months`` (month, unit, responsible staff member): the scored inspections and
  their sums, for the staff ranking.
- ``report_finding_months`` (month, unit, template version, section, item, severity): findings.
- ``report_subject_months`` (kind, subject id, month): how many completed inspections were about
  the subject — its own, a staff member's as the responsible person, a unit's as the
  responsible unit (the coverage's definition of "inspected").

``month`` is the first seven characters of the stored ``observed_at`` ("2026-11"), which is
what the reports' text windows ("2026-11-01" ≤ observed_at < "2026-12-01") compare.

Triggers keep them in the transaction of every write, whoever makes it (completion, reopening,
the exchange import of a laptop's inspections, a revision replacing one): a completed
inspection's contribution is added when it becomes completed (or is inserted so), taken away with
its old values when it changes or stops being completed, and its answers' and findings' rows
follow them while it is completed. A draft's answers cost one look-up of their inspection.
Counts are exact; the sums are the floating-point sums of the same values. Rows left at zero are
kept (readers skip them). ``inspector-cli check`` compares them with a recomputation.

The tables are filled from the existing rows here.

Three indexes let the month's notice queries range over the month instead of every notice ever
issued: ``notices_issued`` (issued_at), ``notice_state_updated`` (updated_at) and
``notice_state_closed`` (status, closed_at).

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0018_report_summaries"

_TABLES = """
CREATE TABLE report_unit_months (
    month TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    mode TEXT NOT NULL,
    inspections INTEGER NOT NULL DEFAULT 0,
    scored INTEGER NOT NULL DEFAULT 0,
    score_sum REAL NOT NULL DEFAULT 0,
    rate_sum REAL NOT NULL DEFAULT 0,
    items_checked INTEGER NOT NULL DEFAULT 0,
    items_passed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit_id, mode)
) WITHOUT ROWID;
CREATE TABLE report_staff_months (
    month TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    staff_id INTEGER NOT NULL,
    scored INTEGER NOT NULL DEFAULT 0,
    score_sum REAL NOT NULL DEFAULT 0,
    rate_sum REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit_id, staff_id)
) WITHOUT ROWID;
CREATE TABLE report_finding_months (
    month TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    template_version_id INTEGER NOT NULL,
    section_code TEXT NOT NULL,
    item_code TEXT NOT NULL,
    severity TEXT NOT NULL,
    findings INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit_id, template_version_id, section_code, item_code, severity)
) WITHOUT ROWID;
CREATE TABLE report_subject_months (
    kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    inspections INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, subject_id, month)
) WITHOUT ROWID;
"""

_SCORED = "({x}.score IS NOT NULL AND {x}.mode != 'walkaround' AND {x}.max_score > 0)"


def _inspection_statements(x: str, sign: str, when: str) -> str:
    """The upserts adding (``sign`` 1) or taking away (-1) the whole contribution of the inspection
    row ``x`` (NEW or OLD), its answers and findings included, when ``when`` holds."""
    scored = _SCORED.format(x=x)
    month = f"substr({x}.observed_at, 1, 7)"
    return f"""
    INSERT INTO report_unit_months (month, unit_id, mode, inspections, scored, score_sum, rate_sum,
        items_checked, items_passed)
    SELECT {month}, COALESCE({x}.unit_id, 0), {x}.mode, {sign},
        CASE WHEN {scored} THEN {sign} ELSE 0 END,
        CASE WHEN {scored} THEN {sign} * {x}.score ELSE 0 END,
        CASE WHEN {scored} THEN {sign} * {x}.score / {x}.max_score ELSE 0 END,
        {sign} * (SELECT COALESCE(SUM(a.result != 'na'), 0) FROM answers a WHERE a.inspection_id = {x}.id),
        {sign} * (SELECT COALESCE(SUM(a.result = 'pass'), 0) FROM answers a WHERE a.inspection_id = {x}.id)
    WHERE {when}
    ON CONFLICT (month, unit_id, mode) DO UPDATE SET inspections = inspections + excluded.inspections,
        scored = scored + excluded.scored, score_sum = score_sum + excluded.score_sum,
        rate_sum = rate_sum + excluded.rate_sum, items_checked = items_checked + excluded.items_checked,
        items_passed = items_passed + excluded.items_passed;
    INSERT INTO report_staff_months (month, unit_id, staff_id, scored, score_sum, rate_sum)
    SELECT {month}, COALESCE({x}.unit_id, 0), {x}.responsible_staff_id, {sign}, {sign} * {x}.score,
        {sign} * {x}.score / {x}.max_score
    WHERE {when} AND {scored} AND {x}.responsible_staff_id IS NOT NULL
    ON CONFLICT (month, unit_id, staff_id) DO UPDATE SET scored = scored + excluded.scored,
        score_sum = score_sum + excluded.score_sum, rate_sum = rate_sum + excluded.rate_sum;
    INSERT INTO report_finding_months (month, unit_id, template_version_id, section_code, item_code, severity,
        findings)
    SELECT {month}, COALESCE({x}.unit_id, 0), {x}.template_version_id, f.section_code, f.item_code, f.severity,
        {sign} * COUNT(*)
    FROM findings f WHERE {when} AND f.inspection_id = {x}.id GROUP BY f.section_code, f.item_code, f.severity
    ON CONFLICT (month, unit_id, template_version_id, section_code, item_code, severity)
        DO UPDATE SET findings = findings + excluded.findings;
    INSERT INTO report_subject_months (kind, subject_id, month, inspections)
    SELECT s.kind, s.id, {month}, {sign}
    FROM (SELECT {x}.subject_kind AS kind, {x}.subject_id AS id UNION ALL SELECT 'staff', {x}.responsible_staff_id
          UNION ALL SELECT 'unit', {x}.unit_id) s
    WHERE {when} AND s.id IS NOT NULL
    ON CONFLICT (kind, subject_id, month) DO UPDATE SET inspections = inspections + excluded.inspections;
    """


def _answer_statement(x: str, sign: str) -> str:
    """The upsert adding or taking away one answer row ``x`` while its inspection is completed."""
    return f"""
    INSERT INTO report_unit_months (month, unit_id, mode, items_checked, items_passed)
    SELECT substr(i.observed_at, 1, 7), COALESCE(i.unit_id, 0), i.mode, {sign} * ({x}.result != 'na'),
        {sign} * ({x}.result = 'pass')
    FROM inspections i WHERE i.id = {x}.inspection_id AND i.status = 'completed'
    ON CONFLICT (month, unit_id, mode) DO UPDATE SET items_checked = items_checked + excluded.items_checked,
        items_passed = items_passed + excluded.items_passed;
    """


def _finding_statement(x: str, sign: str) -> str:
    """The upsert adding or taking away one finding row ``x`` while its inspection is completed."""
    return f"""
    INSERT INTO report_finding_months (month, unit_id, template_version_id, section_code, item_code, severity,
        findings)
    SELECT substr(i.observed_at, 1, 7), COALESCE(i.unit_id, 0), i.template_version_id, {x}.section_code,
        {x}.item_code, {x}.severity, {sign}
    FROM inspections i WHERE i.id = {x}.inspection_id AND i.status = 'completed'
    ON CONFLICT (month, unit_id, template_version_id, section_code, item_code, severity)
        DO UPDATE SET findings = findings + excluded.findings;
    """


_PARENT_COMPLETED = "(SELECT status FROM inspections WHERE id = {x}.inspection_id) = 'completed'"
_INSPECTION_COLUMNS = ("status, observed_at, unit_id, responsible_staff_id, mode, score, max_score, subject_kind,"
                       " subject_id, template_version_id")


def _triggers() -> str:
    old_done, new_done = "OLD.status = 'completed'", "NEW.status = 'completed'"
    return f"""
CREATE TRIGGER report_inspection_inserted AFTER INSERT ON inspections WHEN {new_done}
BEGIN {_inspection_statements("NEW", "1", "1")} END;
CREATE TRIGGER report_inspection_changed AFTER UPDATE OF {_INSPECTION_COLUMNS} ON inspections
    WHEN {old_done} OR {new_done}
BEGIN {_inspection_statements("OLD", "-1", old_done)} {_inspection_statements("NEW", "1", new_done)} END;
CREATE TRIGGER report_inspection_deleted BEFORE DELETE ON inspections WHEN {old_done}
BEGIN {_inspection_statements("OLD", "-1", "1")} END;
CREATE TRIGGER report_answer_inserted AFTER INSERT ON answers WHEN {_PARENT_COMPLETED.format(x="NEW")}
BEGIN {_answer_statement("NEW", "1")} END;
CREATE TRIGGER report_answer_changed AFTER UPDATE OF inspection_id, result ON answers
    WHEN {_PARENT_COMPLETED.format(x="OLD")} OR {_PARENT_COMPLETED.format(x="NEW")}
BEGIN {_answer_statement("OLD", "-1")} {_answer_statement("NEW", "1")} END;
CREATE TRIGGER report_answer_deleted AFTER DELETE ON answers WHEN {_PARENT_COMPLETED.format(x="OLD")}
BEGIN {_answer_statement("OLD", "-1")} END;
CREATE TRIGGER report_finding_inserted AFTER INSERT ON findings WHEN {_PARENT_COMPLETED.format(x="NEW")}
BEGIN {_finding_statement("NEW", "1")} END;
CREATE TRIGGER report_finding_changed AFTER UPDATE OF inspection_id, section_code, item_code, severity ON findings
    WHEN {_PARENT_COMPLETED.format(x="OLD")} OR {_PARENT_COMPLETED.format(x="NEW")}
BEGIN {_finding_statement("OLD", "-1")} {_finding_statement("NEW", "1")} END;
CREATE TRIGGER report_finding_deleted AFTER DELETE ON findings WHEN {_PARENT_COMPLETED.format(x="OLD")}
BEGIN {_finding_statement("OLD", "-1")} END;
"""


# The fill from existing rows (the same sums the triggers keep, computed at once).
_FILL = f"""
INSERT INTO report_unit_months (month, unit_id, mode, inspections, scored, score_sum, rate_sum, items_checked,
    items_passed)
SELECT substr(i.observed_at, 1, 7), COALESCE(i.unit_id, 0), i.mode, COUNT(*),
    COALESCE(SUM({_SCORED.format(x="i")}), 0),
    COALESCE(SUM(CASE WHEN {_SCORED.format(x="i")} THEN i.score END), 0),
    COALESCE(SUM(CASE WHEN {_SCORED.format(x="i")} THEN i.score / i.max_score END), 0),
    COALESCE(SUM(a.checked), 0), COALESCE(SUM(a.passed), 0)
FROM inspections i LEFT JOIN (SELECT inspection_id, SUM(result != 'na') AS checked, SUM(result = 'pass') AS passed
    FROM answers GROUP BY inspection_id) a ON a.inspection_id = i.id
WHERE i.status = 'completed' GROUP BY 1, 2, 3;
INSERT INTO report_staff_months (month, unit_id, staff_id, scored, score_sum, rate_sum)
SELECT substr(i.observed_at, 1, 7), COALESCE(i.unit_id, 0), i.responsible_staff_id, COUNT(*), SUM(i.score),
    SUM(i.score / i.max_score)
FROM inspections i WHERE i.status = 'completed' AND {_SCORED.format(x="i")} AND i.responsible_staff_id IS NOT NULL
GROUP BY 1, 2, 3;
INSERT INTO report_finding_months (month, unit_id, template_version_id, section_code, item_code, severity, findings)
SELECT substr(i.observed_at, 1, 7), COALESCE(i.unit_id, 0), i.template_version_id, f.section_code, f.item_code,
    f.severity, COUNT(*)
FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE i.status = 'completed'
GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO report_subject_months (kind, subject_id, month, inspections)
SELECT kind, id, month, COUNT(*) FROM (
    SELECT subject_kind AS kind, subject_id AS id, substr(observed_at, 1, 7) AS month FROM inspections
    WHERE status = 'completed'
    UNION ALL SELECT 'staff', responsible_staff_id, substr(observed_at, 1, 7) FROM inspections
    WHERE status = 'completed' AND responsible_staff_id IS NOT NULL
    UNION ALL SELECT 'unit', unit_id, substr(observed_at, 1, 7) FROM inspections
    WHERE status = 'completed' AND unit_id IS NOT NULL)
GROUP BY 1, 2, 3;
"""


_INDEXES = """
CREATE INDEX notices_issued ON notices (issued_at);
CREATE INDEX notice_state_updated ON notice_state (updated_at);
CREATE INDEX notice_state_closed ON notice_state (status, closed_at);
"""


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(db, _TABLES)
    run_statements(db, _INDEXES)
    run_statements(db, _FILL)
    run_statements(db, _triggers())
