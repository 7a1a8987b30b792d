"""Page images of the monthly report (月度报告) of a realistic month, for the docs and for review.

    python tools/report_pages.py [--out docs/reports] [--dpi 60] [--inspections 500] [--keep-pdf]

Builds the demo data (``inspector.demo.company``, as ``inspector-cli demo`` does: the registry,
accounts, inspections with photos over the last six months, notices in every state) in a
temporary folder, picks the last complete month that has typical before/after pairs (else the
last complete month), exports its PDF through ``ReportService`` as the quality office's demo
user (wangfang) — the same path as ``inspector-cli report monthly`` — and renders its pages to
``monthly-page-1.png`` … with poppler's ``pdftoppm`` (required). Page images of an earlier run
are removed first so that a shorter report leaves no stale pages behind.

The demo follows the real clock, so the month shown (and the figures) move with the date.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from notice_pages import pages

from inspector.context import AppContext, open_context
from inspector.domain.reports import shift_month
from inspector.services.base import local_now
from inspector.demo.company import create_demo

REPORT_USER = "wangfang"  # the demo's quality office (质量管理办公室) account
MONTHS_BACK = 6  # the demo's inspections span the last six months


def complete_months(today: date) -> list[str]:
    """The months before ``today``'s, the most recent first."""
    first = today.replace(day=1)
    return [shift_month(first, -back).strftime("%Y-%m") for back in range(1, MONTHS_BACK + 1)]


def pick_month(context: AppContext, today: date) -> str:
    """The last complete month with before/after pairs whose photos have files, else the last one."""
    user = context.users.by_username(REPORT_USER)
    months = complete_months(today)
    for month in months:
        report = context.reports.monthly(user, month)
        paths = context.reports.photo_paths(report)
        if any(pair.before in paths and pair.after in paths for pair in report.before_after):
            return month
    return months[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reports")
    parser.add_argument("--dpi", type=int, default=60,
                        help="resolution of the page images (60: the size of the other docs/reports pages)")
    parser.add_argument("--inspections", type=int, default=500, help="demo inspections to record (default 500)")
    parser.add_argument("--keep-pdf", action="store_true", help="keep the PDF as monthly.pdf beside the images")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is required", file=sys.stderr)
        return 1
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="inspector-report-pages-") as temp:
        context = open_context(Path(temp) / "data")
        try:
            create_demo(context, inspections=args.inspections)
            month = pick_month(context, local_now().date())
            pdf = (out if args.keep_pdf else Path(temp)) / "monthly.pdf"
            report = context.reports.export_pdf(context.users.by_username(REPORT_USER), month, None, pdf)
        finally:
            context.close()
        made = pages(pdf, out, "monthly-page", args.dpi)
    print(f"{report.month} {report.scope_name}: {report.inspections_total} inspections, "
          f"{len(report.overdue_notices)} overdue notices, {len(report.uncovered)} subjects not inspected, "
          f"{len(report.before_after)} before/after pairs")
    for image in made:
        print(f"{image.relative_to(ROOT) if image.is_relative_to(ROOT) else image}  {image.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
