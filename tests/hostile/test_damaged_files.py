"""Issue #12 point 10: a damaged database, something else where it should be, a read-only data
folder, ``--data-dir`` naming a file and a full disk each end in one ``error:`` line and exit 2 —
no traceback, the damaged file untouched, no backup and no fresh schema written over it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import pwd
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.domain.errors import StorageProblem
from inspector.storage import database as database_module
from inspector.storage.database import open_database
from tests.cli.conftest import run_cli
from tests.hostile import corpus


def _fingerprint(path: Path) -> str:
    if path.is_symlink():
        return "link:" + os.readlink(path)
    if path.is_dir():
        return "dir:" + ",".join(sorted(child.name for child in path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def healthy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INSPECTOR_PASSWORD", corpus.PASSWORD)
    return corpus.healthy_data_folder(tmp_path / "data")


@pytest.mark.parametrize("damage, words", [
    ("corrupt-page", "is damaged"),
    ("truncated", "is damaged"),
    ("emptied", "is damaged"),
    ("text-file", "is damaged"),
    ("folder", "is a folder or a device"),
    ("symlink", "is a link to"),
])
def test_a_damaged_database_is_one_error_line_and_nothing_is_written(
    healthy: Path, capsys: pytest.CaptureFixture[str], damage: str, words: str
) -> None:
    damaged = corpus.DAMAGES[damage](healthy)
    before = _fingerprint(damaged)
    beside = sorted(child.name for child in healthy.iterdir())

    code, out, err = run_cli(capsys, "--data-dir", str(healthy), "registry", "list", "units")

    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    assert words in err and str(damaged) in err
    if words == "is damaged":
        assert "restore the last backup" in err.lower() and "备份与恢复" in err
    assert _fingerprint(damaged) == before  # not "repaired" into an empty schema
    assert sorted(child.name for child in healthy.iterdir()) == beside  # no backup, no -wal left behind


def test_a_symlink_is_not_followed_even_to_a_sound_database(healthy: Path) -> None:
    link = corpus.symlink_instead(healthy)
    with pytest.raises(StorageProblem) as raised:
        open_database(link)
    assert raised.value.code == "database_symlink"
    assert raised.value.params["target"] == os.readlink(link)


def test_an_empty_file_in_a_new_folder_is_a_first_start_not_damage(tmp_path: Path) -> None:
    """What a crash in the first second of a new data folder leaves must not lock the user out."""
    path = tmp_path / "inspector.db"
    path.write_bytes(b"")
    opened = open_database(path)
    opened.db.close()
    assert path.stat().st_size > 0


def test_data_dir_pointing_at_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("not a folder", encoding="utf-8")

    code, _, err = run_cli(capsys, "--data-dir", str(target), "init", "--admin-password", "secret-pass")

    assert code == 2 and err.count("\n") == 1
    assert "is a file, not a folder" in err and str(target) in err
    assert target.read_text(encoding="utf-8") == "not a folder"


def _read_only_connect(path: Path):  # type: ignore[no-untyped-def]
    """What SQLite gives on a read-only folder or disk: a connection that may not write.

    Simulated, because the tests run as root (in CI too), whom file modes do not stop."""
    import sqlite_utils

    return sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True), execute_plugins=False)


def test_a_read_only_data_folder_says_so(
    healthy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(database_module, "_connect", _read_only_connect)
    units = corpus.registry_csv(tmp_path / "units.csv", ("新车队",))

    code, _, err = run_cli(capsys, "--data-dir", str(healthy), "registry", "import", "units", str(units))

    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "read-only" in err and str(healthy / "inspector.db") in err


@contextlib.contextmanager
def _without_root() -> Iterator[None]:
    """Run the block as an ordinary user: as root (CI runs as root) the effective uid becomes
    ``nobody`` for the block — root ignores permission bits, an ordinary user does not."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        yield
        return
    nobody = pwd.getpwnam("nobody")
    os.setegid(nobody.pw_gid)
    os.seteuid(nobody.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_a_folder_without_write_permission_says_so(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A data folder the user may read but not write (a folder copied from a CD, a share mounted
    read-only for them): the import is refused in one line naming the database; nothing changes."""
    monkeypatch.setenv("INSPECTOR_PASSWORD", corpus.PASSWORD)
    # Not under pytest's tmp_path: its parents are private to root, and nobody must reach the folder.
    base = Path(tempfile.mkdtemp(prefix="inspector-no-write-"))
    try:
        healthy = corpus.healthy_data_folder(base / "data")
        units = corpus.registry_csv(base / "units.csv", ("新车队",))
        # The same command once with the rights to write, so that every module it imports lazily
        # is loaded before the user without rights runs it.
        warm = Path(shutil.copytree(healthy, base / "warm"))
        assert run_cli(capsys, "--data-dir", str(warm), "registry", "import", "units", str(units))[0] == 0
        for path in (base, healthy, units, *healthy.rglob("*")):
            path.chmod(0o555 if path.is_dir() else 0o444)
        before = {path.name: _fingerprint(path) for path in healthy.iterdir()}
        with _without_root():
            assert not os.access(healthy, os.W_OK, effective_ids=True)
            assert os.access(healthy / "inspector.db", os.R_OK, effective_ids=True)
            code, out, err = run_cli(capsys, "--data-dir", str(healthy), "registry", "import", "units", str(units))
        assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("error: ")
        assert "Traceback" not in err and str(healthy) in err, err
        assert {path.name: _fingerprint(path) for path in healthy.iterdir()} == before
    finally:
        for path in (base, *base.rglob("*")):
            if path.is_dir():
                path.chmod(0o700)
        shutil.rmtree(base)


def test_a_full_disk_under_the_database_keeps_every_row_as_it_was(
    healthy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``PRAGMA max_page_count`` makes the database "full" exactly as a full disk does."""
    connect = database_module._connect

    def full(path: Path):  # type: ignore[no-untyped-def]
        db = connect(path)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(database_module, "_connect", full)
    names = tuple(f"新车队{index}" + "很长的名字" * 10 for index in range(400))
    units = corpus.registry_csv(tmp_path / "units.csv", names)

    code, _, err = run_cli(capsys, "--data-dir", str(healthy), "registry", "import", "units", str(units))

    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "disk is full" in err
    conn = sqlite3.connect(str(healthy / "inspector.db"))
    try:
        assert conn.execute("SELECT count(*) FROM units").fetchone()[0] == corpus.UNITS
    finally:
        conn.close()


def test_a_full_disk_under_an_export_leaves_no_file(
    healthy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A full disk often shows first at fsync: the export is refused and nothing is left."""
    out = tmp_path / "exports"
    out.mkdir()
    code, _, err = run_cli(capsys, "--data-dir", str(healthy), "init")
    assert code == 0, err

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    code, _, err = run_cli(capsys, "--data-dir", str(healthy), "templates", "export", "T1", "-o", str(out / "T1.xlsx"))

    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "disk is full" in err and str(out / "T1.xlsx") in err
    assert list(out.iterdir()) == []


def test_a_programming_error_is_not_dressed_up_as_a_disk_problem(
    healthy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspector.services.registry import RegistryService

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("no such column: nmae")

    monkeypatch.setattr(RegistryService, "list", broken)
    with pytest.raises(sqlite3.OperationalError):
        run_cli(capsys, "--data-dir", str(healthy), "registry", "list", "units")
