"""Page images of written inspection reports (书面检查报告 / 客服质量检查记录), for the docs and review.

    python tools/inspection_report_pages.py [--out docs/inspections] [--dpi 60]

Builds the demo company with 80 inspections in a temporary folder and writes, through the same
service the app and ``inspector-cli inspections export`` use, the reports of

- an onsite inspection with failed items and photos: ``onsite-page-1.png`` …,
- the same after the inspected party acknowledged it on site (drawn signature): ``acknowledged-page-N.png``
  (the page with the acknowledgement only),
- a covert visit: ``covert-page-1.png`` … (检查人 is the office, no acknowledgement block),
- a clean inspection (every item passed): ``clean-page-1.png``,

with poppler's ``pdftoppm`` (required). Page images of an earlier run are removed first.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from inspector.context import open_context  # noqa: E402
from inspector.demo.company import create_demo  # noqa: E402
from inspector.domain.inspections import AnswerResult, InspectionMode, InspectionStatus  # noqa: E402
from tools.notice_pages import pages  # noqa: E402


def _signature() -> bytes:
    image = Image.new("RGBA", (360, 110), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(12, 70), (70, 25), (120, 80), (180, 30), (240, 75), (300, 35), (350, 60)],
                               fill=(20, 30, 90, 255), width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "inspections")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is required", file=sys.stderr)
        return 1
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="inspector-report-pages-") as temp:
        folder = Path(temp)
        context = open_context(folder / "data")
        create_demo(context, inspections=80)
        office = context.users.authenticate("wangfang", "demo1234")
        found = [context.inspections.get(office, row.id) for row in context.inspections.list(office, limit=500)]
        completed = [inspection for inspection in found if inspection.status is InspectionStatus.COMPLETED]

        def photographed(inspection) -> int:  # type: ignore[no-untyped-def]
            return sum(len(answer.photo_ids) for answer in inspection.answers if answer.result is AnswerResult.FAIL)

        onsite = max((i for i in completed if i.mode is InspectionMode.ONSITE), key=photographed)
        covert = max((i for i in completed if i.mode is InspectionMode.COVERT), key=photographed)
        clean = next(i for i in completed if i.mode is InspectionMode.ONSITE
                     and not any(answer.result is AnswerResult.FAIL for answer in i.answers))
        reports = context.inspection_reports
        made: list[Path] = []
        for name, inspection in (("onsite", onsite), ("covert", covert), ("clean", clean)):
            pdf = folder / f"{name}.pdf"
            reports.export(office, inspection.id, pdf)
            made += pages(pdf, out, f"{name}-page", args.dpi, first_only=name == "clean")
        reports.acknowledge(office, onsite.id, "刘海涛", _signature())
        signed = folder / "acknowledged.pdf"
        reports.export(office, onsite.id, signed)
        for old in out.glob("acknowledged-page-*.png"):
            old.unlink()
        text = subprocess.run(["pdftotext", "-layout", str(signed), "-"], check=True, capture_output=True,
                              text=True).stdout.split("\f")
        page = next(index for index, body in enumerate(text, start=1) if "被检查方确认" in body)
        subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile",
                        str(signed), str(out / f"acknowledged-page-{page}")], check=True)
        made.append(out / f"acknowledged-page-{page}.png")
        context.close()
    for image in made:
        print(f"{image.relative_to(ROOT) if image.is_relative_to(ROOT) else image}  {image.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
