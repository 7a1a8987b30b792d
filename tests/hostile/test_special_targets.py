"""Issue #12 point 14: an export over a special file. ``notices export … -o /dev/full`` used to
rename a PDF over the device node; now every writer that renames into place (``write_atomic``,
``write_atomic_with``: notices, records, reports, archives, workbooks, certificates) refuses a
target that exists and is not a regular file, and leaves it as it was.

The special files are made in ``tmp_path`` (a FIFO, a folder, a link to ``/dev/full``), so a
regression replaces a test file, never a real device.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.domain.errors import InspectorError
from inspector.storage.files import write_atomic
from tests.cli.conftest import initialised  # noqa: F401 - the fixture Folder builds on
from tests.cli.test_notices_cli import Folder, _cli


def _special_targets(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    link = tmp_path / "full.pdf"
    link.symlink_to("/dev/full")
    return {"fifo": fifo, "folder": folder, "link to /dev/full": link}


def _kind(path: Path) -> tuple[int, str]:
    info = path.lstat()
    return stat.S_IFMT(info.st_mode), os.readlink(path) if path.is_symlink() else ""


@pytest.fixture
def folder(initialised: Path, tmp_path: Path) -> Iterator[Folder]:  # noqa: F811
    made = Folder(initialised, tmp_path)
    yield made
    made.close()


def test_notices_export_refuses_a_special_file_and_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], folder: Folder, tmp_path: Path
) -> None:
    number = folder.issue(folder.inspection())
    (tmp_path / "targets").mkdir()
    for name, target in _special_targets(tmp_path / "targets").items():
        before = _kind(target)
        for extra in ((), ("--record",)):
            code, out, err = _cli(capsys, folder, "sup1", "notices", "export", number, "-o", str(target), *extra)
            assert code == 2 and out == "", name
            assert err.count("\n") == 1 and "not a regular file" in err and str(target) in err, name
            assert _kind(target) == before, name
    assert [p.name for p in (tmp_path / "targets").iterdir() if p.name.startswith(".")] == []  # no temp left


def test_the_monthly_report_and_a_template_export_refuse_a_special_file(
    capsys: pytest.CaptureFixture[str], folder: Folder, tmp_path: Path
) -> None:
    (tmp_path / "targets").mkdir()
    fifo = tmp_path / "targets" / "report.xlsx"
    os.mkfifo(fifo)
    month = folder.world.clock.now.strftime("%Y-%m")
    for args in (("report", "monthly", month, "-o", str(fifo)),
                 ("templates", "export", "T1", "-o", str(fifo))):
        code, _, err = _cli(capsys, folder, "qo1", *args)
        assert code == 2 and "not a regular file" in err, args
        assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_write_atomic_still_replaces_a_regular_file_and_a_link_to_one(tmp_path: Path) -> None:
    regular = tmp_path / "old.pdf"
    regular.write_bytes(b"old")
    write_atomic(regular, b"new")
    assert regular.read_bytes() == b"new"

    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"kept")
    link = tmp_path / "link.pdf"
    link.symlink_to(kept)
    write_atomic(link, b"new")
    assert not link.is_symlink() and link.read_bytes() == b"new"
    assert kept.read_bytes() == b"kept"  # what the link pointed at is never written through it


def test_write_atomic_refuses_each_special_target(tmp_path: Path) -> None:
    for name, target in _special_targets(tmp_path).items():
        before = _kind(target)
        with pytest.raises(InspectorError) as raised:
            write_atomic(target, b"%PDF-1.7")
        assert raised.value.code == "target_not_a_file", name
        assert _kind(target) == before, name
