"""bench/exchange_format.py at a tiny size, so the bench cannot rot: the generated month goes
through both paths, the exchange file reads back every record and photo, and one round yields
every figure. Nothing about speed is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_exchange_format", ROOT / "bench" / "exchange_format.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_one_round_at_a_tiny_size_gives_every_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_bench()
    month = bench.generate(tmp_path, inspections=3, photos=4, photo_bytes=(20_000, 40_000))
    assert len(month.records[bench.RecordKind.INSPECTION]) == 3 and len(month.originals) == 4
    ca, signer = bench.office_signer()
    figures = bench.measure(month, tmp_path, ca, signer)
    for key in ("export", "import", "plain zip", "plain unzip", "inspx_mb", "zip_mb", "peak_rss_mb"):
        assert figures[key] > 0, key
    assert figures["count inspection"] == 3 and figures["count finding"] == 6 and figures["count photo"] == 4
    assert figures["count photos original"] == 4 and figures["count photos print"] == 4
    assert figures["files"] == 3 + 4 + 4  # three record files and both copies of each photo, unzipped
    assert not (tmp_path / "month.inspx").exists() and not (tmp_path / "imported").exists()
    bench.print_figures(figures, month)
    printed = capsys.readouterr().out
    assert "export (.inspx)" in printed and "unzip + sha" in printed and "peak RSS" in printed
