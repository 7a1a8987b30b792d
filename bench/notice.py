"""A rectification notice with 12 photos, rendered and PAdES-signed: the real path against the naive one.

    python bench/notice.py [--runs N] [--naive-runs M]

Twelve phone-like originals (``inspector.media.synthetic.camera_photo``: 4000×3000, sensor noise,
EXIF orientation 6, ≈3.5 MB each) are made once in a temporary folder, with their print-size
copies (``make_derivative`` at ``PRINT_SIDE``, what photo ingest stores for PDFs). The notice is
the five-problem sample of ``inspector.pdf.sample`` with those twelve photos spread over its
items; a local CA and a user certificate are made once (``inspector.signing.pki``).

Two figures, interleaved so that drift hits both alike:

- ``real``: ``render_notice`` (JPEG files passed by path and copied into the PDF as they are,
  ``useA85`` off, the font subset embedded) + ``sign_pdf`` (PAdES B-B with pyHanko).
- ``naive``: what one writes without thinking — ReportLab's defaults (``useA85`` on) and the
  photos handed over as PIL images of the full-size originals (opened and turned upright per
  notice), then the same signature. Everything else (layout, font, signing) is identical: the
  difference is the photo path alone.

One untimed warm-up of the real path comes first (font loading, lazy imports; the naive path
shares them). The naive path takes minutes per run (twelve 36 MB raw pictures, Flate- and
ASCII85-encoded), so it gets fewer runs (``--naive-runs``), spread among the real ones. Prints
medians, file sizes and the ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from PIL import Image, ImageOps
from reportlab import rl_config
from reportlab.lib.utils import ImageReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.domain.notice_document import NoticeDocument
from inspector.media.images import PRINT_SIDE, make_derivative
from inspector.media.synthetic import camera_photo
from inspector.pdf import photos as pdf_photos
from inspector.pdf.notice_pdf import render_notice
from inspector.pdf.sample import sample_files, sample_notice
from inspector.signing.pades import sign_pdf
from inspector.signing.pki import issue_certificate, make_ca

TARGET_S = 0.3
PHOTOS = 12
PASSWORD = "bench-password-1"


@contextmanager
def naive_reportlab(originals: dict[str, Path]) -> Iterator[None]:
    """ReportLab's defaults and PIL images of the originals instead of the print copies' paths."""
    opened: dict[str, Image.Image] = {}

    def draw(box: pdf_photos.PhotoBox) -> None:
        if box.path not in originals:  # the logo
            real_draw(box)
            return
        if box.path not in opened:
            with Image.open(originals[box.path]) as original:
                opened[box.path] = ImageOps.exif_transpose(original.convert("RGB"))
        drawn_width, drawn_height = box.drawn_size()
        box.canv.drawImage(ImageReader(opened[box.path]), (box.width - drawn_width) / 2,
                           (box.height - drawn_height) / 2, drawn_width, drawn_height)

    real_draw, real_a85 = pdf_photos.PhotoBox.draw, rl_config.useA85
    pdf_photos.PhotoBox.draw = draw  # type: ignore[method-assign]
    rl_config.useA85 = 1
    try:
        yield
    finally:
        pdf_photos.PhotoBox.draw = real_draw  # type: ignore[method-assign]
        rl_config.useA85 = real_a85


def _s(seconds: float) -> str:
    return f"{seconds:7.3f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs of the real path (default 9)")
    parser.add_argument("--naive-runs", type=int, default=1,
                        help="timed runs of the naive path (default 1: it takes minutes; 0 skips it)")
    args = parser.parse_args()
    runs, naive_runs = max(1, args.runs), max(0, min(args.naive_runs, args.runs))

    with tempfile.TemporaryDirectory(prefix="inspector-bench-notice-") as temp:
        folder = Path(temp)
        started = time.perf_counter()
        files = sample_files(folder / "sample", photo_count=PHOTOS)
        originals: dict[str, Path] = {}
        prints = []
        for index in range(PHOTOS):
            original = folder / f"IMG_{index:04d}.jpg"
            original.write_bytes(camera_photo(index))
            printed = folder / f"print_{index:04d}.jpg"
            printed.write_bytes(make_derivative(original, PRINT_SIDE))
            originals[str(printed)] = original
            prints.append(printed)
        doc: NoticeDocument = sample_notice(replace(files, photos=tuple(prints)))
        assert sum(len(item.photos) for item in doc.items) == PHOTOS
        ca_cert, ca_key = make_ca("督查办公室 CA", "市公交集团", PASSWORD)
        cert, key = issue_certificate(ca_cert, ca_key, PASSWORD, common_name="王芳", username="wangfang",
                                      organisation="市公交集团", password=PASSWORD)
        original_mb = statistics.median(path.stat().st_size for path in originals.values()) / 1e6
        print_kb = statistics.median(path.stat().st_size for path in prints) / 1e3
        print(f"made {PHOTOS} originals of 4000×3000 (median {original_mb:.2f} MB) and their {PRINT_SIDE} px print "
              f"copies (median {print_kb:.0f} KB), a CA and a certificate in {time.perf_counter() - started:.1f} s")

        def signed(pdf: bytes) -> bytes:
            return sign_pdf(pdf, cert_pem=cert, key_pem=key, password=PASSWORD, ca_cert_pem=ca_cert,
                            reason="签发整改通知单", location="督查办公室")

        def real() -> tuple[bytes, float, float]:
            start = time.perf_counter()
            pdf = render_notice(doc)
            rendered = time.perf_counter()
            result = signed(pdf)
            return result, rendered - start, time.perf_counter() - rendered

        def naive() -> tuple[bytes, float]:
            start = time.perf_counter()
            with naive_reportlab(originals):
                result = signed(render_notice(doc))
            return result, time.perf_counter() - start

        real()  # warm-up: the font, pyHanko's and ReportLab's lazy imports; the naive path shares them
        timings: dict[str, list[float]] = {"real": [], "render": [], "sign": [], "naive": []}
        sizes: dict[str, int] = {}
        naive_at = {round(step * runs / naive_runs) for step in range(naive_runs)}  # spread over the run
        for index in range(runs):
            pdf, render_s, sign_s = real()
            timings["real"].append(render_s + sign_s)
            timings["render"].append(render_s)
            timings["sign"].append(sign_s)
            sizes["real"] = len(pdf)
            if index in naive_at:
                pdf, naive_s = naive()
                timings["naive"].append(naive_s)
                sizes["naive"] = len(pdf)

    print(f"{runs} timed runs of the real path, {naive_runs} of the naive one, after one warm-up")
    medians = {name: statistics.median(values) for name, values in timings.items() if values}
    labels = {"real": "real: render + sign", "render": "  render", "sign": "  sign (PAdES)",
              "naive": "naive: render + sign"}
    for name, values in timings.items():
        if not values:
            continue
        size = f"{sizes[name] / 1e6:7.2f} MB" if name in sizes else ""
        print(f"  {labels[name]:<21} median {_s(medians[name])}   min {_s(min(values))}   max {_s(max(values))}  {size}")
    print(f"  target ≤ {TARGET_S:.1f} s median for render + sign: "
          f"{'met' if medians['real'] <= TARGET_S else 'NOT met'}")
    if "naive" in medians:
        print(f"  naive / real = {medians['naive'] / medians['real']:.0f}×   "
              f"file size naive / real = {sizes['naive'] / sizes['real']:.0f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
