"""Issue #12 point 12: control characters are refused on import and in forms, names are capped at
100 characters and notes at 2,000, each with a message naming the file, row and column or the
field; a 10 MB name is refused in well under a second; the GUI shows a note's length as it grows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from inspector.context import AppContext
from inspector.domain.errors import ImportRejected, InspectorError, ValidationError
from inspector.domain.registry import RegistryKind
from inspector.domain.text import NAME_LIMIT, NOTE_LIMIT, check_name, check_note
from inspector.domain.users import Role, User
from inspector.words.messages import describe, describe_import
from tests.cli.conftest import run_cli
from tests.hostile import corpus
from tests.notice_world import CST, completed_inspection, make_world


def test_the_text_rules() -> None:
    assert check_name("第一车队", "name") == "第一车队"
    assert check_note("第一行\r\n第二行\t完", "note") == "第一行\n第二行\t完"
    for bad in corpus.CONTROL_NAMES:
        with pytest.raises(ValidationError) as raised:
            check_name(bad, "name")
        assert raised.value.code == "control_characters" and raised.value.params["field"] == "name"
    with pytest.raises(ValidationError) as raised:
        check_name("名" * (NAME_LIMIT + 1), "name")
    assert raised.value.params["limit"] == NAME_LIMIT
    check_note("记" * NOTE_LIMIT, "note")
    with pytest.raises(ValidationError):
        check_note("记" * (NOTE_LIMIT + 1), "note")
    with pytest.raises(ValidationError):
        check_note("第一\x00行", "note")


def test_a_nul_in_an_imported_name_names_file_row_and_column_and_imports_nothing(
        context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    office = users[Role.QUALITY_OFFICE]
    path = corpus.registry_csv(tmp_path / "units.csv", ("第一车队", *corpus.CONTROL_NAMES))
    with pytest.raises(ImportRejected) as raised:
        context.registry_import.run(office, RegistryKind.UNITS, path)
    lines = describe_import(raised.value)
    assert str(path) in lines[0]
    assert lines[1] == "row 3, column name: holds a control character (U+0000), which a name or note may not contain; remove it"
    assert [p.row for p in raised.value.problems] == [3, 4, 5, 6]
    assert context.registry.list(office, RegistryKind.UNITS) == []


def test_a_10_mb_name_is_refused_quickly_by_the_cli(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.context import open_context

    folder = tmp_path / "cli-data"
    made = open_context(folder)
    made.users.create_first_admin("admin", "管理员", corpus.PASSWORD)
    made.close()
    monkeypatch.setenv("INSPECTOR_PASSWORD", corpus.PASSWORD)
    path = corpus.registry_csv(tmp_path / "huge.csv", (corpus.HUGE_NAME,))
    started = time.monotonic()
    code, out, err = run_cli(capsys, "--data-dir", str(folder), "registry", "import", "units", str(path))
    assert time.monotonic() - started < 5
    assert code == 2 and err.startswith("error: ") and str(path) in err and "line 2" in err
    assert "Traceback" not in err and len(err) < 1000
    code, out, err = run_cli(capsys, "--data-dir", str(folder), "registry", "list", "units")
    assert "H00" not in out


def test_a_name_just_over_the_limit_is_refused_with_its_field(
        context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    office = users[Role.QUALITY_OFFICE]
    with pytest.raises(ValidationError) as raised:
        context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "名" * (NAME_LIMIT + 1)})
    assert describe(raised.value) == "name: is longer than the 100 characters allowed"
    path = corpus.registry_csv(tmp_path / "units.csv", ("名" * (NAME_LIMIT + 1),))
    with pytest.raises(ImportRejected) as rejected:
        context.registry_import.run(office, RegistryKind.UNITS, path)
    assert describe_import(rejected.value)[1] == "row 2, column name: is longer than the 100 characters allowed"


def test_a_reply_over_the_note_limit_is_refused(
        context: AppContext, users: dict[Role, User], tmp_path: Path) -> None:
    world = make_world(context, users, tmp_path)
    inspection = completed_inspection(context, world, fails=("N1-1",))
    notice, _ = context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
    for measures in ("补" * (NOTE_LIMIT + 1), "已补漆\x1b[2J"):
        with pytest.raises(ValidationError) as raised:
            context.followups.record_reply(world.sup, notice.id, measures=measures,
                                           replied_on=date(2026, 11, 16), replied_by="赵建国")
        assert raised.value.params["field"] == "measures"
    assert context.followups.reply(world.sup, notice.id) is None
