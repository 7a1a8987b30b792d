"""Every exchange file carries its sender's audit head, the receiving side records it in its own
chain, and ``check --checkpoint FILE`` on the sender's folder compares its chain with the file it
sent: a rewritten laptop chain is caught by the office's copy of that file (#12.8)."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from inspector.domain.audit import parse_head
from inspector.domain.inspections import InspectionMode
from inspector.exchange.info import parse_bag_info
from inspector.exchange.layout import BAG_INFO
from tests.exchange.organisation import (
    build_office,
    cli,
    photo_files,
    record_inspection,
)


def test_a_laptops_file_anchors_its_chain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office, laptop = tmp_path / "office", tmp_path / "a"
    build_office(capsys, office)
    o = ("--data-dir", str(office), "--user", "wangfang")
    a = ("--data-dir", str(laptop), "--user", "zhangwei")
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(tmp_path / "to-a.inspx"))
    cli(capsys, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
    cli(capsys, "--data-dir", str(laptop), "exchange", "import", str(tmp_path / "to-a.inspx"))
    record_inspection(laptop, "zhangwei", mode=InspectionMode.COVERT, vehicle_index=0, photo=photo_files()[0])
    sent = tmp_path / "from-a.inspx"
    cli(capsys, *a, "exchange", "export", "-o", str(sent))
    with zipfile.ZipFile(sent) as archive:
        [bag_info] = [name for name in archive.namelist() if name.endswith("/" + BAG_INFO)]
        info, _ = parse_bag_info(archive.read(bag_info), str(sent))
    head = parse_head(info.audit_head)
    assert head is not None and head[0] > 1
    cli(capsys, *o, "exchange", "import", str(sent))
    conn = sqlite3.connect(str(office / "inspector.db"))
    try:
        [after] = conn.execute("SELECT after FROM audit_log WHERE action = 'exchange.import'").fetchall()[-1:]
    finally:
        conn.close()
    assert json.loads(after[0])["audit_head"] == info.audit_head  # the office keeps the laptop's head
    # every row the merge wrote (storage/travel/merge.py) has its facts: both folders check clean
    for folder in (office, laptop):
        assert "rows: " in cli(capsys, "--data-dir", str(folder), "check").out
    run = cli(capsys, "--data-dir", str(laptop), "check", "--checkpoint", str(sent))
    assert f"the chain up to entry {head[0]} is the one it recorded" in run.out
    # the laptop's log cut below the head it sent (or an older backup put in place)
    conn = sqlite3.connect(str(laptop / "inspector.db"))
    with conn:
        conn.execute("DROP TRIGGER audit_entries_no_delete")
        conn.execute("DELETE FROM audit_entries WHERE id >= ?", [head[0] - 1])
    conn.close()
    run = cli(capsys, "--data-dir", str(laptop), "check", "--checkpoint", str(sent), ok=False)
    assert run.code == 1 and f"audit entry {head[0]} is gone" in run.err
