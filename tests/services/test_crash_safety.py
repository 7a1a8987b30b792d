"""Acceptance: recording survives SIGKILL at any moment.

A worker process (``crash_worker.py``) records answers with freshly generated photos on one data
folder and is killed with SIGKILL at a random moment, 25 times in a row. After every kill: SQLite's
integrity check passes, every answer the worker reported saved is in the database with its photo
attached, every photo row's original exists and hashes to its name, and ``check`` finds no
failure (orphan files from a kill between the file write and the row commit are allowed: they
are litter that ``check --clean`` removes, never a row pointing at a missing file).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import (
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from inspector.domain.users import Role
from inspector.storage import templates_repo
from inspector.storage.photo_store import sha256_of
from inspector.storage.transaction import write_transaction

WORKER = Path(__file__).with_name("crash_worker.py")
KILLS = 25
ITEMS = 12
BODY = TemplateBody(
    code="TC", title_zh="车容车貌", subject=SubjectKind.VEHICLE,
    sections=(TemplateSection(code="S1", title_zh="外观", items=tuple(
        TemplateItem(code=f"TC-{n}", text_zh=f"检查项{n}", deduct=2) for n in range(1, ITEMS + 1))),),
)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")


def _prepare(data_dir: Path) -> None:
    context = open_context(data_dir)
    try:
        admin, _ = context.users.create_first_admin("admin", "管理员", "secret-pass")
        context.users.create(admin, username="crash", display_name="crash", role=Role.SUPERVISOR,
                             password="secret-pass")
        unit, _ = context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一总站"})
        context.registry.add(admin, RegistryKind.VEHICLES, {"plate": "粤B12345", "fleet_no": "F1", "unit_id": unit.id})
        with write_transaction(context.db):
            templates_repo.insert_version(
                context.db, BODY, version=1, status=TemplateStatus.PUBLISHED, effective_month="2025-03",
                builtin=False, created_at="2025-02-20T10:00:00+08:00", published_at="2025-02-25T10:00:00+08:00")
    finally:
        context.close()


def _run_and_kill(data_dir: Path, photo_dir: Path, delay: float) -> list[str]:
    """Start the worker, SIGKILL it ``delay`` seconds after it is ready; every line it printed."""
    process = subprocess.Popen([sys.executable, str(WORKER), str(data_dir), str(photo_dir)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.strip())
            if line.strip() == "ready":
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(20):
        process.kill()
        raise AssertionError(f"worker never became ready: {process.stderr.read() if process.stderr else ''}")
    time.sleep(delay)
    assert process.poll() is None, f"worker died by itself: {process.stderr.read() if process.stderr else ''}"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    reader.join(10)
    assert process.returncode == -signal.SIGKILL
    return lines


def _verify(data_dir: Path, saved: list[tuple[int, str, str]]) -> None:
    conn = sqlite3.connect(str(data_dir / "inspector.db"))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        attached = set(conn.execute(
            "SELECT a.inspection_id, a.item_code, p.sha256 FROM answer_photos a"
            " JOIN answers r ON r.inspection_id = a.inspection_id AND r.item_code = a.item_code"
            " JOIN photos p ON p.id = a.photo_id").fetchall())
        photos = conn.execute("SELECT sha256, suffix FROM photos").fetchall()
    finally:
        conn.close()
    missing = [entry for entry in saved if entry not in attached]
    assert missing == [], f"{len(missing)} answers reported saved are not in the database: {missing[:3]}"
    for sha256, suffix in photos:
        original = data_dir / "photos" / "originals" / sha256[:2] / f"{sha256}{suffix}"
        assert original.is_file(), f"photo row {sha256} points at a missing file"
        assert sha256_of(original) == sha256
    context = open_context(data_dir)
    try:
        report = context.integrity.check()
        assert report.ok, "\n".join(report.lines())
    finally:
        context.close()


def test_recording_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    data_dir, photo_dir = tmp_path / "data", tmp_path / "incoming"
    photo_dir.mkdir()
    _prepare(data_dir)
    rng = random.Random(20250304)
    saved: list[tuple[int, str, str]] = []
    completed = 0
    for _ in range(KILLS):
        lines = _run_and_kill(data_dir, photo_dir, rng.uniform(0.05, 0.6))
        for line in lines:
            word, *rest = line.split()
            if word == "saved":
                saved.append((int(rest[0]), rest[1], rest[2]))
            completed += word == "completed"
        _verify(data_dir, saved)
    # the kills landed while work was going on, not only before the first save
    assert len(saved) >= KILLS
    assert completed >= 1
