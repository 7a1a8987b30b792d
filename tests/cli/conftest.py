"""Shared set-up for the in-process CLI tests of the templates commands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inspector.cli import main as cli_main
from inspector.context import open_context
from inspector.domain.users import Role
from tests.conftest import PASSWORD


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``inspector-cli argv`` in this process: (exit code, stdout, stderr)."""
    code = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def template_snapshot(data_dir: Path) -> tuple[list[tuple], int]:
    """Every template version row and the audit count, to prove a refusal wrote nothing."""
    conn = sqlite3.connect(str(data_dir / "inspector.db"))
    try:
        rows = conn.execute("SELECT * FROM template_versions ORDER BY id").fetchall()
        return rows, conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def initialised(data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """An initialised data folder with a quality-office user ``qo1`` and a supervisor ``sup1``."""
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    code, _, err = run_cli(capsys, "--data-dir", str(data_dir), "init")
    assert code == 0, err
    context = open_context(data_dir)
    try:
        admin = context.users.by_username("admin")
        for name, role in [("qo1", Role.QUALITY_OFFICE), ("sup1", Role.SUPERVISOR)]:
            context.users.create(admin, username=name, display_name=name, role=role, password=PASSWORD)
    finally:
        context.close()
    return data_dir
