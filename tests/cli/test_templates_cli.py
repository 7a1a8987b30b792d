"""``inspector-cli templates …`` in process: ``init`` loads the built-ins once, ``list`` shows
them, ``copy`` then ``publish`` starts and releases next month's version, errors exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli.commands_templates import aligned_table, display_width
from tests.cli.conftest import run_cli, template_snapshot
from tests.conftest import PASSWORD


def _error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


def _list_json(capsys: pytest.CaptureFixture[str], data_dir: Path, user: str = "sup1") -> list[dict]:
    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "--user", user, "templates", "list", "--json")
    assert code == 0, err
    return json.loads(out)


def test_init_loads_the_builtins_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "init")
    assert code == 0, err
    assert [line for line in out.splitlines() if "built-in template" in line] == [
        "loaded built-in template T1", "loaded built-in template T2", "loaded built-in template T3"]
    first = template_snapshot(data_dir)
    assert len(first[0]) == 3

    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "init")
    assert code == 0, err
    assert "built-in template" not in out
    assert template_snapshot(data_dir) == first  # same rows, same audit length


def test_list_json_shows_the_builtins(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _list_json(capsys, initialised)
    summary = [(r["code"], r["version"], r["status"], r["item_count"], r["category"]) for r in rows]
    assert summary == [("T1", 1, "published", 25, "vehicle_appearance"),
                       ("T2", 1, "published", 46, "staff_conduct"),
                       ("T3", 1, "published", 39, "facility_cleanliness")]
    assert rows[0]["title"] == "车容车貌检查表"
    assert rows[2]["title_en"] == "Facility cleanliness checklist"
    assert all(r["effective_month"] and len(r["effective_month"]) == 7 for r in rows)


def test_list_prints_an_aligned_table(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "--user", "sup1", "templates", "list")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("CODE") and len(lines) == 4
    assert "人员着装仪容及服务行为检查表" in lines[2]
    # The English title column starts at the same terminal column on every line despite CJK titles.
    starts = {display_width(line[: line.index(marker)]) for line, marker in
              zip(lines, ["TITLE (EN)", "Vehicle", "Staff", "Facility"])}
    assert len(starts) == 1


def test_aligned_table_pads_by_display_width() -> None:
    assert aligned_table(["A", "B"], [["车容", "x"], ["abcde", "y"]]) == ["A      B", "车容   x", "abcde  y"]


def test_copy_then_publish_next_month(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(initialised), "--user", "qo1", "templates")
    code, out, err = run_cli(capsys, *base, "copy", "T1", "--month", "2030-01")
    assert (code, out.strip()) == (0, "2"), err
    rows = [r for r in _list_json(capsys, initialised) if r["code"] == "T1"]
    assert [(r["version"], r["status"], r["effective_month"]) for r in rows][1] == (2, "draft", "2030-01")

    code, out, err = run_cli(capsys, *base, "publish", "T1", "--month", "2030-01")
    assert code == 0, err
    assert "T1 version 2" in out
    rows = [r for r in _list_json(capsys, initialised) if r["code"] == "T1"]
    assert [(r["version"], r["status"], r["effective_month"]) for r in rows][1] == (2, "published", "2030-01")

    code, out, err = run_cli(capsys, *base, "publish", "T1", "--month", "2030-02")
    assert code == 2 and out == ""
    assert "no draft" in _error_line(err)


def test_publish_errors_exit_2_and_write_nothing(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "--data-dir", str(initialised), "--user", "qo1", "templates", "copy", "T2",
                        "--month", "2030-01")
    assert code == 0, err
    before = template_snapshot(initialised)
    cases = [
        (("--user", "qo1", "templates", "publish", "T2", "--month", "2030-13"), "YYYY-MM"),
        (("--user", "qo1", "templates", "copy", "T2", "--month", "2030/01"), "YYYY-MM"),
        (("--user", "sup1", "templates", "publish", "T2", "--month", "2030-01"), "may not publish checklist templates"),
        (("--user", "sup1", "templates", "copy", "T2", "--month", "2030-01"), "may not edit checklist templates"),
        (("--user", "qo1", "templates", "copy", "T9", "--month", "2030-01"), "T9"),
    ]
    for argv, expected in cases:
        code, out, err = run_cli(capsys, "--data-dir", str(initialised), *argv)
        assert code == 2 and out == "", argv
        assert expected in _error_line(err), argv
    assert template_snapshot(initialised) == before
