"""bench/inspections_list.py runs to the end at a tiny size and prints every figure with its
baseline, ratio and target, so that it cannot rot. It runs in its own process (it makes and
styles its own QApplication). The figures themselves are not asserted (these machines are noisy);
the count label is — the bench raises if the page shows another count than the service's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_list_bench_prints_every_figure_with_its_baseline_and_target(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "inspections_list.py"), "--rows", "400", "--runs", "1",
                           "--small", "100"],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "400 inspections built" in out
    assert "baseline: bare SELECT id ORDER BY observed_at DESC" in out and "on 100 rows" in out
    for figure in ("first paint ", "filter '一'", "filter (cleared)", "sort by Score", "sort by Unit",
                   "jump to the end", "first paint, supervisor"):
        assert figure in out and "× baseline" in out.split(figure, 1)[1].splitlines()[0], figure
    assert out.count("target 150 ms") == 5 and out.count("target 300 ms") == 4
    assert "count label checked" in out and "RSS " in out and "target 300 MB" in out
    assert "B/inspection" in out
