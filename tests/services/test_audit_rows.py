"""``check`` proves the current state from the audit (issue #12.8): every edit made outside the app
with sqlite3 — to a finding, an answer, an inspection, a user, a notice, a certificate — and every
cut of the audit log makes ``check`` fail naming the table and the row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.audit import verify_chain
from inspector.domain.inspections import InspectionMode
from inspector.domain.users import Role, User
from inspector.storage import audit_repo
from tests.conftest import PASSWORD
from tests.notice_world import NoticeWorld, completed_inspection, make_world


@contextmanager
def _raw(context: AppContext) -> Iterator[sqlite3.Connection]:
    """A plain connection to the same file: what someone editing it by hand uses (no TEMP capture)."""
    conn = sqlite3.connect(str(context.paths.database))
    try:
        with conn:
            yield conn
    finally:
        conn.close()


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    world = make_world(context, users, tmp_path)
    context.certificates.init_ca(world.office, PASSWORD)
    covert = completed_inspection(context, world, mode=InspectionMode.COVERT, seed=2)
    draft = context.notices.drafts(world.office, covert.id, every_open=True)[0]
    context.notices.issue(world.office, draft)
    completed_inspection(context, world, seed=3)
    return world


def _row_lines(context: AppContext) -> list[str]:
    report = context.integrity.check()
    assert not report.ok
    return report.rows


def test_a_world_made_by_the_app_checks_clean(context: AppContext, world: NoticeWorld) -> None:
    report = context.integrity.check()
    assert report.ok, report.lines()
    assert report.rows == [] and report.rows_checked > 30
    assert any(line.startswith(f"rows: {report.rows_checked} checked") for line in report.lines())


def _one(context: AppContext, sql: str) -> tuple:
    row = context.db.execute(sql).fetchone()
    assert row is not None, sql
    return tuple(row)


EDITS = {
    "finding note": ("findings", "SELECT id FROM findings LIMIT 1", "UPDATE findings SET note = '已整改' WHERE id = ?"),
    "answer result": ("answers", "SELECT inspection_id, item_code FROM answers WHERE result = 'fail' LIMIT 1",
                      "UPDATE answers SET result = 'pass' WHERE inspection_id = ? AND item_code = ?"),
    "covert to on-site": ("inspections", "SELECT id FROM inspections WHERE mode = 'covert'",
                          "UPDATE inspections SET mode = 'onsite' WHERE id = ?"),
    "author": ("inspections", "SELECT id FROM inspections LIMIT 1",
               "UPDATE inspections SET author_id = (SELECT MAX(id) FROM users) WHERE id = ?"),
    "score": ("inspections", "SELECT id FROM inspections WHERE score IS NOT NULL LIMIT 1",
              "UPDATE inspections SET score = 100 WHERE id = ?"),
    "role": ("users", "SELECT id FROM users WHERE role = 'supervisor' LIMIT 1",
             "UPDATE users SET role = 'admin' WHERE id = ?"),
    "notice state": ("notice_state", "SELECT notice_id FROM notice_state LIMIT 1",
                     "UPDATE notice_state SET status = 'closed' WHERE notice_id = ?"),
    "CA certificate": ("certificates", "SELECT id FROM certificates WHERE kind = 'ca'",
                       "UPDATE certificates SET cert_pem = replace(cert_pem, 'A', 'B') WHERE id = ?"),
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_an_edit_outside_the_app_fails_check_naming_the_row(context: AppContext, world: NoticeWorld,
                                                             edit: str) -> None:
    table, find, update = EDITS[edit]
    key = _one(context, find)
    with _raw(context) as conn:
        assert conn.execute(update, key).rowcount == 1
    lines = _row_lines(context)
    named = f"{table} {json.dumps(list(key), ensure_ascii=False, separators=(',', ':'))}: not what audit entry"
    assert any(line.startswith(named) and line.endswith("(changed outside Inspector)") for line in lines), lines
    assert verify_chain(audit_repo.iter_records(context.db)) == []  # the log itself is whole


def test_swapped_password_hashes_fail_check_naming_both_users(context: AppContext, world: NoticeWorld) -> None:
    hashes = dict(context.db.execute("SELECT id, password_hash FROM users").fetchall())
    assert hashes[world.sup.id] != hashes[world.admin.id]
    with _raw(context) as conn:
        for mine, theirs in ((world.sup.id, world.admin.id), (world.admin.id, world.sup.id)):
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", [hashes[theirs], mine])
    lines = _row_lines(context)
    assert any(line.startswith(f"users [{world.sup.id}]") for line in lines), lines
    assert any(line.startswith(f"users [{world.admin.id}]") for line in lines), lines


def test_a_row_inserted_or_deleted_by_hand_fails_check(context: AppContext, world: NoticeWorld) -> None:
    with _raw(context) as conn:
        conn.execute("DELETE FROM answer_photos")
        conn.execute("INSERT INTO settings (key, value) VALUES ('forged', '1')")
    lines = _row_lines(context)
    assert any(line.startswith("answer_photos [") and "deleted outside Inspector" in line for line in lines), lines
    assert any(line.startswith('settings ["forged"]') and "no audit entry" in line for line in lines), lines


@pytest.mark.parametrize("cut", ["tail", "all"])
def test_cutting_the_audit_log_fails_check(context: AppContext, world: NoticeWorld, cut: str) -> None:
    last = audit_repo.last_id(context.db)
    with _raw(context) as conn:
        conn.execute("DROP TRIGGER audit_entries_no_delete")
        conn.execute("DELETE FROM audit_entries WHERE id > ?", [last - 5 if cut == "tail" else 0])
        conn.execute("CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries\n"
                     "        BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END")
    report = context.integrity.check()
    assert not report.ok
    assert report.database == []  # the trigger was put back as it was: only the rows give it away
    assert report.rows, report.lines()
    assert any("CHANGED OUTSIDE INSPECTOR" in line for line in report.lines())


def test_the_check_lines_never_carry_a_rows_content(context: AppContext, world: NoticeWorld) -> None:
    with _raw(context) as conn:
        conn.execute("UPDATE findings SET note = '秘密暗访内容'")
    assert not any("秘密暗访内容" in line for line in context.integrity.check().lines())


def test_changes_the_app_makes_after_its_entry_are_still_covered(context: AppContext, world: NoticeWorld) -> None:
    from inspector.storage.transaction import write_transaction

    before = audit_repo.last_id(context.db)
    with write_transaction(context.db):  # a write with no service entry at all
        context.db.execute("INSERT INTO settings (key, value) VALUES ('written_by_app', '1')")
    entry = audit_repo.recent(context.db, limit=1)[0]
    assert entry.id == before + 1 and entry.action == audit_repo.ROWS_ACTION
    assert context.integrity.check().ok
