"""bench/recording.py at a tiny size, so the bench cannot rot: a short checklist recorded item by
item through the service, every figure printed. Nothing about speed is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_recording", ROOT / "bench" / "recording.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    return bench


def test_bench_records_a_checklist_and_prints_the_ratio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    figures = bench.run(tmp_path / "data", items=12, inspections=1)
    assert figures["early_ms"] > 0 and figures["late_ms"] > 0 and figures["total_s"] > 0
    # the template is parsed when the inspection starts, not per answer; one Answer built per
    # answer recorded and one per answer read back
    assert figures["bodies_per_inspection"] <= 2
    assert figures["answers_per_inspection"] <= 2 * 12

    from inspector.context import open_context
    from inspector.domain.inspections import Answer
    from inspector.domain.templates import TemplateBody

    from pydantic import BaseModel

    # the counters are taken off again
    assert "model_validate_json" not in TemplateBody.__dict__ and "__init__" not in Answer.__dict__
    assert BaseModel.__dict__["model_validate_json"].__func__.__module__.startswith("pydantic")
    context = open_context(tmp_path / "data")
    try:  # warm-up and the timed inspection, every item answered
        assert context.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 2 * 12
    finally:
        context.close()

    assert bench.main(["--items", "12", "--inspections", "1", "--sync", "NORMAL"]) == 0
    out = capsys.readouterr().out
    assert "ratio item 12 / item 10" in out and "whole inspection" in out and "template bodies parsed" in out
