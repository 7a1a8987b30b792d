"""The organisation the CLI import tests damage files of, and the snapshot that proves a refused
import changed nothing.

Office (wangfang), laptop A (zhangwei, joined through the office's file, two inspections
recorded, one covert) and another organisation's office, all built through ``inspector-cli``.
"""

from __future__ import annotations

import io
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from inspector.domain.inspections import InspectionMode
from inspector.exchange import Signer
from tests.exchange.organisation import (
    PASSWORD,
    Run,
    build_office,
    cli,
    photo_files,
    record_inspection,
)


@dataclass
class Organisation:
    office: Path
    laptop_a: Path
    from_a: Path  # A's first file for the office (two inspections, one covert)
    for_lina: Path  # the office's file for lina (not A)
    other_for_zhangwei: Path  # another organisation's office, its file for its own zhangwei


class StreamCapture:
    """capsys for a fixture wider than one test: the CLI's output is read from swapped streams.
    Use inside ``swapped_streams`` so that the real ones come back."""

    def readouterr(self) -> tuple[str, str]:
        out, err = getattr(sys.stdout, "getvalue", lambda: "")(), getattr(sys.stderr, "getvalue", lambda: "")()
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        return out, err


def build_organisation(root: Path) -> Organisation:
    capsys = StreamCapture()
    saved = sys.stdout, sys.stderr
    try:
        office = build_office(capsys, root / "office")
        o = ("--data-dir", str(office), "--user", "wangfang")
        cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(root / "for-a.inspx"))
        cli(capsys, *o, "exchange", "export", "--for", "lina", "-o", str(root / "for-lina.inspx"))
        laptop = root / "a"
        cli(capsys, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
        cli(capsys, "--data-dir", str(laptop), "exchange", "import", str(root / "for-a.inspx"))
        photos = photo_files()
        record_inspection(laptop, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photos[0])
        record_inspection(laptop, "zhangwei", mode=InspectionMode.COVERT, vehicle_index=1, photo=photos[1])
        cli(capsys, "--data-dir", str(laptop), "--user", "zhangwei", "exchange", "export", "-o",
            str(root / "from-a.inspx"))
        other = build_office(capsys, root / "other-office")
        cli(capsys, "--data-dir", str(other), "--user", "wangfang", "exchange", "export", "--for", "zhangwei",
            "-o", str(root / "other-for-zhangwei.inspx"))
    finally:
        sys.stdout, sys.stderr = saved
    return Organisation(office, laptop, root / "from-a.inspx", root / "for-lina.inspx",
                        root / "other-for-zhangwei.inspx")


def database_rows(folder: Path) -> tuple:
    """Every row of every table, read as SQLite sees it (the WAL included)."""
    conn = sqlite3.connect(folder / "inspector.db")
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                 " ORDER BY name")]
        return tuple((table, tuple(conn.execute(f'SELECT * FROM "{table}"').fetchall())) for table in tables)
    finally:
        conn.close()


def folder_files(folder: Path) -> tuple:
    """Every file of the data folder with its size — the photo store, notice PDFs, certificates —
    but the database's own files (compared by content instead: a checkpoint may move pages
    between ``inspector.db`` and its ``-wal`` without changing a row) and ``backups/``: an import
    makes a backup before it merges, by design (#20), so a refusal found during the merge leaves
    one there; the rotation may also drop an old one."""
    return tuple(sorted((str(path.relative_to(folder)), path.stat().st_size) for path in folder.rglob("*")
                        if path.is_file() and "backups" not in path.relative_to(folder).parts
                        and not path.name.startswith("inspector.db")))


def state(folder: Path) -> tuple:
    return database_rows(folder), folder_files(folder)


def zhangwei_signer(laptop: Path) -> Signer:
    """zhangwei's certificate and key as his laptop holds them: what a trusted but faulty (or
    hostile) sender signs forged files with."""
    conn = sqlite3.connect(laptop / "inspector.db")
    try:
        cert, key = conn.execute("SELECT c.cert_pem, c.key_pem FROM certificates c JOIN users u ON u.id = c.user_id"
                                 " WHERE u.username = 'zhangwei' AND c.kind = 'user'").fetchone()
    finally:
        conn.close()
    return Signer.from_pem(cert.encode(), key.encode(), PASSWORD)


def import_refused(capsys, folder: Path, file: Path, user: str, *words: str) -> str:  # type: ignore[no-untyped-def]
    """``exchange import file`` in ``folder`` as ``user``: exit 2, one ``error:`` line holding
    every one of ``words``, no traceback, and the data folder exactly as it was."""
    before = state(folder)
    run: Run = cli(capsys, "--data-dir", str(folder), "--user", user, "exchange", "import", str(file), ok=False)
    assert run.code == 2, run.out + run.err
    assert run.err.startswith("error: ") and run.err.count("\n") == 1, run.err
    assert "Traceback" not in run.err and run.out == "", run.out + run.err
    for word in words:
        assert word in run.err, run.err
    assert state(folder) == before
    return run.err
