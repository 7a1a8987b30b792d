"""``inspector-cli check`` looks at the data folder as it is (issue #12.9): it never creates,
migrates or repairs a database. An emptied (0-byte), missing or non-SQLite database is a clear
error (exit 2, the file untouched) that lists the notice PDFs and photos lying beside it, which no
row can point to any more; in a sound database a notice PDF no row points to fails the check."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from inspector.cli.main import main
from inspector.context import AppContext
from inspector.domain.users import Role, User
from inspector.paths import DATABASE_NAME
from tests.conftest import PASSWORD
from tests.notice_world import NoticeWorld, completed_inspection, make_world

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


@pytest.fixture
def issued(context: AppContext, world: NoticeWorld, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two issued notices with photos; the data folder closed, as after quitting the app."""
    numbers = []
    for seed in (1, 2):
        inspection = completed_inspection(context, world, seed=seed)
        draft = context.notices.drafts(world.office, inspection.id, every_open=True)[0]
        numbers.append(context.notices.issue(world.office, draft)[0].number)
    context.close()
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    return numbers


def _check(capsys: pytest.CaptureFixture[str], data_dir: Path) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "check"])
    out, err = capsys.readouterr()
    return code, out, err


def _photos(data_dir: Path) -> list[str]:
    return sorted(path.relative_to(data_dir).as_posix() for path in (data_dir / "photos" / "originals").rglob("*")
                  if path.is_file())


def test_an_emptied_database_fails_and_names_the_files_beside_it(
    issued: list[str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``: > inspector.db; inspector-cli check`` as in the issue."""
    assert _check(capsys, data_dir)[0] == 0
    photos = _photos(data_dir)
    assert photos
    database = data_dir / DATABASE_NAME
    database.write_bytes(b"")  # : > inspector.db
    before = sorted(path.name for path in data_dir.iterdir())

    code, out, err = _check(capsys, data_dir)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == (f"error: The database {database} is empty (it holds no Inspector data); check creates and"
                        " migrates nothing and did not touch it. Restore the last backup (Tools → 备份与恢复).")
    assert lines[1] == f"files no row points to ({len(issued) + len(photos)}):"
    assert lines[2:] == [f"  notices/{number}.pdf" for number in issued] + [f"  {photo}" for photo in photos]
    assert "Traceback" not in err
    assert database.stat().st_size == 0  # no schema was written into it
    assert sorted(path.name for path in data_dir.iterdir()) == before


def test_a_missing_database_or_folder_is_not_created(
    issued: list[str], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / DATABASE_NAME).unlink()
    code, _, err = _check(capsys, data_dir)
    assert code == 2 and err.startswith(f"error: There is no database at {data_dir / DATABASE_NAME}; check creates none.")
    assert f"  notices/{issued[0]}.pdf" in err.splitlines()
    assert not (data_dir / DATABASE_NAME).exists()
    nowhere = tmp_path / "nowhere"
    code, _, err = _check(capsys, nowhere)
    assert code == 2 and err.splitlines() == [
        f"error: There is no database at {nowhere / DATABASE_NAME}; check creates none. Give the data folder with"
        " --data-dir, or restore the last backup (Tools → 备份与恢复)."]
    assert not nowhere.exists()


def test_a_text_file_or_a_schemaless_sqlite_file_is_refused_untouched(
    issued: list[str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / DATABASE_NAME
    database.write_text("not a database\n", encoding="utf-8")
    code, _, err = _check(capsys, data_dir)
    assert code == 2 and "is damaged" in err.splitlines()[0] and f"  notices/{issued[1]}.pdf" in err
    assert database.read_text(encoding="utf-8") == "not a database\n"
    database.unlink()
    sqlite3.connect(str(database)).execute("CREATE TABLE t (x)").connection.close()
    digest = hashlib.sha256(database.read_bytes()).hexdigest()
    code, _, err = _check(capsys, data_dir)
    assert code == 2 and "is empty (it holds no Inspector data)" in err
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest


def test_an_older_schema_is_not_migrated_by_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    database = folder / DATABASE_NAME
    shutil.copy(FIXTURES / "schema_0002.db", database)
    before = database.read_bytes()
    code, _, err = _check(capsys, folder)
    assert code == 2 and len(err.splitlines()) == 1
    assert "has not been upgraded to this version yet (missing 0003_" in err and "check upgrades nothing" in err
    assert database.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == [DATABASE_NAME]


def test_a_notice_pdf_no_row_points_to_fails_the_check(
    issued: list[str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stray = data_dir / "notices" / "ZG-2026-01-9999.pdf"
    shutil.copy(data_dir / "notices" / f"{issued[0]}.pdf", stray)
    code, _, err = _check(capsys, data_dir)
    assert code == 1
    assert "  notices/ZG-2026-01-9999.pdf: no notice row points to it (was a notice removed from the database?)" in err
    assert issued[0] not in err


def test_a_report_summary_edited_by_hand_fails_the_check_until_rebuilt(
    issued: list[str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(str(data_dir / DATABASE_NAME))
    with conn:
        conn.execute("UPDATE report_unit_months SET inspections = inspections + 5")
    conn.close()
    code, _, err = _check(capsys, data_dir)
    assert code == 1
    assert "report summary report_unit_months (" in err and "rebuild the report summaries" in err
    code, out, err = run_rebuild(capsys, data_dir, "sup1")
    assert code != 0 and "rebuilt" not in out  # a supervisor may not
    code, out, err = run_rebuild(capsys, data_dir, "qo1")
    assert code == 0, err
    assert "rebuilt the report summaries (" in out and "database: ok" in out


def run_rebuild(capsys: pytest.CaptureFixture[str], data_dir: Path, user: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--user", user, "check", "--rebuild-summaries"])
    out, err = capsys.readouterr()
    return code, out, err
