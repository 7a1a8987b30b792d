"""``inspector-cli demo``: works on a fresh folder without any account, prints the summary and the
demo password, refuses a second run and non-admins with exit 2 and one ``error:`` line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from inspector.cli.main import main
from inspector.context import open_context
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role
from inspector.demo.company import DEMO_PASSWORD


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _unit_count(data_dir: Path) -> int:
    context = open_context(data_dir)
    try:
        admin = context.users.by_username("admin")
        return context.registry.counts(admin)[RegistryKind.UNITS]
    finally:
        context.close()


def test_demo_on_a_fresh_folder_then_list_vehicles(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    code, out, err = _run(capsys, data_dir, "demo", "--inspections", "4")
    assert (code, err) == (0, "")
    assert re.search(r"^4 inspections \(\d+ completed, \d+ covert, \d+ walk-around\), \d+ findings", out, re.MULTILINE)
    assert f"demo password (every account above): {DEMO_PASSWORD}" in out
    assert "accounts created: admin, zhangwei, lina, wangfang, liuyang" in out
    counted = re.search(r"(\d+) units, (\d+) vehicles, (\d+) staff, (\d+) locations", out)
    assert counted is not None
    vehicles = int(counted.group(2))

    monkeypatch.setenv("INSPECTOR_PASSWORD", DEMO_PASSWORD)  # the sole admin acts by default
    code, out, err = _run(capsys, data_dir, "registry", "list", "vehicles", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == vehicles >= 36
    assert all(re.fullmatch(r"粤B·D?\d{5}", row["plate"]) for row in rows)
    assert {row["unit"] for row in rows} == {"D01", "D02", "D03"}


def test_second_run_exits_2_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    assert _run(capsys, data_dir, "demo", "--inspections", "0")[0] == 0
    monkeypatch.setenv("INSPECTOR_PASSWORD", DEMO_PASSWORD)
    code, out, err = _run(capsys, data_dir, "demo", "--seed", "3")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "6 unit(s)" in err and err.count("\n") == 1
    assert _unit_count(data_dir) == 6


def test_folder_with_accounts_needs_an_admin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    assert _run(capsys, data_dir, "init", "--admin-password", "boss-pass")[0] == 0
    context = open_context(data_dir)
    try:
        admin = context.users.authenticate("admin", "boss-pass")
        context.users.create(admin, username="sup", display_name="督导", role=Role.SUPERVISOR, password="sup-pass")
    finally:
        context.close()

    code, _, err = _run(capsys, data_dir, "demo")  # no password and no terminal
    assert code == 2 and err.startswith("error: ") and "INSPECTOR_PASSWORD" in err

    monkeypatch.setenv("INSPECTOR_PASSWORD", "sup-pass")
    code, _, err = _run(capsys, data_dir, "--user", "sup", "demo")
    assert code == 2 and err.startswith("error: ") and "Supervisor" in err
    assert _unit_count(data_dir) == 0

    monkeypatch.setenv("INSPECTOR_PASSWORD", "boss-pass")
    code, out, err = _run(capsys, data_dir, "demo", "--inspections", "0")
    assert (code, err) == (0, "")
    assert "accounts created: zhangwei, lina, wangfang, liuyang" in out
    assert "existing accounts keep their own passwords" in out
    assert _unit_count(data_dir) == 6
