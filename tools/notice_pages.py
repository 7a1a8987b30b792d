"""Page images of a sample rectification notice and its record, for the docs and for review.

    python tools/notice_pages.py [--out docs/notices] [--dpi 65]

Builds the realistic sample of ``inspector.pdf.sample`` (five 车容车貌 problems at a bus depot,
eight photos, logo, seal, drawn signatures) in a temporary folder, renders

- ``notice.pdf`` and its pages ``notice-page-1.png`` …,
- ``record.pdf``'s pages ``record-page-1.png`` … (the notice, receipt, reply, follow-up,
  before/after) — the PDF itself is not kept, its photos make it large,
- ``covert-page-1.png``: page 1 of the covert variant (经暗访检查发现, signed by the office; the
  Mon–Fri deadline note shown too),

with poppler's ``pdftoppm`` (required). Page images of an earlier run are removed first so that
a shorter document leaves no stale pages behind.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.pdf.notice_pdf import render_notice
from inspector.pdf.record_pdf import render_notice_record
from inspector.pdf.sample import sample_files, sample_notice, sample_record


def pages(pdf: Path, out: Path, prefix: str, dpi: int, *, first_only: bool = False) -> list[Path]:
    """Render ``pdf`` to ``out/prefix-N.png`` (``prefix-1.png`` only with ``first_only``)."""
    for old in out.glob(f"{prefix}-*.png"):
        old.unlink()
    command = ["pdftoppm", "-r", str(dpi), "-png"]
    if first_only:
        command += ["-f", "1", "-l", "1", "-singlefile", str(pdf), str(out / f"{prefix}-1")]
    else:
        command += [str(pdf), str(out / prefix)]
    subprocess.run(command, check=True)
    if not first_only:  # pdftoppm pads page numbers (-01) when there are ten pages or more
        for image in out.glob(f"{prefix}-*.png"):
            number = image.stem.rsplit("-", 1)[1]
            image.rename(out / f"{prefix}-{int(number)}.png")
    return sorted(out.glob(f"{prefix}-*.png"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "notices")
    parser.add_argument("--dpi", type=int, default=65, help="resolution of the page images (60–70 keeps them small)")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is required", file=sys.stderr)
        return 1
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="inspector-notice-pages-") as temp:
        folder = Path(temp)
        files = sample_files(folder / "files")
        notice = sample_notice(files)
        notice_pdf = out / "notice.pdf"
        notice_pdf.write_bytes(render_notice(notice))
        record_pdf = folder / "record.pdf"
        record_pdf.write_bytes(render_notice_record(sample_record(files, notice)))
        covert_pdf = folder / "covert.pdf"
        covert_pdf.write_bytes(render_notice(sample_notice(files, covert=True, deadline_estimated=True)))
        made = pages(notice_pdf, out, "notice-page", args.dpi)
        made += pages(record_pdf, out, "record-page", args.dpi)
        made += pages(covert_pdf, out, "covert-page", args.dpi, first_only=True)
    for image in [notice_pdf, *made]:
        print(f"{image.relative_to(ROOT) if image.is_relative_to(ROOT) else image}  {image.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
