"""Issue #12 point 15: on POSIX the data folder is created 0700 and the database 0600 — a shared
Linux machine's other users must not read the inspections, the password hashes or the signing
keys. Checked on a folder made by ``init`` and used (WAL files, the first backup)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.cli.conftest import run_cli


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_init_makes_the_data_folder_and_the_database_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = os.umask(0o022)  # the usual umask, which would give 0755 and 0644
    try:
        folder = tmp_path / "new" / "data"
        code, _, err = run_cli(capsys, "--data-dir", str(folder), "init", "--admin-password", "local-admin-pass")
        assert code == 0, err
        monkeypatch.setenv("INSPECTOR_PASSWORD", "local-admin-pass")
        assert run_cli(capsys, "--data-dir", str(folder), "--user", "admin", "templates", "list")[0] == 0
    finally:
        os.umask(old)
    assert _mode(folder) == 0o700
    database = folder / "inspector.db"
    assert _mode(database) == 0o600
    for beside in (folder / "inspector.db-wal", folder / "inspector.db-shm"):
        if beside.exists():
            assert _mode(beside) & 0o077 == 0, beside
