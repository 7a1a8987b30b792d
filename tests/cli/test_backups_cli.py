"""``inspector-cli backup [-o FILE] [--json]``, ``backup list`` and ``restore FILE``: exit codes,
JSON, one ``error:`` line for bad input with nothing changed, and the day's first command making
the daily backup."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from inspector.storage.database import known_migrations
from tests.cli.conftest import run_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _usernames(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [row[0] for row in conn.execute("SELECT username FROM users ORDER BY username")]
    finally:
        conn.close()


def test_the_days_first_command_makes_the_daily_backup(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert not (initialised / "backups").exists()  # init on a new folder: nothing to back up yet
    assert run_cli(capsys, "--data-dir", str(initialised), "templates", "list", "--json")[0] == 0
    names = sorted(p.name for p in (initialised / "backups").iterdir())
    assert len(names) == 2 and names[0].endswith("-daily.db") and names[1] == names[0] + ".json"
    assert run_cli(capsys, "--data-dir", str(initialised), "templates", "list", "--json")[0] == 0
    assert len(list((initialised / "backups").iterdir())) == 2  # once a day


def test_backup_and_list_in_json(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "backup", "--json")
    assert code == 0, err
    made = json.loads(out)
    assert made["reason"] == "manual" and made["schema_version"] == len(known_migrations())
    assert made["sha256"] == _sha256(Path(made["file"])) and made["photos"] == []
    assert not (initialised / "backups" / "daily").exists()
    code, out, _ = run_cli(capsys, "--data-dir", str(initialised), "backup", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and listed["keep"] == 14
    assert [entry["file"] for entry in listed["backups"]] == [made["file"]]  # `backup` makes no daily one first
    code, out, _ = run_cli(capsys, "--data-dir", str(initialised), "backup", "list")
    assert code == 0 and "manual" in out and "1 backups in" in out


def test_backup_to_a_file_then_restore_it(initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "usb" / "office.db"
    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "backup", "-o", str(target))
    assert code == 0, err
    assert f"backup written: {target}" in out and (tmp_path / "usb" / "office.db.json").is_file()
    database = initialised / "inspector.db"
    conn = sqlite3.connect(str(database))
    with conn:
        conn.execute("UPDATE users SET display_name = 'changed' WHERE username = 'sup1'")
    conn.close()

    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "restore", str(target), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["schema_version"] == result["current_schema"] == len(known_migrations())
    assert result["photos_missing"] == [] and result["reason"] == "manual"
    kept = Path(result["kept_aside"])
    assert kept.parent == initialised and kept.name.startswith("inspector.db.before-restore-")
    conn = sqlite3.connect(str(database))
    try:
        assert conn.execute("SELECT display_name FROM users WHERE username = 'sup1'").fetchone() == ("sup1",)
    finally:
        conn.close()
    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "check")
    assert code == 0, err
    assert "last backup: " in out


def test_restore_of_an_older_schema_says_it_will_be_upgraded(initialised: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "restore", str(FIXTURES / "schema_0001.db"))
    assert code == 0, err
    assert f"schema 1 of {len(known_migrations())}" in out and "upgraded" in out
    assert "kept at" in out
    assert _usernames(initialised / "inspector.db") == ["admin"]


@pytest.mark.parametrize("kind", ["missing", "text", "empty", "newer", "truncated", "tampered"])
def test_restore_refuses_bad_input_with_one_error_line(initialised: Path, tmp_path: Path, kind: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(capsys, "--data-dir", str(initialised), "backup", "-o", str(tmp_path / "good.db"))
    bad = tmp_path / f"{kind}.db"
    if kind == "text":
        bad.write_text("not a database\n" * 20, encoding="utf-8")
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "newer":
        shutil.copyfile(tmp_path / "good.db", bad)
        conn = sqlite3.connect(str(bad))
        with conn:
            conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                         " VALUES ('inspector', '9999_future', '2099-01-01')")
        conn.close()
    elif kind == "truncated":
        bad.write_bytes((tmp_path / "good.db").read_bytes()[:20000])
    elif kind == "tampered":
        shutil.copyfile(tmp_path / "good.db", bad)
        shutil.copyfile(tmp_path / "good.db.json", tmp_path / "tampered.db.json")
        data = bytearray(bad.read_bytes())
        data[len(data) // 2] ^= 0x01
        bad.write_bytes(bytes(data))
    database = initialised / "inspector.db"
    before = _sha256(database)
    files_before = sorted(p.name for p in initialised.iterdir())
    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "restore", str(bad))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(bad) in lines[0], err
    assert "Traceback" not in err and ("nothing was changed" in err.lower() or kind == "missing")
    assert _sha256(database) == before
    assert sorted(p.name for p in initialised.iterdir()) == files_before


def test_backup_to_a_folder_is_refused(initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "--data-dir", str(initialised), "backup", "-o", str(tmp_path))
    assert code == 2 and err.startswith("error: ") and "is a folder" in err


def test_restore_works_when_the_database_no_longer_opens(initialised: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(capsys, "--data-dir", str(initialised), "backup", "-o", str(tmp_path / "good.db"))
    database = initialised / "inspector.db"
    database.write_bytes(b"\x00" * 8192)  # wrecked
    code, _, err = run_cli(capsys, "--data-dir", str(initialised), "check")
    assert code == 2 and err.startswith("error: ")
    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "restore", str(tmp_path / "good.db"))
    assert code == 0, err
    assert run_cli(capsys, "--data-dir", str(initialised), "check")[0] == 0
    assert _usernames(database) == ["admin", "qo1", "sup1"]
