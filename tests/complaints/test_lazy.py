"""``complaints list`` is a listing: it loads neither Qt nor the signing and document libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from inspector.context import open_context
from inspector.domain.users import Role
from tests.conftest import PASSWORD
from tests.test_lazy_imports import QT, SIGNING_AND_DOCUMENTS, _env, loaded_by


def test_complaints_list_loads_no_qt_signing_or_documents(tmp_path: Path) -> None:
    env = _env(tmp_path)
    init = subprocess.run([sys.executable, "-m", "inspector.cli.main", "init"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert init.returncode == 0, init.stderr
    context = open_context(tmp_path / "data")
    try:
        admin = context.users.by_username("admin")
        context.users.create(admin, username="qo1", display_name="qo1", role=Role.QUALITY_OFFICE, password=PASSWORD)
    finally:
        context.close()
    loaded = loaded_by(
        "import contextlib, io\nfrom inspector.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    assert main(['--user', 'qo1', 'complaints', 'add', '--channel', 'phone', '--kind', 'suggestion',"
        " '--received', '2026-01-05T09:00', '--what', '增设站牌']) == 0\n"
        "    assert main(['--user', 'qo1', 'complaints', 'list', '--json']) == 0\n"
        "assert 'TS-2026-01-0001' in out.getvalue()\n", env)
    assert loaded & set(SIGNING_AND_DOCUMENTS + QT) == set()
    assert "inspector" in loaded
