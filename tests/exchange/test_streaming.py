"""Writing and reading stream: 200 MB of photos pass through a process whose resident set grows
by a few MB. Memory is a property of the code, not a timing, so it is asserted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).with_name("streaming_worker.py")
ROOT = Path(__file__).resolve().parent.parent.parent
PAYLOAD_MB = 200


def test_a_large_file_is_written_and_read_in_little_memory(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(WORKER), str(tmp_path), str(PAYLOAD_MB)], capture_output=True,
                          text=True, check=False, timeout=240, env=environment)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["payload_mb"] == PAYLOAD_MB and figures["copied_mb"] == PAYLOAD_MB
    assert figures["records"] == 20_000 and figures["file_mb"] >= PAYLOAD_MB
    # Holding the payload (or even one tenth of it) would show here; ~4 MB of growth is measured.
    assert figures["peak_mb"] - figures["baseline_mb"] < 40, figures
    assert figures["peak_mb"] < PAYLOAD_MB / 2, figures
