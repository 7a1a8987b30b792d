"""``check`` verifies every issued notice PDF and every signed copy against the SHA-256 stored when
it was written: a changed or missing file is reported and ``inspector-cli check`` exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.cli.main import main
from inspector.context import AppContext
from inspector.domain.users import Role, User
from tests.conftest import PASSWORD
from tests.notice_world import NoticeWorld, completed_inspection, make_world


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], tmp_path: Path) -> NoticeWorld:
    return make_world(context, users, tmp_path)


def _issue(context: AppContext, world: NoticeWorld, seed: int) -> int:
    inspection = completed_inspection(context, world, seed=seed)
    draft = context.notices.drafts(world.office, inspection.id)[0]
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
