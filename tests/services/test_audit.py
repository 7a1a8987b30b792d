"""The audit trail: one entry per mutation, a verifiable hash chain, tampering found by ``check``,
and triggers that refuse UPDATE and DELETE.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from inspector.context import AppContext
from inspector.domain.audit import verify_chain
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role, User
from inspector.storage import audit_repo
from tests.conftest import PASSWORD


def _count(context: AppContext) -> int:
    return int(context.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


@contextmanager
def _raw(context: AppContext) -> Iterator[sqlite3.Connection]:
    """A second, plain connection to the same file: what someone editing the file by hand uses."""
    conn = sqlite3.connect(str(context.paths.database))
    try:
        yield conn
    finally:
        conn.close()


def _tamper(context: AppContext, sql: str, params: list, *, drop: str) -> None:
    with _raw(context) as conn, conn:
        conn.execute(f"DROP TRIGGER {drop}")
        conn.execute(sql, params)


@pytest.fixture
def history(context: AppContext, users: dict[Role, User]) -> list[int]:
    """A few audited changes; returns the ids of the audit entries, in order."""
    admin, office = users[Role.ADMIN], users[Role.QUALITY_OFFICE]
    unit, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
    context.registry.add(office, RegistryKind.VEHICLES, {"plate": "粤B12345", "fleet_no": "F1", "unit_id": unit.id})
    context.settings.update(admin, organisation_name="质量办")
    return [row[0] for row in context.db.execute("SELECT id FROM audit_log ORDER BY id")]


def test_every_mutation_appends_exactly_one_entry(context: AppContext, users: dict[Role, User]) -> None:
    admin, office = users[Role.ADMIN], users[Role.QUALITY_OFFICE]
    unit_box: list = []

    def add_unit() -> None:
        unit_box.append(context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})[0])

    steps: list[tuple[str, Callable[[], object]]] = [
        ("user.create", lambda: context.users.create(admin, username="sup9", display_name="九",
                                                     role=Role.SUPERVISOR, password=PASSWORD)),
        ("units.add", add_unit),
        ("units.update", lambda: context.registry.update(office, RegistryKind.UNITS, unit_box[0].id,
                                                         {"name": "第一总站"})),
        ("units.retire", lambda: context.registry.set_active(office, RegistryKind.UNITS, unit_box[0].id, False)),
        ("settings.update", lambda: context.settings.update(office, organisation_name="质量办")),
        ("user.update", lambda: context.users.update(admin, users[Role.MANAGER].id, display_name="经理",
                                                     role=Role.MANAGER, active=True)),
        ("user.password", lambda: context.users.change_password(admin, admin.id, "new-secret",
                                                                current_password=PASSWORD)),
    ]
    for action, step in steps:
        before = _count(context)
        step()
        assert _count(context) == before + 1, action
        last = audit_repo.recent(context.db, limit=1)[0]
        assert last.action == action
        assert last.actor_id in (admin.id, office.id)
    assert verify_chain(audit_repo.iter_records(context.db)) == []


def test_refused_mutation_appends_nothing(context: AppContext, users: dict[Role, User]) -> None:
    before = _count(context)
    with pytest.raises(Exception):
        context.registry.add(users[Role.SUPERVISOR], RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
    assert _count(context) == before


def test_chain_verifies_and_check_is_clean(context: AppContext, history: list[int]) -> None:
    records = list(audit_repo.iter_records(context.db))
    assert [r.id for r in records] == history
    assert records[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in zip(records, records[1:]))
    assert verify_chain(records) == []
    report = context.integrity.check()
    assert report.ok and report.audit == [] and report.audit_entries == len(history)


def test_altered_entry_is_reported_by_id(context: AppContext, history: list[int]) -> None:
    target = history[len(history) // 2]
    _tamper(context, "UPDATE audit_entries SET after = ? WHERE id = ?", ['{"name":"伪造"}', target],
            drop="audit_entries_no_update")
    report = context.integrity.check()
    assert not report.ok
    assert report.audit == [f"audit entry {target} was altered"]
    assert any(f"audit entry {target}" in line for line in report.lines())


def test_deleted_entry_is_caught_as_a_link_mismatch(context: AppContext, history: list[int]) -> None:
    removed, follower = history[1], history[2]
    _tamper(context, "DELETE FROM audit_entries WHERE id = ?", [removed], drop="audit_entries_no_delete")
    breaks = verify_chain(audit_repo.iter_records(context.db))
    assert [(b.entry_id, b.reason) for b in breaks] == [(follower, "link_mismatch")]
    report = context.integrity.check()
    assert not report.ok
    assert len(report.audit) == 1 and report.audit[0].startswith(f"audit entry {follower} does not follow")


@pytest.mark.parametrize(
    "sql",
    ["UPDATE audit_entries SET after = '{}' WHERE id = ?", "DELETE FROM audit_entries WHERE id = ?",
     "UPDATE audit_kinds SET actor = 'x' WHERE code = 1", "DELETE FROM audit_tables WHERE code = 1"],
    ids=["update", "delete", "kinds", "tables"],
)
def test_triggers_refuse_update_and_delete(context: AppContext, history: list[int], sql: str) -> None:
    with _raw(context) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(sql, [history[0]] if "?" in sql else [])
    assert _count(context) == len(history)
    assert verify_chain(audit_repo.iter_records(context.db)) == []


def test_check_reports_a_dropped_protective_trigger(context: AppContext, admin: User) -> None:
    assert context.integrity.check().ok
    context.db.execute("DROP TRIGGER audit_log_no_delete")
    report = context.integrity.check()
    assert not report.ok
    assert any("audit_log_no_delete" in line for line in report.database)
