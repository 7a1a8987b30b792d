"""Anchors outside the database (issue #12.8): someone who rewrites the whole chain after editing
a row passes the local ``check`` (nothing in the file can tell), but not the comparison with a
signed checkpoint the office kept, nor with an exchange file this folder sent."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from inspector.context import AppContext
from inspector.domain.audit import compact_hash, parse_head, row_digest
from inspector.domain.inspections import InspectionMode
from inspector.domain.users import Role, User
from inspector.services.audit_anchors import AuditAnchors
from inspector.storage import audit_repo, row_facts
from tests.conftest import PASSWORD
from tests.notice_world import NoticeWorld, completed_inspection, make_world


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    world = make_world(context, users, tmp_path)
    context.certificates.init_ca(world.office, PASSWORD)
    context.certificates.issue(world.office, PASSWORD, world.office.username, PASSWORD)
    completed_inspection(context, world, mode=InspectionMode.COVERT, seed=2)
    return world


def _checkpoint(context: AppContext, world: NoticeWorld, folder: Path) -> Path:
    path = folder / "office-keeps" / "checkpoint.json"
    path.parent.mkdir()
    AuditAnchors(context.services).write_checkpoint(world.office, PASSWORD, path)
    return path


def _rewrite_from(conn: sqlite3.Connection, first: int) -> None:
    """What a careful forger does after editing: recompute every hash from entry ``first`` on."""
    conn.execute("DROP TRIGGER audit_entries_no_update")
    records = list(audit_repo.iter_records(sqlite_utils.Database(conn)))  # as the forger's connection sees them
    prev = records[0].prev_hash
    for record in records:
        if record.id >= first:
            digest = compact_hash(prev, record.at, record.actor_id, record.actor, record.action, record.entity,
                                  record.entity_id, record.before, record.after, record.rows or ())
            conn.execute("UPDATE audit_entries SET hash = ? WHERE id = ?", [bytes.fromhex(digest), record.id])
            prev = digest
        else:
            prev = record.hash
    conn.execute("CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries\n"
                 "        BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END")


def _forge_covert_as_onsite(context: AppContext) -> None:
    """covert → on-site in the row, in its last row fact, and the chain rehashed from there."""
    inspection_id = context.db.execute("SELECT id FROM inspections WHERE mode = 'covert'").fetchone()[0]
    key = f"[{inspection_id}]"
    last = max((r for r in audit_repo.iter_records(context.db)
                if r.rows and any(f.table == "inspections" and f.key == key for f in r.rows)), key=lambda r: r.id)
    conn = sqlite3.connect(str(context.paths.database))
    with conn:
        conn.execute("UPDATE inspections SET mode = 'onsite' WHERE id = ?", [inspection_id])
        cursor = conn.execute("SELECT * FROM inspections WHERE id = ?", [inspection_id])
        digest = row_digest("inspections", [d[0] for d in cursor.description], cursor.fetchone())
        codes = dict(conn.execute("SELECT name, code FROM audit_tables").fetchall())
        facts = [f if not (f.table == "inspections" and f.key == key) else type(f)(f.table, f.key, digest)
                 for f in last.rows or ()]
        conn.execute("DROP TRIGGER audit_entries_no_update")
        conn.execute("UPDATE audit_entries SET rows = ? WHERE id = ?", [row_facts.pack(facts, codes), last.id])
        conn.execute("CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries\n"
                     "        BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END")
        _rewrite_from(conn, last.id)
    conn.close()


def test_a_checkpoint_of_an_untouched_chain_compares_clean(context: AppContext, world: NoticeWorld,
                                                           tmp_path: Path) -> None:
    path = _checkpoint(context, world, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    entry, _ = parse_head(document["checkpoint"]["head"]) or (0, "")
    assert entry == audit_repo.last_id(context.db) - 1  # the checkpoint's own entry comes after it
    completed_inspection(context, world, seed=3)  # the chain grows on: the checkpoint still holds
    report = context.integrity.check(checkpoints=[path])
    assert report.ok, report.lines()
    assert report.anchors == [(f"checkpoint of {document['checkpoint']['created']} by {world.office.username}:"
                               f" the chain up to entry {entry} is the one it recorded")]


def test_a_rewritten_chain_passes_alone_but_not_against_the_checkpoint(context: AppContext, world: NoticeWorld,
                                                                       tmp_path: Path) -> None:
    path = _checkpoint(context, world, tmp_path)
    _forge_covert_as_onsite(context)
    alone = context.integrity.check()
    assert alone.ok, alone.lines()  # what a local admin with a script can hide from the file alone
    compared = context.integrity.check(checkpoints=[path])
    assert not compared.ok
    assert any("it was rewritten" in line for line in compared.anchor_problems), compared.lines()
    assert any("REWRITTEN" in line for line in compared.lines())


def test_a_chain_cut_below_the_checkpoint_fails(context: AppContext, world: NoticeWorld, tmp_path: Path) -> None:
    path = _checkpoint(context, world, tmp_path)
    conn = sqlite3.connect(str(context.paths.database))
    with conn:
        conn.execute("DROP TRIGGER audit_entries_no_delete")
        conn.execute("DELETE FROM audit_entries WHERE id > 3")
    conn.close()
    problems = context.integrity.check(checkpoints=[path]).anchor_problems
    assert any("is gone" in line for line in problems), problems


def test_a_forged_or_foreign_checkpoint_is_refused(context: AppContext, world: NoticeWorld, tmp_path: Path) -> None:
    path = _checkpoint(context, world, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["checkpoint"]["head"] = audit_repo.head(context.db)  # a head fitted to a rewritten chain
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(document), encoding="utf-8")
    junk = tmp_path / "junk.json"
    junk.write_text("not json", encoding="utf-8")
    report = context.integrity.check(checkpoints=[forged, junk, tmp_path / "missing.json"])
    assert not report.ok and len(report.anchor_problems) == 3, report.lines()
    assert all("not a checkpoint this database can be compared with" in line for line in report.anchor_problems)


def test_a_swapped_ca_certificate_fails_the_checkpoint(context: AppContext, world: NoticeWorld, tmp_path: Path) -> None:
    path = _checkpoint(context, world, tmp_path)
    conn = sqlite3.connect(str(context.paths.database))
    with conn:
        conn.execute("UPDATE certificates SET cert_pem = cert_pem || X'0a' WHERE kind = 'ca'")
    conn.close()
    report = context.integrity.check(checkpoints=[path])
    assert any(line.startswith("certificates [") for line in report.rows), report.lines()
    assert any("not the one it was made under" in line or "not a checkpoint" in line
               for line in report.anchor_problems), report.lines()


def test_only_the_quality_office_writes_checkpoints(context: AppContext, world: NoticeWorld, tmp_path: Path) -> None:
    from inspector.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        AuditAnchors(context.services).write_checkpoint(world.sup, PASSWORD, tmp_path / "c.json")
    assert not (tmp_path / "c.json").exists()
