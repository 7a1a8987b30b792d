"""bench/exchange.py at a tiny size, so the bench cannot rot: a real office and laptop, the month
exported and imported by child processes, the plain baseline of the same files, and every figure
of the report. Nothing about speed is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_exchange", ROOT / "bench" / "exchange.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_month_goes_through_export_and_import_at_a_tiny_size(tmp_path: Path) -> None:
    bench = load_bench()
    figures = bench.run(tmp_path, inspections=2, photos=3, max_photo_bytes=200_000)
    assert figures["photos"] == 3
    assert figures["import_output"].startswith("2 findings, 2 inspections, 3 photos, 3 new photo files; 0 already present")
    assert figures["files"] == 3 + 3 + 3  # the inspection, finding and photo records; both copies of each photo
    for key in ("export_s", "import_s", "zip_s", "unzip_s", "unzip_fsync_s", "inspx_mb", "zip_mb"):
        assert figures[key] > 0, key
    # VmHWM is the child's own; ru_maxrss starts at the parent's size when forked from a big
    # process (this pytest run), so here it is only an upper bound of it.
    assert 30 < figures["import_vmhwm_mb"] < 300 and figures["import_rss_mb"] >= figures["import_vmhwm_mb"] - 1
    text = bench.report(figures)
    assert "target ≤ 2×" in text and "peak RSS: import" in text
