"""``inspector-cli`` core contract, in process: ``init`` is idempotent, ``check`` finds tampering,
expected errors exit 2 with one ``error:`` line and no traceback. One subprocess for ``--help``.
"""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.cli import main as cli_main
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent.parent
NEEDS_A_USER = ("registry", "list", "units", "--json")  # any command that calls session.actor()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err
    return lines[0]


def _database(data_dir: Path) -> Path:
    return data_dir / "inspector.db"


def _row_counts(data_dir: Path) -> dict[str, int]:
    conn = sqlite3.connect(str(_database(data_dir)))
    try:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    finally:
        conn.close()


def _tamper_audit(data_dir: Path, entry_id: int) -> None:
    conn = sqlite3.connect(str(_database(data_dir)))
    with conn:
        conn.execute("DROP TRIGGER audit_entries_no_update")
        conn.execute("UPDATE audit_entries SET actor_id = 99 WHERE id = ?", [entry_id])
    conn.close()


@pytest.fixture
def initialised(data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    code, _, err = _run(capsys, "--data-dir", str(data_dir), "init")
    assert code == 0, err
    return data_dir


def test_init_twice_leaves_the_same_state(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "init")
    assert code == 0, err
    assert "created admin account 'admin'" in out
    first = _row_counts(data_dir)
    assert first["users"] == 1 and first["audit_entries"] >= 1  # audit_log is a view over it (m0017)

    code, out, err = _run(capsys, "--data-dir", str(data_dir), "init")
    assert code == 0, err
    assert "created admin account" not in out
    assert _row_counts(data_dir) == first  # every table, the audit log included


def test_init_takes_admin_password_option(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "--data-dir", str(data_dir), "init", "--admin-password", "option-pass")
    assert code == 0, err
    monkeypatch.setenv("INSPECTOR_PASSWORD", "option-pass")
    code, out, err = _run(capsys, "--data-dir", str(data_dir), *NEEDS_A_USER)
    assert (code, json.loads(out)) == (0, []), err


def test_init_without_password_off_a_terminal_exits_2(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a tty
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "init")
    assert code == 2
    line = _assert_one_error_line(err)
    assert "INSPECTOR_PASSWORD" in line
    assert "data folder ready" not in out
    assert _row_counts(data_dir)["users"] == 0


def test_check_passes_then_names_the_altered_entry(
    initialised: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--data-dir", str(initialised), "check")
    assert code == 0, err
    assert "intact" in out

    _tamper_audit(initialised, 1)
    code, out, err = _run(capsys, "--data-dir", str(initialised), "check")
    assert code == 1
    assert "audit entry 1 was altered" in err
    assert "BROKEN" in err


def test_wrong_password_for_a_command_needing_a_user_exits_2(
    initialised: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--data-dir", str(initialised), *NEEDS_A_USER)
    assert code == 0, err  # the sole admin is the default actor

    monkeypatch.setenv("INSPECTOR_PASSWORD", "not-the-password")
    code, out, err = _run(capsys, "--data-dir", str(initialised), *NEEDS_A_USER)
    assert code == 2 and out == ""
    assert "admin" in _assert_one_error_line(err)

    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    code, _, err = _run(capsys, "--data-dir", str(initialised), "--user", "nobody", *NEEDS_A_USER)
    assert code == 2
    _assert_one_error_line(err)


def test_newer_database_is_refused_through_the_cli(
    initialised: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(str(_database(initialised)))
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('inspector', '9999_future', '2099-01-01')")
    conn.close()
    before = _database(initialised).read_bytes()
    code, out, err = _run(capsys, "--data-dir", str(initialised), "check")
    assert code == 2 and out == ""
    line = _assert_one_error_line(err)
    assert "newer version" in line and "9999_future" in line
    assert _database(initialised).read_bytes() == before


def test_help_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspector.cli.main", "--help"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "inspector-cli" in result.stdout and "init" in result.stdout and "check" in result.stdout
