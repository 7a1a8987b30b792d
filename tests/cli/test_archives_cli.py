"""``inspector-cli archive vehicle|staff KEY -o FILE.pdf``: writes the file's PDF and says what it
holds; unknown keys, the wrong role and a missing folder exit 2 with one ``error:`` line and
write nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role
from tests.cli.conftest import run_cli
from tests.notice_world import CST, completed_inspection, make_world


@pytest.fixture
def folder(initialised: Path, tmp_path: Path) -> Path:
    """The initialised folder with the bus inspected once (two problems, one notice) and a driver."""
    context = open_context(initialised)
    try:
        users = {role: context.users.by_username(name) for role, name in
                 ((Role.ADMIN, "admin"), (Role.QUALITY_OFFICE, "qo1"), (Role.SUPERVISOR, "sup1"))}
        users[Role.MANAGER] = users[Role.ADMIN]
        photos = tmp_path / "photos"
        photos.mkdir()
        world = make_world(context, users, photos, now=datetime(2026, 11, 16, 9, 30, tzinfo=CST))
        inspection = completed_inspection(context, world)
        context.notices.issue(world.office, context.notices.drafts(world.office, inspection.id, every_open=True)[0])
        context.registry.add(world.office, RegistryKind.STAFF,
                             {"staff_no": "D0042", "name": "陈晓东", "role": "driver", "unit_id": world.unit_id})
    finally:
        context.close()
    return initialised


def test_archive_vehicle_and_staff_write_pdfs(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bus.pdf"
    code, out, err = run_cli(capsys, "--data-dir", str(folder), "--user", "qo1", "archive", "vehicle", "1-0801",
                             "-o", str(target))
    assert code == 0, err
    assert out.strip() == f"wrote the file of 粤A·12345 to {target} (inspections: 1, notices: 1)"
    assert target.read_bytes().startswith(b"%PDF")
    person = tmp_path / "driver.pdf"
    code, out, err = run_cli(capsys, "--data-dir", str(folder), "--user", "admin", "archive", "staff", "D0042",
                             "-o", str(person))
    assert code == 0, err
    assert out.strip() == f"wrote the file of D0042 to {person} (inspections: 0, notices: 0)"
    assert person.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("user", "argv", "says"), [
    ("qo1", ("vehicle", "粤Z00000"), 'No vehicle has the plate or fleet number "粤Z00000".'),
    ("qo1", ("staff", "X404"), 'No staff member has the staff number "X404".'),
    ("sup1", ("vehicle", "1-0801"), "may not"),
])
def test_bad_keys_and_roles_exit_2_and_write_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], user: str, argv: tuple[str, str], says: str
) -> None:
    target = tmp_path / "out.pdf"
    code, out, err = run_cli(capsys, "--data-dir", str(folder), "--user", user, "archive", *argv, "-o", str(target))
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1
    assert says in err
    assert not target.exists() and list(tmp_path.glob("*.pdf")) == []


def test_a_missing_folder_exits_2(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nowhere" / "bus.pdf"
    code, _, err = run_cli(capsys, "--data-dir", str(folder), "--user", "qo1", "archive", "vehicle", "1-0801",
                           "-o", str(target))
    assert code == 2 and err.startswith("error: ") and "nowhere" in err
    assert not target.parent.exists()
