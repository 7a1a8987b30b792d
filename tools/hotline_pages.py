"""Page images of the hotline weekly report (投诉热线周报) of a realistic week, for the docs and review.

    python tools/hotline_pages.py [--out docs/reports] [--dpi 60] [--complaints 2000] [--keep-pdf]

Builds ``--complaints`` cases over a year with ``bench/complaints.py``'s generator (channels,
kinds, behaviours, units, routes, staff and phones spread as there) in a temporary folder,
exports the last complete ISO week's PDF through ``ComplaintReports`` as the quality office —
the same path as ``inspector-cli report weekly`` — and renders its pages to
``hotline-weekly-page-1.png`` … with poppler's ``pdftoppm`` (required). Earlier page images
are removed first. The generator follows the real clock, so the week shown moves with the date.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from notice_pages import pages


def load_bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_complaints", ROOT / "bench" / "complaints.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reports")
    parser.add_argument("--dpi", type=int, default=60, help="resolution (60: the size of the other docs/reports pages)")
    parser.add_argument("--complaints", type=int, default=2000, help="cases over the year (default 2000)")
    parser.add_argument("--keep-pdf", action="store_true", help="keep the PDF as hotline-weekly.pdf beside the images")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is required", file=sys.stderr)
        return 1
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    bench = load_bench()
    with tempfile.TemporaryDirectory(prefix="inspector-hotline-pages-") as temp:
        context, office, info = bench.prepared(Path(temp) / "data", {"complaints": args.complaints, "weeks": 52})
        try:
            pdf = (out if args.keep_pdf else Path(temp)) / "hotline-weekly.pdf"
            report = context.complaint_reports.export(office, "weekly", info["week"], None, pdf)
        finally:
            context.close()
        made = pages(pdf, out, "hotline-weekly-page", args.dpi)
    print(f"{report.label}: {report.total} cases, {len(report.open_cases)} open, "
          f"{report.limits.open_overdue} overdue")
    for image in made:
        print(f"{image.relative_to(ROOT) if image.is_relative_to(ROOT) else image}  {image.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
