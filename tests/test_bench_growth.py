"""bench/growth.py at a tiny size, so the bench cannot rot: a few inspections and small photos
recorded through the services, every figure printed. Nothing about size or speed is asserted
beyond the figures being there and adding up."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_measures_inspections_and_photos_and_prints_them(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_growth", ROOT / "bench" / "growth.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)

    figures = bench.run(tmp_path, inspections=3, photos=1, photo_size=(320, 240))
    recorded = figures["inspections"]
    assert recorded["rows"] == {"inspections": 3, "answers": 30, "findings": 3, "audit_log": 36}
    assert all(recorded["payload"][table] > 0 for table in bench.GROUPS)
    photos = figures["photos"]
    assert photos["count"] == 1 and photos["database"] > 0
    assert set(photos["files"]) == {"original", "working", "print", "thumb"}
    assert all(size > 0 for size in photos["files"].values())

    lines: list[str] = []
    bench.report(figures, lines.append)
    text = "\n".join(lines)
    for words in ("per inspection", "audit_log", "stored / values", "per photo", "rebuilt on demand",
                  "100 000 inspections"):
        assert words in text
