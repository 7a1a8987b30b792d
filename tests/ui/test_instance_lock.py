"""One Inspector per data folder: the lock helper refuses a second holder and recovers a crash's lock."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.app import acquire_instance_lock
from inspector.paths import DataPaths


def test_second_lock_on_the_same_folder_fails_while_the_first_is_held(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    first = acquire_instance_lock(paths)
    assert first is not None and first.isLocked()
    assert paths.lock_file.exists()

    assert acquire_instance_lock(paths) is None

    first.unlock()
    again = acquire_instance_lock(paths)
    assert again is not None
    again.unlock()


def test_another_data_folder_is_not_blocked(tmp_path: Path) -> None:
    first = acquire_instance_lock(DataPaths(tmp_path / "a"))
    second = acquire_instance_lock(DataPaths(tmp_path / "b"))
    assert first is not None and second is not None
    first.unlock()
    second.unlock()


def test_lock_of_a_crashed_process_is_recovered(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data").ensure()
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    dead_pid = int(finished.stdout)
    # QLockFile's format: pid, application name, host name (a crashed Inspector left this behind).
    paths.lock_file.write_text(f"{dead_pid}\ninspector\n{socket.gethostname()}\n", encoding="utf-8")

    lock = acquire_instance_lock(paths)

    assert lock is not None
    lock.unlock()


def test_lock_is_not_lost_to_age(tmp_path: Path) -> None:
    """A window open all day keeps its lock: only a dead process makes a lock stale."""
    lock = acquire_instance_lock(DataPaths(tmp_path / "data"))
    assert lock is not None
    assert lock.staleLockTime() == 0
    lock.unlock()


def test_lock_recorded_by_a_running_process_is_respected(tmp_path: Path) -> None:
    """Contrast with the crash case: the same file naming a live process blocks the folder."""
    if not Path("/proc/self/exe").exists():
        pytest.skip("the process-name check reads /proc (Linux, where the project runs)")

    paths = DataPaths(tmp_path / "data").ensure()
    running = Path(os.readlink("/proc/self/exe")).name
    paths.lock_file.write_text(f"{os.getpid()}\n{running}\n{socket.gethostname()}\n", encoding="utf-8")

    assert acquire_instance_lock(paths) is None
