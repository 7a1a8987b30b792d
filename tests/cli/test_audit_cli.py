"""``audit head``, ``audit checkpoint -o FILE`` and ``check --checkpoint FILE`` at the command line
(#12.8): the exit codes, and a row edited by hand named in the report."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inspector.domain.audit import parse_head
from tests.cli.conftest import run_cli
from tests.conftest import PASSWORD


def _office_with_keys(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_CERT_PASSWORD", PASSWORD)
    assert run_cli(capsys, "--data-dir", str(data_dir), "--user", "qo1", "certs", "init-ca")[0] == 0
    code, _, err = run_cli(capsys, "--data-dir", str(data_dir), "--user", "qo1", "certs", "issue", "qo1")
    assert code == 0, err


def test_checkpoint_then_check_then_an_edit_by_hand(initialised: Path, capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = str(initialised)
    _office_with_keys(initialised, capsys, monkeypatch)
    code, out, _ = run_cli(capsys, "--data-dir", data, "audit", "head")
    assert code == 0 and parse_head(out.strip()) is not None
    checkpoint = tmp_path / "kept" / "office.checkpoint"
    checkpoint.parent.mkdir()
    code, out, err = run_cli(capsys, "--data-dir", data, "--user", "qo1", "audit", "checkpoint", "-o", str(checkpoint))
    assert code == 0 and "checkpoint written" in out, err
    code, out, err = run_cli(capsys, "--data-dir", data, "check", "--checkpoint", str(checkpoint))
    assert code == 0, err
    assert "the chain up to entry" in out and "rows:" in out and "as recorded" in out
    conn = sqlite3.connect(str(initialised / "inspector.db"))
    with conn:
        conn.execute("UPDATE users SET role = 'admin' WHERE username = 'sup1'")
    conn.close()
    code, out, err = run_cli(capsys, "--data-dir", data, "check", "--checkpoint", str(checkpoint))
    assert code == 1
    assert "CHANGED OUTSIDE INSPECTOR" in err and "users [" in err and "changed outside Inspector" in err


def test_a_supervisor_cannot_write_a_checkpoint(initialised: Path, capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "--data-dir", str(initialised), "--user", "sup1", "audit", "checkpoint",
                           "-o", str(tmp_path / "c.json"))
    assert code != 0 and err and not (tmp_path / "c.json").exists()
