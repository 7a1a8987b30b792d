"""Photo ingest of a 12 MP JPEG: the real path against the naive one.

    python bench/photos.py [--runs N]

The photos are made by ``inspector.media.synthetic.camera_photo``: 4000×3000, lighting
gradients, shapes and sensor noise so the JPEG weighs what a phone's does (≈3.5 MB), with EXIF
orientation 6 (a phone held upright), so every path has to turn the picture. Each run gets a
photo of its own (distinct seed, distinct SHA-256), so the content-addressed store never
short-cuts a run as "already stored".

Three figures per run, interleaved so that drift (file cache, CPU clock) hits all of them alike:

- ``ingest``: ``PhotoService.ingest`` end to end on a fresh data folder — read the file, check
  it, decode once with ``draft()`` (libjpeg at reduced scale), turn upright, make the working
  (1600 px), print (1000 px) and thumbnail (256 px) JPEGs, SHA-256, write and fsync the
  original and the three copies, commit the ``photos`` row and its audit entry.
- ``pipeline``: the same work in memory only (``prepare_file`` + SHA-256): what the disk adds
  is the difference.
- ``naive``: what one writes without thinking — full-size decode (no ``draft()``),
  ``exif_transpose``, then three LANCZOS resizes from the full upright picture, plain JPEG
  encoding at the same quality, SHA-256; no disk writes either, so it is compared with
  ``pipeline``.

One untimed warm-up of each comes first. Prints medians and the ratio; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.context import open_context
from inspector.domain.users import Role
from inspector.media.images import PRINT_SIDE, THUMB_SIDE, WORKING_SIDE
from inspector.media.synthetic import camera_photo
from inspector.services.photos import EVIDENCE_DERIVATIVES, prepare_file

TARGET_MS = 120.0


def naive(path: Path) -> dict[int, bytes]:
    """Full decode, upright, three resizes of the full picture, JPEG, hash: no draft()."""
    data = path.read_bytes()
    hashlib.sha256(data).hexdigest()
    with Image.open(io.BytesIO(data)) as image:
        upright = ImageOps.exif_transpose(image.convert("RGB"))
    out = {}
    for side in (WORKING_SIDE, PRINT_SIDE, THUMB_SIDE):
        copy = upright.copy()
        copy.thumbnail((side, side), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, "JPEG", quality=85)
        out[side] = buffer.getvalue()
    return out


def pipeline(path: Path) -> None:
    prepared = prepare_file(path, EVIDENCE_DERIVATIVES)
    hashlib.sha256(prepared.data).hexdigest()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs (default 9, at least 7 recommended)")
    args = parser.parse_args()
    runs = max(1, args.runs)

    with tempfile.TemporaryDirectory(prefix="inspector-bench-photos-") as temp:
        folder = Path(temp)
        started = time.perf_counter()
        photos = []
        for seed in range(runs + 1):  # +1: the warm-up's own photo
            path = folder / f"IMG_{seed:04d}.jpg"
            path.write_bytes(camera_photo(seed))
            photos.append(path)
        sizes = [path.stat().st_size for path in photos]
        print(f"made {len(photos)} photos of 4000×3000 (EXIF orientation 6) in {time.perf_counter() - started:.1f} s; "
              f"JPEG size median {statistics.median(sizes) / 1e6:.2f} MB "
              f"({min(sizes) / 1e6:.2f}–{max(sizes) / 1e6:.2f})")

        context = open_context(folder / "data")
        try:
            admin, _ = context.users.create_first_admin("admin", "管理员", "bench-password-1")
            inspector, _ = context.users.create(admin, username="bench", display_name="督导", role=Role.SUPERVISOR,
                                                password="bench-password-1")

            def ingest(path: Path) -> None:
                context.photos.ingest(inspector, path)

            timings: dict[str, list[float]] = {"ingest": [], "pipeline": [], "naive": []}
            for index, path in enumerate(photos):
                measured = {}
                for name, work in (("ingest", ingest), ("pipeline", pipeline), ("naive", naive)):
                    start = time.perf_counter()
                    work(path)
                    measured[name] = time.perf_counter() - start
                if index == 0:
                    continue  # warm-up
                for name, seconds in measured.items():
                    timings[name].append(seconds)
            stored = context.photos.check_store()
        finally:
            context.close()

    print(f"{runs} timed runs, one warm-up; each run a distinct photo")
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, values in timings.items():
        print(f"  {name:<9} median {_ms(medians[name])}   min {_ms(min(values))}   max {_ms(max(values))}")
    print(f"  ingest target ≤ {TARGET_MS:.0f} ms median: {'met' if medians['ingest'] * 1000 <= TARGET_MS else 'NOT met'}")
    print(f"  naive / pipeline = {medians['naive'] / medians['pipeline']:.2f}×   "
          f"naive / ingest = {medians['naive'] / medians['ingest']:.2f}×")
    print(f"  disk and database share of ingest: {_ms(medians['ingest'] - medians['pipeline'])}")
    print(f"  store after the runs: {stored.referenced} photo(s) referenced, ok={stored.ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
