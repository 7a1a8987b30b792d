"""``check`` verifies every issued notice PDF and every signed copy against the SHA-256 stored when
it was written: a changed or missing file is reported and ``inspector-cli check`` exits 1. And
(#12.7) every issued notice's content against its hash, columns, rows and audit entry, and every
trigger the migrations define against the database's."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from inspector.cli.main import main
from inspector.context import AppContext
from inspector.domain.notice_document import NoticeDocument
from inspector.domain.users import Role, User
from inspector.paths import DATABASE_NAME
from inspector.storage.schema_check import expected_triggers
from tests.conftest import PASSWORD
from tests.notice_world import NoticeWorld, completed_inspection, make_world


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


def _issue(context: AppContext, world: NoticeWorld, seed: int) -> int:
    inspection = completed_inspection(context, world, seed=seed)
    draft = context.notices.drafts(world.office, inspection.id, every_open=True)[0]
    return context.notices.issue(world.office, draft)[0].id


def test_sound_notice_files_pass_and_are_counted(context: AppContext, world: NoticeWorld) -> None:
    _issue(context, world, 1)
    _issue(context, world, 2)
    report = context.integrity.check()
    assert report.ok, report.lines()
    assert report.notice_files == 2 and "notice PDFs: 2 checked, ok" in report.lines()


def test_a_changed_or_missing_issued_pdf_fails_the_check(context: AppContext, world: NoticeWorld) -> None:
    first, second = _issue(context, world, 1), _issue(context, world, 2)
    changed = context.notices.pdf_file(world.office, first)
    changed.write_bytes(changed.read_bytes().replace(b"%%EOF", b"%%EOF\n% appended"))
    context.notices.pdf_file(world.office, second).unlink()
    report = context.integrity.check()
    assert not report.ok
    numbers = [context.notices.get(world.office, notice).number for notice in (first, second)]
    assert report.notices == [
        (f"notice {numbers[0]}: notices/{numbers[0]}.pdf was changed on disk: its bytes no longer match"
         " the SHA-256 stored when it was written"),
        f"notice {numbers[1]}: notices/{numbers[1]}.pdf is missing",
    ]
    assert "notice PDFs: 2 checked, PROBLEMS" in report.lines()


def test_a_changed_signed_copy_fails_the_check_and_the_cli_exits_1(
    context: AppContext, world: NoticeWorld, data_dir: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notice_id = _issue(context, world, 1)
    context.certificates.init_ca(world.office, PASSWORD)
    context.certificates.issue(world.office, PASSWORD, world.office.username, PASSWORD)
    signed, _ = context.notice_files.sign(world.office, notice_id, PASSWORD)
    assert context.integrity.check().notice_files == 2 and context.integrity.check().ok

    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert "notice PDFs: 2 checked, ok" in capsys.readouterr().out

    signed.write_bytes(signed.read_bytes()[:-1])
    report = context.integrity.check()
    assert [line.split(":")[0] for line in report.notices] == [f"notice {signed.name.split('.')[0]}"]
    assert "signed-1.pdf was changed on disk" in report.notices[0]
    assert main(["--data-dir", str(data_dir), "check"]) == 1
    err = capsys.readouterr().err
    assert "notice PDFs: 2 checked, PROBLEMS" in err and "signed-1.pdf" in err


# --- #12.7: an issued notice edited in SQLite, and the triggers that should have stopped it ---------


def _outside(data_dir: Path, *statements: tuple[str, list]) -> None:
    """Run SQL on the database file as a local administrator with the sqlite3 shell would."""
    conn = sqlite3.connect(str(data_dir / DATABASE_NAME))
    try:
        with conn:
            for sql, params in statements:
                conn.execute(sql, params)
    finally:
        conn.close()


def _trigger_sql(context: AppContext, name: str) -> str:
    return context.db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]).fetchone()[0]


def test_a_forged_deadline_behind_a_dropped_and_recreated_trigger_fails_the_check(
    context: AppContext, world: NoticeWorld, data_dir: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The attack as described: drop the trigger, change the stored document's deadline, re-create
    the trigger; ``check`` must exit 1 and name the notice."""
    forged_id, sound_id = _issue(context, world, 1), _issue(context, world, 2)
    forged = context.notices.get(world.office, forged_id).number
    sound = context.notices.get(world.office, sound_id).number
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    capsys.readouterr()
    trigger = _trigger_sql(context, "notices_immutable")
    _outside(data_dir, ("DROP TRIGGER notices_immutable", []),
             ("UPDATE notices SET document = json_set(document, '$.deadline', '2099-12-31') WHERE id = ?", [forged_id]),
             (trigger, []))
    assert _trigger_sql(context, "notices_immutable") == trigger  # the guard looks untouched

    assert main(["--data-dir", str(data_dir), "check"]) == 1
    err = capsys.readouterr().err
    assert "issued notices: 2 checked, CHANGED" in err
    assert f"notice {forged}: its stored document was changed after issue" in err
    assert f"notice {forged}: the deadline stored with it (" in err and "(2099-12-31)" in err
    assert sound not in err


def test_a_forger_who_recomputes_the_content_hash_is_caught_by_the_audit_entry(
    context: AppContext, world: NoticeWorld, data_dir: Path
) -> None:
    notice_id = _issue(context, world, 1)
    number = context.notices.get(world.office, notice_id).number
    document = NoticeDocument.model_validate_json(context.db.execute(
        "SELECT document FROM notices WHERE id = ?", [notice_id]).fetchone()[0])
    forged = document.model_copy(update={"deadline": date(2099, 12, 31)})
    forged = forged.model_copy(update={"content_sha256": forged.content_hash()})
    trigger = _trigger_sql(context, "notices_immutable")
    _outside(data_dir, ("DROP TRIGGER notices_immutable", []),
             ("UPDATE notices SET document = ?, deadline = '2099-12-31', content_sha256 = ? WHERE id = ?",
              [forged.model_dump_json(), forged.content_sha256, notice_id]),
             (trigger, []))
    report = context.integrity.check()
    assert not report.ok
    assert report.contents == [
        f"notice {number}: its content_sha256 ({forged.content_sha256}) differs from the one the audit trail"
        f" recorded when it was issued ({document.content_sha256})",
        f"notice {number}: its deadline (2099-12-31) differs from the one the audit trail recorded when it was"
        f" issued ({document.deadline.isoformat()})",
    ]


def test_an_edited_problem_row_or_covert_flag_is_named(context: AppContext, world: NoticeWorld, data_dir: Path) -> None:
    notice_id = _issue(context, world, 1)
    number = context.notices.get(world.office, notice_id).number
    items, notices = _trigger_sql(context, "notice_items_immutable"), _trigger_sql(context, "notices_immutable")
    _outside(data_dir, ("DROP TRIGGER notice_items_immutable", []), ("DROP TRIGGER notices_immutable", []),
             ("UPDATE notice_items SET measure = 'nothing to do' WHERE notice_id = ? AND position = 1", [notice_id]),
             ("UPDATE notices SET covert = 1 WHERE id = ?", [notice_id]), (items, []), (notices, []))
    contents = context.integrity.check().contents
    assert f"notice {number}: the covert stored with it (1) differs from the notice as issued (0)" in contents
    assert any(line.startswith(f"notice {number}: problem row 1 (") for line in contents), contents


@pytest.mark.parametrize("name", sorted(expected_triggers()))
def test_every_trigger_the_migrations_define_is_guarded(context: AppContext, data_dir: Path, name: str) -> None:
    """All of them, not a hand-kept list: dropped → missing; re-created without teeth → different."""
    assert len(expected_triggers()) >= 8 and context.integrity.check().ok
    original = _trigger_sql(context, name)
    _outside(data_dir, (f"DROP TRIGGER {name}", []))
    assert f"protective trigger {name} is missing (was it dropped by hand?)" in context.integrity.check().database
    toothless = original.replace("BEGIN", "WHEN 0 BEGIN", 1) if " WHEN " not in original else (
        original.replace(" WHEN ", " WHEN 0 AND ", 1))
    _outside(data_dir, (toothless, []))
    assert context.integrity.check().database == [
        f"protective trigger {name} is not the one the migrations define (was it re-created by hand?)"]
    _outside(data_dir, (f"DROP TRIGGER {name}", []), (original, []))
    assert context.integrity.check().ok  # put back exactly: whitespace aside, the same text


def test_a_trigger_added_by_hand_is_reported(context: AppContext, data_dir: Path) -> None:
    _outside(data_dir, ("CREATE TRIGGER users_quiet AFTER UPDATE ON users BEGIN SELECT 1; END", []))
    assert context.integrity.check().database == ["trigger users_quiet is not one Inspector defines (was it added by hand?)"]
