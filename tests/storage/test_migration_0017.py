"""Migration 0017 (audit row facts, #12.8): a database made by an older build keeps its old
entries verifiable (old hashing), gets one baseline entry with the hash of every row, passes
``check`` — and from then on a row edited by hand fails it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.audit import verify_chain
from inspector.storage import audit_repo

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("fixture", ["schema_0001.db", "schema_0002.db"])
def test_an_old_database_migrates_and_passes_check_then_an_edit_fails(tmp_path: Path, fixture: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(FIXTURES / fixture, folder / "inspector.db")
    context = open_context(folder)
    try:
        records = list(audit_repo.iter_records(context.db))
        old = [record for record in records if record.rows is None]
        assert old and verify_chain(records) == []
        baseline = [record for record in records if record.action == audit_repo.BASELINE_ACTION]
        assert len(baseline) == 1 and baseline[0].prev_hash == old[-1].hash
        report = context.integrity.check()
        assert report.ok, report.lines()
        assert report.rows_checked == len(baseline[0].rows or ()) > 0
    finally:
        context.close()
    conn = sqlite3.connect(str(folder / "inspector.db"))
    with conn:
        conn.execute("UPDATE users SET display_name = display_name || '改'")
    conn.close()
    context = open_context(folder, existing=True)
    try:
        report = context.integrity.check()
        assert not report.ok and any(line.startswith("users [") for line in report.rows), report.lines()
    finally:
        context.close()


def test_a_big_baseline_is_cut_into_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_repo, "BASELINE_CHUNK", 3)
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "schema_0002.db", folder / "inspector.db")
    context = open_context(folder)
    try:
        parts = [record for record in audit_repo.iter_records(context.db)
                 if record.action == audit_repo.BASELINE_ACTION]
        assert len(parts) > 1 and all(len(part.rows or ()) <= 3 for part in parts)
        assert context.integrity.check().ok
    finally:
        context.close()


def test_a_second_open_records_no_second_baseline(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "schema_0001.db", folder / "inspector.db")
    open_context(folder).close()
    context = open_context(folder)
    try:
        actions = [record.action for record in audit_repo.iter_records(context.db)]
        assert actions.count(audit_repo.BASELINE_ACTION) == 1
    finally:
        context.close()
