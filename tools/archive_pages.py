"""Page images of a vehicle file (一车一档) with its complaints, for the docs and for review.

    python tools/archive_pages.py [--out docs/reports] [--dpi 60] [--inspections 120]

Builds the demo data (as ``inspector-cli demo`` does, complaints in every state included) in a
temporary folder, picks the bus with the most complaints (then the most inspections), exports its
file through ``ArchiveService`` as the quality office's demo user (wangfang) — the same path as
``inspector-cli archive vehicle`` — and renders its pages to ``vehicle-complaints-page-N.png`` with
poppler's ``pdftoppm`` (required).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from notice_pages import pages

from inspector.context import open_context
from inspector.demo.company import DEMO_PASSWORD, create_demo
from inspector.domain.registry import RegistryKind


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reports")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--inspections", type=int, default=120)
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is required", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="inspector-archive-pages-") as temp:
        context = open_context(Path(temp) / "data")
        try:
            create_demo(context, inspections=args.inspections)
            office = context.users.authenticate("wangfang", DEMO_PASSWORD)
            cases = context.complaints.list(office)
            buses = context.registry.list(office, RegistryKind.VEHICLES)
            counts = {bus.id: sum(1 for case in cases if case.intake.vehicle_id == bus.id) for bus in buses}
            bus = max(buses, key=lambda each: (counts[each.id], each.plate))
            pdf = Path(temp) / "vehicle.pdf"
            context.archives.export_vehicle(office, bus.plate, pdf)
        finally:
            context.close()
        made = pages(pdf, args.out, "vehicle-complaints-page", args.dpi)
    for image in made:
        print(image)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
