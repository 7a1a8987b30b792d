"""Migration 0003 (photo rows, answer photos, the stored staff role): the schema-0002 fixture
upgrades keeping its rows, and the schema-0001 fixture still upgrades all the way."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from inspector.domain.inspections import AnswerResult, InspectionStatus
from inspector.storage import (
    findings_repo,
    inspections_repo,
    photos_repo,
    templates_repo,
)
from inspector.storage.database import (
    integrity_problems,
    known_migrations,
    open_database,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _open_copy(tmp_path: Path, name: str):
    path = tmp_path / "inspector.db"
    shutil.copyfile(FIXTURES / name, path)
    return open_database(path)


def test_schema_0002_fixture_upgrades_and_keeps_its_inspection(tmp_path: Path) -> None:
    opened = _open_copy(tmp_path, "schema_0002.db")
    try:
        assert opened.applied == tuple(known_migrations()[2:]) and opened.applied[0] == "0003_photos_findings"
        assert opened.backup is not None and opened.backup.exists()
        db = opened.db
        assert integrity_problems(db) == []
        inspection = inspections_repo.get(db, 1)
        assert inspection is not None and inspection.status is InspectionStatus.COMPLETED
        assert inspection.score == 95.0
        assert [(a.item_code, a.result, a.photo_ids) for a in inspection.answers] == [
            ("T7-1", AnswerResult.FAIL, ())]
        # the staff subject's role is filled in from the registry at upgrade time
        assert inspections_repo.stored_staff_role(db, 1) == "driver"
        assert inspections_repo.reopened_count(db, 1) == 0
        [finding] = findings_repo.list_for_inspection(db, 1)
        assert (finding.item_code, finding.unit_id, finding.responsible_staff_id) == ("T7-1", 1, 1)
        template = templates_repo.get_version(db, 1)
        assert template is not None and template.body.item("T7-1") is not None
        assert photos_repo.all_hashes(db) == set()
    finally:
        opened.db.close()


def test_answer_photos_need_an_answer_and_follow_it(tmp_path: Path) -> None:
    opened = _open_copy(tmp_path, "schema_0002.db")
    db = opened.db
    try:
        photo_id = photos_repo.insert(
            db, sha256="a" * 64, suffix=".jpg", original_name="x.jpg", mime="image/jpeg", width=4, height=3,
            taken_at=None, latitude=None, longitude=None, added_at="2025-03-02T09:00:00+08:00", added_by=1)
        assert photos_repo.insert(
            db, sha256="a" * 64, suffix=".jpg", original_name="again.jpg", mime="image/jpeg", width=4, height=3,
            taken_at=None, latitude=None, longitude=None, added_at="2025-03-02T09:00:00+08:00",
            added_by=1) == photo_id
        with pytest.raises(sqlite3.IntegrityError):
            photos_repo.attach(db, 1, "no-such-item", photo_id)
        photos_repo.attach(db, 1, "T7-1", photo_id)
        assert [p.sha256 for p in photos_repo.photos_of_answer(db, 1, "T7-1")] == ["a" * 64]
        db.execute("DELETE FROM answers WHERE inspection_id = 1")
        assert db.execute("SELECT count(*) FROM answer_photos").fetchone()[0] == 0
    finally:
        db.close()


def test_schema_0001_fixture_still_upgrades_all_the_way(tmp_path: Path) -> None:
    opened = _open_copy(tmp_path, "schema_0001.db")
    try:
        assert opened.applied == tuple(known_migrations()[1:])
        assert "0003_photos_findings" in opened.applied
        columns = {row[1] for row in opened.db.execute("PRAGMA table_info(inspections)").fetchall()}
        assert {"staff_role", "reopened_count"} <= columns
        assert integrity_problems(opened.db) == []
    finally:
        opened.db.close()
